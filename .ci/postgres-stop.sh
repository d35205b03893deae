#!/usr/bin/env bash
# Stops the PostgreSQL that postgres-start.sh started.
PGDATA=${MV_PG_DIR:-/tmp/mv-pg}
BIN=/usr/lib/postgresql/15/bin
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDATA" -m fast stop; else "$BIN/pg_ctl" -D "$PGDATA" -m fast stop; fi
