/*
** fuzz_edit.c — fuzz target for what a person types: FIELD=VALUE edits (edit_check) and
** counts (count_parse). A refusal must say why; an accepted count must be a range.
*/
#include "records.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	Blob err = BLOB_INIT;
	if (edit_check(s, &err) != 0 && !err.len)
		__builtin_trap();
	long long min, max;
	if (count_parse(s, &min, &max) && (min < 0 || (max >= 0 && max < min)))
		__builtin_trap();
	Blob out = BLOB_INIT;
	count_format(&out, min, max);
	blob_free(&out);
	blob_free(&err);
	free(s);
	return 0;
}
