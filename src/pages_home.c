/*
** pages_home.c — the overview at /: how much is documented, killed and wounded per month
** as a chart, the threats that are due or open, the latest incidents, and what waits for
** review.
**
** Its figures are sums over every incident, so they are computed once and kept until the
** ledger moves (every change to the records appends to it) or a minute passes (a threat
** becomes due with the date, not with a change).
*/
#include "svg.h"
#include "util.h"
#include "web.h"

#include <pthread.h>
#include <string.h>
#include <time.h>

#define HOME_TTL 60

static pthread_mutex_t home_lock = PTHREAD_MUTEX_INITIALIZER;
static json_t *home_cache;
static long long home_seq = -1;
static time_t home_at;

typedef struct HomeCtx {
	Store *st;
	json_t *rows;
} HomeCtx;

static int incident_one(const Incident *in, void *ctx)
{
	HomeCtx *h = ctx;
	json_array_append_new(h->rows, incident_model(h->st, in, 0));
	return 0;
}

static int month_one(const char *month, long long incidents, long long killed, long long wounded, void *ctx)
{
	json_t *o = json_object();
	json_object_set_new(o, "month", jstr(month));
	json_object_set_new(o, "incidents", json_integer(incidents));
	json_object_set_new(o, "killed", json_integer(killed));
	json_object_set_new(o, "wounded", json_integer(wounded));
	json_array_append_new(ctx, o);
	return 0;
}

/* Incidents of a filter into a JSON array. */
static json_t *incidents_of(Store *st, IncidentFilter *f)
{
	HomeCtx h = {st, json_array()};
	store_incidents_each(st, f, incident_one, &h);
	return h.rows;
}

/* Computes the overview's data. */
static json_t *home_data(Store *st)
{
	json_t *data = json_object(), *counts = json_object();
	IncidentFilter occurred = {0}, due = {0}, waiting = {0}, latest = {0};
	occurred.status = "occurred";
	due.status = waiting.status = "threatened";
	due.threat = "due";
	waiting.threat = "waiting";
	json_object_set_new(counts, "reports", json_integer(store_report_count(st)));
	json_object_set_new(counts, "incidents", json_integer(store_incident_count(st, &occurred)));
	json_object_set_new(counts, "threats_due", json_integer(store_incident_count(st, &due)));
	json_object_set_new(counts, "threats_open", json_integer(store_incident_count(st, &waiting)));
	json_object_set_new(counts, "appeals", json_integer(store_appeal_count(st)));
	json_object_set_new(counts, "pending_review", json_integer(store_proposals_count(st, "pending")));
	json_object_set_new(data, "counts", counts);
	json_t *months = json_array();
	store_tally_months(st, month_one, months);
	json_object_set_new(data, "months", months);
	due.limit = waiting.limit = 10;
	json_object_set_new(data, "threats_due", incidents_of(st, &due));
	json_object_set_new(data, "threats_open", incidents_of(st, &waiting));
	latest.status = "occurred";
	latest.newest_first = 1;
	latest.limit = 10;
	json_object_set_new(data, "latest_incidents", incidents_of(st, &latest));
	return data;
}

int page_home(Req *q)
{
	long long seq = -1;
	char head[65];
	time_t now = time(NULL);
	if (store_ledger_head(q->st, &seq, head) != 0)
		seq = -1;
	pthread_mutex_lock(&home_lock);
	if (home_cache && seq >= 0 && seq == home_seq && now - home_at < HOME_TTL)
		q->data = json_incref(home_cache);
	pthread_mutex_unlock(&home_lock);
	if (q->data)
		return 200;
	json_t *data = home_data(q->st);
	pthread_mutex_lock(&home_lock);
	if (home_cache)
		json_decref(home_cache);
	home_cache = json_incref(data);
	home_seq = seq;
	home_at = now;
	pthread_mutex_unlock(&home_lock);
	q->data = data;
	return 200;
}

/* A short list of threats with their due dates. */
static void threat_list(Blob *out, json_t *rows)
{
	json_t *t;
	size_t i;
	html_appendf(out, "<ul class=\"threats\">");
	json_array_foreach(rows, i, t) {
		Blob label = BLOB_INIT;
		incident_label(&label, t);
		html_appendf(out, "<li><a href=\"/incident/%lld\">%s</a>", ji(t, "id"), blob_str(&label));
		if (js(jo(t, "threat"), "due"))
			html_appendf(out, " <span class=\"meta\">due %s</span>", js(jo(t, "threat"), "due"));
		html_appendf(out, "</li>");
		blob_free(&label);
	}
	html_appendf(out, "</ul>");
}

void view_home(Req *q, Blob *out)
{
	json_t *c = jo(q->data, "counts");
	blob_puts(&q->title, "Overview");
	html_appendf(out, "<h1>Overview</h1><ul class=\"counts\">"
	                  "<li><a href=\"/incidents?status=occurred\"><b>%lld</b> incidents</a></li>"
	                  "<li class=\"due\"><a href=\"/threats?state=due\"><b>%lld</b> threats due</a></li>"
	                  "<li><a href=\"/threats?state=waiting\"><b>%lld</b> threats open</a></li>"
	                  "<li><a href=\"/appeals\"><b>%lld</b> appeals</a></li>"
	                  "<li><a href=\"/reports\"><b>%lld</b> reports</a></li>",
	             ji(c, "incidents"), ji(c, "threats_due"), ji(c, "threats_open"), ji(c, "appeals"), ji(c, "reports"));
	if (q->role >= ROLE_EDITOR)
		html_appendf(out, "<li><a href=\"/review\"><b>%lld</b> to review</a></li>", ji(c, "pending_review"));
	html_appendf(out, "</ul><section><h2>Killed and wounded per month <small>lowest credible figures</small></h2>");
	svg_casualties(out, jo(q->data, "months"));
	html_appendf(out, "</section><div class=\"two\"><section><h2>Threats due</h2>");
	if (json_array_size(jo(q->data, "threats_due")))
		threat_list(out, jo(q->data, "threats_due"));
	else
		html_appendf(out, "<p class=\"empty\">None due.</p>");
	html_appendf(out, "<h2>Threats open</h2>");
	if (json_array_size(jo(q->data, "threats_open")))
		threat_list(out, jo(q->data, "threats_open"));
	else
		html_appendf(out, "<p class=\"empty\">None open.</p>");
	html_appendf(out, "</section><section><h2>Latest incidents</h2>");
	if (json_array_size(jo(q->data, "latest_incidents")))
		incidents_table(out, jo(q->data, "latest_incidents"));
	else
		html_appendf(out, "<p class=\"empty\">No incidents yet.</p>");
	html_appendf(out, "</section></div>");
}
