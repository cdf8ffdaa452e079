#!/usr/bin/env bash
# Measures one digest cycle of a large network on this machine and records it in docs/benchmarks.md.
#
#   deploy/bench-digests.sh [driver options]    for example: deploy/bench-digests.sh --customers 2000
#
# Builds the solution in Release and runs `TermSync.Benchmarks digest-cycle`, which hosts a silo in its own
# process with in-memory grain storage and reminders, so it needs no PostgreSQL
# (`deploy/bench-digests.sh --help` lists the options).
# Then it replaces the digest-cycle section of docs/benchmarks.md. A run whose checks fail leaves the file as it was.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
doc="$root/docs/benchmarks.md"
begin_marker='<!-- digest-cycle:begin -->'
end_marker='<!-- digest-cycle:end -->'
command_line="bash deploy/bench-digests.sh${*:+ $*}"
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')

log() { printf 'bench-digests.sh: %s\n' "$*" >&2; }
fail() { log "error: $*"; exit 1; }

command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing; install it (package dotnet-sdk-10.0) and run again"
driver="$root/tests/Benchmarks/bin/Release/net10.0/TermSync.Benchmarks.dll"
help=false
for argument in "$@"; do
  [[ $argument == --markdown ]] && fail "the script passes --markdown itself; leave it out"
  [[ $argument == --help ]] && help=true
done

log "building in Release"
dotnet build "$root/TermSync.sln" -c Release --nologo -v quiet
if $help; then
  exec dotnet "$driver" digest-cycle --help
fi

results=$(mktemp)
section=$(mktemp)
trap 'rm -f "$results" "$section"' EXIT
log "running the digest-cycle driver; it prints its progress here"
dotnet "$driver" digest-cycle --markdown "$results" "$@" \
  || fail "the driver failed or its checks did not pass; docs/benchmarks.md is unchanged"
[[ -s $results ]] || fail "the driver wrote no results; docs/benchmarks.md is unchanged"

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$root" status --porcelain -- . ':!docs/benchmarks.md' 2>/dev/null) ]]; then
  commit="$commit with uncommitted changes"
fi
cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
memory_gib=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
os_name=$(. /etc/os-release && echo "$PRETTY_NAME")

cat >"$section" <<SECTION
## Digest cycle

Wall-clock time of one digest cycle, and the memory of the silo process while it runs. The driver
hosts one silo in its own process and runs the cycle as \`POST /digest-cycles\` does: it asks all 64
customer directory shards at once, and each shard runs the digests of its customers, 32 at a time. For
each customer, the digest grain reads the statement from the customer grain, re-reads each open invoice
from its invoice grain, renders the digest, writes its HTML and plain-text files to the outbox folder,
and writes its own state twice, as pending before delivery and as delivered after it.

Grain storage and reminders are in memory, with the same binary state serializer as the PostgreSQL
storage. Storing the invoices in PostgreSQL-backed grains is what the bulk-ingest benchmark measures;
keeping storage in memory here isolates the cycle itself: rendering, re-reading every invoice grain,
delivery and the state writes. On PostgreSQL, each state write is also a database round trip (two per
sent digest), and every grain that is not active reads its state from the database first. The silo
logs at Warning, so the Information event that a silo writes for every sent digest is not written.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Commit: $commit
- Command: \`$command_line\`
- Machine: $(nproc) cores ($cpu_model), $memory_gib GiB RAM, $os_name, Linux $(cat /proc/sys/kernel/osrelease)
- Software: .NET SDK $(dotnet --version); the runtime and Orleans versions are in the list below
- Load average (1, 5, 15 min) when the script started: $load_at_start. A load above the core count
  before the benchmark starts means other programs were running, so the figures are likely higher and
  more spread than on an idle machine.

$(cat "$results")
SECTION

mkdir -p "$(dirname "$doc")"
if [[ ! -f $doc ]]; then
  printf '# Benchmarks\n\nMeasured figures of TermSync with the command that produced each. Scripts rewrite the section between their markers.\n' >"$doc"
fi
if grep -qF "$begin_marker" "$doc"; then
  awk -v begin="$begin_marker" -v end="$end_marker" -v file="$section" '
    $0 == begin { print; while ((getline line < file) > 0) print line; skipping = 1; next }
    $0 == end { skipping = 0 }
    !skipping { print }
  ' "$doc" >"$doc.new"
  mv "$doc.new" "$doc"
else
  { echo; echo "$begin_marker"; cat "$section"; echo "$end_marker"; } >>"$doc"
fi
log "wrote the results to docs/benchmarks.md"
