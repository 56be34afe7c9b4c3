# records_accounts.sh — changes to the accounts of the web interface are in the ledger too
# (who did what to which account), without a password or a token in it; verify stays ok.
. "$TESTS/lib.sh"

run 0 "$VIGIL" init
run 0 sh -c "echo 'orchard-lamp-42' | \"$VIGIL\" user add rana --role editor"
run 0 "$VIGIL" user role rana admin
run 0 "$VIGIL" user disable rana
run 0 "$VIGIL" user enable rana
run 0 sh -c "echo 'orchard-lamp-43' | \"$VIGIL\" user passwd rana"
run 0 "$VIGIL" user token rana --label "field laptop"
TOKEN=$(printf '%s' "$OUT" | head -n 1)
run 1 "$VIGIL" user role nobody admin
run 0 "$VIGIL" ledger --json
json "[e['action'] for e in j if e['action'].startswith(('account.', 'token.'))] == ['account.add', 'account.role', 'account.disable', 'account.enable', 'account.password', 'token.add']"
json "all('rana' in str(e['payload']) for e in j if e['action'].startswith(('account.', 'token.')))"
json "'admin' in str([e for e in j if e['action'] == 'account.role'][0]['payload'])"
lacks "$OUT" "orchard-lamp" "no password in the ledger"
[ -n "$TOKEN" ] && lacks "$OUT" "$TOKEN" "no token in the ledger"
run 0 "$VIGIL" verify
