# fetch.sh — vigil add URL: a page fetched over HTTP from a local server is stored
# byte-exact with the address as its source and the capture (address asked, address
# answered after redirects, status, content type, Last-Modified, ETag, time) in the
# ledger; a flaky server is retried; 404, refused connections, other schemes and a
# too-short --timeout are clear errors that store nothing; verify still passes.
. "$TESTS/lib.sh"
. "$TESTS/weblib.sh"
command -v python3 >/dev/null || skip "python3 is missing"

mkdir -p www/news
cat > www/news/harbour.html <<'EOF'
<!doctype html><html><head><title>Shelling near the harbour of Port Ilen</title></head>
<body><article><h1>Shelling near the harbour of Port Ilen</h1>
<p>Port Ilen, 4 May 2022 - Three shells struck the fish market beside the harbour on
Tuesday morning, wounding five traders, according to the harbour clinic.</p>
<p>The market had reopened a week earlier after the blockade of the coastal road was eased.</p>
</article></body></html>
EOF
cat > server.py <<'EOF'
# a small HTTP server for the test: files under www/, a redirect, a server that fails
# once before answering, a page that answers too slowly; prints its port
import http.server, os, sys, time
hits = {}
class H(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k): super().__init__(*a, directory="www", **k)
    def log_message(self, *a): pass
    def end_headers(self):
        if self.path.startswith("/news/harbour"):
            self.send_header("ETag", '"harbour-v1"')
        super().end_headers()
    def do_GET(self):
        hits[self.path] = hits.get(self.path, 0) + 1
        if self.path == "/moved":
            self.send_response(302); self.send_header("Location", "/news/harbour.html"); self.end_headers()
        elif self.path == "/flaky" and hits[self.path] == 1:
            self.send_response(503); self.send_header("Retry-After", "0"); self.end_headers()
        elif self.path == "/flaky":
            body = b"Port Ilen, 6 May 2022\n\nThe clinic beside the harbour reopened today.\n"
            self.send_response(200); self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
        elif self.path == "/slow":
            time.sleep(3); self.send_response(200); self.end_headers()
        else:
            super().do_GET()
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
EOF
python3 server.py > port.txt 2>server.err &
spid=$!
SERVERS="$SERVERS $spid" # stopped with the vigil servers
i=0 # Python may take seconds to start on a loaded machine (or under make asan)
while [ ! -s port.txt ] && [ $i -lt 600 ] && kill -0 $spid 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
port=$(cat port.txt)
[ -n "$port" ] || die "the test server did not start: $(cat server.err)"
base="http://127.0.0.1:$port"

run 0 "$VIGIL" init
run 0 "$VIGIL" add --by tester "$base/news/harbour.html"
contains "$OUT" "added 1, already had 0, failed 0"
run 0 "$VIGIL" report 1 --original
cmp -s out.txt www/news/harbour.html && ok "original byte-exact" || die "the stored original differs"
run 0 "$VIGIL" report 1 --json
json "j['source'] == '$base/news/harbour.html' and j['filename'] == 'harbour.html'"
json "j['media_type'] == 'text/html' and j['title'].startswith('Shelling near the harbour')"
json "j['capture']['url'] == j['capture']['final_url'] == '$base/news/harbour.html'"
json "j['capture']['status'] == 200 and j['capture']['content_type'] == 'text/html'"
json "j['capture']['etag'] == '\"harbour-v1\"' and j['capture']['last_modified'].endswith('GMT')"
json "j['capture']['fetched_at'] == j['received']"
run 0 "$VIGIL" report 1
contains "$OUT" "fetched    $base/news/harbour.html at "
contains "$OUT" "HTTP 200, text/html"
# the capture is in the ledger entry of the report, so verify covers it
run 0 "$VIGIL" ledger --json
json "j[0]['action'] == 'report.add' and json.loads(j[0]['payload'])['capture']['etag'] == '\"harbour-v1\"'"
run 0 "$VIGIL" verify

# the same page again (through a redirect): recognised, not stored twice
run 0 "$VIGIL" add "$base/moved"
contains "$OUT" "added 0, already had 1, failed 0"

# a redirect to a new page: the answering address is recorded; --source wins over the URL
printf 'Port Ilen, 5 May 2022\n\nFishermen stayed ashore after the shelling.\n' > www/news/ashore.txt
run 0 "$VIGIL" add --source "press office of Port Ilen" "$base/news/ashore.txt"
run 0 "$VIGIL" report 2 --json
json "j['source'] == 'press office of Port Ilen' and j['capture']['url'] == '$base/news/ashore.txt'"
json "j['filename'] == 'ashore.txt' and j['media_type'] == 'text/plain'"
# a report added from a file has no capture
printf 'Port Ilen, 7 May 2022\n\nA note written on the spot.\n' > note.txt
run 0 "$VIGIL" add note.txt
run 0 "$VIGIL" report 3 --json
json "j['capture'] is None"

# a server failing once (503, Retry-After: 0) is tried again
run 0 "$VIGIL" add --retries 1 "$base/flaky"
contains "$OUT" "added 1"
run 0 "$VIGIL" report 4 --json
json "j['filename'] == 'flaky.txt' and j['media_type'] == 'text/plain'"

# the web interface shows the capture; the editors' form fetches public addresses only
run 0 sh -c "echo 'pass-editor-123' | \"$VIGIL\" user add ed --role editor"
start_server web --public
get /report/1
expect 200 "report page"
contains "$BODY" "<th>Fetched</th>" "capture row"
contains "$BODY" "HTTP 200, text/html" "capture status"
get /api/report/1
json_body "j['report']['capture']['etag'] == '\"harbour-v1\"'"
get /api/report/3
json_body "j['report']['capture'] is None"
login ed pass-editor-123 jar.ed
get /upload jar.ed
contains "$BODY" 'name="url"' "address field"
c=$(csrf_of)
req -b jar.ed -F "csrf=$c" -F "url=$base/news/ashore.txt" "$URL/upload"
expect 422 "fetch of a loopback address from the server"
contains "$BODY" "not on the public internet"
req -b jar.ed -F "csrf=$c" -F "url=http://localhost:$port/moved" "$URL/upload"
expect 422 "a name for a loopback address"
req -b jar.ed -F "csrf=$c" -F "url=ftp://example.org/x.txt" "$URL/upload"
expect 400 "another scheme"
req -b jar.ed -F "csrf=$c" -F "url=$base/x" -F "file=@note.txt" "$URL/upload"
expect 400 "a file and an address"
req -b jar.ed -F "csrf=$c" "$URL/upload"
expect 400 "neither a file nor an address"
req -b jar.ed -F "url=https://example.org/x" "$URL/upload"
expect 403 "fetch without CSRF"

# errors: store nothing, say why, exit 1; the other arguments still go in
printf 'Port Ilen, 8 May 2022\n\nA second note.\n' > note2.txt
run 1 "$VIGIL" add --retries 0 "$base/missing.html" note2.txt
contains "$ERR" "missing.html: the server answered HTTP 404"
contains "$OUT" "added 1, already had 0, failed 1"
run 1 "$VIGIL" add --retries 0 "http://127.0.0.1:1/nothing-listens"
contains "$ERR" "127.0.0.1:1/nothing-listens: "
run 1 "$VIGIL" add --retries 0 --timeout 1 "$base/slow"
contains "$ERR" "slow: "
run 1 "$VIGIL" add "ftp://127.0.0.1/report.txt"
contains "$ERR" "only http:// and https:// addresses are fetched"
run 1 "$VIGIL" add --timeout 0 "$base/news/harbour.html"
contains "$ERR" "--timeout 0"
run 1 "$VIGIL" add --retries many "$base/news/harbour.html"
contains "$ERR" "--retries many"
run 0 "$VIGIL" reports --json
json "len(j) == 5"
run 0 "$VIGIL" verify
