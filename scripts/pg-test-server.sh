#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 + PostGIS server on loopback for the database test suite and prints the
# DATABASE_URL to use. Idempotent: a server already running on the port is reused.
set -euo pipefail
PORT="${PG_TEST_PORT:-55432}"
DIR="${PG_TEST_DIR:-/tmp/safeschools-pg-$PORT}"
BIN="$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)"
[ -n "$BIN" ] || { echo "PostgreSQL 15 is not installed (apt-get install postgresql-15 postgresql-15-postgis-3)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_pg "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
fi
as_pg "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -tc "select 1 from pg_database where datname='safeschools'" | grep -q 1 \
  || as_pg "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -c "create database safeschools" >/dev/null
echo "postgres://postgres@127.0.0.1:$PORT/safeschools"
