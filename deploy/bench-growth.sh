#!/usr/bin/env bash
# Measures the memory of a silo per customer and per invoice activation, and with a network of 1,000,000 invoices
# issued and its idle grains deactivated, and records it in docs/benchmarks.md.
#
#   bash deploy/bench-growth.sh [driver options]    for example: bash deploy/bench-growth.sh --sizes 2000,4000 --rounds 1 --invoices 20000
#
# Builds the solution in Release, checks the options and runs the driver's `growth` command, which hosts a silo in
# its own process and issues invoices through the grain interfaces (`bash deploy/bench-growth.sh --help` lists the
# options). Grain state and the receivables ledger are serialized and dropped, so it needs no PostgreSQL. Then it
# replaces the growth section of docs/benchmarks.md. A run with an invoice that was not created leaves the file as
# it was.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench_name=bench-growth.sh
# shellcheck source=deploy/bench-lib.sh
source "$root/deploy/bench-lib.sh"
doc="$root/docs/benchmarks.md"
command_line="bash deploy/bench-growth.sh${*:+ $*}"
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
  exec dotnet "$driver" growth --help
fi
bench_check_options growth "$@"

results=$(mktemp)
section=$(mktemp)
trap 'rm -f "$results" "$section"' EXIT
log "running the growth driver; it prints its progress here"
started=$SECONDS
dotnet "$driver" growth --markdown "$results" "$@" \
  || fail "the driver failed or an invoice was not created; docs/benchmarks.md is unchanged"
[[ -s $results ]] || fail "the driver wrote no results; docs/benchmarks.md is unchanged"
driver_seconds=$((SECONDS - started))

cat >"$section" <<SECTION
## Growth

Memory of one silo as it activates customers and invoices, and with a whole network issued and then left idle.
The driver hosts the silo in its own process and issues every invoice through \`IInvoiceGrain.IssueAsync\`, without
the API. Each invoice updates its customer's aggregate, one of its vendor's
ledger shards and the vendor's live receivables, and the first invoice of a customer enrolls it in the customer
directory and schedules its digest.

Each round deactivates every idle grain, then at each size issues the first invoice of that many new customers
and then a second invoice to each of them. The memory is read after a full garbage collection before and after
each step. The bytes per first invoice contain the customer grain, its digest grain and the reminder of its
digest schedule as well as the invoice. The bytes per second invoice contain the invoice grain and what the
invoice adds to its customer's and vendor's grains. The difference between the two is what an active customer
costs without its invoices. After the rounds, the driver issues the network and reads the memory with every grain
it activated still active, then deactivates the idle grains and reads it again.

Storage: grain state is serialized with the Orleans binary serializer, as the PostgreSQL storage of a silo does,
and then dropped, and the receivables ledger counts its entries and keeps none. A silo on PostgreSQL keeps its
stored state and ledger in the database, outside its process, so the silo here holds the same activations without
the database's cost. Memory grain storage and the in-memory ledger were not used because they keep every stored
state and ledger entry in the measured process. The PostgreSQL storage was not used because its connection
buffers and statement queues would add to the process's memory, and because the run would then also measure
ingest, which the bulk-ingest section does. Reminders are kept in the in-memory reminder table, a grain in the same
process, so a customer's digest reminder stays in memory after its grains are deactivated. A silo on PostgreSQL
keeps the table in the database, and its reminder service keeps a copy of each reminder it owns in memory.
A grain that activates again here starts empty, so these figures cover memory only, never reads from storage.
The working set falls only when the garbage collector returns committed memory to the operating system, which it
may delay, so after the deactivation the managed heap shows what the silo still uses and the committed figure
shows what the process still holds.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Commit: $(bench_commit)
- Command: \`$command_line\`
- Machine: $(bench_machine)
- Software: .NET SDK $(dotnet --version); the runtime and garbage collector are in the list below
- Load average (1, 5, 15 min) when the script started: $load_at_start. A load above the core count before the
  benchmark starts means other programs were running, so the rates are likely lower than on an idle machine.
- Wall-clock time of the driver: $driver_seconds s, build not included.

$(cat "$results")
SECTION

bench_replace_section "$doc" growth "$section"
log "wrote the results to docs/benchmarks.md"
