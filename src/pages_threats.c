/*
** pages_threats.c — the threat board (/threats): every announced attack, siege or
** deadline, open until an incident carries it out or it lapses — the due ones first,
** because they are the ones to act on — and the outcome an editor records for a threat
** (POST /threat/N).
*/
#include "records.h"
#include "util.h"
#include "web.h"

#include <stdio.h>
#include <string.h>

#define SECTION_SIZE 50

static const char *const states[][2] = {
	{"due", "Due: open and past the date they name"},
	{"waiting", "Open"},
	{"fulfilled", "Carried out"},
	{"lapsed", "Lapsed"},
	{"withdrawn", "Withdrawn"},
};
#define NSTATES (sizeof states / sizeof states[0])

typedef struct ThreatCtx {
	Store *st;
	json_t *rows;
	int n, limit;
} ThreatCtx;

static int threat_one(const Incident *in, void *ctx)
{
	ThreatCtx *t = ctx;
	if (t->n++ < t->limit)
		json_array_append_new(t->rows, incident_model(t->st, in, 0));
	return 0;
}

int page_threats(Req *q)
{
	const char *only = req_query(q, "state");
	long long page = req_int(q, "page", 1);
	int found = 0;
	for (size_t i = 0; only && i < NSTATES; i++)
		found |= strcmp(only, states[i][0]) == 0;
	if (only && *only && !found)
		return req_error(q, 400, "the states are due, waiting, fulfilled, lapsed and withdrawn");
	if (only && !*only)
		only = NULL;
	if (page > 100000)
		page = 100000;
	q->data = json_object();
	json_t *board = json_object();
	for (size_t i = 0; i < NSTATES; i++) {
		if (only && strcmp(only, states[i][0]) != 0)
			continue;
		IncidentFilter f = {0};
		f.status = "threatened";
		f.threat = states[i][0];
		f.newest_first = i > 1; /* open threats by due date, soonest first */
		f.limit = SECTION_SIZE + 1;
		f.offset = only ? (page - 1) * SECTION_SIZE : 0;
		ThreatCtx t = {q->st, json_array(), 0, SECTION_SIZE};
		if (store_incidents_each(q->st, &f, threat_one, &t) != 0) {
			json_decref(t.rows);
			json_decref(board);
			return req_error(q, 500, "%s", store_error(q->st));
		}
		json_t *sec = json_object();
		json_object_set_new(sec, "threats", t.rows);
		json_object_set_new(sec, "more", json_boolean(t.n > SECTION_SIZE));
		json_object_set_new(board, states[i][0], sec);
	}
	json_object_set_new(q->data, "board", board);
	json_object_set_new(q->data, "state", jstr(only));
	json_object_set_new(q->data, "page", json_integer(only ? page : 1));
	json_object_set_new(q->data, "next", json_boolean(only && json_is_true(jo(jo(board, only), "more"))));
	return 200;
}

void view_threats(Req *q, Blob *out)
{
	json_t *board = jo(q->data, "board"), *t;
	blob_puts(&q->title, "Threats");
	html_appendf(out, "<h1>Threats</h1><p class=\"hint\">Every threat, warning or deadline stays open until an "
	                  "incident carries it out or it lapses. The record of warnings and what followed them is the "
	                  "early-warning signal.</p><div class=\"board\">");
	for (size_t i = 0; i < NSTATES; i++) {
		json_t *sec = jo(board, states[i][0]);
		if (!sec)
			continue;
		size_t n = json_array_size(jo(sec, "threats")), j;
		html_appendf(out, "<section class=\"column %s\"><h2>%s <small>%zu%s</small></h2>", states[i][0],
		             states[i][1], n, json_is_true(jo(sec, "more")) ? "+" : "");
		if (!n)
			html_appendf(out, "<p class=\"empty\">None.</p>");
		else
			html_appendf(out, "<ul class=\"threats\">");
		json_array_foreach(jo(sec, "threats"), j, t) {
			Blob label = BLOB_INIT;
			incident_label(&label, t);
			json_t *th = jo(t, "threat");
			html_appendf(out, "<li><a href=\"/incident/%lld\">%s</a><span class=\"meta\">", ji(t, "id"),
			             blob_str(&label));
			if (js(th, "announced"))
				html_appendf(out, " announced %s", js(th, "announced"));
			if (js(th, "due"))
				html_appendf(out, " · due %s", js(th, "due"));
			html_appendf(out, " · %lld source%s", ji(t, "sources"), ji(t, "sources") == 1 ? "" : "s");
			if (json_is_integer(jo(th, "fulfilled_by")))
				html_appendf(out, " · carried out by <a href=\"/incident/%lld\">incident %lld</a>",
				             ji(th, "fulfilled_by"), ji(th, "fulfilled_by"));
			html_appendf(out, "</span></li>");
			blob_free(&label);
		}
		if (n)
			html_appendf(out, "</ul>");
		if (json_is_true(jo(sec, "more")) && !js(q->data, "state"))
			html_appendf(out, "<p><a href=\"/threats?state=%s\">all of them</a></p>", states[i][0]);
		html_appendf(out, "</section>");
	}
	html_appendf(out, "</div>");
	if (js(q->data, "state"))
		page_pager(q, out, "/threats", q->data);
}

int page_threat_decide(Req *q)
{
	const char *state = req_arg(q, "state"), *reason = req_arg(q, "reason");
	long long by = req_int(q, "by", 0);
	if (!state || !*state)
		return req_error(q, 400, "say what became of the threat: fulfilled, lapsed, withdrawn or open");
	if (strcmp(state, "fulfilled") == 0 && !by)
		return req_error(q, 400, "give the number of the incident that carried the threat out");
	if (reason && strlen(reason) > 2000)
		return req_error(q, 400, "the reason is too long");
	Blob err = BLOB_INIT;
	int rc = records_threat(q->st, q->id, state, strcmp(state, "fulfilled") == 0 ? by : 0,
	                        reason && *reason ? reason : NULL, q->user.name, &err);
	char to[64];
	snprintf(to, sizeof to, "/incident/%lld?msg=recorded", q->id);
	return records_answer(q, rc, &err, to);
}
