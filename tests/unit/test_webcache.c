/*
** test_webcache.c — the response cache of `vigil serve`: a page is kept from the second
** time it is made (one made once is remembered, not kept), a hit gives the bytes and
** headers put, and a change of the database (a new generation) makes every entry stale.
*/
#include "testing.h"

#include "webcache.h"

static void put(const char *key, const char *body)
{
	Blob h = BLOB_INIT;
	blob_puts(&h, "X-Test: 1\n");
	webcache_put(key, webcache_generation(), 200, "text/html", body, strlen(body), &h);
	blob_free(&h);
}

/* 1 when key is in the cache with body; the reference and headers released. */
static int has(const char *key, const char *body)
{
	WebCached c;
	if (!webcache_get(key, &c))
		return 0;
	int same = c.status == 200 && c.len == strlen(body) && memcmp(c.data, body, c.len) == 0 &&
	           c.headers.len == 10 && memcmp(c.headers.data, "X-Test: 1\n", 10) == 0;
	webcache_release(c.body);
	blob_free(&c.headers);
	return same ? 1 : -1;
}

static void test_admission(void **state)
{
	(void)state;
	webcache_init(1 << 20);
	put("0 0 h /incident/1?", "<p>one</p>");
	assert_int_equal(has("0 0 h /incident/1?", "<p>one</p>"), 0); /* made once: not kept */
	put("0 0 h /incident/1?", "<p>one</p>");
	assert_int_equal(has("0 0 h /incident/1?", "<p>one</p>"), 1); /* asked again: kept */
	assert_int_equal(has("0 0 h /incident/2?", "<p>two</p>"), 0);
	/* another key in between does not make the first one forgotten */
	put("0 0 h /incident/2?", "<p>two</p>");
	put("0 0 h /incident/2?", "<p>two</p>");
	assert_int_equal(has("0 0 h /incident/1?", "<p>one</p>"), 1);
	assert_int_equal(has("0 0 h /incident/2?", "<p>two</p>"), 1);
	webcache_changed();
	assert_int_equal(has("0 0 h /incident/1?", "<p>one</p>"), 0); /* stale after a change */
	put("0 0 h /incident/1?", "<p>one, changed</p>"); /* remembered from before: kept */
	assert_int_equal(has("0 0 h /incident/1?", "<p>one, changed</p>"), 1);
	webcache_free();
	assert_int_equal(has("0 0 h /incident/1?", "<p>one, changed</p>"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admission),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
