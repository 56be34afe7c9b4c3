/*
** ingest.c — reports into vigil: `vigil add` stores each file's original bytes with its
** provenance, cleans it and records what was found; `vigil clean` shows the cleaning of
** one file without a database.
**
** Each report is added in its own transaction, so an interruption loses at most the
** report in flight; a file that cannot be read or cleaned is reported with its reason
** and the others go on.
*/
#include "clean.h"
#include "cli.h"
#include "dates.h"
#include "extract.h"
#include "fetch.h"
#include "ingest.h"
#include "records.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Reports larger than this are refused: no report a person writes comes near it. */
#define MAX_REPORT_BYTES (256u << 20)
/* vigil add indexes the reports it stored for full-text search every this many */
#define INDEX_BATCH 1000

typedef struct AddTally {
	long added, had, failed, accepted;
	int bar;    /* a progress bar is shown (a terminal, several files, not --quiet) */
	int bar_up; /* the bar is drawn on the current line */
} AddTally;

typedef struct PathList {
	char **v;
	size_t n, cap;
} PathList;

static void paths_push(PathList *p, char *s)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->v = xrealloc(p->v, p->cap * sizeof *p->v);
	}
	p->v[p->n++] = s;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects path, or every regular file under it (sorted, hidden entries skipped). A path
   that is neither is still listed, so that reading it reports why. */
static void collect(const char *path, PathList *out, int depth)
{
	struct stat sb;
	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) && depth < 64) {
		DIR *d = opendir(path);
		if (!d) {
			paths_push(out, xstrdup(path));
			return;
		}
		PathList sub = {0};
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			Blob p = BLOB_INIT;
			blob_appendf(&p, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
			paths_push(&sub, blob_steal(&p));
		}
		closedir(d);
		if (sub.n)
			qsort(sub.v, sub.n, sizeof *sub.v, cmp_str);
		for (size_t i = 0; i < sub.n; i++) {
			collect(sub.v[i], out, depth + 1);
			free(sub.v[i]);
		}
		free(sub.v);
		return;
	}
	paths_push(out, xstrdup(path));
}

/* A --received value: an ISO 8601 date, or date and time. */
static int valid_received(const char *s)
{
	Ymd v;
	size_t n = strlen(s);
	if (n < 10 || !ymd_parse_iso(s, &v) || !v.d)
		return 0;
	if (n == 10)
		return 1;
	if (s[10] != 'T' && s[10] != ' ')
		return 0;
	int hh, mm;
	char rest[16] = "";
	if (sscanf(s + 11, "%2d:%2d%15s", &hh, &mm, rest) < 2 || hh > 23 || mm > 59)
		return 0;
	return strspn(rest, "0123456789:.+-Z") == strlen(rest);
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Draws the progress bar over the current line (the last time with a newline). */
static void progress(AddTally *t, size_t done, size_t total)
{
	int width = 30, fill = total ? (int)(done * (size_t)width / total) : width;
	fprintf(stderr, "\r[%.*s%*s] %zu/%zu", fill, "##############################",
	        width - fill, "", done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
	t->bar_up = done < total;
}

/* Erases the progress bar, so that a message about a file starts on a clean line. */
static void bar_clear(AddTally *t)
{
	if (t->bar_up)
		fputs("\r\033[K", stderr);
	t->bar_up = 0;
}

/* Stores the records of x (read from text, part of doc) as proposals for report id. Each
   is written straight from the engine's structures (proposal_direct). A record that is no
   valid proposal (a count past 100,000,000 read from a typo, an end date before its start,
   an appeal to nobody for nothing) is left out and counted in *dropped: the engine's
   mistake must not cost the report. VIGIL_ADD_VIA_JSON=1 in the environment sends every
   part through the JSON path instead (records_propose, which refuses the whole part on
   such a record; tests and bench/ingest.sh compare the two). buf and offs are scratch
   kept between parts. Returns REC_OK or the records_propose code. */
static int propose_part(Store *st, long long id, const Extraction *x, const char *text, const CleanDoc *doc,
                        const char *who, Blob *buf, Blob *offs, size_t *dropped, Blob *err)
{
	size_t n = x->nevents + x->nappeals;
	const char *via_json = getenv("VIGIL_ADD_VIA_JSON");
	if (!(via_json && strcmp(via_json, "1") == 0)) {
		blob_reset(buf);
		blob_reset(offs);
		ProposalItem *items = xcalloc(n, sizeof *items);
		size_t kept = 0;
		for (size_t k = 0; k < n; k++) {
			size_t at = buf->len;
			if (proposal_direct(x, k >= x->nevents, k < x->nevents ? k : k - x->nevents, text, doc, buf) != 0) {
				blob_truncate(buf, at);
				(*dropped)++;
				continue;
			}
			blob_putc(buf, 0);
			blob_append(offs, &at, sizeof at);
			items[kept++].type = k < x->nevents ? "event" : "appeal";
		}
		for (size_t k = 0; k < kept; k++) { /* buf has stopped moving */
			size_t at;
			memcpy(&at, offs->data + k * sizeof at, sizeof at);
			items[k].json = buf->data + at;
		}
		int r = kept ? records_propose_items(st, id, items, kept, who, err) : REC_OK;
		free(items);
		return r;
	}
	blob_reset(buf);
	blob_puts(buf, "{\"events\":[");
	for (size_t i = 0; i < x->nevents; i++) {
		if (i)
			blob_putc(buf, ',');
		extract_event_json(x, i, text, doc, buf);
	}
	blob_puts(buf, "],\"appeals\":[");
	for (size_t i = 0; i < x->nappeals; i++) {
		if (i)
			blob_putc(buf, ',');
		extract_appeal_json(x, i, text, doc, buf);
	}
	blob_puts(buf, "]}");
	long long *ids = NULL;
	size_t nids = 0;
	int r = records_propose(st, id, buf->data, buf->len, who, &ids, &nids, err);
	free(ids);
	return r;
}

/* Reads the cleaned report doc (stored as report id) with the extraction engine and stores
   what it finds as proposals for review, in the transaction of the report. A report with
   nothing to propose adds none; a very big one is read in parts (extract.h). Returns 0, or
   -1 with the reason in err. */
static int propose_read(Store *st, long long id, const Lexicon *lx, const CleanDoc *doc,
                        const char *who, Blob *err)
{
	const char *text = doc->text.data ? doc->text.data : "";
	size_t len = doc->text.len;
	Extraction x = {0};
	Blob buf = BLOB_INIT, offs = BLOB_INIT;
	int rc = 0;
	size_t dropped = 0;
	for (size_t base = 0; base < len || (base == 0 && len == 0);) {
		size_t n = extract_part_end(text + base, len - base);
		x.text_base = base;
		extract_doc(lx, text + base, n, doc->published, &x);
		if ((x.nevents || x.nappeals) && propose_part(st, id, &x, text + base, doc, who, &buf, &offs, &dropped, err) != REC_OK) {
			if (!err->len)
				blob_puts(err, "the proposals read from it could not be stored");
			rc = -1;
			break;
		}
		x.sent_base += x.nsentences;
		base += n;
		if (n == 0)
			break;
	}
	if (dropped && rc == 0)
		warn("report %lld: %zu record%s read from it left out: not valid proposals (an impossible count "
		     "or date range, an appeal to no one)", id, dropped, dropped == 1 ? "" : "s");
	blob_free(&buf);
	blob_free(&offs);
	extraction_free(&x);
	return rc;
}

/* Stores one report from its bytes: see ingest.h. */
int ingest_bytes(Store *st, const char *bytes, size_t len, const char *name, const AddOpts *o,
                 long long *id, Blob *err)
{
	Blob map = BLOB_INIT;
	CleanDoc doc = {0};
	int rc = -1;
	Report r = {0};

	if (len > MAX_REPORT_BYTES) {
		blob_appendf(err, "too large (%zu bytes; the limit is %u MB)", len, MAX_REPORT_BYTES >> 20);
		return -1;
	}
	sha256_hex(bytes ? bytes : "", len, r.sha256);
	int found = store_report_by_sha(st, r.sha256, id);
	if (found < 0) {
		blob_puts(err, store_error(st));
		return -1;
	}
	if (found)
		return 0;
	CleanCtx cx = {o->source, o->received};
	if (clean_doc_ctx(bytes ? bytes : "", len, name, &cx, &doc, err) != 0)
		goto done;
	char now[21];
	now_iso(now);
	r.media_type = doc.media_type;
	r.filename = name ? (char *)base_name(name) : NULL;
	r.source = (char *)o->source;
	r.received = (char *)(o->received ? o->received : now);
	r.added_by = (char *)cli_user(o->by);
	r.added_at = now;
	r.title = doc.title;
	r.published = doc.published;
	r.publisher = doc.publisher;
	r.author = doc.author;
	r.language = doc.language;
	offmap_serialize(&doc, &map);
	if (store_begin(st) != 0 ||
	    store_report_insert(st, &r, bytes, len, doc.text.data, doc.text.len, map.data, map.len, id) != 0 ||
	    records_report_added(st, *id, r.added_by, o->capture, err) != 0 ||
	    (o->lx && propose_read(st, *id, o->lx, &doc, r.added_by, err) != 0) ||
	    store_commit(st) != 0) {
		if (!err->len)
			blob_puts(err, store_error(st));
		store_rollback(st);
		goto done;
	}
	rc = 1;
done:
	clean_free(&doc);
	blob_free(&map);
	return rc;
}

/* Stores one report's bytes (from a file, standard input or the web: shown names it in
   messages) and tallies what happened. */
static void add_bytes(Store *st, const char *shown, const Blob *bytes, const char *name, const AddOpts *o,
                      AddTally *t)
{
	Blob err = BLOB_INIT;
	long long id;
	switch (ingest_bytes(st, bytes->data, bytes->len, name, o, &id, &err)) {
	case 0:
		if (!o->quiet && !t->bar) /* with a bar, the summary line counts them */
			fprintf(stderr, "%s: already have report %lld\n", shown, id);
		t->had++;
		break;
	case 1:
		t->added++;
		if (!o->quiet && !isatty(2))
			fprintf(stderr, "%s: added report %lld\n", shown, id);
		if (o->accept && records_accept_report(st, id, cli_user(o->by), &t->accepted, &err) != REC_OK) {
			bar_clear(t);
			warn("%s: %s", shown, blob_str(&err));
			t->failed++;
		}
		break;
	default:
		bar_clear(t);
		warn("%s: %s", shown, blob_str(&err));
		t->failed++;
	}
	blob_free(&err);
}

/* Adds one report from the web: fetched, then stored with the address as its source
   (unless --source says otherwise), the fetch time as received, and the capture in
   the ledger. */
static void add_url(Store *st, const char *url, const AddOpts *o, const FetchOpts *fo, AddTally *t)
{
	Fetched f;
	Blob err = BLOB_INIT, capture = BLOB_INIT, name = BLOB_INIT;
	if (fetch_url(url, fo, &f, &err) != 0) {
		bar_clear(t);
		warn("%s: %s", url, blob_str(&err));
		t->failed++;
		blob_free(&err);
		return;
	}
	fetch_capture_json(&f, &capture);
	fetch_file_name(&f, &name);
	AddOpts fo2 = *o;
	fo2.source = o->source ? o->source : url;
	fo2.received = o->received ? o->received : f.fetched_at;
	fo2.capture = blob_str(&capture);
	add_bytes(st, url, &f.body, blob_str(&name), &fo2, t);
	fetch_free(&f);
	blob_free(&capture);
	blob_free(&name);
	blob_free(&err);
}

/* Adds one file. Messages about it go to stderr; the tally says what happened. */
static void add_one(Store *st, const char *path, const AddOpts *o, AddTally *t)
{
	Blob bytes = BLOB_INIT;
	const char *shown = strcmp(path, "-") == 0 ? "(standard input)" : path;

	struct stat sb;
	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		bar_clear(t);
		warn("%s: not a regular file", shown);
		t->failed++;
		goto done;
	}
	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && (size_t)sb.st_size > MAX_REPORT_BYTES) {
		bar_clear(t);
		warn("%s: too large (%lld bytes; the limit is %u MB)", shown, (long long)sb.st_size,
		     MAX_REPORT_BYTES >> 20);
		t->failed++;
		goto done;
	}
	if (read_file_max(path, &bytes, MAX_REPORT_BYTES) != 0) {
		bar_clear(t);
		if (errno == EFBIG)
			warn("%s: too large (more than %u MB)", shown, MAX_REPORT_BYTES >> 20);
		else if (errno == ENOENT && strstr(path, "://"))
			warn("%s: only http:// and https:// addresses are fetched", shown);
		else
			warn("%s: %s", shown, strerror(errno));
		t->failed++;
		goto done;
	}
	add_bytes(st, shown, &bytes, strcmp(path, "-") == 0 ? NULL : path, o, t);
done:
	blob_free(&bytes);
}

int cmd_add(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"source", required_argument, NULL, 's'},
		{"received", required_argument, NULL, 'r'},
		{"by", required_argument, NULL, 'b'},
		{"quiet", no_argument, NULL, 'q'},
		{"accept", no_argument, NULL, 'a'},
		{"no-extract", no_argument, NULL, 'n'},
		{"timeout", required_argument, NULL, 't'},
		{"retries", required_argument, NULL, 'R'},
		{NULL, 0, NULL, 0},
	};
	AddOpts o = {0};
	FetchOpts fo = {300, 3, MAX_REPORT_BYTES};
	int ch, read = 1;
	char *end;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+s:r:b:qant:R:", longopts, NULL)) != -1) {
		switch (ch) {
		case 't':
			fo.timeout = strtol(optarg, &end, 10);
			if (*end || end == optarg || fo.timeout < 1 || fo.timeout > 86400) {
				warn("--timeout %s: seconds, from 1 to 86400", optarg);
				return EXIT_INPUT;
			}
			break;
		case 'R':
			fo.retries = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || fo.retries < 0 || fo.retries > 20) {
				warn("--retries %s: a number from 0 to 20", optarg);
				return EXIT_INPUT;
			}
			break;
		case 's': o.source = optarg; break;
		case 'r': o.received = optarg; break;
		case 'b': o.by = optarg; break;
		case 'q': o.quiet = 1; break;
		case 'a': o.accept = 1; break;
		case 'n': read = 0; break;
		default: return cli_usage("add");
		}
	}
	if (optind >= argc)
		return cli_usage("add");
	if (o.received && !valid_received(o.received)) {
		warn("--received %s: not an ISO 8601 date (2013-03-07 or 2013-03-07T10:00:00Z)", o.received);
		return EXIT_INPUT;
	}
	PathList paths = {0};
	int empty_dirs = 0;
	for (int i = optind; i < argc; i++) {
		size_t before = paths.n;
		if (fetch_is_url(argv[i])) { /* fetched in turn, below */
			paths_push(&paths, xstrdup(argv[i]));
			continue;
		}
		collect(argv[i], &paths, 0);
		if (paths.n == before) { /* only a directory adds no path: one without files */
			warn("no files in %s", argv[i]);
			empty_dirs++;
		}
	}
	if (!paths.n) { /* nothing to add: say so rather than "added 0" */
		free(paths.v);
		return EXIT_INPUT;
	}

	if (read) {
		Blob err = BLOB_INIT;
		if (!(o.lx = lexicon_shared(cli_datadir(), &err))) {
			warn("cannot read the lexicons: %s", blob_str(&err));
			blob_free(&err);
			for (size_t i = 0; i < paths.n; i++)
				free(paths.v[i]);
			free(paths.v);
			return EXIT_INTERNAL;
		}
		blob_free(&err);
	}
	Store *st = cli_store(c);
	AddTally t = {0};
	t.bar = !o.quiet && isatty(2) && paths.n > 1;
	long indexed = 0;
	int index_failed = 0;
	for (size_t i = 0; i < paths.n; i++) {
		if (fetch_is_url(paths.v[i]))
			add_url(st, paths.v[i], &o, &fo, &t);
		else
			add_one(st, paths.v[i], &o, &t);
		if (t.bar)
			progress(&t, i + 1, paths.n);
		free(paths.v[i]);
		/* the full-text index takes the new reports by thousands: search finds them
		   within a thousand reports, and FTS5 writes one segment per thousand */
		if (t.added - indexed >= INDEX_BATCH && !index_failed) {
			index_failed = store_report_index(st) != 0;
			indexed = t.added;
		}
	}
	free(paths.v);
	if (index_failed || (t.added > indexed && store_report_index(st) != 0)) {
		bar_clear(&t);
		warn("full-text index: %s (the reports are stored; the next vigil command indexes them)",
		     store_error(st));
		index_failed = 1;
	}
	printf("added %ld, already had %ld, failed %ld\n", t.added, t.had, t.failed);
	if (o.accept)
		printf("accepted %ld proposals\n", t.accepted);
	return index_failed ? EXIT_INTERNAL : t.failed || empty_dirs ? EXIT_INPUT : EXIT_OK;
}

/* Writes the document metadata of a cleaned report as JSON members (no braces). */
static void json_meta(Blob *b, const CleanDoc *d)
{
	blob_puts(b, "\"title\":");
	blob_json_str(b, d->title);
	blob_json_field(b, "published", d->published);
	blob_json_field(b, "publisher", d->publisher);
	blob_json_field(b, "author", d->author);
	blob_json_field(b, "language", d->language);
	blob_json_field(b, "media_type", d->media_type);
}

/* CPU seconds of this process: figures that hold on a busy machine. */
static double seconds_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* `vigil clean --stats FILE...`: cleans every file in this process and prints how fast,
   in CPU time of cleaning only (each file is read first) — for benchmarks and for
   judging a batch before adding it. */
static int clean_stats(int n, char **paths)
{
	double *lat = xcalloc((size_t)n, sizeof *lat), total = 0;
	size_t bytes_in = 0, bytes_out = 0;
	int failed = 0;
	for (int i = 0; i < n; i++) {
		Blob bytes = BLOB_INIT, err = BLOB_INIT;
		CleanDoc doc = {0};
		if (read_file(paths[i], &bytes) != 0) {
			warn("%s: %s", paths[i], strerror(errno));
			failed++;
			continue;
		}
		double t0 = seconds_now();
		if (clean_doc(bytes.data ? bytes.data : "", bytes.len, paths[i], &doc, &err) != 0)
			failed++;
		lat[i] = seconds_now() - t0;
		total += lat[i];
		bytes_in += bytes.len;
		bytes_out += doc.text.len;
		clean_free(&doc);
		blob_free(&bytes);
		blob_free(&err);
	}
	qsort(lat, (size_t)n, sizeof *lat, cmp_double);
	double mb = (double)bytes_in / 1e6;
	printf("cleaned %d files (%d refused), %.1f MB in, %.1f MB out, %.3f s CPU: %.0f pages/s, %.1f MB/s, "
	       "p50 %.2f ms, p99 %.2f ms\n",
	       n, failed, mb, (double)bytes_out / 1e6, total, total > 0 ? n / total : 0,
	       total > 0 ? mb / total : 0, n ? lat[n / 2] * 1e3 : 0, n ? lat[(n * 99) / 100] * 1e3 : 0);
	free(lat);
	return EXIT_OK;
}

int cmd_clean(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"title", no_argument, NULL, 't'},
		{"stats", no_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	int json = 0, title = 0, stats = 0, ch;
	(void)c;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+jts", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j': json = 1; break;
		case 't': title = 1; break;
		case 's': stats = 1; break;
		default: return cli_usage("clean");
		}
	}
	if (clean_data_missing())
		warn("the cleaner's word lists are missing under %s/clean; cleaning without them", cli_datadir());
	if (stats && optind < argc)
		return clean_stats(argc - optind, argv + optind);
	if (optind != argc - 1)
		return cli_usage("clean");
	const char *path = argv[optind];
	Blob bytes = BLOB_INIT, err = BLOB_INIT, out = BLOB_INIT;
	CleanDoc doc = {0};
	int rc = EXIT_OK;
	struct stat sb;
	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (size_t)sb.st_size > MAX_REPORT_BYTES) {
		warn("%s: too large (%lld bytes; the limit is %u MB)", path, (long long)sb.st_size,
		     MAX_REPORT_BYTES >> 20);
		rc = EXIT_INPUT;
	} else if (read_file_max(path, &bytes, MAX_REPORT_BYTES) != 0) {
		if (errno == EFBIG)
			warn("%s: too large (more than %u MB)", path, MAX_REPORT_BYTES >> 20);
		else
			warn("%s: %s", path, strerror(errno));
		rc = EXIT_INPUT;
	} else if (clean_doc(bytes.data ? bytes.data : "", bytes.len, path, &doc, &err) != 0) {
		warn("%s: %s", path, blob_str(&err));
		rc = EXIT_INPUT;
	} else if (json) {
		blob_putc(&out, '{');
		json_meta(&out, &doc);
		blob_puts(&out, ",\"text\":");
		blob_json_str(&out, blob_str(&doc.text));
		blob_puts(&out, "}\n");
	} else {
		if (title)
			blob_appendf(&out, "%s\n", doc.title ? doc.title : "");
		blob_append(&out, doc.text.data, doc.text.len);
		if (doc.text.len && doc.text.data[doc.text.len - 1] != '\n')
			blob_putc(&out, '\n');
	}
	if (out.len)
		fwrite(out.data, 1, out.len, stdout);
	clean_free(&doc);
	blob_free(&bytes);
	blob_free(&err);
	blob_free(&out);
	return rc;
}
