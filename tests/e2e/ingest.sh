# ingest.sh — vigil init/add/reports/report: originals kept byte-exact, duplicates
# recognised, provenance recorded, bad input refused without touching what is stored.
. "$TESTS/lib.sh"

run 0 "$VIGIL" init
contains "$OUT" "schema version"

mkdir -p in/sub
printf 'Camp Nadir, 3 March 2021\n\nA first report about the camp.\n' > in/a.txt
printf '<html><head><title>Second</title></head><body><p>Second report.</p></body></html>' > in/sub/b.html
printf 'hidden' > in/.hidden

run 0 "$VIGIL" add --source https://example.org/x --received 2021-03-04 --by tester in
contains "$OUT" "added 2, already had 0, failed 0"
run 0 "$VIGIL" add in/a.txt
contains "$OUT" "added 0, already had 1, failed 0"
contains "$ERR" "already have report 1"

run 0 "$VIGIL" reports --json
json "len(j) == 2"
json "all(k in j[0] for k in ('id','sha256','title','published','publisher','author','source','received','bytes','media_type'))"
json "j[0]['source'] == 'https://example.org/x' and j[0]['received'] == '2021-03-04'"
json "j[1]['media_type'] == 'text/html'"

# --original gives back the exact bytes, whose hash is the recorded one
for id in 1 2; do
	"$VIGIL" report $id --original > orig.bin || die "report --original"
	sha=$(sha256sum orig.bin | cut -d' ' -f1)
	run 0 "$VIGIL" report $id --json
	json "j['sha256'] == '$sha'"
done
cmp -s orig.bin in/sub/b.html && ok "original byte-exact" || die "original differs"

# standard input
run 0 sh -c "printf 'From standard input, a third report.\n' | \"$VIGIL\" add -"
contains "$OUT" "added 1"

# bad input: an empty file, a missing file; the others still go in, exit 1
: > in/empty.txt
printf 'A fourth report, fine.\n' > in/d.txt
run 1 "$VIGIL" add in/empty.txt in/missing.txt in/d.txt
contains "$OUT" "added 1, already had 0, failed 2"
contains "$ERR" "empty"
contains "$ERR" "missing.txt"

# an empty directory (or one with only hidden files) is an error, not "added 0"; given
# with a file, the file still goes in
mkdir -p in/nothing/deeper
printf 'hidden' > in/nothing/.hidden
run 1 "$VIGIL" add in/nothing
equals "$ERR" "vigil: no files in in/nothing"
lacks "$OUT" "added"
printf 'A fifth report, next to an empty directory.\n' > in/e.txt
run 1 "$VIGIL" add in/nothing in/e.txt
contains "$ERR" "no files in in/nothing"
contains "$OUT" "added 1, already had 0, failed 0"

# usage errors and unknown ids
run 1 "$VIGIL" add --received yesterday in/d.txt
run 1 "$VIGIL" report 999
run 1 "$VIGIL" report abc
run 1 "$VIGIL" nosuchcommand
run 0 "$VIGIL" add --help
contains "$OUT" "usage: vigil add"
run 0 "$VIGIL" --version

# nothing stored was touched
run 0 "$VIGIL" reports --json
json "len(j) == 5"

# vigil add reads each report with the extraction engine: its proposals wait for review,
# each quote pointing at the same words in the original bytes; --no-extract stores only.
cat > shelled.txt <<'TXT'
Harbour Monitor

TALVIK, 4 June 2022 (Harbour Monitor) - Artillery shells hit the Norra displacement camp outside Talvik on Friday, killing three residents and wounding eleven, camp staff said.
TXT
run 0 "$VIGIL" -d read.db add --quiet shelled.txt
run 0 "$VIGIL" -d read.db review --json
json "len(j) >= 1"
python3 - shelled.txt <<'PY' || die "a proposal's quote is not at its offsets in the original"
import json, sys
orig = open(sys.argv[1], 'rb').read()
props = json.load(open('out.txt'))
ev = [e for p in props for e in (p.get('record') or p).get('evidence', [])]
assert ev, props
for e in ev:
    assert orig[e['orig_start']:e['orig_end']].decode() == e['quote'], e
assert any('killing three residents' in e['quote'] for e in ev), ev
PY
ok "proposals quote the original at their offsets"
run 0 "$VIGIL" -d bare.db add --quiet --no-extract shelled.txt
run 0 "$VIGIL" -d bare.db review --json
json "len(j) == 0"

# a record the engine reads that is no valid proposal (an impossible count) is left out
# with a warning; the report itself is stored (it used to fail the whole add)
printf 'Camp Nadir, 3 March 2021\n\nGunmen killed 300,000,000 residents of Camp Nadir on Tuesday, the committee said.\n' > in/typo.txt
run 0 "$VIGIL" add in/typo.txt
contains "$OUT" "added 1, already had 0, failed 0"
contains "$ERR" "1 record read from it left out"
