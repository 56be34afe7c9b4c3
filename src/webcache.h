/*
** webcache.h — a cache of finished responses for the pages anyone may read (anonymous
** visitors under --public, and scripts with an API token), made once per change of the
** database. Signed-in browsers always get fresh pages: theirs carry their name and the
** CSRF token of their session.
**
** Every change moves the generation on: the server's own writes (webcache_changed after
** any POST) and other processes' (serve.c compares each connection's PRAGMA data_version,
** once a millisecond of its requests). An entry is used only at the generation it was made at, and for at
** most a minute (threats fall due with the date, not with a change).
*/
#ifndef VIGIL_WEBCACHE_H
#define VIGIL_WEBCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "blob.h"

/* A cached body, shared by the cache and the responses sending it: freed by its last
   holder (webcache_release), so a hit is sent without copying it. */
typedef struct WebBody WebBody;

typedef struct WebCached {
	int status;
	const char *ctype; /* a static string */
	WebBody *body;     /* a reference: webcache_release it (or hand it to the response) */
	const char *data;  /* the body's bytes, len of them, while the reference is held */
	size_t len;
	Blob headers;      /* "Name: value\n" lines */
} WebCached;

/* Sets the size of the cache in bytes (0: no cache). Call before serving. */
void webcache_init(size_t bytes);
int webcache_enabled(void);
uint64_t webcache_generation(void);
/* The database changed: every entry made before is stale. */
void webcache_changed(void);
/* Fills out from the entry for key when there is a good one (a reference to its body, a
   copy of its headers: release and free them); 1 or 0. */
int webcache_get(const char *key, WebCached *out);
/* Lets go of a reference to a body; a libmicrohttpd free callback, hence the void *. */
void webcache_release(void *body);
/* Keeps a response made at generation gen (read before the page was made) — from the
   second time the same key is put in a while: a page asked for once is not kept. */
void webcache_put(const char *key, uint64_t gen, int status, const char *ctype, const void *body,
                  size_t len, const Blob *headers);
void webcache_free(void);

#endif
