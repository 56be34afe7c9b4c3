/*
** records.c — the model: proposals become incidents made of claims, threats get their
** outcomes, appeals their responses; the review actions that do it (accept, reject, edit,
** merge, split); how an incident's summary is read from its claims; matching a new
** proposal to an incident already documented, and an occurred incident to the threat it
** may fulfil.
**
** An incident's fields are never overwritten: each source's statement is a claim, and the
** summary (what lists and exports show) is recomputed from the claims after every change:
**   - kind, status, date, place, description: a person's latest edit, else the value the
**     most independent sources give (ties: the more precise date, then the earlier claim);
**   - perpetrators, targets: every name any source gives (a person's edit replaces them);
**   - killed, wounded, detained: the lowest figure any source gives (ACLED's conservative
**     rule) to the highest, open-ended when a source says "over N"; a person's edit sets it.
** Each action is one transaction, with its ledger entry inside it.
*/
#include "ledger.h"
#include "records.h"
#include "util.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- helpers ---- */

static void fail_store(Store *st, Blob *err)
{
	blob_appendf(err, "%s", store_error(st));
}

/* Rolls back after a failure and returns rc. */
static int abort_tx(Store *st, int rc)
{
	store_rollback(st);
	return rc;
}

/* Commits, or rolls back and reports. */
static int commit_tx(Store *st, Blob *err)
{
	if (store_commit(st) != 0) {
		fail_store(st, err);
		store_rollback(st);
		return REC_INTERNAL;
	}
	return REC_OK;
}

static int begin_tx(Store *st, Blob *err)
{
	if (store_begin(st) != 0) {
		fail_store(st, err);
		return REC_INTERNAL;
	}
	return REC_OK;
}

/* ---- a report added ---- */

typedef struct IdList {
	long long *v;
	size_t n, cap;
} IdList;

static void ids_push(IdList *l, long long id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = id;
}

/* store_ledger_each callback: the capture in a report.add entry, re-serialised canonically. */
static int capture_of(const LedgerEntry *e, void *ctx)
{
	if (strcmp(e->action, "report.add") != 0)
		return 0;
	json_t *p = json_loads(e->payload, 0, NULL), *c = json_object_get(p, "capture");
	char *s = json_is_object(c) ? json_dumps(c, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	if (s)
		blob_puts(ctx, s);
	free(s);
	json_decref(p);
	return 1; /* a report is added once */
}

int records_report_capture(Store *st, long long report, Blob *json)
{
	char key[48];
	snprintf(key, sizeof key, "report/%lld", report);
	size_t before = json->len;
	if (store_ledger_each(st, key, 0, capture_of, json) < 0)
		return -1;
	return json->len > before;
}

int records_report_added(Store *st, long long report, const char *who, const char *capture, Blob *err)
{
	Report r;
	int found = store_report_get(st, report, &r);
	if (found <= 0) {
		if (found < 0)
			fail_store(st, err);
		else
			blob_appendf(err, "no report %lld", report);
		return REC_INTERNAL;
	}
	/* The report was stored a moment ago in this transaction: it has no proposals yet (what
	   the extraction engine reads from it comes after, each in a "propose" entry of its
	   own). "proposals" stays in the payload, always empty, so that every report.add entry
	   has the same keys as those written before. */
	Touched t = {0};
	Blob payload = BLOB_INIT;
	touched_add(&t, "report", report);
	blob_puts(&payload, "{");
	if (capture) /* keys in order: the payload is canonical JSON */
		blob_appendf(&payload, "\"capture\":%s,", capture);
	blob_appendf(&payload, "\"proposals\":[],\"report\":%lld,\"sha256\":\"%s\",\"source\":", report, r.sha256);
	blob_json_str(&payload, r.source);
	blob_putc(&payload, '}');
	int rc = ledger_append(st, who, "report.add", blob_str(&payload), &t, err) ? REC_INTERNAL : REC_OK;
	touched_free(&t);
	blob_free(&payload);
	report_free(&r);
	return rc;
}

/* What a store_*_get that found nothing (0) or failed (-1) means for a records action:
   "no TYPE ID" (REC_INPUT: the user named it), or the store's error (REC_INTERNAL). */
static int not_found(Store *st, int found, const char *type, long long id, Blob *err)
{
	if (found < 0) {
		fail_store(st, err);
		return REC_INTERNAL;
	}
	blob_appendf(err, "no %s %lld", type, id);
	return REC_INPUT;
}

/* ---- proposals from a document ---- */

typedef struct ProposeCtx {
	Store *st;
	long long report;
	IdList ids;
	int failed;
	Blob text, map; /* the report's cleaned text and offset map */
} ProposeCtx;

static int propose_one(const char *type, const char *item, void *ctx)
{
	ProposeCtx *p = ctx;
	long long id;
	/* quotes without offsets (written by hand) get them from the report's text */
	char *filled = proposal_fill_offsets(item, p->text.data, p->text.len, p->map.data, p->map.len);
	int bad = store_proposal_add(p->st, p->report, type, filled ? filled : item, &id) != 0;
	free(filled);
	if (bad) {
		p->failed = 1;
		return 1;
	}
	ids_push(&p->ids, id);
	return 0;
}

/* The ledger entry of proposals stored for a report, then the commit of the transaction
   they were stored in (rolled back when either fails). */
static int propose_ledger(Store *st, long long report, const IdList *ids, const char *who, Blob *err)
{
	Touched t = {0};
	Blob payload = BLOB_INIT;
	blob_puts(&payload, "{\"proposals\":[");
	for (size_t i = 0; i < ids->n; i++) {
		touched_add(&t, "proposal", ids->v[i]);
		blob_appendf(&payload, "%s%lld", i ? "," : "", ids->v[i]);
	}
	blob_appendf(&payload, "],\"report\":%lld}", report);
	int rc = ledger_append(st, who, "propose", blob_str(&payload), &t, err) ? REC_INTERNAL : REC_OK;
	touched_free(&t);
	blob_free(&payload);
	if (rc == REC_OK)
		rc = commit_tx(st, err);
	else
		store_rollback(st);
	return rc;
}

int records_propose_items(Store *st, long long report, const ProposalItem *items, size_t n, const char *who,
                          Blob *err)
{
	int rc = begin_tx(st, err);
	if (rc)
		return rc;
	IdList ids = {0};
	for (size_t i = 0; i < n; i++) {
		long long id;
		if (store_proposal_add(st, report, items[i].type, items[i].json, &id) != 0) {
			fail_store(st, err);
			free(ids.v);
			return abort_tx(st, REC_INTERNAL);
		}
		ids_push(&ids, id);
	}
	rc = propose_ledger(st, report, &ids, who, err);
	free(ids.v);
	return rc;
}

int records_propose(Store *st, long long report, const char *json, size_t len, const char *who, long long **ids,
                    size_t *nids, Blob *err)
{
	Report r;
	int found = store_report_get(st, report, &r);
	if (found <= 0)
		return not_found(st, found, "report", report, err);
	report_free(&r);
	ProposeCtx p = {st, report, {0}, 0, BLOB_INIT, BLOB_INIT};
	if (store_report_text(st, report, &p.text, &p.map) < 0) {
		fail_store(st, err);
		return REC_INTERNAL;
	}
	int rc = begin_tx(st, err);
	if (rc)
		goto out;
	if (proposal_split_doc(json, len, propose_one, &p, err) != 0) {
		free(p.ids.v);
		rc = abort_tx(st, p.failed ? REC_INTERNAL : REC_INPUT);
		goto out;
	}
	if (p.failed) {
		fail_store(st, err);
		free(p.ids.v);
		rc = abort_tx(st, REC_INTERNAL);
		goto out;
	}
	rc = propose_ledger(st, report, &p.ids, who, err);
	if (rc == REC_OK && ids) {
		*ids = p.ids.v;
		*nids = p.ids.n;
	} else
		free(p.ids.v);
out:
	blob_free(&p.text);
	blob_free(&p.map);
	return rc;
}

/* ---- the summary of an incident ---- */

/* A value and the source groups that give it. */
typedef struct Vote {
	const Claim *claim; /* the first claim with this value */
	int groups[32], ngroups;
} Vote;

typedef struct ClaimList {
	Claim *v;
	size_t n, cap;
} ClaimList;

static int collect_claim(const Claim *c, void *ctx)
{
	ClaimList *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	Claim *d = &l->v[l->n++];
	*d = *c;
	d->field = c->field ? xstrdup(c->field) : NULL;
	d->value = c->value ? xstrdup(c->value) : NULL;
	d->extra = c->extra ? xstrdup(c->extra) : NULL;
	d->quote = NULL; /* not needed for the summary */
	d->publisher = c->publisher ? xstrdup(c->publisher) : NULL;
	d->published = c->published ? xstrdup(c->published) : NULL;
	d->title = NULL;
	d->who = NULL;
	d->reason = NULL;
	d->at = NULL;
	return 0;
}

static void claims_free(ClaimList *l)
{
	for (size_t i = 0; i < l->n; i++)
		claim_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void vote_add(Vote *v, int group)
{
	for (int i = 0; i < v->ngroups; i++)
		if (v->groups[i] == group)
			return;
	if (v->ngroups < 32)
		v->groups[v->ngroups++] = group;
}

/* The value of a single-valued field: the latest edit, else the most supported. */
static const Claim *pick(const ClaimList *l, const char *field, int prefer_precise)
{
	const Claim *edit = NULL;
	Vote votes[64];
	int nv = 0;
	for (size_t i = 0; i < l->n; i++) {
		const Claim *c = &l->v[i];
		if (strcmp(c->field, field) != 0 || !c->value)
			continue;
		if (!c->report_id) {
			edit = c;
			continue;
		}
		int k;
		for (k = 0; k < nv; k++)
			if (strcmp(votes[k].claim->value, c->value) == 0)
				break;
		if (k == nv) {
			if (nv == 64)
				continue;
			votes[nv].claim = c;
			votes[nv].ngroups = 0;
			nv++;
		}
		vote_add(&votes[k], c->group);
	}
	if (edit)
		return edit;
	const Claim *best = NULL;
	int best_n = 0;
	size_t best_len = 0;
	for (int k = 0; k < nv; k++) {
		size_t len = strlen(votes[k].claim->value);
		if (votes[k].ngroups > best_n ||
		    (votes[k].ngroups == best_n && prefer_precise && len > best_len)) {
			best = votes[k].claim;
			best_n = votes[k].ngroups;
			best_len = len;
		}
	}
	return best;
}

/* Distinct values of a list field, "; "-joined: a person's latest edit, else all. */
static char *gather(const ClaimList *l, const char *field)
{
	const Claim *edit = NULL;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].field, field) == 0 && !l->v[i].report_id)
			edit = &l->v[i];
	if (edit)
		return edit->value && *edit->value ? xstrdup(edit->value) : NULL;
	Blob b = BLOB_INIT;
	for (size_t i = 0; i < l->n; i++) {
		const Claim *c = &l->v[i];
		if (strcmp(c->field, field) != 0 || !c->value)
			continue;
		int dup = 0;
		for (size_t j = 0; j < i && !dup; j++)
			dup = strcmp(l->v[j].field, field) == 0 && l->v[j].value && l->v[j].report_id &&
			      strcasecmp(l->v[j].value, c->value) == 0;
		if (!dup) {
			if (b.len)
				blob_puts(&b, "; ");
			blob_puts(&b, c->value);
		}
	}
	return b.len ? blob_steal(&b) : (blob_free(&b), NULL);
}

static void tally(const ClaimList *l, const char *field, Count *out)
{
	const Claim *edit = NULL;
	int groups[64], ng = 0, open_at = -1;
	long long reports[64];
	int nr = 0;
	memset(out, 0, sizeof *out);
	out->min = out->max = -1;
	for (size_t i = 0; i < l->n; i++) {
		const Claim *c = &l->v[i];
		if (strcmp(c->field, field) != 0 || c->min < 0)
			continue;
		if (!c->report_id) {
			edit = c;
			continue;
		}
		long long high = c->max >= 0 ? c->max : c->min;
		if (out->min < 0 || c->min < out->min)
			out->min = c->min;
		if (high > out->max)
			out->max = high;
		if (c->max < 0 && c->min > open_at)
			open_at = (int)(c->min > 2000000000 ? 2000000000 : c->min);
		int seen = 0;
		for (int k = 0; k < nr; k++)
			seen |= reports[k] == c->report_id;
		if (!seen && nr < 64)
			reports[nr++] = c->report_id;
		seen = 0;
		for (int k = 0; k < ng; k++)
			seen |= groups[k] == c->group;
		if (!seen && ng < 64)
			groups[ng++] = c->group;
	}
	/* open when the highest figure is a lower bound ("at least 8") */
	out->open = open_at >= 0 && open_at >= out->max;
	out->sources = nr;
	out->independent = ng;
	if (edit) {
		out->min = edit->min;
		out->max = edit->max >= 0 ? edit->max : edit->min;
		out->open = edit->max < 0;
		out->edited = 1;
	}
}

/* A member of a claim's extra JSON, written by records.c itself: "key":"value" or number. */
static char *extra_str(const char *extra, const char *key)
{
	char pat[40];
	if (!extra)
		return NULL;
	snprintf(pat, sizeof pat, "\"%s\":\"", key);
	const char *s = strstr(extra, pat);
	if (!s)
		return NULL;
	s += strlen(pat);
	Blob b = BLOB_INIT;
	/* our own escaping (blob_json): \" \\ \n \t \uXXXX for controls */
	for (; *s && *s != '"'; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			blob_putc(&b, *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'r' ? '\r' : *s == 'u' ? '?' : *s);
			if (*s == 'u')
				for (int k = 0; k < 4 && s[1]; k++)
					s++;
		} else
			blob_putc(&b, *s);
	}
	return blob_steal(&b);
}

static int extra_num(const char *extra, const char *key, double *out)
{
	char pat[40];
	if (!extra)
		return 0;
	snprintf(pat, sizeof pat, "\"%s\":", key);
	const char *s = strstr(extra, pat);
	if (!s)
		return 0;
	char *end;
	*out = strtod(s + strlen(pat), &end);
	return end != s + strlen(pat);
}

int records_refresh(Store *st, long long id, Blob *err)
{
	Incident in;
	int found = store_incident_get(st, id, &in);
	if (found <= 0) {
		if (found < 0)
			fail_store(st, err);
		else
			blob_appendf(err, "no incident %lld", id);
		return REC_INTERNAL;
	}
	ClaimList l = {0};
	int rc = REC_INTERNAL;
	if (store_claims_each(st, id, collect_claim, &l) != 0) {
		fail_store(st, err);
		goto done;
	}
	/* source groups */
	long long reports[256];
	int groups[256];
	size_t nr = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (!l.v[i].report_id)
			continue;
		size_t k;
		for (k = 0; k < nr && reports[k] != l.v[i].report_id; k++)
			;
		if (k == nr && nr < 256)
			reports[nr++] = l.v[i].report_id;
	}
	if (source_groups(st, reports, nr, groups) != 0) {
		fail_store(st, err);
		goto done;
	}
	int ngroups = 0;
	for (size_t k = 0; k < nr; k++)
		if (groups[k] > ngroups)
			ngroups = groups[k];
	char *announced = NULL;
	for (size_t i = 0; i < l.n; i++) {
		Claim *c = &l.v[i];
		int g = 0;
		for (size_t k = 0; k < nr; k++)
			if (reports[k] == c->report_id)
				g = groups[k];
		if (g != c->group) {
			if (store_claim_set_group(st, c->id, g) != 0) {
				fail_store(st, err);
				goto done;
			}
			c->group = g;
		}
		if (c->report_id && c->published && (!announced || strcmp(c->published, announced) < 0))
			announced = c->published;
	}

	char *due = NULL;
	Incident s = in; /* keeps id, threat, fulfilled_by, created_at, … */
	Blob place_buf = BLOB_INIT;
	const Claim *kind = pick(&l, "kind", 0), *status = pick(&l, "status", 0), *date = pick(&l, "date", 1),
	            *place = pick(&l, "place", 0), *desc = pick(&l, "description", 0), *coords = pick(&l, "coords", 0);
	char *date_start = NULL, *date_end = NULL;
	if (date) {
		const char *slash = strchr(date->value, '/');
		date_start = slash ? xstrndup(date->value, (size_t)(slash - date->value)) : xstrdup(date->value);
		date_end = slash ? xstrdup(slash + 1) : NULL;
	}
	s.kind = kind ? kind->value : in.kind;
	s.status = status ? status->value : in.status;
	s.date_start = date_start;
	s.date_end = date_end;
	s.place = place ? place->value : NULL;
	s.description = desc ? desc->value : NULL;
	s.perpetrators = gather(&l, "perpetrator");
	s.targets = gather(&l, "target");
	tally(&l, "killed", &s.killed);
	tally(&l, "wounded", &s.wounded);
	tally(&l, "detained", &s.detained);
	s.sources = (int)nr;
	s.independent = ngroups;
	s.country = place ? extra_str(place->extra, "country") : NULL;
	s.admin1 = place ? extra_str(place->extra, "admin1") : NULL;
	s.admin2 = place ? extra_str(place->extra, "admin2") : NULL;
	double prec = 0;
	s.geo_precision = place && extra_num(place->extra, "precision", &prec) ? (int)prec : 0;
	s.has_coords = 0;
	s.place_id = 0;
	if (place && extra_num(place->extra, "lat", &s.lat) && extra_num(place->extra, "lon", &s.lon))
		s.has_coords = 1;
	if (coords && sscanf(coords->value, "%lf,%lf", &s.lat, &s.lon) == 2)
		s.has_coords = 1;
	/* the place record fills what the sources did not say */
	Place pr;
	int got = s.place ? store_place_find(st, s.place, &pr) : 0;
	if (got < 0) {
		fail_store(st, err);
		goto summary_done;
	}
	if (got) {
		s.place_id = pr.id;
		if (!s.country && pr.country)
			s.country = xstrdup(pr.country);
		if (!s.admin1 && pr.admin1)
			s.admin1 = xstrdup(pr.admin1);
		if (!s.admin2 && pr.admin2)
			s.admin2 = xstrdup(pr.admin2);
		if (!s.has_coords && pr.has_coords) {
			s.lat = pr.lat;
			s.lon = pr.lon;
			s.has_coords = 1;
			if (!s.geo_precision)
				s.geo_precision = pr.geo_precision;
		}
		place_free(&pr);
	}
	if (s.has_coords && !s.geo_precision)
		s.geo_precision = 1;
	/* threats */
	char first[11], last[11], nowd[21];
	s.announced = NULL;
	s.due = NULL;
	if (strcmp(s.status, "threatened") == 0) {
		if (!s.threat)
			s.threat = "open";
		s.announced = announced;
		date_bounds(s.date_start, s.date_end, first, last);
		if (last[0] && (!announced || strcmp(last, announced) > 0))
			s.due = due = xstrdup(last);
	} else
		s.threat = NULL;
	now_iso(nowd);
	s.updated_at = nowd;
	rc = store_incident_set_summary(st, &s) ? REC_INTERNAL : REC_OK;
	if (rc)
		fail_store(st, err);
	/* a threat made an occurred incident (by an edit) keeps no outcome */
	if (!rc && !s.threat && in.threat && store_incident_set_threat(st, id, NULL, 0, NULL, nowd) != 0) {
		fail_store(st, err);
		rc = REC_INTERNAL;
	}
summary_done:
	free(date_start);
	free(date_end);
	free(s.perpetrators);
	free(s.targets);
	free(s.country);
	free(s.admin1);
	free(s.admin2);
	free(due);
	blob_free(&place_buf);
done:
	claims_free(&l);
	incident_free(&in);
	return rc;
}

/* ---- matching ---- */

typedef struct MatchCtx {
	const ProposalRec *p;
	const char *family;
	char first[11], last[11];
	long long exclude, best;
	double best_score;
} MatchCtx;

/* 1 when two "; "-joined lists share a name (case-insensitive). */
static int share_name(const char *list, char **names)
{
	if (!list || !names)
		return 0;
	for (char **n = names; *n; n++) {
		size_t len = strlen(*n);
		const char *s = list;
		while (*s) {
			const char *e = strstr(s, "; ");
			size_t k = e ? (size_t)(e - s) : strlen(s);
			if (k == len && strncasecmp(s, *n, len) == 0)
				return 1;
			s += k;
			if (e)
				s += 2;
		}
	}
	return 0;
}

static int match_one(const Incident *in, void *ctx)
{
	MatchCtx *m = ctx;
	if (in->id == m->exclude || strcmp(kind_family(in->kind), m->family) != 0)
		return 0;
	char first[11], last[11];
	date_bounds(in->date_start, in->date_end, first, last);
	double score = 0.5;
	if (strcmp(in->kind, m->p->kind) == 0)
		score += 0.2;
	if (strcmp(first, m->last) <= 0 && strcmp(last, m->first) >= 0)
		score += 0.2; /* the dates overlap */
	else
		score += 0.1; /* within the window */
	if (!in->perpetrators || !m->p->perpetrators || share_name(in->perpetrators, m->p->perpetrators))
		score += 0.1;
	if (score > m->best_score + 1e-9) {
		m->best = in->id;
		m->best_score = score;
	}
	return 0;
}

/* Days either side of an event's dates within which another report may date it. */
#define MATCH_WINDOW 3

long long records_match(Store *st, const ProposalRec *p, long long exclude, double *score)
{
	MatchCtx m = {0};
	m.p = p;
	m.family = kind_family(p->kind);
	m.exclude = exclude;
	*score = 0;
	if (!p->place || !p->date_start || p->appeal)
		return 0;
	date_bounds(p->date_start, p->date_end, m.first, m.last);
	char lo[11], hi[11];
	date_shift(m.first, -MATCH_WINDOW, lo);
	date_shift(m.last, MATCH_WINDOW, hi);
	Place pl;
	long long place_id = 0;
	if (store_place_find(st, p->place, &pl) == 1) {
		place_id = pl.id;
		place_free(&pl);
	}
	if (store_incident_candidates(st, p->status, place_id, p->place, lo, hi, match_one, &m) != 0)
		return 0;
	*score = m.best_score;
	return m.best;
}

/* A threat is taken as carried out by an incident of its family at its place between
   its announcement and THREAT_GRACE days after its due date (or, with no due date,
   THREAT_HORIZON days after the announcement). */
#define THREAT_GRACE 30
#define THREAT_HORIZON 180

/* The days a threat waits for its incident: from its announcement (or its first day)
   until THREAT_GRACE days after its due date, or THREAT_HORIZON days after the
   announcement. 1 when both ends are known, else 0. */
static int threat_window(const Incident *t, char from[11], char until[11])
{
	char first[11], last[11];
	from[0] = until[0] = '\0';
	date_bounds(t->date_start, t->date_end, first, last);
	if (t->announced)
		snprintf(from, 11, "%.10s", t->announced);
	else
		snprintf(from, 11, "%s", first);
	if (t->due)
		date_shift(t->due, THREAT_GRACE, until);
	else if (from[0])
		date_shift(from, THREAT_HORIZON, until);
	return from[0] && until[0];
}

typedef struct ThreatCtx {
	const char *family;
	char first[11];
	long long best;
	char best_day[11];
} ThreatCtx;

static int threat_one(const Incident *t, void *ctx)
{
	ThreatCtx *m = ctx;
	if (!t->threat || strcmp(t->threat, "open") != 0 || strcmp(kind_family(t->kind), m->family) != 0)
		return 0;
	char from[11], until[11];
	if (!threat_window(t, from, until) || strcmp(m->first, from) < 0 || strcmp(m->first, until) > 0)
		return 0;
	/* the latest announcement before the incident */
	if (!m->best || strcmp(from, m->best_day) > 0) {
		m->best = t->id;
		snprintf(m->best_day, sizeof m->best_day, "%s", from);
	}
	return 0;
}

long long records_threat_match(Store *st, long long incident)
{
	Incident in;
	if (store_incident_get(st, incident, &in) != 1)
		return 0;
	ThreatCtx m = {0};
	char last[11], lo[11];
	m.family = kind_family(in.kind);
	date_bounds(in.date_start, in.date_end, m.first, last);
	date_shift(m.first, -(THREAT_HORIZON + 400), lo);
	if (in.status && strcmp(in.status, "occurred") == 0 && m.first[0])
		store_incident_candidates(st, "threatened", in.place_id, in.place, lo, last, threat_one, &m);
	incident_free(&in);
	return m.best;
}

typedef struct FulfilCtx {
	const char *family;
	long long best;
	char best_day[11];
} FulfilCtx;

static int fulfil_one(const Incident *in, void *ctx)
{
	FulfilCtx *f = ctx;
	char first[11], last[11];
	if (strcmp(kind_family(in->kind), f->family) != 0)
		return 0;
	date_bounds(in->date_start, in->date_end, first, last);
	/* the earliest incident after the announcement */
	if (!f->best || strcmp(first, f->best_day) < 0) {
		f->best = in->id;
		snprintf(f->best_day, sizeof f->best_day, "%s", first);
	}
	return 0;
}

long long records_threat_fulfilment(Store *st, const Incident *t)
{
	FulfilCtx f = {kind_family(t->kind), 0, ""};
	char from[11], until[11];
	if (!t->threat || strcmp(t->threat, "open") != 0 || !threat_window(t, from, until) || strlen(from) != 10)
		return 0;
	store_incident_candidates(st, "occurred", t->place_id, t->place, from, until, fulfil_one, &f);
	return f.best;
}

/* ---- accept ---- */

/* The evidence item that best supports a field: for a count, the first quote that has
   the figure in digits; otherwise the first. */
static const Evidence *evidence_for(const ProposalRec *p, long long figure)
{
	if (!p->nevidence)
		return NULL;
	if (figure >= 0) {
		char num[24];
		snprintf(num, sizeof num, "%lld", figure);
		for (size_t i = 0; i < p->nevidence; i++)
			if (strstr(p->evidence[i].quote, num))
				return &p->evidence[i];
	}
	return &p->evidence[0];
}

typedef struct ClaimBase {
	Store *st;
	long long incident, report, proposal;
	const char *who, *at;
	const ProposalRec *p;
} ClaimBase;

static int add_claim(const ClaimBase *b, const char *field, const char *value, long long min, long long max,
                     const char *extra)
{
	Claim c = {0};
	const Evidence *ev = evidence_for(b->p, min);
	c.incident_id = b->incident;
	c.field = (char *)field;
	c.value = (char *)value;
	c.min = min;
	c.max = max;
	c.extra = (char *)extra;
	c.report_id = b->report;
	c.proposal_id = b->proposal;
	c.who = (char *)b->who;
	c.at = (char *)b->at;
	if (ev) {
		c.quote = ev->quote;
		c.start = ev->start;
		c.end = ev->end;
		c.orig_start = ev->orig_start;
		c.orig_end = ev->orig_end;
	}
	return store_claim_add(b->st, &c, NULL);
}

/* The claims an event proposal makes. */
static int event_claims(const ClaimBase *b)
{
	const ProposalRec *p = b->p;
	int rc = add_claim(b, "kind", p->kind, -1, -1, NULL) || add_claim(b, "status", p->status, -1, -1, NULL);
	if (!rc && p->date_start) {
		Blob d = BLOB_INIT;
		blob_puts(&d, p->date_start);
		if (p->date_end)
			blob_appendf(&d, "/%s", p->date_end);
		rc = add_claim(b, "date", blob_str(&d), -1, -1, NULL);
		blob_free(&d);
	}
	if (!rc && p->place) {
		Blob x = BLOB_INIT;
		blob_putc(&x, '{');
		const char *names[3] = {"admin1", "admin2", "country"};
		const char *vals[3] = {p->admin1, p->admin2, p->country};
		for (int i = 0; i < 3; i++)
			if (vals[i]) {
				blob_appendf(&x, "%s\"%s\":", x.len > 1 ? "," : "", names[i]);
				blob_json_str(&x, vals[i]);
			}
		if (p->has_coords)
			blob_appendf(&x, "%s\"lat\":%.6f,\"lon\":%.6f", x.len > 1 ? "," : "", p->lat, p->lon);
		if (p->geo_precision)
			blob_appendf(&x, "%s\"precision\":%d", x.len > 1 ? "," : "", p->geo_precision);
		blob_putc(&x, '}');
		rc = add_claim(b, "place", p->place, -1, -1, x.len > 2 ? blob_str(&x) : NULL);
		blob_free(&x);
	}
	for (char **n = p->perpetrators; !rc && n && *n; n++) {
		Actor a;
		int got = store_actor_find(b->st, *n, &a);
		if (got < 0)
			return -1;
		rc = add_claim(b, "perpetrator", got ? a.name : *n, -1, -1, NULL);
		if (got)
			actor_free(&a);
	}
	for (char **n = p->targets; !rc && n && *n; n++)
		rc = add_claim(b, "target", *n, -1, -1, NULL);
	const PCount *counts[3] = {&p->killed, &p->wounded, &p->detained};
	const char *cnames[3] = {"killed", "wounded", "detained"};
	for (int i = 0; i < 3 && !rc; i++)
		if (counts[i]->set)
			rc = add_claim(b, cnames[i], NULL, counts[i]->min, counts[i]->max, NULL);
	if (!rc && p->description)
		rc = add_claim(b, "description", p->description, -1, -1, NULL);
	return rc;
}

/* Links an appeal and the incidents accepted from the same report. */
typedef struct LinkCtx {
	Store *st;
	long long appeal, incident;
	Touched *t;
	int failed;
} LinkCtx;

static int link_same_report(long long incident, long long appeal, void *ctx)
{
	LinkCtx *l = ctx;
	long long a = l->appeal ? l->appeal : appeal, i = l->incident ? l->incident : incident;
	if (!a || !i)
		return 0;
	if (store_appeal_link(l->st, a, i) != 0) {
		l->failed = 1;
		return 1;
	}
	touched_add(l->t, "appeal", a);
	return 0;
}

int records_accept(Store *st, long long proposal, long long into, int auto_match, const char *who,
                   AcceptResult *res, Blob *err)
{
	Proposal pr;
	ProposalRec p;
	AcceptResult dummy;
	if (!res)
		res = &dummy;
	memset(res, 0, sizeof *res);
	int found = store_proposal_get(st, proposal, &pr);
	if (found <= 0)
		return not_found(st, found, "proposal", proposal, err);
	if (strcmp(pr.state, "pending") != 0) {
		blob_appendf(err, "proposal %lld was already %s", proposal, pr.state);
		if (pr.incident_id)
			blob_appendf(err, " (incident %lld)", pr.incident_id);
		if (pr.appeal_id)
			blob_appendf(err, " (appeal %lld)", pr.appeal_id);
		proposal_free(&pr);
		return REC_INPUT;
	}
	int appeal = strcmp(pr.type, "appeal") == 0;
	Blob why = BLOB_INIT;
	if (proposal_parse(pr.json, strlen(pr.json), appeal, &p, &why) != 0) {
		blob_appendf(err, "proposal %lld cannot be accepted: %s", proposal, blob_str(&why));
		blob_free(&why);
		proposal_free(&pr);
		return REC_INPUT;
	}
	blob_free(&why);
	Report r;
	found = store_report_get(st, pr.report_id, &r);
	if (found <= 0) {
		blob_appendf(err, "proposal %lld: its report %lld is missing", proposal, pr.report_id);
		proposal_rec_free(&p);
		proposal_free(&pr);
		return REC_INTERNAL;
	}
	int rc = REC_INPUT;
	Touched t = {0};
	Blob payload = BLOB_INIT;
	char now[21];
	now_iso(now);
	if (into) {
		if (appeal) {
			Appeal a;
			found = store_appeal_get(st, into, &a);
			if (found == 1)
				appeal_free(&a);
			else {
				blob_appendf(err, "no appeal %lld", into);
				goto out;
			}
		} else {
			Incident in;
			found = store_incident_get(st, into, &in);
			if (found != 1) {
				blob_appendf(err, "no incident %lld", into);
				goto out;
			}
			int bad = 0;
			if (in.merged_into) {
				blob_appendf(err, "incident %lld was merged into %lld: accept into %lld", into, in.merged_into,
				             in.merged_into);
				bad = 1;
			} else if (strcmp(in.status, p.status) != 0) {
				blob_appendf(err, "proposal %lld is %s but incident %lld %s: accept it on its own%s", proposal,
				             strcmp(p.status, "threatened") == 0 ? "a threat" : "an occurred incident", into,
				             strcmp(in.status, "threatened") == 0 ? "a threat" : "occurred",
				             strcmp(in.status, "threatened") == 0 ? " and record the threat as fulfilled" : "");
				bad = 1;
			}
			incident_free(&in);
			if (bad)
				goto out;
		}
	}
	if ((rc = begin_tx(st, err)) != REC_OK)
		goto out;
	if (!into && auto_match && !appeal) {
		double score;
		long long m = records_match(st, &p, 0, &score);
		if (m && score >= 0.8 - 1e-9)
			into = m;
	}
	rc = REC_INTERNAL;
	if (appeal) {
		Appeal a = {0};
		Blob by = BLOB_INIT, to = BLOB_INIT;
		for (char **n = p.by; n && *n; n++)
			blob_appendf(&by, "%s%s", by.len ? "; " : "", *n);
		for (char **n = p.to; n && *n; n++)
			blob_appendf(&to, "%s%s", to.len ? "; " : "", *n);
		a.date = p.date_start ? p.date_start : r.published;
		a.by = by.len ? (char *)blob_str(&by) : NULL;
		a.to = to.len ? (char *)blob_str(&to) : NULL;
		a.demand = p.demand;
		a.created_at = now;
		long long id = into;
		int bad = !into && store_appeal_new(st, &a, &id) != 0;
		blob_free(&by);
		blob_free(&to);
		if (bad)
			goto fail;
		AppealSource s = {0};
		s.appeal_id = id;
		s.report_id = pr.report_id;
		s.proposal_id = proposal;
		if (p.nevidence) {
			s.quote = p.evidence[0].quote;
			s.start = p.evidence[0].start;
			s.end = p.evidence[0].end;
			s.orig_start = p.evidence[0].orig_start;
			s.orig_end = p.evidence[0].orig_end;
		}
		if (store_appeal_source_add(st, &s) != 0)
			goto fail;
		res->appeal_id = id;
		res->merged = into != 0;
		touched_add(&t, "appeal", id);
	} else {
		long long id = into;
		if (!into && store_incident_new(st, p.kind, p.status, now, &id) != 0)
			goto fail;
		ClaimBase b = {st, id, pr.report_id, proposal, who, now, &p};
		if (event_claims(&b) != 0)
			goto fail;
		if (p.residents.set || p.legal_status) {
			PopulationFact f = {0};
			const Evidence *ev = evidence_for(&p, p.residents.min);
			f.place = p.place ? p.place : "unknown";
			f.date = r.published ? r.published : p.date_start;
			f.min = p.residents.set ? p.residents.min : -1;
			f.max = p.residents.set ? p.residents.max : -1;
			f.legal_status = p.legal_status;
			f.report_id = pr.report_id;
			f.proposal_id = proposal;
			if (ev) {
				f.quote = ev->quote;
				f.start = ev->start;
				f.end = ev->end;
				f.orig_start = ev->orig_start;
				f.orig_end = ev->orig_end;
			}
			f.who = (char *)who;
			f.at = now;
			if (store_population_add(st, &f, &res->population_id) != 0)
				goto fail;
			touched_add(&t, "population", res->population_id);
		}
		if (records_refresh(st, id, err) != REC_OK)
			goto fail_quiet;
		res->incident_id = id;
		res->merged = into != 0;
		touched_add(&t, "incident", id);
	}
	if (store_proposal_review(st, proposal, "accepted", res->incident_id, res->appeal_id, who, NULL, now) != 0)
		goto fail;
	touched_add(&t, "proposal", proposal);
	/* an appeal and the incidents of the same report belong together */
	LinkCtx lc = {st, res->appeal_id, res->incident_id, &t, 0};
	if (store_report_accepted_each(st, pr.report_id, appeal ? "event" : "appeal", link_same_report, &lc) != 0 ||
	    lc.failed)
		goto fail;
	blob_appendf(&payload, "{\"auto\":%s,", auto_match ? "true" : "false");
	if (appeal)
		blob_appendf(&payload, "\"appeal\":%lld,", res->appeal_id);
	else
		blob_appendf(&payload, "\"incident\":%lld,", res->incident_id);
	blob_appendf(&payload, "\"into\":%s,\"proposal\":%lld,\"report\":%lld}", res->merged ? "true" : "false",
	             proposal, pr.report_id);
	if (ledger_append(st, who, "accept", blob_str(&payload), &t, err) != 0)
		goto fail_quiet;
	if ((rc = commit_tx(st, err)) != REC_OK)
		goto out;
	if (!appeal && !res->merged && res != &dummy) {
		double score;
		res->suggested = records_match(st, &p, res->incident_id, &score);
		if (strcmp(p.status, "occurred") == 0)
			res->threat_suggested = records_threat_match(st, res->incident_id);
	}
	goto out;
fail:
	fail_store(st, err);
fail_quiet:
	rc = abort_tx(st, REC_INTERNAL);
out:
	touched_free(&t);
	blob_free(&payload);
	report_free(&r);
	proposal_rec_free(&p);
	proposal_free(&pr);
	return rc;
}

static int collect_pending_ids(const Proposal *p, void *ctx)
{
	ids_push(ctx, p->id);
	return 0;
}

int records_accept_report(Store *st, long long report, const char *who, long *accepted, Blob *err)
{
	IdList ids = {0};
	int rc = REC_OK;
	if (store_proposals_each(st, "pending", report, collect_pending_ids, &ids) != 0) {
		fail_store(st, err);
		return REC_INTERNAL;
	}
	/* one transaction for the report's proposals (each accept joins it) */
	if (ids.n > 1 && (rc = begin_tx(st, err)) != REC_OK) {
		free(ids.v);
		return rc;
	}
	long done = 0;
	/* events first, so an appeal finds the incidents of its report to link to */
	for (int pass = 0; pass < 2 && rc != REC_INTERNAL; pass++)
		for (size_t i = 0; i < ids.n && rc != REC_INTERNAL; i++) {
			Proposal p;
			if (store_proposal_get(st, ids.v[i], &p) != 1)
				continue;
			int is_appeal = strcmp(p.type, "appeal") == 0;
			proposal_free(&p);
			if (is_appeal != pass)
				continue;
			Blob why = BLOB_INIT;
			int r = records_accept(st, ids.v[i], 0, 1, who, NULL, &why);
			if (r == REC_OK)
				done++;
			else {
				if (err->len)
					blob_puts(err, "; ");
				blob_appendf(err, "%s", blob_str(&why));
				if (r > rc)
					rc = r;
			}
			blob_free(&why);
		}
	if (ids.n > 1 && commit_tx(st, err) != REC_OK) {
		done = 0;
		rc = REC_INTERNAL;
	}
	*accepted += done;
	free(ids.v);
	return rc;
}

int records_reject(Store *st, long long proposal, const char *reason, const char *who, Blob *err)
{
	Proposal pr;
	if (!reason || !*reason) {
		blob_puts(err, "a rejection needs a reason (--reason TEXT)");
		return REC_INPUT;
	}
	int found = store_proposal_get(st, proposal, &pr);
	if (found <= 0)
		return not_found(st, found, "proposal", proposal, err);
	int pending = strcmp(pr.state, "pending") == 0;
	if (!pending)
		blob_appendf(err, "proposal %lld was already %s", proposal, pr.state);
	proposal_free(&pr);
	if (!pending)
		return REC_INPUT;
	char now[21];
	now_iso(now);
	int rc = begin_tx(st, err);
	if (rc)
		return rc;
	Touched t = {0};
	Blob payload = BLOB_INIT;
	touched_add(&t, "proposal", proposal);
	blob_appendf(&payload, "{\"proposal\":%lld,\"reason\":", proposal);
	blob_json_str(&payload, reason);
	blob_putc(&payload, '}');
	if (store_proposal_review(st, proposal, "rejected", 0, 0, who, reason, now) != 0) {
		fail_store(st, err);
		rc = REC_INTERNAL;
	} else if (ledger_append(st, who, "reject", blob_str(&payload), &t, err) != 0)
		rc = REC_INTERNAL;
	touched_free(&t);
	blob_free(&payload);
	return rc ? abort_tx(st, rc) : commit_tx(st, err);
}

/* ---- edit ---- */

/* The fields of an incident that `vigil edit` and the web's correction forms can set, in
   the order forms list them (NULL-terminated). */
const char *const records_edit_fields[] = {"kind", "status", "date", "place", "coords", "perpetrators",
                                           "targets", "killed", "wounded", "detained", "description", NULL};

/* One FIELD=VALUE checked and turned into the claim it makes. */
typedef struct EditItem {
	const char *field; /* claim field */
	char *value;
	long long min, max;
} EditItem;

static int edit_parse(const char *a, EditItem *e, Blob *err);

int edit_check(const char *assignment, Blob *err)
{
	EditItem e;
	int rc = edit_parse(assignment, &e, err);
	free(e.value);
	return rc;
}

static int edit_parse(const char *a, EditItem *e, Blob *err)
{
	const char *eq = strchr(a, '=');
	memset(e, 0, sizeof *e);
	e->min = e->max = -1;
	if (!eq || eq == a) {
		blob_appendf(err, "'%s' is not FIELD=VALUE", a);
		return -1;
	}
	size_t n = (size_t)(eq - a);
	const char *v = eq + 1;
	const char *const *fields = records_edit_fields;
	static const char *const claim_field[] = {"kind", "status", "date", "place", "coords", "perpetrator",
	                                          "target", "killed", "wounded", "detained", "description"};
	int f = -1;
	for (int i = 0; i < 11; i++)
		if (strlen(fields[i]) == n && strncmp(a, fields[i], n) == 0)
			f = i;
	if (f < 0) {
		blob_appendf(err, "'%.*s' is not a field: kind, status, date, place, coords, perpetrators, targets,"
		                  " killed, wounded, detained, description", (int)n, a);
		return -1;
	}
	e->field = claim_field[f];
	if (!*v && f != 5 && f != 6 && f != 10) {
		blob_appendf(err, "%s needs a value", fields[f]);
		return -1;
	}
	if (strlen(v) > 10000) {
		blob_appendf(err, "%s: the value is too long", fields[f]);
		return -1;
	}
	switch (f) {
	case 0:
		if (!kind_valid(v)) {
			blob_appendf(err, "kind '%s' is not one of attack, shelling, raid, siege, blockade, killing,"
			                  " arrest, abduction, relocation, surveillance, other", v);
			return -1;
		}
		break;
	case 1:
		if (strcmp(v, "occurred") != 0 && strcmp(v, "threatened") != 0) {
			blob_appendf(err, "status '%s' is neither occurred nor threatened", v);
			return -1;
		}
		break;
	case 2: {
		const char *sep = strchr(v, '/');
		char *a1 = sep ? xstrndup(v, (size_t)(sep - v)) : xstrdup(v);
		int ok = iso_date_valid(a1) && (!sep || (iso_date_valid(sep + 1) && strcmp(sep + 1, a1) >= 0));
		free(a1);
		if (!ok) {
			blob_appendf(err, "date '%s' is not an ISO date or START/END range (2013-02-09, 2013-02,"
			                  " 2013-02-09/2013-02-11)", v);
			return -1;
		}
		break;
	}
	case 4: {
		double lat, lon;
		char extra;
		if (sscanf(v, "%lf,%lf%c", &lat, &lon, &extra) != 2 || !(lat >= -90 && lat <= 90) ||
		    !(lon >= -180 && lon <= 180)) {
			blob_appendf(err, "coords '%s' is not LAT,LON in degrees", v);
			return -1;
		}
		char buf[64];
		snprintf(buf, sizeof buf, "%.6f,%.6f", lat, lon);
		e->value = xstrdup(buf);
		return 0;
	}
	case 7: case 8: case 9:
		if (!count_parse(v, &e->min, &e->max)) {
			blob_appendf(err, "%s '%s' is not a count (7, 7-8 or 100+)", fields[f], v);
			return -1;
		}
		return 0;
	case 5: case 6: {
		/* names separated by ";" */
		Blob b = BLOB_INIT;
		const char *s = v;
		while (*s) {
			const char *e2 = strchr(s, ';');
			size_t k = e2 ? (size_t)(e2 - s) : strlen(s);
			const char *p = s;
			while (k && (*p == ' ' || *p == '\t'))
				p++, k--;
			while (k && (p[k - 1] == ' ' || p[k - 1] == '\t'))
				k--;
			if (k) {
				if (b.len)
					blob_puts(&b, "; ");
				blob_append(&b, p, k);
			}
			s = e2 ? e2 + 1 : s + strlen(s);
		}
		e->value = blob_steal(&b);
		return 0;
	}
	}
	e->value = xstrdup(v);
	return 0;
}

int records_edit(Store *st, long long id, char *const *assignments, size_t n, const char *reason, const char *who,
                 Blob *err)
{
	if (!reason || !*reason) {
		blob_puts(err, "an edit needs a reason (--reason TEXT)");
		return REC_INPUT;
	}
	if (!n) {
		blob_puts(err, "nothing to edit: give FIELD=VALUE");
		return REC_INPUT;
	}
	Incident in;
	int found = store_incident_get(st, id, &in);
	if (found <= 0)
		return not_found(st, found, "incident", id, err);
	long long merged = in.merged_into;
	incident_free(&in);
	if (merged) {
		blob_appendf(err, "incident %lld was merged into %lld: edit %lld", id, merged, merged);
		return REC_INPUT;
	}
	EditItem *items = xcalloc(n, sizeof *items);
	int rc = REC_OK;
	for (size_t i = 0; i < n && !rc; i++)
		if (edit_parse(assignments[i], &items[i], err) != 0)
			rc = REC_INPUT;
	char now[21];
	now_iso(now);
	Touched t = {0};
	Blob payload = BLOB_INIT;
	if (!rc)
		rc = begin_tx(st, err);
	if (!rc) {
		blob_puts(&payload, "{\"changes\":[");
		for (size_t i = 0; i < n && !rc; i++) {
			Claim c = {0};
			c.incident_id = id;
			c.field = (char *)items[i].field;
			c.value = items[i].value;
			c.min = items[i].min;
			c.max = items[i].max;
			c.who = (char *)who;
			c.reason = (char *)reason;
			c.at = now;
			if (store_claim_add(st, &c, NULL) != 0) {
				fail_store(st, err);
				rc = REC_INTERNAL;
			}
			blob_puts(&payload, i ? "," : "");
			blob_json_str(&payload, assignments[i]);
		}
		blob_appendf(&payload, "],\"incident\":%lld,\"reason\":", id);
		blob_json_str(&payload, reason);
		blob_putc(&payload, '}');
		touched_add(&t, "incident", id);
		if (!rc)
			rc = records_refresh(st, id, err);
		if (!rc && ledger_append(st, who, "edit", blob_str(&payload), &t, err) != 0)
			rc = REC_INTERNAL;
		rc = rc ? abort_tx(st, rc) : commit_tx(st, err);
	}
	for (size_t i = 0; i < n; i++)
		free(items[i].value);
	free(items);
	touched_free(&t);
	blob_free(&payload);
	return rc;
}

/* ---- merge and split ---- */

static int touch_link(long long appeal, long long incident, void *ctx)
{
	(void)incident;
	touched_add(ctx, "appeal", appeal);
	return 0;
}

static int touch_incident(const Incident *in, void *ctx)
{
	touched_add(ctx, "incident", in->id);
	return 0;
}

/* A live incident, or an input error saying why not. */
static int live_incident(Store *st, long long id, Incident *in, Blob *err)
{
	int found = store_incident_get(st, id, in);
	if (found < 0) {
		fail_store(st, err);
		return REC_INTERNAL;
	}
	if (!found) {
		blob_appendf(err, "no incident %lld", id);
		return REC_INPUT;
	}
	if (in->merged_into) {
		blob_appendf(err, "incident %lld was already merged into %lld", id, in->merged_into);
		incident_free(in);
		return REC_INPUT;
	}
	return REC_OK;
}

int records_merge(Store *st, long long a, long long b, const char *who, Blob *err)
{
	if (a == b) {
		blob_appendf(err, "cannot merge incident %lld with itself", a);
		return REC_INPUT;
	}
	Incident ia, ib;
	int rc = live_incident(st, a, &ia, err);
	if (rc)
		return rc;
	if ((rc = live_incident(st, b, &ib, err)) != REC_OK) {
		incident_free(&ia);
		return rc;
	}
	if (strcmp(ia.status, ib.status) != 0) {
		blob_appendf(err, "incident %lld is %s and %lld %s: a threat is not merged with what followed"
		                  " (use vigil threat %lld --fulfilled-by …)", a, ia.status, b, ib.status,
		             strcmp(ia.status, "threatened") == 0 ? a : b);
		rc = REC_INPUT;
	}
	incident_free(&ia);
	incident_free(&ib);
	if (rc || (rc = begin_tx(st, err)) != REC_OK)
		return rc;
	char now[21];
	now_iso(now);
	Touched t = {0};
	Blob payload = BLOB_INIT;
	touched_add(&t, "incident", a);
	touched_add(&t, "incident", b);
	IncidentFilter f = {0};
	f.fulfilled_by = b;
	f.include_merged = 1;
	rc = REC_INTERNAL;
	if (store_appeal_links_each(st, 0, b, touch_link, &t) != 0 || store_incidents_each(st, &f, touch_incident, &t) != 0 ||
	    store_claims_move(st, b, a, 0, 0) < 0 || store_appeal_links_move(st, b, a) != 0 ||
	    store_incident_set_merged(st, b, a, now) != 0) {
		fail_store(st, err);
		goto fail;
	}
	/* threats carried out by b were carried out by a */
	for (size_t i = 0; i < t.n; i++) {
		long long tid;
		if (strncmp(t.keys[i], "incident/", 9) != 0 || !parse_id(t.keys[i] + 9, &tid) || tid == a || tid == b)
			continue;
		Incident th;
		if (store_incident_get(st, tid, &th) == 1) {
			int bad = store_incident_set_threat(st, tid, th.threat, a, th.threat_note, now);
			incident_free(&th);
			if (bad) {
				fail_store(st, err);
				goto fail;
			}
		}
	}
	if (records_refresh(st, a, err) != REC_OK || records_refresh(st, b, err) != REC_OK)
		goto fail;
	blob_appendf(&payload, "{\"from\":%lld,\"into\":%lld}", b, a);
	if (ledger_append(st, who, "merge", blob_str(&payload), &t, err) != 0)
		goto fail;
	rc = commit_tx(st, err);
	touched_free(&t);
	blob_free(&payload);
	return rc;
fail:
	touched_free(&t);
	blob_free(&payload);
	return abort_tx(st, REC_INTERNAL);
}

typedef struct SplitCheck {
	const long long *proposals, *claims;
	size_t np, nc;
	size_t moving, total;
	int *found_p, *found_c;
} SplitCheck;

static int split_check(const Claim *c, void *ctx)
{
	SplitCheck *s = ctx;
	int moves = 0;
	for (size_t i = 0; i < s->np; i++)
		if (c->proposal_id == s->proposals[i])
			moves = s->found_p[i] = 1;
	for (size_t i = 0; i < s->nc; i++)
		if (c->id == s->claims[i])
			moves = s->found_c[i] = 1;
	s->moving += moves;
	s->total++;
	return 0;
}

int records_split(Store *st, long long id, const long long *proposals, size_t np, const long long *claims, size_t nc,
                  const char *who, long long *new_id, Blob *err)
{
	Incident in;
	int rc = live_incident(st, id, &in, err);
	if (rc)
		return rc;
	if (!np && !nc) {
		blob_puts(err, "nothing to split off: give --proposal ID or --claim ID");
		incident_free(&in);
		return REC_INPUT;
	}
	SplitCheck sc = {proposals, claims, np, nc, 0, 0, xcalloc(np + 1, sizeof(int)), xcalloc(nc + 1, sizeof(int))};
	if (store_claims_each(st, id, split_check, &sc) != 0) {
		fail_store(st, err);
		rc = REC_INTERNAL;
	}
	for (size_t i = 0; i < np && !rc; i++)
		if (!sc.found_p[i]) {
			blob_appendf(err, "incident %lld has no claims from proposal %lld", id, proposals[i]);
			rc = REC_INPUT;
		}
	for (size_t i = 0; i < nc && !rc; i++)
		if (!sc.found_c[i]) {
			blob_appendf(err, "incident %lld has no claim %lld", id, claims[i]);
			rc = REC_INPUT;
		}
	if (!rc && sc.moving == sc.total) {
		blob_appendf(err, "that would move every claim of incident %lld: nothing would be left", id);
		rc = REC_INPUT;
	}
	free(sc.found_p);
	free(sc.found_c);
	char now[21];
	now_iso(now);
	long long nid = 0;
	Touched t = {0};
	Blob payload = BLOB_INIT;
	if (rc || (rc = begin_tx(st, err)) != REC_OK)
		goto out;
	rc = REC_INTERNAL;
	if (store_incident_new(st, in.kind, in.status, now, &nid) != 0) {
		fail_store(st, err);
		goto fail;
	}
	for (size_t i = 0; i < np; i++)
		if (store_claims_move(st, id, nid, proposals[i], 0) < 0) {
			fail_store(st, err);
			goto fail;
		}
	for (size_t i = 0; i < nc; i++)
		if (store_claims_move(st, id, nid, 0, claims[i]) < 0) {
			fail_store(st, err);
			goto fail;
		}
	if (records_refresh(st, id, err) != REC_OK || records_refresh(st, nid, err) != REC_OK)
		goto fail;
	touched_add(&t, "incident", id);
	touched_add(&t, "incident", nid);
	blob_appendf(&payload, "{\"claims\":[");
	for (size_t i = 0; i < nc; i++)
		blob_appendf(&payload, "%s%lld", i ? "," : "", claims[i]);
	blob_appendf(&payload, "],\"from\":%lld,\"into\":%lld,\"proposals\":[", id, nid);
	for (size_t i = 0; i < np; i++)
		blob_appendf(&payload, "%s%lld", i ? "," : "", proposals[i]);
	blob_puts(&payload, "]}");
	if (ledger_append(st, who, "split", blob_str(&payload), &t, err) != 0)
		goto fail;
	rc = commit_tx(st, err);
	if (!rc && new_id)
		*new_id = nid;
	goto out;
fail:
	rc = abort_tx(st, REC_INTERNAL);
out:
	incident_free(&in);
	touched_free(&t);
	blob_free(&payload);
	return rc;
}

/* ---- threats ---- */

int records_threat(Store *st, long long id, const char *state, long long by, const char *reason, const char *who,
                   Blob *err)
{
	static const char *const states[] = {"open", "fulfilled", "lapsed", "withdrawn"};
	int ok = 0;
	for (int i = 0; i < 4; i++)
		ok |= state && strcmp(state, states[i]) == 0;
	if (!ok) {
		blob_appendf(err, "'%s' is not open, fulfilled, lapsed or withdrawn", state ? state : "");
		return REC_INPUT;
	}
	if ((strcmp(state, "fulfilled") == 0) != (by != 0)) {
		blob_puts(err, by ? "only a fulfilled threat names the incident that fulfilled it"
		                  : "a fulfilled threat needs the incident that fulfilled it (--fulfilled-by ID)");
		return REC_INPUT;
	}
	Incident th, in;
	int rc = live_incident(st, id, &th, err);
	if (rc)
		return rc;
	if (strcmp(th.status, "threatened") != 0) {
		blob_appendf(err, "incident %lld is not a threat (its status is %s)", id, th.status);
		incident_free(&th);
		return REC_INPUT;
	}
	incident_free(&th);
	if (by) {
		if ((rc = live_incident(st, by, &in, err)) != REC_OK)
			return rc;
		int bad = strcmp(in.status, "occurred") != 0;
		if (bad)
			blob_appendf(err, "incident %lld did not occur: it is itself a threat", by);
		incident_free(&in);
		if (bad)
			return REC_INPUT;
	}
	if ((rc = begin_tx(st, err)) != REC_OK)
		return rc;
	char now[21];
	now_iso(now);
	Touched t = {0};
	Blob payload = BLOB_INIT;
	touched_add(&t, "incident", id);
	blob_appendf(&payload, "{\"by\":");
	if (by)
		blob_appendf(&payload, "%lld", by);
	else
		blob_puts(&payload, "null");
	blob_appendf(&payload, ",\"reason\":");
	blob_json_str(&payload, reason && *reason ? reason : NULL);
	blob_appendf(&payload, ",\"state\":\"%s\",\"threat\":%lld}", state, id);
	rc = REC_OK;
	if (store_incident_set_threat(st, id, state, by, reason && *reason ? reason : NULL, now) != 0) {
		fail_store(st, err);
		rc = REC_INTERNAL;
	} else if (ledger_append(st, who, "threat", blob_str(&payload), &t, err) != 0)
		rc = REC_INTERNAL;
	touched_free(&t);
	blob_free(&payload);
	return rc ? abort_tx(st, rc) : commit_tx(st, err);
}

/* ---- appeals ---- */

int records_appeal_respond(Store *st, long long id, const char *response, const char *date, long long report,
                           const char *note, const char *who, Blob *err)
{
	static const char *const states[] = {"none", "acknowledged", "answered", "acted"};
	int ok = 0;
	for (int i = 0; i < 4; i++)
		ok |= response && strcmp(response, states[i]) == 0;
	if (!ok) {
		blob_appendf(err, "'%s' is not none, acknowledged, answered or acted", response ? response : "");
		return REC_INPUT;
	}
	if (date && !iso_date_valid(date)) {
		blob_appendf(err, "'%s' is not an ISO date", date);
		return REC_INPUT;
	}
	Appeal a;
	int found = store_appeal_get(st, id, &a);
	if (found <= 0)
		return not_found(st, found, "appeal", id, err);
	if (report) {
		Report r;
		found = store_report_get(st, report, &r);
		if (found == 1)
			report_free(&r);
		else {
			blob_appendf(err, "no report %lld", report);
			appeal_free(&a);
			return found < 0 ? REC_INTERNAL : REC_INPUT;
		}
	}
	char now[21];
	now_iso(now);
	int rc = begin_tx(st, err);
	if (rc) {
		appeal_free(&a);
		return rc;
	}
	char *keep[4] = {a.response, a.response_date, a.response_note, a.updated_at};
	a.response = (char *)response;
	a.response_date = (char *)date;
	a.response_report = report;
	a.response_note = (char *)(note && *note ? note : NULL);
	a.updated_at = now;
	Touched t = {0};
	Blob payload = BLOB_INIT;
	touched_add(&t, "appeal", id);
	blob_appendf(&payload, "{\"appeal\":%lld,\"date\":", id);
	blob_json_str(&payload, date);
	blob_puts(&payload, ",\"note\":");
	blob_json_str(&payload, a.response_note);
	blob_puts(&payload, ",\"report\":");
	if (report)
		blob_appendf(&payload, "%lld", report);
	else
		blob_puts(&payload, "null");
	blob_appendf(&payload, ",\"response\":\"%s\"}", response);
	if (store_appeal_update(st, &a) != 0) {
		fail_store(st, err);
		rc = REC_INTERNAL;
	} else if (ledger_append(st, who, "appeal.respond", blob_str(&payload), &t, err) != 0)
		rc = REC_INTERNAL;
	a.response = keep[0];
	a.response_date = keep[1];
	a.response_note = keep[2];
	a.updated_at = keep[3];
	appeal_free(&a);
	touched_free(&t);
	blob_free(&payload);
	return rc ? abort_tx(st, rc) : commit_tx(st, err);
}

int records_appeal_link(Store *st, long long id, long long incident, const char *who, Blob *err)
{
	Appeal a;
	int found = store_appeal_get(st, id, &a);
	if (found <= 0)
		return not_found(st, found, "appeal", id, err);
	appeal_free(&a);
	Incident in;
	int rc = live_incident(st, incident, &in, err);
	if (rc)
		return rc;
	incident_free(&in);
	if ((rc = begin_tx(st, err)) != REC_OK)
		return rc;
	Touched t = {0};
	Blob payload = BLOB_INIT;
	touched_add(&t, "appeal", id);
	blob_appendf(&payload, "{\"appeal\":%lld,\"incident\":%lld}", id, incident);
	if (store_appeal_link(st, id, incident) != 0) {
		fail_store(st, err);
		rc = REC_INTERNAL;
	} else if (ledger_append(st, who, "appeal.link", blob_str(&payload), &t, err) != 0)
		rc = REC_INTERNAL;
	touched_free(&t);
	blob_free(&payload);
	return rc ? abort_tx(st, rc) : commit_tx(st, err);
}

/* ---- places and actors from data/ ---- */

/* Splits a TSV line in place into at most max fields; returns the count. */
static int tsv_fields(char *line, char **f, int max)
{
	int n = 0;
	f[n++] = line;
	for (char *s = line; *s && n < max; s++)
		if (*s == '\t') {
			*s = 0;
			f[n++] = s + 1;
		}
	return n;
}

/* Which column of the header holds name (one of several spellings); -1 when none. */
static int column(char **head, int n, const char *const *names)
{
	for (int i = 0; i < n; i++)
		for (const char *const *nm = names; *nm; nm++)
			if (strcasecmp(head[i], *nm) == 0)
				return i;
	return -1;
}

static char *field_or_null(char **f, int n, int col)
{
	return col >= 0 && col < n && f[col][0] ? f[col] : NULL;
}

/* Loads one dictionary: a TSV file whose first line (may start with "#") names the
   columns. The columns vigil reads are listed in load_places/load_actors. */
static int load_tsv(Store *st, const char *path, int places, const char *who, Touched *t, long long *added, Blob *err)
{
	Blob file = BLOB_INIT;
	if (read_file(path, &file) != 0) {
		blob_free(&file);
		return 0; /* no dictionary: nothing to load */
	}
	static const char *const c_name[] = {"name", "canonical", "place", "actor", NULL};
	static const char *const c_alias[] = {"aliases", "alias", "variants", NULL};
	static const char *const c_country[] = {"country", NULL};
	static const char *const c_admin1[] = {"admin1", "region", "province", "governorate", NULL};
	static const char *const c_admin2[] = {"admin2", "district", NULL};
	static const char *const c_lat[] = {"lat", "latitude", NULL};
	static const char *const c_lon[] = {"lon", "lng", "longitude", NULL};
	static const char *const c_prec[] = {"precision", "geo_precision", NULL};
	static const char *const c_group[] = {"group", "grp", "type", "category", NULL};
	char *line = file.data, *head[32], *f[32];
	int nh = 0, cols[9] = {-1, -1, -1, -1, -1, -1, -1, -1, -1}, rc = 0;
	while (line && *line && !rc) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		size_t len = strlen(line);
		if (len && line[len - 1] == '\r')
			line[len - 1] = 0;
		if (!nh) {
			char *h = line;
			while (*h == '#' || *h == ' ')
				h++;
			nh = tsv_fields(h, head, 32);
			cols[0] = column(head, nh, c_name);
			cols[1] = column(head, nh, c_alias);
			cols[2] = column(head, nh, c_country);
			cols[3] = column(head, nh, c_admin1);
			cols[4] = column(head, nh, c_admin2);
			cols[5] = column(head, nh, c_lat);
			cols[6] = column(head, nh, c_lon);
			cols[7] = column(head, nh, c_prec);
			cols[8] = column(head, nh, c_group);
			if (cols[0] < 0)
				cols[0] = 0;
		} else if (*line && *line != '#') {
			int n = tsv_fields(line, f, 32);
			char *name = field_or_null(f, n, cols[0]);
			char *aliases = field_or_null(f, n, cols[1]);
			if (aliases)
				for (char *s = aliases; *s; s++)
					if (*s == ';' || *s == ',')
						*s = '|';
			if (name && places) {
				Place p;
				int got = store_place_find(st, name, &p);
				if (got < 0)
					rc = -1;
				else if (got)
					place_free(&p);
				else {
					Place np = {0};
					char *lat = field_or_null(f, n, cols[5]), *lon = field_or_null(f, n, cols[6]);
					char *prec = field_or_null(f, n, cols[7]);
					np.name = name;
					np.aliases = aliases;
					np.country = field_or_null(f, n, cols[2]);
					np.admin1 = field_or_null(f, n, cols[3]);
					np.admin2 = field_or_null(f, n, cols[4]);
					if (lat && lon) {
						np.lat = atof(lat);
						np.lon = atof(lon);
						np.has_coords = fabs(np.lat) <= 90 && fabs(np.lon) <= 180;
					}
					np.geo_precision = prec ? atoi(prec) : 0;
					if (np.geo_precision < 0 || np.geo_precision > 3)
						np.geo_precision = 0;
					long long id;
					if (store_place_put(st, &np, &id) != 0)
						rc = -1;
					else {
						touched_add(t, "place", id);
						(*added)++;
					}
				}
			} else if (name) {
				Actor a;
				int got = store_actor_find(st, name, &a);
				if (got < 0)
					rc = -1;
				else if (got)
					actor_free(&a);
				else {
					Actor na = {0};
					na.name = name;
					na.aliases = aliases;
					na.group = field_or_null(f, n, cols[8]);
					na.country = field_or_null(f, n, cols[2]);
					long long id;
					if (store_actor_put(st, &na, &id) != 0)
						rc = -1;
					else {
						touched_add(t, "actor", id);
						(*added)++;
					}
				}
			}
		}
		line = nl ? nl + 1 : NULL;
	}
	if (rc)
		blob_appendf(err, "%s: %s", path, store_error(st));
	(void)who;
	blob_free(&file);
	return rc;
}

int records_load_dictionaries(Store *st, const char *datadir, const char *who, Blob *err)
{
	char places[4096], actors[4096];
	snprintf(places, sizeof places, "%s/places.tsv", datadir);
	snprintf(actors, sizeof actors, "%s/actors.tsv", datadir);
	int rc = begin_tx(st, err);
	if (rc)
		return rc;
	Touched t = {0};
	long long added = 0;
	if (load_tsv(st, places, 1, who, &t, &added, err) != 0 || load_tsv(st, actors, 0, who, &t, &added, err) != 0) {
		touched_free(&t);
		return abort_tx(st, REC_INTERNAL);
	}
	if (added) {
		Blob payload = BLOB_INIT;
		blob_appendf(&payload, "{\"added\":%lld,\"from\":", added);
		blob_json_str(&payload, datadir);
		blob_putc(&payload, '}');
		rc = ledger_append(st, who, "dictionary.load", blob_str(&payload), &t, err) ? REC_INTERNAL : REC_OK;
		blob_free(&payload);
	}
	touched_free(&t);
	return rc ? abort_tx(st, rc) : commit_tx(st, err);
}

/* ---- places and actors edited ---- */

/* Replaces *slot with a copy of v ("" clears it). */
static void set_str(char **slot, const char *v)
{
	free(*slot);
	*slot = *v ? xstrdup(v) : NULL;
}

/* Aliases as stored: separated by "|" (";" and "," accepted), each trimmed. */
static char *aliases_norm(const char *v)
{
	Blob b = BLOB_INIT;
	const char *s = v;
	while (*s) {
		size_t k = strcspn(s, ";,|");
		const char *a = s, *e = s + k;
		while (a < e && (*a == ' ' || *a == '\t'))
			a++;
		while (e > a && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e > a) {
			if (b.len)
				blob_putc(&b, '|');
			blob_append(&b, a, (size_t)(e - a));
		}
		s += k;
		if (*s)
			s++;
	}
	return b.len ? blob_steal(&b) : (blob_free(&b), NULL);
}

/* Applies one FIELD=VALUE to a place or an actor; -1 with the reason in err. */
static int dict_assign(int places, Place *p, Actor *a, const char *as, Blob *err)
{
	const char *eq = strchr(as, '=');
	if (!eq || eq == as) {
		blob_appendf(err, "'%s' is not FIELD=VALUE", as);
		return -1;
	}
	size_t n = (size_t)(eq - as);
	const char *v = eq + 1;
#define IS(f) (n == strlen(f) && strncmp(as, f, n) == 0)
	if (strlen(v) > 2000) {
		blob_appendf(err, "%.*s: the value is too long", (int)n, as);
		return -1;
	}
	if (IS("name")) {
		if (!*v) {
			blob_puts(err, "name needs a value");
			return -1;
		}
		set_str(places ? &p->name : &a->name, v);
	} else if (IS("aliases")) {
		char **slot = places ? &p->aliases : &a->aliases;
		free(*slot);
		*slot = aliases_norm(v);
	} else if (IS("country"))
		set_str(places ? &p->country : &a->country, v);
	else if (places && IS("admin1"))
		set_str(&p->admin1, v);
	else if (places && IS("admin2"))
		set_str(&p->admin2, v);
	else if (places && IS("coords")) {
		double lat, lon;
		char tail;
		if (!*v)
			p->has_coords = 0;
		else if (sscanf(v, "%lf ,%lf %c", &lat, &lon, &tail) == 2 && fabs(lat) <= 90 && fabs(lon) <= 180) {
			p->lat = lat;
			p->lon = lon;
			p->has_coords = 1;
		} else {
			blob_appendf(err, "coords: '%s' is not LAT,LON (degrees, -90..90 and -180..180)", v);
			return -1;
		}
	} else if (places && IS("precision")) {
		if (!*v)
			p->geo_precision = 0;
		else if (strlen(v) == 1 && *v >= '1' && *v <= '3')
			p->geo_precision = *v - '0';
		else {
			blob_appendf(err, "precision: '%s' is not 1 (the place), 2 (near it) or 3 (the region)", v);
			return -1;
		}
	} else if (!places && IS("group"))
		set_str(&a->group, v);
	else {
		blob_appendf(err, "'%.*s' is not a field of %s: %s", (int)n, as, places ? "a place" : "an actor",
		             places ? "name, aliases, country, admin1, admin2, coords, precision"
		                    : "name, aliases, group, country");
		return -1;
	}
#undef IS
	return 0;
}

typedef struct AtPlace {
	IdList ids;
} AtPlace;

static int collect_at_place(const Incident *in, void *ctx)
{
	ids_push(&((AtPlace *)ctx)->ids, in->id);
	return 0;
}

int records_dictionary_edit(Store *st, int places, const char *key, int add, char *const *assignments, size_t n,
                            const char *reason, const char *who, long long *id_out, Blob *err)
{
	const char *what = places ? "place" : "actor";
	if (!reason || !*reason) {
		blob_appendf(err, "a change to a %s needs a reason (--reason TEXT)", what);
		return REC_INPUT;
	}
	if (!n && !add) {
		blob_puts(err, "nothing to change: give FIELD=VALUE");
		return REC_INPUT;
	}
	Place p = {0};
	Actor a = {0};
	long long id = 0;
	int found;
	if (parse_id(key, &id))
		found = places ? store_place_get(st, id, &p) : store_actor_get(st, id, &a);
	else
		found = places ? store_place_find(st, key, &p) : store_actor_find(st, key, &a);
	if (found < 0) {
		fail_store(st, err);
		return REC_INTERNAL;
	}
	int rc = REC_INPUT;
	Touched t = {0};
	Blob payload = BLOB_INIT;
	AtPlace at = {{0}};
	if (found && add) {
		blob_appendf(err, "%s '%s' exists already (%s %lld)", what, key, what, places ? p.id : a.id);
		goto out;
	}
	if (!found && !add) {
		blob_appendf(err, "no %s '%s' (add one with --add)", what, key);
		goto out;
	}
	if (add) {
		if (parse_id(key, &id) || !*key) {
			blob_appendf(err, "a new %s needs a name, not '%s'", what, key);
			goto out;
		}
		if (places)
			p.name = xstrdup(key);
		else
			a.name = xstrdup(key);
	}
	char *old_name = !add ? xstrdup(places ? p.name : a.name) : NULL;
	for (size_t i = 0; i < n; i++)
		if (dict_assign(places, &p, &a, assignments[i], err) != 0) {
			free(old_name);
			goto out;
		}
	/* a renamed record keeps its old name as an alias: the reports still say it */
	if (old_name && strcasecmp(old_name, places ? p.name : a.name) != 0) {
		char **al = places ? &p.aliases : &a.aliases;
		Blob b = BLOB_INIT;
		blob_appendf(&b, "%s%s%s", *al ? *al : "", *al ? "|" : "", old_name);
		free(*al);
		*al = aliases_norm(blob_str(&b));
		blob_free(&b);
	}
	free(old_name);
	/* a new name must not be another record's name or alias */
	Place op;
	Actor oa;
	const char *name = places ? p.name : a.name;
	long long self = places ? p.id : a.id;
	int other = places ? store_place_find(st, name, &op) : store_actor_find(st, name, &oa);
	if (other < 0) {
		fail_store(st, err);
		rc = REC_INTERNAL;
		goto out;
	}
	if (other) {
		long long oid = places ? op.id : oa.id;
		if (places)
			place_free(&op);
		else
			actor_free(&oa);
		if (oid != self) {
			blob_appendf(err, "%s %lld is already called '%s'", what, oid, name);
			goto out;
		}
	}
	if ((rc = begin_tx(st, err)) != REC_OK)
		goto out;
	rc = REC_INTERNAL;
	if ((places ? store_place_put(st, &p, &id) : store_actor_put(st, &a, &id)) != 0) {
		fail_store(st, err);
		goto fail;
	}
	touched_add(&t, what, id);
	/* the incidents at a place take its new coordinates and region */
	if (places && !add) {
		IncidentFilter f = {0};
		f.place_id = id;
		f.include_merged = 1;
		if (store_incidents_each(st, &f, collect_at_place, &at) != 0) {
			fail_store(st, err);
			goto fail;
		}
		for (size_t i = 0; i < at.ids.n; i++) {
			if (records_refresh(st, at.ids.v[i], err) != REC_OK)
				goto fail;
			touched_add(&t, "incident", at.ids.v[i]);
		}
	}
	blob_appendf(&payload, "{\"changes\":[");
	for (size_t i = 0; i < n; i++) {
		blob_puts(&payload, i ? "," : "");
		blob_json_str(&payload, assignments[i]);
	}
	blob_appendf(&payload, "],\"%s\":%lld,\"reason\":", what, id);
	blob_json_str(&payload, reason);
	blob_putc(&payload, '}');
	char action[16];
	snprintf(action, sizeof action, "%s.%s", what, add ? "add" : "edit");
	if (ledger_append(st, who, action, blob_str(&payload), &t, err) != 0)
		goto fail;
	rc = commit_tx(st, err);
	if (rc == REC_OK && id_out)
		*id_out = id;
	goto out;
fail:
	rc = abort_tx(st, REC_INTERNAL);
out:
	free(at.ids.v);
	touched_free(&t);
	blob_free(&payload);
	place_free(&p);
	actor_free(&a);
	return rc;
}
