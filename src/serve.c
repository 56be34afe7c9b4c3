/*
** serve.c — `vigil serve`: the web interface and JSON API over HTTP (libmicrohttpd).
**
** A pool of worker threads (epoll), each with its own SQLite connection, so readers run
** side by side on the WAL database. Every request goes through dispatch(): the routing
** table below names, for each path, the role it needs — the check is made here, once,
** so no page can forget it — then the visitor is identified (session cookie or
** "Authorization: Bearer" API token), POSTs from browsers must carry the CSRF token of
** the session, and the route's handler runs. A route marked as having a twin is also
** served under /api/… as JSON of the very data its HTML view shows.
**
** Every response carries a Content-Security-Policy that allows no script at all and
** styles only from the served stylesheet. Every request leaves one line in the access
** log (no query strings: what people search for is nobody's business). SIGINT and
** SIGTERM stop the server cleanly.
*/
#include "auth.h"
#include "clean.h"
#include "cli.h"
#include "gzip.h"
#include "lazy_mhd.h"
#include "util.h"
#include "web.h"
#include "webcache.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_BODY (64u << 20)   /* the largest POST body: an uploaded report */
#define MAX_FIELDS 256
#define CHECK_NS 1000000LL /* how often a worker looks for other processes' commits (1 ms) */

WebConf web_conf;

/* What a route needs of the visitor. */
typedef enum Need {
	NEED_NOTHING, /* anyone: the login page, the stylesheet */
	NEED_READ,    /* a viewer, or anyone under --public */
	NEED_LOGIN,   /* any signed-in account (its own settings) */
	NEED_EDITOR,
	NEED_ADMIN,
} Need;

typedef struct Route {
	const char *method;   /* GET (HEAD too) or POST */
	const char *pattern;  /* segments; "#" is a record id, a final "*" any rest */
	Need need;
	int twin;             /* also served as JSON under /api */
	int cache;            /* the same for every reader: kept in the response cache */
	int (*handler)(Req *q);
	void (*view)(Req *q, Blob *out);
} Route;

static int page_static(Req *q);

static const Route routes[] = {
	{"GET", "/", NEED_READ, 1, 1, page_home, view_home},
	{"GET", "/reports", NEED_READ, 1, 1, page_reports, view_reports},
	{"GET", "/report/#", NEED_READ, 1, 1, page_report, view_report},
	{"GET", "/report/#/original", NEED_READ, 0, 1, page_report_original, NULL},
	{"GET", "/report/#/text", NEED_READ, 0, 1, page_report_text, NULL},
	{"GET", "/search", NEED_READ, 1, 1, page_search, view_search},
	{"GET", "/upload", NEED_EDITOR, 0, 0, page_upload_form, view_upload},
	{"POST", "/upload", NEED_EDITOR, 1, 0, page_upload, view_upload},
	{"GET", "/login", NEED_NOTHING, 0, 0, page_login_form, view_login},
	{"POST", "/login", NEED_NOTHING, 0, 0, page_login, view_login},
	{"POST", "/logout", NEED_LOGIN, 0, 0, page_logout, NULL},
	{"GET", "/account", NEED_LOGIN, 1, 0, page_account, view_account},
	{"POST", "/account/password", NEED_LOGIN, 0, 0, page_account_password, view_account},
	{"POST", "/account/tokens", NEED_LOGIN, 1, 0, page_token_new, view_token_new},
	{"POST", "/account/token/#/revoke", NEED_LOGIN, 1, 0, page_token_revoke, NULL},
	{"GET", "/admin/users", NEED_ADMIN, 1, 0, page_users, view_users},
	{"POST", "/admin/users", NEED_ADMIN, 1, 0, page_user_add, view_users},
	{"POST", "/admin/user/#", NEED_ADMIN, 1, 0, page_user_change, view_users},
	{"GET", "/incidents", NEED_READ, 1, 1, page_incidents, view_incidents},
	{"GET", "/incident/#", NEED_READ, 1, 1, page_incident, view_incident},
	{"POST", "/incident/#/edit", NEED_EDITOR, 1, 0, page_incident_edit, NULL},
	{"POST", "/incident/#/merge", NEED_EDITOR, 1, 0, page_incident_merge, NULL},
	{"GET", "/timeline", NEED_READ, 1, 1, page_timeline, view_timeline},
	{"GET", "/threats", NEED_READ, 1, 1, page_threats, view_threats},
	{"POST", "/threat/#", NEED_EDITOR, 1, 0, page_threat_decide, NULL},
	{"GET", "/appeals", NEED_READ, 1, 1, page_appeals, view_appeals},
	{"GET", "/appeal/#", NEED_READ, 1, 1, page_appeal, view_appeal},
	{"POST", "/appeal/#/respond", NEED_EDITOR, 1, 0, page_appeal_respond, NULL},
	{"POST", "/appeal/#/link", NEED_EDITOR, 1, 0, page_appeal_link, NULL},
	{"GET", "/population", NEED_READ, 1, 1, page_population, view_population},
	{"GET", "/places", NEED_READ, 1, 1, page_places, view_places},
	{"GET", "/actors", NEED_READ, 1, 1, page_actors, view_actors},
	{"GET", "/feed/incidents.atom", NEED_READ, 0, 1, page_feed, NULL},
	{"GET", "/feed/threats.atom", NEED_READ, 0, 1, page_feed, NULL},
	{"GET", "/export.csv", NEED_READ, 0, 0, page_export, NULL},
	{"GET", "/export.json", NEED_READ, 0, 0, page_export, NULL},
	{"GET", "/export.geojson", NEED_READ, 0, 0, page_export, NULL},
	{"GET", "/review", NEED_EDITOR, 1, 0, page_review, view_review},
	{"POST", "/review/#/accept", NEED_EDITOR, 1, 0, page_review_accept, NULL},
	{"POST", "/review/#/reject", NEED_EDITOR, 1, 0, page_review_reject, NULL},
	{"GET", "/static/*", NEED_NOTHING, 0, 0, page_static, NULL},
	{"GET", "/favicon.ico", NEED_NOTHING, 0, 0, page_static, NULL},
};

#define NROUTES (sizeof routes / sizeof routes[0])

/* One request in flight: the page's view of it and the HTTP side. */
typedef struct Conn {
	Req q;
	char *cache_key;      /* where the response goes in the cache, or NULL */
	uint64_t cache_gen;
	WebCached cached;     /* the response found in the cache */
	int from_cache;
	int gzip;             /* the client accepts gzip (Accept-Encoding) */
	struct MHD_PostProcessor *pp;
	size_t posted;
	int too_big, bad_form;
	struct timespec start;
	unsigned status;
	size_t sent;
	char ip[INET6_ADDRSTRLEN];
} Conn;

/* --- the static files: data/static, read at start-up ----------------------------------- */

typedef struct StaticFile {
	char *name, *type, etag[20];
	Blob data;
} StaticFile;

static StaticFile statics[32];
static size_t nstatics;

/* The media type of a static file by its extension. */
static const char *static_type(const char *name)
{
	static const char *const types[][2] = {
		{".css", "text/css; charset=utf-8"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
		{".ico", "image/x-icon"}, {".txt", "text/plain; charset=utf-8"},
	};
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i][0]) == 0)
			return types[i][1];
	return "application/octet-stream";
}

/* Reads every file of DIR/static into memory. */
static void static_load(const char *datadir)
{
	char dir[4096], path[8192];
	snprintf(dir, sizeof dir, "%s/static", datadir);
	DIR *d = opendir(dir);
	if (!d) {
		warn("%s: %s (pages will have no stylesheet)", dir, strerror(errno));
		return;
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL && nstatics < sizeof statics / sizeof statics[0]) {
		if (e->d_name[0] == '.')
			continue;
		StaticFile *f = &statics[nstatics];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		memset(f, 0, sizeof *f);
		if (read_file(path, &f->data) != 0)
			continue;
		char hex[65];
		sha256_hex(f->data.data ? f->data.data : "", f->data.len, hex);
		snprintf(f->etag, sizeof f->etag, "\"%.16s\"", hex);
		f->name = xstrdup(e->d_name);
		f->type = xstrdup(static_type(e->d_name));
		nstatics++;
		if (strcmp(e->d_name, "vigil.css") == 0)
			web_conf.css_version = xstrndup(hex, 12);
	}
	closedir(d);
}

static int page_static(Req *q)
{
	const char *name = strcmp(q->path, "/favicon.ico") == 0 ? "favicon.svg" : q->path + strlen("/static/");
	for (size_t i = 0; i < nstatics; i++) {
		if (strcmp(statics[i].name, name) != 0)
			continue;
		StaticFile *f = &statics[i];
		struct MHD_Connection *conn = q->conn;
		const char *inm = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "If-None-Match");
		req_header(q, "ETag", f->etag);
		req_header(q, "Cache-Control", "public, max-age=86400");
		q->ctype = f->type;
		if (inm && strcmp(inm, f->etag) == 0)
			return 304;
		blob_append(&q->body, f->data.data ? f->data.data : "", f->data.len);
		return 200;
	}
	return req_error(q, 404, "no such file");
}

/* --- requests: arguments, answers ------------------------------------------------------ */

const char *req_query(Req *q, const char *name)
{
	return MHD_lookup_connection_value(q->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *req_cookie(Req *q, const char *name)
{
	return MHD_lookup_connection_value(q->conn, MHD_COOKIE_KIND, name);
}

const Field *req_field(Req *q, const char *name)
{
	for (size_t i = 0; i < q->nfields; i++)
		if (strcmp(q->fields[i].name, name) == 0)
			return &q->fields[i];
	return NULL;
}

const char *req_arg(Req *q, const char *name)
{
	if (strcmp(q->method, "POST") == 0) {
		const Field *f = req_field(q, name);
		return f ? f->value : NULL;
	}
	return req_query(q, name);
}

long long req_int(Req *q, const char *name, long long dflt)
{
	const char *s = req_arg(q, name);
	long long v;
	return s && parse_id(s, &v) ? v : dflt;
}

int req_redirect(Req *q, const char *path)
{
	free(q->location);
	q->location = xstrdup(path);
	return 303;
}

int req_error(Req *q, int status, const char *fmt, ...)
{
	Blob msg = BLOB_INIT;
	va_list ap;
	va_start(ap, fmt);
	blob_vappendf(&msg, fmt, ap);
	va_end(ap);
	if (q->data)
		json_decref(q->data);
	q->data = json_object();
	json_object_set_new(q->data, "error", jstr(blob_str(&msg)));
	json_object_set_new(q->data, "status", json_integer(status));
	blob_free(&msg);
	q->ctype = NULL;
	blob_reset(&q->body);
	q->status = status;
	q->errored = 1;
	return status;
}

/* Appends one query argument to the Blob of req_query_string, unless it is the skipped one. */
typedef struct QsCtx {
	Blob *out;
	const char *skip;
} QsCtx;

static enum MHD_Result qs_one(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	QsCtx *x = cls;
	(void)kind;
	if (x->skip && strcmp(key, x->skip) == 0)
		return MHD_YES;
	if (x->out->len)
		blob_putc(x->out, '&');
	blob_url(x->out, key, strlen(key));
	if (value) {
		blob_putc(x->out, '=');
		blob_url(x->out, value, strlen(value));
	}
	return MHD_YES;
}

void req_query_string(Req *q, Blob *out, const char *skip)
{
	Blob tmp = BLOB_INIT;
	QsCtx x = {&tmp, skip};
	MHD_get_connection_values(q->conn, MHD_GET_ARGUMENT_KIND, qs_one, &x);
	blob_append(out, tmp.data, tmp.len);
	blob_free(&tmp);
}

const char *req_host(Req *q)
{
	return MHD_lookup_connection_value(q->conn, MHD_HEADER_KIND, "Host");
}

void req_header(Req *q, const char *name, const char *value)
{
	blob_appendf(&q->headers, "%s: %s\n", name, value);
}

/* --- who is asking --------------------------------------------------------------------- */

/* Identifies the visitor by API token or session cookie. Returns 0, or 401 when an API
   token was given and is not valid (a wrong token is an error, not anonymity). */
static int identify(Req *q)
{
	struct MHD_Connection *conn = q->conn;
	const char *auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Authorization");
	if (auth && strncasecmp(auth, "Bearer ", 7) == 0) {
		const char *tok = auth + 7;
		while (*tok == ' ')
			tok++;
		int found = auth_token_find(q->st, tok, &q->user);
		if (found != 1) {
			memset(&q->user, 0, sizeof q->user);
			return 401;
		}
		q->role = q->user.role;
		q->bearer = 1;
		return 0;
	}
	const char *cookie = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "vigil_session");
	if (cookie && auth_session_find(q->st, cookie, &q->user, q->csrf) == 1) {
		q->role = q->user.role;
		return 0;
	}
	memset(&q->user, 0, sizeof q->user);
	/* Anonymous forms (the login form) carry the token of a cookie of their own. */
	const char *pre = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "vigil_csrf");
	if (pre && strlen(pre) == 64 && strspn(pre, "0123456789abcdef") == 64)
		snprintf(q->csrf, sizeof q->csrf, "%s", pre);
	return 0;
}

/* Whether the visitor may use a route. */
static int allowed(const Req *q, Need need)
{
	switch (need) {
	case NEED_NOTHING: return 1;
	case NEED_READ: return q->role >= ROLE_VIEWER || web_conf.public_read;
	case NEED_LOGIN: return q->role >= ROLE_VIEWER;
	case NEED_EDITOR: return q->role >= ROLE_EDITOR;
	case NEED_ADMIN: return q->role >= ROLE_ADMIN;
	}
	return 0;
}

/* A POST from a browser must carry the visitor's CSRF token, and, when the browser says
   where the form came from (Origin), come from this site. */
static int csrf_ok(Req *q)
{
	const char *sent = req_field(q, "csrf") ? req_field(q, "csrf")->value : NULL;
	if (!sent || strlen(sent) != 64 || strlen(q->csrf) != 64 || sodium_memcmp(sent, q->csrf, 64) != 0)
		return 0;
	const char *origin = MHD_lookup_connection_value(q->conn, MHD_HEADER_KIND, "Origin");
	const char *host = MHD_lookup_connection_value(q->conn, MHD_HEADER_KIND, "Host");
	if (origin && strcmp(origin, "null") != 0) {
		const char *o = strstr(origin, "://");
		if (!host || !o || strcmp(o + 3, host) != 0)
			return 0;
	}
	return 1;
}

/* Matches a path against a route pattern, setting *id for a "#" segment. */
static int route_match(const char *pattern, const char *path, long long *id)
{
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p == '*')
			return p[1] == 0;
		if (*p == '#') {
			size_t n = strcspn(s, "/");
			char num[24];
			if (n == 0 || n >= sizeof num)
				return 0;
			memcpy(num, s, n);
			num[n] = 0;
			if (!parse_id(num, id))
				return 0;
			p++;
			s += n;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	return *p == 0 && *s == 0;
}

/* --- the per-thread database ----------------------------------------------------------- */

static pthread_key_t store_key;

static void store_key_free(void *p)
{
	store_close(p);
}

/* This worker thread's connection to the database, opened on first use. */
static Store *thread_store(void)
{
	Store *st = pthread_getspecific(store_key);
	if (st)
		return st;
	Blob err = BLOB_INIT;
	int input_error;
	st = store_open(web_conf.db_path, 0, &err, &input_error);
	if (!st) {
		warn("%s", blob_str(&err));
		blob_free(&err);
		return NULL;
	}
	pthread_setspecific(store_key, st);
	return st;
}

/* --- dispatch -------------------------------------------------------------------------- */

/* Routes and runs a request; q->status and the answer fields are set on return. */
static void dispatch(Conn *c)
{
	Req *q = &c->q;
	const Route *r = NULL;
	int other_method = 0;

	q->path = q->url;
	if (starts_with(q->url, "/api/") || strcmp(q->url, "/api") == 0) {
		q->api = 1;
		q->path = q->url[4] ? q->url + 4 : "/";
	}
	if (c->too_big) {
		req_error(q, 413, "the request is larger than %u MB", MAX_BODY >> 20);
		return;
	}
	q->st = thread_store();
	if (!q->st) {
		req_error(q, 500, "the database cannot be opened");
		return;
	}
	if (identify(q) == 401) {
		req_header(q, "WWW-Authenticate", "Bearer");
		req_error(q, 401, "the API token is not valid");
		return;
	}
	int get = strcmp(q->method, "GET") == 0 || strcmp(q->method, "HEAD") == 0;
	for (size_t i = 0; i < NROUTES && !r; i++) {
		long long id = 0;
		if ((q->api && !routes[i].twin) || !route_match(routes[i].pattern, q->path, &id))
			continue;
		if (strcmp(routes[i].method, get ? "GET" : q->method) != 0) {
			other_method = 1;
			continue;
		}
		r = &routes[i];
		q->id = id;
	}
	if (!r) {
		if (other_method) {
			req_header(q, "Allow", "GET, HEAD, POST");
			req_error(q, 405, "%s is not allowed here", q->method);
		} else
			req_error(q, 404, "there is no page %s", q->url);
		return;
	}
	if (!allowed(q, r->need)) {
		if (q->role != ROLE_NONE) {
			req_error(q, 403, "your role (%s) may not do this", role_name(q->role));
		} else if (q->api || !get) {
			req_header(q, "WWW-Authenticate", "Bearer");
			req_error(q, 401, "sign in first");
		} else {
			Blob to = BLOB_INIT;
			blob_puts(&to, "/login?next=");
			blob_url(&to, q->url, strlen(q->url));
			q->status = req_redirect(q, blob_str(&to));
			blob_free(&to);
		}
		return;
	}
	if (!get && !q->bearer) {
		if (c->bad_form) {
			req_error(q, 400, "the form could not be read");
			return;
		}
		if (!csrf_ok(q)) {
			req_error(q, 403, "the form is stale or did not come from this site: reload it and try again");
			return;
		}
	}
	/* The pages anyone may cache, and the exports, only read: one read transaction for all
	   their queries (one snapshot, and the file locks taken once). */
	int reading = 0;
	if (r->cache && get && webcache_enabled() && (q->role == ROLE_NONE || (q->api && q->bearer))) {
		/* a commit by another connection (another process) since this thread last
		   looked makes every cached page stale. The generation is read first, then the
		   version: the first read of the page's own transaction, so the version of the
		   snapshot the page is made from. When it has not moved, every commit before that
		   snapshot moved the generation on before it was read, so a page can be newer
		   than the generation it is kept under, never older. When it has moved, the
		   generation moves on and this one page is made without the cache (a commit
		   after its snapshot could already be counted in the generation read now).
		   The version is looked at once every CHECK_NS of a thread's requests, not for
		   each: the read transaction it takes (file locks, a stat, a lock the workers
		   contend for) was a fifth of a cached page's server time. So a commit by
		   another process reaches the cached pages at most CHECK_NS late; this
		   server's own writes move the generation on at once. */
		static _Thread_local long long seen_version = -1;
		static _Thread_local long long checked = -CHECK_NS;
		uint64_t gen = webcache_generation();
		long long now = (long long)c->start.tv_sec * 1000000000LL + c->start.tv_nsec;
		int moved = 0;
		if (now - checked >= CHECK_NS) {
			reading = store_read_begin(q->st) == 0;
			long long v = store_data_version(q->st);
			checked = now;
			if (v != seen_version) {
				webcache_changed();
				seen_version = v;
				moved = 1;
			}
		}
		if (!moved) {
			Blob key = BLOB_INIT;
			/* the Host is part of the key: the feeds link to the site by it, and a request
			   with a forged Host must not leave its links in the page everyone else gets */
			const char *host = req_host(q);
			blob_appendf(&key, "%d %d %d %s %s?", q->api, q->role, c->gzip, host ? host : "", q->url);
			req_query_string(q, &key, NULL);
			c->cache_gen = gen;
			if (webcache_get(blob_str(&key), &c->cached)) {
				c->from_cache = 1;
				blob_free(&key);
				if (reading)
					store_read_end(q->st);
				return;
			}
			c->cache_key = blob_steal(&key);
		}
	}
	if (!reading && (r->cache || r->handler == page_export) && get)
		reading = store_read_begin(q->st) == 0;
	q->status = 200;
	int status = r->handler(q);
	q->status = status;
	if (!get)
		webcache_changed(); /* whatever a POST did, cached pages may be stale */
	if (!q->data && !q->ctype && !q->location && !q->model)
		q->data = json_object();
	q->twin = r->twin;
	if (!q->api && !q->ctype && !q->location && !q->errored && r->view)
		r->view(q, &q->body);
	if (reading)
		store_read_end(q->st);
}

/* --- libmicrohttpd glue ---------------------------------------------------------------- */

static const char *const CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/* Adds the trusted "Name: value" lines of q->headers to a response. */
static void add_headers(struct MHD_Response *resp, Blob *h)
{
	char *s = h->data, *end = s + h->len;
	while (s && s < end) {
		char *nl = memchr(s, '\n', (size_t)(end - s));
		char *colon = memchr(s, ':', (size_t)((nl ? nl : end) - s));
		if (!nl || !colon)
			break;
		*nl = 0;
		*colon = 0;
		MHD_add_response_header(resp, s, colon + 2);
		s = nl + 1;
	}
}

/* Turns the answer in c->q into an HTTP response and queues it. */
static enum MHD_Result respond(struct MHD_Connection *conn, Conn *c)
{
	Req *q = &c->q;
	int status = q->status ? q->status : 500;
	const char *ctype = q->ctype;
	if (c->from_cache) {
		status = c->cached.status;
		ctype = c->cached.ctype;
		blob_append(&q->headers, c->cached.headers.data ? c->cached.headers.data : "", c->cached.headers.len);
		blob_free(&c->cached.headers);
	} else if (q->location && !q->ctype) {
		if (q->api) {
			/* Scripts get the data and where a browser would have gone. */
			status = status == 303 ? 200 : status;
			json_object_set_new(q->data, "location", jstr(q->location));
		}
	}
	if (!c->from_cache && !ctype && !(q->location && !q->api)) {
		if (q->api) {
			char *s = json_dumps(q->data, JSON_COMPACT | JSON_ENSURE_ASCII);
			blob_reset(&q->body);
			blob_puts(&q->body, s ? s : "{}");
			blob_putc(&q->body, '\n');
			free(s);
			ctype = "application/json";
		} else {
			if (q->errored)
				page_error_body(q, &q->body);
			Blob page = BLOB_INIT;
			page_layout(q, &page);
			blob_free(&q->body);
			q->body = page;
			ctype = "text/html; charset=utf-8";
		}
	}
	struct MHD_Response *resp;
	if (q->body_file) {
		/* a body written to a file: small ones (the feeds) are read back so they can be
		   cached or compressed; large ones (the exports) are sent from the file */
		FILE *f = q->body_file;
		q->body_file = NULL;
		long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
		if (size < 0 || fseek(f, 0, SEEK_SET) != 0) {
			fclose(f);
			return MHD_NO;
		}
		if ((!c->cache_key && !c->gzip) || size > (1L << 20)) {
			int fd = dup(fileno(f));
			fclose(f);
			resp = fd >= 0 ? MHD_create_response_from_fd((uint64_t)size, fd) : NULL;
			if (!resp) {
				if (fd >= 0)
					close(fd);
				return MHD_NO;
			}
			c->sent = (size_t)size;
			goto headers;
		}
		blob_reset(&q->body);
		blob_reserve(&q->body, (size_t)size + 1);
		q->body.len = fread(q->body.data, 1, (size_t)size, f);
		fclose(f);
	}
	if (!c->from_cache && gzip_worth(ctype, q->body.len) && !strstr(blob_str(&q->headers), "ETag:")) {
		/* compressed once for the cache, or for this one client; Vary tells the caches
		   between that the bytes depend on Accept-Encoding. The static files (with an
		   ETag: one value for one representation) go as they are, kept a day by browsers */
		req_header(q, "Vary", "Accept-Encoding");
		Blob z = BLOB_INIT;
		if (c->gzip && gzip_body(q->body.data, q->body.len, &z) == 0 && z.len < q->body.len) {
			blob_free(&q->body);
			q->body = z;
			req_header(q, "Content-Encoding", "gzip");
		} else
			blob_free(&z);
	}
	size_t len = q->body.len;
	if (c->cache_key && status == 200 && !q->set_cookie[0] && !q->location)
		webcache_put(c->cache_key, c->cache_gen, status, ctype, q->body.data ? q->body.data : "", len, &q->headers);
	if (c->from_cache && c->cached.len) {
		/* the cache's own bytes, held until sent: no copy */
		len = c->cached.len;
		resp = MHD_create_response_from_buffer_with_free_callback_cls(len, (void *)c->cached.data,
		                                                              webcache_release, c->cached.body);
		if (resp)
			c->cached.body = NULL;
	} else if (len)
		resp = MHD_create_response_from_buffer(len, blob_steal(&q->body), MHD_RESPMEM_MUST_FREE);
	else
		resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO;
	c->sent = len;
headers:
	if (q->location && !q->api)
		MHD_add_response_header(resp, "Location", q->location);
	if (ctype)
		MHD_add_response_header(resp, "Content-Type", ctype);
	MHD_add_response_header(resp, "Content-Security-Policy", CSP);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	if (!strstr(blob_str(&q->headers), "Cache-Control:"))
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	add_headers(resp, &q->headers);
	for (int i = 0; i < 2; i++)
		if (q->set_cookie[i])
			MHD_add_response_header(resp, "Set-Cookie", q->set_cookie[i]);
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)status, resp);
	MHD_destroy_response(resp);
	c->status = (unsigned)status;
	return ret;
}

/* Collects one piece of a POST field (urlencoded or multipart). */
static enum MHD_Result post_field(void *cls, enum MHD_ValueKind kind, const char *key,
                                  const char *filename, const char *content_type,
                                  const char *transfer_encoding, const char *data, uint64_t off,
                                  size_t size)
{
	Conn *c = cls;
	Req *q = &c->q;
	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	Field *f = q->nfields ? &q->fields[q->nfields - 1] : NULL;
	if (off == 0 || !f || strcmp(f->name, key) != 0) {
		if (q->nfields >= MAX_FIELDS) {
			c->bad_form = 1;
			return MHD_NO;
		}
		q->fields = xrealloc(q->fields, (q->nfields + 1) * sizeof *q->fields);
		f = &q->fields[q->nfields++];
		memset(f, 0, sizeof *f);
		f->name = xstrdup(key);
		f->filename = filename ? xstrdup(filename) : NULL;
		f->value = xstrdup("");
	}
	if (size) {
		f->value = xrealloc(f->value, f->len + size + 1);
		memcpy(f->value + f->len, data, size);
		f->len += size;
		f->value[f->len] = 0;
	}
	return MHD_YES;
}

static void conn_free(Conn *c)
{
	Req *q = &c->q;
	free(c->cache_key);
	webcache_release(c->cached.body);
	blob_free(&c->cached.headers);
	if (c->pp)
		MHD_destroy_post_processor(c->pp);
	for (size_t i = 0; i < q->nfields; i++) {
		free(q->fields[i].name);
		free(q->fields[i].filename);
		if (q->fields[i].value)
			sodium_memzero(q->fields[i].value, q->fields[i].len);
		free(q->fields[i].value);
	}
	free(q->fields);
	account_free(&q->user);
	if (q->data)
		json_decref(q->data);
	if (q->model_free)
		q->model_free(q->model);
	blob_free(&q->title);
	blob_free(&q->body);
	blob_free(&q->headers);
	free(q->location);
	free(q->set_cookie[0]);
	free(q->set_cookie[1]);
	free(q->flash);
	if (q->body_file)
		fclose(q->body_file);
	free((char *)q->url);
	free((char *)q->method);
	free(c);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
	Conn *c = *con_cls;
	(void)cls;
	(void)version;
	if (!c) {
		c = xcalloc(1, sizeof *c);
		*con_cls = c;
		clock_gettime(CLOCK_MONOTONIC, &c->start);
		c->q.url = xstrdup(url);
		c->q.method = xstrdup(method);
		c->q.conn = conn;
		c->q.ip = c->ip;
		c->gzip = gzip_accepted(MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Encoding"));
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		if (ci && ci->client_addr) {
			const struct sockaddr *sa = ci->client_addr;
			if (sa->sa_family == AF_INET)
				inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, c->ip, sizeof c->ip);
			else if (sa->sa_family == AF_INET6)
				inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, c->ip, sizeof c->ip);
		}
		if (strcmp(method, "POST") == 0) {
			const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
			if (cl && strtoull(cl, NULL, 10) > MAX_BODY)
				c->too_big = 1;
			else
				c->pp = MHD_create_post_processor(conn, 65536, post_field, c);
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		c->posted += *upload_data_size;
		if (c->posted > MAX_BODY)
			c->too_big = 1;
		if (c->pp && !c->too_big && !c->bad_form &&
		    MHD_post_process(c->pp, upload_data, *upload_data_size) != MHD_YES)
			c->bad_form = 1;
		*upload_data_size = 0;
		return MHD_YES;
	}
	dispatch(c);
	return respond(conn, c);
}

static int access_fd = 2;

/* Appends s to b with control characters, quotes and backslashes as \xNN. */
static void log_escaped(Blob *b, const char *s)
{
	while (s && *s) {
		size_t run = 0; /* the bytes that stay as they are, appended at once */
		while (s[run] && (unsigned char)s[run] >= 0x20 && s[run] != 0x7f && s[run] != '"' && s[run] != '\\')
			run++;
		blob_append(b, s, run);
		s += run;
		if (!*s)
			break;
		blob_appendf(b, "\\x%02x", (unsigned char)*s);
		s++;
	}
}

/* Writes the access log line of a finished request and frees it. */
static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	Conn *c = *con_cls;
	(void)cls;
	(void)conn;
	if (!c)
		return;
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	long long us = (long long)(end.tv_sec - c->start.tv_sec) * 1000000 + (end.tv_nsec - c->start.tv_nsec) / 1000;
	/* the time of day is written once a second per worker (strftime and a float
	   printf were a tenth of a cached page's user time) */
	static _Thread_local time_t then;
	static _Thread_local char now[21];
	time_t t = time(NULL);
	if (t != then) {
		now_iso(now);
		then = t;
	}
	Blob line = BLOB_INIT;
	blob_appendf(&line, "%s %s ", now, c->ip[0] ? c->ip : "-");
	if (c->q.user.name)
		log_escaped(&line, c->q.user.name);
	else
		blob_putc(&line, '-');
	blob_puts(&line, " \"");
	log_escaped(&line, c->q.method);
	blob_putc(&line, ' ');
	log_escaped(&line, c->q.url);
	blob_appendf(&line, "\" %u %zu %lld.%02lldms%s\n", c->status, c->sent, us / 1000, us % 1000 / 10,
	             toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted");
	if (write(access_fd, line.data, line.len) < 0) {
		/* a full disk must not stop the server */
	}
	blob_free(&line);
	conn_free(c);
	*con_cls = NULL;
}

/* --- start-up -------------------------------------------------------------------------- */

/* Opens the listening socket for "HOST:PORT", "[V6]:PORT", ":PORT" or "PORT"; the address
   it bound goes to shown. Returns the socket or -1 with the reason printed. */
static int listen_on(const char *spec, char *shown, size_t shown_len)
{
	char host[256] = "127.0.0.1", port[16];
	const char *colon = strrchr(spec, ':');
	if (spec[0] == '[') {
		const char *close = strchr(spec, ']');
		if (!close || close[1] != ':' || (size_t)(close - spec - 1) >= sizeof host) {
			warn("--listen %s: expected [ADDRESS]:PORT", spec);
			return -1;
		}
		snprintf(host, sizeof host, "%.*s", (int)(close - spec - 1), spec + 1);
		colon = close + 1;
	} else if (colon) {
		if ((size_t)(colon - spec) >= sizeof host) {
			warn("--listen %s: the host name is too long", spec);
			return -1;
		}
		if (colon > spec)
			snprintf(host, sizeof host, "%.*s", (int)(colon - spec), spec);
	}
	const char *p = colon ? colon + 1 : spec;
	if (!*p || strlen(p) > 5 || strspn(p, "0123456789") != strlen(p) || atoi(p) > 65535) {
		warn("--listen %s: expected HOST:PORT (PORT 0 picks a free one)", spec);
		return -1;
	}
	snprintf(port, sizeof port, "%s", p);
	struct addrinfo hints = {0}, *res = NULL;
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	int rc = getaddrinfo(host, port, &hints, &res);
	if (rc != 0) {
		warn("--listen %s: %s", spec, gai_strerror(rc));
		return -1;
	}
	int fd = -1, err = 0;
	for (struct addrinfo *ai = res; ai && fd < 0; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0) {
			err = errno;
			continue;
		}
		int one = 1;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 1024) != 0) {
			err = errno;
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(res);
	if (fd < 0) {
		warn("--listen %s: %s", spec, strerror(err));
		return -1;
	}
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	char addr[INET6_ADDRSTRLEN] = "?";
	int bound = 0;
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0) {
		if (ss.ss_family == AF_INET6) {
			struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
			inet_ntop(AF_INET6, &s6->sin6_addr, addr, sizeof addr);
			bound = ntohs(s6->sin6_port);
			snprintf(shown, shown_len, "http://[%s]:%d/", addr, bound);
		} else {
			struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
			inet_ntop(AF_INET, &s4->sin_addr, addr, sizeof addr);
			bound = ntohs(s4->sin_port);
			snprintf(shown, shown_len, "http://%s:%d/", addr, bound);
		}
	}
	return fd;
}

/* --routes: the routing table, one route a line (METHOD PATTERN NEED json|-), for the
   tests that check every route against every role. */
static void print_routes(void)
{
	static const char *const needs[] = {"anyone", "read", "login", "editor", "admin"};
	for (size_t i = 0; i < NROUTES; i++)
		printf("%s %s %s %s\n", routes[i].method, routes[i].pattern, needs[routes[i].need],
		       routes[i].twin ? "json" : "-");
}

int cmd_serve(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"listen", required_argument, NULL, 'l'},
		{"public", no_argument, NULL, 'p'},
		{"threads", required_argument, NULL, 't'},
		{"access-log", required_argument, NULL, 'a'},
		{"routes", no_argument, NULL, 'r'},
		{"cache-mb", required_argument, NULL, 'c'},
		{NULL, 0, NULL, 0},
	};
	const char *listen_spec = "127.0.0.1:8080", *log_path = NULL;
	/* one worker a core: pages come from memory (the cache, SQLite's pages), so more
	   workers than cores only queue behind each other — on 2 cores with wrk -c200, 2
	   workers gave p99 6-10 ms where 4 gave 8-13 ms at the same requests/s */
	long nthreads = sysconf(_SC_NPROCESSORS_ONLN);
	int ch;
	optind = 0;
	long cache_mb = 8; /* bench/web.sh: 16 MB took the peak RSS past 64 MB with little gain */
	while ((ch = getopt_long(argc, argv, "+l:pt:a:rc:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			cache_mb = strtol(optarg, NULL, 10);
			if (cache_mb < 0 || cache_mb > 4096 || strspn(optarg, "0123456789") != strlen(optarg)) {
				warn("--cache-mb %s: megabytes from 0 (no cache) to 4096", optarg);
				return EXIT_INPUT;
			}
			break;
		case 'r': print_routes(); return EXIT_OK;
		case 'l': listen_spec = optarg; break;
		case 'p': web_conf.public_read = 1; break;
		case 't':
			nthreads = strtol(optarg, NULL, 10);
			if (nthreads < 1 || nthreads > 256) {
				warn("--threads %s: a number from 1 to 256", optarg);
				return EXIT_INPUT;
			}
			break;
		case 'a': log_path = optarg; break;
		default: return cli_usage("serve");
		}
	}
	if (optind != argc)
		return cli_usage("serve");
	if (nthreads < 2)
		nthreads = 2;
	if (nthreads > 16)
		nthreads = 16;

	store_threads_independent();
	Store *st = cli_store(c); /* creates or migrates before the workers open it */
	web_conf.db_path = c->db_path;
	if (log_path && strcmp(log_path, "-") != 0) {
		access_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
		if (access_fd < 0) {
			warn("--access-log %s: %s", log_path, strerror(errno));
			return EXIT_INPUT;
		}
	} else if (log_path)
		access_fd = 1;
	static_load(cli_datadir());
	clean_set_datadir(cli_datadir());
	if (!web_conf.css_version)
		web_conf.css_version = "0";
	json_object_seed(0);
	pthread_key_create(&store_key, store_key_free);
	webcache_init((size_t)cache_mb << 20);

	char shown[128] = "";
	int fd = listen_on(listen_spec, shown, sizeof shown);
	if (fd < 0)
		return EXIT_INPUT;

	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL); /* the workers inherit the mask */
	signal(SIGPIPE, SIG_IGN);

	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_TURBO, 0, NULL, NULL, on_request, NULL,
		MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)nthreads,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)60,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned int)2000,
		/* each connection's memory (request headers, read buffer, response headers):
		   libmicrohttpd zeroes it between requests, and the default 32 kB took 8% of a
		   cached page's time in memset; with 16 kB a request with 14 kB of headers passes */
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)16384,
		MHD_OPTION_END);
	if (!d) {
		warn("the HTTP server could not start on %s", shown);
		close(fd);
		return EXIT_INTERNAL;
	}
	web_conf.base = shown;
	printf("vigil: listening on %s\n", shown);
	fflush(stdout);
	long long accounts = store_account_count(st, ROLE_VIEWER);
	if (accounts == 0 && !web_conf.public_read)
		warn("no accounts yet: create one with 'vigil user add NAME --role admin' to sign in");

	int sig = 0;
	while (sigwait(&sigs, &sig) != 0)
		;
	MHD_stop_daemon(d); /* closes the listening socket too */
	webcache_free();
	warn("stopped (%s)", sig == SIGINT ? "SIGINT" : "SIGTERM");
	return EXIT_OK;
}
