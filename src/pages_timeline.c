/*
** pages_timeline.c — /timeline: a year of incidents and threats drawn as SVG, a lane per
** kind and a column per month, each dot a link to its incident, with the years that have
** incidents to move between.
*/
#include "svg.h"
#include "util.h"
#include "web.h"

#include <stdio.h>
#include <string.h>

static int year_one(int year, long long n, void *ctx)
{
	json_t *o = json_object();
	json_object_set_new(o, "year", json_integer(year));
	json_object_set_new(o, "incidents", json_integer(n));
	json_array_append_new(ctx, o);
	return 0;
}

static int dot_one(const IncidentDot *d, void *ctx)
{
	json_t *o = json_object();
	Blob label = BLOB_INIT;
	int threat = d->status && strcmp(d->status, "threatened") == 0;
	blob_appendf(&label, "%s%s", threat ? "threatened " : "", d->kind ? d->kind : "incident");
	if (d->place && *d->place)
		blob_appendf(&label, " at %s", d->place);
	blob_appendf(&label, ", %s", d->day ? d->day : "");
	json_object_set_new(o, "id", json_integer(d->id));
	json_object_set_new(o, "kind", jstr(d->kind));
	json_object_set_new(o, "status", jstr(d->status));
	json_object_set_new(o, "date", jstr(d->day));
	char month[8] = "";
	if (d->day && strlen(d->day) >= 7)
		snprintf(month, sizeof month, "%.7s", d->day);
	json_object_set_new(o, "month", jstr(month));
	json_object_set_new(o, "label", jstr(blob_str(&label)));
	json_array_append_new(ctx, o);
	blob_free(&label);
	return 0;
}

int page_timeline(Req *q)
{
	json_t *years = json_array(), *items = json_array();
	if (store_incident_years(q->st, year_one, years) != 0) {
		json_decref(years);
		json_decref(items);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	size_t n = json_array_size(years);
	long long year = req_int(q, "year", n ? ji(json_array_get(years, n - 1), "year") : 0);
	if (year > 9999)
		year = 9999;
	if (year && store_incident_dots(q->st, (int)year, dot_one, items) != 0) {
		json_decref(years);
		json_decref(items);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	q->data = json_object();
	json_object_set_new(q->data, "years", years);
	json_object_set_new(q->data, "year", year ? json_integer(year) : json_null());
	json_object_set_new(q->data, "incidents", items);
	return 200;
}

void view_timeline(Req *q, Blob *out)
{
	json_t *y;
	size_t i;
	long long year = ji(q->data, "year");
	blob_puts(&q->title, "Timeline");
	html_appendf(out, "<h1>Timeline</h1>");
	if (!json_array_size(jo(q->data, "years"))) {
		html_appendf(out, "<p class=\"empty\">No dated incidents yet.</p>");
		return;
	}
	html_appendf(out, "<nav class=\"years\">");
	json_array_foreach(jo(q->data, "years"), i, y) {
		if (ji(y, "year") == year)
			html_appendf(out, "<a href=\"/timeline?year=%lld\" aria-current=\"page\">%lld <small>%lld</small></a>",
			             ji(y, "year"), ji(y, "year"), ji(y, "incidents"));
		else
			html_appendf(out, "<a href=\"/timeline?year=%lld\">%lld <small>%lld</small></a>", ji(y, "year"),
			             ji(y, "year"), ji(y, "incidents"));
	}
	html_appendf(out, "</nav><h2>%lld <small>%zu incidents and threats</small></h2>", year,
	             json_array_size(jo(q->data, "incidents")));
	svg_timeline(out, jo(q->data, "incidents"), (int)year);
	html_appendf(out, "<p class=\"hint\">● an incident that happened · ○ a threat or warning. Each dot opens "
	                  "its incident; a kind or a month opens the list.</p>");
}
