/*
** pages_home.c — the overview at /: what is stored, and the latest reports. (Incidents,
** threats and the casualty chart join it as the records land.)
*/
#include "util.h"
#include "web.h"

#include <string.h>

static int latest_one(const Report *r, void *ctx)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(r->id));
	json_object_set_new(o, "title", jstr(r->title ? r->title : r->filename));
	json_object_set_new(o, "published", jstr(r->published));
	json_object_set_new(o, "publisher", jstr(r->publisher));
	json_array_append_new(ctx, o);
	return 0;
}

int page_home(Req *q)
{
	json_t *counts = json_object(), *latest = json_array();
	json_object_set_new(counts, "reports", json_integer(store_report_count(q->st)));
	json_object_set_new(counts, "proposals", json_integer(store_proposal_count(q->st, 0)));
	store_reports_page(q->st, 0, 8, latest_one, latest);
	q->data = json_object();
	json_object_set_new(q->data, "counts", counts);
	json_object_set_new(q->data, "latest_reports", latest);
	return 200;
}

void view_home(Req *q, Blob *out)
{
	json_t *counts = jo(q->data, "counts"), *r;
	size_t i;
	blob_puts(&q->title, "Overview");
	html_appendf(out, "<h1>Overview</h1><ul class=\"counts\">"
	                  "<li><a href=\"/reports\"><b>%lld</b> reports</a></li>"
	                  "<li><b>%lld</b> records read from them</li></ul>",
	             ji(counts, "reports"), ji(counts, "proposals"));
	html_appendf(out, "<section><h2>Latest reports</h2>");
	if (!json_array_size(jo(q->data, "latest_reports")))
		html_appendf(out, "<p class=\"empty\">No reports yet.</p>");
	else {
		html_appendf(out, "<ul class=\"latest\">");
		json_array_foreach(jo(q->data, "latest_reports"), i, r)
			html_appendf(out, "<li><a href=\"/report/%lld\">%s</a> <span class=\"meta\">%s %s</span></li>",
			             ji(r, "id"), js(r, "title") && *js(r, "title") ? js(r, "title") : "(untitled)",
			             js(r, "published"), js(r, "publisher"));
		html_appendf(out, "</ul>");
	}
	html_appendf(out, "</section>");
}
