/*
** proposal_direct.c — the engine's records straight into proposals: `vigil add` stores what
** the extraction engine found without writing it as JSON and parsing it back.
**
** The JSON path (extract_event_json / extract_appeal_json -> records_propose ->
** proposal_split_doc -> proposal_parse -> proposal_fill_offsets) stores each record as
** jansson writes it back: compact, keys sorted, jansson's escapes and number forms. This
** file writes that same text from extract.h's structures, byte for byte, and checks what
** proposal_parse would check. A record it cannot vouch for (a value proposal_parse refuses,
** a string jansson would not read) is left to the JSON path, so the outcome — the rows, or
** the error — is the same either way. The fields are those of extract_json.c: a change
** there must be made here too (test_proposal_direct compares the two on every kind of record).
*/
#include "clean.h"
#include "extract.h"
#include "records.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The writer: out, and whether something was met that only the JSON path may judge. */
typedef struct Canon {
	Blob *b;
	int bad;
} Canon;

/* A JSON string as jansson's json_dumps writes it: " and \ escaped, \b \f \n \r \t, other
   control characters as \u00XX (upper-case hex), everything else (/, DEL, <, non-ASCII)
   as it is. */
static void c_str(Canon *c, const char *s, size_t n)
{
	if (!utf8_strict(s, n)) /* what jansson reads: valid, no NUL */
		c->bad = 1;
	Blob *b = c->b;
	blob_putc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 0x20 && ch != '"' && ch != '\\')
			continue;
		blob_append(b, s + run, i - run);
		run = i + 1;
		switch (ch) {
		case '"': blob_puts(b, "\\\""); break;
		case '\\': blob_puts(b, "\\\\"); break;
		case '\b': blob_puts(b, "\\b"); break;
		case '\f': blob_puts(b, "\\f"); break;
		case '\n': blob_puts(b, "\\n"); break;
		case '\r': blob_puts(b, "\\r"); break;
		case '\t': blob_puts(b, "\\t"); break;
		default: blob_appendf(b, "\\u%04X", ch); break;
		}
	}
	blob_append(b, s + run, n - run);
	blob_putc(b, '"');
}

/* A C string, or null for NULL. */
static void c_cstr(Canon *c, const char *s)
{
	if (s)
		c_str(c, s, strlen(s));
	else
		blob_puts(c->b, "null");
}

/* A name from the lexicon's tables (group, place type): null when it is "", as
   extract_json.c writes it. */
static void c_opt(Canon *c, const char *s)
{
	c_cstr(c, s && *s ? s : NULL);
}

/* A real as jansson writes it (jsonp_dtostr): %.17g, ".0" added when it has neither a dot
   nor an exponent, the exponent without '+' and leading zeros. */
static void c_real(Blob *b, double v)
{
	char s[64];
	int n = snprintf(s, sizeof s - 3, "%.17g", v);
	if (n < 0 || (size_t)n >= sizeof s - 3) {
		blob_puts(b, "null");
		return;
	}
	size_t len = (size_t)n;
	if (!strchr(s, '.') && !strchr(s, 'e')) {
		memcpy(s + len, ".0", 3);
		len += 2;
	}
	char *e = strchr(s, 'e');
	if (e) {
		char *start = e + 1, *end = start + 1;
		if (*start == '-')
			start++;
		while (*end == '0')
			end++;
		if (end != start) {
			memmove(start, end, len - (size_t)(end - s) + 1);
			len -= (size_t)(end - start);
		}
	}
	blob_append(b, s, len);
}

/* An ISO date as extract_json.c writes it (null for no date); 0 when proposal_parse would
   refuse it as a date. */
static int date_str(Ymd v, char s[11])
{
	ymd_format(v, s);
	return v.y ? iso_date_valid(s) : 1;
}

/* A count {"max","min"} or null, checked as proposal_parse's get_count does. */
static void c_count(Canon *c, ExCount n)
{
	if (n.min < 0 && n.max < 0) {
		blob_puts(c->b, "null");
		return;
	}
	long long min = n.min >= 0 ? n.min : 0, max = n.max >= 0 ? n.max : -1;
	if (min > 100000000 || (max >= 0 && max < min) || max > 100000000)
		c->bad = 1;
	blob_puts(c->b, "{\"max\":");
	if (n.max >= 0)
		blob_appendf(c->b, "%lld", (long long)n.max);
	else
		blob_puts(c->b, "null");
	blob_puts(c->b, ",\"min\":");
	if (n.min >= 0)
		blob_appendf(c->b, "%lld}", (long long)n.min);
	else
		blob_puts(c->b, "null}");
}

/* A party: {"group","name"}, or with full {"country","group"[,"inferred"],"name"}. */
static void c_party(Canon *c, const Extraction *x, const ExParty *p, int full)
{
	Blob *b = c->b;
	blob_putc(b, '{');
	if (full) {
		const LexCountry *ct = lexicon_country(x->lx, p->country);
		blob_puts(b, "\"country\":");
		c_cstr(c, ct ? ct->iso3 : NULL);
		blob_putc(b, ',');
	}
	blob_puts(b, "\"group\":");
	c_opt(c, group_name(p->group));
	if (full && p->inferred)
		blob_puts(b, ",\"inferred\":true");
	blob_puts(b, ",\"name\":");
	c_cstr(c, ex_str(x, p->name));
	blob_putc(b, '}');
}

static void c_parties(Canon *c, const Extraction *x, const ExParty *v, int n, int full)
{
	blob_putc(c->b, '[');
	for (int i = 0; i < n; i++) {
		if (i)
			blob_putc(c->b, ',');
		c_party(c, x, &v[i], full);
	}
	blob_putc(c->b, ']');
}

/* "evidence":[…] of the spans. */
static void c_evidence(Canon *c, const Extraction *x, const ExSpan *v, int n, const char *text,
                       const CleanDoc *doc)
{
	Blob *b = c->b;
	blob_puts(b, "\"evidence\":[");
	for (int i = 0; i < n; i++) {
		unsigned long long s = x->text_base + v[i].start, e = x->text_base + v[i].end;
		blob_appendf(b, "%s{\"end\":%llu,\"orig_end\":%zu,\"orig_start\":%zu,\"quote\":", i ? "," : "", e,
		             clean_orig_offset(doc, (size_t)e), clean_orig_offset(doc, (size_t)s));
		c_str(c, text + v[i].start, v[i].end - v[i].start);
		blob_appendf(b, ",\"start\":%llu}", s);
	}
	blob_putc(b, ']');
}

/* "sentences":[…] of the spans. */
static void c_sentences(Canon *c, const Extraction *x, const ExSpan *v, int n)
{
	blob_puts(c->b, "\"sentences\":[");
	for (int i = 0; i < n; i++)
		blob_appendf(c->b, "%s%llu", i ? "," : "", (unsigned long long)(x->sent_base + v[i].sentence));
	blob_putc(c->b, ']');
}

/* The coordinate as it reaches jansson: written %.4f by extract_json.c and read back. */
static double as_written(float v)
{
	char s[64];
	snprintf(s, sizeof s, "%.4f", (double)v);
	return strtod(s, NULL);
}

static void c_place(Canon *c, const Extraction *x, const ExPlace *p)
{
	Blob *b = c->b;
	if (!p->name) {
		blob_puts(b, "null");
		return;
	}
	const LexEntry *e = p->entry ? lexicon_entry(x->lx, p->entry) : NULL;
	const LexCountry *ct = lexicon_country(x->lx, p->country);
	blob_puts(b, "{\"admin1\":");
	c_cstr(c, e && e->admin1 ? lexicon_str(x->lx, e->admin1) : NULL);
	blob_puts(b, ",\"country\":");
	c_cstr(c, ct ? ct->iso3 : NULL);
	blob_appendf(b, ",\"inferred\":%s,\"known\":%s", p->inferred ? "true" : "false", e ? "true" : "false");
	if (e && !isnan(e->lat) && !isnan(e->lon)) {
		double lat = as_written(e->lat), lon = as_written(e->lon);
		if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
			c->bad = 1;
		blob_puts(b, ",\"lat\":");
		c_real(b, lat);
		blob_puts(b, ",\"lon\":");
		c_real(b, lon);
	} else
		blob_puts(b, ",\"lat\":null,\"lon\":null");
	const char *prec = p->type == P_CAMP || p->type == P_SITE ? "site"
	                 : p->type == P_COUNTRY ? "country" : p->type == P_REGION ? "region" : "town";
	blob_puts(b, ",\"name\":");
	c_cstr(c, ex_str(x, p->name));
	blob_appendf(b, ",\"precision\":\"%s\",\"type\":", prec);
	c_opt(c, place_type_name(p->type));
	blob_putc(b, '}');
}

/* Whether s, trimmed as proposal_parse trims strings, is empty. */
static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

static int direct_event(const Extraction *x, size_t i, const char *text, const CleanDoc *doc, Canon *c)
{
	const ExEvent *e = &x->events[i];
	Blob *b = c->b;
	char s[11], end[11];
	blob_puts(b, "{\"date\":");
	if (!e->date_start.y)
		blob_puts(b, "null");
	else {
		if (!date_str(e->date_start, s) || !date_str(e->date_end, end) ||
		    (e->date_end.y && strcmp(end, s) < 0))
			c->bad = 1;
		blob_puts(b, "{\"end\":");
		c_cstr(c, e->date_end.y ? end : NULL);
		if (e->date_ongoing || (e->date_flags & (DS_RELATIVE | DS_INFERRED | DS_WEEKDAY)))
			blob_puts(b, ",\"inferred\":true");
		blob_appendf(b, ",\"precision\":\"%s\"", !e->date_start.m ? "year" : !e->date_start.d ? "month" : "day");
		if (e->date_flags & DS_SINCE)
			blob_puts(b, ",\"since\":true");
		blob_puts(b, ",\"start\":");
		c_cstr(c, s);
		blob_putc(b, '}');
	}
	blob_puts(b, ",\"detained\":");
	c_count(c, e->detained);
	blob_putc(b, ',');
	c_evidence(c, x, e->evidence, e->nevidence, text, doc);
	blob_puts(b, ",\"killed\":");
	c_count(c, e->killed);
	const char *kind = kind_name(e->kind);
	if (!kind_valid(kind))
		c->bad = 1;
	blob_puts(b, ",\"kind\":");
	c_cstr(c, kind);
	blob_puts(b, ",\"perpetrators\":");
	c_parties(c, x, e->perps, e->nperps, 1);
	blob_puts(b, ",\"place\":");
	c_place(c, x, &e->place);
	blob_puts(b, ",\"residents\":");
	c_count(c, e->residents);
	blob_putc(b, ',');
	c_sentences(c, x, e->evidence, e->nevidence);
	blob_appendf(b, ",\"status\":\"%s\",\"targets\":", e->status == ST_THREATENED ? "threatened" : "occurred");
	c_parties(c, x, e->targets, e->ntargets, 0);
	blob_puts(b, ",\"wounded\":");
	c_count(c, e->wounded);
	blob_putc(b, '}');
	return c->bad ? -1 : 0;
}

static int direct_appeal(const Extraction *x, size_t i, const char *text, const CleanDoc *doc, Canon *c)
{
	const ExAppeal *a = &x->appeals[i];
	Blob *b = c->b;
	char s[11];
	blob_puts(b, "{\"by\":");
	c_parties(c, x, a->by, a->nby, 0);
	if (!date_str(a->date, s))
		c->bad = 1;
	blob_puts(b, ",\"date\":");
	c_cstr(c, a->date.y ? s : NULL);
	blob_puts(b, ",\"demand\":");
	int demand = 0;
	if (a->demand_end > a->demand_start) {
		c_str(c, text + a->demand_start, a->demand_end - a->demand_start);
		demand = !blank(text + a->demand_start, a->demand_end - a->demand_start);
	} else
		blob_puts(b, "null");
	blob_putc(b, ',');
	c_evidence(c, x, a->evidence, a->nevidence, text, doc);
	blob_putc(b, ',');
	c_sentences(c, x, a->evidence, a->nevidence);
	blob_puts(b, ",\"to\":");
	c_parties(c, x, a->to, a->nto, 1);
	blob_putc(b, '}');
	/* proposal_parse wants an addressee or a demand: a name it keeps (not blank, no "; ") */
	int to = 0;
	for (int k = 0; k < a->nto && !to; k++) {
		const char *n = ex_str(x, a->to[k].name);
		to = !blank(n, strlen(n)) && !strstr(n, "; ");
	}
	if (!to && !demand)
		c->bad = 1;
	return c->bad ? -1 : 0;
}

int proposal_direct(const Extraction *x, int appeal, size_t i, const char *text, const CleanDoc *doc, Blob *out)
{
	if (!doc)
		return -1; /* without the map the JSON path fills orig_start/orig_end itself */
	Canon c = {out, 0};
	return appeal ? direct_appeal(x, i, text, doc, &c) : direct_event(x, i, text, doc, &c);
}
