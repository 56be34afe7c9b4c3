/*
** pages_incidents.c — the incidents: the list with its filters (kind, status, place,
** actor, date range) and pages, and one incident with every field and the claims behind
** it — each claim's quote shown in its context in the report, with a link to the very
** sentence — its sources and how independent they are, the threat it is or the threats
** it carried out, the appeals about it and its history from the ledger. Editors correct
** a field (kept as a claim with a reason) and merge incidents here.
**
** The JSON of an incident is the object export.c's incident_json() writes for `vigil
** incident --json` and the exports, so the API, the command line and the files agree;
** incident_model() builds it directly (web_records.sh checks they are equal).
*/
#include "export.h"
#include "records.h"
#include "util.h"
#include "web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_SIZE 50
#define CONTEXT 240 /* bytes of text shown on each side of a quote */

const char *const incident_kinds[] = {"attack", "shelling", "raid", "siege", "blockade", "killing",
                                      "arrest", "abduction", "relocation", "surveillance", "other", NULL};

/* The model of an incident is built here directly with jansson, field for field the
   object export.c's incident_json() writes (writing that text and parsing it back took a
   fifth of an incident page's time and a third of a list page's). web_records.sh compares
   the two on every incident of the demo. Every key in this file is an ASCII literal, so
   members are set with json_object_set_new_nocheck: jansson's UTF-8 check of each key is
   work for nothing on the hottest pages. */

static json_t *count_model(const Count *c)
{
	if (c->min < 0)
		return json_null();
	json_t *o = json_object();
	json_object_set_new_nocheck(o, "min", json_integer(c->min));
	json_object_set_new_nocheck(o, "max", json_integer(c->max));
	json_object_set_new_nocheck(o, "open", json_boolean(c->open));
	json_object_set_new_nocheck(o, "sources", json_integer(c->sources));
	json_object_set_new_nocheck(o, "independent", json_integer(c->independent));
	json_object_set_new_nocheck(o, "edited", json_boolean(c->edited));
	return o;
}

/* A "; "-separated list as an array of strings. */
static json_t *names_model(const char *list)
{
	json_t *a = json_array();
	const char *s = list;
	while (s && *s) {
		const char *e = strstr(s, "; ");
		size_t n = e ? (size_t)(e - s) : strlen(s);
		json_t *name = json_stringn(s, n);
		json_array_append_new(a, name ? name : json_null());
		s += n + (e ? 2 : 0);
	}
	return a;
}

/* An integer, or null when v is below min. */
static json_t *num_model(long long v, long long min)
{
	return v >= min ? json_integer(v) : json_null();
}

/* A coordinate as incident_json prints it (six decimals), read back as a number. */
static json_t *coord_model(double v)
{
	char s[48];
	snprintf(s, sizeof s, "%.6f", v);
	return json_real(strtod(s, NULL));
}

static int claim_model(const Claim *c, void *ctx)
{
	json_t *o = json_object();
	json_object_set_new_nocheck(o, "id", json_integer(c->id));
	json_object_set_new_nocheck(o, "field", jstr(c->field));
	if (c->value)
		json_object_set_new_nocheck(o, "value", jstr(c->value));
	else if (c->min >= 0) {
		json_t *v = json_object();
		json_object_set_new_nocheck(v, "min", json_integer(c->min));
		json_object_set_new_nocheck(v, "max", num_model(c->max, 0));
		json_object_set_new_nocheck(o, "value", v);
	} else
		json_object_set_new_nocheck(o, "value", json_null());
	if (c->report_id) {
		json_object_set_new_nocheck(o, "report", json_integer(c->report_id));
		json_object_set_new_nocheck(o, "proposal", num_model(c->proposal_id, 1));
		json_object_set_new_nocheck(o, "publisher", jstr(c->publisher));
		json_object_set_new_nocheck(o, "published", jstr(c->published));
		json_object_set_new_nocheck(o, "source_group", json_integer(c->group));
		json_object_set_new_nocheck(o, "quote", jstr(c->quote));
		json_object_set_new_nocheck(o, "start", num_model(c->start, 0));
		json_object_set_new_nocheck(o, "end", num_model(c->end, 0));
		json_object_set_new_nocheck(o, "orig_start", num_model(c->orig_start, 0));
		json_object_set_new_nocheck(o, "orig_end", num_model(c->orig_end, 0));
	} else {
		json_object_set_new_nocheck(o, "report", json_null());
		json_object_set_new_nocheck(o, "edited_by", jstr(c->who));
		json_object_set_new_nocheck(o, "reason", jstr(c->reason));
	}
	json_object_set_new_nocheck(o, "at", jstr(c->at));
	json_array_append_new(ctx, o);
	return 0;
}

static int appeal_id_model(long long appeal, long long incident, void *ctx)
{
	json_array_append_new(ctx, json_integer(appeal ? appeal : incident));
	return 0;
}

json_t *incident_model(Store *st, const Incident *in, int with_claims)
{
	json_t *o = json_object(), *v;
	json_object_set_new_nocheck(o, "id", json_integer(in->id));
	json_object_set_new_nocheck(o, "kind", jstr(in->kind));
	json_object_set_new_nocheck(o, "status", jstr(in->status));
	v = json_object();
	json_object_set_new_nocheck(v, "start", jstr(in->date_start));
	json_object_set_new_nocheck(v, "end", jstr(in->date_end));
	json_object_set_new_nocheck(o, "date", v);
	v = json_object();
	json_object_set_new_nocheck(v, "name", jstr(in->place));
	json_object_set_new_nocheck(v, "country", jstr(in->country));
	json_object_set_new_nocheck(v, "admin1", jstr(in->admin1));
	json_object_set_new_nocheck(v, "admin2", jstr(in->admin2));
	json_object_set_new_nocheck(v, "lat", in->has_coords ? coord_model(in->lat) : json_null());
	json_object_set_new_nocheck(v, "lon", in->has_coords ? coord_model(in->lon) : json_null());
	json_object_set_new_nocheck(v, "geo_precision", num_model(in->geo_precision, 1));
	json_object_set_new_nocheck(v, "record", num_model(in->place_id, 1));
	json_object_set_new_nocheck(o, "place", v);
	json_object_set_new_nocheck(o, "perpetrators", names_model(in->perpetrators));
	json_object_set_new_nocheck(o, "targets", names_model(in->targets));
	json_object_set_new_nocheck(o, "killed", count_model(&in->killed));
	json_object_set_new_nocheck(o, "wounded", count_model(&in->wounded));
	json_object_set_new_nocheck(o, "detained", count_model(&in->detained));
	json_object_set_new_nocheck(o, "sources", json_integer(in->sources));
	json_object_set_new_nocheck(o, "independent", json_integer(in->independent));
	json_object_set_new_nocheck(o, "description", jstr(in->description));
	if (in->threat) {
		v = json_object();
		json_object_set_new_nocheck(v, "state", jstr(in->threat));
		json_object_set_new_nocheck(v, "announced", jstr(in->announced));
		json_object_set_new_nocheck(v, "due", jstr(in->due));
		json_object_set_new_nocheck(v, "fulfilled_by", num_model(in->fulfilled_by, 1));
		json_object_set_new_nocheck(v, "note", jstr(in->threat_note));
		json_object_set_new_nocheck(o, "threat", v);
	} else
		json_object_set_new_nocheck(o, "threat", json_null());
	json_object_set_new_nocheck(o, "merged_into", num_model(in->merged_into, 1));
	json_object_set_new_nocheck(o, "created_at", jstr(in->created_at));
	json_object_set_new_nocheck(o, "updated_at", jstr(in->updated_at));
	if (with_claims) {
		json_t *appeals = json_array(), *claims = json_array();
		store_appeal_links_each(st, 0, in->id, appeal_id_model, appeals);
		store_claims_each(st, in->id, claim_model, claims);
		json_object_set_new_nocheck(o, "appeals", appeals);
		json_object_set_new_nocheck(o, "claims", claims);
	}
	return o;
}

void incident_label(Blob *out, json_t *inc)
{
	const char *kind = js(inc, "kind"), *place = js(jo(inc, "place"), "name");
	const char *date = js(jo(inc, "date"), "start"), *end = js(jo(inc, "date"), "end");
	int threat = js(inc, "status") && strcmp(js(inc, "status"), "threatened") == 0;
	if (threat)
		blob_appendf(out, "Threatened %s", kind ? kind : "incident");
	else if (kind && *kind)
		blob_appendf(out, "%c%s", kind[0] >= 'a' && kind[0] <= 'z' ? kind[0] - 32 : kind[0], kind + 1);
	else
		blob_puts(out, "Incident");
	if (place && *place)
		blob_appendf(out, " at %s", place);
	if (date)
		blob_appendf(out, ", %s%s%s", date, end ? " to " : "", end ? end : "");
}

void count_text(Blob *out, json_t *c, int with_sources)
{
	if (!json_is_object(c))
		return;
	long long min = ji(c, "min"), max = json_is_integer(jo(c, "max")) ? ji(c, "max") : -1;
	if (max > min)
		blob_appendf(out, "%lld–%lld", min, max);
	else
		blob_appendf(out, "%lld", min);
	if (json_is_true(jo(c, "open")))
		blob_putc(out, '+');
	if (!with_sources)
		return;
	long long s = ji(c, "sources"), ind = ji(c, "independent");
	if (json_is_true(jo(c, "edited")))
		blob_appendf(out, " (edited; %lld source%s)", s, s == 1 ? "" : "s");
	else if (s)
		blob_appendf(out, " (%lld source%s, %lld independent)", s, s == 1 ? "" : "s", ind);
}

/* --- the list -------------------------------------------------------------------------- */

typedef struct ListCtx {
	Store *st;
	json_t *rows;
	int n, limit;
} ListCtx;

static int list_one(const Incident *in, void *ctx)
{
	ListCtx *l = ctx;
	if (l->n++ < l->limit)
		json_array_append_new(l->rows, incident_model(l->st, in, 0));
	return 0;
}

/* 1 when s is NULL, empty or one of the kinds. */
static int kind_ok(const char *s)
{
	if (!s || !*s)
		return 1;
	for (int i = 0; incident_kinds[i]; i++)
		if (strcmp(s, incident_kinds[i]) == 0)
			return 1;
	return 0;
}

/* An argument, NULL when empty. */
static const char *arg_or_null(Req *q, const char *name)
{
	const char *s = req_query(q, name);
	return s && *s ? s : NULL;
}

int page_incidents(Req *q)
{
	IncidentFilter f = {0};
	f.kind = arg_or_null(q, "kind");
	f.status = arg_or_null(q, "status");
	f.place = arg_or_null(q, "place");
	f.actor = arg_or_null(q, "actor");
	f.since = arg_or_null(q, "since");
	f.until = arg_or_null(q, "until");
	if (!kind_ok(f.kind))
		return req_error(q, 400, "%s is not a kind of incident", f.kind);
	if (f.status && strcmp(f.status, "occurred") != 0 && strcmp(f.status, "threatened") != 0)
		return req_error(q, 400, "the status is occurred or threatened");
	if ((f.since && !iso_date_valid(f.since)) || (f.until && !iso_date_valid(f.until)))
		return req_error(q, 400, "dates are written 2021, 2021-06 or 2021-06-12");
	if ((f.place && strlen(f.place) > 200) || (f.actor && strlen(f.actor) > 200))
		return req_error(q, 400, "a place or actor of at most 200 characters");
	long long page = req_int(q, "page", 1);
	if (page > 100000)
		page = 100000;
	f.newest_first = 1;
	f.limit = PAGE_SIZE + 1;
	f.offset = (page - 1) * PAGE_SIZE;
	ListCtx l = {q->st, json_array(), 0, PAGE_SIZE};
	if (store_incidents_each(q->st, &f, list_one, &l) != 0) {
		json_decref(l.rows);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	json_t *filters = json_object();
	json_object_set_new_nocheck(filters, "kind", jstr(f.kind));
	json_object_set_new_nocheck(filters, "status", jstr(f.status));
	json_object_set_new_nocheck(filters, "place", jstr(f.place));
	json_object_set_new_nocheck(filters, "actor", jstr(f.actor));
	json_object_set_new_nocheck(filters, "since", jstr(f.since));
	json_object_set_new_nocheck(filters, "until", jstr(f.until));
	q->data = json_object();
	json_object_set_new_nocheck(q->data, "filters", filters);
	json_object_set_new_nocheck(q->data, "page", json_integer(page));
	json_object_set_new_nocheck(q->data, "next", json_boolean(l.n > PAGE_SIZE));
	json_object_set_new_nocheck(q->data, "incidents", l.rows);
	return 200;
}

/* A <select> over a NULL-terminated list with "any" first. */
static void select_of(Blob *out, const char *name, const char *label, const char *const *options,
                      const char *chosen)
{
	html_appendf(out, "<label>%s <select name=\"%s\"><option value=\"\">any</option>", label, name);
	for (int i = 0; options[i]; i++) {
		if (chosen && strcmp(chosen, options[i]) == 0)
			html_appendf(out, "<option selected>%s</option>", options[i]);
		else
			html_appendf(out, "<option>%s</option>", options[i]);
	}
	html_appendf(out, "</select></label>");
}

/* A table of incidents (list, overview). */
void incidents_table(Blob *out, json_t *rows)
{
	json_t *in;
	size_t i;
	html_appendf(out, "<table class=\"list incidents\"><thead><tr><th>Date</th><th>Incident</th>"
	                  "<th>Alleged perpetrators</th><th class=\"num\">Killed</th><th class=\"num\">Wounded</th>"
	                  "<th class=\"num\">Sources</th></tr></thead><tbody>");
	json_array_foreach(rows, i, in) {
		Blob label = BLOB_INIT, k = BLOB_INIT, w = BLOB_INIT, perp = BLOB_INIT;
		incident_label(&label, in);
		count_text(&k, jo(in, "killed"), 0);
		count_text(&w, jo(in, "wounded"), 0);
		json_t *p;
		size_t j;
		json_array_foreach(jo(in, "perpetrators"), j, p)
			blob_appendf(&perp, "%s%s", j ? "; " : "", json_string_value(p));
		const char *threat = js(jo(in, "threat"), "state");
		html_appendf(out, "<tr><td class=\"date\">%s</td><td><a href=\"/incident/%lld\">%s</a>",
		             js(jo(in, "date"), "start") ? js(jo(in, "date"), "start") : "?", ji(in, "id"),
		             blob_str(&label));
		if (threat)
			html_appendf(out, " <span class=\"state %s\">threat %s</span>", threat, threat);
		html_appendf(out, "</td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
		                  "<td class=\"num\">%lld</td></tr>",
		             blob_str(&perp), blob_str(&k), blob_str(&w), ji(in, "sources"));
		blob_free(&label);
		blob_free(&k);
		blob_free(&w);
		blob_free(&perp);
	}
	html_appendf(out, "</tbody></table>");
}

void view_incidents(Req *q, Blob *out)
{
	json_t *f = jo(q->data, "filters"), *rows = jo(q->data, "incidents");
	static const char *const statuses[] = {"occurred", "threatened", NULL};
	blob_puts(&q->title, "Incidents");
	html_appendf(out, "<h1>Incidents</h1><form class=\"filters\" method=\"get\" action=\"/incidents\">");
	select_of(out, "kind", "Kind", incident_kinds, js(f, "kind"));
	select_of(out, "status", "Status", statuses, js(f, "status"));
	html_appendf(out, "<label>Place <input type=\"text\" name=\"place\" value=\"%s\" size=\"14\"></label>"
	                  "<label>Actor <input type=\"text\" name=\"actor\" value=\"%s\" size=\"14\"></label>"
	                  "<label>From <input type=\"text\" name=\"since\" value=\"%s\" placeholder=\"2021-06\" size=\"10\"></label>"
	                  "<label>To <input type=\"text\" name=\"until\" value=\"%s\" placeholder=\"2021-12-31\" size=\"10\"></label>"
	                  "<button type=\"submit\">Show</button> <a href=\"/incidents\">clear</a></form>",
	             js(f, "place") ? js(f, "place") : "", js(f, "actor") ? js(f, "actor") : "",
	             js(f, "since") ? js(f, "since") : "", js(f, "until") ? js(f, "until") : "");
	if (!json_array_size(rows)) {
		html_appendf(out, "<p class=\"empty\">No incident matches.</p>");
		return;
	}
	incidents_table(out, rows);
	page_pager(q, out, "/incidents", q->data);
	/* the same selection as files (the export has no actor or status filter: left out) */
	static const char *const formats[][2] = {
		{"/export.csv", "CSV (ACLED columns)"}, {"/export.json", "JSON"}, {"/export.geojson", "GeoJSON"}};
	html_appendf(out, "<p class=\"downloads\">Download these incidents: ");
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		html_appendf(out, "%s<a href=\"", i ? " · " : "");
		page_href(out, formats[i][0], "kind", js(f, "kind"), "place", js(f, "place"), "since", js(f, "since"),
		          "until", js(f, "until"), NULL);
		html_appendf(out, "\">%s</a>", formats[i][1]);
	}
	html_appendf(out, " · feeds: <a href=\"/feed/incidents.atom\">incidents</a>, "
	                  "<a href=\"/feed/threats.atom\">threats</a> (Atom)</p>");
}

/* --- one incident ---------------------------------------------------------------------- */

/* The cleaned texts and titles of the reports an incident cites, read once each. */
typedef struct ReportCache {
	long long id[32];
	Blob text[32];
	json_t *meta[32];
	int n;
} ReportCache;

/* The cache slot of a report, reading it the first time (NULL when it cannot be read). */
static int cache_get(Store *st, ReportCache *c, long long id)
{
	for (int i = 0; i < c->n; i++)
		if (c->id[i] == id)
			return i;
	if (c->n == 32)
		return -1;
	int i = c->n;
	ReportSource r;
	memset(&c->text[i], 0, sizeof c->text[i]);
	if (store_report_source(st, id, &r, &c->text[i]) != 1) {
		blob_free(&c->text[i]);
		return -1;
	}
	c->meta[i] = json_object();
	json_object_set_new_nocheck(c->meta[i], "title", jstr(r.title));
	json_object_set_new_nocheck(c->meta[i], "publisher", jstr(r.publisher));
	json_object_set_new_nocheck(c->meta[i], "published", jstr(r.published));
	json_object_set_new_nocheck(c->meta[i], "source", jstr(r.source));
	report_source_free(&r);
	c->id[i] = id;
	c->n++;
	return i;
}

static void cache_free(ReportCache *c)
{
	for (int i = 0; i < c->n; i++) {
		blob_free(&c->text[i]);
		json_decref(c->meta[i]);
	}
}

/* Up to CONTEXT bytes before s and after e, cut at a space and a UTF-8 boundary. */
static void context_of(const char *text, size_t len, size_t s, size_t e, json_t *src)
{
	size_t a = s > CONTEXT ? s - CONTEXT : 0, b = e + CONTEXT < len ? e + CONTEXT : len;
	if (a > 0) {
		while (a < s && text[a] != ' ' && text[a] != '\n')
			a++;
		while (a < s && (text[a] == ' ' || text[a] == '\n'))
			a++;
	}
	if (b < len) {
		while (b > e && text[b] != ' ' && text[b] != '\n')
			b--;
	}
	while (a < s && ((unsigned char)text[a] & 0xC0) == 0x80)
		a++;
	while (b > e && b < len && ((unsigned char)text[b] & 0xC0) == 0x80)
		b--;
	char *before = xstrndup(text + a, s - a), *after = xstrndup(text + e, b - e);
	json_object_set_new_nocheck(src, "before", jstr(before));
	json_object_set_new_nocheck(src, "after", jstr(after));
	json_object_set_new_nocheck(src, "cut_before", json_boolean(a > 0));
	json_object_set_new_nocheck(src, "cut_after", json_boolean(b < len));
	free(before);
	free(after);
}

/* The sources of an incident: one per report and quote, in the order the claims cite
   them, each with its context; every claim gets "source": its number. */
static json_t *sources_of(Store *st, json_t *inc)
{
	json_t *sources = json_array(), *c;
	ReportCache cache;
	size_t i;
	cache.n = 0;
	json_array_foreach(jo(inc, "claims"), i, c) {
		if (!json_is_integer(jo(c, "report")))
			continue;
		long long rid = ji(c, "report");
		const char *quote = js(c, "quote");
		json_t *s;
		size_t k;
		long long found = 0;
		json_array_foreach(sources, k, s) {
			if (ji(s, "report") == rid && ((!quote && !js(s, "quote")) || (quote && js(s, "quote") && strcmp(quote, js(s, "quote")) == 0))) {
				found = (long long)k + 1;
				break;
			}
		}
		if (!found) {
			s = json_object();
			json_object_set_new_nocheck(s, "report", json_integer(rid));
			json_object_set_new_nocheck(s, "group", json_integer(ji(c, "source_group")));
			json_object_set_new_nocheck(s, "quote", jstr(quote));
			int slot = cache_get(st, &cache, rid);
			long long qs = json_is_integer(jo(c, "start")) ? ji(c, "start") : -1;
			long long qe = json_is_integer(jo(c, "end")) ? ji(c, "end") : -1;
			if (slot >= 0) {
				json_object_update(s, cache.meta[slot]);
				Blob *t = &cache.text[slot];
				if (quote_locate(blob_str(t), t->len, quote, &qs, &qe))
					context_of(blob_str(t), t->len, (size_t)qs, (size_t)qe, s);
				else
					qs = qe = -1;
			}
			json_object_set_new_nocheck(s, "start", qs >= 0 ? json_integer(qs) : json_null());
			json_object_set_new_nocheck(s, "end", qe >= 0 ? json_integer(qe) : json_null());
			json_array_append_new(sources, s);
			found = (long long)json_array_size(sources);
		}
		json_object_set_new_nocheck(c, "source", json_integer(found));
	}
	cache_free(&cache);
	return sources;
}

static int history_one(const LedgerEntry *e, void *ctx)
{
	json_t *o = json_object();
	json_object_set_new_nocheck(o, "seq", json_integer(e->seq));
	json_object_set_new_nocheck(o, "at", jstr(e->at));
	json_object_set_new_nocheck(o, "who", jstr(e->who));
	json_object_set_new_nocheck(o, "action", jstr(e->action));
	json_t *payload = json_loads(e->payload ? e->payload : "null", JSON_DECODE_ANY, NULL);
	json_object_set_new_nocheck(o, "payload", payload ? payload : jstr(e->payload));
	json_object_set_new_nocheck(o, "hash", jstr(e->hash));
	json_array_append_new(ctx, o);
	return 0;
}

static int fulfils_one(long long id, void *ctx)
{
	ListCtx *l = ctx;
	Incident in;
	if (store_incident_get(l->st, id, &in) == 1) {
		json_array_append_new(l->rows, incident_model(l->st, &in, 0));
		incident_free(&in);
	}
	return 0;
}

json_t *appeal_model(Store *st, const Appeal *a)
{
	Blob b = BLOB_INIT;
	json_t *o = NULL;
	if (appeal_json(&b, st, a) == 0)
		o = json_loadb(b.data, b.len, 0, NULL);
	blob_free(&b);
	return o ? o : json_object();
}

int page_incident(Req *q)
{
	Incident in;
	int found = store_incident_get(q->st, q->id, &in);
	if (found < 0)
		return req_error(q, 500, "%s", store_error(q->st));
	if (!found)
		return req_error(q, 404, "there is no incident %lld", q->id);
	json_t *inc = incident_model(q->st, &in, 1);
	q->data = json_object();
	json_object_set_new_nocheck(q->data, "incident", inc);
	json_object_set_new_nocheck(q->data, "sources", sources_of(q->st, inc));

	/* the threats this incident carried out; the incident that carried out this threat */
	ListCtx l = {q->st, json_array(), 0, 0};
	store_fulfilled_by(q->st, in.id, fulfils_one, &l);
	json_object_set_new_nocheck(q->data, "fulfils", l.rows);
	if (in.fulfilled_by) {
		Incident by;
		if (store_incident_get(q->st, in.fulfilled_by, &by) == 1) {
			json_object_set_new_nocheck(q->data, "fulfilled_by", incident_model(q->st, &by, 0));
			incident_free(&by);
		}
	}
	/* the appeals about it: the model already lists their numbers */
	json_t *appeals = json_array(), *id;
	size_t i;
	json_array_foreach(jo(inc, "appeals"), i, id) {
		Appeal a;
		if (store_appeal_get(q->st, json_integer_value(id), &a) == 1) {
			json_array_append_new(appeals, appeal_model(q->st, &a));
			appeal_free(&a);
		}
	}
	json_object_set_new_nocheck(q->data, "appeals", appeals);
	json_t *history = json_array();
	char key[48];
	snprintf(key, sizeof key, "incident/%lld", in.id);
	store_ledger_each(q->st, key, 0, history_one, history);
	json_object_set_new_nocheck(q->data, "history", history);
	incident_free(&in);
	return 200;
}

/* The source references of the claims of one field with one value: "[1][3]". */
static void source_refs(Blob *out, json_t *claims, const char *field, json_t *value)
{
	json_t *c;
	size_t i;
	json_array_foreach(claims, i, c) {
		if (!js(c, "field") || strcmp(js(c, "field"), field) != 0 || !json_equal(jo(c, "value"), value))
			continue;
		if (json_is_integer(jo(c, "source")))
			html_appendf(out, " <a class=\"ref\" href=\"#s%lld\">[%lld]</a>", ji(c, "source"), ji(c, "source"));
	}
}

/* A claim's value as text: a count, a date range, a name. */
static void claim_value(Blob *out, json_t *v)
{
	if (json_is_object(v)) {
		long long min = ji(v, "min");
		if (json_is_integer(jo(v, "max")) && ji(v, "max") > min)
			blob_appendf(out, "%lld–%lld", min, ji(v, "max"));
		else if (json_is_integer(jo(v, "max")))
			blob_appendf(out, "%lld", min);
		else
			blob_appendf(out, "%lld+", min);
	} else if (json_is_string(v))
		blob_puts(out, json_string_value(v));
}

/* The claims of a field: each distinct value with the sources that give it, and edits. */
static void field_claims(Blob *out, json_t *claims, const char *field)
{
	json_t *c, *seen = json_array();
	size_t i;
	int any = 0;
	json_array_foreach(claims, i, c) {
		if (!js(c, "field") || strcmp(js(c, "field"), field) != 0)
			continue;
		if (!json_is_integer(jo(c, "report"))) {
			Blob v = BLOB_INIT;
			claim_value(&v, jo(c, "value"));
			if (!any++)
				html_appendf(out, "<ul class=\"claims\">");
			html_appendf(out, "<li class=\"edit\">%s — set by %s: %s <span class=\"meta\">%s</span></li>",
			             v.len ? blob_str(&v) : "(cleared)",
			             js(c, "edited_by"), js(c, "reason") ? js(c, "reason") : "", js(c, "at"));
			blob_free(&v);
			continue;
		}
		json_t *v = jo(c, "value"), *s;
		size_t k;
		int dup = 0;
		json_array_foreach(seen, k, s)
			if (json_equal(s, v))
				dup = 1;
		if (dup)
			continue;
		json_array_append(seen, v);
		Blob t = BLOB_INIT;
		claim_value(&t, v);
		if (!any++)
			html_appendf(out, "<ul class=\"claims\">");
		html_appendf(out, "<li>%s", blob_str(&t));
		source_refs(out, claims, field, v);
		html_appendf(out, "</li>");
		blob_free(&t);
	}
	if (any)
		html_appendf(out, "</ul>");
	json_decref(seen);
}

/* One row of the facts table: the summary value (trusted HTML already escaped in val) and
   the claims behind it. */
static void fact_row(Blob *out, const char *label, const char *value, json_t *claims, const char *field)
{
	html_appendf(out, "<tr><th>%s</th><td><span class=\"value\">%s</span>", label, value && *value ? value : "—");
	field_claims(out, claims, field);
	html_appendf(out, "</td></tr>");
}

/* The forms an editor uses on an incident page. */
static void incident_forms(Req *q, Blob *out, json_t *inc)
{
	long long id = ji(inc, "id");
	const char *const *fields = records_edit_fields;
	html_appendf(out, "<section class=\"editing\"><h2>Correct or combine</h2>"
	                  "<form class=\"inline\" method=\"post\" action=\"/incident/%lld/edit\">", id);
	page_csrf(q, out);
	html_appendf(out, "<label>Field <select name=\"field\">");
	for (int i = 0; fields[i]; i++)
		html_appendf(out, "<option>%s</option>", fields[i]);
	html_appendf(out, "</select></label> <label>Value <input type=\"text\" name=\"value\" size=\"18\" "
	                  "placeholder=\"7, 7-8, 2021-06-12, Camp…\"></label> "
	                  "<label>Reason <input type=\"text\" name=\"reason\" required size=\"24\" "
	                  "placeholder=\"hospital list of 14 June\"></label> <button type=\"submit\">Correct</button></form>"
	                  "<p class=\"hint\">A correction is kept as a claim of yours beside the sources, with its reason; "
	                  "nothing the sources said is lost.</p>"
	                  "<form class=\"inline\" method=\"post\" action=\"/incident/%lld/merge\">", id);
	page_csrf(q, out);
	html_appendf(out, "<label>Incident describing the same event <input type=\"number\" name=\"other\" min=\"1\" "
	                  "required></label> <button type=\"submit\">Merge it into this one</button></form>");
	if (js(jo(inc, "threat"), "state")) {
		html_appendf(out, "<form class=\"inline\" method=\"post\" action=\"/threat/%lld\">", id);
		page_csrf(q, out);
		html_appendf(out, "<label>Outcome <select name=\"state\"><option value=\"fulfilled\">carried out by incident…"
		                  "</option><option>lapsed</option><option>withdrawn</option><option value=\"open\">reopen</option>"
		                  "</select></label> <label>Incident <input type=\"number\" name=\"by\" min=\"1\"></label> "
		                  "<label>Reason <input type=\"text\" name=\"reason\" size=\"20\"></label> "
		                  "<button type=\"submit\">Record</button></form>");
	}
	html_appendf(out, "</section>");
}

/* The names of a JSON array of strings, "; "-separated. */
static void names_text(Blob *out, json_t *a)
{
	json_t *v;
	size_t i;
	json_array_foreach(a, i, v)
		blob_appendf(out, "%s%s", i ? "; " : "", json_string_value(v));
}

/* A ledger entry of an incident's history in words: what was done, from which report, why;
   the payload as JSON for actions this does not know. */
static void history_what(Blob *out, const char *action, json_t *p)
{
	const char *reason = js(p, "reason");
	if (!action)
		action = "?";
	if (strcmp(action, "accept") == 0 && ji(p, "report")) {
		html_appendf(out, "<b>%s</b> proposal %lld read from <a href=\"/report/%lld\">report %lld</a>%s",
		             json_is_true(jo(p, "into")) ? "merged in" : "recorded from", ji(p, "proposal"), ji(p, "report"),
		             ji(p, "report"), json_is_true(jo(p, "auto")) ? " (matched by vigil)" : "");
	} else if (strcmp(action, "edit") == 0) {
		json_t *c;
		size_t i;
		html_appendf(out, "<b>corrected</b> ");
		json_array_foreach(jo(p, "changes"), i, c)
			html_appendf(out, "%s<code>%s</code>", i ? ", " : "", json_string_value(c) ? json_string_value(c) : "");
	} else if (strcmp(action, "merge") == 0) {
		html_appendf(out, "<b>merged</b> incident %lld into <a href=\"/incident/%lld\">incident %lld</a>", ji(p, "from"),
		             ji(p, "into"), ji(p, "into"));
	} else if (strcmp(action, "split") == 0) {
		html_appendf(out, "<b>split</b> from incident %lld into <a href=\"/incident/%lld\">incident %lld</a>", ji(p, "from"),
		             ji(p, "into"), ji(p, "into"));
	} else if (strcmp(action, "threat") == 0) {
		html_appendf(out, "<b>threat %s</b>", js(p, "state") ? js(p, "state") : "");
		if (ji(p, "by"))
			html_appendf(out, " by <a href=\"/incident/%lld\">incident %lld</a>", ji(p, "by"), ji(p, "by"));
	} else {
		char *json = json_dumps(p, JSON_COMPACT | JSON_ENCODE_ANY);
		html_appendf(out, "<b>%s</b> <code>%s</code>", action, json ? json : "");
		free(json);
		return;
	}
	if (reason && *reason)
		html_appendf(out, " — %s", reason);
}

void view_incident(Req *q, Blob *out)
{
	json_t *inc = jo(q->data, "incident"), *claims = jo(inc, "claims"), *threat = jo(inc, "threat");
	long long id = ji(inc, "id");
	Blob label = BLOB_INIT, v = BLOB_INIT;
	incident_label(&label, inc);
	blob_append(&q->title, label.data, label.len);
	html_appendf(out, "<article class=\"incident\"><p class=\"kicker\">%s %lld · %s",
	             threat ? "Threat" : "Incident", id, js(inc, "status"));
	if (threat) {
		html_appendf(out, " · <span class=\"state %s\">%s</span>", js(threat, "state"), js(threat, "state"));
		if (js(threat, "due"))
			html_appendf(out, " · due %s", js(threat, "due"));
	}
	if (json_is_integer(jo(inc, "merged_into")))
		html_appendf(out, " · merged into <a href=\"/incident/%lld\">incident %lld</a>", ji(inc, "merged_into"),
		             ji(inc, "merged_into"));
	html_appendf(out, "</p><h1>%s</h1><table class=\"facts\">", blob_str(&label));

	fact_row(out, "Kind", js(inc, "kind"), claims, "kind");
	fact_row(out, "Status", js(inc, "status"), claims, "status");
	json_t *d = jo(inc, "date");
	blob_reset(&v);
	if (js(d, "start"))
		blob_appendf(&v, "%s%s%s", js(d, "start"), js(d, "end") ? " to " : "", js(d, "end") ? js(d, "end") : "");
	fact_row(out, "Date", blob_str(&v), claims, "date");
	json_t *pl = jo(inc, "place");
	blob_reset(&v);
	if (js(pl, "name")) {
		blob_puts(&v, js(pl, "name"));
		if (js(pl, "admin1"))
			blob_appendf(&v, ", %s", js(pl, "admin1"));
		if (js(pl, "country"))
			blob_appendf(&v, ", %s", js(pl, "country"));
		if (json_is_number(jo(pl, "lat")))
			blob_appendf(&v, " (%.4f, %.4f)", json_number_value(jo(pl, "lat")), json_number_value(jo(pl, "lon")));
	}
	fact_row(out, "Place", blob_str(&v), claims, "place");
	blob_reset(&v);
	names_text(&v, jo(inc, "perpetrators"));
	fact_row(out, "Alleged perpetrators", blob_str(&v), claims, "perpetrator");
	blob_reset(&v);
	names_text(&v, jo(inc, "targets"));
	if (v.len || json_array_size(jo(inc, "targets")))
		fact_row(out, "Targets", blob_str(&v), claims, "target");
	static const char *const counts[][2] = {{"killed", "Killed"}, {"wounded", "Wounded"}, {"detained", "Detained"}};
	for (int k = 0; k < 3; k++) {
		blob_reset(&v);
		count_text(&v, jo(inc, counts[k][0]), 1);
		if (v.len || k < 2)
			fact_row(out, counts[k][1], blob_str(&v), claims, counts[k][0]);
	}
	if (js(inc, "description"))
		fact_row(out, "Description", js(inc, "description"), claims, "description");
	html_appendf(out, "<tr><th>Sources</th><td>%lld report%s, %lld independent</td></tr></table>",
	             ji(inc, "sources"), ji(inc, "sources") == 1 ? "" : "s", ji(inc, "independent"));

	json_t *sources = jo(q->data, "sources"), *s;
	size_t i;
	html_appendf(out, "<section class=\"sources\"><h2>Sources</h2><ol>");
	json_array_foreach(sources, i, s) {
		long long rid = ji(s, "report");
		html_appendf(out, "<li id=\"s%zu\"><p class=\"source\">", i + 1);
		if (json_is_integer(jo(s, "start")))
			html_appendf(out, "<a href=\"/report/%lld?s=%lld&amp;e=%lld#quote\" data-report=\"%lld\">%s</a>", rid,
			             ji(s, "start"), ji(s, "end"), rid, js(s, "title") ? js(s, "title") : "(untitled)");
		else
			html_appendf(out, "<a href=\"/report/%lld\" data-report=\"%lld\">%s</a>", rid, rid,
			             js(s, "title") ? js(s, "title") : "(untitled)");
		html_appendf(out, " <span class=\"meta\">report %lld", rid);
		if (js(s, "publisher"))
			html_appendf(out, " · %s", js(s, "publisher"));
		if (js(s, "published"))
			html_appendf(out, " · %s", js(s, "published"));
		html_appendf(out, " · source group %lld</span></p>", ji(s, "group"));
		if (js(s, "quote")) {
			html_appendf(out, "<blockquote class=\"quote-context\">%s%s<mark>%s</mark>%s%s</blockquote>",
			             json_is_true(jo(s, "cut_before")) ? "…" : "", js(s, "before") ? js(s, "before") : "",
			             js(s, "quote"), js(s, "after") ? js(s, "after") : "",
			             json_is_true(jo(s, "cut_after")) ? "…" : "");
		}
		html_appendf(out, "</li>");
	}
	html_appendf(out, "</ol><p class=\"hint\">Sources in the same group share a publisher or copy one text: "
	                  "they count as one independent source.</p></section>");

	json_t *by = jo(q->data, "fulfilled_by"), *t;
	if (threat) {
		html_appendf(out, "<section><h2>Threat</h2><p>State: <b>%s</b>", js(threat, "state"));
		if (js(threat, "announced"))
			html_appendf(out, " · announced %s", js(threat, "announced"));
		if (js(threat, "due"))
			html_appendf(out, " · due %s", js(threat, "due"));
		if (js(threat, "note"))
			html_appendf(out, " · %s", js(threat, "note"));
		html_appendf(out, "</p>");
		if (by) {
			blob_reset(&v);
			incident_label(&v, by);
			html_appendf(out, "<p>Carried out by <a href=\"/incident/%lld\">%s</a>.</p>", ji(by, "id"), blob_str(&v));
		}
		html_appendf(out, "</section>");
	}
	if (json_array_size(jo(q->data, "fulfils"))) {
		html_appendf(out, "<section><h2>Threats this carried out</h2><ul>");
		json_array_foreach(jo(q->data, "fulfils"), i, t) {
			blob_reset(&v);
			incident_label(&v, t);
			html_appendf(out, "<li><a href=\"/incident/%lld\">%s</a></li>", ji(t, "id"), blob_str(&v));
		}
		html_appendf(out, "</ul></section>");
	}
	if (json_array_size(jo(q->data, "appeals"))) {
		html_appendf(out, "<section><h2>Appeals about it</h2><ul>");
		json_array_foreach(jo(q->data, "appeals"), i, t) {
			blob_reset(&v);
			names_text(&v, jo(t, "to"));
			html_appendf(out, "<li><a href=\"/appeal/%lld\">%s to %s</a>: %s <span class=\"state\">%s</span></li>",
			             ji(t, "id"), js(t, "date") ? js(t, "date") : "undated", blob_str(&v),
			             js(t, "demand") ? js(t, "demand") : "", js(jo(t, "response"), "state"));
		}
		html_appendf(out, "</ul></section>");
	}
	html_appendf(out, "<section class=\"history\"><h2>History</h2><table class=\"list\"><thead><tr><th>#</th>"
	                  "<th>When</th><th>Who</th><th>What</th><th>Entry hash</th></tr></thead><tbody>");
	json_array_foreach(jo(q->data, "history"), i, t) {
		html_appendf(out, "<tr><td>%lld</td><td>%s</td><td>%s</td><td>", ji(t, "seq"), js(t, "at"), js(t, "who"));
		history_what(out, js(t, "action"), jo(t, "payload"));
		html_appendf(out, "</td><td><code>%.12s…</code></td></tr>", js(t, "hash") ? js(t, "hash") : "");
	}
	html_appendf(out, "</tbody></table></section>");
	if (q->role >= ROLE_EDITOR)
		incident_forms(q, out, inc);
	html_appendf(out, "</article>");
	blob_free(&label);
	blob_free(&v);
}

/* Maps a records action's result to an answer. */
int records_answer(Req *q, int rc, Blob *err, const char *done_path)
{
	if (rc == REC_INPUT) {
		req_error(q, 400, "%s", blob_str(err));
		blob_free(err);
		return 400;
	}
	if (rc != REC_OK) {
		req_error(q, 500, "%s", blob_str(err));
		blob_free(err);
		return 500;
	}
	blob_free(err);
	if (!q->data)
		q->data = json_object();
	json_object_set_new_nocheck(q->data, "ok", json_true());
	return req_redirect(q, done_path);
}

int page_incident_edit(Req *q)
{
	const char *field = req_arg(q, "field"), *value = req_arg(q, "value"), *reason = req_arg(q, "reason");
	if (!field || !*field || !reason || !*reason)
		return req_error(q, 400, "give the field, its value and the reason for the correction");
	if (strlen(field) > 40 || (value && strlen(value) > 2000) || strlen(reason) > 2000)
		return req_error(q, 400, "the value or the reason is too long");
	Blob a = BLOB_INIT, err = BLOB_INIT;
	blob_appendf(&a, "%s=%s", field, value ? value : "");
	char *assign[1] = {a.data};
	int rc = records_edit(q->st, q->id, assign, 1, reason, q->user.name, &err);
	blob_free(&a);
	char to[64];
	snprintf(to, sizeof to, "/incident/%lld?msg=edited", q->id);
	return records_answer(q, rc, &err, to);
}

int page_incident_merge(Req *q)
{
	long long other = req_int(q, "other", 0);
	if (!other)
		return req_error(q, 400, "give the number of the incident to merge into this one");
	Blob err = BLOB_INIT;
	int rc = records_merge(q->st, q->id, other, q->user.name, &err);
	char to[64];
	snprintf(to, sizeof to, "/incident/%lld?msg=merged", q->id);
	return records_answer(q, rc, &err, to);
}
