# web_records.sh — the records in the web interface, end to end with curl: the incident
# list and its filters and pages, an incident page (claims, quotes linked to their report
# with the span, the history from the ledger), the threat board, the timeline and places
# as SVG, population, the Atom feeds and the downloadable exports, each with its JSON twin
# where it has one, and unknown or bad arguments answered 404 or 400.
. "$TESTS/lib.sh"
. "$TESTS/weblib.sh"

# Two reports of our own: a shelling, a threat, an appeal; then an editor's correction.
cat > a.txt <<'EOF'
Camp Orvo, 3 March 2021

Shells hit the bakery of Camp Orvo on 2 March. Four people were killed and six wounded, the camp doctors said.

The residents' council asked the district governor to send water tankers.
EOF
cat > b.txt <<'EOF'
Orvo Monitor, 5 March 2021

A commander of the Hill Militia warned that the eastern quarter of Camp Orvo would be raided before April.
EOF
cat > pa.json <<'EOF'
{"events": [{"kind": "shelling", "status": "occurred", "date": {"start": "2021-03-02"}, "place": {"name": "Camp Orvo"},
  "killed": {"min": 4, "max": 4}, "wounded": {"min": 6, "max": 6},
  "evidence": [{"quote": "Shells hit the bakery of Camp Orvo on 2 March. Four people were killed and six wounded, the camp doctors said."}]}],
 "appeals": [{"date": "2021-03-03", "by": [{"name": "residents' council"}], "to": [{"name": "the district governor"}],
  "demand": "send water tankers", "evidence": [{"quote": "The residents' council asked the district governor to send water tankers."}]}]}
EOF
cat > pb.json <<'EOF'
{"events": [{"kind": "raid", "status": "threatened", "date": {"start": "2021-04-01"}, "place": {"name": "Camp Orvo"},
  "perpetrators": [{"name": "Hill Militia"}],
  "evidence": [{"quote": "A commander of the Hill Militia warned that the eastern quarter of Camp Orvo would be raided before April."}]}]}
EOF
run 0 "$VIGIL" add --no-extract a.txt b.txt
run 0 "$VIGIL" propose 1 pa.json
run 0 "$VIGIL" propose 2 pb.json
run 0 "$VIGIL" accept 1 2 3
run 0 "$VIGIL" edit 1 killed=5 --reason "the hospital list"
shelling=$(sqlite3 "$VIGIL_DB" "SELECT id FROM incident WHERE kind='shelling'")
raid=$(sqlite3 "$VIGIL_DB" "SELECT id FROM incident WHERE kind='raid'")

start_server pub --public

# --- the list, its filters and its pages
get /incidents
expect 200 "incident list"
contains "$BODY" "href=\"/incident/$shelling\""
contains "$BODY" "href=\"/incident/$raid\""
contains "$BODY" 'href="/export.csv' "the list offers its export"
get "/incidents?kind=shelling"
contains "$BODY" "href=\"/incident/$shelling\""
lacks "$BODY" "href=\"/incident/$raid\"" "kind filter"
get "/api/incidents?status=threatened"
json_body "[i['id'] for i in j['incidents']] == [$raid] and j['filters']['status'] == 'threatened'"
get "/api/incidents?actor=hill+militia"
json_body "[i['id'] for i in j['incidents']] == [$raid]"
get "/api/incidents?place=orvo&since=2021-03&until=2021-03-31"
json_body "[i['id'] for i in j['incidents']] == [$shelling]"
get "/api/incidents?page=2"
json_body "j['incidents'] == [] and j['page'] == 2 and j['next'] is False"
get "/incidents?kind=nonsense"
expect 400 "unknown kind"
get "/incidents?since=yesterday"
expect 400 "bad date"

# --- one incident: its claims, quotes linked to the report, its history
get "/incident/$shelling"
expect 200 "incident page"
contains "$BODY" "Shells hit the bakery of Camp Orvo on 2 March." "the quote"
contains "$BODY" "<mark" "the quote is marked in its context"
link=$(printf '%s' "$BODY" | grep -o 'href="/report/1?s=[0-9]*&amp;e=[0-9]*#quote"' | head -n 1)
[ -n "$link" ] && ok "the quote links to its report with its span: $link" || die "no link from the quote to its report"
contains "$BODY" "<b>corrected</b> <code>killed=5</code> — the hospital list" "the correction and its reason in the history"
contains "$BODY" '<b>recorded from</b> proposal 1 read from <a href="/report/1">report 1</a>' "the accept in the history, linked to its report"
contains "$BODY" '<section class="history">'
path=$(printf '%s' "$link" | sed 's/^href="//; s/"$//; s/&amp;/\&/; s/#quote$//')
get "$path"
expect 200 "the report the quote leads to"
contains "$BODY" '<mark class="focus" id="quote">Shells hit the bakery' "the span is highlighted in the report"
get "/api/incident/$shelling"
json_body "j['incident']['killed']['min'] == 5 and j['incident']['killed']['edited'] is True"
json_body "[h['action'] for h in j['history']] == ['accept', 'edit'] and j['history'][1]['payload']['reason'] == 'the hospital list'"
json_body "any(c['field'] == 'killed' and c['report'] == 1 for c in j['incident']['claims']) and len(j['appeals']) == 1"
get /incident/999
expect 404 "unknown incident"
get /api/incident/999
expect 404 "unknown incident, JSON"

# --- search finds the incidents by their fields, named as in the lists
get "/search?q=orvo"
contains "$BODY" "Shelling at Camp Orvo, 2021-03-02</a>" "an incident hit is named"
get "/api/search?q=orvo"
json_body "sorted(h['id'] for h in j['incidents']) == sorted([$shelling, $raid]) and all(h['incident']['place']['name'] == 'Camp Orvo' for h in j['incidents'])"

# --- threats, timeline, places, population, appeals
get /threats
expect 200 "threat board"
contains "$BODY" "href=\"/incident/$raid\""
get /api/threats
json_body "[t['id'] for t in j['board']['due']['threats']] == [$raid]"
get /timeline
contains "$BODY" '<svg class="chart timeline' "timeline drawn"
contains "$BODY" "href=\"/incident/$shelling\"" "timeline links to the incident"
get /api/timeline
json_body "j['year'] == 2021 and sorted(i['id'] for i in j['incidents']) == sorted([$shelling, $raid])"
get /api/places?all=1
json_body "len(j['places']) == j['without_incidents'] + len([p for p in j['places'] if p['incidents']]) or j['all'] is True"
all=$(python3 -c "import json; print(len(json.load(open('body.txt'))['places']))")
get /api/places
json_body "j['all'] is False and all(p['incidents'] > 0 for p in j['places']) and len(j['places']) + j['without_incidents'] == $all"
get /places?all=1
expect 200 places
[ "$all" -gt 0 ] && contains "$BODY" '<svg class="chart places' "places plotted"
get /api/actors
json_body "all(a['incidents'] > 0 for a in j['actors'])"
if python3 -c "import json,sys; sys.exit(0 if json.load(open('body.txt'))['without_incidents'] else 1)"; then
	get /actors
	contains "$BODY" 'href="/actors?all=1">show all' "actors without incidents left out, with a link to them"
fi
get /population
expect 200 population
get /api/population
json_body "'facts' in j"
get /appeals
contains "$BODY" "send water tankers"

# --- feeds
get /feed/incidents.atom
expect 200 "incidents feed"
contains "$(header Content-Type)" "application/atom+xml"
python3 - <<'EOF' || die "incidents feed"
import xml.etree.ElementTree as E
f = E.parse('body.txt').getroot()
a = '{http://www.w3.org/2005/Atom}'
es = f.findall(a + 'entry')
assert len(es) == 2, len(es)
assert f.find(a + 'title').text == 'vigil: incidents and threats'
assert all(e.find(a + 'link').get('href').startswith('http://127.0.0.1:') for e in es)
EOF
ok "the incidents feed is Atom with both records, linked to this server"
req -H "Host: evil.example" "$URL/feed/incidents.atom"
contains "$BODY" 'href="http://evil.example/incident/' "a feed asked for by another host name links to it"
get /feed/incidents.atom
lacks "$BODY" "evil.example" "the response cache does not give that feed to others"
get /feed/threats.atom
python3 - <<'EOF' || die "threats feed"
import xml.etree.ElementTree as E
f = E.parse('body.txt').getroot()
a = '{http://www.w3.org/2005/Atom}'
es = f.findall(a + 'entry')
assert len(es) == 1 and f.find(a + 'title').text == 'vigil: threats', [e.find(a + 'title').text for e in es]
assert 'raid' in es[0].find(a + 'title').text
EOF
ok "the threats feed has the threat only"

# --- exports
get /export.csv
expect 200 "CSV export"
contains "$(header Content-Disposition)" 'attachment; filename="vigil-incidents.csv"'
equals "$(head -n 1 body.txt | cut -d, -f1-3)" "event_id_cnty,event_date,year" "ACLED columns"
equals "$(wc -l < body.txt | tr -d ' ')" 2 "one incident (ACLED has no threats)"
get "/export.csv?threats=1"
equals "$(wc -l < body.txt | tr -d ' ')" 3 "with the threat"
get /export.json
json_body "len(j['incidents']) == 2 and len(j['appeals']) == 1"
get "/export.json?kind=raid"
json_body "[i['id'] for i in j['incidents']] == [$raid]"
get /export.geojson
json_body "j['type'] == 'FeatureCollection'"
get "/export.csv?since=yesterday"
expect 400 "export with a bad date"
get "/export.json?kind=nonsense"
expect 400 "export of an unknown kind"
cmp_cli() { "$VIGIL" export --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)['incidents']))"; }
equals "$(cmp_cli)" 2 "the command line exports the same records"

# --- the review queue: accept with a correction (field checked first), reject
cat > pc.json <<'EOF'
{"events": [{"kind": "shelling", "status": "occurred", "date": {"start": "2021-03-09"}, "place": {"name": "Camp Orvo"},
  "killed": {"min": 1, "max": 1},
  "evidence": [{"quote": "A commander of the Hill Militia warned that the eastern quarter of Camp Orvo would be raided before April."}]},
 {"kind": "raid", "status": "occurred", "date": {"start": "2021-03-10"}, "place": {"name": "Camp Orvo"},
  "evidence": [{"quote": "A commander of the Hill Militia warned that the eastern quarter of Camp Orvo would be raided before April."}]}]}
EOF
run 0 "$VIGIL" propose 2 pc.json
p1=$(sqlite3 "$VIGIL_DB" "SELECT min(id) FROM proposal WHERE state='pending'")
p2=$(sqlite3 "$VIGIL_DB" "SELECT max(id) FROM proposal WHERE state='pending'")
run 0 sh -c "echo 'pass-editor-123' | \"$VIGIL\" user add editor --role editor"
login editor pass-editor-123 jar.editor
get /review jar.editor
contains "$BODY" "action=\"/review/$p1/accept\"" "the proposal waits"
contains "$BODY" "Accept corrected" "with a form to accept it corrected"
c=$(csrf_of)
req -b jar.editor --data-urlencode "csrf=$c" -d field=killed -d value=lots -d reason=x "$URL/review/$p1/accept"
expect 400 "a correction that is not one"
equals "$(sqlite3 "$VIGIL_DB" "SELECT state FROM proposal WHERE id=$p1")" pending "nothing accepted on a bad correction"
req -b jar.editor --data-urlencode "csrf=$c" -d field=killed -d value=2 "$URL/review/$p1/accept"
expect 400 "a correction without its reason"
req -b jar.editor --data-urlencode "csrf=$c" -d field=killed -d value=2 --data-urlencode "reason=the clinic's register" "$URL/review/$p1/accept"
expect 303 "accepted corrected"
new=$(sqlite3 "$VIGIL_DB" "SELECT max(id) FROM incident")
get "/api/incident/$new" jar.editor
json_body "j['incident']['killed']['min'] == 2 and j['incident']['killed']['edited'] is True and [h['action'] for h in j['history']][-2:] == ['accept', 'edit']"
req -b jar.editor --data-urlencode "csrf=$c" -d reason="not an event" "$URL/review/$p2/reject"
expect 303 "rejected"
get /api/review jar.editor
json_body "j['proposals'] == []"

# --- the API's incidents are the command line's: on every incident of the demo (threats
# fulfilled and lapsed, merged sources, edits, coordinates), /api/incident/N carries what
# 'vigil incident N --json' prints (the page adds a source number to each claim), and
# /api/incidents what 'vigil incidents --json' prints
sh "$TESTS/../demo/load.sh" "$VIGIL" demo.db >load.txt 2>&1 || die "demo/load.sh: $(tail -n 3 load.txt)"
VIGIL_DB="$PWD/demo.db" start_server demo --public
ids=$("$VIGIL" -d demo.db incidents --all --json | python3 -c "import json,sys; print(' '.join(str(i['id']) for i in json.load(sys.stdin)))")
[ -n "$ids" ] || die "no demo incidents"
for id in $ids; do
	"$VIGIL" -d demo.db incident "$id" --json > cli.json || die "vigil incident $id"
	get "/api/incident/$id"
	python3 - <<'EOF' || die "incident $id: the API differs from the command line"
import json
cli, api = json.load(open('cli.json')), json.load(open('body.txt'))['incident']
for c in api.get('claims', []):
    c.pop('source', None)
if cli != api:
    for k in sorted(set(cli) | set(api)):
        if cli.get(k) != api.get(k):
            print('differs:', k, json.dumps(cli.get(k))[:300], '|', json.dumps(api.get(k))[:300])
    raise SystemExit(1)
EOF
done
ok "every demo incident's JSON is the same from the API and the command line ($(echo $ids | wc -w))"
"$VIGIL" -d demo.db incidents --json > cli.json
get "/api/incidents?page=1"
python3 - <<'EOF' || die "the incident list differs from the command line"
import json
cli, api = json.load(open('cli.json')), json.load(open('body.txt'))['incidents']
byid = {i['id']: i for i in cli}
assert api and all(byid[i['id']] == i for i in api), [i['id'] for i in api if byid.get(i['id']) != i]
EOF
ok "the incident list's JSON is the command line's"
