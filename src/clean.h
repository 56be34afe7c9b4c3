/*
** clean.h — from the bytes of a report as it arrived to readable text and metadata.
**
** clean_doc() takes the original bytes (HTML page, text saved from a web page, e-mail)
** and returns the article text — NFC UTF-8, one block per paragraph or heading,
** blocks separated by a blank line — with the title, publication date, publisher,
** author and language it could establish, and a map from every byte of the text back to
** the byte of the original it came from, so evidence quotes point into the original.
** Pure code: bytes in, CleanDoc out, no I/O, no globals.
*/
#ifndef VIGIL_CLEAN_H
#define VIGIL_CLEAN_H

#include <stddef.h>
#include <stdint.h>

#include "blob.h"

/* The offset map is a sorted list of segments: text bytes from seg.text up to the next
   segment's start came from original bytes starting at seg.orig, one for one. */
typedef struct OffSeg {
	uint32_t text;
	uint32_t orig;
} OffSeg;

typedef struct CleanDoc {
	Blob text;
	OffSeg *map;
	size_t nmap, capmap;
	char *media_type; /* "text/html", "text/plain", "message/rfc822", … */
	char *title, *published, *publisher, *author, *language; /* NULL when unknown */
} CleanDoc;

/* Cleans len bytes (name, when not NULL, is the file name: a hint for the media type).
   Returns 0, or 1 with a one-line reason in err when the input cannot be read as a
   report (empty, binary, …). out must be zeroed; free it with clean_free either way. */
int clean_doc(const char *bytes, size_t len, const char *name, CleanDoc *out, Blob *err);

/* What is known of a report besides its bytes: where it came from (a URL, perhaps with a
   date in its path) and when it was received (ISO 8601). Either may be NULL. They give a
   date written without a year its year when the report itself does not. */
typedef struct CleanCtx {
	const char *source;
	const char *received;
} CleanCtx;

/* clean_doc with that context (ctx may be NULL). */
int clean_doc_ctx(const char *bytes, size_t len, const char *name, const CleanCtx *ctx, CleanDoc *out,
                  Blob *err);
void clean_free(CleanDoc *d);

/* Where the word lists (the .txt files under DIR/clean) are; call before the first clean_doc. Without
   it they come from $VIGIL_DATA or the build tree. clean_data_missing() says whether
   some could not be read (cleaning still works, less well). */
void clean_set_datadir(const char *dir);
int clean_data_missing(void);

/* The media type of the bytes, from their content first and the name second. */
const char *media_sniff(const char *bytes, size_t len, const char *name);

/* The original byte offset of a text offset. */
size_t clean_orig_offset(const CleanDoc *d, size_t text_off);
/* The map as bytes for storage (little-endian u32 pairs) and a lookup over them. */
void offmap_serialize(const CleanDoc *d, Blob *out);
size_t offmap_lookup(const void *map, size_t map_len, size_t text_off);

#endif
