# records_seeds.sh — the five reference reports read into records: where they describe the
# same incident, it becomes one incident with claims from more than one report; verify
# passes, and fails naming the tampered original or ledger entry. Skips without ../shared.
. "$TESTS/lib.sh"
SEEDS="${SHARED:-}/corpus/seeds"
[ -d "$SEEDS" ] || skip "no reference corpus at $SEEDS"
command -v sqlite3 >/dev/null || skip "sqlite3 is not installed"

run 0 "$VIGIL" add --accept --quiet "$SEEDS"
N=$("$VIGIL" review --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
# vigil add reads each report into proposals and --accept makes them incidents
[ "$("$VIGIL" incidents --json)" != "[]" ] || die "add --accept made no incidents from the seeds"
ok "pending after accept: $N"
run 0 "$VIGIL" incidents --json
json "len(j) >= 3"
cp out.txt incidents.json
run 0 "$VIGIL" review --all --json
cp out.txt proposals.json
# where two reports describe one incident — the same kind family, status and place, dates
# within the matching window — their claims are in one incident
python3 - <<'PY' || die "overlapping events in different incidents"
import json, datetime
fam = {'attack': 'v', 'shelling': 'v', 'killing': 'v', 'raid': 'e', 'arrest': 'e', 'abduction': 'e',
       'siege': 'r', 'blockade': 'r'}
def span(d):
    s = (d or {}).get('start')
    if not s: return None
    e = (d or {}).get('end') or s
    first = s + '-01-01'[len(s) - 4:] if len(s) < 10 else s
    y, m = int(e[:4]), int(e[5:7]) if len(e) >= 7 else 12
    last = e if len(e) == 10 else '%04d-%02d-%02d' % (y, m, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
    f = datetime.date.fromisoformat(first); l = datetime.date.fromisoformat(last)
    return f - datetime.timedelta(days=3), l + datetime.timedelta(days=3)
ev = [p for p in json.load(open('proposals.json')) if p['type'] == 'event' and p['state'] == 'accepted']
pairs = together = 0
for i, a in enumerate(ev):
    for b in ev[:i]:
        ra, rb = a['record'], b['record']
        if a['report'] == b['report'] or ra['status'] != rb['status']: continue
        if fam.get(ra['kind'], ra['kind']) != fam.get(rb['kind'], rb['kind']): continue
        pa, pb = (ra.get('place') or {}).get('name'), (rb.get('place') or {}).get('name')
        sa, sb = span(ra.get('date')), span(rb.get('date'))
        if not pa or not pb or pa.lower() != pb.lower() or not sa or not sb: continue
        if sa[0] > sb[1] or sb[0] > sa[1]: continue
        pairs += 1
        assert a['incident'] == b['incident'], (a['id'], b['id'])
        together += 1
multi = [i for i in json.load(open('incidents.json')) if i['sources'] >= 2]
print('overlapping pairs', pairs, 'incidents with claims from several reports', len(multi))
PY
ok "events that overlap share an incident"
run 0 "$VIGIL" threats --json
run 0 "$VIGIL" appeals --json
json "len(j) >= 1"
run 0 "$VIGIL" export --format csv
contains "$OUT" "IRQ"
run 0 "$VIGIL" verify
contains "$OUT" "verify: ok"

cp test.db t1.db
sqlite3 t1.db "UPDATE original SET content = CAST(replace(CAST(content AS TEXT), 'Ashraf', 'Ashraq') AS BLOB) WHERE rowid = (SELECT min(rowid) FROM original)"
run 1 "$VIGIL" -d t1.db verify
contains "$(printf '%s\n' "$OUT" | grep -m1 FAIL)" "original"
cp test.db t2.db
seq=$(sqlite3 t2.db "SELECT seq FROM ledger WHERE action = 'report.add' AND payload LIKE '%\"report\":2,%'")
[ -n "$seq" ] || die "no ledger entry for the addition of report 2"
sqlite3 t2.db "DROP TRIGGER ledger_no_update; UPDATE ledger SET payload = replace(payload, '\"report\":2,', '\"report\":3,') WHERE seq = $seq"
run 1 "$VIGIL" -d t2.db verify
contains "$OUT" "ledger entry $seq"
