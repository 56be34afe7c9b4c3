# lazy_libs.sh — SQLite, Nettle, gmime, libarchive, libmicrohttpd and libcurl are loaded
# only by what needs them (src/lazy.h): vigil is not linked with them, cleaning a web page
# runs without them, and the database, hashing, e-mail, a tar bundle, serve or a fetch
# without its library stops with exit 2 and one line.
. "$TESTS/lib.sh"
FIX="$TESTS/fixtures/clean"

command -v readelf >/dev/null 2>&1 || skip "no readelf (binutils)"
run 0 readelf -d "$VIGIL"
contains "$OUT" "[libc.so" "readelf lists the libraries vigil is linked with"
for lib in libsqlite3 libnettle libgmime libarchive libmicrohttpd libglib libgnutls libcurl libssl; do
	lacks "$OUT" "[$lib" "vigil is not linked with $lib"
done

# With the libraries: e-mail and a tar bundle work (clean.sh and records_bundle.sh check
# their contents).
run 0 "$VIGIL" clean "$FIX/checkpoint.eml"
[ -n "$OUT" ] || die "the e-mail gave no text"
ok "e-mail cleaned"

# Broken copies of the libraries, found first through LD_LIBRARY_PATH.
mkdir broken nodb
for so in libsqlite3.so.0 libnettle.so.8 libgmime-3.0.so.0 libarchive.so.13 libmicrohttpd.so.12 libcurl.so.4; do
	echo "not a shared library" >"broken/$so"
done
export LD_LIBRARY_PATH="$PWD/broken${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

run 0 "$VIGIL" clean "$FIX/news.html"
[ -n "$OUT" ] || die "the page gave no text"
ok "a web page is cleaned without SQLite, Nettle or gmime"
run 0 "$VIGIL" --version

run 2 "$VIGIL" -d nodb/x.db init
contains "$ERR" "libsqlite3.so.0" "the error names the library"
equals "$(wc -l <err.txt)" 1 "one line on stderr"
mv broken/libsqlite3.so.0 nodb/
run 2 "$VIGIL" add --quiet "$FIX/wire.txt"
contains "$ERR" "libnettle.so.8" "the error names the library"
equals "$(wc -l <err.txt)" 1 "one line on stderr"
rm -f test.db*
mv broken/libnettle.so.8 nodb/

run 2 "$VIGIL" clean "$FIX/checkpoint.eml"
contains "$ERR" "libgmime-3.0.so.0" "the error names the library"
equals "$(wc -l <err.txt)" 1 "one line on stderr"
equals "$OUT" "" "no text"

run 0 "$VIGIL" add --quiet "$FIX/wire.txt"
run 0 "$VIGIL" keygen --out signer
run 0 "$VIGIL" bundle --out b --key signer.key
run 0 "$VIGIL" verify-bundle b --key signer.pub
run 2 "$VIGIL" bundle --out b.tar --key signer.key
contains "$ERR" "libarchive.so.13" "the error names the library"
equals "$(wc -l <err.txt)" 1 "one line on stderr"

run 2 "$VIGIL" serve --listen 127.0.0.1:0
contains "$ERR" "libmicrohttpd.so.12" "the error names the library"
equals "$(wc -l <err.txt)" 1 "one line on stderr"

run 2 "$VIGIL" add http://127.0.0.1:1/report.html
contains "$ERR" "libcurl.so.4" "the error names the library"
equals "$(wc -l <err.txt)" 1 "one line on stderr"
