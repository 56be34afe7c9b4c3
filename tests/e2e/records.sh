# records.sh — proposals into incidents with claims from several sources, independence,
# threats, appeals, population; edit/merge/split; the ledger and verify, which must name
# the first tampered entry, original or record; bad requests change nothing.
. "$TESTS/lib.sh"
F="$TESTS/fixtures/records"
command -v sqlite3 >/dev/null || skip "sqlite3 is not installed"

run 0 "$VIGIL" add --quiet --no-extract "$F"/r1-monitor.txt "$F"/r2-wire.txt "$F"/r3-aggregator.txt "$F"/r4-warning.txt
for i in 1 2 3 4; do run 0 "$VIGIL" propose $i "$F/p$i.json"; done
run 1 "$VIGIL" propose 1 "$F/p5-bad.json"
contains "$ERR" "bombardment"
run 1 "$VIGIL" propose 99 "$F/p1.json"
contains "$ERR" "no report 99"

run 0 "$VIGIL" review --json
json "len(j) == 5 and j[0]['type'] == 'event' and j[1]['type'] == 'appeal'"

# a plain accept makes a new incident and only suggests the match
run 0 "$VIGIL" accept 1 2
run 0 "$VIGIL" accept 3
contains "$OUT" "new incident 2"
contains "$OUT" "looks like incident 1"
run 0 "$VIGIL" merge 1 2
# --match takes the strong match
run 0 "$VIGIL" accept --match 4 5
contains "$OUT" "proposal 4: added to incident 1"
contains "$OUT" "proposal 5: new incident 3"

run 0 "$VIGIL" incident 1 --json
json "j['sources'] == 3 and j['independent'] == 2"
json "j['killed']['min'] == 7 and j['killed']['max'] == 8 and j['killed']['open'] and j['killed']['sources'] == 3 and j['killed']['independent'] == 2"
json "j['wounded']['min'] == 24 and j['wounded']['max'] == 40"
json "j['kind'] == 'shelling' and j['date']['start'] == '2021-06-12' and j['place']['name'] == 'Camp Meridian'"
json "j['perpetrators'] == ['Valley Brigade'] and j['appeals'] == [1]"
json "len({c['report'] for c in j['claims']}) == 3 and all(c['quote'] for c in j['claims'])"
json "len({c['source_group'] for c in j['claims']}) == 2"
run 0 "$VIGIL" incident 1
contains "$OUT" "7–8+ (3 sources, 2 independent)"
run 0 "$VIGIL" incidents --json
json "[i['id'] for i in j] == [1, 3]"
run 0 "$VIGIL" incidents --all --json
json "sorted(i['id'] for i in j) == [1, 2, 3] and [i for i in j if i['id'] == 2][0]['merged_into'] == 1"

run 0 "$VIGIL" threats --json
json "len(j) == 1 and j[0]['id'] == 3 and j[0]['threat']['state'] == 'open' and j[0]['threat']['due'] == '2021-07-15'"
run 0 "$VIGIL" threats
contains "$OUT" "DUE"
run 0 "$VIGIL" appeals --json
json "j[0]['to'] == ['UN Secretary-General'] and j[0]['incidents'] == [1] and j[0]['response']['state'] == 'none'"
run 0 "$VIGIL" appeal 1 --respond acknowledged --date 2021-06-20 --source 2 --note "receipt confirmed"
run 0 "$VIGIL" appeal 1 --json
json "j['response']['state'] == 'acknowledged' and j['response']['date'] == '2021-06-20'"
run 0 "$VIGIL" population --json
json "len(j) == 2 and j[0]['residents']['min'] == 2600"

# edits are claims with a reason; the sources stay beside them
run 0 "$VIGIL" edit 1 killed=9 "perpetrators=Valley Brigade; Hill Militia" --reason "hospital list of 14 June"
run 0 "$VIGIL" incident 1 --json
json "j['killed']['min'] == 9 and j['killed']['edited'] and j['killed']['sources'] == 3"
json "j['perpetrators'] == ['Valley Brigade', 'Hill Militia']"
json "any(c['report'] is None and c['reason'] == 'hospital list of 14 June' for c in j['claims'])"

# split a source off and merge it back
run 0 "$VIGIL" split 1 --proposal 4
contains "$OUT" "new incident 4"
run 0 "$VIGIL" incident 1 --json
json "j['sources'] == 2"
run 0 "$VIGIL" merge 1 4
run 0 "$VIGIL" threat 3 --lapsed --reason "no clearance by 20 July"
run 0 "$VIGIL" threats --json
json "j[0]['threat']['state'] == 'lapsed'"

run 0 "$VIGIL" verify
contains "$OUT" "verify: ok"
HEAD=$("$VIGIL" ledger --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
BEFORE=$("$VIGIL" incident 1 --json)

# bad requests: clear errors, nothing changed
run 1 "$VIGIL" accept 999
contains "$ERR" "no proposal 999"
run 1 "$VIGIL" accept 1
contains "$ERR" "already accepted"
run 1 "$VIGIL" incident 999
run 1 "$VIGIL" edit 999 killed=3 --reason x
contains "$ERR" "no incident 999"
run 1 "$VIGIL" edit 1 killed=abc --reason x
contains "$ERR" "not a count"
run 1 "$VIGIL" edit 1 colour=red --reason x
contains "$ERR" "not a field"
run 1 "$VIGIL" edit 1 killed --reason x
contains "$ERR" "FIELD=VALUE"
run 1 "$VIGIL" edit 1 killed=3 wounded=lots --reason x
run 1 "$VIGIL" edit 1 killed=3
contains "$ERR" "reason"
run 1 "$VIGIL" edit 1 date=2021-13-01 --reason x
run 1 "$VIGIL" merge 1 1
contains "$ERR" "itself"
run 1 "$VIGIL" merge 1 999
run 1 "$VIGIL" merge 1 3
contains "$ERR" "threat"
run 1 "$VIGIL" split 1 --proposal 999
run 1 "$VIGIL" reject 5 --reason x
run 1 "$VIGIL" reject 6
run 1 "$VIGIL" threat 1 --lapsed
contains "$ERR" "not a threat"
run 1 "$VIGIL" threat 3 --fulfilled-by 999
run 1 "$VIGIL" appeal 1 --respond maybe
run 1 "$VIGIL" incidents --kind bombardment
run 1 "$VIGIL" accept abc
N=$("$VIGIL" ledger --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
equals "$N" "$HEAD" "ledger length after bad requests"
AFTER=$("$VIGIL" incident 1 --json)
[ "$BEFORE" = "$AFTER" ] && ok "incident 1 unchanged" || die "incident 1 changed"
run 0 "$VIGIL" verify

# nothing in vigil rewrites the ledger: the triggers refuse it
for sql in "UPDATE ledger SET who='mallory' WHERE seq=1" "DELETE FROM ledger WHERE seq=1"; do
	if sqlite3 test.db "$sql" 2>err.txt; then die "the ledger accepted: $sql"; fi
	contains "$(cat err.txt)" "append-only"
done

# tampering: each on a fresh copy, verify exits 1 naming the thing
tamper() { # NAME SQL EXPECTED
	cp test.db "t-$1.db"
	sqlite3 "t-$1.db" "$2" || die "sqlite3 $2"
	run 1 "$VIGIL" -d "t-$1.db" verify
	first=$(printf '%s\n' "$OUT" | grep -m1 '^FAIL')
	contains "$first" "$3" "first problem of $1"
}
tamper original "UPDATE original SET content = CAST(replace(CAST(content AS TEXT), 'Seven', 'Eight') AS BLOB) WHERE instr(CAST(content AS TEXT), 'Seven') > 0" "original"
# the first accept's entry (its number depends on whether data/ dictionaries were loaded before)
SEQ=$("$VIGIL" ledger --json | python3 -c 'import json,sys; print(next(e["seq"] for e in json.load(sys.stdin) if "\"auto\":false" in str(e["payload"])))')
tamper payload "DROP TRIGGER ledger_no_update; UPDATE ledger SET payload = replace(payload, '\"auto\":false', '\"auto\":true') WHERE seq = $SEQ;
	CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;" "ledger entry $SEQ"
tamper triggers "DROP TRIGGER ledger_no_delete" "triggers"
tamper deleted "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE seq = 5;
	CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;" "ledger entry 5 is missing"
tamper figure "UPDATE incident SET killed_min = 1 WHERE id = 1" "incident 1"
tamper claim "DELETE FROM claim WHERE id = 3" "incident 1"
tamper quote "UPDATE claim SET quote = 'something else' WHERE id = 2" "incident 1"
tamper report "UPDATE report SET publisher = 'Someone Else' WHERE id = 2" "report 2"
tamper added "INSERT INTO incident(kind, status, created_at, updated_at) VALUES('attack', 'occurred', 'x', 'x')" "not in the ledger"
tamper far "INSERT INTO incident(id, kind, status, created_at, updated_at) VALUES(987654321012, 'attack', 'occurred', 'x', 'x')" "incident 987654321012 is not in the ledger"
# two problems in parts of the incidents read apart (ids far apart make many parts, which
# verify's two threads share): the lower id is still named first
tamper twoparts "INSERT INTO incident(id, kind, status, created_at, updated_at) VALUES(987654321012, 'attack', 'occurred', 'x', 'x');
	UPDATE incident SET killed_min = 1 WHERE id = 1" "incident 1 was changed"
contains "$OUT" "incident 987654321012 is not in the ledger" "the far part was read too"
tamper proposal "UPDATE proposal SET json = replace(json, '2021-07-15', '2021-08-15') WHERE id = 5" "proposal 5"
# the same without verify's second thread (one core): the same first problem
export VIGIL_VERIFY_ONE_THREAD=1
run 1 "$VIGIL" -d t-figure.db verify
contains "$(printf '%s\n' "$OUT" | grep -m1 '^FAIL')" "incident 1" "first problem with one thread"
unset VIGIL_VERIFY_ONE_THREAD

# the dependable copy still verifies
run 0 "$VIGIL" verify

# exports
run 0 "$VIGIL" export --format csv
printf '%s\n' "$OUT" > export.csv
python3 - <<'PY' || die "csv"
import csv
rows = list(csv.reader(open('export.csv', newline='')))
want = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
        "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
        "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
        "notes,fatalities,tags,timestamp").split(',')
assert rows[0] == want, rows[0]
body = [dict(zip(want, r)) for r in rows[1:]]
assert len(body) == 1, body                      # the threat is not an ACLED event
e = body[0]
assert e['event_date'] == '2021-06-12' and e['time_precision'] == '1'
assert e['event_type'] == 'Explosions/Remote violence' and e['sub_event_type'] == 'Shelling/artillery/missile attack'
assert e['actor1'] == 'Valley Brigade' and e['assoc_actor_1'] == 'Hill Militia'
assert e['fatalities'] == '9' and e['location'] == 'Camp Meridian' and e['latitude'] == '34.5000'
assert all(len(r) == 31 for r in rows)
PY
ok "csv: ACLED header, one event, fields mapped"
run 0 "$VIGIL" edit 1 "description==HYPERLINK(\"http://evil.example\",\"x\"), said \"he\"" --reason "formula test"
run 0 "$VIGIL" export --format csv
printf '%s\n' "$OUT" > export.csv
python3 -c "
import csv
r = list(csv.DictReader(open('export.csv', newline='')))[0]
assert r['notes'].startswith(\"'=HYPERLINK\"), r['notes']
assert 'said \"he\"' in r['notes']
" || die "csv formula neutralised"
ok "csv: a formula is neutralised, quotes doubled"
run 0 "$VIGIL" export --format csv --threats
contains "$OUT" "Threatened relocation"
run 0 "$VIGIL" export --format json
json "len(j['incidents']) == 2 and j['incidents'][0]['claims'] and len(j['appeals']) == 1"
run 0 "$VIGIL" export --format geojson --kind shelling
json "j['type'] == 'FeatureCollection' and len(j['features']) == 1 and j['features'][0]['geometry']['coordinates'] == [41.25, 34.5]"
run 0 "$VIGIL" export --format geojson --since 2021-07
json "len(j['features']) == 1 and j['features'][0]['properties']['status'] == 'threatened'"
run 0 "$VIGIL" export --format atom --base http://127.0.0.1:8080
printf '%s\n' "$OUT" > feed.atom
python3 -c "
import xml.etree.ElementTree as ET
A = '{http://www.w3.org/2005/Atom}'
f = ET.parse('feed.atom').getroot()
assert f.tag == A + 'feed' and f.find(A + 'id').text.startswith('urn:uuid:') and f.find(A + 'updated') is not None
es = f.findall(A + 'entry')
assert len(es) == 2 and all(e.find(A + 'id') is not None and e.find(A + 'title').text and e.find(A + 'updated') is not None for e in es)
assert any('Threat' in e.find(A + 'title').text for e in es)
" || die "atom"
ok "atom: a feed with an entry per incident and threat"
run 1 "$VIGIL" export --format xls
run 1 "$VIGIL" export --format csv --since yesterday

# letters
run 0 "$VIGIL" edit 1 "description=Rockets <script>alert(1)</script> & shells hit the camp" --reason "letter test"
run 0 "$VIGIL" letter --to "UN Secretary-General" --from "Camp Meridian Residents' Committee"
contains "$OUT" "To: UN Secretary-General"
contains "$OUT" "shelling at Camp Meridian"
contains "$OUT" "Killed: 9"
contains "$OUT" "Seven residents were killed"
lacks "$OUT" "Threats still open" "the lapsed threat is not listed as open"
lacks "$OUT" "{{"
run 0 "$VIGIL" letter --to "UN Secretary-General" --format html
contains "$OUT" "&lt;script&gt;alert(1)&lt;/script&gt; &amp; shells"
lacks "$OUT" "<script>"
contains "$OUT" "send monitors to the camp without delay"
contains "$OUT" "acknowledged on 2021-06-20"
run 0 "$VIGIL" letter --to "Someone Else" --since 2022
contains "$OUT" "No incident has been documented since 2022"
run 1 "$VIGIL" letter --to X --format pdf
run 1 "$VIGIL" letter --since 2021
printf '{{#incidents}}unclosed' > bad.tpl
run 1 "$VIGIL" letter --to X --template bad.tpl
contains "$ERR" "has no {{/incidents}}"

# a threat and what followed: suggested, confirmed by a person
run 0 "$VIGIL" threat 3 --reopen --reason "residents report new warnings"
cat > followed.json <<'JSON'
{"events": [{"kind": "relocation", "status": "occurred", "date": {"start": "2021-07-16"},
  "place": {"name": "Camp Meridian"}, "perpetrators": [{"name": "Valley Brigade"}],
  "evidence": [{"quote": "Trucks came at dawn and residents were moved out by force."}]}]}
JSON
run 0 "$VIGIL" propose 4 followed.json
P=$(printf '%s' "$OUT" | sed 's/proposals \([0-9]*\).*/\1/')
run 0 "$VIGIL" accept "$P"
contains "$OUT" "may fulfil threat 3"
NEW=$(printf '%s' "$OUT" | sed -n 's/.*new incident \([0-9]*\).*/\1/p' | head -1)
run 0 "$VIGIL" threats
contains "$OUT" "may have been carried out by incident $NEW"
run 0 "$VIGIL" threat 3 --fulfilled-by "$NEW" --reason "the clearance announced for 15 July"
run 0 "$VIGIL" threats --json
json "j[0]['threat']['state'] == 'fulfilled' and j[0]['threat']['fulfilled_by'] == $NEW"
run 0 "$VIGIL" incident "$NEW"
contains "$OUT" "fulfils threats 3"
run 1 "$VIGIL" threat 3 --fulfilled-by 3
run 0 "$VIGIL" verify

# the incidents' full-text index is brought up to date as each change commits: after the
# accepts, edits, merges and splits above it holds what the incident table holds
sqlite3 test.db "INSERT INTO incident_fts(incident_fts) VALUES('integrity-check')" || die "incident_fts differs from the incidents"
ok "incident_fts matches the incidents"
equals "$(sqlite3 test.db "SELECT count(*) FROM incident_fts_dirty")" "0" "no incident waits for the index"
equals "$(sqlite3 test.db "SELECT rowid FROM incident_fts WHERE incident_fts MATCH 'alert'")" "1" "the edited description is found"
equals "$(sqlite3 test.db "SELECT count(*) FROM incident_fts WHERE incident_fts MATCH 'HYPERLINK'")" "0" "the description it replaced is not"
# a change made outside vigil is indexed when vigil next opens the database
cp test.db fts.db
sqlite3 fts.db "UPDATE incident SET description = 'Okapis crossed the river' WHERE id = 1; DELETE FROM claim WHERE incident_id = $NEW; DELETE FROM incident WHERE id = $NEW"
run 0 "$VIGIL" -d fts.db incidents
sqlite3 fts.db "INSERT INTO incident_fts(incident_fts) VALUES('integrity-check')" || die "incident_fts differs after a change outside vigil"
equals "$(sqlite3 fts.db "SELECT rowid FROM incident_fts WHERE incident_fts MATCH 'okapis'")" "1" "the outside change is found"
equals "$(sqlite3 fts.db "SELECT count(*) FROM incident_fts WHERE rowid = $NEW")" "0" "the deleted incident is gone from the index"
