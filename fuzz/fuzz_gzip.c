/*
** fuzz_gzip.c — fuzz target for the reading of Accept-Encoding (a header any client
** sends) and for compressing: the input as a header value must give 0 or 1, and the input
** compressed must inflate to itself.
*/
#include "gzip.h"

#include <libdeflate.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = 0;
	int a = gzip_accepted(s);
	if (a != 0 && a != 1)
		__builtin_trap();
	Blob z = BLOB_INIT;
	if (gzip_body((const char *)data, size, &z) == 0) {
		char *out = malloc(size + 1);
		size_t got = 0;
		struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
		if (libdeflate_gzip_decompress(d, z.data, z.len, out, size + 1, &got) != LIBDEFLATE_SUCCESS || got != size ||
		    memcmp(out, data, size) != 0)
			__builtin_trap();
		libdeflate_free_decompressor(d);
		free(out);
	} else
		__builtin_trap();
	blob_free(&z);
	free(s);
	return 0;
}
