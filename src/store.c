/*
** store.c — the SQLite backend of store.h: the only file with SQL in it.
**
** One database file, WAL journal, foreign keys on. The schema is a list of numbered
** migrations; PRAGMA user_version records how many have run. Opening a database
** applies the missing ones, each in its own transaction; a database whose version is
** newer than this binary knows is refused, never touched.
*/
#include "store_int.h"
#include "util.h"

#include <malloc.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>


/* Migration N (1-based) brings the schema from version N-1 to N. Never edit one that has
   shipped: add a new one. */
static const char *const migrations[] = {
	/* 1: reports and their original bytes */
	"CREATE TABLE report("
	"  id INTEGER PRIMARY KEY,"
	"  sha256 TEXT NOT NULL UNIQUE,"
	"  bytes INTEGER NOT NULL,"
	"  media_type TEXT NOT NULL,"
	"  filename TEXT,"
	"  source TEXT,"
	"  received TEXT NOT NULL,"
	"  added_by TEXT,"
	"  added_at TEXT NOT NULL,"
	"  title TEXT, published TEXT, publisher TEXT, author TEXT, language TEXT,"
	"  text TEXT NOT NULL,"
	"  offmap BLOB"
	");"
	"CREATE TABLE original("
	"  sha256 TEXT PRIMARY KEY,"
	"  content BLOB NOT NULL"
	");",

	/* 2: proposals — what the extraction engine read from a report, awaiting review */
	"CREATE TABLE proposal("
	"  id INTEGER PRIMARY KEY,"
	"  report_id INTEGER NOT NULL REFERENCES report(id),"
	"  type TEXT NOT NULL CHECK(type IN ('event','appeal')),"
	"  json TEXT NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'pending' CHECK(state IN ('pending','accepted','rejected')),"
	"  created_at TEXT NOT NULL"
	");"
	"CREATE INDEX proposal_report ON proposal(report_id);"
	"CREATE INDEX proposal_state ON proposal(state);",

	/* 3: the web server's accounts, sessions and API tokens (secrets kept only as
	   SHA-256), and the full-text index of reports kept in step by triggers */
	"CREATE TABLE account("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  role TEXT NOT NULL CHECK(role IN ('viewer','editor','admin')),"
	"  pwhash TEXT NOT NULL,"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  created_at TEXT NOT NULL,"
	"  last_login TEXT"
	");"
	"CREATE TABLE session("
	"  token_hash TEXT PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  csrf TEXT NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  seen INTEGER NOT NULL"
	") WITHOUT ROWID;"
	"CREATE INDEX session_account ON session(account_id);"
	"CREATE TABLE api_token("
	"  id INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  label TEXT,"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  prefix TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  last_used TEXT"
	");"
	"CREATE VIRTUAL TABLE report_fts USING fts5(title, text, content='report', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER report_fts_ins AFTER INSERT ON report BEGIN"
	"  INSERT INTO report_fts(rowid, title, text) VALUES(new.id, new.title, new.text); END;"
	"CREATE TRIGGER report_fts_del AFTER DELETE ON report BEGIN"
	"  INSERT INTO report_fts(report_fts, rowid, title, text) VALUES('delete', old.id, old.title, old.text); END;"
	"CREATE TRIGGER report_fts_upd AFTER UPDATE OF title, text ON report BEGIN"
	"  INSERT INTO report_fts(report_fts, rowid, title, text) VALUES('delete', old.id, old.title, old.text);"
	"  INSERT INTO report_fts(rowid, title, text) VALUES(new.id, new.title, new.text); END;"
	"INSERT INTO report_fts(report_fts) VALUES('rebuild');",
	/* 4: records — incidents and their claims, threats, appeals, population facts,
	   places, actors, reviews of proposals, and the hash-chained ledger (store_records.c) */
	"CREATE TABLE ledger("
	"  seq INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,"
	"  records TEXT NOT NULL, payload TEXT NOT NULL,"
	"  prev TEXT NOT NULL, hash TEXT NOT NULL"
	");"
	"CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger"
	"  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;"
	"CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger"
	"  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;"
	"CREATE TABLE ledger_ref(record TEXT NOT NULL, seq INTEGER NOT NULL,"
	"  PRIMARY KEY(record, seq)) WITHOUT ROWID;"
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE report_sig(report_id INTEGER PRIMARY KEY REFERENCES report(id),"
	"  publisher_key TEXT, sig BLOB);"
	"CREATE TABLE place("
	"  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, aliases TEXT,"
	"  country TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, geo_precision INTEGER,"
	"  updated_at TEXT NOT NULL);"
	"CREATE TABLE actor("
	"  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, aliases TEXT,"
	"  grp TEXT, country TEXT, updated_at TEXT NOT NULL);"
	"CREATE TABLE incident("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL, status TEXT NOT NULL CHECK(status IN ('occurred','threatened')),"
	"  date_start TEXT, date_end TEXT, day_first TEXT, day_last TEXT,"
	"  place TEXT, place_key TEXT, place_id INTEGER REFERENCES place(id),"
	"  country TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, geo_precision INTEGER,"
	"  perpetrators TEXT, targets TEXT, description TEXT,"
	"  killed_min INTEGER, killed_max INTEGER, killed_src INTEGER, killed_ind INTEGER, killed_edit INTEGER, killed_open INTEGER,"
	"  wounded_min INTEGER, wounded_max INTEGER, wounded_src INTEGER, wounded_ind INTEGER, wounded_edit INTEGER, wounded_open INTEGER,"
	"  detained_min INTEGER, detained_max INTEGER, detained_src INTEGER, detained_ind INTEGER, detained_edit INTEGER, detained_open INTEGER,"
	"  sources INTEGER NOT NULL DEFAULT 0, independent INTEGER NOT NULL DEFAULT 0,"
	"  threat TEXT CHECK(threat IN ('open','fulfilled','lapsed','withdrawn')),"
	"  announced TEXT, due TEXT, fulfilled_by INTEGER REFERENCES incident(id), threat_note TEXT,"
	"  merged_into INTEGER REFERENCES incident(id),"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL"
	");"
	"CREATE INDEX incident_match ON incident(status, place_key, day_first);"
	"CREATE INDEX incident_day ON incident(day_first);"
	"CREATE INDEX incident_threat ON incident(threat, due);"
	"CREATE TABLE claim("
	"  id INTEGER PRIMARY KEY,"
	"  incident_id INTEGER NOT NULL REFERENCES incident(id),"
	"  field TEXT NOT NULL, value TEXT, min INTEGER, max INTEGER, extra TEXT,"
	"  report_id INTEGER REFERENCES report(id), proposal_id INTEGER REFERENCES proposal(id),"
	"  grp INTEGER NOT NULL DEFAULT 0,"
	"  quote TEXT, q_start INTEGER, q_end INTEGER, orig_start INTEGER, orig_end INTEGER,"
	"  who TEXT NOT NULL, reason TEXT, at TEXT NOT NULL"
	");"
	"CREATE INDEX claim_incident ON claim(incident_id);"
	"CREATE INDEX claim_proposal ON claim(proposal_id);"
	"CREATE TABLE proposal_review("
	"  proposal_id INTEGER PRIMARY KEY REFERENCES proposal(id),"
	"  state TEXT NOT NULL, incident_id INTEGER, appeal_id INTEGER,"
	"  who TEXT NOT NULL, at TEXT NOT NULL, reason TEXT);"
	"CREATE TABLE appeal("
	"  id INTEGER PRIMARY KEY, date TEXT, by_whom TEXT, to_whom TEXT, demand TEXT,"
	"  response TEXT NOT NULL DEFAULT 'none'"
	"    CHECK(response IN ('none','acknowledged','answered','acted')),"
	"  response_date TEXT, response_report INTEGER REFERENCES report(id), response_note TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE INDEX appeal_date ON appeal(date);"
	"CREATE TABLE appeal_source("
	"  id INTEGER PRIMARY KEY, appeal_id INTEGER NOT NULL REFERENCES appeal(id),"
	"  report_id INTEGER REFERENCES report(id), proposal_id INTEGER REFERENCES proposal(id),"
	"  quote TEXT, q_start INTEGER, q_end INTEGER, orig_start INTEGER, orig_end INTEGER);"
	"CREATE INDEX appeal_source_appeal ON appeal_source(appeal_id);"
	"CREATE TABLE appeal_incident("
	"  appeal_id INTEGER NOT NULL REFERENCES appeal(id),"
	"  incident_id INTEGER NOT NULL REFERENCES incident(id),"
	"  PRIMARY KEY(appeal_id, incident_id));"
	"CREATE INDEX appeal_incident_incident ON appeal_incident(incident_id);"
	"CREATE TABLE population("
	"  id INTEGER PRIMARY KEY, place TEXT NOT NULL, date TEXT, min INTEGER, max INTEGER,"
	"  legal_status TEXT, report_id INTEGER REFERENCES report(id),"
	"  proposal_id INTEGER REFERENCES proposal(id),"
	"  quote TEXT, q_start INTEGER, q_end INTEGER, orig_start INTEGER, orig_end INTEGER,"
	"  who TEXT NOT NULL, at TEXT NOT NULL);"
	"CREATE INDEX population_place ON population(place, date);",

	/* 5: for the web pages: incidents newest first and the threats an incident carried
	   out without scanning the table, and a full-text index of incidents kept in step by
	   triggers (store_web.c) */
	"CREATE INDEX incident_newest ON incident(day_first IS NULL, day_first DESC, id DESC);"
	"CREATE INDEX incident_fulfilled ON incident(fulfilled_by) WHERE fulfilled_by IS NOT NULL;"
	"CREATE VIRTUAL TABLE incident_fts USING fts5(kind, place, perpetrators, targets, description,"
	"  content='incident', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER incident_fts_ins AFTER INSERT ON incident BEGIN"
	"  INSERT INTO incident_fts(rowid, kind, place, perpetrators, targets, description)"
	"  VALUES(new.id, new.kind, new.place, new.perpetrators, new.targets, new.description); END;"
	"CREATE TRIGGER incident_fts_del AFTER DELETE ON incident BEGIN"
	"  INSERT INTO incident_fts(incident_fts, rowid, kind, place, perpetrators, targets, description)"
	"  VALUES('delete', old.id, old.kind, old.place, old.perpetrators, old.targets, old.description); END;"
	"CREATE TRIGGER incident_fts_upd AFTER UPDATE OF kind, place, perpetrators, targets, description ON incident BEGIN"
	"  INSERT INTO incident_fts(incident_fts, rowid, kind, place, perpetrators, targets, description)"
	"  VALUES('delete', old.id, old.kind, old.place, old.perpetrators, old.targets, old.description);"
	"  INSERT INTO incident_fts(rowid, kind, place, perpetrators, targets, description)"
	"  VALUES(new.id, new.kind, new.place, new.perpetrators, new.targets, new.description); END;"
	"INSERT INTO incident_fts(incident_fts) VALUES('rebuild');",

	/* 6: records — names and aliases of places and actors as indexed lookups (kept by
	   store_place_put / store_actor_put; filled for older databases on first use) */
	"CREATE TABLE place_name(name TEXT NOT NULL COLLATE NOCASE, place_id INTEGER NOT NULL"
	"  REFERENCES place(id), PRIMARY KEY(name, place_id)) WITHOUT ROWID;"
	"CREATE TABLE actor_name(name TEXT NOT NULL COLLATE NOCASE, actor_id INTEGER NOT NULL"
	"  REFERENCES actor(id), PRIMARY KEY(name, actor_id)) WITHOUT ROWID;"
	"CREATE INDEX incident_place ON incident(place_id);",

	/* 7: the incident list newest first with merged_into in the index, so that skipping
	   to page N of /incidents reads the index alone (page 200 of 100,000 incidents: 47 ms
	   -> ~2 ms), not every skipped incident's row */
	("DROP INDEX incident_newest;"
	 "CREATE INDEX incident_newest ON incident(day_first IS NULL, day_first DESC, id DESC, merged_into);"),

	/* 8: reports enter the full-text index in batches (store_report_index), not one by
	   one from a trigger: FTS5 writes a segment at every commit and merges them again and
	   again, which cost a third of vigil add's CPU. Reports are never updated nor deleted;
	   were they ever, the index must be brought up to date first (the update and delete
	   triggers expect an indexed row). */
	"DROP TRIGGER report_fts_ins;",

	/* 9: incidents enter the full-text index when their transaction commits
	   (incident_index_flush, from store_commit), not from triggers at each change: FTS5
	   writes its pending changes out at every statement savepoint of a transaction it
	   takes part in, so vigil accept wrote a segment for each incident and merged them
	   again and again (28% of its CPU). The triggers now note the incident in
	   incident_fts_dirty, with the values the index holds for it (the first note since
	   the last flush keeps them; NOT EXISTS rather than OR IGNORE, which an outer
	   statement's conflict clause would override). */
	"CREATE TABLE incident_fts_dirty(id INTEGER PRIMARY KEY, indexed INTEGER NOT NULL,"
	"  kind TEXT, place TEXT, perpetrators TEXT, targets TEXT, description TEXT);"
	"DROP TRIGGER incident_fts_ins;"
	"DROP TRIGGER incident_fts_del;"
	"DROP TRIGGER incident_fts_upd;"
	"CREATE TRIGGER incident_fts_ins AFTER INSERT ON incident BEGIN"
	"  INSERT INTO incident_fts_dirty(id, indexed) SELECT new.id, 0"
	"  WHERE NOT EXISTS (SELECT 1 FROM incident_fts_dirty WHERE id = new.id); END;"
	"CREATE TRIGGER incident_fts_del AFTER DELETE ON incident BEGIN"
	"  INSERT INTO incident_fts_dirty SELECT old.id, 1, old.kind, old.place, old.perpetrators, old.targets,"
	"  old.description WHERE NOT EXISTS (SELECT 1 FROM incident_fts_dirty WHERE id = old.id); END;"
	"CREATE TRIGGER incident_fts_upd AFTER UPDATE OF kind, place, perpetrators, targets, description"
	"  ON incident BEGIN"
	"  INSERT INTO incident_fts_dirty SELECT old.id, 1, old.kind, old.place, old.perpetrators, old.targets,"
	"  old.description WHERE NOT EXISTS (SELECT 1 FROM incident_fts_dirty WHERE id = old.id); END;",
};

#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int store_schema_version(void)
{
	return NMIGRATIONS;
}

int store_fail(Store *st, const char *what)
{
	blob_reset(&st->err);
	blob_appendf(&st->err, "%s: %s", what, sqlite3_errmsg(st->db));
	return -1;
}

/* Steps a write statement to its end and finalizes it. */
int store_step_done(Store *st, sqlite3_stmt *q, const char *what)
{
	int rc = sqlite3_step(q);
	if (rc != SQLITE_DONE) {
		store_fail(st, what);
		store_release(st, q);
		return -1;
	}
	store_release(st, q);
	return 0;
}

/* The first column of q's first row as an integer (-1 when there is none), q handed back. */
long long store_one(Store *st, sqlite3_stmt *q)
{
	long long n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	store_release(st, q);
	return n;
}

/* Runs a walk: steps q, calling row(q, fn, ctx) for each row until it returns non-zero. */
int store_walk(Store *st, sqlite3_stmt *q, const char *what,
               int (*row)(sqlite3_stmt *q, void *fn, void *ctx), void *fn, void *ctx)
{
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		if (row(q, fn, ctx)) {
			rc = SQLITE_DONE;
			break;
		}
	store_release(st, q);
	return rc == SQLITE_DONE ? 0 : store_fail(st, what);
}

const char *store_error(Store *st)
{
	return blob_str(&st->err);
}

int store_exec(Store *st, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		blob_reset(&st->err);
		blob_appendf(&st->err, "database: %s", msg ? msg : "error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int user_version(Store *st)
{
	sqlite3_stmt *q;
	int v = -1;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &q, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return v;
}

static int migrate(Store *st, int *input_error)
{
	int v = user_version(st);
	if (v < 0) {
		*input_error = 1;
		return store_fail(st, "not a vigil database");
	}
	if (v > NMIGRATIONS) {
		*input_error = 1;
		blob_reset(&st->err);
		blob_appendf(&st->err,
		             "the database has schema version %d, newer than this vigil knows (%d): "
		             "use a newer vigil",
		             v, NMIGRATIONS);
		return -1;
	}
	for (int i = v; i < NMIGRATIONS; i++) {
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", i + 1);
		if (store_exec(st, "BEGIN IMMEDIATE") || store_exec(st, migrations[i]) || store_exec(st, pragma) ||
		    store_exec(st, "COMMIT")) {
			Blob keep = BLOB_INIT;
			blob_appendf(&keep, "migration %d: %s", i + 1, store_error(st));
			store_exec(st, "ROLLBACK");
			blob_reset(&st->err);
			blob_append(&st->err, keep.data, keep.len);
			blob_free(&keep);
			return -1;
		}
	}
	return 0;
}

static int report_index_behind(Store *st);
static int incident_index_behind(Store *st);

/* On opening: indexes reports a crash left out of the full-text index, and incidents
   changed outside a vigil transaction (store_commit indexes the others). */
static int catch_up(Store *st)
{
	int behind = report_index_behind(st);
	if (behind < 0 || (behind && store_report_index(st) != 0))
		return -1;
	behind = incident_index_behind(st);
	if (behind < 0 || (behind && (store_begin(st) != 0 || store_commit(st) != 0)))
		return -1;
	return 0;
}

void store_threads_independent(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); /* SQLITE_MISUSE once initialised: harmless */
}

Store *store_open(const char *path, int create, Blob *err, int *input_error)
{
	/* SQLite's statement journals (pages malloc'd and freed at every statement of a
	   transaction with triggers) made glibc give the top of the heap back to the system
	   and take it again at each statement: five brk calls an accepted proposal, and the
	   kernel's share of vigil accept 0.19 -> 0.56 s once FTS5 no longer kept that memory
	   in use. Up to 8 MB free at the top of the heap stays (process-wide; harmless when
	   set again). */
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
	Store *st = xcalloc(1, sizeof *st);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
	*input_error = 0;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		*input_error = 1;
		blob_appendf(err, "cannot open database %s: %s", path,
		             st->db ? sqlite3_errmsg(st->db) : "out of memory");
		store_close(st);
		return NULL;
	}
	sqlite3_busy_timeout(st->db, 10000);
	sqlite3_extended_result_codes(st->db, 1);
	if (store_exec(st, "PRAGMA foreign_keys=ON") || store_exec(st, "PRAGMA journal_mode=WAL") ||
	    store_exec(st, "PRAGMA synchronous=NORMAL") || migrate(st, input_error) ||
	    catch_up(st)) {
		if (!*input_error && strstr(store_error(st), "not a database"))
			*input_error = 1;
		blob_appendf(err, "%s: %s", path, store_error(st));
		store_close(st);
		return NULL;
	}
	return st;
}

/* Brings the reports' full-text index up to date: every report above the highest id
   the index holds (its docsize table has one row per indexed report) is indexed in one
   transaction, which FTS5 writes as one segment. Ids only grow, so that id is the
   high-water mark; two processes catching up at once are serialised by BEGIN IMMEDIATE
   and the second finds nothing left to do. */
int store_report_index(Store *st)
{
	if (store_begin(st) != 0)
		return -1;
	sqlite3_stmt *q = store_stmt(st, "INSERT INTO report_fts(rowid, title, text)"
	                                 " SELECT id, title, text FROM report"
	                                 " WHERE id > (SELECT coalesce(max(id), 0) FROM report_fts_docsize)"
	                                 " ORDER BY id");
	if (!q) {
		store_rollback(st);
		return -1;
	}
	int rc = sqlite3_step(q);
	store_release(st, q);
	if (rc != SQLITE_DONE) {
		store_fail(st, "index reports");
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

/* A yes-or-no question about the full-text indexes (sql gives one integer): 1, 0, or -1
   on an error. */
static int index_flag(Store *st, const char *sql)
{
	sqlite3_stmt *q = store_stmt(st, sql);
	if (!q)
		return -1;
	int rc = sqlite3_step(q), yes = -1;
	if (rc == SQLITE_ROW)
		yes = sqlite3_column_int(q, 0) != 0;
	else
		store_fail(st, "read the index");
	store_release(st, q);
	return yes;
}

/* Whether reports wait for the full-text index (a crash between storing them and
   indexing them): 1 yes, 0 no, -1 error. */
static int report_index_behind(Store *st)
{
	return index_flag(st, "SELECT (SELECT coalesce(max(id), 0) FROM report) >"
	                      " (SELECT coalesce(max(id), 0) FROM report_fts_docsize)");
}

void store_close(Store *st)
{
	if (!st)
		return;
	store_cache_free(st);
	store_page_keys_free(st);
	sqlite3_close_v2(st->db);
	blob_free(&st->err);
	free(st);
}

/* Transactions nest: the outermost store_begin opens one (BEGIN IMMEDIATE) and inner ones
   join it, so a batch (accept --all) commits once for many changes. A rollback anywhere
   rolls back the whole transaction at once, and the outer commit then fails. (Savepoints
   would let an inner change fail alone, but each one makes the full-text index flush:
   accepting in batches was slower with them than with a commit per change.) */
int store_begin(Store *st)
{
	if (st->depth) {
		st->depth++;
		return 0;
	}
	if (store_exec(st, "BEGIN IMMEDIATE") != 0)
		return -1;
	st->depth = 1;
	st->doomed = 0;
	return 0;
}

/* Whether incidents wait for the full-text index (incident_fts_dirty has rows): 1 yes,
   0 no, -1 error. */
static int incident_index_behind(Store *st)
{
	return index_flag(st, "SELECT EXISTS (SELECT 1 FROM incident_fts_dirty)");
}

/* Inside the transaction about to commit: brings the incidents' full-text index up to
   date from incident_fts_dirty (migration 9): out go the values the index held for each
   noted incident, in go the incidents as they are now, each in one statement (one FTS5
   segment for a whole batch of vigil accept). 0 or -1. */
static int incident_index_flush(Store *st)
{
	static const char *const sql[] = {
		"INSERT INTO incident_fts(incident_fts, rowid, kind, place, perpetrators, targets, description)"
		" SELECT 'delete', id, kind, place, perpetrators, targets, description FROM incident_fts_dirty"
		" WHERE indexed ORDER BY id",
		"INSERT INTO incident_fts(rowid, kind, place, perpetrators, targets, description)"
		" SELECT i.id, i.kind, i.place, i.perpetrators, i.targets, i.description"
		" FROM incident_fts_dirty d JOIN incident i ON i.id = d.id ORDER BY i.id",
		"DELETE FROM incident_fts_dirty",
	};
	int behind = incident_index_behind(st);
	for (size_t i = 0; behind > 0 && i < sizeof sql / sizeof *sql; i++) {
		sqlite3_stmt *q = store_stmt(st, sql[i]);
		if (!q)
			return -1;
		int rc = sqlite3_step(q);
		store_release(st, q);
		if (rc != SQLITE_DONE)
			return store_fail(st, "index incidents");
	}
	return behind < 0 ? -1 : 0;
}

int store_commit(Store *st)
{
	if (st->depth > 1) {
		st->depth--;
		return 0;
	}
	if (st->doomed) {
		st->depth = 0; /* doomed stays set: the caller's rollback has nothing left to do */
		blob_reset(&st->err);
		blob_appendf(&st->err, "database: the transaction was rolled back after an error in it");
		return -1;
	}
	if (incident_index_flush(st) != 0)
		return -1; /* still in the transaction: the caller rolls it back */
	if (store_exec(st, "COMMIT") != 0)
		return -1;
	st->depth = 0;
	return 0;
}

int store_rollback(Store *st)
{
	int rc = st->doomed ? 0 : store_exec(st, "ROLLBACK"); /* doomed: already rolled back */
	if (st->depth > 1) {
		st->depth--;
		st->doomed = 1;
	} else {
		st->depth = 0;
		st->doomed = 0;
	}
	return rc;
}

/* Runs one of the cached statements that begin or end a transaction. */
static int store_txn(Store *st, const char *sql)
{
	sqlite3_stmt *q = store_stmt(st, sql);
	if (!q)
		return -1;
	int rc = sqlite3_step(q);
	store_release(st, q);
	return rc == SQLITE_DONE ? 0 : store_fail(st, sql);
}

int store_read_begin(Store *st)
{
	return store_txn(st, "BEGIN DEFERRED");
}

int store_read_end(Store *st)
{
	return sqlite3_get_autocommit(st->db) ? 0 : store_txn(st, "COMMIT");
}

Store *store_open_again(Store *st, Blob *err)
{
	const char *path = sqlite3_db_filename(st->db, "main");
	int input_error;
	if (!path || !*path) {
		blob_appendf(err, "the database has no file to open again");
		return NULL;
	}
	return store_open(path, 0, err, &input_error);
}

/* Prepares sql or records the error. */
sqlite3_stmt *store_prepare(Store *st, const char *sql)
{
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK) {
		store_fail(st, "prepare");
		return NULL;
	}
	return q;
}

void store_bind_text(sqlite3_stmt *q, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(q, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(q, i);
}

char *store_col_text(sqlite3_stmt *q, int i)
{
	const unsigned char *s = sqlite3_column_text(q, i);
	return s ? xstrdup((const char *)s) : NULL;
}

void report_free(Report *r)
{
	free(r->media_type);
	free(r->filename);
	free(r->source);
	free(r->received);
	free(r->added_by);
	free(r->added_at);
	free(r->title);
	free(r->published);
	free(r->publisher);
	free(r->author);
	free(r->language);
	memset(r, 0, sizeof *r);
}

int store_report_by_sha(Store *st, const char *sha256, long long *id)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT id FROM report WHERE sha256=?1");
	if (!q)
		return -1;
	store_bind_text(q, 1, sha256);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(q, 0);
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "find report");
	store_release(st, q);
	return found;
}

int store_report_insert(Store *st, const Report *r, const void *orig, size_t orig_len,
                        const char *text, size_t text_len, const void *map, size_t map_len,
                        long long *id)
{
	sqlite3_stmt *q = store_stmt(st, "INSERT OR IGNORE INTO original(sha256, content) VALUES(?1, ?2)");
	if (!q)
		return -1;
	store_bind_text(q, 1, r->sha256);
	sqlite3_bind_blob64(q, 2, orig_len ? orig : "", orig_len, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	store_release(st, q);
	if (rc != SQLITE_DONE)
		return store_fail(st, "store original");

	q = store_stmt(st, "INSERT INTO report(sha256, bytes, media_type, filename, source, received,"
	                   " added_by, added_at, title, published, publisher, author, language, text, offmap)"
	                   " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)");
	if (!q)
		return -1;
	store_bind_text(q, 1, r->sha256);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)orig_len);
	store_bind_text(q, 3, r->media_type);
	store_bind_text(q, 4, r->filename);
	store_bind_text(q, 5, r->source);
	store_bind_text(q, 6, r->received);
	store_bind_text(q, 7, r->added_by);
	store_bind_text(q, 8, r->added_at);
	store_bind_text(q, 9, r->title);
	store_bind_text(q, 10, r->published);
	store_bind_text(q, 11, r->publisher);
	store_bind_text(q, 12, r->author);
	store_bind_text(q, 13, r->language);
	sqlite3_bind_text64(q, 14, text ? text : "", text_len, SQLITE_STATIC, SQLITE_UTF8);
	if (map && map_len)
		sqlite3_bind_blob64(q, 15, map, map_len, SQLITE_STATIC);
	else
		sqlite3_bind_null(q, 15);
	rc = sqlite3_step(q);
	store_release(st, q);
	if (rc != SQLITE_DONE)
		return store_fail(st, "store report");
	*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

void store_report_row(sqlite3_stmt *q, Report *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	const unsigned char *sha = sqlite3_column_text(q, 1);
	snprintf(r->sha256, sizeof r->sha256, "%s", sha ? (const char *)sha : "");
	r->bytes = sqlite3_column_int64(q, 2);
	r->media_type = store_col_text(q, 3);
	r->filename = store_col_text(q, 4);
	r->source = store_col_text(q, 5);
	r->received = store_col_text(q, 6);
	r->added_by = store_col_text(q, 7);
	r->added_at = store_col_text(q, 8);
	r->title = store_col_text(q, 9);
	r->published = store_col_text(q, 10);
	r->publisher = store_col_text(q, 11);
	r->author = store_col_text(q, 12);
	r->language = store_col_text(q, 13);
}

int store_report_get(Store *st, long long id, Report *r)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " REPORT_COLS " FROM report WHERE id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		store_report_row(q, r);
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read report");
	store_release(st, q);
	return found;
}

int store_report_original(Store *st, long long id, Blob *out)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT o.content FROM report r JOIN original o"
	                              " ON o.sha256 = r.sha256 WHERE r.id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		blob_append(out, sqlite3_column_blob(q, 0), (size_t)sqlite3_column_bytes(q, 0));
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read original");
	store_release(st, q);
	return found;
}

int store_report_text(Store *st, long long id, Blob *text, Blob *map)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT text, offmap FROM report WHERE id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		if (text)
			blob_append(text, sqlite3_column_text(q, 0), (size_t)sqlite3_column_bytes(q, 0));
		if (map)
			blob_append(map, sqlite3_column_blob(q, 1), (size_t)sqlite3_column_bytes(q, 1));
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read report text");
	store_release(st, q);
	return found;
}

int store_report_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	Report r;
	store_report_row(q, &r);
	int stop = ((int (*)(const Report *, void *))fn)(&r, ctx);
	report_free(&r);
	return stop;
}

int store_reports_each(Store *st, int (*fn)(const Report *r, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " REPORT_COLS " FROM report ORDER BY id");
	if (!q)
		return -1;
	return store_walk(st, q, "list reports", store_report_cb, (void *)fn, ctx);
}

long long store_report_count(Store *st)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT count(*) FROM report");
	if (!q)
		return -1;
	return store_one(st, q);
}

int store_proposal_add(Store *st, long long report_id, const char *type, const char *json,
                       long long *id)
{
	char now[21];
	now_iso(now);
	sqlite3_stmt *q = store_stmt(st, "INSERT INTO proposal(report_id, type, json, created_at)"
	                                 " VALUES(?1, ?2, ?3, ?4)");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, report_id);
	store_bind_text(q, 2, type);
	store_bind_text(q, 3, json);
	store_bind_text(q, 4, now);
	int rc = sqlite3_step(q);
	store_release(st, q);
	if (rc != SQLITE_DONE)
		return store_fail(st, "store proposal");
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

long long store_proposal_count(Store *st, long long report_id)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT count(*) FROM proposal WHERE report_id=?1 OR ?1=0");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, report_id);
	return store_one(st, q);
}
