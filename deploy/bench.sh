#!/usr/bin/env bash
# Measures bulk-ingest throughput on this machine and records it in docs/benchmarks.md.
#
#   bash deploy/bench.sh [driver options]    for example: bash deploy/bench.sh --customers 1000 --rounds 5
#
# Builds the solution in Release and checks the driver options, so a mistyped option fails before anything
# starts. Then it starts its own PostgreSQL under var/postgres-bench with pg_stat_statements loaded, resets its
# database, applies the schema, starts the API with a co-hosted silo, and runs the driver in tests/Benchmarks
# (`bash deploy/bench.sh --help` lists its options). After the API rounds, the driver runs the COPY and naive
# grain-write baselines on the same database. Every port is a free one picked at start. The API logs to
# var/log/bench-api-<UTC start time>.log, a new file for each run.
# Afterwards it stops the API, and PostgreSQL unless that server already ran before, and replaces the
# bulk-ingest section of docs/benchmarks.md. A run whose checks fail leaves the file as it was.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench_name=bench.sh
# shellcheck source=deploy/bench-lib.sh
source "$root/deploy/bench-lib.sh"
doc="$root/docs/benchmarks.md"
command_line="bash deploy/bench.sh${*:+ $*}"
load_at_start=$(bench_load_average)

command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing; install it (package dotnet-sdk-10.0) and run again"
command -v curl >/dev/null || fail "curl is missing; install it with: apt-get install curl"

# --help prints the driver's options before anything starts, so it leaves the database and the results file alone.
for argument in "$@"; do
  case $argument in
    --help)
      dotnet build "$root/TermSync.sln" -c Release --nologo -v quiet
      exec dotnet "$root/tests/Benchmarks/bin/Release/net10.0/TermSync.Benchmarks.dll" ingest --help
      ;;
    --api | --markdown) fail "the script sets $argument itself; leave it out" ;;
  esac
done

bench_build
bench_check_options ingest --api http://127.0.0.1/ "$@"

stop_all() {
  bench_stop_api
  bench_stop_postgres
}
trap stop_all EXIT
trap 'exit 130' INT TERM

export TERMSYNC_POSTGRES_STAT_STATEMENTS=on
bench_start_postgres
bench_reset_database
bin=net10.0
bench_migrate

bench_make_keys
api_log=$(bench_log_file bench-api)
bench_start_api "$api_log"

results=$(mktemp)
section=$(mktemp)
trap 'stop_all; rm -f "$results" "$section"' EXIT
log "running the bulk-ingest driver"
TERMSYNC_API_KEY=$admin_key ConnectionStrings__TermSync=$connection \
  dotnet "$root/tests/Benchmarks/bin/Release/$bin/TermSync.Benchmarks.dll" ingest \
  --api "$api_url" --markdown "$results" "$@" || fail "the driver failed or its checks did not pass; docs/benchmarks.md is unchanged"
[[ -s $results ]] || fail "the driver wrote no results; docs/benchmarks.md is unchanged"

commit=$(bench_commit)
runtime=$(bench_runtime)

# The storage's version column starts at 1 and grows by 1 on every write, so it counts a grain's writes. Only the
# rows of the API's silo count: the naive baseline writes under its own service id. The to_char patterns group
# thousands with commas, as the driver's tables do.
state_query() { bench_psql -tA -d termsync -c "$1"; }
integer_format="'FM999,999,999,990'"
tenths_format="'FM999,999,999,990.0'"
state_rows=$(state_query "
  SELECT format('| %s | %s | %s | %s | %s |', grain_type_string, to_char(count(*), $integer_format), to_char(avg(version), $tenths_format),
                to_char(avg(length(payload_binary)), $integer_format), to_char(max(length(payload_binary)), $integer_format))
  FROM orleans_grain_state WHERE service_id <> 'termsync-naive-baseline' GROUP BY grain_type_string ORDER BY sum(version) DESC")
# Customer grains and vendor ledger shards write each change as a journal entry and delete the entries that a new
# snapshot contains, so the table contains the entries written since each grain's last snapshot.
journal_rows=$(state_query "
  SELECT format('| %s | %s | %s | %s | %s |', grain, to_char(grains, $integer_format), to_char(entries, $integer_format),
                to_char(bytes, $integer_format), to_char(highest, $integer_format))
  FROM (SELECT split_part(grain_id, '/', 1) AS grain, count(DISTINCT grain_id) AS grains, count(*) AS entries,
               avg(length(payload)) AS bytes, max(sequence) AS highest
        FROM grain_journal WHERE service_id <> 'termsync-naive-baseline' GROUP BY 1) AS kinds
  ORDER BY entries DESC")
writes_per_invoice=$(state_query "
  SELECT round(sum(version)::numeric / nullif(count(*) FILTER (WHERE grain_type_string = 'invoice'), 0), 2)
  FROM orleans_grain_state WHERE service_id <> 'termsync-naive-baseline'")

cat >"$section" <<SECTION
## Bulk ingest

Invoices per second stored through \`POST /vendors/{vendorId}/invoices/batch\`. The API returns 200
for a batch only after each invoice, its customer's aggregate and its vendor ledger shard are written to
PostgreSQL, so every acknowledged invoice is a persisted one. Each round sends the invoices of a
generated network once under new invoice numbers, so every request creates invoices. The driver, the
API with its co-hosted silo, and PostgreSQL share the machine below. In the same run, the driver
stores the same invoices with binary COPY into a plain table, the floor set by the database, and with
one grain state write per invoice, the naive Orleans way.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Commit: $commit
- Command: \`$command_line\`
- Machine: $(bench_machine)
- Software: .NET SDK $(dotnet --version), runtime $runtime, PostgreSQL $pg_version
- Load average (1, 5, 15 min) when the script started: $load_at_start. A load above the core count
  before the benchmark starts means other programs were running, so the figures are likely lower and
  more spread than on an idle machine.

$(cat "$results")

Grain state in PostgreSQL after the run, warm-up included ($writes_per_invoice state writes per stored invoice):

| grain | rows | writes per row (mean) | bytes per row (mean) | bytes per row (max) |
|---|--:|--:|--:|--:|
$state_rows

Journal entries in PostgreSQL after the run, written since each grain's last snapshot:

| grain | grains | entries | bytes per entry (mean) | highest entry number |
|---|--:|--:|--:|--:|
$journal_rows

How TermSync stores a batch: the API calls the batch's invoice grains all at once. Each invoice grain
writes its state, then applies the new version to its customer grain and its vendor ledger shard and
appends its ledger entries. Grain state goes through the group-commit storage: the reads and writes
that wait at the same moment go to PostgreSQL as one statement each, two statements at a time, and a
write completes only when its statement committed. Customer grains and ledger shards are reentrant, so
changes that arrive during a write share the next one. They write each change as a small journal entry,
and their whole state as a snapshot only after about as many entries as they contain invoices, so a
change costs about the same however many open invoices the customer has.

What limits the figure: every new invoice costs its own state row, a journal entry of its customer and
one of its ledger shard, and its ledger rows, each written by a group-commit statement. It also costs
four grain calls: its invoice grain, its customer, its ledger shard and its vendor's live receivables.
Each batch also adds one journal entry to each customer account it brings new invoice numbers. The API
with its silo, PostgreSQL and the driver share the 2 cores; the profile section below this one
shows where the CPU goes.
SECTION

bench_replace_section "$doc" bulk-ingest "$section"
log "wrote the results to docs/benchmarks.md; the API's log is $api_log"
