#!/bin/sh
# ingest.sh — how fast `vigil add` stores reports: generates INGEST_N (10,000) invented
# reports (bench/genreports.py: text, e-mail and HTML of realistic sizes) into a temporary
# directory, adds them all into a fresh database, then adds them again (all already there).
# Prints reports/s, MB/s, wall and CPU seconds and peak RSS (GNU time). vigil runs on one
# core, so CPU seconds (user + sys) is the figure to compare with the goal (10,000 reports
# in < 10 s, peak RSS < 64 MB); wall time also counts whatever else the machine is doing.
# The default mix averages 40 KB a report (HTML pages 73 KB on average); reports as people
# usually send them weigh 5-50 KB, so a second fresh database takes the same mix with HTML
# pages of at most 50 KB (INGEST_TYPICAL=0 skips it), once as vigil add does by default
# (each report read into proposals by the extraction engine) and once with --no-extract
# (stored, cleaned, indexed and entered in the ledger only).
: "${VIGIL:?set VIGIL to the binary}"
N=${INGEST_N:-10000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/vigil-bench-ingest.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
python3 "$(dirname "$0")/genreports.py" "$dir/reports" "$N" 1 >"$dir/gen.txt" || exit 1
bytes=$(sed -n 's/.* files, \([0-9]*\) bytes/\1/p' "$dir/gen.txt")
sed -n 's/^mix: /ingest reports generated: /p' "$dir/gen.txt"
if [ ! -x /usr/bin/time ]; then
	echo "ingest: /usr/bin/time is missing (package time; ./deps.sh installs it)"
	exit 1
fi

# measure LABEL [ADD OPTION…] — runs vigil add on the reports under GNU time and prints one line.
measure() {
	label=$1
	shift
	/usr/bin/time -v "$VIGIL" -d "$dir/bench.db" add --quiet "$@" "$dir/reports" >"$dir/out.txt" 2>"$dir/time.txt"
	python3 - "$label" "$N" "$bytes" "$dir/time.txt" "$dir/out.txt" <<'PY'
import re, sys
label, n, nbytes, tf, of = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
t = open(tf).read()
def field(name):
    return re.search(re.escape(name) + r": (.*)", t).group(1).strip()
wall = 0.0
for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
    wall = wall * 60 + float(part)
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
mb = nbytes / 1e6
print(f"ingest {label}: {n} reports, {mb:.1f} MB: {wall:.2f} s wall, {cpu:.2f} s CPU; "
      f"{n / cpu:.0f} reports/s, {mb / cpu:.1f} MB/s on one core ({n / wall:.0f} reports/s wall); "
      f"peak RSS {rss:.1f} MB; {open(of).read().strip()}")
PY
}
measure "fresh database, read by the extraction engine"
measure "again (all already stored)"
db=$(du -k "$dir/bench.db" | cut -f1)
echo "ingest database: $((db / 1024)) MB for $((bytes / 1048576)) MB of reports"

[ "${INGEST_TYPICAL:-1}" = 0 ] && exit 0
rm -rf "$dir/reports" "$dir"/bench.db*
python3 "$(dirname "$0")/genreports.py" "$dir/reports" "$N" 1 50 >"$dir/gen.txt" || exit 1
bytes=$(sed -n 's/.* files, \([0-9]*\) bytes/\1/p' "$dir/gen.txt")
sed -n 's/^mix: /ingest typical reports generated (HTML at most 50 KB): /p' "$dir/gen.txt"
measure "typical sizes, fresh database, read by the extraction engine"
rm -f "$dir"/bench.db*
measure "typical sizes, fresh database, stored only (--no-extract)" --no-extract
