#!/usr/bin/env bash
# Measures bulk-ingest throughput on this machine and records it in docs/benchmarks.md.
#
#   deploy/bench.sh [driver options]    for example: deploy/bench.sh --customers 1000 --rounds 5
#
# Starts its own PostgreSQL under var/postgres-bench, resets its database, builds the solution in Release,
# applies the schema, starts the API with a co-hosted silo, and runs the driver in tests/Benchmarks
# (`TermSync.Benchmarks ingest --help` lists its options). Every port is a free one picked at start.
# Afterwards it stops the API, and PostgreSQL unless that server already ran before, and replaces the
# bulk-ingest section of docs/benchmarks.md. A run whose checks fail leaves the file as it was.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/var/postgres-bench"
doc="$root/docs/benchmarks.md"
begin_marker='<!-- bulk-ingest:begin -->'
end_marker='<!-- bulk-ingest:end -->'
command_line="bash deploy/bench.sh${*:+ $*}"
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')

log() { printf 'bench.sh: %s\n' "$*" >&2; }
fail() { log "error: $*"; exit 1; }

command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing; install it (package dotnet-sdk-10.0) and run again"
command -v curl >/dev/null || fail "curl is missing; install it with: apt-get install curl"

# Sets the variable named $1 to a TCP port on 127.0.0.1 that refuses connections and that this script
# has not picked yet. It runs in the script's own shell, not in $(...), so picked_ports keeps every pick.
picked_ports=()
pick_free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    [[ " ${picked_ports[*]} " == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      picked_ports+=("$port")
      printf -v "$1" '%s' "$port"
      return
    fi
  done
  fail "found no free TCP port on 127.0.0.1 after 200 tries"
}

# PostgreSQL: reuse a server that still runs on the data directory, otherwise start one on a free port.
started_postgres=false
if [[ -f $data/postmaster.pid ]] && kill -0 "$(head -n 1 "$data/postmaster.pid")" 2>/dev/null; then
  pg_port=$(sed -n 4p "$data/postmaster.pid")
  picked_ports+=("$pg_port")
  log "reusing the PostgreSQL server that runs on $data, port $pg_port"
else
  pick_free_port pg_port
  started_postgres=true
fi
pick_free_port api_port
pick_free_port silo_port
pick_free_port gateway_port
api_url="http://127.0.0.1:$api_port"

api_pid=""
stop_all() {
  if [[ -n $api_pid ]]; then
    kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  fi
  if $started_postgres; then
    bash "$root/deploy/postgres.sh" stop "$data" >/dev/null 2>&1 || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

connection=$(bash "$root/deploy/postgres.sh" start "$data" "$pg_port")
log "resetting the database"
PGPASSWORD=termsync psql -q -h 127.0.0.1 -p "$pg_port" -U termsync -d postgres \
  -c 'DROP DATABASE IF EXISTS termsync WITH (FORCE)' -c 'CREATE DATABASE termsync' >/dev/null
pg_version=$(PGPASSWORD=termsync psql -tA -h 127.0.0.1 -p "$pg_port" -U termsync -d termsync -c 'SHOW server_version')

log "building in Release"
dotnet build "$root/TermSync.sln" -c Release --nologo -v quiet
bin=net10.0
export ConnectionStrings__TermSync=$connection
dotnet "$root/src/Silo/bin/Release/$bin/TermSync.Silo.dll" migrate

# The API accepts this admin key on every route. The key reaches the API and the driver
# only through their environment, because other local users can read command lines.
admin_key=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
link_signing_key=$(head -c 32 /dev/urandom | base64)

log "starting the API with a co-hosted silo on $api_url"
mkdir -p "$root/var/log"
api_log="$root/var/log/bench-api.log"
Security__AdminKey=$admin_key Digests__LinkSigningKey=$link_signing_key Orleans__SiloPort=$silo_port Orleans__GatewayPort=$gateway_port \
  Digests__OutboxPath="$root/var/bench-outbox" Digests__PublicBaseUrl="$api_url" \
  dotnet "$root/src/Api/bin/Release/$bin/TermSync.Api.dll" --urls "$api_url" --contentRoot "$root/src/Api" >"$api_log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "$api_url/swagger/v1/swagger.json" -o /dev/null 2>/dev/null && break
  kill -0 "$api_pid" 2>/dev/null || { tail -n 30 "$api_log" >&2; fail "the API exited; see var/log/bench-api.log"; }
  sleep 1
done
curl -fsS "$api_url/swagger/v1/swagger.json" -o /dev/null || fail "the API did not answer within 120 seconds; see var/log/bench-api.log"

results=$(mktemp)
section=$(mktemp)
trap 'stop_all; rm -f "$results" "$section"' EXIT
log "running the bulk-ingest driver"
TERMSYNC_API_KEY=$admin_key dotnet "$root/tests/Benchmarks/bin/Release/$bin/TermSync.Benchmarks.dll" ingest \
  --api "$api_url" --markdown "$results" "$@" || fail "the driver failed or its checks did not pass; docs/benchmarks.md is unchanged"

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$root" status --porcelain -- . ':!docs/benchmarks.md' 2>/dev/null) ]]; then
  commit="$commit with uncommitted changes"
fi
cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
memory_gib=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
os_name=$(. /etc/os-release && echo "$PRETTY_NAME")
runtime=$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { version = $2 } END { print version }')

# The storage's version column starts at 1 and grows by 1 on every write, so it counts a grain's writes.
state_query() { PGPASSWORD=termsync psql -tA -h 127.0.0.1 -p "$pg_port" -U termsync -d termsync -c "$1"; }
state_rows=$(state_query "
  SELECT format('| %s | %s | %s | %s | %s |', grain_type_string, count(*), round(avg(version), 1),
                round(avg(length(payload_binary))), max(length(payload_binary)))
  FROM orleans_grain_state GROUP BY grain_type_string ORDER BY sum(version) DESC")
writes_per_invoice=$(state_query "
  SELECT round(sum(version)::numeric / nullif(count(*) FILTER (WHERE grain_type_string = 'invoice'), 0), 2)
  FROM orleans_grain_state")

cat >"$section" <<SECTION
## Bulk ingest

Invoices per second stored through \`POST /vendors/{vendorId}/invoices/batch\`. The API returns 200
for a batch only after each invoice, its customer's aggregate and its vendor ledger shard are written to
PostgreSQL, so every acknowledged invoice is a persisted one. Each round sends the invoices of a
generated network once under new invoice numbers, so every request creates invoices. The driver, the
API with its co-hosted silo, and PostgreSQL share the machine below.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Commit: $commit
- Command: \`$command_line\`
- Machine: $(nproc) cores ($cpu_model), $memory_gib GiB RAM, $os_name, Linux $(uname -r)
- Software: .NET SDK $(dotnet --version), runtime $runtime, PostgreSQL $pg_version
- Load average (1, 5, 15 min) when the script started: $load_at_start. A load above the core count
  before the benchmark starts means other programs were running, so the figures are likely lower and
  more spread than on an idle machine.

$(cat "$results")

Grain state in PostgreSQL after the run, warm-up included ($writes_per_invoice state writes per stored invoice):

| grain | rows | writes per row (mean) | bytes per row (mean) | bytes per row (max) |
|---|--:|--:|--:|--:|
$state_rows

What limits the figure: each invoice create costs at least three grain state writes, each one
PostgreSQL round trip: the invoice, its customer's aggregate, and one of the vendor's 16 ledger
shards. Each customer account in a batch adds one more write. A grain handles one call at a time, so
the writes to one customer or one ledger shard queue up. The customer and ledger states keep an entry
for every invoice they count and are written whole on every change, so each write grows as the
database fills. On 2 cores the API, the silo, PostgreSQL and the driver also compete for CPU.
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
