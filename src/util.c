/*
** util.c — allocation, messages, whole-file reads, hashing and time (see util.h).
*/
#include "util.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		fatal("out of memory (%zu bytes)", n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		fatal("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		fatal("out of memory (%zu bytes)", n);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void fatal(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("vigil: internal error: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(EXIT_INTERNAL);
}

void warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("vigil: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

int read_file(const char *path, Blob *out)
{
	return read_file_max(path, out, SIZE_MAX);
}

int read_file_max(const char *path, Blob *out, size_t max)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return -1;
	char buf[65536];
	size_t n;
	int err = 0;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (n > max - out->len) {
			err = EFBIG;
			break;
		}
		blob_append(out, buf, n);
	}
	if (!err && ferror(f))
		err = errno ? errno : EIO;
	if (f != stdin)
		fclose(f);
	if (err) {
		errno = err;
		return -1;
	}
	blob_reserve(out, 0);
	out->data[out->len] = 0;
	return 0;
}

/* SHA-256 by Nettle: about 1.6 times libsodium's speed here (545 against 330 MB/s), and
   already loaded with GnuTLS (libmicrohttpd), so it costs no start-up time; OpenSSL's
   libcrypto is faster still but adds about 1 ms to every start of vigil. */
void sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char h[SHA256_DIGEST_SIZE];
	struct sha256_ctx c;
	sha256_init(&c);
	sha256_update(&c, len, data);
	sha256_digest(&c, sizeof h, h);
	sodium_bin2hex(out, 65, h, sizeof h);
}

void now_iso(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int parse_id(const char *s, long long *id)
{
	char *end;
	if (!s || *s < '0' || *s > '9')
		return 0;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (*end || errno || v <= 0)
		return 0;
	*id = v;
	return 1;
}
