#!/usr/bin/env bash
# Runs the main job of TermSync on this machine: a local PostgreSQL, the schema, the API with a
# co-hosted silo, a generated network (or a ledger file), and one digest cycle. It prints the API
# address, the OpenAPI address and the path of a digest that bundles several vendors, then keeps
# serving until interrupted. Each run generates a new admin key into var/admin-key (mode 600). The
# key that signs digest links is generated once into var/link-signing-key, so older links keep working.
#
#   deploy/run.sh                                  load the generated demo network
#   deploy/run.sh --ledger FILE [--until DATE]     replay a ledger in the IBM late-payment CSV format
#   deploy/run.sh --seed N --customers N           size the generated network
#
# Each run starts from an empty database (var/postgres) and outbox (var/outbox).
# Environment: TERMSYNC_PG_PORT (default 55432), TERMSYNC_API_PORT (default 5080),
# TERMSYNC_SILO_PORT (default 11111), TERMSYNC_GATEWAY_PORT (default 30000).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pg_port=${TERMSYNC_PG_PORT:-55432}
api_port=${TERMSYNC_API_PORT:-5080}
api_url="http://127.0.0.1:$api_port"
ledger="" until="" generator_args=()

while [[ $# -gt 0 ]]; do
  case $1 in
    --ledger) ledger=$(realpath "$2"); shift 2 ;;
    --until) until=$2; shift 2 ;;
    --seed|--vendors|--customers|--invoices-per-pair) generator_args+=("$1" "$2"); shift 2 ;;
    *) echo "run.sh: unknown option '$1'; see the comment at the top of deploy/run.sh" >&2; exit 2 ;;
  esac
done
if [[ -n $ledger && ! -f $ledger ]]; then
  echo "run.sh: ledger file '$ledger' not found" >&2
  exit 2
fi

log() { printf 'run.sh: %s\n' "$*" >&2; }

command -v dotnet >/dev/null || { log "the .NET 10 SDK is missing; install it (package dotnet-sdk-10.0) and run again"; exit 1; }
missing=()
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
# The API build restores Chart.js, which the dashboard page draws with, through npm.
command -v npm >/dev/null || missing+=(nodejs npm)
# Statement PDFs are drawn with DejaVu Sans, which PDFsharp reads from the TrueType files of this package.
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)
if [[ ${#missing[@]} -gt 0 ]]; then
  log "installing ${missing[*]}"
  apt-get update && apt-get install -y "${missing[@]}"
fi

connection=$(bash "$root/deploy/postgres.sh" start "$root/var/postgres" "$pg_port")
# Each run starts from an empty database and outbox, so a ledger replay never mixes with an earlier demo.
log "resetting the database and the outbox"
PGPASSWORD=termsync psql -q -h 127.0.0.1 -p "$pg_port" -U termsync -d postgres \
  -c 'DROP DATABASE IF EXISTS termsync WITH (FORCE)' -c 'CREATE DATABASE termsync' >/dev/null
rm -rf "$root/var/outbox"
export ConnectionStrings__TermSync=$connection
export Orleans__SiloPort=${TERMSYNC_SILO_PORT:-11111}
export Orleans__GatewayPort=${TERMSYNC_GATEWAY_PORT:-30000}
export Digests__OutboxPath=$root/var/outbox
export Digests__PublicBaseUrl=$api_url

# The keys reach the API and the importer through their environment only, never a command line,
# which other local users could read from the process list.
mkdir -p "$root/var"
(umask 077 && head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$root/var/admin-key")
chmod 600 "$root/var/admin-key"
admin_key=$(<"$root/var/admin-key")
if [[ ! -s $root/var/link-signing-key ]]; then
  (umask 077 && head -c 32 /dev/urandom | base64 >"$root/var/link-signing-key")
fi
chmod 600 "$root/var/link-signing-key"
link_signing_key=$(<"$root/var/link-signing-key")

log "building"
dotnet build "$root/TermSync.sln" -c Release --nologo -v quiet
bin=net10.0
dotnet "$root/src/Silo/bin/Release/$bin/TermSync.Silo.dll" migrate

log "starting the API with a co-hosted silo on $api_url"
mkdir -p "$root/var/log"
Security__AdminKey=$admin_key Digests__LinkSigningKey=$link_signing_key dotnet "$root/src/Api/bin/Release/$bin/TermSync.Api.dll" --urls "$api_url" --contentRoot "$root/src/Api" >"$root/var/log/api.log" 2>&1 &
api_pid=$!
stop_all() {
  kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  bash "$root/deploy/postgres.sh" stop "$root/var/postgres" >/dev/null 2>&1 || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 120); do
  curl -fsS "$api_url/swagger/v1/swagger.json" -o /dev/null 2>/dev/null && break
  kill -0 "$api_pid" 2>/dev/null || { log "the API exited; see var/log/api.log"; tail -n 30 "$root/var/log/api.log" >&2; exit 1; }
  sleep 1
done

importer="$root/src/Importer/bin/Release/$bin/TermSync.Importer.dll"
if [[ -n $ledger ]]; then
  log "replaying $ledger"
  TERMSYNC_API_KEY=$admin_key dotnet "$importer" ledger "$ledger" --api "$api_url" ${until:+--until "$until"}
  as_of=${until:-$(tail -n +2 "$ledger" | cut -d, -f5,9 | tr ',' '\n' | awk -F/ '{ printf "%04d-%02d-%02d\n", $3, $1, $2 }' | sort | tail -n 1)}
else
  log "loading the generated network"
  TERMSYNC_API_KEY=$admin_key dotnet "$importer" generate --api "$api_url" "${generator_args[@]}" ${until:+--until "$until"}
  as_of=${until:-2024-12-30}
fi

log "running a digest cycle as of $as_of"
cycle=$(printf 'header = "Authorization: Bearer %s"\n' "$admin_key" |
  curl -fsS -K - -X POST "$api_url/digest-cycles" -H 'Content-Type: application/json' -d "{\"asOf\":\"$as_of\"}")
digest=$(jq -r '.widest.location // "none: no customer owes anything on that date"' <<<"$cycle")
vendors=$(jq -r '.widest.vendorCount // 0' <<<"$cycle")
vendor_word=$([[ $vendors == 1 ]] && echo vendor || echo vendors)

cat <<REPORT

TermSync is running.
  API:      $api_url
  OpenAPI:  $api_url/swagger/v1/swagger.json (browse it at $api_url/swagger)
  Admin key: in var/admin-key (send it as 'Authorization: Bearer KEY')
  Digests:  $(jq -r '"\(.sent) sent, \(.alreadySent) already sent, \(.nothingActionable) with nothing to act on, \(.deliveryFailed) not delivered"' <<<"$cycle")
  A digest bundling $vendors $vendor_word: $digest
Press Ctrl+C to stop.
REPORT
wait "$api_pid"
