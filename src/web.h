/*
** web.h — what the pages of `vigil serve` see of a request, and what they give back.
**
** serve.c owns the HTTP side (libmicrohttpd, the routing table, sessions, CSRF, the
** access log); each group of pages lives in a pages_*.c file. A route's handler reads
** the request (q->id, req_arg()), puts the page's data in q->data as a JSON object, and
** returns a status. The same data is then either sent as JSON (the /api/… twin) or given
** to the route's view, which writes the HTML body with html_appendf (every %s escaped).
** A page may keep its data as structs of its own in q->model instead (the incident page:
** it then writes its JSON twin itself, into q->body).
** Handlers that answer in another way (a download, a redirect, a feed) fill q->body and
** q->ctype, or call req_redirect().
*/
#ifndef VIGIL_WEB_H
#define VIGIL_WEB_H

#include <jansson.h>
#include <stdio.h>

#include "blob.h"
#include "store.h"
#include "store_web.h"

/* A form field or query argument: a name and its bytes (NUL-terminated; len for files). */
typedef struct Field {
	char *name, *value, *filename;
	size_t len;
} Field;

typedef struct Req {
	/* the request */
	const char *method;       /* "GET", "HEAD", "POST" */
	const char *url;          /* the path as requested, /api/ prefix included */
	const char *path;         /* the path without the /api prefix */
	int api;                  /* the JSON twin was asked for */
	long long id;             /* the # of the route pattern, when it has one */
	const char *ip;
	Field *fields;            /* POST fields, in order */
	size_t nfields;
	void *conn;               /* the libmicrohttpd connection (serve.c only) */

	/* who asks */
	Account user;             /* user.id 0: anonymous */
	int role;                 /* ROLE_NONE for anonymous, even under --public */
	int bearer;               /* authenticated by an API token */
	char csrf[65];            /* the token forms carry for this visitor */
	Store *st;                /* this worker thread's database connection */

	/* the answer */
	int status;
	json_t *data;             /* the page's data: the JSON twin and the view's input */
	Blob title;               /* the page title, set by the view */
	Blob body;                /* the response body (HTML pages: the part inside <main>) */
	const char *ctype;        /* content type when the handler made the body */
	FILE *body_file;          /* or the body is this file, from its start (it is closed) */
	char *location;           /* redirect target */
	Blob headers;             /* extra "Name: value\n" lines (trusted text only) */
	char *set_cookie[2];      /* Set-Cookie values */
	char *flash;              /* a one-line message shown on top of the page */
	int errored;              /* req_error() made the answer: the error page is shown */
	int twin;                 /* the page has a JSON twin (the footer links to it) */
	void *model;              /* a page's own data for its view, when not in q->data */
	void (*model_free)(void *model);
} Req;

/* Arguments: req_arg() is a POST field on POST, else a query argument; req_query() is
   only a query argument. NULL when absent. */
const char *req_arg(Req *q, const char *name);
const char *req_query(Req *q, const char *name);
const Field *req_field(Req *q, const char *name);
/* A positive integer argument, or dflt when absent or not a number. */
long long req_int(Req *q, const char *name, long long dflt);

/* A 303 redirect to a local path (trusted: built by the program). Returns 303. */
int req_redirect(Req *q, const char *path);
/* The ledger entry of an account change made by the signed-in user (ledger_account);
   0, or the 500 error page made. */
int web_ledger(Req *q, const char *action, const char *account, const char *detail);
/* An error page (or {"error": …} for the API) with status and a one-line message. */
int req_error(Req *q, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Appends the query arguments, URL-encoded, as "a=1&b=2", leaving out skip (or none). */
void req_query_string(Req *q, Blob *out, const char *skip);
/* A cookie the browser sent, or NULL. */
const char *req_cookie(Req *q, const char *name);
/* The Host header the visitor sent, or NULL. */
const char *req_host(Req *q);
/* Adds a response header; name and value are trusted text without line breaks. */
void req_header(Req *q, const char *name, const char *value);

/* The server's settings the pages need. */
typedef struct WebConf {
	const char *db_path;
	int public_read;          /* --public: anonymous visitors may read */
	const char *css_version;  /* cache-busting tag of the stylesheet */
	const char *base;         /* the address the server bound, "http://127.0.0.1:8080/" */
} WebConf;
extern WebConf web_conf;

/* Layout (pages_common.c). */
void page_layout(Req *q, Blob *out);                  /* wraps q->body into the full page */
void page_csrf(Req *q, Blob *out);                    /* the hidden CSRF field of a form */
void page_pager(Req *q, Blob *out, const char *base, json_t *data); /* prev / next links */
void page_error_body(Req *q, Blob *out);              /* the view of req_error() pages */
/* An href to a local path with a query built from name/value pairs (NULL-terminated,
   values NULL or "" are left out), escaped for an attribute. */
void page_href(Blob *out, const char *path, ...) __attribute__((sentinel));
/* Appends len bytes of text as HTML with the spans of a JSON array of {start, end[,
   proposal][, focus]} (byte offsets, sorted, not overlapping) in <mark>; the span with
   "focus" is the one the reader came for (id "quote"). */
void page_highlight(Blob *out, const char *text, size_t len, json_t *spans);
/* Where a quote is in a text: at *s..*e when those offsets hold it (or when there is no
   quote to compare), else where it is first found. Returns 1 with *s, *e set, or 0. */
int quote_locate(const char *text, size_t len, const char *quote, long long *s, long long *e);
/* A link when url is http(s), else the text alone. */
void page_link_or_text(Blob *out, const char *url);

/* API tokens as JSON (account_id 0: all) and as a table with revoke buttons. */
json_t *tokens_json(Store *st, long long account_id);
void tokens_table(Req *q, Blob *out, json_t *tokens, int show_account);
/* The FTS5 query for what someone typed in the search box (pages_search.c). */
void search_query(const char *typed, Blob *out);

/* Small readers of the JSON model; NULL / 0 when absent, null or of another type. */
const char *js(json_t *o, const char *key);
long long ji(json_t *o, const char *key);
json_t *jo(json_t *o, const char *key);
/* A JSON string or null for a C string that may be NULL. */
json_t *jstr(const char *s);

/* Pages: each handler returns the status; each view writes q->body from q->data. */
int page_home(Req *q);                 void view_home(Req *q, Blob *out);
int page_reports(Req *q);              void view_reports(Req *q, Blob *out);
int page_report(Req *q);               void view_report(Req *q, Blob *out);
int page_report_original(Req *q);
int page_report_text(Req *q);
int page_upload_form(Req *q);          void view_upload(Req *q, Blob *out);
int page_upload(Req *q);
int page_search(Req *q);               void view_search(Req *q, Blob *out);
int page_login_form(Req *q);           void view_login(Req *q, Blob *out);
int page_login(Req *q);
int page_logout(Req *q);
int page_account(Req *q);              void view_account(Req *q, Blob *out);
int page_account_password(Req *q);
int page_token_new(Req *q);            void view_token_new(Req *q, Blob *out);
int page_token_revoke(Req *q);
int page_users(Req *q);                void view_users(Req *q, Blob *out);
int page_user_add(Req *q);
int page_user_change(Req *q);
int page_incidents(Req *q);            void view_incidents(Req *q, Blob *out);
int page_incident(Req *q);             void view_incident(Req *q, Blob *out);
int page_incident_edit(Req *q);
int page_incident_merge(Req *q);
int page_threats(Req *q);              void view_threats(Req *q, Blob *out);
int page_threat_decide(Req *q);
int page_appeals(Req *q);              void view_appeals(Req *q, Blob *out);
int page_appeal(Req *q);               void view_appeal(Req *q, Blob *out);
int page_appeal_respond(Req *q);
int page_appeal_link(Req *q);
int page_population(Req *q);           void view_population(Req *q, Blob *out);
int page_places(Req *q);               void view_places(Req *q, Blob *out);
int page_actors(Req *q);               void view_actors(Req *q, Blob *out);
int page_timeline(Req *q);             void view_timeline(Req *q, Blob *out);
int page_review(Req *q);               void view_review(Req *q, Blob *out);
int page_review_accept(Req *q);
int page_review_reject(Req *q);
int page_feed(Req *q);                 /* pages_feeds.c */
int page_export(Req *q);

/* Shared by the records pages (pages_incidents.c, pages_review.c). */
extern const char *const incident_kinds[];            /* NULL-terminated */
json_t *incident_model(Store *st, const Incident *in, int with_claims); /* incident_json() */
json_t *appeal_model(Store *st, const Appeal *a);                       /* appeal_json() */
void incident_label(Blob *out, json_t *inc);         /* "Shelling at Camp Meridian, 2021-06-12" */
void count_text(Blob *out, json_t *count, int with_sources);  /* "7–8+ (3 sources, 2 independent)" */
void incidents_table(Blob *out, json_t *incidents);
void proposal_summary(Blob *out, json_t *proposal);   /* {type, state, record} in one line */
/* The answer to a records action (records.h): 400 with its reason, 500, or a redirect. */
int records_answer(Req *q, int rc, Blob *err, const char *done_path);

#endif
