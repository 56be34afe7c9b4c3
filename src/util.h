/*
** util.h — small things every file needs: allocation that never returns NULL, the
** exit codes, reading whole files, SHA-256 in hex, the current time in ISO 8601.
*/
#ifndef VIGIL_UTIL_H
#define VIGIL_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "blob.h"

/* The version, in `vigil --version`, the help and the User-Agent of fetches. */
#define VIGIL_VERSION "0.1.0"

/* Exit codes of every command. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_INTERNAL = 2 };

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* An internal error: prints "vigil: MESSAGE" and exits 2. */
void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* A one-line message to stderr, prefixed "vigil: ". */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reads a whole file ("-" = standard input) into out. Returns 0, or -1 with errno set. */
int read_file(const char *path, Blob *out);
/* The same, stopping with errno EFBIG once the file holds more than max bytes (so that
   standard input or a device cannot fill the memory). */
int read_file_max(const char *path, Blob *out, size_t max);

/* SHA-256 of data as 64 lowercase hex digits plus NUL. */
void sha256_hex(const void *data, size_t len, char out[65]);

/* Now in UTC as "YYYY-MM-DDTHH:MM:SSZ". */
void now_iso(char out[21]);

/* Parses a record id: a positive decimal number. Returns 1, or 0 when s is not one. */
int parse_id(const char *s, long long *id);

/* x as printf's "%.17g" writes it (the same bytes), into out; its length. Values from
   1e-4 to 1e15 are written from the double's bits with exact integer arithmetic, six
   times faster than printf (record digests write every coordinate this way); the others
   go to snprintf. */
size_t format_g17(double x, char out[32]);

/* 1 when s[0..n) is valid UTF-8 — no overlong forms, surrogates or code points past
   U+10FFFF — without NUL bytes: what the cleaner promises of its text, and what jansson
   reads as a string. */
int utf8_strict(const void *s, size_t n);

/* 1 when s starts with prefix. */
int starts_with(const char *s, const char *prefix);

#endif
