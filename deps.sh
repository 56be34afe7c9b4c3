#!/bin/sh
# deps.sh — install every Debian package vigil needs to build, test, benchmark and demo.
# Idempotent; run as root on Debian 12. Installs nothing when everything is present.
set -eu

PKGS="build-essential pkg-config clang libclang-rt-14-dev
libsqlite3-dev sqlite3 libmicrohttpd-dev libsodium-dev libgumbo-dev
libcurl4-openssl-dev libpcre2-dev libutf8proc-dev libgmime-3.0-dev libcmocka-dev
libjansson-dev libdeflate-dev libarchive-dev nettle-dev python3 curl wrk hyperfine chromium ca-certificates time
iso-codes"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done

# Node.js drives the browser tests (playwright-core); a machine may already carry its own
# node and npm outside Debian's packages, which Debian's nodejs would conflict with.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"

if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "deps.sh: missing packages:$missing (run as root to install them)" >&2
		exit 1
	fi
	echo "deps.sh: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing
fi
