# weblib.sh — helpers for the web end-to-end scripts (sourced after lib.sh): start the real
# server on a free port, sign in with curl, fetch pages keeping status, headers and body.
command -v curl >/dev/null 2>&1 || skip "skipped: no curl"

SERVERS=""
# start_server NAME [serve args] — starts `vigil serve` on 127.0.0.1:0; sets URL_NAME... and
# URL to its address (no trailing slash). Its stdout/stderr go to NAME.out / NAME.err.
start_server() {
	name=$1; shift
	"$VIGIL" serve --listen 127.0.0.1:0 "$@" >"$name.out" 2>"$name.err" &
	pid=$!
	SERVERS="$SERVERS $pid"
	i=0
	while [ $i -lt 100 ] && ! grep -q 'listening on' "$name.out" 2>/dev/null; do
		kill -0 $pid 2>/dev/null || die "server $name exited: $(cat "$name.err")"
		sleep 0.05; i=$((i + 1))
	done
	URL=$(sed -n '1s|^vigil: listening on \(http://[^/]*\)/$|\1|p' "$name.out")
	[ -n "$URL" ] || die "server $name printed no address: $(cat "$name.out" "$name.err")"
	eval "PID_$name=$pid"
	ok "server $name at $URL"
}
stop_servers() { for p in $SERVERS; do kill "$p" 2>/dev/null; done; }
trap stop_servers EXIT

# req [curl args] URLPATH — one request; sets STATUS, keeps the body in body.txt ($BODY)
# and the headers in head.txt ($HEAD).
req() {
	STATUS=$(curl -s -o body.txt -D head.txt -w '%{http_code}' "$@") || STATUS=000
	BODY=$(cat body.txt); HEAD=$(cat head.txt)
}
# get PATH [JAR] — GET with the cookies of JAR (or none).
get() {
	if [ -n "${2:-}" ]; then req -b "$2" -c "$2" "$URL$1"; else req "$URL$1"; fi
}
# expect STATUS what
expect() { [ "$STATUS" = "$1" ] && ok "${2:-status} $1" || die "${2:-request}: status $STATUS, wanted $1 :: $(head -c 300 body.txt)"; }
# header NAME — the value of a response header of the last request.
header() { tr -d '\r' < head.txt | sed -n "s/^$1: //Ip" | head -n 1; }
# csrf_of — the CSRF token of the forms in the last body.
csrf_of() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' body.txt | head -n 1; }

# login NAME PASSWORD JAR — signs in; the session cookie ends up in JAR.
login() {
	rm -f "$3"
	req -b "$3" -c "$3" "$URL/login"
	[ "$STATUS" = 200 ] || die "login page: $STATUS"
	c=$(csrf_of)
	req -b "$3" -c "$3" --data-urlencode "csrf=$c" --data-urlencode "name=$1" --data-urlencode "password=$2" "$URL/login"
	[ "$STATUS" = 303 ] || die "login $1: status $STATUS :: $(head -c 300 body.txt)"
	grep -q vigil_session "$3" || die "login $1: no session cookie"
}
# csrf_for JAR — the CSRF token of the session in JAR (from /account).
csrf_for() { req -b "$1" "$URL/account" >/dev/null; csrf_of; }

# json_ok — the last body parses as JSON.
json_body() { python3 -c "import json,sys; j=json.load(open('body.txt')); sys.exit(0 if ($1) else 1)" || die "json: $1 :: $(head -c 300 body.txt)"; ok "json: $1"; }
