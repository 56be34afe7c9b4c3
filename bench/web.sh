#!/bin/sh
# web.sh — `vigil serve` under load: a database of WEB_INCIDENTS (100,000) incidents with
# three claims each and WEB_REPORTS (50,000) reports (bench/webgen.py, invented text; kept
# in build/bench-web/ between runs), the server with --public, and wrk with 200
# connections for WEB_SECONDS (10) against /incidents, /incident/N (one N, then N random),
# /api/incidents and /search?q= (a few queries in turn), /api/incidents and random
# /incident/N as browsers ask for them (Accept-Encoding: gzip), then /incident/N and random
# pages of /incidents again with the response cache off (--cache-mb 0: what making a page costs). Prints
# requests/s, p50, p99, errors, the server's CPU milliseconds per request (from /proc:
# what a page costs, whatever else runs) and its peak RSS (GNU time). Goals: p99 < 10 ms,
# no errors, RSS < 64 MB. wrk and the server share the machine's cores, so requests/s and
# latencies are for the whole machine.
: "${VIGIL:?set VIGIL to the binary}"
NINC=${WEB_INCIDENTS:-100000}
NREP=${WEB_REPORTS:-50000}
SECS=${WEB_SECONDS:-10}
CONNS=${WEB_CONNECTIONS:-200}
here=$(cd "$(dirname "$0")" && pwd)
for tool in wrk python3 curl; do
	command -v $tool >/dev/null 2>&1 || { echo "web: $tool is missing (./deps.sh installs it)"; exit 1; }
done
[ -x /usr/bin/time ] || { echo "web: /usr/bin/time is missing (package time)"; exit 1; }

cache="$here/../build/bench-web"
mkdir -p "$cache"
stamp="$(sha256sum "$here/webgen.py" | cut -c1-16) $NREP $NINC"
if [ "$(cat "$cache/stamp" 2>/dev/null)" != "$stamp" ] || [ ! -f "$cache/web.db" ]; then
	rm -f "$cache"/web.db*
	echo "web: generating $NINC incidents and $NREP reports (once; kept in build/bench-web)"
	"$VIGIL" -d "$cache/web.db" init >/dev/null || exit 1
	python3 "$here/webgen.py" "$cache/web.db" "$NREP" "$NINC" || exit 1
	echo "$stamp" > "$cache/stamp"
fi
"$VIGIL" -d "$cache/web.db" init >/dev/null || exit 1 # the binary's newer migrations, if any
# the database file read once into the page cache: the first run measured the disk, not the
# server (404 and 129 requests/s with time-outs on /incident/N after other work had evicted it)
cat "$cache/web.db" > /dev/null

dir=$(mktemp -d "${TMPDIR:-/tmp}/vigil-bench-web.XXXXXX")
cleanup() { [ -n "${vpid:-}" ] && kill "$vpid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT INT TERM
# start CACHE_MB — the server (under GNU time, for its peak RSS) with that response cache;
# sets url, vpid and tpid.
start() {
	rm -f "$dir/out.txt"
	/usr/bin/time -v -o "$dir/time.txt" "$VIGIL" -d "$cache/web.db" serve --public --listen 127.0.0.1:0 \
		--cache-mb "$1" --access-log "$dir/access.log" >"$dir/out.txt" 2>"$dir/err.txt" &
	tpid=$!
	i=0
	while ! grep -q 'listening on' "$dir/out.txt" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	url=$(sed -n 's|^vigil: listening on \(http://[^/]*\)/$|\1|p' "$dir/out.txt")
	vpid=$(pgrep -P $tpid | head -n 1)
	[ -n "$url" ] && [ -n "$vpid" ] || { echo "web: the server did not start: $(cat "$dir/err.txt")"; exit 1; }
}
# stop — SIGTERM, then the peak RSS GNU time saw.
stop() {
	kill -TERM "$vpid"
	wait $tpid 2>/dev/null
	vpid=""
	peak=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$dir/time.txt")
}
start 16
cat > "$dir/incident.lua" <<EOF
-- a random incident each time; each wrk thread draws its own numbers (unseeded, both
-- would ask for the same incidents and the second would find them in the cache)
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
function init(args) math.randomseed(os.time() * 100 + id) end
request = function() return wrk.format("GET", "/incident/" .. math.random(1, $NINC)) end
EOF
cat > "$dir/pages.lua" <<EOF
-- a random page of the incident list
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
function init(args) math.randomseed(os.time() * 100 + id) end
request = function() return wrk.format("GET", "/incidents?page=" .. math.random(1, 200)) end
EOF
cat > "$dir/search.lua" <<'EOF'
-- searches people make, in turn: a place, a word, a phrase, two words
local qs = {"tamar", "shelled", "%22water+station%22", "gunmen+clinic", "hallan+ambulances", "blockade", "serrin+killed"}
local n = 0
request = function() n = n + 1; return wrk.format("GET", "/search?q=" .. qs[n % #qs + 1]) end
EOF
# warm up: each worker thread opens its connection and reads the indexes
for p in /incidents /api/incidents /incident/1 "/search?q=tamar"; do
	for k in 1 2 3 4 5 6 7 8; do curl -s -o /dev/null "$url$p"; done
done

# run NAME PATH [SCRIPT [HEADER]] — wrk against one path; one line of figures.
# cpu — the server's user + system clock ticks so far (/proc/PID/stat fields 14 and 15).
cpu() { sed 's/^.*) //' /proc/$vpid/stat | awk '{print $12 + $13}'; }
run() {
	cpu0=$(cpu)
	set -- "$1" "$2" "${3:-}" "${4:-X-Bench: 1}"
	if [ -n "$3" ]; then
		wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -H "$4" -s "$3" "$url$2" >"$dir/wrk.txt" 2>&1
	else
		wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -H "$4" "$url$2" >"$dir/wrk.txt" 2>&1
	fi
	rss=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' /proc/$vpid/status)
	ticks=$(($(cpu) - cpu0))
	python3 - "$1" "$dir/wrk.txt" "$rss" "$ticks" "$(getconf CLK_TCK)" <<'PY'
import re, sys
name, f, rss = sys.argv[1], sys.argv[2], int(sys.argv[3] or 0)
cpu_s = int(sys.argv[4] or 0) / int(sys.argv[5] or 100)
t = open(f).read()
def ms(s):
    v, u = re.match(r"([\d.]+)(us|ms|s)", s).groups()
    return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[u]
try:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    p50 = ms(re.search(r"\s50%\s+(\S+)", t).group(1))
    p99 = ms(re.search(r"\s99%\s+(\S+)", t).group(1))
except AttributeError:
    print(f"web {name}: wrk gave no figures: {t.strip()[:300]}")
    sys.exit(0)
errs = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", t))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
errs += int(non2xx.group(1)) if non2xx else 0
total = re.search(r"(\d+) requests in", t).group(1)
# the server's CPU time per request: what a page costs, whatever else the machine runs
per = cpu_s * 1000 / max(int(total), 1)
print(f"web {name}: {rps:.0f} requests/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms, "
      f"{errs} errors of {total} requests, server CPU {per:.3f} ms/request, RSS {rss / 1024:.1f} MB")
PY
}
echo "web: $NINC incidents, $NREP reports, $(du -m "$cache/web.db" | cut -f1) MB database; wrk -t2 -c$CONNS -d${SECS}s each"
run "/incidents" /incidents
# one incident asked again and again, as the issue's "wrk against /incident/N" reads: a
# page from the cache; then N random of NINC, mostly pages never made before
run "/incident/$((NINC / 2)) (one id)" "/incident/$((NINC / 2))"
run "/incident/N (random N)" /incident/1 "$dir/incident.lua"
run "/api/incidents" /api/incidents
# as browsers ask (Accept-Encoding: gzip): cached pages compressed once, random ones each time
run "/api/incidents (gzip)" /api/incidents "" "Accept-Encoding: gzip"
run "/incident/N (random N, gzip)" /incident/1 "$dir/incident.lua" "Accept-Encoding: gzip"
run "/search?q=" "/search?q=tamar" "$dir/search.lua"
stop
lines=$(wc -l < "$dir/access.log")
echo "web: server peak RSS $((peak / 1024)) MB (GNU time); $lines requests in the access log"
# The same pages without the response cache: what making a page costs.
start 0
for k in 1 2 3 4 5 6 7 8; do curl -s -o /dev/null "$url/incident/$k"; done
run "/incident/N uncached" /incident/1 "$dir/incident.lua"
run "/incidents?page=N uncached" /incidents "$dir/pages.lua"
stop
echo "web: without the cache, server peak RSS $((peak / 1024)) MB (GNU time)"
