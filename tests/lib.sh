# lib.sh — assertions for the end-to-end scripts (sourced). Each check prints "ok …" or
# "FAIL …"; the first failure ends the script with exit 1.
set -u
VIGIL=${VIGIL:?}
export VIGIL_DB="$PWD/test.db"

ok() { echo "ok $*"; }
die() { echo "FAIL $*"; exit 1; }
skip() { echo "$*"; exit 77; }

# run EXPECTED_EXIT CMD... — runs CMD, keeps stdout in $OUT and stderr in $ERR.
run() {
	want=$1; shift
	"$@" >out.txt 2>err.txt
	got=$?
	OUT=$(cat out.txt); ERR=$(cat err.txt)
	[ "$got" -eq "$want" ] || die "exit $got (wanted $want): $* :: $(head -c 400 err.txt)"
	ok "exit $want: $*"
}
# contains HAYSTACK NEEDLE [what]
contains() { case "$1" in *"$2"*) ok "${3:-contains $2}" ;; *) die "${3:-output} lacks '$2' in: $(printf %s "$1" | head -c 400)" ;; esac; }
lacks() { case "$1" in *"$2"*) die "${3:-output} has '$2'" ;; *) ok "${3:-lacks $2}" ;; esac; }
equals() { [ "$1" = "$2" ] && ok "${3:-equals $2}" || die "${3:-value} is '$1', wanted '$2'"; }
# json EXPR — evaluates a Python expression over the JSON in $OUT bound to j.
json() { python3 -c "import json,sys; j=json.load(open('out.txt')); sys.exit(0 if ($1) else 1)" || die "json: $1 :: $(head -c 300 out.txt)"; ok "json: $1"; }
