# records_dictionary.sh — places and actors are records that can be changed and added
# (`vigil place`, `vigil actor`), each change with a reason in the ledger; the incidents at
# an edited place take its new coordinates; bad requests are refused and change nothing.
. "$TESTS/lib.sh"

printf 'Monitoring note, 4 May 2023.\n\nShells fell on Kestrel Flats at dawn on 3 May 2023; two people were hurt.\n' > r.txt
run 0 "$VIGIL" add --quiet r.txt
cat > p.json <<'JSON'
{"events": [{"kind": "shelling", "status": "occurred", "date": {"start": "2023-05-03", "end": null},
  "place": {"name": "Kestrel Flats"}, "wounded": {"min": 2, "max": 2},
  "evidence": [{"quote": "Shells fell on Kestrel Flats at dawn on 3 May 2023; two people were hurt."}]}]}
JSON
run 0 "$VIGIL" propose 1 p.json

# a new place, then the incident there takes its coordinates
run 0 "$VIGIL" place "Kestrel Flats" --add coords=31.5,35.25 country=Freeland precision=1 --reason "survey of 2023"
contains "$OUT" "added"
run 0 "$VIGIL" accept 1
run 0 "$VIGIL" incident 1 --json
json "j['place']['lat'] == 31.5 and j['place']['lon'] == 35.25 and j['place']['record']"
PLACE=$(python3 -c "import json; print(json.load(open('out.txt'))['place']['record'])")

# an edit moves the incident with it, renaming keeps the old name as an alias
run 0 "$VIGIL" place "$PLACE" coords=31.75,35.5 "name=Kestrel Flats Camp" "aliases=Kestrel; the Flats" --reason "corrected map" --by surveyor
run 0 "$VIGIL" incident 1 --json
json "j['place']['lat'] == 31.75 and j['place']['lon'] == 35.5 and j['place']['record'] == $PLACE"
run 0 "$VIGIL" places --json
json "[p for p in j if p['id'] == $PLACE][0]['name'] == 'Kestrel Flats Camp' and [p for p in j if p['id'] == $PLACE][0]['aliases'] == 'Kestrel|the Flats|Kestrel Flats'"
run 0 "$VIGIL" ledger --json
json "j[-1]['action'] == 'place.edit' and j[-1]['who'] == 'surveyor' and 'corrected map' in str(j[-1]['payload']) and 'incident/1=' in j[-1]['records']"
run 0 "$VIGIL" place "the flats" precision=2 --reason "found by alias"

# actors
run 0 "$VIGIL" actor "Ridge Guard" --add group=militia "aliases=the Guard" --reason "named in two reports"
run 0 "$VIGIL" actor "the guard" country=Freeland --reason "by alias"
run 0 "$VIGIL" actors --json
json "any(a['name'] == 'Ridge Guard' for a in j)"
run 0 "$VIGIL" verify

# refused, and nothing changes
N=$("$VIGIL" ledger --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
run 1 "$VIGIL" place "Nowhere Town" country=X --reason r
contains "$ERR" "no place 'Nowhere Town'"
run 1 "$VIGIL" place "$PLACE" height=3 --reason r
contains "$ERR" "not a field of a place"
run 1 "$VIGIL" place "$PLACE" coords=95,10 --reason r
contains "$ERR" "LAT,LON"
run 1 "$VIGIL" place "$PLACE" precision=7 --reason r
run 1 "$VIGIL" place "$PLACE" country=Y
contains "$ERR" "reason"
run 1 "$VIGIL" place "$PLACE" --reason r
contains "$ERR" "FIELD=VALUE"
run 1 "$VIGIL" place "$PLACE" nonsense --reason r
contains "$ERR" "FIELD=VALUE"
run 1 "$VIGIL" place "Kestrel Flats Camp" --add --reason r
contains "$ERR" "exists already"
run 0 "$VIGIL" place "Other Camp" --add --reason "second place"
N=$((N + 1))
run 1 "$VIGIL" place "Other Camp" "name=Kestrel" --reason r
contains "$ERR" "already called"
run 1 "$VIGIL" actor "Ridge Guard" rank=3 --reason r
contains "$ERR" "not a field of an actor"
M=$("$VIGIL" ledger --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
equals "$M" "$N" "ledger length after refused changes"
run 0 "$VIGIL" verify
