# Functions shared by the benchmark scripts in deploy/. They cover logging and log files, the build, the check of
# the driver's options, free ports, the benchmark PostgreSQL server and the API with a co-hosted silo. They also
# describe the machine and rewrite a marked section of docs/benchmarks.md. A script sets `root` (the repository
# folder) and `bench_name` (its name in log lines), then sources this file.
#
# TERMSYNC_BENCH_POSTGRES_DIR and TERMSYNC_BENCH_POSTGRES_PORT, when set, choose the data directory and the port of
# the benchmark PostgreSQL server instead of var/postgres-bench and a free port.
#
# The sourcing script sets root and bench_name and reads the variables that these functions set.
# shellcheck shell=bash disable=SC2034,SC2154

log() { printf '%s: %s\n' "$bench_name" "$*" >&2; }
fail() { log "error: $*"; exit 1; }

# UTC start time of this run, such as 20261205T133107Z, in the names of its log files so that no run overwrites
# the log of an earlier one.
run_stamp=$(date -u +%Y%m%dT%H%M%SZ)

# Prints the path of the log file named $1 for this run, under var/log.
bench_log_file() { printf '%s/var/log/%s-%s.log\n' "$root" "$1" "$run_stamp"; }

# Fails with status 2 for the option $1 that the script does not know, and names the option of $2... that was likely
# meant. It applies the rule of the driver's OptionSuggestion class. Without the leading "--", a known option is
# close when at most a third of the name's letters, and at least one, must be inserted, deleted, replaced or swapped
# with a neighbour. Failing that, the only known option that starts with the name is close.
bench_reject_option() {
  local given=$1 meant
  shift
  meant=$(printf '%s\n' "$@" | awk -v given="${given#--}" '
    function distance(a, b,   i, j, n, m, cost, d) {
      n = length(a); m = length(b)
      for (i = 0; i <= n; i++) d[i, 0] = i
      for (j = 0; j <= m; j++) d[0, j] = j
      for (i = 1; i <= n; i++) {
        for (j = 1; j <= m; j++) {
          cost = substr(a, i, 1) == substr(b, j, 1) ? 0 : 1
          d[i, j] = d[i - 1, j] + 1
          if (d[i, j - 1] + 1 < d[i, j]) d[i, j] = d[i, j - 1] + 1
          if (d[i - 1, j - 1] + cost < d[i, j]) d[i, j] = d[i - 1, j - 1] + cost
          if (i > 1 && j > 1 && substr(a, i, 1) == substr(b, j - 1, 1) && substr(a, i - 1, 1) == substr(b, j, 1) \
              && d[i - 2, j - 2] + 1 < d[i, j]) d[i, j] = d[i - 2, j - 2] + 1
        }
      }
      return d[n, m]
    }
    given != "" {
      name = substr($0, 3)
      score = distance(given, name)
      if (best == "" || score < best) { best = score; nearest = $0 }
      if (index(name, given) == 1) { extensions++; extension = $0 }
    }
    END {
      limit = int(length(given) / 3); if (limit < 1) limit = 1
      if (best != "" && best <= limit) print nearest
      else if (extensions == 1) print extension
    }')
  if [[ -n $meant ]]; then
    log "error: unknown option '$given'; did you mean $meant? Run with --help for usage."
  else
    log "error: unknown option '$given'. Run with --help for usage."
  fi
  exit 2
}

# Checks for the .NET SDK and builds the solution in Release. Sets built_commit, so the results name the commit that
# was built even when another commit is made while the benchmark runs.
bench_build() {
  command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing; install it (package dotnet-sdk-10.0) and run again"
  log "building in Release"
  built_commit=
  built_commit=$(bench_commit)
  dotnet build "$root/TermSync.sln" -c Release --nologo -v quiet
}

# Runs the driver's check command on the arguments, which parses the options of the driver command named first as
# that command would and starts nothing. When they are invalid, it prints the driver's message and exits with status 2,
# or with 1 when the driver failed in another way. Call it after bench_build and before anything starts, with
# placeholders for the options that the script sets only later.
bench_check_options() {
  local message status=0
  message=$(ConnectionStrings__TermSync='Host=127.0.0.1' \
    dotnet "$root/tests/Benchmarks/bin/Release/net10.0/TermSync.Benchmarks.dll" check "$@" 2>&1) || status=$?
  ((status == 0)) && return
  log "error: $message"
  exit $((status == 2 ? 2 : 1))
}

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

# Starts the benchmark PostgreSQL server, or reuses one that still runs on its data directory, and sets pg_data,
# pg_port, started_postgres (whether bench_stop_postgres stops it) and connection (its connection string).
bench_start_postgres() {
  pg_data=${TERMSYNC_BENCH_POSTGRES_DIR:-$root/var/postgres-bench}
  started_postgres=false
  if [[ -f $pg_data/postmaster.pid ]] && kill -0 "$(head -n 1 "$pg_data/postmaster.pid")" 2>/dev/null; then
    pg_port=$(sed -n 4p "$pg_data/postmaster.pid")
    picked_ports+=("$pg_port")
    log "reusing the PostgreSQL server that runs on $pg_data, port $pg_port"
  else
    if [[ -n ${TERMSYNC_BENCH_POSTGRES_PORT:-} ]]; then
      pg_port=$TERMSYNC_BENCH_POSTGRES_PORT
      picked_ports+=("$pg_port")
    else
      pick_free_port pg_port
    fi
    started_postgres=true
  fi
  connection=$(bash "$root/deploy/postgres.sh" start "$pg_data" "$pg_port")
}

bench_stop_postgres() {
  if [[ ${started_postgres:-false} == true ]]; then
    bash "$root/deploy/postgres.sh" stop "$pg_data" >/dev/null 2>&1 || true
  fi
}

# Runs psql as the termsync role on the benchmark server, with the given arguments.
bench_psql() { PGPASSWORD=termsync psql -q -h 127.0.0.1 -p "$pg_port" -U termsync "$@"; }

# Drops and creates the termsync database, then sets pg_version.
bench_reset_database() {
  log "resetting the database"
  bench_psql -d postgres -c 'DROP DATABASE IF EXISTS termsync WITH (FORCE)' -c 'CREATE DATABASE termsync' >/dev/null
  pg_version=$(bench_psql -tA -d termsync -c 'SHOW server_version')
}

# Applies the schema in deploy/sql to the termsync database.
bench_migrate() {
  ConnectionStrings__TermSync=$connection dotnet "$root/src/Silo/bin/Release/net10.0/TermSync.Silo.dll" migrate
}

# Makes a random admin key and link-signing key for the API, once per script run. The keys reach the API and the
# driver only through their environment, because other local users can read command lines.
bench_make_keys() {
  admin_key=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  link_signing_key=$(head -c 32 /dev/urandom | base64)
}

# Starts the API with a co-hosted silo on free ports and waits until it responds. $1 is the log file, and $2, when
# given, the API's connection string in place of the benchmark server's. Sets api_pid and api_url. Call
# bench_make_keys first. With Orleans__Mode=Client in the environment, the API joins running silos as a client.
bench_start_api() {
  local api_log=$1 api_connection=${2:-$connection} api_port silo_port gateway_port
  pick_free_port api_port
  pick_free_port silo_port
  pick_free_port gateway_port
  api_url="http://127.0.0.1:$api_port"
  if [[ ${Orleans__Mode:-Silo} == Client ]]; then
    log "starting the API as a cluster client on $api_url; it logs to $api_log"
  else
    log "starting the API with a co-hosted silo on $api_url; it logs to $api_log"
  fi
  mkdir -p "$(dirname "$api_log")"
  ConnectionStrings__TermSync=$api_connection Security__AdminKey=$admin_key Digests__LinkSigningKey=$link_signing_key \
    Orleans__SiloPort=$silo_port Orleans__GatewayPort=$gateway_port \
    Digests__OutboxPath="$root/var/bench-outbox" Digests__PublicBaseUrl="$api_url" \
    dotnet "$root/src/Api/bin/Release/net10.0/TermSync.Api.dll" --urls "$api_url" --contentRoot "$root/src/Api" >"$api_log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS "$api_url/swagger/v1/swagger.json" -o /dev/null 2>/dev/null && return
    kill -0 "$api_pid" 2>/dev/null || { tail -n 30 "$api_log" >&2; fail "the API exited; see $api_log"; }
    sleep 1
  done
  fail "the API did not answer within 120 seconds; see $api_log"
}

bench_stop_api() {
  if [[ -n ${api_pid:-} ]]; then
    if kill "$api_pid" 2>/dev/null; then
      wait "$api_pid" 2>/dev/null || true
    fi
    api_pid=""
  fi
}

# Prints the commit of the work tree, marked when files other than docs/benchmarks.md have uncommitted changes.
bench_commit() {
  # A script that built sets built_commit, so a commit made while it ran is not credited with its figures.
  if [[ -n ${built_commit:-} ]]; then
    printf '%s\n' "$built_commit"
    return
  fi
  local commit
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ -n $(git -C "$root" status --porcelain -- . ':!docs/benchmarks.md' 2>/dev/null) ]]; then
    commit="$commit with uncommitted changes"
  fi
  printf '%s\n' "$commit"
}

# Prints the machine: cores, processor, memory, operating system and kernel.
bench_machine() {
  local cpu_model memory_gib os_name
  cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
  memory_gib=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
  os_name=$(. /etc/os-release && echo "$PRETTY_NAME")
  printf '%s cores (%s), %s GiB RAM, %s, Linux %s\n' "$(nproc)" "$cpu_model" "$memory_gib" "$os_name" "$(uname -r)"
}

# Prints the newest installed .NET runtime version, such as 10.0.12.
bench_runtime() {
  dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { version = $2 } END { print version }'
}

# Prints the 1, 5 and 15 minute load averages, such as "1.02, 0.87, 0.55".
bench_load_average() {
  cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g'
}

# Replaces the lines between the markers <!-- $2:begin --> and <!-- $2:end --> of the Markdown file $1 with the
# contents of file $3, or appends the markers and the contents when the file lacks them.
bench_replace_section() {
  local doc=$1 name=$2 section=$3
  local begin_marker="<!-- $name:begin -->" end_marker="<!-- $name:end -->"
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
}

# Checks for curl, starts PostgreSQL, makes the keys and empties the work folder $1. Sets $section to a temporary
# file for the results section. At exit, the API and PostgreSQL stop and the file goes. Call bench_build first.
bench_prepare() {
  command -v curl >/dev/null || fail "curl is missing; install it with: apt-get install curl"
  section=$(mktemp)
  trap bench_stop_all EXIT
  trap 'exit 130' INT TERM
  bench_start_postgres
  bench_make_keys
  rm -rf "$1"
  mkdir -p "$1"
}

bench_stop_all() {
  bench_stop_api
  bench_stop_postgres
  rm -f "$section"
}
