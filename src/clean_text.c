/*
** clean_text.c — text saved from a web page (or written as text) to its article text.
**
** A page saved as text keeps its furniture as lines, and each kind has a shape:
**   - a banner at the very top showing the day the page was saved (a lone date line,
**     followed by the menu, or years after everything the text mentions);
**   - menus and breadcrumbs whose items were glued together ("HomeNewsStatements: …"),
**     or a path ending in the title that follows ("… › Iran group says …");
**   - lists of image file names from slide shows ("• slide3.jpg");
**   - template leftovers, whole lines from data/clean/boilerplate.txt;
**   - "Latest news", "Must read", "Related" (data/clean/list-headings.txt) and the run
**     of headlines and teasers ("…") under them, up to the next real paragraph.
** Everything else is kept as written, line for line, each line a block (blank lines
** between) unless the text is hard-wrapped, in which case the lines of a paragraph stay
** together. A dateline glued to the line before it ("…Camp AshrafNCRI – ") is split off.
** The first short line before the body is the title.
*/
#include "clean_int.h"
#include "dates.h"
#include "util.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

enum { L_DROP = 1, L_BLANK = 2 };

typedef struct TLine {
	size_t a, z;      /* trimmed extent in the decoded text */
	unsigned flags;
} TLine;

static int lower_cp(uint32_t c)
{
	return c < 0x80 ? (c >= 'a' && c <= 'z') : utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LL;
}

static int upper_cp(uint32_t c)
{
	return c < 0x80 ? (c >= 'A' && c <= 'Z') : utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LU;
}

/* Places where two words were glued together: two lower-case letters, then an upper-case
   letter followed by a lower-case one ("HomeStatements", "LibertyIranian"). */
static int glue_count(const char *s, size_t n)
{
	uint32_t c0 = 0, c1 = 0, c2 = 0;
	size_t i = 0;
	int glue = 0;
	while (i < n) {
		uint32_t c = utf8_get(s, n, &i);
		if (lower_cp(c0) && lower_cp(c1) && upper_cp(c2) && lower_cp(c))
			glue++;
		c0 = c1;
		c1 = c2;
		c2 = c;
	}
	return glue;
}

/* A line naming an image file, as slide shows leave them: "• slide1.jpg". */
static int image_line(const char *s, size_t n)
{
	static const char *const ext[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp", ".tif", NULL};
	size_t i = 0;
	while (i < n && !isalnum((unsigned char)s[i]))
		i++; /* bullets, spaces */
	if (i == n || memchr(s + i, ' ', n - i))
		return 0;
	for (int k = 0; ext[k]; k++) {
		size_t e = strlen(ext[k]);
		if (n - i > e && strncasecmp(s + n - e, ext[k], e) == 0)
			return 1;
	}
	return 0;
}

/* 1 when the line is a heading over a list of other articles, alone or with the next
   heading glued to it ("You might also likeRELATED"). */
static int list_heading(const WordList *w, const char *s, size_t n)
{
	while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	if (wl_has(w, s, n))
		return 1;
	for (size_t i = 0; i < w->n; i++) {
		size_t k = strlen(w->v[i]);
		if (k < n && strncasecmp(s, w->v[i], k) == 0 && !isspace((unsigned char)s[k]) &&
		    (isupper((unsigned char)s[k]) || isdigit((unsigned char)s[k])))
			return 1;
	}
	return 0;
}

/* A teaser: a truncated sentence ending with "..." or "…". */
static int teaser(const char *s, size_t n)
{
	return (n >= 3 && memcmp(s + n - 3, "...", 3) == 0) ||
	       (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0);
}

static int ends_sentence(const char *s, size_t n)
{
	while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
		n--;
	if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
	    ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
		n -= 3;
	return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' ||
	             (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x82", 3) == 0));
}

/* A lone date (a weekday may precede it). */
static int lone_date(const char *s, size_t n, Ymd *out)
{
	Ymd none = {0, 0, 0};
	DateHit h;
	size_t k = date_scan(s, n, none, &h);
	if (!k || !h.has_year)
		return 0;
	while (k < n && (s[k] == ' ' || s[k] == '.' || s[k] == ','))
		k++;
	if (k != n)
		return 0;
	*out = h.date;
	return 1;
}

/* The latest year 1900..2099 standing alone in s[0..n). */
static int max_year(const char *s, size_t n)
{
	int best = 0;
	for (size_t i = 0; i + 4 <= n; i++) {
		if ((i && isalnum((unsigned char)s[i - 1])) || (i + 4 < n && isalnum((unsigned char)s[i + 4])))
			continue;
		if (!isdigit((unsigned char)s[i]) || !isdigit((unsigned char)s[i + 1]) ||
		    !isdigit((unsigned char)s[i + 2]) || !isdigit((unsigned char)s[i + 3]))
			continue;
		int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + s[i + 3] - '0';
		if (y >= 1900 && y <= 2099 && y > best)
			best = y;
	}
	return best;
}

/* The longest tail of a (without a trailing "..." or "…") that begins b; 0 when under
   20 bytes. A breadcrumb path ends with the start of the title under it. */
static size_t crumb_overlap(const char *a, size_t an, const char *b, size_t bn)
{
	if (teaser(a, an))
		an -= 3;
	while (an && a[an - 1] == ' ')
		an--;
	size_t best = 0;
	for (size_t k = 20; k <= an && k <= bn; k++)
		if (strncasecmp(a + an - k, b, k) == 0)
			best = k;
	return best < an ? best : 0;
}

/* Where a dateline was glued to the text before it ("…Camp AshrafNCRI – Yesterday"):
   the offset of the capitals, or 0. */
static size_t glued_dateline(const char *s, size_t n)
{
	for (size_t i = 2; i + 4 < n; i++) {
		if (!islower((unsigned char)s[i - 1]) || !isupper((unsigned char)s[i]) ||
		    !isupper((unsigned char)s[i + 1]))
			continue;
		size_t j = i;
		while (j < n && isupper((unsigned char)s[j]))
			j++;
		if (j - i > 8 || j >= n || s[j] != ' ')
			continue;
		j++;
		if (j + 3 <= n && ((unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
		                   ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94)))
			return i;
		if (j < n && s[j] == '-' && j + 1 < n && s[j + 1] == ' ')
			return i;
	}
	return 0;
}

/* The words of a line. */
static int words_in(const char *s, size_t n)
{
	int w = 0, in = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ')
			in = 0;
		else if (!in)
			in = 1, w++;
	}
	return w;
}

/* A headline: 4 to 30 words, no full stop at the end. */
static int headline_line(const char *s, size_t n)
{
	int w = words_in(s, n);
	return n <= 250 && w >= 4 && w <= 30 && !ends_sentence(s, n);
}

/* 1 when the line has a breadcrumb's path separator ("Home » News", "Home / Press"). */
static int crumb_path(const char *s, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++) {
		if (s[i] != ' ')
			continue;
		const unsigned char *u = (const unsigned char *)s + i + 1;
		if ((*u == '/' || *u == '>' || *u == '|') && s[i + 2] == ' ')
			return 1;
		if (i + 3 < n && u[0] == 0xC2 && u[1] == 0xBB) /* » */
			return 1;
		if (i + 4 < n && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xBA) /* › */
			return 1;
	}
	return 0;
}

/* A menu item: a line of one to three words with no sentence punctuation. */
static int menu_item(const char *s, size_t n)
{
	if (n == 0 || n > 30 || ends_sentence(s, n) || s[n - 1] == ':' || s[n - 1] == ',')
		return 0;
	return words_in(s, n) <= 3;
}

/* A site's name on a line of its own: one to five words, capitalised, no digits and no
   sentence punctuation. */
static int site_name(const char *s, size_t n)
{
	if (n < 2 || n > 60 || !isupper((unsigned char)s[0]) || ends_sentence(s, n) || s[n - 1] == ':')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]) || s[i] == ',' || s[i] == '|')
			return 0;
	return words_in(s, n) <= 5;
}

/* A section path: two or more items of one to three words between " | ", " / ", " > ",
   "»" or "›", no digits, no sentence punctuation ("World | Kaldan | Upper Kaldan"). */
static int section_path(const char *s, size_t n)
{
	if (n > 120 || !crumb_path(s, n) || ends_sentence(s, n))
		return 0;
	int items = 1, words = 0, in = 0;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *u = (const unsigned char *)s + i;
		size_t sep = (*u == '|' || *u == '/' || *u == '>') ? 1
		           : (i + 1 < n && u[0] == 0xC2 && u[1] == 0xBB) ? 2
		           : (i + 2 < n && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xBA) ? 3 : 0;
		if (isdigit(*u) || *u == ',' || *u == ':')
			return 0;
		if (sep) {
			if (words == 0 || words > 3)
				return 0;
			items++;
			words = 0;
			in = 0;
			i += sep - 1;
		} else if (*u == ' ') {
			in = 0;
		} else if (!in) {
			in = 1;
			words++;
		}
	}
	return items >= 2 && words >= 1 && words <= 3;
}

/* A menu on one line: four or more items of one to three words between separators
   ("Home | World | Europe | Video", "News · Reports · About · Contact"). */
static int menu_line(const char *s, size_t n)
{
	if (n > 200)
		return 0;
	int items = 1, words = 0, in = 0;
	for (size_t i = 0; i < n; i++) {
		int sep = s[i] == '|' || (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xB7);
		if (sep) {
			if (words == 0 || words > 3)
				return 0;
			items++;
			words = 0;
			in = 0;
		} else if (s[i] == ' ') {
			in = 0;
		} else if (!in && (unsigned char)s[i] != 0xB7) {
			in = 1;
			words++;
		}
	}
	return items >= 4 && words >= 1 && words <= 3;
}

/* 1 when a menu starts at line i or just after it: of the next eight lines, five or more
   are menu items. */
static int menu_follows(const TLine *v, size_t nl, const char *s, size_t i)
{
	int items = 0, lines = 0;
	for (; i < nl && lines < 8; i++) {
		if (v[i].flags & L_BLANK)
			continue;
		lines++;
		items += menu_item(s + v[i].a, v[i].z - v[i].a) + 5 * menu_line(s + v[i].a, v[i].z - v[i].a);
	}
	return items >= 5;
}

/* 1 when one of the eight lines from i is a post's date line ("Posted by NAME | 13
   September 2023", "Published 4 May 2022") with a full date other than d: a lone date
   above it is the day the page was viewed, not when it was written. */
static int post_dated_below(const TLine *v, size_t nl, const char *s, size_t i, Ymd d)
{
	static const char *const kw[] = {"posted ", "published ", "by ", "updated ", "written ", NULL};
	int lines = 0;
	for (; i < nl && lines < 8; i++) {
		if (v[i].flags & L_BLANK)
			continue;
		lines++;
		const char *ls = s + v[i].a;
		size_t ln = v[i].z - v[i].a;
		int kwd = 0;
		for (int k = 0; kw[k] && !kwd; k++)
			kwd = ln > strlen(kw[k]) && strncasecmp(ls, kw[k], strlen(kw[k])) == 0;
		if (!kwd || ln > 200)
			continue;
		Ymd none = {0, 0, 0};
		DateHit h;
		for (size_t at = 0; at < ln;) {
			size_t k = at && isalnum((unsigned char)ls[at - 1]) ? 0 : date_scan(ls + at, ln - at, none, &h);
			if (k && h.has_year && h.date.d && (h.date.y != d.y || h.date.m != d.m || h.date.d != d.d))
				return 1;
			at += k ? k : 1;
		}
	}
	return 0;
}

/* A banner's date: a lone date, or a date with a time after it ("Monday 19 February
   2024 | 08:41"). */
static int banner_date(const char *s, size_t n, Ymd *out)
{
	if (lone_date(s, n, out))
		return 1;
	Ymd none = {0, 0, 0};
	DateHit h;
	size_t k = date_scan(s, n, none, &h);
	if (!k || !h.has_year || !h.date.d)
		return 0;
	for (size_t i = k; i < n; i++)
		if (isalpha((unsigned char)s[i]))
			return 0;
	*out = h.date;
	return 1;
}

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

/* Whether s has a lower-case ASCII letter (or, with any, any letter or digit). */
static int has_lower(const char *s, size_t n, int any)
{
	for (size_t i = 0; i < n; i++)
		if ((s[i] >= 'a' && s[i] <= 'z') || (any && isalnum((unsigned char)s[i])))
			return 1;
	return 0;
}

/* The column a hard-wrapped text was wrapped at, or 0 when it was not: most lines of
   more than 40 characters (words, not rules) end in the last quarter before one column W,
   from 50 to 130 (a greedy wrap at W leaves each line between W minus a word and W), with at
   most one long line in ten past it (a URL, a table row, a heading set on its own). A text
   written one paragraph a line has no such column: its long lines run to hundreds. */
static size_t wrap_width(const TLine *v, size_t nl, const char *s)
{
	size_t *len = xmalloc((nl ? nl : 1) * sizeof *len), k = 0;
	for (size_t i = 0; i < nl; i++) {
		if (v[i].flags & (L_BLANK | L_DROP))
			continue;
		size_t chars = utf8_count(s + v[i].a, v[i].z - v[i].a);
		if (chars > 40 && has_lower(s + v[i].a, v[i].z - v[i].a, 0)) /* no rule of ==== */
			len[k++] = chars;
	}
	size_t w = 0;
	if (k >= 3) {
		qsort(len, k, sizeof *len, cmp_size);
		w = len[k - 1 - k / 10]; /* the longest, a tenth of outliers aside */
		size_t near = 0;
		for (size_t i = 0; i < k; i++)
			near += len[i] * 4 >= w * 3 && len[i] <= w;
		if (w < 50 || w > 130 || near * 10 < k * 6)
			w = 0;
	}
	free(len);
	return w;
}

/* Whether a line starts an item of a list: "- ", "* ", "• ", "1. ", "12) ", or an entry
   of a log opening with its time: "[10/07/2012, 22:49] ". */
static int list_item(const char *t, size_t n)
{
	if (n >= 2 && t[0] == '[' && isdigit((unsigned char)t[1]))
		return 1;
	if (n >= 2 && (t[0] == '-' || t[0] == '*') && t[1] == ' ')
		return 1;
	if (n >= 4 && memcmp(t, "\xe2\x80\xa2 ", 4) == 0)
		return 1;
	size_t d = 0;
	while (d < n && d < 3 && isdigit((unsigned char)t[d]))
		d++;
	return d && d + 1 < n && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ';
}

/* How deep an e-mail line is quoted: the '>' it starts with ("> > text" is 2). */
static size_t quote_depth(const char *t, size_t n)
{
	size_t d = 0;
	for (size_t i = 0; i < n && (t[i] == '>' || t[i] == ' '); i++)
		d += t[i] == '>';
	return d;
}

/* Whether a line is a row of columns: a tab or three spaces in a row between its words. */
static int in_columns(const char *t, size_t n)
{
	size_t i = 0;
	while (i < n && (t[i] == ' ' || t[i] == '\t'))
		i++;
	for (; i < n; i++)
		if (t[i] == '\t' || (i + 3 < n && t[i] == ' ' && t[i + 1] == ' ' && t[i + 2] == ' '))
			return 1;
	return 0;
}

/* Whether line b continues line a of a text wrapped at column w: the first word of b
   would not have fitted at the end of a (with a tenth of w to spare: people and mail
   programs wrap a little short of their column), and b starts no item of a list. Lines
   that are records of their own are not joined however long they are: rows of a table
   set in columns, two lines that both start with a figure (a chronology's dates, a
   casualty list's rows) or with '[' (a chat log's times), a quoted reply under the
   answer ("> ", a depth of quoting of its own). */
static int wrapped_into(const char *s, TLine a, TLine b, size_t w)
{
	const char *t = s + b.a, *p = s + a.a;
	size_t n = b.z - b.a, pn = a.z - a.a, word = 0;
	while (word < n && t[word] != ' ' && t[word] != '\t')
		word++;
	if (list_item(t, n) || !has_lower(t, n, 1) || !has_lower(p, pn, 1))
		return 0; /* a list goes on, or a rule of ==== */
	if (in_columns(t, n) || in_columns(p, pn) || quote_depth(t, n) != quote_depth(p, pn))
		return 0;
	if (n && pn && ((isdigit((unsigned char)t[0]) && isdigit((unsigned char)p[0])) || (t[0] == '[' && p[0] == '[')))
		return 0;
	return (utf8_count(s + a.a, a.z - a.a) + 1 + utf8_count(t, word)) * 10 > w * 9;
}

int clean_text(const MText *u, MText *out, Meta *m, Blob *err)
{
	(void)err;
	const CleanLex *lx = clean_lex();
	const char *s = u->text.data ? u->text.data : "";
	size_t n = u->text.len;
	TLine *v = NULL;
	size_t nl = 0, cap = 0;
	for (size_t i = 0; i <= n;) {
		const char *e = i < n ? memchr(s + i, '\n', n - i) : NULL;
		size_t end = e ? (size_t)(e - s) : n;
		size_t a = i, z = end;
		while (a < z && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' || s[a] == '\f'))
			a++;
		while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t' || s[z - 1] == '\r' || s[z - 1] == '\f'))
			z--;
		/* U+00A0 at either end */
		while (z >= a + 2 && (unsigned char)s[z - 2] == 0xC2 && (unsigned char)s[z - 1] == 0xA0)
			z -= 2;
		if (nl == cap) {
			cap = cap ? cap * 2 : 256;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[nl++] = (TLine){a, z, z == a ? L_BLANK : 0};
		if (!e)
			break;
		i = end + 1;
	}
#define LS(k) (s + v[k].a)
#define LN(k) (v[k].z - v[k].a)

	/* the top: banner, menus, breadcrumbs; a breadcrumb ends with the title, which is the
	   next line, and whatever stands above it is the site's. Past the first five lines
	   only a breadcrumb with a path separator counts (up to the thirtieth line). */
	size_t first = 0, title_at = SIZE_MAX, crumb_at = SIZE_MAX;
	while (first < nl && (v[first].flags & L_BLANK))
		first++;
	size_t seen = 0;
	for (size_t i = first; i < nl && seen < 30; i++) {
		if (v[i].flags & L_BLANK)
			continue;
		seen++;
		size_t next = i + 1;
		while (next < nl && (v[next].flags & L_BLANK))
			next++;
		if (next < nl && (seen <= 5 || crumb_path(LS(i), LN(i))) &&
		    crumb_overlap(LS(i), LN(i), LS(next), LN(next))) {
			crumb_at = i;
			break;
		}
	}
	seen = 0;
	int furniture = 0; /* the line above was the site's: short items under it are too */
	for (size_t i = first; i < nl && seen < 5; i++) {
		if (v[i].flags & L_BLANK)
			continue;
		seen++;
		size_t next = i + 1;
		while (next < nl && (v[next].flags & L_BLANK))
			next++;
		Ymd d;
		if (seen == 1 && banner_date(LS(i), LN(i), &d)) {
			int glued_next = next < nl && glue_count(LS(next), LN(next)) >= 2;
			int later = d.y > max_year(s + v[i].z, n - v[i].z) + 1 && max_year(s + v[i].z, n - v[i].z);
			if (glued_next || later || crumb_at != SIZE_MAX || menu_follows(v, nl, s, next) ||
			    post_dated_below(v, nl, s, next, d)) {
				v[i].flags |= L_DROP;
				furniture = 1;
				free(m->banner);
				m->banner = xstrndup(LS(i), LN(i));
				continue;
			}
		}
		if (i == crumb_at)
			break;
		/* a site's name over its section path ("Meridian Wire Service" / "World |
		   Kaldan | Upper Kaldan"): the banner; the headline follows */
		if (seen == 1 && next < nl && site_name(LS(i), LN(i)) && section_path(LS(next), LN(next))) {
			meta_set(&m->publisher, &m->publisher_p, MP_WEAK, LS(i), LN(i));
			v[i].flags |= L_DROP;
			v[next].flags |= L_DROP;
			furniture = 1;
			i = next;
			seen++;
			continue;
		}
		if ((glue_count(LS(i), LN(i)) >= 2 && LN(i) < 300) || menu_line(LS(i), LN(i)) ||
		    (furniture && menu_item(LS(i), LN(i)))) {
			v[i].flags |= L_DROP;
			furniture = 1;
			continue;
		}
		furniture = 0;
	}
	if (crumb_at != SIZE_MAX) {
		/* the banner may stand anywhere above the breadcrumb, with a time after it */
		for (size_t k = first; k < crumb_at; k++) {
			Ymd d;
			if (!(v[k].flags & L_BLANK) && !m->banner && banner_date(LS(k), LN(k), &d))
				m->banner = xstrndup(LS(k), LN(k));
			v[k].flags |= L_DROP;
		}
		v[crumb_at].flags |= L_DROP;
		title_at = crumb_at + 1;
		while (title_at < nl && (v[title_at].flags & L_BLANK))
			title_at++;
	}

	/* furniture anywhere */
	int in_list = 0;
	for (size_t i = 0; i < nl; i++) {
		if (v[i].flags & (L_BLANK | L_DROP))
			continue;
		const char *ls = LS(i);
		size_t ln = LN(i);
		if (image_line(ls, ln) || wl_has(&lx->boilerplate, ls, ln) || meta_copyright(m, ls, ln)) {
			v[i].flags |= L_DROP;
			continue;
		}
		if (list_heading(&lx->list_heads, ls, ln)) {
			v[i].flags |= L_DROP;
			in_list = 1;
			continue;
		}
		if (in_list) {
			/* headlines and teasers, until a real paragraph */
			if (teaser(ls, ln) || ln < 150 || !ends_sentence(ls, ln) || glue_count(ls, ln) >= 1) {
				v[i].flags |= L_DROP;
				continue;
			}
			in_list = 0;
		}
	}

	/* runs of headlines with teasers (a list without its heading) */
	for (size_t i = 0; i < nl;) {
		if (v[i].flags & (L_BLANK | L_DROP)) {
			i++;
			continue;
		}
		size_t j = i, heads = 0, teasers = 0, last = i;
		while (j < nl) {
			if (v[j].flags & (L_BLANK | L_DROP)) {
				j++;
				continue;
			}
			const char *ls = LS(j);
			size_t ln = LN(j);
			if (teaser(ls, ln) && ln < 300)
				teasers++;
			else if (ln < 100 && !ends_sentence(ls, ln) && ls[ln - 1] != ':' && ls[ln - 1] != ',')
				heads++;
			else
				break;
			last = j++;
		}
		if (teasers >= 2 && heads >= 2)
			for (size_t k = i; k <= last; k++)
				v[k].flags |= L_DROP;
		i = j > i ? j : i + 1;
	}

	size_t wrap = wrap_width(v, nl, s);
	int hard_wrapped = wrap > 0;

	/* the title: the line under the breadcrumb, else the first short line; but a
	   letterhead (a name of a few words, a masthead with the date, then the headline)
	   has its title under the masthead and its publisher on top */
	for (size_t i = title_at < nl ? title_at : 0; i < nl; i++) {
		if (v[i].flags & (L_BLANK | L_DROP))
			continue;
		size_t k = i + 1, h = SIZE_MAX;
		while (k < nl && (v[k].flags & (L_BLANK | L_DROP)))
			k++;
		if (k < nl && meta_byline_line(LS(k), LN(k))) {
			size_t j = k + 1;
			while (j < nl && (v[j].flags & (L_BLANK | L_DROP)))
				j++;
			if (j < nl && headline_line(LS(j), LN(j)) && words_in(LS(i), LN(i)) <= 4 &&
			    words_in(LS(j), LN(j)) > words_in(LS(i), LN(i)) && !ends_sentence(LS(i), LN(i)))
				h = j;
		}
		if (h != SIZE_MAX) {
			meta_set(&m->publisher, &m->publisher_p, MP_WEAK, LS(i), LN(i));
			i = h;
		}
		const char *ls = LS(i);
		size_t ln = LN(i);
		if (ln <= 250 && !(ln && ls[ln - 1] == '.') && !(ln && ls[ln - 1] == ',') &&
		    utf8_count(ls, ln) >= 8) {
			meta_set(&m->title, &m->title_p, 1, ls, ln);
			if (!m->doc_title)
				m->doc_title = text_collapse(ls, ln);
		}
		break;
	}

	/* write the kept lines */
	out->src_len = u->src_len;
	MText o = {0};
	o.src_len = n;
	int gap = 0, any = 0;
	size_t prev = 0;
	for (size_t i = 0; i < nl; i++) {
		if (v[i].flags & L_BLANK) {
			gap = 2;
			continue;
		}
		if (v[i].flags & L_DROP) {
			gap = 2;
			continue;
		}
		if (any) {
			int joined = gap != 2 && hard_wrapped && wrapped_into(s, v[prev], v[i], wrap);
			mt_sep(&o, joined ? "\n" : "\n\n", joined ? 1 : 2);
		}
		prev = i;
		size_t a = v[i].a, z = v[i].z;
		size_t g = glued_dateline(s + a, z - a);
		if (g) {
			mt_copy(&o, s + a, g, a);
			mt_sep(&o, "\n\n", 2);
			a += g;
		}
		mt_copy(&o, s + a, z - a, a);
		any = 1;
		gap = 0;
	}
#undef LS
#undef LN
	free(v);
	mt_compose(&o, u);
	*out = o;
	return 0;
}
