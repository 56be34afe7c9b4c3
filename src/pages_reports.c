/*
** pages_reports.c — the reports: the list (/reports), one report (/report/N: provenance,
** SHA-256, the cleaned text with the evidence of every proposal read from it
** highlighted, the proposals), its original bytes as a download and its text as plain
** text, and adding a report by upload (the same ingest_bytes() as `vigil add`).
*/
#include "cli.h"
#include "dates.h"
#include "fetch.h"
#include "ingest.h"
#include "records.h"
#include "util.h"
#include "web.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_SIZE 50

/* A report's provenance and metadata as a JSON object. */
static json_t *report_json(const Report *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(r->id));
	json_object_set_new(o, "title", jstr(r->title));
	json_object_set_new(o, "published", jstr(r->published));
	json_object_set_new(o, "publisher", jstr(r->publisher));
	json_object_set_new(o, "author", jstr(r->author));
	json_object_set_new(o, "language", jstr(r->language));
	json_object_set_new(o, "source", jstr(r->source));
	json_object_set_new(o, "filename", jstr(r->filename));
	json_object_set_new(o, "received", jstr(r->received));
	json_object_set_new(o, "added_by", jstr(r->added_by));
	json_object_set_new(o, "added_at", jstr(r->added_at));
	json_object_set_new(o, "bytes", json_integer(r->bytes));
	json_object_set_new(o, "media_type", jstr(r->media_type));
	json_object_set_new(o, "sha256", jstr(r->sha256));
	return o;
}

typedef struct ListCtx {
	json_t *rows;
	int n, limit;
} ListCtx;

static int list_one(const Report *r, void *ctx)
{
	ListCtx *l = ctx;
	if (l->n++ < l->limit)
		json_array_append_new(l->rows, report_json(r));
	return 0;
}

int page_reports(Req *q)
{
	long long page = req_int(q, "page", 1);
	if (page > 1000000)
		page = 1000000;
	ListCtx l = {json_array(), 0, PAGE_SIZE};
	if (store_reports_page(q->st, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1, list_one, &l) != 0) {
		json_decref(l.rows);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	q->data = json_object();
	json_object_set_new(q->data, "total", json_integer(store_report_count(q->st)));
	json_object_set_new(q->data, "page", json_integer(page));
	json_object_set_new(q->data, "next", json_boolean(l.n > PAGE_SIZE));
	json_object_set_new(q->data, "reports", l.rows);
	return 200;
}

/* The title a report is shown under. */
static const char *report_label(json_t *r)
{
	if (js(r, "title") && *js(r, "title"))
		return js(r, "title");
	if (js(r, "filename"))
		return js(r, "filename");
	return "(untitled)";
}

void view_reports(Req *q, Blob *out)
{
	json_t *rows = jo(q->data, "reports"), *r;
	size_t i;
	blob_puts(&q->title, "Reports");
	html_appendf(out, "<h1>Reports <small>%lld stored</small></h1>", ji(q->data, "total"));
	if (q->role >= ROLE_EDITOR)
		html_appendf(out, "<p><a class=\"button\" href=\"/upload\">Add a report</a></p>");
	if (!json_array_size(rows)) {
		html_appendf(out, "<p class=\"empty\">No reports here.</p>");
		return;
	}
	html_appendf(out, "<table class=\"list\"><thead><tr><th>#</th><th>Title</th><th>Published</th>"
	                  "<th>Publisher</th><th>Received</th></tr></thead><tbody>");
	json_array_foreach(rows, i, r) {
		html_appendf(out, "<tr><td>%lld</td><td><a href=\"/report/%lld\">%s</a></td><td>%s</td><td>%s</td>"
		                  "<td>%.10s</td></tr>",
		             ji(r, "id"), ji(r, "id"), report_label(r), js(r, "published"), js(r, "publisher"),
		             js(r, "received"));
	}
	html_appendf(out, "</tbody></table>");
	page_pager(q, out, "/reports", q->data);
}

/* Collects the proposals of a report and the evidence spans they cite, located in the
   text by their offsets or, when those are missing or stale, by their quote. */
typedef struct PropCtx {
	json_t *props, *spans;
	const char *text;
	size_t len;
} PropCtx;

static int prop_one(const ProposalRow *p, void *ctx)
{
	PropCtx *x = ctx;
	json_t *rec = json_loads(p->json ? p->json : "", 0, NULL);
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "type", jstr(p->type));
	json_object_set_new(o, "state", jstr(p->state));
	json_object_set_new(o, "record", json_is_object(rec) ? json_incref(rec) : json_null());
	json_array_append_new(x->props, o);
	json_t *ev = jo(rec, "evidence"), *e;
	size_t i;
	json_array_foreach(ev, i, e) {
		long long s = json_is_integer(jo(e, "start")) ? ji(e, "start") : -1;
		long long end = json_is_integer(jo(e, "end")) ? ji(e, "end") : -1;
		if (!quote_locate(x->text, x->len, js(e, "quote"), &s, &end))
			continue;
		json_t *sp = json_object();
		json_object_set_new(sp, "start", json_integer(s));
		json_object_set_new(sp, "end", json_integer(end));
		json_object_set_new(sp, "proposal", json_integer(p->id));
		json_array_append_new(x->spans, sp);
	}
	json_decref(rec);
	return 0;
}

/* Orders spans by start, longest first. */
static int span_cmp(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	long long d = ji(x, "start") - ji(y, "start");
	if (!d)
		d = ji(y, "end") - ji(x, "end");
	return d < 0 ? -1 : d > 0;
}

/* Sorts spans and merges overlapping ones (the merged span keeps the first proposal). */
static json_t *spans_merge(json_t *spans, size_t text_len)
{
	size_t n = json_array_size(spans);
	json_t **v = xmalloc((n ? n : 1) * sizeof *v), *out = json_array();
	for (size_t i = 0; i < n; i++)
		v[i] = json_array_get(spans, i);
	qsort(v, n, sizeof *v, span_cmp);
	json_t *last = NULL;
	for (size_t i = 0; i < n; i++) {
		long long s = ji(v[i], "start"), e = ji(v[i], "end");
		if (s < 0 || e <= s || (size_t)s >= text_len)
			continue;
		if ((size_t)e > text_len)
			e = (long long)text_len;
		if (last && s < ji(last, "end")) {
			if (e > ji(last, "end"))
				json_object_set_new(last, "end", json_integer(e));
			if (json_is_true(jo(v[i], "focus")))
				json_object_set_new(last, "focus", json_true());
			continue;
		}
		last = json_deep_copy(v[i]);
		json_object_set_new(last, "end", json_integer(e));
		json_array_append_new(out, last);
	}
	free(v);
	return out;
}

int page_report(Req *q)
{
	Report r;
	int found = store_report_get(q->st, q->id, &r);
	if (found < 0)
		return req_error(q, 500, "%s", store_error(q->st));
	if (!found)
		return req_error(q, 404, "there is no report %lld", q->id);
	Blob text = BLOB_INIT;
	if (store_report_text(q->st, q->id, &text, NULL) < 0) {
		report_free(&r);
		blob_free(&text);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	PropCtx x = {json_array(), json_array(), blob_str(&text), text.len};
	store_proposals_page(q->st, NULL, q->id, 0, 0, prop_one, &x);
	/* the span a link asked for (?s=&e=, from a quote elsewhere) */
	long long fs = req_int(q, "s", -1), fe = req_int(q, "e", -1);
	if (fs >= 0 && fe > fs && (size_t)fe <= text.len) {
		json_t *sp = json_object();
		json_object_set_new(sp, "start", json_integer(fs));
		json_object_set_new(sp, "end", json_integer(fe));
		json_object_set_new(sp, "focus", json_true());
		json_array_append_new(x.spans, sp);
	}
	q->data = json_object();
	json_t *rj = report_json(&r);
	Blob cap = BLOB_INIT; /* how it was fetched, when it came from the web */
	json_object_set_new(rj, "capture", records_report_capture(q->st, q->id, &cap) == 1
	                                       ? json_loads(blob_str(&cap), 0, NULL) : json_null());
	blob_free(&cap);
	json_object_set_new(q->data, "report", rj);
	json_object_set_new(q->data, "text", jstr(blob_str(&text)));
	json_object_set_new(q->data, "spans", spans_merge(x.spans, text.len));
	json_object_set_new(q->data, "proposals", x.props);
	json_decref(x.spans);
	report_free(&r);
	blob_free(&text);
	return 200;
}

/* One row of the provenance table, left out when the value is unknown. */
static void prov_row(Blob *out, const char *label, const char *value)
{
	if (value && *value)
		html_appendf(out, "<tr><th>%s</th><td>%s</td></tr>", label, value);
}

void view_report(Req *q, Blob *out)
{
	json_t *r = jo(q->data, "report");
	long long id = ji(r, "id");
	blob_puts(&q->title, report_label(r));
	html_appendf(out, "<article class=\"report\"><h1>%s</h1><table class=\"prov\">", report_label(r));
	html_appendf(out, "<tr><th>Report</th><td>%lld</td></tr>", id);
	prov_row(out, "Published", js(r, "published"));
	prov_row(out, "Publisher", js(r, "publisher"));
	prov_row(out, "Author", js(r, "author"));
	prov_row(out, "Language", js(r, "language"));
	if (js(r, "source")) {
		html_appendf(out, "<tr><th>Source</th><td>");
		page_link_or_text(out, js(r, "source"));
		html_appendf(out, "</td></tr>");
	}
	json_t *cap = jo(r, "capture");
	if (json_is_object(cap)) {
		html_appendf(out, "<tr><th>Fetched</th><td>");
		page_link_or_text(out, js(cap, "url"));
		html_appendf(out, " at %s, HTTP %lld", js(cap, "fetched_at") ? js(cap, "fetched_at") : "-",
		             ji(cap, "status"));
		if (js(cap, "content_type"))
			html_appendf(out, ", %s", js(cap, "content_type"));
		if (js(cap, "final_url") && js(cap, "url") && strcmp(js(cap, "final_url"), js(cap, "url")) != 0) {
			html_appendf(out, "; redirected to ");
			page_link_or_text(out, js(cap, "final_url"));
		}
		if (js(cap, "last_modified"))
			html_appendf(out, "; Last-Modified %s", js(cap, "last_modified"));
		html_appendf(out, "</td></tr>");
	}
	prov_row(out, "File name", js(r, "filename"));
	prov_row(out, "Received", js(r, "received"));
	html_appendf(out, "<tr><th>Added</th><td>%s by %s</td></tr>", js(r, "added_at"),
	             js(r, "added_by") ? js(r, "added_by") : "-");
	html_appendf(out, "<tr><th>Original</th><td>%lld bytes, %s · <a href=\"/report/%lld/original\" download>"
	                  "download the original</a> · <a href=\"/report/%lld/text\">cleaned text</a></td></tr>",
	             ji(r, "bytes"), js(r, "media_type"), id, id);
	html_appendf(out, "<tr><th>SHA-256</th><td><code class=\"hash\">%s</code></td></tr></table>", js(r, "sha256"));

	json_t *props = jo(q->data, "proposals"), *p;
	size_t i;
	if (json_array_size(props)) {
		html_appendf(out, "<section class=\"proposals\"><h2>Read from this report</h2><ul>");
		json_array_foreach(props, i, p) {
			html_appendf(out, "<li>");
			if (json_array_size(jo(jo(p, "record"), "evidence")))
				html_appendf(out, "<a href=\"#p%lld\">", ji(p, "id"));
			proposal_summary(out, p);
			if (json_array_size(jo(jo(p, "record"), "evidence")))
				html_appendf(out, "</a>");
			html_appendf(out, "</li>");
		}
		html_appendf(out, "</ul></section>");
	}
	const char *text = js(q->data, "text");
	html_appendf(out, "<h2>Text</h2><div class=\"text\">");
	page_highlight(out, text ? text : "", text ? strlen(text) : 0, jo(q->data, "spans"));
	html_appendf(out, "</div></article>");
}

int page_report_original(Req *q)
{
	Report r;
	int found = store_report_get(q->st, q->id, &r);
	if (found != 1)
		return found < 0 ? req_error(q, 500, "%s", store_error(q->st))
		                 : req_error(q, 404, "there is no report %lld", q->id);
	if (store_report_original(q->st, q->id, &q->body) != 1) {
		report_free(&r);
		return req_error(q, 500, "the original of report %lld cannot be read", q->id);
	}
	/* Always a download, never shown by the browser as a page of this site. */
	char ext[12] = "";
	const char *dot = r.filename ? strrchr(r.filename, '.') : NULL;
	if (dot && strlen(dot) < sizeof ext && strspn(dot + 1, "abcdefghijklmnopqrstuvwxyz0123456789") == strlen(dot + 1))
		snprintf(ext, sizeof ext, "%s", dot);
	char disp[160];
	snprintf(disp, sizeof disp, "attachment; filename=\"report-%lld-%.12s%s\"", r.id, r.sha256, ext);
	req_header(q, "Content-Disposition", disp);
	q->ctype = "application/octet-stream";
	report_free(&r);
	return 200;
}

int page_report_text(Req *q)
{
	int found = store_report_text(q->st, q->id, &q->body, NULL);
	if (found != 1)
		return found < 0 ? req_error(q, 500, "%s", store_error(q->st))
		                 : req_error(q, 404, "there is no report %lld", q->id);
	q->ctype = "text/plain; charset=utf-8";
	return 200;
}

int page_upload_form(Req *q)
{
	q->data = json_object();
	return 200;
}

void view_upload(Req *q, Blob *out)
{
	blob_puts(&q->title, "Add a report");
	html_appendf(out, "<h1>Add a report</h1>"
	                  "<p>The file, or the page at the web address, is kept exactly as it is, with its "
	                  "SHA-256; its text is cleaned and read into proposals for review. A page fetched "
	                  "from the web keeps the record of its capture (address, time, HTTP answer) in "
	                  "the ledger.</p>"
	                  "<form class=\"stack\" method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\">");
	page_csrf(q, out);
	html_appendf(out, "<label>File <input type=\"file\" name=\"file\"></label>"
	                  "<label>or a web address to fetch <input type=\"url\" name=\"url\" maxlength=\"2000\" "
	                  "placeholder=\"https://\"></label>"
	                  "<label>Source (where it came from, e.g. its URL) <input type=\"text\" name=\"source\" "
	                  "maxlength=\"2000\"></label>"
	                  "<label>Received (date, when not today) <input type=\"date\" name=\"received\"></label>"
	                  "<button type=\"submit\">Add</button></form>");
}

/* Uploads are stored one at a time, as `vigil add` would. */
static pthread_mutex_t upload_lock = PTHREAD_MUTEX_INITIALIZER;

int page_upload(Req *q)
{
	const Field *f = req_field(q, "file");
	const char *url = req_arg(q, "url");
	if (f && (!f->filename || !*f->filename))
		f = NULL; /* the browser sends an empty part when no file was chosen */
	if (url && !*url)
		url = NULL;
	if (!f == !url)
		return req_error(q, 400, url ? "choose a file or give a web address, not both"
		                             : "choose a file to add, or give a web address");
	if (url && (strlen(url) > 2000 || !fetch_is_url(url)))
		return req_error(q, 400, "the web address must start with http:// or https:// (at most 2000 characters)");
	const char *source = req_arg(q, "source"), *received = req_arg(q, "received");
	if (source && !*source)
		source = NULL;
	if (received && *received) {
		Ymd d;
		if (strlen(received) != 10 || !ymd_parse_iso(received, &d) || !d.d)
			return req_error(q, 400, "the date received must be a date like 2021-03-04");
	} else
		received = NULL;
	if (source && strlen(source) > 2000)
		return req_error(q, 400, "the source is longer than 2000 characters");
	Blob err = BLOB_INIT;
	AddOpts o = {source, received, q->user.name, 1, 0, lexicon_shared(cli_datadir(), &err)};
	if (!o.lx) {
		req_error(q, 500, "cannot read the lexicons: %s", blob_str(&err));
		blob_free(&err);
		return 500;
	}
	long long id = 0;
	Fetched page = {0};
	Blob capture = BLOB_INIT, name = BLOB_INIT;
	const char *bytes = f ? f->value : NULL, *shown = f ? f->filename : url;
	size_t len = f ? f->len : 0;
	if (url) { /* public addresses only: the server must not be a way into its own network */
		FetchOpts fo = {60, 1, 64u << 20, 1}; /* as large as an upload may be */
		if (fetch_url(url, &fo, &page, &err) != 0) {
			req_error(q, 422, "%s: %s", url, blob_str(&err));
			blob_free(&err);
			return 422;
		}
		fetch_capture_json(&page, &capture);
		fetch_file_name(&page, &name);
		o.capture = blob_str(&capture);
		if (!o.source)
			o.source = url;
		if (!o.received)
			o.received = page.fetched_at;
		bytes = page.body.data ? page.body.data : "";
		len = page.body.len;
	}
	pthread_mutex_lock(&upload_lock);
	int rc = ingest_bytes(q->st, bytes, len, f ? f->filename : blob_str(&name), &o, &id, &err);
	int unindexed = rc == 1 && store_report_index(q->st) != 0; /* searchable at once */
	pthread_mutex_unlock(&upload_lock);
	fetch_free(&page);
	blob_free(&capture);
	blob_free(&name);
	if (unindexed) {
		blob_free(&err);
		return req_error(q, 500, "report %lld stored, but not indexed for search: %s", id,
		                 store_error(q->st));
	}
	if (rc < 0) {
		req_error(q, 422, "%s: %s", shown, blob_str(&err));
		blob_free(&err);
		return 422;
	}
	blob_free(&err);
	q->data = json_object();
	json_object_set_new(q->data, "id", json_integer(id));
	json_object_set_new(q->data, "added", json_boolean(rc == 1));
	char to[64];
	snprintf(to, sizeof to, "/report/%lld?msg=%s", id, rc == 1 ? "added" : "exists");
	return req_redirect(q, to);
}
