#!/bin/sh
# clean_demo.sh — `vigil clean --json` (no database) on every demo report gets the
# publication date, title and publisher demo/expected.tsv gives: the metadata of reports as
# they really arrive (banners, menus, bylines, datelines without a year, signatures, a
# petition), with no list of known misses. Same comparison as demo.sh: dates exactly,
# titles case-insensitively, publishers loosely (one contains the other).
. "$TESTS/lib.sh"
DEMO="$TESTS/../demo"

grep -v '^#' "$DEMO/expected.tsv" | while IFS='	' read -r f pub title publisher; do
	[ -n "$f" ] || continue
	"$VIGIL" clean --json "$DEMO/reports/$f" >"clean-$f.json" || die "vigil clean --json $f"
	python3 - "clean-$f.json" "$f" "$pub" "$title" "$publisher" <<'PY' || exit 1
import json, sys
path, f, pub, title, publisher = sys.argv[1:6]
got = json.load(open(path))
bad = []
if pub and got.get('published') != pub:
    bad.append('published %r, wanted %r' % (got.get('published'), pub))
if title and (got.get('title') or '').casefold() != title.casefold():
    bad.append('title %r, wanted %r' % (got.get('title'), title))
p = (got.get('publisher') or '').casefold()
if publisher and not (p and (publisher.casefold() in p or p in publisher.casefold())):
    bad.append('publisher %r, wanted %r' % (got.get('publisher'), publisher))
for b in bad:
    print('FAIL %s: %s' % (f, b))
if not bad:
    print('ok %s: published, title and publisher' % f)
sys.exit(1 if bad else 0)
PY
done || exit 1
n=$(grep -vc '^#' "$DEMO/expected.tsv")
[ "$n" -ge 16 ] && ok "$n demo reports checked" || die "only $n rows in expected.tsv"

# A dateline without a year in a report that names none: the year comes from what is
# known of the report, the source URL's date or the day it was received (vigil add).
printf 'Boats fired on near the landing\n\nKESSA, May 3 (Shore Agency) - A patrol fired on two boats near the landing, wounding a fisherman, his family said.\n' > noyear.txt
run 0 "$VIGIL" clean --json noyear.txt
json "j['published'] is None and j['publisher'] == 'Shore Agency'"
run 0 "$VIGIL" add --received 2019-06-01T10:00:00Z noyear.txt
printf 'Boats fired on again near the landing\n\nKESSA, May 3 (Shore Agency) - A patrol fired on three boats near the landing, his family said.\n' > noyear2.txt
run 0 "$VIGIL" add --source https://shore.example/news/2017/05/04/boats noyear2.txt
run 0 "$VIGIL" reports --json
json "sorted(r['published'] for r in j) == ['2017-05-03', '2019-05-03']"
