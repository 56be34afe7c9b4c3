/*
** clean.c — report bytes to article text, metadata and offset map (see clean.h): what
** kind of report the bytes are (HTML page, e-mail, saved text, or not text at all), the
** reader for each kind, the final NFC pass, and the word lists of data/clean/.
**
** The readers are clean_html.c, clean_text.c and clean_mail.c; meta.c settles the
** metadata. Everything here is pure except the one-time load of the word lists, which
** happens before the first report is cleaned and is read-only afterwards.
*/
#include "clean_int.h"
#include "util.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- word lists ---- */

static CleanLex lex;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;
static char lex_dir[4096];
static int lex_missing;

void clean_set_datadir(const char *dir)
{
	snprintf(lex_dir, sizeof lex_dir, "%s", dir);
}

int clean_data_missing(void)
{
	clean_lex();
	return lex_missing;
}

/* Appends s[0..n) lower-cased. The arrays double when n reaches a power of two (one
   realloc an entry made loading the lists a fifth of vigil clean's start-up). */
static void wl_push(WordList *w, const char *s, size_t n)
{
	if ((w->n & (w->n - 1)) == 0) {
		size_t cap = w->n ? w->n * 2 : 1;
		w->v = xrealloc(w->v, cap * sizeof *w->v);
		w->len = xrealloc(w->len, cap * sizeof *w->len);
	}
	w->len[w->n] = n;
	char *e = xstrndup(s, n);
	for (char *p = e; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	w->v[w->n++] = e;
}

/* Reads data/clean/NAME: one entry a line, '#' starts a comment line. */
static void wl_load(WordList *w, const char *name)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/clean/%s", lex_dir, name);
	Blob b = BLOB_INIT;
	if (read_file(path, &b) != 0) {
		lex_missing = 1;
		return;
	}
	const char *s = blob_str(&b), *end = s + b.len;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		const char *a = s, *z = e;
		while (a < z && (*a == ' ' || *a == '\t'))
			a++;
		while (z > a && (z[-1] == ' ' || z[-1] == '\t' || z[-1] == '\r'))
			z--;
		if (z > a && *a != '#')
			wl_push(w, a, (size_t)(z - a));
		s = e + 1;
	}
	blob_free(&b);
}

/* A stop word and the language (index in lex.stop) it was listed under. */
typedef struct StopWord {
	const char *w;
	size_t len;
	unsigned lang;
} StopWord;

static int stopword_cmp(const void *a, const void *b)
{
	return strcmp(((const StopWord *)a)->w, ((const StopWord *)b)->w);
}

/* stopwords.txt: "LANG word word …" one language a line. */
static void load_stopwords(void)
{
	WordList lines = {0};
	wl_load(&lines, "stopwords.txt");
	for (size_t i = 0; i < lines.n && lex.nstop < 16; i++) {
		const char *s = lines.v[i];
		const char *sp = strchr(s, ' ');
		if (!sp || sp - s >= 8)
			continue;
		snprintf(lex.stop_lang[lex.nstop], 8, "%.*s", (int)(sp - s), s);
		WordList *w = &lex.stop[lex.nstop++];
		for (const char *p = sp; *p;) {
			while (*p == ' ')
				p++;
			const char *q = p;
			while (*q && *q != ' ')
				q++;
			if (q > p)
				wl_push(w, p, (size_t)(q - p));
			p = q;
		}
	}
	for (size_t i = 0; i < lines.n; i++)
		free(lines.v[i]);
	free(lines.v);
	free(lines.len);
	/* every word once with the languages that have it (entries are lower case, so equal
	   words are equal strings): all of them sorted, then one entry a run of equals */
	size_t total = 0;
	for (size_t l = 0; l < lex.nstop; l++)
		total += lex.stop[l].n;
	StopWord *all = xmalloc((total ? total : 1) * sizeof *all);
	size_t k = 0;
	for (size_t l = 0; l < lex.nstop; l++)
		for (size_t i = 0; i < lex.stop[l].n; i++)
			all[k++] = (StopWord){lex.stop[l].v[i], lex.stop[l].len[i], (unsigned)l};
	qsort(all, total, sizeof *all, stopword_cmp);
	lex.stop_mask = xmalloc((total ? total : 1) * sizeof *lex.stop_mask);
	for (size_t i = 0; i < total; i++) {
		if (i == 0 || strcmp(all[i].w, all[i - 1].w) != 0) {
			lex.stop_mask[lex.stop_all.n] = 0;
			wl_push(&lex.stop_all, all[i].w, all[i].len);
		}
		lex.stop_mask[lex.stop_all.n - 1] |= 1u << all[i].lang;
	}
	free(all);
}

static void wl_index(WordList *w);

static void lex_load(void)
{
	if (!lex_dir[0]) {
		const char *env = getenv("VIGIL_DATA");
		snprintf(lex_dir, sizeof lex_dir, "%s", env && *env ? env : VIGIL_BUILD_DATADIR);
	}
	wl_load(&lex.boilerplate, "boilerplate.txt");
	wl_load(&lex.list_heads, "list-headings.txt");
	wl_load(&lex.class_bad, "class-negative.txt");
	wl_load(&lex.class_drop, "class-furniture.txt");
	wl_load(&lex.class_good, "class-positive.txt");
	wl_load(&lex.byline_class, "class-byline.txt");
	wl_load(&lex.roles, "signature-roles.txt");
	wl_load(&lex.org_words, "org-words.txt");
	load_stopwords();
	wl_index(&lex.class_bad);
	wl_index(&lex.class_drop);
	wl_index(&lex.class_good);
	wl_index(&lex.byline_class);
	wl_index(&lex.boilerplate);
	wl_index(&lex.list_heads);
	wl_index(&lex.roles);
	wl_index(&lex.org_words);
	for (size_t i = 0; i < lex.nstop; i++)
		wl_index(&lex.stop[i]);
	wl_index(&lex.stop_all);
}

const CleanLex *clean_lex(void)
{
	pthread_once(&lex_once, lex_load);
	return &lex;
}

/* Entries are lower case, so only those starting with the lower-cased first byte of s
   can match; an entry "=…" is indexed under its second byte and cannot match s unless s
   starts with '=' too, which takes the slow path. */
long wl_find(const WordList *w, const char *s, size_t n)
{
	if (w->idx && n && s[0] != '=') {
		unsigned char c = (unsigned char)tolower((unsigned char)s[0]);
		for (unsigned q = w->bstart[c]; q < w->bstart[c + 1]; q++) {
			size_t i = w->idx[q];
			if (w->len[i] == n && strncasecmp(w->v[i], s, n) == 0)
				return (long)i;
		}
		return -1;
	}
	for (size_t i = 0; i < w->n; i++)
		if (w->len[i] == n && strncasecmp(w->v[i], s, n) == 0)
			return (long)i;
	return -1;
}

int wl_has(const WordList *w, const char *s, size_t n)
{
	return wl_find(w, s, n) >= 0;
}

int wl_any_in(const WordList *w, const char *s, size_t n)
{
	for (size_t j = 0; j < n; j++) {
		unsigned char c = (unsigned char)s[j];
		for (unsigned q = w->bstart[c]; q < w->bstart[c + 1]; q++) {
			size_t i = w->idx[q];
			const char *e = w->v[i];
			int whole = e[0] == '=';
			size_t k = w->len[i] - (size_t)whole;
			if (j + k > n || memcmp(s + j, e + whole, k) != 0)
				continue;
			if (!whole || ((j == 0 || !isalnum((unsigned char)s[j - 1])) &&
			               (j + k == n || !isalnum((unsigned char)s[j + k]))))
				return 1;
		}
	}
	return 0;
}

/* Indexes the entries of w by their first letter (after a leading '='). */
static void wl_index(WordList *w)
{
	w->idx = xcalloc(w->n ? w->n : 1, sizeof *w->idx);
	unsigned count[256] = {0};
	for (size_t i = 0; i < w->n; i++)
		count[(unsigned char)w->v[i][w->v[i][0] == '=' && w->v[i][1]]]++;
	w->bstart[0] = 0;
	for (int c = 0; c < 256; c++)
		w->bstart[c + 1] = w->bstart[c] + count[c];
	unsigned fill[256];
	memcpy(fill, w->bstart, sizeof fill);
	for (size_t i = 0; i < w->n; i++)
		w->idx[fill[(unsigned char)w->v[i][w->v[i][0] == '=' && w->v[i][1]]]++] = (unsigned)i;
}

/* ---- what the bytes are ---- */

/* Formats that are not text reports, by their first bytes. */
static const char *binary_kind(const unsigned char *u, size_t n)
{
	static const struct {
		const char *magic;
		size_t len, at;
		const char *what;
	} kinds[] = {
		{"\x89PNG", 4, 0, "a PNG image"},
		{"\xFF\xD8\xFF", 3, 0, "a JPEG image"},
		{"GIF8", 4, 0, "a GIF image"},
		{"%PDF-", 5, 0, "a PDF document; convert it to text first"},
		{"PK\x03\x04", 4, 0, "a ZIP archive or office document; convert it to text first"},
		{"\xD0\xCF\x11\xE0", 4, 0, "an old office document; convert it to text first"},
		{"\x7F" "ELF", 4, 0, "an executable"},
		{"MZ", 2, 0, NULL}, /* checked below: only with a PE header */
		{"\x1F\x8B", 2, 0, "gzip-compressed data; decompress it first"},
		{"BZh", 3, 0, "bzip2-compressed data; decompress it first"},
		{"\xFD" "7zXZ", 5, 0, "xz-compressed data; decompress it first"},
		{"7z\xBC\xAF", 4, 0, "a 7-Zip archive"},
		{"RIFF", 4, 0, "audio, video or image data"},
		{"OggS", 4, 0, "audio or video data"},
		{"ftyp", 4, 4, "audio or video data"},
		{"wOFF", 4, 0, "a font"},
		{"SQLite format 3", 16, 0, "an SQLite database"},
		{"\xCA\xFE\xBA\xBE", 4, 0, "an executable"},
		{"\xCF\xFA\xED\xFE", 4, 0, "an executable"},
		{"II*\0", 4, 0, "a TIFF image"},
		{"MM\0*", 4, 0, "a TIFF image"},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (n < kinds[i].at + kinds[i].len || memcmp(u + kinds[i].at, kinds[i].magic, kinds[i].len) != 0)
			continue;
		if (kinds[i].what)
			return kinds[i].what;
		if (n > 0x40 && memchr(u, 0, n < 0x40 ? n : 0x40))
			return "an executable";
	}
	return NULL;
}

/* 1 when the first bytes hold so many NULs or control characters that they are not text
   (UTF-16 is recognised before this). */
static int looks_binary(const unsigned char *u, size_t n)
{
	size_t k = n < 8192 ? n : 8192, bad = 0;
	for (size_t i = 0; i < k; i++)
		bad += u[i] == 0 || (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r' &&
		                     u[i] != '\f' && u[i] != 0x1B);
	return bad * 10 > k;
}

/* 1 when the bytes start with a mail header block. */
static int looks_mail(const char *s, size_t n)
{
	static const char *const known[] = {
		"from", "to", "subject", "date", "received", "return-path", "message-id",
		"mime-version", "delivered-to", "reply-to", "cc", "content-type", "x-mailer", NULL,
	};
	size_t i = 0, lines = 0, hits = 0;
	if (n > 5 && memcmp(s, "From ", 5) == 0) { /* an mbox "From " line */
		const char *nl = memchr(s, '\n', n);
		if (!nl)
			return 0;
		i = (size_t)(nl - s) + 1;
	}
	while (i < n && lines < 200) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n, len = e - i;
		if (len && s[e - 1] == '\r')
			len--;
		if (len == 0)
			return lines >= 2 && hits >= 2;
		if (s[i] == ' ' || s[i] == '\t') {
			if (!lines)
				return 0;
		} else {
			size_t k = 0;
			while (k < len && (isalnum((unsigned char)s[i + k]) || s[i + k] == '-'))
				k++;
			if (!k || k >= len || s[i + k] != ':')
				return 0;
			for (int j = 0; known[j]; j++)
				if (strlen(known[j]) == k && strncasecmp(s + i, known[j], k) == 0)
					hits++;
			lines++;
		}
		i = e + 1;
	}
	return lines >= 2 && hits >= 2 && i >= n;
}

/* 1 when the bytes are an HTML page (or fragment) rather than text. */
static int looks_html(const char *s, size_t n, const char *name)
{
	static const char *const tags[] = {
		"<html", "<!doctype", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ",
		"<table", "<article", "<section", "<h1", "<h2", "<br", "<ul", "<span", "<a href",
		"<script", "<link", "<?xml", NULL,
	};
	size_t i = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	size_t lim = n < 4096 ? n : 4096;
	int starts = i < n && s[i] == '<';
	/* every '<' once, against every tag */
	for (size_t j = i; j < lim;) {
		const char *lt = memchr(s + j, '<', lim - j);
		if (!lt)
			break;
		j = (size_t)(lt - s);
		for (int t = 0; tags[t]; t++) {
			size_t k = strlen(tags[t]);
			if (j + k <= lim && strncasecmp(s + j, tags[t], k) == 0 && (starts || t < 2))
				return 1;
		}
		j++;
	}
	const char *dot = name ? strrchr(name, '.') : NULL;
	if (dot && (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 ||
	            strcasecmp(dot, ".xhtml") == 0 || strcasecmp(dot, ".shtml") == 0))
		return memchr(s, '<', lim) != NULL;
	return 0;
}

const char *media_sniff(const char *bytes, size_t len, const char *name)
{
	const unsigned char *u = (const unsigned char *)bytes;
	if (binary_kind(u, len))
		return "application/octet-stream";
	const char *r;
	if (text_is_wide(bytes, len)) { /* UTF-16 or UTF-32: look at the decoded text */
		MText t = {0};
		text_decode(bytes, len, NULL, &t);
		r = looks_html(t.text.data ? t.text.data : "", t.text.len, name) ? "text/html" : "text/plain";
		mt_free(&t);
		return r;
	}
	if (looks_binary(u, len))
		r = "application/octet-stream";
 if (looks_binary(u, len))
		r = "application/octet-stream";
	else if (looks_mail(bytes, len))
		r = "message/rfc822";
	else if (looks_html(bytes, len, name))
		r = "text/html";
	else {
		const char *dot = name ? strrchr(name, '.') : NULL;
		r = dot && strcasecmp(dot, ".eml") == 0 && looks_mail(bytes, len < 65536 ? len : 65536)
		        ? "message/rfc822" : "text/plain";
	}
	return r;
}

/* ---- cleaning ---- */

/* The year of an ISO 8601 date ("2024-03-07T…"), or 0. */
static int received_year(const char *s)
{
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + s[i] - '0';
	}
	return y >= 1900 && y <= 2100 && (s[4] == '-' || s[4] == 0) ? y : 0;
}

/* 1 when the text has nothing but white space. */
static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			return 0;
	return 1;
}

int clean_doc(const char *bytes, size_t len, const char *name, CleanDoc *out, Blob *err)
{
	return clean_doc_ctx(bytes, len, name, NULL, out, err);
}

int clean_doc_ctx(const char *bytes, size_t len, const char *name, const CleanCtx *ctx, CleanDoc *out,
                  Blob *err)
{
	const char *mt = media_sniff(bytes, len, name);
	out->media_type = xstrdup(mt);
	if (len == 0 || (len < 4096 && blank(bytes, len))) {
		blob_puts(err, len ? "no text in the file (only white space)" : "empty file");
		return 1;
	}
	if (strcmp(mt, "application/octet-stream") == 0) {
		const char *what = binary_kind((const unsigned char *)bytes, len);
		blob_appendf(err, "not a text report (%s)", what ? what : "binary data");
		return 1;
	}
	(void)clean_lex();
	Meta m = {0};
	MText o = {0};
	int rc;
	if (strcmp(mt, "message/rfc822") == 0) {
		rc = clean_mail(bytes, len, &o, &m, err);
	} else {
		MText u = {0};
		char cs[48];
		int html = strcmp(mt, "text/html") == 0;
		text_decode(bytes, len, html ? text_html_charset(bytes, len, cs) : NULL, &u);
		rc = html ? clean_html(&u, &o, &m, err) : clean_text(&u, &o, &m, err);
		mt_free(&u);
	}
	if (rc == 0) {
		if (ctx && ctx->source && !m.url && strstr(ctx->source, "://"))
			m.url = xstrdup(ctx->source);
		if (ctx && ctx->received)
			m.received_year = received_year(ctx->received);
		text_nfc(&o);
		mt_trim_end(&o);
		meta_finish(&m, o.text.data ? o.text.data : "", o.text.len, out);
		mt_move_to_doc(&o, out);
	}
	mt_free(&o);
	meta_free(&m);
	return rc;
}

void clean_free(CleanDoc *d)
{
	blob_free(&d->text);
	free(d->map);
	free(d->media_type);
	free(d->title);
	free(d->published);
	free(d->publisher);
	free(d->author);
	free(d->language);
	memset(d, 0, sizeof *d);
}

size_t clean_orig_offset(const CleanDoc *d, size_t off)
{
	size_t lo = 0, hi = d->nmap;
	if (!hi)
		return off;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (d->map[mid].text <= off)
			lo = mid;
		else
			hi = mid;
	}
	return d->map[lo].orig + (off - d->map[lo].text);
}

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void offmap_serialize(const CleanDoc *d, Blob *out)
{
	for (size_t i = 0; i < d->nmap; i++) {
		unsigned char b[8];
		uint32_t v[2] = {d->map[i].text, d->map[i].orig};
		for (int k = 0; k < 2; k++)
			for (int j = 0; j < 4; j++)
				b[k * 4 + j] = (unsigned char)(v[k] >> (8 * j));
		blob_append(out, b, 8);
	}
}

size_t offmap_lookup(const void *map, size_t map_len, size_t off)
{
	const unsigned char *m = map;
	size_t n = map_len / 8, lo = 0, hi = n;
	if (!n)
		return off;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (get_u32(m + mid * 8) <= off)
			lo = mid;
		else
			hi = mid;
	}
	return get_u32(m + lo * 8 + 4) + (off - get_u32(m + lo * 8));
}
