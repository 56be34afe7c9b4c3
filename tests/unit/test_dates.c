/*
** test_dates.c — calendar arithmetic and recognition of absolute dates.
*/
#include "testing.h"

#include <stdio.h>

#include "dates.h"

/* Scans s from its start and returns the ISO form, or "" when there is no date. */
static const char *scan(const char *s, Ymd ref, size_t *len)
{
	static char out[11];
	DateHit h;
	size_t k = date_scan(s, strlen(s), ref, &h);
	if (len)
		*len = k;
	if (!k)
		return "";
	ymd_format(h.date, out);
	return out;
}

static const Ymd none = {0, 0, 0};

static void test_calendar(void **state)
{
	(void)state;
	assert_int_equal(ymd_days(1970, 1, 1), 0);
	assert_int_equal(ymd_weekday(2012, 1, 6), 5); /* a Friday */
	assert_int_equal(ymd_weekday(2024, 7, 16), 2); /* a Tuesday */
	Ymd d = ymd_from_days(ymd_days(2012, 2, 29) + 1);
	assert_int_equal(d.m, 3);
	assert_int_equal(d.d, 1);
	assert_int_equal(days_in_month(2100, 2), 28);
	assert_int_equal(days_in_month(2000, 2), 29);
	Ymd bad = {2013, 2, 30};
	assert_false(ymd_valid(bad));
}

static void test_written_forms(void **state)
{
	(void)state;
	size_t k;
	assert_string_equal(scan("July 28, 2009 was", none, &k), "2009-07-28");
	assert_int_equal(k, 13);
	assert_string_equal(scan("28 July 2009", none, NULL), "2009-07-28");
	assert_string_equal(scan("Tuesday, July 16, 2024", none, NULL), "2024-07-16");
	assert_string_equal(scan("2013-02-09T10:00:00Z", none, NULL), "2013-02-09");
	assert_string_equal(scan("2013-02", none, NULL), "2013-02");
	assert_string_equal(scan("January 2012", none, NULL), "2012-01");
	assert_string_equal(scan("Sept. 3rd, 2010", none, NULL), "2010-09-03");
	assert_string_equal(scan("6th of January 2012", none, NULL), "2012-01-06");
	assert_string_equal(scan("31.12.2011", none, NULL), "2011-12-31");
	assert_string_equal(scan("12/31/2011", none, NULL), "2011-12-31");
	assert_string_equal(scan("February 30, 2013", none, NULL), "");
	assert_string_equal(scan("Mayday", none, NULL), "");
	assert_string_equal(scan("99999999999999999999", none, NULL), "");
}

static void test_missing_year(void **state)
{
	(void)state;
	Ymd jan6 = {2012, 1, 6};
	/* "Dec. 31" in a report of 6 January 2012 is the day before New Year, 2011 */
	assert_string_equal(scan("Dec. 31 deadline", jan6, NULL), "2011-12-31");
	assert_string_equal(scan("Jan 6 (Reuters)", jan6, NULL), "2012-01-06");
	/* a date a few weeks ahead is an announced one, the same year */
	Ymd dec4 = {2011, 12, 4};
	assert_string_equal(scan("December 12th", dec4, NULL), "2011-12-12");
	assert_string_equal(scan("Jan 6", none, NULL), "");
}

static void test_find(void **state)
{
	(void)state;
	size_t at, k;
	DateHit h;
	const char *s = "PARIS, Jan 6 (Reuters) - the leader";
	Ymd ref = {2012, 1, 6};
	k = date_find(s, strlen(s), ref, &at, &h);
	assert_int_equal(at, 7);
	assert_int_equal(k, 5);
	assert_false(h.has_year);
	k = date_find("no date here at all", 19, ref, &at, &h);
	assert_int_equal(k, 0);
}

/* date_phrase on s: "START" or "START..END", "" when nothing is recognised, "?" when
   recognised without a date; *len gets the bytes taken. */
static const char *phrase(const char *s, Ymd ref, size_t *len, int *flags)
{
	static char out[32];
	DateSpan d;
	size_t k = date_phrase(s, strlen(s), ref, &d);
	if (len)
		*len = k;
	if (flags)
		*flags = k ? d.flags : 0;
	if (!k)
		return "";
	if (!d.start.y)
		return "?";
	char a[11], b[11];
	ymd_format(d.start, a);
	ymd_format(d.end, b);
	snprintf(out, sizeof out, "%s%s%s", a, d.end.y ? ".." : "", b);
	return out;
}

static void test_relative(void **state)
{
	(void)state;
	Ymd fri = {2012, 1, 6}; /* a Friday */
	Ymd jul28 = {2009, 7, 28};
	size_t k;
	int fl;
	assert_string_equal(phrase("yesterday, the", jul28, &k, NULL), "2009-07-27");
	assert_int_equal(k, 9);
	assert_string_equal(phrase("on Friday the leader", fri, &k, &fl), "2012-01-06");
	assert_int_equal(k, 9);
	assert_true(fl & DS_WEEKDAY);
	assert_string_equal(phrase("on Wednesday", fri, NULL, NULL), "2012-01-04");
	assert_string_equal(phrase("last Friday", fri, NULL, NULL), "2011-12-30");
	assert_string_equal(phrase("at the end of last year, just", fri, &k, NULL), "2011-12");
	assert_int_equal(k, 23);
	assert_string_equal(phrase("since January imposed", jul28, &k, &fl), "2009-01");
	assert_true(fl & DS_SINCE);
	assert_string_equal(phrase("since the beginning of 2009 have", jul28, NULL, NULL), "2009-01");
	assert_string_equal(phrase("by the end of 2011.", fri, &k, &fl), "2011-12");
	assert_true(fl & DS_UNTIL);
	assert_string_equal(phrase("last week", fri, NULL, NULL), "2011-12-26..2012-01-01");
	assert_string_equal(phrase("this week", fri, NULL, NULL), "2012-01-02..2012-01-06");
	assert_string_equal(phrase("last month", fri, NULL, NULL), "2011-12");
	assert_string_equal(phrase("last year", fri, NULL, NULL), "2011");
	assert_string_equal(phrase("three days ago", fri, NULL, NULL), "2012-01-03");
	assert_string_equal(phrase("two months ago", fri, NULL, NULL), "2011-11");
	assert_string_equal(phrase("the day before yesterday", fri, NULL, NULL), "2012-01-04");
	assert_string_equal(phrase("tomorrow", fri, NULL, &fl), "2012-01-07");
	assert_true(fl & DS_FUTURE);
	assert_string_equal(phrase("in the coming days", fri, NULL, &fl), "?");
	assert_true(fl & DS_FUTURE);
	assert_string_equal(phrase("in coming days", fri, NULL, &fl), "?");
	assert_string_equal(phrase("in the 1970s the group", fri, NULL, NULL), "1970..1979");
	assert_string_equal(phrase("early 2012", fri, NULL, NULL), "2012-01..2012-04");
	assert_string_equal(phrase("in 2009 when", fri, NULL, NULL), "2009");
	/* without a reference date a relative date is recognised but not dated */
	assert_string_equal(phrase("yesterday", none, NULL, NULL), "?");
	assert_string_equal(phrase("a few months ago", fri, NULL, NULL), "");
	/* "may" is a verb, a bare year needs a preposition, a count is not a year */
	assert_string_equal(phrase("may attack", fri, NULL, NULL), "");
	assert_string_equal(phrase("2009 people", fri, NULL, NULL), "");
	assert_string_equal(phrase("over 2,000 people", fri, NULL, NULL), "");
}

static void test_spans(void **state)
{
	(void)state;
	Ymd ref = {2013, 3, 7};
	assert_string_equal(phrase("on April 18, 19 and 20, 2009 with", ref, NULL, NULL),
	                    "2009-04-18..2009-04-20");
	assert_string_equal(phrase("from 1 to 5 March", ref, NULL, NULL), "2013-03-01..2013-03-05");
	assert_string_equal(phrase("1-5 March 2012", ref, NULL, NULL), "2012-03-01..2012-03-05");
	assert_string_equal(phrase("between 3 and 5 February", ref, NULL, NULL), "2013-02-03..2013-02-05");
	assert_string_equal(phrase("March 1-5", ref, NULL, NULL), "2013-03-01..2013-03-05");
	assert_string_equal(phrase("from January to March 2012", ref, NULL, NULL), "2012-01..2012-03");
	assert_string_equal(phrase("The February 9 rocket", ref, NULL, NULL), "");
	assert_string_equal(phrase("February 9 rocket", ref, NULL, NULL), "2013-02-09");
	assert_string_equal(phrase("Wednesday, March 6, Iranian", ref, NULL, NULL), "2013-03-06");
	assert_string_equal(phrase("in July 2010 the", ref, NULL, NULL), "2010-07");
	/* two months joined by "and" are a span; a count after "and" is none */
	assert_string_equal(phrase("in June and July 2009 soldiers", ref, NULL, NULL), "2009-06..2009-07");
	assert_string_equal(phrase("in June and 300 people", ref, NULL, NULL), "2012-06");
	/* the weekend after a preposition: the last one, Saturday and Sunday (7 March 2013 is a
	   Thursday) */
	assert_string_equal(phrase("over the weekend, police", ref, NULL, NULL), "2013-03-02..2013-03-03");
	assert_string_equal(phrase("at the weekend", ref, NULL, NULL), "2013-03-02..2013-03-03");
	assert_string_equal(phrase("over 300 people", ref, NULL, NULL), "");
	/* out of range, impossible */
	assert_string_equal(phrase("in 1850", ref, NULL, NULL), "?");
	assert_string_equal(phrase("on February 30, 2013", ref, NULL, NULL), "");
	assert_string_equal(phrase("99999999999999999999", ref, NULL, NULL), "");
}

/* date_phrase stops at once at a word no date expression starts with (may_start_date):
   every word it reads first still starts one, written with a capital too, and a month
   or weekday name still does. */
static void test_first_words(void **state)
{
	(void)state;
	Ymd fri = {2012, 1, 6};
	static const char *const starts[] = {
		"a month ago", "an year ago", "around 12 March 2011", "at 5 March", "before 2010",
		"beginning of 2010", "between 3 and 5 February", "by March", "coming Friday", "during 2011",
		"earlier today", "early 2011", "eight days ago", "eleven months ago", "end of March 2011",
		"five days ago", "four weeks ago", "from January to March 2011", "in 2009", "last week",
		"late March 2011", "later this week", "mid-2011", "next month", "nine days ago", "of 2009",
		"on Friday", "one year ago", "over the weekend", "past week", "previous month", "seven days ago", "since 2010",
		"six days ago", "start of 2010", "ten days ago", "the 1970s", "this year", "three days ago",
		"throughout 2011", "till March", "today", "tomorrow", "tonight", "twelve days ago",
		"two days ago", "until 2011", "yesterday", "zero days ago", "Sept. 5, 2011", "Thurs 5 January",
		"Jan 6", "Wednesday", "December 2011",
	};
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		char up[64];
		snprintf(up, sizeof up, "%s", starts[i]);
		up[0] = (char)(up[0] >= 'a' && up[0] <= 'z' ? up[0] - 32 : up[0]);
		if (!*phrase(starts[i], fri, NULL, NULL))
			fail_msg("no date in '%s'", starts[i]);
		if (!*phrase(up, fri, NULL, NULL))
			fail_msg("no date in '%s'", up);
	}
	assert_string_equal(phrase("Throughout 2011 the", fri, NULL, NULL), "2011");
	assert_string_equal(phrase("Twelve days ago", fri, NULL, NULL), "2011-12-25");
	assert_string_equal(phrase("Residents said on Friday", fri, NULL, NULL), "");
	assert_string_equal(phrase("Throughoutly 2011", fri, NULL, NULL), "");
	assert_string_equal(phrase("Septembers", fri, NULL, NULL), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_written_forms),
		cmocka_unit_test(test_missing_year),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_first_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
