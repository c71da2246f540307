#!/usr/bin/env bash
# bench/status/classlist.sh - regenerates bin/flotilla.classlist, the classes bin/flotilla puts in its
# class-data sharing archive (see "Status reads" in bench/README.md). Training commands: status over the
# status bench's PostgreSQL schemas and MariaDB databases (run bench/status/run.sh once first), a dry run
# over them, and a real fleet run, its no-op re-run, status and current over a copy of examples/quickstart
# (SQLite), and a fleet run with its no-op re-run over three PostgreSQL schemas and two MariaDB databases
# made for it (database flotilla_bench_classlist, databases flotilla_bench_cl_1 and _2, dropped after).
# Order is kept (first load first); a class that no longer exists is skipped when the archive
# is made, so a stale list costs speed, never correctness.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=$root/orchestrator/target/flotilla.jar
project=$here/target/project/flotilla.yaml
[ -f "$project" ] || { echo "run bench/status/run.sh first (it builds the project this trains on)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples/quickstart" "$work/quickstart"
rm -rf "$work/quickstart/data" "$work/quickstart/.flotilla"
n=0
train() { # args of one flotilla command; exit 1 (a dirty tenant in the status fleet) is fine, a crash is not
  n=$((n + 1))
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:DumpLoadedClassList="$work/$n.lst" -jar "$jar" "$@" >/dev/null 2>"$work/$n.err" \
    || [ "$?" = 1 ] || { echo "training command $n failed: $*" >&2; tail -3 "$work/$n.err" >&2; exit 1; }
}
train -c "$project" status --format json
train -c "$project" status
train -c "$project" upgrade --all --dry-run
train -c "$work/quickstart/flotilla.yaml" upgrade --all -q
train -c "$work/quickstart/flotilla.yaml" upgrade --all -q
train -c "$work/quickstart/flotilla.yaml" current -v
train --help
# A real migration on each server kind: the runner's, the pools' and the drivers' classes.
pg() { psql -X -q -v ON_ERROR_STOP=1 -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" "$@"; }
my() { mariadb -h "${MYHOST:-127.0.0.1}" -P "${MYPORT:-3306}" -u "${MYUSER:-root}" "$@"; }
pg -d postgres -c "DROP DATABASE IF EXISTS flotilla_bench_classlist" -c "CREATE DATABASE flotilla_bench_classlist"
pg -d flotilla_bench_classlist -c "CREATE SCHEMA cl_1" -c "CREATE SCHEMA cl_2" -c "CREATE SCHEMA cl_3"
my -e "DROP DATABASE IF EXISTS flotilla_bench_cl_1; DROP DATABASE IF EXISTS flotilla_bench_cl_2;
       CREATE DATABASE flotilla_bench_cl_1; CREATE DATABASE flotilla_bench_cl_2"
mkdir -p "$work/fleet"
cat > "$work/fleet/flotilla.yaml" <<YAML
scripts: $root/bench/fleet/migrations
servers:
  pg:
    url: jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/flotilla_bench_classlist
    user: ${PGUSER:-postgres}
  my:
    url: jdbc:mysql://${MYHOST:-127.0.0.1}:${MYPORT:-3306}/\${tenant.database}
    user: ${MYUSER:-root}
registry:
  file: tenants.csv
YAML
printf 'id,server,schema,database\ncl_1,pg,cl_1,\ncl_2,pg,cl_2,\ncl_3,pg,cl_3,\nmy_1,my,,flotilla_bench_cl_1\nmy_2,my,,flotilla_bench_cl_2\n' \
  > "$work/fleet/tenants.csv"
train -c "$work/fleet/flotilla.yaml" upgrade --all --concurrency 2
train -c "$work/fleet/flotilla.yaml" upgrade --all --concurrency 2
pg -d postgres -c "DROP DATABASE flotilla_bench_classlist"
my -e "DROP DATABASE flotilla_bench_cl_1; DROP DATABASE flotilla_bench_cl_2"
# One list: the first one's header, then every class once, in the order first loaded.
awk 'FNR == NR || !/^#/' "$work"/[0-9]*.lst | awk '/^#/ || !seen[$0]++' > "$root/bin/flotilla.classlist"
echo "bin/flotilla.classlist: $(grep -vc '^#' "$root/bin/flotilla.classlist") classes from $n commands"
