/*
** export.c — records written out for others.
**
** JSON objects of incidents (with their claims and quotes) and appeals, shared by the
** commands, the exports and the web API; and `vigil export` in four formats:
**
**   csv      ACLED's columns, in ACLED's order (see the mapping below and docs/acled.md);
**   json     {"incidents":[…], "appeals":[…]} with every claim and quote;
**   geojson  a FeatureCollection of incidents (RFC 7946; unlocated ones with null geometry);
**   atom     an Atom 1.0 feed (RFC 4287) of incidents and threats, newest first.
**
** Every format is streamed: one incident is read, written and forgotten at a time.
*/
#include "cli.h"
#include "export.h"
#include "records.h"
#include "util.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

void count_json(Blob *b, const Count *c)
{
	if (c->min < 0) {
		blob_puts(b, "null");
		return;
	}
	blob_appendf(b, "{\"min\":%lld,\"max\":%lld,\"open\":%s,\"sources\":%d,\"independent\":%d,"
	                "\"edited\":%s}", c->min, c->max, c->open ? "true" : "false", c->sources, c->independent,
	             c->edited ? "true" : "false");
}

/* A "; "-separated list as a JSON array of strings. */
static void names_json(Blob *b, const char *list)
{
	blob_putc(b, '[');
	const char *s = list;
	int first = 1;
	while (s && *s) {
		const char *e = strstr(s, "; ");
		size_t n = e ? (size_t)(e - s) : strlen(s);
		blob_puts(b, first ? "\"" : ",\"");
		blob_json(b, s, n);
		blob_putc(b, '"');
		first = 0;
		s += n;
		if (e)
			s += 2;
	}
	blob_putc(b, ']');
}

static void num_or_null(Blob *b, long long v)
{
	if (v >= 0)
		blob_appendf(b, "%lld", v);
	else
		blob_puts(b, "null");
}

static int claim_json(const Claim *c, void *ctx)
{
	Blob *b = ctx;
	if (b->data[b->len - 1] != '[')
		blob_putc(b, ',');
	blob_appendf(b, "{\"id\":%lld,\"field\":\"%s\",\"value\":", c->id, c->field);
	if (c->value)
		blob_json_str(b, c->value);
	else if (c->min >= 0) {
		blob_appendf(b, "{\"min\":%lld,\"max\":", c->min);
		num_or_null(b, c->max);
		blob_putc(b, '}');
	} else
		blob_puts(b, "null");
	if (c->report_id) {
		blob_appendf(b, ",\"report\":%lld,\"proposal\":", c->report_id);
		num_or_null(b, c->proposal_id ? c->proposal_id : -1);
		blob_puts(b, ",\"publisher\":");
		blob_json_str(b, c->publisher);
		blob_puts(b, ",\"published\":");
		blob_json_str(b, c->published);
		blob_appendf(b, ",\"source_group\":%d,\"quote\":", c->group);
		blob_json_str(b, c->quote);
		blob_puts(b, ",\"start\":");
		num_or_null(b, c->start);
		blob_puts(b, ",\"end\":");
		num_or_null(b, c->end);
		blob_puts(b, ",\"orig_start\":");
		num_or_null(b, c->orig_start);
		blob_puts(b, ",\"orig_end\":");
		num_or_null(b, c->orig_end);
	} else {
		blob_puts(b, ",\"report\":null,\"edited_by\":");
		blob_json_str(b, c->who);
		blob_puts(b, ",\"reason\":");
		blob_json_str(b, c->reason);
	}
	blob_puts(b, ",\"at\":");
	blob_json_str(b, c->at);
	blob_putc(b, '}');
	return 0;
}

static int link_json(long long appeal, long long incident, void *ctx)
{
	Blob *b = ctx;
	blob_appendf(b, "%s%lld", b->data[b->len - 1] == '[' ? "" : ",", appeal ? appeal : incident);
	return 0;
}

int incident_json(Blob *b, Store *st, const Incident *in, int with_claims)
{
	blob_appendf(b, "{\"id\":%lld,\"kind\":\"%s\",\"status\":\"%s\",\"date\":{\"start\":", in->id, in->kind,
	             in->status);
	blob_json_str(b, in->date_start);
	blob_puts(b, ",\"end\":");
	blob_json_str(b, in->date_end);
	blob_puts(b, "},\"place\":{\"name\":");
	blob_json_str(b, in->place);
	blob_puts(b, ",\"country\":");
	blob_json_str(b, in->country);
	blob_puts(b, ",\"admin1\":");
	blob_json_str(b, in->admin1);
	blob_puts(b, ",\"admin2\":");
	blob_json_str(b, in->admin2);
	if (in->has_coords)
		blob_appendf(b, ",\"lat\":%.6f,\"lon\":%.6f", in->lat, in->lon);
	else
		blob_puts(b, ",\"lat\":null,\"lon\":null");
	blob_puts(b, ",\"geo_precision\":");
	num_or_null(b, in->geo_precision ? in->geo_precision : -1);
	blob_puts(b, ",\"record\":");
	num_or_null(b, in->place_id ? in->place_id : -1);
	blob_puts(b, "},\"perpetrators\":");
	names_json(b, in->perpetrators);
	blob_puts(b, ",\"targets\":");
	names_json(b, in->targets);
	blob_puts(b, ",\"killed\":");
	count_json(b, &in->killed);
	blob_puts(b, ",\"wounded\":");
	count_json(b, &in->wounded);
	blob_puts(b, ",\"detained\":");
	count_json(b, &in->detained);
	blob_appendf(b, ",\"sources\":%d,\"independent\":%d,\"description\":", in->sources, in->independent);
	blob_json_str(b, in->description);
	if (in->threat) {
		blob_puts(b, ",\"threat\":{\"state\":");
		blob_json_str(b, in->threat);
		blob_puts(b, ",\"announced\":");
		blob_json_str(b, in->announced);
		blob_puts(b, ",\"due\":");
		blob_json_str(b, in->due);
		blob_puts(b, ",\"fulfilled_by\":");
		num_or_null(b, in->fulfilled_by ? in->fulfilled_by : -1);
		blob_puts(b, ",\"note\":");
		blob_json_str(b, in->threat_note);
		blob_putc(b, '}');
	} else
		blob_puts(b, ",\"threat\":null");
	blob_puts(b, ",\"merged_into\":");
	num_or_null(b, in->merged_into ? in->merged_into : -1);
	blob_puts(b, ",\"created_at\":");
	blob_json_str(b, in->created_at);
	blob_puts(b, ",\"updated_at\":");
	blob_json_str(b, in->updated_at);
	if (with_claims) {
		blob_puts(b, ",\"appeals\":[");
		if (store_appeal_links_each(st, 0, in->id, link_json, b) != 0)
			return -1;
		blob_puts(b, "],\"claims\":[");
		if (store_claims_each(st, in->id, claim_json, b) != 0)
			return -1;
		blob_putc(b, ']');
	}
	blob_putc(b, '}');
	return 0;
}

static int source_json(const AppealSource *s, void *ctx)
{
	Blob *b = ctx;
	if (b->data[b->len - 1] != '[')
		blob_putc(b, ',');
	blob_appendf(b, "{\"report\":%lld,\"publisher\":", s->report_id);
	blob_json_str(b, s->publisher);
	blob_puts(b, ",\"published\":");
	blob_json_str(b, s->published);
	blob_puts(b, ",\"quote\":");
	blob_json_str(b, s->quote);
	blob_puts(b, ",\"start\":");
	num_or_null(b, s->start);
	blob_puts(b, ",\"end\":");
	num_or_null(b, s->end);
	blob_puts(b, ",\"orig_start\":");
	num_or_null(b, s->orig_start);
	blob_puts(b, ",\"orig_end\":");
	num_or_null(b, s->orig_end);
	blob_putc(b, '}');
	return 0;
}

int appeal_json(Blob *b, Store *st, const Appeal *a)
{
	blob_appendf(b, "{\"id\":%lld,\"date\":", a->id);
	blob_json_str(b, a->date);
	blob_puts(b, ",\"by\":");
	names_json(b, a->by);
	blob_puts(b, ",\"to\":");
	names_json(b, a->to);
	blob_puts(b, ",\"demand\":");
	blob_json_str(b, a->demand);
	blob_puts(b, ",\"response\":{\"state\":");
	blob_json_str(b, a->response);
	blob_puts(b, ",\"date\":");
	blob_json_str(b, a->response_date);
	blob_puts(b, ",\"report\":");
	num_or_null(b, a->response_report ? a->response_report : -1);
	blob_puts(b, ",\"note\":");
	blob_json_str(b, a->response_note);
	blob_puts(b, "},\"incidents\":[");
	if (store_appeal_links_each(st, a->id, 0, link_json, b) != 0)
		return -1;
	blob_puts(b, "],\"sources\":[");
	if (store_appeal_sources_each(st, a->id, source_json, b) != 0)
		return -1;
	blob_puts(b, "]}");
	return 0;
}

void csv_cell(Blob *b, const char *s, int text)
{
	if (!s)
		return;
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	int neutral = text && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r');
	if (neutral)
		quote = 1;
	if (!quote) {
		blob_puts(b, s);
		return;
	}
	blob_putc(b, '"');
	if (neutral)
		blob_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			blob_putc(b, '"');
		blob_putc(b, *s);
	}
	blob_putc(b, '"');
}
