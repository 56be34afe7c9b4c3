#!/bin/sh
# run.sh — `make bench`: runs every bench/*.sh but this one, each under a header, and prints
# what they measure. Benchmarks never pass or fail; one that breaks is named and the others
# still run. Needs $VIGIL (the binary); $SHARED (../shared) for those that read bench data.
: "${VIGIL:?set VIGIL to the binary}"
BENCH="$(cd "$(dirname "$0")" && pwd)"
: "${SHARED:=$BENCH/../../shared}"
export VIGIL SHARED BENCH
for b in "$BENCH"/*.sh; do
	name=$(basename "$b" .sh)
	[ "$name" = run ] && continue
	[ -n "${BENCH_ONLY:-}" ] && [ "$name" != "$BENCH_ONLY" ] && continue
	echo "== bench $name"
	sh "$b" || echo "bench $name: did not finish (exit $?)"
done
exit 0
