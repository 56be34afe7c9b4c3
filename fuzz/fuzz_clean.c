/*
** fuzz_clean.c — fuzz target for the cleaner: any bytes, as HTML or as text.
*/
#include "clean.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"page.html", "page.txt", NULL};
	for (int i = 0; i < 3; i++) {
		CleanDoc d = {0};
		Blob err = BLOB_INIT;
		clean_doc((const char *)data, size, names[i], &d, &err);
		for (size_t k = 0; k < d.text.len; k += 97)
			if (clean_orig_offset(&d, k) > size)
				__builtin_trap();
		clean_free(&d);
		blob_free(&err);
	}
	return 0;
}
