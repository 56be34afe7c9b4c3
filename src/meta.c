/*
** meta.c — the document's title, publication date, publisher, author and language,
** from what the readers found (meta tags, JSON-LD, mail headers, a title line) and from
** the article text itself: a dateline ("PARIS, Jan 6 (Reuters) –"), a signature with a
** date at the end, a masthead or byline ("THE WIP – By Jane Roe  December 4, 2011").
**
** Each value comes with the trust of its source (clean_int.h: MP_*); the most trusted
** wins. A date written without a year takes the year from the text: the latest year the
** article mentions, moved on to the first year in which that day falls on the weekday the
** article names ("said on Friday"). A saved page's banner (the day it was saved) is never
** a source.
*/
#include "clean_int.h"
#include "dates.h"
#include "util.h"

#include <ctype.h>
#include <jansson.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

void meta_set(char **slot, int *prio, int p, const char *s, size_t n)
{
	if (p <= *prio || !s)
		return;
	char *v = text_collapse(s, n);
	if (!v)
		return;
	free(*slot);
	*slot = v;
	*prio = p;
}

void meta_free(Meta *m)
{
	free(m->title);
	free(m->doc_title);
	free(m->h1);
	free(m->published);
	free(m->publisher);
	free(m->author);
	free(m->language);
	free(m->banner);
	free(m->ld_name);
	free(m->ld_headline);
	free(m->byline);
	free(m->url);
	memset(m, 0, sizeof *m);
}

/* ---- dates in metadata ---- */

int meta_date_value(const char *s, size_t n, char out[11])
{
	char buf[64];
	while (n && isspace((unsigned char)*s))
		s++, n--;
	size_t k = n < sizeof buf - 1 ? n : sizeof buf - 1;
	memcpy(buf, s, k);
	buf[k] = 0;
	Ymd v;
	if (ymd_parse_iso(buf, &v) && v.y >= 1900 && v.y <= 2100) {
		ymd_format(v, out);
		return 1;
	}
	/* 20130307 */
	if (k >= 8 && strspn(buf, "0123456789") >= 8) {
		char iso[11];
		snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", buf, buf + 4, buf + 6);
		if (ymd_parse_iso(iso, &v) && v.y >= 1900 && v.y <= 2100) {
			ymd_format(v, out);
			return 1;
		}
	}
	size_t at;
	DateHit h;
	Ymd none = {0, 0, 0};
	if (date_find(s, n < 200 ? n : 200, none, &at, &h) && h.has_year && h.date.y >= 1900 &&
	    h.date.y <= 2100) {
		ymd_format(h.date, out);
		return 1;
	}
	return 0;
}

/* ---- JSON-LD ---- */

/* The names in an author or publisher value: "Name", {"name": …}, or a list. */
static void jsonld_names(json_t *v, Blob *out)
{
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		if (*s && !strstr(s, "://")) {
			if (out->len)
				blob_puts(out, ", ");
			blob_puts(out, s);
		}
	} else if (json_is_object(v)) {
		jsonld_names(json_object_get(v, "name"), out);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
			if (i < 8)
				jsonld_names(e, out);
	}
}

/* 1 when the @type (a string or a list) names an article or report. */
static int article_type(json_t *t)
{
	if (json_is_array(t)) {
		size_t i;
		json_t *e;
		json_array_foreach(t, i, e)
			if (article_type(e))
				return 1;
		return 0;
	}
	if (!json_is_string(t))
		return 0;
	const char *s = json_string_value(t);
	return strstr(s, "Article") || strstr(s, "Posting") || strcmp(s, "Report") == 0 ||
	       strcmp(s, "WebPage") == 0 || strcmp(s, "LiveBlogPosting") == 0;
}

static void jsonld_object(Meta *m, json_t *o, int depth)
{
	if (depth > 4)
		return;
	if (json_is_array(o)) {
		size_t i;
		json_t *e;
		json_array_foreach(o, i, e)
			jsonld_object(m, e, depth + 1);
		return;
	}
	if (!json_is_object(o))
		return;
	json_t *graph = json_object_get(o, "@graph");
	if (graph)
		jsonld_object(m, graph, depth + 1);
	json_t *type = json_object_get(o, "@type");
	if (!article_type(type))
		return;
	int page = json_is_string(type) && strcmp(json_string_value(type), "WebPage") == 0;
	int p = page ? MP_META : MP_JSONLD;
	json_t *t = json_object_get(o, "headline"), *name = json_object_get(o, "name");
	if (!page && json_is_string(name) && !m->ld_name)
		m->ld_name = text_collapse(json_string_value(name), strlen(json_string_value(name)));
	if (json_is_string(t) && !m->ld_headline)
		m->ld_headline = text_collapse(json_string_value(t), strlen(json_string_value(t)));
	json_t *d = json_object_get(o, "datePublished");
	if (!json_is_string(d))
		d = json_object_get(o, "dateCreated");
	char iso[11];
	if (json_is_string(d) && meta_date_value(json_string_value(d), strlen(json_string_value(d)), iso))
		meta_set(&m->published, &m->published_p, p, iso, strlen(iso));
	Blob names = BLOB_INIT;
	jsonld_names(json_object_get(o, "author"), &names);
	if (names.len)
		meta_set(&m->author, &m->author_p, p, names.data, names.len);
	blob_reset(&names);
	jsonld_names(json_object_get(o, "publisher"), &names);
	if (names.len)
		meta_set(&m->publisher, &m->publisher_p, p, names.data, names.len);
	blob_free(&names);
	json_t *lang = json_object_get(o, "inLanguage");
	if (json_is_string(lang))
		meta_set(&m->language, &m->language_p, MP_WEAK, json_string_value(lang),
		         strlen(json_string_value(lang)));
}

void meta_jsonld(Meta *m, const char *s, size_t n)
{
	json_error_t e;
	/* strip a CDATA wrapper some sites put around it */
	while (n && isspace((unsigned char)*s))
		s++, n--;
	if (n > 2 && (memcmp(s, "//", 2) == 0 || memcmp(s, "/*", 2) == 0)) {
		const char *c = memmem(s, n < 16 ? n : 16, "<![CDATA[", 9);
		if (c) {
			n -= (size_t)(c - s);
			s = c;
		}
	}
	if (n > 9 && memcmp(s, "<![CDATA[", 9) == 0) {
		s += 9;
		n -= 9;
	}
	json_t *j = json_loadb(s, n, JSON_DISABLE_EOF_CHECK, &e);
	if (!j)
		return;
	jsonld_object(m, j, 0);
	json_decref(j);
}

/* ---- the text, line by line ---- */

typedef struct Line {
	const char *s;
	size_t n;
} Line;

/* The non-empty lines of the text, trimmed. */
static size_t split_lines(const char *t, size_t n, Line **out)
{
	size_t k = 0, cap = 0;
	Line *v = NULL;
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(t + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - t) : n;
		size_t a = i, z = e;
		while (a < z && isspace((unsigned char)t[a]))
			a++;
		while (z > a && isspace((unsigned char)t[z - 1]))
			z--;
		if (z > a) {
			if (k == cap) {
				cap = cap ? cap * 2 : 64;
				v = xrealloc(v, cap * sizeof *v);
			}
			v[k].s = t + a;
			v[k].n = z - a;
			k++;
		}
		i = e + 1;
	}
	*out = v;
	return k;
}

/* Skips spaces, including U+00A0. */
static size_t skip_sp(const char *s, size_t n, size_t i)
{
	for (;;) {
		if (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
			i += 2;
		else
			return i;
	}
}

/* A dash at s[i] (-, --, – or —): its length, or 0. */
static size_t dash_at(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '-')
		return i + 1 < n && s[i + 1] == '-' ? 2 : 1;
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
		return 3;
	return 0;
}

static int upper_at(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return 0;
	if ((unsigned char)s[i] < 0x80)
		return isupper((unsigned char)s[i]);
	size_t j = i;
	uint32_t c = utf8_get(s, n, &j);
	return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LU;
}

/* A word of letters (and . ' -) at s[i]: its length. */
static size_t word_at(const char *s, size_t n, size_t i)
{
	size_t j = i;
	while (j < n) {
		if (isalpha((unsigned char)s[j]) || s[j] == '.' || s[j] == '\'' || s[j] == '-') {
			j++;
			continue;
		}
		if ((unsigned char)s[j] >= 0x80) {
			size_t k = j;
			uint32_t c = utf8_get(s, n, &k);
			if (cp_word(c)) {
				j = k;
				continue;
			}
		}
		break;
	}
	return j - i;
}

/* The number written with the n digits at s. */
static int atoi_n(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

typedef struct Dateline {
	DateHit date;
	int has_date;
	const char *agency;
	size_t agency_n;
	const char *org; /* an all-capitals source ("NCRI – …") */
	size_t org_n;
	size_t end;      /* where the report's own words start */
} Dateline;

/* A dateline at the start of s: PLACE[, DATE][ (AGENCY)] – . */
static int dateline_at(const char *s, size_t n, Dateline *dl)
{
	memset(dl, 0, sizeof *dl);
	if (n > 4 && s[0] == '(') { /* "(Erbil, 11 September 2014) –" */
		const char *close = memchr(s, ')', n < 64 ? n : 64);
		Ymd none0 = {0, 0, 0};
		size_t at;
		if (!close || !date_find(s + 1, (size_t)(close - s) - 1, none0, &at, &dl->date))
			return 0;
		size_t j = skip_sp(s, n, (size_t)(close - s) + 1), d = dash_at(s, n, j);
		if (!d)
			return 0;
		dl->has_date = 1;
		dl->end = skip_sp(s, n, j + d);
		return 1;
	}
	size_t i = 0, words = 0, caps = 1, letters = 0;
	while (words < 5 && i < n && upper_at(s, n, i)) {
		size_t w = word_at(s, n, i);
		if (!w)
			break;
		for (size_t k = i; k < i + w; k++)
			if (isalpha((unsigned char)s[k])) {
				letters++;
				if (islower((unsigned char)s[k]))
					caps = 0;
			}
		i += w;
		words++;
		size_t j = i;
		if (j < n && s[j] == ',')
			j++;
		j = skip_sp(s, n, j);
		if (!upper_at(s, n, j) || j == i)
			break;
		/* a date starts here? */
		size_t mk;
		if (month_at(s + j, n - j, &mk) || weekday_at(s + j, n - j, &mk) >= 0)
			break;
		i = j;
	}
	if (!words || i > 60)
		return 0;
	size_t place_end = i;
	size_t j = i;
	if (j < n && s[j] == ',')
		j++;
	j = skip_sp(s, n, j);
	Ymd none = {0, 0, 0};
	size_t dk = date_scan(s + j, n - j, none, &dl->date);
	if (dk) {
		dl->has_date = 1;
		j = skip_sp(s, n, j + dk);
	}
	if (j < n && s[j] == '(') {
		const char *close = memchr(s + j, ')', n - j < 48 ? n - j : 48);
		size_t at;
		if (close && close > s + j + 1 && !dl->has_date &&
		    date_find(s + j + 1, (size_t)(close - s) - j - 1, none, &at, &dl->date)) {
			/* "GENEVA (20 June 2023) –": a date, not an agency */
			dl->has_date = 1;
			j = skip_sp(s, n, (size_t)(close - s) + 1);
		} else if (close && close > s + j + 1) {
			dl->agency = s + j + 1;
			dl->agency_n = (size_t)(close - s) - j - 1;
			j = skip_sp(s, n, (size_t)(close - s) + 1);
		}
	}
	size_t d = dash_at(s, n, j);
	if (!d)
		return 0;
	j = skip_sp(s, n, j + d);
	if (!dl->has_date && !dl->agency) {
		if (!caps || letters < 2 || words > 2)
			return 0;
		dl->org = s;
		dl->org_n = place_end;
	}
	dl->end = j;
	return 1;
}

/* 1 when the year at t[i] follows "since" ("since 2017", "since July 2013"): the
   start of something that goes on, not the time of writing. */
static int after_since(const char *t, size_t i)
{
	size_t j = i;
	while (j && t[j - 1] == ' ')
		j--;
	/* a month's name between them */
	size_t w = j;
	while (w && isalpha((unsigned char)t[w - 1]))
		w--;
	if (w < j && isupper((unsigned char)t[w])) {
		size_t k;
		if (month_at(t + w, j - w, &k) && w + k == j) {
			j = w;
			while (j && t[j - 1] == ' ')
				j--;
		}
	}
	return j >= 5 && strncasecmp(t + j - 5, "since", 5) == 0 && (j == 5 || !isalpha((unsigned char)t[j - 6]));
}

/* The years the text mentions (1900..2099, standing alone): the latest, leaving out a
   year after "since", which goes to *since (the latest of those). */
static int latest_year(const char *t, size_t n, int *since)
{
	int best = 0;
	*since = 0;
	for (size_t i = 0; i + 4 <= n; i++) {
		if ((t[i] != '1' && t[i] != '2') || (i && (isalnum((unsigned char)t[i - 1]))))
			continue;
		if (!isdigit((unsigned char)t[i + 1]) || !isdigit((unsigned char)t[i + 2]) ||
		    !isdigit((unsigned char)t[i + 3]) || (i + 4 < n && isalnum((unsigned char)t[i + 4])))
			continue;
		int y = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
		/* not a figure: 1,500 or 2.000 */
		if (i && (t[i - 1] == ',' || t[i - 1] == '.') && i >= 2 && isdigit((unsigned char)t[i - 2]))
			continue;
		if (y < 1900 || y > 2099)
			continue;
		if (after_since(t, i))
			*since = y > *since ? y : *since;
		else if (y > best)
			best = y;
	}
	return best;
}

/* The first weekday named in s[0..n) ("on Friday"), or -1. */
static int weekday_named(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i && isalpha((unsigned char)s[i - 1]))
			continue;
		if (!isupper((unsigned char)s[i]))
			continue;
		size_t k;
		int w = weekday_at(s + i, n - i, &k);
		/* whole names only: "Sun" or "Wed" in prose are other words */
		if (w >= 0 && k >= 6 && (i + k >= n || !isalpha((unsigned char)s[i + k])))
			return w;
	}
	return -1;
}

/* Gives a day and month without a year the year the text implies (the latest it
   mentions), else the context year ctx (0: none), never a year after ctx. A year after
   "since" ("fighting since 2017") only when neither gives one: the text was written
   after it, the copyright line or the page's address tells when. */
static int infer_year(int m, int d, int weekday, const char *t, size_t n, int ctx)
{
	int since;
	int y = latest_year(t, n, &since);
	if (!y || (ctx && y > ctx))
		y = ctx;
	if (!y)
		y = since;
	if (!y)
		return 0;
	if (weekday < 0)
		return y;
	for (int k = 0; k < 40 && (!ctx || y + k <= ctx); k++) {
		Ymd v = {y + k, m, d};
		if (ymd_valid(v) && ymd_weekday(y + k, m, d) == weekday)
			return y + k;
	}
	return y;
}

/* 1 when the line is nothing but a date (with a year); the date in *out. */
static int date_line(const char *s, size_t n, Ymd *out)
{
	Ymd none = {0, 0, 0};
	DateHit h;
	size_t i = skip_sp(s, n, 0);
	size_t k = date_scan(s + i, n - i, none, &h);
	if (!k || !h.has_year || !h.date.d)
		return 0;
	i = skip_sp(s, n, i + k);
	while (i < n && (s[i] == '.' || s[i] == ','))
		i++;
	if (skip_sp(s, n, i) != n)
		return 0;
	*out = h.date;
	return 1;
}

/* A signature: a short line of capitalised words without a full stop. */
static int signature_line(const char *s, size_t n)
{
	if (n < 4 || n > 120 || s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':')
		return 0;
	int caps = 0, words = 0;
	for (size_t i = 0; i < n;) {
		i = skip_sp(s, n, i);
		size_t w = word_at(s, n, i);
		if (!w) {
			if (i < n && s[i] != '&' && s[i] != ',' && s[i] != '(' && s[i] != ')')
				return 0;
			i++;
			continue;
		}
		words++;
		caps += upper_at(s, n, i);
		i += w;
	}
	return words >= 2 && words <= 14 && caps * 2 >= words && upper_at(s, n, 0);
}

/* The organisation in a signature: "Secretariat of the X" (a role from
   data/clean/signature-roles.txt) gives X; anything else is taken whole. */
static void signature_org(const char *s, size_t n, const char **org, size_t *len)
{
	const CleanLex *lx = clean_lex();
	*org = s;
	*len = n;
	for (size_t i = 0; i + 4 < n; i++) {
		if (strncmp(s + i, " of ", 4) != 0)
			continue;
		if (!wl_has(&lx->roles, s, i))
			return;
		size_t j = i + 4;
		if (j + 4 < n && strncasecmp(s + j, "the ", 4) == 0)
			j += 4;
		*org = s + j;
		*len = n - j;
		return;
	}
}

static size_t byline_keyword(const char *s, size_t n);

/* "By NAME" at s[i]: the name's extent (2 to 5 capitalised words). */
static int byline_name(const char *s, size_t n, size_t i, size_t *a, size_t *z)
{
	if (i + 3 > n || (strncmp(s + i, "By ", 3) != 0 && strncmp(s + i, "by ", 3) != 0 &&
	                  strncmp(s + i, "BY ", 3) != 0) ) {
		if (!(i + 4 <= n && (strncmp(s + i, "By\xC2\xA0", 4) == 0)))
			return 0;
	}
	size_t j = skip_sp(s, n, i + 2);
	*a = j;
	int words = 0;
	size_t end = j;
	while (j < n && words < 5 && upper_at(s, n, j)) {
		size_t w = word_at(s, n, j);
		if (!w)
			break;
		size_t mk;
		if (month_at(s + j, n - j, &mk) || byline_keyword(s + j, n - j) || strncmp(s + j, "Edited", 6) == 0)
			break;
		j += w;
		end = j;
		words++;
		j = skip_sp(s, n, j);
		if (j < n && s[j] == ',')
			break;
		if (j + 4 <= n && strncmp(s + j, "and ", 4) == 0)
			j = skip_sp(s, n, j + 4);
	}
	*z = end;
	return words >= 2;
}


/* ---- copyright lines ---- */

/* A copyright mark at s[i] ("©", "(c)", "Copyright"): its length, else 0. */
static size_t copy_mark(const char *s, size_t n, size_t i)
{
	if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9)
		return 2;
	if (i + 3 <= n && (strncmp(s + i, "(c)", 3) == 0 || strncmp(s + i, "(C)", 3) == 0))
		return 3;
	if (i + 9 <= n && strncasecmp(s + i, "copyright", 9) == 0 &&
	    (i == 0 || !isalpha((unsigned char)s[i - 1])) && (i + 9 == n || !isalpha((unsigned char)s[i + 9])))
		return 9;
	return 0;
}

/* A year 1900..2099 standing alone at s[i]: the year, else 0. */
static int year_at(const char *s, size_t n, size_t i)
{
	if (i + 4 > n || (i + 4 < n && isalnum((unsigned char)s[i + 4])))
		return 0;
	for (size_t k = 0; k < 4; k++)
		if (!isdigit((unsigned char)s[i + k]))
			return 0;
	int y = atoi_n(s + i, 4);
	return y >= 1900 && y <= 2099 ? y : 0;
}

/* 1 when s[0..n) can be an organisation's name: 1 to 8 words, the first capitalised,
   not "All rights reserved". */
static int org_name(const char *s, size_t n)
{
	if (n < 2 || n > 80 || !upper_at(s, n, 0) || strncasecmp(s, "all rights", 10) == 0)
		return 0;
	int words = 1;
	for (size_t i = 0; i < n; i++)
		words += s[i] == ' ';
	return words <= 8;
}

int meta_copyright(Meta *m, const char *s, size_t n)
{
	if (n > 300)
		return 0;
	size_t i = 0, k = 0;
	for (; i < n; i++)
		if ((k = copy_mark(s, n, i)))
			break;
	if (!k)
		return 0;
	size_t mark = i, j = skip_sp(s, n, i + k);
	while (j < n && (k = copy_mark(s, n, j)))
		j = skip_sp(s, n, j + k);
	/* years: "2024", "1998–2024", "2019, 2024" */
	int year = 0, y;
	while ((y = year_at(s, n, j))) {
		year = y > year ? y : year;
		j += 4;
		size_t d = dash_at(s, n, j);
		if (d)
			j += d;
		else if (j < n && s[j] == ',')
			j++;
		j = skip_sp(s, n, j);
	}
	if (!year)
		return 0;
	m->copy_year = year;
	/* the name after the years, up to a separator; else the name before the mark */
	size_t e = j;
	while (e < n && s[e] != '|' && s[e] != ',' && s[e] != '.' && s[e] != ';' &&
	       !((unsigned char)s[e] == 0xC2 && e + 1 < n && (unsigned char)s[e + 1] == 0xB7))
		e++;
	while (e > j && s[e - 1] == ' ')
		e--;
	if (org_name(s + j, e - j)) {
		meta_set(&m->publisher, &m->publisher_p, MP_WEAK, s + j, e - j);
		return 1;
	}
	size_t a = mark;
	while (a > 0 && s[a - 1] != '|' && s[a - 1] != '.' && s[a - 1] != '>')
		a--;
	a = skip_sp(s, n, a);
	e = mark;
	while (e > a && (s[e - 1] == ' ' || s[e - 1] == ','))
		e--;
	if (e > a && org_name(s + a, e - a))
		meta_set(&m->publisher, &m->publisher_p, MP_WEAK, s + a, e - a);
	return 1;
}

/* ---- bylines ---- */

typedef struct Byline {
	const char *author, *pub; /* "By NAME"; what stands before "By" after a dash, or
	                             the first part of a masthead */
	size_t author_n, pub_n;
	int pub_weak;             /* pub is a single name before a comma: only if nothing else */
	DateHit date;             /* the date it gives (date.y == 0: none) */
	size_t date_end;          /* where that date ends in the line */
} Byline;

/* The words that open a byline or a post's date line. */
static size_t byline_keyword(const char *s, size_t n)
{
	static const char *const kw[] = {
		"posted", "published", "updated", "last updated", "started", "created", "issued",
		"dated", "date", "written", "first published", "released", NULL,
	};
	for (int k = 0; kw[k]; k++) {
		size_t l = strlen(kw[k]);
		if (l < n && strncasecmp(s, kw[k], l) == 0 && !isalpha((unsigned char)s[l]))
			return l;
	}
	return 0;
}

/* 1 when "update" at s[i] is a noun naming a kind of report ("field update, 12 June",
   "Situation Update | 3 May"): a word other than "last" or "latest" before it. */
static int update_kind(const char *s, size_t i, size_t at)
{
	if (i + 6 > at || strncasecmp(s + i, "update", 6) != 0 || (i + 6 < at && s[i + 6] != ' ' &&
	    s[i + 6] != ',' && s[i + 6] != '|' && s[i + 6] != 's'))
		return 0;
	size_t e = i;
	while (e && s[e - 1] == ' ')
		e--;
	size_t w = e;
	while (w && isalpha((unsigned char)s[w - 1]))
		w--;
	if (w == e || e == i)
		return 0;
	return !((e - w == 4 && strncasecmp(s + w, "last", 4) == 0) ||
	         (e - w == 6 && strncasecmp(s + w, "latest", 6) == 0));
}

/* 1 when the date at s[at] is said to be an update ("Updated 4 May", "modified: …"). */
static int update_date(const char *s, size_t at)
{
	size_t from = at > 24 ? at - 24 : 0;
	for (size_t i = from; i + 4 <= at; i++)
		if ((strncasecmp(s + i, "updat", 5) == 0 && !update_kind(s, i, at)) ||
		    strncasecmp(s + i, "modif", 5) == 0 || strncasecmp(s + i, "edited", 6) == 0)
			return 1;
	return 0;
}

/* 1 when every word of s[0..n) is capitalised or a small joining word ("Rights in
   Afghanistan Network", not "Testimony recorded in the camp"). */
static int name_words(const char *s, size_t n)
{
	static const char *const small[] = {"of", "in", "for", "the", "and", "on", "de", "du", "la", "&", NULL};
	if (!org_name(s, n))
		return 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		int ok = upper_at(s, n, i) || isdigit((unsigned char)s[i]);
		for (int k = 0; !ok && small[k]; k++)
			ok = strlen(small[k]) == j - i && strncmp(s + i, small[k], j - i) == 0;
		if (!ok)
			return 0;
		i = j + 1;
	}
	return 1;
}

/* The length of a part separator at s[i] ("|", a spaced dash), else 0. */
static size_t part_sep(const char *s, size_t n, size_t i)
{
	size_t dk;
	if (s[i] == '|')
		return 1;
	if (s[i] == ' ' && (dk = dash_at(s, n, i + 1)) && i + 1 + dk < n && s[i + 1 + dk] == ' ')
		return 1 + dk;
	return 0;
}

/* Where the part after the one starting at or after s[i] begins (p when none before p). */
static size_t next_part(const char *s, size_t n, size_t p, size_t i)
{
	while (i < p && !part_sep(s, n, i))
		i++;
	if (i >= p)
		return p;
	i += part_sep(s, n, i);
	while (i < p && s[i] == ' ')
		i++;
	return i;
}

/* 1 when s[0..n) names a kind of text, not who wrote it ("Press Release", "Joint
   Statement", "Media Advisory"). */
static int report_kind(const char *s, size_t n)
{
	static const char *const kinds[] = {"release", "statement", "advisory", "communiqu", "update",
	                                    "briefing", "note", NULL};
	size_t w = n;
	while (w && s[w - 1] != ' ')
		w--;
	for (int k = 0; kinds[k]; k++) {
		size_t l = strlen(kinds[k]);
		if (n - w >= l && strncasecmp(s + w, kinds[k], l) == 0)
			return 1;
	}
	return 0;
}

/* 1 when s[0..n) has no lower-case letter ("NEW YORK"): a place in capitals. */
static int all_caps(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (islower((unsigned char)s[i]))
			return 0;
	return 1;
}

/* A masthead: the line ends with a date and what stands before it is a publication, a kind
   and a place, ended by a separator or "published": "Horn Monitor | 9 March 2021",
   "Rights Watch | Statement | Kabul, 9 March 2021", "Lake Dispatch, Monday 28 January
   2019", "Camp Monitor — daily note, 14 February 2020". The first part names the
   publication when it has two words or more. 1 when the line has that shape. */
static int masthead(const char *s, size_t n, size_t ds, size_t de, Byline *b)
{
	size_t e = de;
	while (e < n && (s[e] == ' ' || s[e] == '.'))
		e++;
	if (e != n || ds == 0 || ds > 100)
		return 0;
	size_t p = ds;
	int sep = 0, comma = 0; /* comma: the date follows a comma ("Tunis, 7 July 2023") */
	for (;;) { /* separators and "published" before the date */
		while (p && s[p - 1] == ' ')
			p--;
		if (p && (s[p - 1] == ',' || s[p - 1] == '|')) {
			comma |= !sep && s[p - 1] == ',';
			sep = 1;
			p--;
			continue;
		}
		size_t dk = p >= 3 ? dash_at(s, n, p - 3) : 0;
		if (dk == 3 || (p >= 1 && dash_at(s, n, p - 1) == 1 && !(p >= 2 && s[p - 2] == '-'))) {
			sep = 1;
			p -= dk == 3 ? 3 : 1;
			continue;
		}
		size_t w = p;
		while (w && isalpha((unsigned char)s[w - 1]))
			w--;
		if (w < p && byline_keyword(s + w, n - w) == p - w) {
			sep = 1;
			p = w;
			continue;
		}
		break;
	}
	if (!sep || !p)
		return 0;
	/* no sentence before the date */
	for (size_t i = 0; i < p; i++)
		if (s[i] == '.' && i + 1 < p && s[i + 1] == ' ' && i >= 2 && islower((unsigned char)s[i - 1]) &&
		    islower((unsigned char)s[i - 2]))
			return 0;
	/* the first part: up to "|", a spaced dash, or the only comma */
	size_t a = 0, z = 0, parts = 1;
	for (size_t i = 0; i < p; i++) {
		size_t dk = 0;
		if (s[i] == '|' || (s[i] == ' ' && (dk = dash_at(s, n, i + 1)) && i + 1 + dk < n && s[i + 1 + dk] == ' ')) {
			if (!z)
				z = i;
			parts++;
		}
	}
	int comma_only = !z;
	if (!z) {
		const char *c = memchr(s, ',', p);
		if (c && !memchr(c + 1, ',', p - (size_t)(c - s) - 1))
			z = (size_t)(c - s);
		else if (!c)
			z = p;
	}
	while (z > a && s[z - 1] == ' ')
		z--;
	int words = 1;
	for (size_t i = a; i < z; i++)
		words += s[i] == ' ';
	if (z > a && words >= 2 && name_words(s + a, z - a) && !report_kind(s + a, z - a)) {
		b->pub = s + a;
		b->pub_n = z - a;
		b->pub_weak = comma_only && words < 3;
	} else if (parts > 1) {
		/* a kind first ("Statement | Forum for X | Tunis, 7 July 2023"): the next part
		   that is a name, not the place before the date's comma */
		size_t i = 0;
		for (size_t k = 1; k < parts; k++) {
			size_t pa = next_part(s, n, p, i), pz;
			if (pa >= p)
				break;
			pz = pa;
			while (pz < p && !part_sep(s, n, pz))
				pz++;
			i = pa;
			if (pz == p && comma)
				break;
			while (pz > pa && s[pz - 1] == ' ')
				pz--;
			int w = 1;
			for (size_t q = pa; q < pz; q++)
				w += s[q] == ' ';
			if (pz > pa && w >= 2 && name_words(s + pa, pz - pa) && !report_kind(s + pa, pz - pa) &&
			    !all_caps(s + pa, pz - pa)) {
				b->pub = s + pa;
				b->pub_n = pz - pa;
				break;
			}
		}
	}
	return 1;
}

/* A byline ("By Jane Roe | 10 March 2024", "THE WIP – By Jane Roe  December 4, 2011",
   "Posted on 3 May 2024 by Jane Roe", "Updated: Friday, 8 March", a line that is nothing
   but a date and a time): its author, publication and date. The date is the first one not
   called an update (else the update). 0 when the line is not a byline. */
static int byline_parse(const char *s, size_t n, Byline *b)
{
	memset(b, 0, sizeof *b);
	if (n > 200 || n < 4)
		return 0;
	size_t kw = byline_keyword(s, n);
	for (size_t j = 0; j + 3 < n; j++) {
		if (j && s[j - 1] != ' ' && s[j - 1] != '\xA0')
			continue;
		size_t a, z;
		if (!byline_name(s, n, j, &a, &z))
			continue;
		b->author = s + a;
		b->author_n = z - a;
		if (j) { /* what stands before "By" names the publication */
			size_t e = j;
			while (e && (s[e - 1] == ' ' || (unsigned char)s[e - 1] == 0xA0 || (unsigned char)s[e - 1] == 0xC2))
				e--;
			size_t dk = e >= 3 ? dash_at(s, n, e - 3) : 0;
			if (!dk && e >= 1)
				dk = dash_at(s, n, e - 1) == 1 ? 1 : 0;
			if (dk) {
				e -= dk;
				while (e && s[e - 1] == ' ')
					e--;
				if (e && e < 60) {
					b->pub = s;
					b->pub_n = e;
				}
			}
		}
		break;
	}
	/* the dates */
	Ymd none = {0, 0, 0};
	size_t off = 0, first_at = 0, first_start = 0;
	DateHit first = {{0, 0, 0}, 0, -1, 0}, upd = first;
	size_t upd_end = 0;
	int nd = 0;
	size_t at, k;
	DateHit h;
	while (nd < 4 && (k = date_next(s, n, &off, &at, &h))) {
		nd++;
		if (h.date.d && h.date.m) {
			if (!update_date(s, at)) {
				if (!first.date.m) {
					first = h;
					first_at = at + k;
					first_start = at;
				}
			} else if (!upd.date.m) {
				upd = h;
				upd_end = at + k;
			}
		}
	}
	if (first.date.m) {
		b->date = first;
		b->date_end = first_at;
	} else if (upd.date.m) {
		b->date = upd;
		b->date_end = upd_end;
	}
	if (b->author || (kw && b->date.date.m))
		return 1;
	/* "By our Middle East desk | Monday 21 October 2013, last updated 18:05": a byline
	   naming no one, its date after a bar or a dash */
	if (first.date.m && n > 3 && strncasecmp(s, "by ", 3) == 0) {
		size_t e = first_start;
		while (e && s[e - 1] == ' ')
			e--;
		if (e && (s[e - 1] == '|' || s[e - 1] == '-' || (e >= 3 && dash_at(s, n, e - 3))))
			return 1;
	}
	if (first.date.m && masthead(s, n, first_start, first_at, b))
		return 1;
	/* nothing but a date, perhaps with a time ("Monday 19 February 2024 | 08:41") */
	if (!b->date.date.m)
		return 0;
	size_t st = skip_sp(s, n, 0);
	k = date_scan(s + st, n - st, none, &h);
	if (!k)
		return 0;
	/* after it only a time and separators ("| 08:41", "10:15 GMT") */
	size_t letters = 0;
	for (size_t i = st + k; i < n; i++)
		letters += isalpha((unsigned char)s[i]) != 0;
	if (letters > 5)
		return 0;
	return 1;
}

int meta_byline_line(const char *s, size_t n)
{
	Byline b;
	return byline_parse(s, n, &b);
}

/* The date of a canonical URL ("/2024/02/17/", "/2024-02-17-"): 1 and *out. */
static int url_date(const char *u, Ymd *out)
{
	size_t n = strlen(u);
	const char *path = strstr(u, "://");
	size_t i = path ? (size_t)(path - u) + 3 : 0;
	for (; i + 8 <= n; i++) {
		if (u[i] != '/')
			continue;
		int y = year_at(u, n, i + 1);
		if (!y || i + 5 >= n)
			continue;
		char sep = u[i + 5];
		if (sep != '/' && sep != '-')
			continue;
		size_t j = i + 6;
		if (j + 2 > n || !isdigit((unsigned char)u[j]) || !isdigit((unsigned char)u[j + 1]))
			continue;
		int mo = atoi_n(u + j, 2), d = 0;
		j += 2;
		if (j + 3 <= n && u[j] == sep && isdigit((unsigned char)u[j + 1]) && isdigit((unsigned char)u[j + 2]) &&
		    (j + 3 == n || !isdigit((unsigned char)u[j + 3])))
			d = atoi_n(u + j + 1, 2);
		else if (j < n && isdigit((unsigned char)u[j]))
			continue;
		Ymd v = {y, mo, d};
		if (mo >= 1 && mo <= 12 && ymd_valid(v)) {
			*out = v;
			return 1;
		}
	}
	return 0;
}

/* ---- language ---- */

static void normalize_lang(char **lang)
{
	if (!*lang)
		return;
	char *s = *lang;
	size_t k = 0;
	while (s[k] && isalpha((unsigned char)s[k]) && k < 3)
		k++;
	if (k < 2 || (s[k] && s[k] != '-' && s[k] != '_' && !isalpha((unsigned char)s[k]))) {
		free(*lang);
		*lang = NULL;
		return;
	}
	if (isalpha((unsigned char)s[k])) { /* a name, not a code */
		free(*lang);
		*lang = NULL;
		return;
	}
	for (size_t i = 0; i < k; i++)
		s[i] = (char)tolower((unsigned char)s[i]);
	s[k] = 0;
}

/* Guesses the language of the text: by script, then by its commonest small words. */
static char *guess_lang(const char *t, size_t n)
{
	size_t lim = n < 20000 ? n : 20000, i = 0;
	size_t han = 0, kana = 0, hangul = 0, arabic = 0, cyr = 0, hebrew = 0, greek = 0,
	       thai = 0, deva = 0, latin = 0;
	while (i < lim) {
		uint32_t c = utf8_get(t, n, &i);
		if (c < 0x80) {
			latin += isalpha((int)c) != 0;
			continue;
		}
		if (c >= 0x3040 && c <= 0x30FF)
			kana++;
		else if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
			han++;
		else if (c >= 0xAC00 && c <= 0xD7AF)
			hangul++;
		else if (c >= 0x0600 && c <= 0x06FF)
			arabic++;
		else if (c >= 0x0400 && c <= 0x04FF)
			cyr++;
		else if (c >= 0x0590 && c <= 0x05FF)
			hebrew++;
		else if (c >= 0x0370 && c <= 0x03FF)
			greek++;
		else if (c >= 0x0E00 && c <= 0x0E7F)
			thai++;
		else if (c >= 0x0900 && c <= 0x097F)
			deva++;
		else if (c < 0x250)
			latin++;
	}
	size_t total = han + kana + hangul + arabic + cyr + hebrew + greek + thai + deva + latin;
	if (!total)
		return NULL;
	if (kana * 20 > total)
		return xstrdup("ja");
	if (hangul * 3 > total)
		return xstrdup("ko");
	if (han * 3 > total)
		return xstrdup("zh");
	if (hebrew * 2 > total)
		return xstrdup("he");
	if (greek * 2 > total)
		return xstrdup("el");
	if (thai * 2 > total)
		return xstrdup("th");
	if (deva * 2 > total)
		return xstrdup("hi");
	/* small words */
	const CleanLex *lx = clean_lex();
	size_t hits[16] = {0};
	i = 0;
	char w[32];
	while (i < lim) {
		size_t k = 0;
		while (i < lim) {
			size_t at = i;
			uint32_t c = utf8_get(t, n, &i);
			if (!cp_word(c) && c != '\'') {
				if (k)
					break;
				continue;
			}
			if (c < 0x80) { /* most letters: no need for utf8proc */
				if (k + 1 < sizeof w - 1)
					w[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 32 : c);
				continue;
			}
			c = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
			Blob b = {0};
			char enc[8];
			b.data = enc;
			b.cap = sizeof enc;
			utf8_put(&b, c);
			if (k + b.len < sizeof w - 1) {
				memcpy(w + k, enc, b.len);
				k += b.len;
			}
			(void)at;
		}
		if (!k || k > 12)
			continue;
		long e = wl_find(&lx->stop_all, w, k);
		for (size_t l = 0; e >= 0 && l < lx->nstop; l++)
			hits[l] += (lx->stop_mask[e] >> l) & 1;
	}
	size_t best = 0, second = 0, bi = 0;
	for (size_t l = 0; l < lx->nstop; l++) {
		if (hits[l] > best) {
			second = best;
			best = hits[l];
			bi = l;
		} else if (hits[l] > second) {
			second = hits[l];
		}
	}
	if (best >= 3 && best * 2 > second * 3)
		return xstrdup(lx->stop_lang[bi]);
	if (arabic * 2 > total)
		return xstrdup("ar");
	if (cyr * 2 > total)
		return xstrdup("ru");
	return NULL;
}

/* ---- titles ---- */

static int count_words(const char *s)
{
	int w = 0, in = 0;
	for (; *s; s++) {
		if (isspace((unsigned char)*s))
			in = 0;
		else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

/* A separator between a title and a site name at s[i] (" | ", " - ", " – ", " — ", " / ",
   " \ ", " > ", " » "): its length including the spaces, else 0. */
static size_t title_sep(const char *s, size_t n, size_t i, int *hier)
{
	if (s[i] != ' ' || i + 2 >= n)
		return 0;
	size_t k = 0;
	const unsigned char *u = (const unsigned char *)s + i + 1;
	*hier = 0;
	if (*u == '|' || *u == '-')
		k = 1;
	else if (*u == '/' || *u == '\\' || *u == '>') {
		k = 1;
		*hier = 1;
	} else if (i + 3 < n && u[0] == 0xC2 && u[1] == 0xBB) {
		k = 2;
		*hier = 1;
	} else if (i + 4 < n && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94))
		k = 3;
	if (!k || i + 1 + k >= n || s[i + 1 + k] != ' ')
		return 0;
	return k + 2;
}

/* The document title without the site name around it ("Title | Site", "Site - Title"),
   unless what is left is too short to be a title by itself. */
static char *title_from_doc(const char *t)
{
	size_t n = strlen(t), last = 0, last_len = 0, first = 0, first_len = 0;
	int hier = 0, any = 0;
	for (size_t i = 0; i < n; i++) {
		int hh;
		size_t k = title_sep(t, n, i, &hh);
		if (!k)
			continue;
		if (!any)
			first = i, first_len = k;
		any = 1;
		last = i;
		last_len = k;
		hier |= hh;
	}
	if (!any)
		return xstrdup(t);
	char *cur = xstrndup(t, last);
	if (count_words(cur) < 3) {
		free(cur);
		cur = xstrdup(t + first + first_len);
	}
	int cw = count_words(cur);
	/* words of the whole title, separators not counted */
	int ow = 0;
	{
		char *tmp = xstrdup(t);
		for (char *p = tmp; *p; p++)
			if (*p == '|' || *p == '-' || *p == '\\' || *p == '/' || *p == '>')
				*p = ' ';
		ow = count_words(tmp);
		free(tmp);
	}
	if (cw <= 4 && (!hier || cw != ow - 1)) {
		free(cur);
		return xstrdup(t);
	}
	(void)last_len;
	return cur;
}

int text_similar(const char *a, const char *b)
{
	if (!a || !b)
		return 0;
	char *x = text_collapse(a, strlen(a)), *y = text_collapse(b, strlen(b));
	int r = 0;
	if (x && y) {
		size_t nx = strlen(x), ny = strlen(y);
		if (strcasecmp(x, y) == 0) {
			r = 100;
		} else {
			/* the share of y's words found in x */
			size_t words = 0, found = 0;
			for (char *p = y; *p;) {
				while (*p == ' ')
					p++;
				char *q = p;
				while (*q && *q != ' ')
					q++;
				if (q > p) {
					words++;
					char save = *q;
					*q = 0;
					if (strcasestr(x, p))
						found++;
					*q = save;
				}
				p = q;
			}
			r = words ? (int)(found * 100 / words) : 0;
			if (nx * 2 < ny || ny * 2 < nx)
				r /= 2;
		}
	}
	free(x);
	free(y);
	return r;
}

/* ---- putting it together ---- */

/* 1 when the text also writes w (all capitals in a dateline) as an ordinary name
   ("DOVREK –" and "north-east of Dovrek"): a place, not an organisation. */
static int written_as_name(const char *t, size_t n, const char *w, size_t wn)
{
	if (!wn)
		return 0;
	int c0 = tolower((unsigned char)w[0]);
	for (size_t i = 0; i + wn <= n; i++) {
		if (tolower((unsigned char)t[i]) != c0 || strncasecmp(t + i, w, wn) != 0)
			continue;
		if ((i && isalpha((unsigned char)t[i - 1])) || (i + wn < n && isalpha((unsigned char)t[i + wn])))
			continue;
		for (size_t k = 1; k < wn; k++)
			if (islower((unsigned char)t[i + k]))
				return 1;
	}
	return 0;
}

/* The capitalised words (two to four) s starts with, up to a mark that is not a word:
   their length, else 0. */
static size_t lead_name(const char *s, size_t n)
{
	size_t i = 0, end = 0;
	int words = 0;
	while (i < n && words < 5 && upper_at(s, n, i)) {
		size_t w = word_at(s, n, i), mk;
		if (!w || month_at(s + i, n - i, &mk) || weekday_at(s + i, n - i, &mk) >= 0)
			break;
		i += w;
		end = i;
		words++;
		i = skip_sp(s, n, i);
	}
	if (words < 2 || words > 4 || (i < n && isalpha((unsigned char)s[i]) && !upper_at(s, n, i)))
		return 0;
	return end;
}

/* A line under a signature: a date, perhaps after a place ("Dovrek, 18 February 2024"),
   perhaps said to be where it was issued ("Issued in Dovrek, 18/02/2024", "Done at Dovrek
   on 18 February 2024"). */
static int sign_date_line(const char *s, size_t n, Ymd *out)
{
	if (date_line(s, n, out))
		return 1;
	size_t i = 0;
	static const char *const issued[] = {"Issued ", "Done ", "Dated ", "Given ", "Made ", "Written ", "Signed ", NULL};
	for (int k = 0; issued[k]; k++) {
		size_t l = strlen(issued[k]);
		if (n > l + 3 && strncmp(s, issued[k], l) == 0 && (strncmp(s + l, "in ", 3) == 0 || strncmp(s + l, "at ", 3) == 0)) {
			i = l + 3;
			break;
		}
	}
	for (int words = 0; words < 4; words++) {
		size_t w = upper_at(s, n, i) ? word_at(s, n, i) : 0;
		if (!w)
			return 0;
		i += w;
		if (i < n && s[i] == ',')
			return date_line(s + i + 1, n - i - 1, out);
		if (i >= n || s[i] != ' ')
			return 0;
		i = skip_sp(s, n, i);
		if (i > 0 && n - i > 3 && strncmp(s + i, "on ", 3) == 0) /* "Done at Dovrek on 18 …" */
			return date_line(s + i + 3, n - i - 3, out);
	}
	return 0;
}

/* The year of a full date the text writes elsewhere for day d of month m ("19/02/2020"
   or "19 February 2020" on an aggregator's line over a dateline "Feb 19"; a numeric date
   either way round), or 0. */
static int year_written_for(int m, int d, const char *text, size_t n)
{
	size_t off = 0, at;
	DateHit h;
	while (date_next(text, n, &off, &at, &h))
		if (h.has_year && ((h.date.m == m && h.date.d == d) || (h.numeric && h.date.m == d && h.date.d == m)))
			return h.date.y;
	return 0;
}

/* A date as written (the year perhaps missing) to a full date: the year of the same day
   written in full elsewhere in the text, else the year from the text or the context year,
   moved on to the weekday written or named after it. 1 and *out. */
static int complete_date(DateHit h, int weekday, const char *text, size_t n, int ctx, Ymd *out)
{
	Ymd v = h.date;
	if (!v.d || !v.m)
		return 0;
	if (!h.has_year && !(v.y = year_written_for(v.m, v.d, text, n)))
		v.y = infer_year(v.m, v.d, h.weekday >= 0 ? h.weekday : weekday, text, n, ctx);
	if (!v.y || !ymd_valid(v))
		return 0;
	*out = v;
	return 1;
}

/* The site's name in an HTML title ("Title | Site", "Site - Title") once the title is
   known: what stands on the other side of the separator. */
static void title_site(const char *doc, const char *title, const char **site, size_t *len)
{
	size_t n = strlen(doc), tn = strlen(title);
	*site = NULL;
	*len = 0;
	if (tn + 3 >= n)
		return;
	int hier;
	if (strncmp(doc, title, tn) == 0) {
		size_t k = title_sep(doc, n, tn, &hier);
		if (k && !hier) {
			*site = doc + tn + k;
			*len = n - tn - k;
		}
	} else if (strcmp(doc + n - tn, title) == 0) {
		size_t at = n - tn;
		for (size_t i = at > 6 ? at - 6 : 0; i < at; i++) {
			size_t k = title_sep(doc, n, i, &hier);
			if (k && i + k == at && !hier) {
				*site = doc;
				*len = i;
			}
		}
	}
	if (*site && (strchr(*site, '|') || strstr(*site, " - ") || !org_name(*site, *len)))
		*site = NULL;
}

/* The publisher's name without what names a part of it: an issue number ("Bulletin No.
   12", "Monitor #4", "Issue 7") or a site section after an acronym ("UNHCR News", "OCHA
   Blog"), which is the organisation's page, not another publisher. */
static void publisher_trim(char *p)
{
	if (!p)
		return;
	size_t n = strlen(p);
	/* an issue number */
	size_t e = n;
	while (e && isdigit((unsigned char)p[e - 1]))
		e--;
	if (e < n && e > 0) {
		size_t cut = 0, k = e;
		if (p[k - 1] == '#') {
			cut = k - 1;
		} else {
			while (k && p[k - 1] == ' ')
				k--;
			static const char *const marks[] = {"No.", "No", "Nr.", "Issue", "Vol.", NULL};
			for (int i = 0; marks[i] && !cut; i++) {
				size_t l = strlen(marks[i]);
				if (k > l && p[k - l - 1] == ' ' && strncmp(p + k - l, marks[i], l) == 0)
					cut = k - l - 1;
			}
		}
		while (cut && p[cut - 1] == ' ')
			cut--;
		if (cut) {
			p[cut] = 0;
			n = cut;
		}
	}
	/* a section after an acronym */
	static const char *const sections[] = {" News", " Newsroom", " Blog", " Stories", " Media Centre", NULL};
	for (int i = 0; sections[i]; i++) {
		size_t l = strlen(sections[i]);
		if (n <= l || strcmp(p + n - l, sections[i]) != 0)
			continue;
		size_t caps = 0, k = 0;
		for (; k < n - l; k++) {
			if (!isupper((unsigned char)p[k]))
				break;
			caps++;
		}
		if (k == n - l && caps >= 2)
			p[n - l] = 0;
		break;
	}
}

/* A closing line naming who took the account down ("Recorded and translated by the
   Harbour Witness Project.", "Taken by a researcher of the Valley Documentation Centre."):
   the organisation, when its last word says it is one (data/clean/org-words.txt); 1 and
   *org, *len. */
static int closing_org(const char *s, size_t n, const char **org, size_t *len)
{
	if (n > 160 || n < 10)
		return 0;
	while (n && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	size_t by = 0;
	for (size_t i = 1; i + 4 < n; i++)
		if (s[i - 1] == ' ' && strncmp(s + i, "by ", 3) == 0)
			by = i + 3;
	if (!by)
		return 0;
	int before = 0;
	for (size_t i = 0; i < by; i++)
		before += s[i] == ' ';
	if (before > 6)
		return 0;
	size_t a = by;
	for (size_t i = by; i + 8 <= n; i++)
		if (strncmp(s + i, " of the ", 8) == 0)
			a = i + 8;
	if (a == by && strncmp(s + by, "the ", 4) == 0)
		a = by + 4;
	size_t w = n;
	while (w > a && s[w - 1] != ' ')
		w--;
	if (w == a || !name_words(s + a, n - a) || !wl_has(&clean_lex()->org_words, s + w, n - w))
		return 0;
	*org = s + a;
	*len = n - a;
	return 1;
}

/* A publication date read month first from a numeric date ("Exported 11/07/2012 23:58")
   in a text that writes its numeric dates day first (dates_day_first) is the other
   reading, unless the text also writes that day in a way that cannot be read otherwise. */
static void published_day_first(Meta *m, const char *text, size_t n)
{
	Ymd v;
	if (!m->published || strlen(m->published) != 10 || !ymd_parse_iso(m->published, &v) || !v.d ||
	    v.d > 12 || v.d == v.m || !dates_day_first(text, n))
		return;
	size_t off = 0, at;
	int amb = 0, other = 0;
	DateHit h;
	while (date_next(text, n, &off, &at, &h))
		if (h.has_year && ymd_cmp(h.date, v) == 0 && h.date.d) {
			if (h.ambiguous)
				amb = 1;
			else
				other = 1;
		}
	if (amb && !other) {
		Ymd w = {v.y, v.d, v.m};
		ymd_format(w, m->published); /* the same ten bytes */
	}
}

void meta_finish(Meta *m, const char *text, size_t n, CleanDoc *d)
{
	Line *lines = NULL;
	size_t nl = split_lines(text, n, &lines);
	Ymd banner = {0, 0, 0}, url = {0, 0, 0};
	if (m->banner) {
		Ymd v;
		const char *bs = m->banner;
		size_t bn = strlen(bs);
		Byline b;
		if (date_line(bs, bn, &v))
			banner = v;
		else if (byline_parse(bs, bn, &b) && b.date.has_year)
			banner = b.date.date;
	}
	if (m->url)
		url_date(m->url, &url);
	/* the year a date written without one takes when the text has none: the page's
	   address (or the source it came from), the day it was saved, its copyright, the
	   day it was received */
	int ctx = url.y ? url.y : banner.y ? banner.y : m->copy_year ? m->copy_year : m->received_year;

	/* a dateline in the first paragraphs */
	for (size_t i = 0; i < nl && i < 8; i++) {
		Dateline dl;
		if (!dateline_at(lines[i].s, lines[i].n, &dl))
			continue;
		if (dl.agency) {
			meta_set(&m->publisher, &m->publisher_p, MP_STRONG, dl.agency, dl.agency_n);
		} else if (dl.org && !written_as_name(text, n, dl.org, dl.org_n)) {
			/* an organisation's dateline opens the report's own words */
			int words = 0;
			for (size_t k = dl.end; k < lines[i].n && k < dl.end + 60; k++)
				words += islower((unsigned char)lines[i].s[k]) != 0;
			if (words)
				meta_set(&m->publisher, &m->publisher_p, MP_WEAK, dl.org, dl.org_n);
		}
		Ymd v;
		size_t rest = lines[i].n - dl.end < 400 ? lines[i].n - dl.end : 400;
		if (dl.has_date && complete_date(dl.date, weekday_named(lines[i].s + dl.end, rest), text, n, ctx, &v) &&
		    ymd_cmp(v, banner) != 0) {
			char iso[11];
			ymd_format(v, iso);
			meta_set(&m->published, &m->published_p, MP_DATELINE, iso, strlen(iso));
		}
		break;
	}

	/* a date under a signature at the end (a place may stand before it); a note may
	   follow the signature */
	for (size_t k = 0; k < 8 && k < nl; k++) {
		size_t i = nl - 1 - k;
		if (i < 3 || i * 2 < nl) /* the top is the masthead's */
			break;
		Ymd v;
		if (!sign_date_line(lines[i].s, lines[i].n, &v) || ymd_cmp(v, banner) == 0)
			continue;
		int signed_above = i > 0 && signature_line(lines[i - 1].s, lines[i - 1].n);
		if (k >= 3 && !signed_above)
			continue;
		char iso[11];
		ymd_format(v, iso);
		meta_set(&m->published, &m->published_p, MP_SIGN, iso, strlen(iso));
		if (signed_above) {
			const char *org;
			size_t len;
			signature_org(lines[i - 1].s, lines[i - 1].n, &org, &len);
			meta_set(&m->publisher, &m->publisher_p, MP_JSONLD, org, len);
		}
		break;
	}

	/* a closing line naming the organisation that took the account down */
	for (size_t k = 0; k < 2 && k < nl; k++) {
		const char *org;
		size_t len;
		if (closing_org(lines[nl - 1 - k].s, lines[nl - 1 - k].n, &org, &len)) {
			meta_set(&m->publisher, &m->publisher_p, MP_WEAK, org, len);
			break;
		}
	}

	/* bylines: the page's own (HTML), then a masthead or byline near the top of the
	   text ("SITE – By NAME  DATE", "Posted on DATE by NAME", "Updated: DATE") */
	for (int pass = 0; pass < 2; pass++) {
		Line *bl = lines;
		size_t nb = nl < 10 ? nl : 10;
		if (pass == 0) {
			if (!m->byline)
				continue;
			bl = NULL;
			nb = split_lines(m->byline, strlen(m->byline), &bl);
		}
		for (size_t i = 0; i < nb; i++) {
			Byline b;
			if (!byline_parse(bl[i].s, bl[i].n, &b)) {
				/* a byline block that is only a name, or starts with one ("Jane Roe •
				   8h Share") */
				if (pass == 0 && bl[i].n < 100) {
					size_t k = 0;
					while (k < bl[i].n && !isdigit((unsigned char)bl[i].s[k]))
						k++;
					if (k < bl[i].n)
						k = lead_name(bl[i].s, bl[i].n);
					if (k)
						meta_set(&m->author, &m->author_p, MP_WEAK, bl[i].s, k);
				}
				continue;
			}
			if (b.author)
				meta_set(&m->author, &m->author_p, MP_TEXT, b.author, b.author_n);
			if (b.pub)
				meta_set(&m->publisher, &m->publisher_p, b.pub_weak ? MP_WEAK : MP_TEXT, b.pub, b.pub_n);
			Ymd v;
			size_t rest = bl[i].n - b.date_end;
			if (b.date.date.m && complete_date(b.date, weekday_named(bl[i].s + b.date_end, rest), text, n, ctx, &v) &&
			    ymd_cmp(v, banner) != 0) {
				char iso[11];
				ymd_format(v, iso);
				meta_set(&m->published, &m->published_p, MP_TEXT, iso, strlen(iso));
			}
		}
		if (pass == 0)
			free(bl);
	}

	/* the page's address, when it has a date in it */
	if (url.d) {
		char iso[11];
		ymd_format(url, iso);
		meta_set(&m->published, &m->published_p, MP_WEAK, iso, strlen(iso));
	}

	/* the title: JSON-LD's name or headline, whichever agrees with the document title
	   (some sites put a description or the site's name in one of them) */
	char *doc = m->doc_title ? title_from_doc(m->doc_title) : NULL;
	if (m->ld_name || m->ld_headline) {
		const char *pick = m->ld_name ? m->ld_name : m->ld_headline;
		if (m->ld_name && m->ld_headline && strcmp(m->ld_name, m->ld_headline) != 0 &&
		    text_similar(doc, m->ld_headline) > 75 && text_similar(doc, m->ld_name) <= 75)
			pick = m->ld_headline;
		meta_set(&m->title, &m->title_p, 30, pick, strlen(pick));
	}
	char *title = NULL;
	if (m->title)
		title = xstrdup(m->title);
	else if (doc)
		title = xstrdup(doc);
	/* a document title too short or too long to be a headline: the page's h1, when it
	   is one (more than four words) */
	if (m->h1 && (!title || (!m->title && (strlen(title) > 150 || strlen(title) < 15) &&
	                         count_words(m->h1) > 4)))
		title = (free(title), xstrdup(m->h1));
	/* the site's name beside the title in <title> */
	if (m->html && doc && m->doc_title) {
		const char *site;
		size_t len;
		title_site(m->doc_title, doc, &site, &len);
		if (site)
			meta_set(&m->publisher, &m->publisher_p, MP_TEXT, site, len);
	}
	free(doc);
	/* a date in the title, last */
	if (title) {
		Ymd none = {0, 0, 0};
		size_t at;
		DateHit h;
		if (date_find(title, strlen(title), none, &at, &h) && h.has_year && h.date.d &&
		    ymd_cmp(h.date, banner) != 0) {
			char iso[11];
			ymd_format(h.date, iso);
			meta_set(&m->published, &m->published_p, MP_WEAK, iso, strlen(iso));
		}
	}

	published_day_first(m, text, n);
	normalize_lang(&m->language);
	if (!m->language)
		m->language = guess_lang(text, n);

	free(lines);
	publisher_trim(m->publisher);
	d->title = title;
	d->published = m->published;
	m->published = NULL;
	d->publisher = m->publisher;
	m->publisher = NULL;
	d->author = m->author;
	m->author = NULL;
	d->language = m->language;
	m->language = NULL;
}
