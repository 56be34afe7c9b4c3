# web_browser.sh — the web interface in a real browser (tests/browser/test.mjs: Debian's
# chromium driven by playwright-core, installed with `npm ci` from the committed lock
# file). Screenshots go to build/browser/ (test artifacts, not in git: look at them after a
# change to the pages). Skips when node, npm or chromium is missing,
# or when playwright-core cannot be installed (no network and no node_modules yet).
. "$TESTS/lib.sh"
. "$TESTS/weblib.sh"
command -v node >/dev/null 2>&1 || skip "skipped: no node"
command -v npm >/dev/null 2>&1 || skip "skipped: no npm"
[ -x /usr/bin/chromium ] || skip "skipped: no /usr/bin/chromium"
B="$TESTS/browser"
want=$(sed -n 's/.*"playwright-core": "\(.*\)".*/\1/p' "$B/package.json")
have=$(sed -n 's/.*"version": "\(.*\)".*/\1/p' "$B/node_modules/playwright-core/package.json" 2>/dev/null)
if [ "$want" != "$have" ]; then
	(cd "$B" && npm ci --no-audit --no-fund --loglevel=error >"$OLDPWD/npm.log" 2>&1) || skip "skipped: npm ci failed ($(tail -n 1 npm.log))"
fi
ok "playwright-core $want"

# Two reports of our own about one shelling and a threat; one proposal left for review.
cat > a.txt <<'EOF'
Tamar, 14 May 2022

Mortar shells fell on the northern blocks of Camp Tamar on the night of 13 May 2022. Three residents were killed and nine wounded, the camp clinic said.

Residents said a local commander had warned that the camp would be cleared by the end of June.
EOF
cat > b.txt <<'EOF'
Tamar Relief Network, 16 May 2022

The clinic of Camp Tamar confirmed that three people died in the shelling of 13 May and that eleven were treated for their wounds.
EOF
cat > pa.json <<'EOF'
{"events": [
 {"kind": "shelling", "status": "occurred", "date": {"start": "2022-05-13"}, "place": {"name": "Camp Tamar"},
  "killed": {"min": 3, "max": 3}, "wounded": {"min": 9, "max": 9},
  "evidence": [{"quote": "Mortar shells fell on the northern blocks of Camp Tamar on the night of 13 May 2022. Three residents were killed and nine wounded, the camp clinic said."}]},
 {"kind": "relocation", "status": "threatened", "date": {"start": "2022-06-30"}, "place": {"name": "Camp Tamar"},
  "evidence": [{"quote": "Residents said a local commander had warned that the camp would be cleared by the end of June."}]}]}
EOF
cat > pb.json <<'EOF'
{"events": [
 {"kind": "shelling", "status": "occurred", "date": {"start": "2022-05-13"}, "place": {"name": "Camp Tamar"},
  "killed": {"min": 3, "max": 3}, "wounded": {"min": 11, "max": 11},
  "evidence": [{"quote": "The clinic of Camp Tamar confirmed that three people died in the shelling of 13 May and that eleven were treated for their wounds."}]}]}
EOF
run 0 "$VIGIL" add --no-extract a.txt b.txt
run 0 "$VIGIL" propose 1 pa.json
run 0 "$VIGIL" propose 2 pb.json
run 0 "$VIGIL" accept 1 2
run 0 sh -c "echo 'pass-editor-123' | \"$VIGIL\" user add editor --role editor"

start_server main
ART="$TESTS/../build/browser"
mkdir -p "$ART"
rm -f "$ART"/*.png
node "$B/test.mjs" "$URL" "$ART" editor pass-editor-123 > node.out 2>&1 || {
	cat node.out
	die "browser test"
}
cat node.out
ok "$(tail -n 1 node.out)"
run 0 "$VIGIL" incident 1 --json
json "j['sources'] == 2 and j['wounded']['min'] == 9 and j['wounded']['max'] == 11"
