#!/bin/sh
# clean.sh — cleaning throughput, counting process start-up: pages/s and MB/s (of input
# bytes) of `vigil clean` over the 130 real pages of $SHARED/bench/cleaning-pages and over
# CLEAN_N (1,000) generated HTML pages (bench/genreports.py). Three figures per set, in CPU
# seconds (user + sys; vigil runs on one core, and wall time counts whatever else the
# machine is doing):
#   one process a page   `vigil clean PAGE` once per page, start-up and reading included
#                        (how Readability on jsdom is measured: ~5 pages/s, 1.1 MB/s)
#   one process          `vigil clean --stats PAGE...`: start-up once, reading included
#   cleaning only        what --stats itself times (clean_doc alone), with p50/p99 latency
# The goal is >= 50 MB/s. A measure, never a test.
: "${VIGIL:?set VIGIL to the binary}"
N=${CLEAN_N:-1000}
if [ ! -x /usr/bin/time ]; then
	echo "clean: /usr/bin/time is missing (package time; ./deps.sh installs it)"
	exit 1
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/vigil-bench-clean.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM

# cpu LABEL FILE-OF-PAGES CMD... — runs CMD under GNU time, prints pages/s and MB/s.
cpu() {
	label=$1 list=$2; shift 2
	# a page vigil refuses (exit 1) still counts: it was read and judged
	/usr/bin/time -f '%U %S %e' -o "$dir/time.txt" "$@" >"$dir/out.txt" 2>"$dir/err.txt"
	python3 - "$label" "$list" "$dir/time.txt" <<'PY'
import os, sys
label, listf, tf = sys.argv[1:4]
pages = [l.rstrip("\n") for l in open(listf) if l.strip()]
mb = sum(os.path.getsize(p) for p in pages) / 1e6
user, sys_, wall = (float(x) for x in open(tf).read().split()[-3:])
c = user + sys_
print(f"  {label}: {len(pages)} pages, {mb:.1f} MB, {c:.2f} s CPU ({wall:.2f} s wall): "
      f"{len(pages) / c:.0f} pages/s, {mb / c:.1f} MB/s")
PY
}

# measure NAME FILE-OF-PAGES — the three figures over the pages listed in the file.
measure() {
	echo "clean $1:"
	cpu "one process a page" "$2" xargs -n 1 "$VIGIL" clean <"$2"
	cpu "one process" "$2" xargs "$VIGIL" clean --stats <"$2"
	printf '  cleaning only: '
	xargs "$VIGIL" clean --stats <"$2" | tail -n 1
}

pages="${SHARED:-$(dirname "$0")/../../shared}/bench/cleaning-pages"
if [ -d "$pages" ]; then
	ls "$pages"/*/source.html >"$dir/real.txt"
	measure "real pages ($pages)" "$dir/real.txt"
else
	echo "clean: no $pages; the real pages are skipped"
fi

# Generated reports are half HTML: generate twice N and keep N of the HTML pages.
python3 "$(dirname "$0")/genreports.py" "$dir/gen" $((N * 2 + 200)) 2 >/dev/null || exit 1
find "$dir/gen" -name '*.html' | sort | head -n "$N" >"$dir/gen.txt"
measure "generated HTML pages (genreports.py)" "$dir/gen.txt"
