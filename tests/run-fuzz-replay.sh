#!/bin/sh
# run-fuzz-replay.sh — replays every fuzz target's corpus (fuzz/corpus/NAME/*) through the
# plain-main build of the target in DIR, and prints one summary line.
dir=$1
root=$(cd "$(dirname "$0")/.." && pwd)
n=0 files=0 fail=0
for t in "$dir"/fuzz_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	corpus="$root/fuzz/corpus/$name"
	[ -d "$corpus" ] || continue
	c=$(find "$corpus" -type f | wc -l)
	if ! "$t" "$corpus" >/dev/null 2>"$dir/$name.log"; then
		fail=$((fail + 1)); echo "fuzz-replay $name: FAILED"; tail -n 20 "$dir/$name.log"
	fi
	n=$((n + 1)); files=$((files + c))
done
echo "fuzz-replay: $n targets, $files inputs, $fail failed"
[ "$fail" -eq 0 ]
