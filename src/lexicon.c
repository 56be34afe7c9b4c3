/*
** lexicon.c — reads the data/ tables (see lexicon.h for the tables and the phrase syntax) and
** compiles every phrase into one trie over token ids: the vocabulary maps each word of
** the tables to an id, so a report's word is looked up once and each phrase is a walk
** of a few hash probes. The Lexicon is immutable after lexicon_load() and can be shared
** by any number of threads. lexicon_match() is the matcher.
*/
#include "extract_int.h"
#include "util.h"

#include <errno.h>
#include <pthread.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- hashing ---- */

uint64_t hash_bytes(const char *s, size_t n, uint64_t seed)
{
	uint64_t h = 1469598103934665603ull ^ seed;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 32;
	return h ? h : 1;
}

static uint64_t mix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdull;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ull;
	k ^= k >> 33;
	return k;
}

uint32_t hashmap_get(const HashMap *m, uint64_t key)
{
	if (!m->slots)
		return 0;
	for (size_t i = mix(key) & m->mask;; i = (i + 1) & m->mask) {
		if (m->slots[i].key == key)
			return m->slots[i].val;
		if (!m->slots[i].val)
			return 0;
	}
}

static void hashmap_put(HashMap *m, uint64_t key, uint32_t val);

static void hashmap_grow(HashMap *m)
{
	HashMap big = {xcalloc((m->mask + 1) * 2, sizeof(HashSlot)), (m->mask + 1) * 2 - 1, 0};
	for (size_t i = 0; m->slots && i <= m->mask; i++)
		if (m->slots[i].val)
			hashmap_put(&big, m->slots[i].key, m->slots[i].val);
	free(m->slots);
	*m = big;
}

static void hashmap_put(HashMap *m, uint64_t key, uint32_t val)
{
	if (!m->slots || (m->n + 1) * 2 > m->mask + 1)
		hashmap_grow(m);
	size_t i = mix(key) & m->mask;
	while (m->slots[i].val && m->slots[i].key != key)
		i = (i + 1) & m->mask;
	if (!m->slots[i].val)
		m->n++;
	m->slots[i].key = key;
	m->slots[i].val = val;
}

/* ---- strings, vocabulary ---- */

static uint32_t str_add(Lexicon *lx, const char *s, size_t n)
{
	uint32_t off = (uint32_t)lx->strings.len;
	blob_append(&lx->strings, s, n);
	blob_putc(&lx->strings, 0);
	return off;
}

const char *lexicon_str(const Lexicon *lx, uint32_t off)
{
	return off < lx->strings.len ? lx->strings.data + off : "";
}

#define CS_SEED 0x9e3779b97f4a7c15ull

uint32_t vocab_lookup(const Lexicon *lx, const char *key, size_t n, int cs)
{
	if (!n)
		return 0;
	uint32_t id = hashmap_get(&lx->vocab, hash_bytes(key, n, cs ? CS_SEED : 0));
	if (!id)
		return 0;
	const char *s = lx->strings.data + lx->vocab_str[id];
	/* the stored key is the text, preceded by '=' for the case-sensitive table */
	if (cs != (s[0] == '=' && s[1]))
		return 0;
	s += cs;
	return strlen(s) == n && memcmp(s, key, n) == 0 ? id : 0;
}

static uint32_t vocab_add(Lexicon *lx, const char *key, size_t n, int cs)
{
	uint32_t id = vocab_lookup(lx, key, n, cs);
	if (id)
		return id;
	if (lx->nvocab == lx->capvocab) {
		lx->capvocab = lx->capvocab ? lx->capvocab * 2 : 1024;
		lx->vocab_str = xrealloc(lx->vocab_str, lx->capvocab * sizeof *lx->vocab_str);
	}
	if (lx->nvocab == 0)
		lx->vocab_str[lx->nvocab++] = 0;
	id = (uint32_t)lx->nvocab++;
	uint32_t off = (uint32_t)lx->strings.len;
	if (cs)
		blob_putc(&lx->strings, '=');
	blob_append(&lx->strings, key, n);
	blob_putc(&lx->strings, 0);
	lx->vocab_str[id] = off;
	hashmap_put(&lx->vocab, hash_bytes(key, n, cs ? CS_SEED : 0), id);
	return id;
}

/* ---- trie ---- */

static uint32_t node_new(Lexicon *lx)
{
	if (lx->nnodes == lx->capnodes) {
		lx->capnodes = lx->capnodes ? lx->capnodes * 2 : 4096;
		lx->nodes = xrealloc(lx->nodes, lx->capnodes * sizeof *lx->nodes);
	}
	lx->nodes[lx->nnodes] = (TrieNode){0, 0};
	return (uint32_t)lx->nnodes++;
}

static uint32_t node_child(Lexicon *lx, uint32_t node, uint32_t tok)
{
	uint64_t key = (uint64_t)node << 32 | tok;
	uint32_t c = hashmap_get(&lx->edges, key);
	if (!c) {
		c = node_new(lx);
		hashmap_put(&lx->edges, key, c);
	}
	return c;
}

static void node_attach(Lexicon *lx, uint32_t node, uint32_t entry)
{
	for (LINKS(lx, lx->nodes[node].link, l, e))
		if (e == entry)
			return;
	if (lx->nlinks == lx->caplinks) {
		lx->caplinks = lx->caplinks ? lx->caplinks * 2 : 4096;
		lx->link_entry = xrealloc(lx->link_entry, lx->caplinks * sizeof *lx->link_entry);
		lx->link_next = xrealloc(lx->link_next, lx->caplinks * sizeof *lx->link_next);
	}
	if (lx->nlinks == 0)
		lx->nlinks = 1;
	uint32_t k = (uint32_t)lx->nlinks++;
	lx->link_entry[k] = entry;
	/* appended at the end, so entries keep the order of the tables */
	lx->link_next[k] = 0;
	uint32_t *p = &lx->nodes[node].link;
	while (*p)
		p = &lx->link_next[*p];
	*p = k;
}

uint32_t lexicon_single(const Lexicon *lx, uint32_t id)
{
	uint32_t c = id ? hashmap_get(&lx->edges, id) : 0;
	return c ? lx->nodes[c].link : 0;
}

int lexicon_single_has(const Lexicon *lx, const Tok *t, int type, int sub)
{
	for (int pass = 0; pass < 2; pass++) {
		uint32_t id = pass ? t->csid : t->id;
		for (LINKS(lx, lexicon_single(lx, id), l, e))
			if (lx->entries[e].type == type && (sub < 0 || lx->entries[e].sub == sub))
				return 1;
	}
	return 0;
}

/* ---- phrases ---- */

#define MAX_POS 16
#define MAX_ALT 96
#define MAX_SUB 6

typedef struct Alt {
	uint32_t tok[MAX_SUB]; /* vocabulary ids */
	int n;
} Alt;

typedef struct Pos {
	Alt alt[MAX_ALT];
	int nalt, gap;
} Pos;

static void insert_paths(Lexicon *lx, const Pos *pos, int npos, int p, uint32_t node, uint32_t entry,
                         int *budget)
{
	if (--*budget < 0)
		return;
	if (p == npos) {
		node_attach(lx, node, entry);
		return;
	}
	if (pos[p].gap) {
		if (!lx->nodes[node].gap) {
			uint32_t g = node_new(lx);
			lx->nodes[node].gap = g;
		}
		insert_paths(lx, pos, npos, p + 1, lx->nodes[node].gap, entry, budget);
		return;
	}
	for (int a = 0; a < pos[p].nalt; a++) {
		uint32_t nd = node;
		for (int k = 0; k < pos[p].alt[a].n; k++)
			nd = node_child(lx, nd, pos[p].alt[a].tok[k]);
		insert_paths(lx, pos, npos, p + 1, nd, entry, budget);
	}
}

/* Compiles one alternative of a phrase (words separated by spaces; a word may be a
   group "(a|b c)" of alternatives, each one or more tokens; "..." is a gap). */
static int add_alternative(Lexicon *lx, const char *phrase, size_t plen, uint32_t entry, Blob *err)
{
	/* 16 positions of 96 alternatives are 43 kB: not zeroed for each of the thousands of
	   alternatives (that was a third of the lexicon's loading); each position and
	   alternative is cleared when it is taken */
	Pos *pos = xmalloc(MAX_POS * sizeof *pos);
	int npos = 0, cs = 0, rc = -1;
	TokVec tv = {0};
	if (plen && phrase[0] == '=') {
		cs = 1;
		phrase++;
		plen--;
		lx->has_case = 1;
	}
	size_t i = 0;
	while (i < plen) {
		while (i < plen && phrase[i] == ' ')
			i++;
		if (i >= plen)
			break;
		size_t a = i, j;
		int group = phrase[i] == '(';
		if (group) {
			a = i + 1;
			j = a;
			while (j < plen && phrase[j] != ')')
				j++;
			if (j >= plen) {
				blob_puts(err, "unclosed '('");
				goto done;
			}
			i = j + 1;
		} else {
			j = i;
			while (j < plen && phrase[j] != ' ')
				j++;
			i = j;
		}
		if (npos == MAX_POS) {
			blob_appendf(err, "phrase longer than %d words", MAX_POS);
			goto done;
		}
		Pos *p = &pos[npos++];
		p->nalt = p->gap = 0;
		if (!group && j - a == 3 && memcmp(phrase + a, "...", 3) == 0) {
			if (npos == 1) {
				blob_puts(err, "a phrase cannot start with a gap");
				goto done;
			}
			p->gap = 1;
			continue;
		}
		/* the alternatives of this word, each one or more tokens */
		while (a <= j) {
			size_t b = a;
			while (b < j && phrase[b] != '|')
				b++;
			if (b > a) {
				if (p->nalt == MAX_ALT) {
					blob_appendf(err, "more than %d alternatives for one word", MAX_ALT);
					goto done;
				}
				tv.n = 0;
				tokenize(NULL, phrase + a, b - a, &tv);
				Alt *al = &p->alt[p->nalt++];
				al->n = 0;
				for (size_t k = 0; k < tv.n && al->n < MAX_SUB; k++) {
					char key[64];
					const char *ts = phrase + a + tv.v[k].start;
					size_t tn = tv.v[k].end - tv.v[k].start, kl;
					if (cs) {
						if (tn >= sizeof key)
							continue;
						memcpy(key, ts, tn);
						kl = tn;
					} else
						kl = tok_key(ts, tn, key, sizeof key);
					if (kl)
						al->tok[al->n++] = vocab_add(lx, key, kl, cs);
				}
				if (!al->n)
					p->nalt--;
			}
			a = b + 1;
		}
		if (!p->nalt)
			npos--;
	}
	if (npos == 0 || pos[npos - 1].gap) {
		blob_puts(err, npos ? "a phrase cannot end with a gap" : "empty phrase");
		goto done;
	}
	int budget = 20000;
	insert_paths(lx, pos, npos, 0, 0, entry, &budget);
	if (budget < 0) {
		blob_puts(err, "too many alternatives in one phrase");
		goto done;
	}
	rc = 0;
done:
	free(tv.v);
	free(pos);
	return rc;
}

/* Compiles a phrase of the tables for entry: alternatives separated by '|' (outside
   parentheses). Returns 0 or -1 with the reason in err. */
static int add_phrase(Lexicon *lx, const char *phrase, size_t plen, uint32_t entry, Blob *err)
{
	size_t a = 0;
	int depth = 0;
	for (size_t i = 0; i <= plen; i++) {
		if (i < plen && phrase[i] == '(')
			depth++;
		else if (i < plen && phrase[i] == ')')
			depth--;
		else if (i == plen || (phrase[i] == '|' && depth == 0)) {
			size_t x = a, y = i;
			while (x < y && phrase[x] == ' ')
				x++;
			while (y > x && phrase[y - 1] == ' ')
				y--;
			if (y > x && add_alternative(lx, phrase + x, y - x, entry, err) != 0)
				return -1;
			a = i + 1;
		}
	}
	return 0;
}

/* ---- tables ---- */

static uint32_t entry_new(Lexicon *lx, int type, int sub)
{
	if (lx->nentries == lx->capentries) {
		lx->capentries = lx->capentries ? lx->capentries * 2 : 2048;
		lx->entries = xrealloc(lx->entries, lx->capentries * sizeof *lx->entries);
	}
	if (lx->nentries == 0)
		lx->entries[lx->nentries++] = (LexEntry){0};
	LexEntry *e = &lx->entries[lx->nentries];
	memset(e, 0, sizeof *e);
	e->type = (uint8_t)type;
	e->sub = (uint8_t)sub;
	e->country = -1;
	e->lat = e->lon = NAN;
	return (uint32_t)lx->nentries++;
}

static const char *const kind_names[K_COUNT] = {
	"", "attack", "shelling", "raid", "siege", "blockade", "killing", "arrest", "abduction",
	"relocation", "surveillance", "other",
};

static const char *const cue_names[C_COUNT] = {
	"", "threat", "threat-after", "negation", "zero", "appeal", "appeal-for", "appeal-noun",
	"protect", "by", "blame", "target", "loc", "from", "to", "source", "passive", "clause",
	"anaphor", "abbrev", "killed", "wounded", "detained", "residents", "people", "present",
	"more", "less", "about", "upto", "reader", "pronoun", "condition", "starter", "deny",
	"ignore", "we", "det", "impact", "subcount", "head-state", "head-militia", "head-gov",
	"head-org", "place-head", "subordinator", "honorific",
};

static const char *const group_names[G_COUNT] = {
	"", "state forces", "government", "militia", "armed group", "agency", "ngo", "protected",
	"opposition", "head of state", "minister", "un", "rapporteur", "parliament", "court",
	"regional", "diplomat", "official", "public",
};

static const char *const place_names[P_COUNT] = {
	"", "camp", "site", "town", "city", "district", "region", "country",
};

const char *kind_name(int k)
{
	return k > 0 && k < K_COUNT ? kind_names[k] : "";
}

const char *group_name(int g)
{
	return g > 0 && g < G_COUNT ? group_names[g] : "";
}

const char *place_type_name(int t)
{
	return t > 0 && t < P_COUNT ? place_names[t] : "";
}

static int name_index(const char *const *names, int count, const char *s, size_t n)
{
	for (int i = 1; i < count; i++)
		if (strlen(names[i]) == n && strncmp(names[i], s, n) == 0)
			return i;
	return 0;
}

#define MAX_COLS 8

typedef struct Row {
	const char *col[MAX_COLS];
	size_t len[MAX_COLS];
	int ncol;
	int line;
} Row;

typedef int (*RowFn)(Lexicon *lx, const Row *r, Blob *err);

static int country_index(const Lexicon *lx, const char *s, size_t n)
{
	for (size_t i = 0; i < lx->ncountries; i++)
		if (n == 3 && strncmp(lx->countries[i].iso3, s, 3) == 0)
			return (int)i;
	return -1;
}

static int is_dash(const Row *r, int c)
{
	return c >= r->ncol || r->len[c] == 0 || (r->len[c] == 1 && r->col[c][0] == '-');
}

/* The canonical name: column c, or the first alternative of the phrase as written. */
static uint32_t canonical(Lexicon *lx, const Row *r, int c)
{
	if (!is_dash(r, c))
		return str_add(lx, r->col[c], r->len[c]);
	const char *p = r->col[0];
	size_t n = 0;
	while (n < r->len[0] && p[n] != '|' && p[n] != '(')
		n++;
	if (n && p[0] == '=')
		p++, n--;
	while (n && p[n - 1] == ' ')
		n--;
	return str_add(lx, p, n);
}

static int parse_float(const Row *r, int c, float *out)
{
	if (is_dash(r, c))
		return 0;
	char buf[32];
	snprintf(buf, sizeof buf, "%.*s", (int)r->len[c], r->col[c]);
	char *end;
	errno = 0;
	double v = strtod(buf, &end);
	if (*end || errno)
		return -1;
	*out = (float)v;
	return 0;
}

static int row_kind(Lexicon *lx, const Row *r, Blob *err)
{
	int k = r->ncol >= 2 ? name_index(kind_names, K_COUNT, r->col[1], r->len[1]) : 0;
	if (!k) {
		blob_puts(err, "unknown kind");
		return -1;
	}
	uint32_t e = entry_new(lx, LX_KIND, k);
	/* third column: qualifiers separated by commas ("people,threat") */
	for (size_t i = 0; r->ncol >= 3 && i < r->len[2];) {
		size_t j = i;
		while (j < r->len[2] && r->col[2][j] != ',')
			j++;
		static const struct { const char *w; uint8_t f; } quals[] = {
			{"camp", LF_NEEDCAMP}, {"weak", LF_WEAK}, {"people", LF_PEOPLE}, {"threat", LF_THREAT}};
		int known = 0;
		for (size_t q = 0; q < sizeof quals / sizeof quals[0]; q++)
			if (j - i == strlen(quals[q].w) && strncmp(r->col[2] + i, quals[q].w, j - i) == 0) {
				lx->entries[e].flags |= quals[q].f;
				known = 1;
			}
		if (!known) {
			blob_puts(err, "unknown qualifier (camp, weak, people, threat)");
			return -1;
		}
		i = j + 1;
	}
	return add_phrase(lx, r->col[0], r->len[0], e, err);
}

static int row_cue(Lexicon *lx, const Row *r, Blob *err)
{
	int c = r->ncol >= 2 ? name_index(cue_names, C_COUNT, r->col[1], r->len[1]) : 0;
	if (!c) {
		blob_puts(err, "unknown cue class");
		return -1;
	}
	uint32_t e = entry_new(lx, LX_CUE, c);
	if (c == C_ANAPHOR || c == C_PLACE_HEAD) {
		int t = r->ncol >= 3 ? name_index(place_names, P_COUNT, r->col[2], r->len[2]) : 0;
		if (!t) {
			blob_puts(err, "an anaphor or a place head needs a place type");
			return -1;
		}
		lx->entries[e].value = t;
	}
	return add_phrase(lx, r->col[0], r->len[0], e, err);
}

static int row_number(Lexicon *lx, const Row *r, Blob *err)
{
	float v;
	if (r->ncol < 2 || is_dash(r, 1) || parse_float(r, 1, &v) != 0) {
		blob_puts(err, "a number needs a value");
		return -1;
	}
	uint32_t e = entry_new(lx, LX_NUMBER, 0);
	lx->entries[e].value = v;
	if (r->ncol >= 3 && r->len[2] == 7 && strncmp(r->col[2], "atleast", 7) == 0)
		lx->entries[e].flags |= LF_ATLEAST;
	return add_phrase(lx, r->col[0], r->len[0], e, err);
}

/* actors.tsv and addressees.tsv: aliases, name, group, country (ISO3 or empty), qualified
   ("yes": a generic noun a country qualifies). */
static int row_party(Lexicon *lx, const Row *r, int type, Blob *err)
{
	int g = r->ncol >= 3 ? name_index(group_names, G_COUNT, r->col[2], r->len[2]) : 0;
	if (!g) {
		blob_puts(err, "unknown group");
		return -1;
	}
	uint32_t e = entry_new(lx, type, g);
	LexEntry *en = &lx->entries[e];
	if (!is_dash(r, 3) && (en->country = (int16_t)country_index(lx, r->col[3], r->len[3])) < 0) {
		blob_puts(err, "unknown country code");
		return -1;
	}
	if (!is_dash(r, 4) && r->len[4] == 3 && strncmp(r->col[4], "yes", 3) == 0)
		en->flags |= LF_COMPOSE;
	en->name = canonical(lx, r, 1);
	return add_phrase(lx, r->col[0], r->len[0], e, err);
}

static int row_actor(Lexicon *lx, const Row *r, Blob *err)
{
	return row_party(lx, r, LX_ACTOR, err);
}

static int row_addressee(Lexicon *lx, const Row *r, Blob *err)
{
	return row_party(lx, r, LX_ADDRESSEE, err);
}

/* places.tsv: phrase, name, type ("capital" is a city that may stand for its government),
   country, admin1, lat, lon. */
static int row_place(Lexicon *lx, const Row *r, Blob *err)
{
	int capital = r->ncol >= 3 && r->len[2] == 7 && strncmp(r->col[2], "capital", 7) == 0;
	int t = capital ? P_CITY : r->ncol >= 3 ? name_index(place_names, P_COUNT, r->col[2], r->len[2]) : 0;
	if (!t) {
		blob_puts(err, "unknown place type");
		return -1;
	}
	uint32_t e = entry_new(lx, LX_PLACE, t);
	LexEntry *en = &lx->entries[e];
	if (capital)
		en->flags |= LF_CAPITAL;
	if (!is_dash(r, 3) && (en->country = (int16_t)country_index(lx, r->col[3], r->len[3])) < 0) {
		blob_puts(err, "unknown country code");
		return -1;
	}
	en->name = canonical(lx, r, 1);
	if (!is_dash(r, 4))
		en->admin1 = str_add(lx, r->col[4], r->len[4]);
	float lat = NAN, lon = NAN;
	if (parse_float(r, 5, &lat) != 0 || parse_float(r, 6, &lon) != 0 ||
	    (!isnan(lat) && (lat < -90 || lat > 90)) || (!isnan(lon) && (lon < -180 || lon > 180))) {
		blob_puts(err, "bad coordinates");
		return -1;
	}
	lx->entries[e].lat = lat;
	lx->entries[e].lon = lon;
	return add_phrase(lx, r->col[0], r->len[0], e, err);
}

/* nations.tsv: ISO3, name, other names ("|"), demonyms ("|"), lat, lon. Each name is a
   place (the country) and a country mention; each demonym a country mention. */
static int row_country(Lexicon *lx, const Row *r, Blob *err)
{
	if (r->ncol < 4 || r->len[0] != 3) {
		blob_puts(err, "want ISO3, name, other names, demonyms, lat, lon");
		return -1;
	}
	if (lx->ncountries == lx->capcountries) {
		lx->capcountries = lx->capcountries ? lx->capcountries * 2 : 256;
		lx->countries = xrealloc(lx->countries, lx->capcountries * sizeof *lx->countries);
	}
	int ci = (int)lx->ncountries++;
	LexCountry *c = &lx->countries[ci];
	memset(c, 0, sizeof *c);
	memcpy(c->iso3, r->col[0], 3);
	c->name = str_add(lx, r->col[1], r->len[1]);
	float lat = NAN, lon = NAN;
	if (parse_float(r, 4, &lat) != 0 || parse_float(r, 5, &lon) != 0) {
		blob_puts(err, "bad coordinates");
		return -1;
	}
	uint32_t pe = entry_new(lx, LX_PLACE, P_COUNTRY);
	lx->entries[pe].country = (int16_t)ci;
	lx->entries[pe].name = c->name;
	lx->entries[pe].lat = lat;
	lx->entries[pe].lon = lon;
	c->place = pe;
	uint32_t ce = entry_new(lx, LX_COUNTRY, 0);
	lx->entries[ce].country = (int16_t)ci;
	lx->entries[ce].name = c->name;
	uint32_t de = entry_new(lx, LX_COUNTRY, 0);
	lx->entries[de].country = (int16_t)ci;
	lx->entries[de].flags |= LF_DEMONYM;
	lx->entries[de].name = c->name;
	uint32_t people = 0;
	/* names: column 1 and the alternatives of column 2 */
	for (int col = 1; col <= 3; col++) {
		if (is_dash(r, col))
			continue;
		const char *s = r->col[col];
		size_t n = r->len[col];
		for (size_t i = 0; i < n;) {
			size_t j = i;
			while (j < n && s[j] != '|')
				j++;
			if (j > i) {
				if (col == 3 && !c->demonym)
					c->demonym = str_add(lx, s + i, j - i);
				if (col < 3 && (add_phrase(lx, s + i, j - i, pe, err) != 0 ||
				                add_phrase(lx, s + i, j - i, ce, err) != 0))
					return -1;
				if (col == 3 && add_phrase(lx, s + i, j - i, de, err) != 0)
					return -1;
				/* its people in the plural ("Afghans", "Iraqis", "Eritreans"): people */
				if (col == 3 && j - i < 60 && (s[j - 1] == 'n' || s[j - 1] == 'i') && !memchr(s + i, ' ', j - i)) {
					char pl[64];
					memcpy(pl, s + i, j - i);
					pl[j - i] = 's';
					if (!people)
						people = entry_new(lx, LX_CUE, C_PEOPLE);
					if (add_phrase(lx, pl, j - i + 1, people, err) != 0)
						return -1;
				}
			}
			i = j + 1;
		}
	}
	if (!c->demonym)
		c->demonym = c->name;
	return 0;
}

/* Reads one table: tab-separated columns, '#' comment lines, blank lines ignored. */
static int load_table(Lexicon *lx, const char *dir, const char *name, RowFn fn, Blob *err)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	Blob b = BLOB_INIT, why = BLOB_INIT;
	if (read_file(path, &b) != 0) {
		blob_appendf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	const char *s = blob_str(&b), *end = s + b.len;
	int line = 0, rc = 0;
	while (s < end && rc == 0) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		line++;
		Row r = {{0}, {0}, 0, line};
		const char *a = s;
		while (a < e && (*a == ' ' || *a == '\r'))
			a++;
		if (a < e && *a != '#') {
			const char *c = a;
			while (c <= e && r.ncol < MAX_COLS) {
				const char *t = c;
				while (t < e && *t != '\t')
					t++;
				const char *x = c, *y = t;
				while (x < y && *x == ' ')
					x++;
				while (y > x && (y[-1] == ' ' || y[-1] == '\r'))
					y--;
				r.col[r.ncol] = x;
				r.len[r.ncol++] = (size_t)(y - x);
				c = t + 1;
			}
			if (r.len[0] && fn(lx, &r, &why) != 0) {
				blob_appendf(err, "%s:%d: %s", path, line, blob_str(&why));
				rc = -1;
			}
		}
		s = e + 1;
	}
	blob_free(&b);
	blob_free(&why);
	return rc;
}

Lexicon *lexicon_load(const char *dir, Blob *err)
{
	static const struct {
		const char *file;
		RowFn fn;
	} tables[] = {
		{"nations.tsv", row_country}, {"places.tsv", row_place}, {"regions.tsv", row_place}, {"actors.tsv", row_actor},
		{"addressees.tsv", row_addressee}, {"kinds.tsv", row_kind}, {"cues.tsv", row_cue},
		{"numbers.tsv", row_number},
	};
	Lexicon *lx = xcalloc(1, sizeof *lx);
	str_add(lx, "", 0);
	node_new(lx);
	lx->id_and = vocab_add(lx, "and", 3, 0);
	lx->id_or = vocab_add(lx, "or", 2, 0);
	lx->id_but = vocab_add(lx, "but", 3, 0);
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (load_table(lx, dir, tables[i].file, tables[i].fn, err) != 0) {
			lexicon_free(lx);
			return NULL;
		}
	return lx;
}

void lexicon_free(Lexicon *lx)
{
	if (!lx)
		return;
	blob_free(&lx->strings);
	free(lx->entries);
	free(lx->countries);
	free(lx->vocab.slots);
	free(lx->vocab_str);
	free(lx->link_entry);
	free(lx->link_next);
	free(lx->nodes);
	free(lx->edges.slots);
	free(lx);
}

const LexEntry *lexicon_entry(const Lexicon *lx, uint32_t i)
{
	return i < lx->nentries ? &lx->entries[i] : &lx->entries[0];
}

const LexCountry *lexicon_country(const Lexicon *lx, int i)
{
	return i >= 0 && (size_t)i < lx->ncountries ? &lx->countries[i] : NULL;
}

size_t lexicon_size(const Lexicon *lx)
{
	return lx->nentries;
}

/* ---- matching ---- */

/* Longest gap of a "..." in a phrase, in tokens. */
#define GAP_MAX 4

typedef struct Best {
	uint32_t end, link, gap;
} Best;

static void walk(const Lexicon *lx, const Tok *tok, uint32_t j, uint32_t t1, uint32_t node, int gapped,
                 Best *best, int depth)
{
	if (lx->nodes[node].link && node && (j > best->end || (j == best->end && !gapped && best->gap))) {
		best->end = j;
		best->link = lx->nodes[node].link;
		best->gap = (uint32_t)gapped;
	}
	if (depth > 24)
		return;
	if (lx->nodes[node].gap && node) {
		uint32_t g = lx->nodes[node].gap;
		for (uint32_t k = 0; k <= GAP_MAX && j + k < t1; k++) {
			/* a gap stays within a phrase: no punctuation, no "and", "or", "but" */
			if (k && ((tok[j + k - 1].flags & TK_PUNCT) || (tok[j + k - 1].id && (tok[j + k - 1].id == lx->id_and ||
			                                               tok[j + k - 1].id == lx->id_or || tok[j + k - 1].id == lx->id_but))))
				break;
			walk(lx, tok, j + k, t1, g, 1, best, depth + 1);
		}
	}
	if (j >= t1)
		return;
	/* the form as written first: at equal length a case-sensitive phrase ("US") wins
	   over the lowercase one ("us") */
	for (int pass = 0; pass < 2; pass++) {
		uint32_t id = pass ? tok[j].id : tok[j].csid;
		if (!id)
			continue;
		uint32_t c = hashmap_get(&lx->edges, (uint64_t)node << 32 | id);
		if (c)
			walk(lx, tok, j + 1, t1, c, gapped, best, depth + 1);
	}
}

/* Does the chain starting at link l hold an entry of type? */
static int chain_has(const Lexicon *lx, uint32_t first, int type)
{
	for (LINKS(lx, first, l, e))
		if (lx->entries[e].type == type)
			return 1;
	return 0;
}

static int chain_has_cue(const Lexicon *lx, uint32_t first, int cls)
{
	for (LINKS(lx, first, l, e))
		if (lx->entries[e].type == LX_CUE && lx->entries[e].sub == cls)
			return 1;
	return 0;
}

void lexicon_match(const Lexicon *lx, const Tok *tok, uint32_t t0, uint32_t t1, MentVec *out)
{
	uint32_t covered = t0;
	int covered_kind = 0;
	for (uint32_t i = t0; i < t1; i++) {
		if (!tok[i].id && !tok[i].csid)
			continue;
		Best best = {i, 0, 0};
		walk(lx, tok, i, t1, 0, 0, &best, 0);
		if (!best.link)
			continue;
		int kind = chain_has(lx, best.link, LX_KIND);
		/* inside a longer phrase only a trigger the longer one is not ("were killed"), and
		   nothing inside a phrase to ignore ("heart attack") */
		if (best.end <= covered && !best.gap && (covered_kind || !kind))
			continue;
		Ment m = {i, best.end, best.link, best.gap};
		VEC_PUSH(out, m);
		if (!best.gap && best.end > covered) {
			covered = best.end;
			covered_kind = kind || chain_has_cue(lx, best.link, C_IGNORE);
		}
	}
}

/* ---- the process's lexicon ---- */

static pthread_mutex_t shared_lock = PTHREAD_MUTEX_INITIALIZER;
static Lexicon *shared_lx;

const Lexicon *lexicon_shared(const char *dir, Blob *err)
{
	pthread_mutex_lock(&shared_lock);
	if (!shared_lx)
		shared_lx = lexicon_load(dir, err);
	Lexicon *lx = shared_lx;
	pthread_mutex_unlock(&shared_lock);
	return lx;
}
