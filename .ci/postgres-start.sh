#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 on loopback for the tests that run on the second store
# (issue 15), installing Debian's postgresql-15 on first use. Prints the variables to export.
# The cluster uses the C collation: Meldingsvakt compares ISO-8601 times as text.
set -euo pipefail
PGPORT=${MV_PG_PORT:-55432}
PGDATA=${MV_PG_DIR:-/tmp/mv-pg}
BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$BIN/postgres" ]; then
  echo "== installing postgresql-15 from Debian" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql-15 >/dev/null
fi
run_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -f "$PGDATA/postmaster.pid" ] && run_as "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  echo "== PostgreSQL already running in $PGDATA" >&2
else
  rm -rf "$PGDATA"
  mkdir -p "$PGDATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
  run_as "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --locale=C -E UTF8 >/dev/null
  run_as "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  run_as "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE ROLE meldingsvakt LOGIN CREATEDB PASSWORD 'meldingsvakt'" >/dev/null
fi
echo "export MELDINGSVAKT_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$PGPORT/postgres"
echo "export MELDINGSVAKT_TEST_PG_USER=meldingsvakt"
echo "export MELDINGSVAKT_TEST_PG_PASSWORD=meldingsvakt"
