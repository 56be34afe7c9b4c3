/*
** test_dates.c — calendar arithmetic and recognition of absolute dates.
*/
#include "testing.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_written_forms),
		cmocka_unit_test(test_missing_year),
		cmocka_unit_test(test_find),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
