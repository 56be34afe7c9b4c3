/*
** pages_common.c — what every page shares: the layout (head, navigation, footer with
** the link to the page's JSON twin), the CSRF field of forms, pagination, links built
** from arguments, highlighted spans of text, the messages shown after an action, and
** small readers of the JSON model the views render from.
**
** All HTML here goes through html_appendf, whose %s escapes; literal markup is only
** ever in format strings.
*/
#include "ledger.h"
#include "util.h"
#include "web.h"

#include <stdarg.h>
#include <string.h>
#include <strings.h>

/* --- the JSON model -------------------------------------------------------------------- */

const char *js(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

long long ji(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (json_is_integer(v))
		return json_integer_value(v);
	if (json_is_true(v))
		return 1;
	return 0;
}

json_t *jo(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_null(v) ? NULL : v;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned min;
	unsigned cp;
	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2; min = 0x80; cp = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3; min = 0x800; cp = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4; min = 0x10000; cp = s[0] & 0x07;
	} else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

json_t *jstr(const char *s)
{
	if (!s)
		return json_null();
	json_t *v = json_string(s);
	if (v)
		return v;
	/* Not UTF-8 (a hostile argument, a broken title): each bad byte becomes U+FFFD. */
	Blob b = BLOB_INIT;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		size_t k = utf8_seq((const unsigned char *)s + i, n - i);
		if (k) {
			blob_append(&b, s + i, k);
			i += k;
		} else {
			blob_puts(&b, "\xEF\xBF\xBD");
			i++;
		}
	}
	v = json_string(blob_str(&b));
	blob_free(&b);
	return v ? v : json_string("");
}

/* --- links and text -------------------------------------------------------------------- */

void page_href(Blob *out, const char *path, ...)
{
	Blob url = BLOB_INIT;
	va_list ap;
	int first = 1;
	blob_puts(&url, path);
	va_start(ap, path);
	for (;;) {
		const char *name = va_arg(ap, const char *);
		if (!name)
			break;
		const char *value = va_arg(ap, const char *);
		if (!value || !*value)
			continue;
		blob_putc(&url, first ? '?' : '&');
		first = 0;
		blob_url(&url, name, strlen(name));
		blob_putc(&url, '=');
		blob_url(&url, value, strlen(value));
	}
	va_end(ap);
	html_appendf(out, "%s", blob_str(&url));
	blob_free(&url);
}

void page_link_or_text(Blob *out, const char *url)
{
	if (!url)
		return;
	if (strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0)
		html_appendf(out, "<a href=\"%s\" rel=\"noopener noreferrer nofollow\">%s</a>", url, url);
	else
		html_appendf(out, "%s", url);
}

/* Moves an offset back to the start of the UTF-8 character it falls in. */
static size_t char_start(const char *s, size_t len, size_t off)
{
	if (off > len)
		off = len;
	while (off > 0 && off < len && ((unsigned char)s[off] & 0xC0) == 0x80)
		off--;
	return off;
}

void page_highlight(Blob *out, const char *text, size_t len, json_t *spans)
{
	size_t at = 0, i;
	json_t *sp;
	json_array_foreach(spans, i, sp) {
		long long s = ji(sp, "start"), e = ji(sp, "end");
		if (s < 0 || e <= s || (size_t)s >= len)
			continue;
		size_t a = char_start(text, len, (size_t)s), b = char_start(text, len, (size_t)e);
		if (b <= a || a < at)
			continue; /* spans are sorted and merged; anything else is skipped */
		blob_html(out, text + at, a - at);
		if (json_is_true(jo(sp, "focus")))
			html_appendf(out, "<mark class=\"focus\" id=\"quote\">");
		else if (jo(sp, "proposal"))
			html_appendf(out, "<mark id=\"p%lld\">", ji(sp, "proposal"));
		else
			html_appendf(out, "<mark>");
		blob_html(out, text + a, b - a);
		html_appendf(out, "</mark>");
		at = b;
	}
	blob_html(out, text + at, len - at);
}

int quote_locate(const char *text, size_t len, const char *quote, long long *s, long long *e)
{
	size_t qn = quote ? strlen(quote) : 0;
	if (*s >= 0 && *e > *s && (size_t)*e <= len &&
	    (!qn || ((size_t)(*e - *s) == qn && memcmp(text + *s, quote, qn) == 0)))
		return 1;
	if (!qn)
		return 0;
	const char *at = memmem(text, len, quote, qn);
	if (!at)
		return 0;
	*s = at - text;
	*e = *s + (long long)qn;
	return 1;
}

/* --- forms, pages, messages ------------------------------------------------------------ */

void page_csrf(Req *q, Blob *out)
{
	html_appendf(out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", q->csrf);
}

void page_pager(Req *q, Blob *out, const char *base, json_t *data)
{
	long long page = ji(data, "page");
	int next = json_is_true(jo(data, "next"));
	if (page <= 1 && !next)
		return;
	Blob rest = BLOB_INIT;
	req_query_string(q, &rest, "page");
	html_appendf(out, "<nav class=\"pager\">");
	if (page > 1)
		html_appendf(out, "<a rel=\"prev\" href=\"%s?%s%spage=%lld\">← previous</a> ", base,
		             blob_str(&rest), rest.len ? "&" : "", page - 1);
	html_appendf(out, "<span>page %lld</span>", page);
	if (next)
		html_appendf(out, " <a rel=\"next\" href=\"%s?%s%spage=%lld\">next →</a>", base,
		             blob_str(&rest), rest.len ? "&" : "", page + 1);
	html_appendf(out, "</nav>");
	blob_free(&rest);
}

/* Messages shown after an action, chosen by a fixed code in ?msg= (never text from the
   URL, so nobody can make the site say something by sending a link). */
static const char *const messages[][2] = {
	{"added", "The report was added."},
	{"exists", "These exact bytes were already stored: this is the report they made."},
	{"password", "Your password was changed; your other sessions were ended."},
	{"revoked", "The token was revoked."},
	{"user-added", "The account was added."},
	{"user-changed", "The account was changed; its sessions were ended."},
	{"signed-out", "You are signed out."},
	{"edited", "The correction was recorded as a claim, with its reason."},
	{"merged", "The incidents were merged; the other one now points here."},
	{"recorded", "Recorded."},
};

/* The message of q->flash, else of ?msg=, or NULL. */
static const char *page_message(Req *q)
{
	if (q->flash)
		return q->flash;
	const char *code = req_query(q, "msg");
	for (size_t i = 0; code && i < sizeof messages / sizeof messages[0]; i++)
		if (strcmp(code, messages[i][0]) == 0)
			return messages[i][1];
	return NULL;
}

/* The navigation: label, path, the role it needs (ROLE_NONE: shown to whoever may read). */
static const struct {
	const char *label, *path;
	int role;
} nav[] = {
	{"Overview", "/", ROLE_NONE},
	{"Timeline", "/timeline", ROLE_NONE},
	{"Incidents", "/incidents", ROLE_NONE},
	{"Threats", "/threats", ROLE_NONE},
	{"Appeals", "/appeals", ROLE_NONE},
	{"Population", "/population", ROLE_NONE},
	{"Places", "/places", ROLE_NONE},
	{"Actors", "/actors", ROLE_NONE},
	{"Reports", "/reports", ROLE_NONE},
	{"Review", "/review", ROLE_EDITOR},
	{"Add report", "/upload", ROLE_EDITOR},
	{"Users", "/admin/users", ROLE_ADMIN},
};

void page_layout(Req *q, Blob *out)
{
	const char *title = q->title.len ? blob_str(&q->title) : "vigil";
	int may_read = q->role >= ROLE_VIEWER || web_conf.public_read;
	blob_reserve(out, q->body.len + 2048); /* the layout is under 2 kB: no growing by halves */
	html_appendf(out,
	             "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	             "<title>%s — vigil</title>"
	             "<link rel=\"stylesheet\" href=\"/static/vigil.css?v=%s\">"
	             "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Incidents and threats\" href=\"/feed/incidents.atom\">"
	             "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Threats\" href=\"/feed/threats.atom\">"
	             "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">"
	             "</head><body>\n<header class=\"top\"><a class=\"brand\" href=\"/\">vigil</a>",
	             title, web_conf.css_version);
	if (may_read) {
		html_appendf(out, "<nav class=\"main\">");
		for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++) {
			if (nav[i].role > q->role)
				continue;
			int here = strcmp(q->path ? q->path : "", nav[i].path) == 0;
			if (here)
				html_appendf(out, "<a href=\"%s\" aria-current=\"page\">%s</a>", nav[i].path, nav[i].label);
			else
				html_appendf(out, "<a href=\"%s\">%s</a>", nav[i].path, nav[i].label);
		}
		html_appendf(out, "</nav><form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">"
		                  "<input type=\"search\" name=\"q\" placeholder=\"Search reports\" aria-label=\"Search\" value=\"%s\">"
		                  "</form>",
		             strcmp(q->path ? q->path : "", "/search") == 0 && req_query(q, "q") ? req_query(q, "q") : "");
	}
	html_appendf(out, "<div class=\"who\">");
	if (q->user.id) {
		html_appendf(out, "<a href=\"/account\">%s</a> <span class=\"role\">%s</span> "
		                  "<form method=\"post\" action=\"/logout\">",
		             q->user.name, role_name(q->role));
		page_csrf(q, out);
		html_appendf(out, "<button type=\"submit\">Sign out</button></form>");
	} else if (strcmp(q->path ? q->path : "", "/login") != 0)
		html_appendf(out, "<a href=\"/login\">Sign in</a>");
	html_appendf(out, "</div></header>\n<main>");
	const char *msg = page_message(q);
	if (msg)
		html_appendf(out, "<p class=\"flash\" role=\"status\">%s</p>", msg);
	blob_append(out, q->body.data, q->body.len); /* the view's HTML, escaped as it was written */
	html_appendf(out, "</main>\n<footer>");
	if (q->twin && !q->errored) {
		Blob qs = BLOB_INIT;
		req_query_string(q, &qs, NULL);
		html_appendf(out, "<a href=\"/api%s%s%s\">This page as JSON</a> · ", q->path, qs.len ? "?" : "",
		             blob_str(&qs));
		blob_free(&qs);
	}
	html_appendf(out, "vigil — documentation of attacks, threats and appeals</footer>\n</body></html>\n");
}

void page_error_body(Req *q, Blob *out)
{
	static const struct {
		int status;
		const char *title;
	} titles[] = {
		{400, "Bad request"}, {401, "Sign in first"}, {403, "Not allowed"}, {404, "Not found"},
		{405, "Method not allowed"}, {413, "Too large"}, {422, "Cannot use this"},
		{429, "Too many attempts"}, {500, "Internal error"},
	};
	const char *title = "Error";
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
		if (titles[i].status == q->status)
			title = titles[i].title;
	blob_reset(&q->title);
	blob_puts(&q->title, title);
	html_appendf(out, "<h1>%s</h1><p class=\"error\">%s</p><p><a href=\"/\">Overview</a></p>", title,
	             js(q->data, "error"));
}

int web_ledger(Req *q, const char *action, const char *account, const char *detail)
{
	Blob err = BLOB_INIT;
	int rc = 0;
	if (ledger_account(q->st, q->user.name, action, account, detail, &err) != 0)
		rc = req_error(q, 500, "the change was made but not recorded in the ledger: %s", blob_str(&err));
	blob_free(&err);
	return rc;
}
