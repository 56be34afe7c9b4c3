# web.sh — `vigil serve` end to end with curl on a free port and a real database: every
# page and its JSON twin, the original byte-exact, search, upload, accounts and sessions,
# API tokens, --public, rate-limited logins, a clean stop on SIGTERM.
. "$TESTS/lib.sh"
. "$TESTS/weblib.sh"

# Reports of our own (invented), one with a proposal whose evidence is highlighted.
mkdir in
printf 'Camp Nadir, 3 March 2021\n\nEarly on Tuesday shells struck the vegetable market of Camp Nadir. Four residents were killed and eleven wounded, the camp medical committee said.\n\nThe committee asked the provincial governor to open the road for ambulances.\n' > in/nadir.txt
printf '<html><head><title>Fuel convoy turned back at Hallan crossing</title></head><body><article><h1>Fuel convoy turned back at Hallan crossing</h1><p>For the ninth day, trucks carrying diesel for the generators of the Hallan clinic were stopped at the checkpoint and sent back.</p><p>Families in the western quarter have had no electricity since the first of the month.</p></article></body></html>' > in/hallan.html
run 0 "$VIGIL" add --source https://example.org/nadir --received 2021-03-04 --by tester in/nadir.txt
run 0 "$VIGIL" add --source https://example.org/hallan in/hallan.html

# a proposal read from report 1, its evidence the sentence about the market
"$VIGIL" report 1 --text > nadir.clean
python3 - <<'EOF' > prop.json || die "proposal fixture"
import json
t = open('nadir.clean', 'rb').read()
q = b'Early on Tuesday shells struck the vegetable market of Camp Nadir.'
s = t.index(q)
print(json.dumps({"kind": "shelling", "status": "occurred", "date": {"start": "2021-03-02"},
  "place": {"name": "Camp Nadir"}, "killed": {"min": 4, "max": 4}, "wounded": {"min": 11, "max": 11},
  "evidence": [{"start": s, "end": s + len(q), "quote": q.decode()}]}))
EOF
sqlite3 "$VIGIL_DB" "INSERT INTO proposal(report_id, type, json, created_at) VALUES(1, 'event', readfile('prop.json'), '2021-03-04T00:00:00Z')" || die "insert proposal"

for u in viewer editor admin; do
	run 0 sh -c "echo 'pass-$u-123' | \"$VIGIL\" user add $u --role $u"
done
run 1 sh -c "echo short | \"$VIGIL\" user add shorty"
contains "$ERR" "at least 8"
run 1 sh -c "echo 'long enough pw' | \"$VIGIL\" user add 'bad name'"
run 1 sh -c "echo 'long enough pw' | \"$VIGIL\" user add viewer"
run 0 "$VIGIL" user list --json
json "sorted(u['name'] for u in j) == ['admin', 'editor', 'viewer'] and all('pwhash' not in u for u in j)"
hash=$(sqlite3 "$VIGIL_DB" "SELECT pwhash FROM account WHERE name='viewer'")
case "$hash" in '$argon2id$'*) ok "password kept as an Argon2id hash" ;; *) die "hash is $hash" ;; esac

start_server main --access-log access.log

# --- anonymous, no --public: everything but the login page is closed
get /
expect 303 "anonymous /"
equals "$(header Location)" "/login?next=%2F" "redirect to login"
get /api/reports
expect 401 "anonymous API"
json_body "j['status'] == 401"
get /login jar.anon
expect 200 "login page"
c=$(csrf_of)
contains "$(header Set-Cookie)" "vigil_csrf=" "login form cookie"
contains "$(header Set-Cookie)" "HttpOnly; SameSite=Strict"
contains "$(header Content-Security-Policy)" "default-src 'none'"
contains "$(header Content-Security-Policy)" "style-src 'self'"
equals "$(header X-Content-Type-Options)" "nosniff"
get /static/vigil.css
expect 200 "stylesheet"
contains "$(header Content-Type)" "text/css"
contains "$BODY" "@media print" "print stylesheet"
etag=$(header ETag)
req -H "If-None-Match: $etag" "$URL/static/vigil.css"
expect 304 "stylesheet not modified"

# --- signing in
req -b jar.anon -c jar.anon --data-urlencode "csrf=$c" -d name=viewer -d password=wrong "$URL/login"
expect 401 "wrong password"
contains "$BODY" "Wrong name or password"
req -b jar.anon -c jar.anon -d name=viewer -d password=pass-viewer-123 "$URL/login"
expect 403 "login without CSRF token"
login viewer pass-viewer-123 jar.viewer
contains "$(header Set-Cookie)" "HttpOnly; SameSite=Strict" "session cookie flags"
login editor pass-editor-123 jar.editor
login admin pass-admin-123 jar.admin

# --- every page, with its content, and its JSON twin
get / jar.viewer
expect 200 overview
contains "$BODY" "<h1>Overview</h1>"
contains "$BODY" '<b>2</b> reports'
get /api/ jar.viewer
expect 200 "overview JSON"
json_body "j['counts']['reports'] == 2 and j['counts']['incidents'] == 0 and j['months'] == []"
get /reports jar.viewer
expect 200 reports
contains "$BODY" 'href="/report/2">Fuel convoy turned back at Hallan crossing</a>'
contains "$BODY" 'href="/api/reports">This page as JSON'
get /api/reports jar.viewer
json_body "j['total'] == 2 and [r['id'] for r in j['reports']] == [2, 1] and j['next'] is False"
get /report/1 jar.viewer
expect 200 "report 1"
sha=$(sha256sum in/nadir.txt | cut -d' ' -f1)
contains "$BODY" "$sha" "SHA-256 shown"
contains "$BODY" '<a href="https://example.org/nadir" rel="noopener noreferrer nofollow">' "source link"
contains "$BODY" '<mark id="p1">Early on Tuesday shells struck the vegetable market of Camp Nadir.</mark>' "evidence highlighted"
contains "$BODY" "shelling" "proposal listed"
get "/report/1?s=$(python3 -c "print(open('nadir.clean','rb').read().index(b'Early'))")&e=$(python3 -c "t=open('nadir.clean','rb').read(); print(t.index(b'Early')+len(b'Early on Tuesday shells struck the vegetable market of Camp Nadir.'))")" jar.viewer
contains "$BODY" '<mark class="focus" id="quote">Early on Tuesday' "quote in focus"
get /api/report/1 jar.viewer
json_body "j['report']['sha256'] == '$sha' and j['report']['source'] == 'https://example.org/nadir'"
json_body "j['text'].startswith('Camp Nadir') and j['spans'][0]['proposal'] == 1 and j['proposals'][0]['record']['kind'] == 'shelling'"
req -b jar.viewer -o orig.bin "$URL/report/2/original"
cmp -s body.txt in/hallan.html && ok "original byte-exact" || die "original differs"
contains "$(header Content-Disposition)" "attachment; filename=\"report-2-"
equals "$(header Content-Type)" "application/octet-stream"
get /report/1/text jar.viewer
expect 200 "text"
python3 -c "import sys; sys.exit(open('body.txt','rb').read().rstrip(b'\\n') != open('nadir.clean','rb').read().rstrip(b'\\n'))" && ok "cleaned text" || die "text differs"
get "/search?q=vegetable+market" jar.viewer
expect 200 search
contains "$BODY" "<mark>vegetable</mark> <mark>market</mark>" "search highlights"
contains "$BODY" 'href="/report/1"'
lacks "$BODY" 'href="/report/2"' "only the matching report"
get "/api/search?q=generators" jar.viewer
json_body "[r['id'] for r in j['reports']] == [2] and j['reports'][0]['marks']"
get "/api/search?q=%22western+quarter%22" jar.viewer
json_body "[r['id'] for r in j['reports']] == [2]"
get "/api/search?q=gener*" jar.viewer
json_body "[r['id'] for r in j['reports']] == [2]"
get "/api/search?q=camp+-ambulances" jar.viewer
json_body "j['reports'] == []"
get "/api/search?q=%22%22%22+AND+OR+NEAR(" jar.viewer
expect 200 "search with FTS syntax in it"
get /account jar.viewer
expect 200 account
contains "$BODY" "<h1>viewer <small>viewer</small></h1>"
get /api/account jar.viewer
json_body "j['name'] == 'viewer' and j['role'] == 'viewer' and j['tokens'] == []"

# --- unknown things
for p in /report/999 /api/report/999 /report/999/original /report/0 /report/abc /nosuchpage /api/nosuch /report/1/x /api/report/1/original; do
	get "$p" jar.viewer
	expect 404 "$p"
done
get /api/report/999 jar.viewer
json_body "j['status'] == 404 and 'error' in j"
req -b jar.viewer -X DELETE "$URL/report/1"
expect 405 "DELETE"

# --- roles: a viewer cannot add, an editor can
get /upload jar.viewer
expect 403 "viewer upload form"
get /upload jar.editor
expect 200 "editor upload form"
c=$(csrf_of)
printf 'Hallan, 9 April 2021\n\nA third report, about the water station of Hallan.\n' > in/water.txt
req -b jar.editor -F "csrf=$c" -F "file=@in/water.txt" -F "source=https://example.org/water" -F received=2021-04-10 "$URL/upload"
expect 303 "upload"
equals "$(header Location)" "/report/3?msg=added"
get "/report/3?msg=added" jar.editor
contains "$BODY" "The report was added." "flash message"
contains "$BODY" "editor" "added by the uploader"
req -b jar.editor -F "csrf=$c" -F "file=@in/water.txt" "$URL/upload"
equals "$(header Location)" "/report/3?msg=exists" "same bytes again"
req -b jar.editor -F "file=@in/water.txt" "$URL/upload"
expect 403 "upload without CSRF"
req -b jar.editor -F "csrf=$(csrf_for jar.viewer)" -F "file=@in/water.txt" "$URL/upload"
expect 403 "upload with another session's CSRF"
req -b jar.editor -H "Origin: http://evil.example" -F "csrf=$c" -F "file=@in/water.txt" "$URL/upload"
expect 403 "upload from another origin"
: > in/empty.txt
req -b jar.editor -F "csrf=$c" -F "file=@in/empty.txt" "$URL/upload"
expect 422 "empty upload"
contains "$BODY" "empty"
req -b jar.editor -F "csrf=$c" -F "file=@in/water.txt" -F received=yesterday "$URL/upload"
expect 400 "bad date"
req -b jar.viewer -F "csrf=$(csrf_for jar.viewer)" -F "file=@in/water.txt" "$URL/upload"
expect 403 "viewer upload"
run 0 "$VIGIL" reports --json
json "len(j) == 3"

# --- API tokens
run 0 "$VIGIL" user token editor --label script
tok=$OUT
req -H "Authorization: Bearer $tok" "$URL/api/reports"
expect 200 "token read"
json_body "j['total'] == 3"
printf 'A fourth report, sent by a script.\n' > in/script.txt
req -H "Authorization: Bearer $tok" -F "file=@in/script.txt" "$URL/api/upload"
expect 200 "token upload (no CSRF for tokens)"
json_body "j['id'] == 4 and j['added'] is True and j['location'] == '/report/4?msg=added'"
req -H "Authorization: Bearer vgl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" "$URL/api/reports"
expect 401 "bad token"
run 0 "$VIGIL" user token viewer
req -H "Authorization: Bearer $OUT" -F "file=@in/script.txt" "$URL/api/upload"
expect 403 "viewer token cannot add"
c=$(csrf_for jar.viewer)
req -b jar.viewer --data-urlencode "csrf=$c" -d label=laptop "$URL/account/tokens"
expect 201 "token from the account page"
newtok=$(sed -n 's/.*<code class="token">\(vgl_[A-Za-z0-9_-]*\)<.*/\1/p' body.txt)
[ -n "$newtok" ] && ok "token shown once" || die "no token on the page"
req -H "Authorization: Bearer $newtok" "$URL/api/account"
json_body "j['name'] == 'viewer' and len(j['tokens']) == 2"
tid=$(python3 -c "import json; print([t['id'] for t in json.load(open('body.txt'))['tokens'] if t['label'] == 'laptop'][0])")
req -b jar.editor --data-urlencode "csrf=$(csrf_for jar.editor)" "$URL/account/token/$tid/revoke"
expect 404 "cannot revoke another's token"
req -b jar.viewer --data-urlencode "csrf=$c" "$URL/account/token/$tid/revoke"
expect 303 "revoke own token"
req -H "Authorization: Bearer $newtok" "$URL/api/account"
expect 401 "revoked token refused"

# --- administration
get /admin/users jar.editor
expect 403 "editor admin page"
get /admin/users jar.admin
expect 200 "admin page"
contains "$BODY" "<td>viewer</td>"
ca=$(csrf_of)
req -b jar.admin --data-urlencode "csrf=$ca" -d name=newbie -d role=editor -d password=pass-newbie-123 "$URL/admin/users"
expect 303 "add account"
req -b jar.admin --data-urlencode "csrf=$ca" -d name=newbie -d role=editor -d password=pass-newbie-123 "$URL/admin/users"
expect 409 "account exists"
req -b jar.admin --data-urlencode "csrf=$ca" -d name='x<y' -d role=editor -d password=pass-newbie-123 "$URL/admin/users"
expect 400 "bad account name"
get /api/admin/users jar.admin
json_body "[u['role'] for u in j['users'] if u['name'] == 'newbie'] == ['editor']"
newbie=$(python3 -c "import json; print([u['id'] for u in json.load(open('body.txt'))['users'] if u['name'] == 'newbie'][0])")
admin=$(python3 -c "import json; print([u['id'] for u in json.load(open('body.txt'))['users'] if u['name'] == 'admin'][0])")
login newbie pass-newbie-123 jar.newbie
get /upload jar.newbie
expect 200 "new editor can add"
req -b jar.admin --data-urlencode "csrf=$ca" -d action=role -d role=viewer "$URL/admin/user/$newbie"
expect 303 "demote"
get /upload jar.newbie
expect 303 "demoted account's session ended"
login newbie pass-newbie-123 jar.newbie
get /upload jar.newbie
expect 403 "now a viewer"
req -b jar.admin --data-urlencode "csrf=$ca" -d action=disable "$URL/admin/user/$newbie"
expect 303 "disable"
get /reports jar.newbie
expect 303 "disabled account signed out"
rm -f jar.x; req -b jar.x -c jar.x "$URL/login"; c=$(csrf_of)
req -b jar.x -c jar.x --data-urlencode "csrf=$c" -d name=newbie -d password=pass-newbie-123 "$URL/login"
expect 401 "disabled account cannot sign in"
req -b jar.admin --data-urlencode "csrf=$ca" -d action=disable "$URL/admin/user/$admin"
expect 409 "cannot disable oneself"
req -b jar.admin --data-urlencode "csrf=$ca" -d action=role -d role=viewer "$URL/admin/user/$admin"
expect 409 "last admin stays admin"
req -b jar.admin --data-urlencode "csrf=$ca" -d action=password -d password=pass-viewer-456 "$URL/admin/user/$(sqlite3 "$VIGIL_DB" "SELECT id FROM account WHERE name='viewer'")"
expect 303 "admin sets a password"
get /reports jar.viewer
expect 303 "its sessions ended"
login viewer pass-viewer-456 jar.viewer

# --- own password, logout
c=$(csrf_for jar.editor)
req -b jar.editor --data-urlencode "csrf=$c" -d current=wrong -d password=pass-editor-456 -d again=pass-editor-456 "$URL/account/password"
expect 403 "wrong current password"
req -b jar.editor -c jar.editor --data-urlencode "csrf=$c" -d current=pass-editor-123 -d password=pass-editor-456 -d again=pass-editor-456 "$URL/account/password"
expect 303 "password changed"
get /account jar.editor
expect 200 "still signed in after changing the password"
cp jar.editor jar.stolen
c=$(csrf_of)
req -b jar.editor -c jar.editor --data-urlencode "csrf=$c" "$URL/logout"
expect 303 "logout"
get /reports jar.stolen
expect 303 "the old session cookie is dead"
get /logout jar.viewer
expect 405 "GET /logout does nothing"

# --- --public: anonymous reading only
start_server pub --public
get /
expect 200 "public overview"
get /api/reports
expect 200 "public API"
get /report/1
expect 200 "public report"
contains "$BODY" 'href="/login">Sign in'
lacks "$BODY" 'href="/upload"' "no editing links for the public"
get /upload
expect 303 "public upload form needs sign-in"
req -F "file=@in/script.txt" "$URL/upload"
expect 401 "anonymous POST"
get /admin/users
expect 303 "admin needs sign-in"
get /account
expect 303 "account needs sign-in"
# the response cache: a change made by another process shows at once
get /api/reports
json_body "j['total'] == 4"
get /reports
contains "$BODY" "<small>4 stored</small>"
printf 'A fifth report, added while the public server runs.\n' > in/fifth.txt
run 0 "$VIGIL" add in/fifth.txt
get /api/reports
json_body "j['total'] == 5"
get /reports
contains "$BODY" "<small>5 stored</small>" "cached page refreshed after another process wrote"
# compressed for clients that ask (bad networks): the same bytes once inflated, from the
# page maker and from the cache, and a feed (written to a file); as they are for the others
# and for gzip;q=0
for p in /reports /api/reports /reports /api/reports /feed/incidents.atom; do
	req "$URL$p"
	plain=$(md5sum < body.txt)
	[ -z "$(header Content-Encoding)" ] || die "$p: compressed without being asked"
	want=gzip; [ "$(wc -c < body.txt)" -ge 512 ] || want="" # below 512 bytes: as it is
	req --compressed "$URL$p"
	equals "$(header Content-Encoding)" "$want" "$p compressed for a client that asks (if 512 bytes or more)"
	[ -z "$want" ] || equals "$(header Vary)" "Accept-Encoding" "$p varies by Accept-Encoding"
	equals "$(md5sum < body.txt)" "$plain" "$p inflates to the same bytes"
done
req -H 'Accept-Encoding: gzip;q=0, identity' "$URL/reports"
equals "$(header Content-Encoding)" "" "gzip;q=0 refuses it"

# --- too many failed logins
rm -f jar.r; req -b jar.r -c jar.r "$URL/login"; c=$(csrf_of)
for i in 1 2 3 4 5; do
	req -b jar.r --data-urlencode "csrf=$c" -d name=admin -d password=nope$i "$URL/login"
	[ "$STATUS" = 401 ] || die "attempt $i: $STATUS"
done
ok "five failures answered 401"
req -b jar.r --data-urlencode "csrf=$c" -d name=admin -d password=pass-admin-123 "$URL/login"
expect 429 "sixth attempt, even right, waits"
[ -n "$(header Retry-After)" ] && ok "Retry-After given" || die "no Retry-After"

# --- the access log, and a clean stop
grep -q '"GET /reports" 200' access.log && ok "access log" || die "access log: $(tail -n 3 access.log)"
grep -q 'viewer "GET /reports"' access.log && ok "access log names the account" || die "no account in the log"
lacks "$(cat access.log)" "vegetable" "no query strings in the log"
kill -TERM $PID_main
i=0; while kill -0 $PID_main 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
kill -0 $PID_main 2>/dev/null && die "server still running after SIGTERM"
wait $PID_main; rc=$?
equals "$rc" 0 "exit status after SIGTERM"
contains "$(cat main.err)" "stopped (SIGTERM)"

# --- bad options
run 1 "$VIGIL" serve --listen nonsense
run 1 "$VIGIL" serve --listen 127.0.0.1:99999
run 1 "$VIGIL" serve --threads 0
