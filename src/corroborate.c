/*
** corroborate.c — how far sources agree and whether they are independent.
**
** Two reports are not independent when they come from the same publisher (the name
** folded to lower case, else the host of the source URL) or when one is a near-copy of
** the other — the same wire story republished by an aggregator. Near-copies are found by
** MinHash over word 5-shingles of the cleaned texts: each shingle is hashed once with
** BLAKE2b (libsodium) and SIG_HASHES hash functions are derived from it by double hashing
** (h1 + i·h2); the share of equal minimums estimates the Jaccard similarity. A report's
** signature is computed once and kept in report_sig.
*/
#include "dates.h"
#include "records.h"
#include "util.h"

#include <ctype.h>
#include <sodium.h>
#include <string.h>

#define SHINGLE 5

/* Lower-cased ASCII letters and digits of each word (other bytes — UTF-8 letters — are
   kept as they are); words are runs of letters, digits and bytes >= 0x80. */
static size_t next_word(const char *s, size_t len, size_t *i, char *w, size_t cap)
{
	while (*i < len && !(isalnum((unsigned char)s[*i]) || (unsigned char)s[*i] >= 0x80))
		(*i)++;
	size_t n = 0;
	while (*i < len && (isalnum((unsigned char)s[*i]) || (unsigned char)s[*i] >= 0x80)) {
		if (n < cap)
			w[n++] = (char)tolower((unsigned char)s[*i]);
		(*i)++;
	}
	return n;
}

void text_signature(const char *text, size_t len, uint64_t sig[SIG_HASHES])
{
	/* the last SHINGLE words, each truncated to 32 bytes */
	char words[SHINGLE][32];
	size_t wlen[SHINGLE] = {0};
	size_t i = 0, nwords = 0;
	for (int k = 0; k < SIG_HASHES; k++)
		sig[k] = UINT64_MAX;
	for (;;) {
		char w[32];
		size_t n = next_word(text, len, &i, w, sizeof w);
		if (!n)
			break;
		memmove(words[0], words[1], sizeof words[0] * (SHINGLE - 1));
		memmove(wlen, wlen + 1, sizeof wlen[0] * (SHINGLE - 1));
		memcpy(words[SHINGLE - 1], w, n);
		wlen[SHINGLE - 1] = n;
		if (++nwords < SHINGLE)
			continue;
		crypto_generichash_state st;
		unsigned char h[16];
		crypto_generichash_init(&st, NULL, 0, sizeof h);
		for (int k = 0; k < SHINGLE; k++) {
			crypto_generichash_update(&st, (const unsigned char *)words[k], wlen[k]);
			crypto_generichash_update(&st, (const unsigned char *)" ", 1);
		}
		crypto_generichash_final(&st, h, sizeof h);
		uint64_t h1, h2;
		memcpy(&h1, h, 8);
		memcpy(&h2, h + 8, 8);
		h2 |= 1;
		for (int k = 0; k < SIG_HASHES; k++) {
			uint64_t v = h1 + (uint64_t)k * h2;
			if (v < sig[k])
				sig[k] = v;
		}
	}
}

double signature_similarity(const uint64_t *a, const uint64_t *b)
{
	int same = 0, empty = 1;
	for (int k = 0; k < SIG_HASHES; k++) {
		same += a[k] == b[k];
		empty &= a[k] == UINT64_MAX && b[k] == UINT64_MAX;
	}
	return empty ? 0.0 : (double)same / SIG_HASHES;
}

void publisher_key(const char *publisher, const char *source, Blob *out)
{
	blob_reset(out);
	if (publisher && *publisher) {
		/* letters and digits only: "The Guardian" = "the guardian." = "THE GUARDIAN" */
		for (const char *s = publisher; *s; s++)
			if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
				blob_putc(out, tolower((unsigned char)*s));
		if (starts_with(blob_str(out), "the") && out->len > 3) {
			memmove(out->data, out->data + 3, out->len - 2);
			out->len -= 3;
		}
		if (out->len)
			return;
	}
	if (source && *source) {
		const char *h = strstr(source, "://");
		if (!h)
			return;
		h += 3;
		const char *at = h;
		while (*at && *at != '/' && *at != '?' && *at != '#')
			at++;
		const char *user = memchr(h, '@', (size_t)(at - h));
		if (user)
			h = user + 1;
		const char *end = memchr(h, ':', (size_t)(at - h));
		if (!end)
			end = at;
		if (end - h > 4 && strncasecmp(h, "www.", 4) == 0)
			h += 4;
		blob_puts(out, "host:");
		for (; h < end; h++)
			blob_putc(out, tolower((unsigned char)*h));
	}
}

/* The signature and publisher key of a report, computed and kept on first use. */
static int report_sig(Store *st, long long report, Blob *key, uint64_t sig[SIG_HASHES])
{
	Blob s = BLOB_INIT;
	blob_reset(key);
	int found = store_report_sig_get(st, report, key, &s);
	if (found < 0) {
		blob_free(&s);
		return -1;
	}
	if (found && s.len == SIG_HASHES * sizeof(uint64_t)) {
		memcpy(sig, s.data, s.len);
		blob_free(&s);
		return 0;
	}
	blob_free(&s);
	Report r;
	int got = store_report_get(st, report, &r);
	if (got <= 0)
		return got < 0 ? -1 : 0;
	Blob text = BLOB_INIT;
	if (store_report_text(st, report, &text, NULL) < 0) {
		report_free(&r);
		blob_free(&text);
		return -1;
	}
	text_signature(blob_str(&text), text.len, sig);
	publisher_key(r.publisher, r.source, key);
	int rc = store_report_sig_put(st, report, key->len ? blob_str(key) : NULL, sig, SIG_HASHES * sizeof(uint64_t));
	report_free(&r);
	blob_free(&text);
	return rc;
}

int source_groups(Store *st, const long long *reports, size_t n, int *out)
{
	Blob *keys = xcalloc(n ? n : 1, sizeof *keys);
	uint64_t (*sigs)[SIG_HASHES] = xcalloc(n ? n : 1, sizeof *sigs);
	int *parent = xcalloc(n ? n : 1, sizeof *parent);
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		parent[i] = (int)i;
		rc = report_sig(st, reports[i], &keys[i], sigs[i]);
	}
	/* union-find over the pairs that are not independent */
	for (size_t i = 0; i < n && !rc; i++)
		for (size_t j = 0; j < i; j++) {
			int same = reports[i] == reports[j] ||
			           (keys[i].len && keys[j].len && strcmp(blob_str(&keys[i]), blob_str(&keys[j])) == 0) ||
			           signature_similarity(sigs[i], sigs[j]) >= NEAR_DUPLICATE;
			if (!same)
				continue;
			int a = (int)i, b = (int)j;
			while (parent[a] != a)
				a = parent[a];
			while (parent[b] != b)
				b = parent[b];
			if (a != b)
				parent[a > b ? a : b] = a < b ? a : b;
		}
	/* number the groups by first appearance */
	int next = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		int root = (int)i;
		while (parent[root] != root)
			root = parent[root];
		out[i] = root == (int)i ? ++next : out[root];
	}
	for (size_t i = 0; i < n; i++)
		blob_free(&keys[i]);
	free(keys);
	free(sigs);
	free(parent);
	return rc;
}

void count_format(Blob *b, long long min, long long max)
{
	if (min < 0)
		return;
	if (max < 0)
		blob_appendf(b, "%lld+", min);
	else if (max == min)
		blob_appendf(b, "%lld", min);
	else
		blob_appendf(b, "%lld\xE2\x80\x93%lld", min, max);
}

void count_show(Blob *b, const Count *c)
{
	if (c->min < 0)
		return;
	if (c->max > c->min)
		blob_appendf(b, "%lld\xE2\x80\x93%lld", c->min, c->max);
	else
		blob_appendf(b, "%lld", c->min);
	if (c->open)
		blob_putc(b, '+');
}

/* A non-negative whole number at *s, advancing it; -1 when there is none. */
static long long number_at(const char **s)
{
	long long v = 0;
	int any = 0;
	while (**s >= '0' && **s <= '9') {
		if (v > 100000000)
			return -1;
		v = v * 10 + (**s - '0');
		(*s)++;
		any = 1;
	}
	return any ? v : -1;
}

int count_parse(const char *s, long long *min, long long *max)
{
	long long a = number_at(&s), b;
	if (a < 0 || a > 100000000)
		return 0;
	if (!*s) {
		*min = *max = a;
		return 1;
	}
	if (strcmp(s, "+") == 0) {
		*min = a;
		*max = -1;
		return 1;
	}
	if (*s == '-')
		s++;
	else if (starts_with(s, "\xE2\x80\x93"))
		s += 3;
	else
		return 0;
	b = number_at(&s);
	if (b < a || b > 100000000 || *s)
		return 0;
	*min = a;
	*max = b;
	return 1;
}

void date_bounds(const char *start, const char *end, char first[11], char last[11])
{
	Ymd a, b;
	first[0] = last[0] = 0;
	if (!start || !ymd_parse_iso(start, &a))
		return;
	if (!end || !ymd_parse_iso(end, &b))
		b = a;
	Ymd f = {a.y, a.m ? a.m : 1, a.d ? a.d : 1};
	Ymd l = {b.y, b.m ? b.m : 12, 0};
	l.d = b.d ? b.d : days_in_month(l.y, l.m);
	ymd_format(f, first);
	ymd_format(l, last);
}

void date_shift(const char *day, long n, char out[11])
{
	Ymd v;
	out[0] = 0;
	if (day && ymd_parse_iso(day, &v) && v.d)
		ymd_format(ymd_add_days(v, n), out);
}
