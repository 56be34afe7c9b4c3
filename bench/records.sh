#!/bin/sh
# records.sh — records at scale: RECORDS_N (100,000) generated proposals over 1,000 reports
# accepted into incidents (`vigil accept --all`), then `vigil verify` over the ledger that
# made (about RECORDS_N + 2,000 entries), then `vigil export` of every incident as CSV and
# as JSON. Prints seconds (wall and CPU), throughput and peak RSS (GNU time) for each.
# Goals: verify >= 200,000 entries/s, export >= 100,000 incidents/s, RSS < 64 MB.
: "${VIGIL:?set VIGIL to the binary}"
N=${RECORDS_N:-100000}
R=${RECORDS_REPORTS:-1000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/vigil-bench-records.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
if [ ! -x /usr/bin/time ]; then
	echo "records: /usr/bin/time is missing (package time; ./deps.sh installs it)"
	exit 1
fi
export VIGIL_DB="$dir/bench.db"

# invented reports and, for each, N/R proposals in the extraction format
python3 - "$dir" "$N" "$R" <<'PY' || exit 1
import json, os, random, sys
d, n, r = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(7)
os.makedirs(d + "/reports")
os.makedirs(d + "/proposals")
kinds = ["attack", "shelling", "raid", "siege", "blockade", "killing", "arrest", "abduction",
         "relocation", "surveillance", "other"]
places = ["Camp %s" % w for w in ("North", "South", "East", "West", "Hill", "River", "Lake", "Ridge",
          "Valley", "Harbour", "Orchard", "Mill", "Bridge", "Market", "Station", "Forest", "Plain",
          "Gate", "Well", "Field")] + ["Town %d" % i for i in range(30)]
actors = ["Valley Brigade", "Hill Militia", "border police", "state security", "unknown gunmen"]
per = n // r
for i in range(r):
    open("%s/reports/r%04d.txt" % (d, i), "w").write(
        "Field report %d, from the monitoring desk of Outlet %d.\n\nResidents of %s said that "
        "armed men came at night on day %d and that the clinic treated %d people.\n"
        % (i, i % 37, places[i % len(places)], i, i % 50))
    events = []
    for k in range(per):
        y, m, day = 2000 + random.randrange(24), 1 + random.randrange(12), 1 + random.randrange(28)
        kind = random.choice(kinds)
        ev = {"kind": kind, "status": "threatened" if random.random() < 0.1 else "occurred",
              "date": {"start": "%04d-%02d-%02d" % (y, m, day), "end": None},
              "place": {"name": random.choice(places), "country": "IRQ", "lat": 33 + random.random(),
                        "lon": 44 + random.random()},
              "perpetrators": [{"name": random.choice(actors)}],
              "evidence": [{"start": 0, "end": 40, "quote": "Residents said armed men came at night."}]}
        if kind in ("attack", "shelling", "killing"):
            ev["killed"] = {"min": random.randrange(10), "max": None if random.random() < 0.2 else 12}
            ev["wounded"] = {"min": random.randrange(30), "max": None}
        events.append(ev)
    json.dump({"events": events}, open("%s/proposals/r%04d.json" % (d, i), "w"))
PY

# timed LABEL UNITS WHAT CMD... — runs CMD under GNU time, prints one line of figures
timed() {
	label=$1 units=$2 what=$3
	shift 3
	/usr/bin/time -v "$@" >"$dir/out.txt" 2>"$dir/time.txt"
	rc=$?
	python3 - "$label" "$units" "$what" "$dir/time.txt" "$rc" <<'PY'
import re, sys
label, units, what, tf, rc = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
t = open(tf).read()
def field(name):
    return re.search(re.escape(name) + r": (.*)", t).group(1).strip()
wall = 0.0
for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
    wall = wall * 60 + float(part)
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
print(f"records {label}: {units} {what}: {wall:.2f} s wall, {cpu:.2f} s CPU; "
      f"{units / max(cpu, 1e-9):,.0f} {what}/s on one core ({units / max(wall, 1e-9):,.0f}/s wall); "
      f"peak RSS {rss:.1f} MB{'' if rc == '0' else '; exit ' + rc}")
PY
}

"$VIGIL" add --quiet "$dir/reports" >/dev/null || exit 1
i=0
for f in "$dir"/proposals/*.json; do
	i=$((i + 1))
	"$VIGIL" propose $i "$f" >/dev/null || exit 1
done
timed "accept" "$N" "proposals" "$VIGIL" accept --all --quiet
entries=$("$VIGIL" ledger --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
timed "verify" "$entries" "ledger entries" "$VIGIL" verify
# what verify's parts took: walking the chain, re-hashing the originals, the records' digests
grep -E '^(ledger|originals|records) ' "$dir/out.txt" | sed 's/^/records verify: /; s/head [0-9]* [0-9a-f]* //'
incidents=$("$VIGIL" incidents --all --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
timed "export csv" "$incidents" "incidents" "$VIGIL" export --format csv
timed "export json" "$incidents" "incidents" "$VIGIL" export --format json
timed "export geojson" "$incidents" "incidents" "$VIGIL" export --format geojson
echo "records: database $(du -m "$dir/bench.db" | cut -f1) MB"
