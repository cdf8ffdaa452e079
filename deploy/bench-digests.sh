#!/usr/bin/env bash
# Measures one digest cycle of a large network on this machine and records it in docs/benchmarks.md.
#
#   bash deploy/bench-digests.sh [driver options]    for example: bash deploy/bench-digests.sh --customers 2000
#
# Builds the solution in Release, checks the options and runs the driver's `digest-cycle` command, which hosts a
# silo in its own process with in-memory grain storage and reminders, so it needs no PostgreSQL
# (`bash deploy/bench-digests.sh --help` lists the options).
# Then it replaces the digest-cycle section of docs/benchmarks.md. A run whose checks fail leaves the file as it was.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench_name=bench-digests.sh
# shellcheck source=deploy/bench-lib.sh
source "$root/deploy/bench-lib.sh"
doc="$root/docs/benchmarks.md"
command_line="bash deploy/bench-digests.sh${*:+ $*}"
load_at_start=$(bench_load_average)

command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing; install it (package dotnet-sdk-10.0) and run again"
driver="$root/tests/Benchmarks/bin/Release/net10.0/TermSync.Benchmarks.dll"
help=false
for argument in "$@"; do
  [[ $argument == --markdown ]] && fail "the script passes --markdown itself; leave it out"
  [[ $argument == --help ]] && help=true
done

bench_build
if $help; then
  exec dotnet "$driver" digest-cycle --help
fi
bench_check_options digest-cycle "$@"

results=$(mktemp)
section=$(mktemp)
trap 'rm -f "$results" "$section"' EXIT
log "running the digest-cycle driver; it prints its progress here"
# The driver hosts the silo in its own process, so it takes the silo hosts' server garbage collector here.
DOTNET_gcServer=1 dotnet "$driver" digest-cycle --markdown "$results" "$@" \
  || fail "the driver failed or its checks did not pass; docs/benchmarks.md is unchanged"
[[ -s $results ]] || fail "the driver wrote no results; docs/benchmarks.md is unchanged"

commit=$(bench_commit)

cat >"$section" <<SECTION
## Digest cycle

Wall-clock time of one digest cycle, and the memory of the silo process while it runs. The driver
hosts one silo in its own process and runs the cycle as \`POST /digest-cycles\` does: it asks all 64
customer directory shards at once, and each shard runs the digests of its customers, 32 at a time. For
each customer, the digest grain reads the statement from the customer grain, which carries the balance
of each open invoice. It renders the digest and writes its HTML and plain-text files to the outbox
folder on this machine's disk. It writes its own state twice, as pending before delivery and as
delivered after it. The silo runs with the server garbage collector, as the silo hosts of TermSync do.

Grain storage and reminders are in memory, with the same binary state serializer as the PostgreSQL
storage. Storing the invoices in PostgreSQL-backed grains is what the bulk-ingest benchmark measures;
keeping storage in memory here isolates the cycle itself: activations, rendering, delivery and the
state writes. On PostgreSQL, each state write is also a database round trip (two per
sent digest), and every grain that is not active reads its state from the database first. The silo
logs at Warning, so the Information event that a silo writes for every sent digest is not written.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Commit: $commit
- Command: \`$command_line\`
- Machine: $(bench_machine)
- Software: .NET SDK $(dotnet --version); the runtime and Orleans versions are in the list below
- Load average (1, 5, 15 min) when the script started: $load_at_start. A load above the core count
  before the benchmark starts means other programs were running, so the figures are likely higher and
  more spread than on an idle machine.

$(cat "$results")
SECTION

bench_replace_section "$doc" digest-cycle "$section"
log "wrote the results to docs/benchmarks.md"
