#!/usr/bin/env bash
# Runs a private PostgreSQL server for development and tests.
#
#   deploy/postgres.sh start DIR PORT   initialize DIR if empty, start the server, print its connection string
#   deploy/postgres.sh stop DIR         stop the server whose data directory is DIR
#
# The server listens only on 127.0.0.1:PORT and puts its Unix socket in DIR. TCP logins need a
# password (scram-sha-256), and socket logins are trusted because only the server's user can open DIR.
# Run as root, the script installs the Debian package when the server binaries are missing and runs
# the server as the `postgres` user, because PostgreSQL refuses to run as root. Run as another user,
# it runs the server as that user and needs the binaries installed already.
# Progress goes to stderr, so `connection=$(deploy/postgres.sh start DIR PORT)` captures only the
# connection string.
#
# With TERMSYNC_POSTGRES_STAT_STATEMENTS=on, a server that this script starts preloads pg_stat_statements,
# and the script creates the extension in the termsync database and in template1, so databases created
# later have its view too. A server that already runs keeps the libraries it started with.
set -euo pipefail

readonly ROLE=termsync
readonly ROLE_PASSWORD=termsync
readonly DATABASE=termsync
readonly SERVER_USER=postgres
readonly READY_TIMEOUT_SECONDS=60

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
fail() { log "error: $*"; exit 1; }

usage() {
  cat >&2 <<'EOF'
usage: deploy/postgres.sh start DIR PORT
       deploy/postgres.sh stop DIR
DIR is the data directory (created if missing); PORT is the TCP port on 127.0.0.1.
EOF
  exit 2
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Runs a command as the user that owns the server, from / so that an unreadable working
# directory does not produce warnings.
as_server_user() {
  if is_root; then
    (cd / && runuser -u "$SERVER_USER" -- "$@")
  else
    (cd / && "$@")
  fi
}

find_bin_dir() {
  local initdb
  initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n $initdb ]] && dirname "$initdb"
}

install_server() {
  is_root || fail "PostgreSQL server binaries are missing; install them with: sudo apt-get install postgresql"
  log "installing the Debian package postgresql"
  # Debian's package creates and starts a cluster on port 5432 by default. This script runs its own
  # server, so it switches that default off unless the machine already has a cluster configuration.
  if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
    mkdir -p /etc/postgresql-common
    echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y -o Dpkg::Options::=--force-confold postgresql
}

# Lets the server user reach DIR when it sits inside a folder that only root can enter.
make_parents_traversable() {
  local dir=$1 parent
  parent=$(dirname "$dir")
  while [[ $parent != / ]]; do
    if ! runuser -u "$SERVER_USER" -- test -x "$parent"; then
      log "adding execute permission on $parent so that $SERVER_USER can reach the data directory"
      chmod a+x "$parent"
    fi
    parent=$(dirname "$parent")
  done
}

prepare_data_dir() {
  local dir=$1
  mkdir -p "$dir"
  if is_root; then
    id "$SERVER_USER" >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash "$SERVER_USER"
    make_parents_traversable "$dir"
    chown -R "$SERVER_USER:" "$dir"
  fi
  chmod 700 "$dir"
}

init_data_dir() {
  local bin=$1 dir=$2
  if [[ -f $dir/PG_VERSION ]]; then
    return
  fi
  if [[ -n $(ls -A "$dir") ]]; then
    fail "$dir is neither empty nor a PostgreSQL data directory; choose another folder"
  fi
  log "initializing a new data directory in $dir"
  as_server_user "$bin/initdb" --pgdata="$dir" --username="$SERVER_USER" --encoding=UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
}

# Prints the port of the server running on DIR, or nothing when none runs there.
running_port() {
  local bin=$1 dir=$2
  if as_server_user "$bin/pg_ctl" status --pgdata="$dir" >/dev/null 2>&1; then
    # Line 4 of postmaster.pid is the port the server listens on.
    sed -n 4p "$dir/postmaster.pid"
  fi
}

# Prints the server options that load pg_stat_statements, or nothing when TERMSYNC_POSTGRES_STAT_STATEMENTS is not
# on or the library is not installed.
stat_statements_options() {
  local bin=$1
  [[ ${TERMSYNC_POSTGRES_STAT_STATEMENTS:-} == on ]] || return 0
  if [[ ! -f $("$bin/pg_config" --pkglibdir)/pg_stat_statements.so ]]; then
    log "pg_stat_statements.so is missing from $("$bin/pg_config" --pkglibdir), so the server starts without it"
    return 0
  fi
  printf ' -c shared_preload_libraries=pg_stat_statements'
}

create_stat_statements_extension() {
  local bin=$1 dir=$2 port=$3 database
  [[ ${TERMSYNC_POSTGRES_STAT_STATEMENTS:-} == on && -f $("$bin/pg_config" --pkglibdir)/pg_stat_statements.so ]] || return 0
  for database in template1 "$DATABASE"; do
    as_server_user "$bin/psql" --host="$dir" --port="$port" --username="$SERVER_USER" --dbname="$database" \
      --no-psqlrc --set=ON_ERROR_STOP=1 --quiet --command="CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
  done
}

start_server() {
  local bin=$1 dir=$2 port=$3 current
  current=$(running_port "$bin" "$dir")
  if [[ -n $current ]]; then
    [[ $current == "$port" ]] || fail "a server already runs on $dir with port $current; stop it first or use port $current"
    log "server on $dir already runs on port $port"
    return
  fi
  log "starting the server on 127.0.0.1:$port"
  as_server_user "$bin/pg_ctl" start --pgdata="$dir" --log="$dir/server.log" --wait --timeout="$READY_TIMEOUT_SECONDS" \
    --options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c max_connections=200$(stat_statements_options "$bin")" \
    >/dev/null || fail "the server did not start; see $dir/server.log"
}

wait_until_ready() {
  local bin=$1 port=$2 deadline
  deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  until "$bin/pg_isready" --host=127.0.0.1 --port="$port" --timeout=5 >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      fail "the server on 127.0.0.1:$port was not ready after $READY_TIMEOUT_SECONDS seconds"
    fi
    sleep 0.5
  done
}

# Runs SQL as the superuser over the socket in DIR and prints the unaligned result.
run_sql() {
  local bin=$1 dir=$2 port=$3 sql=$4
  as_server_user "$bin/psql" --host="$dir" --port="$port" --username="$SERVER_USER" --dbname=postgres \
    --no-psqlrc --set=ON_ERROR_STOP=1 --tuples-only --no-align --command="$sql"
}

create_role_and_database() {
  local bin=$1 dir=$2 port=$3
  if [[ -z $(run_sql "$bin" "$dir" "$port" "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'") ]]; then
    log "creating role $ROLE"
    run_sql "$bin" "$dir" "$port" "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$ROLE_PASSWORD'" >/dev/null
  fi
  if [[ -z $(run_sql "$bin" "$dir" "$port" "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'") ]]; then
    log "creating database $DATABASE"
    run_sql "$bin" "$dir" "$port" "CREATE DATABASE $DATABASE OWNER $ROLE" >/dev/null
  fi
}

command_start() {
  [[ $# -eq 2 ]] || usage
  local dir port bin
  dir=$(realpath -m "$1")
  port=$2
  [[ $port =~ ^[0-9]+$ ]] && ((port >= 1024 && port <= 65535)) || fail "invalid port '$port'; use a number from 1024 to 65535"

  bin=$(find_bin_dir) || true
  if [[ -z $bin ]]; then
    install_server
    bin=$(find_bin_dir) || fail "no initdb under /usr/lib/postgresql after installing the package"
  fi

  prepare_data_dir "$dir"
  init_data_dir "$bin" "$dir"
  start_server "$bin" "$dir" "$port"
  wait_until_ready "$bin" "$port"
  create_role_and_database "$bin" "$dir" "$port"
  create_stat_statements_extension "$bin" "$dir" "$port"
  echo "Host=127.0.0.1;Port=$port;Username=$ROLE;Password=$ROLE_PASSWORD;Database=$DATABASE"
}

command_stop() {
  [[ $# -eq 1 ]] || usage
  local dir bin
  dir=$(realpath -m "$1")
  bin=$(find_bin_dir) || fail "PostgreSQL server binaries are missing, so no server can run on $dir"
  if [[ -z $(running_port "$bin" "$dir") ]]; then
    log "no server runs on $dir"
    return
  fi
  as_server_user "$bin/pg_ctl" stop --pgdata="$dir" --mode=fast --wait >/dev/null
  log "stopped the server on $dir"
}

[[ $# -ge 1 ]] || usage
subcommand=$1
shift
case $subcommand in
  start) command_start "$@" ;;
  stop) command_stop "$@" ;;
  *) usage ;;
esac
