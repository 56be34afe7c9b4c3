/*
** fuzz_utf8.h — what the fuzz targets check of the text the cleaner hands on: valid UTF-8
** (no overlong forms, no surrogates, nothing above U+10FFFF) without NUL bytes.
*/
#ifndef VIGIL_FUZZ_UTF8_H
#define VIGIL_FUZZ_UTF8_H

#include <stddef.h>

/* 1 when s[0..n) is valid UTF-8 without NUL: the cleaner's promise about its text. */
static inline int good_utf8(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		if (!k || c == 0 || i + k > n)
			return 0;
		for (size_t j = 1; j < k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
		if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0) ||
		    (c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90))
			return 0;
		i += k;
	}
	return 1;
}

#endif
