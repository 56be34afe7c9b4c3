#!/bin/sh
# run-e2e.sh — runs every tests/e2e/*.sh against the binary in $VIGIL, each in a fresh
# temporary directory, and prints one summary line. A script exits 0 (pass), 77 (skipped:
# something it needs is absent) or anything else (fail).
: "${VIGIL:?set VIGIL to the binary}"
: "${SHARED:=$(cd "$(dirname "$0")/.." && pwd)/../shared}"
export VIGIL SHARED
export TESTS="$(cd "$(dirname "$0")" && pwd)"
pass=0 fail=0 skip=0 failed=""
for t in "$TESTS"/e2e/*.sh; do
	[ -n "${E2E_ONLY:-}" ] && case "$t" in *"$E2E_ONLY"*) ;; *) continue ;; esac
	name=$(basename "$t" .sh)
	dir=$(mktemp -d "${TMPDIR:-/tmp}/vigil-e2e.XXXXXX")
	if out=$(cd "$dir" && sh "$t" 2>&1); then rc=0; else rc=$?; fi
	case $rc in
	0) pass=$((pass + 1)); echo "e2e $name: ok $(printf '%s\n' "$out" | grep -c '^ok ') checks" ;;
	77) skip=$((skip + 1)); echo "e2e $name: skipped ($(printf '%s\n' "$out" | tail -n 1))" ;;
	*) fail=$((fail + 1)); failed="$failed $name"; echo "e2e $name: FAILED (exit $rc)"; printf '%s\n' "$out" | tail -n 30 ;;
	esac
	rm -rf "$dir"
done
echo "e2e: $pass passed, $fail failed, $skip skipped${failed:+ ($failed )}"
[ "$fail" -eq 0 ]
