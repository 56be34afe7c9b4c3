# clean_quality.sh — a guard on cleaning quality: the 130 real pages of
# ../shared/bench/cleaning-pages (skipped when absent) scored by ../shared/tools/score-cleaning
# must keep mean F1 >= 0.95 and the title right on >= 90% of pages.
. "$TESTS/lib.sh"
SCORE="$SHARED/tools/score-cleaning"
[ -x "$SCORE" ] && [ -d "$SHARED/bench/cleaning-pages" ] || skip "no $SCORE"
run 0 "$SCORE" --title -j 2 "$VIGIL clean --title {}"
line=$(printf '%s\n' "$OUT" | grep '^cleaning:')
echo "$line"
python3 - "$line" <<'PY' || die "quality below the goal: $line"
import re, sys
f = dict(re.findall(r'(\w+) ([\d.]+)', sys.argv[1]))
sys.exit(0 if float(f['mean_f1']) >= 0.95 and float(f['title_acc']) >= 0.90 and f['failed'] == '0' else 1)
PY
ok "mean F1 and title accuracy at or above the goal"
