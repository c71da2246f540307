#!/usr/bin/env bash
# bench/fleet/run.sh - a fleet run against the floor and against Flyway looping over the tenants.
#
# Usage: bench/fleet/run.sh [--pg N] [--mariadb M] [--runs R] [--concurrency 1,2,4] [--flyway-threads 1,8]
#                           [--targets postgresql,mariadb] [--skip-peer]
#                           [--noop-pg N] [--replay] [--skip-offline]
#   defaults: --pg 1000 --mariadb 200 --runs 3 --concurrency 1,2,4 --flyway-threads 1,8
#   --noop-pg N: instead of the above, N schemas stamped at head (not timed), then `upgrade --all` timed
#   --runs times with nothing to do (the no-op re-run of a fleet), with its peak RSS
#   --skip-offline: leaves out the offline contenders (for the largest fleets, where each takes minutes)
#   --replay: MariaDB's replay contenders too (below); needs SET GLOBAL general_log and a server on this
#   machine that can write bench/fleet/target and whose log this script's user can read
# Env: SKIP_BUILD=1 reuses orchestrator/target/flotilla.jar and bench/fleet/peer/target;
#      MVN_FLAGS (e.g. -o); PGHOST/PGPORT/PGUSER, MYHOST/MYPORT/MYUSER as the corpus scripts.
#
# The set is bench/fleet/migrations (10 Flyway-named files, read by Flyway and by Flotilla alike).
# Every measurement starts from freshly made, empty tenants (not timed) and is the wall time of a whole
# process, JVM start included, as a user sees it:
#   floor    one psql (or mariadb) process applying every file to every tenant over one connection:
#            psql wraps each file in BEGIN/COMMIT as Flyway and Flotilla do; mariadb runs it as it comes
#   flyway   Flyway 13's Java API, migrate() per tenant, on 1 and 8 threads (bench/fleet/peer)
#   flotilla `flotilla upgrade --all --concurrency C -q`, then the same again with nothing to do (no-op),
#            run by bin/flotilla as a user runs it (its JVM options and class-data archive) with
#            JAVA_TOOL_OPTIONS=-Xmx512m; its peak RSS is printed too. FLOTILLA_JAVA_OPTS replaces
#            bin/flotilla's options as it does for any command
#   offline  the statements a Flotilla run must send, with none of its own cost: `flotilla upgrade --all
#            --sql` (made once per target, not timed) applied by psql or mariadb, in one process (x1) and
#            split by tenant over four processes at once (x4). It holds the migrations and the version
#            and history tables' statements, but not the lock, the session's save and restore, the read
#            of where every tenant stands, nor (MariaDB) the running row and progress updates that a dirty
#            state needs: a bound below which no run that keeps those tables can go
#   replay   (MariaDB, --replay) every statement Flotilla sent, with no JVM: once before the runs (not
#            timed), `flotilla upgrade --all` at concurrency 1 and at 4 with the server's general log on;
#            bench/replay/GeneralLogReplay.java cuts each log into one script per session, as logged (the
#            driver's own queries, the survey, the lock, the session's save and restore, the bookkeeping);
#            a session that connected to its database starts with its USE; then timed: the c1 run's
#            sessions in turn, one mariadb process each (x1), the c4 run's over four lanes at once, session
#            i in lane i mod 4 (x4). What Flotilla adds to these is its client's cost alone
# Runs are interleaved so every contender shares the machine's noise; medians are printed at the end.
# Creates and drops only the database flotilla_bench_fleet (PostgreSQL, schemas bench_t_*) and the
# databases flotilla_bench_f_* (MariaDB).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SET=$HERE/migrations
PG_N=1000 MY_N=200 RUNS=3 CONC=1,2,4 FW_THREADS=1,8 TARGETS=postgresql,mariadb SKIP_PEER=0 NOOP=0 REPLAY=0 SKIP_OFFLINE=0
while [ $# -gt 0 ]; do
  case $1 in
    --pg) PG_N=$2; shift 2 ;;
    --mariadb) MY_N=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --concurrency) CONC=$2; shift 2 ;;
    --flyway-threads) FW_THREADS=$2; shift 2 ;;
    --targets) TARGETS=$2; shift 2 ;;
    --skip-peer) SKIP_PEER=1; shift ;;
    --noop-pg) NOOP=1; PG_N=$2; TARGETS=postgresql; shift 2 ;;
    --replay) REPLAY=1; shift ;;
    --skip-offline) SKIP_OFFLINE=1; shift ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
MYHOST=${MYHOST:-127.0.0.1} MYPORT=${MYPORT:-3306} MYUSER=${MYUSER:-root}
PGDB=flotilla_bench_fleet
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAR=$ROOT/orchestrator/target/flotilla.jar
PEER=$HERE/peer/target

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$ROOT" && mvn -q -B ${MVN_FLAGS:-} -DskipTests -pl orchestrator -am package)
fi
# bin/flotilla makes its class-data archive on its first run after a build: not in a timed run.
"$ROOT/bin/flotilla" --help >/dev/null
if [ "$SKIP_PEER" != 1 ] && { [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -d "$PEER/lib" ]; }; then
  (cd "$HERE/peer" && mvn -q -B ${MVN_FLAGS:-} package dependency:copy-dependencies -DoutputDirectory=target/lib)
fi

psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" "$@"; }
my_() { mariadb -h "$MYHOST" -P "$MYPORT" -u "$MYUSER" "$@"; }
now() { date +%s%N; }
ms_since() { echo $(( ($(now) - $1) / 1000000 )); }
files() { ls "$SET" | sort -t_ -k1.2 -n; }   # V1 .. V10 in version order

pg_places() { for i in $(seq 1 "$PG_N"); do printf 'bench_t_%05d\n' "$i"; done; }
my_places() { for i in $(seq 1 "$MY_N"); do printf 'flotilla_bench_f_%04d\n' "$i"; done; }

pg_reset() {
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $PGDB" -c "CREATE DATABASE $PGDB"
  pg_places | sed 's/.*/CREATE SCHEMA &;/' | psql_ -d "$PGDB"
}
my_reset() {
  my_ -N -e "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'flotilla\\_bench\\_f\\_%'" \
    | sed 's/.*/DROP DATABASE `&`;/' | my_
  my_places | sed 's/.*/CREATE DATABASE `&`;/' | my_
}

write_floor() {
  local f
  : >"$WORK/floor-pg.sql"
  : >"$WORK/floor-my.sql"
  if [[ $TARGETS == *postgresql* ]]; then
    for place in $(pg_places); do
      echo "SET search_path TO $place;" >>"$WORK/floor-pg.sql"
      for f in $(files); do printf 'BEGIN;\n\\i %s\nCOMMIT;\n' "$SET/$f" >>"$WORK/floor-pg.sql"; done
    done
  fi
  if [[ $TARGETS == *mariadb* ]]; then
    for place in $(my_places); do
      echo "USE \`$place\`;" >>"$WORK/floor-my.sql"
      for f in $(files); do cat "$SET/$f" >>"$WORK/floor-my.sql"; done
    done
  fi
}

write_projects() {
  mkdir -p "$WORK/pg" "$WORK/my"
  cat >"$WORK/pg/flotilla.yaml" <<EOF
scripts: $SET
servers:
  pg:
    url: jdbc:postgresql://$PGHOST:$PGPORT/$PGDB
    user: $PGUSER
    max_concurrency: 8
registry:
  file: tenants.csv
EOF
  { echo "id,server,schema"; pg_places | sed 's/.*/&,pg,&/'; } >"$WORK/pg/tenants.csv"
  cat >"$WORK/my/flotilla.yaml" <<EOF
scripts: $SET
servers:
  my:
    url: jdbc:mysql://$MYHOST:$MYPORT/\${tenant.database}
    user: $MYUSER
    max_concurrency: 8
registry:
  file: tenants.csv
EOF
  { echo "id,server,database"; my_places | sed 's/.*/&,my,&/'; } >"$WORK/my/tenants.csv"
}

write_offline() { # target: the offline script of every tenant, whole and split four ways by tenant
  local dir=$WORK/pg t=pg
  [ "$1" = postgresql ] || { dir=$WORK/my; t=my; }
  java -jar "$JAR" -c "$dir/flotilla.yaml" upgrade --all --sql >"$WORK/offline-$t.sql"
  awk -v out="$WORK/offline-$t-" '/^-- tenant / { n++ } { print > (out (n % 4) ".sql") }' "$WORK/offline-$t.sql"
}

declare -A TIMES
record() { TIMES[$1]="${TIMES[$1]:-} $2"; printf '  %-28s %8d ms\n' "$1" "$2"; }

floor() { # target
  local start
  start=$(now)
  if [ "$1" = postgresql ]; then psql_ -d "$PGDB" -f "$WORK/floor-pg.sql" >/dev/null
  else my_ <"$WORK/floor-my.sql"; fi
  record "$1 floor" "$(ms_since "$start")"
}

offline() { # target processes
  local start t=pg p
  [ "$1" = postgresql ] || t=my
  start=$(now)
  if [ "$2" = 1 ]; then
    if [ "$t" = pg ]; then psql_ -d "$PGDB" -f "$WORK/offline-pg.sql" >/dev/null; else my_ <"$WORK/offline-my.sql"; fi
  else
    local pids=()
    for p in 0 1 2 3; do
      if [ "$t" = pg ]; then psql_ -d "$PGDB" -f "$WORK/offline-pg-$p.sql" >/dev/null & else my_ <"$WORK/offline-my-$p.sql" & fi
      pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p"; done # each one's status: a client that stopped early fails the bench
  fi
  record "$1 offline x$2" "$(ms_since "$start")"
}

flyway() { # target threads
  local start cp="$PEER/classes:$PEER/lib/*"
  start=$(now)
  if [ "$1" = postgresql ]; then
    java -cp "$cp" dev.flotilla.bench.peer.FlywayLoop schema "jdbc:postgresql://$PGHOST:$PGPORT/$PGDB" "$PGUSER" "$2" "$SET" \
      "$(pg_places | paste -sd,)" >/dev/null
  else
    java -cp "$cp" dev.flotilla.bench.peer.FlywayLoop database "jdbc:mysql://$MYHOST:$MYPORT/%s" "$MYUSER" "$2" "$SET" \
      "$(my_places | paste -sd,)" >/dev/null
  fi
  record "$1 flyway x$2" "$(ms_since "$start")"
}

flotilla() { # target concurrency [noop]
  local dir=$WORK/pg start rss
  [ "$1" = postgresql ] || dir=$WORK/my
  start=$(now)
  rss=$( { JAVA_TOOL_OPTIONS=-Xmx512m /usr/bin/time -f '%M' "$ROOT/bin/flotilla" -c "$dir/flotilla.yaml" upgrade --all \
      --concurrency "$2" -q >/dev/null; } 2>&1 | tail -1)
  record "$1 flotilla c$2${3:+ no-op}" "$(ms_since "$start")"
  printf '  %-28s %8d MB peak RSS\n' "" $((rss / 1024))
}

reset() { if [ "$1" = postgresql ]; then pg_reset; else my_reset; fi; }

capture() { # concurrency: one Flotilla run with the general log on, cut into $LOGS/c<concurrency>/session-*.sql
  local log=$LOGS/c$1.log out=$LOGS/c$1 on output file
  mkdir -p "$out"
  read -r on output file < <(my_ -N -e "SELECT @@global.general_log, @@global.log_output, @@global.general_log_file")
  my_reset
  my_ -e "SET GLOBAL general_log = 0; SET GLOBAL log_output = 'FILE'; SET GLOBAL general_log_file = '$log';
          SET GLOBAL general_log = 1"
  local status=0
  "$ROOT/bin/flotilla" -c "$WORK/my/flotilla.yaml" upgrade --all --concurrency "$1" -q >/dev/null || status=$?
  my_ -e "SET GLOBAL general_log = 0; SET GLOBAL general_log_file = '$file'; SET GLOBAL log_output = '$output';
          SET GLOBAL general_log = $on"
  [ "$status" = 0 ] || { echo "the captured run failed (exit $status)" >&2; exit 1; }
  java "$ROOT/bench/replay/GeneralLogReplay.java" --sessions "$log" "$out" | sed 's/^/  /'
}

replay() { # lanes: x1 plays the c1 run's sessions in turn; x4 the c4 run's over four lanes at once,
  # session i in lane i mod 4 (a session a lane when the run held four connections, a quarter of the
  # tenants' sessions each when it made a connection per tenant)
  local start i j lanes=$1 pids=() sessions
  mapfile -t sessions < <(ls "$LOGS/c$1"/session-*.sql | sort -V)
  start=$(now)
  for ((i = 0; i < lanes; i++)); do
    (for ((j = i; j < ${#sessions[@]}; j += lanes)); do my_ --force <"${sessions[j]}" >/dev/null; done) &
    pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i"; done
  record "mariadb replay x$1" "$(ms_since "$start")"
}

if [ "$NOOP" = 1 ]; then
  echo "no-op bench: PostgreSQL $PG_N schemas, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
  write_projects
  pg_reset
  "$ROOT/bin/flotilla" -c "$WORK/pg/flotilla.yaml" stamp --all heads --concurrency 4 -q >/dev/null
  for run in $(seq 1 "$RUNS"); do flotilla postgresql 4 noop; done
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $PGDB"
  exit 0
fi
echo "fleet bench: PostgreSQL $PG_N schemas, MariaDB $MY_N databases, ${RUNS} runs, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
write_floor
write_projects
if [ "$SKIP_OFFLINE" != 1 ]; then
  for target in ${TARGETS//,/ }; do write_offline "$target"; done # --sql over a selection connects to nothing
fi
if [ "$REPLAY" = 1 ]; then
  LOGS=$HERE/target/replay
  rm -rf "$LOGS" && mkdir -p "$LOGS" && chmod 777 "$HERE/target" "$LOGS"
  echo "capturing Flotilla's statements on MariaDB (not timed):"
  capture 1
  capture 4
fi
for run in $(seq 1 "$RUNS"); do
  echo "run $run (load $(cut -d' ' -f1-3 /proc/loadavg))"
  for target in ${TARGETS//,/ }; do
    reset "$target"; floor "$target"
    if [ "$SKIP_OFFLINE" != 1 ]; then
      for p in 1 4; do reset "$target"; offline "$target" "$p"; done
    fi
    if [ "$target" = mariadb ] && [ "$REPLAY" = 1 ]; then
      for p in 1 4; do reset "$target"; replay "$p"; done
    fi
    if [ "$SKIP_PEER" != 1 ]; then
      for t in ${FW_THREADS//,/ }; do reset "$target"; flyway "$target" "$t"; done
    fi
    for c in ${CONC//,/ }; do
      reset "$target"; flotilla "$target" "$c"
      [ "$c" != "${CONC%%,*}" ] || flotilla "$target" "$c" noop
    done
  done
done
[[ $TARGETS != *postgresql* ]] || psql_ -d postgres -c "DROP DATABASE IF EXISTS $PGDB"

echo
echo "medians (ms) and ratio to the floor of the same target:"
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for target in ${TARGETS//,/ }; do
  base=$(echo "${TIMES["$target floor"]}" | median)
  for key in "${!TIMES[@]}"; do
    [[ $key == "$target "* ]] || continue
    m=$(echo "${TIMES[$key]}" | median)
    printf '  %-28s %8d  %5.2fx\n' "$key" "$m" "$(echo "$m / $base" | bc -l)"
  done | sort
done
if [[ $TARGETS == *mariadb* ]]; then
  my_ -N -e "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'flotilla\\_bench\\_f\\_%'" \
    | sed 's/.*/DROP DATABASE `&`;/' | my_
fi
