/*
** blob.h — growable byte buffers and the escaping formatter.
**
** A Blob is the one buffer type of vigil: text being cleaned, JSON being written, an
** HTML page being rendered. blob_appendf() is printf into a Blob; html_appendf() is the
** same formatter with every %s and %c escaped for HTML, so a page is safe by
** construction (trusted fragments are added with blob_append, never through %s).
** Both keep printf's syntax so the compiler checks every argument.
*/
#ifndef VIGIL_BLOB_H
#define VIGIL_BLOB_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Blob {
	char *data;   /* always NUL-terminated when len > 0 or after blob_str() */
	size_t len;
	size_t cap;
} Blob;

#define BLOB_INIT {0, 0, 0}

void blob_reserve(Blob *b, size_t extra);
void blob_append(Blob *b, const void *p, size_t n);
void blob_puts(Blob *b, const char *s);
void blob_putc(Blob *b, int c);
void blob_reset(Blob *b);              /* len = 0, keeps the memory */
void blob_free(Blob *b);               /* releases the memory */
void blob_truncate(Blob *b, size_t len);
const char *blob_str(Blob *b);         /* NUL-terminated contents ("" when empty) */
char *blob_steal(Blob *b);             /* hands the malloc'd string to the caller */

void blob_appendf(Blob *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void blob_vappendf(Blob *b, const char *fmt, va_list ap);
void html_appendf(Blob *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html_vappendf(Blob *b, const char *fmt, va_list ap);

/* Escapers, appending to b. */
void blob_html(Blob *b, const char *s, size_t n);   /* & < > " ' escaped */
void blob_json(Blob *b, const char *s, size_t n);   /* JSON string body, no quotes */
void blob_json_str(Blob *b, const char *s);         /* "quoted" or null when s == NULL */
/* A decimal number, what "%lld" writes (the exports write millions: printf was a third
   of the JSON export's time). */
void blob_ll(Blob *b, long long v);
void blob_json_num(Blob *b, long long v, long long min); /* v, or null when v < min */
/* ,"key":value — one member after the first of an object: value as blob_json_str()
   writes it; key is a literal of the program (written as it is, not escaped). */
void blob_json_field(Blob *b, const char *key, const char *value);
void blob_url(Blob *b, const char *s, size_t n);    /* percent-encoding (RFC 3986) */

#endif
