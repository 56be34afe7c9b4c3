/*
** bundle.c — the parts of signed bundles that read untrusted text: public and secret key
** files, manifests, and a ledger exported as JSON lines (see bundle.h). Pure: text in,
** values out; the commands that write and check bundles are in bundle_cmd.c.
*/
#include "bundle.h"
#include "ledger.h"
#include "util.h"

#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

/* The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the key follows. */
static const unsigned char spki_prefix[12] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03,
                                              0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

int bundle_parse_pubkey(const char *text, size_t len, unsigned char pk[BUNDLE_PK_BYTES], Blob *err)
{
	static const char begin[] = "-----BEGIN PUBLIC KEY-----", end[] = "-----END PUBLIC KEY-----";
	while (len && (text[len - 1] == '\n' || text[len - 1] == '\r' || text[len - 1] == ' '))
		len--;
	while (len && (*text == '\n' || *text == '\r' || *text == ' '))
		text++, len--;
	if (len == 64) {
		if (sodium_hex2bin(pk, BUNDLE_PK_BYTES, text, len, NULL, NULL, NULL) == 0)
			return 0;
		blob_puts(err, "the key is not 64 hex digits");
		return -1;
	}
	const char *b = memmem(text, len, begin, sizeof begin - 1);
	const char *e = b ? memmem(b, len - (size_t)(b - text), end, sizeof end - 1) : NULL;
	if (!b || !e) {
		blob_puts(err, "not a public key: neither PEM (BEGIN PUBLIC KEY) nor 64 hex digits");
		return -1;
	}
	b += sizeof begin - 1;
	unsigned char der[64];
	size_t n = 0;
	if (sodium_base642bin(der, sizeof der, b, (size_t)(e - b), " \r\n\t", &n, NULL,
	                      sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    n != sizeof spki_prefix + BUNDLE_PK_BYTES || memcmp(der, spki_prefix, sizeof spki_prefix) != 0) {
		blob_puts(err, "the PEM key is not an Ed25519 public key");
		return -1;
	}
	memcpy(pk, der + sizeof spki_prefix, BUNDLE_PK_BYTES);
	return 0;
}

void bundle_pubkey_pem(const unsigned char pk[BUNDLE_PK_BYTES], Blob *out)
{
	unsigned char der[sizeof spki_prefix + BUNDLE_PK_BYTES];
	char b64[sodium_base64_ENCODED_LEN(sizeof der, sodium_base64_VARIANT_ORIGINAL)];
	memcpy(der, spki_prefix, sizeof spki_prefix);
	memcpy(der + sizeof spki_prefix, pk, BUNDLE_PK_BYTES);
	sodium_bin2base64(b64, sizeof b64, der, sizeof der, sodium_base64_VARIANT_ORIGINAL);
	blob_appendf(out, "-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----\n", b64);
}

int bundle_parse_secret(const char *text, size_t len, unsigned char sk[BUNDLE_SK_BYTES], Blob *err)
{
	static const char head[] = "vigil-ed25519-secret-key\n";
	if (len < sizeof head - 1 || memcmp(text, head, sizeof head - 1) != 0) {
		blob_puts(err, "not a vigil secret key (made by vigil keygen)");
		return -1;
	}
	text += sizeof head - 1;
	len -= sizeof head - 1;
	while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		len--;
	if (len != 2 * BUNDLE_SK_BYTES || sodium_hex2bin(sk, BUNDLE_SK_BYTES, text, len, NULL, NULL, NULL) != 0) {
		blob_puts(err, "the secret key file is damaged");
		return -1;
	}
	return 0;
}

void manifest_free(Manifest *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->items[i].path);
	free(m->items);
	memset(m, 0, sizeof *m);
}

/* A path a bundle may hold: names of [A-Za-z0-9._-] separated by "/", none "." or "..". */
static int safe_path(const char *p, size_t n)
{
	if (!n || n > 255 || p[0] == '/' || p[n - 1] == '/')
		return 0;
	size_t seg = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || p[i] == '/') {
			if (seg == 0 || (seg == 1 && p[i - 1] == '.') || (seg == 2 && p[i - 1] == '.' && p[i - 2] == '.'))
				return 0;
			seg = 0;
			continue;
		}
		char c = p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
		      c == '_' || c == '-'))
			return 0;
		seg++;
	}
	return 1;
}

int manifest_parse(const char *text, size_t len, Manifest *out, Blob *err)
{
	size_t cap = 0, line = 0;
	memset(out, 0, sizeof *out);
	const char *s = text, *end = text + len;
	if (!len) {
		blob_puts(err, "the manifest is empty");
		return -1;
	}
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		line++;
		if (!nl) {
			blob_appendf(err, "manifest line %zu: does not end with a newline", line);
			goto bad;
		}
		if (n < 67 || s[64] != ' ' || s[65] != ' ') {
			blob_appendf(err, "manifest line %zu: not \"SHA256  PATH\"", line);
			goto bad;
		}
		for (int i = 0; i < 64; i++)
			if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) {
				blob_appendf(err, "manifest line %zu: the hash is not 64 lowercase hex digits", line);
				goto bad;
			}
		const char *p = s + 66;
		size_t pn = n - 66;
		if (!safe_path(p, pn)) {
			blob_appendf(err, "manifest line %zu: '%.*s' is not a plain relative path", line,
			             (int)(pn > 80 ? 80 : pn), p);
			goto bad;
		}
		for (size_t i = 0; i < out->n; i++)
			if (strlen(out->items[i].path) == pn && memcmp(out->items[i].path, p, pn) == 0) {
				blob_appendf(err, "manifest line %zu: %.*s is listed twice", line, (int)pn, p);
				goto bad;
			}
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->items = xrealloc(out->items, cap * sizeof *out->items);
		}
		ManifestItem *it = &out->items[out->n++];
		memcpy(it->sha256, s, 64);
		it->sha256[64] = 0;
		it->path = xstrndup(p, pn);
		s = nl + 1;
	}
	return 0;
bad:
	manifest_free(out);
	return -1;
}

static const char *member(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

int bundle_check_ledger(const char *text, size_t len, long long *entries, char head[65], Blob *err)
{
	const char *s = text, *end = text + len;
	char prev[65];
	long long seq = 0;
	memset(prev, '0', 64);
	prev[64] = 0;
	*entries = 0;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		json_error_t je;
		json_t *o = json_loadb(s, n, JSON_REJECT_DUPLICATES, &je);
		seq++;
		LedgerEntry e;
		json_t *jseq = o ? json_object_get(o, "seq") : NULL;
		e.at = o ? member(o, "at") : NULL;
		e.who = o ? member(o, "who") : NULL;
		e.action = o ? member(o, "action") : NULL;
		e.records = o ? member(o, "records") : NULL;
		e.payload = o ? member(o, "payload") : NULL;
		e.prev = o ? member(o, "prev") : NULL;
		e.hash = o ? member(o, "hash") : NULL;
		if (!o || !json_is_integer(jseq) || !e.at || !e.who || !e.action || !e.records || !e.payload || !e.prev ||
		    !e.hash) {
			blob_appendf(err, "ledger line %lld is not a ledger entry", seq);
			json_decref(o);
			return -1;
		}
		e.seq = json_integer_value(jseq);
		char h[65];
		int bad = 0;
		if (e.seq != seq) {
			blob_appendf(err, "ledger entry %lld is missing or out of order (found %lld)", seq, e.seq);
			bad = 1;
		} else if (strcmp(e.prev, prev) != 0) {
			blob_appendf(err, "ledger entry %lld does not follow entry %lld", seq, seq - 1);
			bad = 1;
		} else {
			ledger_entry_hash(&e, h);
			if (strcmp(h, e.hash) != 0) {
				blob_appendf(err, "ledger entry %lld was changed: its content does not match its hash", seq);
				bad = 1;
			}
		}
		if (!bad)
			snprintf(prev, sizeof prev, "%s", e.hash);
		json_decref(o);
		if (bad)
			return -1;
		s = nl ? nl + 1 : end;
	}
	*entries = seq;
	memcpy(head, prev, 65);
	return 0;
}
