# clean.sh — `vigil clean` on the project's fixtures and on bad input: text, --json,
# --title, standard input; binary, empty, huge, broken and deeply nested input get a
# one-line error or a best effort, never a crash, in bounded time.
. "$TESTS/lib.sh"
FIX="$TESTS/fixtures/clean"

run 0 "$VIGIL" clean "$FIX/news.html"
contains "$OUT" "Mortar rounds struck the eastern section of Camp Nadir"
contains "$OUT" "kept the camp under a partial siege since January"
lacks "$OUT" "Accept cookies"
lacks "$OUT" "Share on Facebook"
lacks "$OUT" "Where is the international community"

run 0 "$VIGIL" clean --json "$FIX/news.html"
json "j['title'] == 'Shelling wounds nine at Camp Nadir, council says'"
json "j['published'] == '2021-03-04' and j['author'] == 'Lina Haddad' and j['language'] == 'en'"
json "j['media_type'] == 'text/html' and 'Appeal to the United Nations' in j['text']"
json "set(j) >= {'title', 'published', 'publisher', 'author', 'language', 'text', 'media_type'}"

run 0 "$VIGIL" clean --title "$FIX/statement.txt"
equals "$(head -n 1 out.txt)" "Residents of Camp Nadir warn of a new attack on the eastern gate" "title line"
lacks "$OUT" "Wednesday, May 14, 2025"

run 0 sh -c "cat '$FIX/wire.txt' | '$VIGIL' clean --json -"
json "j['published'] == '2023-02-03' and j['publisher'] == 'Levant Wire' and j['author'] == 'Omar Sayegh'"
json "'Latest news' not in j['text'] and 'doctors who stayed' not in j['text']"

run 0 "$VIGIL" clean --json "$FIX/checkpoint.eml"
json "j['media_type'] == 'message/rfc822' and j['published'] == '2021-03-09'"
json "'The café owner Yusuf Karam was beaten' in j['text']"

# not text: a clear one-line error, exit 1
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\1' > img.png
run 1 "$VIGIL" clean img.png
contains "$ERR" "not a text report (a PNG image)"
equals "$(wc -l < err.txt | tr -d ' ')" "1" "one line on stderr"
run 1 "$VIGIL" clean "$VIGIL"
contains "$ERR" "not a text report"
: > empty.txt
run 1 "$VIGIL" clean empty.txt
contains "$ERR" "empty file"
run 1 "$VIGIL" clean no-such-file.html
run 1 "$VIGIL" clean
run 1 "$VIGIL" clean --nonsense x.txt

# invalid UTF-8 and NUL bytes: the output is valid UTF-8 without NUL
printf 'The gate \377\376 was closed\0 on Monday, and \351t\351 \223quotes\224.\n' > bad.txt
run 0 "$VIGIL" clean bad.txt
python3 -c "import sys; d=open('out.txt','rb').read(); d.decode('utf-8'); sys.exit(b'\0' in d)" && ok "valid UTF-8, no NUL" || die "invalid output"
printf '\377\376T\0h\0e\0 \0c\0a\0m\0p\0 \0i\0s\0 \0c\0l\0o\0s\0e\0d\0.\0\n\0' > u16.txt
run 0 "$VIGIL" clean u16.txt
equals "$OUT" "The camp is closed." "UTF-16 decoded"

# HTML nested 100,000 deep, and a page cut in the middle of a tag
python3 -c "print('<html><body>' + '<div><b>' * 100000 + '<p>The last convoy reached the camp on Sunday afternoon.</p>')" > deep.html
run 0 timeout 20 "$VIGIL" clean deep.html
contains "$OUT" "The last convoy reached the camp"
printf '<html><head><title>Cut</title></head><body><p>A page saved before it finished loading, with text that stops <a href="/x' > cut.html
run 0 "$VIGIL" clean cut.html
contains "$OUT" "with text that stops"

# 50 MB of text: cleaned in bounded time and memory
python3 -c "
import sys
line = 'Residents said the checkpoint stayed closed and no convoy reached the camp this week.\n\n'
sys.stdout.write(line * (50 * 1024 * 1024 // len(line) + 1))" > big.txt
run 0 timeout 30 "$VIGIL" clean big.txt
test "$(wc -c < out.txt)" -gt 50000000 && ok "50 MB cleaned" || die "50 MB output short"
rm -f big.txt out.txt
