/*
** gzip.h — responses compressed for the clients that ask for it (see gzip.c).
*/
#ifndef VIGIL_GZIP_H
#define VIGIL_GZIP_H

#include <stddef.h>

#include "blob.h"

#define GZIP_MIN 512 /* smaller bodies gain less than the gzip wrapper and a round of zlib cost */

/* Whether an Accept-Encoding value (NULL: none sent) accepts gzip: "gzip" or "x-gzip"
   without q=0, else "*" without q=0. */
int gzip_accepted(const char *accept_encoding);
/* Whether a body of this type and length is worth compressing (text, JSON, Atom, SVG). */
int gzip_worth(const char *ctype, size_t len);
/* out = data compressed in the gzip format; 0, or -1 (out undefined). Thread-safe: each
   thread has its own compressor. */
int gzip_body(const char *data, size_t len, Blob *out);

#endif
