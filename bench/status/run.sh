#!/usr/bin/env bash
# bench/status/run.sh - how fast Flotilla reads where every tenant stands, against the floor and Flyway.
#
# Builds 1,000 and 10,000 PostgreSQL schema tenants (schemas bench_t%, in the database
# flotilla_bench_status) and 200 MariaDB databases (flotilla_bench_t%) at mixed revisions, then times,
# interleaved, RUNS times each:
#   floor    the fastest hand-written read of every version row through the database's own client, end
#            to end (client start included): for PostgreSQL the fastest of one psql session running one
#            small SELECT per schema, one psql session running one COPY … TO STDOUT per schema (no
#            planning: what Flotilla's reader does), and one query over the catalog with query_to_xml (up
#            to 2,000 schemas: past that it fills the server's lock table); for MariaDB one
#            mariadb call running a UNION ALL over every database
#   status   the command itself, `bin/flotilla status --format json` over the server's tenants: the
#            launcher's JVM options (C1, serial GC) and its class-data sharing archive; and again with
#            FLOTILLA_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" (no archive)
#   survey   a fresh JVM (C1, serial GC, no archive) opening the project and reading every tenant with
#            FleetSurvey, the read alone (SurveyBench; prints its open and read times)
#   both     what status itself must read, with no client cost: one COPY of the version table and one of
#            the history table per schema, by one psql session and by four at once (the schemas split
#            four ways, as the survey splits them over its connections); reported beside the floor,
#            never chosen as it
#   jvm      `bin/flotilla --help`: the launcher's JVM starting and printing the usage, no project, no
#            database (what any command costs before it does anything)
#   flyway   the peer: Flyway 13's info() looped over the same number of tenants, on 1 and 4 threads
#            (bench/fleet/peer FlywayInfo; its own fleet, flotilla_bench_flyway schemas fw_% and
#            databases flotilla_bench_fw_%, at the same mixed versions); only up to 1,000 schemas, as it
#            takes some 13 s per 1,000
# Usage: bench/status/run.sh [COUNTS]    COUNTS defaults to "1000 10000"; RUNS=5; SKIP_SETUP=1 reuses
#        the tenants of the last run (of the last count); SKIP_BUILD=1 reuses the last build;
#        SKIP_PEER=1 leaves Flyway out.
# Env: PGHOST/PGPORT/PGUSER (127.0.0.1, 5432, postgres), MYHOST/MYPORT/MYUSER (127.0.0.1, 3306, root).
#      Creates and drops only flotilla_bench_* databases.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
counts=${1:-1000 10000}
runs=${RUNS:-5}
pghost=${PGHOST:-127.0.0.1} pgport=${PGPORT:-5432} pguser=${PGUSER:-postgres}
myhost=${MYHOST:-127.0.0.1} myport=${MYPORT:-3306} myuser=${MYUSER:-root}
work=$here/target
mkdir -p "$work"
psql_() { psql -X -q -h "$pghost" -p "$pgport" -U "$pguser" "$@"; }
mariadb_() { mariadb -h "$myhost" -P "$myport" -u "$myuser" "$@"; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && mvn -q -B -o -DskipTests -pl orchestrator -am package)
fi
jar=$root/orchestrator/target/flotilla.jar
rm -rf "$work/classes" && mkdir -p "$work/classes"
javac --release 17 -d "$work/classes" -cp "$jar" "$here/SurveyBench.java"

# The project: ten revisions r01 … r10 in a chain, and the two servers.
project=$work/project
rm -rf "$project" && mkdir -p "$project/migrations/versions"
for i in $(seq 1 10); do
  id=$(printf 'r%02d' "$i"); down=$([ "$i" = 1 ] && echo "" || printf 'r%02d' $((i - 1)))
  printf -- '-- revision: %s\n-- down_revision: %s\n-- branch_labels:\n-- depends_on:\n-- message: step %s\n-- create_date: 2024-05-01 10:00:00.000000\n\n-- migrate:upgrade\nCREATE TABLE t%s (id INTEGER);\n\n-- migrate:downgrade\nDROP TABLE t%s;\n' \
    "$id" "$down" "$i" "$i" "$i" > "$project/migrations/versions/${id}_step.sql"
done
cat > "$project/flotilla.yaml" <<YAML
scripts: migrations
servers:
  pg:
    url: jdbc:postgresql://$pghost:$pgport/flotilla_bench_status
    user: $pguser
    pool_size: 4
  my:
    url: jdbc:mariadb://$myhost:$myport/\${tenant.database}
    user: $myuser
    pool_size: 4
registry:
  file: tenants.yaml
YAML

# seconds a command takes, wall clock, its output discarded
seconds() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo "scale=3; ($t1 - $t0) / 1000000000" | bc; }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
fast=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
survey() { java "${fast[@]}" -cp "$work/classes:$jar" SurveyBench "$project/flotilla.yaml" "$1"; }
status() { "$root/bin/flotilla" -c "$project/flotilla.yaml" status --format json --tenant "$1*"; }
status_nocds() { FLOTILLA_JAVA_OPTS="${fast[*]}" "$root/bin/flotilla" -c "$project/flotilla.yaml" status --format json --tenant "$1*"; }
both4() { # each one's status: a session that stopped early fails the bench
  local p pids=()
  for p in 0 1 2 3; do psql_ -At -d flotilla_bench_status -f "$work/pg-both-$p.sql" >/dev/null & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p"; done
}
peer=$root/bench/fleet/peer
flyway() { # setup|info url threads places
  java "${fast[@]}" -cp "$peer/target/classes:$peer/target/lib/*" dev.flotilla.bench.peer.FlywayInfo "$1" "$2" "$pguser" "$3" \
    "$root/bench/fleet/migrations" "$4"
}
flyway_my() { java "${fast[@]}" -cp "$peer/target/classes:$peer/target/lib/*" dev.flotilla.bench.peer.FlywayInfo "$1" "$2" "$myuser" "$3" \
    "$root/bench/fleet/migrations" "$4"; }
if [ "${SKIP_PEER:-0}" != 1 ] && { [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -d "$peer/target/lib" ]; }; then
  (cd "$peer" && mvn -q -B package dependency:copy-dependencies -DoutputDirectory=target/lib)
fi
status pg >/dev/null 2>&1 || true # the launcher makes its class-data archive on the first run after a build

report() { # label floor-times contender-times
  local f s
  f=$(echo "$2" | median); s=$(echo "$3" | median)
  printf '%s: runs %s| median %s s; ratio to the floor %s\n' "$1" "$3" "$s" "$(echo "scale=2; $s / $f" | bc)"
}

echo "machine: $(nproc) CPUs, $(uptime | sed 's/.*load/load/'), $(java -version 2>&1 | head -1)"
echo "servers: $(psql_ -At -c 'SHOW server_version') / $(mariadb_ -N -e 'SELECT VERSION()')"

# MariaDB: 200 databases
if [ "${SKIP_SETUP:-0}" != 1 ]; then
  "$here/my-fleet.sh" 200 | mariadb_
fi
{
  echo "tenants:"
  for i in $(seq 1 200); do printf '  - {id: my%03d, server: my, database: flotilla_bench_t%03d}\n' "$i" "$i"; done
} > "$project/tenants.my"
mariadb_ -N -e "SET SESSION group_concat_max_len = 10000000; SELECT GROUP_CONCAT(CONCAT('SELECT ', QUOTE(table_schema), ', version_num FROM \`', table_schema, '\`.flotilla_version') SEPARATOR ' UNION ALL ') FROM information_schema.tables WHERE table_schema LIKE 'flotilla\\_bench\\_t%' AND table_name = 'flotilla_version'" \
  > "$work/my-floor.sql"
my_peer=$(for i in $(seq 1 200); do printf 'flotilla_bench_fw_%03d\n' "$i"; done | paste -sd,)
if [ "${SKIP_PEER:-0}" != 1 ] && [ "${SKIP_SETUP:-0}" != 1 ]; then
  for i in $(seq 1 200); do printf 'DROP DATABASE IF EXISTS flotilla_bench_fw_%03d; CREATE DATABASE flotilla_bench_fw_%03d;\n' "$i" "$i"; done | mariadb_
  flyway_my setup "jdbc:mysql://$myhost:$myport/" 4 "$my_peer" >/dev/null
fi

for count in $counts; do
  if [ "${SKIP_SETUP:-0}" != 1 ]; then
    psql_ -d postgres -c "SELECT 1" >/dev/null
    psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'flotilla_bench_status'" | grep -q 1 \
      || psql_ -d postgres -c "CREATE DATABASE flotilla_bench_status"
    echo "building $count schemas ..."
    psql_ -d flotilla_bench_status -v count="$count" -f "$here/pg-fleet.sql" >/dev/null
  fi
  peer_places=$(for i in $(seq 1 "$count"); do printf 'fw_%05d\n' "$i"; done | paste -sd,)
  with_peer=0
  if [ "${SKIP_PEER:-0}" != 1 ] && [ "$count" -le 1000 ]; then
    with_peer=1
    if [ "${SKIP_SETUP:-0}" != 1 ]; then
      echo "building the Flyway peer's $count schemas ..."
      psql_ -d postgres -c "DROP DATABASE IF EXISTS flotilla_bench_flyway" -c "CREATE DATABASE flotilla_bench_flyway" >/dev/null
      for i in $(seq 1 "$count"); do printf 'CREATE SCHEMA fw_%05d;\n' "$i"; done | psql_ -d flotilla_bench_flyway
      flyway setup "jdbc:postgresql://$pghost:$pgport/flotilla_bench_flyway" 4 "$peer_places" >/dev/null
    fi
  fi
  {
    cat "$project/tenants.my"
    for i in $(seq 1 "$count"); do printf '  - {id: pg%05d, server: pg, schema: bench_t%05d}\n' "$i" "$i"; done
  } > "$project/tenants.yaml"
  psql_ -d flotilla_bench_status -At -c "SELECT format('SELECT version_num FROM %I.flotilla_version;', n.nspname)
    FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = 'flotilla_version'
    WHERE n.nspname LIKE 'bench\_t%'" > "$work/pg-floor-many.sql"
  psql_ -d flotilla_bench_status -At -c "SELECT format('COPY %I.flotilla_version (version_num) TO STDOUT;', n.nspname)
    FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = 'flotilla_version'
    WHERE n.nspname LIKE 'bench\_t%'" > "$work/pg-floor-copy.sql"
  psql_ -d flotilla_bench_status -At -c "SELECT format('COPY %I.flotilla_version (version_num) TO STDOUT;' || chr(10)
      || 'COPY %I.flotilla_history (id, run_id, revision, direction, checksum, started_at, finished_at, duration_ms, '
      || 'outcome, statements_done, statements_total, done_digest, error, applied_by) TO STDOUT;', n.nspname, n.nspname)
    FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = 'flotilla_version'
    WHERE n.nspname LIKE 'bench\_t%'" > "$work/pg-both.sql"
  awk -v out="$work/pg-both-" '/flotilla_version/ { n++ } { print > (out (n % 4) ".sql") }' "$work/pg-both.sql"
  cat > "$work/pg-floor-xml.sql" <<'SQL'
SELECT n.nspname, x.v FROM pg_namespace n
JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = 'flotilla_version' AND c.relkind IN ('r', 'p'),
LATERAL unnest(xpath('/table/row/v/text()', query_to_xml(format('SELECT version_num AS v FROM %I.%I', n.nspname, c.relname), false, false, ''))) x(v)
WHERE n.nspname LIKE 'bench\_t%';
SQL
  echo "PostgreSQL, $count schemas (load $(cut -d' ' -f1-3 /proc/loadavg)): $(survey pg 2>&1 | tr '\n' ' ')"
  [ "$with_peer" = 1 ] && echo "  Flyway: $(flyway info "jdbc:postgresql://$pghost:$pgport/flotilla_bench_flyway" 1 "$peer_places" | head -1)"
  many="" copy="" xml="" st="" stplain="" sv="" fw1="" fw4="" both1="" both4="" jvm=""
  for run in $(seq 1 "$runs"); do
    many+="$(seconds psql_ -At -d flotilla_bench_status -f "$work/pg-floor-many.sql") "
    copy+="$(seconds psql_ -At -d flotilla_bench_status -f "$work/pg-floor-copy.sql") "
    # One query over every table takes a lock on each in one transaction: past a few thousand tables the
    # server's lock table is full ("out of shared memory"), so that candidate is left out.
    [ "$count" -le 2000 ] && xml+="$(seconds psql_ -At -d flotilla_bench_status -f "$work/pg-floor-xml.sql") "
    both1+="$(seconds psql_ -At -d flotilla_bench_status -f "$work/pg-both.sql") "
    both4+="$(seconds both4) "
    jvm+="$(seconds "$root/bin/flotilla" --help) "
    st+="$(seconds status pg) "
    stplain+="$(seconds status_nocds pg) "
    sv+="$(seconds survey pg) "
    if [ "$with_peer" = 1 ]; then
      fw1+="$(seconds flyway info "jdbc:postgresql://$pghost:$pgport/flotilla_bench_flyway" 1 "$peer_places") "
      fw4+="$(seconds flyway info "jdbc:postgresql://$pghost:$pgport/flotilla_bench_flyway" 4 "$peer_places") "
    fi
  done
  m=$(echo "$many" | median); c=$(echo "$copy" | median); x=$(echo "${xml:-999}" | median)
  echo "  floor candidates: one SELECT per schema $many(median $m s), one COPY per schema $copy(median $c s)," \
    "query_to_xml ${xml:-not run }(median $x s)"
  floor=$many best=$m
  if [ "$(echo "$c < $best" | bc)" = 1 ]; then floor=$copy best=$c; fi
  if [ "$(echo "$x < $best" | bc)" = 1 ]; then floor=$xml; fi
  report "  PostgreSQL $count, floor" "$floor" "$floor"
  report "  PostgreSQL $count, both tables of every schema, one psql" "$floor" "$both1"
  report "  PostgreSQL $count, both tables of every schema, four psql at once" "$floor" "$both4"
  report "  PostgreSQL $count, bin/flotilla --help (the JVM's start alone)" "$floor" "$jvm"
  report "  PostgreSQL $count, bin/flotilla status --format json" "$floor" "$st"
  report "  PostgreSQL $count, the same without the class-data archive" "$floor" "$stplain"
  report "  PostgreSQL $count, FleetSurvey alone (C1, serial GC)" "$floor" "$sv"
  if [ "$with_peer" = 1 ]; then
    report "  PostgreSQL $count, Flyway info() per tenant, 1 thread" "$floor" "$fw1"
    report "  PostgreSQL $count, Flyway info() per tenant, 4 threads" "$floor" "$fw4"
  fi
  echo "  load after: $(uptime | sed 's/.*load/load/')"
done

echo "MariaDB, 200 databases (load $(cut -d' ' -f1-3 /proc/loadavg)): $(survey my 2>&1 | tr '\n' ' ')"
floor="" st="" stplain="" sv="" fw1="" fw4=""
for run in $(seq 1 "$runs"); do
  floor+="$(seconds mariadb_ -N -e "source $work/my-floor.sql") "
  st+="$(seconds status my) "
  stplain+="$(seconds status_nocds my) "
  sv+="$(seconds survey my) "
  if [ "${SKIP_PEER:-0}" != 1 ]; then
    fw1+="$(seconds flyway_my info "jdbc:mysql://$myhost:$myport/" 1 "$my_peer") "
    fw4+="$(seconds flyway_my info "jdbc:mysql://$myhost:$myport/" 4 "$my_peer") "
  fi
done
report "  MariaDB 200, floor" "$floor" "$floor"
report "  MariaDB 200, bin/flotilla status --format json" "$floor" "$st"
report "  MariaDB 200, the same without the class-data archive" "$floor" "$stplain"
report "  MariaDB 200, FleetSurvey alone (C1, serial GC)" "$floor" "$sv"
if [ "${SKIP_PEER:-0}" != 1 ]; then
  report "  MariaDB 200, Flyway info() per tenant, 1 thread" "$floor" "$fw1"
  report "  MariaDB 200, Flyway info() per tenant, 4 threads" "$floor" "$fw4"
fi
echo "  load after: $(uptime | sed 's/.*load/load/')"
