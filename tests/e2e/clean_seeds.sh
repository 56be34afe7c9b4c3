# clean_seeds.sh — the reference seeds (../shared/corpus, skipped when absent): `vigil clean
# --json` finds the publication date of every seed whose gold has one, never the banner
# showing the day the page was saved, and the title, publisher and author the gold gives.
. "$TESTS/lib.sh"
CORPUS="$SHARED/corpus"
[ -d "$CORPUS/seeds" ] && [ -d "$CORPUS/gold" ] || skip "no $CORPUS"

n=0
for seed in "$CORPUS"/seeds/*; do
	name=$(basename "$seed" .txt)
	gold="$CORPUS/gold/$name.json"
	[ -f "$gold" ] || continue
	run 0 "$VIGIL" clean --json "$seed"
	python3 - "$gold" <<'PY' || die "$name: metadata differs from the gold"
import json, re, sys
got = json.load(open('out.txt'))
want = json.load(open(sys.argv[1]))['document']
def norm(s):
    s = (s or '').replace('\u2019', "'").replace('\u2018', "'")
    return re.sub(r'\s+', ' ', s).strip().casefold()
bad = []
if want.get('published') and got['published'] != want['published']:
    bad.append('published %r, gold %r' % (got['published'], want['published']))
if not want.get('published') and got['published'] and not got['published'].startswith('2011'):
    bad.append('published %r for an undated seed' % got['published'])
if got['published'] and got['published'].startswith('2024'):
    bad.append('the banner date')
# a title cut short in the seed itself is right when the gold starts with it
t, wt = norm(got['title']), norm(want.get('title'))
if wt and not (t == wt or (len(t) > 40 and wt.startswith(t))):
    bad.append('title %r, gold %r' % (got['title'], want.get('title')))
for k in ('publisher', 'author'):
    if want.get(k) and norm(got[k]) != norm(want[k]):
        bad.append('%s %r, gold %r' % (k, got[k], want[k]))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
	ok "$name: metadata as in the gold"
	n=$((n + 1))
done
test "$n" -ge 5 && ok "$n seeds checked" || die "only $n seeds"
