#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for the JdbcRegistryAdapter tests.
#   .ci/postgres.sh start   installs PostgreSQL from Debian if missing, starts (or reuses) a cluster in
#                           $ONCEFORM_PG_DIR (default /tmp/onceform-pg) on 127.0.0.1:$ONCEFORM_PG_PORT
#                           (default 54329) with trust authentication, creates role and database
#                           "onceform", and prints the JDBC URL for ONCEFORM_PG_URL on standard output.
#   .ci/postgres.sh stop    stops that cluster (its data stays for a fast restart).
# Idempotent; as root the server runs as the "postgres" user (PostgreSQL refuses to run as root).
set -euo pipefail

port="${ONCEFORM_PG_PORT:-54329}"
dir="${ONCEFORM_PG_DIR:-/tmp/onceform-pg}"
data="$dir/data"

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found/initdb" ] && [ -x "$found/pg_ctl" ]; then echo "$found"; fi
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin
  bin=$(bindir)
  if [ -z "$bin" ]; then
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    echo "postgres.sh: installing postgresql from Debian" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    bin=$(bindir)
    [ -n "$bin" ] || { echo "postgres.sh: postgresql installed but initdb not found" >&2; exit 1; }
  fi
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    chmod 700 "$dir"
    if [ ! -f "$data/PG_VERSION" ]; then
      rm -rf "$data"
      as_owner "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --no-locale --no-sync >/dev/null
    fi
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses=127.0.0.1 -p $port -c fsync=off" start >/dev/null
  fi
  local psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
  if [ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'onceform'")" != 1 ]; then
    "${psql[@]}" -c "CREATE ROLE onceform LOGIN PASSWORD 'onceform'" >/dev/null
  fi
  if [ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = 'onceform'")" != 1 ]; then
    "${psql[@]}" -c "CREATE DATABASE onceform OWNER onceform ENCODING 'UTF8' TEMPLATE template0" >/dev/null
  fi
  echo "jdbc:postgresql://127.0.0.1:$port/onceform?user=onceform&password=onceform"
}

stop() {
  local bin
  bin=$(bindir)
  if [ -n "$bin" ] && [ -f "$data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
