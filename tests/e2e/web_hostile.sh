# web_hostile.sh — hostile input against `vigil serve`: script-injection payloads put in
# through report titles, texts, sources, file names, proposals, search, form fields and
# paths never come out as markup; SQL injection strings in every parameter change nothing
# in the database and leak nothing.
. "$TESTS/lib.sh"
. "$TESTS/weblib.sh"

# The payloads: script tags, attribute breakers, javascript: URLs, SVG and image handlers.
cat > payloads.txt <<'EOF'
<script>alert(1)</script>
"><script>alert(2)</script>
'><img src=x onerror=alert(3)>
<svg onload=alert(4)>
<svg><script>alert(5)</script></svg>
javascript:alert(6)
" onmouseover="alert(7)" x="
' autofocus onfocus='alert(8)
<iframe src="javascript:alert(9)"></iframe>
</textarea></title><script>alert(10)</script>
<a href="javascript:alert(11)">click</a>
<math><mtext><table><mglyph><style><img src=x onerror=alert(12)>
<body onload=alert(13)>
<meta http-equiv="refresh" content="0;url=javascript:alert(14)">
EOF

# check_pages — no page fetched holds live markup from the payloads: no script, frame,
# object or meta refresh, no on* handler, no javascript: link; and no payload with markup
# in it appears raw. Pages are kept as page.N (check_page) and checked together.
cat > check_html.py <<'EOF'
import sys
from html.parser import HTMLParser
payloads = [l.rstrip('\n') for l in open('payloads.txt', encoding='utf-8')]
payloads = [p for p in payloads if p and any(c in p for c in '<>"\'')]
class P(HTMLParser):
    def __init__(self, bad):
        super().__init__()
        self.bad = bad
    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'iframe', 'object', 'embed', 'base', 'frame', 'applet'):
            self.bad.append('<%s>' % tag)
        if tag == 'meta' and any(k == 'http-equiv' for k, v in attrs):
            self.bad.append('meta http-equiv')
        for k, v in attrs:
            if k.startswith('on'):
                self.bad.append('%s %s=' % (tag, k))
            if k in ('href', 'src', 'action', 'formaction', 'xlink:href') and v:
                if ''.join(c for c in v if c > ' ').lower().startswith(('javascript:', 'data:text', 'vbscript:')):
                    self.bad.append('%s %s=%s' % (tag, k, v))
failed = 0
for line in open('pages.idx', encoding='utf-8'):
    n, what = line.rstrip('\n').split(' ', 1)
    body = open('page.' + n, encoding='utf-8', errors='replace').read()
    bad = []
    P(bad).feed(body)
    bad += ['raw payload ' + p for p in payloads if p in body]
    if bad:
        failed += 1
        print('FAIL %s: live markup: %s' % (what, '; '.join(bad[:4])))
sys.exit(1 if failed else 0)
EOF
PAGES=0
: > pages.idx
check_page() {
	PAGES=$((PAGES + 1))
	cp body.txt page.$PAGES
	printf '%s %s\n' $PAGES "$1" >> pages.idx
}
# fetch PATH [curl args] — GET as the editor and check the page
fetch() { p=$1; shift; req -b jar.editor "$@" "$URL$p"; [ "$STATUS" -lt 500 ] || die "$p: $STATUS"; check_page "$p"; }

# Reports carrying the payloads: as text, as the title of an HTML page, as source, file
# name and the name of who added it.
i=0
while IFS= read -r p; do
	i=$((i + 1))
	printf '%s\n\nA report about the camp, number %d, with the line above as its first line.\n%s\n' "$p" "$i" "$p" > "t$i.txt"
	run 0 "$VIGIL" add --source "$p" --by "$p" "t$i.txt"
	esc=$(printf '%s' "$p" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')
	printf '<html><head><title>%s</title></head><body><p>%s</p><p>Number %d, as a web page.</p></body></html>' "$esc" "$esc" "$i" > "h$i.html"
	run 0 "$VIGIL" add --source "https://example.org/$i" "h$i.html"
done < payloads.txt
mkdir odd
printf 'A report whose file name is hostile.\n' > 'odd/"><svg onload=alert(15)>.txt'
run 0 "$VIGIL" add odd
n=$(($(wc -l < payloads.txt) * 2 + 1))

# a proposal whose fields are payloads, its evidence on the first line of report 1
python3 - <<'EOF' > prop.json
import json
p = [l.rstrip('\n') for l in open('payloads.txt')]
print(json.dumps({"kind": p[0], "status": p[1], "date": {"start": p[2]}, "place": {"name": p[3]},
  "perpetrators": [{"name": p[5]}], "killed": {"min": 1, "max": 1},
  "evidence": [{"start": 0, "end": len(p[0].encode()), "quote": p[0]}]}))
EOF
sqlite3 "$VIGIL_DB" "INSERT INTO proposal(report_id, type, json, created_at) VALUES(1, 'event', readfile('prop.json'), 'x')" || die "proposal"
sqlite3 "$VIGIL_DB" "INSERT INTO proposal(report_id, type, json, created_at) VALUES(2, 'appeal', '{\"to\":[{\"name\":\"<script>alert(16)</script>\"}],\"evidence\":[{\"start\":-5,\"end\":99999999}]}', 'x')" || die "proposal"
sqlite3 "$VIGIL_DB" "INSERT INTO proposal(report_id, type, json, created_at) VALUES(3, 'event', 'not json at all <script>', 'x')" || die "proposal"

for u in editor admin; do run 0 sh -c "echo 'pass-$u-123' | \"$VIGIL\" user add $u --role $u"; done
start_server main
login editor pass-editor-123 jar.editor
login admin pass-admin-123 jar.admin

# every report page, the lists, the texts
fetch /
fetch /reports
fetch "/reports?page=2"
for id in $(seq 1 $n); do fetch /report/$id; done
fetch "/report/1?s=0&e=9"
req -b jar.editor "$URL/report/1"
contains "$BODY" "&lt;script&gt;alert(1)&lt;/script&gt;" "payload shown as text"
lacks "$BODY" 'href="javascript:' "javascript: source not made a link"
req -b jar.editor "$URL/report/11"
contains "$BODY" "javascript:alert(6)" "javascript: source shown as text"
req -b jar.editor "$URL/api/report/3"
json_body "j['report']['title'] == open('payloads.txt').read().split('\n')[1] and j['report']['source'] == j['report']['title']"
req -b jar.editor "$URL/report/$n/original"
contains "$(header Content-Disposition)" "filename=\"report-$n-" "hostile file name not in the header"
lacks "$(header Content-Disposition)" "svg"

# search, and every other argument a page reads, with each payload
while IFS= read -r p; do
	fetch /search -G --data-urlencode "q=$p"
	fetch /search -G --data-urlencode "q=alert $p"
	fetch /reports -G --data-urlencode "page=$p"
	fetch /report/1 -G --data-urlencode "s=$p" --data-urlencode "e=$p" --data-urlencode "msg=$p"
	req -G --data-urlencode "next=$p" "$URL/login"; check_page "/login?next="
	enc=$(python3 -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=''))" "$p")
	fetch "/report/$enc"
	fetch "/api/../report/$enc"
	fetch "/$enc"
done < payloads.txt
fetch /search -G --data-urlencode "q=alert"
contains "$BODY" "<mark>alert</mark>" "search finds the payload reports"

# form fields: the login name (shown again after a failure), a token label, the upload's source
while IFS= read -r p; do
	rm -f jar.a; req -b jar.a -c jar.a "$URL/login"; c=$(csrf_of)
	req -b jar.a --data-urlencode "csrf=$c" --data-urlencode "name=$p" -d password=wrong-password "$URL/login"
	check_page "login with a hostile name"
done < payloads.txt
c=$(csrf_for jar.editor)
while IFS= read -r p; do
	req -b jar.editor --data-urlencode "csrf=$c" --data-urlencode "label=$p" "$URL/account/tokens"
	expect 201 "token with a hostile label"
	check_page "new token page"
done < payloads.txt
fetch /account
contains "$BODY" "&lt;svg onload=alert(4)&gt;" "labels shown as text"
req -b jar.admin "$URL/admin/users"; check_page /admin/users
printf 'An uploaded report, fine.\n' > up.txt
req -b jar.editor -F "csrf=$c" -F "file=@up.txt;filename=\"<img src=x onerror=alert(17)>.txt\"" --form-string 'source=<script>alert(18)</script>' "$URL/upload"
expect 303 "upload with hostile fields"
fetch "$(header Location)"
contains "$BODY" "&lt;script&gt;alert(18)&lt;/script&gt;"
# records whose names, reasons and appeals are payloads, accepted, then every records page,
# the list filtered by payloads, the feeds and the exports
python3 - <<'EOF' > rec.json
import json
p = [l.rstrip('\n') for l in open('payloads.txt')]
q = "A report about the camp, number 1, with the line above as its first line."
ev = [{"quote": q}]
print(json.dumps({"events": [
  {"kind": "shelling", "status": "occurred", "date": {"start": "2021-05-01"}, "place": {"name": p[i]},
   "perpetrators": [{"name": p[(i + 1) % len(p)]}], "targets": [{"name": p[(i + 2) % len(p)]}],
   "killed": {"min": 1, "max": 2}, "evidence": ev} for i in range(len(p))] + [
  {"kind": "raid", "status": "threatened", "date": {"start": "2021-06-01"}, "place": {"name": p[1]},
   "perpetrators": [{"name": p[0]}], "evidence": ev}],
 "appeals": [{"date": "2021-05-02", "by": [{"name": p[2]}], "to": [{"name": p[3]}], "demand": p[4], "evidence": ev}]}))
EOF
run 0 "$VIGIL" propose 1 rec.json
for id in $(sqlite3 "$VIGIL_DB" "SELECT id FROM proposal WHERE state='pending' AND json LIKE '%number 1, with%'"); do
	"$VIGIL" accept "$id" >/dev/null 2>&1 || die "accept $id"
done
inc=$(sqlite3 "$VIGIL_DB" "SELECT min(id) FROM incident")
[ -n "$inc" ] || die "no incident from the hostile records"
run 0 "$VIGIL" edit "$inc" killed=3 --reason "$(sed -n 1p payloads.txt)"
for x in / /incidents "/incidents?page=2" /threats /timeline "/places?all=1" "/actors?all=1" /appeals /population \
         /review "/search?q=alert"; do
	fetch "$x"
done
for id in $(sqlite3 "$VIGIL_DB" "SELECT id FROM incident"); do fetch /incident/$id; done
for id in $(sqlite3 "$VIGIL_DB" "SELECT id FROM appeal"); do fetch /appeal/$id; done
req -b jar.editor "$URL/incident/$inc"
contains "$BODY" "— &lt;script&gt;alert(1)&lt;/script&gt;" "a hostile reason shown as text in the history"
req -b jar.editor "$URL/incidents"
contains "$BODY" "&lt;svg onload=alert(4)&gt;" "hostile place names listed as text"
req -b jar.editor "$URL/appeals"
contains "$BODY" "&lt;svg onload=alert(4)&gt;" "a hostile addressee listed as text"
while IFS= read -r p; do
	fetch /incidents -G --data-urlencode "place=$p" --data-urlencode "actor=$p" --data-urlencode "since=$p"
	fetch /incidents -G --data-urlencode "place=$p" --data-urlencode "actor=$p" --data-urlencode "kind=shelling"
	fetch /threats -G --data-urlencode "state=$p"
	fetch /timeline -G --data-urlencode "year=$p"
	fetch /population -G --data-urlencode "place=$p"
	req -b jar.editor -G --data-urlencode "place=$p" "$URL/export.csv"
	[ "$STATUS" -lt 500 ] || die "export with a hostile place: $STATUS"
done < payloads.txt
for f in incidents threats; do
	req -b jar.editor "$URL/feed/$f.atom"
	python3 - <<'EOF' || die "$f feed"
import xml.etree.ElementTree as E
f = E.parse('body.txt').getroot()   # well-formed: every payload escaped
names = {e.tag.split('}')[-1] for e in f.iter()}
assert not names & {'script', 'svg', 'img', 'iframe', 'meta', 'body', 'a', 'math'}, names
EOF
done
ok "the feeds are well-formed Atom with the payloads as text"
for f in csv json geojson; do
	req -b jar.editor "$URL/export.$f"
	contains "$(header Content-Disposition)" "attachment; filename=" "export.$f is a download"
	lacks "$(header Content-Type)" "html" "export.$f is not HTML"
done
python3 check_html.py || die "live markup in pages"
ok "$PAGES pages checked: no live markup from any payload"

# --- SQL injection: every parameter, nothing changes, nothing leaks
digest() {
	sqlite3 "$VIGIL_DB" "SELECT id, sha256, title, source FROM report ORDER BY id;
		SELECT id, report_id, json, state FROM proposal ORDER BY id;
		SELECT id, name, role, pwhash, disabled FROM account ORDER BY id;
		SELECT id, token_hash FROM api_token ORDER BY id;
		SELECT count(*) FROM original;" | sha256sum
}
before=$(digest)
cat > sqli.txt <<'EOF'
' OR '1'='1
1' OR 1=1 --
1; DROP TABLE report; --
"; DELETE FROM account; --
1 UNION SELECT pwhash, pwhash, pwhash, pwhash, pwhash FROM account --
') OR ('a'='a
%' OR title LIKE '%
* OR 1
report_fts MATCH '*'
NEAR(camp report) OR "
1e9999
-1
0x7fffffffffffffff
EOF
: > all.txt
leak() {
	cat body.txt >> all.txt
	[ "$STATUS" -lt 500 ] || die "$1: $STATUS :: $(head -c 300 body.txt)"
}
while IFS= read -r s; do
	enc=$(python3 -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=''))" "$s")
	for p in "/search?q=$enc" "/api/search?q=$enc&page=$enc" "/reports?page=$enc" "/api/reports?page=$enc" \
	         "/report/$enc" "/api/report/$enc" "/report/1?s=$enc&e=$enc" "/report/$enc/original" \
	         "/login?next=$enc" "/?msg=$enc"; do
		req -b jar.admin "$URL$p"; leak "$p"
	done
	rm -f jar.s; req -b jar.s -c jar.s "$URL/login"; cl=$(csrf_of)
	req -b jar.s -c jar.s --data-urlencode "csrf=$cl" --data-urlencode "name=$s" --data-urlencode "password=$s" "$URL/login"
	[ "$STATUS" = 401 ] || [ "$STATUS" = 429 ] || die "login with '$s': $STATUS"
	leak login
	req -b jar.s -c jar.s --data-urlencode "csrf=$cl" -d name=admin --data-urlencode "password=$s" "$URL/login"
	[ "$STATUS" = 401 ] || [ "$STATUS" = 429 ] || die "admin login with password '$s': $STATUS"
	ca=$(csrf_for jar.admin)
	req -b jar.admin --data-urlencode "csrf=$ca" --data-urlencode "name=$s" --data-urlencode "role=$s" --data-urlencode "password=$s" "$URL/admin/users"
	[ "$STATUS" = 400 ] || die "add account '$s': $STATUS"
	leak "add account"
	req -b jar.admin --data-urlencode "csrf=$ca" --data-urlencode "action=$s" --data-urlencode "role=$s" "$URL/admin/user/1"
	[ "$STATUS" = 400 ] || die "change account with '$s': $STATUS"
	req -b jar.admin --data-urlencode "csrf=$ca" "$URL/admin/user/$enc"
	leak "change account $s"
	req -b jar.admin --data-urlencode "csrf=$ca" "$URL/account/token/$enc/revoke"
	leak "revoke $s"
	req -H "Authorization: Bearer $s" "$URL/api/reports"
	expect 401 "token '$s'"
done < sqli.txt
equals "$(digest)" "$before" "the database is unchanged"
lacks "$(cat all.txt)" '$argon2id$' "no password hash leaked"
lacks "$(cat all.txt)" "token_hash" "no token hash leaked"
lacks "$(tr 'A-Z' 'a-z' < all.txt)" "sqlite" "no database messages leaked"
lacks "$(cat all.txt)" "syntax error"
