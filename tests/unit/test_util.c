/*
** test_util.c — helpers of util.c: format_g17 against printf's "%.17g", byte for byte
** (record digests hash numbers as that format wrote them: any difference would make
** vigil verify report every record with a coordinate as changed); utf8_strict on every
** position of a bad byte or NUL, inside and after its eight-bytes-at-a-time ASCII runs.
*/
#include "testing.h"

#include "util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void check(double x)
{
	char got[32], want[64];
	size_t n = format_g17(x, got);
	snprintf(want, sizeof want, "%.17g", x);
	assert_string_equal(got, want);
	assert_int_equal(n, strlen(want));
}

static void test_g17_values(void **state)
{
	(void)state;
	const double v[] = {0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.5, -7.25, 1e-4, 9.9999999999999991e-5, 1e-5,
	                    0.0001000000000000000048, 1e14, 99999999999999.99, 999999999999999.9, 1e15,
	                    123456789012345.0, 33.09413, 44.582788, -122.4194, 89.999999999999986, 1e300,
	                    -1e-300, 5e-324, INFINITY, -INFINITY, NAN, 0.30000000000000004, 1.0 / 3.0};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		check(v[i]);
	/* the rounding of the 17th digit, on both sides of ties, and carries into a new digit */
	check(9.99999999999999999e-2);
	check(nextafter(1.0, 0.0));
	check(nextafter(10.0, 0.0));
	check(nextafter(1e-4, 1.0));
}

/* Pseudo-random doubles: coordinates, every exponent of the fast path and beyond, raw bits. */
static void test_g17_random(void **state)
{
	(void)state;
	uint64_t r = 88172645463325252ULL;
	for (int i = 0; i < 300000; i++) {
		r ^= r << 13;
		r ^= r >> 7;
		r ^= r << 17;
		double u = (double)(r >> 11) / 9007199254740992.0, x;
		switch (i % 4) {
		case 0: x = u * 360 - 180; break;
		case 1: x = ldexp(u, (int)(r % 90) - 30); break;
		case 2: memcpy(&x, &r, sizeof x); break;
		default: x = (double)(r % 1000000) / pow(10, (double)(i % 12)); break;
		}
		check(x);
	}
}

/* utf8_strict agrees with a byte-by-byte reading wherever in a long ASCII text the
   fault is: a NUL, a lone continuation byte, a cut sequence, an overlong form, a
   surrogate; good two-, three- and four-byte sequences pass anywhere. */
static void test_utf8_strict(void **state)
{
	(void)state;
	static const struct {
		const char *seq;
		size_t len;
		int ok;
	} cases[] = {
		{"\0", 1, 0},         {"\x80", 1, 0},         {"\xC3", 1, 0},      {"\xC0\xAF", 2, 0},
		{"\xED\xA0\x80", 3, 0}, {"\xF4\x90\x80\x80", 4, 0}, {"\xC3\xA9", 2, 1}, {"\xE2\x80\xA6", 3, 1},
		{"\xF0\x9F\x98\x80", 4, 1},
	};
	char text[64];
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		for (size_t at = 0; at + cases[c].len <= sizeof text; at++) {
			memset(text, 'a', sizeof text);
			memcpy(text + at, cases[c].seq, cases[c].len);
			/* a cut sequence at the very end is bad too; a good one is good anywhere */
			assert_int_equal(utf8_strict(text, sizeof text), cases[c].ok);
			assert_int_equal(utf8_strict(text, at + cases[c].len), cases[c].ok);
		}
	}
	memset(text, 'a', sizeof text);
	assert_int_equal(utf8_strict(text, sizeof text), 1);
	assert_int_equal(utf8_strict("\xC3\xA9", 1), 0); /* cut short by the length */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_g17_values),
		cmocka_unit_test(test_g17_random),
		cmocka_unit_test(test_utf8_strict),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
