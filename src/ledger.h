/*
** ledger.h — the hash-chained ledger: appending an entry for every change, and checking
** the chain, the originals and the records against it (`vigil verify`).
*/
#ifndef VIGIL_LEDGER_H
#define VIGIL_LEDGER_H

#include "blob.h"
#include "store.h"

/* The records a change touched, as "type/id" keys (each once). */
typedef struct Touched {
	char (*keys)[48];
	size_t n, cap;
} Touched;

void touched_add(Touched *t, const char *type, long long id);
void touched_free(Touched *t);

/* Appends an entry inside the caller's transaction: the digests of the touched records
   as they are now, the canonical JSON payload, chained to the previous entry. */
int ledger_append(Store *st, const char *who, const char *action, const char *payload,
                  const Touched *t, Blob *err);

/* An entry for a change to an account of the web interface (action "account.add",
   "account.role", "account.password", "token.add", …), in a transaction of its own after
   the change: {"account":NAME,"change":DETAIL}. Never a password or a token. 0 or -1. */
int ledger_account(Store *st, const char *who, const char *action, const char *account, const char *detail,
                   Blob *err);

/* Entries and record digests are BLAKE2b-256 (libsodium's crypto_generichash): three times
   SHA-256's speed here, which verify needs over millions of rows. Originals keep SHA-256,
   the fingerprint everyone else (sha256sum, bundles' MANIFEST) uses. docs/ledger.md has
   the exact bytes of entries and of both versions of record digest. */
#define LEDGER_HASH_BYTES 32

/* The hash of an entry: BLAKE2b-256 over prev, seq, at, who, action, records and payload,
   each followed by a newline (payload last, without). */
void ledger_entry_hash(const LedgerEntry *e, char out[65]);

typedef struct VerifySummary {
	long long entries, originals, records, problems;
	long long head_seq;
	char head[65];
	double chain_cpu, originals_cpu, records_cpu; /* CPU seconds of each part (both threads) */
	double second_cpu; /* of records_cpu, what the second thread spent (0 when there was none) */
} VerifySummary;

/* Walks the chain, re-hashes every original and compares every record with the digest
   the ledger last recorded for it. Each problem is passed to fn (the first one first) as
   one line; returns 0 when the walk was done (problems or not), -1 on a store error. */
int ledger_verify(Store *st, void (*fn)(const char *problem, void *ctx), void *ctx, VerifySummary *sum);

#endif
