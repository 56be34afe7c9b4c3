#!/bin/sh
# load.sh — builds the demo database from demo/reports (see README.md): adds the reports
# (--no-extract: the engine's reading would double what follows), proposes the hand-coded
# records of demo/records for each (what a careful reader finds in it, in the extraction
# format), accepts them (merging reports of the same event into one incident), and records
# what became of the threats, as the documents tell it: the ultimatum of 30 January was
# carried out by the shelling of 17 February; the relocation deadline of 31 March lapsed;
# the water threat of 3 May stays open. Last, the report in demo/incoming arrives and is
# read by the extraction engine: its proposals wait for review.
#
# Then the accounts of the web interface a person tries the demo with (make demo prints
# them and starts the server): editor / vigil-demo-editor (reviews, corrects, adds
# reports) and admin / vigil-demo-admin (also manages accounts). Demo passwords only.
#
# usage: demo/load.sh VIGIL DB       (make demo runs it; DB is removed and rebuilt)
set -eu
VIGIL=$1
DB=$2
DEMO=$(cd "$(dirname "$0")" && pwd)
v() { "$VIGIL" -d "$DB" "$@"; }

rm -f "$DB" "$DB-wal" "$DB-shm"
v add --quiet --no-extract --source https://demo.vigil.example/ --by demo "$DEMO/reports"

# The id of the incident of KIND and STATUS.
incident_id() {
	v incidents --all --json | python3 -c "
import json, sys
print([i['id'] for i in json.load(sys.stdin) if i['kind'] == sys.argv[1] and sys.argv[2] in (i['status'], (i.get('threat') or {}).get('state')) and not i.get('merged_into')][0])" "$1" "$2"
}

# Each records file NAME.json goes with the report stored from NAME.*.
v reports --json | python3 -c "
import json, sys
for r in json.load(sys.stdin):
    print(r['id'], r['filename'].rsplit('.', 1)[0])" |
	while read -r id name; do
		if [ -f "$DEMO/records/$name.json" ]; then
			v propose --by demo "$id" "$DEMO/records/$name.json" >/dev/null || exit 1
		fi
	done
v accept --match --all --quiet --by demo

v threat "$(incident_id attack open)" --fulfilled-by "$(incident_id shelling occurred)" --by demo \
	--reason "the camp was shelled on 17 February, two days after the deadline (reports 6, 9, 18)"
v threat "$(incident_id relocation open)" --lapsed --by demo \
	--reason "the deadline of 31 March passed; postponed until further notice on 2 April (report 14)"

# A report that has just come in (demo/incoming): stored and read by the extraction engine,
# its proposals wait in the review queue for an editor, as new reports do.
v add --quiet --source https://demo.vigil.example/ --by demo "$DEMO/incoming"

echo vigil-demo-editor | v user add editor --role editor >/dev/null
echo vigil-demo-admin | v user add admin --role admin >/dev/null
