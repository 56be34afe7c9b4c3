/*
** pages_review.c — the review queue for editors (/review): each record the extraction
** engine proposed, with the sentence it was read from and, when there is one, the
** incident it looks like; accepted as a new incident, into an existing one (which merges
** its claims there), accepted with a correction of one field (the accept, then an edit
** with its reason, as on the incident page), or rejected with a reason. Later corrections
** and merges of incidents are on the incident pages.
*/
#include "records.h"
#include "util.h"
#include "web.h"

#include <stdio.h>
#include <string.h>

#define PAGE_SIZE 20

void proposal_summary(Blob *out, json_t *p)
{
	json_t *rec = jo(p, "record");
	const char *type = js(p, "type");
	if (type && strcmp(type, "appeal") == 0) {
		html_appendf(out, "<b>appeal</b>");
		json_t *to = jo(rec, "to"), *a;
		size_t i;
		json_array_foreach(to, i, a)
			html_appendf(out, "%s%s", i ? ", " : " to ", js(a, "name"));
		if (js(rec, "demand"))
			html_appendf(out, ": %s", js(rec, "demand"));
	} else {
		html_appendf(out, "<b>%s</b> %s", js(rec, "kind") ? js(rec, "kind") : "event",
		             js(rec, "status") ? js(rec, "status") : "");
		if (js(jo(rec, "date"), "start"))
			html_appendf(out, " · %s", js(jo(rec, "date"), "start"));
		if (js(jo(rec, "place"), "name"))
			html_appendf(out, " · %s", js(jo(rec, "place"), "name"));
		json_t *who = jo(rec, "perpetrators"), *a;
		size_t i;
		json_array_foreach(who, i, a)
			html_appendf(out, "%s%s", i ? ", " : " · by ", js(a, "name"));
		json_t *k = jo(rec, "killed"), *w = jo(rec, "wounded");
		if (json_is_integer(jo(k, "min")))
			html_appendf(out, " · killed %lld%s", ji(k, "min"), json_is_integer(jo(k, "max")) ? "" : "+");
		if (json_is_integer(jo(w, "min")))
			html_appendf(out, " · wounded %lld%s", ji(w, "min"), json_is_integer(jo(w, "max")) ? "" : "+");
	}
	if (js(p, "state"))
		html_appendf(out, " <span class=\"state %s\">%s</span>", js(p, "state"), js(p, "state"));
}

typedef struct ReviewCtx {
	Store *st;
	json_t *rows;
	int n, limit;
} ReviewCtx;

static int review_one(const ProposalRow *p, void *ctx)
{
	ReviewCtx *x = ctx;
	if (x->n++ >= x->limit)
		return 0;
	json_t *o = json_object(), *rec = json_loads(p->json ? p->json : "", 0, NULL);
	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "report", json_integer(p->report_id));
	json_object_set_new(o, "type", jstr(p->type));
	json_object_set_new(o, "state", jstr(p->state));
	json_object_set_new(o, "record", json_is_object(rec) ? json_incref(rec) : json_null());
	Report r;
	if (store_report_get(x->st, p->report_id, &r) == 1) {
		json_object_set_new(o, "report_title", jstr(r.title ? r.title : r.filename));
		json_object_set_new(o, "publisher", jstr(r.publisher));
		json_object_set_new(o, "published", jstr(r.published));
		report_free(&r);
	}
	/* the incident it looks like, for events */
	if (p->type && strcmp(p->type, "event") == 0 && p->json) {
		ProposalRec pr;
		Blob err = BLOB_INIT;
		memset(&pr, 0, sizeof pr);
		if (proposal_parse(p->json, strlen(p->json), 0, &pr, &err) == 0) {
			double score = 0;
			long long m = records_match(x->st, &pr, 0, &score);
			if (m > 0) {
				Incident in;
				if (store_incident_get(x->st, m, &in) == 1) {
					json_t *s = incident_model(x->st, &in, 0);
					json_object_set_new(s, "score", json_real(score));
					json_object_set_new(o, "suggested", s);
					incident_free(&in);
				}
			}
		}
		proposal_rec_free(&pr);
		blob_free(&err);
	}
	json_decref(rec);
	json_array_append_new(x->rows, o);
	return 0;
}

int page_review(Req *q)
{
	long long page = req_int(q, "page", 1);
	if (page > 100000)
		page = 100000;
	ReviewCtx x = {q->st, json_array(), 0, PAGE_SIZE};
	if (store_proposals_page(q->st, "pending", 0, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1, review_one, &x) != 0) {
		json_decref(x.rows);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	q->data = json_object();
	json_object_set_new(q->data, "pending", json_integer(store_proposals_count(q->st, "pending")));
	json_object_set_new(q->data, "page", json_integer(page));
	json_object_set_new(q->data, "next", json_boolean(x.n > PAGE_SIZE));
	json_object_set_new(q->data, "proposals", x.rows);
	return 200;
}

void view_review(Req *q, Blob *out)
{
	json_t *p;
	size_t i;
	long long n;
	blob_puts(&q->title, "Review");
	html_appendf(out, "<h1>Review <small>%lld waiting</small></h1>", ji(q->data, "pending"));
	const char *a = req_query(q, "accepted"), *inc = req_query(q, "incident"), *ap = req_query(q, "appeal");
	if (a && parse_id(a, &n)) {
		long long t;
		if (inc && parse_id(inc, &t))
			html_appendf(out, "<p class=\"flash\" role=\"status\">Proposal %lld accepted: "
			                  "<a href=\"/incident/%lld\">incident %lld</a>.</p>", n, t, t);
		else if (ap && parse_id(ap, &t))
			html_appendf(out, "<p class=\"flash\" role=\"status\">Proposal %lld accepted: "
			                  "<a href=\"/appeal/%lld\">appeal %lld</a>.</p>", n, t, t);
		else
			html_appendf(out, "<p class=\"flash\" role=\"status\">Proposal %lld accepted.</p>", n);
	}
	const char *rj = req_query(q, "rejected");
	if (rj && parse_id(rj, &n))
		html_appendf(out, "<p class=\"flash\" role=\"status\">Proposal %lld rejected.</p>", n);
	if (!json_array_size(jo(q->data, "proposals"))) {
		html_appendf(out, "<p class=\"empty\">Nothing waiting for review.</p>");
		return;
	}
	html_appendf(out, "<ol class=\"review\">");
	json_array_foreach(jo(q->data, "proposals"), i, p) {
		long long id = ji(p, "id"), rid = ji(p, "report");
		json_t *ev = json_array_get(jo(jo(p, "record"), "evidence"), 0), *s = jo(p, "suggested");
		html_appendf(out, "<li class=\"proposal\" id=\"p%lld\"><p class=\"what\">", id);
		proposal_summary(out, p);
		html_appendf(out, "</p><p class=\"meta\">proposal %lld · from ", id);
		if (json_is_integer(jo(ev, "start")) && json_is_integer(jo(ev, "end")))
			html_appendf(out, "<a href=\"/report/%lld?s=%lld&amp;e=%lld#quote\">", rid, ji(ev, "start"), ji(ev, "end"));
		else
			html_appendf(out, "<a href=\"/report/%lld\">", rid);
		html_appendf(out, "%s</a> %s %s</p>", js(p, "report_title") ? js(p, "report_title") : "a report",
		             js(p, "publisher") ? js(p, "publisher") : "", js(p, "published") ? js(p, "published") : "");
		if (js(ev, "quote"))
			html_appendf(out, "<blockquote class=\"quote-context\">%s</blockquote>", js(ev, "quote"));
		if (s) {
			Blob label = BLOB_INIT;
			incident_label(&label, s);
			html_appendf(out, "<p class=\"suggest\">Looks like <a href=\"/incident/%lld\">incident %lld: %s</a> "
			                  "(match %.0f%%).</p>",
			             ji(s, "id"), ji(s, "id"), blob_str(&label), json_number_value(jo(s, "score")) * 100);
			blob_free(&label);
		}
		html_appendf(out, "<div class=\"actions\">");
		if (s) {
			html_appendf(out, "<form class=\"inline\" method=\"post\" action=\"/review/%lld/accept\">", id);
			page_csrf(q, out);
			html_appendf(out, "<input type=\"hidden\" name=\"into\" value=\"%lld\"><button type=\"submit\">"
			                  "Accept into incident %lld</button></form>",
			             ji(s, "id"), ji(s, "id"));
		}
		html_appendf(out, "<form class=\"inline\" method=\"post\" action=\"/review/%lld/accept\">", id);
		page_csrf(q, out);
		html_appendf(out, "<button type=\"submit\"%s>Accept%s</button> <label>or into incident "
		                  "<input type=\"number\" name=\"into\" min=\"1\" size=\"6\"></label></form>",
		             s ? " class=\"secondary\"" : "", s ? " as new" : "");
		if (js(p, "type") && strcmp(js(p, "type"), "event") == 0) {
			const char *const *fields = records_edit_fields;
			html_appendf(out, "<form class=\"inline correct\" method=\"post\" action=\"/review/%lld/accept\">", id);
			page_csrf(q, out);
			html_appendf(out, "<label>Correct <select name=\"field\">");
			for (int f = 0; fields[f]; f++)
				html_appendf(out, "<option>%s</option>", fields[f]);
			html_appendf(out, "</select></label> <input type=\"text\" name=\"value\" size=\"12\" aria-label=\"Value\" "
			                  "placeholder=\"value\"> <input type=\"text\" name=\"reason\" required size=\"14\" "
			                  "aria-label=\"Reason\" placeholder=\"because\"> <button type=\"submit\" class=\"secondary\">"
			                  "Accept corrected</button></form>");
		}
		html_appendf(out, "<form class=\"inline\" method=\"post\" action=\"/review/%lld/reject\">", id);
		page_csrf(q, out);
		html_appendf(out, "<input type=\"text\" name=\"reason\" placeholder=\"why not\" required size=\"16\" "
		                  "aria-label=\"Reason\"> <button type=\"submit\" class=\"danger\">Reject</button></form>"
		                  "</div></li>");
	}
	html_appendf(out, "</ol>");
	page_pager(q, out, "/review", q->data);
}

int page_review_accept(Req *q)
{
	long long into = req_int(q, "into", 0);
	AcceptResult res;
	Blob err = BLOB_INIT, edit = BLOB_INIT;
	memset(&res, 0, sizeof res);
	/* accept with a correction: field, value and reason, checked before anything is done,
	   then applied to the incident the proposal became (an edit of its own in the ledger) */
	const char *field = req_arg(q, "field"), *value = req_arg(q, "value"), *reason = req_arg(q, "reason");
	if (field && *field) {
		if (!reason || !*reason)
			return req_error(q, 400, "give the reason for the correction");
		if (strlen(field) > 40 || (value && strlen(value) > 2000) || strlen(reason) > 2000)
			return req_error(q, 400, "the value or the reason is too long");
		blob_appendf(&edit, "%s=%s", field, value ? value : "");
		if (edit_check(blob_str(&edit), &err) != 0) {
			blob_free(&edit);
			req_error(q, 400, "%s", blob_str(&err));
			blob_free(&err);
			return 400;
		}
	}
	int rc = records_accept(q->st, q->id, into, 0, q->user.name, &res, &err);
	if (rc == REC_OK && edit.len) {
		if (!res.incident_id) {
			blob_free(&edit);
			return req_error(q, 400, "proposal %lld was accepted, but it is an appeal: corrections are made to incidents",
			                 q->id);
		}
		char *assign[1] = {edit.data};
		rc = records_edit(q->st, res.incident_id, assign, 1, reason, q->user.name, &err);
	}
	blob_free(&edit);
	char to[128];
	if (res.appeal_id)
		snprintf(to, sizeof to, "/review?accepted=%lld&appeal=%lld", q->id, res.appeal_id);
	else
		snprintf(to, sizeof to, "/review?accepted=%lld&incident=%lld", q->id, res.incident_id);
	if (rc == REC_OK) {
		q->data = json_object();
		json_object_set_new(q->data, "proposal", json_integer(q->id));
		json_object_set_new(q->data, "incident", res.incident_id ? json_integer(res.incident_id) : json_null());
		json_object_set_new(q->data, "appeal", res.appeal_id ? json_integer(res.appeal_id) : json_null());
		json_object_set_new(q->data, "population", res.population_id ? json_integer(res.population_id) : json_null());
		json_object_set_new(q->data, "suggested", res.suggested ? json_integer(res.suggested) : json_null());
		json_object_set_new(q->data, "merged", json_boolean(res.merged));
	}
	return records_answer(q, rc, &err, to);
}

int page_review_reject(Req *q)
{
	const char *reason = req_arg(q, "reason");
	if (!reason || !*reason)
		return req_error(q, 400, "give the reason for rejecting it");
	if (strlen(reason) > 2000)
		return req_error(q, 400, "the reason is too long");
	Blob err = BLOB_INIT;
	int rc = records_reject(q->st, q->id, reason, q->user.name, &err);
	char to[64];
	snprintf(to, sizeof to, "/review?rejected=%lld", q->id);
	return records_answer(q, rc, &err, to);
}
