#!/usr/bin/env bash
# Builds a demo fleet of 41 SQLite tenants in every state, writes `flotilla status --html` for it and
# takes a screenshot of the page in headless Chromium, so that a person can look at the page as a
# browser draws it. Needs Java, sqlite3 and Debian's chromium package (apt-get install chromium).
#
#   docs/status-screenshot.sh [OUT.png [WIDTH,HEIGHT]]    default: docs/status-screenshot.png 1200,900
#
# The HTML page is kept beside the PNG (OUT.html). Takes about half a minute: a JVM per command, and the
# unreachable tenant waits out the pool's 10 s connection timeout.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(realpath -m "${1:-$root/docs/status-screenshot.png}")
size=${2:-1200,900}
flotilla=$root/bin/flotilla
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in java sqlite3 chromium; do
  command -v "$tool" >/dev/null || { echo "status-screenshot: '$tool' is not on PATH" >&2; exit 127; }
done

# The quickstart's three revisions and a fourth; a newer release's fifth lives in newer/ only.
mkdir -p "$work/migrations" "$work/newer"
cp -r "$root/examples/quickstart/migrations/versions" "$work/migrations/"
revision() { # FOLDER ID DOWN MESSAGE SQL
  printf -- '-- revision: %s\n-- down_revision: %s\n-- message: %s\n\n-- migrate:upgrade\n%s\n\n-- migrate:downgrade\nSELECT 1;\n' \
    "$2" "$3" "$4" "$5" >"$1/versions/$2_$(echo "$4" | tr ' ' _).sql"
}
revision "$work/migrations" d7e8f9a0b1c2 c3d9e5f1a084 "add invoices" "CREATE TABLE invoice (id INTEGER PRIMARY KEY, number TEXT UNIQUE);"
cp -r "$work/migrations/versions" "$work/newer/"
revision "$work/newer" f1a2b3c4d5e6 d7e8f9a0b1c2 "add payment terms" "ALTER TABLE invoice ADD COLUMN terms TEXT;"

cat >"$work/flotilla.yaml" <<'YAML'
scripts: migrations
servers:
  eu-files:
    url: jdbc:sqlite:data/${tenant.id}.db
  us-files:
    url: jdbc:sqlite:lost/${tenant.id}.db
registry:
  file: tenants.yaml
YAML
{
  echo "tenants:"
  tenant() { echo "  - {id: $1, server: ${3:-eu-files}, tags: [$2]}"; }
  for id in acme globex initech umbrella hooli stark wayne wonka tyrell cyberdyne soylent oscorp \
            aperture blackmesa vandelay dunder pied-piper gekko monarch virtucon zorg massive-dynamic \
            nakatomi weyland; do tenant "$id" head; done
  for id in bluth cheers prestige sterling krusty duff gringotts; do tenant "$id" r3; done
  for id in spacely cogswell slate; do tenant "$id" r2; done
  for id in ghostbusters planet-express; do tenant "$id" r1; done
  tenant initrode ahead
  tenant contoso dirty
  tenant fabrikam new
  tenant northwind new
  tenant tailspin lost us-files
} >"$work/tenants.yaml"

cd "$work"
"$flotilla" -q upgrade --tag head >/dev/null
"$flotilla" -q upgrade --tag r3 c3d9e5f1a084 >/dev/null
"$flotilla" -q upgrade --tag r2 5b8e41c07a62 >/dev/null
"$flotilla" -q upgrade --tag r1 1f0c2a7b9d31 >/dev/null
"$flotilla" -q --scripts newer upgrade --tag ahead >/dev/null
"$flotilla" -q upgrade --tag dirty c3d9e5f1a084 >/dev/null
# SQLite rolls a failed step back, so the dirty step is written as MySQL would have left it.
sqlite3 data/contoso.db "INSERT INTO flotilla_history (run_id, revision, direction, checksum, started_at, outcome,
  statements_done, statements_total, error, applied_by) SELECT run_id, 'd7e8f9a0b1c2', 'upgrade', checksum, started_at,
  'dirty', 1, 2, 'UNIQUE constraint failed: invoice.number', applied_by FROM flotilla_history ORDER BY id DESC LIMIT 1;"
mkdir -p lost/tailspin.db # a folder where the file should be: its server cannot be read

"$flotilla" status --html "${out%.png}.html" || true
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/chromium" --hide-scrollbars \
  --screenshot="$out" --window-size="$size" "file://${out%.png}.html" 2>/dev/null
echo "wrote $out and ${out%.png}.html"
