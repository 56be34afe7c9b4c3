/*
** pages_places.c — places (a table and a plot of their coordinates drawn as SVG, no map
** tiles), actors (with aliases and the incidents naming them), and population facts:
** how many people lived where, with what legal status, by date and source.
*/
#include "svg.h"
#include "util.h"
#include "web.h"

#include <string.h>

static int place_one(const Place *p, void *ctx)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "name", jstr(p->name));
	json_object_set_new(o, "aliases", jstr(p->aliases));
	json_object_set_new(o, "country", jstr(p->country));
	json_object_set_new(o, "admin1", jstr(p->admin1));
	json_object_set_new(o, "admin2", jstr(p->admin2));
	json_object_set_new(o, "lat", p->has_coords ? json_real(p->lat) : json_null());
	json_object_set_new(o, "lon", p->has_coords ? json_real(p->lon) : json_null());
	json_object_set_new(o, "geo_precision", p->geo_precision ? json_integer(p->geo_precision) : json_null());
	json_object_set_new(o, "incidents", json_integer(p->incidents));
	json_array_append_new(ctx, o);
	return 0;
}

/* Keeps the records of a list with incidents, unless the visitor asked for all (?all=1):
   the gazetteer loaded with the lexicons has hundreds of places and actors no incident
   names, which buried the few that matter. Sets "all" and "without_incidents". */
static void keep_named(Req *q, json_t *list, const char *key)
{
	int all = req_int(q, "all", 0) == 1;
	size_t dropped = 0;
	if (!all) {
		json_t *kept = json_array(), *r;
		size_t i;
		json_array_foreach(list, i, r) {
			if (ji(r, "incidents") > 0)
				json_array_append(kept, r);
			else
				dropped++;
		}
		json_array_clear(list);
		json_array_extend(list, kept);
		json_decref(kept);
	}
	json_object_set_new(q->data, key, list);
	json_object_set_new(q->data, "all", json_boolean(all));
	json_object_set_new(q->data, "without_incidents", json_integer((json_int_t)dropped));
}

/* The line under a list that says what was left out, with the link to see it. */
static void left_out(Req *q, Blob *out, const char *path, const char *what, const char *one)
{
	long long n = ji(q->data, "without_incidents");
	if (n > 0)
		html_appendf(out, "<p class=\"note\">%lld %s that no incident names are not shown: "
		                  "<a href=\"%s?all=1\">show all</a>.</p>", n, what, path);
	else if (json_is_true(jo(q->data, "all")))
		html_appendf(out, "<p class=\"note\">Every %s known, with or without incidents: "
		                  "<a href=\"%s\">only those with incidents</a>.</p>", one, path);
}

int page_places(Req *q)
{
	json_t *places = json_array();
	if (store_places_each(q->st, place_one, places) != 0) {
		json_decref(places);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	q->data = json_object();
	keep_named(q, places, "places");
	return 200;
}

void view_places(Req *q, Blob *out)
{
	json_t *p;
	size_t i;
	blob_puts(&q->title, "Places");
	html_appendf(out, "<h1>Places</h1>");
	if (!json_array_size(jo(q->data, "places"))) {
		html_appendf(out, "<p class=\"empty\">No known place has incidents yet.</p>");
		left_out(q, out, "/places", "places", "place");
		return;
	}
	svg_places(out, jo(q->data, "places"));
	left_out(q, out, "/places", "places", "place");
	html_appendf(out, "<table class=\"list\"><thead><tr><th>Place</th><th>Also called</th><th>Region</th>"
	                  "<th>Coordinates</th><th class=\"num\">Incidents</th></tr></thead><tbody>");
	json_array_foreach(jo(q->data, "places"), i, p) {
		Blob region = BLOB_INIT, aliases = BLOB_INIT;
		if (js(p, "admin1"))
			blob_appendf(&region, "%s, ", js(p, "admin1"));
		if (js(p, "country"))
			blob_puts(&region, js(p, "country"));
		for (const char *a = js(p, "aliases"); a && *a; a++)
			blob_puts(&aliases, *a == '|' ? ", " : (char[2]){*a, 0});
		html_appendf(out, "<tr><td>%s</td><td>%s</td><td>%s</td><td>", js(p, "name"), blob_str(&aliases),
		             blob_str(&region));
		if (json_is_number(jo(p, "lat")))
			html_appendf(out, "%.4f, %.4f", json_number_value(jo(p, "lat")), json_number_value(jo(p, "lon")));
		html_appendf(out, "</td><td class=\"num\"><a href=\"");
		page_href(out, "/incidents", "place", js(p, "name"), (char *)NULL);
		html_appendf(out, "\">%lld</a></td></tr>", ji(p, "incidents"));
		blob_free(&region);
		blob_free(&aliases);
	}
	html_appendf(out, "</tbody></table>");
}

static int actor_one(const Actor *a, void *ctx)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(a->id));
	json_object_set_new(o, "name", jstr(a->name));
	json_object_set_new(o, "aliases", jstr(a->aliases));
	json_object_set_new(o, "group", jstr(a->group));
	json_object_set_new(o, "country", jstr(a->country));
	json_object_set_new(o, "incidents", json_integer(a->incidents));
	json_array_append_new(ctx, o);
	return 0;
}

int page_actors(Req *q)
{
	json_t *actors = json_array();
	if (store_actors_each(q->st, actor_one, actors) != 0) {
		json_decref(actors);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	q->data = json_object();
	keep_named(q, actors, "actors");
	return 200;
}

void view_actors(Req *q, Blob *out)
{
	json_t *a;
	size_t i;
	blob_puts(&q->title, "Actors");
	html_appendf(out, "<h1>Actors</h1>");
	left_out(q, out, "/actors", "actors", "actor");
	if (!json_array_size(jo(q->data, "actors"))) {
		html_appendf(out, "<p class=\"empty\">No known actor has incidents yet.</p>");
		return;
	}
	html_appendf(out, "<table class=\"list\"><thead><tr><th>Actor</th><th>Also called</th><th>Group</th>"
	                  "<th>Country</th><th class=\"num\">Incidents</th></tr></thead><tbody>");
	json_array_foreach(jo(q->data, "actors"), i, a) {
		Blob aliases = BLOB_INIT;
		for (const char *s = js(a, "aliases"); s && *s; s++)
			blob_puts(&aliases, *s == '|' ? ", " : (char[2]){*s, 0});
		html_appendf(out, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"num\"><a href=\"",
		             js(a, "name"), blob_str(&aliases), js(a, "group") ? js(a, "group") : "",
		             js(a, "country") ? js(a, "country") : "");
		page_href(out, "/incidents", "actor", js(a, "name"), (char *)NULL);
		html_appendf(out, "\">%lld</a></td></tr>", ji(a, "incidents"));
		blob_free(&aliases);
	}
	html_appendf(out, "</tbody></table>");
}

static int fact_one(const PopulationFact *p, void *ctx)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "place", jstr(p->place));
	json_object_set_new(o, "date", jstr(p->date));
	if (p->min >= 0) {
		json_t *r = json_object();
		json_object_set_new(r, "min", json_integer(p->min));
		json_object_set_new(r, "max", p->max >= 0 ? json_integer(p->max) : json_null());
		json_object_set_new(o, "residents", r);
	} else
		json_object_set_new(o, "residents", json_null());
	json_object_set_new(o, "legal_status", jstr(p->legal_status));
	json_object_set_new(o, "report", p->report_id ? json_integer(p->report_id) : json_null());
	json_object_set_new(o, "publisher", jstr(p->publisher));
	json_object_set_new(o, "published", jstr(p->published));
	json_object_set_new(o, "quote", jstr(p->quote));
	json_object_set_new(o, "start", p->start >= 0 ? json_integer(p->start) : json_null());
	json_object_set_new(o, "end", p->end >= 0 ? json_integer(p->end) : json_null());
	json_array_append_new(ctx, o);
	return 0;
}

int page_population(Req *q)
{
	const char *place = req_query(q, "place");
	if (place && !*place)
		place = NULL;
	json_t *facts = json_array();
	if (store_population_each(q->st, place, fact_one, facts) != 0) {
		json_decref(facts);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	q->data = json_object();
	json_object_set_new(q->data, "place", jstr(place));
	json_object_set_new(q->data, "facts", facts);
	return 200;
}

void view_population(Req *q, Blob *out)
{
	json_t *f;
	size_t i;
	const char *last = NULL;
	blob_puts(&q->title, "Population");
	html_appendf(out, "<h1>Population</h1><p class=\"hint\">How many people lived where, and with what legal "
	                  "status, as each source tells it. Different sources give different figures: all are kept.</p>");
	if (!json_array_size(jo(q->data, "facts"))) {
		html_appendf(out, "<p class=\"empty\">No population figures yet.</p>");
		return;
	}
	json_array_foreach(jo(q->data, "facts"), i, f) {
		const char *place = js(f, "place");
		if (!last || !place || strcmp(last, place) != 0) {
			if (last)
				html_appendf(out, "</tbody></table></section>");
			html_appendf(out, "<section><h2>%s</h2><table class=\"list\"><thead><tr><th>Date</th>"
			                  "<th class=\"num\">Residents</th><th>Legal status</th><th>Source</th></tr></thead><tbody>",
			             place ? place : "?");
			last = place ? place : "";
		}
		Blob n = BLOB_INIT;
		json_t *r = jo(f, "residents");
		if (r)
			count_text(&n, r, 0);
		if (r && !json_is_integer(jo(r, "max")))
			blob_putc(&n, '+');
		html_appendf(out, "<tr><td class=\"date\">%s</td><td class=\"num\">%s</td><td>%s</td><td>",
		             js(f, "date") ? js(f, "date") : "", blob_str(&n), js(f, "legal_status") ? js(f, "legal_status") : "");
		if (json_is_integer(jo(f, "report"))) {
			if (json_is_integer(jo(f, "start")))
				html_appendf(out, "<a href=\"/report/%lld?s=%lld&amp;e=%lld#quote\">report %lld</a>", ji(f, "report"),
				             ji(f, "start"), ji(f, "end"), ji(f, "report"));
			else
				html_appendf(out, "<a href=\"/report/%lld\">report %lld</a>", ji(f, "report"), ji(f, "report"));
			if (js(f, "publisher"))
				html_appendf(out, " <span class=\"meta\">%s</span>", js(f, "publisher"));
			if (js(f, "quote"))
				html_appendf(out, "<div class=\"quote\">“%s”</div>", js(f, "quote"));
		}
		html_appendf(out, "</td></tr>");
		blob_free(&n);
	}
	html_appendf(out, "</tbody></table></section>");
}
