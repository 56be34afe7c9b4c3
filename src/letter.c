/*
** letter.c — `vigil letter`: a dated appeal or petition draft to an addressee, listing the
** documented incidents with their sources, the open threats, and the earlier appeals to
** the same addressee with what came of them — the letter documentalists otherwise write
** by hand. The wording is a template in data/templates/letter.md and letter.html (see
** template.h), so an organisation adapts it without touching code.
*/
#include "cli.h"
#include "records.h"
#include "template.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

typedef struct LetterCtx {
	Store *st;
	TObj *root;
	long long incidents, killed, wounded;
	int failed;
} LetterCtx;

static void set_count(TObj *o, const char *name, const Count *c)
{
	Blob b = BLOB_INIT;
	count_show(&b, c);
	if (b.len) {
		if (c->edited)
			blob_puts(&b, " (as established by review)");
		else
			blob_appendf(&b, " (%d source%s, %d independent)", c->sources, c->sources == 1 ? "" : "s",
			             c->independent);
		tobj_set(o, name, blob_str(&b));
	}
	blob_free(&b);
}

typedef struct SourceSeen {
	TObj *item;
	long long last_report;
} SourceSeen;

/* One line per source report of an incident: publisher, date and the first quote. */
static int letter_claim(const Claim *c, void *ctx)
{
	SourceSeen *s = ctx;
	if (!c->report_id || c->report_id == s->last_report)
		return 0;
	s->last_report = c->report_id;
	TObj *src = tobj_add(s->item, "sources");
	tobj_set(src, "publisher", c->publisher ? c->publisher : "unnamed source");
	tobj_set(src, "published", c->published);
	tobj_setf(src, "report", "%lld", c->report_id);
	if (c->quote) {
		Blob q = BLOB_INIT;
		int space = 0;
		for (const char *p = c->quote; *p; p++) {
			if (*p == '\n' || *p == '\r' || *p == '\t' || *p == ' ') {
				space = 1;
				continue;
			}
			if (space && q.len)
				blob_putc(&q, ' ');
			space = 0;
			blob_putc(&q, *p);
		}
		tobj_set(src, "quote", blob_str(&q));
		blob_free(&q);
	}
	return 0;
}

static void incident_fields(TObj *it, const Incident *in)
{
	tobj_setf(it, "id", "%lld", in->id);
	tobj_set(it, "kind", in->kind);
	tobj_set(it, "date", in->date_start);
	tobj_set(it, "date_end", in->date_end);
	tobj_set(it, "place", in->place ? in->place : "an unnamed place");
	tobj_set(it, "perpetrators", in->perpetrators);
	tobj_set(it, "description", in->description);
	set_count(it, "killed", &in->killed);
	set_count(it, "wounded", &in->wounded);
	set_count(it, "detained", &in->detained);
	tobj_setf(it, "sources_count", "%d", in->sources);
	tobj_setf(it, "independent", "%d", in->independent);
}

static int letter_incident(const Incident *in, void *ctx)
{
	LetterCtx *l = ctx;
	TObj *it = tobj_add(l->root, "incidents");
	incident_fields(it, in);
	SourceSeen s = {it, 0};
	if (store_claims_each(l->st, in->id, letter_claim, &s) != 0) {
		l->failed = 1;
		return 1;
	}
	l->incidents++;
	l->killed += in->killed.min > 0 ? in->killed.min : 0;
	l->wounded += in->wounded.min > 0 ? in->wounded.min : 0;
	return 0;
}

static int letter_threat(const Incident *in, void *ctx)
{
	LetterCtx *l = ctx;
	TObj *it = tobj_add(l->root, "threats");
	incident_fields(it, in);
	tobj_set(it, "announced", in->announced);
	tobj_set(it, "due", in->due);
	return 0;
}

static int letter_appeal(const Appeal *a, void *ctx)
{
	LetterCtx *l = ctx;
	TObj *it = tobj_add(l->root, "appeals");
	tobj_set(it, "date", a->date ? a->date : "an unknown date");
	tobj_set(it, "by", a->by);
	tobj_set(it, "to", a->to);
	tobj_set(it, "demand", a->demand);
	tobj_set(it, "response", a->response);
	tobj_set(it, "response_date", a->response_date);
	tobj_set(it, "unanswered", strcmp(a->response, "none") == 0 ? "yes" : NULL);
	return 0;
}

int cmd_letter(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"to", required_argument, NULL, 't'},
		{"since", required_argument, NULL, 's'},
		{"from", required_argument, NULL, 'f'},
		{"place", required_argument, NULL, 'p'},
		{"format", required_argument, NULL, 'F'},
		{"template", required_argument, NULL, 'T'},
		{NULL, 0, NULL, 0},
	};
	const char *to = NULL, *since = NULL, *from = NULL, *place = NULL, *format = "md", *tplpath = NULL;
	int ch;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+t:s:f:p:F:T:", longopts, NULL)) != -1) {
		switch (ch) {
		case 't': to = optarg; break;
		case 's': since = optarg; break;
		case 'f': from = optarg; break;
		case 'p': place = optarg; break;
		case 'F': format = optarg; break;
		case 'T': tplpath = optarg; break;
		default: return cli_usage("letter");
		}
	}
	if (optind != argc || !to || !*to)
		return cli_usage("letter");
	if (strcmp(format, "md") != 0 && strcmp(format, "html") != 0) {
		warn("--format %s: md or html", format);
		return EXIT_INPUT;
	}
	if (since && !iso_date_valid(since)) {
		warn("--since %s: not an ISO date (2013, 2013-02 or 2013-02-09)", since);
		return EXIT_INPUT;
	}
	Blob path = BLOB_INIT, tpl = BLOB_INIT, out = BLOB_INIT, err = BLOB_INIT;
	if (tplpath)
		blob_puts(&path, tplpath);
	else
		blob_appendf(&path, "%s/templates/letter.%s", cli_datadir(), format);
	if (read_file(blob_str(&path), &tpl) != 0) {
		warn("%s: %s", blob_str(&path), strerror(errno));
		blob_free(&path);
		return EXIT_INPUT;
	}
	Store *st = cli_store(c);
	LetterCtx l = {st, tobj_new(), 0, 0, 0, 0};
	char today[21], first[11] = "", last[11];
	now_iso(today);
	today[10] = 0;
	tobj_set(l.root, "to", to);
	tobj_set(l.root, "from", from ? from : "The undersigned");
	tobj_set(l.root, "date", today);
	tobj_set(l.root, "since", since);
	tobj_set(l.root, "place", place);
	IncidentFilter f = {0};
	f.status = "occurred";
	f.place = place;
	if (since) {
		date_bounds(since, NULL, first, last);
		f.since = first;
	}
	IncidentFilter t = {0};
	t.status = "threatened";
	t.place = place;
	t.today = today;
	int rc = EXIT_OK;
	const char *open_states[2] = {"due", "waiting"};
	if (store_incidents_each(st, &f, letter_incident, &l) != 0 || l.failed)
		rc = EXIT_INTERNAL;
	for (int i = 0; i < 2 && !rc; i++) {
		t.threat = open_states[i];
		if (store_incidents_each(st, &t, letter_threat, &l) != 0)
			rc = EXIT_INTERNAL;
	}
	if (!rc && store_appeals_each(st, to, NULL, letter_appeal, &l) != 0)
		rc = EXIT_INTERNAL;
	if (rc)
		warn("%s", store_error(st));
	else {
		tobj_setf(l.root, "incident_count", "%lld", l.incidents);
		tobj_setf(l.root, "killed_total", "%lld", l.killed);
		tobj_setf(l.root, "wounded_total", "%lld", l.wounded);
		if (template_render(tpl.data ? tpl.data : "", tpl.len, l.root,
		                    strcmp(format, "html") == 0 ? TEMPLATE_HTML : TEMPLATE_MARKDOWN, &out, &err) != 0) {
			warn("%s: %s", blob_str(&path), blob_str(&err));
			rc = EXIT_INPUT;
		} else
			fwrite(out.data ? out.data : "", 1, out.len, stdout);
	}
	tobj_free(l.root);
	blob_free(&path);
	blob_free(&tpl);
	blob_free(&out);
	blob_free(&err);
	return rc;
}
