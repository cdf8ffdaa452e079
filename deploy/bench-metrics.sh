#!/usr/bin/env bash
# Measures receivables metrics reads on generated networks of several sizes and records them in docs/benchmarks.md.
#
#   bash deploy/bench-metrics.sh [--invoices N,N,...] [options]    for example: bash deploy/bench-metrics.sh --invoices 2000,20000 --rounds 1
#
# Builds the solution in Release and checks the options, so a mistyped option fails before anything starts. Then it
# starts its own PostgreSQL under var/postgres-bench. For each size, in the order given, it resets the database,
# applies the schema and writes a generated network straight into receivables_ledger (the driver's `metrics load`
# command). Then it starts the API with a co-hosted silo on free ports, registers the network's vendors, times the
# reads (the driver's `metrics measure` command) and stops the API. At the end it replaces the receivables-metrics
# section of docs/benchmarks.md. A run whose checks fail leaves the file as it was. Intermediate files go to
# var/bench-metrics and the API logs to var/log/bench-metrics-api-<size>-<UTC start time>.log, new files for each run.
#
# The API's connection string sets Npgsql's command timeout to 600 s instead of the default 30 s. A network read
# computed from the ledger of a million invoices can take longer on a loaded 2-core machine, and the API returns
# 500 for a timed-out query.
#
# Options:
#   --invoices N,N,...        network sizes in invoices, comma-separated; default 10000,100000,1000000
#   --seed N, --vendors N, --invoices-per-customer N, --last-date YYYY-MM-DD
#                             passed to `metrics load`
#   --rounds N, --reads N, --min-reads N, --series-seconds N, --warmup-reads N
#                             passed to `metrics measure`
# After a build, `dotnet tests/Benchmarks/bin/Release/net10.0/TermSync.Benchmarks.dll metrics load --help`, and the
# same with `metrics measure`, describe the driver's options in full.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench_name=bench-metrics.sh
# shellcheck source=deploy/bench-lib.sh
source "$root/deploy/bench-lib.sh"
doc="$root/docs/benchmarks.md"
work="$root/var/bench-metrics"
api_command_timeout=600
driver="$root/tests/Benchmarks/bin/Release/net10.0/TermSync.Benchmarks.dll"
command_line="bash deploy/bench-metrics.sh${*:+ $*}"
load_at_start=$(bench_load_average)

sizes=10000,100000,1000000
load_options=()
measure_options=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    --invoices | --seed | --vendors | --invoices-per-customer | --last-date | \
      --rounds | --reads | --min-reads | --series-seconds | --warmup-reads)
      if [[ $# -lt 2 || $2 == --* ]]; then
        case $1 in
          --invoices) value='N,N,...' ;;
          --last-date) value=YYYY-MM-DD ;;
          *) value=N ;;
        esac
        log "error: the option $1 has no value; pass it as $1 $value. Run with --help for usage."
        exit 2
      fi
      case $1 in
        --invoices) sizes=$2 ;;
        --seed | --vendors | --invoices-per-customer | --last-date) load_options+=("$1" "$2") ;;
        *) measure_options+=("$1" "$2") ;;
      esac
      shift 2
      ;;
    *)
      bench_reject_option "$1" --invoices --seed --vendors --invoices-per-customer --last-date \
        --rounds --reads --min-reads --series-seconds --warmup-reads
      ;;
  esac
done
[[ $sizes =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] \
  || fail "--invoices is '$sizes' but must be whole numbers above 0 separated by commas, such as 10000,1000000"
IFS=, read -r -a size_list <<<"$sizes"

bench_build
bench_check_options metrics load --invoices "${size_list[0]}" --manifest "$work/network.json" "${load_options[@]}"
bench_check_options metrics measure --api http://127.0.0.1/ --manifest "$work/network.json" --silo-pid 1 \
  --output "$work/result.json" "${measure_options[@]}"
bench_prepare "$work"

timings=()
result_files=()
for size in "${size_list[@]}"; do
  size_started=$SECONDS
  bench_reset_database
  bench_migrate

  log "loading a network of $size invoices into receivables_ledger"
  load_started=$SECONDS
  ConnectionStrings__TermSync=$connection dotnet "$driver" metrics load --invoices "$size" \
    --manifest "$work/network-$size.json" "${load_options[@]}" || fail "loading $size invoices failed; docs/benchmarks.md is unchanged"
  load_seconds=$((SECONDS - load_started))

  bench_start_api "$(bench_log_file "bench-metrics-api-$size")" "$connection;Command Timeout=$api_command_timeout"
  log "measuring reads at $size invoices"
  measure_started=$SECONDS
  measure_status=0
  TERMSYNC_API_KEY=$admin_key ConnectionStrings__TermSync=$connection dotnet "$driver" metrics measure --api "$api_url" \
    --manifest "$work/network-$size.json" --silo-pid "$api_pid" --output "$work/result-$size.json" \
    "${measure_options[@]}" || measure_status=$?
  measure_seconds=$((SECONDS - measure_started))
  bench_stop_api
  [[ $measure_status -eq 0 ]] || fail "measuring $size invoices failed or its checks did not pass; docs/benchmarks.md is unchanged"

  result_files+=("$work/result-$size.json")
  timings+=("$size invoices: $((SECONDS - size_started)) s in all, of which $load_seconds s loading and $measure_seconds s measuring")
done
bench_stop_postgres

dotnet "$driver" metrics report --markdown "$work/results.md" "${result_files[@]}" >/dev/null \
  || fail "a result holds a failed check; docs/benchmarks.md is unchanged"

cat >"$section" <<SECTION
## Receivables metrics reads

Latency of three reads on generated networks of each size:

- \`GET /metrics/network/receivables\` without \`asOf\`: the network's live figures for today;
- \`GET /vendors/{vendorId}/metrics/receivables\` without \`asOf\`: the live figures of the vendor with the most
  invoices;
- \`GET /metrics/network/receivables?asOf=\` the end of a past quarter: figures computed from the receivables
  ledger with SQL.

Each read is sent only after the previous one returned, with the admin key, so the figures are latencies, not
throughput.

The generator writes each network straight into the \`receivables_ledger\` table with a binary COPY. It bypasses
the API, the invoice grains and the ledger writer, so no invoice, customer or vendor ledger grain has state. Only
the ledger rows exist, with the columns, entry kinds and entry keys that the invoice and conversation grains
write. Its vendors are registered through \`POST /vendors\` before the warm-up. Issue dates cover the same two
years for every size, ending with the last date (the day before the run unless \`--last-date\` says otherwise),
so the sizes differ only in how many invoices fall on each day. Of all invoices, the generator voids 1 %, amends
1 %, credits 3.5 % in part or in full, leaves 4 % unpaid and writes off 1.5 %. It pays the rest in one payment or
(12 %) two, 45 % of them after the due date and 0.4 % with a reversed payment. The customer queries 6 %.
Entries that would fall after the last date are left out, so recent invoices are still open. The row counts by
kind are below.

The API with its co-hosted silo, PostgreSQL and the driver share the machine below, and each size gets a new
database and a new API process. The API's connection string sets Npgsql's command timeout to
$api_command_timeout s instead of the default 30 s. With the default, a network read computed from the ledger of
a million invoices failed with 500 on the machine below when its query passed 30 s. Where grains keep the live
figures, the first live read activates them and they rebuild their totals from the ledger. Until the network grain has
every vendor's totals, network reads are computed from the ledger, so the first live network read shows
the ledger's latency and source. That read and the
first read of each other series are reported apart as warm-up. The "source" column gives the responses'
\`source\` property ("live" for running totals, "ledger" for SQL), or "none" where the API sets none. The
"ledger rows read per request" column shows which reads computed their figures from the ledger with SQL.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Commit: $(bench_commit)
- Command: \`$command_line\`
- Machine: $(bench_machine)
- Software: .NET SDK $(dotnet --version), runtime $(bench_runtime), PostgreSQL $pg_version
- Load average (1, 5, 15 min) when the script started: $load_at_start. A load above the core count means other
  programs were running, so the latencies are likely higher and more spread than on an idle machine.
- Wall-clock time of the script per size: $(printf '%s; ' "${timings[@]}" | sed 's/; $//').

$(cat "$work/results.md")
SECTION

bench_replace_section "$doc" receivables-metrics "$section"
log "wrote the results to docs/benchmarks.md; the API's logs are $(bench_log_file 'bench-metrics-api-*')"
