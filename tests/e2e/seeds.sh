#!/bin/sh
# seeds.sh — the "done when" of issue 3 on the five real seed reports of ../shared/corpus:
# adding them twice leaves 5 reports, the second add says "already had 5", every
# `report N --original` hashes to its sha256 (and to the file's), and the publication dates
# the gold knows are right, both stored (`reports --json`) and from `vigil clean --json`.
# Skips (77) where ../shared is absent.
. "$TESTS/lib.sh"
SEEDS="${SHARED:-}/corpus/seeds"
GOLD="${SHARED:-}/corpus/gold"
[ -d "$SEEDS" ] && [ -d "$GOLD" ] || skip "no seeds at $SEEDS"
n=$(ls "$SEEDS" | wc -l)
[ "$n" -eq 5 ] || die "expected 5 seeds, found $n"

run 0 "$VIGIL" add --source https://corpus.example/seeds "$SEEDS"
contains "$OUT" "added 5, already had 0, failed 0"
run 0 "$VIGIL" add "$SEEDS"
contains "$OUT" "added 0, already had 5, failed 0" "second add: already had 5"
run 0 "$VIGIL" reports --json
cp out.txt reports.json
json "len(j) == 5"

# Originals: byte-exact, hashed right.
python3 -c "
import json
for r in json.load(open('reports.json')): print(r['id'], r['sha256'], r['filename'])" >ids.txt
while read -r id sha name; do
	got=$("$VIGIL" report "$id" --original | sha256sum | cut -c1-64)
	equals "$got" "$sha" "report $id --original hashes to its sha256"
	equals "$(sha256sum <"$SEEDS/$name" | cut -c1-64)" "$sha" "$name: stored sha256 is the file's"
done <ids.txt

# Publication dates the gold knows: stored, and from vigil clean --json.
for g in "$GOLD"/*.json; do
	base=$(basename "$g" .json)
	want=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['document'].get('published') or '')" "$g")
	[ -n "$want" ] || continue
	stored=$(python3 -c "
import json, sys
print([r['published'] or '' for r in json.load(open('reports.json')) if r['filename'] == sys.argv[1] + '.txt'][0])" "$base")
	equals "$stored" "$want" "$base: stored publication date"
	"$VIGIL" clean --json "$SEEDS/$base.txt" >out.txt || die "clean --json $base"
	json "j['published'] == '$want'"
done
