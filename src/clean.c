/*
** clean.c — report bytes to article text, metadata and offset map (see clean.h).
**
** FIRST SLICE: passes valid UTF-8 text through unchanged. The HTML and saved-page
** cleaner replaces it.
*/
#include "clean.h"
#include "util.h"

#include <string.h>

static void map_add(CleanDoc *d, size_t text, size_t orig)
{
	if (d->nmap == d->capmap) {
		d->capmap = d->capmap ? d->capmap * 2 : 16;
		d->map = xrealloc(d->map, d->capmap * sizeof *d->map);
	}
	d->map[d->nmap].text = (uint32_t)text;
	d->map[d->nmap].orig = (uint32_t)orig;
	d->nmap++;
}

const char *media_sniff(const char *bytes, size_t len, const char *name)
{
	(void)name;
	size_t n = len < 1024 ? len : 1024;
	for (size_t i = 0; i + 5 < n; i++)
		if (bytes[i] == '<' && (strncasecmp(bytes + i, "<html", 5) == 0 ||
		                        strncasecmp(bytes + i, "<!doc", 5) == 0))
			return "text/html";
	return "text/plain";
}

int clean_doc(const char *bytes, size_t len, const char *name, CleanDoc *out, Blob *err)
{
	out->media_type = xstrdup(media_sniff(bytes, len, name));
	if (len == 0) {
		blob_puts(err, "empty file");
		return 1;
	}
	blob_append(&out->text, bytes, len);
	map_add(out, 0, 0);
	return 0;
}

void clean_free(CleanDoc *d)
{
	blob_free(&d->text);
	free(d->map);
	free(d->media_type);
	free(d->title);
	free(d->published);
	free(d->publisher);
	free(d->author);
	free(d->language);
	memset(d, 0, sizeof *d);
}

size_t clean_orig_offset(const CleanDoc *d, size_t off)
{
	size_t lo = 0, hi = d->nmap;
	if (!hi)
		return off;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (d->map[mid].text <= off)
			lo = mid;
		else
			hi = mid;
	}
	return d->map[lo].orig + (off - d->map[lo].text);
}

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void offmap_serialize(const CleanDoc *d, Blob *out)
{
	for (size_t i = 0; i < d->nmap; i++) {
		unsigned char b[8];
		uint32_t v[2] = {d->map[i].text, d->map[i].orig};
		for (int k = 0; k < 2; k++)
			for (int j = 0; j < 4; j++)
				b[k * 4 + j] = (unsigned char)(v[k] >> (8 * j));
		blob_append(out, b, 8);
	}
}

size_t offmap_lookup(const void *map, size_t map_len, size_t off)
{
	const unsigned char *m = map;
	size_t n = map_len / 8, lo = 0, hi = n;
	if (!n)
		return off;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (get_u32(m + mid * 8) <= off)
			lo = mid;
		else
			hi = mid;
	}
	return get_u32(m + lo * 8 + 4) + (off - get_u32(m + lo * 8));
}
