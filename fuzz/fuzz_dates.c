/*
** fuzz_dates.c — fuzz target for date recognition: every position of the input is
** scanned, with and without a reference date; every hit must be a valid date.
*/
#include "dates.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	Ymd refs[2] = {{0, 0, 0}, {2012, 1, 6}};
	for (int r = 0; r < 2; r++)
		for (size_t i = 0; i < size; i++) {
			DateHit h;
			size_t k = date_scan(s + i, size - i, refs[r], &h);
			if (k > size - i)
				__builtin_trap();
			if (k && h.date.y && !ymd_valid(h.date))
				__builtin_trap();
		}
	return 0;
}
