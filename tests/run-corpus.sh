#!/bin/sh
# run-corpus.sh — extraction quality as a regression guard: scores `vigil extract --json`
# on the project's own annotated reports (tests/corpus/reports, gold in tests/corpus/gold)
# and, when ../shared is present, on the reference seeds, with
# ../shared/tools/score-extraction; fails when a figure falls below tests/corpus/thresholds.
# Skips (exit 0, saying so) when the scorer is absent.
: "${VIGIL:?set VIGIL to the binary}"
root=$(cd "$(dirname "$0")/.." && pwd)
: "${SHARED:=$root/../shared}"
scorer="$SHARED/tools/score-extraction"
if [ ! -x "$scorer" ] || ! command -v python3 >/dev/null 2>&1; then
	echo "corpus: skipped (no $scorer or no python3)"
	exit 0
fi
fail=0

# score NAME GOLD DOCS: prints the scorer's summary and compares it with the thresholds.
score() {
	line=$("$scorer" --gold "$2" --docs "$3" --run "'$VIGIL' extract --json {}" 2>/dev/null | tail -n 1)
	echo "corpus $1: $line"
	want=$(awk -v n="$1" '$1 == n { print $2, $3, $4, $5, $6 }' "$root/tests/corpus/thresholds")
	if [ -z "$want" ]; then
		echo "corpus $1: no thresholds"; fail=1; return
	fi
	# shellcheck disable=SC2086
	if ! echo "$line" | awk -v want="$want" '
		BEGIN { split(want, w, " ") }
		/^extraction:/ {
			for (i = 1; i <= NF; i++) {
				if ($i == "events" && $(i+1) == "F1") ev = $(i+2)
				if ($i == "strict" && $(i+1) == "F1") st = $(i+2)
				if ($i == "appeals" && $(i+1) == "F1") ap = $(i+2)
				if ($i == "unquoted") uq = $(i+1)
				if ($i == "failed") fl = $(i+1)
			}
			ok = ev >= w[1] && st >= w[2] && ap >= w[3] && uq <= w[4] && fl <= w[5]
			if (!ok) printf "below thresholds: events %s < %s or strict %s < %s or appeals %s < %s or unquoted %s > %s or failed %s > %s\n", ev, w[1], st, w[2], ap, w[3], uq, w[4], fl, w[5]
			found = 1
			exit !ok
		}
		END { if (!found) { print "no summary line"; exit 1 } }'; then
		echo "corpus $1: FAILED"
		fail=1
	fi
}

score own "$root/tests/corpus/gold" "$root/tests/corpus/reports"
if [ -d "$SHARED/corpus/gold" ]; then
	score seeds "$SHARED/corpus/gold" "$SHARED/corpus/seeds"
else
	echo "corpus seeds: skipped (no $SHARED/corpus)"
fi
[ "$fail" -eq 0 ]
