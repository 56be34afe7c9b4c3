/*
** pages_search.c — /search?q=: full-text search (SQLite FTS5) over the reports, best
** matches first, each with a snippet of its text in which the words found are marked.
**
** What people type is never handed to FTS5 as syntax: search_query() turns it into a
** query of quoted terms — words, "quoted phrases", word* for a prefix, -word to leave
** out — so no input can make a syntax error or reach another column or table.
*/
#include "util.h"
#include "web.h"

#include <string.h>

#define PAGE_SIZE 20
#define INCIDENT_HITS 10 /* incidents shown above the reports, on the first page */
#define MAX_TERMS 16

/* Appends one quoted FTS5 string (double quotes doubled). */
static void fts_quote(Blob *out, const char *s, size_t n)
{
	blob_putc(out, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			blob_putc(out, '"');
		blob_putc(out, s[i]);
	}
	blob_putc(out, '"');
}

/* Whether a term has something the tokenizer will index (a letter or digit, or any
   non-ASCII byte); "--" or "*" alone would make an empty phrase. */
static int has_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 1;
	}
	return 0;
}

/* Builds the FTS5 query for what was typed; empty when nothing searchable is left. */
void search_query(const char *typed, Blob *out)
{
	Blob pos = BLOB_INIT, neg = BLOB_INIT;
	const char *s = typed;
	int terms = 0;
	while (*s && terms < MAX_TERMS) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (!*s)
			break;
		int not = 0, prefix = 0;
		if (*s == '-' && s[1] && s[1] != ' ') {
			not = 1;
			s++;
		}
		const char *start;
		size_t n;
		if (*s == '"') {
			start = ++s;
			const char *close = strchr(s, '"');
			n = close ? (size_t)(close - s) : strlen(s);
			s = start + n + (close ? 1 : 0);
		} else {
			start = s;
			n = strcspn(s, " \t\r\n");
			s += n;
			if (n > 1 && start[n - 1] == '*') {
				prefix = 1;
				n--;
			}
		}
		if (!has_word(start, n))
			continue;
		Blob *b = not ? &neg : &pos;
		blob_puts(b, not ? " NOT " : (pos.len ? " AND " : ""));
		fts_quote(b, start, n);
		if (prefix)
			blob_puts(b, " *");
		terms++;
	}
	if (pos.len) {
		blob_append(out, pos.data, pos.len);
		blob_append(out, neg.data, neg.len);
	}
	blob_free(&pos);
	blob_free(&neg);
}

typedef struct HitCtx {
	json_t *rows;
	int n, limit;
	int incidents; /* hits are incidents: their date and record, no title or publisher */
	Store *st;
} HitCtx;

/* A hit as JSON: the snippet as plain text with the byte spans of the marked words. */
static int hit_one(const SearchHit *h, void *ctx)
{
	HitCtx *x = ctx;
	if (x->n++ >= x->limit)
		return 0;
	Blob plain = BLOB_INIT;
	json_t *marks = json_array(), *o = json_object();
	long long open = -1;
	for (const char *p = h->snippet ? h->snippet : ""; *p; p++) {
		if (*p == SEARCH_MARK_ON[0]) {
			open = (long long)plain.len;
		} else if (*p == SEARCH_MARK_OFF[0]) {
			if (open >= 0 && (long long)plain.len > open) {
				json_t *sp = json_object();
				json_object_set_new(sp, "start", json_integer(open));
				json_object_set_new(sp, "end", json_integer((long long)plain.len));
				json_array_append_new(marks, sp);
			}
			open = -1;
		} else
			blob_putc(&plain, *p);
	}
	json_object_set_new(o, "id", json_integer(h->id));
	if (x->incidents) {
		json_object_set_new(o, "date", jstr(h->published));
		/* the record itself, so the hit reads "Shelling at Camp …, date" like the lists */
		Incident in;
		if (store_incident_get(x->st, h->id, &in) == 1) {
			json_object_set_new(o, "incident", incident_model(x->st, &in, 0));
			incident_free(&in);
		}
	} else {
		json_object_set_new(o, "title", jstr(h->title));
		json_object_set_new(o, "published", jstr(h->published));
		json_object_set_new(o, "publisher", jstr(h->publisher));
	}
	json_object_set_new(o, "snippet", jstr(blob_str(&plain)));
	json_object_set_new(o, "marks", marks);
	json_array_append_new(x->rows, o);
	blob_free(&plain);
	return 0;
}

int page_search(Req *q)
{
	const char *typed = req_query(q, "q");
	long long page = req_int(q, "page", 1);
	if (page > 1000)
		page = 1000;
	q->data = json_object();
	json_object_set_new(q->data, "q", jstr(typed ? typed : ""));
	json_object_set_new(q->data, "page", json_integer(page));
	HitCtx x = {json_array(), 0, PAGE_SIZE, 0, q->st};
	json_object_set_new(q->data, "reports", x.rows);
	Blob fts = BLOB_INIT;
	if (typed && strlen(typed) > 1000)
		return req_error(q, 400, "the search is longer than 1000 characters");
	if (typed)
		search_query(typed, &fts);
	json_object_set_new(q->data, "query", jstr(blob_str(&fts)));
	HitCtx xi = {json_array(), 0, INCIDENT_HITS, 1, q->st};
	json_object_set_new(q->data, "incidents", xi.rows);
	if (fts.len && ((page == 1 && store_search_incidents(q->st, blob_str(&fts), 0, INCIDENT_HITS + 1, hit_one, &xi) != 0) ||
	                store_search_reports(q->st, blob_str(&fts), (page - 1) * PAGE_SIZE, PAGE_SIZE + 1, hit_one, &x) != 0)) {
		blob_free(&fts);
		return req_error(q, 400, "the search could not be run: %s", store_error(q->st));
	}
	json_object_set_new(q->data, "more_incidents", json_boolean(xi.n > INCIDENT_HITS));
	blob_free(&fts);
	json_object_set_new(q->data, "next", json_boolean(x.n > PAGE_SIZE));
	return 200;
}

void view_search(Req *q, Blob *out)
{
	const char *typed = js(q->data, "q");
	json_t *rows = jo(q->data, "reports"), *h;
	size_t i;
	blob_puts(&q->title, typed && *typed ? "Search" : "Search");
	html_appendf(out, "<h1>Search</h1><form class=\"bigsearch\" action=\"/search\" method=\"get\" role=\"search\">"
	                  "<input type=\"search\" name=\"q\" value=\"%s\" aria-label=\"Search\" autofocus> "
	                  "<button type=\"submit\">Search</button></form>"
	                  "<p class=\"hint\">Newest first. All words must appear. \"Quotes\" for a phrase, word* for words "
	                  "starting so, -word to leave out.</p>",
	             typed ? typed : "");
	if (!typed || !*typed)
		return;
	json_t *incs = jo(q->data, "incidents");
	if (json_array_size(incs)) {
		html_appendf(out, "<h2>Incidents</h2><ul class=\"hits\">");
		json_array_foreach(incs, i, h) {
			const char *snip = js(h, "snippet");
			Blob label = BLOB_INIT;
			if (jo(h, "incident"))
				incident_label(&label, jo(h, "incident"));
			else
				blob_appendf(&label, "incident %lld", ji(h, "id"));
			html_appendf(out, "<li><a href=\"/incident/%lld\">%s</a> <span class=\"meta\">incident %lld</span><p>",
			             ji(h, "id"), blob_str(&label), ji(h, "id"));
			blob_free(&label);
			page_highlight(out, snip ? snip : "", snip ? strlen(snip) : 0, jo(h, "marks"));
			html_appendf(out, "</p></li>");
		}
		html_appendf(out, "</ul>");
		if (json_is_true(jo(q->data, "more_incidents")))
			html_appendf(out, "<p>More incidents match: narrow the search, or <a href=\"/incidents\">filter the list</a>.</p>");
	}
	if (!json_array_size(rows)) {
		html_appendf(out, "<p class=\"empty\">No report matches %s.</p>", typed);
		return;
	}
	html_appendf(out, "<h2>Reports</h2><ol class=\"hits\">");
	json_array_foreach(rows, i, h) {
		const char *title = js(h, "title");
		html_appendf(out, "<li><a href=\"/report/%lld\">%s</a> <span class=\"meta\">%s %s</span><p>",
		             ji(h, "id"), title && *title ? title : "(untitled)", js(h, "published"),
		             js(h, "publisher"));
		const char *snip = js(h, "snippet");
		page_highlight(out, snip ? snip : "", snip ? strlen(snip) : 0, jo(h, "marks"));
		html_appendf(out, "</p></li>");
	}
	html_appendf(out, "</ol>");
	page_pager(q, out, "/search", q->data);
}
