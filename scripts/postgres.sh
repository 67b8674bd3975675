#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store's tests.
#
#   scripts/postgres.sh start   # install Debian's postgresql if missing (root), start a private cluster,
#                               # create database charter_test, write its URL to .pg/url and print it
#   scripts/postgres.sh stop    # stop the cluster and delete it (and .pg/)
#   scripts/postgres.sh url     # print the URL of the running cluster (exit 1 if none)
#
# The cluster lives in a temporary directory, listens on 127.0.0.1 only (a free port, trust auth,
# Unix socket inside the cluster directory) and never touches the system's own clusters.
# Without root and without PostgreSQL binaries it prints a warning and exits 0: the PostgreSQL
# tests then skip. `start` is idempotent: a cluster already running is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=.pg
DB=charter_test

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

# Run a command as the cluster's owner: the `postgres` user when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local py
  py=$(command -v python3 || echo .venv/bin/python)
  "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

running() {
  [ -f "$STATE/dir" ] && [ -f "$STATE/url" ] || return 1
  local bin dir
  bin=$(find_bin) || return 1
  dir=$(cat "$STATE/dir")
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

start() {
  if running; then
    cat "$STATE/url"
    return 0
  fi
  stop_quietly
  local bin
  if ! bin=$(find_bin); then
    if [ "$(id -u)" != "0" ]; then
      log "warning: PostgreSQL is not installed and we are not root; PostgreSQL tests will be skipped"
      return 0
    fi
    log "installing postgresql (Debian package)"
    if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null); then
      log "warning: postgresql could not be installed; PostgreSQL tests will be skipped"
      return 0
    fi
    bin=$(find_bin) || { log "warning: no initdb after installing postgresql; tests will be skipped"; return 0; }
  fi
  if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
    log "warning: no 'postgres' user to own the cluster; PostgreSQL tests will be skipped"
    return 0
  fi

  local dir port url
  dir=$(mktemp -d "${TMPDIR:-/tmp}/charter-pg.XXXXXX")
  chmod 700 "$dir"
  [ "$(id -u)" = "0" ] && chown postgres: "$dir"
  mkdir -p "$STATE"
  echo '*' > "$STATE/.gitignore"
  echo "$dir" > "$STATE/dir"

  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; log "initdb failed"; return 1; }
  local tries=0
  while :; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200" start >/dev/null; then
      break
    fi
    tries=$((tries + 1))
    if [ "$tries" -ge 3 ]; then
      cat "$dir/server.log" >&2 || true
      log "the server did not start"
      return 1
    fi
  done
  as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE $DB" >/dev/null
  url="postgresql://postgres@127.0.0.1:$port/$DB"
  echo "$url" > "$STATE/url"
  log "running at $url (data in $dir)"
  echo "$url"
}

stop_quietly() {
  if [ -f "$STATE/dir" ]; then
    local dir bin
    dir=$(cat "$STATE/dir")
    if [ -d "$dir/data" ] && bin=$(find_bin); then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case "$dir" in
      */charter-pg.*) rm -rf "$dir" ;;
    esac
  fi
  rm -rf "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop_quietly; log "stopped" ;;
  url) running && cat "$STATE/url" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
