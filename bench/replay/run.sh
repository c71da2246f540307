#!/usr/bin/env bash
# bench/replay/run.sh - how close to the floor any client can come on MariaDB while keeping Flotilla's
# bookkeeping (the running row before a step, a progress update after each statement but the last, the
# close that moves the version): Flotilla's own statements replayed by the mariadb client.
#
# Usage: bench/replay/run.sh [--set kratos] [--runs 7]
# Env: MYHOST/MYPORT/MYUSER (127.0.0.1, 3306, root; the user must be allowed SET GLOBAL general_log),
#      SKIP_BUILD=1 and MVN_FLAGS as bench/run. The server must run on this machine and this script's user
#      must be able to read the log file it writes (root, or a member of the server's group).
#
# 1. Runs `bench/run --runs 2 --targets mariadb` once with the server's general log on (a file under
#    bench/replay/target; the log's previous state is put back afterwards), so the log holds the floor's
#    session and Flotilla's sessions on flotilla_bench_mariadb_1.
# 2. GeneralLogReplay.java turns them into three scripts for the mariadb client (see its comment):
#    floor.sql (the floor's batches), statements.sql (Flotilla's statements one a round trip, as Flotilla
#    sends them) and steps.sql (the same, one batch a step: the fewest round trips that bookkeeping allows).
# 3. Times each, interleaved, on a fresh database each time (flotilla_bench_replay, the set's collation),
#    with --force as the floor does, and prints the medians and their ratio to floor.sql's.
# The replays have no client cost at all (no JVM, no driver, no parsing): what they add to the floor is the
# server's and the round trips' cost of the bookkeeping alone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
set_name=kratos runs=7
while [ $# -gt 0 ]; do
  case $1 in
    --set) set_name=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
myhost=${MYHOST:-127.0.0.1} myport=${MYPORT:-3306} myuser=${MYUSER:-root}
my_() { mariadb -h "$myhost" -P "$myport" -u "$myuser" --default-character-set=utf8mb4 "$@"; }
collation=utf8mb4_general_ci
[ "$set_name" != authelia ] || collation=utf8mb4_unicode_520_ci
work=$here/target
rm -rf "$work" && mkdir -p "$work" && chmod 777 "$work"
log=$work/general.log

read -r was_on was_output was_file < <(my_ -N -e "SELECT @@global.general_log, @@global.log_output, @@global.general_log_file")
restore() {
  my_ -e "SET GLOBAL general_log = 0; SET GLOBAL general_log_file = $(quoted "$was_file");
          SET GLOBAL log_output = $(quoted "$was_output"); SET GLOBAL general_log = $was_on"
}
quoted() { printf "'%s'" "${1//\'/\'\'}"; }
trap restore EXIT
my_ -e "SET GLOBAL general_log = 0; SET GLOBAL log_output = 'FILE'; SET GLOBAL general_log_file = '$log';
        SET GLOBAL general_log = 1"
"$root/bench/run" --set "$set_name" --runs 2 --targets mariadb >"$work/bench-run.txt"
restore
trap - EXIT

[ -r "$log" ] || { echo "cannot read the server's general log $log (see the header of $0)" >&2; exit 2; }
java "$here/GeneralLogReplay.java" "$log" flotilla_bench_mariadb_1 "$work"

declare -A times
for run in $(seq 1 "$runs"); do
  for script in floor statements steps; do
    my_ -e "DROP DATABASE IF EXISTS flotilla_bench_replay; CREATE DATABASE flotilla_bench_replay COLLATE $collation"
    start=$(date +%s%N)
    my_ --force -D flotilla_bench_replay <"$work/$script.sql" >/dev/null 2>"$work/$script.err" || true
    times[$script]+="$(( ($(date +%s%N) - start) / 1000000 )) "
  done
done
my_ -e "DROP DATABASE IF EXISTS flotilla_bench_replay"
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
floor=$(echo "${times[floor]}" | median)
echo "machine: $(nproc) CPUs, $(uptime | sed 's/.*load/load/')"
for script in floor statements steps; do
  m=$(echo "${times[$script]}" | median)
  printf '%-10s runs (ms) %s| median %s ms, %s x the floor; errors: %s lines\n' "$script" "${times[$script]}" "$m" \
    "$(echo "scale=2; $m / $floor" | bc)" "$(grep -c . "$work/$script.err" || true)"
done
echo "Flotilla itself in the logged bench run (general log on):"
grep -E 'warm medians|flotilla/floor' "$work/bench-run.txt" | sed 's/^/  /'
