/*
** dates.c — calendar arithmetic and recognition of absolute written dates (see dates.h).
*/
#include "dates.h"

#include <stdio.h>
#include <string.h>

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

int ymd_valid(Ymd v)
{
	if (v.y < 1000 || v.y > 9999)
		return 0;
	if (v.m == 0)
		return v.d == 0;
	if (v.m < 1 || v.m > 12)
		return 0;
	return v.d == 0 || (v.d >= 1 && v.d <= days_in_month(v.y, v.m));
}

/* Howard Hinnant's days_from_civil. */
long ymd_days(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

Ymd ymd_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	Ymd r = {(int)(y + (m <= 2)), (int)m, (int)d};
	return r;
}

int ymd_weekday(int y, int m, int d)
{
	long z = ymd_days(y, m, d);
	return (int)(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

Ymd ymd_add_days(Ymd v, long n)
{
	return ymd_from_days(ymd_days(v.y, v.m, v.d) + n);
}

int ymd_cmp(Ymd a, Ymd b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (!a.m || !b.m || a.m == b.m) {
		if (!a.m || !b.m || !a.d || !b.d || a.d == b.d)
			return 0;
		return a.d < b.d ? -1 : 1;
	}
	return a.m < b.m ? -1 : 1;
}

void ymd_format(Ymd v, char out[11])
{
	if (!v.y)
		out[0] = 0;
	else if (!v.m)
		snprintf(out, 11, "%04d", v.y);
	else if (!v.d)
		snprintf(out, 11, "%04d-%02d", v.y, v.m);
	else
		snprintf(out, 11, "%04d-%02d-%02d", v.y, v.m, v.d);
}

/* Reads exactly k digits at s; -1 when they are not there. */
static int digits(const char *s, size_t n, size_t k)
{
	if (n < k)
		return -1;
	int v = 0;
	for (size_t i = 0; i < k; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int ymd_parse_iso(const char *s, Ymd *out)
{
	size_t n = strlen(s);
	Ymd v = {0, 0, 0};
	v.y = digits(s, n, 4);
	if (v.y < 0 || (n > 4 && is_digit(s[4])))
		return 0;
	if (n >= 7 && (s[4] == '-' || s[4] == '/')) {
		v.m = digits(s + 5, n - 5, 2);
		if (v.m < 0)
			return 0;
		if (n >= 10 && s[7] == s[4]) {
			v.d = digits(s + 8, n - 8, 2);
			if (v.d < 0)
				return 0;
		}
	}
	if (!ymd_valid(v))
		return 0;
	*out = v;
	return 1;
}

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
};

/* Compares the word at s (letters only) with name; the word must be a prefix of the name
   at least 3 letters long ("Sept" for September), or the whole name. Returns its length. */
static size_t word_prefix(const char *s, size_t n, const char *name)
{
	if (!n || lower(s[0]) != name[0])
		return 0; /* most words: no scan, no strlen */
	size_t i = 0;
	while (i < n && is_alpha(s[i]))
		i++;
	size_t len = strlen(name);
	if (i < 3 || i > len)
		return 0;
	for (size_t k = 0; k < i; k++)
		if (lower(s[k]) != name[k])
			return 0;
	return i;
}

int month_at(const char *s, size_t n, size_t *len)
{
	for (int m = 0; m < 12; m++) {
		size_t k = word_prefix(s, n, month_names[m]);
		if (!k)
			continue;
		/* Abbreviations other than 3 letters are only "Sept"; "Mar" yes, "Marc" no. */
		if (k != 3 && k != strlen(month_names[m]) && !(m == 8 && k == 4))
			continue;
		/* "May" as a verb or "March" as a verb are left to the caller's context. */
		if (k < n && s[k] == '.' && k != strlen(month_names[m]))
			k++;
		*len = k;
		return m + 1;
	}
	return 0;
}

int weekday_at(const char *s, size_t n, size_t *len)
{
	static const char *const names[7] = {"sunday", "monday", "tuesday", "wednesday",
	                                     "thursday", "friday", "saturday"};
	for (int w = 0; w < 7; w++) {
		size_t k = word_prefix(s, n, names[w]);
		if (!k || (k != 3 && k != strlen(names[w]) && !(w == 2 && k == 4) &&
		           !(w == 4 && (k == 4 || k == 5))))
			continue;
		if (k < n && s[k] == '.' && k != strlen(names[w]))
			k++;
		*len = k;
		return w;
	}
	return -1;
}

/* Reads 1 or 2 digits of a day with an optional ordinal suffix (1st, 2nd, 23rd, 4th). */
static size_t day_at(const char *s, size_t n, int *day)
{
	size_t i = 0;
	int v = 0;
	while (i < n && i < 2 && is_digit(s[i]))
		v = v * 10 + (s[i++] - '0');
	if (!i || (i < n && is_digit(s[i])))
		return 0;
	if (i + 1 < n && ((lower(s[i]) == 's' && lower(s[i + 1]) == 't') ||
	                  (lower(s[i]) == 'n' && lower(s[i + 1]) == 'd') ||
	                  (lower(s[i]) == 'r' && lower(s[i + 1]) == 'd') ||
	                  (lower(s[i]) == 't' && lower(s[i + 1]) == 'h')) &&
	    (i + 2 >= n || !is_alpha(s[i + 2])))
		i += 2;
	if (i < n && is_alpha(s[i]))
		return 0;
	if (v < 1 || v > 31)
		return 0;
	*day = v;
	return i;
}

/* A four-digit year 1000..2999 not followed by another digit. */
static size_t year_at(const char *s, size_t n, int *year)
{
	int v = digits(s, n, 4);
	if (v < 1000 || v > 2999 || (n > 4 && (is_digit(s[4]) || is_alpha(s[4]))))
		return 0;
	*year = v;
	return 4;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || (unsigned char)s[i] == 0xA0))
		i++;
	/* U+00A0 as UTF-8 (C2 A0) */
	while (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
		i += 2;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
	}
	return i;
}

/* Year for a day/month written without one: the latest such date not after ref, unless
   that lies more than ~10 months back, in which case the following one (a report dated
   Jan 6 speaking of "Dec. 31" means the previous year; one dated Dec 20 speaking of
   "January 5" more likely the coming one only when close ahead). */
static int infer_year(int m, int d, Ymd ref)
{
	if (!ref.y)
		return 0;
	int rm = ref.m ? ref.m : 12, rd = ref.d ? ref.d : 31;
	int y = ref.y;
	if (m > rm || (m == rm && d > rd))
		y--; /* after the reference in its year: last year */
	/* a date less than ~45 days after ref is more likely this year (announced event) */
	if (y < ref.y && ref.m) {
		long ahead = ymd_days(ref.y, m, d ? d : 1) - ymd_days(ref.y, rm, rd);
		if (ahead > 0 && ahead <= 45)
			y = ref.y;
	}
	return y;
}

/* The end of a written day and month found at s[e] ("July 28" or "28 July"): an optional
   ", 2009" gives the year, else it is inferred from ref. Fills *hit and returns where the
   date ends, or 0 when the day cannot be in that month. */
static size_t day_month_end(const char *s, size_t n, size_t e, int m, int d, Ymd ref,
                            DateHit h, DateHit *hit)
{
	int y = 0;
	size_t j = e;
	if (j < n && s[j] == ',')
		j++;
	j = skip_spaces(s, n, j);
	size_t yk = year_at(s + j, n - j, &y);
	if (yk) {
		Ymd v = {y, m, d};
		if (!ymd_valid(v))
			return 0;
		h.date = v;
		h.has_year = 1;
		*hit = h;
		return j + yk;
	}
	Ymd v = {2000, m, d}; /* leap year, so Feb 29 passes */
	if (!ymd_valid(v))
		return 0;
	h.date.y = infer_year(m, d, ref);
	h.date.m = m;
	h.date.d = d;
	if (h.date.y && !ymd_valid(h.date))
		h.date.d = 0; /* Feb 29 in a common year: keep the month */
	*hit = h;
	return e;
}

size_t date_scan(const char *s, size_t n, Ymd ref, DateHit *hit)
{
	size_t i = 0, k;
	DateHit h = {{0, 0, 0}, 0, -1, 0};

	/* optional weekday: "Tuesday, " "Fri " */
	int wd = weekday_at(s, n, &k);
	if (wd >= 0) {
		size_t j = k;
		if (j < n && s[j] == ',')
			j++;
		j = skip_spaces(s, n, j);
		if (j > k) {
			h.weekday = wd;
			i = j;
		}
	}

	int y = 0, m = 0, d = 0;
	/* ISO 2013-02-09, 2013/02/09, 2013-02 (a time after it is left alone) */
	y = digits(s + i, n - i, 4);
	if (y >= 1000 && i + 7 <= n && (s[i + 4] == '-' || s[i + 4] == '/')) {
		char sep = s[i + 4];
		int mm = digits(s + i + 5, n - i - 5, 2), dd = 0;
		size_t j = i + 7;
		if (mm > 0 && (j >= n || !is_digit(s[j]))) {
			if (j + 3 <= n && s[j] == sep && (dd = digits(s + j + 1, n - j - 1, 2)) > 0 &&
			    (j + 3 >= n || !is_digit(s[j + 3])))
				j += 3;
			else
				dd = 0;
			Ymd v = {y, mm, dd};
			if (ymd_valid(v)) {
				h.date = v;
				h.has_year = 1;
				h.numeric = 1;
				*hit = h;
				return j;
			}
		}
	}
	y = 0;

	/* Month first: "July 28, 2009", "Jan 6", "Dec. 31", "January 2012", "July 2009" */
	if ((m = month_at(s + i, n - i, &k)) != 0) {
		size_t j = skip_spaces(s, n, i + k);
		if (j < n && s[j] == ',')
			j = skip_spaces(s, n, j + 1); /* "January, 2012" */
		size_t dk = day_at(s + j, n - j, &d);
		if (dk && !(dk == 2 && j + 2 < n && s[j + 2] == ':'))
			return day_month_end(s, n, j + dk, m, d, ref, h, hit);
		size_t yk = year_at(s + j, n - j, &y);
		if (yk) {
			h.date.y = y;
			h.date.m = m;
			h.has_year = 1;
			*hit = h;
			return j + yk;
		}
		return 0;
	}

	/* Day first: "28 July 2009", "6th of January", "9 Feb" */
	size_t dk = day_at(s + i, n - i, &d);
	if (dk) {
		size_t j = skip_spaces(s, n, i + dk);
		if (j + 3 < n && lower(s[j]) == 'o' && lower(s[j + 1]) == 'f' && s[j + 2] == ' ')
			j = skip_spaces(s, n, j + 3);
		if (j > i + dk && (m = month_at(s + j, n - j, &k)) != 0)
			return day_month_end(s, n, j + k, m, d, ref, h, hit);
		/* Numeric D/M/YYYY, M/D/YYYY, D.M.YYYY */
		size_t j0 = i + dk;
		if (j0 < n && (s[j0] == '/' || s[j0] == '.' || s[j0] == '-') && dk <= 2) {
			char sep = s[j0];
			int a = d, b = 0;
			size_t bk = 0;
			while (j0 + 1 + bk < n && bk < 2 && is_digit(s[j0 + 1 + bk]))
				b = b * 10 + (s[j0 + 1 + bk] - '0'), bk++;
			size_t j1 = j0 + 1 + bk;
			if (bk && j1 < n && s[j1] == sep && year_at(s + j1 + 1, n - j1 - 1, &y)) {
				/* Slashes are read month first (US sites) unless that cannot be;
				   dots and dashes day first. */
				int mm = sep == '/' ? a : b, dd = sep == '/' ? b : a;
				if (mm > 12) {
					int t = mm; mm = dd; dd = t;
				}
				Ymd v = {y, mm, dd};
				if (!ymd_valid(v))
					return 0;
				h.date = v;
				h.has_year = 1;
				h.numeric = 1;
				h.ambiguous = sep == '/' && a <= 12 && b <= 12 && a != b;
				*hit = h;
				return j1 + 5;
			}
		}
	}
	return 0;
}

size_t date_find(const char *s, size_t n, Ymd ref, size_t *at, DateHit *hit)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (is_alpha(s[i - 1]) || is_digit(s[i - 1])))
			continue;
		if (!is_alpha(s[i]) && !is_digit(s[i]))
			continue;
		size_t k = date_scan(s + i, n - i, ref, hit);
		if (k) {
			*at = i;
			return k;
		}
	}
	return 0;
}

size_t date_next(const char *s, size_t n, size_t *off, size_t *at, DateHit *hit)
{
	Ymd none = {0, 0, 0};
	size_t a, k = *off < n ? date_find(s + *off, n - *off, none, &a, hit) : 0;
	if (!k) {
		*off = n;
		return 0;
	}
	*at = *off + a;
	*off = *at + k;
	return k;
}

int dates_day_first(const char *s, size_t n)
{
	int day = 0, month = 0, ambiguous = 0;
	/* the numeric dates: "D/M/YYYY" or "M/D/YYYY" around each slash after a number */
	for (const char *p = memchr(s, '/', n); p; p = memchr(p + 1, '/', n - (size_t)(p + 1 - s))) {
		size_t i = (size_t)(p - s);
		if (i == 0 || !is_digit(s[i - 1]) || (i >= 3 && is_digit(s[i - 3])))
			continue;
		int a = s[i - 1] - '0', b = 0;
		if (i >= 2 && is_digit(s[i - 2]))
			a += (s[i - 2] - '0') * 10;
		size_t j = i + 1, k = 0;
		while (j + k < n && k < 3 && is_digit(s[j + k]))
			b = b * 10 + (s[j + k] - '0'), k++;
		if (k < 1 || k > 2 || j + k + 4 >= n || s[j + k] != '/' || !is_digit(s[j + k + 1]) ||
		    !is_digit(s[j + k + 4]) || (j + k + 5 < n && is_digit(s[j + k + 5])))
			continue;
		if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12))
			continue;
		if (a > 12)
			day++;
		else if (b > 12)
			month++;
		else if (a != b)
			ambiguous++;
		p += k + 1; /* not its second slash */
	}
	if (day || month)
		return day > month;
	if (!ambiguous)
		return 0;
	/* the dates written with a month name: a day before it or after it */
	size_t off = 0, at;
	DateHit h;
	while (date_next(s, n, &off, &at, &h)) {
		if (!h.numeric && h.date.d) {
			size_t i = at, wk;
			if (weekday_at(s + i, n - i, &wk) >= 0) {
				i += wk;
				while (i < n && (s[i] == ',' || s[i] == ' '))
					i++;
			}
			if (i < n && is_digit(s[i]))
				day++;
			else
				month++;
		}
	}
	return day >= month;
}

/* ---- date expressions in running text (date_phrase) ---- */

/* Skips spaces (and U+00A0) from i, then reads the ASCII word there into w (lowercase,
   letters only, truncated to cap-1). Returns the end of the word, or i when there is
   none; *at is where it starts. */
static size_t word_at(const char *s, size_t n, size_t i, char *w, size_t cap, size_t *at)
{
	size_t j = skip_spaces(s, n, i), k = 0;
	*at = j;
	while (j < n && is_alpha(s[j])) {
		if (k + 1 < cap)
			w[k++] = (char)lower(s[j]);
		j++;
	}
	w[k] = 0;
	if (j < n && (is_digit(s[j]) || ((unsigned char)s[j] >= 0x80 && j > *at)))
		return i; /* "abc123" or a word that goes on in another script */
	return k ? j : i;
}

static int word_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

/* A small number written as a word or digits ("a", "two", "3"), for "three days ago". */
static int small_number(const char *s, size_t n, size_t i, size_t *end)
{
	static const char *const names[] = {"zero", "one", "two", "three", "four", "five", "six",
	                                    "seven", "eight", "nine", "ten", "eleven", "twelve", NULL};
	size_t j = skip_spaces(s, n, i), at;
	if (j < n && is_digit(s[j])) {
		int v = 0;
		size_t k = j;
		while (k < n && is_digit(s[k]) && k - j < 3)
			v = v * 10 + (s[k++] - '0');
		if (k < n && (is_digit(s[k]) || is_alpha(s[k])))
			return -1;
		*end = k;
		return v;
	}
	char w[16];
	size_t e = word_at(s, n, j, w, sizeof w, &at);
	if (e == j)
		return -1;
	*end = e;
	if (strcmp(w, "a") == 0 || strcmp(w, "an") == 0)
		return 1;
	for (int v = 0; names[v]; v++)
		if (strcmp(w, names[v]) == 0)
			return v;
	return -1;
}

Ymd ymd_weekday_after(Ymd ref, int weekday)
{
	int w = ymd_weekday(ref.y, ref.m, ref.d);
	return ymd_add_days(ref, (weekday - w + 7) % 7);
}

/* The latest such weekday on or before ref (a past event reported "on Friday"). */
static Ymd weekday_before(Ymd ref, int weekday)
{
	int w = ymd_weekday(ref.y, ref.m, ref.d);
	return ymd_add_days(ref, -((w - weekday + 7) % 7));
}

static int ref_day(Ymd ref)
{
	return ref.y && ref.m && ref.d;
}

static Ymd ym(int y, int m)
{
	while (m < 1) {
		m += 12;
		y--;
	}
	while (m > 12) {
		m -= 12;
		y++;
	}
	Ymd v = {y, m, 0};
	return v;
}

/* A year written alone: four digits 1800..2199, not part of a longer number. */
static size_t bare_year(const char *s, size_t n, size_t i, int *year)
{
	size_t j = skip_spaces(s, n, i);
	int v = digits(s + j, n - j, 4);
	if (v < 1800 || v > 2199)
		return 0;
	if (j + 4 < n && (is_digit(s[j + 4]) || is_alpha(s[j + 4]) || s[j + 4] == ','))
		return 0;
	*year = v;
	return j + 4;
}

/* "the 1970s", "1980's": a decade. */
static size_t decade(const char *s, size_t n, size_t i, DateSpan *d)
{
	size_t j = skip_spaces(s, n, i);
	int v = digits(s + j, n - j, 4);
	if (v < 1800 || v > 2190 || v % 10)
		return 0;
	size_t k = j + 4;
	if (k < n && s[k] == '\'')
		k++;
	if (k >= n || s[k] != 's' || (k + 1 < n && is_alpha(s[k + 1])))
		return 0;
	d->start = (Ymd){v, 0, 0};
	d->end = (Ymd){v + 9, 0, 0};
	return k + 1;
}

/* A bare month name, written with a capital ("since January"; "may" is a verb). */
static int bare_month(const char *s, size_t n, size_t i, size_t *end)
{
	size_t j = skip_spaces(s, n, i), k;
	if (j >= n || s[j] < 'A' || s[j] > 'Z')
		return 0;
	int m = month_at(s + j, n - j, &k);
	if (!m || (j + k < n && (is_alpha(s[j + k]) || is_digit(s[j + k]))))
		return 0;
	if (m == 5 && k == 3 && j + k < n && s[j + k] == '.')
		return 0;
	*end = j + k;
	return m;
}

/* The year of a month named without one: the latest such month not after ref, or the
   next one when the expression looks ahead. */
static int month_year(int m, Ymd ref, int ahead)
{
	int rm = ref.m ? ref.m : 12;
	if (ahead)
		return m >= rm ? ref.y : ref.y + 1;
	return m <= rm ? ref.y : ref.y - 1;
}

/* "the end of" X, "early" X: X is a year, "last/this/next year", a month (with or
   without its year), "last/this month", "the year". part: 1 beginning, 2 middle, 3 end. */
static size_t part_of(const char *s, size_t n, size_t i, Ymd ref, int part, DateSpan *d)
{
	char w[16];
	size_t at, e = word_at(s, n, i, w, sizeof w, &at), k;
	int y = 0, m = 0;
	if (e > i && (strcmp(w, "last") == 0 || strcmp(w, "this") == 0 || strcmp(w, "next") == 0 ||
	              strcmp(w, "the") == 0)) {
		char w2[16];
		size_t at2, e2 = word_at(s, n, e, w2, sizeof w2, &at2);
		int off = w[0] == 'l' ? -1 : w[0] == 'n' ? 1 : 0;
		if (e2 == e || !ref.y)
			return e2 > e && (strcmp(w2, "year") == 0 || strcmp(w2, "month") == 0) ? e2 : 0;
		if (strcmp(w2, "year") == 0)
			y = ref.y + off;
		else if (strcmp(w2, "month") == 0 && ref.m) {
			Ymd v = ym(ref.y, ref.m + off);
			y = v.y;
			m = v.m;
		} else
			return 0;
		if (off > 0)
			d->flags |= DS_FUTURE;
		e = e2;
	} else if ((k = bare_year(s, n, i, &y)) != 0) {
		e = k;
	} else if ((m = bare_month(s, n, i, &k)) != 0) {
		e = k;
		size_t k2 = bare_year(s, n, k, &y);
		if (k2)
			e = k2;
		else if (ref.y) {
			y = month_year(m, ref, 0);
			d->flags |= DS_INFERRED;
		} else
			y = 0;
	} else
		return 0;
	if (!y)
		return e;
	if (m) {
		/* within a month: days 1-10, 11-20, 21-end */
		int last = days_in_month(y, m);
		int a = part == 1 ? 1 : part == 2 ? 11 : 21, b = part == 1 ? 10 : part == 2 ? 20 : last;
		d->start = (Ymd){y, m, a};
		d->end = (Ymd){y, m, b};
	} else if (part == 1 || part == 3) {
		/* "the beginning of 2009": January; "the end of 2011": December */
		d->start = (Ymd){y, part == 1 ? 1 : 12, 0};
	} else {
		d->start = (Ymd){y, 6, 0};
	}
	return e;
}

/* "early 2012", "late March": a third of the year or month, as a span. */
static size_t early_late(const char *s, size_t n, size_t i, Ymd ref, int part, DateSpan *d)
{
	size_t e = part_of(s, n, i, ref, part, d);
	if (!e || !d->start.y)
		return e;
	if (!d->start.d && d->start.m) {
		int y = d->start.y;
		d->start = (Ymd){y, part == 1 ? 1 : part == 2 ? 5 : 9, 0};
		d->end = (Ymd){y, part == 1 ? 4 : part == 2 ? 8 : 12, 0};
	}
	return e;
}

/* After a first day ("April 18" or "18"), a list or range of days of the same month:
   ", 19 and 20", "-20", " to 20", " and 20". Returns the end and the last day, or 0. */
static size_t more_days(const char *s, size_t n, size_t i, int *last)
{
	size_t j = i, best = 0;
	for (int rounds = 0; rounds < 8; rounds++) {
		size_t k = skip_spaces(s, n, j);
		char w[8];
		size_t at;
		if (k < n && (s[k] == ',' || s[k] == '-' || s[k] == '/'))
			k++;
		else if (k + 2 < n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
		         ((unsigned char)s[k + 2] == 0x93 || (unsigned char)s[k + 2] == 0x94))
			k += 3;
		else {
			size_t e = word_at(s, n, k, w, sizeof w, &at);
			if (e == k || (strcmp(w, "and") != 0 && strcmp(w, "to") != 0 && strcmp(w, "till") != 0 &&
			               strcmp(w, "until") != 0))
				break;
			k = e;
		}
		k = skip_spaces(s, n, k);
		int d;
		size_t dk = day_at(s + k, n - k, &d); /* one or two digits: a year is not a day */
		if (!dk || (k + dk < n && s[k + dk] == ':'))
			break;
		*last = d;
		j = best = k + dk;
	}
	return best;
}

/* An optional ", 2009" or " 2009" after a day list: the year written once for all. */
static size_t trailing_year(const char *s, size_t n, size_t i, int *year)
{
	size_t j = i;
	if (j < n && s[j] == ',')
		j++;
	j = skip_spaces(s, n, j);
	size_t k = year_at(s + j, n - j, year);
	return k ? j + k : 0;
}

/* The absolute forms, with day lists and ranges around them. */
static size_t absolute(const char *s, size_t n, size_t i, Ymd ref, DateSpan *d)
{
	DateHit h;
	size_t j = skip_spaces(s, n, i);
	size_t k = date_scan(s + j, n - j, ref, &h);
	if (k) {
		k += j;
		d->start = h.date;
		if (!h.has_year)
			d->flags |= DS_INFERRED;
		if (h.ambiguous)
			d->flags |= DS_AMBIGUOUS;
		if (h.weekday >= 0 && !h.date.m)
			return 0;
		if (h.date.d && !h.has_year) {
			/* "April 18, 19 and 20, 2009" / "March 1-5" */
			int last = 0, y;
			size_t e = more_days(s, n, k, &last);
			if (e && last > h.date.d) {
				k = e;
				size_t ye = trailing_year(s, n, k, &y);
				if (ye) {
					k = ye;
					d->start.y = y;
					d->flags &= ~DS_INFERRED;
				}
				d->end = d->start;
				d->end.d = last;
				if (d->start.y && !ymd_valid(d->end))
					d->end.y = 0;
			}
		}
		return k;
	}
	/* Day first with a list or range: "1 to 5 March 2013", "9 and 10 May" */
	int first;
	size_t dk = day_at(s + j, n - j, &first);
	if (!dk)
		return 0;
	int last = 0;
	size_t e = more_days(s, n, j + dk, &last);
	if (!e || last <= first)
		return 0;
	size_t ms = skip_spaces(s, n, e), mk;
	if (ms + 3 < n && lower(s[ms]) == 'o' && lower(s[ms + 1]) == 'f' && s[ms + 2] == ' ')
		ms = skip_spaces(s, n, ms + 3);
	int m = month_at(s + ms, n - ms, &mk);
	if (!m || ms == e)
		return 0;
	k = ms + mk;
	int y = 0;
	size_t ye = trailing_year(s, n, k, &y);
	if (ye)
		k = ye;
	else {
		y = ref.y ? infer_year(m, first, ref) : 0;
		d->flags |= DS_INFERRED;
	}
	Ymd a = {y, m, first}, b = {y, m, last};
	if (y && (!ymd_valid(a) || !ymd_valid(b)))
		return 0;
	d->start = a;
	d->end = b;
	return k;
}

static const char *const unit_words[] = {"day", "days", "week", "weeks", "month", "months",
                                         "year", "years", NULL};

/* "three days ago", "a month ago" */
static size_t ago(const char *s, size_t n, size_t i, Ymd ref, DateSpan *d)
{
	size_t e;
	int v = small_number(s, n, i, &e);
	if (v < 0)
		return 0;
	char w[12], w2[8];
	size_t at, e2 = word_at(s, n, e, w, sizeof w, &at);
	if (e2 == e || !word_in(w, unit_words))
		return 0;
	size_t e3 = word_at(s, n, e2, w2, sizeof w2, &at);
	if (e3 == e2 || strcmp(w2, "ago") != 0)
		return 0;
	d->flags |= DS_RELATIVE;
	if (!ref.y)
		return e3;
	if (w[0] == 'd' && ref_day(ref))
		d->start = ymd_add_days(ref, -v);
	else if (w[0] == 'w' && ref_day(ref))
		d->start = ymd_add_days(ref, -7L * v);
	else if (w[0] == 'm' && ref.m)
		d->start = ym(ref.y, ref.m - v);
	else if (w[0] == 'y')
		d->start = (Ymd){ref.y - v, 0, 0};
	return e3;
}

/* The week containing day v, Monday to Sunday. */
static void week_of(Ymd v, DateSpan *d)
{
	int w = ymd_weekday(v.y, v.m, v.d);
	d->start = ymd_add_days(v, -((w + 6) % 7));
	d->end = ymd_add_days(d->start, 6);
}

/* "last week", "this month", "next Friday", "last January" … off: -1 last, 0 this, 1 next. */
static size_t deictic(const char *s, size_t n, size_t e, Ymd ref, int off, DateSpan *d)
{
	char w[16];
	size_t at, e2 = word_at(s, n, e, w, sizeof w, &at), k;
	if (e2 == e) {
		int m = bare_month(s, n, e, &k);
		(void)m;
		return 0;
	}
	d->flags |= DS_RELATIVE | (off > 0 ? DS_FUTURE : 0);
	int wd = weekday_at(s + at, n - at, &k);
	if (wd >= 0 && at + k >= e2) {
		if (ref_day(ref)) {
			if (off < 0)
				d->start = weekday_before(ymd_add_days(ref, -1), wd);
			else if (off > 0)
				d->start = ymd_add_days(weekday_before(ref, wd), 7);
			else
				d->start = weekday_before(ref, wd);
		}
		return at + k;
	}
	int m = month_at(s + at, n - at, &k);
	if (m && at + k >= e2 && k > 3) {
		if (ref.y && ref.m)
			d->start = ym(off < 0 ? (m < ref.m ? ref.y : ref.y - 1)
			                      : off > 0 ? (m > ref.m ? ref.y : ref.y + 1) : ref.y, m);
		return at + k;
	}
	if (strcmp(w, "week") == 0 || strcmp(w, "weekend") == 0) {
		if (ref_day(ref)) {
			week_of(ymd_add_days(ref, 7L * off), d);
			if (w[4] == 'e') /* weekend: Saturday and Sunday of that week */
				d->start = ymd_add_days(d->start, 5);
			if (off == 0 && !w[4] && ymd_cmp(d->end, ref) > 0)
				d->end = ref;
		}
		return e2;
	}
	if (strcmp(w, "month") == 0) {
		if (ref.y && ref.m)
			d->start = ym(ref.y, ref.m + off);
		return e2;
	}
	if (strcmp(w, "year") == 0) {
		if (ref.y)
			d->start = (Ymd){ref.y + off, 0, 0};
		return e2;
	}
	if (off == 0 && (strcmp(w, "morning") == 0 || strcmp(w, "afternoon") == 0 ||
	                 strcmp(w, "evening") == 0)) {
		if (ref_day(ref))
			d->start = ref;
		return e2;
	}
	if (off < 0 && strcmp(w, "night") == 0) {
		if (ref_day(ref))
			d->start = ymd_add_days(ref, -1);
		return e2;
	}
	d->flags = 0;
	return 0;
}

/* The date expression proper, after any preposition. */
static size_t date_core(const char *s, size_t n, size_t i, Ymd ref, int after_prep, DateSpan *d)
{
	char w[16];
	size_t at, e = word_at(s, n, i, w, sizeof w, &at), k;
	if (e > i) {
		if (strcmp(w, "yesterday") == 0 || strcmp(w, "today") == 0 || strcmp(w, "tonight") == 0 ||
		    strcmp(w, "tomorrow") == 0) {
			d->flags |= DS_RELATIVE | (w[0] == 'y' ? 0 : w[2] == 'm' ? DS_FUTURE : 0);
			if (ref_day(ref))
				d->start = ymd_add_days(ref, w[0] == 'y' ? -1 : w[2] == 'm' ? 1 : 0);
			return e;
		}
		if (strcmp(w, "last") == 0 || strcmp(w, "past") == 0 || strcmp(w, "previous") == 0)
			return deictic(s, n, e, ref, -1, d);
		if (strcmp(w, "this") == 0)
			return deictic(s, n, e, ref, 0, d);
		if (strcmp(w, "next") == 0 || strcmp(w, "coming") == 0)
			return deictic(s, n, e, ref, 1, d);
		if (strcmp(w, "earlier") == 0 || strcmp(w, "later") == 0) {
			char w2[8];
			size_t at2, e2 = word_at(s, n, e, w2, sizeof w2, &at2);
			if (e2 > e && strcmp(w2, "today") == 0) {
				d->flags |= DS_RELATIVE | (w[0] == 'l' ? DS_FUTURE : 0);
				if (ref_day(ref))
					d->start = ref;
				return e2;
			}
			if (e2 > e && strcmp(w2, "this") == 0) {
				size_t r = deictic(s, n, e2, ref, 0, d);
				if (r && w[0] == 'l')
					d->flags |= DS_FUTURE;
				return r;
			}
			return 0;
		}
		if (strcmp(w, "the") == 0) {
			char w2[16];
			size_t at2, e2 = word_at(s, n, e, w2, sizeof w2, &at2);
			if (e2 > e && strcmp(w2, "day") == 0) {
				/* "the day before yesterday" */
				char w3[12], w4[12];
				size_t a3, e3 = word_at(s, n, e2, w3, sizeof w3, &a3);
				size_t e4 = word_at(s, n, e3, w4, sizeof w4, &a3);
				if (e3 > e2 && e4 > e3 && strcmp(w3, "before") == 0 && strcmp(w4, "yesterday") == 0) {
					d->flags |= DS_RELATIVE;
					if (ref_day(ref))
						d->start = ymd_add_days(ref, -2);
					return e4;
				}
				return 0;
			}
			if (e2 > e && strcmp(w2, "weekend") == 0 && after_prep) {
				/* "over the weekend", "at the weekend": the last one, Saturday and Sunday */
				d->flags |= DS_RELATIVE;
				if (ref_day(ref)) {
					d->start = weekday_before(ref, 6);
					Ymd sun = ymd_add_days(d->start, 1);
					if (ymd_cmp(sun, ref) <= 0)
						d->end = sun;
				}
				return e2;
			}
			if (e2 > e && (strcmp(w2, "coming") == 0 || strcmp(w2, "next") == 0)) {
				/* "the coming days", "the next few weeks": ahead, no date */
				char w3[12];
				size_t a3, e3 = word_at(s, n, e2, w3, sizeof w3, &a3);
				if (e3 > e2 && strcmp(w3, "few") == 0)
					e3 = word_at(s, n, e3, w3, sizeof w3, &a3);
				if (e3 > e2 && word_in(w3, unit_words)) {
					d->flags |= DS_FUTURE;
					return e3;
				}
				return 0;
			}
			if (e2 > e && (strcmp(w2, "end") == 0 || strcmp(w2, "beginning") == 0 ||
			               strcmp(w2, "start") == 0 || strcmp(w2, "middle") == 0 ||
			               strcmp(w2, "close") == 0)) {
				char w3[4];
				size_t a3, e3 = word_at(s, n, e2, w3, sizeof w3, &a3);
				if (e3 == e2 || strcmp(w3, "of") != 0)
					return 0;
				int part = w2[0] == 'b' || w2[0] == 's' ? 1 : w2[0] == 'm' ? 2 : 3;
				return part_of(s, n, e3, ref, part, d);
			}
			size_t dk = decade(s, n, e, d);
			if (dk)
				return dk;
			int y;
			size_t yk = bare_year(s, n, e, &y);
			if (yk) {
				d->start = (Ymd){y, 0, 0};
				return yk;
			}
			return 0;
		}
		if (strcmp(w, "end") == 0 || strcmp(w, "beginning") == 0 || strcmp(w, "start") == 0) {
			char w3[4];
			size_t a3, e3 = word_at(s, n, e, w3, sizeof w3, &a3);
			if (e3 == e || strcmp(w3, "of") != 0)
				return 0;
			return part_of(s, n, e3, ref, w[0] == 'e' ? 3 : 1, d);
		}
		if (strcmp(w, "early") == 0 || strcmp(w, "late") == 0 || strcmp(w, "mid") == 0) {
			size_t j = e;
			if (j < n && s[j] == '-')
				j++;
			return early_late(s, n, j, ref, w[0] == 'e' ? 1 : w[0] == 'm' ? 2 : 3, d);
		}
		if ((strcmp(w, "coming") == 0)) {
			return 0;
		}
		if (strcmp(w, "a") == 0 || strcmp(w, "an") == 0 || small_number(s, n, i, &k) >= 0) {
			size_t r = ago(s, n, i, ref, d);
			if (r)
				return r;
		}
		/* a weekday alone: "on Friday" */
		int wd = weekday_at(s + at, n - at, &k);
		if (wd >= 0 && at + k >= e && s[at] >= 'A' && s[at] <= 'Z') {
			size_t r = absolute(s, n, i, ref, d);
			if (r)
				return r;
			d->flags |= DS_RELATIVE | DS_WEEKDAY;
			if (ref_day(ref))
				d->start = weekday_before(ref, wd);
			return at + k;
		}
	}
	size_t r = absolute(s, n, i, ref, d);
	if (r)
		return r;
	if (small_number(s, n, i, &k) >= 0 && (r = ago(s, n, i, ref, d)) != 0)
		return r;
	r = decade(s, n, i, d);
	if (r)
		return r;
	int m = bare_month(s, n, i, &k);
	size_t after_m = skip_spaces(s, n, k);
	if (m && after_m < n && is_digit(s[after_m]))
		return 0; /* "February 30, 2013": an impossible day, not a month */
	if (m && (after_prep || (ref.y && (d->flags & (DS_SINCE | DS_UNTIL))))) {
		d->start = ref.y ? ym(month_year(m, ref, (d->flags & DS_UNTIL) != 0), m) : (Ymd){0, 0, 0};
		d->flags |= DS_INFERRED;
		return k;
	}
	int y;
	if (after_prep && (k = bare_year(s, n, i, &y)) != 0) {
		d->start = (Ymd){y, 0, 0};
		return k;
	}
	return 0;
}

/* "from X to Y", "between X and Y", "January to March 2013": a second date after the first. */
static size_t range_end(const char *s, size_t n, size_t i, Ymd ref, const char *joiner, DateSpan *d)
{
	char w[8];
	size_t at, e = word_at(s, n, i, w, sizeof w, &at);
	size_t j;
	if (e > i && strcmp(w, joiner) == 0)
		j = e;
	else {
		j = skip_spaces(s, n, i);
		if (j < n && s[j] == '-')
			j++;
		else if (j + 2 < n && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
		         ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94))
			j += 3;
		else
			return 0;
	}
	DateSpan b = {{0, 0, 0}, {0, 0, 0}, 0};
	size_t k = date_core(s, n, j, ref, 1, &b);
	if (!k || !b.start.y || !d->start.y)
		return 0;
	/* "January to March 2013": the year written on the second only */
	if ((d->flags & DS_INFERRED) && !(b.flags & DS_INFERRED) && !b.start.d == !d->start.d) {
		d->start.y = b.start.y;
		d->flags &= ~DS_INFERRED;
	}
	if (ymd_cmp(b.start, d->start) < 0)
		return 0;
	d->end = b.end.y ? b.end : b.start;
	return k;
}

/* Whether a date expression can start at s, which starts with an ASCII letter: its first
   word is one date_phrase or date_core reads (a preposition, "yesterday", "last", "the",
   "early", a number word …) or a month or a weekday name (date_scan, bare_month). Most
   words of a text are none of these, and date_phrase, tried at every word, then stops at
   once. Keep the list in step with the words compared in date_phrase and date_core. */
static int may_start_date(const char *s, size_t n)
{
	static const char *const starters[] = {
		"a", "an", "around", "at", "before", "beginning", "between", "by", "coming", "during",
		"earlier", "early", "eight", "eleven", "end", "five", "four", "from", "in", "last", "late",
		"later", "mid", "next", "nine", "of", "on", "one", "over", "past", "previous", "seven", "since",
		"six", "start", "ten", "the", "this", "three", "throughout", "till", "today", "tomorrow",
		"tonight", "twelve", "two", "until", "yesterday", "zero",
	};
	char w[12];
	size_t k = 0, len;
	while (k < n && is_alpha(s[k])) {
		if (k < sizeof w - 1)
			w[k] = (char)lower(s[k]);
		k++;
	}
	if (k < sizeof w) { /* a longer word is no starter: the longest has 10 letters */
		w[k] = 0;
		size_t lo = 0, hi = sizeof starters / sizeof starters[0];
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			int c = strcmp(w, starters[mid]);
			if (!c)
				return 1;
			if (c < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	return month_at(s, n, &len) != 0 || weekday_at(s, n, &len) >= 0;
}

size_t date_phrase(const char *s, size_t n, Ymd ref, DateSpan *out)
{
	static const char *const plain_preps[] = {"on", "in", "at", "during", "of", "throughout", "around",
	                                          "from", "between", "over", NULL};
	if (n && is_alpha(s[0]) && !may_start_date(s, n))
		return 0;
	DateSpan d = {{0, 0, 0}, {0, 0, 0}, 0};
	char w[16];
	size_t at, e = word_at(s, n, 0, w, sizeof w, &at);
	size_t i = 0;
	int prep = 0, from = 0;
	if (e && at == 0) {
		if (strcmp(w, "since") == 0) {
			d.flags |= DS_SINCE;
			i = e;
			prep = 1;
		} else if (strcmp(w, "until") == 0 || strcmp(w, "till") == 0 || strcmp(w, "by") == 0 ||
		           strcmp(w, "before") == 0) {
			d.flags |= DS_UNTIL;
			i = e;
			prep = 1;
		} else if (word_in(w, plain_preps)) {
			from = w[0] == 'f' ? 1 : w[0] == 'b' ? 2 : 0;
			i = e;
			prep = 1;
			/* "in the coming days", "in coming days" */
			char w2[12];
			size_t a2, e2 = word_at(s, n, e, w2, sizeof w2, &a2);
			if (e2 > e && strcmp(w2, "coming") == 0) {
				char w3[12];
				size_t e3 = word_at(s, n, e2, w3, sizeof w3, &a2);
				if (e3 > e2 && word_in(w3, unit_words)) {
					d.flags |= DS_FUTURE;
					*out = d;
					return e3;
				}
			}
		}
	}
	size_t k = date_core(s, n, i, ref, prep, &d);
	if (!k)
		return 0;
	if (from == 1 || from == 2 || !(d.end.y)) {
		size_t r = range_end(s, n, k, ref, from == 2 ? "and" : from == 1 ? "to" : "to", &d);
		/* "in June and July 2009": two months are the span from one to the other */
		if (!r && !from && !d.end.y && d.start.m && !d.start.d && !(d.flags & (DS_SINCE | DS_UNTIL)))
			r = range_end(s, n, k, ref, "and", &d);
		if (r)
			k = r;
	}
	/* out of any sensible range (1850, 2300): recognised, not kept */
	if (d.start.y && (d.start.y < 1900 || d.start.y > 2100 || !ymd_valid(d.start)))
		d.start = d.end = (Ymd){0, 0, 0};
	if (d.end.y && (!ymd_valid(d.end) || ymd_cmp(d.end, d.start) < 0))
		d.end = (Ymd){0, 0, 0};
	*out = d;
	return k;
}
