/*
** fuzz_bundle.c — fuzz target for what verify-bundle reads from a bundle someone else
** made: the MANIFEST, public and secret key files, and the ledger as JSON lines.
*/
#include "bundle.h"

#include <stdint.h>
#include <string.h>

/* 1 when a path has a segment "." or ".." or an empty one. */
static int escapes(const char *p)
{
	for (const char *s = p;;) {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
			return 1;
		if (!e)
			return 0;
		s = e + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	Blob err = BLOB_INIT;
	Manifest m;
	if (manifest_parse(s, size, &m, &err) == 0) {
		for (size_t i = 0; i < m.n; i++)
			if (strlen(m.items[i].sha256) != 64 || m.items[i].path[0] == '/' || escapes(m.items[i].path))
				__builtin_trap();
		manifest_free(&m);
	} else if (!err.len)
		__builtin_trap();
	unsigned char pk[BUNDLE_PK_BYTES], sk[BUNDLE_SK_BYTES];
	blob_reset(&err);
	bundle_parse_pubkey(s, size, pk, &err);
	blob_reset(&err);
	bundle_parse_secret(s, size, sk, &err);
	long long entries;
	char head[65];
	blob_reset(&err);
	if (bundle_check_ledger(s, size, &entries, head, &err) != 0 && !err.len)
		__builtin_trap();
	blob_free(&err);
	return 0;
}
