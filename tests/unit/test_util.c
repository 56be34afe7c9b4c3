/*
** test_util.c — helpers of util.c: format_g17 against printf's "%.17g", byte for byte
** (record digests hash numbers as that format wrote them: any difference would make
** vigil verify report every record with a coordinate as changed).
*/
#include "testing.h"

#include "util.h"

#include <math.h>
#include <stdio.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_g17_values),
		cmocka_unit_test(test_g17_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
