# records_digest.sh — versions of record digest in one ledger: records written as version 1
# (VIGIL_RECORD_DIGEST=1, as a database made before version 2 has them) and as version 2
# ("TYPE/ID=2:HEX") verify together, a record changed after the switch is checked in the
# version of its last entry, and a changed record is caught in either version, with one
# thread and with two.
. "$TESTS/lib.sh"
F="$TESTS/fixtures/records"
command -v sqlite3 >/dev/null || skip "sqlite3 is not installed"

# version 1: the reports, their proposals, incident 1 and the appeal
export VIGIL_RECORD_DIGEST=1
run 0 "$VIGIL" add --quiet --no-extract "$F"/r1-monitor.txt "$F"/r2-wire.txt "$F"/r3-aggregator.txt "$F"/r4-warning.txt
for i in 1 2 3 4; do run 0 "$VIGIL" propose $i "$F/p$i.json"; done
run 0 "$VIGIL" accept 1 2
run 0 "$VIGIL" edit 1 killed=6 --reason "first count"
V1=$(sqlite3 test.db "SELECT count(*) FROM ledger WHERE records GLOB '*=[0-9a-f][0-9a-f][0-9a-f][0-9a-f]*' AND records NOT LIKE '%=2:%'")
[ "$V1" -gt 0 ] && ok "version 1 digests written ($V1 entries)" || die "no version 1 digest in the ledger"
run 0 "$VIGIL" verify
contains "$OUT" "verify: ok"
unset VIGIL_RECORD_DIGEST

# version 2 from here: incident 2 is new, incident 1 is edited again (its last entry is v2)
run 0 "$VIGIL" accept 3
contains "$OUT" "new incident 2"
run 0 "$VIGIL" edit 2 killed=5 --reason "second count"
V2=$(sqlite3 test.db "SELECT records FROM ledger WHERE seq = (SELECT max(seq) FROM ledger)")
contains "$V2" "incident/2=2:" "the last entry records version 2"
# an incident far from the others makes many parts, which verify's two threads share
sqlite3 test.db "INSERT INTO incident(id, kind, status, created_at, updated_at) VALUES(987654321012, 'attack', 'occurred', 'x', 'x')" || die "sqlite3 insert"
run 0 env VIGIL_RECORD_DIGEST=1 "$VIGIL" edit 987654321012 killed=2 --reason "far, version 1"
run 0 "$VIGIL" verify
contains "$OUT" "verify: ok"
run 0 env VIGIL_VERIFY_ONE_THREAD=1 "$VIGIL" verify
contains "$OUT" "verify: ok"
# incident 1: v1 then v2 — each entry keeps its own version
run 0 "$VIGIL" edit 1 killed=7 --reason "second look"
run 0 "$VIGIL" ledger --json
json "any('incident/1=2:' in e['records'] for e in j) and any(' incident/1=' in ' ' + e['records'] and 'incident/1=2:' not in e['records'] for e in j)"
run 0 "$VIGIL" verify
contains "$OUT" "verify: ok"
LAST1=$(sqlite3 test.db "SELECT records FROM ledger WHERE seq = (SELECT max(seq) FROM ledger_ref WHERE record = 'report/3')")
case "$LAST1" in *"report/3=2:"*) die "report 3 should be version 1: $LAST1" ;; *"report/3="*) ok "report 3's last digest is version 1" ;; *) die "no report 3 in $LAST1" ;; esac

# tampering a record of each version: caught and named, one thread and two
tamper() { # NAME SQL EXPECTED
	cp test.db "t-$1.db"
	sqlite3 "t-$1.db" "$2" || die "sqlite3 $2"
	run 1 "$VIGIL" -d "t-$1.db" verify
	contains "$(printf '%s\n' "$OUT" | grep -m1 '^FAIL')" "$3" "first problem of $1"
	run 1 env VIGIL_VERIFY_ONE_THREAD=1 "$VIGIL" -d "t-$1.db" verify
	contains "$(printf '%s\n' "$OUT" | grep -m1 '^FAIL')" "$3" "first problem of $1, one thread"
}
tamper v1report "UPDATE report SET publisher = 'Another Desk' WHERE id = 3" "report 3 was changed"
tamper v1far "UPDATE incident SET killed_min = 3 WHERE id = 987654321012" "incident 987654321012 was changed"
tamper v2incident "UPDATE incident SET wounded_min = 41 WHERE id = 2" "incident 2 was changed"
tamper v2claim "UPDATE claim SET quote = quote || ' ' WHERE incident_id = 1 AND quote IS NOT NULL" "incident 1 was changed"
tamper v2float "UPDATE place SET lat = lat + 1e-12 WHERE lat IS NOT NULL" "place"
# a v1 digest turned into a v2 one by hand: the ledger entry's hash no longer matches
cp test.db t-relabel.db
sqlite3 t-relabel.db "DROP TRIGGER ledger_no_update; UPDATE ledger SET records = replace(records, 'report/3=', 'report/3=2:') WHERE records LIKE '%report/3=%' AND records NOT LIKE '%report/3=2:%';
	CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;" || die "sqlite3 relabel"
run 1 "$VIGIL" -d t-relabel.db verify
contains "$OUT" "was changed: its content does not match its hash"
contains "$OUT" "report 3 was changed"

# docs/ledger.md is enough to check it all without vigil: its script agrees, both ways
PY="$TESTS/../docs/verify_records.py"
run 0 python3 "$PY" test.db
contains "$OUT" "0 changed"
run 1 python3 "$PY" t-v1report.db
contains "$OUT" "changed: report/3"
run 1 python3 "$PY" t-v2claim.db
contains "$OUT" "changed: incident/1"
run 1 python3 "$PY" t-relabel.db
contains "$OUT" "entry changed or out of place"

# the untouched database still verifies
run 0 "$VIGIL" verify
contains "$OUT" "verify: ok"
