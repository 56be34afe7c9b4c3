# records_bundle.sh — signed bundles: keygen, bundle as a directory and as a tar file,
# verify-bundle offline; any changed, added or removed byte or file fails, as does another key.
. "$TESTS/lib.sh"
F="$TESTS/fixtures/records"

run 0 "$VIGIL" add --quiet "$F"/r1-monitor.txt "$F"/r2-wire.txt
run 0 "$VIGIL" propose 1 "$F/p1.json"
run 0 "$VIGIL" propose 2 "$F/p2.json"
run 0 "$VIGIL" accept --all --match
run 0 "$VIGIL" keygen --out signer
run 0 "$VIGIL" keygen --out other
run 1 "$VIGIL" keygen --out signer
contains "$ERR" "never overwritten"
[ "$(stat -c %a signer.key)" = 600 ] && ok "secret key is private" || die "secret key mode"
run 1 "$VIGIL" bundle --out b --key nonexistent.key

run 0 "$VIGIL" bundle --out b --key signer.key
contains "$OUT" "2 originals"
run 1 "$VIGIL" bundle --out b --key signer.key
contains "$ERR" "already exists"
run 0 "$VIGIL" verify-bundle b --key signer.pub
contains "$OUT" "bundle ok"
for f in incidents.csv records.json incidents.geojson feed.atom reports.json ledger.jsonl bundle.json originals/report-1.txt; do
	[ -f "b/$f" ] || die "bundle lacks $f"
done
ok "bundle has exports, originals, ledger"
cmp -s b/originals/report-1.txt "$F/r1-monitor.txt" && ok "original byte-exact" || die "original differs"
(cd b && sha256sum -c --quiet MANIFEST) && ok "sha256sum -c MANIFEST" || die "sha256sum"
if command -v openssl >/dev/null; then
	(cd b && openssl pkeyutl -verify -pubin -inkey ../signer.pub -rawin -in MANIFEST -sigfile MANIFEST.sig >/dev/null) &&
		ok "openssl verifies the signature" || die "openssl"
fi
run 1 "$VIGIL" verify-bundle b --key other.pub
contains "$OUT" "signature"
run 1 "$VIGIL" verify-bundle b --key 00112233
run 1 "$VIGIL" verify-bundle b

# tampering with a copy each time
tamper() { # WHAT SHELL-COMMAND EXPECTED
	rm -rf t && cp -r b t
	(cd t && eval "$2") || die "tamper $1"
	run 1 "$VIGIL" verify-bundle t --key signer.pub
	contains "$OUT" "$3" "$1 detected"
}
tamper byte "printf 'x' >> originals/report-2.txt" "report-2.txt was changed"
tamper csv "sed -i 's/Valley Brigade/Hill Brigade/' incidents.csv" "incidents.csv was changed"
tamper added "echo extra > notes.txt" "notes.txt was added"
tamper removed "rm feed.atom" "feed.atom is missing"
tamper manifest "sed -i '1s/^./0/' MANIFEST" "signature"
tamper resigned "cp ../other.pub signer.pub" "signer.pub was changed"

# a tar file
run 0 "$VIGIL" bundle --out b.tar --key signer.key
run 0 "$VIGIL" verify-bundle b.tar --key signer.pub
contains "$OUT" "ledger chain of"
python3 - <<'PY' || die "tar tamper"
data = bytearray(open('b.tar', 'rb').read())
i = data.find(b'Seven residents')
assert i > 0
data[i] = ord('s')
open('t.tar', 'wb').write(bytes(data))
PY
run 1 "$VIGIL" verify-bundle t.tar --key signer.pub
contains "$OUT" "was changed"
head -c 2000 b.tar > cut.tar
run 1 "$VIGIL" verify-bundle cut.tar --key signer.pub
printf 'not a tar file' > junk.tar
run 1 "$VIGIL" verify-bundle junk.tar --key signer.pub
