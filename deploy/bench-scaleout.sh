#!/usr/bin/env bash
# Measures bulk-ingest throughput with one silo and with two silo processes behind a separate API process, checks
# that every acknowledged invoice is stored once, and records both in docs/benchmarks.md.
#
#   bash deploy/bench-scaleout.sh [driver options]    for example: bash deploy/bench-scaleout.sh --customers 500 --batch-size 500 --rounds 1
#
# Builds the solution in Release and checks the options, so a mistyped option fails before anything starts. Then it
# starts its own PostgreSQL under var/postgres-bench and runs two layouts one after the other, each on a new database
# with the schema applied:
#
#   one silo        the API with a co-hosted silo, as deploy/bench.sh runs it;
#   two silos       two silo processes (src/Silo) that form a cluster through the membership table in PostgreSQL,
#                   and the API as a cluster client (Orleans:Mode=Client) that sends grain calls to their gateways.
#
# In each layout it runs the bulk-ingest driver (the driver's `ingest` command) with the same options and reads the
# CPU time of every process from /proc/PID/stat before and after. Then it counts the stored invoices in
# orleans_grain_state and the issued entries in receivables_ledger. It replaces the scale-out section of
# docs/benchmarks.md; a failed check leaves the file as it was. The API and silo logs go to
# var/log/bench-scaleout-*-<UTC start time>.log, new files for each run.
#
# Options are passed to the driver after the script's defaults, --customers 1000 --rounds 3 --baselines no, so a
# later value wins (`bash deploy/bench.sh --help` lists them). --api and --markdown are set by the script.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench_name=bench-scaleout.sh
# shellcheck source=deploy/bench-lib.sh
source "$root/deploy/bench-lib.sh"
doc="$root/docs/benchmarks.md"
work="$root/var/bench-scaleout"
driver="$root/tests/Benchmarks/bin/Release/net10.0/TermSync.Benchmarks.dll"
silo_dll="$root/src/Silo/bin/Release/net10.0/TermSync.Silo.dll"
command_line="bash deploy/bench-scaleout.sh${*:+ $*}"
load_at_start=$(bench_load_average)
ticks_per_second=$(getconf CLK_TCK)

for argument in "$@"; do
  case $argument in
    --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    --api | --markdown) fail "the script sets $argument itself; leave it out" ;;
  esac
done
# The COPY and naive baselines belong to bench.sh; here they would only add to the measured CPU time.
driver_options=(--customers 1000 --rounds 3 --baselines no "$@")

bench_build
bench_check_options ingest --api http://127.0.0.1/ "${driver_options[@]}"

silo_pids=()
stop_silos() {
  local pid
  for pid in "${silo_pids[@]}"; do
    if kill "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null || true
    fi
  done
  silo_pids=()
}

bench_prepare "$work"
trap 'stop_silos; bench_stop_all' EXIT

# Prints the CPU seconds that process $1 has used, user and system time, from /proc/PID/stat. With $2 = children,
# the CPU time of its children that have exited and been waited for is added (cutime and cstime).
cpu_seconds() {
  local pid=$1 with_children=${2:-} stat
  stat=$(sed 's/^.*) //' "/proc/$pid/stat") || fail "process $pid has exited; see $(bench_log_file 'bench-scaleout-*')"
  # After the command name, the fields count from 3 (state), so utime (14) is $12 and cutime (16) is $14.
  awk -v children="$with_children" -v ticks="$ticks_per_second" \
    '{ total = $12 + $13; if (children == "children") total += $14 + $15; printf "%.2f\n", total / ticks }' <<<"$stat"
}

# Prints the CPU seconds of the PostgreSQL server: the postmaster, its live children and the children it has reaped.
postgres_cpu_seconds() {
  local postmaster child total
  postmaster=$(head -n 1 "$pg_data/postmaster.pid")
  total=$(cpu_seconds "$postmaster" children)
  for child in $(ps -o pid= --ppid "$postmaster"); do
    total=$(awk -v a="$total" -v b="$(cpu_seconds "$child" 2>/dev/null || echo 0)" 'BEGIN { printf "%.2f", a + b }')
  done
  printf '%s\n' "$total"
}

# Prints the busy and total CPU time of the machine in ticks, from the first line of /proc/stat.
machine_ticks() {
  awk '/^cpu / { total = 0; for (i = 2; i <= 9; i++) total += $i; print total - $5 - $6, total }' /proc/stat
}

# Starts two silo processes on free ports and waits until the membership table lists both as active.
start_two_silos() {
  local number silo_port gateway_port silo_log
  for number in 1 2; do
    pick_free_port silo_port
    pick_free_port gateway_port
    silo_log=$(bench_log_file "bench-scaleout-silo-$number")
    log "starting silo $number on port $silo_port with its gateway on port $gateway_port; it logs to $silo_log"
    # A burst of reminder registrations fills a silo's pool, so each pool stops at 40 and both silos and the API fit
    # under the server's 200 connections.
    ConnectionStrings__TermSync="$connection;Maximum Pool Size=40" Digests__LinkSigningKey=$link_signing_key \
      Orleans__SiloPort=$silo_port Orleans__GatewayPort=$gateway_port \
      Digests__OutboxPath="$root/var/bench-outbox" Digests__PublicBaseUrl="http://127.0.0.1" \
      dotnet "$silo_dll" >"$silo_log" 2>&1 &
    silo_pids+=("$!")
  done

  for _ in $(seq 1 120); do
    [[ $(bench_psql -tA -d termsync -c 'SELECT count(*) FROM orleans_membership WHERE status = 3') == 2 ]] && return
    for number in 1 2; do
      kill -0 "${silo_pids[number - 1]}" 2>/dev/null \
        || fail "silo $number exited; see $(bench_log_file "bench-scaleout-silo-$number")"
    done
    sleep 1
  done
  fail "the two silos did not both become active within 120 seconds; see $(bench_log_file 'bench-scaleout-silo-*')"
}

# Runs the driver against the started processes and writes the figures of layout $1 to $work/$1.*. The processes to
# measure are in $api_pid and silo_pids.
measure_layout() {
  local layout=$1 pid before=() after=() busy_before total_before busy_after total_after pg_before pg_after
  local driver_times status=0 started
  read -r busy_before total_before < <(machine_ticks)
  for pid in "$api_pid" "${silo_pids[@]}"; do before+=("$(cpu_seconds "$pid")"); done
  pg_before=$(postgres_cpu_seconds)
  printf '%s\n' "$(bench_load_average)" >"$work/$layout.load-before"

  log "running the bulk-ingest driver against the $layout layout"
  started=$SECONDS
  TIMEFORMAT='%U %S'
  { time TERMSYNC_API_KEY=$admin_key ConnectionStrings__TermSync=$connection dotnet "$driver" ingest --api "$api_url" --markdown "$work/$layout.md" \
      "${driver_options[@]}" 2>"$work/$layout.driver.log" || status=$?; } 2>"$work/$layout.driver-times"
  printf '%s\n' "$((SECONDS - started))" >"$work/$layout.seconds"
  [[ $status -eq 0 ]] || { tail -n 20 "$work/$layout.driver.log" >&2; fail "the driver failed or its checks did not pass in the $layout layout; docs/benchmarks.md is unchanged"; }

  for pid in "$api_pid" "${silo_pids[@]}"; do after+=("$(cpu_seconds "$pid")"); done
  pg_after=$(postgres_cpu_seconds)
  read -r busy_after total_after < <(machine_ticks)
  printf '%s\n' "$(bench_load_average)" >"$work/$layout.load-after"
  driver_times=$(<"$work/$layout.driver-times")

  {
    local index names=(API)
    [[ $layout == two-silos ]] && names=(API "silo 1" "silo 2")
    for index in "${!names[@]}"; do
      printf '%s=%s\n' "${names[index]}" "$(awk -v a="${before[index]}" -v b="${after[index]}" 'BEGIN { printf "%.1f", b - a }')"
    done
    printf 'PostgreSQL=%s\n' "$(awk -v a="$pg_before" -v b="$pg_after" 'BEGIN { printf "%.1f", b - a }')"
    printf 'driver=%s\n' "$(awk '{ printf "%.1f", $1 + $2 }' <<<"$driver_times")"
  } >"$work/$layout.cpu"
  awk -v busy=$((busy_after - busy_before)) -v total=$((total_after - total_before)) \
    'BEGIN { printf "%.0f\n", (total > 0 ? 100 * busy / total : 0) }' >"$work/$layout.machine-busy"
}

# Counts the stored invoices of the run and checks them against the invoices the driver acknowledged as created.
check_stored() {
  local layout=$1 created rows ledger distinct
  created=$(grep -oE '[0-9,]+ created' "$work/$layout.md" | head -n 1 | sed 's/ created//; s/,//g')
  [[ -n $created ]] || fail "the driver's results in $work/$layout.md give no count of created invoices"
  rows=$(bench_psql -tA -d termsync -c "SELECT count(*) FROM orleans_grain_state WHERE grain_type_string = 'invoice'")
  read -r ledger distinct < <(bench_psql -tA -F ' ' -d termsync -c \
    "SELECT count(*), count(DISTINCT (vendor_id, invoice_number)) FROM receivables_ledger WHERE entry_kind = 'issued'")
  printf '%s %s %s %s\n' "$created" "$rows" "$ledger" "$distinct" >"$work/$layout.stored"
  [[ $rows == "$created" && $ledger == "$created" && $distinct == "$created" ]] \
    || fail "in the $layout layout the driver acknowledged $created created invoices, but orleans_grain_state has $rows invoice rows and receivables_ledger $ledger issued entries for $distinct invoices; docs/benchmarks.md is unchanged"
}

bench_reset_database
bench_migrate
bench_start_api "$(bench_log_file bench-scaleout-api-one-silo)"
measure_layout one-silo
check_stored one-silo
bench_stop_api

bench_reset_database
bench_migrate
start_two_silos
Orleans__Mode=Client bench_start_api "$(bench_log_file bench-scaleout-api-two-silos)"
measure_layout two-silos
check_stored two-silos
bench_stop_api
stop_silos
bench_stop_postgres

throughput() { grep -oE 'mean [0-9,]+ invoices/s' "$work/$1.md" | head -n 1 | grep -oE '[0-9,]+' | tr -d ','; }
one_rate=$(throughput one-silo)
two_rate=$(throughput two-silos)
[[ -n $one_rate && -n $two_rate ]] || fail "the driver's results give no mean throughput; docs/benchmarks.md is unchanged"
ratio=$(awk -v a="$two_rate" -v b="$one_rate" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')

# Prints one table row per layout: seconds, CPU seconds of each process, the share of the cores they used, and how
# busy the machine was.
cpu_row() {
  local layout=$1 cpu seconds share
  cpu=$(<"$work/$layout.cpu")
  seconds=$(<"$work/$layout.seconds")
  share=$(awk -F= -v seconds="$seconds" -v cores="$(nproc)" \
    '{ total += $2 } END { printf "%.0f", (seconds > 0 ? 100 * total / (seconds * cores) : 0) }' <<<"$cpu")
  printf '| %s | %s | %s | %s | %s | %s | %s %% | %s %% | %s | %s |\n' "$2" "$seconds" \
    "$(sed -n 's/^API=//p' <<<"$cpu")" "$(sed -n 's/^silo 1=//p' <<<"$cpu" | grep . || echo "in the API")" \
    "$(sed -n 's/^silo 2=//p' <<<"$cpu" | grep . || echo "none")" \
    "$(sed -n 's/^PostgreSQL=//p' <<<"$cpu") / $(sed -n 's/^driver=//p' <<<"$cpu")" \
    "$share" "$(<"$work/$layout.machine-busy")" "$(<"$work/$layout.load-before")" "$(<"$work/$layout.load-after")"
}

stored_line() {
  local created rows ledger distinct
  read -r created rows ledger distinct <"$work/$1.stored"
  printf -- '- %s: the driver acknowledged %s invoices as created; orleans_grain_state has %s invoice rows, and receivables_ledger %s issued entries for %s distinct invoices.\n' \
    "$2" "$created" "$rows" "$ledger" "$distinct"
}

cat >"$section" <<SECTION
## Scale-out

Bulk-ingest throughput through \`POST /vendors/{vendorId}/invoices/batch\` in two layouts on the machine below,
each on a new database: **one silo** (the API with a co-hosted silo, as in the bulk-ingest section) and **two
silos** (two silo processes that form one cluster through the membership table in PostgreSQL, with the API in a
third process as a cluster client that sends each grain call to a silo's gateway). The bulk-ingest driver runs
with the same options against each. PostgreSQL, every process and the driver share the 2 cores.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Commit: $(bench_commit)
- Command: \`$command_line\` (driver options: \`${driver_options[*]}\`)
- Machine: $(bench_machine)
- Software: .NET SDK $(dotnet --version), runtime $(bench_runtime), PostgreSQL $pg_version
- Load average (1, 5, 15 min) when the script started: $load_at_start. A load above the core count
  means other programs were running, so the figures are likely lower and more spread than on an idle machine.

- **One silo: mean $one_rate invoices/s. Two silos and a separate API: mean $two_rate invoices/s. Ratio two ÷ one: $ratio.**

CPU seconds used by each process over the whole driver run (warm-up, measured rounds and read-back), from
\`/proc/PID/stat\` (utime + stime, with PostgreSQL's backends counted in PostgreSQL). "Share of the cores" is
their sum divided by the run's seconds times $(nproc) cores. "Machine busy" is the busy share of all CPU time from
\`/proc/stat\`, which includes other programs, so the difference between the two is what they took:

| layout | driver run s | API CPU s | silo 1 CPU s | silo 2 CPU s | PostgreSQL / driver CPU s | share of the cores | machine busy | load before | load after |
|---|--:|--:|--:|--:|--:|--:|--:|---|---|
$(cpu_row one-silo "one silo")
$(cpu_row two-silos "two silos")

Why two cores limit the gain: a second silo adds no core. Both silos, the API, PostgreSQL and the driver share the
same two, so when the machine is busy close to 100 % in the one-silo layout, a second silo can only take CPU
time from the others. Splitting the API from the silos also adds a network hop per grain call: the API serializes
each call and sends it to a gateway, where the co-hosted silo called the grain in process. Each invoice create
still costs the same PostgreSQL writes (the invoice, its customer's aggregate and a vendor ledger shard), so the
database's work per invoice stays the same with more silos. The CPU table shows where the time went.

Checks, after each layout:

$(stored_line one-silo "One silo")
$(stored_line two-silos "Two silos")
- In both layouts the driver read back its sampled invoices through the API and compared every vendor's invoice
  count with the invoices acknowledged for it (see each layout's checks below).

### One silo

$(cat "$work/one-silo.md")

### Two silos and a separate API

$(cat "$work/two-silos.md")
SECTION

bench_replace_section "$doc" scale-out "$section"
log "wrote the results to docs/benchmarks.md; the API and silo logs are $(bench_log_file 'bench-scaleout-*')"
