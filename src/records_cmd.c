/*
** records_cmd.c — the commands over records: propose, review, accept, reject, edit,
** merge, split; incidents, incident; threats, threat; appeals, appeal; population,
** places, actors; ledger, verify; export. Each parses its arguments, calls records.c,
** ledger.c, export.c or the store, and prints text or (--json) the same data as JSON.
*/
#include "cli.h"
#include "export.h"
#include "ledger.h"
#include "records.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

/* Prints a record action's failure and turns its code into an exit code. */
static int report_rc(int rc, Blob *err)
{
	if (rc != REC_OK)
		warn("%s", blob_str(err));
	blob_free(err);
	return rc;
}

static void flush_blob(Blob *b)
{
	fwrite(b->data ? b->data : "", 1, b->len, stdout);
	blob_reset(b);
}

/* Loads places and actors from data/ when some are new; quietly, every command that
   reads records calls it. */
static void load_dictionaries(Store *st, const char *who)
{
	Blob err = BLOB_INIT;
	if (records_load_dictionaries(st, cli_datadir(), who, &err) != REC_OK)
		warn("dictionaries: %s", blob_str(&err));
	blob_free(&err);
}

static int parse_id_arg(const char *s, const char *what, long long *id)
{
	if (!parse_id(s, id)) {
		warn("'%s' is not %s id", s, what);
		return 0;
	}
	return 1;
}

static void quote_line(Blob *b, const char *q);

/* ---- propose ---- */

int cmd_propose(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {{"by", required_argument, NULL, 'b'}, {NULL, 0, NULL, 0}};
	const char *by = NULL;
	int ch;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+b:", longopts, NULL)) != -1) {
		if (ch != 'b')
			return cli_usage("propose");
		by = optarg;
	}
	if (optind != argc - 2)
		return cli_usage("propose");
	long long report;
	if (!parse_id_arg(argv[optind], "a report", &report))
		return EXIT_INPUT;
	Blob json = BLOB_INIT, err = BLOB_INIT;
	if (read_file(argv[optind + 1], &json) != 0) {
		warn("%s: %s", argv[optind + 1], strerror(errno));
		blob_free(&json);
		return EXIT_INPUT;
	}
	Store *st = cli_store(c);
	long long *ids = NULL;
	size_t n = 0;
	int rc = records_propose(st, report, json.data ? json.data : "", json.len, cli_user(by), &ids, &n, &err);
	blob_free(&json);
	if (rc == REC_OK) {
		printf("proposals");
		for (size_t i = 0; i < n; i++)
			printf(" %lld", ids[i]);
		printf(" (report %lld)\n", report);
	} else if (rc == REC_INPUT)
		blob_appendf(&err, "%s", ""), warn("%s: %s", argv[optind + 1], blob_str(&err));
	free(ids);
	if (rc == REC_INPUT) {
		blob_free(&err);
		return rc;
	}
	return report_rc(rc, &err);
}

/* ---- review ---- */

typedef struct ReviewCtx {
	Store *st;
	Blob out;
	int json;
	long n;
} ReviewCtx;

/* One line about a proposed record: what, when, where, how many. */
static void describe(Blob *b, const ProposalRec *p)
{
	if (p->appeal) {
		blob_appendf(b, "appeal %s", p->date_start ? p->date_start : "(no date)");
		if (p->by)
			blob_appendf(b, " by %s", p->by[0]);
		for (char **n = p->to; n && *n; n++)
			blob_appendf(b, "%s%s", n == p->to ? " to " : ", ", *n);
		return;
	}
	blob_appendf(b, "%s %s %s %s", p->kind, p->status, p->date_start ? p->date_start : "(no date)",
	             p->place ? p->place : "(no place)");
	for (char **n = p->perpetrators; n && *n; n++)
		blob_appendf(b, "%s%s", n == p->perpetrators ? " by " : ", ", *n);
	const PCount *cs[3] = {&p->killed, &p->wounded, &p->detained};
	const char *names[3] = {"killed", "wounded", "detained"};
	for (int i = 0; i < 3; i++)
		if (cs[i]->set) {
			blob_puts(b, "  ");
			count_format(b, cs[i]->min, cs[i]->max);
			blob_appendf(b, " %s", names[i]);
		}
}

static int review_one(const Proposal *pr, void *ctx)
{
	ReviewCtx *r = ctx;
	ProposalRec p;
	Blob why = BLOB_INIT;
	int ok = proposal_parse(pr->json, strlen(pr->json), strcmp(pr->type, "appeal") == 0, &p, &why) == 0;
	long long match = 0;
	double score = 0;
	if (ok && !p.appeal && strcmp(pr->state, "pending") == 0)
		match = records_match(r->st, &p, 0, &score);
	if (r->json) {
		blob_puts(&r->out, r->n ? ",\n" : "\n");
		blob_appendf(&r->out, "{\"id\":%lld,\"report\":%lld,\"type\":\"%s\",\"state\":\"%s\",\"incident\":",
		             pr->id, pr->report_id, pr->type, pr->state);
		if (pr->incident_id)
			blob_appendf(&r->out, "%lld", pr->incident_id);
		else
			blob_puts(&r->out, "null");
		blob_puts(&r->out, ",\"appeal\":");
		if (pr->appeal_id)
			blob_appendf(&r->out, "%lld", pr->appeal_id);
		else
			blob_puts(&r->out, "null");
		blob_appendf(&r->out, ",\"record\":%s,\"error\":", pr->json);
		blob_json_str(&r->out, ok ? NULL : blob_str(&why));
		if (match)
			blob_appendf(&r->out, ",\"suggested\":%lld,\"score\":%.2f}", match, score);
		else
			blob_puts(&r->out, ",\"suggested\":null,\"score\":null}");
	} else {
		blob_appendf(&r->out, "proposal %lld  report %lld  ", pr->id, pr->report_id);
		if (strcmp(pr->state, "pending") != 0) {
			blob_appendf(&r->out, "%s", pr->state);
			if (pr->incident_id || pr->appeal_id)
				blob_appendf(&r->out, " as %s %lld", pr->incident_id ? "incident" : "appeal",
				             pr->incident_id ? pr->incident_id : pr->appeal_id);
			if (pr->reason)
				blob_appendf(&r->out, " (%s)", pr->reason);
			blob_puts(&r->out, "  ");
		}
		if (ok)
			describe(&r->out, &p);
		else
			blob_appendf(&r->out, "UNREADABLE: %s", blob_str(&why));
		blob_putc(&r->out, '\n');
		for (size_t i = 0; ok && i < p.nevidence && i < 2; i++)
			quote_line(&r->out, p.evidence[i].quote);
		if (match)
			blob_appendf(&r->out, "    looks like incident %lld: vigil accept %lld --into %lld\n", match, pr->id,
			             match);
	}
	if (ok)
		proposal_rec_free(&p);
	blob_free(&why);
	r->n++;
	if (r->out.len > 1 << 16)
		flush_blob(&r->out);
	return 0;
}

int cmd_review(Cli *c, int argc, char **argv)
{
	int json = 0, all = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--all") == 0)
			all = 1;
		else
			return cli_usage("review");
	}
	Store *st = cli_store(c);
	load_dictionaries(st, cli_user(NULL));
	ReviewCtx r = {st, BLOB_INIT, json, 0};
	if (json)
		blob_putc(&r.out, '[');
	if (store_proposals_each(st, all ? NULL : "pending", 0, review_one, &r) != 0) {
		warn("%s", store_error(st));
		blob_free(&r.out);
		return EXIT_INTERNAL;
	}
	if (json)
		blob_puts(&r.out, r.n ? "\n]\n" : "]\n");
	else if (!r.n)
		blob_puts(&r.out, "no proposals are waiting for review\n");
	flush_blob(&r.out);
	blob_free(&r.out);
	return EXIT_OK;
}

/* ---- accept, reject ---- */

static void print_accepted(long long proposal, const AcceptResult *res)
{
	if (res->appeal_id)
		printf("proposal %lld: %s appeal %lld\n", proposal, res->merged ? "added to" : "new", res->appeal_id);
	else
		printf("proposal %lld: %s incident %lld\n", proposal, res->merged ? "added to" : "new", res->incident_id);
	if (res->suggested)
		printf("  looks like incident %lld as well: vigil merge %lld %lld\n", res->suggested, res->suggested,
		       res->incident_id);
	if (res->threat_suggested)
		printf("  may fulfil threat %lld: vigil threat %lld --fulfilled-by %lld\n", res->threat_suggested,
		       res->threat_suggested, res->incident_id);
}

typedef struct PendingCtx {
	long long *v;
	size_t n, cap;
} PendingCtx;

static int collect_pending(const Proposal *p, void *ctx)
{
	PendingCtx *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = p->id;
	return 0;
}

int cmd_accept(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"into", required_argument, NULL, 'i'},
		{"all", no_argument, NULL, 'a'},
		{"match", no_argument, NULL, 'm'},
		{"by", required_argument, NULL, 'b'},
		{"quiet", no_argument, NULL, 'q'},
		{NULL, 0, NULL, 0},
	};
	long long into = 0;
	int all = 0, match = 0, quiet = 0, ch;
	const char *by = NULL;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+i:amb:q", longopts, NULL)) != -1) {
		switch (ch) {
		case 'i':
			if (!parse_id_arg(optarg, "an incident or appeal", &into))
				return EXIT_INPUT;
			break;
		case 'a': all = 1; break;
		case 'm': match = 1; break;
		case 'b': by = optarg; break;
		case 'q': quiet = 1; break;
		default: return cli_usage("accept");
		}
	}
	if ((optind == argc) == !all || (all && into) || (into && argc - optind != 1))
		return cli_usage("accept");
	PendingCtx ids = {0};
	for (int i = optind; i < argc; i++) {
		long long id;
		if (!parse_id_arg(argv[i], "a proposal", &id)) {
			free(ids.v);
			return EXIT_INPUT;
		}
		Proposal p = {.id = id};
		collect_pending(&p, &ids);
	}
	Store *st = cli_store(c);
	const char *who = cli_user(by);
	load_dictionaries(st, who);
	if (all && store_proposals_each(st, "pending", 0, collect_pending, &ids) != 0) {
		warn("%s", store_error(st));
		return EXIT_INTERNAL;
	}
	int worst = EXIT_OK;
	long accepted = 0;
	/* Many proposals are accepted in batches of ACCEPT_BATCH per transaction (each one
	   still its own savepoint): a commit per proposal spent most of the time writing the
	   journal. A batch changes pages all over the incidents' indexes: with SQLite's 2 MB
	   cache it wrote them out to the journal and read them back many times over (16 MB:
	   on the bench's 50,001st-55,000th accepts, kernel time 0.24 -> 0.15 s, peak RSS
	   7 -> 22 MB). */
	enum { ACCEPT_BATCH = 2000 };
	int batch = ids.n > 1, open = 0;
	if (batch && store_cache_mb(st, 16) != 0)
		warn("%s", store_error(st)); /* slower, not wrong */
	long in_batch = 0; /* accepted since the batch began */
	for (size_t i = 0; i < ids.n; i++) {
		AcceptResult res;
		Blob err = BLOB_INIT;
		if (batch && !open) {
			if (store_begin(st) != 0) {
				warn("%s", store_error(st));
				worst = EXIT_INTERNAL;
				break;
			}
			open = 1;
		}
		int rc = records_accept(st, ids.v[i], into, match, who, quiet ? NULL : &res, &err);
		if (rc == REC_OK) {
			accepted++;
			in_batch++;
			if (!quiet)
				print_accepted(ids.v[i], &res);
		} else {
			warn("%s", blob_str(&err));
			if (rc > worst)
				worst = rc;
		}
		blob_free(&err);
		if (open && (rc == REC_INTERNAL || (i + 1) % ACCEPT_BATCH == 0 || i + 1 == ids.n)) {
			open = 0;
			if (store_commit(st) != 0) {
				warn("%s", store_error(st));
				store_rollback(st);
				worst = EXIT_INTERNAL;
				accepted -= in_batch; /* the batch was rolled back */
				break;
			}
			in_batch = 0;
		}
		if (rc == REC_INTERNAL)
			break;
	}
	if (all || ids.n > 1)
		printf("accepted %ld of %zu\n", accepted, ids.n);
	free(ids.v);
	return worst;
}

/* Reads the --reason TEXT and --by NAME options of a command (getopt's optstring, "+r:b:"
   to stop at the first argument, "r:b:" to take options anywhere); optind is left at the
   first argument. Returns -1 on an unknown option. */
static int reason_by_opts(int argc, char **argv, const char *optstring, const char **reason,
                          const char **by)
{
	static const struct option longopts[] = {
		{"reason", required_argument, NULL, 'r'},
		{"by", required_argument, NULL, 'b'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	optind = 0;
	while ((ch = getopt_long(argc, argv, optstring, longopts, NULL)) != -1) {
		if (ch == 'r')
			*reason = optarg;
		else if (ch == 'b')
			*by = optarg;
		else
			return -1;
	}
	return 0;
}

int cmd_reject(Cli *c, int argc, char **argv)
{
	const char *reason = NULL, *by = NULL;
	if (reason_by_opts(argc, argv, "+r:b:", &reason, &by) != 0)
		return cli_usage("reject");
	if (optind != argc - 1)
		return cli_usage("reject");
	long long id;
	if (!parse_id_arg(argv[optind], "a proposal", &id))
		return EXIT_INPUT;
	Blob err = BLOB_INIT;
	int rc = records_reject(cli_store(c), id, reason, cli_user(by), &err);
	if (rc == REC_OK)
		printf("proposal %lld rejected\n", id);
	return report_rc(rc, &err);
}

/* ---- edit, merge, split ---- */

int cmd_edit(Cli *c, int argc, char **argv)
{
	const char *reason = NULL, *by = NULL;
	/* no "+": options may follow the assignments */
	if (reason_by_opts(argc, argv, "r:b:", &reason, &by) != 0)
		return cli_usage("edit");
	if (argc - optind < 2)
		return cli_usage("edit");
	long long id;
	if (!parse_id_arg(argv[optind], "an incident", &id))
		return EXIT_INPUT;
	Blob err = BLOB_INIT;
	int rc = records_edit(cli_store(c), id, argv + optind + 1, (size_t)(argc - optind - 1), reason, cli_user(by), &err);
	if (rc == REC_OK)
		printf("incident %lld edited\n", id);
	return report_rc(rc, &err);
}

int cmd_merge(Cli *c, int argc, char **argv)
{
	const char *by = NULL;
	int n = 0;
	long long ids[2];
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--by") == 0 && i + 1 < argc)
			by = argv[++i];
		else if (n < 2 && parse_id(argv[i], &ids[n]))
			n++;
		else if (n < 2 && argv[i][0] != '-') {
			warn("'%s' is not an incident id", argv[i]);
			return EXIT_INPUT;
		} else
			return cli_usage("merge");
	}
	if (n != 2)
		return cli_usage("merge");
	Blob err = BLOB_INIT;
	int rc = records_merge(cli_store(c), ids[0], ids[1], cli_user(by), &err);
	if (rc == REC_OK)
		printf("incident %lld merged into %lld\n", ids[1], ids[0]);
	return report_rc(rc, &err);
}

int cmd_split(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"proposal", required_argument, NULL, 'p'},
		{"claim", required_argument, NULL, 'c'},
		{"by", required_argument, NULL, 'b'},
		{NULL, 0, NULL, 0},
	};
	long long props[64], claims[64];
	size_t np = 0, nc = 0;
	const char *by = NULL;
	int ch;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "p:c:b:", longopts, NULL)) != -1) {
		long long id;
		if (ch == 'b') {
			by = optarg;
			continue;
		}
		if (ch != 'p' && ch != 'c')
			return cli_usage("split");
		if (!parse_id_arg(optarg, ch == 'p' ? "a proposal" : "a claim", &id))
			return EXIT_INPUT;
		if (ch == 'p' && np < 64)
			props[np++] = id;
		else if (ch == 'c' && nc < 64)
			claims[nc++] = id;
	}
	if (optind != argc - 1)
		return cli_usage("split");
	long long id, nid = 0;
	if (!parse_id_arg(argv[optind], "an incident", &id))
		return EXIT_INPUT;
	Blob err = BLOB_INIT;
	int rc = records_split(cli_store(c), id, props, np, claims, nc, cli_user(by), &nid, &err);
	if (rc == REC_OK)
		printf("new incident %lld split from %lld\n", nid, id);
	return report_rc(rc, &err);
}

/* ---- incidents ---- */

/* "7–8 (3 sources, 2 independent)" */
static void count_text(Blob *b, const Count *k)
{
	if (k->min < 0) {
		blob_puts(b, "-");
		return;
	}
	count_show(b, k);
	if (k->edited)
		blob_puts(b, " (edited)");
	else
		blob_appendf(b, " (%d source%s, %d independent)", k->sources, k->sources == 1 ? "" : "s", k->independent);
}

typedef struct ListCtx {
	Store *st;
	Blob out;
	int json;
	long n;
	int failed;
	const char *today; /* threats: what is due */
} ListCtx;

/* Ends a listing: when the walk failed, says why (exit 2); else closes the JSON array, or
   says none (when not NULL) if nothing was listed, and writes it all out. */
static int list_end(ListCtx *l, int failed, const char *none)
{
	if (failed || l->failed) {
		warn("%s", store_error(l->st));
		blob_free(&l->out);
		return EXIT_INTERNAL;
	}
	if (l->json)
		blob_puts(&l->out, l->n ? "\n]\n" : "]\n");
	else if (!l->n && none)
		blob_puts(&l->out, none);
	flush_blob(&l->out);
	blob_free(&l->out);
	return EXIT_OK;
}

static int list_incident(const Incident *in, void *ctx)
{
	ListCtx *l = ctx;
	if (l->json) {
		blob_puts(&l->out, l->n ? ",\n" : "\n");
		if (incident_json(&l->out, l->st, in, 0) != 0) {
			l->failed = 1;
			return 1;
		}
	} else {
		Blob k = BLOB_INIT, w = BLOB_INIT;
		count_show(&k, &in->killed);
		count_show(&w, &in->wounded);
		blob_appendf(&l->out, "%5lld  %-10s  %-12s %-10s %-24.24s %7s %7s  %d (%d ind.)%s%s\n", in->id,
		             in->date_start ? in->date_start : "-", in->kind, in->threat ? in->threat : in->status,
		             in->place ? in->place : "-", k.len ? blob_str(&k) : "-", w.len ? blob_str(&w) : "-",
		             in->sources, in->independent, in->merged_into ? "  merged into " : "",
		             in->merged_into ? "" : "");
		if (in->merged_into)
			blob_appendf(&l->out, "%lld\n", in->merged_into);
		blob_free(&k);
		blob_free(&w);
	}
	l->n++;
	if (l->out.len > 1 << 16)
		flush_blob(&l->out);
	return 0;
}

/* Options shared by incidents and threats. */
static int filter_opts(int argc, char **argv, const char *cmd, IncidentFilter *f, int *json)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"kind", required_argument, NULL, 'k'},
		{"status", required_argument, NULL, 's'},
		{"place", required_argument, NULL, 'p'},
		{"actor", required_argument, NULL, 'a'},
		{"since", required_argument, NULL, 'S'},
		{"until", required_argument, NULL, 'U'},
		{"all", no_argument, NULL, 'A'},
		{"limit", required_argument, NULL, 'l'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+jk:s:p:a:S:U:Al:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j': *json = 1; break;
		case 'k':
			if (!kind_valid(optarg)) {
				warn("--kind %s: not a kind (attack, shelling, raid, siege, blockade, killing, arrest,"
				     " abduction, relocation, surveillance, other)", optarg);
				return EXIT_INPUT;
			}
			f->kind = optarg;
			break;
		case 's':
			if (strcmp(optarg, "occurred") != 0 && strcmp(optarg, "threatened") != 0) {
				warn("--status %s: occurred or threatened", optarg);
				return EXIT_INPUT;
			}
			f->status = optarg;
			break;
		case 'p': f->place = optarg; break;
		case 'a': f->actor = optarg; break;
		case 'S':
		case 'U':
			if (!iso_date_valid(optarg)) {
				warn("--%s %s: not an ISO date", ch == 'S' ? "since" : "until", optarg);
				return EXIT_INPUT;
			}
			if (ch == 'S')
				f->since = optarg;
			else
				f->until = optarg;
			break;
		case 'A': f->include_merged = 1; break;
		case 'l':
			if (!parse_id(optarg, &f->limit)) {
				warn("--limit %s: not a number", optarg);
				return EXIT_INPUT;
			}
			break;
		default: return cli_usage(cmd);
		}
	}
	if (optind != argc)
		return cli_usage(cmd);
	return EXIT_OK;
}

int cmd_incidents(Cli *c, int argc, char **argv)
{
	IncidentFilter f = {0};
	int json = 0, rc = filter_opts(argc, argv, "incidents", &f, &json);
	if (rc)
		return rc;
	/* since/until as days: "2013" reaches from 2013-01-01 to 2013-12-31 */
	char since[11], until[11], a[11], b[11];
	if (f.since) {
		date_bounds(f.since, NULL, since, a);
		f.since = since;
	}
	if (f.until) {
		date_bounds(f.until, NULL, b, until);
		f.until = until;
	}
	Store *st = cli_store(c);
	load_dictionaries(st, cli_user(NULL));
	ListCtx l = {st, BLOB_INIT, json, 0, 0};
	if (json)
		blob_putc(&l.out, '[');
	return list_end(&l, store_incidents_each(st, &f, list_incident, &l) != 0, "no incidents\n");
}

typedef struct ShowCtx {
	Blob *out;
	long long last_report, last_proposal;
	int open_line;
} ShowCtx;

/* A quote on one line: runs of white space as one space, at most 400 bytes. */
static void quote_line(Blob *b, const char *q)
{
	size_t n = 0;
	int space = 0;
	blob_puts(b, "      \"");
	for (; *q && n < 400; q++) {
		if (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r') {
			space = 1;
			continue;
		}
		if (space && n)
			blob_putc(b, ' ');
		space = 0;
		blob_putc(b, *q);
		n++;
	}
	blob_puts(b, *q ? "…\"\n" : "\"\n");
}

/* Claims grouped by the proposal they came from: one line per source, then its quote. */
static int show_claim(const Claim *cl, void *ctx)
{
	ShowCtx *sc = ctx;
	Blob *b = sc->out;
	if (!cl->report_id) {
		if (sc->open_line)
			blob_putc(b, '\n');
		sc->open_line = 0;
		sc->last_report = sc->last_proposal = 0;
		blob_appendf(b, "  claim %lld: %s = ", cl->id, cl->field);
		if (cl->value)
			blob_appendf(b, "%s", cl->value);
		else
			count_format(b, cl->min, cl->max);
		blob_appendf(b, "  (edited by %s at %s: %s)\n", cl->who, cl->at, cl->reason ? cl->reason : "");
		return 0;
	}
	if (cl->report_id != sc->last_report || cl->proposal_id != sc->last_proposal) {
		if (sc->open_line)
			blob_putc(b, '\n');
		blob_appendf(b, "  report %lld (%s, %s), source group %d, proposal %lld, claims from %lld:\n",
		             cl->report_id, cl->publisher ? cl->publisher : "publisher unknown",
		             cl->published ? cl->published : "undated", cl->group, cl->proposal_id, cl->id);
		if (cl->quote)
			quote_line(b, cl->quote);
		blob_puts(b, "     ");
		sc->last_report = cl->report_id;
		sc->last_proposal = cl->proposal_id;
		sc->open_line = 1;
	}
	blob_appendf(b, " %s=", cl->field);
	if (cl->value)
		blob_appendf(b, "%s", cl->value);
	else
		count_format(b, cl->min, cl->max);
	return 0;
}

static int show_link(long long appeal, long long incident, void *ctx)
{
	(void)incident;
	blob_appendf(((ShowCtx *)ctx)->out, " %lld", appeal);
	return 0;
}

static int show_fulfilled(const Incident *t, void *ctx)
{
	blob_appendf(((ShowCtx *)ctx)->out, " %lld", t->id);
	return 0;
}

int cmd_incident(Cli *c, int argc, char **argv)
{
	int json = 0;
	const char *idarg = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (!idarg)
			idarg = argv[i];
		else
			return cli_usage("incident");
	}
	long long id;
	if (!idarg)
		return cli_usage("incident");
	if (!parse_id_arg(idarg, "an incident", &id))
		return EXIT_INPUT;
	Store *st = cli_store(c);
	Incident in;
	int found = store_incident_get(st, id, &in);
	if (found < 0) {
		warn("%s", store_error(st));
		return EXIT_INTERNAL;
	}
	if (!found) {
		warn("no incident %lld", id);
		return EXIT_INPUT;
	}
	Blob out = BLOB_INIT;
	int rc = EXIT_OK;
	if (json) {
		if (incident_json(&out, st, &in, 1) != 0)
			rc = EXIT_INTERNAL;
		blob_putc(&out, '\n');
	} else {
		blob_appendf(&out, "incident %lld: %s, %s\n", in.id, in.kind, in.status);
		if (in.merged_into)
			blob_appendf(&out, "merged into %lld\n", in.merged_into);
		blob_appendf(&out, "date          %s%s%s\n", in.date_start ? in.date_start : "unknown",
		             in.date_end ? " to " : "", in.date_end ? in.date_end : "");
		blob_appendf(&out, "place         %s", in.place ? in.place : "unknown");
		if (in.admin1)
			blob_appendf(&out, ", %s", in.admin1);
		if (in.country)
			blob_appendf(&out, ", %s", in.country);
		if (in.has_coords)
			blob_appendf(&out, " (%.4f, %.4f)", in.lat, in.lon);
		blob_appendf(&out, "\nperpetrators  %s\n", in.perpetrators ? in.perpetrators : "not named");
		if (in.targets)
			blob_appendf(&out, "targets       %s\n", in.targets);
		blob_puts(&out, "killed        ");
		count_text(&out, &in.killed);
		blob_puts(&out, "\nwounded       ");
		count_text(&out, &in.wounded);
		blob_puts(&out, "\ndetained      ");
		count_text(&out, &in.detained);
		blob_appendf(&out, "\nsources       %d report%s, %d independent\n", in.sources, in.sources == 1 ? "" : "s",
		             in.independent);
		if (in.description)
			blob_appendf(&out, "description   %s\n", in.description);
		if (in.threat) {
			blob_appendf(&out, "threat        %s", in.threat);
			if (in.announced)
				blob_appendf(&out, ", announced %s", in.announced);
			if (in.due)
				blob_appendf(&out, ", due %s", in.due);
			if (in.fulfilled_by)
				blob_appendf(&out, ", fulfilled by incident %lld", in.fulfilled_by);
			if (in.threat_note)
				blob_appendf(&out, " (%s)", in.threat_note);
			blob_putc(&out, '\n');
		}
		ShowCtx sc = {&out, 0, 0, 0};
		size_t mark = out.len;
		blob_puts(&out, "appeals      ");
		if (store_appeal_links_each(st, 0, id, show_link, &sc) != 0)
			rc = EXIT_INTERNAL;
		if (out.len == mark + 13)
			blob_truncate(&out, mark);
		else
			blob_putc(&out, '\n');
		if (!in.threat) {
			IncidentFilter f = {0};
			f.fulfilled_by = id;
			mark = out.len;
			blob_puts(&out, "fulfils threats");
			if (store_incidents_each(st, &f, show_fulfilled, &sc) != 0)
				rc = EXIT_INTERNAL;
			if (out.len == mark + 15)
				blob_truncate(&out, mark);
			else
				blob_putc(&out, '\n');
		}
		blob_puts(&out, "claims:\n");
		if (store_claims_each(st, id, show_claim, &sc) != 0)
			rc = EXIT_INTERNAL;
		if (sc.open_line)
			blob_putc(&out, '\n');
	}
	if (rc)
		warn("%s", store_error(st));
	flush_blob(&out);
	blob_free(&out);
	incident_free(&in);
	return rc;
}

/* ---- threats ---- */

static int list_threat(const Incident *in, void *ctx)
{
	ListCtx *l = ctx;
	int due = in->threat && strcmp(in->threat, "open") == 0 && in->due && strcmp(in->due, l->today) < 0;
	if (l->json) {
		blob_puts(&l->out, l->n ? ",\n" : "\n");
		if (incident_json(&l->out, l->st, in, 0) != 0) {
			l->failed = 1;
			return 1;
		}
	} else {
		blob_appendf(&l->out, "%5lld  %-9s %-12s %-24.24s announced %-10s due %-10s", in->id,
		             due ? "DUE" : in->threat, in->kind, in->place ? in->place : "-",
		             in->announced ? in->announced : "-", in->due ? in->due : "-");
		if (in->fulfilled_by)
			blob_appendf(&l->out, " fulfilled by %lld", in->fulfilled_by);
		blob_putc(&l->out, '\n');
		/* the incident that may have carried it out, for a person to confirm */
		long long by = records_threat_fulfilment(l->st, in);
		if (by)
			blob_appendf(&l->out, "       may have been carried out by incident %lld: vigil threat %lld --fulfilled-by %lld\n",
			             by, in->id, by);
	}
	l->n++;
	return 0;
}

int cmd_threats(Cli *c, int argc, char **argv)
{
	IncidentFilter f = {0};
	int json = 0, rc = filter_opts(argc, argv, "threats", &f, &json);
	if (rc)
		return rc;
	Store *st = cli_store(c);
	load_dictionaries(st, cli_user(NULL));
	char today[21];
	now_iso(today);
	today[10] = 0;
	ListCtx l = {st, BLOB_INIT, json, 0, 0, today};
	f.status = "threatened";
	/* open and due first (the oldest due date first), then open, then the decided ones */
	const char *order[] = {"due", "waiting", "fulfilled", "lapsed", "withdrawn"};
	if (json)
		blob_putc(&l.out, '[');
	int failed = 0;
	for (int i = 0; i < 5 && !failed && !l.failed; i++) {
		IncidentFilter g = f;
		g.threat = order[i];
		g.today = today;
		failed = store_incidents_each(st, &g, list_threat, &l) != 0;
	}
	return list_end(&l, failed, "no threats\n");
}

int cmd_threat(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"fulfilled-by", required_argument, NULL, 'f'},
		{"lapsed", no_argument, NULL, 'l'},
		{"withdrawn", no_argument, NULL, 'w'},
		{"reopen", no_argument, NULL, 'o'},
		{"reason", required_argument, NULL, 'r'},
		{"by", required_argument, NULL, 'b'},
		{NULL, 0, NULL, 0},
	};
	const char *state = NULL, *reason = NULL, *by = NULL;
	long long fulfilled = 0;
	int ch, n = 0;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "f:lwor:b:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (!parse_id_arg(optarg, "an incident", &fulfilled))
				return EXIT_INPUT;
			state = "fulfilled", n++;
			break;
		case 'l': state = "lapsed", n++; break;
		case 'w': state = "withdrawn", n++; break;
		case 'o': state = "open", n++; break;
		case 'r': reason = optarg; break;
		case 'b': by = optarg; break;
		default: return cli_usage("threat");
		}
	}
	if (optind != argc - 1 || n != 1)
		return cli_usage("threat");
	long long id;
	if (!parse_id_arg(argv[optind], "a threat (incident)", &id))
		return EXIT_INPUT;
	Blob err = BLOB_INIT;
	int rc = records_threat(cli_store(c), id, state, fulfilled, reason, cli_user(by), &err);
	if (rc == REC_OK)
		printf("threat %lld: %s\n", id, state);
	return report_rc(rc, &err);
}

/* ---- appeals ---- */

static int list_appeal(const Appeal *a, void *ctx)
{
	ListCtx *l = ctx;
	if (l->json) {
		blob_puts(&l->out, l->n ? ",\n" : "\n");
		if (appeal_json(&l->out, l->st, a) != 0) {
			l->failed = 1;
			return 1;
		}
	} else
		blob_appendf(&l->out, "%5lld  %-10s  to %-40.40s  by %-20.20s  response: %s%s%s\n", a->id,
		             a->date ? a->date : "-", a->to ? a->to : "-", a->by ? a->by : "-", a->response,
		             a->response_date ? " " : "", a->response_date ? a->response_date : "");
	l->n++;
	return 0;
}

int cmd_appeals(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"to", required_argument, NULL, 't'},
		{"since", required_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	const char *to = NULL, *since = NULL;
	int json = 0, ch;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+jt:s:", longopts, NULL)) != -1) {
		if (ch == 'j')
			json = 1;
		else if (ch == 't')
			to = optarg;
		else if (ch == 's') {
			if (!iso_date_valid(optarg)) {
				warn("--since %s: not an ISO date", optarg);
				return EXIT_INPUT;
			}
			since = optarg;
		} else
			return cli_usage("appeals");
	}
	if (optind != argc)
		return cli_usage("appeals");
	Store *st = cli_store(c);
	ListCtx l = {st, BLOB_INIT, json, 0, 0};
	if (json)
		blob_putc(&l.out, '[');
	return list_end(&l, store_appeals_each(st, to, since, list_appeal, &l) != 0, "no appeals\n");
}

static int show_source(const AppealSource *s, void *ctx)
{
	Blob *b = ctx;
	blob_appendf(b, "  report %lld (%s, %s)\n", s->report_id, s->publisher ? s->publisher : "publisher unknown",
	             s->published ? s->published : "undated");
	if (s->quote)
		blob_appendf(b, "      \"%.400s\"\n", s->quote);
	return 0;
}

static int show_appeal_link(long long appeal, long long incident, void *ctx)
{
	(void)appeal;
	blob_appendf(ctx, " %lld", incident);
	return 0;
}

int cmd_appeal(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"respond", required_argument, NULL, 'r'},
		{"date", required_argument, NULL, 'd'},
		{"source", required_argument, NULL, 's'},
		{"note", required_argument, NULL, 'n'},
		{"link", required_argument, NULL, 'l'},
		{"by", required_argument, NULL, 'b'},
		{NULL, 0, NULL, 0},
	};
	const char *respond = NULL, *date = NULL, *note = NULL, *by = NULL;
	long long source = 0, link = 0;
	int json = 0, ch;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "jr:d:s:n:l:b:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j': json = 1; break;
		case 'r': respond = optarg; break;
		case 'd': date = optarg; break;
		case 'n': note = optarg; break;
		case 'b': by = optarg; break;
		case 's':
			if (!parse_id_arg(optarg, "a report", &source))
				return EXIT_INPUT;
			break;
		case 'l':
			if (!parse_id_arg(optarg, "an incident", &link))
				return EXIT_INPUT;
			break;
		default: return cli_usage("appeal");
		}
	}
	if (optind != argc - 1 || ((date || source || note) && !respond))
		return cli_usage("appeal");
	long long id;
	if (!parse_id_arg(argv[optind], "an appeal", &id))
		return EXIT_INPUT;
	Store *st = cli_store(c);
	Blob err = BLOB_INIT;
	if (respond || link) {
		int rc = REC_OK;
		if (respond)
			rc = records_appeal_respond(st, id, respond, date, source, note, cli_user(by), &err);
		if (rc == REC_OK && link)
			rc = records_appeal_link(st, id, link, cli_user(by), &err);
		if (rc == REC_OK)
			printf("appeal %lld updated\n", id);
		return report_rc(rc, &err);
	}
	blob_free(&err);
	Appeal a;
	int found = store_appeal_get(st, id, &a);
	if (found <= 0) {
		warn(found < 0 ? "%s" : "no appeal %s", found < 0 ? store_error(st) : argv[optind]);
		return found < 0 ? EXIT_INTERNAL : EXIT_INPUT;
	}
	Blob out = BLOB_INIT;
	int rc = EXIT_OK;
	if (json) {
		rc = appeal_json(&out, st, &a) ? EXIT_INTERNAL : EXIT_OK;
		blob_putc(&out, '\n');
	} else {
		blob_appendf(&out, "appeal %lld\ndate       %s\nby         %s\nto         %s\ndemand     %s\n"
		                   "response   %s%s%s%s%s\n",
		             a.id, a.date ? a.date : "-", a.by ? a.by : "-", a.to ? a.to : "-", a.demand ? a.demand : "-",
		             a.response, a.response_date ? " on " : "", a.response_date ? a.response_date : "",
		             a.response_note ? ": " : "", a.response_note ? a.response_note : "");
		blob_puts(&out, "incidents ");
		if (store_appeal_links_each(st, id, 0, show_appeal_link, &out) != 0)
			rc = EXIT_INTERNAL;
		blob_puts(&out, "\nsources:\n");
		if (store_appeal_sources_each(st, id, show_source, &out) != 0)
			rc = EXIT_INTERNAL;
	}
	if (rc)
		warn("%s", store_error(st));
	flush_blob(&out);
	blob_free(&out);
	appeal_free(&a);
	return rc;
}

/* ---- population, places, actors ---- */

static int list_population(const PopulationFact *p, void *ctx)
{
	ListCtx *l = ctx;
	if (l->json) {
		blob_puts(&l->out, l->n ? ",\n" : "\n");
		blob_appendf(&l->out, "{\"id\":%lld,\"place\":", p->id);
		blob_json_str(&l->out, p->place);
		blob_puts(&l->out, ",\"date\":");
		blob_json_str(&l->out, p->date);
		blob_puts(&l->out, ",\"residents\":");
		if (p->min >= 0) {
			blob_appendf(&l->out, "{\"min\":%lld,\"max\":", p->min);
			if (p->max >= 0)
				blob_appendf(&l->out, "%lld}", p->max);
			else
				blob_puts(&l->out, "null}");
		} else
			blob_puts(&l->out, "null");
		blob_puts(&l->out, ",\"legal_status\":");
		blob_json_str(&l->out, p->legal_status);
		blob_appendf(&l->out, ",\"report\":%lld,\"publisher\":", p->report_id);
		blob_json_str(&l->out, p->publisher);
		blob_puts(&l->out, ",\"quote\":");
		blob_json_str(&l->out, p->quote);
		blob_putc(&l->out, '}');
	} else {
		Blob k = BLOB_INIT;
		count_format(&k, p->min, p->max);
		blob_appendf(&l->out, "%-24.24s %-10s %10s residents  %-24.24s report %lld (%s)\n", p->place,
		             p->date ? p->date : "-", k.len ? blob_str(&k) : "-", p->legal_status ? p->legal_status : "",
		             p->report_id, p->publisher ? p->publisher : "publisher unknown");
		blob_free(&k);
	}
	l->n++;
	return 0;
}

int cmd_population(Cli *c, int argc, char **argv)
{
	int json = 0;
	const char *place = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--place") == 0 && i + 1 < argc)
			place = argv[++i];
		else
			return cli_usage("population");
	}
	Store *st = cli_store(c);
	ListCtx l = {st, BLOB_INIT, json, 0, 0};
	if (json)
		blob_putc(&l.out, '[');
	return list_end(&l, store_population_each(st, place, list_population, &l) != 0, "no population facts\n");
}

static int list_place(const Place *p, void *ctx)
{
	ListCtx *l = ctx;
	if (l->json) {
		blob_puts(&l->out, l->n ? ",\n" : "\n");
		blob_appendf(&l->out, "{\"id\":%lld,\"name\":", p->id);
		blob_json_str(&l->out, p->name);
		blob_puts(&l->out, ",\"aliases\":");
		blob_json_str(&l->out, p->aliases);
		blob_puts(&l->out, ",\"country\":");
		blob_json_str(&l->out, p->country);
		blob_puts(&l->out, ",\"admin1\":");
		blob_json_str(&l->out, p->admin1);
		if (p->has_coords)
			blob_appendf(&l->out, ",\"lat\":%.6f,\"lon\":%.6f", p->lat, p->lon);
		else
			blob_puts(&l->out, ",\"lat\":null,\"lon\":null");
		blob_appendf(&l->out, ",\"incidents\":%lld}", p->incidents);
	} else
		blob_appendf(&l->out, "%5lld  %-28.28s %-16.16s %9.4f %9.4f  %lld incidents  %s\n", p->id, p->name,
		             p->country ? p->country : "-", p->has_coords ? p->lat : 0.0, p->has_coords ? p->lon : 0.0,
		             p->incidents, p->aliases ? p->aliases : "");
	l->n++;
	return 0;
}

static int list_actor(const Actor *a, void *ctx)
{
	ListCtx *l = ctx;
	if (l->json) {
		blob_puts(&l->out, l->n ? ",\n" : "\n");
		blob_appendf(&l->out, "{\"id\":%lld,\"name\":", a->id);
		blob_json_str(&l->out, a->name);
		blob_puts(&l->out, ",\"aliases\":");
		blob_json_str(&l->out, a->aliases);
		blob_puts(&l->out, ",\"group\":");
		blob_json_str(&l->out, a->group);
		blob_puts(&l->out, ",\"country\":");
		blob_json_str(&l->out, a->country);
		blob_appendf(&l->out, ",\"incidents\":%lld}", a->incidents);
	} else
		blob_appendf(&l->out, "%5lld  %-32.32s %-16.16s %lld incidents  %s\n", a->id, a->name,
		             a->group ? a->group : "-", a->incidents, a->aliases ? a->aliases : "");
	l->n++;
	return 0;
}

static int list_dictionary(Cli *c, int argc, char **argv, int places)
{
	int json = argc == 2 && strcmp(argv[1], "--json") == 0;
	if (argc != 1 && !json)
		return cli_usage(places ? "places" : "actors");
	Store *st = cli_store(c);
	load_dictionaries(st, cli_user(NULL));
	ListCtx l = {st, BLOB_INIT, json, 0, 0};
	if (json)
		blob_putc(&l.out, '[');
	return list_end(&l, (places ? store_places_each(st, list_place, &l) : store_actors_each(st, list_actor, &l)) != 0,
	                NULL);
}

/* vigil place|actor KEY [FIELD=VALUE…] --reason TEXT [--add] */
static int edit_dictionary(Cli *c, int argc, char **argv, int places)
{
	static const struct option longopts[] = {
		{"reason", required_argument, NULL, 'r'},
		{"by", required_argument, NULL, 'b'},
		{"add", no_argument, NULL, 'a'},
		{NULL, 0, NULL, 0},
	};
	const char *reason = NULL, *by = NULL, *what = places ? "place" : "actor";
	int add = 0, ch;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "r:b:a", longopts, NULL)) != -1) {
		if (ch == 'r')
			reason = optarg;
		else if (ch == 'b')
			by = optarg;
		else if (ch == 'a')
			add = 1;
		else
			return cli_usage(what);
	}
	if (argc - optind < 1)
		return cli_usage(what);
	Store *st = cli_store(c);
	const char *who = cli_user(by);
	load_dictionaries(st, who);
	Blob err = BLOB_INIT;
	long long id = 0;
	int rc = records_dictionary_edit(st, places, argv[optind], add, argv + optind + 1, (size_t)(argc - optind - 1),
	                                 reason, who, &id, &err);
	if (rc == REC_OK)
		printf("%s %lld %s\n", what, id, add ? "added" : "changed");
	return report_rc(rc, &err);
}

int cmd_place(Cli *c, int argc, char **argv)
{
	return edit_dictionary(c, argc, argv, 1);
}

int cmd_actor(Cli *c, int argc, char **argv)
{
	return edit_dictionary(c, argc, argv, 0);
}

int cmd_places(Cli *c, int argc, char **argv)
{
	return list_dictionary(c, argc, argv, 1);
}

int cmd_actors(Cli *c, int argc, char **argv)
{
	return list_dictionary(c, argc, argv, 0);
}

/* ---- the ledger ---- */

typedef struct Printed {
	long long shown;
} Printed;

static void print_problem(const char *p, void *ctx)
{
	Printed *pr = ctx;
	if (pr->shown++ < 50)
		printf("FAIL %s\n", p);
}

int cmd_verify(Cli *c, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_usage("verify");
	Store *st = cli_store(c);
	VerifySummary sum;
	Printed pr = {0};
	if (ledger_verify(st, print_problem, &pr, &sum) != 0) {
		warn("verify: %s", store_error(st));
		return EXIT_INTERNAL;
	}
	if (pr.shown > 50)
		printf("… and %lld more problems\n", pr.shown - 50);
	printf("ledger     %lld entries, head %lld %s (%.2f s CPU)\n", sum.entries, sum.head_seq, sum.head,
	       sum.chain_cpu);
	printf("originals  %lld re-hashed (%.2f s CPU)\n", sum.originals, sum.originals_cpu);
	printf("records    %lld compared with the ledger (%.2f s CPU", sum.records, sum.records_cpu);
	if (sum.second_cpu > 0)
		printf(", %.2f s of it in a second thread", sum.second_cpu);
	printf(")\n");
	if (sum.problems) {
		printf("verify: FAILED, %lld problem%s\n", sum.problems, sum.problems == 1 ? "" : "s");
		fflush(stdout);
		warn("verify failed: %s", "see the lines starting with FAIL");
		return EXIT_INPUT;
	}
	printf("verify: ok\n");
	return EXIT_OK;
}

typedef struct LedgerOut {
	Blob out;
	int json;
	long n;
} LedgerOut;

static int ledger_line(const LedgerEntry *e, void *ctx)
{
	LedgerOut *o = ctx;
	if (o->json) {
		blob_puts(&o->out, o->n ? ",\n" : "\n");
		blob_appendf(&o->out, "{\"seq\":%lld,\"at\":", e->seq);
		blob_json_str(&o->out, e->at);
		blob_puts(&o->out, ",\"who\":");
		blob_json_str(&o->out, e->who);
		blob_puts(&o->out, ",\"action\":");
		blob_json_str(&o->out, e->action);
		blob_puts(&o->out, ",\"records\":");
		blob_json_str(&o->out, e->records);
		blob_puts(&o->out, ",\"payload\":");
		blob_json_str(&o->out, e->payload);
		blob_puts(&o->out, ",\"prev\":");
		blob_json_str(&o->out, e->prev);
		blob_puts(&o->out, ",\"hash\":");
		blob_json_str(&o->out, e->hash);
		blob_putc(&o->out, '}');
	} else
		blob_appendf(&o->out, "%6lld  %s  %-12s %-16s %s\n", e->seq, e->at, e->who, e->action, e->payload);
	o->n++;
	if (o->out.len > 1 << 16) {
		fwrite(o->out.data, 1, o->out.len, stdout);
		blob_reset(&o->out);
	}
	return 0;
}

int cmd_ledger(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"record", required_argument, NULL, 'r'},
		{"from", required_argument, NULL, 'f'},
		{NULL, 0, NULL, 0},
	};
	LedgerOut o = {BLOB_INIT, 0, 0};
	const char *record = NULL;
	long long from = 0;
	int ch;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+jr:f:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j': o.json = 1; break;
		case 'r': record = optarg; break;
		case 'f':
			if (!parse_id(optarg, &from)) {
				warn("--from %s: not an entry number", optarg);
				return EXIT_INPUT;
			}
			break;
		default: return cli_usage("ledger");
		}
	}
	if (optind != argc)
		return cli_usage("ledger");
	Store *st = cli_store(c);
	if (o.json)
		blob_putc(&o.out, '[');
	if (store_ledger_each(st, record, from, ledger_line, &o) != 0) {
		warn("%s", store_error(st));
		blob_free(&o.out);
		return EXIT_INTERNAL;
	}
	if (o.json)
		blob_puts(&o.out, o.n ? "\n]\n" : "]\n");
	fwrite(o.out.data, 1, o.out.len, stdout);
	blob_free(&o.out);
	return EXIT_OK;
}

/* ---- export ---- */

static void write_stdout(const void *data, size_t len, void *ctx)
{
	(void)ctx;
	fwrite(data, 1, len, stdout);
}

int cmd_export(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"since", required_argument, NULL, 's'},
		{"until", required_argument, NULL, 'u'},
		{"kind", required_argument, NULL, 'k'},
		{"place", required_argument, NULL, 'p'},
		{"base", required_argument, NULL, 'B'},
		{"threats", no_argument, NULL, 't'},
		{NULL, 0, NULL, 0},
	};
	ExportOpts o = {0};
	int ch;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+f:s:u:k:p:B:t", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f': o.format = optarg; break;
		case 's': o.since = optarg; break;
		case 'u': o.until = optarg; break;
		case 'k': o.kind = optarg; break;
		case 'p': o.place = optarg; break;
		case 'B': o.base = optarg; break;
		case 't': o.threats = 1; break;
		default: return cli_usage("export");
		}
	}
	if (optind != argc || !o.format)
		return cli_usage("export");
	if ((o.since && !iso_date_valid(o.since)) || (o.until && !iso_date_valid(o.until))) {
		warn("--since/--until: not an ISO date (2013, 2013-02 or 2013-02-09)");
		return EXIT_INPUT;
	}
	if (o.kind && !kind_valid(o.kind)) {
		warn("--kind %s: not a kind (attack, shelling, raid, siege, blockade, killing, arrest, abduction,"
		     " relocation, surveillance, other)", o.kind);
		return EXIT_INPUT;
	}
	if (o.base && !starts_with(o.base, "http://") && !starts_with(o.base, "https://")) {
		warn("--base %s: not an http(s) URL", o.base);
		return EXIT_INPUT;
	}
	Blob base = BLOB_INIT;
	if (o.base) {
		blob_puts(&base, o.base);
		if (base.data[base.len - 1] != '/')
			blob_putc(&base, '/');
		o.base = blob_str(&base);
	}
	o.datadir = cli_datadir();
	Store *st = cli_store(c);
	Blob err = BLOB_INIT;
	long long n = 0;
	int rc = export_write(st, &o, write_stdout, NULL, &n, &err);
	if (rc) {
		int input = starts_with(blob_str(&err), "'");
		warn("export: %s", blob_str(&err));
		blob_free(&err);
		blob_free(&base);
		return input ? EXIT_INPUT : EXIT_INTERNAL;
	}
	blob_free(&err);
	blob_free(&base);
	return EXIT_OK;
}
