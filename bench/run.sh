#!/usr/bin/env bash
# Benchmark against the real Dovecot + Postfix: end-to-end latency (with the IDLE-signal floor and a
# Sieve redirect beside it), a 1 000-notice burst over 50 mailboxes, and memory/threads/CPU/time to
# watch and a notice's latency at 1, 100, 400 and 2 000 watched mailboxes. Needs root (starts
# realmail). Prints its summary last.
#   bench/run.sh            full run (about 20 minutes)
#   bench/run.sh --quick    fewer samples, scale up to 100 mailboxes
#   bench/run.sh --store postgresql [--quick]   the same on the PostgreSQL store (starts one with .ci/postgres-start.sh)
# One part alone (for profiling; MV_BENCH_JFR=1 records the service, MV_BENCH_JFC=<file.jfc> picks the settings):
#   MV_BENCH_ONLY=burst[:rounds] | latency | scale:N | firstuse:N | serverburst | smtpconnect | idlemanager:N
#   MV_BENCH_JVM="-XX:... ..." adds JVM options to the service (e.g. -XX:TieredStopAtLevel=1, -XX:+PrintCompilation)
set -euo pipefail
cd "$(dirname "$0")/.."
store_prop=()
if [ "${1:-}" = "--store" ]; then
  if [ "${2:-}" = "postgresql" ]; then
    eval "$(bash .ci/postgres-start.sh)"
    store_prop=(-Dmeldingsvakt.test.store=postgresql)
  fi
  shift 2
fi
export REALMAIL_DIR=${REALMAIL_DIR:-/tmp/realmail-bench}

users="partner@bench.test:secret floor@bench.test:secret sieve@bench.test:secret"
for i in 1 2 3; do users="$users staff$i@bench.test:secret"; done
for i in $(seq -w 1 50); do users="$users mv$i@bench.test:secret"; done
for i in $(seq -w 1 2000); do users="$users mb$i@scale.test:secret"; done
REALMAIL_USERS="$users" REALMAIL_PROCESS_LIMIT=2500 REALMAIL_CLEAN=1 REALMAIL_IMAP_PORT=20143 REALMAIL_IMAPS_PORT=20993 REALMAIL_SMTP_PORT=20025 \
  REALMAIL_SUBMISSION_PORT=20587 REALMAIL_SMTPS_PORT=20465 REALMAIL_SIEVE_PORT=24190 bash ../shared/realmail/start.sh >/dev/null
trap 'bash ../shared/realmail/stop.sh >/dev/null 2>&1 || true' EXIT
# Dovecot's own imap service caps itself at 1 024 processes whatever default_process_limit says;
# 2 000 watched mailboxes need more. Raised here, for this run's server only.
if ! grep -q '^service imap {' "$REALMAIL_DIR/dovecot/dovecot.conf"; then
  printf 'service imap {\n  process_limit = 2500\n}\n' >> "$REALMAIL_DIR/dovecot/dovecot.conf"
  doveadm -c "$REALMAIL_DIR/dovecot/dovecot.conf" reload
fi
# MV_BENCH_POSTFIX="name=value ..." sets Postfix parameters for this run only (experiments with the server's own limits).
if [ -n "${MV_BENCH_POSTFIX:-}" ]; then
  for kv in $MV_BENCH_POSTFIX; do postconf -c "$REALMAIL_DIR/postfix" -e "$kv"; done
  postfix -c "$REALMAIL_DIR/postfix" reload >/dev/null 2>&1 || true
fi
# 2 000 IDLE-ing mailboxes need more inotify instances than Linux's default 128 (Dovecot polls otherwise).
sysctl -qw fs.inotify.max_user_instances=4096 2>/dev/null || echo "note: cannot raise fs.inotify.max_user_instances; Dovecot may poll"
# The Sieve comparison: what a mail administrator would set up instead of Meldingsvakt.
mkdir -p "$REALMAIL_DIR/mail/bench.test/sieve"
printf 'require ["copy"];\nredirect :copy "staff3@bench.test";\n' > "$REALMAIL_DIR/mail/bench.test/sieve/.dovecot.sieve"
chown -R mail:mail "$REALMAIL_DIR/mail/bench.test"

mvn -q -B -ntp -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
mvn -q -B -ntp -DskipTests test-compile
java "${store_prop[@]}" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" no.meldingsvakt.bench.Benchmark "$REALMAIL_DIR" "$@"
