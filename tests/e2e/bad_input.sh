#!/bin/sh
# bad_input.sh — bad input never crashes vigil and never touches what is stored.
#
# Each input is generated here: empty, PNG, ELF, 50 MB of text, a sparse file over the size
# limit, invalid UTF-8, UTF-16LE/BE with BOM, NUL bytes, HTML nested 100,000 deep, a
# truncated page, a directory and a dangling symlink given as files, a directory of good and
# bad files, standard input. For `vigil add`, `vigil clean` and `vigil extract` on each:
# exit 0 (best effort) or 1 with exactly one line on stderr naming the file, never more
# (2 = internal, >128 = a signal), within a time limit; the reports stored before are
# unchanged, byte for byte.
. "$TESTS/lib.sh"

# limit SECONDS EXPECTED_EXITS CMD... — runs CMD under timeout, keeps stdout/stderr in
# out.txt/err.txt and $OUT/$ERR, fails unless the exit code is one of EXPECTED_EXITS ("0 1").
limit() {
	secs=$1 want=$2; shift 2
	timeout "$secs" "$@" >out.txt 2>err.txt
	got=$?
	OUT=$(cat out.txt); ERR=$(cat err.txt)
	[ "$got" -eq 124 ] && die "took more than ${secs}s: $*"
	case " $want " in *" $got "*) ;; *) die "exit $got (wanted one of: $want): $* :: $(head -c 300 err.txt)" ;; esac
}
# one_line WHAT NAME — stderr is one line "vigil: NAME…" (an error, clear and short).
one_line() {
	[ "$(wc -l <err.txt)" -eq 1 ] || die "$1: stderr is $(wc -l <err.txt) lines: $(head -c 300 err.txt)"
	case "$ERR" in "vigil: $2"*) ;; *) die "$1: stderr does not name $2: $ERR" ;; esac
	[ "$(wc -c <err.txt)" -le 300 ] || die "$1: error line longer than 300 bytes"
}
# clean_text FILE — output is valid UTF-8 without NUL bytes.
clean_text() {
	python3 -c "import sys; b=open(sys.argv[1],'rb').read(); b.decode('utf-8'); sys.exit(1 if b'\0' in b else 0)" "$1" ||
		die "$1 is not NUL-free UTF-8"
}

# What is stored before, to compare with after every bad input.
cat >good1.txt <<'EOF'
Checkpoint closed again at the east gate

Residents said the police closed the east gate of the camp at dawn on 2 May 2024 and
turned back two trucks of flour. A nurse said the clinic had no more antibiotics.
EOF
cat >good2.html <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>Families count the days | Field Notes</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Families count the days</h1>
<p>A week after the warning, families in the camp said they slept in their clothes, ready to run.
Community leaders asked the provincial governor for protection in a letter delivered on Monday.</p></article>
<footer>© Field Notes</footer></body></html>
EOF
printf 'Third report: the water pump ran for two hours on Tuesday.\n' >good3.txt
run 0 "$VIGIL" add --source https://fixtures.example/good good1.txt good2.html good3.txt
contains "$OUT" "added 3, already had 0, failed 0"
"$VIGIL" reports --json >before.json || die "reports --json"
for id in 1 2 3; do "$VIGIL" report $id --original | sha256sum | cut -c1-64; done >before.sha

# unchanged — the three first reports are exactly as before, metadata and original bytes.
unchanged() {
	"$VIGIL" reports --json >now.json || die "reports --json after $1"
	python3 - before.json now.json <<'EOF' || die "stored reports changed after $1"
import json, sys
before = {r['id']: r for r in json.load(open(sys.argv[1]))}
now = {r['id']: r for r in json.load(open(sys.argv[2]))}
sys.exit(0 if all(now.get(i) == r for i, r in before.items()) else 1)
EOF
	for id in 1 2 3; do "$VIGIL" report $id --original | sha256sum | cut -c1-64; done >now.sha
	cmp -s before.sha now.sha || die "originals changed after $1"
	python3 -c "import json; r=json.load(open('before.json')); assert [x['sha256'] for x in r] == open('now.sha').read().split()" ||
		die "originals no longer hash to their sha256 after $1"
	ok "stored reports untouched after $1"
}

# The inputs.
mkdir in
: >in/empty.txt
printf '   \n\t\n  \n' >in/blank.txt
cp /bin/true in/true.elf
python3 - <<'EOF'
import struct, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
open('in/image.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 1, 1, 8, 2, 0, 0, 0))
                                 + chunk(b'IDAT', zlib.compress(b'\x00\xff\x00\x00')) + chunk(b'IEND', b''))
open('in/bad-utf8.txt', 'wb').write(b'Shelling reported near the \xff\xfe camp \xc3\x28 on Monday.\n'
                                    b'\xed\xa0\x80 a surrogate, \xf8\x88\x80\x80\x80 an overlong \xc0\xaf, a cut \xe2\x80\n')
t = 'Residents of the camp said the checkpoint was closed on 3 May 2024.\nNo convoy has reached them since.\n'
open('in/utf16le.txt', 'wb').write(b'\xff\xfe' + t.encode('utf-16-le'))
open('in/utf16be.txt', 'wb').write(b'\xfe\xff' + t.encode('utf-16-be'))
open('in/utf16le.html', 'wb').write(b'\xff\xfe' + ('<html><head><title>Sixteen</title></head><body><p>' + t + '</p></body></html>').encode('utf-16-le'))
open('in/nul-few.txt', 'wb').write(b'The clinic \x00was hit\x00\x00 twice.\n\x00\n')
s = ('Witnesses said the shelling lasted twenty minutes and hit the market. ' * 60).encode()
open('in/nul-sparse.txt', 'wb').write(s[:1500] + b'\x00' + s[1500:3000] + b'\x00\x00' + s[3000:])
open('in/deep.html', 'w').write('<html><body>' + '<div>' * 100000 + '<p>Deep text about the camp.</p>' + '</div>' * 10 + '</body></html>')
open('in/deep-table.html', 'w').write('<html><body>' + '<table><tr><td>' * 30000 + 'Cell text about the convoy.</body></html>')
open('in/truncated.html', 'w').write('<!DOCTYPE html><html><head><title>Cut short</title></head><body><article><h1>Cut short</h1>'
                                     '<p>The convoy waited at the gate for three hours before the <a href="/x" class="lin')
line = 'The water trucks were stopped at the north gate again this morning, residents said.\n'
with open('in/big.txt', 'w') as f:
    f.write(line * (50 * 1024 * 1024 // len(line) + 1))
EOF
truncate -s 300M in/sparse-300M.txt
ln -s does-not-exist in/dangling.txt
mkdir in/a-directory

# add and clean of each file: a clear one-line error or a best effort, and nothing touched.
for f in empty.txt blank.txt true.elf image.png bad-utf8.txt utf16le.txt utf16be.txt utf16le.html \
	nul-few.txt nul-sparse.txt deep.html deep-table.html truncated.html big.txt sparse-300M.txt \
	dangling.txt a-directory; do
	secs=30
	case $f in big.txt) secs=180 ;; esac
	limit $secs "0 1" "$VIGIL" clean "in/$f"
	if [ "$got" -eq 1 ]; then
		one_line "clean $f" "in/$f"
		ok "clean $f: $ERR"
	else
		[ -s err.txt ] && die "clean $f: exit 0 with stderr: $ERR"
		clean_text out.txt
		ok "clean $f: best effort, $(wc -c <out.txt) bytes of text"
	fi
	if [ -d "in/$f" ]; then # add takes directories (recursively): an empty one is an error
		limit $secs "1" "$VIGIL" add "in/$f"
		equals "$ERR" "vigil: no files in in/$f" "add $f (empty directory): one line that says so"
		lacks "$OUT" "added" "add $f (empty directory): no summary"
		unchanged "$f"
		continue
	fi
	case $f in big.txt | sparse-300M.txt) ;; *) # extract: 50 MB take it ~10 s and 800 MB
		limit $secs "0 1" "$VIGIL" extract --json "in/$f"
		if [ "$got" -eq 1 ]; then
			one_line "extract $f" "in/$f"
		else
			python3 -c "import json; json.load(open('out.txt'))" || die "extract $f: not JSON"
		fi
		ok "extract $f: exit $got" ;;
	esac
	limit $secs "0 1" "$VIGIL" add "in/$f"
	if [ "$got" -eq 1 ]; then
		one_line "add $f" "in/$f"
		contains "$OUT" "added 0, already had 0, failed 1" "add $f: summary"
	else
		contains "$OUT" "added 1, already had 0, failed 0" "add $f: added"
		id=$(sed -n 's/.*added report \([0-9]*\).*/\1/p' err.txt)
		[ -n "$id" ] || die "add $f: no report number in: $ERR"
		"$VIGIL" report "$id" --original | cmp -s - "in/$f" || die "add $f: --original differs"
		"$VIGIL" report "$id" --text >text.txt || die "add $f: report --text"
		clean_text text.txt
		ok "add $f: report $id, original byte-exact"
	fi
	unchanged "$f"
done

# What the best efforts must keep.
for pair in "utf16le.txt:checkpoint was closed on 3 May 2024" "utf16be.txt:checkpoint was closed on 3 May 2024" \
	"utf16le.html:checkpoint was closed" "deep.html:Deep text about the camp." \
	"truncated.html:The convoy waited at the gate" "bad-utf8.txt:Shelling reported near the" \
	"nul-sparse.txt:the shelling lasted twenty minutes"; do
	run 0 "$VIGIL" clean "in/${pair%%:*}"
	contains "$OUT" "${pair#*:}" "${pair%%:*} keeps its text"
done
run 1 "$VIGIL" clean in/sparse-300M.txt
contains "$ERR" "too large" "a file over the limit is refused as too large"

# Standard input.
limit 30 "1" "$VIGIL" add - <in/image.png
one_line "add - (png)" "(standard input)"
limit 30 "1" "$VIGIL" clean - <in/true.elf
one_line "clean - (elf)" "-"
limit 30 "0" "$VIGIL" clean - <in/utf16be.txt
contains "$OUT" "checkpoint was closed" "clean - decodes UTF-16"
# Endless or oversized streams stop at the size limit instead of filling the memory.
limit 60 "1" "$VIGIL" clean /dev/zero
one_line "clean /dev/zero" "/dev/zero"
contains "$ERR" "too large" "clean /dev/zero: too large"
limit 60 "1" "$VIGIL" extract /dev/zero
contains "$ERR" "too large" "extract /dev/zero: too large"
limit 60 "1" sh -c 'head -c 300000000 /dev/zero | "$0" add -' "$VIGIL"
one_line "add - (300 MB)" "(standard input)"
contains "$ERR" "too large" "add - (300 MB): too large"
unchanged "standard input"

# A directory of good and bad files: the good ones go in, each bad one gets its line.
mkdir -p mixed/sub
printf 'A fourth report: the school tents were moved on Friday.\n' >mixed/a-good.txt
cp in/image.png mixed/b-image.png
: >mixed/c-empty.txt
ln -s nowhere mixed/d-dangling.html
cp in/utf16le.txt mixed/sub/e-utf16.txt
cp good1.txt mixed/sub/f-again.txt
cp in/true.elf mixed/sub/g-elf
limit 60 "1" "$VIGIL" add mixed
contains "$OUT" "added 1, already had 2, failed 4" "mixed directory: summary"
[ "$(grep -c '^vigil: ' err.txt)" -eq 4 ] || die "mixed directory: wanted 4 error lines: $ERR"
for f in mixed/b-image.png mixed/c-empty.txt mixed/d-dangling.html mixed/sub/g-elf; do
	grep -q "^vigil: $f: " err.txt || die "mixed directory: no error line for $f"
done
ok "mixed directory: one error line per bad file, naming it"
unchanged "the mixed directory"

# Files that cannot be read for lack of permission (only meaningful when not root).
if [ "$(id -u)" -ne 0 ]; then
	cp good3.txt locked.txt && chmod 000 locked.txt
	limit 30 "1" "$VIGIL" add locked.txt
	one_line "add locked.txt" "locked.txt"
	contains "$ERR" "Permission denied"
	unchanged "an unreadable file"
fi

# Usage errors are errors, not crashes.
limit 10 "1" "$VIGIL" add
limit 10 "1" "$VIGIL" add --received yesterday good1.txt
one_line "--received yesterday" "--received"
limit 10 "1" "$VIGIL" report 999999
limit 10 "1" "$VIGIL" report -5
limit 10 "1" "$VIGIL" report abc
limit 10 "1" "$VIGIL" clean
limit 10 "1" "$VIGIL" clean a b
limit 10 "1" "$VIGIL" no-such-command
ok "usage errors exit 1"
unchanged "usage errors"
