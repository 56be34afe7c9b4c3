/*
** lazy_nettle.h — Nettle's SHA-256 (of reports, the ledger, tokens), loaded on first use
** (lazy.h says why): vigil clean never hashes, and Nettle's 465 symbols were a fifth of
** what the dynamic loader did for it.
**
** Include it instead of <nettle/sha2.h>, in util.c only: each function below becomes a
** call through the table lazy_nettle() loads from libnettle.so.8 the first time (sha2.h
** names them sha256_init… through its own #defines).
*/
#ifndef VIGIL_LAZY_NETTLE_H
#define VIGIL_LAZY_NETTLE_H

#include "lazy.h"

#include <nettle/sha2.h>

#define LAZY_NETTLE_FUNCS(X) \
	X(nettle_sha256_digest) \
	X(nettle_sha256_init) \
	X(nettle_sha256_update)

LAZY_DECLARE(LazyNettle, lazy_nettle, LAZY_NETTLE_FUNCS)

#ifndef LAZY_NETTLE_TABLE /* lazy_nettle.c names the functions themselves */
#define nettle_sha256_digest (lazy_nettle()->nettle_sha256_digest)
#define nettle_sha256_init (lazy_nettle()->nettle_sha256_init)
#define nettle_sha256_update (lazy_nettle()->nettle_sha256_update)
#endif

#endif
