/*
** blob.c — growable buffers, escapers and the printf-style formatter (see blob.h).
*/
#include "blob.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Make room for extra more bytes plus a terminating NUL. */
void blob_reserve(Blob *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1) {
		if (cap > SIZE_MAX / 2)
			fatal("blob too large");
		cap *= 2;
	}
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void blob_append(Blob *b, const void *p, size_t n)
{
	blob_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = 0;
}

void blob_puts(Blob *b, const char *s)
{
	blob_append(b, s, strlen(s));
}

void blob_putc(Blob *b, int c)
{
	blob_reserve(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = 0;
}

void blob_reset(Blob *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = 0;
}

void blob_truncate(Blob *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = 0;
	}
}

void blob_free(Blob *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

const char *blob_str(Blob *b)
{
	return b->data ? b->data : "";
}

char *blob_steal(Blob *b)
{
	char *s = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void blob_html(Blob *b, const char *s, size_t n)
{
	/* the bytes that need escaping, looked up rather than switched on for every byte */
	static const unsigned char special[256] = {[0] = 1, ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1};
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (!special[(unsigned char)s[i]])
			continue;
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case 0: rep = "\xEF\xBF\xBD"; break;
		default: continue;
		}
		blob_append(b, s + run, i - run);
		blob_puts(b, rep);
		run = i + 1;
	}
	blob_append(b, s + run, n - run);
}

void blob_json(Blob *b, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[8];
		const char *rep = NULL;
		if (c == '"')
			rep = "\\\"";
		else if (c == '\\')
			rep = "\\\\";
		else if (c == '\n')
			rep = "\\n";
		else if (c == '\r')
			rep = "\\r";
		else if (c == '\t')
			rep = "\\t";
		else if (c < 0x20 || c == 0x7f) {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			rep = esc;
		} else if (c == '<') {
			rep = "\\u003c"; /* JSON inside <script> or HTML stays inert */
		} else
			continue;
		blob_append(b, s + run, i - run);
		blob_puts(b, rep);
		run = i + 1;
	}
	blob_append(b, s + run, n - run);
}

void blob_json_str(Blob *b, const char *s)
{
	if (!s) {
		blob_puts(b, "null");
		return;
	}
	blob_putc(b, '"');
	blob_json(b, s, strlen(s));
	blob_putc(b, '"');
}

void blob_ll(Blob *b, long long v)
{
	char tmp[24];
	int n = 0;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		tmp[n++] = '-';
	blob_reserve(b, (size_t)n);
	while (n)
		b->data[b->len++] = tmp[--n];
	b->data[b->len] = 0;
}

void blob_json_num(Blob *b, long long v, long long min)
{
	if (v >= min)
		blob_ll(b, v);
	else
		blob_puts(b, "null");
}

void blob_json_field(Blob *b, const char *key, const char *value)
{
	blob_putc(b, ',');
	blob_putc(b, '"');
	blob_puts(b, key);
	blob_puts(b, "\":");
	blob_json_str(b, value);
}

void blob_url(Blob *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			blob_putc(b, c);
		} else {
			char e[3] = {'%', hex[c >> 4], hex[c & 15]};
			blob_append(b, e, 3);
		}
	}
}

/* A signed decimal integer. */
static void put_decimal(Blob *b, long long v)
{
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	char digits[24], *d = digits + sizeof digits;
	do
		*--d = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--d = '-';
	blob_append(b, d, (size_t)(digits + sizeof digits - d));
}

/* blob_html of a NUL-terminated string: the runs between the bytes to escape found with
   strcspn (a vector search) rather than a byte at a time. */
static void html_cstr(Blob *b, const char *s)
{
	for (;;) {
		size_t run = strcspn(s, "&<>\"'");
		blob_append(b, s, run);
		s += run;
		switch (*s) {
		case 0: return;
		case '&': blob_append(b, "&amp;", 5); break;
		case '<': blob_append(b, "&lt;", 4); break;
		case '>': blob_append(b, "&gt;", 4); break;
		case '"': blob_append(b, "&quot;", 6); break;
		default: blob_append(b, "&#39;", 5); break;
		}
		s++;
	}
}

/*
** The formatter. It walks fmt, copies literal text, and hands each conversion to
** snprintf with the matching va_arg type, except %s and %c, which go through the
** HTML escaper when html is set. Supported: flags, width and precision (also *),
** length modifiers hh h l ll z j t L, conversions d i u o x X c s f F e E g G p %.
*/
static void vformat(Blob *b, int html, const char *fmt, va_list ap)
{
	const char *p = fmt;
	while (*p) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			blob_puts(b, p);
			return;
		}
		blob_append(b, p, (size_t)(pct - p));
		if (pct[1] == 's') {
			/* a plain %s, the commonest conversion, before any parsing of flags */
			const char *s = va_arg(ap, const char *);
			if (html)
				html_cstr(b, s ? s : "");
			else
				blob_puts(b, s ? s : "");
			p = pct + 2;
			continue;
		}
		if (pct[1] == 'd' || (pct[1] == 'l' && pct[2] == 'l' && pct[3] == 'd')) {
			/* and a plain %d or %lld, the ids and counts of every page */
			long long v = pct[1] == 'd' ? va_arg(ap, int) : va_arg(ap, long long);
			put_decimal(b, v);
			p = pct + (pct[1] == 'd' ? 2 : 4);
			continue;
		}
		const char *q = pct + 1;
		char spec[32];
		size_t sn = 0;
		int width = -1, prec = -1, have_width_star = 0, have_prec_star = 0;
		spec[sn++] = '%';
		while (*q && strchr("-+ #0", *q) && sn < 8)
			spec[sn++] = *q++;
		if (*q == '*') {
			width = va_arg(ap, int);
			have_width_star = 1;
			spec[sn++] = '*';
			q++;
		} else
			while (*q >= '0' && *q <= '9' && sn < 16)
				spec[sn++] = *q++;
		if (*q == '.') {
			spec[sn++] = *q++;
			if (*q == '*') {
				prec = va_arg(ap, int);
				have_prec_star = 1;
				spec[sn++] = '*';
				q++;
			} else
				while (*q >= '0' && *q <= '9' && sn < 24)
					spec[sn++] = *q++;
		}
		int plain = sn == 1; /* no flag, width or precision */
		int lmod = 0; /* 1 h, 2 hh, 3 l, 4 ll, 5 z, 6 j, 7 t, 8 L */
		if (q[0] == 'h' && q[1] == 'h') { lmod = 2; spec[sn++] = *q++; spec[sn++] = *q++; }
		else if (*q == 'h') { lmod = 1; spec[sn++] = *q++; }
		else if (q[0] == 'l' && q[1] == 'l') { lmod = 4; spec[sn++] = *q++; spec[sn++] = *q++; }
		else if (*q == 'l') { lmod = 3; spec[sn++] = *q++; }
		else if (*q == 'z') { lmod = 5; spec[sn++] = *q++; }
		else if (*q == 'j') { lmod = 6; spec[sn++] = *q++; }
		else if (*q == 't') { lmod = 7; spec[sn++] = *q++; }
		else if (*q == 'L') { lmod = 8; spec[sn++] = *q++; }
		char conv = *q;
		if (!conv) {
			blob_append(b, pct, (size_t)(q - pct));
			return;
		}
		spec[sn++] = conv;
		spec[sn] = 0;
		p = q + 1;

		/* the common plain %s and decimal integers are written here, without the width
		   arithmetic and the snprintf a conversion otherwise costs */
		if (plain && conv == 's') {
			const char *s = va_arg(ap, const char *);
			if (html)
				html_cstr(b, s ? s : "");
			else
				blob_puts(b, s ? s : "");
			continue;
		}
		if (plain && (((conv == 'd' || conv == 'i') && (lmod == 0 || lmod == 3 || lmod == 4)) ||
		              (conv == 'u' && (lmod == 0 || lmod == 3 || lmod == 4 || lmod == 5)))) {
			unsigned long long u;
			int neg = 0;
			if (conv == 'u')
				u = lmod == 0 ? va_arg(ap, unsigned) : lmod == 3 ? va_arg(ap, unsigned long)
				  : lmod == 4 ? va_arg(ap, unsigned long long) : va_arg(ap, size_t);
			else {
				long long v = lmod == 0 ? va_arg(ap, int) : lmod == 3 ? va_arg(ap, long) : va_arg(ap, long long);
				neg = v < 0;
				u = neg ? 0ull - (unsigned long long)v : (unsigned long long)v;
			}
			char digits[24], *d = digits + sizeof digits;
			do
				*--d = (char)('0' + u % 10);
			while ((u /= 10) != 0);
			if (neg)
				*--d = '-';
			blob_append(b, d, (size_t)(digits + sizeof digits - d));
			continue;
		}

		char buf[512];
		int n = -1;
#define EMIT(val) do { \
	if (have_width_star && have_prec_star) n = snprintf(buf, sizeof buf, spec, width, prec, val); \
	else if (have_width_star) n = snprintf(buf, sizeof buf, spec, width, val); \
	else if (have_prec_star) n = snprintf(buf, sizeof buf, spec, prec, val); \
	else n = snprintf(buf, sizeof buf, spec, val); \
} while (0)
		switch (conv) {
		case '%':
			blob_putc(b, '%');
			continue;
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "";
			size_t len;
			/* with a precision, s need not be NUL-terminated: read at most that much */
			if (have_prec_star ? prec >= 0 : strchr(spec, '.') != NULL)
				len = strnlen(s, have_prec_star ? (size_t)prec : strtoul(strchr(spec, '.') + 1, NULL, 10));
			else
				len = strlen(s);
			size_t w = have_width_star ? (size_t)(width < 0 ? -width : width)
			                           : (size_t)strtoul(spec + 1 + strspn(spec + 1, "-+ #0"), NULL, 10);
			int left = strchr(spec, '-') != NULL || (have_width_star && width < 0);
			if (!left)
				for (size_t i = len; i < w; i++)
					blob_putc(b, ' ');
			if (html)
				blob_html(b, s, len);
			else
				blob_append(b, s, len);
			if (left)
				for (size_t i = len; i < w; i++)
					blob_putc(b, ' ');
			continue;
		}
		case 'c': {
			char c = (char)va_arg(ap, int);
			if (html)
				blob_html(b, &c, 1);
			else
				blob_putc(b, c);
			continue;
		}
		case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
			switch (lmod) {
			case 3: EMIT(va_arg(ap, long)); break;
			case 4: EMIT(va_arg(ap, long long)); break;
			case 5: EMIT(va_arg(ap, size_t)); break;
			case 6: EMIT(va_arg(ap, intmax_t)); break;
			case 7: EMIT(va_arg(ap, ptrdiff_t)); break;
			default: EMIT(va_arg(ap, int)); break;
			}
			break;
		case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
			if (lmod == 8)
				EMIT(va_arg(ap, long double));
			else
				EMIT(va_arg(ap, double));
			break;
		case 'p':
			EMIT(va_arg(ap, void *));
			break;
		default:
			fatal("blob_appendf: unsupported conversion %%%c", conv);
		}
#undef EMIT
		if (n < 0)
			fatal("blob_appendf: bad format");
		blob_append(b, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
	}
}

void blob_vappendf(Blob *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	vformat(b, 0, fmt, cp);
	va_end(cp);
	blob_reserve(b, 0);
	b->data[b->len] = 0;
}

void blob_appendf(Blob *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	blob_vappendf(b, fmt, ap);
	va_end(ap);
}

void html_vappendf(Blob *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	vformat(b, 1, fmt, cp);
	va_end(cp);
	blob_reserve(b, 0);
	b->data[b->len] = 0;
}

void html_appendf(Blob *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	html_vappendf(b, fmt, ap);
	va_end(ap);
}
