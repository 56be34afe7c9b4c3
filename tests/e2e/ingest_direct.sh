# ingest_direct.sh — vigil add stores the engine's records through the direct path
# (proposal_direct) exactly as through the JSON path (VIGIL_ADD_VIA_JSON=1: the records
# written as JSON, then read by records_propose as `vigil propose` reads a file): the same
# proposal rows and the same ledger payloads, byte for byte, for the demo's reports and an
# invented one full of characters JSON escapes; verify passes on both.
. "$TESTS/lib.sh"
ROOT="$TESTS/.."

mkdir in
cp "$ROOT"/demo/reports/* "$ROOT"/demo/incoming/* in/
printf '%s\n' 'Valley Watch, 14 June 2025' '' \
	'On 12 June 2025, militia fighters attacked the Tarsi camp near Bunia, killing 3 people and wounding "at least" 9 \ residents, a nurse said.' '' \
	'Police detained 14 students in Beni on Monday.	They were taken to an unknown place.' '' \
	'The Valley Watch network called on the United Nations to send observers and urged the army to stop the raids.' '' \
	'Gunmen warned they would burn the market of Oicha before the end of the month.' > in/zz-invented.txt

run 0 "$VIGIL" -d direct.db add --quiet in
run 0 env VIGIL_ADD_VIA_JSON=1 "$VIGIL" -d viajson.db add --quiet in
n=$(sqlite3 direct.db "SELECT count(*) FROM proposal")
[ "$n" -gt 20 ] && ok "$n proposals" || die "only $n proposals from the demo's reports"
sqlite3 direct.db "SELECT count(*) FROM proposal p JOIN report r ON r.id=p.report_id WHERE r.filename='zz-invented.txt'" > inv.txt
[ "$(cat inv.txt)" -ge 3 ] && ok "the invented report gives $(cat inv.txt) proposals" || die "invented report: $(cat inv.txt) proposals"
rows="SELECT id, report_id, type, json FROM proposal ORDER BY id"
sqlite3 direct.db "$rows" > direct.txt
sqlite3 viajson.db "$rows" > viajson.txt
cmp -s direct.txt viajson.txt && ok "proposals identical" || die "proposals differ: $(diff direct.txt viajson.txt | head -c 600)"
grep -q 'at least\\" 9 \\\\ residents' direct.txt && ok "quote escaped as jansson writes it" || die "no escaped quote in $(grep -c . direct.txt) rows"
led="SELECT seq, who, action, payload FROM ledger ORDER BY seq"
sqlite3 direct.db "$led" > direct.txt
sqlite3 viajson.db "$led" > viajson.txt
cmp -s direct.txt viajson.txt && ok "ledger payloads identical" || die "ledger differs: $(diff direct.txt viajson.txt | head -c 600)"
grep -q '|propose|' direct.txt && ok "propose entries" || die "no propose entry"
run 0 "$VIGIL" -d direct.db verify
run 0 "$VIGIL" -d direct.db review --json
cp out.txt review_direct.json
run 0 "$VIGIL" -d viajson.db review --json
cmp -s out.txt review_direct.json && ok "review --json identical" || die "review --json differs"
