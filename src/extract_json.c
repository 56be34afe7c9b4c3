/*
** extract_json.c — the records of an Extraction as JSON (the contract of
** ../shared/corpus/README.md, fields documented in extract.h) and as a readable summary.
** vigil add stores the same records without this JSON (proposal_direct.c writes what the
** JSON path stores): a field changed here must change there (test_proposal_direct fails).
*/
#include "clean.h"
#include "extract.h"
#include "util.h"

#include <math.h>
#include <string.h>

static void json_count(Blob *b, const char *key, ExCount c)
{
	blob_appendf(b, ",\"%s\":", key);
	if (c.min < 0 && c.max < 0) {
		blob_puts(b, "null");
		return;
	}
	blob_puts(b, "{\"min\":");
	if (c.min >= 0)
		blob_appendf(b, "%lld", (long long)c.min);
	else
		blob_puts(b, "null");
	blob_puts(b, ",\"max\":");
	if (c.max >= 0)
		blob_appendf(b, "%lld}", (long long)c.max);
	else
		blob_puts(b, "null}");
}

static void json_date(Blob *b, Ymd v)
{
	char s[11];
	ymd_format(v, s);
	blob_json_str(b, v.y ? s : NULL);
}

static const char *precision(Ymd v)
{
	return !v.m ? "year" : !v.d ? "month" : "day";
}

static void json_party(Blob *b, const Extraction *x, const ExParty *p, int full)
{
	const LexCountry *c = lexicon_country(x->lx, p->country);
	blob_puts(b, "{\"name\":");
	blob_json_str(b, ex_str(x, p->name));
	blob_json_field(b, "group", *group_name(p->group) ? group_name(p->group) : NULL);
	if (full) {
		blob_json_field(b, "country", c ? c->iso3 : NULL);
		if (p->inferred)
			blob_puts(b, ",\"inferred\":true");
	}
	blob_putc(b, '}');
}

static void json_parties(Blob *b, const char *key, const Extraction *x, const ExParty *v, int n, int full)
{
	blob_appendf(b, ",\"%s\":[", key);
	for (int i = 0; i < n; i++) {
		if (i)
			blob_putc(b, ',');
		json_party(b, x, &v[i], full);
	}
	blob_putc(b, ']');
}

static void json_evidence(Blob *b, const Extraction *x, const ExSpan *v, int n, const char *text,
                          const CleanDoc *doc)
{
	blob_puts(b, ",\"sentences\":[");
	for (int i = 0; i < n; i++)
		blob_appendf(b, "%s%llu", i ? "," : "", (unsigned long long)(x->sent_base + v[i].sentence));
	blob_puts(b, "],\"evidence\":[");
	for (int i = 0; i < n; i++) {
		blob_appendf(b, "%s{\"start\":%llu,\"end\":%llu", i ? "," : "",
		             (unsigned long long)(x->text_base + v[i].start), (unsigned long long)(x->text_base + v[i].end));
		if (doc)
			blob_appendf(b, ",\"orig_start\":%zu,\"orig_end\":%zu",
			             clean_orig_offset(doc, x->text_base + v[i].start),
			             clean_orig_offset(doc, x->text_base + v[i].end));
		blob_puts(b, ",\"quote\":\"");
		blob_json(b, text + v[i].start, v[i].end - v[i].start);
		blob_puts(b, "\"}");
	}
	blob_putc(b, ']');
}

static void json_place(Blob *b, const Extraction *x, const ExPlace *p)
{
	blob_puts(b, ",\"place\":");
	if (!p->name) {
		blob_puts(b, "null");
		return;
	}
	const LexEntry *e = p->entry ? lexicon_entry(x->lx, p->entry) : NULL;
	const LexCountry *c = lexicon_country(x->lx, p->country);
	blob_puts(b, "{\"name\":");
	blob_json_str(b, ex_str(x, p->name));
	blob_json_field(b, "type", *place_type_name(p->type) ? place_type_name(p->type) : NULL);
	blob_json_field(b, "country", c ? c->iso3 : NULL);
	blob_json_field(b, "admin1", e && e->admin1 ? lexicon_str(x->lx, e->admin1) : NULL);
	if (e && !isnan(e->lat) && !isnan(e->lon))
		blob_appendf(b, ",\"lat\":%.4f,\"lon\":%.4f", (double)e->lat, (double)e->lon);
	else
		blob_puts(b, ",\"lat\":null,\"lon\":null");
	const char *prec = p->type == P_CAMP || p->type == P_SITE ? "site"
	                 : p->type == P_COUNTRY ? "country" : p->type == P_REGION ? "region" : "town";
	blob_appendf(b, ",\"precision\":\"%s\",\"known\":%s,\"inferred\":%s}", prec, e ? "true" : "false",
	             p->inferred ? "true" : "false");
}

void extract_event_json(const Extraction *x, size_t i, const char *text, const CleanDoc *doc, Blob *b)
{
	const ExEvent *e = &x->events[i];
	blob_appendf(b, "{\"kind\":\"%s\",\"status\":\"%s\",\"date\":", kind_name(e->kind),
	             e->status == ST_THREATENED ? "threatened" : "occurred");
	if (!e->date_start.y)
		blob_puts(b, "null");
	else {
		blob_puts(b, "{\"start\":");
		json_date(b, e->date_start);
		blob_puts(b, ",\"end\":");
		json_date(b, e->date_end);
		blob_appendf(b, ",\"precision\":\"%s\"", precision(e->date_start));
		if (e->date_flags & DS_SINCE)
			blob_puts(b, ",\"since\":true");
		if (e->date_ongoing || (e->date_flags & (DS_RELATIVE | DS_INFERRED | DS_WEEKDAY)))
			blob_puts(b, ",\"inferred\":true");
		blob_putc(b, '}');
	}
	json_place(b, x, &e->place);
	json_parties(b, "perpetrators", x, e->perps, e->nperps, 1);
	json_parties(b, "targets", x, e->targets, e->ntargets, 0);
	json_count(b, "killed", e->killed);
	json_count(b, "wounded", e->wounded);
	json_count(b, "detained", e->detained);
	json_count(b, "residents", e->residents);
	json_evidence(b, x, e->evidence, e->nevidence, text, doc);
	blob_putc(b, '}');
}

void extract_appeal_json(const Extraction *x, size_t i, const char *text, const CleanDoc *doc, Blob *b)
{
	const ExAppeal *a = &x->appeals[i];
	blob_puts(b, "{\"date\":");
	json_date(b, a->date);
	json_parties(b, "by", x, a->by, a->nby, 0);
	json_parties(b, "to", x, a->to, a->nto, 1);
	blob_puts(b, ",\"demand\":");
	if (a->demand_end > a->demand_start) {
		blob_putc(b, '"');
		blob_json(b, text + a->demand_start, a->demand_end - a->demand_start);
		blob_putc(b, '"');
	} else
		blob_puts(b, "null");
	json_evidence(b, x, a->evidence, a->nevidence, text, doc);
	blob_putc(b, '}');
}
