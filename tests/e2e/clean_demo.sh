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
