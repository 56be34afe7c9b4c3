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
		if (dk && !(dk == 2 && j + 2 < n && s[j + 2] == ':')) {
			size_t e = j + dk;
			size_t j2 = e;
			if (j2 < n && s[j2] == ',')
				j2++;
			j2 = skip_spaces(s, n, j2);
			size_t yk = year_at(s + j2, n - j2, &y);
			if (yk) {
				Ymd v = {y, m, d};
				if (!ymd_valid(v))
					return 0;
				h.date = v;
				h.has_year = 1;
				*hit = h;
				return j2 + yk;
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
		if (j > i + dk && (m = month_at(s + j, n - j, &k)) != 0) {
			size_t e = j + k;
			size_t j2 = e;
			if (j2 < n && s[j2] == ',')
				j2++;
			j2 = skip_spaces(s, n, j2);
			size_t yk = year_at(s + j2, n - j2, &y);
			if (yk) {
				Ymd v = {y, m, d};
				if (!ymd_valid(v))
					return 0;
				h.date = v;
				h.has_year = 1;
				*hit = h;
				return j2 + yk;
			}
			Ymd v = {2000, m, d};
			if (!ymd_valid(v))
				return 0;
			h.date.y = infer_year(m, d, ref);
			h.date.m = m;
			h.date.d = d;
			if (h.date.y && !ymd_valid(h.date))
				h.date.d = 0;
			*hit = h;
			return e;
		}
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
