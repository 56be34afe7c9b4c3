/*
** store_int.h — internals shared by the store's source files (store.c, store_*.c).
** Nothing outside the store includes this: callers use store.h.
*/
#ifndef VIGIL_STORE_INT_H
#define VIGIL_STORE_INT_H

#include "lazy_sqlite.h"
#include "store.h"

typedef struct StmtCache StmtCache;
typedef struct PageKeys PageKeys;

struct Store {
	sqlite3 *db;
	Blob err;
	StmtCache *cache; /* prepared statements kept for reuse (store_stmt) */
	int depth;        /* store_begin nesting: 0 none, 1 a transaction, more joined to it */
	int doomed;       /* an inner transaction rolled back: the outer one cannot commit */
	PageKeys *page_keys; /* where deep pages of the incident list start (store_records.c) */
};

/* Frees st->page_keys (store_close). */
void store_page_keys_free(Store *st);

/* Records "what: sqlite's message" as the store's error and returns -1. */
int store_fail(Store *st, const char *what);
/* Steps a write statement to its end and hands it back; -1 with the error recorded. */
int store_step_done(Store *st, sqlite3_stmt *q, const char *what);
/* Steps q, calling row(q, fn, ctx) for each row until it returns non-zero, and hands q
   back: 0, or -1 with "what: …" recorded. fn is the caller's callback, passed through. */
int store_walk(Store *st, sqlite3_stmt *q, const char *what,
               int (*row)(sqlite3_stmt *q, void *fn, void *ctx), void *fn, void *ctx);
/* The first column of q's first row as an integer (-1 when there is none), q handed back. */
long long store_one(Store *st, sqlite3_stmt *q);
/* Runs SQL without results; -1 with the error recorded on failure. */
int store_exec(Store *st, const char *sql);
/* Prepares one statement, or records the error and returns NULL. */
sqlite3_stmt *store_prepare(Store *st, const char *sql);
/* A prepared statement for sql from the store's cache (prepared on first use), or NULL with
   the error recorded; hand it back with store_release, never sqlite3_finalize. A statement
   still in use (a walk calling back into the store) is not handed out twice. */
sqlite3_stmt *store_stmt(Store *st, const char *sql);
void store_release(Store *st, sqlite3_stmt *q);
void store_cache_free(Store *st);
/* Binds a string, or NULL for a NULL pointer. */
void store_bind_text(sqlite3_stmt *q, int i, const char *s);
/* A malloc'd copy of a text column, or NULL. */
char *store_col_text(sqlite3_stmt *q, int i);

/* The columns of a report row, in the order store_report_row() reads them. */
#define REPORT_COLS                                                                          \
	"id, sha256, bytes, media_type, filename, source, received, added_by, added_at, title," \
	" published, publisher, author, language"
void store_report_row(sqlite3_stmt *q, Report *r);
/* A store_walk row callback: the row as a Report to fn(const Report *, ctx). */
int store_report_cb(sqlite3_stmt *q, void *fn, void *ctx);

#endif
