# web_authz.sh — the authorization matrix: every route of `vigil serve --routes` against
# every kind of visitor (anonymous, viewer, editor, admin; by session cookie and by API
# token), with and without --public, and every POST without its CSRF token.
#
# The table below is what each route must need. A route added to the server without a
# line here, or whose need changes, fails this test until the table says the same.
. "$TESTS/lib.sh"
. "$TESTS/weblib.sh"

cat > expected.txt <<'EOF'
GET / read json
GET /reports read json
GET /report/# read json
GET /report/#/original read -
GET /report/#/text read -
GET /search read json
GET /upload editor -
POST /upload editor json
GET /login anyone -
POST /login anyone -
POST /logout login -
GET /account login json
POST /account/password login -
POST /account/tokens login json
POST /account/token/#/revoke login json
GET /admin/users admin json
POST /admin/users admin json
POST /admin/user/# admin json
GET /incidents read json
GET /incident/# read json
POST /incident/#/edit editor json
POST /incident/#/merge editor json
GET /timeline read json
GET /threats read json
POST /threat/# editor json
GET /appeals read json
GET /appeal/# read json
POST /appeal/#/respond editor json
POST /appeal/#/link editor json
GET /population read json
GET /places read json
GET /actors read json
GET /feed/incidents.atom read -
GET /feed/threats.atom read -
GET /export.csv read -
GET /export.json read -
GET /export.geojson read -
GET /review editor json
POST /review/#/accept editor json
POST /review/#/reject editor json
GET /static/* anyone -
GET /favicon.ico anyone -
EOF
run 0 "$VIGIL" serve --routes
printf '%s\n' "$OUT" | sort > routes.txt
sort expected.txt > expected.sorted
if ! cmp -s routes.txt expected.sorted; then
	diff expected.sorted routes.txt
	die "the routing table and this test's table differ (lines: - this test, + the server)"
fi
ok "every route is in the matrix ($(wc -l < routes.txt) routes)"

printf 'Camp Nadir, 3 March 2021\n\nShells hit the market of Camp Nadir on 2 March. The committee asked the governor for help.\n' > r.txt
run 0 "$VIGIL" add --no-extract r.txt
cat > p.json <<'EOF'
{"events": [{"kind": "shelling", "status": "occurred", "date": {"start": "2021-03-02"}, "place": {"name": "Camp Nadir"},
  "evidence": [{"quote": "Shells hit the market of Camp Nadir on 2 March."}]},
  {"kind": "raid", "status": "threatened", "date": {"start": "2021-04-01"}, "place": {"name": "Camp Nadir"},
  "evidence": [{"quote": "Shells hit the market of Camp Nadir on 2 March."}]}],
 "appeals": [{"date": "2021-03-03", "by": [{"name": "Camp Nadir committee"}], "to": [{"name": "the governor"}],
  "demand": "help", "evidence": [{"quote": "The committee asked the governor for help."}]}]}
EOF
run 0 "$VIGIL" propose 1 p.json
run 0 "$VIGIL" accept 1 3
for u in viewer editor admin; do
	run 0 sh -c "echo 'pass-$u-123' | \"$VIGIL\" user add $u --role $u"
	"$VIGIL" user token $u > tok.$u 2>/dev/null || die "token for $u"
done

# rank of a role or need: anonymous 0, viewer 1, editor 2, admin 3
rank() { case $1 in anon|anyone) echo 0 ;; viewer|read|login) echo 1 ;; editor) echo 2 ;; admin) echo 3 ;; esac; }

# concrete path of a pattern: existing report 1; ids that do not exist elsewhere
concrete() {
	case $1 in
	/report/*|/incident/#|/appeal/#) echo "$1" | sed 's/#/1/' ;;
	/static/\*) echo /static/vigil.css ;;
	*) echo "$1" | sed 's/#/999999/' ;;
	esac
}

# may RANK NEED PUBLIC — 1 when a visitor of that rank may use a route of that need
may() {
	case $2 in
	anyone) echo 1 ;;
	read) [ "$1" -ge 1 ] || [ "$3" = 1 ] && echo 1 || echo 0 ;;
	*) [ "$1" -ge "$(rank "$2")" ] && echo 1 || echo 0 ;;
	esac
}

# check WHO HOW METHOD PATH NEED PUBLIC [api] — one request and what its status must be.
# HOW: cookie JAR, token TOKEN, or none.
check() {
	who=$1 how=$2 cred=$3 method=$4 path=$5 need=$6 public=$7 api=${8:-}
	r=$(rank "$who"); allowed=$(may "$r" "$need" "$public")
	url="$URL$api$path"
	set --
	case $how in
	cookie) set -- -b "$cred" ;;
	token) set -- -H "Authorization: Bearer $cred" ;;
	esac
	if [ "$method" = POST ]; then
		csrf=""
		[ "$how" = cookie ] && csrf=$(eval echo "\$CSRF_$who")
		req "$@" --data-urlencode "csrf=$csrf" -d x=1 "$url"
	else
		req "$@" "$url"
	fi
	what="$who/$how $method $api$path (needs $need${public:+, public=$public})"
	if [ "$allowed" = 1 ]; then
		case $STATUS in
		401|403) die "$what: refused with $STATUS" ;;
		303) case "$(header Location)" in /login*) die "$what: sent to sign in" ;; esac ;;
		5*) die "$what: $STATUS" ;;
		esac
		[ "$method" = GET ] && [ "$STATUS" != 200 ] && [ "$STATUS" != 303 ] && die "$what: $STATUS, wanted 200"
		[ -n "$api" ] && cp body.txt "json.$N" # all parsed at once below
	elif [ "$r" = 0 ] && [ "$method" = GET ] && [ -z "$api" ]; then
		[ "$STATUS" = 303 ] || die "$what: $STATUS, wanted 303 to sign in"
		case "$(header Location)" in /login\?next=*) ;; *) die "$what: redirected to $(header Location)" ;; esac
	elif [ "$r" = 0 ]; then
		[ "$STATUS" = 401 ] || die "$what: $STATUS, wanted 401"
	else
		[ "$STATUS" = 403 ] || die "$what: $STATUS, wanted 403"
	fi
	N=$((N + 1))
}

for public in 0 1; do
	if [ $public = 1 ]; then start_server pub --public; else start_server priv; fi
	for u in viewer editor admin; do
		login $u pass-$u-123 jar.$u
		eval "CSRF_$u=$(csrf_for jar.$u)"
	done
	rm -f jar.anon; req -b jar.anon -c jar.anon "$URL/login"; CSRF_anon=$(csrf_of) # the login form's token
	N=0
	while read -r method pattern need twin; do
		[ "$pattern" = /logout ] && continue # ends the session: checked below
		path=$(concrete "$pattern")
		check anon cookie jar.anon "$method" "$path" "$need" $public
		for u in viewer editor admin; do
			check $u cookie jar.$u "$method" "$path" "$need" $public
			check $u token "$(cat tok.$u)" "$method" "$path" "$need" $public
			if [ "$twin" = json ]; then
				check $u cookie jar.$u "$method" "$path" "$need" $public /api
				check $u token "$(cat tok.$u)" "$method" "$path" "$need" $public /api
			fi
		done
		[ "$twin" = json ] && check anon none - "$method" "$path" "$need" $public /api
	done < routes.txt
	ok "public=$public: $N requests as expected"
	python3 -c "import json,sys; [json.load(open(f)) for f in sys.argv[1:]]" json.* || die "an API answer is not JSON"
	ok "public=$public: $(ls json.* | wc -l) API answers parse as JSON"
	rm -f json.*

	# every POST a browser makes needs the session's token
	N=0
	while read -r method pattern need twin; do
		[ "$method" = POST ] || continue
		path=$(concrete "$pattern")
		for u in viewer editor admin; do
			[ "$(may "$(rank $u)" "$need" $public)" = 1 ] || continue
			req -b jar.$u -d x=1 "$URL$path"
			[ "$STATUS" = 403 ] || die "$u POST $path without CSRF: $STATUS"
			req -b jar.$u -d csrf=0000000000000000000000000000000000000000000000000000000000000000 "$URL$path"
			[ "$STATUS" = 403 ] || die "$u POST $path with a wrong CSRF token: $STATUS"
			N=$((N + 2))
		done
	done < routes.txt
	ok "public=$public: $N POSTs without a valid CSRF token refused"

	# signing out: without the token refused, with it the session ends
	req -b jar.viewer -d x=1 "$URL/logout"
	expect 403 "logout without CSRF"
	req -b jar.viewer --data-urlencode "csrf=$CSRF_viewer" "$URL/logout"
	expect 303 "logout"
	req -b jar.viewer "$URL/account"
	expect 303 "signed out"
	req -d x=1 "$URL/logout"
	expect 401 "anonymous logout"
	stop_servers
done
