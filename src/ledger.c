/*
** ledger.c — the hash-chained ledger and `vigil verify`, `vigil ledger`.
**
** Every change to vigil's records appends one entry: seq (1, 2, 3, … without gaps), time,
** who, action, the records it touched with the digest of each as it stands after
** the change, a canonical JSON payload saying what was done, the previous entry's hash and
** its own hash over all of that. Triggers refuse UPDATE and DELETE on the table.
**
** verify checks three things, streaming (memory grows only with the number of records):
**   1. the chain: seqs without gaps, each prev the previous hash, each hash recomputed;
**   2. the originals: each stored original re-hashed against the SHA-256 it is kept under,
**      and each report's original present;
**   3. the records: every record's digest now equals the digest its last ledger entry
**      recorded, in the version of digest that entry names ("incident/5=2:HEX" is version 2,
**      "incident/5=HEX" version 1: docs/ledger.md); none is missing from the ledger, none
**      the ledger knows is gone.
** The first problem found is reported first (`vigil verify` exits 1 when there is any).
** The records' digests are computed in parts by two threads when there is a second core
** (VIGIL_VERIFY_ONE_THREAD in the environment keeps it to one, for tests).
*/
#include "ledger.h"
#include "util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdlib.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

void touched_add(Touched *t, const char *type, long long id)
{
	char key[48];
	snprintf(key, sizeof key, "%s/%lld", type, id);
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->keys[i], key) == 0)
			return;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->keys = xrealloc(t->keys, t->cap * sizeof *t->keys);
	}
	memcpy(t->keys[t->n++], key, sizeof key);
}

void touched_free(Touched *t)
{
	free(t->keys);
	memset(t, 0, sizeof *t);
}

void ledger_entry_hash(const LedgerEntry *e, char out[65])
{
	crypto_generichash_state h;
	char seq[24];
	const char *parts[7];
	int n = snprintf(seq, sizeof seq, "%lld", e->seq);
	(void)n;
	parts[0] = e->prev;
	parts[1] = seq;
	parts[2] = e->at;
	parts[3] = e->who;
	parts[4] = e->action;
	parts[5] = e->records;
	parts[6] = e->payload;
	crypto_generichash_init(&h, NULL, 0, LEDGER_HASH_BYTES);
	for (int i = 0; i < 7; i++) {
		crypto_generichash_update(&h, (const unsigned char *)parts[i], strlen(parts[i]));
		if (i < 6)
			crypto_generichash_update(&h, (const unsigned char *)"\n", 1);
	}
	unsigned char d[LEDGER_HASH_BYTES];
	crypto_generichash_final(&h, d, sizeof d);
	sodium_bin2hex(out, 65, d, sizeof d);
}

/* The version of record digest new entries record: the current one, or 1 when
   VIGIL_RECORD_DIGEST=1 is in the environment (for tests: a ledger that mixes versions, as
   a database made before version 2 and changed after it has). */
static int digest_version_written(void)
{
	const char *e = getenv("VIGIL_RECORD_DIGEST");
	return e && strcmp(e, "1") == 0 ? RECORD_DIGEST_V1 : RECORD_DIGEST_CURRENT;
}

int ledger_append(Store *st, const char *who, const char *action, const char *payload, const Touched *t,
                  Blob *err)
{
	Blob records = BLOB_INIT;
	for (size_t i = 0; t && i < t->n; i++) {
		char type[48], hex[65];
		const char *slash = strchr(t->keys[i], '/');
		long long id = 0;
		if (!slash || !parse_id(slash + 1, &id))
			continue;
		snprintf(type, sizeof type, "%.*s", (int)(slash - t->keys[i]), t->keys[i]);
		int version = digest_version_written();
		int found = store_record_digest(st, type, id, version, hex);
		if (found < 0) {
			blob_appendf(err, "ledger: %s", store_error(st));
			blob_free(&records);
			return -1;
		}
		blob_appendf(&records, "%s%s=%s%s", records.len ? " " : "", t->keys[i],
		             found && version > RECORD_DIGEST_V1 ? "2:" : "", found ? hex : "-");
	}
	LedgerEntry e;
	char prev[65], hash[65], now[21];
	long long seq;
	if (store_ledger_head(st, &seq, prev) != 0) {
		blob_appendf(err, "ledger: %s", store_error(st));
		blob_free(&records);
		return -1;
	}
	now_iso(now);
	e.seq = seq + 1;
	e.at = now;
	e.who = who && *who ? who : "unknown";
	e.action = action;
	e.records = blob_str(&records);
	e.payload = payload && *payload ? payload : "{}";
	e.prev = prev;
	ledger_entry_hash(&e, hash);
	e.hash = hash;
	int rc = store_ledger_insert(st, &e);
	if (rc)
		blob_appendf(err, "ledger: %s", store_error(st));
	blob_free(&records);
	return rc ? -1 : 0;
}

int ledger_account(Store *st, const char *who, const char *action, const char *account, const char *detail,
                   Blob *err)
{
	Blob payload = BLOB_INIT;
	blob_puts(&payload, "{\"account\":");
	blob_json_str(&payload, account ? account : "");
	blob_puts(&payload, ",\"change\":");
	blob_json_str(&payload, detail);
	blob_putc(&payload, '}');
	int rc = -1;
	if (store_begin(st) != 0)
		blob_appendf(err, "ledger: %s", store_error(st));
	else if (ledger_append(st, who, action, blob_str(&payload), NULL, err) != 0)
		store_rollback(st);
	else if (store_commit(st) != 0) {
		blob_appendf(err, "ledger: %s", store_error(st));
		store_rollback(st);
	} else
		rc = 0;
	blob_free(&payload);
	return rc;
}

/* ---- verify ---- */

/* What the ledger last said of a record. An open-addressing table keyed by (type, id). */
typedef struct Seen {
	uint64_t key;   /* type index << 56 | id; 0 = empty slot */
	long long seq;  /* the entry that recorded it last */
	unsigned char digest[32];
	unsigned char gone;    /* the digest was "-": the record no longer exists */
	unsigned char version; /* of the digest (RECORD_DIGEST_V1, _V2) */
	unsigned char checked; /* found among the records */
} Seen;

/* Records of one type with ids up to cap - 1, indexed by id: ids are dense (1, 2, 3, …),
   so this takes a third of a hash table's memory and is read in order. Ids far beyond
   the others (a ledger altered by hand) go to the hash table instead. */
typedef struct Dense {
	Seen *v;
	size_t cap, used;
} Dense;

typedef struct Verify {
	Store *st;
	void (*fn)(const char *problem, void *ctx);
	void *ctx;
	VerifySummary *sum;
	Seen *table;
	size_t cap, used;
	Dense dense[8]; /* by type index (1…) */
	long long expect_seq;
	char prev[65];
	int chain_broken;
	int store_failed; /* a record could not be digested again (store_error says why) */
	Blob msg;
} Verify;

static const char *const types[] = {"report", "proposal", "incident", "appeal", "population", "place", "actor"};
#define NTYPES (sizeof types / sizeof types[0])

static int type_index(const char *s, size_t n)
{
	for (size_t i = 0; i < NTYPES; i++)
		if (strlen(types[i]) == n && memcmp(types[i], s, n) == 0)
			return (int)i + 1;
	return 0;
}

static void problem(Verify *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(Verify *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	blob_reset(&v->msg);
	blob_vappendf(&v->msg, fmt, ap);
	va_end(ap);
	v->sum->problems++;
	v->fn(blob_str(&v->msg), v->ctx);
}

static uint64_t mix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return k;
}

static Seen *hash_slot(Verify *v, uint64_t key, int insert);

/* The slot of a record: in its type's dense array, else in the hash table; with insert
   a new one when there is none. NULL when absent (and not inserted). */
static Seen *seen_slot(Verify *v, uint64_t key, int insert)
{
	Dense *d = &v->dense[(key >> 56) & 7];
	size_t id = (size_t)(key & ((1ULL << 56) - 1));
	if (id < d->cap && d->v[id].key)
		return &d->v[id];
	Seen *h = v->cap ? hash_slot(v, key, 0) : NULL;
	if (h || !insert)
		return h;
	if (id >= d->cap && id < 4 * (d->used + 4096)) {
		size_t cap = d->cap ? d->cap : 4096;
		while (cap <= id)
			cap *= 2;
		d->v = xrealloc(d->v, cap * sizeof *d->v);
		memset(d->v + d->cap, 0, (cap - d->cap) * sizeof *d->v);
		d->cap = cap;
	}
	if (id < d->cap) {
		d->v[id].key = key;
		d->used++;
		return &d->v[id];
	}
	return hash_slot(v, key, 1);
}

static Seen *hash_slot(Verify *v, uint64_t key, int insert)
{
	if (insert && (v->used + 1) * 2 > v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 1024;
		Seen *t = xcalloc(cap, sizeof *t);
		for (size_t i = 0; i < v->cap; i++)
			if (v->table[i].key) {
				size_t j = mix(v->table[i].key) & (cap - 1);
				while (t[j].key)
					j = (j + 1) & (cap - 1);
				t[j] = v->table[i];
			}
		free(v->table);
		v->table = t;
		v->cap = cap;
	}
	if (!v->cap)
		return NULL;
	size_t j = mix(key) & (v->cap - 1);
	while (v->table[j].key && v->table[j].key != key)
		j = (j + 1) & (v->cap - 1);
	if (!v->table[j].key) {
		if (!insert)
			return NULL;
		v->table[j].key = key;
		v->used++;
	}
	return &v->table[j];
}

/* 64 lowercase hex digits to 32 bytes (what sodium_bin2hex wrote); -1 on any other
   character. Not sodium_hex2bin: its constant time, needless for public digests, was
   a twentieth of verify; a table rather than comparisons, which were half of the walk's
   own time. */
static const signed char hex_value[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9,
	['9'] = 10, ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
}; /* the digit's value plus one; 0 for any other byte */

static int hex32(const char *h, unsigned char out[32])
{
	int bad = 0;
	for (int i = 0; i < 32; i++) {
		int hi = hex_value[(unsigned char)h[2 * i]], lo = hex_value[(unsigned char)h[2 * i + 1]];
		bad |= !hi | !lo;
		out[i] = (unsigned char)(((hi - 1) & 15) << 4 | ((lo - 1) & 15));
	}
	return bad ? -1 : 0;
}

/* Reads "type/id=hex type/id=hex" into the table; 0, or -1 when it is malformed. */
static int take_records(Verify *v, const LedgerEntry *e)
{
	const char *s = e->records;
	while (*s) {
		const char *slash = strchr(s, '/'), *eq = strchr(s, '=');
		if (!slash || !eq || slash > eq)
			return -1;
		int t = type_index(s, (size_t)(slash - s));
		long long id = 0;
		for (const char *p = slash + 1; p < eq; p++) {
			if (*p < '0' || *p > '9' || id > (1LL << 55) / 10)
				return -1;
			id = id * 10 + (*p - '0');
		}
		if (!t || id <= 0)
			return -1;
		const char *d = eq + 1, *end = d;
		while (*end && *end != ' ')
			end++;
		Seen *sl = seen_slot(v, (uint64_t)t << 56 | (uint64_t)id, 1);
		sl->seq = e->seq;
		if (end - d == 1 && *d == '-')
			sl->gone = 1;
		else if (end - d == 64 && hex32(d, sl->digest) == 0) {
			sl->gone = 0;
			sl->version = RECORD_DIGEST_V1;
		} else if (end - d == 66 && d[0] == '2' && d[1] == ':' && hex32(d + 2, sl->digest) == 0) {
			sl->gone = 0;
			sl->version = RECORD_DIGEST_V2;
		} else
			return -1;
		s = *end ? end + 1 : end;
	}
	return 0;
}

static int verify_entry(const LedgerEntry *e, void *ctx)
{
	Verify *v = ctx;
	char hash[65];
	v->sum->entries++;
	if (e->seq != v->expect_seq) {
		if (e->seq > v->expect_seq)
			problem(v, "ledger entry %lld is missing (the entries jump from %lld to %lld)", v->expect_seq,
			        v->expect_seq - 1, e->seq);
		else
			problem(v, "ledger entry %lld is out of order", e->seq);
		v->chain_broken = 1;
	} else if (strcmp(e->prev, v->prev) != 0) {
		problem(v, "ledger entry %lld does not follow entry %lld (its previous hash differs)", e->seq,
		        e->seq - 1);
		v->chain_broken = 1;
	}
	ledger_entry_hash(e, hash);
	if (strcmp(hash, e->hash) != 0) {
		problem(v, "ledger entry %lld (%s by %s at %s) was changed: its content does not match its hash",
		        e->seq, e->action, e->who, e->at);
		v->chain_broken = 1;
	}
	if (take_records(v, e) != 0)
		problem(v, "ledger entry %lld: its list of records is malformed", e->seq);
	v->expect_seq = e->seq + 1;
	size_t hl = strnlen(e->hash, 64);
	memcpy(v->prev, e->hash, hl);
	v->prev[hl] = 0;
	v->sum->head_seq = e->seq;
	memcpy(v->sum->head, v->prev, hl + 1);
	return 0;
}

static int verify_original(const char *sha, const void *data, size_t len, void *ctx)
{
	Verify *v = ctx;
	char hex[65];
	sha256_hex(data, len, hex);
	v->sum->originals++;
	if (strcmp(hex, sha) != 0)
		problem(v, "original %.16s…: its bytes were changed (they now hash to %.16s…)", sha, hex);
	return 0;
}

static int verify_orphan(long long report, void *ctx)
{
	problem(ctx, "report %lld: its original is missing", report);
	return 0;
}

static int verify_record(const char *type, long long id, int version, const unsigned char d[32], void *ctx)
{
	Verify *v = ctx;
	int t = type_index(type, strlen(type));
	unsigned char again[32];
	v->sum->records++;
	Seen *sl = seen_slot(v, (uint64_t)t << 56 | (uint64_t)id, 0);
	if (!sl) {
		problem(v, "%s %lld is not in the ledger (added outside vigil)", type, id);
		return 0;
	}
	sl->checked = 1;
	if (!sl->gone && version != sl->version) {
		/* the second thread read it before the chain said which version: digest it again */
		char hex[65];
		int found = store_record_digest(v->st, type, id, sl->version, hex);
		if (found < 0) {
			v->store_failed = 1;
			return 1;
		}
		if (found == 0 || hex32(hex, again) != 0)
			memset(again, 0, sizeof again);
		d = again;
	}
	if (sl->gone)
		problem(v, "%s %lld exists, but ledger entry %lld recorded it as removed", type, id, sl->seq);
	else if (memcmp(d, sl->digest, 32) != 0)
		problem(v, "%s %lld was changed outside vigil: it differs from what ledger entry %lld recorded",
		        type, id, sl->seq);
	return 0;
}

/* ---- verify: the records' digests in parts, by two threads ---- */

/* Computing the records' digests is most of verify's work (the incidents with their claims
   above all), so it is cut into parts — a type's ids lo..hi, at most PART_IDS of them —
   which two threads take one after the other: a worker, over its own connection, from the
   start, and this thread too once it has walked the chain and the originals. Each part's
   digests are kept, and compared with the ledger afterwards in type and id order, as
   ever, so the first problem named is the same whichever thread read what. Both read one
   snapshot: each reads the ledger head inside its read transaction, and every change
   appends to the ledger, so equal heads are the same state (when they differ, a writer
   came in between, and this thread reads every part itself). */
#define PART_IDS 4096
#define MAX_PARTS 1024 /* per type: ids far apart (a database altered by hand) make wider parts */

typedef struct Digested {
	long long id;
	int version;
	unsigned char d[32];
} Digested;

struct Parts;

typedef struct Part {
	struct Parts *owner;
	size_t type; /* index in types[] */
	long long lo, hi;
	Digested *v;
	size_t n, cap;
	int failed; /* the worker could not read it: this thread reads it again */
	int matched; /* compared where it was read: every record is as the ledger says (v freed) */
} Part;

typedef struct Parts {
	pthread_mutex_t mu;
	Part *p;
	size_t n, cap, next; /* next: the first part nobody has taken */
	/* Which version to digest each record in is known once the chain has been walked:
	   set then (release), after which v's tables are only read until the worker is
	   joined. Parts read before it are in the version the ledger's last entry used
	   (guess), and a part with a record the ledger names in another is read again. */
	atomic_int chain_done;
	int guess;
	Verify *v;
} Parts;

typedef struct Worker {
	Store *st;
	Parts *parts;
	double cpu; /* seconds the worker spent */
} Worker;

/* CPU seconds this thread has used. */
static double thread_cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Cuts every type's ids into parts; 0, or -1 on a store error. */
static int parts_plan(Store *st, Parts *ps)
{
	for (size_t t = 0; t < NTYPES; t++) {
		long long lo, hi;
		if (store_record_id_range(st, types[t], &lo, &hi) != 0)
			return -1;
		if (lo > hi)
			continue;
		/* unsigned: the span of ids may not fit a long long */
		unsigned long long range = (unsigned long long)hi - (unsigned long long)lo;
		unsigned long long n = range / PART_IDS + 1;
		if (n > MAX_PARTS)
			n = MAX_PARTS;
		unsigned long long span = range / n + 1;
		for (unsigned long long k = 0; k < n; k++) {
			if (ps->n == ps->cap) {
				ps->cap = ps->cap ? ps->cap * 2 : 64;
				ps->p = xrealloc(ps->p, ps->cap * sizeof *ps->p);
			}
			Part *p = &ps->p[ps->n++];
			memset(p, 0, sizeof *p);
			p->owner = ps;
			p->type = t;
			p->lo = (long long)((unsigned long long)lo + k * span);
			p->hi = k + 1 == n ? hi : (long long)((unsigned long long)lo + (k + 1) * span - 1);
		}
	}
	return 0;
}

/* The version of the first digest in an entry's records (RECORD_DIGEST_CURRENT when it
   has none); ctx an int. */
static int entry_version(const LedgerEntry *e, void *ctx)
{
	int *guess = ctx;
	const char *eq = strchr(e->records, '=');
	if (eq && eq[1] != '-')
		*guess = eq[1] == '2' && eq[2] == ':' ? RECORD_DIGEST_V2 : RECORD_DIGEST_V1;
	return 0;
}

/* The next part nobody has taken, or NULL. */
static Part *part_take(Parts *ps)
{
	pthread_mutex_lock(&ps->mu);
	Part *p = ps->next < ps->n ? &ps->p[ps->next++] : NULL;
	pthread_mutex_unlock(&ps->mu);
	return p;
}

/* The version of digest the ledger names for a record (RecordVersionFn; ctx a Verify):
   the current one for a record it does not know or says is gone. */
static int seen_version(const char *type, long long id, void *ctx)
{
	Verify *v = ctx;
	Seen *sl = seen_slot(v, (uint64_t)type_index(type, strlen(type)) << 56 | (uint64_t)id, 0);
	return sl && !sl->gone ? sl->version : RECORD_DIGEST_CURRENT;
}

/* The same for a part being read (ctx a Part): the guess until the chain has been walked. */
static int part_version(const char *type, long long id, void *ctx)
{
	Parts *ps = ((Part *)ctx)->owner;
	if (!atomic_load_explicit(&ps->chain_done, memory_order_acquire))
		return ps->guess;
	return seen_version(type, id, ps->v);
}

/* Whether every record of a part was digested in the version the ledger names for it. */
static int part_versions_match(Verify *v, const Part *p)
{
	for (size_t k = 0; k < p->n; k++)
		if (p->v[k].version != seen_version(types[p->type], p->v[k].id, v))
			return 0;
	return 1;
}

static int collect_digest(const char *type, long long id, int version, const unsigned char d[32], void *ctx)
{
	(void)type;
	Part *p = ctx;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 1024;
		p->v = xrealloc(p->v, p->cap * sizeof *p->v);
	}
	p->v[p->n].id = id;
	p->v[p->n].version = version;
	memcpy(p->v[p->n].d, d, 32);
	p->n++;
	return 0;
}

/* Whether every record of a part is what the ledger last recorded, in its version; marks
   them checked. Run by the thread that read the part, once the chain has been walked (the
   tables are then only read, and each record's mark is its own byte); a part with any
   difference is compared again in order by ledger_verify, which names the problems. */
static int part_matches(Verify *v, const Part *p)
{
	uint64_t t = (uint64_t)(p->type + 1) << 56;
	for (size_t k = 0; k < p->n; k++) {
		Seen *sl = seen_slot(v, t | (uint64_t)p->v[k].id, 0);
		if (!sl || sl->gone || sl->version != p->v[k].version || memcmp(sl->digest, p->v[k].d, 32) != 0)
			return 0;
		sl->checked = 1;
	}
	return 1;
}

/* Reads one part's digests into it, and compares them when the chain has been walked; 0,
   or -1 on a store error (the part is then empty). */
static int part_read(Store *st, Part *p)
{
	if (store_record_digests_range(st, types[p->type], p->lo, p->hi, part_version, collect_digest, p) == 0) {
		Parts *ps = p->owner;
		if (atomic_load_explicit(&ps->chain_done, memory_order_acquire) && part_matches(ps->v, p)) {
			/* the comparison done in two threads, and the digests' memory given back */
			p->matched = 1;
			free(p->v);
			p->v = NULL;
			p->cap = 0;
		}
		return 0;
	}
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
	return -1;
}

static void *worker_run(void *arg)
{
	Worker *w = arg;
	double t0 = thread_cpu();
	Part *p;
	while ((p = part_take(w->parts)))
		if (part_read(w->st, p) != 0) {
			/* this part and the ones left are read by the other thread */
			p->failed = 1;
			break;
		}
	store_read_end(w->st);
	w->cpu = thread_cpu() - t0;
	return NULL;
}

/* Starts the worker when the machine has a second core and the worker's snapshot is the
   caller's (head_seq, read inside the caller's read transaction); 1 when it runs, 0 when
   the caller reads every part itself. */
static int worker_start(Store *st, Worker *w, pthread_t *th, Parts *ps, long long head_seq)
{
	Blob err = BLOB_INIT;
	memset(w, 0, sizeof *w);
	w->parts = ps;
	if (ps->n < 2 || sysconf(_SC_NPROCESSORS_ONLN) < 2 || getenv("VIGIL_VERIFY_ONE_THREAD"))
		return 0;
	if (!(w->st = store_open_again(st, &err)))
		goto no;
	long long seq;
	char hash[65];
	if (store_read_begin(w->st) != 0)
		goto no;
	if (store_ledger_head(w->st, &seq, hash) != 0 || seq != head_seq) {
		store_read_end(w->st);
		goto no;
	}
	if (pthread_create(th, NULL, worker_run, w) != 0) {
		store_read_end(w->st);
		goto no;
	}
	blob_free(&err);
	return 1;
no:
	store_close(w->st);
	blob_free(&err);
	w->st = NULL;
	return 0;
}

int ledger_verify(Store *st, void (*fn)(const char *problem, void *ctx), void *ctx, VerifySummary *sum)
{
	Verify v = {0};
	memset(sum, 0, sizeof *sum);
	memset(sum->head, '0', 64);
	v.st = st;
	v.fn = fn;
	v.ctx = ctx;
	v.sum = sum;
	v.expect_seq = 1;
	memset(v.prev, '0', 64);
	int rc = -1, reading = 0, working = 0;
	Worker w = {0};
	Parts ps = {0};
	pthread_mutex_init(&ps.mu, NULL);
	atomic_init(&ps.chain_done, 0);
	ps.v = &v;
	pthread_t th;
	long long head_seq;
	char head[65];
	if (store_read_begin(st) != 0)
		goto done;
	reading = 1;
	if (store_ledger_head(st, &head_seq, head) != 0 || parts_plan(st, &ps) != 0)
		goto done;
	/* the last entry's version is the likeliest for parts read before the chain's end: a
	   database made before version 2 and not changed since has version 1 everywhere */
	ps.guess = RECORD_DIGEST_CURRENT;
	if (head_seq > 0 && store_ledger_each(st, NULL, head_seq, entry_version, &ps.guess) != 0)
		goto done;
	working = worker_start(st, &w, &th, &ps, head_seq);
	int prot = store_ledger_protected(st);
	if (prot < 0)
		goto done;
	if (!prot)
		problem(&v, "the ledger's append-only triggers were removed: the database was altered outside vigil");
	double t0 = thread_cpu();
	if (store_ledger_each(st, NULL, 0, verify_entry, &v) != 0)
		goto done;
	double t1 = thread_cpu();
	sum->chain_cpu = t1 - t0;
	atomic_store_explicit(&ps.chain_done, 1, memory_order_release);
	if (store_originals_each(st, verify_original, &v) != 0 || store_reports_orphaned_each(st, verify_orphan, &v) != 0)
		goto done;
	double t2 = thread_cpu();
	sum->originals_cpu = t2 - t1;
	Part *p;
	while ((p = part_take(&ps)))
		if (part_read(st, p) != 0)
			goto done;
	if (working) {
		pthread_join(th, NULL);
		working = 0;
		sum->records_cpu += w.cpu;
		sum->second_cpu = w.cpu;
	}
	for (size_t i = 0; i < ps.n; i++) {
		p = &ps.p[i];
		if (p->matched) {
			v.sum->records += (long long)p->n;
			continue;
		}
		if (p->failed || !part_versions_match(&v, p)) {
			/* the worker failed on it: this connection reads it (and says why it fails);
			   or it was read in a version of digest the ledger does not name for one of its
			   records */
			if (store_record_digests_range(st, types[p->type], p->lo, p->hi, seen_version, verify_record, &v) != 0 ||
			    v.store_failed)
				goto done;
			continue;
		}
		for (size_t k = 0; k < p->n; k++)
			verify_record(types[p->type], p->v[k].id, p->v[k].version, p->v[k].d, &v);
		if (v.store_failed)
			goto done;
		free(p->v);
		p->v = NULL;
	}
	for (size_t t = 1; t <= NTYPES; t++)
		for (size_t i = 0; i < v.dense[t].cap; i++) {
			Seen *sl = &v.dense[t].v[i];
			if (sl->key && !sl->checked && !sl->gone)
				problem(&v, "%s %lld is missing: ledger entry %lld recorded it", types[t - 1], (long long)i,
				        sl->seq);
		}
	for (size_t i = 0; i < v.cap; i++) {
		Seen *sl = &v.table[i];
		if (sl->key && !sl->checked && !sl->gone)
			problem(&v, "%s %lld is missing: ledger entry %lld recorded it", types[(sl->key >> 56) - 1],
			        (long long)(sl->key & ((1ULL << 56) - 1)), sl->seq);
	}
	sum->records_cpu += thread_cpu() - t2;
	rc = 0;
done:
	if (working) {
		/* nothing is left for the worker to take once this thread stops taking */
		pthread_mutex_lock(&ps.mu);
		ps.next = ps.n;
		pthread_mutex_unlock(&ps.mu);
		pthread_join(th, NULL);
	}
	if (w.st)
		store_close(w.st);
	for (size_t i = 0; i < ps.n; i++)
		free(ps.p[i].v);
	free(ps.p);
	pthread_mutex_destroy(&ps.mu);
	if (reading)
		store_read_end(st);
	free(v.table);
	for (size_t t = 0; t < 8; t++)
		free(v.dense[t].v);
	blob_free(&v.msg);
	return rc;
}
