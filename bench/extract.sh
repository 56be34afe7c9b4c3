#!/bin/sh
# extract.sh — extraction speed and memory: `vigil extract --json` on
#   - ../shared/bench/sentences.txt (20,000 sentences, one per line) read as one document,
#   - the project's own annotated reports (tests/corpus/reports), one process each, and
#     their text twenty times over as one document (1 MB: read whole),
#   - 50 MB of text (the own reports repeated), read in parts,
# printing sentences/s and MB/s from user CPU time (the machine is shared: wall time says
# more about the neighbours), the same less the start-up of an empty run (loading the
# lexicons), and peak RSS. Best of three runs for the small inputs. Needs GNU time
# (/usr/bin/time). A measure, never a test: it says why when it cannot run.
: "${VIGIL:?set VIGIL to the binary}"
root=$(cd "$(dirname "$0")/.." && pwd)
: "${SHARED:=$root/../shared}"
[ -x /usr/bin/time ] || { echo "extract: no GNU time (/usr/bin/time)"; exit 0; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/vigil-bench-extract.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM

# run FILE RUNS — best user seconds and the peak RSS (KB) of vigil extract --json FILE,
# as "USER RSS" on stdout.
run() {
	best=""
	rss=0
	i=0
	while [ "$i" -lt "$2" ]; do
		/usr/bin/time -f '%U %M' -o "$dir/t" "$VIGIL" extract --json "$1" >"$dir/out.json" 2>/dev/null ||
			{ echo "0 0"; return; }
		set -- "$1" "$2" $(cat "$dir/t")
		if [ -z "$best" ] || awk -v a="$3" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$3; fi
		[ "$4" -gt "$rss" ] && rss=$4
		set -- "$1" "$2"
		i=$((i + 1))
	done
	echo "$best $rss"
}

# report NAME FILE SENTENCES RUNS — one line of figures.
report() {
	bytes=$(wc -c <"$2")
	set -- "$1" "$2" "$3" "$4" $(run "$2" "$4")
	awk -v name="$1" -v bytes="$bytes" -v sent="$3" -v u="$5" -v rss="$6" -v u0="$startup" 'BEGIN {
		if (u <= 0) u = 0.005
		e = u - u0; if (e <= 0) e = 0.005
		printf "extract %s: %.1f MB, %d sentences: %.2f s user -> %.0f sentences/s, %.1f MB/s (without start-up %.2f s: %.0f sentences/s, %.1f MB/s); peak RSS %.1f MB\n",
			name, bytes / 1048576, sent, u, sent / u, bytes / 1048576 / u, u0, sent / e, bytes / 1048576 / e, rss / 1024 }'
}

# The engine's own sentence count of FILE (the readable summary's last line).
sentences() {
	"$VIGIL" extract "$1" 2>/dev/null | tail -n 1 | awk '{ print $1 + 0 }'
}

printf 'Nothing happened here.\n' >"$dir/empty.txt"
set -- $(run "$dir/empty.txt" 3)
startup=$1
echo "extract start-up (lexicons, one-line file): $startup s user, peak RSS $(($2 / 1024)) MB"

if [ -f "$SHARED/bench/sentences.txt" ]; then
	cp "$SHARED/bench/sentences.txt" "$dir/sentences.txt"
	echo "extract sentences.txt: $(wc -l <"$dir/sentences.txt") lines, the engine reads $(sentences "$dir/sentences.txt") sentences"
	report sentences.txt "$dir/sentences.txt" "$(wc -l <"$dir/sentences.txt")" 3
else
	echo "extract sentences.txt: skipped (no $SHARED/bench/sentences.txt)"
fi

# The own reports: one process each (start-up included), then their text as one document.
n=0 tot=0
for f in "$root"/tests/corpus/reports/*; do
	/usr/bin/time -f '%U' -o "$dir/t" "$VIGIL" extract --json "$f" >/dev/null 2>&1
	tot=$(awk -v a="$tot" -v b="$(cat "$dir/t")" 'BEGIN { print a + b }')
	n=$((n + 1))
done
echo "extract own reports: $n processes, $tot s user in all ($(awk -v t="$tot" -v n="$n" 'BEGIN { printf "%.1f", 1000 * t / n }') ms each, start-up included)"
cat "$root"/tests/corpus/reports/*.txt >"$dir/own.txt"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do cat "$dir/own.txt"; printf '\n\n'; done >"$dir/own20.txt"
report own-x20-as-one "$dir/own20.txt" "$(sentences "$dir/own20.txt")" 3

# 50 MB of text: read in parts, the peak RSS stays bounded.
reps=$((52428800 / ($(wc -c <"$dir/own.txt") + 2) + 1))
printf '\n\n' >>"$dir/own.txt"
i=0
while [ "$i" -lt "$reps" ]; do
	cat "$dir/own.txt"
	i=$((i + 1))
done >"$dir/big.txt"
report big-50MB "$dir/big.txt" "$((i * $(sentences "$dir/own.txt")))" 1
exit 0
