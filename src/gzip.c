/*
** gzip.c — responses compressed for the clients that ask for it (libdeflate), and the
** reading of what a client asks for in Accept-Encoding.
**
** People read vigil over bad networks (a monitor's laptop on a satellite link, a phone in
** a camp): pages of HTML and JSON shrink to a fifth or less, so a page that took seconds
** to arrive takes a fraction. Browsers, curl --compressed and most HTTP libraries of
** scripts say "Accept-Encoding: gzip"; the others get the bytes as they are.
**
** libdeflate, not zlib: a page is compressed in one call from memory, and zlib's set-up
** of its window and tables for each page cost more than the compressing (a 5 kB incident
** page: zlib level 1 with its stream made each time ~170 us, kept and reset ~50 us;
** libdeflate level 1 ~20 us, on the same busy machine).
*/
#include "gzip.h"

#include <string.h>
#include <strings.h>
#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>

/* Whether the value of q in one element's parameters (";q=0.5") is zero: "0", "0.", "0.0"
   up to three decimals. A value that is not a number counts as acceptable. */
static int q_zero(const char *p, const char *end)
{
	while (p < end) {
		while (p < end && (*p == ';' || *p == ' ' || *p == '\t'))
			p++;
		if (end - p >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
			p += 2;
			if (p >= end || *p != '0')
				return 0;
			p++;
			if (p < end && *p == '.')
				for (p++; p < end && *p == '0'; p++)
					;
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			return p == end || *p == ';';
		}
		while (p < end && *p != ';')
			p++;
	}
	return 0;
}

int gzip_accepted(const char *accept_encoding)
{
	const char *s = accept_encoding;
	int gzip = -1, star = -1; /* -1 not named, 0 refused, 1 accepted */
	while (s && *s) {
		const char *end = strchr(s, ',');
		if (!end)
			end = s + strlen(s);
		const char *a = s;
		while (a < end && (*a == ' ' || *a == '\t'))
			a++;
		const char *z = a;
		while (z < end && *z != ';' && *z != ' ' && *z != '\t')
			z++;
		size_t n = (size_t)(z - a);
		int ok = !q_zero(z, end);
		if ((n == 4 && strncasecmp(a, "gzip", 4) == 0) || (n == 6 && strncasecmp(a, "x-gzip", 6) == 0))
			gzip = ok;
		else if (n == 1 && *a == '*')
			star = ok;
		s = *end ? end + 1 : end;
	}
	return gzip >= 0 ? gzip : star > 0;
}

int gzip_worth(const char *ctype, size_t len)
{
	if (!ctype || len < GZIP_MIN)
		return 0;
	return strncmp(ctype, "text/", 5) == 0 || strncmp(ctype, "application/json", 16) == 0 ||
	       strncmp(ctype, "application/atom+xml", 20) == 0 || strncmp(ctype, "application/geo+json", 20) == 0 ||
	       strncmp(ctype, "image/svg+xml", 13) == 0;
}

/* Each thread's compressor (libdeflate's state is large and set up once), freed when
   the thread ends. */
static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void compressor_free(void *p)
{
	libdeflate_free_compressor(p);
}

static void key_make(void)
{
	if (pthread_key_create(&key, compressor_free) != 0)
		abort();
}

int gzip_body(const char *data, size_t len, Blob *out)
{
	pthread_once(&once, key_make);
	struct libdeflate_compressor *c = pthread_getspecific(key);
	if (!c) {
		/* level 1: a page is 60% the size level 6 would make it, and within 4-12% of
		   it, in a third of the time */
		if (!(c = libdeflate_alloc_compressor(1)))
			return -1;
		if (pthread_setspecific(key, c) != 0) {
			libdeflate_free_compressor(c);
			return -1;
		}
	}
	size_t bound = libdeflate_gzip_compress_bound(c, len);
	blob_reset(out);
	blob_reserve(out, bound + 1);
	size_t n = libdeflate_gzip_compress(c, data, len, out->data, bound);
	if (!n)
		return -1;
	out->len = n;
	out->data[n] = 0;
	return 0;
}
