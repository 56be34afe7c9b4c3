/*
** proposal.c — reading proposals: the extraction format (../shared/corpus/README.md) as
** written by the engine or by hand, parsed with jansson into ProposalRec, with every value
** checked (kinds, ISO dates, counts, offsets) so that a record built from it is sound.
*/
#include "records.h"
#include "clean.h"
#include "dates.h"
#include "util.h"

#include <jansson.h>
#include <string.h>

static const char *const kinds[] = {
	"attack", "shelling", "raid", "siege", "blockade", "killing", "arrest", "abduction",
	"relocation", "surveillance", "other",
};

/* Families for matching: two reports of one event may name it differently ("rocket
   attack" and "shelling"), but a siege is never an arrest. */
static const char *const families[] = {
	"violence", "violence", "enforcement", "restriction", "restriction", "violence",
	"enforcement", "enforcement", "relocation", "surveillance", "other",
};

int kind_valid(const char *s)
{
	for (size_t i = 0; s && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(s, kinds[i]) == 0)
			return 1;
	return 0;
}

const char *kind_family(const char *kind)
{
	for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return families[i];
	return "other";
}

int iso_date_valid(const char *s)
{
	Ymd v;
	char back[11];
	if (!s || strlen(s) > 10 || !ymd_parse_iso(s, &v))
		return 0;
	ymd_format(v, back);
	return strcmp(back, s) == 0;
}

void proposal_rec_free(ProposalRec *p)
{
	char **lists[4] = {p->perpetrators, p->targets, p->by, p->to};
	for (int l = 0; l < 4; l++) {
		for (char **s = lists[l]; s && *s; s++)
			free(*s);
		free(lists[l]);
	}
	free(p->kind);
	free(p->status);
	free(p->date_start);
	free(p->date_end);
	free(p->place);
	free(p->country);
	free(p->admin1);
	free(p->admin2);
	free(p->demand);
	free(p->description);
	free(p->legal_status);
	for (size_t i = 0; i < p->nevidence; i++)
		free(p->evidence[i].quote);
	free(p->evidence);
	memset(p, 0, sizeof *p);
}

/* A string member: NULL when absent or null; -1 when of another type. */
static int get_str(json_t *o, const char *key, char **out, Blob *err)
{
	json_t *v = json_object_get(o, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v)) {
		blob_appendf(err, "%s: not a string", key);
		return -1;
	}
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);
	if (memchr(s, 0, n)) {
		blob_appendf(err, "%s: contains a NUL character", key);
		return -1;
	}
	/* trimmed; an empty string is absent */
	while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	if (n)
		*out = xstrndup(s, n);
	return 0;
}

/* A list of {"name": …} objects (or plain strings) as a NULL-terminated list of names. */
static int get_names(json_t *o, const char *key, char ***out, Blob *err)
{
	json_t *v = json_object_get(o, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_object(v) || json_is_string(v)) {
		json_t *one = json_array();
		json_array_append(one, v);
		int rc = 0;
		json_t *wrap = json_object();
		json_object_set_new(wrap, key, one);
		rc = get_names(wrap, key, out, err);
		json_decref(wrap);
		return rc;
	}
	if (!json_is_array(v)) {
		blob_appendf(err, "%s: not a list", key);
		return -1;
	}
	size_t n = json_array_size(v), k = 0;
	char **list = xcalloc(n + 1, sizeof *list);
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(v, i);
		char *name = NULL;
		if (json_is_string(e)) {
			json_t *w = json_object();
			json_object_set(w, "name", e);
			int rc = get_str(w, "name", &name, err);
			json_decref(w);
			if (rc)
				goto bad;
		} else if (json_is_object(e)) {
			if (get_str(e, "name", &name, err))
				goto bad;
		} else {
			blob_appendf(err, "%s: item %zu is not a name", key, i + 1);
			goto bad;
		}
		if (name) {
			int dup = 0;
			for (size_t j = 0; j < k; j++)
				dup |= strcmp(list[j], name) == 0;
			if (dup || strstr(name, "; "))
				free(name); /* "; " separates names in records: a name may not hold it */
			else
				list[k++] = name;
		}
	}
	if (!k) {
		free(list);
		list = NULL;
	}
	*out = list;
	return 0;
bad:
	for (size_t j = 0; j < k; j++)
		free(list[j]);
	free(list);
	return -1;
}

/* A count {"min": n, "max": n|null} (or a bare number). */
static int get_count(json_t *o, const char *key, PCount *c, Blob *err)
{
	json_t *v = json_object_get(o, key);
	c->min = c->max = -1;
	c->set = 0;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_integer(v)) {
		c->min = c->max = json_integer_value(v);
	} else if (json_is_object(v)) {
		json_t *mn = json_object_get(v, "min"), *mx = json_object_get(v, "max");
		if ((mn && !json_is_null(mn) && !json_is_integer(mn)) || (mx && !json_is_null(mx) && !json_is_integer(mx))) {
			blob_appendf(err, "%s: min and max must be whole numbers", key);
			return -1;
		}
		if (!mn || json_is_null(mn)) {
			if (mx && json_is_integer(mx)) {
				/* "up to 20": nothing below is claimed */
				c->min = 0;
				c->max = json_integer_value(mx);
			} else
				return 0;
		} else {
			c->min = json_integer_value(mn);
			c->max = mx && json_is_integer(mx) ? json_integer_value(mx) : -1;
		}
	} else {
		blob_appendf(err, "%s: not a count", key);
		return -1;
	}
	if (c->min < 0 || c->min > 100000000 || (c->max >= 0 && c->max < c->min) || c->max > 100000000) {
		blob_appendf(err, "%s: %lld to %lld is not a possible count", key, c->min, c->max);
		return -1;
	}
	c->set = 1;
	return 0;
}

static long long get_offset(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!v || !json_is_integer(v) || json_integer_value(v) < 0)
		return -1;
	return json_integer_value(v);
}

static int get_evidence(json_t *o, ProposalRec *p, Blob *err)
{
	json_t *v = json_object_get(o, "evidence");
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_array(v)) {
		blob_puts(err, "evidence: not a list");
		return -1;
	}
	size_t n = json_array_size(v);
	p->evidence = xcalloc(n ? n : 1, sizeof *p->evidence);
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(v, i);
		if (!json_is_object(e)) {
			blob_appendf(err, "evidence: item %zu is not an object", i + 1);
			return -1;
		}
		Evidence *ev = &p->evidence[p->nevidence];
		if (get_str(e, "quote", &ev->quote, err))
			return -1;
		ev->start = get_offset(e, "start");
		ev->end = get_offset(e, "end");
		ev->orig_start = get_offset(e, "orig_start");
		ev->orig_end = get_offset(e, "orig_end");
		if (ev->end < ev->start)
			ev->start = ev->end = -1;
		if (ev->orig_end < ev->orig_start)
			ev->orig_start = ev->orig_end = -1;
		if (ev->quote)
			p->nevidence++;
	}
	return 0;
}

static int get_date(json_t *o, ProposalRec *p, int appeal, Blob *err)
{
	json_t *d = json_object_get(o, "date");
	if (!d || json_is_null(d))
		return 0;
	if (json_is_string(d)) {
		json_t *w = json_object();
		json_object_set(w, "start", d);
		int rc = get_str(w, "start", &p->date_start, err);
		json_decref(w);
		if (rc)
			return -1;
	} else if (json_is_object(d)) {
		if (get_str(d, "start", &p->date_start, err) || get_str(d, "end", &p->date_end, err))
			return -1;
	} else {
		blob_puts(err, "date: neither a date nor {start, end}");
		return -1;
	}
	if (p->date_start && !iso_date_valid(p->date_start)) {
		blob_appendf(err, "date: '%s' is not an ISO date (2013, 2013-02 or 2013-02-09)", p->date_start);
		return -1;
	}
	if (p->date_end && (!iso_date_valid(p->date_end) || !p->date_start)) {
		blob_appendf(err, "date: end '%s' is not an ISO date after a start", p->date_end);
		return -1;
	}
	if (p->date_end && strcmp(p->date_end, p->date_start) < 0) {
		blob_appendf(err, "date: ends (%s) before it starts (%s)", p->date_end, p->date_start);
		return -1;
	}
	if (p->date_end && strcmp(p->date_end, p->date_start) == 0) {
		free(p->date_end);
		p->date_end = NULL;
	}
	(void)appeal;
	return 0;
}

static int get_place(json_t *o, ProposalRec *p, Blob *err)
{
	json_t *v = json_object_get(o, "place");
	if (!v || json_is_null(v))
		return 0;
	if (json_is_string(v)) {
		json_t *w = json_object();
		json_object_set(w, "name", v);
		int rc = get_str(w, "name", &p->place, err);
		json_decref(w);
		return rc;
	}
	if (!json_is_object(v)) {
		blob_puts(err, "place: not an object");
		return -1;
	}
	if (get_str(v, "name", &p->place, err) || get_str(v, "country", &p->country, err) ||
	    get_str(v, "admin1", &p->admin1, err) || get_str(v, "admin2", &p->admin2, err))
		return -1;
	json_t *lat = json_object_get(v, "lat"), *lon = json_object_get(v, "lon");
	if (json_is_number(lat) && json_is_number(lon)) {
		p->lat = json_number_value(lat);
		p->lon = json_number_value(lon);
		if (!(p->lat >= -90 && p->lat <= 90 && p->lon >= -180 && p->lon <= 180)) {
			blob_appendf(err, "place: %g, %g are not coordinates", p->lat, p->lon);
			return -1;
		}
		p->has_coords = 1;
	}
	json_t *prec = json_object_get(v, "precision");
	if (!prec)
		prec = json_object_get(v, "geo_precision");
	if (json_is_integer(prec) && json_integer_value(prec) >= 1 && json_integer_value(prec) <= 3)
		p->geo_precision = (int)json_integer_value(prec);
	else if (json_is_string(prec)) {
		const char *s = json_string_value(prec);
		p->geo_precision = strcmp(s, "exact") == 0 || strcmp(s, "town") == 0 || strcmp(s, "site") == 0 ? 1
		                 : strcmp(s, "near") == 0 ? 2
		                 : strcmp(s, "region") == 0 || strcmp(s, "admin1") == 0 || strcmp(s, "country") == 0 ? 3
		                 : 0;
	}
	return 0;
}

int proposal_parse(const char *json, size_t len, int appeal, ProposalRec *out, Blob *err)
{
	json_error_t je;
	memset(out, 0, sizeof *out);
	out->appeal = appeal;
	json_t *o = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
	if (!o) {
		blob_appendf(err, "not JSON: %s (line %d)", je.text, je.line);
		return -1;
	}
	int rc = -1;
	if (!json_is_object(o)) {
		blob_puts(err, "not a JSON object");
		goto done;
	}
	if (get_date(o, out, appeal, err) || get_evidence(o, out, err) || get_str(o, "description", &out->description, err))
		goto done;
	if (appeal) {
		if (get_names(o, "by", &out->by, err) || get_names(o, "to", &out->to, err) ||
		    get_str(o, "demand", &out->demand, err))
			goto done;
		if (!out->to && !out->demand) {
			blob_puts(err, "an appeal needs an addressee (to) or a demand");
			goto done;
		}
	} else {
		if (get_str(o, "kind", &out->kind, err) || get_str(o, "status", &out->status, err) ||
		    get_place(o, out, err) || get_names(o, "perpetrators", &out->perpetrators, err) ||
		    get_names(o, "targets", &out->targets, err) || get_count(o, "killed", &out->killed, err) ||
		    get_count(o, "wounded", &out->wounded, err) || get_count(o, "detained", &out->detained, err) ||
		    get_count(o, "residents", &out->residents, err) ||
		    get_str(o, "legal_status", &out->legal_status, err))
			goto done;
		if (!out->kind) {
			blob_puts(err, "an event needs a kind");
			goto done;
		}
		if (!kind_valid(out->kind)) {
			blob_appendf(err, "kind '%s' is not one of attack, shelling, raid, siege, blockade, killing,"
			             " arrest, abduction, relocation, surveillance, other", out->kind);
			goto done;
		}
		if (!out->status)
			out->status = xstrdup("occurred");
		if (strcmp(out->status, "occurred") != 0 && strcmp(out->status, "threatened") != 0) {
			blob_appendf(err, "status '%s' is neither occurred nor threatened", out->status);
			goto done;
		}
	}
	rc = 0;
done:
	json_decref(o);
	if (rc)
		proposal_rec_free(out);
	return rc;
}

int proposal_split_doc(const char *json, size_t len, int (*fn)(const char *type, const char *item, void *ctx),
                       void *ctx, Blob *err)
{
	json_error_t je;
	json_t *o = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
	if (!o) {
		blob_appendf(err, "not JSON: %s (line %d, column %d)", je.text, je.line, je.column);
		return -1;
	}
	int rc = 0, n = 0;
	if (!json_is_object(o)) {
		blob_puts(err, "not a JSON object");
		rc = -1;
		goto done;
	}
	json_t *ev = json_object_get(o, "events"), *ap = json_object_get(o, "appeals");
	if (!ev && !ap && json_object_get(o, "kind"))
		ev = o; /* a single event */
	json_t *groups[2] = {ev, ap};
	for (int g = 0; g < 2 && !rc; g++) {
		json_t *list = groups[g];
		if (!list || json_is_null(list))
			continue;
		if (list != o && !json_is_array(list)) {
			blob_appendf(err, "%s: not a list", g ? "appeals" : "events");
			rc = -1;
			break;
		}
		size_t count = list == o ? 1 : json_array_size(list);
		for (size_t i = 0; i < count && !rc; i++) {
			json_t *item = list == o ? o : json_array_get(list, i);
			char *text = json_dumps(item, JSON_COMPACT | JSON_SORT_KEYS);
			if (!text) {
				blob_appendf(err, "%s item %zu cannot be written back", g ? "appeals" : "events", i + 1);
				rc = -1;
				break;
			}
			ProposalRec p;
			Blob why = BLOB_INIT;
			if (proposal_parse(text, strlen(text), g, &p, &why) != 0) {
				blob_appendf(err, "%s item %zu: %s", g ? "appeals" : "events", i + 1, blob_str(&why));
				rc = -1;
			} else {
				proposal_rec_free(&p);
				rc = fn(g ? "appeal" : "event", text, ctx);
				n++;
			}
			blob_free(&why);
			free(text);
		}
	}
	if (!rc && !n) {
		blob_puts(err, "no events or appeals in it");
		rc = -1;
	}
done:
	json_decref(o);
	return rc;
}

/* ---- offsets of quotes ---- */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The end of a match of q at text+i with white space runs equal, or 0. */
static size_t loose_match(const char *text, size_t len, size_t i, const char *q)
{
	while (*q) {
		if (is_space((unsigned char)*q)) {
			if (i >= len || !is_space((unsigned char)text[i]))
				return 0;
			while (is_space((unsigned char)*q))
				q++;
			while (i < len && is_space((unsigned char)text[i]))
				i++;
			continue;
		}
		if (i >= len || text[i] != *q)
			return 0;
		i++;
		q++;
	}
	return i;
}

int quote_find(const char *text, size_t len, const char *quote, size_t *start, size_t *end)
{
	if (!text || !quote)
		return 0;
	while (is_space((unsigned char)*quote))
		quote++;
	size_t ql = strlen(quote);
	while (ql && is_space((unsigned char)quote[ql - 1]))
		ql--;
	if (!ql || ql > len)
		return 0;
	const char *hit = memmem(text, len, quote, ql);
	if (hit) {
		*start = (size_t)(hit - text);
		*end = *start + ql;
		return 1;
	}
	char *q = xmalloc(ql + 1);
	memcpy(q, quote, ql);
	q[ql] = 0;
	int found = 0;
	for (size_t i = 0; i < len && !found; i++) {
		if (text[i] != q[0])
			continue;
		size_t e = loose_match(text, len, i, q);
		if (e) {
			*start = i;
			*end = e;
			found = 1;
		}
	}
	free(q);
	return found;
}

static int has_offset(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return v && json_is_integer(v) && json_integer_value(v) >= 0;
}

char *proposal_fill_offsets(const char *item, const char *text, size_t tlen, const void *map, size_t mlen)
{
	if (!text || !tlen)
		return NULL;
	json_t *o = json_loads(item, JSON_REJECT_DUPLICATES, NULL);
	json_t *ev = o ? json_object_get(o, "evidence") : NULL;
	int changed = 0;
	for (size_t i = 0; ev && json_is_array(ev) && i < json_array_size(ev); i++) {
		json_t *e = json_array_get(ev, i);
		json_t *quote = json_is_object(e) ? json_object_get(e, "quote") : NULL;
		if (!quote || !json_is_string(quote))
			continue;
		size_t s, end;
		/* given offsets are kept; none, or an empty span (0, 0: a placeholder), are filled */
		if (has_offset(e, "start") && has_offset(e, "end") &&
		    json_integer_value(json_object_get(e, "end")) > json_integer_value(json_object_get(e, "start"))) {
			s = (size_t)json_integer_value(json_object_get(e, "start"));
			end = (size_t)json_integer_value(json_object_get(e, "end"));
			if (end > tlen)
				continue;
		} else if (quote_find(text, tlen, json_string_value(quote), &s, &end)) {
			json_object_set_new(e, "start", json_integer((json_int_t)s));
			json_object_set_new(e, "end", json_integer((json_int_t)end));
			changed = 1;
		} else
			continue;
		if (!has_offset(e, "orig_start") || !has_offset(e, "orig_end")) {
			json_object_set_new(e, "orig_start", json_integer((json_int_t)offmap_lookup(map, mlen, s)));
			json_object_set_new(e, "orig_end", json_integer((json_int_t)offmap_lookup(map, mlen, end)));
			changed = 1;
		}
	}
	char *out = changed ? json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(o);
	return out;
}
