/*
** test_gzip.c — what Accept-Encoding values accept gzip, and a compressed body inflates
** to the bytes given.
*/
#include "testing.h"

#include "gzip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libdeflate.h>

static void test_accepted(void **state)
{
	(void)state;
	const char *yes[] = {"gzip", "deflate, gzip", "gzip;q=0.5", "GZIP", "x-gzip", "*", "br;q=1, *;q=0.1",
	                     "gzip, deflate, br, zstd", " gzip ; q=1.0", "gzip;q=0.001", "gzip;level=1"};
	const char *no[] = {"", "identity", "gzip;q=0", "gzip; q=0.000", "*;q=0", "gzip;q=0, *", "gzipx",
	                    "deflate", "br, zstd", "xgzip", "gzip;q=0.0 , deflate"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		if (!gzip_accepted(yes[i]))
			fprintf(stderr, "refused: %s\n", yes[i]);
		assert_true(gzip_accepted(yes[i]));
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		if (gzip_accepted(no[i]))
			fprintf(stderr, "accepted: %s\n", no[i]);
		assert_false(gzip_accepted(no[i]));
	}
	assert_false(gzip_accepted(NULL));
}

static void test_worth(void **state)
{
	(void)state;
	assert_true(gzip_worth("text/html; charset=utf-8", 5000));
	assert_true(gzip_worth("application/json", 5000));
	assert_true(gzip_worth("application/atom+xml; charset=utf-8", 5000));
	assert_false(gzip_worth("text/html", 100));
	assert_false(gzip_worth("application/octet-stream", 5000));
	assert_false(gzip_worth("image/png", 5000));
	assert_false(gzip_worth(NULL, 5000));
}

static void test_roundtrip(void **state)
{
	(void)state;
	Blob in = BLOB_INIT, z = BLOB_INIT;
	for (int i = 0; i < 400; i++)
		blob_appendf(&in, "<tr><td>incident %d</td><td>shelling of the camp, %d killed</td></tr>\n", i, i % 7);
	assert_int_equal(gzip_body(in.data, in.len, &z), 0);
	assert_true(z.len * 5 < in.len);
	assert_int_equal((unsigned char)z.data[0], 0x1f); /* the gzip magic */
	assert_int_equal((unsigned char)z.data[1], 0x8b);
	char *out = malloc(in.len + 16);
	size_t got = 0;
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
	assert_int_equal(libdeflate_gzip_decompress(d, z.data, z.len, out, in.len + 16, &got), LIBDEFLATE_SUCCESS);
	assert_int_equal(got, in.len);
	assert_memory_equal(out, in.data, in.len);
	libdeflate_free_decompressor(d);
	free(out);
	/* nothing to compress is still a gzip stream */
	assert_int_equal(gzip_body("", 0, &z), 0);
	assert_true(z.len >= 18);
	blob_free(&in);
	blob_free(&z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_worth),
		cmocka_unit_test(test_roundtrip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
