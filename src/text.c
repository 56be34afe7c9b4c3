/*
** text.c — bytes to clean UTF-8 with an offset map: BOMs, UTF-16/32, UTF-8 validation and
** repair (U+FFFD), declared charsets through iconv, the Windows-1252 fallback, NFC with
** utf8proc, and the MText builder every stage of the cleaner writes into (clean_int.h).
**
** The map is a list of segments (text offset, source offset) read "byte for byte from
** here". Copied runs cost one segment; a character made from source bytes of another
** length (a Windows-1252 byte, a UTF-16 unit, U+FFFD for a bad byte) costs one segment
** per output byte, all pointing at the character's first source byte.
*/
#include "clean_int.h"
#include "util.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* ---- the MText builder ---- */

void mt_free(MText *m)
{
	blob_free(&m->text);
	free(m->map);
	memset(m, 0, sizeof *m);
}

/* Records that text offset t maps to source offset s (merging with a segment it
   continues). */
static void seg_push(MText *m, size_t t, size_t s)
{
	if (m->src_len && s >= m->src_len)
		s = m->src_len - 1;
	if (m->nmap) {
		OffSeg *l = &m->map[m->nmap - 1];
		if ((size_t)l->orig + (t - l->text) == s)
			return;
		if (l->text == t) {
			l->orig = (uint32_t)s;
			return;
		}
	}
	if (m->nmap == m->capmap) {
		m->capmap = m->capmap ? m->capmap * 2 : 64;
		m->map = xrealloc(m->map, m->capmap * sizeof *m->map);
	}
	m->map[m->nmap].text = (uint32_t)t;
	m->map[m->nmap].orig = (uint32_t)s;
	m->nmap++;
}

void mt_copy(MText *m, const char *s, size_t n, size_t src)
{
	if (!n)
		return;
	seg_push(m, m->text.len, src);
	blob_append(&m->text, s, n);
}

void mt_gen(MText *m, const char *s, size_t n, size_t src)
{
	for (size_t k = 0; k < n; k++)
		seg_push(m, m->text.len + k, src);
	blob_append(&m->text, s, n);
}

void mt_sep(MText *m, const char *s, size_t n)
{
	size_t next = 0;
	if (m->nmap) {
		const OffSeg *l = &m->map[m->nmap - 1];
		next = l->orig + (m->text.len - l->text);
	}
	if (next + n <= m->src_len)
		mt_copy(m, s, n, next);
	else
		mt_gen(m, s, n, next);
}

size_t mt_src(const MText *m, size_t off)
{
	size_t lo = 0, hi = m->nmap;
	if (!hi)
		return off < m->src_len ? off : m->src_len;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (m->map[mid].text <= off)
			lo = mid;
		else
			hi = mid;
	}
	size_t r = m->map[lo].orig + (off - m->map[lo].text);
	return r < m->src_len ? r : m->src_len;
}

void mt_compose(MText *m, const MText *inner)
{
	OffSeg *old = m->map;
	size_t nold = m->nmap;
	m->map = NULL;
	m->nmap = m->capmap = 0;
	m->src_len = inner->src_len;
	for (size_t i = 0; i < nold; i++) {
		size_t t = old[i].text, t1 = i + 1 < nold ? old[i + 1].text : m->text.len;
		size_t a = old[i].orig;
		if (t1 <= t)
			continue;
		if (!inner->nmap) {
			seg_push(m, t, a);
			continue;
		}
		/* the inner segment holding a */
		size_t lo = 0, hi = inner->nmap;
		while (hi - lo > 1) {
			size_t mid = (lo + hi) / 2;
			if (inner->map[mid].text <= a)
				lo = mid;
			else
				hi = mid;
		}
		size_t j = lo;
		while (t < t1) {
			size_t seg_end = j + 1 < inner->nmap ? inner->map[j + 1].text : inner->text.len;
			seg_push(m, t, inner->map[j].orig + (a - inner->map[j].text));
			if (seg_end <= a || j + 1 >= inner->nmap)
				break; /* the rest continues byte for byte (clamped by seg_push) */
			size_t step = seg_end - a < t1 - t ? seg_end - a : t1 - t;
			t += step;
			a += step;
			j++;
		}
	}
	free(old);
}

void mt_trim_end(MText *m)
{
	size_t n = m->text.len;
	while (n && (m->text.data[n - 1] == ' ' || m->text.data[n - 1] == '\n' ||
	             m->text.data[n - 1] == '\t' || m->text.data[n - 1] == '\r'))
		n--;
	blob_truncate(&m->text, n);
	while (m->nmap && m->map[m->nmap - 1].text >= n)
		m->nmap--;
}

/* Appends the bytes [from, to) of m's text to out, with their mapping. */
void mt_copy_from(MText *out, const MText *m, size_t from, size_t to)
{
	while (from < to) {
		size_t lo = 0, hi = m->nmap, next = to;
		if (hi) {
			while (hi - lo > 1) {
				size_t mid = (lo + hi) / 2;
				if (m->map[mid].text <= from)
					lo = mid;
				else
					hi = mid;
			}
			if (lo + 1 < m->nmap && m->map[lo + 1].text < to)
				next = m->map[lo + 1].text;
		}
		mt_copy(out, m->text.data + from, next - from, mt_src(m, from));
		from = next;
	}
}

void mt_move_to_doc(MText *m, CleanDoc *d)
{
	blob_free(&d->text);
	free(d->map);
	d->text = m->text;
	d->map = m->map;
	d->nmap = m->nmap;
	d->capmap = m->capmap;
	memset(m, 0, sizeof *m);
}

/* ---- UTF-8 ---- */

/* The length of the valid UTF-8 sequence at s (RFC 3629), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	if (c < 0xE0)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
			return 0;
		return 3;
	}
	if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
		return 0;
	if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
		return 0;
	return 4;
}

uint32_t utf8_get(const char *s, size_t n, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s + *i;
	size_t k = utf8_seq(u, n - *i);
	uint32_t c;
	switch (k) {
	case 1: c = u[0]; break;
	case 2: c = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F); break;
	case 3: c = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F); break;
	case 4:
		c = (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3F) << 12 |
		    (uint32_t)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
		break;
	default: c = 0xFFFD; k = 1; break;
	}
	*i += k;
	return c;
}

void utf8_put(Blob *b, uint32_t c)
{
	char buf[4];
	size_t n;
	if (c < 0x80) {
		buf[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		buf[0] = (char)(0xC0 | c >> 6);
		buf[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		buf[0] = (char)(0xE0 | c >> 12);
		buf[1] = (char)(0x80 | (c >> 6 & 0x3F));
		buf[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		buf[0] = (char)(0xF0 | c >> 18);
		buf[1] = (char)(0x80 | (c >> 12 & 0x3F));
		buf[2] = (char)(0x80 | (c >> 6 & 0x3F));
		buf[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	blob_append(b, buf, n);
}

/* Appends the character c made from the source byte at src. */
static void mt_putc(MText *m, uint32_t c, size_t src)
{
	Blob tmp = {0};
	char buf[8];
	tmp.data = buf;
	tmp.cap = sizeof buf;
	utf8_put(&tmp, c);
	mt_gen(m, buf, tmp.len, src);
}

int cp_space(uint32_t c)
{
	if (c <= 0x20)
		return c == 0x20 || (c >= 0x09 && c <= 0x0D);
	if (c < 0x85)
		return 0;
	return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
	       c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

int cp_invisible(uint32_t c)
{
	return c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

int cp_word(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
	switch (utf8proc_category((utf8proc_int32_t)c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return 1;
	default:
		return 0;
	}
}

int cp_cjk(uint32_t c)
{
	return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3040 && c <= 0x30FF) ||
	       (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0x20000 && c <= 0x2FFFF);
}

size_t utf8_count(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

char *text_collapse(const char *s, size_t n)
{
	Blob b = BLOB_INIT;
	size_t i = 0;
	int space = 0;
	while (i < n) {
		size_t at = i;
		uint32_t c = utf8_get(s, n, &i);
		if (cp_space(c)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			blob_putc(&b, ' ');
		space = 0;
		blob_append(&b, s + at, i - at);
	}
	if (!b.len) {
		blob_free(&b);
		return NULL;
	}
	return blob_steal(&b);
}

/* ---- decoders ---- */

/* Control characters dropped from every report (tab, newlines and form feed stay). */
static int dropped_control(unsigned c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
}

/* UTF-8 from b[0..n) (at source offset base): valid runs copied, each invalid byte
   replaced by U+FFFD, control characters dropped. Returns the number of invalid bytes
   and sets *multi to the number of valid multi-byte characters. */
static size_t decode_utf8(const char *b, size_t n, size_t base, MText *m, size_t *multi)
{
	size_t bad = 0, mb = 0;
	const unsigned char *u = (const unsigned char *)b;
	size_t i = 0, run = 0;
	blob_reserve(&m->text, n);
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	while (i < n) {
		/* eight printable ASCII bytes at a time (hasless / haszero from "Bit Twiddling
		   Hacks"): no high bit, none below 0x20, none equal to 0x7F */
		while (i + 8 <= n) {
			uint64_t x;
			memcpy(&x, u + i, 8);
			uint64_t del = x ^ (ones * 0x7F);
			if ((x & highs) || ((x - ones * 0x20) & ~x & highs) || ((del - ones) & ~del & highs))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned c = u[i];
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		size_t k = c < 0x80 ? (dropped_control(c) ? 0 : 1) : utf8_seq(u + i, n - i);
		if (k && c >= 0x80) {
			i += k;
			mb++;
			continue;
		}
		if (k) { /* tab, newline */
			i++;
			continue;
		}
		mt_copy(m, b + run, i - run, base + run);
		if (c >= 0x80) {
			mt_gen(m, "\xEF\xBF\xBD", 3, base + i);
			bad++;
		}
		i++;
		run = i;
	}
	mt_copy(m, b + run, n - run, base + run);
	if (multi)
		*multi = mb;
	return bad;
}

/* Windows-1252 (what pages declaring Latin-1 or nothing and not in UTF-8 are). */
static void decode_cp1252(const char *b, size_t n, size_t base, MText *m)
{
	static const uint16_t c1[32] = {
		0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
		0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
	};
	const unsigned char *u = (const unsigned char *)b;
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = u[i];
		if (c < 0x80 && !dropped_control(c))
			continue;
		mt_copy(m, b + run, i - run, base + run);
		run = i + 1;
		if (c >= 0x80)
			mt_putc(m, c < 0xA0 ? c1[c - 0x80] : c, base + i);
	}
	mt_copy(m, b + run, n - run, base + run);
}

/* UTF-16 (be: big-endian) or UTF-32 (wide) without its BOM. */
static void decode_utf16(const char *b, size_t n, size_t base, int be, int wide, MText *m)
{
	const unsigned char *u = (const unsigned char *)b;
	size_t unit = wide ? 4 : 2;
	for (size_t i = 0; i + unit <= n;) {
		uint32_t c;
		size_t at = i;
		if (wide) {
			c = be ? (uint32_t)u[i] << 24 | (uint32_t)u[i + 1] << 16 | (uint32_t)u[i + 2] << 8 | u[i + 3]
			       : (uint32_t)u[i + 3] << 24 | (uint32_t)u[i + 2] << 16 | (uint32_t)u[i + 1] << 8 | u[i];
			i += 4;
			if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
				c = 0xFFFD;
		} else {
			c = be ? (uint32_t)u[i] << 8 | u[i + 1] : (uint32_t)u[i + 1] << 8 | u[i];
			i += 2;
			if (c >= 0xD800 && c <= 0xDBFF && i + 2 <= n) {
				uint32_t d = be ? (uint32_t)u[i] << 8 | u[i + 1] : (uint32_t)u[i + 1] << 8 | u[i];
				if (d >= 0xDC00 && d <= 0xDFFF) {
					c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
					i += 2;
				} else {
					c = 0xFFFD;
				}
			} else if (c >= 0xD800 && c <= 0xDFFF) {
				c = 0xFFFD;
			}
		}
		if (c < 0x80 && dropped_control(c))
			continue;
		mt_putc(m, c, base + at);
	}
	if (n % unit)
		mt_gen(m, "\xEF\xBF\xBD", 3, base + n - n % unit);
}

/* Guesses UTF-16 without a BOM from where the zero bytes of ASCII text fall:
   1 little-endian, 2 big-endian, 0 neither. */
static int sniff_utf16(const unsigned char *u, size_t n)
{
	size_t k = n < 1024 ? n & ~(size_t)1 : 1024, even = 0, odd = 0;
	if (k < 8)
		return 0;
	for (size_t i = 0; i < k; i += 2) {
		even += u[i] == 0;
		odd += u[i + 1] == 0;
	}
	size_t pairs = k / 2;
	if (odd * 10 > pairs * 7 && even * 20 < pairs)
		return 1;
	if (even * 10 > pairs * 7 && odd * 20 < pairs)
		return 2;
	return 0;
}

int text_is_wide(const char *b, size_t n)
{
	const unsigned char *u = (const unsigned char *)b;
	if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return 1;
	if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
		return 1;
	return sniff_utf16(u, n) != 0;
}

/* The iconv name for a declared charset, or NULL for those decoded here. */
static const char *iconv_name(const char *cs, int *latin)
{
	static const char *const latin_names[] = {
		"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252",
		"cp1252", "x-cp1252", "iso_8859-1", "ansi_x3.4-1968", NULL,
	};
	*latin = 0;
	for (int i = 0; latin_names[i]; i++)
		if (strcasecmp(cs, latin_names[i]) == 0) {
			*latin = 1;
			return NULL;
		}
	if (strcasecmp(cs, "gb2312") == 0 || strcasecmp(cs, "gbk") == 0 || strcasecmp(cs, "x-gbk") == 0 ||
	    strcasecmp(cs, "gb_2312-80") == 0)
		return "GB18030";
	if (strcasecmp(cs, "shift_jis") == 0 || strcasecmp(cs, "sjis") == 0 ||
	    strcasecmp(cs, "x-sjis") == 0 || strcasecmp(cs, "windows-31j") == 0)
		return "CP932";
	if (strcasecmp(cs, "euc-kr") == 0 || strcasecmp(cs, "ks_c_5601-1987") == 0)
		return "CP949";
	if (strcasecmp(cs, "big5") == 0)
		return "BIG5-HKSCS";
	return cs;
}

/* Decodes through iconv, one character at a time so each maps to its source bytes.
   Returns 0 when iconv does not know the charset. */
static int decode_iconv(const char *b, size_t n, size_t base, const char *cs, MText *m)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	if (cd == (iconv_t)-1)
		return 0;
	int ascii = !strcasestr(cs, "2022") && !strcasestr(cs, "utf-7") && !strcasestr(cs, "utf-16") &&
	            !strcasestr(cs, "utf-32") && !strcasestr(cs, "ucs") && !strcasestr(cs, "ebcdic") &&
	            !strcasestr(cs, "hz");
	const unsigned char *u = (const unsigned char *)b;
	size_t i = 0;
	while (i < n) {
		if (ascii && u[i] < 0x80) {
			size_t j = i;
			while (j < n && u[j] < 0x80 && !dropped_control(u[j]))
				j++;
			mt_copy(m, b + i, j - i, base + i);
			if (j == i)
				j++; /* a dropped control character */
			i = j;
			continue;
		}
		char out[32];
		size_t used = 0, made = 0;
		for (size_t k = 1; k <= 4 && i + k <= n; k++) {
			char *ip = (char *)b + i, *op = out;
			size_t il = k, ol = sizeof out;
			size_t r = iconv(cd, &ip, &il, &op, &ol);
			used = k - il;
			made = sizeof out - ol;
			if (r != (size_t)-1 || used || made || errno != EINVAL)
				break;
		}
		if (!used) {
			iconv(cd, NULL, NULL, NULL, NULL);
			mt_gen(m, "\xEF\xBF\xBD", 3, base + i);
			i++;
			continue;
		}
		/* drop control characters the charset decoded to */
		if (made == 1 && dropped_control((unsigned char)out[0]))
			made = 0;
		if (made)
			mt_gen(m, out, made, base + i);
		i += used;
	}
	iconv_close(cd);
	return 1;
}

void text_decode(const char *b, size_t n, const char *declared, MText *m)
{
	const unsigned char *u = (const unsigned char *)b;
	m->src_len = n;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		decode_utf8(b + 3, n - 3, 3, m, NULL);
		return;
	}
	if (n >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) {
		decode_utf16(b + 4, n - 4, 4, 0, 1, m);
		return;
	}
	if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) {
		decode_utf16(b + 4, n - 4, 4, 1, 1, m);
		return;
	}
	if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		decode_utf16(b + 2, n - 2, 2, u[0] == 0xFE, 0, m);
		return;
	}
	int u16 = sniff_utf16(u, n);
	if (u16) {
		decode_utf16(b, n, 0, u16 == 2, 0, m);
		return;
	}
	/* UTF-8 first: nearly every report is */
	size_t multi, bad = decode_utf8(b, n, 0, m, &multi);
	if (!bad)
		return;
	int latin = 0, said_utf8 = declared && (strcasecmp(declared, "utf-8") == 0 ||
	                                        strcasecmp(declared, "utf8") == 0);
	if (said_utf8 || (!declared && bad <= multi))
		return; /* UTF-8 with some bad bytes, replaced */
	blob_reset(&m->text);
	m->nmap = 0;
	if (declared && !said_utf8) {
		const char *cs = iconv_name(declared, &latin);
		if (cs && decode_iconv(b, n, 0, cs, m))
			return;
	}
	/* mostly not UTF-8: Windows-1252 */
	if (latin || bad > multi)
		decode_cp1252(b, n, 0, m);
	else
		decode_utf8(b, n, 0, m, NULL);
}

const char *text_html_charset(const char *b, size_t n, char buf[48])
{
	size_t lim = n < 4096 ? n : 4096;
	for (size_t i = 0; i + 8 < lim; i++) {
		if ((b[i] | 32) != 'c' || strncasecmp(b + i, "charset", 7) != 0)
			continue;
		/* it must sit in a meta tag */
		size_t from = i > 300 ? i - 300 : 0;
		int in_meta = 0;
		for (size_t k = i; k-- > from;) {
			if (b[k] == '>')
				break;
			if (b[k] == '<') {
				in_meta = strncasecmp(b + k, "<meta", 5) == 0;
				break;
			}
		}
		if (!in_meta)
			continue;
		size_t j = i + 7;
		while (j < lim && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r'))
			j++;
		if (j >= lim || b[j] != '=')
			continue;
		j++;
		while (j < lim && (b[j] == ' ' || b[j] == '"' || b[j] == '\'' || b[j] == '\t'))
			j++;
		size_t k = 0;
		while (j < lim && k < 47 &&
		       ((b[j] >= 'a' && b[j] <= 'z') || (b[j] >= 'A' && b[j] <= 'Z') ||
		        (b[j] >= '0' && b[j] <= '9') || b[j] == '-' || b[j] == '_' || b[j] == '.' ||
		        b[j] == ':'))
			buf[k++] = b[j++];
		buf[k] = 0;
		if (k)
			return buf;
	}
	return NULL;
}

/* ---- NFC ---- */

/* 1 when c may combine with the character before it under NFC. */
static int nfc_joins_back(uint32_t c)
{
	if (c < 0x300)
		return 0;
	if ((c >= 0x1161 && c <= 0x1175) || (c >= 0x11A8 && c <= 0x11C2))
		return 1;
	const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);
	return p->combining_class != 0 || (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000);
}

/* 1 when c alone could change under NFC (it has a canonical decomposition). */
static int nfc_maybe_changes(uint32_t c)
{
	if (c < 0x300 || (c >= 0xAC00 && c <= 0xD7A3))
		return 0;
	const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);
	return p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0;
}

void text_nfc(MText *m)
{
	const unsigned char *u = (const unsigned char *)m->text.data;
	size_t n = m->text.len, i;
	for (i = 0; i < n && u[i] < 0xCC; i++)
		;
	if (i == n)
		return; /* nothing at or above U+0300: already NFC */

	MText out = {0};
	out.src_len = m->src_len;
	blob_reserve(&out.text, n);
	const char *s = m->text.data;
	size_t run = 0; /* start of the bytes not yet copied */
	i = 0;
	while (i < n) {
		/* ASCII followed by ASCII: a starter nothing joins, that NFC leaves alone */
		while (i + 1 < n && u[i] < 0x80 && u[i + 1] < 0x80)
			i++;
		/* a chunk: one starter and the characters that may join it */
		size_t start = i, k = 0;
		uint32_t first = utf8_get(s, n, &i);
		size_t end = i;
		while (end < n && k < 30) {
			size_t j = end;
			uint32_t c = utf8_get(s, n, &j);
			if (!nfc_joins_back(c))
				break;
			end = j;
			k++;
		}
		i = end;
		if (!k && !nfc_maybe_changes(first))
			continue;
		/* decompose, reorder, compose */
		utf8proc_int32_t buf[160];
		utf8proc_ssize_t len = 0;
		int lbc = 0, fail = 0;
		size_t pos[160];
		for (size_t j = start; j < end && !fail;) {
			size_t at = j;
			uint32_t c = utf8_get(s, n, &j);
			utf8proc_ssize_t r = utf8proc_decompose_char((utf8proc_int32_t)c, buf + len,
			                                             160 - len, UTF8PROC_DECOMPOSE, &lbc);
			if (r < 0 || len + r > 160) {
				fail = 1;
				break;
			}
			for (utf8proc_ssize_t q = 0; q < r; q++)
				pos[len + q] = at;
			len += r;
		}
		if (fail)
			continue;
		utf8proc_ssize_t r = utf8proc_normalize_utf32(buf, len, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
		if (r < 0)
			continue;
		Blob enc = BLOB_INIT;
		for (utf8proc_ssize_t q = 0; q < r; q++)
			utf8_put(&enc, (uint32_t)buf[q]);
		if (enc.len == end - start && memcmp(enc.data, s + start, enc.len) == 0) {
			blob_free(&enc);
			continue;
		}
		mt_copy_from(&out, m, run, start);
		/* map each output character to the source of the input character at its index */
		size_t e = 0;
		for (utf8proc_ssize_t q = 0; q < r; q++) {
			size_t cl = 0;
			Blob one = {0};
			char ob[8];
			one.data = ob;
			one.cap = sizeof ob;
			utf8_put(&one, (uint32_t)buf[q]);
			cl = one.len;
			size_t from = pos[q < len ? q : len - 1];
			mt_gen(&out, enc.data + e, cl, mt_src(m, from));
			e += cl;
		}
		blob_free(&enc);
		run = end;
	}
	if (run == 0) {
		mt_free(&out);
		return;
	}
	mt_copy_from(&out, m, run, n);
	mt_free(m);
	*m = out;
}
