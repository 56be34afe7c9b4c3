#!/bin/sh
# progress.sh — `vigil add` shows a progress bar on a terminal for many files, and none when
# stderr is not a terminal, with --quiet, or for one file. Messages about a file never run
# into the bar. The terminal is made with script(1) (util-linux); without it only the
# not-a-terminal half runs.
. "$TESTS/lib.sh"

mkdir in
for i in 1 2 3 4 5; do
	printf 'Field note %s: the checkpoint at the north gate was closed for %s hours today.\n' "$i" "$i" >in/r$i.txt
done
: >in/r3-empty.txt

# Not a terminal: one line per file, no bar.
run 1 "$VIGIL" add in
contains "$OUT" "added 5, already had 0, failed 1"
[ "$(grep -c ': added report ' err.txt)" -eq 5 ] || die "wanted 5 'added report' lines: $ERR"
ok "one 'added report' line per file"
grep -q '^vigil: in/r3-empty.txt: empty file$' err.txt || die "no error line for the empty file: $ERR"
ok "the bad file has its own line"
if grep -q "$(printf '\r')" err.txt || grep -q '\[#' err.txt; then die "a bar without a terminal: $ERR"; fi
ok "no bar when stderr is not a terminal"
run 1 "$VIGIL" add --quiet in
equals "$ERR" "vigil: in/r3-empty.txt: empty file" "--quiet: only the error"
contains "$OUT" "added 0, already had 5, failed 1"
run 0 "$VIGIL" add in/r1.txt
equals "$ERR" "in/r1.txt: already have report 1" "the same bytes again: already have report N"

command -v script >/dev/null 2>&1 || skip "no script(1): terminal half not run"

# tty CMD... — runs CMD with a terminal as stdin, stdout and stderr; output in tty.txt.
tty() {
	TERM=dumb script -qec "$*" /dev/null </dev/null >tty.txt 2>&1
	echo $?
}
rm -f test.db
rc=$(tty "'$VIGIL' add in")
equals "$rc" 1 "terminal: exit 1 (one file failed)"
grep -q "$(printf '\r')\[###*  *\] 1/6" tty.txt || die "terminal: no bar at 1/6: $(cat -A tty.txt | head -c 400)"
grep -q '\[##############################\] 6/6' tty.txt || die "terminal: bar does not end full at 6/6"
ok "terminal: a bar from 1/6 to 6/6"
grep -q '[0-9]vigil:' tty.txt && die "terminal: a message runs into the bar: $(cat -A tty.txt | head -c 400)"
grep -q "vigil: in/r3-empty.txt: empty file" tty.txt || die "terminal: the error is not shown"
ok "terminal: the error line stands on its own"
grep -q 'added report' tty.txt && die "terminal: per-file lines besides the bar"
grep -q 'added 5, already had 0, failed 1' tty.txt || die "terminal: no summary"
ok "terminal: bar and summary, no per-file lines"
rc=$(tty "'$VIGIL' add in")
grep -q 'already have report' tty.txt && die "terminal: 'already have' lines besides the bar"
grep -q 'added 0, already had 5, failed 1' tty.txt || die "terminal: no summary on the second add"
ok "terminal: a second add is summed up, not listed"
rc=$(tty "'$VIGIL' add --quiet in")
grep -q '\[#' tty.txt && die "terminal: a bar despite --quiet"
ok "terminal: no bar with --quiet"
rc=$(tty "'$VIGIL' add in/r2.txt")
grep -q '\[#' tty.txt && die "terminal: a bar for a single file"
grep -q 'in/r2.txt: already have report 2' tty.txt || die "terminal: single file not named"
ok "terminal: no bar for one file"
