/*
** extract_cmd.c — `vigil extract [--json] FILE|-`: cleans one report and reads it with the
** extraction engine, without a database; prints the records in the JSON of
** ../shared/corpus/README.md (extract.h) or as a readable summary.
*/
#include "clean.h"
#include "cli.h"
#include "extract.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The same limit as `vigil add`. */
#define MAX_EXTRACT_BYTES (256u << 20)
/* A plain-text file above STREAM_MIN is read, cleaned and extracted in parts of about
   PART_BYTES cut at blank lines (else line ends, else spaces), and its records are printed
   as each part is done: working memory stays bounded (a few MB) whatever the size. A
   report is far smaller than STREAM_MIN, so it is read whole, as before. */
#define STREAM_MIN (8u << 20)
#define PART_BYTES EXTRACT_PART_BYTES

/* ---- evidence the reader can find in the original ----
   A sentence of an HTML page or a quoted-printable e-mail may cross markup, an entity or a
   soft line break, so its cleaned text is not in the bytes that arrived, and a reader (or
   a scorer) searching the original for the quote finds nothing. Such a quote is narrowed
   to its longest run of whole words that is in the original, compared as a reader would:
   runs of white space as one space, ASCII letters without case. */

static int norm_space(const unsigned char *p, size_t i, size_t n, size_t *w)
{
	unsigned char c = p[i];
	if (c == ' ' || (c >= '\t' && c <= '\r')) {
		*w = 1;
		return 1;
	}
	if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) { /* no-break space */
		*w = 2;
		return 1;
	}
	*w = 1;
	return 0;
}

/* Appends s[0..n) to out normalised: white space runs as one space, ASCII lowercase,
   leading and trailing space dropped when trim. */
static void norm_append(Blob *out, const char *s, size_t n, int trim)
{
	const unsigned char *p = (const unsigned char *)s;
	int space = 0;
	size_t start = out->len;
	for (size_t i = 0; i < n;) {
		size_t w;
		if (norm_space(p, i, n, &w)) {
			space = 1;
			i += w;
			continue;
		}
		if (space && (!trim || out->len > start))
			blob_putc(out, ' ');
		space = 0;
		blob_putc(out, (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]));
		i++;
	}
	if (space && !trim)
		blob_putc(out, ' ');
}

/* Does the normalised quote q stand in the original at byte off (where the cleaner says
   the quote came from)? Walks the original as norm_append would. */
static int match_at(const char *raw, size_t len, size_t off, const Blob *q)
{
	const unsigned char *p = (const unsigned char *)raw;
	size_t k = 0;
	int space = 0;
	for (size_t i = off; i < len && k < q->len;) {
		size_t w;
		if (norm_space(p, i, len, &w)) {
			space = k > 0;
			i += w;
			continue;
		}
		if (space) {
			if (q->data[k++] != ' ')
				return 0;
			space = 0;
			if (k == q->len)
				break;
		}
		if (q->data[k++] != (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]))
			return 0;
		i++;
	}
	return k == q->len;
}

/* What evidence_fit needs: the original, its normalised copy (made on first need), the
   cleaned document for the offset map, and a scratch buffer. */
typedef struct Orig {
	const char *bytes;
	size_t len;
	const CleanDoc *doc;
	Blob norm, tmp;
	int normed;
} Orig;

static int in_original(Orig *o, const char *text, size_t a, size_t b)
{
	blob_reset(&o->tmp);
	norm_append(&o->tmp, text + a, b - a, 1);
	if (!o->tmp.len)
		return 0;
	if (match_at(o->bytes, o->len, clean_orig_offset(o->doc, a), &o->tmp))
		return 1; /* where it came from: the common case, without a search */
	if (!o->normed) {
		norm_append(&o->norm, o->bytes, o->len, 0);
		o->normed = 1;
	}
	return o->norm.len && memmem(o->norm.data, o->norm.len, o->tmp.data, o->tmp.len) != NULL;
}

/* Narrows *sp to the longest run of words of the text found in the original;
   leaves it as it is when it is found whole or no run of three words is. */
static void evidence_fit(ExSpan *sp, const char *text, Orig *o)
{
	if (!o->len || in_original(o, text, sp->start, sp->end))
		return;
	/* word boundaries */
	uint32_t ws[512], we[512];
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)text;
	for (uint32_t i = sp->start; i < sp->end && n < 512;) {
		size_t w;
		if (norm_space(p, i, sp->end, &w)) {
			i += (uint32_t)w;
			continue;
		}
		ws[n] = i;
		while (i < sp->end && !norm_space(p, i, sp->end, &w))
			i++;
		we[n++] = i;
	}
	size_t best_i = 0, best_n = 0, j = 0;
	for (size_t i = 0; i < n; i++) {
		if (j < i)
			j = i;
		while (j < n && in_original(o, text, ws[i], we[j]))
			j++;
		if (j - i > best_n) {
			best_n = j - i;
			best_i = i;
		}
	}
	if (best_n < 3)
		return;
	sp->start = ws[best_i];
	sp->end = we[best_i + best_n - 1];
}

static void evidence_fit_all(Extraction *x, const char *text, const char *bytes, size_t len, const CleanDoc *doc)
{
	Orig o = {bytes, len, doc, BLOB_INIT, BLOB_INIT, 0};
	for (size_t i = 0; i < x->nevents; i++)
		for (int k = 0; k < x->events[i].nevidence; k++)
			evidence_fit(&x->events[i].evidence[k], text, &o);
	for (size_t i = 0; i < x->nappeals; i++)
		for (int k = 0; k < x->appeals[i].nevidence; k++)
			evidence_fit(&x->appeals[i].evidence[k], text, &o);
	blob_free(&o.norm);
	blob_free(&o.tmp);
}

/* The document's metadata; a publication date the cleaner did not find may come from the
   engine's reading of the top of the text (marked "published_from": "text"). */
static void json_document(Blob *b, const CleanDoc *doc, const Extraction *x)
{
	char guess[11] = "";
	if (!doc->published && x->ref.y)
		ymd_format(x->ref, guess);
	blob_puts(b, "\"document\":{\"title\":");
	blob_json_str(b, doc->title);
	blob_json_field(b, "published", doc->published ? doc->published : guess[0] ? guess : NULL);
	if (guess[0])
		blob_puts(b, ",\"published_from\":\"text\"");
	blob_json_field(b, "publisher", doc->publisher);
	blob_json_field(b, "author", doc->author);
	blob_puts(b, "}");
}

static void count_text(Blob *b, const char *what, ExCount c)
{
	if (c.min < 0 && c.max < 0)
		return;
	if (c.min >= 0 && c.max == c.min)
		blob_appendf(b, "; %s %lld", what, (long long)c.min);
	else if (c.min >= 0 && c.max < 0)
		blob_appendf(b, "; %s %lld+", what, (long long)c.min);
	else if (c.min >= 0)
		blob_appendf(b, "; %s %lld-%lld", what, (long long)c.min, (long long)c.max);
	else
		blob_appendf(b, "; %s up to %lld", what, (long long)c.max);
}

/* The readable summary of a part: one paragraph per record with its first quote, numbered
   from ev0 + 1 and ap0 + 1. */
static void summary(Blob *b, const Extraction *x, const char *text, size_t ev0, size_t ap0)
{
	for (size_t i = 0; i < x->nevents; i++) {
		const ExEvent *e = &x->events[i];
		char ds[11], de[11];
		ymd_format(e->date_start, ds);
		ymd_format(e->date_end, de);
		blob_appendf(b, "\nevent %zu: %s, %s", ev0 + i + 1, kind_name(e->kind),
		             e->status == ST_THREATENED ? "threatened" : "occurred");
		if (e->date_start.y)
			blob_appendf(b, ", %s%s%s%s", e->date_flags & DS_SINCE ? "since " : "", ds, de[0] ? " to " : "", de);
		if (e->place.name)
			blob_appendf(b, ", %s%s", ex_str(x, e->place.name), e->place.inferred ? " (inferred)" : "");
		for (int k = 0; k < e->nperps; k++)
			blob_appendf(b, "%s%s", k ? ", " : "; by ", ex_str(x, e->perps[k].name));
		count_text(b, "killed", e->killed);
		count_text(b, "wounded", e->wounded);
		count_text(b, "detained", e->detained);
		count_text(b, "residents", e->residents);
		for (int k = 0; k < e->nevidence; k++)
			blob_appendf(b, "\n  \"%.*s\"", (int)(e->evidence[k].end - e->evidence[k].start),
			             text + e->evidence[k].start);
		blob_putc(b, '\n');
	}
	for (size_t i = 0; i < x->nappeals; i++) {
		const ExAppeal *a = &x->appeals[i];
		char ds[11];
		ymd_format(a->date, ds);
		blob_appendf(b, "\nappeal %zu: %s", ap0 + i + 1, ds[0] ? ds : "undated");
		for (int k = 0; k < a->nby; k++)
			blob_appendf(b, "%s%s", k ? ", " : ", by ", ex_str(x, a->by[k].name));
		for (int k = 0; k < a->nto; k++)
			blob_appendf(b, "%s%s", k ? ", " : ", to ", ex_str(x, a->to[k].name));
		if (a->demand_end > a->demand_start)
			blob_appendf(b, ": %.*s", (int)(a->demand_end - a->demand_start), text + a->demand_start);
		for (int k = 0; k < a->nevidence; k++)
			blob_appendf(b, "\n  \"%.*s\"", (int)(a->evidence[k].end - a->evidence[k].start),
			             text + a->evidence[k].start);
		blob_putc(b, '\n');
	}
}

/* ---- output ----
   The records are written as they come: events straight to stdout, appeals (which follow
   the events in the JSON) to a temporary file copied out at the end, so nothing grows
   with the size of the input. */
typedef struct Out {
	int json;
	FILE *ap;          /* appeals waiting (JSON), NULL until the first */
	size_t nev, nap, nsent;
	Blob buf;
} Out;

static void out_flush(Out *o, FILE *f)
{
	if (o->buf.len)
		fwrite(o->buf.data, 1, o->buf.len, f);
	blob_reset(&o->buf);
}

/* The header: the JSON object's start and document, or the summary's title lines. */
static void out_begin(Out *o, const CleanDoc *doc, const Extraction *x)
{
	if (o->json) {
		blob_putc(&o->buf, '{');
		json_document(&o->buf, doc, x);
		blob_puts(&o->buf, ",\"events\":[");
	} else {
		blob_appendf(&o->buf, "%s\n", doc->title ? doc->title : "(no title)");
		blob_appendf(&o->buf, "published %s%s%s\n", doc->published ? doc->published : "unknown",
		             doc->publisher ? " by " : "", doc->publisher ? doc->publisher : "");
	}
	out_flush(o, stdout);
}

/* The records of one part (the whole text when it is read at once). */
static void out_part(Out *o, const Extraction *x, const char *text)
{
	if (!o->json) {
		summary(&o->buf, x, text, o->nev, o->nap);
		o->nev += x->nevents;
		o->nap += x->nappeals;
		o->nsent += x->nsentences;
		out_flush(o, stdout);
		return;
	}
	for (size_t i = 0; i < x->nevents; i++) {
		if (o->nev++)
			blob_putc(&o->buf, ',');
		extract_event_json(x, i, text, NULL, &o->buf);
		if (o->buf.len > (64u << 10))
			out_flush(o, stdout);
	}
	out_flush(o, stdout);
	if (x->nappeals && !o->ap && !(o->ap = tmpfile()))
		fatal("cannot create a temporary file: %s", strerror(errno));
	for (size_t i = 0; i < x->nappeals; i++) {
		if (o->nap++)
			blob_putc(&o->buf, ',');
		extract_appeal_json(x, i, text, NULL, &o->buf);
	}
	if (o->ap)
		out_flush(o, o->ap);
	o->nsent += x->nsentences;
}

static void out_end(Out *o)
{
	if (!o->json) {
		blob_appendf(&o->buf, "\n%zu sentences, %zu events, %zu appeals\n", o->nsent, o->nev, o->nap);
		out_flush(o, stdout);
		return;
	}
	blob_puts(&o->buf, "],\"appeals\":[");
	out_flush(o, stdout);
	if (o->ap) {
		char chunk[1 << 15];
		size_t k;
		rewind(o->ap);
		while ((k = fread(chunk, 1, sizeof chunk, o->ap)) > 0)
			fwrite(chunk, 1, k, stdout);
		fclose(o->ap);
		o->ap = NULL;
	}
	blob_puts(&o->buf, "]}\n");
	out_flush(o, stdout);
}

/* Reads the big plain-text file fd in parts (see STREAM_MIN). The first part gives the
   document's metadata and, when it has no publication date, the date read from its top;
   evidence offsets and sentence indexes count from the start of the whole text. */
static int extract_stream(const Lexicon *lx, int fd, const char *path, Out *o)
{
	Blob buf = BLOB_INIT, err = BLOB_INIT;
	CleanDoc first = {0};
	Extraction x = {0};
	char pub[11] = "";
	int eof = 0, rc = EXIT_OK, started = 0;
	uint64_t text_base = 0, sent_base = 0, total = 0;
	blob_reserve(&buf, 2 * PART_BYTES);
	while (!eof || buf.len) {
		while (!eof && buf.len < 2 * PART_BYTES) {
			ssize_t k = read(fd, buf.data + buf.len, 2 * PART_BYTES - buf.len);
			if (k < 0 && errno == EINTR)
				continue;
			if (k < 0) {
				warn("%s: %s", path, strerror(errno));
				rc = EXIT_INPUT;
				goto done;
			}
			if (k == 0)
				eof = 1;
			buf.len += (size_t)k;
			total += (uint64_t)k;
			if (total > MAX_EXTRACT_BYTES) {
				warn("%s: too large (more than %u MB)", path, MAX_EXTRACT_BYTES >> 20);
				rc = EXIT_INPUT;
				goto done;
			}
		}
		size_t n = eof ? (buf.len > PART_BYTES ? extract_part_end(buf.data, buf.len) : buf.len) : extract_part_end(buf.data, buf.len);
		CleanDoc doc = {0};
		blob_reset(&err);
		if (clean_doc(buf.data, n, path, &doc, &err) == 0) {
			const char *text = doc.text.data ? doc.text.data : "";
			extract_doc(lx, text, doc.text.len, started ? (first.published ? first.published : pub[0] ? pub : NULL)
			                                            : doc.published, &x);
			evidence_fit_all(&x, text, buf.data, n, &doc);
			x.text_base = text_base;
			x.sent_base = sent_base;
			if (!started) {
				started = 1;
				first.title = doc.title ? xstrdup(doc.title) : NULL;
				first.published = doc.published ? xstrdup(doc.published) : NULL;
				first.publisher = doc.publisher ? xstrdup(doc.publisher) : NULL;
				first.author = doc.author ? xstrdup(doc.author) : NULL;
				if (!doc.published && x.ref.y)
					ymd_format(x.ref, pub);
				out_begin(o, &first, &x);
			}
			out_part(o, &x, text);
			text_base += doc.text.len + 2; /* the parts as paragraphs of one text */
			sent_base += x.nsentences;
		} else if (!started && n == buf.len && eof) {
			warn("%s: %s", path, blob_str(&err));
			rc = EXIT_INPUT;
			clean_free(&doc);
			goto done;
		}
		clean_free(&doc);
		memmove(buf.data, buf.data + n, buf.len - n);
		buf.len -= n;
	}
	if (!started) {
		CleanDoc none = {0};
		out_begin(o, &none, &x);
	}
	out_end(o);
done:
	extraction_free(&x);
	clean_free(&first);
	blob_free(&buf);
	blob_free(&err);
	return rc;
}

/* A regular file of plain text above STREAM_MIN: its descriptor (the caller reads it in
   parts), else -1 (read it whole). */
static int stream_fd(const char *path)
{
	if (strcmp(path, "-") == 0)
		return -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || (uint64_t)sb.st_size <= STREAM_MIN ||
	    (uint64_t)sb.st_size > MAX_EXTRACT_BYTES) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	char head[1 << 16];
	ssize_t k = pread(fd, head, sizeof head, 0);
	if (k <= 0 || strcmp(media_sniff(head, (size_t)k, path), "text/plain") != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int cmd_extract(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	int json = 0, ch;
	(void)c;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+j", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j': json = 1; break;
		default: return cli_usage("extract");
		}
	}
	if (optind != argc - 1)
		return cli_usage("extract");
	const char *path = argv[optind];
	Blob bytes = BLOB_INIT, err = BLOB_INIT;
	CleanDoc doc = {0};
	Extraction x = {0};
	Out o = {json, NULL, 0, 0, 0, BLOB_INIT};
	int rc = EXIT_OK, fd;
	clean_set_datadir(cli_datadir());
	const Lexicon *lx = lexicon_shared(cli_datadir(), &err);
	if (!lx) {
		warn("cannot read the lexicons: %s", blob_str(&err));
		rc = EXIT_INTERNAL;
	} else if ((fd = stream_fd(path)) >= 0) {
		rc = extract_stream(lx, fd, path, &o);
		close(fd);
	} else if (read_file_max(path, &bytes, MAX_EXTRACT_BYTES) != 0) {
		if (errno == EFBIG)
			warn("%s: too large (more than %u MB)", path, MAX_EXTRACT_BYTES >> 20);
		else
			warn("%s: %s", path, strerror(errno));
		rc = EXIT_INPUT;
	} else if (bytes.len > MAX_EXTRACT_BYTES) {
		warn("%s: too large (%zu bytes; the limit is %u MB)", path, bytes.len, MAX_EXTRACT_BYTES >> 20);
		rc = EXIT_INPUT;
	} else if (clean_doc(bytes.data ? bytes.data : "", bytes.len, path, &doc, &err) != 0) {
		warn("%s: %s", path, blob_str(&err));
		rc = EXIT_INPUT;
	} else {
		const char *text = doc.text.data ? doc.text.data : "";
		extract_doc(lx, text, doc.text.len, doc.published, &x);
		evidence_fit_all(&x, text, bytes.data ? bytes.data : "", bytes.len, &doc);
		out_begin(&o, &doc, &x);
		out_part(&o, &x, text);
		out_end(&o);
	}
	extraction_free(&x);
	clean_free(&doc);
	blob_free(&bytes);
	blob_free(&err);
	blob_free(&o.buf);
	return rc;
}
