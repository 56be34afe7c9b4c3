/*
** store.h — the one interface to vigil's database.
**
** Every SQL statement of vigil lives behind these functions (the SQLite backend is
** store.c). Callers see plain structs and callbacks, never SQL or sqlite3 handles, so a
** PostgreSQL backend can implement the same interface later. Functions return 0 on
** success and -1 on error, with the reason in store_error(); lookups return 1 when found,
** 0 when not, -1 on error.
*/
#ifndef VIGIL_STORE_H
#define VIGIL_STORE_H

#include <stddef.h>

#include "blob.h"

typedef struct Store Store;

/* The schema version this binary writes (PRAGMA user_version). */
int store_schema_version(void);

/* Opens (creating when asked) the database at path and brings its schema up to date.
   Returns NULL with a one-line reason in err; *input_error is set when the cause is the
   user's (a newer schema, not a database, cannot open) rather than vigil's. */
Store *store_open(const char *path, int create, Blob *err, int *input_error);
/* For a program whose threads each read through a connection of their own (vigil serve):
   call before the first store_open. SQLite then keeps no memory statistics, whose one
   global mutex every allocation of every connection took. */
void store_threads_independent(void);
void store_close(Store *st);
const char *store_error(Store *st);

/* A second connection to the same database file, for another thread; NULL with err set. */
Store *store_open_again(Store *st, Blob *err);

/* Transactions nest (inner ones join the outer one): commit or roll back each begin. */
int store_begin(Store *st);
int store_commit(Store *st);
int store_rollback(Store *st);
/* A read transaction: every statement until store_read_end sees one snapshot of the
   database, and the file locks are taken once instead of once a statement (the web
   server's pages read a dozen times each). Nothing may write inside it. */
int store_read_begin(Store *st);
int store_read_end(Store *st);

/* A stored report: its provenance and the metadata found when it was cleaned. */
typedef struct Report {
	long long id;
	char sha256[65];
	long long bytes;
	char *media_type, *filename, *source, *received, *added_by, *added_at;
	char *title, *published, *publisher, *author, *language;
} Report;

void report_free(Report *r);

/* Finds a report by the SHA-256 of its original bytes. */
int store_report_by_sha(Store *st, const char *sha256, long long *id);
/* Stores a report: its provenance and metadata (r), the original bytes, the cleaned text
   and the offset map from cleaned text to original bytes (opaque bytes to the store). */
int store_report_insert(Store *st, const Report *r, const void *orig, size_t orig_len,
                        const char *text, size_t text_len, const void *map, size_t map_len,
                        long long *id);
int store_report_get(Store *st, long long id, Report *r);
/* Adds the reports stored since the last call to the full-text index, in one
   transaction (store_report_insert leaves them out: indexing one report per commit is
   slow). Whoever stores reports calls it after a batch; opening the store catches up
   after a crash. */
int store_report_index(Store *st);
int store_report_original(Store *st, long long id, Blob *out);
int store_report_text(Store *st, long long id, Blob *text, Blob *map);
/* Calls fn for every report in id order; a non-zero return from fn stops the walk. */
int store_reports_each(Store *st, int (*fn)(const Report *r, void *ctx), void *ctx);
long long store_report_count(Store *st);

/* Proposals: records the extraction engine read from a report, as one JSON object each in
   the extraction format of ../shared/corpus/README.md (type "event" or "appeal"). */
int store_proposal_add(Store *st, long long report_id, const char *type, const char *json,
                       long long *id);
/* The number of proposals of a report (report_id 0: of all reports). */
long long store_proposal_count(Store *st, long long report_id);

/* Incidents, claims, threats, appeals, population, places, actors, the ledger. */
#include "store_records.h"

#endif
