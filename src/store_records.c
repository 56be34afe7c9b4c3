/*
** store_records.c — the SQL of records (store_records.h): incidents, claims, proposals
** under review, appeals, population facts, places, actors, the ledger and the record
** digests that tie the records to it.
**
** A record's digest is the BLAKE2b-256 of a serialisation of its row and its dependent rows
** (claims of an incident, …), in one of two versions (docs/ledger.md): 1, every non-NULL
** column as name, type, length and bytes; 2, every non-NULL column as a compact binary
** index, type, length and bytes. Both in column order; NULL columns are left out, so a
** later migration that adds a column does not change the digests of records written
** before it.
*/
#include "dates.h"
#include "records.h"
#include "store_int.h"
#include "util.h"

#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* ---- the statement cache ---- */

#define CACHE_SLOTS 128

typedef struct CacheSlot {
	char *sql;
	const char *lit; /* the address the SQL was last asked for at */
	unsigned long hash;
	sqlite3_stmt *q;
	int in_use;
} CacheSlot;

struct StmtCache {
	CacheSlot slot[CACHE_SLOTS];
	int n;
	int names_ready; /* place_name and actor_name have been checked (see names_ready) */
};

static unsigned long sql_hash(const char *s)
{
	unsigned long h = 1469598103934665603UL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211UL;
	return h;
}

sqlite3_stmt *store_stmt(Store *st, const char *sql)
{
	if (!st->cache)
		st->cache = xcalloc(1, sizeof *st->cache);
	StmtCache *c = st->cache;
	/* the SQL is nearly always a string literal, at the same address each time: found
	   there first, compared but not hashed (hashing the long column lists byte by byte
	   took a web page 2% of its time; some SQL is built in a buffer, hence the compare) */
	for (int i = 0; i < c->n; i++) {
		CacheSlot *s = &c->slot[i];
		if (s->lit == sql && !s->in_use && strcmp(s->sql, sql) == 0) {
			s->in_use = 1;
			return s->q;
		}
	}
	unsigned long h = sql_hash(sql);
	for (int i = 0; i < c->n; i++) {
		CacheSlot *s = &c->slot[i];
		if (s->hash == h && !s->in_use && strcmp(s->sql, sql) == 0) {
			s->in_use = 1;
			s->lit = sql;
			return s->q;
		}
	}
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &q, NULL) != SQLITE_OK) {
		store_fail(st, "prepare");
		return NULL;
	}
	if (c->n < CACHE_SLOTS) {
		CacheSlot *s = &c->slot[c->n++];
		s->sql = xstrdup(sql);
		s->lit = sql;
		s->hash = h;
		s->q = q;
		s->in_use = 1;
	}
	return q;
}

void store_release(Store *st, sqlite3_stmt *q)
{
	if (!q)
		return;
	StmtCache *c = st->cache;
	for (int i = 0; c && i < c->n; i++)
		if (c->slot[i].q == q) {
			sqlite3_reset(q);
			sqlite3_clear_bindings(q);
			c->slot[i].in_use = 0;
			return;
		}
	sqlite3_finalize(q);
}

void store_cache_free(Store *st)
{
	StmtCache *c = st->cache;
	for (int i = 0; c && i < c->n; i++) {
		sqlite3_finalize(c->slot[i].q);
		free(c->slot[i].sql);
	}
	free(c);
	st->cache = NULL;
}

/* ---- small helpers ---- */

static long long col_id(sqlite3_stmt *q, int i)
{
	return sqlite3_column_type(q, i) == SQLITE_NULL ? 0 : sqlite3_column_int64(q, i);
}

static long long col_num(sqlite3_stmt *q, int i)
{
	return sqlite3_column_type(q, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(q, i);
}

static void bind_id(sqlite3_stmt *q, int i, long long v)
{
	if (v > 0)
		sqlite3_bind_int64(q, i, v);
	else
		sqlite3_bind_null(q, i);
}

static void bind_num(sqlite3_stmt *q, int i, long long v)
{
	if (v >= 0)
		sqlite3_bind_int64(q, i, v);
	else
		sqlite3_bind_null(q, i);
}

/* Seconds since 1970 of "YYYY-MM-DDTHH:MM:SSZ", 0 when it is not that. */
static long long iso_unix(const char *s)
{
	struct tm tm = {0};
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
	                 &tm.tm_min, &tm.tm_sec) != 6)
		return 0;
	return (long long)ymd_days(tm.tm_year, tm.tm_mon, tm.tm_mday) * 86400 + tm.tm_hour * 3600 +
	       tm.tm_min * 60 + tm.tm_sec;
}

/* ---- incidents ---- */

#define INCIDENT_COLS                                                                              \
	"i.id, i.kind, i.status, i.date_start, i.date_end, i.place, i.country, i.admin1, i.admin2,"   \
	" i.place_id, i.lat, i.lon, i.geo_precision, i.perpetrators, i.targets, i.description,"      \
	" i.killed_min, i.killed_max, i.killed_src, i.killed_ind, i.killed_edit, i.killed_open,"     \
	" i.wounded_min, i.wounded_max, i.wounded_src, i.wounded_ind, i.wounded_edit, i.wounded_open," \
	" i.detained_min, i.detained_max, i.detained_src, i.detained_ind, i.detained_edit,"          \
	" i.detained_open,"                                                                          \
	" i.sources, i.independent, i.threat, i.announced, i.due, i.fulfilled_by, i.threat_note,"    \
	" i.merged_into, i.created_at, i.updated_at"

static void count_row(sqlite3_stmt *q, int i, Count *c)
{
	c->min = col_num(q, i);
	c->max = col_num(q, i + 1);
	c->sources = sqlite3_column_int(q, i + 2);
	c->independent = sqlite3_column_int(q, i + 3);
	c->edited = sqlite3_column_int(q, i + 4);
	c->open = sqlite3_column_int(q, i + 5);
}

static void incident_row(sqlite3_stmt *q, Incident *in)
{
	memset(in, 0, sizeof *in);
	in->id = sqlite3_column_int64(q, 0);
	in->kind = store_col_text(q, 1);
	in->status = store_col_text(q, 2);
	in->date_start = store_col_text(q, 3);
	in->date_end = store_col_text(q, 4);
	in->place = store_col_text(q, 5);
	in->country = store_col_text(q, 6);
	in->admin1 = store_col_text(q, 7);
	in->admin2 = store_col_text(q, 8);
	in->place_id = col_id(q, 9);
	in->has_coords = sqlite3_column_type(q, 10) != SQLITE_NULL && sqlite3_column_type(q, 11) != SQLITE_NULL;
	in->lat = sqlite3_column_double(q, 10);
	in->lon = sqlite3_column_double(q, 11);
	in->geo_precision = sqlite3_column_int(q, 12);
	in->perpetrators = store_col_text(q, 13);
	in->targets = store_col_text(q, 14);
	in->description = store_col_text(q, 15);
	count_row(q, 16, &in->killed);
	count_row(q, 22, &in->wounded);
	count_row(q, 28, &in->detained);
	in->sources = sqlite3_column_int(q, 34);
	in->independent = sqlite3_column_int(q, 35);
	in->threat = store_col_text(q, 36);
	in->announced = store_col_text(q, 37);
	in->due = store_col_text(q, 38);
	in->fulfilled_by = col_id(q, 39);
	in->threat_note = store_col_text(q, 40);
	in->merged_into = col_id(q, 41);
	in->created_at = store_col_text(q, 42);
	in->updated_at = store_col_text(q, 43);
	in->updated_unix = iso_unix(in->updated_at);
}

void incident_free(Incident *in)
{
	free(in->kind);
	free(in->status);
	free(in->date_start);
	free(in->date_end);
	free(in->place);
	free(in->country);
	free(in->admin1);
	free(in->admin2);
	free(in->perpetrators);
	free(in->targets);
	free(in->description);
	free(in->threat);
	free(in->announced);
	free(in->due);
	free(in->threat_note);
	free(in->created_at);
	free(in->updated_at);
	memset(in, 0, sizeof *in);
}

int store_incident_get(Store *st, long long id, Incident *out)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " INCIDENT_COLS " FROM incident i WHERE i.id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		incident_row(q, out);
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read incident");
	store_release(st, q);
	return found;
}

/* The WHERE clause of a filter; every value is a bound parameter ?1..?11. */
#define FILTER_WHERE                                                                          \
	" WHERE (?1 IS NULL OR i.kind=?1) AND (?2 IS NULL OR i.status=?2)"                       \
	" AND (?3 IS NULL OR i.threat=?3 OR (?3='due' AND i.threat='open' AND i.due<?11)"      \
	"  OR (?3='waiting' AND i.threat='open' AND (i.due IS NULL OR i.due>=?11)))"       \
	" AND (?4 IS NULL OR instr(lower(i.place), lower(?4))>0)"                                \
	" AND (?5 IS NULL OR instr(lower(i.perpetrators), lower(?5))>0)"                         \
	" AND (?6 IS NULL OR i.day_last>=?6) AND (?7 IS NULL OR i.day_first<=?7)"                \
	" AND (?8=0 OR i.fulfilled_by=?8) AND (?9=0 OR i.place_id=?9)"                           \
	" AND (?10 OR i.merged_into IS NULL)"

static void bind_filter(sqlite3_stmt *q, const IncidentFilter *f)
{
	static const IncidentFilter none = {0};
	char today[21];
	if (!f)
		f = &none;
	store_bind_text(q, 1, f->kind);
	store_bind_text(q, 2, f->status);
	store_bind_text(q, 3, f->threat);
	store_bind_text(q, 4, f->place);
	store_bind_text(q, 5, f->actor);
	store_bind_text(q, 6, f->since);
	store_bind_text(q, 7, f->until);
	sqlite3_bind_int64(q, 8, f->fulfilled_by);
	sqlite3_bind_int64(q, 9, f->place_id);
	sqlite3_bind_int(q, 10, f->include_merged);
	if (f->today)
		store_bind_text(q, 11, f->today);
	else {
		now_iso(today);
		today[10] = 0;
		store_bind_text(q, 11, today);
	}
}

typedef int (*IncidentFn)(const Incident *in, void *ctx);

static int incident_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	Incident in;
	incident_row(q, &in);
	int stop = ((IncidentFn)fn)(&in, ctx);
	incident_free(&in);
	return stop;
}

/* ---- deep pages of the incident list ----
**
** The list everyone opens (newest first, no filter, merged incidents left out) is read a
** page at a time, and LIMIT … OFFSET n steps over n index entries first: a page 200 deep
** cost a millisecond. So a connection keeps the key (day_first, id) of every KEY_STEP-th
** row of that order, made by one walk of the index the first time a deep page is asked
** for and again after any change: a page then starts with a seek to the nearest key
** before it. The keys belong to one state of the database — the connection's PRAGMA
** data_version (commits by others) and its sqlite3_total_changes (its own) — and are
** used only inside a read transaction, where both are those of the snapshot read. */

#define KEY_STEP 64
#define KEY_FROM (4 * KEY_STEP) /* shallower offsets just step over the rows */

struct PageKeys {
	long long version, changes;
	size_t n;
	sqlite3_value **day; /* day_first of the row at k * KEY_STEP (SQL NULL: undated) */
	long long *id;
};

void store_page_keys_free(Store *st)
{
	PageKeys *k = st->page_keys;
	if (!k)
		return;
	for (size_t i = 0; i < k->n; i++)
		sqlite3_value_free(k->day[i]);
	free(k->day);
	free(k->id);
	free(k);
	st->page_keys = NULL;
}

/* The keys for the snapshot being read, made when they are missing or older; NULL when they
   cannot be used (no read transaction, or an error: the caller steps over the rows). */
static PageKeys *page_keys(Store *st)
{
	if (sqlite3_get_autocommit(st->db) || sqlite3_txn_state(st->db, NULL) == SQLITE_TXN_WRITE)
		return NULL;
	sqlite3_stmt *q = store_stmt(st, "PRAGMA data_version");
	if (!q)
		return NULL;
	long long version = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	store_release(st, q);
	long long changes = sqlite3_total_changes64(st->db);
	PageKeys *k = st->page_keys;
	if (version < 0)
		return NULL;
	if (k && k->version == version && k->changes == changes)
		return k;
	store_page_keys_free(st);
	q = store_stmt(st, "SELECT i.day_first, i.id FROM incident i WHERE i.merged_into IS NULL"
	                   " ORDER BY i.day_first IS NULL, i.day_first DESC, i.id DESC");
	if (!q)
		return NULL;
	k = xcalloc(1, sizeof *k);
	size_t cap = 0, row = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (row++ % KEY_STEP)
			continue;
		if (k->n == cap) {
			cap = cap ? 2 * cap : 256;
			k->day = xrealloc(k->day, cap * sizeof *k->day);
			k->id = xrealloc(k->id, cap * sizeof *k->id);
		}
		k->day[k->n] = sqlite3_value_dup(sqlite3_column_value(q, 0));
		k->id[k->n] = sqlite3_column_int64(q, 1);
		if (!k->day[k->n])
			rc = SQLITE_NOMEM;
		else
			k->n++;
		if (rc != SQLITE_ROW)
			break;
	}
	store_release(st, q);
	k->version = version;
	k->changes = changes;
	st->page_keys = k;
	if (rc != SQLITE_DONE) {
		store_page_keys_free(st);
		return NULL;
	}
	return k;
}

/* Counts rows for a walk and passes them on. */
typedef struct KeyWalk {
	IncidentFn fn;
	void *ctx;
	long long rows;
	int stopped;
} KeyWalk;

static int key_walk_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	KeyWalk *w = ctx;
	(void)fn;
	w->rows++;
	return w->stopped = incident_cb(q, (void *)w->fn, w->ctx);
}

/* The unfiltered newest-first list from row offset on, limit rows (-1: all), starting at the
   nearest key: the dated rows from it, then the undated ones. 1 when done, 0 when the keys
   cannot serve (the caller uses OFFSET), -1 on error. */
static int incidents_from_key(Store *st, long long offset, long long limit, IncidentFn fn, void *ctx)
{
	PageKeys *k = page_keys(st);
	if (!k)
		return 0;
	size_t at = (size_t)(offset / KEY_STEP);
	if (at >= k->n)
		return 1; /* past the end: no row */
	long long skip = offset - (long long)at * KEY_STEP;
	KeyWalk w = {fn, ctx, 0, 0};
	int undated = sqlite3_value_type(k->day[at]) == SQLITE_NULL;
	sqlite3_stmt *q;
	if (!undated) {
		q = store_stmt(st, "SELECT " INCIDENT_COLS " FROM incident i WHERE (i.day_first IS NULL)=0"
		                   " AND i.day_first<=?1 AND (i.day_first<?1 OR i.id<=?2) AND i.merged_into IS NULL"
		                   " ORDER BY i.day_first DESC, i.id DESC LIMIT ?3 OFFSET ?4");
		if (!q)
			return -1;
		sqlite3_bind_value(q, 1, k->day[at]);
		sqlite3_bind_int64(q, 2, k->id[at]);
		sqlite3_bind_int64(q, 3, limit);
		sqlite3_bind_int64(q, 4, skip);
		/* the rows counted include those skipped: OFFSET steps over them unseen, so
		   count what came and work out what is left */
		if (store_walk(st, q, "list incidents", key_walk_cb, NULL, &w) != 0)
			return -1;
		if (w.stopped || (limit >= 0 && w.rows >= limit))
			return 1;
		/* the dated rows ran out: the undated follow, after those the skip still covers */
		long long dated_left = 0;
		q = store_stmt(st, "SELECT count(*) FROM incident i WHERE (i.day_first IS NULL)=0"
		                   " AND i.day_first<=?1 AND (i.day_first<?1 OR i.id<=?2) AND i.merged_into IS NULL");
		if (!q)
			return -1;
		sqlite3_bind_value(q, 1, k->day[at]);
		sqlite3_bind_int64(q, 2, k->id[at]);
		dated_left = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
		store_release(st, q);
		if (dated_left < 0)
			return store_fail(st, "list incidents");
		skip = skip > dated_left ? skip - dated_left : 0;
		if (limit >= 0)
			limit -= w.rows;
	}
	q = store_stmt(st, "SELECT " INCIDENT_COLS " FROM incident i WHERE (i.day_first IS NULL)=1"
	                   " AND i.id<=?1 AND i.merged_into IS NULL ORDER BY i.day_first DESC, i.id DESC"
	                   " LIMIT ?2 OFFSET ?3");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, undated ? k->id[at] : INT64_MAX);
	sqlite3_bind_int64(q, 2, limit);
	sqlite3_bind_int64(q, 3, skip);
	return store_walk(st, q, "list incidents", key_walk_cb, NULL, &w) != 0 ? -1 : 1;
}

/* 1 when a filter is the plain newest-first list (no condition but the merged left out). */
static int plain_newest(const IncidentFilter *f)
{
	return f && f->newest_first && !f->by_id && !f->kind && !f->status && !f->threat && !f->place &&
	       !f->actor && !f->since && !f->until && !f->fulfilled_by && !f->place_id && !f->include_merged;
}

int store_incidents_each(Store *st, const IncidentFilter *f, IncidentFn fn, void *ctx)
{
	if (plain_newest(f) && f->offset >= KEY_FROM) {
		int done = incidents_from_key(st, f->offset, f->limit > 0 ? f->limit : -1, fn, ctx);
		if (done)
			return done < 0 ? -1 : 0;
	}
	int newest = f && f->newest_first;
	sqlite3_stmt *q = store_stmt(st, f && f->by_id ? "SELECT " INCIDENT_COLS " FROM incident i" FILTER_WHERE
	                                                    " ORDER BY i.id LIMIT ?12 OFFSET ?13"
	                                  : newest ? "SELECT " INCIDENT_COLS " FROM incident i" FILTER_WHERE
	                                             " ORDER BY i.day_first IS NULL, i.day_first DESC, i.id DESC LIMIT ?12 OFFSET ?13"
	                                           : "SELECT " INCIDENT_COLS " FROM incident i" FILTER_WHERE
	                                             " ORDER BY i.day_first IS NULL, i.day_first, i.id LIMIT ?12 OFFSET ?13");
	if (!q)
		return -1;
	bind_filter(q, f);
	sqlite3_bind_int64(q, 12, f && f->limit > 0 ? f->limit : -1);
	sqlite3_bind_int64(q, 13, f && f->offset > 0 ? f->offset : 0);
	return store_walk(st, q, "list incidents", incident_cb, (void *)fn, ctx);
}

long long store_incident_count(Store *st, const IncidentFilter *f)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT count(*) FROM incident i" FILTER_WHERE);
	if (!q)
		return -1;
	bind_filter(q, f);
	long long n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : store_fail(st, "count incidents");
	store_release(st, q);
	return n;
}

int store_incident_new(Store *st, const char *kind, const char *status, const char *now, long long *id)
{
	sqlite3_stmt *q = store_stmt(st, "INSERT INTO incident(kind, status, created_at, updated_at)"
	                                    " VALUES(?1, ?2, ?3, ?3)");
	if (!q)
		return -1;
	store_bind_text(q, 1, kind);
	store_bind_text(q, 2, status);
	store_bind_text(q, 3, now);
	if (store_step_done(st, q, "new incident"))
		return -1;
	*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static void bind_count(sqlite3_stmt *q, int i, const Count *c)
{
	bind_num(q, i, c->min);
	bind_num(q, i + 1, c->max);
	sqlite3_bind_int(q, i + 2, c->sources);
	sqlite3_bind_int(q, i + 3, c->independent);
	sqlite3_bind_int(q, i + 4, c->edited);
	sqlite3_bind_int(q, i + 5, c->open);
}

/* The key incidents are matched on: the place record, else the lower-cased name. */
static void place_key(const Incident *in, Blob *out)
{
	if (in->place_id > 0)
		blob_appendf(out, "#%lld", in->place_id);
	else if (in->place)
		for (const char *s = in->place; *s; s++)
			blob_putc(out, *s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
}

int store_incident_set_summary(Store *st, const Incident *in)
{
	char first[11], last[11];
	Blob key = BLOB_INIT;
	date_bounds(in->date_start, in->date_end, first, last);
	place_key(in, &key);
	sqlite3_stmt *q = store_stmt(st,
		"UPDATE incident SET kind=?2, status=?3, date_start=?4, date_end=?5, day_first=?6, day_last=?7,"
		" place=?8, place_key=?9, place_id=?10, country=?11, admin1=?12, admin2=?13, lat=?14, lon=?15,"
		" geo_precision=?16, perpetrators=?17, targets=?18, description=?19,"
		" killed_min=?20, killed_max=?21, killed_src=?22, killed_ind=?23, killed_edit=?24, killed_open=?25,"
		" wounded_min=?26, wounded_max=?27, wounded_src=?28, wounded_ind=?29, wounded_edit=?30,"
		" wounded_open=?31, detained_min=?32, detained_max=?33, detained_src=?34, detained_ind=?35,"
		" detained_edit=?36, detained_open=?37,"
		" sources=?38, independent=?39, threat=?40, announced=?41, due=?42, updated_at=?43"
		" WHERE id=?1");
	if (!q) {
		blob_free(&key);
		return -1;
	}
	sqlite3_bind_int64(q, 1, in->id);
	store_bind_text(q, 2, in->kind);
	store_bind_text(q, 3, in->status);
	store_bind_text(q, 4, in->date_start);
	store_bind_text(q, 5, in->date_end);
	store_bind_text(q, 6, first[0] ? first : NULL);
	store_bind_text(q, 7, last[0] ? last : NULL);
	store_bind_text(q, 8, in->place);
	store_bind_text(q, 9, key.len ? blob_str(&key) : NULL);
	bind_id(q, 10, in->place_id);
	store_bind_text(q, 11, in->country);
	store_bind_text(q, 12, in->admin1);
	store_bind_text(q, 13, in->admin2);
	if (in->has_coords) {
		sqlite3_bind_double(q, 14, in->lat);
		sqlite3_bind_double(q, 15, in->lon);
	}
	if (in->geo_precision > 0)
		sqlite3_bind_int(q, 16, in->geo_precision);
	store_bind_text(q, 17, in->perpetrators);
	store_bind_text(q, 18, in->targets);
	store_bind_text(q, 19, in->description);
	bind_count(q, 20, &in->killed);
	bind_count(q, 26, &in->wounded);
	bind_count(q, 32, &in->detained);
	sqlite3_bind_int(q, 38, in->sources);
	sqlite3_bind_int(q, 39, in->independent);
	store_bind_text(q, 40, in->threat);
	store_bind_text(q, 41, in->announced);
	store_bind_text(q, 42, in->due);
	store_bind_text(q, 43, in->updated_at);
	blob_free(&key);
	return store_step_done(st, q, "update incident");
}

int store_incident_set_threat(Store *st, long long id, const char *threat, long long fulfilled_by,
                              const char *note, const char *now)
{
	sqlite3_stmt *q = store_stmt(st, "UPDATE incident SET threat=?2, fulfilled_by=?3, threat_note=?4,"
	                                    " updated_at=?5 WHERE id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	store_bind_text(q, 2, threat);
	bind_id(q, 3, fulfilled_by);
	store_bind_text(q, 4, note);
	store_bind_text(q, 5, now);
	return store_step_done(st, q, "update threat");
}

int store_incident_set_merged(Store *st, long long id, long long into, const char *now)
{
	sqlite3_stmt *q = store_stmt(st, "UPDATE incident SET merged_into=?2, updated_at=?3 WHERE id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	bind_id(q, 2, into);
	store_bind_text(q, 3, now);
	return store_step_done(st, q, "merge incident");
}

typedef struct CandCtx {
	IncidentFn fn;
	void *ctx;
} CandCtx;

int store_incident_candidates(Store *st, const char *status, long long place_id, const char *place,
                              const char *lo, const char *hi, IncidentFn fn, void *ctx)
{
	Incident like = {0};
	Blob key = BLOB_INIT;
	like.place_id = place_id;
	like.place = (char *)place;
	place_key(&like, &key);
	if (!key.len || !lo || !hi)
		return 0;
	/* day_first is bounded below too so the index does the work: nothing we match spans
	   more than a year and a month */
	char floor_day[11] = "";
	Ymd l;
	if (ymd_parse_iso(lo, &l) && l.d)
		ymd_format(ymd_add_days(l, -400), floor_day);
	sqlite3_stmt *q = store_stmt(st, "SELECT " INCIDENT_COLS " FROM incident i"
	                                    " WHERE i.status=?1 AND i.place_key=?2 AND i.day_first<=?4"
	                                    " AND i.day_first>=?5 AND i.day_last>=?3 AND i.merged_into IS NULL"
	                                    " ORDER BY i.id");
	if (!q) {
		blob_free(&key);
		return -1;
	}
	store_bind_text(q, 1, status);
	store_bind_text(q, 2, blob_str(&key));
	store_bind_text(q, 3, lo);
	store_bind_text(q, 4, hi);
	store_bind_text(q, 5, floor_day);
	blob_free(&key);
	return store_walk(st, q, "match incidents", incident_cb, (void *)fn, ctx);
}

typedef int (*SourcesFn)(long long incident, int reports, const char *names, void *ctx);

static int sources_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	const char *names = (const char *)sqlite3_column_text(q, 2);
	return ((SourcesFn)fn)(sqlite3_column_int64(q, 0), sqlite3_column_int(q, 1), names ? names : "", ctx);
}

int store_incident_sources_each(Store *st, SourcesFn fn, void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT incident_id, count(*), group_concat(name, '; ') FROM"
	                                    " (SELECT DISTINCT c.incident_id, r.id,"
	                                    "  coalesce(r.publisher, r.source, 'report ' || r.id) AS name"
	                                    "  FROM claim c JOIN report r ON r.id=c.report_id)"
	                                    " GROUP BY incident_id ORDER BY incident_id");
	if (!q)
		return -1;
	return store_walk(st, q, "list sources", sources_cb, (void *)fn, ctx);
}

static int cited_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	return ((int (*)(long long, void *))fn)(sqlite3_column_int64(q, 0), ctx);
}

int store_cited_reports_each(Store *st, int (*fn)(long long report, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT report_id FROM claim WHERE report_id IS NOT NULL"
	                                    " UNION SELECT report_id FROM appeal_source WHERE report_id IS NOT NULL"
	                                    " UNION SELECT report_id FROM population WHERE report_id IS NOT NULL"
	                                    " ORDER BY 1");
	if (!q)
		return -1;
	return store_walk(st, q, "list cited reports", cited_cb, (void *)fn, ctx);
}

/* ---- claims ---- */

#define CLAIM_COLS                                                                              \
	"c.id, c.incident_id, c.field, c.value, c.min, c.max, c.extra, c.report_id, c.proposal_id," \
	" c.grp, c.quote, c.q_start, c.q_end, c.orig_start, c.orig_end, r.publisher, r.published,"  \
	" r.title, c.who, c.reason, c.at"

void claim_free(Claim *c)
{
	free(c->field);
	free(c->value);
	free(c->extra);
	free(c->quote);
	free(c->publisher);
	free(c->published);
	free(c->title);
	free(c->who);
	free(c->reason);
	free(c->at);
	memset(c, 0, sizeof *c);
}

/* A text column without a copy: valid until the statement steps on (NULL stays NULL). */
static char *col_view(sqlite3_stmt *q, int i)
{
	return (char *)sqlite3_column_text(q, i);
}

/* A claim from a row, its strings made by text: copies (store_col_text, claim_free them)
   or views into the row (col_view, valid until the statement steps on). */
static void claim_fill(sqlite3_stmt *q, Claim *c, char *(*text)(sqlite3_stmt *q, int i))
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(q, 0);
	c->incident_id = sqlite3_column_int64(q, 1);
	c->field = text(q, 2);
	c->value = text(q, 3);
	c->min = col_num(q, 4);
	c->max = col_num(q, 5);
	c->extra = text(q, 6);
	c->report_id = col_id(q, 7);
	c->proposal_id = col_id(q, 8);
	c->group = sqlite3_column_int(q, 9);
	c->quote = text(q, 10);
	c->start = col_num(q, 11);
	c->end = col_num(q, 12);
	c->orig_start = col_num(q, 13);
	c->orig_end = col_num(q, 14);
	c->publisher = text(q, 15);
	c->published = text(q, 16);
	c->title = text(q, 17);
	c->who = text(q, 18);
	c->reason = text(q, 19);
	c->at = text(q, 20);
}

static void claim_row(sqlite3_stmt *q, Claim *c)
{
	claim_fill(q, c, store_col_text);
}


typedef int (*ClaimFn)(const Claim *c, void *ctx);

static int claim_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	Claim c;
	claim_row(q, &c);
	int stop = ((ClaimFn)fn)(&c, ctx);
	claim_free(&c);
	return stop;
}

int store_claims_each(Store *st, long long incident_id, ClaimFn fn, void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " CLAIM_COLS " FROM claim c LEFT JOIN report r"
	                                    " ON r.id=c.report_id WHERE c.incident_id=?1 ORDER BY c.id");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, incident_id);
	return store_walk(st, q, "list claims", claim_cb, (void *)fn, ctx);
}

/* One statement for an incident's page: each claim (views into the row) with the cited
   report's title, source and cleaned text, so the page reads no report a second time. */
static int claim_report_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	Claim c;
	ClaimReport r;
	claim_fill(q, &c, col_view);
	r.title = (const char *)sqlite3_column_text(q, 21);
	r.source = (const char *)sqlite3_column_text(q, 22);
	r.text = (const char *)sqlite3_column_text(q, 23);
	r.text_len = (size_t)sqlite3_column_bytes(q, 23);
	return ((int (*)(const Claim *, const ClaimReport *, void *))fn)(&c, &r, ctx);
}

int store_claims_with_reports(Store *st, long long incident_id,
                              int (*fn)(const Claim *c, const ClaimReport *r, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " CLAIM_COLS ", coalesce(r.title, r.filename), r.source, r.text"
	                                    " FROM claim c LEFT JOIN report r ON r.id=c.report_id"
	                                    " WHERE c.incident_id=?1 ORDER BY c.id");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, incident_id);
	return store_walk(st, q, "list claims", claim_report_cb, (void *)fn, ctx);
}

struct IncidentCursor {
	Store *st;
	sqlite3_stmt *claims, *links;
	int crc, lrc; /* the last sqlite3_step of each */
};

IncidentCursor *store_incident_cursor(Store *st)
{
	IncidentCursor *c = xcalloc(1, sizeof *c);
	c->st = st;
	/* claim_incident(incident_id) holds the rowid too: this order needs no sorting */
	c->claims = store_stmt(st, "SELECT " CLAIM_COLS " FROM claim c LEFT JOIN report r"
	                           " ON r.id=c.report_id ORDER BY c.incident_id, c.id");
	c->links = store_stmt(st, "SELECT appeal_id, incident_id FROM appeal_incident ORDER BY incident_id, appeal_id");
	if (!c->claims || !c->links) {
		store_incident_cursor_free(c);
		return NULL;
	}
	c->crc = sqlite3_step(c->claims);
	c->lrc = sqlite3_step(c->links);
	return c;
}

int store_incident_cursor_claims(IncidentCursor *c, long long incident, ClaimFn fn, void *ctx)
{
	while (c->crc == SQLITE_ROW && sqlite3_column_int64(c->claims, 1) < incident)
		c->crc = sqlite3_step(c->claims);
	while (c->crc == SQLITE_ROW && sqlite3_column_int64(c->claims, 1) == incident) {
		Claim cl;
		claim_fill(c->claims, &cl, col_view); /* read only by fn: no copies */
		int stop = fn(&cl, ctx);
		if (stop)
			return 0;
		c->crc = sqlite3_step(c->claims);
	}
	return c->crc == SQLITE_ROW || c->crc == SQLITE_DONE ? 0 : store_fail(c->st, "list claims");
}

int store_incident_cursor_links(IncidentCursor *c, long long incident,
                                int (*fn)(long long appeal, long long incident, void *ctx), void *ctx)
{
	while (c->lrc == SQLITE_ROW && sqlite3_column_int64(c->links, 1) < incident)
		c->lrc = sqlite3_step(c->links);
	while (c->lrc == SQLITE_ROW && sqlite3_column_int64(c->links, 1) == incident) {
		if (fn(sqlite3_column_int64(c->links, 0), incident, ctx))
			return 0;
		c->lrc = sqlite3_step(c->links);
	}
	return c->lrc == SQLITE_ROW || c->lrc == SQLITE_DONE ? 0 : store_fail(c->st, "list appeal links");
}

void store_incident_cursor_free(IncidentCursor *c)
{
	if (!c)
		return;
	store_release(c->st, c->claims);
	store_release(c->st, c->links);
	free(c);
}

int store_claim_add(Store *st, const Claim *c, long long *id)
{
	sqlite3_stmt *q = store_stmt(st,
		"INSERT INTO claim(incident_id, field, value, min, max, extra, report_id, proposal_id, grp,"
		" quote, q_start, q_end, orig_start, orig_end, who, reason, at)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, c->incident_id);
	store_bind_text(q, 2, c->field);
	store_bind_text(q, 3, c->value);
	bind_num(q, 4, c->min);
	bind_num(q, 5, c->max);
	store_bind_text(q, 6, c->extra);
	bind_id(q, 7, c->report_id);
	bind_id(q, 8, c->proposal_id);
	sqlite3_bind_int(q, 9, c->group);
	store_bind_text(q, 10, c->quote);
	bind_num(q, 11, c->quote ? c->start : -1);
	bind_num(q, 12, c->quote ? c->end : -1);
	bind_num(q, 13, c->quote ? c->orig_start : -1);
	bind_num(q, 14, c->quote ? c->orig_end : -1);
	store_bind_text(q, 15, c->who);
	store_bind_text(q, 16, c->reason);
	store_bind_text(q, 17, c->at);
	if (store_step_done(st, q, "add claim"))
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int store_claims_move(Store *st, long long from, long long to, long long proposal_id, long long claim_id)
{
	sqlite3_stmt *q = store_stmt(st, "UPDATE claim SET incident_id=?2 WHERE incident_id=?1"
	                                    " AND (?3=0 OR proposal_id=?3) AND (?4=0 OR id=?4)");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, from);
	sqlite3_bind_int64(q, 2, to);
	sqlite3_bind_int64(q, 3, proposal_id);
	sqlite3_bind_int64(q, 4, claim_id);
	if (store_step_done(st, q, "move claims"))
		return -1;
	return sqlite3_changes(st->db);
}

int store_claim_set_group(Store *st, long long claim_id, int group)
{
	sqlite3_stmt *q = store_stmt(st, "UPDATE claim SET grp=?2 WHERE id=?1 AND grp<>?2");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, claim_id);
	sqlite3_bind_int(q, 2, group);
	return store_step_done(st, q, "group claim");
}

/* ---- proposals ---- */

void proposal_free(Proposal *p)
{
	free(p->type);
	free(p->json);
	free(p->state);
	free(p->created_at);
	free(p->reviewed_by);
	free(p->reviewed_at);
	free(p->reason);
	memset(p, 0, sizeof *p);
}

#define PROPOSAL_COLS                                                                        \
	"p.id, p.report_id, p.type, p.json, p.state, p.created_at, v.incident_id, v.appeal_id," \
	" v.who, v.at, v.reason"

static void proposal_row(sqlite3_stmt *q, Proposal *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(q, 0);
	p->report_id = sqlite3_column_int64(q, 1);
	p->type = store_col_text(q, 2);
	p->json = store_col_text(q, 3);
	p->state = store_col_text(q, 4);
	p->created_at = store_col_text(q, 5);
	p->incident_id = col_id(q, 6);
	p->appeal_id = col_id(q, 7);
	p->reviewed_by = store_col_text(q, 8);
	p->reviewed_at = store_col_text(q, 9);
	p->reason = store_col_text(q, 10);
}

int store_proposal_get(Store *st, long long id, Proposal *out)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " PROPOSAL_COLS " FROM proposal p LEFT JOIN proposal_review v"
	                                    " ON v.proposal_id=p.id WHERE p.id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		proposal_row(q, out);
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read proposal");
	store_release(st, q);
	return found;
}

typedef int (*ProposalFn)(const Proposal *p, void *ctx);

static int proposal_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	Proposal p;
	proposal_row(q, &p);
	int stop = ((ProposalFn)fn)(&p, ctx);
	proposal_free(&p);
	return stop;
}

int store_proposals_each(Store *st, const char *state, long long report_id, ProposalFn fn, void *ctx)
{
	/* one report's proposals through the proposal_report index: the query with
	   "?2=0 OR" cannot use it and read every proposal, for every report vigil add stored
	   (quadratic: 1,500 reports 3.7 million page reads) */
	sqlite3_stmt *q = store_stmt(st, report_id ? "SELECT " PROPOSAL_COLS " FROM proposal p LEFT JOIN proposal_review v"
	                                             " ON v.proposal_id=p.id WHERE p.report_id=?2"
	                                             " AND (?1 IS NULL OR p.state=?1) ORDER BY p.id"
	                                           : "SELECT " PROPOSAL_COLS " FROM proposal p LEFT JOIN proposal_review v"
	                                             " ON v.proposal_id=p.id WHERE (?1 IS NULL OR p.state=?1)"
	                                             " ORDER BY p.id");
	if (!q)
		return -1;
	store_bind_text(q, 1, state);
	sqlite3_bind_int64(q, 2, report_id);
	return store_walk(st, q, "list proposals", proposal_cb, (void *)fn, ctx);
}

typedef int (*AcceptedFn)(long long incident, long long appeal, void *ctx);

static int accepted_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	return ((AcceptedFn)fn)(col_id(q, 0), col_id(q, 1), ctx);
}

int store_report_accepted_each(Store *st, long long report, const char *type, AcceptedFn fn, void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT v.incident_id, v.appeal_id FROM proposal p JOIN proposal_review v"
	                                 " ON v.proposal_id=p.id WHERE p.report_id=?1 AND p.type=?2"
	                                 " AND p.state='accepted' ORDER BY p.id");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, report);
	store_bind_text(q, 2, type);
	return store_walk(st, q, "list accepted proposals", accepted_cb, (void *)fn, ctx);
}

int store_proposal_review(Store *st, long long id, const char *state, long long incident_id,
                          long long appeal_id, const char *who, const char *reason, const char *now)
{
	sqlite3_stmt *q = store_stmt(st, "UPDATE proposal SET state=?2 WHERE id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	store_bind_text(q, 2, state);
	if (store_step_done(st, q, "review proposal"))
		return -1;
	q = store_stmt(st, "INSERT OR REPLACE INTO proposal_review(proposal_id, state, incident_id,"
	                      " appeal_id, who, at, reason) VALUES(?1,?2,?3,?4,?5,?6,?7)");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	store_bind_text(q, 2, state);
	bind_id(q, 3, incident_id);
	bind_id(q, 4, appeal_id);
	store_bind_text(q, 5, who);
	store_bind_text(q, 6, now);
	store_bind_text(q, 7, reason);
	return store_step_done(st, q, "review proposal");
}

/* ---- appeals ---- */

void appeal_free(Appeal *a)
{
	free(a->date);
	free(a->by);
	free(a->to);
	free(a->demand);
	free(a->response);
	free(a->response_date);
	free(a->response_note);
	free(a->created_at);
	free(a->updated_at);
	memset(a, 0, sizeof *a);
}

#define APPEAL_COLS                                                                          \
	"a.id, a.date, a.by_whom, a.to_whom, a.demand, a.response, a.response_date,"            \
	" a.response_report, a.response_note, a.created_at, a.updated_at,"                      \
	" (SELECT count(DISTINCT report_id) FROM appeal_source s WHERE s.appeal_id=a.id)"

static void appeal_row(sqlite3_stmt *q, Appeal *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(q, 0);
	a->date = store_col_text(q, 1);
	a->by = store_col_text(q, 2);
	a->to = store_col_text(q, 3);
	a->demand = store_col_text(q, 4);
	a->response = store_col_text(q, 5);
	a->response_date = store_col_text(q, 6);
	a->response_report = col_id(q, 7);
	a->response_note = store_col_text(q, 8);
	a->created_at = store_col_text(q, 9);
	a->updated_at = store_col_text(q, 10);
	a->sources = sqlite3_column_int(q, 11);
}

int store_appeal_get(Store *st, long long id, Appeal *out)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " APPEAL_COLS " FROM appeal a WHERE a.id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		appeal_row(q, out);
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read appeal");
	store_release(st, q);
	return found;
}

typedef int (*AppealFn)(const Appeal *a, void *ctx);

static int appeal_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	Appeal a;
	appeal_row(q, &a);
	int stop = ((AppealFn)fn)(&a, ctx);
	appeal_free(&a);
	return stop;
}

int store_appeals_each(Store *st, const char *to, const char *since, AppealFn fn, void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " APPEAL_COLS " FROM appeal a"
	                                    " WHERE (?1 IS NULL OR instr(lower(a.to_whom), lower(?1))>0)"
	                                    " AND (?2 IS NULL OR a.date>=?2) ORDER BY a.date, a.id");
	if (!q)
		return -1;
	store_bind_text(q, 1, to);
	store_bind_text(q, 2, since);
	return store_walk(st, q, "list appeals", appeal_cb, (void *)fn, ctx);
}

typedef int (*SourceFn)(const AppealSource *s, void *ctx);

static int source_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	AppealSource s = {0};
	s.appeal_id = sqlite3_column_int64(q, 0);
	s.report_id = col_id(q, 1);
	s.proposal_id = col_id(q, 2);
	s.quote = (char *)sqlite3_column_text(q, 3);
	s.start = col_num(q, 4);
	s.end = col_num(q, 5);
	s.orig_start = col_num(q, 6);
	s.orig_end = col_num(q, 7);
	s.publisher = (char *)sqlite3_column_text(q, 8);
	s.published = (char *)sqlite3_column_text(q, 9);
	s.title = (char *)sqlite3_column_text(q, 10);
	return ((SourceFn)fn)(&s, ctx);
}

int store_appeal_sources_each(Store *st, long long appeal_id, SourceFn fn, void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT s.appeal_id, s.report_id, s.proposal_id, s.quote, s.q_start,"
	                                    " s.q_end, s.orig_start, s.orig_end, r.publisher, r.published, r.title"
	                                    " FROM appeal_source s LEFT JOIN report r ON r.id=s.report_id"
	                                    " WHERE s.appeal_id=?1 ORDER BY s.id");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, appeal_id);
	return store_walk(st, q, "list appeal sources", source_cb, (void *)fn, ctx);
}

typedef int (*LinkFn)(long long appeal, long long incident, void *ctx);

static int link_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	return ((LinkFn)fn)(sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1), ctx);
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return x < y ? -1 : x > y;
}

int store_appeal_links_each(Store *st, long long appeal_id, long long incident_id, LinkFn fn, void *ctx)
{
	if (appeal_id) {
		sqlite3_stmt *q = store_stmt(st, "SELECT appeal_id, incident_id FROM appeal_incident"
		                                    " WHERE appeal_id=?1 ORDER BY incident_id");
		if (!q)
			return -1;
		sqlite3_bind_int64(q, 1, appeal_id);
		return store_walk(st, q, "list appeal links", link_cb, (void *)fn, ctx);
	}
	/* an incident's appeals, sorted here: the index on incident_id gives them in rowid
	   order, and an ORDER BY set up a sorter on every incident page, for the few or none
	   there are */
	sqlite3_stmt *q = store_stmt(st, "SELECT appeal_id FROM appeal_incident WHERE incident_id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, incident_id);
	long long *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n == cap)
			ids = xrealloc(ids, (cap = cap ? 2 * cap : 8) * sizeof *ids);
		ids[n++] = sqlite3_column_int64(q, 0);
	}
	store_release(st, q);
	if (rc != SQLITE_DONE) {
		free(ids);
		return store_fail(st, "list appeal links");
	}
	if (n > 1)
		qsort(ids, n, sizeof *ids, cmp_ll);
	for (size_t i = 0; i < n; i++)
		if (fn(ids[i], incident_id, ctx))
			break;
	free(ids);
	return 0;
}

int store_appeal_new(Store *st, const Appeal *a, long long *id)
{
	sqlite3_stmt *q = store_stmt(st, "INSERT INTO appeal(date, by_whom, to_whom, demand, created_at,"
	                                    " updated_at) VALUES(?1,?2,?3,?4,?5,?5)");
	if (!q)
		return -1;
	store_bind_text(q, 1, a->date);
	store_bind_text(q, 2, a->by);
	store_bind_text(q, 3, a->to);
	store_bind_text(q, 4, a->demand);
	store_bind_text(q, 5, a->created_at);
	if (store_step_done(st, q, "new appeal"))
		return -1;
	*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int store_appeal_update(Store *st, const Appeal *a)
{
	sqlite3_stmt *q = store_stmt(st, "UPDATE appeal SET date=?2, by_whom=?3, to_whom=?4, demand=?5,"
	                                    " response=?6, response_date=?7, response_report=?8,"
	                                    " response_note=?9, updated_at=?10 WHERE id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, a->id);
	store_bind_text(q, 2, a->date);
	store_bind_text(q, 3, a->by);
	store_bind_text(q, 4, a->to);
	store_bind_text(q, 5, a->demand);
	store_bind_text(q, 6, a->response ? a->response : "none");
	store_bind_text(q, 7, a->response_date);
	bind_id(q, 8, a->response_report);
	store_bind_text(q, 9, a->response_note);
	store_bind_text(q, 10, a->updated_at);
	return store_step_done(st, q, "update appeal");
}

int store_appeal_source_add(Store *st, const AppealSource *s)
{
	sqlite3_stmt *q = store_stmt(st, "INSERT INTO appeal_source(appeal_id, report_id, proposal_id, quote,"
	                                    " q_start, q_end, orig_start, orig_end) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, s->appeal_id);
	bind_id(q, 2, s->report_id);
	bind_id(q, 3, s->proposal_id);
	store_bind_text(q, 4, s->quote);
	bind_num(q, 5, s->quote ? s->start : -1);
	bind_num(q, 6, s->quote ? s->end : -1);
	bind_num(q, 7, s->quote ? s->orig_start : -1);
	bind_num(q, 8, s->quote ? s->orig_end : -1);
	return store_step_done(st, q, "add appeal source");
}

int store_appeal_link(Store *st, long long appeal_id, long long incident_id)
{
	sqlite3_stmt *q = store_stmt(st, "INSERT OR IGNORE INTO appeal_incident(appeal_id, incident_id) VALUES(?1,?2)");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, appeal_id);
	sqlite3_bind_int64(q, 2, incident_id);
	return store_step_done(st, q, "link appeal");
}

int store_appeal_links_move(Store *st, long long from_incident, long long to_incident)
{
	sqlite3_stmt *q = store_stmt(st, "INSERT OR IGNORE INTO appeal_incident(appeal_id, incident_id)"
	                                    " SELECT appeal_id, ?2 FROM appeal_incident WHERE incident_id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, from_incident);
	sqlite3_bind_int64(q, 2, to_incident);
	if (store_step_done(st, q, "move appeal links"))
		return -1;
	q = store_stmt(st, "DELETE FROM appeal_incident WHERE incident_id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, from_incident);
	return store_step_done(st, q, "move appeal links");
}

/* ---- population ---- */

typedef int (*PopFn)(const PopulationFact *p, void *ctx);

static int pop_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	PopulationFact p = {0};
	p.id = sqlite3_column_int64(q, 0);
	p.place = (char *)sqlite3_column_text(q, 1);
	p.date = (char *)sqlite3_column_text(q, 2);
	p.min = col_num(q, 3);
	p.max = col_num(q, 4);
	p.legal_status = (char *)sqlite3_column_text(q, 5);
	p.report_id = col_id(q, 6);
	p.proposal_id = col_id(q, 7);
	p.quote = (char *)sqlite3_column_text(q, 8);
	p.start = col_num(q, 9);
	p.end = col_num(q, 10);
	p.orig_start = col_num(q, 11);
	p.orig_end = col_num(q, 12);
	p.who = (char *)sqlite3_column_text(q, 13);
	p.at = (char *)sqlite3_column_text(q, 14);
	p.publisher = (char *)sqlite3_column_text(q, 15);
	p.published = (char *)sqlite3_column_text(q, 16);
	return ((PopFn)fn)(&p, ctx);
}

int store_population_each(Store *st, const char *place, PopFn fn, void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT p.id, p.place, p.date, p.min, p.max, p.legal_status,"
	                                    " p.report_id, p.proposal_id, p.quote, p.q_start, p.q_end,"
	                                    " p.orig_start, p.orig_end, p.who, p.at, r.publisher, r.published"
	                                    " FROM population p LEFT JOIN report r ON r.id=p.report_id"
	                                    " WHERE ?1 IS NULL OR lower(p.place)=lower(?1)"
	                                    " ORDER BY lower(p.place), p.date, p.id");
	if (!q)
		return -1;
	store_bind_text(q, 1, place);
	return store_walk(st, q, "list population", pop_cb, (void *)fn, ctx);
}

int store_population_add(Store *st, const PopulationFact *p, long long *id)
{
	sqlite3_stmt *q = store_stmt(st, "INSERT INTO population(place, date, min, max, legal_status, report_id,"
	                                    " proposal_id, quote, q_start, q_end, orig_start, orig_end, who, at)"
	                                    " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
	if (!q)
		return -1;
	store_bind_text(q, 1, p->place);
	store_bind_text(q, 2, p->date);
	bind_num(q, 3, p->min);
	bind_num(q, 4, p->max);
	store_bind_text(q, 5, p->legal_status);
	bind_id(q, 6, p->report_id);
	bind_id(q, 7, p->proposal_id);
	store_bind_text(q, 8, p->quote);
	bind_num(q, 9, p->quote ? p->start : -1);
	bind_num(q, 10, p->quote ? p->end : -1);
	bind_num(q, 11, p->quote ? p->orig_start : -1);
	bind_num(q, 12, p->quote ? p->orig_end : -1);
	store_bind_text(q, 13, p->who);
	store_bind_text(q, 14, p->at);
	if (store_step_done(st, q, "add population fact"))
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/* ---- places and actors ---- */

#define PLACE_COLS                                                                          \
	"p.id, p.name, p.aliases, p.country, p.admin1, p.admin2, p.lat, p.lon, p.geo_precision," \
	" (SELECT count(*) FROM incident i WHERE i.place_id=p.id AND i.merged_into IS NULL)"

/* The same without the count of incidents, which a lookup does not need. */
#define PLACE_COLS_FIND                                                                     \
	"p.id, p.name, p.aliases, p.country, p.admin1, p.admin2, p.lat, p.lon, p.geo_precision, 0"

static void place_row(sqlite3_stmt *q, Place *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(q, 0);
	p->name = store_col_text(q, 1);
	p->aliases = store_col_text(q, 2);
	p->country = store_col_text(q, 3);
	p->admin1 = store_col_text(q, 4);
	p->admin2 = store_col_text(q, 5);
	p->has_coords = sqlite3_column_type(q, 6) != SQLITE_NULL && sqlite3_column_type(q, 7) != SQLITE_NULL;
	p->lat = sqlite3_column_double(q, 6);
	p->lon = sqlite3_column_double(q, 7);
	p->geo_precision = sqlite3_column_int(q, 8);
	p->incidents = sqlite3_column_int64(q, 9);
}

void place_free(Place *p)
{
	free(p->name);
	free(p->aliases);
	free(p->country);
	free(p->admin1);
	free(p->admin2);
	memset(p, 0, sizeof *p);
}

typedef int (*PlaceFn)(const Place *p, void *ctx);

static int place_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	Place p;
	place_row(q, &p);
	int stop = ((PlaceFn)fn)(&p, ctx);
	place_free(&p);
	return stop;
}

int store_places_each(Store *st, PlaceFn fn, void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " PLACE_COLS " FROM place p ORDER BY p.name");
	if (!q)
		return -1;
	return store_walk(st, q, "list places", place_cb, (void *)fn, ctx);
}

/* Runs a one-row place or actor query bound to (id or name). */
static int one_row(Store *st, sqlite3_stmt *q, void (*row)(sqlite3_stmt *, void *), void *out, const char *what)
{
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		row(q, out);
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, what);
	store_release(st, q);
	return found;
}

static void place_row_v(sqlite3_stmt *q, void *out)
{
	place_row(q, out);
}

int store_place_get(Store *st, long long id, Place *out)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " PLACE_COLS " FROM place p WHERE p.id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	return one_row(st, q, place_row_v, out, "read place");
}

/* Writes the lookup names of a place or actor: its name and each alias ("|"-separated; a
   leading "=" — an extraction hint — is dropped). */
static int put_names(Store *st, int place, long long id, const char *name, const char *aliases)
{
	sqlite3_stmt *q = store_stmt(st, place ? "DELETE FROM place_name WHERE place_id=?1"
	                                       : "DELETE FROM actor_name WHERE actor_id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	if (store_step_done(st, q, "names"))
		return -1;
	Blob all = BLOB_INIT;
	blob_puts(&all, name ? name : "");
	if (aliases && *aliases)
		blob_appendf(&all, "|%s", aliases);
	char *s = all.data;
	int rc = 0;
	while (s && !rc) {
		char *bar = strchr(s, '|');
		if (bar)
			*bar = 0;
		while (*s == '=' || *s == ' ')
			s++;
		if (*s) {
			q = store_stmt(st, place ? "INSERT OR IGNORE INTO place_name(name, place_id) VALUES(?1, ?2)"
			                         : "INSERT OR IGNORE INTO actor_name(name, actor_id) VALUES(?1, ?2)");
			if (!q)
				rc = -1;
			else {
				store_bind_text(q, 1, s);
				sqlite3_bind_int64(q, 2, id);
				rc = store_step_done(st, q, "names");
			}
		}
		s = bar ? bar + 1 : NULL;
	}
	blob_free(&all);
	return rc;
}

/* Fills place_name and actor_name for a database whose places and actors came before them. */
static int names_ready(Store *st)
{
	if (!st->cache)
		st->cache = xcalloc(1, sizeof *st->cache);
	if (st->cache->names_ready)
		return 0;
	for (int place = 0; place < 2; place++) {
		sqlite3_stmt *q = store_stmt(st, place ? "SELECT id, name, aliases FROM place p WHERE NOT EXISTS"
		                                         " (SELECT 1 FROM place_name n WHERE n.place_id=p.id)"
		                                       : "SELECT id, name, aliases FROM actor a WHERE NOT EXISTS"
		                                         " (SELECT 1 FROM actor_name n WHERE n.actor_id=a.id)");
		if (!q)
			return -1;
		long long *ids = NULL;
		char **names = NULL, **aliases = NULL;
		size_t n = 0;
		int rc;
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			ids = xrealloc(ids, (n + 1) * sizeof *ids);
			names = xrealloc(names, (n + 1) * sizeof *names);
			aliases = xrealloc(aliases, (n + 1) * sizeof *aliases);
			ids[n] = sqlite3_column_int64(q, 0);
			names[n] = store_col_text(q, 1);
			aliases[n] = store_col_text(q, 2);
			n++;
		}
		store_release(st, q);
		for (size_t i = 0; i < n; i++) {
			if (rc == SQLITE_DONE && put_names(st, place, ids[i], names[i], aliases[i]) != 0)
				rc = SQLITE_ERROR;
			free(names[i]);
			free(aliases[i]);
		}
		free(ids);
		free(names);
		free(aliases);
		if (rc != SQLITE_DONE)
			return store_fail(st, "index names");
	}
	st->cache->names_ready = 1;
	return 0;
}

/* Name or alias, case-insensitive; the record's own name first. */
int store_place_find(Store *st, const char *name, Place *out)
{
	if (names_ready(st) != 0)
		return -1;
	sqlite3_stmt *q = store_stmt(st, "SELECT " PLACE_COLS_FIND " FROM place_name n JOIN place p ON p.id=n.place_id"
	                                 " WHERE n.name=?1 ORDER BY p.name=?1 COLLATE NOCASE DESC, p.id LIMIT 1");
	if (!q)
		return -1;
	store_bind_text(q, 1, name);
	return one_row(st, q, place_row_v, out, "find place");
}

int store_place_put(Store *st, const Place *p, long long *id)
{
	char now[21];
	now_iso(now);
	sqlite3_stmt *q = store_stmt(st, p->id > 0
		? "UPDATE place SET name=?2, aliases=?3, country=?4, admin1=?5, admin2=?6, lat=?7, lon=?8,"
		  " geo_precision=?9, updated_at=?10 WHERE id=?1"
		: "INSERT INTO place(name, aliases, country, admin1, admin2, lat, lon, geo_precision, updated_at)"
		  " VALUES(?2,?3,?4,?5,?6,?7,?8,?9,?10)");
	if (!q)
		return -1;
	if (p->id > 0)
		sqlite3_bind_int64(q, 1, p->id);
	store_bind_text(q, 2, p->name);
	store_bind_text(q, 3, p->aliases);
	store_bind_text(q, 4, p->country);
	store_bind_text(q, 5, p->admin1);
	store_bind_text(q, 6, p->admin2);
	if (p->has_coords) {
		sqlite3_bind_double(q, 7, p->lat);
		sqlite3_bind_double(q, 8, p->lon);
	}
	if (p->geo_precision > 0)
		sqlite3_bind_int(q, 9, p->geo_precision);
	store_bind_text(q, 10, now);
	if (store_step_done(st, q, "store place"))
		return -1;
	long long pid = p->id > 0 ? p->id : sqlite3_last_insert_rowid(st->db);
	if (id)
		*id = pid;
	return put_names(st, 1, pid, p->name, p->aliases);
}

/* The count column is filled in by store_actors_each (one pass over the incidents). */
#define ACTOR_COLS "a.id, a.name, a.aliases, a.grp, a.country, 0"

void actor_free(Actor *a)
{
	free(a->name);
	free(a->aliases);
	free(a->group);
	free(a->country);
	memset(a, 0, sizeof *a);
}

static void actor_row(sqlite3_stmt *q, Actor *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(q, 0);
	a->name = store_col_text(q, 1);
	a->aliases = store_col_text(q, 2);
	a->group = store_col_text(q, 3);
	a->country = store_col_text(q, 4);
	a->incidents = sqlite3_column_int64(q, 5);
}

static void actor_row_v(sqlite3_stmt *q, void *out)
{
	actor_row(q, out);
}

typedef int (*ActorFn)(const Actor *a, void *ctx);

/* How many live incidents name each perpetrator: a table of lower-cased names. */
typedef struct NameCount {
	char **name;
	long long *n;
	size_t cap, used;
} NameCount;

static size_t name_slot(const NameCount *t, const char *s, size_t len)
{
	size_t h = 1469598103934665603UL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211UL;
	size_t j = h & (t->cap - 1);
	while (t->name[j] && !(strlen(t->name[j]) == len && memcmp(t->name[j], s, len) == 0))
		j = (j + 1) & (t->cap - 1);
	return j;
}

static void name_count(NameCount *t, const char *s, size_t len)
{
	if ((t->used + 1) * 2 > t->cap) {
		NameCount g = {0};
		g.cap = t->cap ? t->cap * 2 : 256;
		g.name = xcalloc(g.cap, sizeof *g.name);
		g.n = xcalloc(g.cap, sizeof *g.n);
		for (size_t i = 0; i < t->cap; i++)
			if (t->name[i]) {
				size_t j = name_slot(&g, t->name[i], strlen(t->name[i]));
				g.name[j] = t->name[i];
				g.n[j] = t->n[i];
			}
		g.used = t->used;
		free(t->name);
		free(t->n);
		*t = g;
	}
	size_t j = name_slot(t, s, len);
	if (!t->name[j]) {
		t->name[j] = xstrndup(s, len);
		t->used++;
	}
	t->n[j]++;
}

int store_actors_each(Store *st, ActorFn fn, void *ctx)
{
	NameCount counts = {0};
	sqlite3_stmt *q = store_stmt(st, "SELECT lower(perpetrators) FROM incident"
	                                 " WHERE merged_into IS NULL AND perpetrators IS NOT NULL");
	if (!q)
		return -1;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(q, 0);
		while (p && *p) {
			const char *e = strstr(p, "; ");
			size_t n = e ? (size_t)(e - p) : strlen(p);
			name_count(&counts, p, n);
			p = e ? e + 2 : p + n;
		}
	}
	store_release(st, q);
	if (rc != SQLITE_DONE)
		rc = store_fail(st, "count actors");
	else if ((q = store_stmt(st, "SELECT " ACTOR_COLS " FROM actor a ORDER BY a.name")) == NULL)
		rc = -1;
	else {
		rc = 0;
		int step, stop = 0;
		while (!stop && (step = sqlite3_step(q)) == SQLITE_ROW) {
			Actor a;
			actor_row(q, &a);
			Blob low = BLOB_INIT;
			for (const char *c = a.name; *c; c++)
				blob_putc(&low, *c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
			if (counts.cap) {
				size_t j = name_slot(&counts, blob_str(&low), low.len);
				a.incidents = counts.name[j] ? counts.n[j] : 0;
			}
			blob_free(&low);
			stop = fn(&a, ctx);
			actor_free(&a);
		}
		if (!stop && step != SQLITE_DONE)
			rc = store_fail(st, "list actors");
		store_release(st, q);
	}
	for (size_t i = 0; i < counts.cap; i++)
		free(counts.name[i]);
	free(counts.name);
	free(counts.n);
	return rc;
}

int store_actor_get(Store *st, long long id, Actor *out)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " ACTOR_COLS " FROM actor a WHERE a.id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	return one_row(st, q, actor_row_v, out, "read actor");
}

int store_actor_find(Store *st, const char *name, Actor *out)
{
	if (names_ready(st) != 0)
		return -1;
	/* no incident count here: it scans, and finding is done per claim */
	sqlite3_stmt *q = store_stmt(st, "SELECT a.id, a.name, a.aliases, a.grp, a.country, 0 FROM actor_name n"
	                                 " JOIN actor a ON a.id=n.actor_id WHERE n.name=?1"
	                                 " ORDER BY a.name=?1 COLLATE NOCASE DESC, a.id LIMIT 1");
	if (!q)
		return -1;
	store_bind_text(q, 1, name);
	return one_row(st, q, actor_row_v, out, "find actor");
}

int store_actor_put(Store *st, const Actor *a, long long *id)
{
	char now[21];
	now_iso(now);
	sqlite3_stmt *q = store_stmt(st, a->id > 0
		? "UPDATE actor SET name=?2, aliases=?3, grp=?4, country=?5, updated_at=?6 WHERE id=?1"
		: "INSERT INTO actor(name, aliases, grp, country, updated_at) VALUES(?2,?3,?4,?5,?6)");
	if (!q)
		return -1;
	if (a->id > 0)
		sqlite3_bind_int64(q, 1, a->id);
	store_bind_text(q, 2, a->name);
	store_bind_text(q, 3, a->aliases);
	store_bind_text(q, 4, a->group);
	store_bind_text(q, 5, a->country);
	store_bind_text(q, 6, now);
	if (store_step_done(st, q, "store actor"))
		return -1;
	long long aid = a->id > 0 ? a->id : sqlite3_last_insert_rowid(st->db);
	if (id)
		*id = aid;
	return put_names(st, 0, aid, a->name, a->aliases);
}

/* ---- tallies ---- */

typedef int (*MonthFn)(const char *month, long long incidents, long long killed, long long wounded, void *ctx);

static int month_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	return ((MonthFn)fn)((const char *)sqlite3_column_text(q, 0), sqlite3_column_int64(q, 1),
	                     sqlite3_column_int64(q, 2), sqlite3_column_int64(q, 3), ctx);
}

int store_tally_months(Store *st, MonthFn fn, void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT substr(date_start,1,7) AS m, count(*),"
	                                    " total(max(killed_min,0)), total(max(wounded_min,0))"
	                                    " FROM incident WHERE status='occurred' AND merged_into IS NULL"
	                                    " AND length(date_start)>=7 GROUP BY m ORDER BY m");
	if (!q)
		return -1;
	return store_walk(st, q, "tally months", month_cb, (void *)fn, ctx);
}

/* ---- report signatures (independence) and settings ---- */

int store_report_sig_get(Store *st, long long report_id, Blob *publisher_key, Blob *sig)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT publisher_key, sig FROM report_sig WHERE report_id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, report_id);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_text(q, 0))
			blob_puts(publisher_key, (const char *)sqlite3_column_text(q, 0));
		blob_append(sig, sqlite3_column_blob(q, 1), (size_t)sqlite3_column_bytes(q, 1));
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read report signature");
	store_release(st, q);
	return found;
}

int store_report_sig_put(Store *st, long long report_id, const char *publisher_key, const void *sig,
                         size_t sig_len)
{
	sqlite3_stmt *q = store_stmt(st, "INSERT OR REPLACE INTO report_sig(report_id, publisher_key, sig)"
	                                    " VALUES(?1,?2,?3)");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, report_id);
	store_bind_text(q, 2, publisher_key);
	sqlite3_bind_blob(q, 3, sig, (int)sig_len, SQLITE_TRANSIENT);
	return store_step_done(st, q, "store report signature");
}

int store_meta_get(Store *st, const char *key, Blob *out)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT value FROM meta WHERE key=?1");
	if (!q)
		return -1;
	store_bind_text(q, 1, key);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		blob_puts(out, (const char *)sqlite3_column_text(q, 0));
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read setting");
	store_release(st, q);
	return found;
}

int store_meta_put(Store *st, const char *key, const char *value)
{
	sqlite3_stmt *q = store_stmt(st, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1,?2)");
	if (!q)
		return -1;
	store_bind_text(q, 1, key);
	store_bind_text(q, 2, value);
	return store_step_done(st, q, "store setting");
}

/* ---- the ledger ---- */

static int ledger_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	LedgerEntry e;
	e.seq = sqlite3_column_int64(q, 0);
	e.at = (const char *)sqlite3_column_text(q, 1);
	e.who = (const char *)sqlite3_column_text(q, 2);
	e.action = (const char *)sqlite3_column_text(q, 3);
	e.records = (const char *)sqlite3_column_text(q, 4);
	e.payload = (const char *)sqlite3_column_text(q, 5);
	e.prev = (const char *)sqlite3_column_text(q, 6);
	e.hash = (const char *)sqlite3_column_text(q, 7);
	if (!e.at) e.at = "";
	if (!e.who) e.who = "";
	if (!e.action) e.action = "";
	if (!e.records) e.records = "";
	if (!e.payload) e.payload = "";
	if (!e.prev) e.prev = "";
	if (!e.hash) e.hash = "";
	return ((int (*)(const LedgerEntry *, void *))fn)(&e, ctx);
}

int store_ledger_each(Store *st, const char *record, long long from_seq,
                      int (*fn)(const LedgerEntry *e, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, record
		? "SELECT l.seq, l.at, l.who, l.action, l.records, l.payload, l.prev, l.hash FROM ledger_ref f"
		  " JOIN ledger l ON l.seq=f.seq WHERE f.record=?1 AND f.seq>=?2 ORDER BY f.seq"
		: "SELECT seq, at, who, action, records, payload, prev, hash FROM ledger"
		  " WHERE seq>=?2 ORDER BY seq");
	if (!q)
		return -1;
	if (record)
		store_bind_text(q, 1, record);
	sqlite3_bind_int64(q, 2, from_seq);
	return store_walk(st, q, "read ledger", ledger_cb, (void *)fn, ctx);
}

int store_ledger_head(Store *st, long long *seq, char hash[65])
{
	sqlite3_stmt *q = store_stmt(st, "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1");
	if (!q)
		return -1;
	int rc = sqlite3_step(q);
	*seq = 0;
	memset(hash, '0', 64);
	hash[64] = 0;
	if (rc == SQLITE_ROW) {
		*seq = sqlite3_column_int64(q, 0);
		const unsigned char *h = sqlite3_column_text(q, 1);
		snprintf(hash, 65, "%s", h ? (const char *)h : "");
	} else if (rc != SQLITE_DONE) {
		store_release(st, q);
		return store_fail(st, "read ledger head");
	}
	store_release(st, q);
	return 0;
}

int store_ledger_insert(Store *st, const LedgerEntry *e)
{
	sqlite3_stmt *q = store_stmt(st, "INSERT INTO ledger(seq, at, who, action, records, payload, prev, hash)"
	                                    " VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, e->seq);
	store_bind_text(q, 2, e->at);
	store_bind_text(q, 3, e->who);
	store_bind_text(q, 4, e->action);
	store_bind_text(q, 5, e->records);
	store_bind_text(q, 6, e->payload);
	store_bind_text(q, 7, e->prev);
	store_bind_text(q, 8, e->hash);
	if (store_step_done(st, q, "append to the ledger"))
		return -1;
	/* the index of records to entries: "type/id=digest type/id=digest" */
	q = store_stmt(st, "INSERT OR IGNORE INTO ledger_ref(record, seq) VALUES(?1, ?2)");
	if (!q)
		return -1;
	const char *s = e->records;
	while (*s) {
		while (*s == ' ')
			s++;
		const char *eq = strchr(s, '=');
		if (!eq)
			break;
		sqlite3_reset(q);
		sqlite3_bind_text(q, 1, s, (int)(eq - s), SQLITE_TRANSIENT);
		sqlite3_bind_int64(q, 2, e->seq);
		if (sqlite3_step(q) != SQLITE_DONE) {
			store_fail(st, "index the ledger");
			store_release(st, q);
			return -1;
		}
		s = eq;
		while (*s && *s != ' ')
			s++;
	}
	store_release(st, q);
	return 0;
}

int store_ledger_protected(Store *st)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT count(*) FROM sqlite_master WHERE type='trigger'"
	                                    " AND tbl_name='ledger' AND name IN ('ledger_no_update','ledger_no_delete')"
	                                    " AND sql LIKE '%RAISE(ABORT%'");
	if (!q)
		return -1;
	int n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
	store_release(st, q);
	return n < 0 ? store_fail(st, "read triggers") : n == 2;
}

/* ---- record digests ---- */

/* A kind of record: its table and the tables of its dependent rows (by a key column). */
typedef struct RecordType {
	const char *type, *table;
	const char *child[2], *child_key[2];
} RecordType;

static const RecordType record_types[] = {
	{"report", "report", {NULL, NULL}, {NULL, NULL}},
	{"proposal", "proposal", {"proposal_review", NULL}, {"proposal_id", NULL}},
	{"incident", "incident", {"claim", NULL}, {"incident_id", NULL}},
	{"appeal", "appeal", {"appeal_source", "appeal_incident"}, {"appeal_id", "appeal_id"}},
	{"population", "population", {NULL, NULL}, {NULL, NULL}},
	{"place", "place", {NULL, NULL}, {NULL, NULL}},
	{"actor", "actor", {NULL, NULL}, {NULL, NULL}},
};

#define NRECORD_TYPES (sizeof record_types / sizeof record_types[0])

static const RecordType *record_type(const char *type)
{
	for (size_t i = 0; i < NRECORD_TYPES; i++)
		if (strcmp(record_types[i].type, type) == 0)
			return &record_types[i];
	return NULL;
}

/* The column headers of a statement's rows, "name:" each, read once per walk rather than
   once per row (sqlite3_column_name was a tenth of verify's time), and the column that
   holds a dependent row's key (the record's id). */
typedef struct DigestCols {
	int n;
	int key;       /* the column of the key (child_key), or -1 */
	char **head;   /* "name:" for each column */
	size_t *hlen;
	/* the SQLite functions digest_row calls for every column, looked up once per walk:
	   each name is a call through lazy_sqlite() (lazy_sqlite.h), which costs verify 15% */
	sqlite3_value *(*column_value)(sqlite3_stmt *, int);
	int (*value_type)(sqlite3_value *);
	sqlite3_int64 (*value_int64)(sqlite3_value *);
	double (*value_double)(sqlite3_value *);
	const void *(*value_blob)(sqlite3_value *);
	const unsigned char *(*value_text)(sqlite3_value *);
	int (*value_bytes)(sqlite3_value *);
} DigestCols;

static void digest_cols_init(DigestCols *dc, sqlite3_stmt *q, const char *key)
{
	dc->column_value = sqlite3_column_value;
	dc->value_type = sqlite3_value_type;
	dc->value_int64 = sqlite3_value_int64;
	dc->value_double = sqlite3_value_double;
	dc->value_blob = sqlite3_value_blob;
	dc->value_text = sqlite3_value_text;
	dc->value_bytes = sqlite3_value_bytes;
	dc->n = sqlite3_column_count(q);
	dc->key = -1;
	dc->head = xcalloc((size_t)dc->n + 1, sizeof *dc->head);
	dc->hlen = xcalloc((size_t)dc->n + 1, sizeof *dc->hlen);
	for (int i = 0; i < dc->n; i++) {
		const char *name = sqlite3_column_name(q, i);
		size_t len = strlen(name ? name : "");
		if (key && name && strcmp(name, key) == 0)
			dc->key = i;
		dc->head[i] = xmalloc(len + 2);
		memcpy(dc->head[i], name ? name : "", len);
		dc->head[i][len] = ':';
		dc->head[i][len + 1] = 0;
		dc->hlen[i] = len + 1;
	}
}

static void digest_cols_free(DigestCols *dc)
{
	for (int i = 0; i < dc->n; i++)
		free(dc->head[i]);
	free(dc->head);
	free(dc->hlen);
	memset(dc, 0, sizeof *dc);
}

/* Writes the decimal digits of u at p; returns how many. */
static size_t put_digits(char *p, unsigned long long u)
{
	if (u < 10) { /* most numbers of a record: counts, flags, offsets' lengths */
		*p = (char)('0' + u);
		return 1;
	}
	char tmp[24];
	size_t n = 0;
	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	for (size_t i = 0; i < n; i++)
		p[i] = tmp[n - 1 - i];
	return n;
}

/* Version 1: adds a row to the digest's input: "<table>", then each non-NULL column in
   column order as "name:type:length:" and its bytes (numbers as "%lld" and "%.17g" would
   write them). The bytes, not the code, are the format: older digests stay valid.
   Each column is read through its sqlite3_value: one call into the statement per column
   instead of three (type, then text, then bytes), each of which checked the statement
   again; the connection is used by this thread alone (SQLITE_OPEN_NOMUTEX), which is what
   reading a column's value object needs. */
static void digest_row(Blob *b, sqlite3_stmt *q, const char *tag, const DigestCols *dc)
{
	size_t tl = strlen(tag);
	blob_reserve(b, tl + 2);
	b->data[b->len++] = '<';
	memcpy(b->data + b->len, tag, tl);
	b->len += tl;
	b->data[b->len++] = '>';
	for (int i = 0; i < dc->n; i++) {
		sqlite3_value *val = dc->column_value(q, i);
		int t = dc->value_type(val);
		if (t == SQLITE_NULL)
			continue;
		char num[40];
		const void *data;
		size_t len;
		if (t == SQLITE_INTEGER) {
			long long v = (long long)dc->value_int64(val);
			len = 0;
			if (v < 0)
				num[len++] = '-';
			len += put_digits(num + len, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v);
			data = num;
		} else if (t == SQLITE_FLOAT) {
			len = format_g17(dc->value_double(val), num);
			data = num;
		} else if (t == SQLITE_BLOB) {
			data = dc->value_blob(val);
			len = (size_t)dc->value_bytes(val);
		} else {
			data = dc->value_text(val);
			len = (size_t)dc->value_bytes(val);
		}
		if (b->len + dc->hlen[i] + 27 + len > b->cap)
			blob_reserve(b, dc->hlen[i] + 26 + len);
		char *p = b->data + b->len;
		memcpy(p, dc->head[i], dc->hlen[i]);
		p += dc->hlen[i];
		*p++ = (char)('0' + t); /* SQLITE_INTEGER .. SQLITE_NULL are 1 .. 5 */
		*p++ = ':';
		p += put_digits(p, len);
		*p++ = ':';
		if (len)
			memcpy(p, data, len);
		p += len;
		b->len = (size_t)(p - b->data);
	}
	b->data[b->len] = 0;
}

/* Writes u as an unsigned LEB128 varint (7 bits a byte, low first, the top bit set on
   every byte but the last) at p; returns the byte after it. */
static unsigned char *put_varint(unsigned char *p, unsigned long long u)
{
	while (u >= 0x80) {
		*p++ = (unsigned char)(u | 0x80);
		u >>= 7;
	}
	*p++ = (unsigned char)u;
	return p;
}

/* Version 2: adds a row to the digest's input in a compact binary form (docs/ledger.md):
     row    := varint(kind << 3)                 kind 0: the record's row; 1, 2: a row of
                                                 its first, second kind of dependent rows
     column := varint(index << 3 | type) value   for each non-NULL column, in order; index:
                                                 the column's place in the table (0 first)
     value  := INTEGER (type 1): varint of the zigzag of the 64-bit value
               FLOAT   (type 2): the 8 bytes of the IEEE-754 double, little-endian
               TEXT (3), BLOB (4): varint(length) and the bytes as stored (UTF-8 text)
   No two different sequences of rows give the same bytes: a reader can take the bytes
   apart again, left to right, without knowing anything but this grammar — every item
   starts with a varint (which says where it ends) whose low three bits say what follows:
   0 nothing (a new row; the kind, in the high bits), 1 one more varint, 2 eight bytes,
   3 or 4 a varint length and that many bytes. So the bytes give back every row's kind
   and, for each of its columns, whether it is NULL (absent), its type and its exact value:
   two rows that differ in any of these differ in their bytes. Names are not hashed; the
   column index stands for them, and the table for the record's type and the kind, which
   is how a migration adding a column (NULL in older rows) changes no older digest. */
static void digest_row2(Blob *b, sqlite3_stmt *q, unsigned kind, const DigestCols *dc)
{
	if (b->len + 2 > b->cap)
		blob_reserve(b, 2);
	b->data[b->len++] = (char)(kind << 3);
	for (int i = 0; i < dc->n; i++) {
		sqlite3_value *val = dc->column_value(q, i);
		int t = dc->value_type(val);
		if (t == SQLITE_NULL)
			continue;
		const void *data = NULL;
		size_t len = 0;
		if (t == SQLITE_TEXT || t == SQLITE_BLOB) {
			/* the bytes as stored, text or not: no conversion */
			data = dc->value_blob(val);
			len = (size_t)dc->value_bytes(val);
		}
		if (b->len + 32 + len > b->cap)
			blob_reserve(b, 32 + len);
		unsigned char *p = (unsigned char *)b->data + b->len;
		p = put_varint(p, (unsigned long long)i << 3 | (unsigned)t);
		if (t == SQLITE_INTEGER) {
			unsigned long long u = (unsigned long long)dc->value_int64(val);
			p = put_varint(p, (u << 1) ^ (0ULL - (u >> 63))); /* zigzag: small negatives stay short */
		} else if (t == SQLITE_FLOAT) {
			double x = dc->value_double(val);
			unsigned long long u;
			memcpy(&u, &x, sizeof u);
			for (int k = 0; k < 8; k++)
				*p++ = (unsigned char)(u >> (8 * k));
		} else {
			p = put_varint(p, len);
			if (len)
				memcpy(p, data, len);
			p += len;
		}
		b->len = (size_t)((char *)p - b->data);
	}
	b->data[b->len] = 0;
}

static void digest_hex(const Blob *b, char out[65])
{
	unsigned char d[32];
	crypto_generichash(d, sizeof d, (const unsigned char *)(b->data ? b->data : ""), b->len, NULL, 0);
	sodium_bin2hex(out, 65, d, sizeof d);
}

/* Adds a row in a version: the table's name is version 1's tag, kind version 2's. */
static void digest_any(Blob *b, int version, sqlite3_stmt *q, const char *table, unsigned kind,
                       const DigestCols *dc)
{
	if (version == RECORD_DIGEST_V1)
		digest_row(b, q, table, dc);
	else
		digest_row2(b, q, kind, dc);
}

/* An error for a type of record or a version that does not exist; -1. */
static int digest_unknown(Store *st, const char *type, int version)
{
	blob_reset(&st->err);
	if (version != RECORD_DIGEST_V1 && version != RECORD_DIGEST_V2)
		blob_appendf(&st->err, "no version %d of record digests", version);
	else
		blob_appendf(&st->err, "no kind of record '%s'", type);
	return -1;
}

int store_record_digest(Store *st, const char *type, long long id, int version, char out[65])
{
	const RecordType *rt = record_type(type);
	char sql[200];
	if (!rt || (version != RECORD_DIGEST_V1 && version != RECORD_DIGEST_V2))
		return digest_unknown(st, type, version);
	snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE id=?1", rt->table);
	sqlite3_stmt *q = store_stmt(st, sql);
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc != SQLITE_ROW) {
		store_release(st, q);
		return rc == SQLITE_DONE ? 0 : store_fail(st, "digest");
	}
	Blob h = BLOB_INIT;
	DigestCols dc;
	digest_cols_init(&dc, q, NULL);
	digest_any(&h, version, q, rt->table, 0, &dc);
	digest_cols_free(&dc);
	store_release(st, q);
	for (int c = 0; c < 2 && rt->child[c]; c++) {
		/* the same statement as the walk in store_record_digests_range uses */
		snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE %s=?1 ORDER BY rowid", rt->child[c], rt->child_key[c]);
		if (!(q = store_stmt(st, sql))) {
			blob_free(&h);
			return -1;
		}
		sqlite3_bind_int64(q, 1, id);
		digest_cols_init(&dc, q, NULL);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			digest_any(&h, version, q, rt->child[c], (unsigned)c + 1, &dc);
		digest_cols_free(&dc);
		store_release(st, q);
		if (rc != SQLITE_DONE) {
			blob_free(&h);
			return store_fail(st, "digest");
		}
	}
	digest_hex(&h, out);
	blob_free(&h);
	return 1;
}

int store_cache_mb(Store *st, int mb)
{
	char sql[48];
	snprintf(sql, sizeof sql, "PRAGMA cache_size=%d", -1024 * (mb > 0 ? mb : 2));
	return store_exec(st, sql);
}

int store_record_id_range(Store *st, const char *type, long long *lo, long long *hi)
{
	char sql[120];
	const RecordType *rt = record_type(type);
	*lo = 1;
	*hi = 0;
	if (!rt) {
		blob_reset(&st->err);
		blob_appendf(&st->err, "no kind of record '%s'", type);
		return -1;
	}
	snprintf(sql, sizeof sql, "SELECT min(id), max(id) FROM %s", rt->table);
	sqlite3_stmt *q = store_stmt(st, sql);
	if (!q)
		return -1;
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL) {
		*lo = sqlite3_column_int64(q, 0);
		*hi = sqlite3_column_int64(q, 1);
	}
	store_release(st, q);
	return rc == SQLITE_ROW ? 0 : store_fail(st, "read record ids");
}

int store_record_digests_range(Store *st, const char *type, long long lo, long long hi, RecordVersionFn pick,
                               RecordDigestFn fn, void *ctx)
{
	char sql[200];
	const RecordType *rt = record_type(type);
	if (!rt)
		return digest_unknown(st, type, RECORD_DIGEST_CURRENT);
	sqlite3_stmt *child[2] = {NULL, NULL};
	int crc[2] = {SQLITE_DONE, SQLITE_DONE};
	snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE id BETWEEN ?1 AND ?2 ORDER BY id", rt->table);
	sqlite3_stmt *q = store_stmt(st, sql);
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, lo);
	sqlite3_bind_int64(q, 2, hi);
	Blob h = BLOB_INIT;
	int bad = 1;
	DigestCols dc, dcc[2] = {{0}, {0}};
	digest_cols_init(&dc, q, "id");
	for (int c = 0; c < 2 && rt->child[c]; c++) {
		/* every column once: the key is read from its own place in the row */
		snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE %s BETWEEN ?1 AND ?2 ORDER BY %s, rowid",
		         rt->child[c], rt->child_key[c], rt->child_key[c]);
		if (!(child[c] = store_stmt(st, sql)))
			goto done;
		sqlite3_bind_int64(child[c], 1, lo);
		sqlite3_bind_int64(child[c], 2, hi);
		digest_cols_init(&dcc[c], child[c], rt->child_key[c]);
		if (dcc[c].key < 0) {
			blob_reset(&st->err);
			blob_appendf(&st->err, "table %s has no column %s", rt->child[c], rt->child_key[c]);
			goto done;
		}
		crc[c] = sqlite3_step(child[c]);
	}
	if (dc.key < 0) {
		blob_reset(&st->err);
		blob_appendf(&st->err, "table %s has no column id", rt->table);
		goto done;
	}
	int rc, stop = 0;
	sqlite3_int64 (*column_int64)(sqlite3_stmt *, int) = sqlite3_column_int64;
	while (!stop && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		long long id = column_int64(q, dc.key);
		int version = pick ? pick(rt->type, id, ctx) : RECORD_DIGEST_CURRENT;
		if (version != RECORD_DIGEST_V1)
			version = RECORD_DIGEST_V2;
		blob_reset(&h);
		digest_any(&h, version, q, rt->table, 0, &dc);
		for (int c = 0; c < 2; c++) {
			int k = dcc[c].key;
			/* dependent rows of records that no longer exist are skipped */
			while (crc[c] == SQLITE_ROW && column_int64(child[c], k) < id)
				crc[c] = sqlite3_step(child[c]);
			while (crc[c] == SQLITE_ROW && column_int64(child[c], k) == id) {
				digest_any(&h, version, child[c], rt->child[c], (unsigned)c + 1, &dcc[c]);
				crc[c] = sqlite3_step(child[c]);
			}
		}
		unsigned char d[32];
		crypto_generichash(d, sizeof d, (const unsigned char *)h.data, h.len, NULL, 0);
		stop = fn(rt->type, id, version, d, ctx);
	}
	bad = !stop && rc != SQLITE_DONE;
	if (bad)
		store_fail(st, "digest records");
done: /* bad stays 1 when a statement could not be made */
	blob_free(&h);
	digest_cols_free(&dc);
	digest_cols_free(&dcc[0]);
	digest_cols_free(&dcc[1]);
	store_release(st, q);
	store_release(st, child[0]);
	store_release(st, child[1]);
	return bad ? -1 : 0;
}

int store_record_digests(Store *st, const char *type, RecordVersionFn pick, RecordDigestFn fn, void *ctx)
{
	return store_record_digests_range(st, type, LLONG_MIN, LLONG_MAX, pick, fn, ctx);
}

int store_records_digest_each(Store *st, RecordVersionFn pick, RecordDigestFn fn, void *ctx)
{
	for (size_t t = 0; t < NRECORD_TYPES; t++)
		if (store_record_digests(st, record_types[t].type, pick, fn, ctx) != 0)
			return -1;
	return 0;
}

int store_originals_each(Store *st, int (*fn)(const char *sha256, const void *data, size_t len, void *ctx),
                         void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT sha256, content FROM original ORDER BY rowid");
	if (!q)
		return -1;
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *sha = (const char *)sqlite3_column_text(q, 0);
		const void *data = sqlite3_column_blob(q, 1);
		size_t len = (size_t)sqlite3_column_bytes(q, 1);
		stop = fn(sha ? sha : "", data ? data : "", len, ctx);
	}
	int bad = !stop && rc != SQLITE_DONE;
	store_release(st, q);
	return bad ? store_fail(st, "read originals") : 0;
}

int store_reports_orphaned_each(Store *st, int (*fn)(long long report, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT r.id FROM report r LEFT JOIN original o ON o.sha256=r.sha256"
	                                    " WHERE o.sha256 IS NULL ORDER BY r.id");
	if (!q)
		return -1;
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(q)) == SQLITE_ROW)
		stop = fn(sqlite3_column_int64(q, 0), ctx);
	int bad = !stop && rc != SQLITE_DONE;
	store_release(st, q);
	return bad ? store_fail(st, "read reports") : 0;
}
