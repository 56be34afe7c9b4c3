#!/bin/sh
# clean_meta.sh — metadata quality of `vigil clean --json` (a measure, never a test):
#   demo      demo/reports against demo/expected.tsv (dates exactly, titles ignoring case,
#             publishers loosely: one contains the other);
#   own       tests/corpus/reports against the document part of tests/corpus/gold
#             (published, title and publisher compared exactly, ignoring case);
#   pages     the 130 real pages of ../shared/bench/cleaning-pages against their
#             expected-metadata.json (Readability's byline, siteName, publishedTime,
#             compared loosely; a page where Readability found nothing is not counted).
# Prints right/checked per field; says why when something is absent.
: "${VIGIL:?set VIGIL to the binary}"
root=$(cd "$(dirname "$0")/.." && pwd)
SHARED="${SHARED:-$root/../shared}"
command -v python3 >/dev/null 2>&1 || { echo "clean_meta: no python3"; exit 0; }
python3 - "$VIGIL" "$root" "$SHARED" <<'PY'
import glob, json, os, subprocess, sys
vigil, root, shared = sys.argv[1:4]

def clean(path):
    r = subprocess.run([vigil, 'clean', '--json', path], capture_output=True, text=True)
    try:
        return json.loads(r.stdout)
    except ValueError:
        return {}

def loose(g, w):
    g, w = (g or '').casefold(), (w or '').casefold()
    return bool(g) and (g in w or w in g)

def show(name, tot):
    print('clean_meta %s: %s' % (name, ' '.join('%s %d/%d' % (k, v[0], v[1]) for k, v in tot.items())))

tot = {'published': [0, 0], 'title': [0, 0], 'publisher': [0, 0]}
for line in open(os.path.join(root, 'demo/expected.tsv'), encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    f, pub, title, publisher = (line.rstrip('\n').split('\t') + ['', '', ''])[:4]
    got = clean(os.path.join(root, 'demo/reports', f))
    for k, w, ok in (('published', pub, lambda g, w: g == w),
                     ('title', title, lambda g, w: (g or '').casefold() == w.casefold()),
                     ('publisher', publisher, loose)):
        if w:
            tot[k][1] += 1
            tot[k][0] += bool(ok(got.get(k), w))
show('demo', tot)

tot = {'published': [0, 0], 'title': [0, 0], 'publisher': [0, 0]}
for g in sorted(glob.glob(os.path.join(root, 'tests/corpus/gold/[0-9]*.json'))):
    name = os.path.basename(g)[:-5]
    reps = glob.glob(os.path.join(root, 'tests/corpus/reports', name + '.*'))
    if not reps:
        continue
    want = json.load(open(g)).get('document', {})
    got = clean(reps[0])
    for k in tot:
        if want.get(k):
            tot[k][1] += 1
            tot[k][0] += (got.get(k) or '').casefold() == want[k].casefold()
show('own', tot)

pages = os.path.join(shared, 'bench/cleaning-pages')
if not os.path.isdir(pages):
    print('clean_meta pages: no %s' % pages)
    sys.exit(0)
tot = {'author': [0, 0], 'publisher': [0, 0], 'published': [0, 0]}
for d in sorted(glob.glob(os.path.join(pages, '*', 'expected-metadata.json'))):
    exp = json.load(open(d))
    got = clean(os.path.join(os.path.dirname(d), 'source.html'))
    for k, e in (('author', 'byline'), ('publisher', 'siteName'), ('published', 'publishedTime')):
        w = exp.get(e)
        if not w:
            continue
        tot[k][1] += 1
        g = got.get(k)
        tot[k][0] += bool(g and w.startswith(g)) if k == 'published' else loose(g, w)
show('pages', tot)
PY
