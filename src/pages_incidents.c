/*
** pages_incidents.c — the incidents: the list with its filters (kind, status, place,
** actor, date range) and pages, and one incident with every field and the claims behind
** it — each claim's quote shown in its context in the report, with a link to the very
** sentence — its sources and how independent they are, the threat it is or the threats
** it carried out, the appeals about it and its history from the ledger. Editors correct
** a field (kept as a claim with a reason) and merge incidents here.
**
** The JSON of an incident is the object export.c's incident_json() writes for `vigil
** incident --json` and the exports, so the API, the command line and the files agree:
** the page of one incident writes it with incident_json() itself (from plain structs, see
** "one incident" below); the lists build it as jansson objects with incident_model()
** (web_records.sh checks both against the command line).
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

/* "Shelling at Camp Meridian, 2021-06-12": an incident named by its kind, place and days. */
static void label_text(Blob *out, const char *kind, const char *status, const char *place,
                       const char *date, const char *end)
{
	if (status && strcmp(status, "threatened") == 0)
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

static void label_of(Blob *out, const Incident *in)
{
	label_text(out, in->kind, in->status, in->place, in->date_start, in->date_end);
}

void incident_label(Blob *out, json_t *inc)
{
	label_text(out, js(inc, "kind"), js(inc, "status"), js(jo(inc, "place"), "name"),
	           js(jo(inc, "date"), "start"), js(jo(inc, "date"), "end"));
}

/* "7–8+ (3 sources, 2 independent)": a figure's range, and its sources when asked. */
static void count_of(Blob *out, const Count *c, int with_sources)
{
	if (c->min < 0)
		return;
	if (c->max > c->min)
		blob_appendf(out, "%lld–%lld", c->min, c->max);
	else
		blob_appendf(out, "%lld", c->min);
	if (c->open)
		blob_putc(out, '+');
	if (!with_sources)
		return;
	long long s = c->sources, ind = c->independent;
	if (c->edited)
		blob_appendf(out, " (edited; %lld source%s)", s, s == 1 ? "" : "s");
	else if (s)
		blob_appendf(out, " (%lld source%s, %lld independent)", s, s == 1 ? "" : "s", ind);
}

void count_text(Blob *out, json_t *c, int with_sources)
{
	if (!json_is_object(c))
		return;
	Count k = {ji(c, "min"), json_is_integer(jo(c, "max")) ? ji(c, "max") : -1, json_is_true(jo(c, "open")),
	           (int)ji(c, "sources"), (int)ji(c, "independent"), json_is_true(jo(c, "edited"))};
	count_of(out, &k, with_sources);
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

/* The page of one incident is the most read page and the one the response cache helps
   least (each incident is asked for rarely), so its data is plain structs filled by a few
   statements — the claims come with their reports' title, source and text in one — with
   every string in one arena, and two writers turn them into the HTML page and into its
   JSON twin. The twin is what the JSON model of the page used to be: the incident as
   incident_json() writes it with each claim's source number, the sources with the context
   of their quotes, the threats it carried out, the incident that carried it out, its
   appeals (appeal_json) and its history (web_records.sh checks it against `vigil
   incident --json`). Strings that are not UTF-8 get U+FFFD for each bad byte, as jstr()
   gave the model. */

/* Memory for the strings of one page, released at once. */
typedef struct ArenaChunk {
	struct ArenaChunk *next;
	size_t used, cap;
	char data[];
} ArenaChunk;

typedef struct Arena {
	ArenaChunk *head;
} Arena;

static void *arena_alloc(Arena *a, size_t n)
{
	n = (n + 7) & ~(size_t)7;
	if (!a->head || a->head->cap - a->head->used < n) {
		size_t cap = n > 8000 ? n : 8000;
		ArenaChunk *c = xmalloc(sizeof *c + cap);
		c->next = a->head;
		c->used = 0;
		c->cap = cap;
		a->head = c;
	}
	void *p = a->head->data + a->head->used;
	a->head->used += n;
	return p;
}

static void arena_free(Arena *a)
{
	while (a->head) {
		ArenaChunk *next = a->head->next;
		free(a->head);
		a->head = next;
	}
}

/* A copy of n bytes of s in the arena (NULL for NULL), bad UTF-8 made U+FFFD as jstr() does. */
static const char *arena_strn(Arena *a, const char *s, size_t n)
{
	if (!s)
		return NULL;
	if (!utf8_strict(s, n)) {
		char *raw = xstrndup(s, n);
		json_t *j = jstr(raw);
		free(raw);
		const char *fixed = json_string_value(j);
		const char *r = arena_strn(a, fixed ? fixed : "", fixed ? strlen(fixed) : 0);
		json_decref(j);
		return r;
	}
	char *d = arena_alloc(a, n + 1);
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

static const char *arena_str(Arena *a, const char *s)
{
	return s ? arena_strn(a, s, strlen(s)) : NULL;
}

/* A malloc'd string made valid UTF-8 in place. */
static void fix_utf8(char **sp)
{
	char *s = *sp;
	if (!s || utf8_strict(s, strlen(s)))
		return;
	json_t *j = jstr(s);
	*sp = xstrdup(json_string_value(j) ? json_string_value(j) : "");
	json_decref(j);
	free(s);
}

/* An incident's strings (the store's copies) made valid UTF-8. */
static void incident_fix_utf8(Incident *in)
{
	char **fields[] = {&in->kind, &in->status, &in->date_start, &in->date_end, &in->place, &in->country,
	                   &in->admin1, &in->admin2, &in->perpetrators, &in->targets, &in->description,
	                   &in->threat, &in->announced, &in->due, &in->threat_note, &in->created_at,
	                   &in->updated_at};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		fix_utf8(fields[i]);
}

/* Grows a malloc'd array of *cap elements of size sz to hold one more than n. */
static void *grow(void *p, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 8;
	return xrealloc(p, *cap * sz);
}

typedef struct PageClaim {
	Claim c;          /* its strings in the page's arena */
	long long source; /* the number of its source (1…); 0 for a person's edit */
} PageClaim;

/* A report and quote the claims cite, with the quote's context in the report. */
typedef struct PageSource {
	long long report, group, start, end; /* start, end -1: not known */
	const char *quote, *title, *publisher, *published, *source, *before, *after;
	int read;                            /* the report was read: title… are set */
	int located, cut_before, cut_after;  /* the quote was found: before, after… are set */
} PageSource;

typedef struct PageHistory {
	long long seq;
	const char *at, *who, *action, *payload, *hash;
	json_t *p; /* the payload read (a string of it when it is no JSON) */
	int json;  /* the payload is JSON: written as it is */
} PageHistory;

typedef struct IncidentPage {
	Store *st;
	Arena arena;
	Incident in, by;
	int has_by;
	PageClaim *claims;
	PageSource *sources;
	long long *appeal_ids;
	Incident *fulfils;
	Appeal *appeals;
	PageHistory *history;
	size_t nclaims, nsources, nappeal_ids, nfulfils, nappeals, nhistory;
	size_t capclaims, capsources, capappeal_ids, capfulfils, capappeals, caphistory;
} IncidentPage;

static void incident_page_free(void *p)
{
	IncidentPage *m = p;
	if (!m)
		return;
	incident_free(&m->in);
	if (m->has_by)
		incident_free(&m->by);
	for (size_t i = 0; i < m->nfulfils; i++)
		incident_free(&m->fulfils[i]);
	for (size_t i = 0; i < m->nappeals; i++)
		appeal_free(&m->appeals[i]);
	for (size_t i = 0; i < m->nhistory; i++)
		json_decref(m->history[i].p);
	free(m->claims);
	free(m->sources);
	free(m->appeal_ids);
	free(m->fulfils);
	free(m->appeals);
	free(m->history);
	arena_free(&m->arena);
	free(m);
}

/* Up to CONTEXT bytes before s and after e, cut at a space and a UTF-8 boundary. */
static void context_of(Arena *ar, const char *text, size_t len, size_t s, size_t e, PageSource *src)
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
	/* as C strings: a NUL in the text ends them, as it ended the model's copies */
	src->before = arena_strn(ar, text + a, strnlen(text + a, s - a));
	src->after = arena_strn(ar, text + e, strnlen(text + e, b - e));
	src->cut_before = a > 0;
	src->cut_after = b < len;
	src->located = 1;
}

/* One claim of the page; a claim citing a report and quote not seen yet adds a source,
   read from the report's text the statement gave with it. */
static int page_claim(const Claim *c, const ClaimReport *r, void *ctx)
{
	IncidentPage *m = ctx;
	Arena *a = &m->arena;
	m->claims = grow(m->claims, m->nclaims, &m->capclaims, sizeof *m->claims);
	PageClaim *pc = &m->claims[m->nclaims++];
	pc->c = *c;
	pc->c.field = (char *)arena_str(a, c->field);
	pc->c.value = (char *)arena_str(a, c->value);
	pc->c.extra = NULL; /* neither page nor twin shows it */
	pc->c.quote = (char *)arena_str(a, c->quote);
	pc->c.publisher = (char *)arena_str(a, c->publisher);
	pc->c.published = (char *)arena_str(a, c->published);
	pc->c.title = NULL;
	pc->c.who = (char *)arena_str(a, c->who);
	pc->c.reason = (char *)arena_str(a, c->reason);
	pc->c.at = (char *)arena_str(a, c->at);
	pc->source = 0;
	if (!c->report_id)
		return 0;
	const char *quote = pc->c.quote;
	for (size_t k = 0; k < m->nsources; k++) {
		const PageSource *s = &m->sources[k];
		if (s->report == c->report_id &&
		    ((!quote && !s->quote) || (quote && s->quote && strcmp(quote, s->quote) == 0))) {
			pc->source = (long long)k + 1;
			return 0;
		}
	}
	m->sources = grow(m->sources, m->nsources, &m->capsources, sizeof *m->sources);
	PageSource *s = &m->sources[m->nsources++];
	memset(s, 0, sizeof *s);
	s->report = c->report_id;
	s->group = c->group;
	s->quote = quote;
	s->start = c->start >= 0 ? c->start : -1;
	s->end = c->end >= 0 ? c->end : -1;
	if (r->text) {
		s->read = 1;
		s->title = arena_str(a, r->title);
		s->publisher = pc->c.publisher;
		s->published = pc->c.published;
		s->source = arena_str(a, r->source);
		if (quote_locate(r->text, r->text_len, quote, &s->start, &s->end))
			context_of(a, r->text, r->text_len, (size_t)s->start, (size_t)s->end, s);
		else
			s->start = s->end = -1;
	}
	pc->source = (long long)m->nsources;
	return 0;
}

static int page_appeal_id(long long appeal, long long incident, void *ctx)
{
	IncidentPage *m = ctx;
	m->appeal_ids = grow(m->appeal_ids, m->nappeal_ids, &m->capappeal_ids, sizeof *m->appeal_ids);
	m->appeal_ids[m->nappeal_ids++] = appeal ? appeal : incident;
	return 0;
}

static int page_fulfils(long long id, void *ctx)
{
	IncidentPage *m = ctx;
	m->fulfils = grow(m->fulfils, m->nfulfils, &m->capfulfils, sizeof *m->fulfils);
	if (store_incident_get(m->st, id, &m->fulfils[m->nfulfils]) == 1)
		incident_fix_utf8(&m->fulfils[m->nfulfils++]);
	return 0;
}

static int page_history(const LedgerEntry *e, void *ctx)
{
	IncidentPage *m = ctx;
	Arena *a = &m->arena;
	m->history = grow(m->history, m->nhistory, &m->caphistory, sizeof *m->history);
	PageHistory *h = &m->history[m->nhistory++];
	h->seq = e->seq;
	h->at = arena_str(a, e->at);
	h->who = arena_str(a, e->who);
	h->action = arena_str(a, e->action);
	h->payload = arena_str(a, e->payload);
	h->hash = arena_str(a, e->hash);
	h->p = json_loads(e->payload ? e->payload : "null", JSON_DECODE_ANY, NULL);
	h->json = h->p != NULL;
	if (!h->p)
		h->p = jstr(e->payload);
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

/* An incident as incident_json() writes it; with claims, each claim gets its "source". */
static void incident_page_json_incident(Blob *b, Store *st, const IncidentPage *m, const Incident *in, int with_claims)
{
	size_t at = b->len;
	if (incident_json(b, st, in, 0) != 0) {
		blob_truncate(b, at);
		blob_puts(b, "{}");
		return;
	}
	if (!with_claims)
		return;
	blob_truncate(b, b->len - 1); /* its closing brace */
	blob_puts(b, ",\"appeals\":[");
	for (size_t i = 0; i < m->nappeal_ids; i++)
		blob_appendf(b, "%s%lld", i ? "," : "", m->appeal_ids[i]);
	blob_puts(b, "],\"claims\":[");
	for (size_t i = 0; i < m->nclaims; i++) {
		claim_json(&m->claims[i].c, b);
		if (m->claims[i].source) {
			blob_truncate(b, b->len - 1);
			blob_appendf(b, ",\"source\":%lld}", m->claims[i].source);
		}
	}
	blob_puts(b, "]}");
}

/* The JSON twin of the page. */
static void incident_page_json(Blob *b, Store *st, const IncidentPage *m)
{
	blob_puts(b, "{\"incident\":");
	incident_page_json_incident(b, st, m, &m->in, 1);
	blob_puts(b, ",\"sources\":[");
	for (size_t i = 0; i < m->nsources; i++) {
		const PageSource *s = &m->sources[i];
		blob_appendf(b, "%s{\"report\":%lld,\"group\":%lld,\"quote\":", i ? "," : "", s->report, s->group);
		blob_json_str(b, s->quote);
		if (s->read) {
			blob_json_field(b, "title", s->title);
			blob_json_field(b, "publisher", s->publisher);
			blob_json_field(b, "published", s->published);
			blob_json_field(b, "source", s->source);
		}
		if (s->located) {
			blob_json_field(b, "before", s->before);
			blob_json_field(b, "after", s->after);
			blob_puts(b, s->cut_before ? ",\"cut_before\":true" : ",\"cut_before\":false");
			blob_puts(b, s->cut_after ? ",\"cut_after\":true" : ",\"cut_after\":false");
		}
		blob_puts(b, ",\"start\":");
		blob_json_num(b, s->start, 0);
		blob_puts(b, ",\"end\":");
		blob_json_num(b, s->end, 0);
		blob_putc(b, '}');
	}
	blob_puts(b, "],\"fulfils\":[");
	for (size_t i = 0; i < m->nfulfils; i++) {
		if (i)
			blob_putc(b, ',');
		incident_page_json_incident(b, st, m, &m->fulfils[i], 0);
	}
	blob_putc(b, ']');
	if (m->has_by) {
		blob_puts(b, ",\"fulfilled_by\":");
		incident_page_json_incident(b, st, m, &m->by, 0);
	}
	blob_puts(b, ",\"appeals\":[");
	for (size_t i = 0; i < m->nappeals; i++) {
		if (i)
			blob_putc(b, ',');
		size_t at = b->len;
		if (appeal_json(b, st, &m->appeals[i]) != 0) {
			blob_truncate(b, at);
			blob_puts(b, "{}");
		}
	}
	blob_puts(b, "],\"history\":[");
	for (size_t i = 0; i < m->nhistory; i++) {
		const PageHistory *h = &m->history[i];
		blob_appendf(b, "%s{\"seq\":%lld,\"at\":", i ? "," : "", h->seq);
		blob_json_str(b, h->at);
		blob_json_field(b, "who", h->who);
		blob_json_field(b, "action", h->action);
		blob_puts(b, ",\"payload\":");
		if (h->json)
			blob_puts(b, h->payload);
		else
			blob_json_str(b, h->payload);
		blob_json_field(b, "hash", h->hash);
		blob_putc(b, '}');
	}
	blob_puts(b, "]}\n");
}

int page_incident(Req *q)
{
	IncidentPage *m = xcalloc(1, sizeof *m);
	m->st = q->st;
	int found = store_incident_get(q->st, q->id, &m->in);
	if (found != 1) {
		free(m);
		if (found < 0)
			return req_error(q, 500, "%s", store_error(q->st));
		return req_error(q, 404, "there is no incident %lld", q->id);
	}
	incident_fix_utf8(&m->in);
	long long id = m->in.id;
	if (store_appeal_links_each(q->st, 0, id, page_appeal_id, m) != 0 ||
	    store_claims_with_reports(q->st, id, page_claim, m) != 0 || store_fulfilled_by(q->st, id, page_fulfils, m) != 0) {
		incident_page_free(m);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	/* the incident that carried out this threat */
	if (m->in.fulfilled_by && store_incident_get(q->st, m->in.fulfilled_by, &m->by) == 1) {
		m->has_by = 1;
		incident_fix_utf8(&m->by);
	}
	/* the appeals about it */
	for (size_t i = 0; i < m->nappeal_ids; i++) {
		m->appeals = grow(m->appeals, m->nappeals, &m->capappeals, sizeof *m->appeals);
		Appeal *a = &m->appeals[m->nappeals];
		if (store_appeal_get(q->st, m->appeal_ids[i], a) == 1) {
			fix_utf8(&a->date);
			fix_utf8(&a->to);
			fix_utf8(&a->demand);
			fix_utf8(&a->response);
			m->nappeals++;
		}
	}
	char key[48];
	snprintf(key, sizeof key, "incident/%lld", id);
	store_ledger_each(q->st, key, 0, page_history, m);
	if (q->api) {
		/* the twin is written here; nothing is left for a view */
		incident_page_json(&q->body, q->st, m);
		q->ctype = "application/json";
		incident_page_free(m);
		return 200;
	}
	q->model = m;
	q->model_free = incident_page_free;
	return 200;
}

/* Whether two claims give the same value: the same text, or the same count. A claim
   without a value matches none (the JSON model compared nothing for it). */
static int same_value(const Claim *a, const Claim *b)
{
	if (a->value || b->value)
		return a->value && b->value && strcmp(a->value, b->value) == 0;
	if (a->min < 0 || b->min < 0)
		return 0;
	return a->min == b->min && (a->max < 0 ? -1 : a->max) == (b->max < 0 ? -1 : b->max);
}

/* A claim's value as text: a count, a date range, a name. */
static void claim_value(Blob *out, const Claim *c)
{
	if (c->value)
		blob_puts(out, c->value);
	else if (c->min >= 0) {
		if (c->max >= 0 && c->max > c->min)
			blob_appendf(out, "%lld–%lld", c->min, c->max);
		else if (c->max >= 0)
			blob_appendf(out, "%lld", c->min);
		else
			blob_appendf(out, "%lld+", c->min);
	}
}

/* The source references of the claims of one field with one value: "[1][3]". */
static void source_refs(Blob *out, const IncidentPage *m, const char *field, const Claim *value)
{
	for (size_t i = 0; i < m->nclaims; i++) {
		const PageClaim *c = &m->claims[i];
		if (!c->c.field || strcmp(c->c.field, field) != 0 || !same_value(&c->c, value))
			continue;
		if (c->source)
			html_appendf(out, " <a class=\"ref\" href=\"#s%lld\">[%lld]</a>", c->source, c->source);
	}
}

/* The claims of a field: each distinct value with the sources that give it, and edits. */
static void field_claims(Blob *out, const IncidentPage *m, const char *field)
{
	int any = 0;
	for (size_t i = 0; i < m->nclaims; i++) {
		const Claim *c = &m->claims[i].c;
		if (!c->field || strcmp(c->field, field) != 0)
			continue;
		if (!c->report_id) {
			Blob v = BLOB_INIT;
			claim_value(&v, c);
			if (!any++)
				html_appendf(out, "<ul class=\"claims\">");
			html_appendf(out, "<li class=\"edit\">%s — set by %s: %s <span class=\"meta\">%s</span></li>",
			             v.len ? blob_str(&v) : "(cleared)", c->who, c->reason ? c->reason : "", c->at);
			blob_free(&v);
			continue;
		}
		int dup = 0;
		for (size_t k = 0; k < i && !dup; k++) {
			const Claim *e = &m->claims[k].c;
			dup = e->report_id && e->field && strcmp(e->field, field) == 0 && same_value(e, c);
		}
		if (dup)
			continue;
		Blob t = BLOB_INIT;
		claim_value(&t, c);
		if (!any++)
			html_appendf(out, "<ul class=\"claims\">");
		html_appendf(out, "<li>%s", blob_str(&t));
		source_refs(out, m, field, c);
		html_appendf(out, "</li>");
		blob_free(&t);
	}
	if (any)
		html_appendf(out, "</ul>");
}

/* One row of the facts table: the summary value and the claims behind it. */
static void fact_row(Blob *out, const char *label, const char *value, const IncidentPage *m, const char *field)
{
	html_appendf(out, "<tr><th>%s</th><td><span class=\"value\">%s</span>", label, value && *value ? value : "—");
	field_claims(out, m, field);
	html_appendf(out, "</td></tr>");
}

/* The forms an editor uses on an incident page. */
static void incident_forms(Req *q, Blob *out, const Incident *in)
{
	long long id = in->id;
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
	if (in->threat) {
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

/* A "; "-separated list of names written "; "-separated, as its JSON array was. */
static void names_of(Blob *out, const char *list)
{
	const char *s = list;
	int first = 1;
	while (s && *s) {
		const char *e = strstr(s, "; ");
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (!first)
			blob_puts(out, "; ");
		blob_append(out, s, n);
		first = 0;
		s += n + (e ? 2 : 0);
	}
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

/* The view of page_incident's structs. */
void view_incident(Req *q, Blob *out)
{
	const IncidentPage *m = q->model;
	const Incident *in = &m->in;
	long long id = in->id;
	Blob label = BLOB_INIT, v = BLOB_INIT;
	blob_reserve(out, 8192); /* most pages are 4-8 kB: grown once rather than seven times */
	label_of(&label, in);
	blob_append(&q->title, label.data, label.len);
	html_appendf(out, "<article class=\"incident\"><p class=\"kicker\">%s %lld · %s",
	             in->threat ? "Threat" : "Incident", id, in->status);
	if (in->threat) {
		html_appendf(out, " · <span class=\"state %s\">%s</span>", in->threat, in->threat);
		if (in->due)
			html_appendf(out, " · due %s", in->due);
	}
	if (in->merged_into >= 1)
		html_appendf(out, " · merged into <a href=\"/incident/%lld\">incident %lld</a>", in->merged_into,
		             in->merged_into);
	html_appendf(out, "</p><h1>%s</h1><table class=\"facts\">", blob_str(&label));

	fact_row(out, "Kind", in->kind, m, "kind");
	fact_row(out, "Status", in->status, m, "status");
	blob_reset(&v);
	if (in->date_start)
		blob_appendf(&v, "%s%s%s", in->date_start, in->date_end ? " to " : "", in->date_end ? in->date_end : "");
	fact_row(out, "Date", blob_str(&v), m, "date");
	blob_reset(&v);
	if (in->place) {
		blob_puts(&v, in->place);
		if (in->admin1)
			blob_appendf(&v, ", %s", in->admin1);
		if (in->country)
			blob_appendf(&v, ", %s", in->country);
		if (in->has_coords) {
			/* the six decimals the JSON carries, shown with four */
			char lat[48], lon[48];
			snprintf(lat, sizeof lat, "%.6f", in->lat);
			snprintf(lon, sizeof lon, "%.6f", in->lon);
			blob_appendf(&v, " (%.4f, %.4f)", strtod(lat, NULL), strtod(lon, NULL));
		}
	}
	fact_row(out, "Place", blob_str(&v), m, "place");
	blob_reset(&v);
	names_of(&v, in->perpetrators);
	fact_row(out, "Alleged perpetrators", blob_str(&v), m, "perpetrator");
	blob_reset(&v);
	names_of(&v, in->targets);
	if (v.len || (in->targets && *in->targets))
		fact_row(out, "Targets", blob_str(&v), m, "target");
	const Count *counts[] = {&in->killed, &in->wounded, &in->detained};
	static const char *const names[][2] = {{"killed", "Killed"}, {"wounded", "Wounded"}, {"detained", "Detained"}};
	for (int k = 0; k < 3; k++) {
		blob_reset(&v);
		count_of(&v, counts[k], 1);
		if (v.len || k < 2)
			fact_row(out, names[k][1], blob_str(&v), m, names[k][0]);
	}
	if (in->description)
		fact_row(out, "Description", in->description, m, "description");
	html_appendf(out, "<tr><th>Sources</th><td>%d report%s, %d independent</td></tr></table>", in->sources,
	             in->sources == 1 ? "" : "s", in->independent);

	html_appendf(out, "<section class=\"sources\"><h2>Sources</h2><ol>");
	for (size_t i = 0; i < m->nsources; i++) {
		const PageSource *s = &m->sources[i];
		long long rid = s->report;
		html_appendf(out, "<li id=\"s%zu\"><p class=\"source\">", i + 1);
		if (s->start >= 0)
			html_appendf(out, "<a href=\"/report/%lld?s=%lld&amp;e=%lld#quote\" data-report=\"%lld\">%s</a>", rid,
			             s->start, s->end >= 0 ? s->end : 0, rid, s->title ? s->title : "(untitled)");
		else
			html_appendf(out, "<a href=\"/report/%lld\" data-report=\"%lld\">%s</a>", rid, rid,
			             s->title ? s->title : "(untitled)");
		html_appendf(out, " <span class=\"meta\">report %lld", rid);
		if (s->publisher)
			html_appendf(out, " · %s", s->publisher);
		if (s->published)
			html_appendf(out, " · %s", s->published);
		html_appendf(out, " · source group %lld</span></p>", s->group);
		if (s->quote) {
			html_appendf(out, "<blockquote class=\"quote-context\">%s%s<mark>%s</mark>%s%s</blockquote>",
			             s->cut_before ? "…" : "", s->before ? s->before : "", s->quote, s->after ? s->after : "",
			             s->cut_after ? "…" : "");
		}
		html_appendf(out, "</li>");
	}
	html_appendf(out, "</ol><p class=\"hint\">Sources in the same group share a publisher or copy one text: "
	                  "they count as one independent source.</p></section>");

	if (in->threat) {
		html_appendf(out, "<section><h2>Threat</h2><p>State: <b>%s</b>", in->threat);
		if (in->announced)
			html_appendf(out, " · announced %s", in->announced);
		if (in->due)
			html_appendf(out, " · due %s", in->due);
		if (in->threat_note)
			html_appendf(out, " · %s", in->threat_note);
		html_appendf(out, "</p>");
		if (m->has_by) {
			blob_reset(&v);
			label_of(&v, &m->by);
			html_appendf(out, "<p>Carried out by <a href=\"/incident/%lld\">%s</a>.</p>", m->by.id, blob_str(&v));
		}
		html_appendf(out, "</section>");
	}
	if (m->nfulfils) {
		html_appendf(out, "<section><h2>Threats this carried out</h2><ul>");
		for (size_t i = 0; i < m->nfulfils; i++) {
			blob_reset(&v);
			label_of(&v, &m->fulfils[i]);
			html_appendf(out, "<li><a href=\"/incident/%lld\">%s</a></li>", m->fulfils[i].id, blob_str(&v));
		}
		html_appendf(out, "</ul></section>");
	}
	if (m->nappeals) {
		html_appendf(out, "<section><h2>Appeals about it</h2><ul>");
		for (size_t i = 0; i < m->nappeals; i++) {
			const Appeal *a = &m->appeals[i];
			blob_reset(&v);
			names_of(&v, a->to);
			html_appendf(out, "<li><a href=\"/appeal/%lld\">%s to %s</a>: %s <span class=\"state\">%s</span></li>",
			             a->id, a->date ? a->date : "undated", blob_str(&v), a->demand ? a->demand : "", a->response);
		}
		html_appendf(out, "</ul></section>");
	}
	html_appendf(out, "<section class=\"history\"><h2>History</h2><table class=\"list\"><thead><tr><th>#</th>"
	                  "<th>When</th><th>Who</th><th>What</th><th>Entry hash</th></tr></thead><tbody>");
	for (size_t i = 0; i < m->nhistory; i++) {
		const PageHistory *h = &m->history[i];
		html_appendf(out, "<tr><td>%lld</td><td>%s</td><td>%s</td><td>", h->seq, h->at, h->who);
		history_what(out, h->action, json_is_null(h->p) ? NULL : h->p);
		html_appendf(out, "</td><td><code>%.12s…</code></td></tr>", h->hash ? h->hash : "");
	}
	html_appendf(out, "</tbody></table></section>");
	if (q->role >= ROLE_EDITOR)
		incident_forms(q, out, in);
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
