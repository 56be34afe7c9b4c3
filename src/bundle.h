/*
** bundle.h — signed bundles: Ed25519 keys (libsodium), the manifest of SHA-256 sums, and
** the checks `vigil verify-bundle` makes offline.
*/
#ifndef VIGIL_BUNDLE_H
#define VIGIL_BUNDLE_H

#include <stddef.h>

#include "blob.h"

#define BUNDLE_PK_BYTES 32
#define BUNDLE_SK_BYTES 64
#define BUNDLE_SIG_BYTES 64

/* A public key from text: PEM (SubjectPublicKeyInfo, as openssl writes it) or 64 hex
   digits. Returns 0, or -1 with the reason in err. */
int bundle_parse_pubkey(const char *text, size_t len, unsigned char pk[BUNDLE_PK_BYTES], Blob *err);
/* A public key as PEM, readable by openssl (openssl pkeyutl -verify -rawin -pubin …). */
void bundle_pubkey_pem(const unsigned char pk[BUNDLE_PK_BYTES], Blob *out);
/* A secret key file ("vigil-ed25519-secret-key" then 128 hex digits). */
int bundle_parse_secret(const char *text, size_t len, unsigned char sk[BUNDLE_SK_BYTES], Blob *err);

/* One line of a manifest: "SHA256  PATH" (sha256sum's format). */
typedef struct ManifestItem {
	char sha256[65];
	char *path;
} ManifestItem;

typedef struct Manifest {
	ManifestItem *items;
	size_t n;
} Manifest;

/* Parses a manifest strictly: each line 64 lowercase hex digits, two spaces, a relative
   path of plain names (no "..", no leading "/", no backslash or control characters), each
   path once. Returns 0, or -1 with the reason (and line) in err. */
int manifest_parse(const char *text, size_t len, Manifest *out, Blob *err);
void manifest_free(Manifest *m);
/* Checks a ledger exported as JSON lines (one entry per line): seqs from 1, each chained
   and re-hashed. Sets *entries and head (hash of the last). 0, or -1 naming the entry. */
int bundle_check_ledger(const char *text, size_t len, long long *entries, char head[65], Blob *err);

#endif
