/*
** fetch.c — getting a report from the web for `vigil add URL` (see fetch.h).
**
** libcurl does the protocol. What is ours: which failures are worth another attempt on a
** bad network (and how long to wait), the size limit while the body arrives, and the
** record of the capture — what was asked, what answered, when — that the ledger keeps
** beside the original's hash, as the Berkeley Protocol asks of a web capture.
*/
#include "fetch.h"
#include "util.h"

#include "lazy_curl.h"
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

int fetch_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

typedef struct Sink {
	Blob *body;
	size_t max;
	int too_large;
	int refused; /* a connection to a non-public address was refused */
} Sink;

/* libcurl's write callback: keeps the body, refusing it past the limit. */
static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
	Sink *s = ctx;
	size_t k = size * n;
	if (s->body->len + k > s->max) {
		s->too_large = 1;
		return 0; /* libcurl stops with CURLE_WRITE_ERROR */
	}
	blob_append(s->body, p, k);
	return k;
}

/* 1 when a failure may pass on its own: the network, not the request, is at fault. */
static int transient(CURLcode c, long status)
{
	switch (c) {
	case CURLE_OK:
		return status == 408 || status == 429 || status == 500 || status == 502 ||
		       status == 503 || status == 504;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return 1;
	default:
		return 0;
	}
}

/* A response header of the last response (after redirects), copied, or NULL. */
static char *header(CURL *h, const char *name)
{
	struct curl_header *hd;
	if (curl_easy_header(h, name, 0, CURLH_HEADER, -1, &hd) != CURLHE_OK || !hd->value[0])
		return NULL;
	return xstrdup(hd->value);
}

/* Seconds to wait before attempt number `attempt` (1, 2, …): the server's Retry-After
   when it gave one in seconds (at most a minute), else 1, 2, 4, … up to 30. */
static unsigned pause_for(CURL *h, int attempt)
{
	char *ra = header(h, "Retry-After");
	unsigned s = attempt < 6 ? 1u << (attempt - 1) : 30;
	if (ra) {
		char *end;
		long v = strtol(ra, &end, 10);
		if (end != ra && *end == '\0' && v >= 0)
			s = v > 60 ? 60 : (unsigned)v;
		free(ra);
	}
	return s;
}

/* See fetch.h. */
int fetch_non_public(const struct sockaddr *sa)
{
	uint32_t a;
	if (sa->sa_family == AF_INET6) {
		const struct in6_addr *x = &((const struct sockaddr_in6 *)sa)->sin6_addr;
		if (IN6_IS_ADDR_V4MAPPED(x)) {
			memcpy(&a, x->s6_addr + 12, 4);
			a = ntohl(a);
		} else {
			return IN6_IS_ADDR_LOOPBACK(x) || IN6_IS_ADDR_UNSPECIFIED(x) || IN6_IS_ADDR_LINKLOCAL(x) ||
			       IN6_IS_ADDR_SITELOCAL(x) || IN6_IS_ADDR_MULTICAST(x) ||
			       (x->s6_addr[0] & 0xfe) == 0xfc; /* unique local fc00::/7 */
		}
	} else if (sa->sa_family == AF_INET) {
		a = ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr);
	} else {
		return 1;
	}
	return (a >> 24) == 0 || (a >> 24) == 10 || (a >> 24) == 127 || (a >> 16) == 0xa9fe ||
	       (a >> 20) == 0xac1 || (a >> 16) == 0xc0a8 || (a >> 22) == (0x64400000u >> 22) ||
	       (a >> 28) >= 0xe;
}

/* libcurl's socket opener when only public addresses may be reached: checked on the
   address about to be connected, so DNS answers and redirects cannot get round it. */
static curl_socket_t open_public(void *ctx, curlsocktype purpose, struct curl_sockaddr *addr)
{
	Sink *s = ctx;
	if (purpose == CURLSOCKTYPE_IPCXN && fetch_non_public(&addr->addr)) {
		s->refused = 1;
		return CURL_SOCKET_BAD;
	}
	return socket(addr->family, addr->socktype, addr->protocol);
}

/* One configured handle for url, writing into sink. */
static CURL *handle_for(const char *url, const FetchOpts *o, Sink *sink, char *errbuf)
{
	CURL *h = curl_easy_init();
	if (!h)
		return NULL;
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(h, CURLOPT_MAXREDIRS, 10L);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "vigil/" VIGIL_VERSION);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""); /* what libcurl can decode */
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 30L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, o->timeout > 0 ? o->timeout : 300L);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 16L); /* a stalled transfer: under 16 B/s */
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, 60L);  /* for a minute */
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, sink);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
	if (o->public_only) {
		curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, open_public);
		curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, sink);
		curl_easy_setopt(h, CURLOPT_NOPROXY, "*"); /* a proxy would connect for us */
	}
	return h;
}

int fetch_url(const char *url, const FetchOpts *o, Fetched *f, Blob *err)
{
	static int ready;
	memset(f, 0, sizeof *f);
	if (!fetch_is_url(url)) {
		blob_appendf(err, "only http:// and https:// addresses are fetched");
		return -1;
	}
	if (!ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			blob_puts(err, "libcurl could not start");
			return -1;
		}
		ready = 1;
	}
	char errbuf[CURL_ERROR_SIZE];
	Sink sink = {&f->body, o->max_bytes, 0};
	CURL *h = handle_for(url, o, &sink, errbuf);
	if (!h) {
		blob_puts(err, "libcurl could not start");
		return -1;
	}
	CURLcode c;
	long status = 0;
	for (int attempt = 0;; attempt++) {
		errbuf[0] = '\0';
		blob_reset(&f->body);
		sink.too_large = sink.refused = 0;
		c = curl_easy_perform(h);
		status = 0;
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
		f->attempts = attempt + 1;
		if (sink.refused || !transient(c, status) || attempt >= o->retries)
			break;
		struct timespec ts = {pause_for(h, attempt + 1), 0};
		while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
			;
	}
	int rc = -1;
	if (sink.refused)
		blob_puts(err, "refused: the address is not on the public internet (loopback, private or "
		               "link-local); add it with vigil add on this machine instead");
	else if (sink.too_large || c == CURLE_FILESIZE_EXCEEDED)
		blob_appendf(err, "too large (the limit is %zu MB)", o->max_bytes >> 20);
	else if (c != CURLE_OK)
		blob_appendf(err, "%s%s", errbuf[0] ? errbuf : curl_easy_strerror(c),
		             f->attempts > 1 ? " (after retrying)" : "");
	else if (status < 200 || status > 299)
		blob_appendf(err, "the server answered HTTP %ld%s", status,
		             f->attempts > 1 ? " (after retrying)" : "");
	else
		rc = 0;
	if (rc == 0) {
		char *s = NULL;
		f->status = status;
		f->url = xstrdup(url);
		curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &s);
		f->final_url = xstrdup(s ? s : url);
		s = NULL;
		curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &s);
		f->content_type = s ? xstrdup(s) : NULL;
		f->last_modified = header(h, "Last-Modified");
		f->etag = header(h, "ETag");
		now_iso(f->fetched_at);
	} else {
		blob_free(&f->body);
	}
	curl_easy_cleanup(h);
	return rc;
}

void fetch_free(Fetched *f)
{
	blob_free(&f->body);
	free(f->url);
	free(f->final_url);
	free(f->content_type);
	free(f->last_modified);
	free(f->etag);
	memset(f, 0, sizeof *f);
}

void fetch_capture_json(const Fetched *f, Blob *out)
{
	blob_puts(out, "{\"content_type\":");
	blob_json_str(out, f->content_type);
	blob_json_field(out, "etag", f->etag);
	blob_json_field(out, "fetched_at", f->fetched_at);
	blob_json_field(out, "final_url", f->final_url);
	blob_json_field(out, "last_modified", f->last_modified);
	blob_appendf(out, ",\"status\":%ld,\"url\":", f->status);
	blob_json_str(out, f->url);
	blob_putc(out, '}');
}

/* The extension a content type's files usually have, or NULL. */
static const char *extension_for(const char *type)
{
	static const char *const map[][2] = {
		{"text/html", ".html"}, {"application/xhtml+xml", ".html"}, {"text/plain", ".txt"},
		{"message/rfc822", ".eml"}, {"text/markdown", ".md"}, {"application/json", ".json"},
		{"application/pdf", ".pdf"},
	};
	if (!type)
		return NULL;
	size_t n = strcspn(type, "; \t");
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strlen(map[i][0]) == n && strncasecmp(type, map[i][0], n) == 0)
			return map[i][1];
	return NULL;
}

void fetch_file_name(const Fetched *f, Blob *out)
{
	const char *u = f->final_url ? f->final_url : f->url;
	const char *p = strstr(u, "://");
	p = p ? p + 3 : u;
	size_t end = strcspn(p, "?#");
	const char *path = memchr(p, '/', end);
	const char *seg = NULL;
	size_t n = 0;
	if (path) { /* the last non-empty segment */
		for (const char *q = path; q < p + end; q++)
			if (*q == '/' && q + 1 < p + end && q[1] != '/') {
				seg = q + 1;
				n = strcspn(seg, "/?#");
			}
	}
	size_t start = out->len;
	for (size_t i = 0; i < n && out->len - start < 100; i++) {
		unsigned char ch = (unsigned char)seg[i];
		blob_putc(out, (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		                       (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_'
		                   ? ch
		                   : '_');
	}
	if (out->len == start)
		blob_puts(out, "index");
	/* "report.php" served as text/html becomes "report.php.html"; "a.htm" stays */
	static const char *const known[] = {".html", ".htm", ".xhtml", ".shtml", ".txt", ".text",
	                                    ".eml", ".md", ".json", ".pdf"};
	const char *ext = extension_for(f->content_type);
	const char *dot = strrchr(out->data + start, '.');
	int knows = 0;
	for (size_t i = 0; dot && i < sizeof known / sizeof *known; i++)
		knows |= strcasecmp(dot, known[i]) == 0;
	if (ext && !knows)
		blob_puts(out, ext);
}
