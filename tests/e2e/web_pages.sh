# web_pages.sh — the pages of the incident list against the database itself: every page of
# the plain list (newest first, undated last, merged incidents left out), the deep ones
# too, must give exactly the incidents SQLite orders so — before and after another process
# changes the database, and after the server itself does. (The server starts a deep page
# from keys it keeps for one state of the database; a stale key would shift the pages.)
. "$TESTS/lib.sh"
. "$TESTS/weblib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip "skipped: no sqlite3"
command -v python3 >/dev/null 2>&1 || skip "skipped: no python3"

export VIGIL_DB="$PWD/pages.db"
run 0 "$VIGIL" init
python3 "$TESTS/../bench/webgen.py" "$VIGIL_DB" 60 1200 >/dev/null || die "webgen.py failed"
# undated incidents (listed last), merged ones (not listed), and many on one day (one key
# of the deep pages falls among them)
sqlite3 "$VIGIL_DB" "UPDATE incident SET day_first=NULL WHERE id%7=3;
                     UPDATE incident SET merged_into=id-1 WHERE id%11=5;
                     UPDATE incident SET day_first='2015-06-01' WHERE id%13=1" || die "sqlite3 update"
run 0 sh -c "echo 'pass-editor-123' | \"$VIGIL\" user add editor --role editor"
start_server pages --public --cache-mb 0

# pages_match WHAT — every page of /api/incidents, one after another, lists what SQLite
# lists, and the page after the last is empty.
pages_match() {
	sqlite3 "$VIGIL_DB" "SELECT id FROM incident WHERE merged_into IS NULL
	                     ORDER BY day_first IS NULL, day_first DESC, id DESC" > want.txt
	n=$(wc -l < want.txt)
	python3 - "$URL" "$n" > got.txt <<'PY' || die "$1: a page failed"
import json, sys, urllib.request
url, n = sys.argv[1], int(sys.argv[2])
for p in range(1, n // 50 + 3):
    with urllib.request.urlopen(f"{url}/api/incidents?page={p}") as r:
        for i in json.load(r)["incidents"]:
            print(i["id"])
PY
	last=$((n / 50 + 2))
	cmp -s want.txt got.txt || die "$1: the pages differ from the database: $(diff want.txt got.txt | head -n 6)"
	ok "$1: $last pages list the $n incidents in order"
}

pages_match "as generated"
# a deep page asked for first, and the HTML list agrees with its twin
req "$URL/incidents?page=17"
expect 200 "deep HTML page"
want17=$(sed -n "$((16 * 50 + 1))p" want.txt)
contains "$BODY" "href=\"/incident/$want17\"" "page 17 starts with the 801st incident"

# another process moves a deep incident to the top and takes another out of the list
deep=$(sed -n 1000p want.txt)
gone=$(sed -n 700p want.txt)
sqlite3 "$VIGIL_DB" "UPDATE incident SET day_first='2031-01-01' WHERE id=$deep;
                     UPDATE incident SET merged_into=1 WHERE id=$gone" || die "sqlite3 update"
pages_match "after another process wrote"

# the server itself merges a deep incident into another, on the connection (so the worker
# thread, with its own database connection) that has just read every page: its own write
# must move its pages on as much as another's
into=$(sed -n 3p want.txt)
other=$(sed -n 900p want.txt)
python3 - "$URL" "$into" "$other" > got.txt <<'PY' || die "the merge through the server failed"
import http.client, json, re, sys, urllib.parse
url, into, other = sys.argv[1], sys.argv[2], sys.argv[3]
c = http.client.HTTPConnection(urllib.parse.urlsplit(url).netloc)
cookies = {}
def req(method, path, form=None):
    h = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        h["Content-Type"] = "application/x-www-form-urlencoded"
    c.request(method, path, body, h)
    r = c.getresponse()
    for k, v in r.getheaders():
        if k.lower() == "set-cookie":
            name, _, rest = v.partition("=")
            cookies[name] = rest.split(";")[0]
    return r.status, r.read().decode()
def pages():
    ids, p = [], 1
    while True:
        st, b = req("GET", f"/api/incidents?page={p}")
        assert st == 200, (p, st)
        got = [i["id"] for i in json.loads(b)["incidents"]]
        if not got:
            return ids
        ids += got
        p += 1
pages()
st, b = req("GET", "/login")
csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', b).group(1)
st, b = req("POST", "/login", {"csrf": csrf, "name": "editor", "password": "pass-editor-123"})
assert st == 303, ("login", st)
st, b = req("GET", "/account")
csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', b).group(1)
st, b = req("POST", f"/incident/{into}/merge", {"csrf": csrf, "other": other})
assert st == 303, ("merge", st, b[:300])
print("\n".join(str(i) for i in pages()))
PY
equals "$(sqlite3 "$VIGIL_DB" "SELECT merged_into FROM incident WHERE id=$other")" "$into" "the merge through the server is stored"
sqlite3 "$VIGIL_DB" "SELECT id FROM incident WHERE merged_into IS NULL
                     ORDER BY day_first IS NULL, day_first DESC, id DESC" > want.txt
cmp -s want.txt got.txt || die "after the server wrote, on the same connection: $(diff want.txt got.txt | head -n 6)"
ok "after the server wrote: the same connection's pages list the $(wc -l < want.txt) incidents in order"
pages_match "after the server wrote, on new connections"
