/*
** webcache.c — finished responses kept in memory, so a page many people read is made
** once per change of the database rather than once per request (see webcache.h).
**
** One table of entries, chained in hash buckets and in a least-recently-used list, under
** one mutex (every operation is a lookup or an insert). A body is counted by reference:
** a hit takes one and the response gives it back when sent, so the bytes are neither
** copied nor freed under the lock while someone still sends them. An entry is good while
** the generation it was made at is the current one and it is younger than its time to
** live; the generation moves on every change, so a stale page is never served.
**
** A page is kept only when it is asked for a second time while the first is remembered
** (the hash of each key put is noted in a table of SEEN slots, the newest in each):
** pages read once in a long while — a random incident of a hundred thousand — would
** only push out the pages many people read, and filling and emptying the cache with
** them cost more than it saved (random /incident/N of 100,000 with a 16 MB cache:
** 0.084-0.094 ms of server CPU a request against 0.071-0.078 without the cache, with
** _int_malloc at 5.8% of the server's time against 1.2%: a heap churned by 5 kB bodies).
*/
#include "webcache.h"
#include "util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#define BUCKETS 4096
#define TTL 60 /* seconds: what depends on today's date (due threats) is at most this late */

struct WebBody {
	atomic_size_t refs;
	size_t len;
	char data[];
};

typedef struct Entry {
	char *key;
	uint64_t hash, gen;
	time_t made;
	int status;
	const char *ctype;
	WebBody *body;
	Blob headers;
	size_t size;
	struct Entry *next;             /* in its bucket */
	struct Entry *newer, *older;    /* in the LRU list */
} Entry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Entry *buckets[BUCKETS];
static Entry *newest, *oldest;
static size_t used, limit;
static _Atomic uint64_t generation = 1;

#define SEEN 4096 /* a page comes back within a few thousand others, or is not worth keeping */
static _Atomic uint64_t seen[SEEN]; /* the hash of the last key put in each slot */

void webcache_init(size_t bytes)
{
	limit = bytes;
}

int webcache_enabled(void)
{
	return limit > 0;
}

uint64_t webcache_generation(void)
{
	return atomic_load(&generation);
}

void webcache_changed(void)
{
	atomic_fetch_add(&generation, 1);
}

/* FNV-1a. */
static uint64_t hash_of(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static void lru_unlink(Entry *e)
{
	if (e->newer)
		e->newer->older = e->older;
	else
		newest = e->older;
	if (e->older)
		e->older->newer = e->newer;
	else
		oldest = e->newer;
	e->newer = e->older = NULL;
}

static void lru_push(Entry *e)
{
	e->older = newest;
	e->newer = NULL;
	if (newest)
		newest->newer = e;
	newest = e;
	if (!oldest)
		oldest = e;
}

/* Takes an entry out of the table and frees it. Called with the lock held. */
static void drop(Entry *e)
{
	Entry **p = &buckets[e->hash % BUCKETS];
	while (*p && *p != e)
		p = &(*p)->next;
	if (*p)
		*p = e->next;
	lru_unlink(e);
	used -= e->size;
	free(e->key);
	webcache_release(e->body);
	blob_free(&e->headers);
	free(e);
}

void webcache_release(void *body)
{
	WebBody *b = body;
	if (b && atomic_fetch_sub(&b->refs, 1) == 1)
		free(b);
}

int webcache_get(const char *key, WebCached *out)
{
	if (!limit)
		return 0;
	uint64_t h = hash_of(key), gen = webcache_generation();
	time_t now = time(NULL);
	int found = 0;
	pthread_mutex_lock(&lock);
	for (Entry *e = buckets[h % BUCKETS]; e; e = e->next) {
		if (e->hash != h || strcmp(e->key, key) != 0)
			continue;
		if (e->gen != gen || now - e->made >= TTL) {
			drop(e);
			break;
		}
		out->status = e->status;
		out->ctype = e->ctype;
		atomic_fetch_add(&e->body->refs, 1);
		out->body = e->body;
		out->data = e->body->data;
		out->len = e->body->len;
		memset(&out->headers, 0, sizeof out->headers);
		blob_append(&out->headers, e->headers.data ? e->headers.data : "", e->headers.len);
		lru_unlink(e);
		lru_push(e);
		found = 1;
		break;
	}
	pthread_mutex_unlock(&lock);
	return found;
}

void webcache_put(const char *key, uint64_t gen, int status, const char *ctype, const void *body,
                  size_t len, const Blob *headers)
{
	size_t size = len + strlen(key) + (headers ? headers->len : 0) + sizeof(Entry);
	if (!limit || size > limit / 8 || gen != webcache_generation())
		return;
	uint64_t h = hash_of(key);
	if (atomic_exchange(&seen[(h >> 16) % SEEN], h) != h)
		return; /* the first time in a while: remembered, not kept */
	Entry *e = xcalloc(1, sizeof *e);
	e->key = xstrdup(key);
	e->hash = h;
	e->gen = gen;
	e->made = time(NULL);
	e->size = size;
	e->status = status;
	e->ctype = ctype;
	e->body = xmalloc(sizeof *e->body + len + 1);
	atomic_init(&e->body->refs, 1);
	e->body->len = len;
	memcpy(e->body->data, body, len);
	e->body->data[len] = 0;
	if (headers && headers->len)
		blob_append(&e->headers, headers->data, headers->len);
	pthread_mutex_lock(&lock);
	for (Entry *o = buckets[e->hash % BUCKETS]; o; o = o->next)
		if (o->hash == e->hash && strcmp(o->key, key) == 0) {
			drop(o);
			break;
		}
	while (oldest && used + size > limit)
		drop(oldest);
	e->next = buckets[e->hash % BUCKETS];
	buckets[e->hash % BUCKETS] = e;
	lru_push(e);
	used += size;
	pthread_mutex_unlock(&lock);
}

void webcache_free(void)
{
	pthread_mutex_lock(&lock);
	while (oldest)
		drop(oldest);
	pthread_mutex_unlock(&lock);
}
