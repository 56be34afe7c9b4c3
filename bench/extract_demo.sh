#!/bin/sh
# extract_demo.sh — extraction quality on the demo collection: scores `vigil extract` on
# demo/reports against the demo's answer key (demo/gold.py from demo/records and
# demo/expected.tsv) with ../shared/tools/score-extraction, and prints its summary line.
# A measure, not a test; says why when it cannot run.
: "${VIGIL:?set VIGIL to the binary}"
root=$(cd "$(dirname "$0")/.." && pwd)
scorer="${SHARED:-$root/../shared}/tools/score-extraction"
if ! "$VIGIL" help | grep -q '^  extract '; then
	echo "extract_demo: no extract command yet"
	exit 0
fi
[ -x "$scorer" ] || { echo "extract_demo: no scorer at $scorer"; exit 0; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/vigil-bench-gold.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
python3 "$root/demo/gold.py" "$dir" >/dev/null || exit 1
printf 'demo '
"$scorer" --gold "$dir" --docs "$root/demo/reports" --run "'$VIGIL' extract --json {}" 2>/dev/null | tail -n 1
