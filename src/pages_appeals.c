/*
** pages_appeals.c — appeals to those who have a duty to act: the list (/appeals, by
** addressee and date), one appeal (/appeal/N) with the sentences it was read from, the
** incidents it is about and what came of it; editors record the response and link
** incidents.
*/
#include "records.h"
#include "util.h"
#include "web.h"

#include <stdio.h>
#include <string.h>

static int appeal_one(const Appeal *a, void *ctx)
{
	Req *q = ctx;
	json_array_append_new(jo(q->data, "appeals"), appeal_model(q->st, a));
	return 0;
}

int page_appeals(Req *q)
{
	const char *to = req_query(q, "to"), *since = req_query(q, "since");
	if (to && !*to)
		to = NULL;
	if (since && !*since)
		since = NULL;
	if (since && !iso_date_valid(since))
		return req_error(q, 400, "dates are written 2021, 2021-06 or 2021-06-12");
	if (to && strlen(to) > 200)
		return req_error(q, 400, "an addressee of at most 200 characters");
	q->data = json_object();
	json_object_set_new(q->data, "to", jstr(to));
	json_object_set_new(q->data, "since", jstr(since));
	json_object_set_new(q->data, "appeals", json_array());
	if (store_appeals_each(q->st, to, since, appeal_one, q) != 0)
		return req_error(q, 500, "%s", store_error(q->st));
	return 200;
}

/* Names of a JSON array, "; "-separated, into a Blob (escaped when it is printed). */
static void names(Blob *b, json_t *a)
{
	json_t *v;
	size_t i;
	json_array_foreach(a, i, v)
		blob_appendf(b, "%s%s", i ? "; " : "", json_string_value(v));
}

void view_appeals(Req *q, Blob *out)
{
	json_t *a;
	size_t i;
	blob_puts(&q->title, "Appeals");
	html_appendf(out, "<h1>Appeals</h1><form class=\"filters\" method=\"get\" action=\"/appeals\">"
	                  "<label>To <input type=\"text\" name=\"to\" value=\"%s\" size=\"18\"></label> "
	                  "<label>Since <input type=\"text\" name=\"since\" value=\"%s\" size=\"10\" placeholder=\"2021-06\">"
	                  "</label> <button type=\"submit\">Show</button></form>",
	             js(q->data, "to") ? js(q->data, "to") : "", js(q->data, "since") ? js(q->data, "since") : "");
	if (!json_array_size(jo(q->data, "appeals"))) {
		html_appendf(out, "<p class=\"empty\">No appeals.</p>");
		return;
	}
	html_appendf(out, "<table class=\"list\"><thead><tr><th>Date</th><th>By</th><th>To</th><th>Demand</th>"
	                  "<th>Response</th><th class=\"num\">Incidents</th></tr></thead><tbody>");
	json_array_foreach(jo(q->data, "appeals"), i, a) {
		Blob by = BLOB_INIT, to = BLOB_INIT;
		names(&by, jo(a, "by"));
		names(&to, jo(a, "to"));
		html_appendf(out, "<tr><td class=\"date\"><a href=\"/appeal/%lld\">%s</a></td><td>%s</td><td>%s</td>"
		                  "<td>%s</td><td><span class=\"state %s\">%s</span></td><td class=\"num\">%zu</td></tr>",
		             ji(a, "id"), js(a, "date") ? js(a, "date") : "undated", blob_str(&by), blob_str(&to),
		             js(a, "demand") ? js(a, "demand") : "", js(jo(a, "response"), "state"),
		             js(jo(a, "response"), "state"), json_array_size(jo(a, "incidents")));
		blob_free(&by);
		blob_free(&to);
	}
	html_appendf(out, "</tbody></table>");
}

int page_appeal(Req *q)
{
	Appeal a;
	int found = store_appeal_get(q->st, q->id, &a);
	if (found < 0)
		return req_error(q, 500, "%s", store_error(q->st));
	if (!found)
		return req_error(q, 404, "there is no appeal %lld", q->id);
	q->data = json_object();
	json_t *ap = appeal_model(q->st, &a), *id, *incs = json_array();
	size_t i;
	json_array_foreach(jo(ap, "incidents"), i, id) {
		Incident in;
		if (store_incident_get(q->st, json_integer_value(id), &in) == 1) {
			json_array_append_new(incs, incident_model(q->st, &in, 0));
			incident_free(&in);
		}
	}
	json_object_set_new(q->data, "appeal", ap);
	json_object_set_new(q->data, "incidents", incs);
	appeal_free(&a);
	return 200;
}

void view_appeal(Req *q, Blob *out)
{
	json_t *a = jo(q->data, "appeal"), *r = jo(a, "response"), *s;
	size_t i;
	Blob by = BLOB_INIT, to = BLOB_INIT;
	names(&by, jo(a, "by"));
	names(&to, jo(a, "to"));
	blob_appendf(&q->title, "Appeal to %s", blob_str(&to));
	html_appendf(out, "<article class=\"appeal\"><p class=\"kicker\">Appeal %lld</p><h1>Appeal to %s</h1>"
	                  "<table class=\"facts\"><tr><th>Date</th><td>%s</td></tr><tr><th>By</th><td>%s</td></tr>"
	                  "<tr><th>To</th><td>%s</td></tr><tr><th>Demand</th><td>%s</td></tr>"
	                  "<tr><th>Response</th><td><span class=\"state %s\">%s</span>",
	             ji(a, "id"), blob_str(&to), js(a, "date") ? js(a, "date") : "undated", blob_str(&by),
	             blob_str(&to), js(a, "demand") ? js(a, "demand") : "", js(r, "state"), js(r, "state"));
	if (js(r, "date"))
		html_appendf(out, " on %s", js(r, "date"));
	if (json_is_integer(jo(r, "report")))
		html_appendf(out, " · told in <a href=\"/report/%lld\">report %lld</a>", ji(r, "report"), ji(r, "report"));
	if (js(r, "note"))
		html_appendf(out, " · %s", js(r, "note"));
	html_appendf(out, "</td></tr></table><section class=\"sources\"><h2>Read from</h2><ol>");
	json_array_foreach(jo(a, "sources"), i, s) {
		long long rid = ji(s, "report");
		if (json_is_integer(jo(s, "start")))
			html_appendf(out, "<li><a href=\"/report/%lld?s=%lld&amp;e=%lld#quote\" data-report=\"%lld\">report %lld</a>",
			             rid, ji(s, "start"), ji(s, "end"), rid, rid);
		else
			html_appendf(out, "<li><a href=\"/report/%lld\" data-report=\"%lld\">report %lld</a>", rid, rid, rid);
		html_appendf(out, " <span class=\"meta\">%s %s</span>", js(s, "publisher") ? js(s, "publisher") : "",
		             js(s, "published") ? js(s, "published") : "");
		if (js(s, "quote"))
			html_appendf(out, "<blockquote class=\"quote-context\">%s</blockquote>", js(s, "quote"));
		html_appendf(out, "</li>");
	}
	html_appendf(out, "</ol></section><section><h2>Incidents it is about</h2>");
	if (!json_array_size(jo(q->data, "incidents")))
		html_appendf(out, "<p class=\"empty\">None linked.</p>");
	else
		incidents_table(out, jo(q->data, "incidents"));
	html_appendf(out, "</section>");
	if (q->role >= ROLE_EDITOR) {
		long long id = ji(a, "id");
		html_appendf(out, "<section class=\"editing\"><h2>Record what came of it</h2>"
		                  "<form class=\"inline\" method=\"post\" action=\"/appeal/%lld/respond\">", id);
		page_csrf(q, out);
		html_appendf(out, "<label>Response <select name=\"response\"><option>none</option><option>acknowledged</option>"
		                  "<option>answered</option><option>acted</option></select></label> "
		                  "<label>Date <input type=\"text\" name=\"date\" size=\"10\" placeholder=\"2021-06-20\"></label> "
		                  "<label>Report <input type=\"number\" name=\"report\" min=\"1\"></label> "
		                  "<label>Note <input type=\"text\" name=\"note\" size=\"20\"></label> "
		                  "<button type=\"submit\">Record</button></form>"
		                  "<form class=\"inline\" method=\"post\" action=\"/appeal/%lld/link\">", id);
		page_csrf(q, out);
		html_appendf(out, "<label>Incident <input type=\"number\" name=\"incident\" min=\"1\" required></label> "
		                  "<button type=\"submit\">Link it</button></form></section>");
	}
	html_appendf(out, "</article>");
	blob_free(&by);
	blob_free(&to);
}

int page_appeal_respond(Req *q)
{
	const char *resp = req_arg(q, "response"), *date = req_arg(q, "date"), *note = req_arg(q, "note");
	if (!resp || !*resp)
		return req_error(q, 400, "give the response: none, acknowledged, answered or acted");
	if ((note && strlen(note) > 2000) || (date && strlen(date) > 40))
		return req_error(q, 400, "the note or the date is too long");
	Blob err = BLOB_INIT;
	int rc = records_appeal_respond(q->st, q->id, resp, date && *date ? date : NULL, req_int(q, "report", 0),
	                                note && *note ? note : NULL, q->user.name, &err);
	char to[64];
	snprintf(to, sizeof to, "/appeal/%lld?msg=recorded", q->id);
	return records_answer(q, rc, &err, to);
}

int page_appeal_link(Req *q)
{
	long long inc = req_int(q, "incident", 0);
	if (!inc)
		return req_error(q, 400, "give the number of the incident");
	Blob err = BLOB_INIT;
	int rc = records_appeal_link(q->st, q->id, inc, q->user.name, &err);
	char to[64];
	snprintf(to, sizeof to, "/appeal/%lld?msg=recorded", q->id);
	return records_answer(q, rc, &err, to);
}
