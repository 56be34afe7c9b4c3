/*
** test_fetch.c — the pure parts of fetching: which addresses the web server refuses to
** fetch from (fetch_non_public), the file name a fetched page is stored under, the
** capture's canonical JSON. The transfers themselves are tested end to end
** (tests/e2e/fetch.sh, against a local HTTP server).
*/
#include "testing.h"

#include "fetch.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

/* fetch_non_public on a textual IPv4 or IPv6 address. */
static int non_public(const char *text)
{
	struct sockaddr_in a4 = {0};
	struct sockaddr_in6 a6 = {0};
	if (inet_pton(AF_INET, text, &a4.sin_addr) == 1) {
		a4.sin_family = AF_INET;
		return fetch_non_public((struct sockaddr *)&a4);
	}
	assert_int_equal(inet_pton(AF_INET6, text, &a6.sin6_addr), 1);
	a6.sin6_family = AF_INET6;
	return fetch_non_public((struct sockaddr *)&a6);
}

static void test_addresses(void **state)
{
	(void)state;
	const char *inside[] = {"127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255",
	                        "192.168.1.10", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
	                        "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
	                        "ff02::1", "::ffff:127.0.0.1", "::ffff:192.168.0.1"};
	const char *outside[] = {"8.8.8.8", "172.15.255.255", "172.32.0.1", "192.167.1.1", "100.128.0.1",
	                         "93.184.216.34", "2001:4860:4860::8888", "::ffff:8.8.4.4"};
	for (size_t i = 0; i < sizeof inside / sizeof *inside; i++)
		if (!non_public(inside[i]))
			fail_msg("%s should be refused", inside[i]);
	for (size_t i = 0; i < sizeof outside / sizeof *outside; i++)
		if (non_public(outside[i]))
			fail_msg("%s should be allowed", outside[i]);
}

/* The name fetch_file_name gives a page at final_url served as type. */
static char *name_of(const char *final_url, const char *type)
{
	Fetched f = {0};
	Blob b = BLOB_INIT;
	f.url = f.final_url = (char *)final_url;
	f.content_type = (char *)type;
	fetch_file_name(&f, &b);
	return blob_steal(&b);
}

static void test_file_names(void **state)
{
	(void)state;
	struct { const char *url, *type, *want; } cases[] = {
		{"https://example.org/news/2021/shelling.html", "text/html", "shelling.html"},
		{"https://example.org/news/2021/shelling", "text/html; charset=utf-8", "shelling.html"},
		{"https://example.org/news/item.php?id=4#top", "text/html", "item.php.html"},
		{"https://example.org/", "text/html", "index.html"},
		{"https://example.org", NULL, "index"},
		{"https://example.org/statements/", "text/plain", "statements.txt"},
		{"https://example.org/a/b%20c d.txt", "text/plain", "b_20c_d.txt"},
		{"https://example.org/letter.htm", "text/html", "letter.htm"},
		{"https://example.org/x/message", "message/rfc822", "message.eml"},
		{"https://example.org/data", "application/octet-stream", "data"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = name_of(cases[i].url, cases[i].type);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s: '%s', wanted '%s'", cases[i].url, got, cases[i].want);
		free(got);
	}
	/* a long segment is cut to 100 characters before the extension */
	char url[400] = "https://example.org/";
	memset(url + strlen(url), 'x', 300);
	char *got = name_of(url, "text/html");
	assert_int_equal(strlen(got), 105);
	free(got);
}

static void test_capture_json(void **state)
{
	(void)state;
	Fetched f = {0};
	f.url = "http://example.org/a";
	f.final_url = "https://example.org/a\"b";
	f.status = 200;
	f.content_type = "text/html";
	strcpy(f.fetched_at, "2022-05-04T10:00:00Z");
	Blob b = BLOB_INIT;
	fetch_capture_json(&f, &b);
	assert_string_equal(blob_str(&b),
	                    "{\"content_type\":\"text/html\",\"etag\":null,\"fetched_at\":\"2022-05-04T10:00:00Z\","
	                    "\"final_url\":\"https://example.org/a\\\"b\",\"last_modified\":null,\"status\":200,"
	                    "\"url\":\"http://example.org/a\"}");
	blob_free(&b);
	assert_true(fetch_is_url("HTTPS://example.org"));
	assert_true(fetch_is_url("http://x"));
	assert_false(fetch_is_url("ftp://x"));
	assert_false(fetch_is_url("report.html"));
	assert_false(fetch_is_url("http:/x"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_file_names),
		cmocka_unit_test(test_capture_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
