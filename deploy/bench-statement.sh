#!/usr/bin/env bash
# Measures a customer's bundled statement read, from the live grain aggregate through the API and from a well-indexed
# SQL invoices table, side by side in one run, and records it in docs/benchmarks.md.
#
#   bash deploy/bench-statement.sh [options]    for example: bash deploy/bench-statement.sh --invoices 20000 --rounds 1
#
# Builds the solution in Release and checks the options, so a mistyped option fails before anything starts. Then it
# starts its own PostgreSQL under var/postgres-bench, resets the database, applies the schema and starts the API with
# a co-hosted silo on free ports. The driver's `statement` command writes the generated invoices into a plain
# invoices table with a binary COPY, pushes the target customer's 200 invoices through the API, checks that both
# sides return the same statement and times both reads. At the end it replaces the bundled-statement section of
# docs/benchmarks.md. A run whose checks fail leaves the file as it was. Intermediate files go to var/bench-statement
# and the API log to var/log/bench-statement-api-<UTC start time>.log, a new file for each run.
#
# Options, passed to the driver's `statement` command; the script sets --api and --markdown itself:
#   --invoices N              invoices in the SQL table, the target customer's 200 included; default 1000000
#   --seed N                  seed of the generator; default 1
#   --as-of YYYY-MM-DD        date the statement is read for; default today (UTC)
#   --rounds N                measured rounds, each timing both reads; default 3
#   --reads N                 reads of each kind per round; default 300
#   --warmup-reads N          reads of each kind before round 1, not counted; default 100
# After a build, `dotnet tests/Benchmarks/bin/Release/net10.0/TermSync.Benchmarks.dll statement --help` describes
# the driver's options in full.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench_name=bench-statement.sh
# shellcheck source=deploy/bench-lib.sh
source "$root/deploy/bench-lib.sh"
doc="$root/docs/benchmarks.md"
work="$root/var/bench-statement"
driver="$root/tests/Benchmarks/bin/Release/net10.0/TermSync.Benchmarks.dll"
command_line="bash deploy/bench-statement.sh${*:+ $*}"
load_at_start=$(bench_load_average)

for argument in "$@"; do
  case $argument in
    --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    --api | --markdown) fail "the script sets $argument itself; leave it out" ;;
  esac
done

bench_build
bench_check_options statement --api http://127.0.0.1/ --markdown "$work/results.md" "$@"
bench_prepare "$work"
bench_reset_database
bench_migrate
api_log=$(bench_log_file bench-statement-api)
bench_start_api "$api_log"

log "loading both sides and timing the statement reads"
started=$SECONDS
measure_status=0
TERMSYNC_API_KEY=$admin_key ConnectionStrings__TermSync=$connection dotnet "$driver" statement --api "$api_url" \
  --markdown "$work/results.md" "$@" || measure_status=$?
driver_seconds=$((SECONDS - started))
bench_stop_api
bench_stop_postgres
[[ $measure_status -eq 0 ]] || fail "the statement benchmark failed or its checks did not pass; docs/benchmarks.md is unchanged"

cat >"$section" <<SECTION
## Bundled statement read

Latency of one customer's bundled statement, its open invoices grouped by vendor with totals per currency, read two
ways in the same run:

- **live**: \`GET /customers/{customerId}/statement?asOf=\` through the API with the admin key. The customer grain
  keeps its open invoices and running totals in memory. The API makes two calls to it, one to check that the
  customer exists and one for the statement. The grain keeps its vendors' names in memory for a minute, so a read
  calls a vendor grain only when a name is older than that.
- **sql**: the same statement computed by a conventional AR system from a plain \`invoices\` table joined to a
  \`vendors\` table for the names. The invoices table has the columns vendor id, invoice number, customer id,
  currency, amount, open amount, disputed amount, issue date, due date and status. Npgsql sends two prepared queries in one round trip: the open invoices in statement
  order, and the totals per currency for each vendor and for the statement (\`GROUPING SETS\`). The partial index
  \`(customer_id, vendor_id, due_date, invoice_number) INCLUDE (currency, amount, open_amount, disputed_amount,
  issue_date) WHERE status = 'open'\` covers both, so they are index-only scans (plans below).

Each round sends a series of live reads, then a series of SQL reads, then a series of \`GET /vendors/{vendorId}\`
reads (vendor-profile), each read only after the previous one returned, so the figures are latencies, not
throughput. The vendor profile read is one grain call with a small response, so it shows what the API's HTTP,
authentication and one grain call cost on this machine, apart from the statement's own work. A live read is timed from sending the HTTP request to reading the last
byte of the JSON response. It includes the HTTP, authentication and JSON serialization of the API. A SQL read is
timed from executing the batch to reading its last row into objects on an open connection, without any HTTP layer, so
the comparison favours SQL.

Only the target customer's 200 invoices are in TermSync. The other invoices of the network exist only in the SQL
table, because pushing a million invoices through the API would take more than an hour at the ingest rate recorded
in the bulk-ingest section. That does not change what a live read costs. A customer grain's state holds only that
customer's invoices, and the vendor grains it asks hold only their profiles. A read of active grains sends no query
to PostgreSQL, so the invoices of other customers are neither read nor held by the grains that serve it. The count
of rows PostgreSQL read during the live reads, below, checks the last point.

The API with its co-hosted silo, PostgreSQL and the driver share the machine below, with other work (a CI run
and other benchmarks) on the same 2 cores, as the load average shows.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Commit: $(bench_commit)
- Command: \`$command_line\`
- Machine: $(bench_machine)
- Software: .NET SDK $(dotnet --version), runtime $(bench_runtime), PostgreSQL $pg_version
- Load average (1, 5, 15 min) when the script started: $load_at_start. A load above the core count means other
  programs were running, so the latencies are likely higher and more spread than on an idle machine.
- Wall-clock time of the driver: $driver_seconds s, loading included.

$(cat "$work/results.md")

What limits the figures: the covering partial index makes both SQL queries index-only scans of a few pages (see the
buffers in the plans), so the SQL read is mostly one round trip to PostgreSQL and reading 200 rows. The live read is
timed through the whole API. The vendor-profile rows are the cost of any API request with one grain call on this
machine. The rest of a live read is the statement's own work, which this run does not break down further. It is a second
grain call, building 200 lines and writing the JSON response of about 60 KB. The vendor names come from the customer
grain's memory in steady state, so no vendor grain is called. While the SQL read is timed without HTTP, the p50 target needs a live read faster than a
tenth of the SQL read, and the line above compares that with the vendor-profile floor. The p99 of both reads varies
from round to round with the load of the other programs on the 2 cores, so compare the rounds, not only the medians.
SECTION

bench_replace_section "$doc" bundled-statement "$section"
log "wrote the results to docs/benchmarks.md; the API's log is $api_log"
