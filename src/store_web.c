/*
** store_web.c — the SQL of the web server: accounts, sessions, API tokens, the pages of
** the report list, full-text search and a report's proposals (see store_web.h). The
** tables are created by migration 3 in store.c.
*/
#include "store_int.h"
#include "store_web.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

static const char *const role_names[] = {"anonymous", "viewer", "editor", "admin"};

const char *role_name(int role)
{
	return role >= ROLE_NONE && role <= ROLE_ADMIN ? role_names[role] : "anonymous";
}

int role_parse(const char *s)
{
	for (int r = ROLE_VIEWER; s && r <= ROLE_ADMIN; r++)
		if (strcmp(s, role_names[r]) == 0)
			return r;
	return -1;
}

void account_free(Account *a)
{
	free(a->name);
	free(a->pwhash);
	free(a->created_at);
	free(a->last_login);
	memset(a, 0, sizeof *a);
}

#define ACCOUNT_COLS "id, name, role, disabled, pwhash, created_at, last_login"

/* Reads an account row selected with ACCOUNT_COLS. */
static void account_row(sqlite3_stmt *q, Account *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(q, 0);
	a->name = store_col_text(q, 1);
	a->role = role_parse((const char *)sqlite3_column_text(q, 2));
	a->disabled = sqlite3_column_int(q, 3);
	a->pwhash = store_col_text(q, 4);
	a->created_at = store_col_text(q, 5);
	a->last_login = store_col_text(q, 6);
}

int store_account_add(Store *st, const char *name, int role, const char *pwhash, long long *id)
{
	char now[21];
	now_iso(now);
	sqlite3_stmt *q = store_stmt(st, "INSERT INTO account(name, role, pwhash, created_at)"
	                                    " VALUES(?1, ?2, ?3, ?4)");
	if (!q)
		return -1;
	store_bind_text(q, 1, name);
	store_bind_text(q, 2, role_name(role));
	store_bind_text(q, 3, pwhash);
	store_bind_text(q, 4, now);
	int rc = sqlite3_step(q);
	store_release(st, q);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		blob_reset(&st->err);
		blob_appendf(&st->err, "an account named %s exists", name);
		return -1;
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, "add account");
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/* Runs an account query bound to a text or an id; 1 found, 0 not, -1 error. */
static int account_lookup(Store *st, const char *sql, const char *name, long long id, Account *a)
{
	sqlite3_stmt *q = store_stmt(st, sql);
	if (!q)
		return -1;
	if (name)
		store_bind_text(q, 1, name);
	else
		sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		account_row(q, a);
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read account");
	store_release(st, q);
	return found;
}

int store_account_get(Store *st, const char *name, Account *a)
{
	return account_lookup(st, "SELECT " ACCOUNT_COLS " FROM account WHERE name=?1", name, 0, a);
}

int store_account_by_id(Store *st, long long id, Account *a)
{
	return account_lookup(st, "SELECT " ACCOUNT_COLS " FROM account WHERE id=?1", NULL, id, a);
}

/* Sets one column of an account by id. */
static int account_set(Store *st, const char *sql, long long id, const char *text, long long num)
{
	sqlite3_stmt *q = store_stmt(st, sql);
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	if (text)
		store_bind_text(q, 2, text);
	else
		sqlite3_bind_int64(q, 2, num);
	return store_step_done(st, q, "update account");
}

int store_account_set_password(Store *st, long long id, const char *pwhash)
{
	return account_set(st, "UPDATE account SET pwhash=?2 WHERE id=?1", id, pwhash, 0);
}

int store_account_set_role(Store *st, long long id, int role)
{
	return account_set(st, "UPDATE account SET role=?2 WHERE id=?1", id, role_name(role), 0);
}

int store_account_set_disabled(Store *st, long long id, int disabled)
{
	return account_set(st, "UPDATE account SET disabled=?2 WHERE id=?1", id, NULL, disabled != 0);
}

int store_account_logged_in(Store *st, long long id, const char *when)
{
	return account_set(st, "UPDATE account SET last_login=?2 WHERE id=?1", id, when, 0);
}

static int account_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	Account a;
	account_row(q, &a);
	int stop = ((int (*)(const Account *, void *))fn)(&a, ctx);
	account_free(&a);
	return stop;
}

int store_accounts_each(Store *st, int (*fn)(const Account *a, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " ACCOUNT_COLS " FROM account ORDER BY name");
	if (!q)
		return -1;
	return store_walk(st, q, "list accounts", account_cb, (void *)fn, ctx);
}

long long store_account_count(Store *st, int min_role)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT count(*) FROM account WHERE NOT disabled AND"
	                                    " CASE role WHEN 'admin' THEN 3 WHEN 'editor' THEN 2 ELSE 1 END >= ?1");
	if (!q)
		return -1;
	sqlite3_bind_int(q, 1, min_role);
	return store_one(st, q);
}

int store_session_add(Store *st, const char *token_hash, long long account_id, const char *csrf,
                      long long now)
{
	sqlite3_stmt *q = store_stmt(st, "INSERT INTO session(token_hash, account_id, csrf, created, seen)"
	                                    " VALUES(?1, ?2, ?3, ?4, ?4)");
	if (!q)
		return -1;
	store_bind_text(q, 1, token_hash);
	sqlite3_bind_int64(q, 2, account_id);
	store_bind_text(q, 3, csrf);
	sqlite3_bind_int64(q, 4, now);
	return store_step_done(st, q, "add session");
}

int store_session_find(Store *st, const char *token_hash, long long min_seen, long long min_created,
                       Account *a, char csrf[65], long long *seen)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT a.id, a.name, a.role, s.csrf, s.seen FROM session s"
	                                    " JOIN account a ON a.id = s.account_id"
	                                    " WHERE s.token_hash=?1 AND s.seen>?2 AND s.created>?3"
	                                    " AND NOT a.disabled");
	if (!q)
		return -1;
	store_bind_text(q, 1, token_hash);
	sqlite3_bind_int64(q, 2, min_seen);
	sqlite3_bind_int64(q, 3, min_created);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(q, 0);
		a->name = store_col_text(q, 1);
		a->role = role_parse((const char *)sqlite3_column_text(q, 2));
		const unsigned char *c = sqlite3_column_text(q, 3);
		snprintf(csrf, 65, "%s", c ? (const char *)c : "");
		*seen = sqlite3_column_int64(q, 4);
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read session");
	store_release(st, q);
	return found;
}

int store_session_touch(Store *st, const char *token_hash, long long now)
{
	sqlite3_stmt *q = store_stmt(st, "UPDATE session SET seen=?2 WHERE token_hash=?1");
	if (!q)
		return -1;
	store_bind_text(q, 1, token_hash);
	sqlite3_bind_int64(q, 2, now);
	return store_step_done(st, q, "update session");
}

int store_session_delete(Store *st, const char *token_hash)
{
	sqlite3_stmt *q = store_stmt(st, "DELETE FROM session WHERE token_hash=?1");
	if (!q)
		return -1;
	store_bind_text(q, 1, token_hash);
	return store_step_done(st, q, "end session");
}

int store_sessions_end(Store *st, long long account_id)
{
	sqlite3_stmt *q = store_stmt(st, "DELETE FROM session WHERE account_id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, account_id);
	return store_step_done(st, q, "end sessions");
}

int store_sessions_expire(Store *st, long long min_seen, long long min_created)
{
	sqlite3_stmt *q = store_stmt(st, "DELETE FROM session WHERE seen<=?1 OR created<=?2");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, min_seen);
	sqlite3_bind_int64(q, 2, min_created);
	return store_step_done(st, q, "expire sessions");
}

int store_token_add(Store *st, long long account_id, const char *label, const char *token_hash,
                    const char *prefix, long long *id)
{
	char now[21];
	now_iso(now);
	sqlite3_stmt *q = store_stmt(st, "INSERT INTO api_token(account_id, label, token_hash, prefix, created_at)"
	                                    " VALUES(?1, ?2, ?3, ?4, ?5)");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, account_id);
	store_bind_text(q, 2, label);
	store_bind_text(q, 3, token_hash);
	store_bind_text(q, 4, prefix);
	store_bind_text(q, 5, now);
	if (store_step_done(st, q, "add token") != 0)
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int store_token_find(Store *st, const char *token_hash, Account *a, long long *token_id,
                     char **last_used)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT a.id, a.name, a.role, t.id, t.last_used FROM api_token t"
	                                    " JOIN account a ON a.id = t.account_id"
	                                    " WHERE t.token_hash=?1 AND NOT a.disabled");
	if (!q)
		return -1;
	store_bind_text(q, 1, token_hash);
	int rc = sqlite3_step(q), found = 0;
	if (rc == SQLITE_ROW) {
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(q, 0);
		a->name = store_col_text(q, 1);
		a->role = role_parse((const char *)sqlite3_column_text(q, 2));
		*token_id = sqlite3_column_int64(q, 3);
		*last_used = store_col_text(q, 4);
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read token");
	store_release(st, q);
	return found;
}

int store_token_used(Store *st, long long token_id, const char *when)
{
	sqlite3_stmt *q = store_stmt(st, "UPDATE api_token SET last_used=?2 WHERE id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, token_id);
	store_bind_text(q, 2, when);
	return store_step_done(st, q, "update token");
}

static int token_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	ApiToken t = {
		sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1),
		(char *)sqlite3_column_text(q, 2), (char *)sqlite3_column_text(q, 3),
		(char *)sqlite3_column_text(q, 4), (char *)sqlite3_column_text(q, 5),
		(char *)sqlite3_column_text(q, 6),
	};
	return ((int (*)(const ApiToken *, void *))fn)(&t, ctx);
}

int store_tokens_each(Store *st, long long account_id, int (*fn)(const ApiToken *t, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT t.id, t.account_id, a.name, t.label, t.prefix, t.created_at,"
	                                    " t.last_used FROM api_token t JOIN account a ON a.id = t.account_id"
	                                    " WHERE t.account_id=?1 OR ?1=0 ORDER BY t.id DESC");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, account_id);
	return store_walk(st, q, "list tokens", token_cb, (void *)fn, ctx);
}

int store_token_delete(Store *st, long long token_id, long long account_id)
{
	sqlite3_stmt *q = store_stmt(st, "DELETE FROM api_token WHERE id=?1 AND (account_id=?2 OR ?2=0)");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, token_id);
	sqlite3_bind_int64(q, 2, account_id);
	if (store_step_done(st, q, "revoke token") != 0)
		return -1;
	return sqlite3_changes(st->db) > 0;
}

int store_reports_page(Store *st, long long offset, int limit,
                       int (*fn)(const Report *r, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT " REPORT_COLS " FROM report ORDER BY id DESC"
	                                    " LIMIT ?1 OFFSET ?2");
	if (!q)
		return -1;
	sqlite3_bind_int(q, 1, limit);
	sqlite3_bind_int64(q, 2, offset);
	return store_walk(st, q, "list reports", store_report_cb, (void *)fn, ctx);
}

static int search_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	SearchHit h = {
		sqlite3_column_int64(q, 0), (const char *)sqlite3_column_text(q, 1),
		(const char *)sqlite3_column_text(q, 2), (const char *)sqlite3_column_text(q, 3),
		(const char *)sqlite3_column_text(q, 4),
	};
	return ((int (*)(const SearchHit *, void *))fn)(&h, ctx);
}

/* Runs a search statement (query, limit, offset bound as ?1 ?2 ?3) whose rows are id,
   title, published, publisher, snippet. */
static int search_walk(Store *st, const char *sql, const char *query, long long offset, int limit,
                       int (*fn)(const SearchHit *h, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, sql);
	if (!q)
		return -1;
	store_bind_text(q, 1, query);
	sqlite3_bind_int(q, 2, limit);
	sqlite3_bind_int64(q, 3, offset);
	return store_walk(st, q, "query", search_cb, (void *)fn, ctx);
}

int store_search_reports(Store *st, const char *query, long long offset, int limit,
                         int (*fn)(const SearchHit *h, void *ctx), void *ctx)
{
	return search_walk(st, "SELECT r.id, r.title, r.published, r.publisher,"
	                       " snippet(report_fts, 1, '" SEARCH_MARK_ON "', '" SEARCH_MARK_OFF "', '…', 24)"
	                       " FROM report_fts f JOIN report r ON r.id = f.rowid"
	                       " WHERE report_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2 OFFSET ?3",
	                   query, offset, limit, fn, ctx);
}

int store_search_incidents(Store *st, const char *query, long long offset, int limit,
                           int (*fn)(const SearchHit *h, void *ctx), void *ctx)
{
	return search_walk(st, "SELECT i.id, NULL, i.date_start, NULL,"
	                       " snippet(incident_fts, -1, '" SEARCH_MARK_ON "', '" SEARCH_MARK_OFF "', '…', 16)"
	                       " FROM incident_fts f JOIN incident i ON i.id = f.rowid"
	                       " WHERE incident_fts MATCH ?1 AND i.merged_into IS NULL"
	                       " ORDER BY f.rowid DESC LIMIT ?2 OFFSET ?3",
	                   query, offset, limit, fn, ctx);
}

int store_report_source(Store *st, long long id, ReportSource *out, Blob *text)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT coalesce(title, filename), publisher, published, source, text"
	                                    " FROM report WHERE id=?1");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q), found = 0;
	memset(out, 0, sizeof *out);
	if (rc == SQLITE_ROW) {
		out->title = store_col_text(q, 0);
		out->publisher = store_col_text(q, 1);
		out->published = store_col_text(q, 2);
		out->source = store_col_text(q, 3);
		blob_append(text, sqlite3_column_text(q, 4), (size_t)sqlite3_column_bytes(q, 4));
		found = 1;
	} else if (rc != SQLITE_DONE)
		found = store_fail(st, "read report");
	store_release(st, q);
	return found;
}

void report_source_free(ReportSource *r)
{
	free(r->title);
	free(r->publisher);
	free(r->published);
	free(r->source);
	memset(r, 0, sizeof *r);
}

static int id_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	return ((int (*)(long long, void *))fn)(sqlite3_column_int64(q, 0), ctx);
}

int store_fulfilled_by(Store *st, long long incident, int (*fn)(long long id, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT id FROM incident WHERE fulfilled_by=?1 AND merged_into IS NULL"
	                                    " ORDER BY id");
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, incident);
	return store_walk(st, q, "list fulfilled threats", id_cb, (void *)fn, ctx);
}

static int proposal_row_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	ProposalRow p = {
		sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1),
		(const char *)sqlite3_column_text(q, 2), (const char *)sqlite3_column_text(q, 3),
		(const char *)sqlite3_column_text(q, 4), (const char *)sqlite3_column_text(q, 5),
	};
	return ((int (*)(const ProposalRow *, void *))fn)(&p, ctx);
}

int store_proposals_page(Store *st, const char *state, long long report_id, long long offset, int limit,
                         int (*fn)(const ProposalRow *p, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT id, report_id, type, state, json, created_at FROM proposal"
	                                    " WHERE (?1 IS NULL OR state=?1) AND (?2=0 OR report_id=?2)"
	                                    " ORDER BY id LIMIT ?3 OFFSET ?4");
	if (!q)
		return -1;
	store_bind_text(q, 1, state);
	sqlite3_bind_int64(q, 2, report_id);
	sqlite3_bind_int(q, 3, limit > 0 ? limit : -1);
	sqlite3_bind_int64(q, 4, offset);
	return store_walk(st, q, "list proposals", proposal_row_cb, (void *)fn, ctx);
}

long long store_proposals_count(Store *st, const char *state)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT count(*) FROM proposal WHERE ?1 IS NULL OR state=?1");
	if (!q)
		return -1;
	store_bind_text(q, 1, state);
	return store_one(st, q);
}

long long store_data_version(Store *st)
{
	sqlite3_stmt *q = store_stmt(st, "PRAGMA data_version");
	if (!q)
		return -1;
	return store_one(st, q);
}

long long store_appeal_count(Store *st)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT count(*) FROM appeal");
	if (!q)
		return -1;
	return store_one(st, q);
}

static int year_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	return ((int (*)(int, long long, void *))fn)(sqlite3_column_int(q, 0), sqlite3_column_int64(q, 1), ctx);
}

static int dot_cb(sqlite3_stmt *q, void *fn, void *ctx)
{
	IncidentDot d = {
		sqlite3_column_int64(q, 0), (const char *)sqlite3_column_text(q, 1),
		(const char *)sqlite3_column_text(q, 2), (const char *)sqlite3_column_text(q, 3),
		(const char *)sqlite3_column_text(q, 4),
	};
	return ((int (*)(const IncidentDot *, void *))fn)(&d, ctx);
}

int store_incident_years(Store *st, int (*fn)(int year, long long n, void *ctx), void *ctx)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT CAST(substr(day_first, 1, 4) AS INTEGER) AS y, count(*)"
	                                    " FROM incident WHERE merged_into IS NULL AND day_first IS NOT NULL"
	                                    " GROUP BY y ORDER BY y");
	if (!q)
		return -1;
	return store_walk(st, q, "count incidents by year", year_cb, (void *)fn, ctx);
}

int store_incident_dots(Store *st, int year, int (*fn)(const IncidentDot *d, void *ctx), void *ctx)
{
	char lo[16], hi[16];
	snprintf(lo, sizeof lo, "%04d-01-01", year % 10000);
	snprintf(hi, sizeof hi, "%04d-12-31", year % 10000);
	sqlite3_stmt *q = store_stmt(st, "SELECT id, kind, status, day_first, place FROM incident"
	                                    " WHERE merged_into IS NULL AND day_first BETWEEN ?1 AND ?2"
	                                    " ORDER BY day_first, id");
	if (!q)
		return -1;
	store_bind_text(q, 1, lo);
	store_bind_text(q, 2, hi);
	return store_walk(st, q, "list incidents of a year", dot_cb, (void *)fn, ctx);
}
