/*
** test_blob.c — buffers, escapers and the escaping formatter.
*/
#include "testing.h"

#include "blob.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void test_appendf(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	blob_appendf(&b, "%d-%s-%5.2f-%zu-%lld-%x-%c-%%", 42, "x<y", 3.14159, (size_t)7, -9LL, 255, 'q');
	assert_string_equal(blob_str(&b), "42-x<y- 3.14-7--9-ff-q-%");
	blob_reset(&b);
	blob_appendf(&b, "[%-4s][%4s][%.2s][%*d][%.*s]", "ab", "ab", "abcdef", 3, 5, 1, "zz");
	assert_string_equal(blob_str(&b), "[ab  ][  ab][ab][  5][z]");
	blob_free(&b);
}

/* The plain %s, %d, %ld, %lld, %u, %lu, %llu and %zu are written without snprintf: they
   must give what printf gives, at the edges too. */
static void test_appendf_plain_integers(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	char want[512];
	const char *volatile none = NULL; /* volatile: the compiler may not see it is NULL */
	blob_appendf(&b, "%d %d %d %ld %lld %lld %lld %u %lu %llu %zu %i|%s|", 0, INT_MIN, INT_MAX, LONG_MIN,
	             LLONG_MIN, LLONG_MAX, -1LL, UINT_MAX, ULONG_MAX, ULLONG_MAX, (size_t)SIZE_MAX, -7,
	             none);
	snprintf(want, sizeof want, "%d %d %d %ld %lld %lld %lld %u %lu %llu %zu %i|%s|", 0, INT_MIN, INT_MAX,
	         LONG_MIN, LLONG_MIN, LLONG_MAX, -1LL, UINT_MAX, ULONG_MAX, ULLONG_MAX, (size_t)SIZE_MAX, -7, "");
	assert_string_equal(blob_str(&b), want);
	blob_reset(&b);
	html_appendf(&b, "%s%lld%s", "<a>", 12LL, "&");
	assert_string_equal(blob_str(&b), "&lt;a&gt;12&amp;");
	blob_free(&b);
}

static void test_html_escapes_every_string(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	html_appendf(&b, "<p title=\"%s\">%s %d %c</p>", "\"><script>", "a&b'c", 7, '<');
	assert_string_equal(blob_str(&b),
	                    "<p title=\"&quot;&gt;&lt;script&gt;\">a&amp;b&#39;c 7 &lt;</p>");
	blob_free(&b);
}

/* The formatter's plain %s (a vector search for the bytes to escape) writes what
   blob_html and the %.*s path write, wherever the special bytes are in a long string. */
static void test_html_plain_s_agrees(void **state)
{
	(void)state;
	const char specials[] = "&<>\"'";
	char text[80];
	for (size_t k = 0; k < sizeof specials - 1; k++)
		for (size_t at = 0; at < sizeof text - 1; at += 7) {
			memset(text, 'x', sizeof text - 1);
			text[sizeof text - 1] = 0;
			text[at] = specials[k];
			text[(at * 3 + 5) % (sizeof text - 1)] = specials[(k + 1) % (sizeof specials - 1)];
			Blob a = BLOB_INIT, e = BLOB_INIT, p = BLOB_INIT;
			html_appendf(&a, "<%s>", text);
			blob_putc(&e, '<');
			blob_html(&e, text, strlen(text));
			blob_putc(&e, '>');
			html_appendf(&p, "<%.*s>", (int)strlen(text), text);
			assert_string_equal(blob_str(&a), blob_str(&e));
			assert_string_equal(blob_str(&p), blob_str(&e));
			assert_null(strchr(blob_str(&a) + 1, '<'));
			blob_free(&a);
			blob_free(&e);
			blob_free(&p);
		}
	Blob b = BLOB_INIT;
	html_appendf(&b, "%s|%s", "a'b\"c", "");
	assert_string_equal(blob_str(&b), "a&#39;b&quot;c|");
	blob_free(&b);
}

static void test_json_and_url(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	blob_json_str(&b, "a\"b\\c\n\x01</script>");
	assert_string_equal(blob_str(&b), "\"a\\\"b\\\\c\\n\\u0001\\u003c/script>\"");
	blob_reset(&b);
	blob_json_str(&b, NULL);
	assert_string_equal(blob_str(&b), "null");
	blob_reset(&b);
	blob_url(&b, "a b&c=d/é", strlen("a b&c=d/é"));
	assert_string_equal(blob_str(&b), "a%20b%26c%3Dd%2F%C3%A9");
	blob_free(&b);
}

static void test_growth_and_steal(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	for (int i = 0; i < 100000; i++)
		blob_putc(&b, 'a' + i % 26);
	assert_int_equal(b.len, 100000);
	assert_int_equal(b.data[26], 'a');
	blob_truncate(&b, 3);
	char *s = blob_steal(&b);
	assert_string_equal(s, "abc");
	assert_null(b.data);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_appendf),
		cmocka_unit_test(test_appendf_plain_integers),
		cmocka_unit_test(test_html_escapes_every_string),
		cmocka_unit_test(test_html_plain_s_agrees),
		cmocka_unit_test(test_json_and_url),
		cmocka_unit_test(test_growth_and_steal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
