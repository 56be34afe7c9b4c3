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
#include "export.h"
#include "records.h"
#include "util.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

void count_json(Blob *b, const Count *c)
{
	if (c->min < 0) {
		blob_puts(b, "null");
		return;
	}
	blob_puts(b, "{\"min\":");
	blob_ll(b, c->min);
	blob_puts(b, ",\"max\":");
	blob_ll(b, c->max);
	blob_puts(b, c->open ? ",\"open\":true,\"sources\":" : ",\"open\":false,\"sources\":");
	blob_ll(b, c->sources);
	blob_puts(b, ",\"independent\":");
	blob_ll(b, c->independent);
	blob_puts(b, c->edited ? ",\"edited\":true}" : ",\"edited\":false}");
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

int claim_json(const Claim *c, void *ctx)
{
	Blob *b = ctx;
	if (b->data[b->len - 1] != '[')
		blob_putc(b, ',');
	blob_puts(b, "{\"id\":");
	blob_ll(b, c->id);
	blob_puts(b, ",\"field\":\"");
	blob_puts(b, c->field);
	blob_puts(b, "\",\"value\":");
	if (c->value)
		blob_json_str(b, c->value);
	else if (c->min >= 0) {
		blob_puts(b, "{\"min\":");
		blob_ll(b, c->min);
		blob_puts(b, ",\"max\":");
		blob_json_num(b, c->max, 0);
		blob_putc(b, '}');
	} else
		blob_puts(b, "null");
	if (c->report_id) {
		blob_puts(b, ",\"report\":");
		blob_ll(b, c->report_id);
		blob_puts(b, ",\"proposal\":");
		blob_json_num(b, c->proposal_id ? c->proposal_id : -1, 0);
		blob_json_field(b, "publisher", c->publisher);
		blob_json_field(b, "published", c->published);
		blob_puts(b, ",\"source_group\":");
		blob_ll(b, c->group);
		blob_json_field(b, "quote", c->quote);
		blob_puts(b, ",\"start\":");
		blob_json_num(b, c->start, 0);
		blob_puts(b, ",\"end\":");
		blob_json_num(b, c->end, 0);
		blob_puts(b, ",\"orig_start\":");
		blob_json_num(b, c->orig_start, 0);
		blob_puts(b, ",\"orig_end\":");
		blob_json_num(b, c->orig_end, 0);
	} else {
		blob_puts(b, ",\"report\":null,\"edited_by\":");
		blob_json_str(b, c->who);
		blob_json_field(b, "reason", c->reason);
	}
	blob_json_field(b, "at", c->at);
	blob_putc(b, '}');
	return 0;
}

static int link_json(long long appeal, long long incident, void *ctx)
{
	Blob *b = ctx;
	if (b->data[b->len - 1] != '[')
		blob_putc(b, ',');
	blob_ll(b, appeal ? appeal : incident);
	return 0;
}

static int incident_json_with(Blob *b, Store *st, const Incident *in, int with_claims, IncidentCursor *cur);

int incident_json(Blob *b, Store *st, const Incident *in, int with_claims)
{
	return incident_json_with(b, st, in, with_claims, NULL);
}

/* incident_json; with a cursor (an export, incidents in id order) the claims and appeal
   links come from it rather than from two queries. */
static int incident_json_with(Blob *b, Store *st, const Incident *in, int with_claims, IncidentCursor *cur)
{
	blob_puts(b, "{\"id\":");
	blob_ll(b, in->id);
	blob_puts(b, ",\"kind\":\"");
	blob_puts(b, in->kind);
	blob_puts(b, "\",\"status\":\"");
	blob_puts(b, in->status);
	blob_puts(b, "\",\"date\":{\"start\":");
	blob_json_str(b, in->date_start);
	blob_json_field(b, "end", in->date_end);
	blob_puts(b, "},\"place\":{\"name\":");
	blob_json_str(b, in->place);
	blob_json_field(b, "country", in->country);
	blob_json_field(b, "admin1", in->admin1);
	blob_json_field(b, "admin2", in->admin2);
	if (in->has_coords)
		blob_appendf(b, ",\"lat\":%.6f,\"lon\":%.6f", in->lat, in->lon);
	else
		blob_puts(b, ",\"lat\":null,\"lon\":null");
	blob_puts(b, ",\"geo_precision\":");
	blob_json_num(b, in->geo_precision ? in->geo_precision : -1, 0);
	blob_puts(b, ",\"record\":");
	blob_json_num(b, in->place_id ? in->place_id : -1, 0);
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
	blob_puts(b, ",\"sources\":");
	blob_ll(b, in->sources);
	blob_puts(b, ",\"independent\":");
	blob_ll(b, in->independent);
	blob_json_field(b, "description", in->description);
	if (in->threat) {
		blob_puts(b, ",\"threat\":{\"state\":");
		blob_json_str(b, in->threat);
		blob_json_field(b, "announced", in->announced);
		blob_json_field(b, "due", in->due);
		blob_puts(b, ",\"fulfilled_by\":");
		blob_json_num(b, in->fulfilled_by ? in->fulfilled_by : -1, 0);
		blob_json_field(b, "note", in->threat_note);
		blob_putc(b, '}');
	} else
		blob_puts(b, ",\"threat\":null");
	blob_puts(b, ",\"merged_into\":");
	blob_json_num(b, in->merged_into ? in->merged_into : -1, 0);
	blob_json_field(b, "created_at", in->created_at);
	blob_json_field(b, "updated_at", in->updated_at);
	if (with_claims) {
		blob_puts(b, ",\"appeals\":[");
		if (cur ? store_incident_cursor_links(cur, in->id, link_json, b) != 0
		        : store_appeal_links_each(st, 0, in->id, link_json, b) != 0)
			return -1;
		blob_puts(b, "],\"claims\":[");
		if (cur ? store_incident_cursor_claims(cur, in->id, claim_json, b) != 0
		        : store_claims_each(st, in->id, claim_json, b) != 0)
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
	blob_json_field(b, "published", s->published);
	blob_json_field(b, "quote", s->quote);
	blob_puts(b, ",\"start\":");
	blob_json_num(b, s->start, 0);
	blob_puts(b, ",\"end\":");
	blob_json_num(b, s->end, 0);
	blob_puts(b, ",\"orig_start\":");
	blob_json_num(b, s->orig_start, 0);
	blob_puts(b, ",\"orig_end\":");
	blob_json_num(b, s->orig_end, 0);
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
	blob_json_field(b, "demand", a->demand);
	blob_puts(b, ",\"response\":{\"state\":");
	blob_json_str(b, a->response);
	blob_json_field(b, "date", a->response_date);
	blob_puts(b, ",\"report\":");
	blob_json_num(b, a->response_report ? a->response_report : -1, 0);
	blob_json_field(b, "note", a->response_note);
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

/* ---- the ACLED mapping ----
**
** vigil kind     ACLED disorder_type / event_type / sub_event_type
** attack         Political violence / Violence against civilians / Attack
** killing        Political violence / Violence against civilians / Attack
** abduction      Political violence / Violence against civilians / Abduction/forced disappearance
** shelling       Political violence / Explosions/Remote violence / Shelling/artillery/missile attack
** raid           with killed or wounded: as attack; without: Strategic developments / Strategic
**                developments / Other
** arrest         Strategic developments / Strategic developments / Arrests
** siege, blockade, relocation, surveillance, other
**                Strategic developments / Strategic developments / Other
**
** ACLED records events that happened: threats are left out of the CSV (--threats puts
** them in, tagged "threatened"). actor1 is the first alleged perpetrator (else
** "Unidentified Armed Group (COUNTRY)"), assoc_actor_1 the others; inter1 comes from the
** actor record's group. Violence against civilians and remote violence have actor2
** "Civilians (COUNTRY)" with the named targets as assoc_actor_2, and civilian_targeting
** "Civilian targeting". fatalities is the lowest credible figure. docs/acled.md says more.
*/

typedef struct Acled {
	const char *disorder, *event, *sub;
	int civilians; /* actor2 is civilians */
} Acled;

static Acled acled_type(const Incident *in)
{
	static const Acled vac = {"Political violence", "Violence against civilians", "Attack", 1};
	static const Acled abd = {"Political violence", "Violence against civilians", "Abduction/forced disappearance", 1};
	static const Acled rem = {"Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack", 1};
	static const Acled arr = {"Strategic developments", "Strategic developments", "Arrests", 0};
	static const Acled oth = {"Strategic developments", "Strategic developments", "Other", 0};
	const char *k = in->kind;
	if (strcmp(k, "attack") == 0 || strcmp(k, "killing") == 0)
		return vac;
	if (strcmp(k, "abduction") == 0)
		return abd;
	if (strcmp(k, "shelling") == 0)
		return rem;
	if (strcmp(k, "raid") == 0)
		return in->killed.min > 0 || in->wounded.min > 0 ? vac : oth;
	if (strcmp(k, "arrest") == 0)
		return arr;
	return oth;
}

/* A country of data/countries.tsv. */
typedef struct Country {
	char *name, *iso3, *numeric, *region, *aliases;
} Country;

typedef struct Actors {
	char **name, **group;
	size_t n;
} Actors;

/* What an export needs beside the incidents: countries, actor groups, the sources walk. */
typedef struct Exporter {
	Store *st;
	const ExportOpts *o;
	void (*fn)(const void *data, size_t len, void *ctx);
	void *ctx;
	Blob out;
	long long n;
	Country *countries;
	size_t ncountries;
	Blob countries_file;
	Actors actors;
	char instance[37];
	int failed;
	IncidentCursor *cursor; /* the claims and links beside the incidents (json) */
} Exporter;

static void flush(Exporter *e, int force)
{
	if (e->out.len && (force || e->out.len > 1 << 16)) {
		e->fn(e->out.data, e->out.len, e->ctx);
		blob_reset(&e->out);
	}
}

static void load_countries(Exporter *e)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/countries.tsv", e->o->datadir ? e->o->datadir : "data");
	if (read_file(path, &e->countries_file) != 0)
		return;
	char *line = e->countries_file.data;
	size_t cap = 0;
	while (line && *line) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		char *f[6] = {0};
		int k = 0;
		f[k++] = line;
		for (char *s = line; *s && k < 6; s++)
			if (*s == '\t') {
				*s = 0;
				f[k++] = s + 1;
			}
		if (line[0] != '#' && k >= 5 && strcmp(f[0], "name") != 0) {
			if (e->ncountries == cap) {
				cap = cap ? cap * 2 : 256;
				e->countries = xrealloc(e->countries, cap * sizeof *e->countries);
			}
			Country *c = &e->countries[e->ncountries++];
			c->name = f[0];
			c->iso3 = f[1];
			c->numeric = f[3];
			c->region = f[4];
			c->aliases = k > 5 ? f[5] : "";
		}
		line = nl ? nl + 1 : NULL;
	}
}

static const Country *find_country(const Exporter *e, const char *name)
{
	if (!name)
		return NULL;
	size_t n = strlen(name);
	for (size_t i = 0; i < e->ncountries; i++) {
		const Country *c = &e->countries[i];
		if (strcasecmp(c->name, name) == 0 || strcasecmp(c->iso3, name) == 0)
			return c;
		for (const char *a = c->aliases; *a;) {
			const char *bar = strchr(a, '|');
			size_t k = bar ? (size_t)(bar - a) : strlen(a);
			if (k == n && strncasecmp(a, name, n) == 0)
				return c;
			a += k + (bar ? 1 : 0);
		}
	}
	return NULL;
}

static int collect_actor(const Actor *a, void *ctx)
{
	Actors *l = ctx;
	l->name = xrealloc(l->name, (l->n + 1) * sizeof *l->name);
	l->group = xrealloc(l->group, (l->n + 1) * sizeof *l->group);
	l->name[l->n] = xstrdup(a->name);
	l->group[l->n] = a->group ? xstrdup(a->group) : NULL;
	l->n++;
	return 0;
}

/* ACLED's actor category from an actor record's group. */
static const char *inter_of(const Exporter *e, const char *actor)
{
	const char *g = NULL;
	for (size_t i = 0; actor && i < e->actors.n; i++)
		if (strcasecmp(e->actors.name[i], actor) == 0)
			g = e->actors.group[i];
	if (!g)
		return actor ? "Political militia" : "";
	static const struct {
		const char *word, *inter;
	} map[] = {
		{"identity", "Identity militia"}, {"state", "State forces"}, {"government", "State forces"},
		{"police", "State forces"},       {"army", "State forces"},  {"military", "State forces"},
		{"security", "State forces"},     {"rebel", "Rebel group"},  {"insurg", "Rebel group"},
		{"militia", "Political militia"}, {"armed", "Political militia"},
		{"protest", "Protesters"},        {"riot", "Rioters"},       {"civilian", "Civilians"},
		{"agency", "External/Other forces"}, {"international", "External/Other forces"},
		{"foreign", "External/Other forces"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcasestr(g, map[i].word))
			return map[i].inter;
	return "External/Other forces";
}

/* The n-th name (0-based) of a "; "-separated list into out; 0 when there is none. */
static int nth_name(const char *list, int n, Blob *out)
{
	blob_reset(out);
	const char *s = list;
	for (int i = 0; s && *s; i++) {
		const char *e = strstr(s, "; ");
		size_t k = e ? (size_t)(e - s) : strlen(s);
		if (i == n) {
			blob_append(out, s, k);
			return 1;
		}
		s += k + (e ? 2 : 0);
	}
	return 0;
}

/* A figure for CSV and notes, in ASCII: "7", "7-8", "7-8+". */
static void count_ascii(Blob *b, const Count *c)
{
	if (c->min < 0)
		return;
	blob_appendf(b, "%lld", c->min);
	if (c->max > c->min)
		blob_appendf(b, "-%lld", c->max);
	if (c->open)
		blob_putc(b, '+');
}

/* The sentence an export gives when no description was written. */
static void notes_text(Blob *b, const Incident *in)
{
	if (in->description) {
		blob_puts(b, in->description);
		return;
	}
	if (in->threat)
		blob_appendf(b, "Threatened %s", in->kind);
	else
		blob_appendf(b, "%c%s", in->kind[0] >= 'a' && in->kind[0] <= 'z' ? in->kind[0] - 32 : in->kind[0],
		             in->kind + 1);
	if (in->place)
		blob_puts(b, " at ");
	if (in->place)
		blob_puts(b, in->place);
	if (in->date_start)
		blob_appendf(b, " on %s", in->date_start);
	if (in->date_end)
		blob_appendf(b, " to %s", in->date_end);
	if (in->perpetrators)
		blob_appendf(b, ", attributed to %s", in->perpetrators);
	blob_putc(b, '.');
	if (in->killed.min >= 0) {
		blob_puts(b, " Killed: ");
		count_ascii(b, &in->killed);
		blob_putc(b, '.');
	}
	if (in->wounded.min >= 0) {
		blob_puts(b, " Wounded: ");
		count_ascii(b, &in->wounded);
		blob_putc(b, '.');
	}
	if (in->detained.min >= 0) {
		blob_puts(b, " Detained: ");
		count_ascii(b, &in->detained);
		blob_putc(b, '.');
	}
	blob_appendf(b, " %d source%s, %d independent (vigil incident %lld).", in->sources, in->sources == 1 ? "" : "s",
	             in->independent, in->id);
}

static const char csv_header[] =
	"event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
	"assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
	"country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
	"notes,fatalities,tags,timestamp\r\n";

typedef struct CsvCtx {
	Exporter *e;
	/* the sources of every incident, loaded lazily in id order */
	long long *ids;
	char **names;
	size_t n, cap, at;
} CsvCtx;

static int collect_sources(long long incident, int reports, const char *names, void *ctx)
{
	CsvCtx *c = ctx;
	(void)reports;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 1024;
		c->ids = xrealloc(c->ids, c->cap * sizeof *c->ids);
		c->names = xrealloc(c->names, c->cap * sizeof *c->names);
	}
	c->ids[c->n] = incident;
	c->names[c->n++] = xstrdup(names);
	return 0;
}

static const char *sources_of(CsvCtx *c, long long id)
{
	while (c->at < c->n && c->ids[c->at] < id)
		c->at++;
	return c->at < c->n && c->ids[c->at] == id ? c->names[c->at] : "";
}

static int csv_row(const Incident *in, void *ctx)
{
	CsvCtx *c = ctx;
	Exporter *e = c->e;
	Blob *b = &e->out;
	if (in->threat && !e->o->threats)
		return 0;
	Acled t = acled_type(in);
	const Country *co = find_country(e, in->country);
	char first[11], last[11];
	date_bounds(in->date_start, in->date_end, first, last);
	int precision = !in->date_start ? 3 : strlen(in->date_start) == 10 && !in->date_end ? 1
	              : strcmp(first, last) <= 0 && strlen(in->date_start) == 10 ? 2 : 3;
	Blob v = BLOB_INIT, a1 = BLOB_INIT, tags = BLOB_INIT;
	/* event_id_cnty: ACLED's country code plus our number */
	blob_appendf(b, "%s%lld,", co ? co->iso3 : "VGL", in->id);
	blob_appendf(b, "%s,%.4s,%d,", first, first[0] ? first : "", precision);
	csv_cell(b, t.disorder, 1);
	blob_putc(b, ',');
	csv_cell(b, t.event, 1);
	blob_putc(b, ',');
	csv_cell(b, t.sub, 1);
	blob_putc(b, ',');
	/* actor1 and the associated actors */
	int named = nth_name(in->perpetrators, 0, &a1);
	if (!named) {
		blob_puts(&a1, "Unidentified Armed Group");
		if (co || in->country)
			blob_appendf(&a1, " (%s)", co ? co->name : in->country);
	}
	csv_cell(b, blob_str(&a1), 1);
	blob_putc(b, ',');
	const char *rest = in->perpetrators ? strstr(in->perpetrators, "; ") : NULL;
	csv_cell(b, rest ? rest + 2 : NULL, 1);
	blob_putc(b, ',');
	const char *inter1 = named ? inter_of(e, blob_str(&a1)) : "Political militia";
	csv_cell(b, inter1, 1);
	blob_putc(b, ',');
	if (t.civilians) {
		blob_reset(&v);
		blob_puts(&v, "Civilians");
		if (co || in->country)
			blob_appendf(&v, " (%s)", co ? co->name : in->country);
		csv_cell(b, blob_str(&v), 1);
		blob_putc(b, ',');
		csv_cell(b, in->targets, 1);
		blob_puts(b, ",Civilians,");
		blob_reset(&v);
		blob_appendf(&v, "%s-Civilians", inter1);
		csv_cell(b, blob_str(&v), 1);
		blob_puts(b, ",Civilian targeting,");
	} else {
		blob_puts(b, ",,,");
		blob_reset(&v);
		blob_appendf(&v, "%s only", inter1);
		csv_cell(b, blob_str(&v), 1);
		blob_puts(b, ",,");
	}
	blob_appendf(b, "%s,", co ? co->numeric : "");
	csv_cell(b, co ? co->region : NULL, 1);
	blob_putc(b, ',');
	csv_cell(b, co ? co->name : in->country, 1);
	blob_putc(b, ',');
	csv_cell(b, in->admin1, 1);
	blob_putc(b, ',');
	csv_cell(b, in->admin2, 1);
	blob_puts(b, ",,");
	csv_cell(b, in->place, 1);
	blob_putc(b, ',');
	if (in->has_coords)
		blob_appendf(b, "%.4f,%.4f,%d,", in->lat, in->lon, in->geo_precision ? in->geo_precision : 1);
	else
		blob_puts(b, ",,,");
	csv_cell(b, sources_of(c, in->id), 1);
	blob_puts(b, ",Other,");
	blob_reset(&v);
	notes_text(&v, in);
	csv_cell(b, blob_str(&v), 1);
	blob_appendf(b, ",%lld,", in->killed.min > 0 ? in->killed.min : 0);
	if (in->threat)
		blob_appendf(&tags, "threatened; threat %s", in->threat);
	if (in->killed.min >= 0) {
		blob_appendf(&tags, "%skilled ", tags.len ? "; " : "");
		count_ascii(&tags, &in->killed);
	}
	if (in->wounded.min >= 0) {
		blob_appendf(&tags, "%swounded ", tags.len ? "; " : "");
		count_ascii(&tags, &in->wounded);
	}
	if (in->detained.min >= 0) {
		blob_appendf(&tags, "%sdetained ", tags.len ? "; " : "");
		count_ascii(&tags, &in->detained);
	}
	blob_appendf(&tags, "%ssources %d; independent %d", tags.len ? "; " : "", in->sources, in->independent);
	csv_cell(b, blob_str(&tags), 1);
	blob_appendf(b, ",%lld\r\n", in->updated_unix);
	blob_free(&v);
	blob_free(&a1);
	blob_free(&tags);
	e->n++;
	flush(e, 0);
	return 0;
}

static int json_row(const Incident *in, void *ctx)
{
	Exporter *e = ctx;
	blob_puts(&e->out, e->n ? ",\n" : "\n");
	if (incident_json_with(&e->out, e->st, in, 1, e->cursor) != 0) {
		e->failed = 1;
		return 1;
	}
	e->n++;
	flush(e, 0);
	return 0;
}

static int appeal_row(const Appeal *a, void *ctx)
{
	Exporter *e = ctx;
	blob_puts(&e->out, e->n ? ",\n" : "\n");
	if (appeal_json(&e->out, e->st, a) != 0) {
		e->failed = 1;
		return 1;
	}
	e->n++;
	flush(e, 0);
	return 0;
}

static int geojson_row(const Incident *in, void *ctx)
{
	Exporter *e = ctx;
	Blob *b = &e->out;
	blob_puts(b, e->n ? ",\n" : "\n");
	blob_appendf(b, "{\"type\":\"Feature\",\"id\":%lld,\"geometry\":", in->id);
	if (in->has_coords)
		blob_appendf(b, "{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}", in->lon, in->lat);
	else
		blob_puts(b, "null");
	blob_puts(b, ",\"properties\":");
	if (incident_json(b, e->st, in, 0) != 0) {
		e->failed = 1;
		return 1;
	}
	blob_putc(b, '}');
	e->n++;
	flush(e, 0);
	return 0;
}

/* Text for XML: escaped, and the control characters XML 1.0 forbids dropped. */
static void xml_text(Blob *b, const char *s)
{
	if (!s)
		return;
	size_t run = 0, n = strlen(s);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
			continue;
		blob_html(b, s + run, i - run);
		run = i + 1;
	}
	blob_html(b, s + run, n - run);
}

/* A stable UUID-shaped id: SHA-256 of the database's instance id and a name. */
static void name_uuid(const char *instance, const char *name, char out[37])
{
	char hex[65];
	Blob in = BLOB_INIT;
	blob_appendf(&in, "%s/%s", instance, name);
	sha256_hex(in.data, in.len, hex);
	blob_free(&in);
	hex[12] = '8'; /* version 8: name-based, vendor-defined */
	hex[16] = "89ab"[hex[16] % 4];
	snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

/* The database's own id, made once and kept in meta. */
static void instance_id(Store *st, char out[37])
{
	Blob v = BLOB_INIT;
	if (store_meta_get(st, "instance", &v) == 1 && v.len == 36) {
		memcpy(out, v.data, 37);
		blob_free(&v);
		return;
	}
	unsigned char r[16];
	char hex[33];
	randombytes_buf(r, sizeof r);
	r[6] = (unsigned char)((r[6] & 0x0f) | 0x40);
	r[8] = (unsigned char)((r[8] & 0x3f) | 0x80);
	sodium_bin2hex(hex, sizeof hex, r, sizeof r);
	snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
	store_meta_put(st, "instance", out);
	blob_free(&v);
}

static int atom_entry(const Incident *in, void *ctx)
{
	Exporter *e = ctx;
	Blob *b = &e->out;
	char name[64], uuid[37];
	Blob title = BLOB_INIT, notes = BLOB_INIT;
	snprintf(name, sizeof name, "incident/%lld", in->id);
	name_uuid(e->instance, name, uuid);
	if (in->threat)
		blob_appendf(&title, "Threat (%s%s%s): %s", in->threat, in->due ? ", due " : "", in->due ? in->due : "",
		             in->kind);
	else
		blob_appendf(&title, "%c%s", in->kind[0] - 32, in->kind + 1);
	if (in->place)
		blob_appendf(&title, " at %s", in->place);
	if (in->date_start)
		blob_appendf(&title, ", %s", in->date_start);
	if (in->killed.min > 0) {
		blob_puts(&title, ": ");
		count_ascii(&title, &in->killed);
		blob_puts(&title, " killed");
	}
	notes_text(&notes, in);
	blob_puts(b, " <entry>\n  <id>urn:uuid:");
	blob_puts(b, uuid);
	blob_puts(b, "</id>\n  <title>");
	xml_text(b, blob_str(&title));
	blob_puts(b, "</title>\n  <updated>");
	xml_text(b, in->updated_at);
	blob_puts(b, "</updated>\n  <published>");
	xml_text(b, in->created_at);
	blob_puts(b, "</published>\n");
	if (e->o->base) {
		blob_puts(b, "  <link rel=\"alternate\" href=\"");
		xml_text(b, e->o->base);
		blob_appendf(b, "incident/%lld\"/>\n", in->id);
	}
	blob_puts(b, "  <category term=\"");
	xml_text(b, in->kind);
	blob_puts(b, "\"/>\n  <category term=\"");
	xml_text(b, in->threat ? "threat" : "incident");
	blob_puts(b, "\"/>\n  <summary type=\"text\">");
	xml_text(b, blob_str(&notes));
	blob_puts(b, "</summary>\n </entry>\n");
	blob_free(&title);
	blob_free(&notes);
	e->n++;
	flush(e, 0);
	return 0;
}

typedef struct Latest {
	char at[32];
} Latest;

static int latest_update(const Incident *in, void *ctx)
{
	Latest *l = ctx;
	if (in->updated_at && strcmp(in->updated_at, l->at) > 0)
		snprintf(l->at, sizeof l->at, "%s", in->updated_at);
	return 0;
}

int export_write(Store *st, const ExportOpts *o, void (*fn)(const void *data, size_t len, void *ctx), void *ctx,
                 long long *count, Blob *err)
{
	Exporter e = {0};
	e.st = st;
	e.o = o;
	e.fn = fn;
	e.ctx = ctx;
	IncidentFilter f = {0};
	char since[11] = "", until[11] = "", x[11];
	f.kind = o->kind;
	f.place = o->place;
	f.status = o->status;
	if (o->since) {
		date_bounds(o->since, NULL, since, x);
		f.since = since;
	}
	if (o->until) {
		date_bounds(o->until, NULL, x, until);
		f.until = until;
	}
	int rc = -1;
	if (strcmp(o->format, "csv") == 0) {
		CsvCtx c = {0};
		c.e = &e;
		load_countries(&e);
		if (store_actors_each(st, collect_actor, &e.actors) != 0 ||
		    store_incident_sources_each(st, collect_sources, &c) != 0)
			goto store_failed;
		blob_puts(&e.out, csv_header);
		f.by_id = 1;
		int bad = store_incidents_each(st, &f, csv_row, &c) != 0;
		for (size_t i = 0; i < c.n; i++)
			free(c.names[i]);
		free(c.names);
		free(c.ids);
		if (bad)
			goto store_failed;
	} else if (strcmp(o->format, "json") == 0) {
		char now[21];
		now_iso(now);
		blob_appendf(&e.out, "{\"generator\":\"vigil\",\"generated\":\"%s\",\"incidents\":[", now);
		/* by id, as the CSV, so the claims can be read beside the incidents in one walk
		   (in date order each incident's claims were a random read: 3 times slower) */
		f.by_id = 1;
		if (!(e.cursor = store_incident_cursor(st)))
			goto store_failed;
		int bad = store_incidents_each(st, &f, json_row, &e) != 0 || e.failed;
		store_incident_cursor_free(e.cursor);
		e.cursor = NULL;
		if (bad)
			goto store_failed;
		long long incidents = e.n;
		blob_puts(&e.out, incidents ? "\n],\"appeals\":[" : "],\"appeals\":[");
		e.n = 0;
		if (store_appeals_each(st, NULL, o->since, appeal_row, &e) != 0 || e.failed)
			goto store_failed;
		blob_puts(&e.out, e.n ? "\n]}\n" : "]}\n");
		e.n = incidents;
	} else if (strcmp(o->format, "geojson") == 0) {
		blob_puts(&e.out, "{\"type\":\"FeatureCollection\",\"features\":[");
		if (store_incidents_each(st, &f, geojson_row, &e) != 0 || e.failed)
			goto store_failed;
		blob_puts(&e.out, e.n ? "\n]}\n" : "]}\n");
	} else if (strcmp(o->format, "atom") == 0) {
		Latest l = {""};
		char uuid[37];
		f.newest_first = 1;
		f.limit = 500;
		instance_id(st, e.instance);
		if (store_incidents_each(st, &f, latest_update, &l) != 0)
			goto store_failed;
		if (!l.at[0])
			now_iso(l.at);
		name_uuid(e.instance, o->status ? o->status : "feed", uuid);
		blob_puts(&e.out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		                  "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
		                  " <title>");
		blob_puts(&e.out, o->status && strcmp(o->status, "threatened") == 0 ? "vigil: threats" : "vigil: incidents and threats");
		blob_puts(&e.out, "</title>\n <id>urn:uuid:");
		blob_puts(&e.out, uuid);
		blob_puts(&e.out, "</id>\n <updated>");
		xml_text(&e.out, l.at);
		blob_puts(&e.out, "</updated>\n <author><name>vigil</name></author>\n"
		                  " <generator>vigil</generator>\n");
		if (o->base) {
			blob_puts(&e.out, " <link rel=\"self\" href=\"");
			xml_text(&e.out, o->base);
			blob_puts(&e.out, o->status && strcmp(o->status, "threatened") == 0 ? "feed/threats.atom" : "feed/incidents.atom");
			blob_puts(&e.out, "\"/>\n <link rel=\"alternate\" href=\"");
			xml_text(&e.out, o->base);
			blob_puts(&e.out, "\"/>\n");
		}
		if (store_incidents_each(st, &f, atom_entry, &e) != 0)
			goto store_failed;
		blob_puts(&e.out, "</feed>\n");
	} else {
		blob_appendf(err, "'%s' is not an export format: csv, json, geojson or atom", o->format);
		goto done;
	}
	flush(&e, 1);
	if (count)
		*count = e.n;
	rc = 0;
	goto done;
store_failed:
	blob_appendf(err, "%s", store_error(st));
done:
	for (size_t i = 0; i < e.actors.n; i++) {
		free(e.actors.name[i]);
		free(e.actors.group[i]);
	}
	free(e.actors.name);
	free(e.actors.group);
	free(e.countries);
	blob_free(&e.countries_file);
	blob_free(&e.out);
	return rc;
}
