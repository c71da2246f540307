#!/usr/bin/env bash
# bench/status/classlist.sh - regenerates bin/flotilla.classlist, the classes bin/flotilla puts in its
# class-data sharing archive (see "Status reads" in bench/README.md). Training commands: status over the
# status bench's PostgreSQL schemas and MariaDB databases (run bench/status/run.sh once first), a dry run
# over them, and a real fleet run, its no-op re-run, status and current over a copy of examples/quickstart
# (SQLite). Order is kept (first load first); a class that no longer exists is skipped when the archive
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
train() { # args of one flotilla command
  n=$((n + 1))
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:DumpLoadedClassList="$work/$n.lst" -jar "$jar" "$@" >/dev/null 2>&1 || true
}
train -c "$project" status --format json
train -c "$project" status
train -c "$project" upgrade --all --dry-run
train -c "$work/quickstart/flotilla.yaml" upgrade --all -q
train -c "$work/quickstart/flotilla.yaml" upgrade --all -q
train -c "$work/quickstart/flotilla.yaml" current -v
train --help
# One list: the first one's header, then every class once, in the order first loaded.
awk 'FNR == NR || !/^#/' "$work"/[0-9]*.lst | awk '/^#/ || !seen[$0]++' > "$root/bin/flotilla.classlist"
echo "bin/flotilla.classlist: $(grep -vc '^#' "$root/bin/flotilla.classlist") classes from $n commands"
