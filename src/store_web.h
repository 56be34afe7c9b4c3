/*
** store_web.h — what the web server keeps in the database: accounts, sessions, API
** tokens, and the full-text index over reports (SQLite FTS5). The SQL is in store_web.c.
** Same conventions as store.h: 0 / -1 for actions, 1 / 0 / -1 for lookups, the reason
** of a failure in store_error().
*/
#ifndef VIGIL_STORE_WEB_H
#define VIGIL_STORE_WEB_H

#include "store.h"

/* Roles, in increasing power. ROLE_NONE is an anonymous visitor. */
enum { ROLE_NONE = 0, ROLE_VIEWER = 1, ROLE_EDITOR = 2, ROLE_ADMIN = 3 };

/* "viewer", "editor", "admin" (or "anonymous"), and back; role_parse returns -1 for
   anything else. */
const char *role_name(int role);
int role_parse(const char *s);

typedef struct Account {
	long long id;
	char *name;
	int role;
	int disabled;
	char *pwhash;              /* libsodium crypto_pwhash_str string (Argon2id) */
	char *created_at, *last_login;
} Account;

void account_free(Account *a);

/* Adds an account; returns -1 with "exists" in store_error() when the name is taken. */
int store_account_add(Store *st, const char *name, int role, const char *pwhash, long long *id);
int store_account_get(Store *st, const char *name, Account *a);
int store_account_by_id(Store *st, long long id, Account *a);
int store_account_set_password(Store *st, long long id, const char *pwhash);
int store_account_set_role(Store *st, long long id, int role);
int store_account_set_disabled(Store *st, long long id, int disabled);
int store_account_logged_in(Store *st, long long id, const char *when);
/* Every account in name order; a non-zero return from fn stops the walk. */
int store_accounts_each(Store *st, int (*fn)(const Account *a, void *ctx), void *ctx);
/* Accounts of at least that role, not disabled. */
long long store_account_count(Store *st, int min_role);

/* Sessions are found by the SHA-256 (hex) of the secret in the browser's cookie; the
   database never holds the secret itself. Times are seconds since the epoch. */
int store_session_add(Store *st, const char *token_hash, long long account_id, const char *csrf,
                      long long now);
/* Finds a live session: last seen after min_seen and created after min_created, account
   not disabled. Fills a (without pwhash), csrf (64 hex digits) and *seen. */
int store_session_find(Store *st, const char *token_hash, long long min_seen, long long min_created,
                       Account *a, char csrf[65], long long *seen);
int store_session_touch(Store *st, const char *token_hash, long long now);
int store_session_delete(Store *st, const char *token_hash);
/* Ends every session of an account (password or role changed, account disabled). */
int store_sessions_end(Store *st, long long account_id);
/* Deletes sessions idle since before min_seen or created before min_created. */
int store_sessions_expire(Store *st, long long min_seen, long long min_created);

/* API tokens, also kept as SHA-256 only; prefix is the first characters, for people to
   tell their tokens apart. */
typedef struct ApiToken {
	long long id, account_id;
	char *account, *label, *prefix, *created_at, *last_used;
} ApiToken;

int store_token_add(Store *st, long long account_id, const char *label, const char *token_hash,
                    const char *prefix, long long *id);
/* The account of a token (not disabled); *token_id and *last_used (or NULL) as found. */
int store_token_find(Store *st, const char *token_hash, Account *a, long long *token_id,
                     char **last_used);
int store_token_used(Store *st, long long token_id, const char *when);
/* The tokens of one account (account_id 0: of all), newest first. */
int store_tokens_each(Store *st, long long account_id, int (*fn)(const ApiToken *t, void *ctx), void *ctx);
/* Revokes a token; with account_id non-zero, only when it belongs to that account.
   Returns 1 when one was revoked, 0 when there was none. */
int store_token_delete(Store *st, long long token_id, long long account_id);

/* Reports newest first, a page at a time: offset, limit. */
int store_reports_page(Store *st, long long offset, int limit,
                       int (*fn)(const Report *r, void *ctx), void *ctx);

/* One full-text match: the report and a snippet of its text, in which the matched
   words are framed by the bytes SEARCH_MARK_ON and SEARCH_MARK_OFF. */
#define SEARCH_MARK_ON "\x02"
#define SEARCH_MARK_OFF "\x03"
typedef struct SearchHit {
	long long id;
	const char *title, *published, *publisher, *snippet;
} SearchHit;

/* Full-text search of reports (title and cleaned text), newest first (the latest report
   on a matter is usually what is wanted, and FTS5 finds it without scoring every match).
   query is in FTS5 syntax (build it with search_query() in pages_search.c); a query FTS5
   refuses gives -1 with "query" in store_error(). */
int store_search_reports(Store *st, const char *query, long long offset, int limit,
                         int (*fn)(const SearchHit *h, void *ctx), void *ctx);
/* The same over live incidents (kind, place, perpetrators, targets, description): the hit's
   title is NULL, its snippet from whichever column matched. */
int store_search_incidents(Store *st, const char *query, long long offset, int limit,
                           int (*fn)(const SearchHit *h, void *ctx), void *ctx);
/* What an incident page shows of a report it cites, in one read: its title (the file name
   when it has none), publisher, published and source (NULL when absent; free them) and
   its cleaned text appended to text. 1 found, 0 not, -1 error. */
typedef struct ReportSource {
	char *title, *publisher, *published, *source;
} ReportSource;
int store_report_source(Store *st, long long id, ReportSource *out, Blob *text);
void report_source_free(ReportSource *r);
/* The live threats an incident carried out: fn(threat id). */
int store_fulfilled_by(Store *st, long long incident, int (*fn)(long long id, void *ctx), void *ctx);

/* Proposals, oldest first, a page at a time: state NULL any, report_id 0 any report;
   limit 0 no limit. */
typedef struct ProposalRow {
	long long id, report_id;
	const char *type, *state, *json, *created_at;
} ProposalRow;
int store_proposals_page(Store *st, const char *state, long long report_id, long long offset, int limit,
                         int (*fn)(const ProposalRow *p, void *ctx), void *ctx);
long long store_proposals_count(Store *st, const char *state);

/* SQLite's data_version of this connection: it changes when another connection (another
   thread, another process) commits. -1 on error. */
long long store_data_version(Store *st);

/* The number of appeals. */
long long store_appeal_count(Store *st);

/* Live incidents per year (of their first day): fn(year, incidents). */
int store_incident_years(Store *st, int (*fn)(int year, long long n, void *ctx), void *ctx);
/* The live incidents of a year, lightly: id, kind, status, first day, place, perpetrators. */
typedef struct IncidentDot {
	long long id;
	const char *kind, *status, *day, *place;
} IncidentDot;
int store_incident_dots(Store *st, int year, int (*fn)(const IncidentDot *d, void *ctx), void *ctx);

#endif
