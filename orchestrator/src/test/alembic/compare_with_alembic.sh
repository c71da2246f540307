#!/usr/bin/env bash
# Run by hand, not by Maven: builds one revision graph with flotilla, writes the same graph as Alembic
# revision files, and diffs what `heads`, `branches`, `history` and `show` print in each.
#
#   bash orchestrator/src/test/alembic/compare_with_alembic.sh
#
# Needs python3 with alembic (1.8 was compared) and the shaded jar (mvn -pl orchestrator -am package),
# or FLOTILLA="command to run flotilla"; PYTHON=... picks the python that has alembic. Order-only differences are reported apart: Alembic prints
# branch labels and `Branches into:` from Python sets and lists heads in directory-listing order.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
PYTHON=${PYTHON:-python3}
FLOTILLA=${FLOTILLA:-java -jar $root/orchestrator/target/flotilla.jar}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/flot" "$work/al"

fl() { (cd "$work/flot" && $FLOTILLA "$@"); }
al() { (cd "$work/al" && PYTHONHASHSEED=0 $PYTHON -m alembic "$@"); }

fl init -q
fl revision -m "create account table" --rev-id 1a2b3c4d5e6f >/dev/null
fl revision -m "add a column" --rev-id 2b3c4d5e6f70 >/dev/null
fl revision -m "add an index" --rev-id 3c4d5e6f7081 >/dev/null
fl revision -m "start feature" --rev-id 4d5e6f708192 --head 2b3c4d5e6f70 --splice --branch-label feature >/dev/null
fl revision -m "more feature" --rev-id 5e6f708192a3 --head feature@head >/dev/null
fl revision -m "networking base" --rev-id 6f708192a3b4 --head base --branch-label networking >/dev/null
fl revision -m "networking needs feature" --rev-id 708192a3b4c5 --head networking@head \
   --depends-on 3c4d5e --depends-on feature >/dev/null
fl revision -m "second branch from one" --rev-id 8192a3b4c5d6 --head 1a2b3c4d5e6f --splice >/dev/null
fl merge -m "merge main and feature" --rev-id 92a3b4c5d6e7 3c4d5e6f7081 5e6f708192a3 >/dev/null
fl revision -m "" --rev-id a3b4c5d6e7f8 --head 8192a3b4c5d6 >/dev/null
fl revision -m "networking needs the other branch" --rev-id b4c5d6e7f809 --head networking@head \
   --depends-on a3b4c5d6e7f8 >/dev/null

al init -q migrations >/dev/null 2>&1 || al init migrations >/dev/null
$PYTHON - "$work/flot/migrations/versions" "$work/al/migrations/versions" <<'PY'
import os, sys
src, dst = sys.argv[1:]
for name in sorted(os.listdir(src)):
    if not name.endswith(".sql"):
        continue
    h = {}
    for line in open(os.path.join(src, name)):
        if line.startswith("-- ") and ":" in line and not line.startswith("-- migrate:"):
            k, v = line[3:].split(":", 1)
            h[k.strip()] = v.strip()
    def tup(v):
        items = [x.strip() for x in v.split(",") if x.strip()]
        return None if not items else items[0] if len(items) == 1 else tuple(items)
    down = tup(h["down_revision"])
    doc = '"""%s\n\nRevision ID: %s\nRevises: %s\nCreate Date: %s\n\n"""\n' % (
        h["message"], h["revision"], ", ".join(down) if isinstance(down, tuple) else (down or ""), h["create_date"])
    with open(os.path.join(dst, name[:-4] + ".py"), "w") as f:
        f.write(doc)
        f.write("revision = %r\ndown_revision = %r\nbranch_labels = %r\ndepends_on = %r\n" % (
            h["revision"], down, tup(h["branch_labels"]), tup(h["depends_on"])))
        f.write("def upgrade():\n    pass\ndef downgrade():\n    pass\n")
PY

norm() { sed -e "s#$work/flot/migrations/versions/\\(.*\\)\\.sql#VERSIONS/\\1#" \
             -e "s#$work/al/migrations/versions/\\(.*\\)\\.py#VERSIONS/\\1#"; }
same=0; ordered=0; differ=0
for cmd in "heads" "heads -v" "heads --resolve-dependencies" "branches" "branches -v" "history" "history -v" \
           "history -r 2b3c4d5e6f70:" "history -r :3c4d5e6f7081" "history -r feature@base:feature@head" \
           "show 1a2b3c4d5e6f" "show 2b3c4d5e6f70" "show heads" "show networking@head" "show 92a3"; do
  fl $cmd 2>&1 | norm >"$work/f.txt" || true
  al $cmd 2>&1 | norm >"$work/a.txt" || true
  if cmp -s "$work/f.txt" "$work/a.txt"; then
    same=$((same + 1)); echo "same:       $cmd"
  elif cmp -s <(sort "$work/f.txt") <(sort "$work/a.txt"); then
    ordered=$((ordered + 1)); echo "order only: $cmd"; diff "$work/a.txt" "$work/f.txt" | sed 's/^/    /' || true
  else
    differ=$((differ + 1)); echo "DIFFERENT:  $cmd  (< alembic, > flotilla)"; diff "$work/a.txt" "$work/f.txt" | sed 's/^/    /' || true
  fi
done
echo "$same same, $ordered order only, $differ different"
[ "$differ" -eq 0 ]
