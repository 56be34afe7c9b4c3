#!/bin/sh
# run-unit.sh — runs every cmocka test binary given and prints one summary line.
pass=0 fail=0 failed=""
for t in "$@"; do
	if out=$("$t" 2>&1); then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); failed="$failed $(basename "$t")"
		printf '%s\n' "$out"
	fi
	printf '%s\n' "$out" | grep -E '^\[  (PASSED|FAILED)' | sed "s|^|$(basename "$t"): |"
done
echo "unit: $pass binaries passed, $fail failed${failed:+ ($failed )}"
[ "$fail" -eq 0 ]
