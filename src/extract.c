/*
** extract.c — the reading of a report (see extract.h for what comes out).
**
** Three passes over the sentences of the cleaned text:
**   1. what is named: the lexicon's phrases (kinds, cues, actors, addressees, places,
**      countries, numbers), dates (dates.c), counts with what they count, places found
**      only in the text ("Camp Nadir", "near Kafr Sous"), actors qualified by a country
**      ("Iraqi" + "police"); then the report's main place.
**   2. in each sentence: clauses, the triggers of incidents with their status
**      (occurred / threatened) and negation, appeals (who calls on whom to do what),
**      triggers grouped into incidents, each with its date, place, perpetrators and
**      counts taken from its clause, then its sentence, then the report.
**   3. the incidents of all sentences merged: one incident told in several sentences is
**      one event with several quotes; appeals by the same party merged likewise.
** Everything is kept in per-document vectors reused from one document to the next;
** nothing is allocated per token.
*/
#include "extract.h"
#include "extract_int.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define BIT(c) ((uint64_t)1 << (c))

/* What covers a token (so that it is read once). */
enum { CV_DATE = 1, CV_PLACE = 2, CV_PARTY = 4, CV_COUNT = 8, CV_DEMONYM = 16 };

typedef struct TokInfo {
	uint64_t cue;     /* cue classes of the cues starting here */
	uint64_t cue_end; /* cue classes of the cues ending here */
	int64_t num;      /* the number written here */
	uint16_t numlen;  /* its tokens, 0: no number */
	uint8_t numleast; /* the number is a lower bound ("dozens") */
	uint8_t cover;    /* CV_* */
	uint8_t clause;   /* clause of the sentence */
	uint8_t trig;     /* part of a trigger */
} TokInfo;

/* Party flags: what stands before it. */
enum {
	PF_LOC = 1, PF_FROM = 2, PF_TO = 4, PF_TARGET = 8, PF_BY = 16, PF_OF = 32, PF_COUNTRY = 64,
	PF_CAPITAL = 128,
};

/* More party flags (Party.role). */
enum { PR_SOURCE = 1 /* "officials said", "according to X": tells, does not act */ };

typedef struct Trig {
	uint32_t t0, t1, sent;
	uint8_t kind, needcamp, status, dropped;
	uint8_t weak;       /* a weapon named alone: needs an impact, a blame or another trigger */
	uint8_t needpeople; /* names an incident only when done to people ("residents will be moved") */
	uint8_t threat;     /* an order or a deadline itself ("ordered to leave"): threatened */
	uint8_t ultimatum;  /* that order, with a menace after it: a threatened attack */
	int group;          /* incident of the sentence it belongs to */
	int32_t date, place; /* its own date and place items, -1 */
} Trig;

typedef struct Party {
	uint32_t t0, t1, sent;
	uint32_t actor, addr;  /* lexicon entries (0: none) */
	uint32_t name;         /* offset into strs */
	int16_t country;
	uint8_t group;         /* actor group, else addressee group */
	uint8_t flags;         /* PF_* */
	uint8_t compose;       /* a generic noun (no country written) */
	uint8_t used;
	uint8_t named;         /* a name the tables do not know ("Black Ridge Brigade") */
	uint8_t role;          /* PR_* */
} Party;

/* How a place is introduced. */
enum { PP_NONE, PP_LOC, PP_TO, PP_FROM };

typedef struct Place {
	uint32_t t0, t1, sent;
	uint32_t entry;        /* gazetteer entry, 0: found in the text */
	uint32_t name;         /* offset into strs */
	int16_t country;
	uint8_t type, prep, anaphor;
	uint8_t in_party;      /* part of a party's name ("Special Representative for Iraq") */
	uint8_t qualifier;     /* the larger place a smaller one is in ("Dilling in South Kordofan") */
	uint8_t seat;          /* where a body named just before sits ("the support committee in
	                          Cologne", "our office in Bunia"): not where things happen */
	uint8_t ref;           /* a point of reference after a distance ("15 km north of Bunia"):
	                          distance_ref(), read once (find_main_place compares every pair) */
} Place;

typedef struct DateIt {
	uint32_t t0, t1, sent;
	DateSpan d;
	uint8_t dateline; /* "GENEVA (20 June 2023) –", "PARIS, Jan 6 (Reuters) –": when it was filed */
	uint8_t speech;   /* "the mission said on Friday": when it was told, not when it happened */
	Ymd ref;          /* the date a missing year or a relative date was resolved against */
} DateIt;

enum { R_NONE, R_KILLED, R_WOUNDED, R_DETAINED, R_RESIDENTS };

typedef struct CountIt {
	uint32_t t0, t1, sent;
	int64_t min, max;
	uint8_t role, add, vague;
} CountIt;

/* Where the items of a sentence are in the vectors. */
typedef struct SentItems {
	uint32_t trig0, trig1, party0, party1, place0, place1, date0, date1, count0, count1;
	int32_t subject; /* first party in subject position, -1 */
} SentItems;

/* An incident as told in one sentence, before merging. */
typedef struct EvMent {
	ExEvent ev;
	uint32_t place_item; /* index+1 of its place item, 0: none */
	uint8_t anaphoric;   /* named as one already told: "the strike", "this attack" */
	uint8_t another;     /* named as one more: "another shell", "a second strike" */
	uint8_t also;        /* "they also took away …": one more act, another incident if of another kind */
} EvMent;

typedef struct AppMent {
	ExAppeal ap;
	uint32_t by_key;  /* name of the party appealing (for merging), 0: none */
	uint32_t sent, block;
	uint8_t cont;     /* continues the previous sentence's appeal ("asking them to") */
	uint8_t has_date;
	uint8_t we;       /* "we ask": the author, who may have named itself just before */
	uint8_t heading;  /* "To the Government of Iraq: stop …": one item of a list */
	uint8_t named;    /* a name the tables do not know appeals ("Open Hands Medical calls on") */
	uint8_t noun;     /* told by a letter or petition sent ("we will hand the petition to …") */
} AppMent;

#define DEFVEC(T) typedef struct T##Vec { T *v; size_t n, cap; } T##Vec
DEFVEC(Trig);
DEFVEC(Party);
DEFVEC(Place);
DEFVEC(DateIt);
DEFVEC(CountIt);
DEFVEC(SentItems);
DEFVEC(EvMent);
DEFVEC(AppMent);

typedef struct Work {
	TokVec tok;
	SentVec sent;
	MentVec ment;
	TokInfo *ti;
	size_t capti;
	uint32_t *ment_at; /* per token of the sentence: index+1 of the mention starting there */
	size_t capma;
	TrigVec trig;
	PartyVec party;
	PlaceVec place;
	DateItVec date;
	CountItVec count;
	SentItemsVec si;
	EvMentVec evm;
	AppMentVec apm;
} Work;

/* The document being read. */
typedef struct Doc {
	const Lexicon *lx;
	const char *text;
	size_t len;
	Ymd ref;          /* publication date, y == 0 when unknown */
	Work *w;
	Extraction *x;
	int32_t main_place; /* index of the report's main place item, -1 */
	int32_t last_camp, last_town; /* last place items of each sort (anaphors) */
	int32_t letter_to; /* the party a letter's salutation addresses ("Dear Secretary-General,"), -1 */
	Ymd bref;          /* the date a block opens with ("20 April 2012. The government …"), */
	uint32_t bref_block; /* and that block: its other dates are read against it */
	Ymd line_date;     /* with no publication date: the first full date near the top, even
	                      on a line of its own ("Wednesday, 24 July 2013"); dates appeals only */
	int day_first;     /* the text writes numeric dates day first (dates_day_first) */
	Ymd hdate;         /* the day of the last heading read ("DAY 10 - Saturday, 12 March 2011"): */
	uint32_t hdate_block; /* the entries below it, dated by nothing else, are of that day */
	int hdays;         /* how many such headings the report has: a diary's are two or more */
} Doc;

/* ---- parts of a big text ---- */

/* Where to end a part of buf[0..n) of about EXTRACT_PART_BYTES: after a blank line, else a line
   end, else a space, else a UTF-8 character boundary, in its second half. */
size_t extract_part_end(const char *buf, size_t n)
{
	if (n <= EXTRACT_PART_BYTES)
		return n;
	size_t lo = EXTRACT_PART_BYTES / 2;
	for (size_t i = EXTRACT_PART_BYTES; i > lo; i--)
		if (buf[i - 1] == '\n' && buf[i - 2] == '\n')
			return i;
	for (size_t i = EXTRACT_PART_BYTES; i > lo; i--)
		if (buf[i - 1] == '\n')
			return i;
	for (size_t i = EXTRACT_PART_BYTES; i > lo; i--)
		if (buf[i - 1] == ' ')
			return i;
	size_t i = EXTRACT_PART_BYTES;
	while (i > lo && ((unsigned char)buf[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* ---- small helpers ---- */

const char *ex_str(const Extraction *x, uint32_t off)
{
	return off < x->strs.len ? x->strs.data + off : "";
}

static uint32_t str_add(Extraction *x, const char *s, size_t n)
{
	if (x->strs.len == 0)
		blob_putc(&x->strs, 0);
	uint32_t off = (uint32_t)x->strs.len;
	blob_append(&x->strs, s, n);
	blob_putc(&x->strs, 0);
	return off;
}

/* a, sep and b joined as one string of x. They may point into x->strs itself, which the
   append can move, so they are joined in a buffer of their own first. */
static uint32_t str_addf2(Extraction *x, const char *a, const char *sep, const char *b)
{
	Blob t = BLOB_INIT;
	blob_appendf(&t, "%s%s%s", a, sep, b);
	uint32_t off = str_add(x, blob_str(&t), t.len);
	blob_free(&t);
	return off;
}

static const LexEntry *ent(const Doc *d, uint32_t e)
{
	return &d->lx->entries[e];
}

static const char *lstr(const Doc *d, uint32_t off)
{
	return lexicon_str(d->lx, off);
}

static int has_cue(const Doc *d, uint32_t t, int c)
{
	return (d->w->ti[t].cue & BIT(c)) != 0;
}

/* The token's text equals s (ASCII, case-insensitive). */
static int tok_eq(const Doc *d, uint32_t t, const char *s)
{
	const Tok *k = &d->w->tok.v[t];
	const char *p = d->text + k->start;
	size_t n = k->end - k->start;
	if (s[0] == '\'' && n >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0x99) {
		p += 2; /* a typographic apostrophe stands for ' */
		n -= 2;
		return strlen(s) == n && strncasecmp(p + 1, s + 1, n - 1) == 0;
	}
	return strlen(s) == n && strncasecmp(p, s, n) == 0;
}

static int is_punct(const Doc *d, uint32_t t, int c)
{
	return tok_is(&d->w->tok.v[t], c);
}

/* Clause and phrase boundaries inside a sentence. */
static int is_clause_break(const Doc *d, uint32_t t)
{
	const Tok *k = &d->w->tok.v[t];
	/* a short aside in brackets names what stands before it: "the Popular Front … (FPRC)
	   attacked", "Rapid Support Forces (RSF)"; no clause of its own */
	if ((k->flags & TK_PUNCT) && k->punct == '(') {
		for (uint32_t u = t + 1; u < d->w->tok.n && u <= t + 4; u++)
			if (is_punct(d, u, ')'))
				return 0;
	}
	if ((k->flags & TK_PUNCT) && k->punct == ')') {
		for (uint32_t u = t; u > 0 && u + 4 >= t; u--)
			if (is_punct(d, u - 1, '('))
				return 0;
	}
	if (k->flags & TK_PUNCT)
		return k->punct == ';' || k->punct == ':' || k->punct == '(' || k->punct == ')' ||
		       (k->punct == PU_DASH && (k->flags & TK_SPACE)) || (k->punct == '-' && (k->flags & TK_SPACE));
	if (has_cue(d, t, C_CLAUSE))
		return 1;
	/* ", who fled fighting five years ago": a relative clause tells of something else */
	if (tok_eq(d, t, "who") || tok_eq(d, t, "whose") || (t > 0 && tok_eq(d, t, "which") && is_punct(d, t - 1, ',')))
		return 1;
	/* "known as the Jungle", "such as the camps": a name or an example, no clause */
	if (t > 0 && tok_eq(d, t, "as") &&
	    (tok_eq(d, t - 1, "known") || tok_eq(d, t - 1, "such") || tok_eq(d, t - 1, "referred") ||
	     tok_eq(d, t - 1, "described") || tok_eq(d, t - 1, "same") || tok_eq(d, t - 1, "designated")))
		return 0;
	/* "since it was set up", "after the last troops withdrew": a clause of its own; "since
	   the beginning of March", "before the end of the year" are dates */
	return has_cue(d, t, C_SUBORDINATOR) && t + 1 < d->w->tok.n &&
	       (d->w->ti[t + 1].cue & (BIT(C_PRONOUN) | BIT(C_WE) | BIT(C_DET))) && !(d->w->ti[t].cover & CV_DATE);
}

static int is_comma(const Doc *d, uint32_t t)
{
	return is_punct(d, t, ',');
}

static int kind_prio(int k)
{
	static const int prio[K_COUNT] = {0, 2, 9, 8, 6, 5, 1, 6, 7, 4, 3, 0};
	return k > 0 && k < K_COUNT ? prio[k] : 0;
}

static int violent(int k)
{
	return k == K_ATTACK || k == K_SHELLING || k == K_RAID || k == K_KILLING || k == K_ARREST ||
	       k == K_ABDUCTION;
}

/* Can two triggers of one clause be the same incident? */
static int kinds_join(int a, int b)
{
	if (a == b)
		return 1;
	if (violent(a) && violent(b))
		return 1;
	return (a == K_SIEGE || a == K_BLOCKADE) && (b == K_SIEGE || b == K_BLOCKADE);
}

/* Can two incidents told in different sentences be the same one? */
static int kinds_merge(int a, int b)
{
	if (a == b)
		return 1;
	if (!violent(a) || !violent(b))
		return 0;
	if (a == K_ATTACK || b == K_ATTACK || a == K_KILLING || b == K_KILLING)
		return 1;
	/* a raid with arrests or abductions */
	return (a == K_RAID || a == K_ARREST || a == K_ABDUCTION) && (b == K_RAID || b == K_ARREST || b == K_ABDUCTION);
}

static int perp_group(int g)
{
	return g == G_STATE_FORCES || g == G_GOVERNMENT || g == G_MILITIA || g == G_ARMED_GROUP ||
	       g == G_HEAD_OF_STATE || g == G_MINISTER || g == G_OFFICIAL;
}

static int state_group(int g)
{
	return g == G_STATE_FORCES || g == G_GOVERNMENT || g == G_HEAD_OF_STATE || g == G_MINISTER ||
	       g == G_OFFICIAL;
}

static int place_rank(int type)
{
	static const int rank[P_COUNT] = {0, 7, 6, 5, 4, 3, 2, 1};
	return type > 0 && type < P_COUNT ? rank[type] : 0;
}

/* ---- pass 1: what is named ---- */

/* A word that may stand between a preposition and a place: "in central Rome", "to the
   nearby Beddawi camp". */
static int place_adjective(const Doc *d, uint32_t t)
{
	static const char *const adj[] = {"central", "northern", "southern", "eastern", "western", "north",
	                                  "south", "east", "west", "nearby", "neighbouring", "neighboring",
	                                  "rural", "downtown", "greater", "occupied", "besieged", "makeshift",
	                                  "informal", "sprawling", "overcrowded", "remote", NULL};
	for (int i = 0; adj[i]; i++)
		if (tok_eq(d, t, adj[i]))
			return 1;
	return 0;
}

/* The kind of preposition just before token t (skipping determiners), within the
   sentence starting at s0: the cue class (C_LOC, C_FROM, C_TO, C_TARGET, C_BY) or 0. */
static int prep_before(const Doc *d, uint32_t t, uint32_t s0)
{
	uint32_t j = t;
	/* "of Iraq and Iran": the second is introduced like the first */
	if (t >= s0 + 2 && (tok_eq(d, t - 1, "and") || tok_eq(d, t - 1, "or") || is_comma(d, t - 1)) &&
	    (d->w->ti[t - 2].cover & CV_PLACE)) {
		uint32_t k = t - 2;
		while (k > s0 && (d->w->ti[k - 1].cover & CV_PLACE))
			k--;
		return prep_before(d, k, s0);
	}
	for (int skip = 0; skip < 3 && j > s0; skip++) {
		j--;
		if (place_adjective(d, j))
			continue; /* "to the nearby camp": "nearby" is not the preposition */
		uint64_t ce = d->w->ti[j].cue_end;
		if (ce & BIT(C_BY))
			return C_BY;
		if (ce & BIT(C_TARGET))
			return C_TARGET;
		if (ce & BIT(C_FROM))
			return C_FROM;
		if (ce & BIT(C_TO))
			return C_TO;
		if (ce & BIT(C_LOC)) {
			/* "taken to a specialist hospital in Baghdad": where a patient was to go */
			for (uint32_t k = j, back = 0, hosp = 0; k > s0 + 1 && back < 4; back++) {
				k--;
				if (tok_eq(d, k, "hospital") || tok_eq(d, k, "hospitals") || tok_eq(d, k, "clinic") ||
				    tok_eq(d, k, "unit") || tok_eq(d, k, "centre") || tok_eq(d, k, "center") || tok_eq(d, k, "ward"))
					hosp = 1; /* "to a neurosurgical unit in Baghdad" */
				else if (hosp && (d->w->ti[k].cue_end & BIT(C_DET)) && tok_eq(d, k - 1, "to"))
					return C_TO;
				else if (d->w->tok.v[k].flags & TK_PUNCT)
					break;
			}
			/* "fired from positions on the ridge", "from their bases in the hills" */
			for (uint32_t k = j, back = 0; k > s0 && back < 3; back++) {
				k--;
				if (d->w->ti[k].cue_end & BIT(C_FROM))
					return C_FROM;
				if (!(d->w->ti[k].cue_end & BIT(C_DET)) && !tok_eq(d, k, "positions") &&
				    !tok_eq(d, k, "position") && !tok_eq(d, k, "bases") && !tok_eq(d, k, "base") &&
				    !tok_eq(d, k, "hills") && !tok_eq(d, k, "heights") && !tok_eq(d, k, "side"))
					break;
			}
			return C_LOC;
		}
		if (tok_eq(d, j, "of"))
			return -1;
		if (!(ce & BIT(C_DET)) && !(d->w->tok.v[j].flags & TK_CAP) && !place_adjective(d, j))
			return 0;
	}
	return 0;
}

/* A bare weekday that names a thing, not a day: after a determiner and before a lowercase
   noun ("the Thursday market", "their Friday prayers", "a Sunday school"). A time of day
   or a function word after it keeps it a date ("the Friday evening", "the Monday before"). */
static int weekday_attributive(const Doc *d, const Sent *s, uint32_t t, uint32_t u)
{
	static const char *const det[] = {"the", "a", "an", "its", "their", "his", "her", "our", "weekly", "this", "that", NULL};
	static const char *const keep[] = {"morning", "afternoon", "evening", "night", "noon", "midday", "dawn",
	                                   "before", "after", "of", "when", "that", "and", "or", "to", "in", "at", "on", NULL};
	if (t <= s->t0 || u >= s->t1 || u != t + 1)
		return 0;
	int is_det = 0;
	for (const char *const *p = det; *p; p++)
		is_det |= tok_eq(d, t - 1, *p);
	const Tok *k = &d->w->tok.v[u];
	if (!is_det || !(k->flags & TK_WORD))
		return 0;
	unsigned char c = (unsigned char)d->text[k->start];
	if (c < 'a' || c > 'z')
		return 0;
	for (const char *const *p = keep; *p; p++)
		if (tok_eq(d, u, *p))
			return 0;
	return 1;
}

/* Dates of the sentence: date_phrase at every word not yet read. */
static void find_dates(Doc *d, uint32_t si, const Sent *s)
{
	Work *w = d->w;
	const Tok *tok = w->tok.v;
	uint32_t send = s->end;
	/* a chronology's entry: a block opening with a date with its year ("20 April 2012.
	   The spokesman announced that the residents must leave by 20 July") is the date its
	   other dates without a year, and its relative dates, are read against */
	int opens = si == 0 || w->sent.v[si - 1].block != s->block;
	Ymd ref = !opens && d->bref_block == s->block ? d->bref : d->ref;
	for (uint32_t t = s->t0; t < s->t1; t++) {
		const Tok *k = &tok[t];
		if (!(k->flags & TK_WORD))
			continue;
		unsigned char c = (unsigned char)d->text[k->start];
		if (c >= 0x80)
			continue;
		DateSpan ds;
		size_t n = date_phrase(d->text + k->start, send - k->start, ref, &ds);
		if (!n)
			continue;
		if ((ds.flags & DS_AMBIGUOUS) && d->day_first) { /* "10/07/2012" in a log from Iraq */
			int m = ds.start.m;
			ds.start.m = ds.start.d;
			ds.start.d = m;
			ds.end.y = 0;
		}
		uint32_t end = k->start + (uint32_t)n, u = t;
		while (u < s->t1 && tok[u].start < end)
			u++;
		if ((ds.flags & DS_WEEKDAY) && weekday_attributive(d, s, t, u)) {
			w->ti[t].cover |= CV_DATE; /* no date, and no part of a name either */
			continue;
		}
		DateIt di = {t, u, si, ds, 0, 0, ref};
		/* a date in parentheses, or before "(Agency) –" or a dash, near the start */
		if (t < s->t0 + 8) {
			uint32_t v = u;
			if (v < s->t1 && is_punct(d, v, ')') && t > s->t0 && is_punct(d, t - 1, '('))
				v++;
			else if (v + 2 < s->t1 && is_punct(d, v, '(') && is_punct(d, v + 2, ')'))
				v += 3;
			else if (v < s->t1 && is_punct(d, v, '(')) {
				/* "Feb 27 2024 (Sahel Press Agency) -" */
				uint32_t e = v + 1;
				while (e < s->t1 && e < v + 8 && !is_punct(d, e, ')'))
					e++;
				if (e < s->t1 && is_punct(d, e, ')'))
					v = e + 1;
			}
			if (v < s->t1 && (is_punct(d, v, PU_DASH) || is_punct(d, v, '-') || v > u))
				di.dateline = 1;
		}
		{
			uint32_t v = t;
			while (v > s->t0 && (tok_eq(d, v - 1, "on") || tok_eq(d, v - 1, "late") || tok_eq(d, v - 1, "early") ||
			                     tok_eq(d, v - 1, "later")))
				v--;
			if (v > s->t0 && (w->ti[v - 1].cue_end & BIT(C_SOURCE)) && !tok_eq(d, v - 1, "to"))
				di.speech = 1;
		}
		if (opens && t == s->t0 && !di.dateline && ds.start.y && ds.start.m && !ds.end.y &&
		    !(ds.flags & (DS_INFERRED | DS_RELATIVE | DS_SINCE | DS_UNTIL | DS_FUTURE))) {
			d->bref = ds.start;
			if (!d->bref.d) /* "March 2012.": its last day */
				d->bref.d = days_in_month(d->bref.y, d->bref.m);
			d->bref_block = s->block;
		}
		VEC_PUSH(&w->date, di);
		for (uint32_t v = t; v < u; v++)
			w->ti[v].cover |= CV_DATE;
		t = u - 1;
	}
}

/* The value of the number at t and the tokens it takes ("3,400", "twenty-one", "two
   hundred", "2.5 million", "dozens"), 0 when there is none. */
static uint32_t number_at(const Doc *d, uint32_t t, uint32_t end, int64_t *val, int *least)
{
	Work *w = d->w;
	const Tok *k = &w->tok.v[t];
	double v = -1;
	uint32_t n = 0;
	*least = 0;
	if (w->ti[t].cover & CV_DATE)
		return 0;
	if (k->flags & TK_NUM) {
		double x = 0, frac = 0, scale = 1;
		int dot = 0;
		for (uint32_t i = k->start; i < k->end; i++) {
			char c = d->text[i];
			if (c >= '0' && c <= '9') {
				if (dot) {
					scale /= 10;
					frac += (c - '0') * scale;
				} else
					x = x * 10 + (c - '0');
			} else if (c == '.')
				dot = 1;
			else if (c != ',')
				return 0; /* "20th", "1970s", "9mm" */
			if (x > 1e12)
				return 0;
		}
		v = x + frac;
		n = 1;
	} else if (w->ti[t].numlen) {
		v = (double)w->ti[t].num;
		n = w->ti[t].numlen;
		*least = w->ti[t].numleast;
		/* "twenty-one", "twenty one" */
		if (v >= 20 && v < 100 && (int64_t)v % 10 == 0 && t + n < end) {
			uint32_t u = t + n;
			if (is_punct(d, u, '-') && u + 1 < end)
				u++;
			if (w->ti[u].numlen && w->ti[u].num > 0 && w->ti[u].num < 10 && !w->ti[u].numleast) {
				v += (double)w->ti[u].num;
				n = u + w->ti[u].numlen - t;
			}
		}
	} else
		return 0;
	/* "two hundred", "3 million", "hundreds of thousands" */
	while (t + n < end && w->ti[t + n].numlen && !w->ti[t + n].numleast &&
	       (w->ti[t + n].num == 100 || w->ti[t + n].num == 1000 || w->ti[t + n].num == 1000000) &&
	       v > 0 && v < 1000) {
		v *= (double)w->ti[t + n].num;
		n += w->ti[t + n].numlen;
	}
	if (v < 0 || v > 1e9)
		return 0;
	*val = (int64_t)v;
	return n;
}

/* The role of a count: the cue words around it. "killed seven", "seven residents were
   killed", "wounded over 100", "death toll rose to 12", "one of the wounded died later". */
static int count_role(const Doc *d, uint32_t a, uint32_t b, uint32_t s0, uint32_t s1, int *add)
{
	static const int roles[] = {C_KILLED, C_WOUNDED, C_DETAINED};
	*add = 0;
	/* after: "N of the wounded died" */
	if (b + 2 < s1 && tok_eq(d, b, "of")) {
		uint32_t j = b + 1;
		if (has_cue(d, j, C_DET))
			j++;
		if (j < s1 && (has_cue(d, j, C_WOUNDED) || has_cue(d, j, C_DETAINED) || has_cue(d, j, C_PEOPLE))) {
			for (uint32_t k = j + 1; k < s1 && k < j + 5; k++)
				if (has_cue(d, k, C_KILLED)) {
					*add = has_cue(d, j, C_WOUNDED) || has_cue(d, j, C_DETAINED);
					return R_KILLED;
				}
		}
	}
	/* just before, across amount words: "killing over 47", "death toll rose to 12" */
	for (uint32_t j = a, steps = 0; j > s0 && steps < 4; steps++) {
		j--;
		uint64_t ce = d->w->ti[j].cue_end;
		for (int r = 0; r < 3; r++)
			if (ce & BIT(roles[r]))
				return r + 1;
		if (ce & (BIT(C_MORE) | BIT(C_ABOUT) | BIT(C_UPTO) | BIT(C_LESS)))
			continue;
		/* the first words of "more than", "at least": "injuring more than 20"; the start
		   of a range: "killing between three and five" */
		if ((d->w->ti[j].cue & (BIT(C_MORE) | BIT(C_ABOUT) | BIT(C_UPTO) | BIT(C_LESS))) || tok_eq(d, j, "between"))
			continue;
		/* "death toll now 3", "the toll is now seven", "has risen to" */
		if (tok_eq(d, j, "rose") || tok_eq(d, j, "risen") || tok_eq(d, j, "reached") || tok_eq(d, j, "to") ||
		    tok_eq(d, j, "at") || tok_eq(d, j, "stood") || tok_eq(d, j, "climbed") || tok_eq(d, j, "now") ||
		    tok_eq(d, j, "is") || tok_eq(d, j, "has"))
			continue;
		if (is_comma(d, j) || !(d->w->tok.v[j].flags & TK_WORD))
			break;
		/* "killed at least 7" done; "killed and wounded 7" rare */
		break;
	}
	/* after, across the people counted, where they are from, appositions and relative
	   clauses: "seven residents were killed", "Seven residents of Camp Serrin, among them
	   three children, were killed", "Two patients who depended on dialysis have died" */
	int people = 0, relative = 0, held = 0;
	for (uint32_t j = b; j < s1 && j < b + 16; j++) {
		const Tok *k = &d->w->tok.v[j];
		uint64_t c = d->w->ti[j].cue;
		/* "four prisoners died", "two hostages were wounded": people held, counted by
		   what befell them; detained only when nothing did */
		if (j == b && (tok_eq(d, j, "prisoners") || tok_eq(d, j, "detainees") || tok_eq(d, j, "hostages") ||
		               tok_eq(d, j, "inmates"))) {
			held = people = 1;
			continue;
		}
		for (int r = 0; r < 3; r++)
			if (c & BIT(roles[r]))
				return r + 1;
		if (c & BIT(C_PEOPLE)) {
			people = 1;
			continue;
		}
		if (c & (BIT(C_PASSIVE) | BIT(C_DET) | BIT(C_MORE)))
			continue;
		if (tok_eq(d, j, "have") || tok_eq(d, j, "had") || tok_eq(d, j, "has") || tok_eq(d, j, "of") ||
		    tok_eq(d, j, "them") || tok_eq(d, j, "reportedly") || tok_eq(d, j, "later") ||
		    tok_eq(d, j, "subsequently") || tok_eq(d, j, "also"))
			continue;
		if (!people) {
			/* an adjective or a nationality before the noun: "Iranian exiles" */
			if ((k->flags & TK_WORD) && !(k->flags & TK_NUM) && (j == b || (k->flags & TK_CAP)))
				continue;
			break;
		}
		if (d->w->ti[j].cover & (CV_PLACE | CV_PARTY))
			continue;
		if (is_comma(d, j) && j + 1 < s1 && has_cue(d, j + 1, C_SUBCOUNT)) {
			/* ", among them three children," */
			uint32_t e = j + 1;
			while (e < s1 && e < j + 10 && !is_comma(d, e))
				e++;
			j = e;
			continue;
		}
		if (is_comma(d, j)) {
			/* "At least 40 people, and possibly more than 60, were killed": an aside
			   between the people and what befell them */
			uint32_t e = j + 1;
			while (e < s1 && e < j + 9 && !is_comma(d, e) && !d->w->ti[e].trig)
				e++;
			if (e > j + 1 && e + 1 < s1 && is_comma(d, e) &&
			    (has_cue(d, e + 1, C_PASSIVE) || has_cue(d, e + 1, C_KILLED) || has_cue(d, e + 1, C_WOUNDED))) {
				j = e;
				continue;
			}
		}
		/* "A man with heart disease died": what the people have, as a relative clause */
		if (tok_eq(d, j, "who") || tok_eq(d, j, "which") || tok_eq(d, j, "that") || tok_eq(d, j, "with")) {
			relative = 1;
			continue;
		}
		if (relative && (k->flags & TK_WORD) && !(k->flags & TK_NUM) && !d->w->ti[j].trig)
			continue;
		if ((k->flags & TK_WORD) && k->end - k->start > 3 && d->text[k->end - 1] == 'y' && d->text[k->end - 2] == 'l')
			continue; /* an adverb */
		break;
	}
	if (held)
		return R_DETAINED;
	if (people)
		return R_RESIDENTS;
	return R_NONE;
}

/* Counts of the sentence. */
static void find_counts(Doc *d, uint32_t si, const Sent *s)
{
	Work *w = d->w;
	for (uint32_t t = s->t0; t < s->t1; t++) {
		if (w->ti[t].cover)
			continue;
		int64_t v;
		int least;
		uint32_t n = number_at(d, t, s->t1, &v, &least);
		if (!n && (tok_eq(d, t, "a") || tok_eq(d, t, "an"))) {
			/* "killing a man and wounding a woman and her daughter": one person, or two
			   joined by "and", counted by what befell them */
			uint32_t u = t + 1, np = 0;
			for (int k = 0; k < 2 && np < 2 && u < s->t1; k++) {
				uint32_t h = u;
				if (h + 1 < s->t1 && !(w->ti[h].cue & BIT(C_PEOPLE)) && (w->tok.v[h].flags & TK_WORD) &&
				    !(w->tok.v[h].flags & TK_CAP) && !w->ti[h].trig && !w->ti[h].cue)
					h++; /* "a young man", "an elderly woman" */
				if (h >= s->t1 || !(w->ti[h].cue & BIT(C_PEOPLE)) || (w->ti[h].cover & CV_PARTY) ||
				    d->text[w->tok.v[h].end - 1] == 's')
					break;
				np++;
				u = h + 1;
				if (u + 2 < s->t1 && tok_eq(d, u, "and") &&
				    (tok_eq(d, u + 1, "her") || tok_eq(d, u + 1, "his") || tok_eq(d, u + 1, "their") ||
				     tok_eq(d, u + 1, "a") || tok_eq(d, u + 1, "an")))
					u += 2;
				else
					break;
			}
			if (np) {
				int add;
				uint32_t b = t + 1;
				while (b < s->t1 && !(w->ti[b].cue & BIT(C_PEOPLE)))
					b++;
				int role = count_role(d, t, b, s->t0, s->t1, &add);
				if (role == R_KILLED || role == R_WOUNDED) {
					/* vague: a figure written elsewhere for the incident wins ("six
					   residents were killed … a man who died in hospital") */
					CountIt c = {t, u, si, np, np, (uint8_t)role, (uint8_t)add, 1};
					VEC_PUSH(&w->count, c);
					for (uint32_t q = t; q < u; q++)
						w->ti[q].cover |= CV_COUNT;
					t = u - 1;
				}
				continue;
			}
		}
		if (!n) {
			/* "no one was killed": a count of nought */
			if (has_cue(d, t, C_ZERO)) {
				uint32_t e = t + 1;
				while (e < s->t1 && !(w->ti[e - 1].cue_end & BIT(C_ZERO)))
					e++;
				for (uint32_t j = e; j < s->t1 && j < e + 4; j++) {
					int r = has_cue(d, j, C_KILLED) ? R_KILLED : has_cue(d, j, C_WOUNDED) ? R_WOUNDED : 0;
					if (r) {
						CountIt c = {t, e, si, 0, 0, (uint8_t)r, 0, 0};
						VEC_PUSH(&w->count, c);
						break;
					}
				}
				/* "no casualties" */
				if (tok_eq(d, e - 1, "casualties")) {
					CountIt c = {t, e, si, 0, 0, R_KILLED, 0, 0};
					VEC_PUSH(&w->count, c);
					c.role = R_WOUNDED;
					VEC_PUSH(&w->count, c);
				}
			}
			continue;
		}
		uint32_t a = t, b = t + n;
		int64_t mn = v, mx = least ? -1 : v;
		if (a > s->t0 && ((w->ti[a - 1].cue_end & BIT(C_SUBCOUNT)) ||
		                  (a > s->t0 + 1 && (w->ti[a - 1].cue_end & BIT(C_DET)) && (w->ti[a - 2].cue_end & BIT(C_SUBCOUNT))))) {
			/* "among them three children": part of a count already made */
			for (uint32_t u = a; u < b; u++)
				w->ti[u].cover |= CV_COUNT;
			t = b - 1;
			continue;
		}
		/* a range: "7 to 8", "7-8", "between 7 and 8", "7 or 8" */
		if (b + 1 < s->t1 && (tok_eq(d, b, "to") || tok_eq(d, b, "or") || is_punct(d, b, '-') ||
		                      is_punct(d, b, PU_DASH) || (tok_eq(d, b, "and") && a > s->t0 && tok_eq(d, a - 1, "between")))) {
			int64_t v2;
			int l2;
			uint32_t n2 = number_at(d, b + 1, s->t1, &v2, &l2);
			if (n2 && v2 > v) {
				mx = l2 ? -1 : v2;
				b = b + 1 + n2;
			}
		}
		/* amount words before */
		if (a > s->t0) {
			uint64_t ce = w->ti[a - 1].cue_end;
			if (ce & BIT(C_MORE))
				mx = -1;
			else if (ce & (BIT(C_UPTO) | BIT(C_LESS)))
				mn = -1;
		}
		if (b < s->t1 && has_cue(d, b, C_MORE) && (tok_eq(d, b, "or") || tok_eq(d, b, "plus")))
			mx = -1;
		int add;
		int role = count_role(d, a, b, s->t0, s->t1, &add);
		for (uint32_t u = a; u < b; u++)
			w->ti[u].cover |= CV_COUNT;
		if (role != R_NONE) {
			CountIt c = {a, b, si, mn, mx, (uint8_t)role, (uint8_t)add, (uint8_t)(least && !(w->tok.v[a].flags & TK_NUM))};
			VEC_PUSH(&w->count, c);
		}
		t = b - 1;
	}
}

/* The kind of place a lowercase head noun before "of" names ("the village of X"), 0: none. */
static int head_of_type(const Doc *d, uint32_t t)
{
	if (d->w->tok.v[t].flags & TK_CAP)
		return 0;
	if (tok_eq(d, t, "village") || tok_eq(d, t, "town") || tok_eq(d, t, "hamlet") || tok_eq(d, t, "villages") ||
	    tok_eq(d, t, "towns") || tok_eq(d, t, "hamlets"))
		return P_TOWN;
	if (tok_eq(d, t, "city") || tok_eq(d, t, "cities"))
		return P_CITY;
	if (tok_eq(d, t, "district") || tok_eq(d, t, "neighbourhood") || tok_eq(d, t, "neighborhood") ||
	    tok_eq(d, t, "suburb") || tok_eq(d, t, "quarter") || tok_eq(d, t, "districts"))
		return P_DISTRICT;
	if (tok_eq(d, t, "camp") || tok_eq(d, t, "settlement") || tok_eq(d, t, "camps") || tok_eq(d, t, "settlements"))
		return P_CAMP;
	return 0;
}

/* Cue classes of function words: a capitalised word with one of them ("The", "In",
   "Will") is not part of a name. */
#define FUNCTION_CUES                                                                               \
	(BIT(C_DET) | BIT(C_LOC) | BIT(C_FROM) | BIT(C_TO) | BIT(C_TARGET) | BIT(C_BY) | BIT(C_PASSIVE) |  \
	 BIT(C_PRONOUN) | BIT(C_WE) | BIT(C_READER) | BIT(C_STARTER) | BIT(C_CLAUSE) | BIT(C_CONDITION) |  \
	 BIT(C_NEGATION) | BIT(C_THREAT) | BIT(C_SOURCE) | BIT(C_APPEAL) | BIT(C_APPEAL_FOR) |              \
	 BIT(C_APPEAL_NOUN) | BIT(C_ABOUT) | BIT(C_MORE) | BIT(C_LESS) | BIT(C_UPTO) | BIT(C_ZERO) |       \
	 BIT(C_DENY) | BIT(C_PRESENT) | BIT(C_ABBREV) | BIT(C_SUBCOUNT) | BIT(C_BLAME))

#define HEAD_CUES (BIT(C_HEAD_STATE) | BIT(C_HEAD_MILITIA) | BIT(C_HEAD_GOV) | BIT(C_HEAD_ORG))

/* A capitalised word that can be part of a name not in the tables. */
static int name_word(const Doc *d, uint32_t u)
{
	const Tok *k = &d->w->tok.v[u];
	if (!(k->flags & TK_WORD) || !(k->flags & (TK_CAP | TK_UPPER)) || (k->flags & TK_NUM))
		return 0;
	if ((d->w->ti[u].cover & (CV_DATE | CV_PLACE | CV_PARTY | CV_DEMONYM)) || d->w->ti[u].trig)
		return 0;
	return !(d->w->ti[u].cue & FUNCTION_CUES);
}

/* An Arabic particle that may open a name ("al-Hol", "el-Fasher"). */
static int name_particle(const Doc *d, uint32_t u)
{
	static const char *const particles[] = {"al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ed",
	                                        "en", "er", "es", "ez", "ul", "ben", "bin", "de", "la", NULL};
	for (int i = 0; particles[i]; i++)
		if (tok_eq(d, u, particles[i]))
			return 1;
	return 0;
}

/* A name not in the tables at t: capitalised words ("Kafr Sous", "Black Ridge Brigade"),
   with Arabic particles ("al-Hol") and, after a head word, "of", "for", "in" ("United
   Nations Assistance Mission in Kaldan"); returns its end, t when there is none. */
static uint32_t cap_run(const Doc *d, uint32_t t, uint32_t end)
{
	const Tok *tok = d->w->tok.v;
	uint32_t u = t, words = 0, last = t;
	while (u < end && words < 8) {
		int particle = name_particle(d, u);
		if (particle && u + 2 < end && is_punct(d, u + 1, '-') && name_word(d, u + 2)) {
			u += 2;
			continue;
		}
		if (name_word(d, u)) {
			u++;
			words++;
			last = u;
			/* "Kafr-Sous" */
			if (u + 1 < end && is_punct(d, u, '-') && !(tok[u].flags & TK_SPACE) && name_word(d, u + 1))
				u++;
			continue;
		}
		if (words && (d->w->ti[last - 1].cue & HEAD_CUES) &&
		    (tok_eq(d, u, "of") || tok_eq(d, u, "for") || tok_eq(d, u, "in") || tok_eq(d, u, "on"))) {
			uint32_t v = u + 1;
			if (v < end && tok_eq(d, v, "the"))
				v++;
			if (v < end && name_word(d, v)) {
				u = v;
				continue;
			}
		}
		break;
	}
	return words ? last : t;
}

/* The value of a one-token cue of class c at t (the place type of a place head). */
static int cue_value(const Doc *d, uint32_t t, int c)
{
	for (LINKS(d->lx, lexicon_single(d->lx, d->w->tok.v[t].id), l, e))
		if (ent(d, e)->type == LX_CUE && ent(d, e)->sub == c)
			return (int)ent(d, e)->value;
	return 0;
}

static uint32_t surface(Doc *d, uint32_t t0, uint32_t t1)
{
	const Tok *tok = d->w->tok.v;
	return str_add(d->x, d->text + tok[t0].start, tok[t1 - 1].end - tok[t0].start);
}

/* A place named as a point of reference after a distance ("15 km north of Bunia", "a
   town forty kilometres from Damascus"): it says where another place is. */
static int distance_ref(const Doc *d, uint32_t t0)
{
	if (t0 < 2 || !(tok_eq(d, t0 - 1, "of") || tok_eq(d, t0 - 1, "from")))
		return 0;
	for (uint32_t u = t0 - 1, k = 0; u > 0 && k < 3; k++) {
		u--;
		if (tok_eq(d, u, "km") || tok_eq(d, u, "kilometres") || tok_eq(d, u, "kilometers") ||
		    tok_eq(d, u, "miles") || tok_eq(d, u, "kms"))
			return 1;
	}
	return 0;
}

static void add_place(Doc *d, uint32_t si, const Sent *s, uint32_t t0, uint32_t t1, uint32_t entry,
                      int type, int country, uint32_t name)
{
	Work *w = d->w;
	Place p = {t0, t1, si, entry, name, (int16_t)country, (uint8_t)type, PP_NONE, 0, 0};
	int pr = prep_before(d, t0, s->t0);
	p.prep = pr == C_FROM ? PP_FROM : pr == C_TO ? PP_TO : pr == C_LOC || pr == C_TARGET ? PP_LOC : PP_NONE;
	VEC_PUSH(&w->place, p);
	for (uint32_t u = t0; u < t1; u++)
		w->ti[u].cover |= CV_PLACE;
	/* "the camp" is the camp being told about, not where people fled to or came from
	   ("… and residents fled to the nearby Beddawi camp. Troops surrounded the camp") */
	/* "the support committee in Cologne", "our team based in Juba" */
	if (t0 >= s->t0 + 2 && (tok_eq(d, t0 - 1, "in") || tok_eq(d, t0 - 1, "at"))) {
		static const char *const body[] = {"office", "offices", "team", "teams", "committee", "headquarters",
		                                   "embassy", "bureau", "staff", "colleagues", "correspondent",
		                                   "based", "spokesman", "spokeswoman", "spokesperson", NULL};
		uint32_t b = t0 - 2;
		int seat = 0;
		for (int i = 0; body[i] && !seat; i++)
			seat = tok_eq(d, b, body[i]);
		w->place.v[w->place.n - 1].seat = (uint8_t)seat;
	}
	w->place.v[w->place.n - 1].ref = (uint8_t)distance_ref(d, t0);
	int aside = p.prep == PP_TO || p.prep == PP_FROM || w->place.v[w->place.n - 1].ref || w->place.v[w->place.n - 1].seat;
	if (type == P_CAMP && !(aside && d->last_camp >= 0))
		d->last_camp = (int32_t)w->place.n - 1;
	else if ((type == P_TOWN || type == P_CITY || type == P_DISTRICT) && !(aside && d->last_town >= 0))
		d->last_town = (int32_t)w->place.n - 1;
}

static void add_party(Doc *d, uint32_t si, const Sent *s, uint32_t t0, uint32_t t1, uint32_t actor,
                      uint32_t addr, int country, uint32_t name, int flags)
{
	Work *w = d->w;
	Party p = {t0, t1, si, actor, addr, name, (int16_t)country, 0, (uint8_t)flags, 0, 0, !actor && !addr, 0};
	const LexEntry *a = actor ? ent(d, actor) : NULL, *b = addr ? ent(d, addr) : NULL;
	p.group = a ? a->sub : b ? b->sub : G_GOVERNMENT;
	p.compose = country < 0 && ((a && (a->flags & LF_COMPOSE)) || (!a && b && (b->flags & LF_COMPOSE)));
	int pr = prep_before(d, t0, s->t0);
	p.flags |= pr == C_LOC ? PF_LOC : pr == C_FROM ? PF_FROM : pr == C_TO ? PF_TO : pr == C_TARGET ? PF_TARGET
	         : pr == C_BY ? PF_BY : pr < 0 ? PF_OF : 0;
	VEC_PUSH(&w->party, p);
	for (uint32_t u = t0; u < t1; u++)
		w->ti[u].cover |= CV_PARTY;
}

/* The entries of a mention, by type. */
typedef struct MentEntries {
	uint32_t actor, addr, place, country, demonym, kind, number;
} MentEntries;

static MentEntries ment_entries(const Doc *d, const Ment *m)
{
	MentEntries me = {0, 0, 0, 0, 0, 0, 0};
	for (LINKS(d->lx, m->link, l, e)) {
		const LexEntry *en = ent(d, e);
		switch (en->type) {
		case LX_ACTOR: if (!me.actor) me.actor = e; break;
		case LX_ADDRESSEE: if (!me.addr) me.addr = e; break;
		case LX_PLACE: if (!me.place) me.place = e; break;
		case LX_COUNTRY:
			if (en->flags & LF_DEMONYM) {
				if (!me.demonym) me.demonym = e;
			} else if (!me.country)
				me.country = e;
			break;
		case LX_KIND: if (!me.kind) me.kind = e; break;
		case LX_NUMBER: if (!me.number) me.number = e; break;
		}
	}
	return me;
}

/* The generic noun at token t a country can qualify ("police", "government"): the
   mention's index + 1, or 0. */
static uint32_t composable_at(const Doc *d, uint32_t t, uint32_t end)
{
	if (t >= end || !d->w->ment_at[t])
		return 0;
	uint32_t mi = d->w->ment_at[t] - 1;
	MentEntries me = ment_entries(d, &d->w->ment.v[mi]);
	if ((me.actor && (ent(d, me.actor)->flags & LF_COMPOSE)) ||
	    (me.addr && (ent(d, me.addr)->flags & LF_COMPOSE)))
		return mi + 1;
	return 0;
}

/* Adds the party a country qualifies: "Iraqi" + "police" -> "Iraqi police". */
static void add_composite(Doc *d, uint32_t si, const Sent *s, uint32_t t0, const Ment *n, int country)
{
	MentEntries ne = ment_entries(d, n);
	uint32_t a = ne.actor && (ent(d, ne.actor)->flags & LF_COMPOSE) ? ne.actor : 0;
	uint32_t b = ne.addr && (ent(d, ne.addr)->flags & LF_COMPOSE) ? ne.addr : 0;
	const LexCountry *c = lexicon_country(d->lx, country);
	const char *noun = lstr(d, ent(d, a ? a : b)->name);
	uint32_t name = str_addf2(d->x, lstr(d, c->demonym), " ", noun);
	add_party(d, si, s, t0, n->t1, a, b, country, name, 0);
}

/* 1 when a personal title stands before t, perhaps with its full stop and a given name
   between: "Ms Halima Oran", "Dr. Oran" name a person, not the town of the gazetteer. */
static int honorific_before(const Doc *d, const Sent *s, uint32_t t)
{
	if (t > s->t0 && name_word(d, t - 1) && !d->w->ment_at[t - 1])
		t--;
	if (t > s->t0 && is_punct(d, t - 1, '.'))
		t--;
	return t > s->t0 && has_cue(d, t - 1, C_HONORIFIC);
}

static void find_entities(Doc *d, uint32_t si, const Sent *s)
{
	Work *w = d->w;
	const Tok *tok = w->tok.v;
	size_t p0 = w->party.n;
	for (size_t i = 0; i < w->ment.n; i++) {
		const Ment *m = &w->ment.v[i];
		if (m->gap || (w->ti[m->t0].cover & (CV_PARTY | CV_PLACE)))
			continue;
		MentEntries me = ment_entries(d, m);
		if (!me.actor && !me.addr && !me.place && !me.country && !me.demonym) {
			/* anaphors: "the camp"; not "the village of Ngarbuh", which names it */
			if (m->t1 + 1 < s->t1 && tok_eq(d, m->t1, "of") && (w->tok.v[m->t1 + 1].flags & TK_CAP))
				continue;
			for (LINKS(d->lx, m->link, l, e))
				if (ent(d, e)->type == LX_CUE && ent(d, e)->sub == C_ANAPHOR) {
					Place p = {m->t0, m->t1, si, 0, 0, -1, (uint8_t)ent(d, e)->value, PP_NONE, 1, 0};
					int pr = prep_before(d, m->t0, s->t0);
					p.prep = pr == C_FROM ? PP_FROM : pr == C_TO ? PP_TO : pr ? PP_LOC : PP_NONE;
					int32_t ref = p.type == P_CAMP ? d->last_camp : d->last_town;
					if (ref >= 0) {
						const Place *r = &w->place.v[ref];
						p.entry = r->entry;
						p.name = r->name;
						p.country = r->country;
						p.type = r->type;
						p.anaphor = 2; /* resolved */
					}
					VEC_PUSH(&w->place, p);
					for (uint32_t u = m->t0; u < m->t1; u++)
						w->ti[u].cover |= CV_PLACE;
					break;
				}
			continue;
		}
		int cidx = me.country ? ent(d, me.country)->country : me.demonym ? ent(d, me.demonym)->country : -1;
		if (cidx >= 0 && !me.country)
			for (uint32_t u = m->t0; u < m->t1; u++)
				w->ti[u].cover |= CV_DEMONYM; /* "Iraqi soil": an adjective, not a place */
		if (cidx >= 0) {
			/* "Iraqi police", "Iran's regime", "Iraqi army and police" */
			uint32_t u = m->t1;
			if (u < s->t1 && tok_eq(d, u, "'s"))
				u++;
			uint32_t n = composable_at(d, u, s->t1);
			if (!n && u + 1 < s->t1 && (tok[u].flags & TK_WORD) && !w->ti[u].cue && !w->ment_at[u])
				n = composable_at(d, u + 1, s->t1); /* one adjective: "Iraqi riot police" */
			if (n) {
				add_composite(d, si, s, m->t0, &w->ment.v[n - 1], cidx);
				uint32_t v = w->ment.v[n - 1].t1;
				while (v + 1 < s->t1 && (tok_eq(d, v, "and") || is_comma(d, v)) &&
				       (n = composable_at(d, v + 1, s->t1)) != 0) {
					add_composite(d, si, s, v + 1, &w->ment.v[n - 1], cidx);
					v = w->ment.v[n - 1].t1;
				}
				continue;
			}
			if (me.country && u > m->t1)
				continue; /* "Iran's Revolutionary Guard": an owner, not a place */
			/* "Israeli tank shells", "a Russian missile": the state's forces did it */
			if (me.demonym && !me.country && m->t1 < s->t1 &&
			    (w->ti[m->t1].trig || (m->t1 + 1 < s->t1 && w->ti[m->t1 + 1].trig && (tok[m->t1].flags & TK_WORD)))) {
				const LexCountry *c = lexicon_country(d->lx, cidx);
				add_party(d, si, s, m->t0, m->t1, 0, 0, cidx, str_addf2(d->x, lstr(d, c->demonym), " ", "forces"), 0);
				w->party.v[w->party.n - 1].group = G_STATE_FORCES;
				w->party.v[w->party.n - 1].named = 1;
				continue;
			}
			if (me.country) {
				/* a country named: a place, and its government when it acts */
				const LexCountry *c = lexicon_country(d->lx, cidx);
				int pr = prep_before(d, m->t0, s->t0);
				if (pr == C_LOC || pr == C_FROM || pr == C_TO || pr < 0)
					add_place(d, si, s, m->t0, m->t1, c->place, P_COUNTRY, cidx, str_add(d->x, lstr(d, c->name), strlen(lstr(d, c->name))));
				else {
					add_party(d, si, s, m->t0, m->t1, 0, me.addr, cidx,
					          str_addf2(d->x, lstr(d, c->demonym), " ", "government"), PF_COUNTRY);
					w->party.v[w->party.n - 1].group = G_GOVERNMENT;
				}
			}
			continue;
		}
		if (me.place && !me.actor && honorific_before(d, s, m->t0))
			continue;
		if (me.place && !me.actor) {
			const LexEntry *p = ent(d, me.place);
			int pr = prep_before(d, m->t0, s->t0);
			if ((p->flags & LF_CAPITAL) && pr != C_LOC && pr != C_FROM && pr != C_TO && pr >= 0 &&
			    p->country >= 0 && !(m->t1 < s->t1 && (tok_eq(d, m->t1, "camp") || tok_eq(d, m->t1, "province")))) {
				/* "Baghdad extended the deadline": the capital for its government */
				const LexCountry *c = lexicon_country(d->lx, p->country);
				Blob nb = BLOB_INIT;
				blob_appendf(&nb, "%s government (%s)", lstr(d, c->demonym), lstr(d, p->name));
				add_party(d, si, s, m->t0, m->t1, 0, me.addr, p->country, str_add(d->x, nb.data, nb.len),
				          PF_CAPITAL);
				w->party.v[w->party.n - 1].group = G_GOVERNMENT;
				blob_free(&nb);
				continue;
			}
			add_place(d, si, s, m->t0, m->t1, me.place, p->sub, p->country, str_add(d->x, lstr(d, p->name), strlen(lstr(d, p->name))));
			continue;
		}
		uint32_t e = me.actor ? me.actor : me.addr;
		if (e && m->t0 >= s->t0 + 2 && is_punct(d, m->t0 - 1, '-') &&
		    (tok_eq(d, m->t0 - 2, "pro") || tok_eq(d, m->t0 - 2, "anti")))
			continue; /* "a pro-government militia": the militia acts */
		if (e) {
			const LexEntry *en = ent(d, e);
			/* "government of Iraq", "Ministry of Interior of Iraq" */
			uint32_t of = m->t1 + 1;
			if (of < s->t1 && has_cue(d, of, C_DET) && tok_eq(d, of, "the"))
				of++;
			if ((en->flags & LF_COMPOSE) && of < s->t1 && tok_eq(d, m->t1, "of") && w->ment_at[of]) {
				const Ment *c = &w->ment.v[w->ment_at[of] - 1];
				MentEntries ce = ment_entries(d, c);
				if (ce.country) {
					int ci = ent(d, ce.country)->country;
					const LexCountry *lc = lexicon_country(d->lx, ci);
					uint32_t name = str_addf2(d->x, lstr(d, lc->demonym), " ", lstr(d, en->name));
					add_party(d, si, s, m->t0, c->t1, me.actor, me.addr, ci, name, 0);
					/* "… of the United Kingdom and the United States" */
					uint32_t v = c->t1;
					while (v + 1 < s->t1 && (tok_eq(d, v, "and") || is_comma(d, v))) {
						uint32_t k = v + 1;
						if (k < s->t1 && tok_eq(d, k, "the"))
							k++;
						if (k >= s->t1 || !w->ment_at[k])
							break;
						const Ment *c2 = &w->ment.v[w->ment_at[k] - 1];
						MentEntries ce2 = ment_entries(d, c2);
						if (!ce2.country)
							break;
						int ci2 = ent(d, ce2.country)->country;
						const LexCountry *lc2 = lexicon_country(d->lx, ci2);
						add_party(d, si, s, k, c2->t1, me.actor, me.addr, ci2,
						          str_addf2(d->x, lstr(d, lc2->demonym), " ", lstr(d, en->name)), 0);
						v = c2->t1;
					}
					continue;
				}
			}
			add_party(d, si, s, m->t0, m->t1, me.actor, me.addr, en->country,
			          str_add(d->x, lstr(d, en->name), strlen(lstr(d, en->name))), 0);
			if (me.place) /* an actor named after a place: still a place for anaphors */
				(void)0;
		}
	}
	/* a title followed by a name: "Governor Rasim Tabor", "President Ilias Dorran"; a name
	   of the tables followed by more of itself: "United Nations Assistance Mission in
	   Kaldan"; "Government of Kaldan" */
	for (size_t p = p0; p < w->party.n; p++) {
		Party *pa = &w->party.v[p];
		uint32_t e = pa->t1;
		/* not "residents of Camp Serrin": that is a place */
		if (e < s->t1 && tok_eq(d, e, "of") && pa->compose && pa->group != G_PROTECTED && e + 1 < s->t1 &&
		    name_word(d, e + 1))
			e = cap_run(d, e + 1, s->t1);
		else if (e < s->t1 && name_word(d, e) && (pa->compose || (w->tok.v[e - 1].flags & TK_CAP)) &&
		         !(w->ti[e].cue & BIT(C_PLACE_HEAD)))
			e = cap_run(d, e, s->t1);
		/* "the Assam government", "the Sindh police": a place the tables do not know
		   before a generic government or force names whose it is */
		if (e <= pa->t1 && pa->compose && (pa->group == G_GOVERNMENT || pa->group == G_STATE_FORCES) &&
		    pa->t0 > s->t0 + 1 && name_word(d, pa->t0 - 1) && !(w->tok.v[pa->t0].flags & TK_CAP) &&
		    (w->ti[pa->t0 - 2].cue & BIT(C_DET))) {
			pa->t0--;
			pa->name = surface(d, pa->t0, pa->t1);
			pa->compose = 0;
			w->ti[pa->t0].cover |= CV_PARTY;
			continue;
		}
		/* the same with a region the gazetteer knows: "the Assam government" */
		if (e <= pa->t1 && pa->compose && (pa->group == G_GOVERNMENT || pa->group == G_STATE_FORCES) &&
		    pa->t0 > s->t0 && !(w->tok.v[pa->t0].flags & TK_CAP) && (w->ti[pa->t0 - 1].cover & CV_PLACE)) {
			for (size_t q = w->place.n; q > 0; q--) {
				Place *pl = &w->place.v[q - 1];
				if (pl->sent != si)
					break;
				if (pl->t1 != pa->t0 || pl->anaphor || (pl->type != P_REGION && pl->type != P_DISTRICT))
					continue;
				pa->t0 = pl->t0;
				pa->name = surface(d, pa->t0, pa->t1);
				pa->country = pl->country;
				pa->compose = 0;
				pl->in_party = 1;
				break;
			}
			continue;
		}
		if (e <= pa->t1)
			continue;
		/* a title and a person: the title is what the person is */
		pa->name = surface(d, pa->t0, e);
		pa->compose = 0;
		for (uint32_t u = pa->t1; u < e; u++)
			w->ti[u].cover |= CV_PARTY;
		pa->t1 = e;
	}
	/* names the tables do not know: "Camp Nadir", "Nadir camp", "Upper Kaldan province",
	   "Black Ridge Brigade", "Serrin Watch", "near Kafr Sous" */
	for (uint32_t t = s->t0; t < s->t1; t++) {
		if (w->ti[t].cover || !name_word(d, t))
			continue;
		/* "the al-Rawda camp": the particle opens the name */
		if (t >= s->t0 + 2 && is_punct(d, t - 1, '-') && !(w->tok.v[t - 2].flags & TK_CAP) &&
		    name_particle(d, t - 2) && !w->ti[t - 2].cover && !w->ti[t - 1].cover)
			t -= 2;
		uint32_t e = cap_run(d, t, s->t1);
		if (e == t)
			continue;
		/* "Camp 15", "Camp 9" (numbered camps); "Camp" alone names no place */
		if (tok_eq(d, t, "camp") && e == t + 1) {
			if (e < s->t1 && (w->tok.v[e].flags & TK_NUM) && !(w->ti[e].cover & CV_DATE)) {
				add_place(d, si, s, t, e + 1, 0, P_CAMP, -1, surface(d, t, e + 1));
				t = e;
			}
			continue;
		}
		uint64_t last = w->ti[e - 1].cue;
		uint32_t k = e;
		int camp = tok_eq(d, t, "camp") && e > t + 1;
		if (camp) {
			add_place(d, si, s, t, e, 0, P_CAMP, -1, surface(d, t, e));
		} else if (e > t + 1 && (last & (BIT(C_HEAD_STATE) | BIT(C_HEAD_MILITIA) | BIT(C_HEAD_GOV)))) {
			int g = last & BIT(C_HEAD_STATE) ? G_STATE_FORCES : last & BIT(C_HEAD_MILITIA) ? G_MILITIA : G_GOVERNMENT;
			if (k < s->t1 && !(w->tok.v[k].flags & TK_CAP) && (w->ti[k].cue & (BIT(C_HEAD_MILITIA) | BIT(C_HEAD_STATE))))
				k++; /* "the Black Ridge Brigade militia" */
			add_party(d, si, s, t, k, 0, 0, -1, surface(d, t, e), 0);
			w->party.v[w->party.n - 1].group = (uint8_t)g;
		} else if (e > t + 1 && (last & BIT(C_HEAD_ORG))) {
			add_party(d, si, s, t, e, 0, 0, -1, surface(d, t, e), 0);
			w->party.v[w->party.n - 1].group = G_NGO;
		} else if (e > t + 1 && (last & BIT(C_PLACE_HEAD))) {
			add_place(d, si, s, t, e, 0, cue_value(d, e - 1, C_PLACE_HEAD), -1, surface(d, t, e));
		} else if (k < s->t1 && (w->ti[k].cue & BIT(C_PLACE_HEAD)) && !(w->tok.v[k].flags & TK_CAP)) {
			/* "Upper Kaldan province", "Kharsa transit site", "Nadir refugee camp" */
			uint32_t mi = w->ment_at[k];
			uint32_t ke = mi ? w->ment.v[mi - 1].t1 : k + 1;
			add_place(d, si, s, t, ke, 0, cue_value(d, k, C_PLACE_HEAD), -1, surface(d, t, ke));
			e = ke;
		} else if (k < s->t1 && !(w->tok.v[k].flags & TK_CAP) && (w->ti[k].cue & BIT(C_HEAD_MILITIA))) {
			add_party(d, si, s, t, k + 1, 0, 0, -1, surface(d, t, k + 1), 0);
			w->party.v[w->party.n - 1].group = G_MILITIA;
			e = k + 1;
		} else if (t >= s->t0 + 2 && tok_eq(d, t - 1, "of") && head_of_type(d, t - 2)) {
			/* "the village of Ngarbuh", "the town of Palma" */
			add_place(d, si, s, t, e, 0, head_of_type(d, t - 2), -1, surface(d, t, e));
			if (w->place.v[w->place.n - 1].prep == PP_NONE)
				w->place.v[w->place.n - 1].prep = PP_LOC;
			/* "the towns of Kadugli and Dilling": the second is one as well */
			if (e + 1 < s->t1 && tok_eq(d, e, "and") && name_word(d, e + 1) && !w->ti[e + 1].cover) {
				uint32_t e2 = cap_run(d, e + 1, s->t1);
				if (e2 > e + 1 && !(e2 < s->t1 && (tok_eq(d, e2, "'s") || (w->ti[e2].cue & BIT(C_PLACE_HEAD))))) {
					add_place(d, si, s, e + 1, e2, 0, head_of_type(d, t - 2), -1, surface(d, e + 1, e2));
					w->place.v[w->place.n - 1].prep = PP_LOC;
					e = e2;
				}
			}
		} else if (t >= s->t0 + 2 && tok_eq(d, t - 1, "and") && (w->ti[t - 2].cover & CV_PLACE) &&
		           !(k < s->t1 && (tok_eq(d, k, "'s") || (w->ti[k].cover & CV_PARTY)))) {
			/* "the towns of Kadugli and Dilling", "in Ostra and Velmar": another of them */
			for (size_t q = w->place.n; q > 0; q--) {
				const Place *pl = &w->place.v[q - 1];
				if (pl->sent != si)
					break;
				if (pl->t1 == t - 1 && !pl->anaphor && !pl->in_party &&
				    (pl->type == P_TOWN || pl->type == P_CITY || pl->type == P_CAMP || pl->type == P_DISTRICT)) {
					add_place(d, si, s, t, e, 0, pl->type, -1, surface(d, t, e));
					break;
				}
			}
		} else if (t > s->t0 + 1 && tok_eq(d, t - 1, "on") && (w->ti[t - 2].cue_end & BIT(C_SOURCE))) {
			/* "said on Telegram", "announced on State Television": where it was said */
		} else if (t > s->t0 && !(k < s->t1 && (tok_eq(d, k, "'s") || (w->ti[k].cover & (CV_PLACE | CV_PARTY)))) &&
		           (tok_eq(d, t - 1, "in") || tok_eq(d, t - 1, "near") || tok_eq(d, t - 1, "outside") ||
		            (t > s->t0 + 1 && place_adjective(d, t - 1) && (tok_eq(d, t - 2, "in") || tok_eq(d, t - 2, "near"))) ||
		            tok_eq(d, t - 1, "around") || tok_eq(d, t - 1, "into") || tok_eq(d, t - 1, "inside") ||
		            tok_eq(d, t - 1, "at") || tok_eq(d, t - 1, "on"))) {
			add_place(d, si, s, t, e, 0, P_TOWN, -1, surface(d, t, e));
		}
		t = e - 1;
	}
}

/* Pass 1 over one sentence. */
static void read_sentence(Doc *d, uint32_t si)
{
	Work *w = d->w;
	const Sent *s = &w->sent.v[si];
	SentItems it = {(uint32_t)w->trig.n, 0, (uint32_t)w->party.n, 0, (uint32_t)w->place.n, 0,
	                (uint32_t)w->date.n, 0, (uint32_t)w->count.n, 0, -1};
	w->ment.n = 0;
	lexicon_match(d->lx, w->tok.v, s->t0, s->t1, &w->ment);
	for (uint32_t t = s->t0; t < s->t1; t++)
		w->ment_at[t] = 0;
	for (size_t i = 0; i < w->ment.n; i++) {
		const Ment *m = &w->ment.v[i];
		if (!m->gap && !w->ment_at[m->t0])
			w->ment_at[m->t0] = (uint32_t)i + 1;
		for (LINKS(d->lx, m->link, l, e)) {
			const LexEntry *en = ent(d, e);
			if (en->type == LX_CUE) {
				w->ti[m->t0].cue |= BIT(en->sub);
				w->ti[m->t1 - 1].cue_end |= BIT(en->sub);
			} else if (en->type == LX_NUMBER && !m->gap) {
				w->ti[m->t0].num = (int64_t)en->value;
				w->ti[m->t0].numlen = (uint16_t)(m->t1 - m->t0);
				w->ti[m->t0].numleast = (en->flags & LF_ATLEAST) != 0;
			} else if (en->type == LX_KIND) {
				Trig tr = {m->t0, m->t1, si, en->sub, (en->flags & LF_NEEDCAMP) != 0, 0, 0,
				           (en->flags & LF_WEAK) != 0, (en->flags & LF_PEOPLE) != 0,
				           (en->flags & LF_THREAT) != 0, 0, -1, -1, -1};
				/* the same trigger words found twice (once across a gap) */
				if (w->trig.n > it.trig0 && w->trig.v[w->trig.n - 1].t0 == m->t0)
					continue;
				VEC_PUSH(&w->trig, tr);
				for (uint32_t u = m->t0; u < m->t1; u++)
					w->ti[u].trig = 1;
			}
		}
	}
	find_dates(d, si, s);
	find_entities(d, si, s);
	find_counts(d, si, s);
	/* "the Iranian regime's Supreme Leader": the title takes the state of its owner */
	for (size_t p = it.party0 + 1; p < w->party.n; p++) {
		Party *pa = &w->party.v[p], *q = &w->party.v[p - 1];
		if (!pa->compose || q->country < 0 || pa->t0 < 2 || q->t1 + 1 != pa->t0 || !tok_eq(d, pa->t0 - 1, "'s"))
			continue;
		const LexCountry *c = lexicon_country(d->lx, q->country);
		pa->name = str_addf2(d->x, lstr(d, c->demonym), " ", ex_str(d->x, pa->name));
		pa->country = q->country;
		pa->compose = 0;
	}
	it.trig1 = (uint32_t)w->trig.n;
	it.party1 = (uint32_t)w->party.n;
	it.place1 = (uint32_t)w->place.n;
	it.date1 = (uint32_t)w->date.n;
	it.count1 = (uint32_t)w->count.n;
	for (uint32_t p = it.party0; p < it.party1; p++)
		if (!(w->party.v[p].flags & (PF_LOC | PF_FROM | PF_TO | PF_OF | PF_TARGET))) {
			it.subject = (int32_t)p;
			break;
		}
	/* "the Iraqi police's intention": a possessor acts; "the entry of the police": so does
	   the one named after a trigger and "of" */
	for (uint32_t p = it.party0; p < it.party1; p++) {
		Party *pa = &w->party.v[p];
		if (!(pa->flags & PF_OF))
			continue;
		if (pa->t1 < s->t1 && tok_eq(d, pa->t1, "'s"))
			pa->flags &= (uint8_t)~PF_OF;
		uint32_t k = pa->t0;
		while (k > s->t0 && !tok_eq(d, k - 1, "of"))
			k--;
		if (k >= s->t0 + 2 && w->ti[k - 2].trig)
			pa->flags &= (uint8_t)~PF_OF;
	}
	/* "Ngan Chaung village in Maungdaw township": the unknown place is in the known one's country */
	for (uint32_t p = it.place0; p + 1 < it.place1; p++) {
		Place *pl = &w->place.v[p];
		const Place *nx = &w->place.v[p + 1];
		if (!pl->entry && pl->country < 0 && nx->country >= 0 && nx->t0 >= pl->t1 && nx->t0 <= pl->t1 + 2)
			pl->country = nx->country;
	}
	/* "the towns of Kadugli and Dilling in South Kordofan", "camps in northern Tigray":
	   the region says where the towns are; it is not another place of the incident */
	for (uint32_t p = it.place0; p < it.place1; p++) {
		const Place *pl = &w->place.v[p];
		uint32_t u = pl->t1;
		if (u < s->t1 && (tok_eq(d, u, "in") || is_comma(d, u)))
			u++;
		if (u < s->t1 && place_adjective(d, u))
			u++;
		/* "Gargaresh, west of central Tripoli": a point to find it by */
		int bearing = 0;
		{
			uint32_t v = pl->t1;
			if (v < s->t1 && is_comma(d, v))
				v++;
			if (v + 1 < s->t1 && (tok_eq(d, v, "north") || tok_eq(d, v, "south") || tok_eq(d, v, "east") ||
			                      tok_eq(d, v, "west") || tok_eq(d, v, "northeast") || tok_eq(d, v, "northwest") ||
			                      tok_eq(d, v, "southeast") || tok_eq(d, v, "southwest")) &&
			    tok_eq(d, v + 1, "of")) {
				v += 2;
				if (v < s->t1 && tok_eq(d, v, "the"))
					v++;
				if (v < s->t1 && (tok_eq(d, v, "central") || place_adjective(d, v)))
					v++;
				u = v;
				bearing = 1;
			}
		}
		if (u == pl->t1 || pl->type == P_REGION || pl->type == P_COUNTRY || pl->anaphor)
			continue;
		for (uint32_t q = it.place0; q < it.place1; q++) {
			Place *nx = &w->place.v[q];
			if (nx->t0 == u && (bearing || (place_rank(nx->type) < place_rank(pl->type) &&
			                               (nx->type == P_REGION || nx->type == P_COUNTRY || nx->type == P_DISTRICT))))
				nx->qualifier = 1;
		}
	}
	/* "police from Chechnya", "soldiers from Rwanda": a force named by where it comes from
	   is that place's state's */
	for (uint32_t p = it.party0; p < it.party1; p++) {
		Party *pa = &w->party.v[p];
		if (pa->country >= 0 || !state_group(pa->group) || pa->t1 + 1 >= s->t1 || !tok_eq(d, pa->t1, "from"))
			continue;
		uint32_t u = pa->t1 + 1;
		if (tok_eq(d, u, "the"))
			u++;
		for (uint32_t q = it.place0; q < it.place1; q++) {
			Place *pl = &w->place.v[q];
			if (pl->t0 != u || pl->country < 0 || pl->anaphor)
				continue;
			const LexCountry *c = lexicon_country(d->lx, pl->country);
			Blob nb = BLOB_INIT;
			blob_appendf(&nb, "%s (%s)", ex_str(d->x, pa->name), lstr(d, c->name));
			pa->name = str_add(d->x, nb.data, nb.len);
			blob_free(&nb);
			pa->country = pl->country;
			pa->compose = 0;
			pl->in_party = 1; /* where they came from, not where it happened */
			break;
		}
	}
	/* who speaks does not act: "Gaza health officials said", "according to the army" */
	for (uint32_t p = it.party0; p < it.party1; p++) {
		Party *pa = &w->party.v[p];
		uint32_t e = pa->t1;
		if (e < s->t1 && (w->ti[e].cue & BIT(C_SOURCE)))
			pa->role |= PR_SOURCE;
		/* "the camp administration and medical staff said", "the regional military
		   administration said": a few words that tell no incident before the verb */
		for (uint32_t u = e; u < s->t1 && u < e + 4 && u > pa->t0; u++) {
			if (w->ti[u].trig || !(w->tok.v[u].flags & TK_WORD) || (w->tok.v[u].flags & TK_NUM) ||
			    (w->ti[u].cue & (BIT(C_LOC) | BIT(C_BY) | BIT(C_TARGET) | BIT(C_APPEAL) | BIT(C_BLAME))))
				break;
			if (u > e && (w->ti[u].cue & BIT(C_SOURCE))) {
				pa->role |= PR_SOURCE;
				break;
			}
		}
		if (pa->t0 > s->t0 && (w->ti[pa->t0 - 1].cue_end & BIT(C_SOURCE)) && tok_eq(d, pa->t0 - 1, "to"))
			pa->role |= PR_SOURCE;
		if (pa->t0 > s->t0 + 1 && (w->ti[pa->t0 - 1].cue_end & BIT(C_DET)) && tok_eq(d, pa->t0 - 2, "to") &&
		    (w->ti[pa->t0 - 2].cue_end & BIT(C_SOURCE)))
			pa->role |= PR_SOURCE;
	}
	/* places inside a party's name ("Special Representative for Iraq") are not where;
	   nor is a dateline's ("PARIS, Jan 6 (Reuters) -"), where the report was filed */
	uint32_t according = s->t1; /* "according to testimonies collected by our team in Edirne" */
	for (uint32_t t = s->t0; t + 1 < s->t1; t++)
		if (tok_eq(d, t, "according") && tok_eq(d, t + 1, "to")) {
			according = t;
			break;
		}
	for (uint32_t p = it.place0; p < it.place1; p++) {
		Place *pl = &w->place.v[p];
		if (pl->t0 > s->t0 && pl->prep == PP_NONE && tok_eq(d, pl->t0 - 1, "for"))
			pl->in_party = 1;
		/* "BAMENDA — Soldiers attacked …": a dateline without a date, where it was filed */
		if (pl->t0 == s->t0 && pl->t1 < s->t1 && (w->tok.v[pl->t0].flags & TK_UPPER) &&
		    (is_punct(d, pl->t1, PU_DASH) || is_punct(d, pl->t1, '-')))
			pl->in_party = 1;
		/* "the Brooklyn neighbourhood of Cité Soleil": one place, named with both */
		for (uint32_t p2 = it.place0; p2 < it.place1 && !pl->entry && (pl->type == P_DISTRICT || pl->type == P_SITE) &&
		                              pl->t1 < s->t1 && tok_eq(d, pl->t1, "of"); p2++) {
			Place *q = &w->place.v[p2];
			if (q->t0 != pl->t1 + 1 || !q->name || q->type == P_COUNTRY)
				continue;
			pl->name = surface(d, pl->t0, q->t1);
			if (pl->country < 0)
				pl->country = q->country;
			q->in_party = 1;
		}
		if (pl->t0 > according)
			pl->in_party = 1; /* where the source is, not where it happened */
		for (uint32_t q = it.party0; q < it.party1 && pl->t0 > s->t0 + 1; q++) {
			const Party *pa = &w->party.v[q];
			if (pa->t1 + 1 == pl->t0 && tok_eq(d, pa->t1, "of") && pa->group != G_PROTECTED)
				pl->in_party = 1; /* "the Governor of West Darfur", "the Government of Kenya" */
		}
		if (pl->t0 == s->t0 && pl->t1 + 1 < s->t1 && is_comma(d, pl->t1)) {
			for (uint32_t k = it.date0; k < it.date1; k++)
				if (w->date.v[k].t0 == pl->t1 + 1)
					pl->in_party = 1;
		}
	}
	VEC_PUSH(&w->si, it);
}

/* The report's main place: the place named most, camps and sites first, then towns,
   regions, countries; the title counts twice. */
static void find_main_place(Doc *d)
{
	Work *w = d->w;
	double best = 0;
	d->main_place = -1;
	for (size_t i = 0; i < w->place.n; i++) {
		const Place *p = &w->place.v[i];
		if (p->anaphor || p->in_party || !p->name)
			continue;
		double score = 0;
		for (size_t j = 0; j < w->place.n; j++) {
			const Place *q = &w->place.v[j];
			if (q->in_party || !q->name)
				continue;
			/* not where people went or came from, nor a point of reference ("15 km north
			   of Bunia"): the report is about what happened elsewhere */
			if (q->ref || q->seat)
				continue;
			if ((p->entry && q->entry == p->entry) || (!p->entry && !q->entry && strcasecmp(ex_str(d->x, p->name), ex_str(d->x, q->name)) == 0))
				score += q->sent == 0 ? 2 : 1;
		}
		score *= p->type == P_CAMP || p->type == P_SITE ? 4 : p->type == P_COUNTRY ? 0.5 : p->type == P_REGION ? 1 : 2;
		if (score > best) {
			best = score;
			d->main_place = (int32_t)i;
		}
	}
	/* anaphors with nothing before them: the main place when it is of their sort */
	for (size_t i = 0; i < w->place.n; i++) {
		Place *p = &w->place.v[i];
		if (p->anaphor == 1 && d->main_place >= 0) {
			const Place *m = &w->place.v[d->main_place];
			p->entry = m->entry;
			p->name = m->name;
			p->country = m->country;
			p->type = m->type;
			p->anaphor = 2;
		}
	}
}

/* ---- pass 2: incidents and appeals of a sentence ---- */

/* The trigger of the sentence containing token t, or NULL. */
/* The first token of the first trigger of event group g in a sentence (0 when none). */
static uint32_t group_t0(const Work *w, const SentItems *it, int g)
{
	for (uint32_t j = it->trig0; j < it->trig1; j++)
		if (!w->trig.v[j].dropped && w->trig.v[j].group == g)
			return w->trig.v[j].t0;
	return 0;
}

static Trig *trig_at(Doc *d, const SentItems *it, uint32_t t)
{
	for (uint32_t k = it->trig0; k < it->trig1; k++) {
		Trig *tr = &d->w->trig.v[k];
		if (tr->t0 <= t && t < tr->t1)
			return tr;
	}
	return NULL;
}

/* Occurred or threatened: threat cues before the trigger in its phrase ("intends to
   attack", "a deadline for the closure of"), or after it ("an attack is imminent"); a
   trigger right after another shares its status ("to attack … with rockets"). */
/* "the next morning", "the next day", "facing the gate": a time or a place told, not a
   threat to come. */
static int next_time(Doc *d, const Sent *s, uint32_t j)
{
	static const char *const words[] = {"morning", "day", "night", "evening", "afternoon", "dawn", NULL};
	/* "trenches facing the camp's gate": where, not what is feared */
	if ((tok_eq(d, j, "facing") || tok_eq(d, j, "faces") || tok_eq(d, j, "face")) && j + 1 < s->t1 &&
	    tok_eq(d, j + 1, "the"))
		return 1;
	if (!tok_eq(d, j, "next") || j + 1 >= s->t1 || j == s->t0 || !tok_eq(d, j - 1, "the"))
		return 0;
	for (int i = 0; words[i]; i++)
		if (tok_eq(d, j + 1, words[i]))
			return 1;
	return 0;
}

/* An opening quotation mark right before token t ('would be "emptied by force"'): the
   words quoted still belong to the clause that quotes them. */
static int quote_opens(const Doc *d, uint32_t t, uint32_t s0)
{
	if (t <= s0)
		return 0;
	const Tok *q = &d->w->tok.v[t - 1];
	return (q->flags & TK_PUNCT) && (q->punct == PU_LQUOTE || (q->punct == '"' && !(d->w->tok.v[t].flags & TK_SPACE)));
}

static int trig_status(Doc *d, const SentItems *it, const Sent *s, const Trig *tr)
{
	Work *w = d->w;
	/* a weapon as the subject of a modal: "rockets may again be fired on the camp",
	   "more shells will fall" */
	for (uint32_t j = tr->t1; tr->weak && j < s->t1 && j < tr->t1 + 2; j++) {
		if (w->tok.v[j].flags & TK_PUNCT)
			break;
		if (has_cue(d, j, C_THREAT))
			return ST_THREATENED;
	}
	for (uint32_t j = tr->t0 - (uint32_t)quote_opens(d, tr->t0, s->t0), steps = 0; j > s->t0 && steps < 9; steps++) {
		j--;
		if (is_clause_break(d, j) || is_comma(d, j) || (w->tok.v[j].flags & TK_PUNCT && w->tok.v[j].punct == '"') ||
		    has_cue(d, j, C_SUBORDINATOR) || tok_eq(d, j, "during"))
			break; /* "made the same threat after the attack": the attack is another phrase */
		if (w->ti[j].trig) {
			Trig *p = trig_at(d, it, j);
			if (p && !p->dropped)
				return p->status;
			continue;
		}
		/* "armed men thought to be members of the ELN attacked": who they are said to be */
		if (tok_eq(d, j, "be") && j >= s->t0 + 2 && tok_eq(d, j - 1, "to") &&
		    (tok_eq(d, j - 2, "thought") || tok_eq(d, j - 2, "believed") || tok_eq(d, j - 2, "said") ||
		     tok_eq(d, j - 2, "reported") || tok_eq(d, j - 2, "alleged") || tok_eq(d, j - 2, "known") ||
		     tok_eq(d, j - 2, "understood") || tok_eq(d, j - 2, "claiming") || tok_eq(d, j - 2, "claimed")))
			continue;
		/* "on 18 May": a month, not the verb "may" */
		if ((w->ti[j].cue_end & (BIT(C_THREAT) | BIT(C_CONDITION))) && !next_time(d, s, j) &&
		    !(w->ti[j].cover & CV_DATE))
			return ST_THREATENED;
		/* "to expel": an aim, unless "continued to", "began to" */
		const Tok *tk = &w->tok.v[tr->t0];
		size_t tl = tk->end - tk->start;
		const char *tx = d->text + tk->start;
		int base = tr->t1 == tr->t0 + 1 && tl > 2 && tx[tl - 1] != 's' &&
		           !(tl > 3 && tx[tl - 3] == 'i' && tx[tl - 2] == 'n' && tx[tl - 1] == 'g') &&
		           !(tx[tl - 2] == 'e' && tx[tl - 1] == 'd');
		if (tok_eq(d, j, "to") && j + 1 == tr->t0 && base) {
			if (j > s->t0 && (tok_eq(d, j - 1, "continued") || tok_eq(d, j - 1, "continues") ||
			                  tok_eq(d, j - 1, "continue") || tok_eq(d, j - 1, "began") ||
			                  tok_eq(d, j - 1, "started") || tok_eq(d, j - 1, "begun") ||
			                  tok_eq(d, j - 1, "used") || tok_eq(d, j - 1, "on")))
				return ST_OCCURRED;
			return ST_THREATENED;
		}
	}
	/* "demolition orders", "eviction notices": ordered, not yet done */
	if (tr->t1 < s->t1 && (tok_eq(d, tr->t1, "order") || tok_eq(d, tr->t1, "orders") || tok_eq(d, tr->t1, "notice") ||
	                       tok_eq(d, tr->t1, "notices")))
		return ST_THREATENED;
	for (uint32_t j = tr->t1; j < s->t1 && j < tr->t1 + 6; j++) {
		if (has_cue(d, j, C_THREAT_AFTER))
			return ST_THREATENED;
		if (w->tok.v[j].flags & TK_PUNCT)
			break;
	}
	return ST_OCCURRED;
}

/* Negated: "no attack", "did not attack", "no one was killed"; or denied earlier in the
   clause ("denied any attack"). */
static int trig_negated(Doc *d, const Sent *s, const Trig *tr)
{
	Work *w = d->w;
	for (uint32_t j = tr->t0, steps = 0; j > s->t0 && steps < 6; steps++) {
		j--;
		uint64_t ce = w->ti[j].cue_end;
		if (ce & (BIT(C_NEGATION) | BIT(C_ZERO)))
			return 1;
		/* "did not stop the attack", "did not say who carried out the attack" */
		if ((ce & (BIT(C_THREAT) | BIT(C_CONDITION) | BIT(C_PROTECT) | BIT(C_SOURCE) | BIT(C_SUBORDINATOR))) ||
		    w->ti[j].trig || (w->tok.v[j].flags & TK_PUNCT))
			break;
	}
	for (uint32_t j = tr->t0, steps = 0; j > s->t0 && steps < 14; steps++) {
		j--;
		if (is_clause_break(d, j))
			break;
		if (w->ti[j].cue_end & BIT(C_DENY))
			return 1;
	}
	/* "Those arrested were taken to …", "those killed": the people of an incident told,
	   not another one */
	if (tr->t0 > s->t0 && tok_eq(d, tr->t0 - 1, "those"))
		return 1;
	return 0;
}

/* A camp named right after a trigger that needs one ("closure of Camp Ashraf"). */
static int camp_follows(Doc *d, const SentItems *it, const Trig *tr)
{
	/* the camp is what is closed: right after ("closure of Camp Ashraf", "close the camp") */
	uint32_t e = tr->t1;
	while (e < d->w->sent.v[tr->sent].t1 && e < tr->t1 + 2 &&
	       (tok_eq(d, e, "of") || tok_eq(d, e, "down") || has_cue(d, e, C_DET)))
		e++;
	for (uint32_t p = it->place0; p < it->place1; p++) {
		const Place *pl = &d->w->place.v[p];
		if (pl->t0 >= tr->t1 && pl->t0 <= e && (pl->type == P_CAMP || pl->type == P_SITE))
			return 1;
	}
	/* "the facility to be closed", "the camp was dismantled" */
	uint32_t s0 = d->w->sent.v[tr->sent].t0, t0 = tr->t0 - (uint32_t)quote_opens(d, tr->t0, s0);
	if (t0 > s0 && (has_cue(d, t0 - 1, C_PASSIVE) || tok_eq(d, t0 - 1, "be")))
		for (uint32_t t = t0 - 1, k = 0; t > s0 && k < 5; k++) {
			t--;
			if (tok_eq(d, t, "camp") || tok_eq(d, t, "facility") || tok_eq(d, t, "shelter") ||
			    tok_eq(d, t, "settlement") || (d->w->ti[t].cover & CV_PLACE))
				return 1;
		}
	for (uint32_t t = tr->t1; t <= e && t < d->w->sent.v[tr->sent].t1; t++)
		if (tok_eq(d, t, "camp") || tok_eq(d, t, "camps") || tok_eq(d, t, "facility") || tok_eq(d, t, "shelter") ||
		    tok_eq(d, t, "shelters") || tok_eq(d, t, "settlement") || tok_eq(d, t, "settlements"))
			return 1;
	return 0;
}

/* A weapon named with what it did: "mortars hit the camp", "fired two rockets",
   "blamed the rockets on". */
static int weapon_used(Doc *d, const Sent *s, const Trig *tr)
{
	Work *w = d->w;
	for (uint32_t j = tr->t1; j < s->t1 && j < tr->t1 + 4; j++) {
		if (has_cue(d, j, C_IMPACT))
			return 1;
		if (is_comma(d, j) || is_clause_break(d, j))
			break;
	}
	for (uint32_t j = tr->t0, k = 0; j > s->t0 && k < 4; k++) {
		j--;
		if (w->ti[j].cue_end & (BIT(C_IMPACT) | BIT(C_BLAME)))
			return 1;
		if (is_comma(d, j) || is_clause_break(d, j))
			break;
	}
	for (uint32_t j = s->t0; j < tr->t0; j++)
		if (has_cue(d, j, C_BLAME))
			return 1;
	return 0;
}

/* Done to the state's own forces ("attacks on U.S. targets", "fired at Iraqi forces"):
   not an incident against the people vigil documents. */
static int against_state(Doc *d, const SentItems *it, const Trig *tr)
{
	Work *w = d->w;
	int state = 0, people = 0;
	uint32_t lim = tr->t1 + 5;
	const Sent *s = &w->sent.v[tr->sent];
	for (uint32_t t = s->t0; t < tr->t0; t++)
		if (has_cue(d, t, C_BLAME))
			return 0; /* "blamed the rockets on the Quds Force" */
	for (uint32_t p = it->party0; p < it->party1; p++) {
		const Party *pa = &w->party.v[p];
		if (pa->t0 < tr->t1 || pa->t0 > lim || !(pa->flags & (PF_LOC | PF_TARGET)))
			continue;
		/* "on" and "at" say what was hit only right after the trigger */
		if (!(pa->flags & PF_TARGET) && pa->t0 > tr->t1 + 2)
			continue;
		/* goods or people stopped "at the army checkpoint": where the forces deny, not
		   what they suffer */
		if (!(pa->flags & PF_TARGET) && (tr->kind == K_BLOCKADE || tr->kind == K_SIEGE))
			continue;
		if (state_group(pa->group) || pa->group == G_MILITIA || pa->group == G_ARMED_GROUP)
			state = 1;
		else if (pa->group == G_PROTECTED)
			people = 1;
	}
	for (uint32_t p = it->place0; p < it->place1; p++) {
		const Place *pl = &w->place.v[p];
		if (pl->type == P_COUNTRY && pl->t0 >= tr->t1 && pl->t0 <= lim && pl->t1 < w->sent.v[tr->sent].t1 &&
		    (w->tok.v[pl->t1].flags & TK_WORD) && !(w->tok.v[pl->t1].flags & TK_CAP) && !w->ti[pl->t1].cue)
			state = 1; /* "U.S. targets" */
	}
	return state && !people;
}

/* The people it is done to, named right after ("harassed the residents"): what a
   weak trigger needs to count. */
static int people_follow(Doc *d, const SentItems *it, const Trig *tr)
{
	for (uint32_t p = it->party0; p < it->party1; p++) {
		const Party *pa = &d->w->party.v[p];
		if (pa->group == G_PROTECTED && pa->t0 >= tr->t1 && pa->t0 <= tr->t1 + 3)
			return 1;
	}
	return 0;
}

/* A word naming the people vigil documents (a "people" or "residents" cue, a protected
   party) at token t. */
static int people_at(Doc *d, const SentItems *it, uint32_t t)
{
	if (d->w->ti[t].cue & (BIT(C_PEOPLE) | BIT(C_RESIDENTS)))
		return 1;
	for (uint32_t p = it->party0; p < it->party1; p++)
		if (d->w->party.v[p].group == G_PROTECTED && d->w->party.v[p].t0 <= t && t < d->w->party.v[p].t1)
			return 1;
	return 0;
}

/* Moving people, as a trigger that needs them requires ("will be relocated", "moving
   100,000 people", "families were ordered to leave"): people right after it (its object,
   or inside its gap), or before it as the subject of a passive ("residents who lack
   papers will be moved", "those who lose their appeals will be sent"), or, for an order
   or a deadline, anywhere before it in the clause ("told the families that they must
   leave"). Never when they are taken to hospital. */
static int people_moved(Doc *d, const SentItems *it, const Sent *s, const Trig *tr)
{
	Work *w = d->w;
	/* "the transfer of the residents", "any relocation": a noun names a plan talked of,
	   told as an incident only by the trigger the plan is made of ("closure", "order") */
	if (!tr->threat && tr->t1 == tr->t0 + 1 &&
	    ((tr->t0 > s->t0 && ((w->ti[tr->t0 - 1].cue_end & BIT(C_DET)) || tok_eq(d, tr->t0 - 1, "any") ||
	                         tok_eq(d, tr->t0 - 1, "of"))) ||
	     (tr->t1 < s->t1 && tok_eq(d, tr->t1, "of"))))
		return 0;
	/* "makes relocating its members difficult": a gerund tells a move when it is being
	   done ("began moving the residents") or planned ("with the aim of moving") */
	if (!tr->threat && tr->t1 == tr->t0 + 1) {
		const Tok *tk = &w->tok.v[tr->t0];
		size_t tl = tk->end - tk->start;
		if (tl > 4 && memcmp(d->text + tk->end - 3, "ing", 3) == 0) {
			int ok = 0;
			for (uint32_t j = tr->t0, k = 0; j > s->t0 && k < 3 && !ok; k++) {
				j--;
				ok = has_cue(d, j, C_PASSIVE) || (w->ti[j].cue_end & BIT(C_THREAT)) || tok_eq(d, j, "began") ||
				     tok_eq(d, j, "begun") || tok_eq(d, j, "begin") || tok_eq(d, j, "started") ||
				     tok_eq(d, j, "start") || tok_eq(d, j, "continued") || tok_eq(d, j, "continue") ||
				     tok_eq(d, j, "continues") || tok_eq(d, j, "resumed");
			}
			if (!ok)
				return 0;
		}
	}
	for (uint32_t j = tr->t1; j < s->t1 && j < tr->t1 + 5; j++)
		if (tok_eq(d, j, "hospital") || tok_eq(d, j, "hospitals") || tok_eq(d, j, "clinic") ||
		    tok_eq(d, j, "clinics") || tok_eq(d, j, "morgue"))
			return 0;
	for (uint32_t j = tr->t0 + 1; j < tr->t1; j++)
		if (people_at(d, it, j) || tok_eq(d, j, "them") || tok_eq(d, j, "they"))
			return 1;
	for (uint32_t j = tr->t1; j < s->t1 && j < tr->t1 + 5; j++) {
		if ((w->tok.v[j].flags & TK_PUNCT) || is_clause_break(d, j) ||
		    (w->ti[j].cue & (BIT(C_LOC) | BIT(C_TO) | BIT(C_FROM) | BIT(C_BY))))
			break;
		if (people_at(d, it, j) || (j == tr->t1 && tok_eq(d, j, "them")))
			return 1;
	}
	int passive = tr->t0 > s->t0 && (has_cue(d, tr->t0 - 1, C_PASSIVE) || tok_eq(d, tr->t0 - 1, "be"));
	if (!passive && !tr->threat)
		return 0;
	/* the subject: right before the verbs of the passive ("residents will be moved"), or
	   the head of a relative clause before it ("residents who lack papers will be moved");
	   for an order, anyone told before it ("told the families that they must leave") */
	int chain = 1;
	uint32_t rel = 0; /* where a relative pronoun was passed: its head is a few words before */
	for (uint32_t j = tr->t0, k = 0; j > s->t0 && k < 20; k++) {
		j--;
		if (is_punct(d, j, ';') || is_punct(d, j, ':') || has_cue(d, j, C_CLAUSE) || has_cue(d, j, C_SOURCE) ||
		    (w->ti[j].trig && trig_at(d, it, j) != tr))
			break;
		if (tok_eq(d, j, "who") || tok_eq(d, j, "that"))
			rel = j;
		int subj = people_at(d, it, j) || tok_eq(d, j, "they") || tok_eq(d, j, "them") || tok_eq(d, j, "those");
		if (subj && (chain || tr->threat || (rel && j + 6 >= rel)))
			return 1;
		if (chain && !(w->ti[j].cue & (BIT(C_PASSIVE) | BIT(C_THREAT))) && !tok_eq(d, j, "be") &&
		    !tok_eq(d, j, "to") && !tok_eq(d, j, "have") && !tok_eq(d, j, "has") && !tok_eq(d, j, "had") &&
		    !(w->tok.v[j].flags & TK_WORD && d->text[w->tok.v[j].end - 1] == 'y' && d->text[w->tok.v[j].end - 2] == 'l'))
			chain = 0; /* "will soon be", "have been forcibly": still the verbs */
	}
	return 0;
}

/* An order to leave with a menace after it ("must leave by 15 February or we will come
   for you", "or else"): an ultimatum, whose threat is the violence, not the move. */
static int ultimatum(Doc *d, const Sent *s, const Trig *tr)
{
	for (uint32_t j = tr->t1; j + 2 < s->t1 && j < tr->t1 + 16; j++) {
		if (is_punct(d, j, ';') || is_punct(d, j, '.'))
			break;
		if (!tok_eq(d, j, "or"))
			continue;
		uint32_t u = j + 1;
		if (tok_eq(d, u, "else"))
			return 1;
		for (uint32_t v = u; v < s->t1 && v < u + 3; v++) /* "must leave or be killed" */
			if (d->w->ti[v].trig) {
				const Trig *o = NULL;
				for (size_t k = 0; k < d->w->trig.n; k++)
					if (d->w->trig.v[k].t0 <= v && v < d->w->trig.v[k].t1)
						o = &d->w->trig.v[k];
				if (o && o->kind != K_RELOCATION && violent(o->kind))
					return 1;
			}
		if ((tok_eq(d, u, "we") || tok_eq(d, u, "they") || tok_eq(d, u, "he") || tok_eq(d, u, "you")) &&
		    (tok_eq(d, u + 1, "will") || tok_eq(d, u + 1, "would") || tok_eq(d, u + 1, "'ll")))
			return 1;
	}
	return 0;
}

static int party_is_addressee(const Party *p)
{
	if (p->addr)
		return 1;
	return state_group(p->group) || p->group == G_UN || p->group == G_AGENCY || p->group == G_REGIONAL ||
	       p->group == G_PARLIAMENT || p->group == G_COURT || p->group == G_DIPLOMAT ||
	       p->group == G_MILITIA || p->group == G_ARMED_GROUP;
}

static void party_copy(Doc *d, const Party *p, ExParty *out)
{
	out->name = p->name;
	out->group = p->group;
	out->country = p->country;
	out->inferred = 0;
	if (p->addr && !p->actor)
		out->group = ent(d, p->addr)->sub;
}

static int party_push(ExParty *v, int *n, int max, const ExParty *p, const Extraction *x)
{
	for (int i = 0; i < *n; i++)
		if (strcmp(ex_str(x, v[i].name), ex_str(x, p->name)) == 0)
			return 0;
	if (*n >= max)
		return 0;
	v[(*n)++] = *p;
	return 1;
}

/* A party after "of" that a capitalised title heads: "the Chair of ASEAN", "the
   President of the ICRC", "the Secretary-General of the Arab League": writing to the
   title is writing to the body (not "the release of", "the people of"). */
static int of_titled(Doc *d, const Party *pa, uint32_t from)
{
	uint32_t k = pa->t0;
	if (k > from && tok_eq(d, k - 1, "the"))
		k--;
	if (k < from + 2 || !tok_eq(d, k - 1, "of"))
		return 0;
	/* the title after "the", or a title the lexicon knows: not "Press Office of the Governor" */
	return (d->w->tok.v[k - 2].flags & TK_CAP) && (d->w->tok.v[k - 2].flags & TK_WORD) &&
	       ((k >= from + 3 && tok_eq(d, k - 3, "the")) || (d->w->ti[k - 2].cover & CV_PARTY));
}

/* After "written to", "sent to": the addressees follow at once, one after another
   ("to the Minister and to the UNHCR Representative"); "the camp they are being sent to
   is the place where the police …" addresses no one. */
static int addressed_run(Doc *d, uint32_t e, uint32_t t0)
{
	for (uint32_t k = e; k < t0; k++) {
		if ((d->w->ti[k].cover & (CV_PARTY | CV_PLACE)) || (d->w->tok.v[k].flags & TK_CAP) || is_comma(d, k) ||
		    tok_eq(d, k, "the") || tok_eq(d, k, "and") || tok_eq(d, k, "to") || tok_eq(d, k, "of") ||
		    tok_eq(d, k, "both") || tok_eq(d, k, "for") || tok_eq(d, k, "you") || tok_eq(d, k, "in"))
			continue;
		return 0;
	}
	return 1;
}

/* Where the demand starts after addressees: "to" + a verb, "that", ":". */
static uint32_t demand_start(Doc *d, const Sent *s, uint32_t from)
{
	Work *w = d->w;
	for (uint32_t t = from; t < s->t1; t++) {
		if (is_punct(d, t, ':'))
			return t + 1;
		if (w->ti[t].cover & (CV_PARTY | CV_PLACE))
			continue;
		if ((tok_eq(d, t, "to") || tok_eq(d, t, "that")) && t + 1 < s->t1 &&
		    !(w->ti[t + 1].cover & (CV_PARTY | CV_PLACE)) && !has_cue(d, t + 1, C_DET))
			return t;
		/* "the Cabinet Secretary for the Interior", "the Commissioner for Refugees": a title */
		if (tok_eq(d, t, "for") && t > from && (w->tok.v[t - 1].flags & TK_CAP) && t + 1 < s->t1 &&
		    ((w->tok.v[t + 1].flags & TK_CAP) ||
		     (tok_eq(d, t + 1, "the") && t + 2 < s->t1 && (w->tok.v[t + 2].flags & TK_CAP))))
			continue;
		if (tok_eq(d, t, "for") || tok_eq(d, t, "regarding") || tok_eq(d, t, "over") || tok_eq(d, t, "about"))
			return t;
	}
	return s->t1;
}

/* Pronouns as subject: resolved to the subject of the sentence before. */
static int32_t resolve_subject(Doc *d, uint32_t si)
{
	if (si == 0)
		return -1;
	return d->w->si.v[si - 1].subject;
}

/* "a copy of this letter to", "copying this letter to", "copied this letter to": who gets a
   copy is not whom the letter asks. */
static int is_copy(Doc *d, uint32_t t)
{
	return tok_eq(d, t, "copy") || tok_eq(d, t, "copies") || tok_eq(d, t, "copying") || tok_eq(d, t, "copied");
}

static int sent_headline(const Doc *d, uint32_t si);

/* Whether sentence si starts a line as an item of a list does: a bullet, or a mark ('*',
   '-', "1.", "(a)") before its first word. */
static int line_item(const Doc *d, uint32_t si)
{
	const Work *w = d->w;
	const Sent *s = &w->sent.v[si];
	if (s->flags & SE_BULLET)
		return 1;
	if (s->t1 <= s->t0 + 1 || !(s->t0 == 0 || (w->tok.v[s->t0].flags & (TK_NL | TK_PARA))))
		return 0;
	uint32_t t = s->t0;
	if (w->tok.v[t].flags & TK_NUM)
		t++;
	return (w->tok.v[t].flags & TK_PUNCT) && !is_punct(d, t, '"') && w->tok.v[t].punct != PU_LQUOTE;
}

/* Whether sentence si is an item of a list headed by what is asked: the first line above
   it that is not an item is a heading ("WHAT WE ASK", "Our demands", "We call on:") with
   an appeal's word in it. */
static int under_asks_heading(Doc *d, uint32_t si)
{
	const Work *w = d->w;
	if (!line_item(d, si))
		return 0;
	for (uint32_t j = si; j-- > 0 && j + 12 > si;) {
		const Sent *h = &w->sent.v[j];
		if (line_item(d, j))
			continue;
		if (h->t1 <= h->t0 || h->t1 > h->t0 + 8)
			return 0;
		if (!sent_headline(d, j) && !is_punct(d, h->t1 - 1, ':'))
			return 0;
		for (uint32_t t = h->t0; t < h->t1; t++)
			if (has_cue(d, t, C_APPEAL) || has_cue(d, t, C_APPEAL_FOR) || tok_eq(d, t, "recommendations") ||
			    tok_eq(d, t, "requests"))
				return 1;
		return 0;
	}
	return 0;
}

/* The appeal of a sentence. Returns 0 when there is none, 1 when there is one (its
   demand starts at *demand_from), 2 when it is a request or order by a party in power
   (not an appeal, but what it asks for has not happened: *demand_from is set too). */
static int read_appeal(Doc *d, uint32_t si, uint32_t *demand_from, uint32_t *cue_at)
{
	Work *w = d->w;
	const Sent *s = &w->sent.v[si];
	const SentItems *it = &w->si.v[si];
	uint32_t c0 = s->t1;
	int cls = 0;
	for (uint32_t t = s->t0; t < s->t1; t++) {
		uint64_t c = w->ti[t].cue;
		if (t > s->t0 && (w->tok.v[t].flags & TK_CAP) && !(w->tok.v[t - 1].flags & TK_PUNCT))
			continue; /* part of a name: "(Cedar Press)", "the Appeal Court" */
		if (c & (BIT(C_APPEAL) | BIT(C_APPEAL_NOUN) | BIT(C_APPEAL_FOR))) {
			c0 = t;
			cls = c & BIT(C_APPEAL) ? C_APPEAL : c & BIT(C_APPEAL_NOUN) ? C_APPEAL_NOUN : C_APPEAL_FOR;
			break;
		}
	}
	/* a recommendation headed by whom it asks, with no verb: "To the Government of Iraq: stop
	   obstructing medical treatment ..." (the colon follows the addressee, and something
	   is asked after it) */
	int heading = 0;
	uint32_t h = s->t1; /* the "To", which may start a line after a heading ("Recommendations") */
	for (uint32_t k = s->t0; c0 == s->t1 && k < s->t0 + 4 && k < s->t1; k++)
		if ((k == s->t0 || (w->tok.v[k].flags & TK_NL)) && tok_eq(d, k, "to") && (w->tok.v[k].flags & TK_CAP)) {
			h = k;
			break;
		}
	if (h < s->t1 && s->t1 > h + 4 && !is_punct(d, h + 1, ':'))
		for (uint32_t t = h + 2; t < s->t1 && t < h + 14; t++)
			if (is_punct(d, t, ':')) {
				if (t + 2 < s->t1 && !(w->tok.v[t + 1].flags & TK_PUNCT)) {
					c0 = h;
					cls = C_APPEAL;
					heading = 1;
				}
				break;
			}
	/* an item of such a list with no "To": "* The UN High Commissioner for Refugees to
	   interview every resident ..." under "WHAT WE ASK" (whom it asks, then what) */
	int item = 0;
	if (c0 == s->t1 && it->party1 > it->party0 && under_asks_heading(d, si)) {
		const Party *pa = &w->party.v[it->party0];
		uint32_t lead = s->t0;
		while (lead < pa->t0 && ((w->tok.v[lead].flags & TK_PUNCT) || tok_eq(d, lead, "the")))
			lead++;
		uint32_t ds = lead == pa->t0 && party_is_addressee(pa) ? demand_start(d, s, pa->t1) : s->t1;
		if (ds < s->t1 && ds < pa->t1 + 5 && tok_eq(d, ds, "to")) {
			c0 = pa->t0;
			cls = C_APPEAL;
			heading = item = 1;
		}
	}
	/* whom an opinion says what to do: "Secretary of State Hillary Clinton should tell
	   Baghdad plainly …", "Congress must make aid conditional …" (an addressee opening the
	   sentence, then "should" or "must" and a verb: not "should be held accountable") */
	uint32_t modal_at = 0;
	if (c0 == s->t1 && it->party1 > it->party0) {
		const Party *pa = &w->party.v[it->party0];
		uint32_t lead = s->t0;
		while (lead < pa->t0 && ((w->tok.v[lead].flags & TK_PUNCT) || tok_eq(d, lead, "the")))
			lead++;
		uint32_t m = pa->t1;
		while (m < s->t1 && m < pa->t1 + 4 && ((w->ti[m].cover & (CV_PARTY | CV_PLACE)) || (w->tok.v[m].flags & TK_CAP)))
			m++;
		if (lead == pa->t0 && party_is_addressee(pa) && !(pa->flags & (PF_FROM | PF_OF)) && m + 2 < s->t1 &&
		    (tok_eq(d, m, "should") || tok_eq(d, m, "must")) && (w->tok.v[m + 1].flags & TK_WORD) &&
		    !tok_eq(d, m + 1, "be") && !tok_eq(d, m + 1, "have") && !tok_eq(d, m + 1, "not") &&
		    !has_cue(d, m + 1, C_NEGATION)) {
			c0 = pa->t0;
			cls = C_APPEAL;
			heading = item = 1;
			modal_at = m;
		}
	}
	/* a post addressed by handles: "@UN Secretary-General, @Refugees UNHCR: give back the
	   walls" (the handles name whom it asks, what follows the colon is asked) */
	uint32_t handles_end = 0;
	if (c0 == s->t1) {
		uint32_t first = s->t1, colon = s->t1;
		for (uint32_t t = s->t0; t + 1 < s->t1; t++) {
			if (is_punct(d, t, '@') && first == s->t1)
				first = t;
			if (is_punct(d, t, ':') && first < t) {
				colon = t;
				break;
			}
		}
		if (first < colon && colon + 2 < s->t1) {
			for (uint32_t p = it->party0; p < it->party1 && !handles_end; p++) {
				const Party *pa = &w->party.v[p];
				if (pa->t0 > first && pa->t0 <= first + 2 && pa->t0 < colon && party_is_addressee(pa))
					handles_end = colon + 1;
			}
			if (handles_end) {
				c0 = first;
				cls = C_APPEAL;
			}
		}
	}
	if (c0 == s->t1)
		return 0;
	/* a parliamentary written question: "To ask the Secretary of State for …, what
	   representations he has made …" asks a minister for an answer, not for an act */
	if (cls == C_APPEAL && c0 == s->t0 + 1 && tok_eq(d, s->t0, "to") && tok_eq(d, c0, "ask"))
		for (uint32_t t = c0 + 2; t + 1 < s->t1 && t < c0 + 24; t++)
			if (is_comma(d, t)) {
				static const char *const wh[] = {"what", "whether", "how", "when", "if", "why", "which", "who"};
				for (size_t i = 0; i < sizeof wh / sizeof *wh; i++)
					if (tok_eq(d, t + 1, wh[i]))
						return 0;
			}
	*cue_at = c0;
	AppMent am;
	memset(&am, 0, sizeof am);
	int reader = 0, them = 0;
	uint32_t dem = s->t1;
	/* addressees after each appeal cue, up to its demand */
	for (uint32_t t = c0; t < s->t1; t++) {
		uint64_t c = w->ti[t].cue;
		if (!(c & (BIT(C_APPEAL) | BIT(C_APPEAL_NOUN) | BIT(C_APPEAL_FOR))) && !(heading && t == c0))
			continue;
		uint32_t e = item && t == c0 ? t : t + 1;
		while (e < s->t1 && !(heading && t == c0) &&
		       !(w->ti[e - 1].cue_end & (BIT(C_APPEAL) | BIT(C_APPEAL_NOUN) | BIT(C_APPEAL_FOR))))
			e++;
		/* "ask them to press the Government of Iraq to …", "write to your MP and ask them to
		   press …": asked to ask another, whom the appeal asks is the first */
		if (t > c0 && dem < s->t1 && t > dem && tok_eq(d, t - 1, "to") && (am.ap.nto || them))
			continue;
		int noun = (c & BIT(C_APPEAL_NOUN)) && !(c & BIT(C_APPEAL));
		/* "I am sending a copy of this letter to X": X gets a copy, nothing is asked of X */
		if (noun && t >= s->t0 + 2 && (is_copy(d, t - 2) || (t >= s->t0 + 3 && is_copy(d, t - 3))))
			continue;
		if (noun) {
			/* "letters to X", "a petition to encourage X": addressees after "to" */
			uint32_t k = e;
			while (k < s->t1 && k < e + 4 && !tok_eq(d, k, "to"))
				k++;
			if (k >= s->t1 || k >= e + 4)
				continue;
			e = k + 1;
			if (e < s->t1 && (w->ti[e].cue & BIT(C_APPEAL)))
				continue; /* "petition to encourage X": the verb's turn */
		}
		uint32_t ds = modal_at && t == c0 ? modal_at : demand_start(d, s, e);
		if (ds < dem || dem == s->t1)
			dem = ds > e ? ds : dem;
		if (e < s->t1 && (has_cue(d, e, C_READER)))
			reader = 1;
		if (e < s->t1 && (tok_eq(d, e, "them") || tok_eq(d, e, "him") || tok_eq(d, e, "her")))
			them = 1;
		for (uint32_t p = it->party0; p < it->party1; p++) {
			const Party *pa = &w->party.v[p];
			if (pa->t0 < e || pa->t0 >= ds || !party_is_addressee(pa))
				continue;
			if ((pa->flags & PF_COUNTRY) && pa->t0 > e + 1) {
				/* "the US ambassador to Iraq": Iraq is not addressed; "urged both Spain
				   and Morocco", "urges Spain, Morocco and France": they are */
				uint32_t k = e;
				while (k < pa->t0 && (tok_eq(d, k, "both") || tok_eq(d, k, "and") || is_comma(d, k) ||
				                      ((w->ti[k].cover & CV_PARTY) && k > e)))
					k++;
				if (k < pa->t0)
					continue;
			}
			if ((pa->flags & PF_FROM) || ((pa->flags & PF_OF) && !of_titled(d, pa, e)))
				continue;
			if (!noun && tok_eq(d, e - 1, "to") && !addressed_run(d, e, pa->t0))
				continue;
			ExParty ep;
			party_copy(d, pa, &ep);
			party_push(am.ap.to, &am.ap.nto, EX_MAX_PARTIES * 2, &ep, d->x);
		}
		t = ds > t ? ds - 1 : t;
	}
	if (handles_end) {
		for (uint32_t p = it->party0; p < it->party1; p++) {
			const Party *pa = &w->party.v[p];
			if (pa->t0 < c0 + 1 || pa->t0 >= handles_end || !party_is_addressee(pa) ||
			    !(is_punct(d, pa->t0 - 1, '@') || (pa->t0 >= c0 + 2 && is_punct(d, pa->t0 - 2, '@'))))
				continue;
			ExParty ep;
			party_copy(d, pa, &ep);
			party_push(am.ap.to, &am.ap.nto, EX_MAX_PARTIES * 2, &ep, d->x);
		}
		dem = handles_end;
	}
	/* "I urge you to …" in a letter: you are whom its salutation addresses */
	if (reader && am.ap.nto == 0 && d->letter_to >= 0) {
		ExParty ep;
		party_copy(d, &w->party.v[d->letter_to], &ep);
		party_push(am.ap.to, &am.ap.nto, EX_MAX_PARTIES * 2, &ep, d->x);
		reader = 0;
	}
	/* "calls on A to do this, and on B to do that" */
	for (uint32_t t = dem; t + 1 < s->t1; t++) {
		if (!tok_eq(d, t, "on") || !(tok_eq(d, t - 1, "and") || is_comma(d, t - 1) || is_punct(d, t - 1, ';')))
			continue;
		uint32_t ds = demand_start(d, s, t + 1);
		for (uint32_t p = it->party0; p < it->party1; p++) {
			const Party *pa = &w->party.v[p];
			if (pa->t0 <= t || pa->t0 >= ds || !party_is_addressee(pa) || (pa->flags & PF_FROM) ||
			    ((pa->flags & PF_OF) && !of_titled(d, pa, t + 1)))
				continue;
			ExParty ep;
			party_copy(d, pa, &ep);
			party_push(am.ap.to, &am.ap.nto, EX_MAX_PARTIES * 2, &ep, d->x);
		}
	}
	if (dem == s->t1 && cls == C_APPEAL_FOR)
		dem = c0 + 1;
	/* who appeals: the first party before the cue, or the subject a pronoun stands for */
	int32_t by = -1;
	for (uint32_t p = it->party0; p < it->party1; p++) {
		const Party *pa = &w->party.v[p];
		if (pa->t0 >= c0)
			break;
		if ((pa->flags & (PF_LOC | PF_FROM | PF_TO | PF_OF | PF_TARGET | PF_BY)) ||
		    w->ti[pa->t0].clause != w->ti[c0].clause)
			continue;
		by = (int32_t)p;
		break;
	}
	int we = 0;
	for (uint32_t t = s->t0; t < c0 && by < 0; t++) {
		if (has_cue(d, t, C_PRONOUN) && (tok_eq(d, t, "he") || tok_eq(d, t, "she") || tok_eq(d, t, "they"))) {
			by = resolve_subject(d, si);
			if (tok_eq(d, t, "they"))
				am.cont = 1;
			break;
		}
		if (has_cue(d, t, C_WE)) {
			we = 1;
			break;
		}
	}
	am.we = (uint8_t)we;
	am.noun = cls == C_APPEAL_NOUN;
	for (uint32_t t = s->t0 + 1; t < c0 && by < 0 && !we; t++)
		if ((w->tok.v[t].flags & TK_CAP) && (w->tok.v[t].flags & TK_WORD))
			am.named = 1;
	am.heading = (uint8_t)heading;
	am.sent = si;
	am.block = s->block;
	/* "asked the headquarters to have agents fly over": asked of someone we do not know as
	   an addressee; what is asked has not happened */
	if (cls == C_APPEAL && am.ap.nto == 0 && !them && !reader && dem < s->t1 && tok_eq(d, dem, "to")) {
		*demand_from = dem;
		return 2;
	}
	if (them && am.ap.nto == 0)
		am.cont = 1;
	else if (!them)
		am.cont = am.cont && am.ap.nto == 0;
	if (am.ap.nto == 0 && !am.cont && (cls != C_APPEAL_FOR || by < 0 || reader)) {
		if (cls == C_APPEAL_FOR) {
			/* "called for an end to attacks": what is called for is not told as news */
			*demand_from = c0 + 1;
			return 3;
		}
		return 0;
	}
	if (by >= 0) {
		const Party *pa = &w->party.v[by];
		if (state_group(pa->group) || pa->group == G_MILITIA || pa->group == G_ARMED_GROUP) {
			/* a government's call counts when it asks for protection */
			int protect = 0;
			for (uint32_t t = dem; t < s->t1; t++)
				if (has_cue(d, t, C_PROTECT))
					protect = 1;
			/* and when it asks the world: the UN, a regional body, an agency or a court
			   ("Armenia's foreign minister urged the UN Security Council"); one state
			   asking another is diplomacy, not an appeal */
			for (int k = 0; k < am.ap.nto; k++) {
				const ExParty *to = &am.ap.to[k];
				if (to->group == G_UN || to->group == G_AGENCY || to->group == G_REGIONAL || to->group == G_COURT)
					protect = 1;
			}
			/* a governor or a mayor asking their own state ("The state governor called on
			   the Nigerian federal government to send more troops"): not diplomacy */
			const char *byname = ex_str(d->x, pa->name);
			if (am.ap.nto && (strstr(byname, "governor") || strstr(byname, "Governor") || strstr(byname, "mayor") ||
			                  strstr(byname, "Mayor")))
				for (int k = 0; k < am.ap.nto; k++)
					if ((am.ap.to[k].group == G_GOVERNMENT || am.ap.to[k].group == G_HEAD_OF_STATE ||
					     am.ap.to[k].group == G_MINISTER) &&
					    (pa->country < 0 || am.ap.to[k].country == pa->country))
						protect = 1;
			if (!protect) {
				*demand_from = dem;
				return 2;
			}
		}
		ExParty ep;
		party_copy(d, pa, &ep);
		am.ap.by[am.ap.nby++] = ep;
		am.by_key = pa->name;
	}
	/* the date written in the sentence (not one ahead of the report), else the report's */
	for (uint32_t k = it->date0; k < it->date1; k++) {
		const DateIt *di = &w->date.v[k];
		if (!di->d.start.y || di->t0 >= dem || (di->d.flags & (DS_FUTURE | DS_UNTIL)))
			continue;
		if (d->ref.y && ymd_cmp(di->d.start, d->ref) > 0)
			continue;
		if (!di->d.start.d)
			continue;
		am.ap.date = di->d.start;
		am.has_date = 1;
		break;
	}
	if (!am.has_date)
		am.ap.date = d->ref.y ? d->ref : d->line_date; /* an appeal is made when it is written */
	if (dem < s->t1) {
		uint32_t a = dem;
		if (tok_eq(d, a, "to") || tok_eq(d, a, "that") || tok_eq(d, a, "for"))
			a++;
		uint32_t b = s->t1;
		while (b > a && (w->tok.v[b - 1].flags & TK_PUNCT))
			b--;
		if (b > a) {
			am.ap.demand_start = w->tok.v[a].start;
			am.ap.demand_end = w->tok.v[b - 1].end;
		}
	}
	*demand_from = dem;
	VEC_PUSH(&w->apm, am);
	return 1;
}

static uint32_t span_dist(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
	return a1 <= b0 ? b0 - a1 : b1 <= a0 ? a0 - b1 : 0;
}

/* How well a place fits a trigger: where it is said to be (-1: not this one). */
static int place_fit(Doc *d, const Trig *tr, const Place *pl)
{
	if (!pl->name || pl->in_party || pl->qualifier)
		return -1;
	/* a country is where it happened only when named with it ("an attack in Iraq") */
	if (pl->type == P_COUNTRY && span_dist(pl->t0, pl->t1, tr->t0, tr->t1) > 4)
		return -1;
	int after = pl->t0 >= tr->t1;
	if (tr->kind == K_RELOCATION && after && (pl->prep == PP_TO || pl->prep == PP_LOC))
		return -1; /* where people are moved to is not where it happens */
	if (tr->kind == K_RELOCATION)
		return pl->prep == PP_FROM ? 4 : 3;
	if (pl->prep == PP_FROM)
		return -1; /* where shots came from is not where they fell */
	/* "taken to the hospital in Dovrek after the police held the ambulance": where the
	   patient was going, not where care was denied */
	if ((tr->kind == K_BLOCKADE || tr->kind == K_SIEGE) && pl->t0 >= 2 && tok_eq(d, pl->t0 - 1, "in"))
		for (uint32_t u = pl->t0 - 1, k = 0; u > 0 && k < 3; k++) {
			u--;
			if (tok_eq(d, u, "hospital") || tok_eq(d, u, "hospitals") || tok_eq(d, u, "clinic"))
				return -1;
		}
	if ((tr->kind == K_BLOCKADE || tr->kind == K_SIEGE) && pl->prep == PP_TO)
		return 4; /* "unable to deliver food to the camp": where goods are kept from */
	int score = pl->prep == PP_LOC ? 4 : pl->prep == PP_NONE ? 3 : 2;
	/* "the Kabelawa site, about 50 kilometres north of Diffa": a point of reference, named
	   to say where the place is; it is the incident's only when no other is named */
	if (pl->ref)
		return 1;
	return score;
}

/* The best place of a trigger among the sentence's, in its clause (clause >= 0) or
   anywhere in the sentence; -1 when none. */
static int32_t best_place(Doc *d, const SentItems *it, const Trig *tr, int clause)
{
	Work *w = d->w;
	int32_t best = -1;
	long bestscore = -1000000;
	for (uint32_t p = it->place0; p < it->place1; p++) {
		const Place *pl = &w->place.v[p];
		if (clause >= 0 && w->ti[pl->t0].clause != clause)
			continue;
		int fit = place_fit(d, tr, pl);
		if (fit < 0)
			continue;
		/* what kind of place, how it is introduced, how near */
		long score = fit * 4L + place_rank(pl->type) - (long)span_dist(pl->t0, pl->t1, tr->t0, tr->t1);
		if (score > bestscore) {
			bestscore = score;
			best = (int32_t)p;
		}
	}
	return best;
}

/* Adds a figure to a count: a range of what the sources say; a vague figure ("dozens")
   gives way to a written one. */
static void count_add(ExCount *c, int64_t mn, int64_t mx, int vague)
{
	if ((c->min < 0 && c->max < 0) || (c->vague && !vague)) {
		c->min = mn;
		c->max = mx;
		c->vague = (uint8_t)vague;
		return;
	}
	if (vague && !c->vague)
		return;
	if (mn >= 0 && (c->min < 0 || mn < c->min))
		c->min = mn;
	if (mx < 0 || c->max < 0)
		c->max = -1;
	else if (mx > c->max)
		c->max = mx;
}

static ExCount *count_field(ExEvent *e, int role)
{
	return role == R_KILLED ? &e->killed : role == R_WOUNDED ? &e->wounded : role == R_DETAINED ? &e->detained
	     : &e->residents;
}

static void count_apply(ExEvent *e, const CountIt *c)
{
	if (c->role == R_RESIDENTS && e->kind != K_SIEGE && e->kind != K_BLOCKADE && e->kind != K_RELOCATION)
		return;
	ExCount *f = count_field(e, c->role);
	if (c->add) {
		if (f->min >= 0) {
			f->min += c->min;
			if (f->max >= 0)
				f->max += c->max;
		} else {
			f->min = c->min;
			f->max = c->max;
		}
		return;
	}
	count_add(f, c->min, c->max, c->vague);
}

static void evidence_add(ExSpan *v, int *n, ExSpan sp)
{
	for (int i = 0; i < *n; i++)
		if (v[i].start == sp.start)
			return;
	if (*n < EX_MAX_EVIDENCE)
		v[(*n)++] = sp;
}

/* The span of a sentence quoted as evidence (without a leading bullet). */
static ExSpan sentence_span(Doc *d, uint32_t si)
{
	const Sent *s = &d->w->sent.v[si];
	uint32_t t = s->t0;
	while (t + 1 < s->t1 && (d->w->tok.v[t].flags & TK_PUNCT) &&
	       (d->w->tok.v[t].punct == PU_BULLET || d->w->tok.v[t].punct == '-' || d->w->tok.v[t].punct == '*' ||
	        d->w->tok.v[t].punct == PU_DASH))
		t++;
	ExSpan sp = {d->w->tok.v[t].start, s->end, si};
	return sp;
}

static void init_event(ExEvent *e)
{
	memset(e, 0, sizeof *e);
	e->killed.min = e->wounded.min = e->detained.min = e->residents.min = -1;
	e->killed.max = e->wounded.max = e->detained.max = e->residents.max = -1;
	e->place.country = -1;
}

/* A sentence about a kind of incident, not one incident: the law ("Enforced disappearance
   is a crime under international law") or a trend ("kidnappings of migrants have risen
   sharply"); the trigger is a noun without a determiner and the verb after it says so. */
static int general_statement(Doc *d, const Sent *s, const Trig *tr)
{
	static const char *const law[] = {"crime", "crimes", "prohibited", "illegal", "unlawful", "forbidden", NULL};
	static const char *const trend[] = {"risen", "rising", "increased", "increasing", "doubled", "soared",
	                                    "surged", "fallen", "declined", "decreased", NULL};
	/* "as in previous attacks", "unlike past raids": incidents of before, not told here */
	if (tr->t0 > s->t0 && (tok_eq(d, tr->t0 - 1, "previous") || tok_eq(d, tr->t0 - 1, "past")) &&
	    !(tr->t1 < s->t1 && (tok_eq(d, tr->t1, "on") || tok_eq(d, tr->t1, "of") || tok_eq(d, tr->t1, "in"))))
		return 1;
	if (tr->t0 > s->t0 && (d->w->ti[tr->t0 - 1].cue & (BIT(C_DET) | BIT(C_PRONOUN))))
		return 0;
	for (uint32_t u = tr->t1; u < s->t1 && u < tr->t1 + 9; u++) {
		if (is_clause_break(d, u) || is_punct(d, u, ','))
			return 0;
		if (tok_eq(d, u, "is") || tok_eq(d, u, "are") || tok_eq(d, u, "constitutes") || tok_eq(d, u, "constitute")) {
			for (uint32_t v = u + 1; v < s->t1 && v < u + 5; v++)
				for (int i = 0; law[i]; i++)
					if (tok_eq(d, v, law[i]))
						return 1;
		}
		if (tok_eq(d, u, "have") || tok_eq(d, u, "has") || tok_eq(d, u, "are")) {
			if (u + 1 < s->t1)
				for (int i = 0; trend[i]; i++)
					if (tok_eq(d, u + 1, trend[i]))
						return 1;
		}
	}
	return 0;
}

/* A group named as what the acting men belong to: "armed men from the FPRC",
   "fighters of the ELN", "officers of the National Police Service" act for it. */
static int member_of(Doc *d, const SentItems *it, const Party *pa)
{
	uint32_t k = pa->t0;
	if (!(pa->named || pa->actor) || (pa->flags & PF_COUNTRY))
		return 0;
	if (k > 0 && tok_eq(d, k - 1, "the"))
		k--;
	/* "Gunmen believed to belong to ISWAP", "suspected of belonging to", "thought to be
	   members of", "linked to", "loyal to": who they are taken to be */
	uint32_t h = k;
	if (h >= 3 && tok_eq(d, h - 1, "of") && tok_eq(d, h - 2, "members"))
		h -= 2;
	if (h >= 3 && tok_eq(d, h - 1, "to") && (tok_eq(d, h - 2, "belong") || tok_eq(d, h - 2, "belonging") ||
	                                          tok_eq(d, h - 2, "linked") || tok_eq(d, h - 2, "loyal") ||
	                                          tok_eq(d, h - 2, "affiliated")))
		h -= 2;
	else if (h >= 3 && tok_eq(d, h - 1, "with") && tok_eq(d, h - 2, "affiliated"))
		h -= 2;
	else if (h >= 3 && tok_eq(d, h - 1, "be") && tok_eq(d, h - 2, "to"))
		h -= 1; /* "thought to be", "believed to be" */
	else
		h = 0;
	if (h) {
		if (h >= 2 && tok_eq(d, h - 1, "to"))
			h--;
		if (h >= 2 && tok_eq(d, h - 1, "of") && h >= 3 && tok_eq(d, h - 2, "suspected"))
			h--;
		if (h >= 2 && (tok_eq(d, h - 1, "believed") || tok_eq(d, h - 1, "thought") || tok_eq(d, h - 1, "suspected") ||
		               tok_eq(d, h - 1, "said") || tok_eq(d, h - 1, "reported") || tok_eq(d, h - 1, "alleged")))
			h--;
		for (uint32_t q = it->party0; q < it->party1; q++) {
			const Party *o = &d->w->party.v[q];
			if (o->t1 == h && o != pa && perp_group(o->group) && !(o->flags & (PF_LOC | PF_FROM | PF_TO | PF_TARGET | PF_OF)))
				return 1;
		}
		return 0;
	}
	if (!(pa->flags & (PF_FROM | PF_OF)))
		return 0;
	if (k < 2 || !(tok_eq(d, k - 1, "from") || tok_eq(d, k - 1, "of")))
		return 0;
	for (uint32_t q = it->party0; q < it->party1; q++) {
		const Party *o = &d->w->party.v[q];
		if (o->t1 == k - 1 && o != pa && perp_group(o->group) && !(o->flags & (PF_LOC | PF_FROM | PF_TO | PF_TARGET | PF_OF)))
			return 1;
	}
	return 0;
}

/* Pass 2 over one sentence: its appeal, then its incidents. */
/* A part of a day ("day", "morning", "night"). */
static int day_part(const Doc *d, uint32_t t)
{
	return tok_eq(d, t, "day") || tok_eq(d, t, "morning") || tok_eq(d, t, "afternoon") || tok_eq(d, t, "evening") ||
	       tok_eq(d, t, "night");
}

/* A sentence opened by "Later that day", "That night", "The same day" (0) or "The next
   day", "The following morning" (1): dated by the incident told just before; -1: not. */
static int day_after_previous(const Doc *d, const Sent *s)
{
	uint32_t a = s->t0;
	if (s->t1 < a + 5)
		return -1;
	if (tok_eq(d, a, "later") && tok_eq(d, a + 1, "that"))
		a++;
	if (tok_eq(d, a, "that") && day_part(d, a + 1))
		return 0;
	if ((tok_eq(d, a, "that") || tok_eq(d, a, "the")) && tok_eq(d, a + 1, "same") && day_part(d, a + 2))
		return 0;
	if (tok_eq(d, a, "the") && (tok_eq(d, a + 1, "next") || tok_eq(d, a + 1, "following")) && day_part(d, a + 2))
		return 1;
	/* the same words inside the sentence: "the power was cut the following morning" */
	for (uint32_t t = s->t0 + 1; t + 2 < s->t1; t++)
		if (tok_eq(d, t, "the") && (tok_eq(d, t + 1, "next") || tok_eq(d, t + 1, "following")) &&
		    day_part(d, t + 2))
			return 1;
	return -1;
}

/* Is sentence sj, before sentence s, told with it: in its paragraph, or the last
   sentence of the paragraph just before ("… fired on the shelters for an hour.¶ They
   also took away eleven women.")? */
static int told_before(const Work *w, uint32_t sj, const Sent *s)
{
	return w->sent.v[sj].block == s->block || w->sent.v[sj + 1].block == s->block;
}

/* Whether sentence sj is in a question just before the answer s opens ("Q: You were at
   Ashraf during the raid in 2009. Do you see any change?" / "In July 2009, the soldiers
   came in …"): what the question names, the answer speaks of. */
static int asked_before(const Doc *d, uint32_t sj, const Sent *s)
{
	const Work *w = d->w;
	uint32_t last = sj;
	while (last + 1 < w->sent.n && w->sent.v[last + 1].block == w->sent.v[sj].block)
		last++;
	if (last + 1 >= w->sent.n || w->sent.v[last + 1].block != s->block || w->sent.v[last + 1].t0 != s->t0)
		return 0;
	const Sent *q = &w->sent.v[last];
	return q->t1 > q->t0 && is_punct(d, q->t1 - 1, '?');
}

/* "The government blamed the Houthis.": who is blamed (before token lim) after the
   incident just told did it, when that told nobody. */
static void blame_previous(Doc *d, uint32_t si, const Sent *s, const SentItems *it, uint32_t lim)
{
	Work *w = d->w;
	/* the incident last told, up to three sentences before (an aside on the toll between) */
	if (!w->evm.n || w->evm.v[w->evm.n - 1].ev.evidence[0].sentence + 3 < si || w->evm.v[w->evm.n - 1].ev.nperps)
		return;
	ExEvent *e = &w->evm.v[w->evm.n - 1].ev;
	uint32_t b = s->t1;
	for (uint32_t t = s->t0; t < s->t1 && b == s->t1; t++)
		if (has_cue(d, t, C_BLAME) && !(t > s->t0 && (w->ti[t - 1].cue_end & BIT(C_NEGATION))))
			b = t;
	for (uint32_t p = it->party0; p < it->party1 && b < s->t1; p++) {
		const Party *pa = &w->party.v[p];
		if (pa->t0 <= b || pa->t0 >= lim || w->ti[pa->t0].clause != w->ti[b].clause || !perp_group(pa->group) ||
		    (!pa->actor && !pa->named && !(pa->flags & (PF_COUNTRY | PF_CAPITAL))) || (pa->role & PR_SOURCE))
			continue;
		ExParty ep;
		party_copy(d, pa, &ep);
		party_push(e->perps, &e->nperps, EX_MAX_PARTIES, &ep, d->x);
	}
}

/* A figure or an account said to be superseded: "An earlier version of this article said
   eleven people had been killed", "the group had at first said eleven had died",
   "initially reported". It tells no incident, and its counts are not the incident's. */
static int superseded(const Doc *d, const Sent *s)
{
	int cue = 0;
	for (uint32_t t = s->t0; t + 1 < s->t1; t++) {
		if ((tok_eq(d, t, "earlier") || tok_eq(d, t, "previous") || tok_eq(d, t, "original") ||
		     tok_eq(d, t, "first")) &&
		    tok_eq(d, t + 1, "version"))
			cue = 1;
		else if ((tok_eq(d, t, "at") && tok_eq(d, t + 1, "first")) || tok_eq(d, t, "initially") ||
		         tok_eq(d, t, "originally") || (tok_eq(d, t, "first") && t > s->t0 && tok_eq(d, t - 1, "had")))
			cue = 2;
		else if (cue && (tok_eq(d, t, "said") || tok_eq(d, t, "reported") || tok_eq(d, t, "stated") ||
		                 tok_eq(d, t, "gave") || tok_eq(d, t, "put") || tok_eq(d, t, "claimed") ||
		                 tok_eq(d, t, "counted") || tok_eq(d, t, "spoke")))
			return 1;
	}
	return 0;
}

/* A heading that is a day ("DAY 10 - Saturday, 12 March 2011", "Monday 14 May 2012"): a
   short block of its own with a full date that is not relative, a span or a dateline. */
static int heading_day(const Doc *d, uint32_t si, Ymd *out)
{
	const Work *w = d->w;
	const Sent *s = &w->sent.v[si];
	const SentItems *it = &w->si.v[si];
	if (s->t1 > s->t0 + 12 || (si > 0 && w->sent.v[si - 1].block == s->block) ||
	    (si + 1 < w->sent.n && w->sent.v[si + 1].block == s->block) || it->trig1 > it->trig0)
		return 0;
	for (uint32_t k = it->date0; k < it->date1; k++) {
		const DateIt *di = &w->date.v[k];
		if (di->d.start.d && !di->d.end.y && !di->dateline &&
		    !(di->d.flags & (DS_INFERRED | DS_RELATIVE | DS_SINCE | DS_UNTIL | DS_FUTURE | DS_WEEKDAY))) {
			*out = di->d.start;
			return 1;
		}
	}
	return 0;
}

static void read_events(Doc *d, uint32_t si)
{
	Work *w = d->w;
	const Sent *s = &w->sent.v[si];
	SentItems *it = &w->si.v[si];
	if (d->hdays >= 2 && heading_day(d, si, &d->hdate))
		d->hdate_block = s->block;
	uint8_t c = 0;
	int sub = 0; /* a clause opened by "while", "although", "if" … ends at its comma */
	for (uint32_t t = s->t0; t < s->t1; t++) {
		if (t > s->t0 && is_clause_break(d, t) && c < 255)
			c++;
		if (has_cue(d, t, C_CLAUSE) || has_cue(d, t, C_CONDITION))
			sub = 1;
		else if (sub && is_comma(d, t) && c < 255) {
			c++;
			sub = 0;
		}
		w->ti[t].clause = c;
	}
	uint32_t demand = s->t1, appeal_cue = s->t1;
	int appeal = read_appeal(d, si, &demand, &appeal_cue);
	int32_t during = -1; /* "during the attack": the incident told before it happened in */
	/* a petition's demands: "Cancel the forced transfer to Kharsa.", "Release the men":
	   an imperative opening the sentence asks, it does not tell */
	if (demand == s->t1 && s->t1 > s->t0 + 1 && (w->tok.v[s->t0].flags & TK_CAP) &&
	    (w->ti[s->t0 + 1].cue & (BIT(C_DET) | BIT(C_PRONOUN)))) {
		static const char *const verbs[] = {"cancel", "stop", "end", "lift", "release", "free", "allow", "halt",
		                                    "remove", "withdraw", "protect", "let", "reverse", "suspend",
		                                    "investigate", "open", "reopen", "close", "return", NULL};
		for (int i = 0; verbs[i]; i++)
			if (tok_eq(d, s->t0, verbs[i]))
				demand = s->t0 + 1;
	}

	/* the triggers that name an incident, and how */
	int nvalid = 0, sup = superseded(d, s);
	for (uint32_t k = it->trig0; k < it->trig1; k++) {
		Trig *tr = &w->trig.v[k];
		tr->dropped = 0;
		tr->group = -1;
		tr->date = tr->place = -1;
		/* "the road to the camp has been closed": the camp is not closed, the road is */
		int inside = 0;
		for (uint32_t k2 = it->trig0; k2 < it->trig1 && tr->needcamp; k2++) {
			const Trig *o = &w->trig.v[k2];
			if (k2 != k && !o->needcamp && o->t0 <= tr->t0 && o->t1 >= tr->t1 && o->t1 - o->t0 > tr->t1 - tr->t0)
				inside = 1;
		}
		if (inside || sup || (tr->needcamp && !camp_follows(d, it, tr)) || trig_negated(d, s, tr) || against_state(d, it, tr) ||
		    (tr->kind == K_OTHER && !people_follow(d, it, tr)) || (tr->needpeople && !people_moved(d, it, s, tr)) ||
		    general_statement(d, s, tr)) {
			tr->dropped = 1;
			continue;
		}
		/* "from the start of the raid": as "during the raid" */
		int start_of = tr->t0 >= s->t0 + 4 && tok_eq(d, tr->t0 - 1, "the") && tok_eq(d, tr->t0 - 2, "of") &&
		               (tok_eq(d, tr->t0 - 3, "start") || tok_eq(d, tr->t0 - 3, "beginning") ||
		                tok_eq(d, tr->t0 - 3, "outset"));
		if (tr->t0 >= s->t0 + 2 && tok_eq(d, tr->t0 - 1, "the") &&
		    (tok_eq(d, tr->t0 - 2, "during") || tok_eq(d, tr->t0 - 2, "after") || tok_eq(d, tr->t0 - 2, "since") ||
		     tok_eq(d, tr->t0 - 2, "following") || tok_eq(d, tr->t0 - 2, "before") || start_of) &&
		    !(tr->t1 < s->t1 && (tok_eq(d, tr->t1, "of") || tok_eq(d, tr->t1, "on") || tok_eq(d, tr->t1, "in") ||
		                         tok_eq(d, tr->t1 - 1, "of") || (w->ti[tr->t1].cover & CV_DATE)))) {
			/* "Soldiers who arrived during the attack", "The threat came after the
			   abduction of …": an incident told before, named as a time */
			int told = 0;
			for (size_t k2 = 0; k2 < w->evm.n; k2++)
				if (w->evm.v[k2].ev.kind == tr->kind) {
					told = 1;
					if (tok_eq(d, tr->t0 - 2, "during") || start_of)
						during = (int32_t)k2;
				}
			if (told) {
				tr->dropped = 1;
				continue;
			}
		}
		tr->status = tr->threat ? ST_THREATENED : (uint8_t)trig_status(d, it, s, tr);
		if (tr->threat && tr->kind == K_RELOCATION && ultimatum(d, s, tr)) {
			tr->kind = K_ATTACK;
			tr->ultimatum = 1;
		}
		/* a weapon threatened is named for what it will do ("further strikes on the camp
		   will follow") */
		tr->weak = (uint8_t)(tr->weak && !weapon_used(d, s, tr) && tr->status != ST_THREATENED);
		if (tr->t0 > s->t0 && (tok_eq(d, tr->t0 - 1, "this") || tok_eq(d, tr->t0 - 1, "such") ||
		                       tok_eq(d, tr->t0 - 1, "these"))) {
			/* "this massacre": the one told before, whatever it was */
			for (size_t k2 = w->evm.n; k2 > 0; k2--)
				if (kinds_merge(w->evm.v[k2 - 1].ev.kind, tr->kind)) {
					tr->status = w->evm.v[k2 - 1].ev.status;
					break;
				}
		}
		if (tr->t0 >= demand && appeal == 2)
			tr->status = ST_THREATENED; /* asked or ordered by those in power: not done yet */
		else if (tr->t0 >= demand) {
			/* asked for, not told: kept only when dated ("the raid of 3 May") */
			int dated = 0;
			for (uint32_t k2 = it->date0; k2 < it->date1; k2++)
				if (w->date.v[k2].d.start.d && w->ti[w->date.v[k2].t0].clause == w->ti[tr->t0].clause &&
				    w->date.v[k2].t0 > tr->t0)
					dated = 1;
			if (!dated) {
				tr->dropped = 1;
				continue;
			}
			tr->status = ST_OCCURRED; /* "an investigation of the attack of 17 February" */
		}
		nvalid++;
	}
	if (!nvalid) {
		/* "One of the wounded died later.": a count for the incident just told */
		if (w->evm.n && w->evm.v[w->evm.n - 1].ev.evidence[0].sentence + 1 == si && !sup)
			for (uint32_t k = it->count0; k < it->count1; k++)
				if (w->count.v[k].role != R_RESIDENTS)
					count_apply(&w->evm.v[w->evm.n - 1].ev, &w->count.v[k]);
		blame_previous(d, si, s, it, s->t1);
		return;
	}
	/* "Residents blamed the militia X, which had said it fired rockets at the camp in
	   February": the blame is for the incident just told; the relative clause tells
	   another */
	for (uint32_t t = s->t0; t + 3 < s->t1 && t < s->t0 + 12; t++) {
		if (!has_cue(d, t, C_BLAME) || is_clause_break(d, t))
			continue;
		uint32_t rel = t + 1;
		while (rel < s->t1 && rel < t + 12 && !tok_eq(d, rel, "which") && !tok_eq(d, rel, "who") &&
		       !w->ti[rel].trig && !is_clause_break(d, rel))
			rel++;
		if (rel < s->t1 && (tok_eq(d, rel, "which") || tok_eq(d, rel, "who")))
			blame_previous(d, si, s, it, rel);
		break;
	}
	/* each date to the nearest trigger of its clause, and each trigger keeps the nearest
	   date it is given ("the ultimatum of 30 January … was followed by the attack of 17
	   February": the attack's is 17 February) */
	uint32_t tdist[64];
	for (uint32_t k = it->date0; k < it->date1; k++) {
		const DateIt *di = &w->date.v[k];
		Trig *best = NULL;
		uint32_t bd = UINT32_MAX;
		/* the clause a date belongs to: "in January, when a strike killed four": the
		   clause it opens; "has killed nine since it broke out on Saturday": the one its
		   clause of beginning follows */
		int dcl = w->ti[di->t0].clause, began = 0;
		{
			uint32_t u = di->t1;
			if (u < s->t1 && is_comma(d, u))
				u++;
			if (u < s->t1 && tok_eq(d, u, "when") && dcl < 255)
				dcl++;
			for (uint32_t v = di->t0; v > s->t0 && w->ti[v - 1].clause == w->ti[di->t0].clause && !began; v--)
				began = tok_eq(d, v - 1, "began") || tok_eq(d, v - 1, "begun") || tok_eq(d, v - 1, "started") ||
				        tok_eq(d, v - 1, "broke") || tok_eq(d, v - 1, "erupted");
		}
		for (uint32_t j = it->trig0; j < it->trig1; j++) {
			Trig *tr = &w->trig.v[j];
			if (tr->dropped || (w->ti[tr->t0].clause != dcl && !(began && tr->t0 < di->t0 && w->ti[tr->t0].clause + 1 == dcl)))
				continue;
			/* a date far from it dates something else (an opening date is taken below);
			   after the trigger, names in between do not count ("the shelling of Camp
			   Serrin, Upper Kaldan province, on 17 February") */
			uint32_t dist = span_dist(di->t0, di->t1, tr->t0, tr->t1);
			uint32_t lim = di->d.flags & DS_UNTIL ? 14 : 10;
			if (di->dateline || di->speech)
				continue;
			if (di->t0 >= tr->t1) {
				dist = 0;
				for (uint32_t u = tr->t1; u < di->t0; u++)
					dist += !(w->ti[u].cover & (CV_PLACE | CV_PARTY | CV_COUNT));
				if (dist > lim)
					continue;
			} else if (dist > lim + 2)
				continue;
			if (dist < bd) {
				bd = dist;
				best = tr;
			}
		}
		if (!best)
			continue;
		size_t bi = (size_t)(best - w->trig.v) - it->trig0;
		/* "from mid-August until (at least) the end of October": the end of a span does
		   not take the place of its start */
		int until = (di->d.flags & DS_UNTIL) != 0;
		for (uint32_t u = di->t0, q = 0; !until && u > s->t0 && q < 3 && !(w->tok.v[u - 1].flags & TK_PUNCT); q++, u--)
			until = tok_eq(d, u - 1, "until") || tok_eq(d, u - 1, "till");
		if (best->date < 0 || (bi < 64 && bd < tdist[bi] && !until)) {
			best->date = (int32_t)k;
			/* the span's start right before it dates it, however far from the trigger */
			const DateIt *pk = k > it->date0 ? &w->date.v[k - 1] : NULL;
			if (until && pk && pk->t1 <= di->t0 && pk->t1 + 4 >= di->t0 && !pk->dateline && !pk->speech &&
			    pk->d.start.y)
				best->date = (int32_t)k - 1;
			if (bi < 64)
				tdist[bi] = bd;
		}
	}
	for (uint32_t j = it->trig0; j < it->trig1; j++) {
		Trig *tr = &w->trig.v[j];
		if (!tr->dropped)
			tr->place = best_place(d, it, tr, w->ti[tr->t0].clause);
	}
	/* triggers into incidents: one incident unless kinds, status, dates or places differ */
	int ngroups = 0;
	Trig *head = NULL;
	for (uint32_t j = it->trig0; j < it->trig1; j++) {
		Trig *tr = &w->trig.v[j];
		if (tr->dropped)
			continue;
		int same = head && kinds_join(head->kind, tr->kind) && head->status == tr->status;
		if (same && tr->date >= 0 && head->date >= 0 && tr->date != head->date &&
		    ymd_cmp(w->date.v[tr->date].d.start, w->date.v[head->date].d.start) != 0)
			same = 0;
		/* "shelled the camp on the edge of the town, killing six": the deaths are the
		   shelling's, whatever place is nearer to them */
		int toll = same && tr->kind == K_KILLING && head->kind != K_KILLING;
		if (same && !toll && tr->place >= 0 && head->place >= 0 && tr->place != head->place &&
		    w->place.v[tr->place].entry != w->place.v[head->place].entry)
			same = 0;
		if (same && w->ti[tr->t0].clause != w->ti[head->t0].clause && tr->kind != head->kind &&
		    !(head->kind == K_ATTACK || tr->kind == K_KILLING))
			same = 0;
		if (!same) {
			head = tr;
			ngroups++;
		} else {
			if (head->date < 0)
				head->date = tr->date;
			if (head->place < 0)
				head->place = tr->place;
		}
		tr->group = ngroups - 1;
	}
	/* weapons alone name no incident ("a mortar tube on the ridge") */
	{
		int newg[128], n = 0;
		for (int g = 0; g < ngroups && g < 128; g++) {
			int ok = 0;
			for (uint32_t j = it->trig0; j < it->trig1; j++)
				if (!w->trig.v[j].dropped && w->trig.v[j].group == g && !w->trig.v[j].weak)
					ok = 1;
			newg[g] = ok ? n++ : -1;
		}
		for (uint32_t j = it->trig0; j < it->trig1; j++) {
			Trig *tr = &w->trig.v[j];
			if (tr->dropped)
				continue;
			int g = tr->group < 128 ? newg[tr->group] : n - 1;
			if (g < 0)
				tr->dropped = 1;
			else
				tr->group = g;
		}
		ngroups = ngroups < 128 ? n : n;
		if (!ngroups)
			return;
	}
	size_t base = w->evm.n;
	for (int g = 0; g < ngroups; g++) {
		EvMent em;
		init_event(&em.ev);
		em.place_item = 0;
		Trig *first = NULL;
		for (uint32_t j = it->trig0; j < it->trig1; j++) {
			Trig *tr = &w->trig.v[j];
			if (tr->dropped || tr->group != g)
				continue;
			if (!first) {
				first = tr;
				em.ev.kind = tr->kind;
			}
			if (kind_prio(tr->kind) > kind_prio(em.ev.kind))
				em.ev.kind = tr->kind;
			em.ev.ultimatum |= tr->ultimatum;
		}
		em.ev.status = first->status;
		em.anaphoric = 0;
		em.another = 0;
		em.also = 0;
		for (uint32_t j = first->t0, k = 0; j > s->t0 && k < 3 && !em.also; k++) {
			j--;
			em.also = tok_eq(d, j, "also");
		}
		{
			uint32_t b = first->t0;
			while (b > s->t0 && (w->ti[b - 1].cover & CV_DATE))
				b--;
			if (b > s->t0 && (tok_eq(d, b - 1, "the") || tok_eq(d, b - 1, "this") || tok_eq(d, b - 1, "that")))
				em.anaphoric = 1;
			if (b > s->t0 && (tok_eq(d, b - 1, "another") || tok_eq(d, b - 1, "second") || tok_eq(d, b - 1, "third") ||
			                  tok_eq(d, b - 1, "further") || tok_eq(d, b - 1, "separate")))
				em.another = 1;
			/* "This is the second attack on the camp this year": the incident just told,
			   counted */
			if (em.another && b >= s->t0 + 3 && tok_eq(d, b - 2, "the") &&
			    (tok_eq(d, b - 3, "is") || tok_eq(d, b - 3, "was")) &&
			    (b - 3 == s->t0 || tok_eq(d, b - 4, "this") || tok_eq(d, b - 4, "it"))) {
				em.another = 0;
				em.anaphoric = 1;
			}
			/* "young men … are often taken away for questioning": what happens again and
			   again, not more of the incident just told */
			static const char *const habit[] = {"often", "regularly", "routinely", "frequently", "repeatedly",
			                                    "usually", "sometimes", NULL};
			for (uint32_t u = first->t0 > s->t0 + 6 ? first->t0 - 6 : s->t0; u < first->t0; u++)
				for (int i = 0; habit[i]; i++)
					if (tok_eq(d, u, habit[i]) && w->ti[u].clause == w->ti[first->t0].clause)
						em.another = 1;
		}
		/* date: its own, for a threat only one ahead ("by the end of 2011") */
		int32_t dk = first->date;
		for (uint32_t j = it->trig0; j < it->trig1 && dk < 0; j++)
			if (!w->trig.v[j].dropped && w->trig.v[j].group == g)
				dk = w->trig.v[j].date;
		if (dk < 0 && em.ev.status == ST_OCCURRED) {
			/* a date opening the sentence, not taken by an incident */
			for (uint32_t k = it->date0; k < it->date1; k++) {
				const DateIt *di = &w->date.v[k];
				int taken = 0;
				for (uint32_t j = it->trig0; j < it->trig1; j++)
					if (!w->trig.v[j].dropped && w->trig.v[j].date == (int32_t)k)
						taken = 1;
				if (!taken && di->t1 <= first->t0 && !di->dateline && !di->speech)
					dk = (int32_t)k;
				if (!di->dateline)
					break;
			}
		}
		if (dk < 0 && em.ev.status == ST_OCCURRED) {
			/* "… attacked a crowd gathered for the opening of a village office in Let Pan
			   Hla, Kanbalu township, on the morning of 23 August": the one date after the
			   incident in its clause, however far, when no other incident comes between */
			int32_t only = -1;
			int n = 0;
			for (uint32_t k = it->date0; k < it->date1; k++) {
				const DateIt *di = &w->date.v[k];
				if (di->dateline || di->speech || !di->d.start.d || (di->d.flags & DS_SINCE) || di->t0 < first->t1)
					continue;
				/* in the clause of one of its triggers ("… were killed when a jet attacked
				   a crowd …, on 23 August") */
				int mine = 0;
				for (uint32_t j = it->trig0; j < it->trig1; j++) {
					const Trig *o = &w->trig.v[j];
					if (!o->dropped && o->group == g && o->t0 < di->t0 && w->ti[o->t0].clause == w->ti[di->t0].clause)
						mine = 1;
				}
				if (!mine)
					continue;
				int between = 0;
				for (uint32_t j = it->trig0; j < it->trig1; j++) {
					const Trig *o = &w->trig.v[j];
					if (!o->dropped && (o->date == (int32_t)k || (o->group != g && o->t0 > first->t0 && o->t0 < di->t0)))
						between = 1;
				}
				if (!between) {
					only = (int32_t)k;
					n++;
				}
			}
			if (n == 1)
				dk = only;
		}
		if (dk >= 0) {
			DateSpan dsv = w->date.v[dk].d;
			const DateSpan *ds = &dsv;
			/* a deadline without its year is the next such day: "by 31 March" in a
			   report of February is this March, not last year's (one passed within two months, "by
			   Sunday" told on Tuesday, stays) */
			Ymd dref = w->date.v[dk].ref;
			if (em.ev.status == ST_THREATENED && (dsv.flags & DS_INFERRED) && dref.y && dsv.start.y &&
			    dsv.start.m && ymd_cmp(dsv.start, ymd_add_days(dref, -60)) < 0 && !(dsv.flags & DS_SINCE)) {
				dsv.start.y++;
				if (dsv.end.y)
					dsv.end.y++;
				dsv.flags |= DS_FUTURE;
			}
			/* a threat's bare weekday ("by Sunday or they will cut the electricity", "would
			   come on Thursday") is the coming one, not the one just past */
			if (em.ev.status == ST_THREATENED && (dsv.flags & DS_WEEKDAY) && dref.y && dsv.start.d &&
			    ymd_cmp(dsv.start, dref) < 0 && !dsv.end.y) {
				dsv.start = ymd_weekday_after(dref, ymd_weekday(dsv.start.y, dsv.start.m, dsv.start.d));
				dsv.flags |= DS_FUTURE;
			}
			int ahead = (ds->flags & (DS_FUTURE | DS_UNTIL)) || (d->ref.y && ds->start.y && ymd_cmp(ds->start, d->ref) > 0);
			if (ds->start.y && (em.ev.status == ST_THREATENED ? ahead : !(ds->flags & DS_FUTURE) &&
			                    !(d->ref.y && ymd_cmp(ds->start, d->ref) > 0))) {
				em.ev.date_start = ds->start;
				em.ev.date_end = ds->end;
				em.ev.date_flags = (uint8_t)ds->flags;
			}
		}
		if (!em.ev.date_start.y && em.ev.status == ST_OCCURRED && during >= 0) {
			/* "Soldiers who arrived during the attack detained two of them": its day */
			const ExEvent *pv = &w->evm.v[during].ev;
			if (pv->date_start.y && pv->status == ST_OCCURRED) {
				em.ev.date_start = pv->date_start;
				em.ev.date_end = pv->date_end;
				em.ev.date_flags = DS_INFERRED;
			}
		}
		if (!em.ev.date_start.y && em.ev.status == ST_OCCURRED && w->evm.n) {
			/* "Later that day, another shell hit …", "The next day, soldiers …": the
			   day of the last incident told with one */
			const ExEvent *pv = &w->evm.v[w->evm.n - 1].ev;
			for (size_t k2 = w->evm.n; k2 > 0 && !pv->date_start.y; k2--)
				pv = &w->evm.v[k2 - 1].ev;
			int after = day_after_previous(d, s);
			if (after >= 0 && pv->date_start.y && pv->date_start.m && pv->date_start.d && !pv->date_end.y &&
			    pv->status == ST_OCCURRED) {
				em.ev.date_start = after ? ymd_add_days(pv->date_start, 1) : pv->date_start;
				em.ev.date_flags = DS_INFERRED;
			}
		}
		if (!em.ev.date_start.y && em.ev.status == ST_OCCURRED && d->ref.y && d->ref.m) {
			/* "is not allowing", "continues to": going on when the report was written */
			for (uint32_t j = first->t0, steps = 0; j > s->t0 && steps < 4; steps++) {
				j--;
				if (w->ti[j].cue_end & BIT(C_PRESENT)) {
					em.ev.date_start = (Ymd){d->ref.y, d->ref.m, 0};
					em.ev.date_ongoing = 1;
					em.ev.date_flags = DS_INFERRED;
					break;
				}
				if (!(w->ti[j].cue_end & (BIT(C_NEGATION) | BIT(C_PASSIVE))) && !tok_eq(d, j, "still") &&
				    !tok_eq(d, j, "also") && !tok_eq(d, j, "now"))
					break;
			}
		}
		if (!em.ev.date_start.y && em.ev.status == ST_OCCURRED) {
			/* "BAGHDAD, Nov 19 - At least five people were killed when rockets struck a
			   camp …": a wire's lead that gives no day tells that day's news; a date the
			   report gives it later holds */
			for (uint32_t k = it->date0; k < it->date1; k++) {
				const DateIt *di = &w->date.v[k];
				if (di->dateline && di->d.start.d && !di->d.end.y &&
				    !(di->d.flags & (DS_SINCE | DS_UNTIL | DS_FUTURE)) && di->t1 <= first->t0) {
					em.ev.date_start = di->d.start;
					em.ev.date_flags = (uint8_t)(di->d.flags | DS_INFERRED);
					em.ev.date_borrowed = 1;
					break;
				}
			}
		}
		if (!em.ev.date_start.y && em.ev.status == ST_OCCURRED) {
			/* "On 27 August soldiers came to our village. They set fire to the houses
			   first.": the day or month a sentence of the paragraph just before gave its
			   narrative (not a dateline, a source's day, a span from "since" or ahead) */
			for (uint32_t sj = si, back = 0; !em.ev.date_start.y && sj > 0 && back < 3; back++) {
				sj--;
				if (!told_before(w, sj, s))
					break;
				const SentItems *pj = &w->si.v[sj];
				for (uint32_t k = pj->date1; k > pj->date0; k--) {
					const DateIt *di = &w->date.v[k - 1];
					if (di->dateline || di->speech || !di->d.start.m || (di->d.flags & (DS_SINCE | DS_UNTIL | DS_FUTURE)) ||
					    (d->ref.y && ymd_cmp(di->d.start, d->ref) > 0))
						continue;
					em.ev.date_start = di->d.start;
					em.ev.date_end = di->d.end;
					if (di->d.start.d && !di->d.end.y && day_after_previous(d, s) == 1)
						em.ev.date_start = ymd_add_days(di->d.start, 1); /* "the following morning" */
					em.ev.date_flags = (uint8_t)(di->d.flags | DS_INFERRED);
					/* the date an entry of a chronology or a testimony opens with holds
					   ("25 July 2012. About 200 police searched the camp"); another
					   sentence's gives way */
					int told = 0; /* an incident of its own takes that date */
					for (size_t q = 0; q < w->evm.n && !told; q++)
						told = w->evm.v[q].ev.evidence[0].sentence == sj;
					em.ev.date_borrowed = told || !(di->t0 == w->sent.v[sj].t0 && w->sent.v[sj].block == s->block &&
					                                (sj == 0 || w->sent.v[sj - 1].block != s->block));
					break;
				}
			}
		}
		if (!em.ev.date_start.y && em.ev.status == ST_OCCURRED && d->hdate.y && d->hdate_block < s->block) {
			/* an entry under a heading that is its day ("DAY 10 - Saturday, 12 March 2011") */
			em.ev.date_start = d->hdate;
			em.ev.date_flags = DS_INFERRED;
			em.ev.date_borrowed = 1;
		}
		/* place: its own, else the sentence's best */
		int32_t pk = first->place;
		for (uint32_t j = it->trig0; j < it->trig1 && pk < 0; j++)
			if (!w->trig.v[j].dropped && w->trig.v[j].group == g)
				pk = w->trig.v[j].place;
		if (pk < 0)
			pk = best_place(d, it, first, -1);
		/* the place just named in the paragraph ("… the village. When people ran out, they
		   shot at them.") */
		for (uint32_t sj = si, back = 0; pk < 0 && sj > 0 && back < 3; back++) {
			sj--;
			if (!told_before(w, sj, s) && !asked_before(d, sj, s))
				break;
			const SentItems *pj = &w->si.v[sj];
			for (uint32_t p = pj->place1; p > pj->place0; p--) {
				const Place *pl = &w->place.v[p - 1];
				if (pl->name && !pl->in_party && pl->type != P_COUNTRY && pl->prep != PP_FROM &&
				    pl->prep != PP_TO && !pl->ref && !pl->seat) {
					/* not where people fled to or came from, nor a point of reference */
					pk = (int32_t)(p - 1);
					break;
				}
			}
		}
		if (pk >= 0) {
			const Place *pl = &w->place.v[pk];
			em.ev.place.name = pl->name;
			em.ev.place.entry = pl->entry;
			em.ev.place.type = pl->type;
			em.ev.place.country = pl->country;
			em.place_item = (uint32_t)pk + 1;
		}
		ExSpan sp = sentence_span(d, si);
		evidence_add(em.ev.evidence, &em.ev.nevidence, sp);
		VEC_PUSH(&w->evm, em);
	}
	/* perpetrators: acting parties, each to the nearest incident of its clause */
	int blame_at = -1;
	for (uint32_t t = s->t0; t < s->t1; t++)
		if (has_cue(d, t, C_BLAME)) {
			blame_at = (int)t;
			break;
		}
	for (uint32_t p = it->party0; p < it->party1; p++) {
		Party *pa = &w->party.v[p];
		pa->used = 0;
		if (!perp_group(pa->group) || (!pa->actor && !pa->named && !(pa->flags & (PF_COUNTRY | PF_CAPITAL))))
			continue;
		if (pa->t0 >= appeal_cue || (pa->role & PR_SOURCE))
			continue; /* addressed or speaking, not acting */
		int blamed = blame_at >= 0 && (int)pa->t0 > blame_at && (pa->flags & PF_LOC);
		if ((pa->flags & (PF_LOC | PF_FROM | PF_TO | PF_TARGET | PF_OF)) && !blamed && !member_of(d, it, pa))
			continue;
		int bg = -1;
		uint32_t bd = UINT32_MAX;
		for (uint32_t j = it->trig0; j < it->trig1; j++) {
			Trig *tr = &w->trig.v[j];
			if (tr->dropped || w->ti[tr->t0].clause != w->ti[pa->t0].clause)
				continue;
			uint32_t dist = span_dist(pa->t0, pa->t1, tr->t0, tr->t1);
			if (dist < bd) {
				bd = dist;
				bg = tr->group;
			}
		}
		pa->used = 1;
		if (bg >= 0) {
			ExParty ep;
			party_copy(d, pa, &ep);
			ExEvent *e = &w->evm.v[base + bg].ev;
			party_push(e->perps, &e->nperps, EX_MAX_PARTIES, &ep, d->x);
		}
	}
	for (int g = 0; g < ngroups; g++) {
		ExEvent *e = &w->evm.v[base + g].ev;
		if (e->nperps)
			continue;
		uint32_t t0 = group_t0(w, it, g);
		for (uint32_t p = it->party0; p < it->party1; p++) {
			const Party *pa = &w->party.v[p];
			if (!pa->used || w->ti[pa->t0].clause != w->ti[t0].clause)
				continue;
			ExParty ep;
			party_copy(d, pa, &ep);
			party_push(e->perps, &e->nperps, EX_MAX_PARTIES, &ep, d->x);
		}
	}
	/* "Soldiers who arrived during the attack fired tear gas …": the subject before its
	   relative clause */
	for (int g = 0; g < ngroups; g++) {
		ExEvent *e = &w->evm.v[base + g].ev;
		if (e->nperps)
			continue;
		for (uint32_t p = it->party0; p < it->party1; p++) {
			const Party *pa = &w->party.v[p];
			if (pa->t0 > s->t0 + 1 || pa->t1 >= s->t1 || !tok_eq(d, pa->t1, "who") || !perp_group(pa->group) ||
			    (!pa->actor && !pa->named && !(pa->flags & (PF_COUNTRY | PF_CAPITAL))) || (pa->role & PR_SOURCE))
				continue;
			ExParty ep;
			party_copy(d, pa, &ep);
			party_push(e->perps, &e->nperps, EX_MAX_PARTIES, &ep, d->x);
		}
	}
	/* "The attackers … They also took away eleven women": "they" opening the sentence
	   are those who did the incident told just before */
	if (base > 0 && (tok_eq(d, s->t0, "they") || (tok_eq(d, s->t0, "the") && s->t0 + 1 < s->t1 &&
	                                               (tok_eq(d, s->t0 + 1, "attackers") || tok_eq(d, s->t0 + 1, "assailants") ||
	                                                tok_eq(d, s->t0 + 1, "gunmen")))))
		for (int g = 0; g < ngroups; g++) {
			ExEvent *e = &w->evm.v[base + g].ev;
			const ExEvent *pv = &w->evm.v[base - 1].ev;
			if (pv->evidence[0].sentence + 2 < si || !pv->nperps || e->status != ST_OCCURRED)
				continue;
			int generic = 1;
			for (int k = 0; k < e->nperps; k++)
				generic &= e->perps[k].group == G_ARMED_GROUP && !strcmp(ex_str(d->x, e->perps[k].name), "gunmen");
			if (!generic)
				continue;
			for (int k = 0; k < pv->nperps; k++)
				party_push(e->perps, &e->nperps, EX_MAX_PARTIES, &pv->perps[k], d->x);
		}
	/* "the government of Kenya announced that it will close the camp": the one who
	   speaks is the one who acts when a pronoun takes it up after "that" */
	for (int g = 0; g < ngroups; g++) {
		ExEvent *e = &w->evm.v[base + g].ev;
		if (e->nperps)
			continue;
		uint32_t t0 = group_t0(w, it, g);
		/* "that it", "that they" before the trigger in its clause */
		uint32_t that = UINT32_MAX;
		for (uint32_t u = t0; u > s->t0 + 1 && t0 - u < 8; u--)
			if (tok_eq(d, u - 2, "that") && (tok_eq(d, u - 1, "it") || tok_eq(d, u - 1, "they"))) {
				that = u - 2;
				break;
			}
		if (that == UINT32_MAX || that == s->t0 || !(w->ti[that - 1].cue_end & BIT(C_SOURCE)))
			continue;
		for (uint32_t p = it->party0; p < it->party1; p++) {
			const Party *pa = &w->party.v[p];
			if (pa->t1 > that - 1 || pa->t1 + 2 < that || !perp_group(pa->group))
				continue;
			ExParty ep;
			party_copy(d, pa, &ep);
			party_push(e->perps, &e->nperps, EX_MAX_PARTIES, &ep, d->x);
		}
	}
	/* targets: the people it was done to */
	for (uint32_t p = it->party0; p < it->party1; p++) {
		const Party *pa = &w->party.v[p];
		if (pa->group != G_PROTECTED)
			continue;
		for (uint32_t j = it->trig0; j < it->trig1; j++) {
			Trig *tr = &w->trig.v[j];
			if (tr->dropped || w->ti[tr->t0].clause != w->ti[pa->t0].clause)
				continue;
			ExParty ep;
			party_copy(d, pa, &ep);
			ExEvent *e = &w->evm.v[base + tr->group].ev;
			party_push(e->targets, &e->ntargets, EX_MAX_PARTIES, &ep, d->x);
			break;
		}
	}
	/* counts: to the nearest incident, in the clause first */
	for (uint32_t k = it->count0; k < it->count1; k++) {
		const CountIt *ci = &w->count.v[k];
		int bg = -1;
		uint32_t bd = UINT32_MAX;
		for (int pass = 0; pass < 2 && bg < 0; pass++)
			for (uint32_t j = it->trig0; j < it->trig1; j++) {
				Trig *tr = &w->trig.v[j];
				if (tr->dropped || (!pass && w->ti[tr->t0].clause != w->ti[ci->t0].clause))
					continue;
				uint32_t dist = span_dist(ci->t0, ci->t1, tr->t0, tr->t1);
				if (dist < bd) {
					bd = dist;
					bg = tr->group;
				}
			}
		if (bg >= 0)
			count_apply(&w->evm.v[base + bg].ev, ci);
	}
}

/* ---- pass 3: one record per incident and per appeal ---- */

static int places_merge(const Extraction *x, const ExPlace *a, const ExPlace *b)
{
	if (!a->name || !b->name)
		return 1;
	if (a->entry && b->entry && strcmp(ex_str(x, a->name), ex_str(x, b->name)) == 0)
		return 1;
	if (!a->entry && !b->entry && strcasecmp(ex_str(x, a->name), ex_str(x, b->name)) == 0)
		return 1;
	/* a region the gazetteer does not know may hold the other; one it knows holds the
	   places of its country */
	if ((!a->entry && (a->type == P_REGION || a->type == P_DISTRICT)) ||
	    (!b->entry && (b->type == P_REGION || b->type == P_DISTRICT)))
		return 1;
	if ((a->type == P_REGION || b->type == P_REGION) && a->country >= 0 && a->country == b->country)
		return 1;
	/* a camp and the town or city it is in ("the Yarmouk camp in Damascus"), known to be
	   in the same country */
	if (((a->type == P_CAMP && (b->type == P_CITY || b->type == P_TOWN)) ||
	     (b->type == P_CAMP && (a->type == P_CITY || a->type == P_TOWN))) &&
	    a->country >= 0 && a->country == b->country)
		return 1;
	/* a country and a place in it */
	if (a->type == P_COUNTRY && b->country == a->country && a->country >= 0)
		return 1;
	if (b->type == P_COUNTRY && a->country == b->country && b->country >= 0)
		return 1;
	return 0;
}

static int dates_merge(const ExEvent *a, const ExEvent *b)
{
	if (a->status == ST_THREATENED)
		return 1; /* a threat repeated with another deadline is the same threat */
	if (!a->date_start.y || !b->date_start.y || a->date_ongoing || b->date_ongoing)
		return 1;
	/* a date borrowed from the sentence before gives way, but not to one more than a year
	   away ("what happened on Monday night. … mortar shells fell" is not the raid "in July
	   2009" recalled later) */
	if (a->date_borrowed || b->date_borrowed) {
		Ymd ae0 = a->date_end.y ? a->date_end : a->date_start, be0 = b->date_end.y ? b->date_end : b->date_start;
		long gap1 = (b->date_start.y - ae0.y) * 12L + (b->date_start.m ? b->date_start.m : 1) - (ae0.m ? ae0.m : 12);
		long gap2 = (a->date_start.y - be0.y) * 12L + (a->date_start.m ? a->date_start.m : 1) - (be0.m ? be0.m : 12);
		return gap1 <= 12 && gap2 <= 12;
	}
	Ymd ae = a->date_end.y ? a->date_end : a->date_start, be = b->date_end.y ? b->date_end : b->date_start;
	if ((a->date_flags & DS_SINCE) || (b->date_flags & DS_SINCE))
		return ymd_cmp(a->date_start, b->date_start) == 0;
	return ymd_cmp(a->date_start, be) <= 0 && ymd_cmp(b->date_start, ae) <= 0;
}

static int date_precision(Ymd v)
{
	return !v.y ? 0 : !v.m ? 1 : !v.d ? 2 : 3;
}

/* Can two incidents told in different sentences be the same one, by kind? Also an order
   to leave by a day and the ultimatum to leave by that same day ("gives the residents until
   15 February to leave" … "leave by 15 February or we will come for you"). */
static int events_kinds_merge(const ExEvent *a, const ExEvent *b)
{
	if (kinds_merge(a->kind, b->kind))
		return 1;
	if (a->status != ST_THREATENED || b->status != ST_THREATENED || !(a->ultimatum || b->ultimatum))
		return 0;
	const ExEvent *r = a->ultimatum ? b : a;
	return r->kind == K_RELOCATION && a->date_start.d && b->date_start.d && ymd_cmp(a->date_start, b->date_start) == 0;
}

static void merge_event(Extraction *x, ExEvent *into, const ExEvent *e)
{
	/* an arrest told first stays one when the men are then "taken away" (and a
	   disappearance told first stays one when they are then "detained") */
	int held = (into->kind == K_ARREST && e->kind == K_ABDUCTION) || (into->kind == K_ABDUCTION && e->kind == K_ARREST);
	if (kind_prio(e->kind) > kind_prio(into->kind) && !held)
		into->kind = e->kind;
	into->ultimatum |= e->ultimatum;
	if (into->ultimatum)
		into->kind = K_ATTACK;
	if (!into->place.name || (e->place.name && !e->place.inferred &&
	                          (into->place.inferred || place_rank(e->place.type) > place_rank(into->place.type))))
		into->place = e->place;
	/* a year alone ("the second attack this year") says nothing new of a day in it */
	int within = date_precision(e->date_start) == 1 && !e->date_end.y && into->date_start.y == e->date_start.y &&
	             date_precision(into->date_start) > 1;
	if (e->date_start.y && !within &&
	    (!into->date_start.y || into->date_ongoing || (into->date_borrowed && !e->date_borrowed) ||
	                        (!e->date_ongoing && (!e->date_borrowed || into->date_borrowed) &&
	                         date_precision(e->date_start) > date_precision(into->date_start)))) {
		into->date_start = e->date_start;
		into->date_end = e->date_end;
		into->date_flags = e->date_flags;
		into->date_ongoing = e->date_ongoing;
		into->date_borrowed = e->date_borrowed;
	}
	for (int i = 0; i < e->nperps; i++)
		party_push(into->perps, &into->nperps, EX_MAX_PARTIES, &e->perps[i], x);
	for (int i = 0; i < e->ntargets; i++)
		party_push(into->targets, &into->ntargets, EX_MAX_PARTIES, &e->targets[i], x);
	const ExCount *from[4] = {&e->killed, &e->wounded, &e->detained, &e->residents};
	ExCount *to[4] = {&into->killed, &into->wounded, &into->detained, &into->residents};
	for (int i = 0; i < 4; i++)
		if (from[i]->min >= 0 || from[i]->max >= 0)
			count_add(to[i], from[i]->min, from[i]->max, from[i]->vague);
	for (int i = 0; i < e->nevidence; i++)
		evidence_add(into->evidence, &into->nevidence, e->evidence[i]);
}

/* A headline: a sentence that is a block of its own and does not end like a sentence
   (a title, a section heading, a related link: "Raid and arrests of 3 March"). */
static int sent_headline(const Doc *d, uint32_t si)
{
	const Work *w = d->w;
	const Sent *s = &w->sent.v[si];
	if (s->t1 <= s->t0)
		return 0;
	/* a block of its own, or a line of its own */
	int alone = !(si > 0 && w->sent.v[si - 1].block == s->block) &&
	            !(si + 1 < w->sent.n && w->sent.v[si + 1].block == s->block);
	int line = (s->t0 == 0 || (w->tok.v[s->t0].flags & (TK_NL | TK_PARA))) &&
	           (s->t1 >= w->tok.n || (w->tok.v[s->t1].flags & (TK_NL | TK_PARA)));
	if (!alone && !line)
		return 0;
	/* an entry of a log opens with its time ("[10/07/2012, 22:49] Clinic: …", "22:31 -
	   …"): a message, whatever it ends with */
	if (s->t0 + 2 < s->t1 && ((is_punct(d, s->t0, '[') && (w->tok.v[s->t0 + 1].flags & TK_NUM)) ||
	                          ((w->tok.v[s->t0].flags & TK_NUM) && is_punct(d, s->t0 + 1, ':') &&
	                           (w->tok.v[s->t0 + 2].flags & TK_NUM))))
		return 0;
	uint32_t last = s->t1 - 1;
	while (last > s->t0 && (w->tok.v[last].flags & TK_PUNCT) &&
	       (w->tok.v[last].punct == '"' || w->tok.v[last].punct == PU_RQUOTE || w->tok.v[last].punct == ')'))
		last--;
	return !(is_punct(d, last, '.') || is_punct(d, last, '!') || is_punct(d, last, '?') ||
	         is_punct(d, last, ':') || is_punct(d, last, ';'));
}

/* Every sentence of the incident is a headline. */
static int headline_only(const Doc *d, const ExEvent *e)
{
	for (int k = 0; k < e->nevidence; k++)
		if (!sent_headline(d, e->evidence[k].sentence))
			return 0;
	return e->nevidence > 0;
}

static void merge_events(Doc *d)
{
	Work *w = d->w;
	Extraction *x = d->x;
	for (size_t i = 0; i < w->evm.n; i++) {
		ExEvent *e = &w->evm.v[i].ev;
		if (!e->place.name && d->main_place >= 0) {
			const Place *m = &w->place.v[d->main_place];
			e->place.name = m->name;
			e->place.entry = m->entry;
			e->place.type = m->type;
			e->place.country = m->country;
			e->place.inferred = 1;
		}
		size_t j;
		for (j = 0; j < x->nevents; j++) {
			ExEvent *o = &x->events[j];
			if (o->status == e->status && events_kinds_merge(o, e) && places_merge(x, &o->place, &e->place) &&
			    dates_merge(o, e) && !(w->evm.v[i].another && e->status == ST_OCCURRED && !headline_only(d, o)) &&
			    !(w->evm.v[i].also && o->kind != e->kind))
				break;
		}
		/* an undated telling ("Residents said the men were beaten and houses were
		   searched") goes on with the latest incident it can be, not the first */
		if (j < x->nevents && (!e->date_start.y || e->date_borrowed)) {
			/* the one told in the sentence just before, when it can be ("On Wednesday,
			   border guards opened fire ….¶ Relatives said five men were killed") */
			uint32_t sen = e->evidence[0].sentence;
			for (size_t k = 0; k < x->nevents; k++) {
				ExEvent *o = &x->events[k];
				int last = 0;
				for (int q = 0; q < o->nevidence; q++)
					last |= o->evidence[q].sentence + 1 == sen;
				if (last && o->status == e->status && events_kinds_merge(o, e) && places_merge(x, &o->place, &e->place)) {
					j = k;
					goto found;
				}
			}
		}
		if (j < x->nevents && (!e->date_start.y || e->date_borrowed))
			for (size_t k = x->nevents; k > j + 1; k--) {
				ExEvent *o = &x->events[k - 1];
				if (o->status == e->status && events_kinds_merge(o, e) && places_merge(x, &o->place, &e->place)) {
					j = k - 1;
					break;
				}
			}
	found:;
		/* a title names the place loosely ("strike on Tripoli centre" for a centre in
		   Tajoura, east of Tripoli): the body's first telling of the same kind is it */
		int loose = 0;
		for (size_t k = 0; j == x->nevents && k < x->nevents; k++) {
			ExEvent *o = &x->events[k];
			if (o->status == e->status && events_kinds_merge(o, e) && dates_merge(o, e) &&
			    headline_only(d, o) && !headline_only(d, e)) {
				j = k;
				loose = 1;
			}
		}
		/* "the strike", "this attack": the last incident of its kind told before */
		for (size_t k = x->nevents; j == x->nevents && w->evm.v[i].anaphoric && k > 0; k--) {
			ExEvent *o = &x->events[k - 1];
			if (o->status == e->status && events_kinds_merge(o, e) && dates_merge(o, e)) {
				j = k - 1;
				e->place = o->place;
			}
		}
		if (j < x->nevents) {
			/* the body says where better than a title */
			if (e->place.name && !e->place.inferred && (loose || (headline_only(d, &x->events[j]) && !headline_only(d, e))))
				x->events[j].place = e->place;
			merge_event(x, &x->events[j], e);
			continue;
		}
		if (x->nevents == x->capevents) {
			x->capevents = x->capevents ? x->capevents * 2 : 16;
			x->events = xrealloc(x->events, x->capevents * sizeof *x->events);
		}
		x->events[x->nevents++] = *e;
	}
	/* the report's country: the one it names most, as a country or as a party's state
	   (a place the gazetteer does not know has none of its own) */
	int16_t doc_country = -1;
	enum { MAXC = 1024 };
	uint32_t cnt[MAXC] = {0};
	{
		uint32_t best = 0;
		for (size_t i = 0; i < w->place.n + w->party.n; i++) {
			/* countries named as such, their first-level regions ("Assam", "Darfur"),
			   and the states of parties; not a city's ("New York" in an address) */
			if (i < w->place.n && w->place.v[i].type != P_COUNTRY && w->place.v[i].type != P_REGION)
				continue;
			/* nor where people are sent or come from ("deported to Syria"), nor the
			   nationality of the people it befalls ("Syrian refugees" in Lebanon) */
			if (i < w->place.n && (w->place.v[i].prep == PP_TO || w->place.v[i].prep == PP_FROM))
				continue;
			if (i >= w->place.n && w->party.v[i - w->place.n].group == G_PROTECTED)
				continue;
			int16_t c = i < w->place.n ? w->place.v[i].country : w->party.v[i - w->place.n].country;
			if (c < 0 || c >= MAXC)
				continue;
			if (++cnt[c] > best) {
				best = cnt[c];
				doc_country = c;
			}
		}
		if (best < 2)
			doc_country = -1;
	}
	/* the one state whose forces the report names with their state, when it names one
	   only ("Israeli forces raided the camp in Tulkarm"): unqualified forces in another
	   state's place are its forces, not the place's state's */
	int16_t doc_forces = -1;
	for (size_t i = 0; i < w->party.n; i++) {
		const Party *pa = &w->party.v[i];
		/* a generic noun qualified by its state ("Israeli soldiers"), not a force that has
		   a state of its own ("Quds Force", named in a report on what Iraq's police did) */
		if (pa->group != G_STATE_FORCES || pa->country < 0 || pa->compose || (pa->role & PR_SOURCE) ||
		    !pa->actor || !(ent(d, pa->actor)->flags & LF_COMPOSE))
			continue;
		if (doc_forces >= 0 && doc_forces != pa->country) {
			doc_forces = -2;
			break;
		}
		doc_forces = pa->country;
	}
	/* a force named without its state: the state of the place ("police (Iraq)"), else
	   the report's */
	for (size_t i = 0; i < x->nevents; i++) {
		ExEvent *e = &x->events[i];
		/* a town of the gazetteer in a country the report never names, when it names
		   another: a namesake ("the Lilod Madaya district" in a report on the
		   Philippines is not Madaya in Syria), an unknown place of the report's country */
		if (e->place.entry && doc_country >= 0 && e->place.country >= 0 && e->place.country < MAXC &&
		    e->place.country != doc_country && !cnt[e->place.country] &&
		    (e->place.type == P_TOWN || e->place.type == P_CITY || e->place.type == P_DISTRICT)) {
			e->place.entry = 0;
			e->place.country = -1;
		}
		int16_t ec = e->place.country >= 0 ? e->place.country : doc_country;
		/* beside a state's forces named with their state ("Israeli forces … soldiers
		   imposed a curfew"), unqualified forces of the same incident are that state's */
		int named = 0;
		for (int k = 0; k < e->nperps; k++)
			if (e->perps[k].country >= 0 && !e->perps[k].inferred && state_group(e->perps[k].group)) {
				ec = e->perps[k].country;
				named = 1;
				break;
			}
		const LexCountry *c = lexicon_country(d->lx, ec);
		const LexCountry *fc = !named && doc_forces >= 0 && doc_forces != ec ? lexicon_country(d->lx, doc_forces) : NULL;
		for (int k = 0; k < e->nperps; k++) {
			ExParty *p = &e->perps[k];
			if (p->country < 0 && fc && p->group == G_STATE_FORCES) {
				Blob t = BLOB_INIT;
				blob_appendf(&t, "%s (%s)", ex_str(x, p->name), lstr(d, fc->name));
				p->name = str_add(x, blob_str(&t), t.len);
				blob_free(&t);
				p->country = doc_forces;
				p->inferred = 1;
				continue;
			}
			if (p->country >= 0 || !c || !state_group(p->group))
				continue;
			Blob t = BLOB_INIT; /* the name is in x->strs, which the append may move */
			blob_appendf(&t, "%s (%s)", ex_str(x, p->name), lstr(d, c->name));
			p->name = str_add(x, blob_str(&t), t.len);
			blob_free(&t);
			p->country = ec;
			p->inferred = 1;
		}
	}
	/* a report whose incidents all name one and the same perpetrator, a state's forces or
	   a group by its name, gives it to those that name none ("Russian forces shelled the
	   district …. Later that day, another shell hit a bus stop"): inferred, for review */
	{
		const ExParty *one = NULL;
		int many = 0, none = 0;
		for (size_t i = 0; i < x->nevents && !many; i++) {
			const ExEvent *e = &x->events[i];
			none += !e->nperps;
			for (int k = 0; k < e->nperps; k++) {
				const ExParty *p = &e->perps[k];
				if (!(state_group(p->group) ? p->country >= 0 : p->group == G_MILITIA || p->group == G_ARMED_GROUP))
					continue;
				if (!one)
					one = p;
				else if (strcmp(ex_str(x, one->name), ex_str(x, p->name)) != 0 &&
				         !(one->country >= 0 && one->country == p->country && state_group(one->group) &&
				           state_group(p->group)))
					many = 1;
			}
		}
		const char *gen = one ? ex_str(x, one->name) : "";
		/* "gunmen", "militias": no name to give */
		int named = one && (state_group(one->group) || (gen[0] >= 'A' && gen[0] <= 'Z'));
		for (size_t i = 0; one && named && !many && none && i < x->nevents; i++) {
			ExEvent *e = &x->events[i];
			/* a government that closes a camp did not shoot at its students */
			if (e->nperps || (one->group == G_GOVERNMENT && violent(e->kind)))
				continue;
			e->perps[0] = *one;
			e->perps[0].inferred = 2;
			e->nperps = 1;
		}
	}
}

/* Headlines inside a report are section headings over what it then tells (merged into
   it) or the titles of other reports (a site's list of links): an incident known only
   from such headlines is not recorded. The report's own title and subtitle (the first
   sentences) stand: the body may tell it in words the engine does not read. */
static void drop_headline_events(Doc *d)
{
	Extraction *x = d->x;
	size_t n = 0;
	for (size_t i = 0; i < x->nevents; i++) {
		const ExEvent *e = &x->events[i];
		int body = 0;
		for (int k = 0; k < e->nevidence && !body; k++)
			body = e->evidence[k].sentence < 3 || !sent_headline(d, e->evidence[k].sentence);
		if (body)
			x->events[n++] = *e;
	}
	x->nevents = n;
}

/* Whether an appeal asks only others than an earlier one does: "To the Government of Iraq:
   …" then "To UNHCR: …", "Write to the Secretary of State …" then "Call your Senators …"
   are two appeals, not one. */
static int new_addressees(const Extraction *x, const ExAppeal *o, const ExAppeal *a)
{
	if (!a->nto || !o->nto)
		return 0;
	for (int k = 0; k < a->nto; k++)
		for (int j = 0; j < o->nto; j++)
			if (strcmp(ex_str(x, a->to[k].name), ex_str(x, o->to[j].name)) == 0)
				return 0;
	return 1;
}

static void merge_appeals(Doc *d)
{
	Work *w = d->w;
	Extraction *x = d->x;
	uint8_t *by_letter = xcalloc(w->apm.n + 1, 1); /* the appeal began as a letter or petition */
	for (size_t i = 0; i < w->apm.n; i++) {
		AppMent *am = &w->apm.v[i];
		ExAppeal *a = &am->ap;
		ExAppeal *into = NULL;
		if (am->cont && x->nappeals)
			into = &x->appeals[x->nappeals - 1];
		/* "We ask …" right after an appeal: the same appellant goes on, and asks the same
		   people unless it names others ("We call on A … We also urge B …": two appeals; but
		   "Open Hands Medical calls on A … We ask B …", an organisation naming itself and
		   going on, and a letter or petition with the asks around it, stay one) */
		if (!into && !am->by_key && i > 0 && x->nappeals) {
			const AppMent *prev = &w->apm.v[i - 1];
			if (am->sent <= prev->sent + 2 && am->block <= prev->block + 1 &&
			    !((am->heading || (!am->noun && !(prev->noun && !sent_headline(d, prev->sent)) && !prev->named)) &&
			      new_addressees(x, &x->appeals[x->nappeals - 1], a)))
				into = &x->appeals[x->nappeals - 1];
		}
		/* appeals with no appellant named: the author's, one per date and addressees (each
		   item of a list of recommendations, each sentence asking others, its own) */
		for (size_t j = 0; !into && !am->by_key && j < x->nappeals; j++) {
			ExAppeal *o = &x->appeals[j];
			if (!o->nby && ymd_cmp(o->date, a->date) == 0 && date_precision(o->date) == date_precision(a->date) &&
			    !((am->heading || (!am->noun && !by_letter[j])) && new_addressees(x, o, a)))
				into = o;
		}
		for (size_t j = 0; !into && j < x->nappeals; j++) {
			ExAppeal *o = &x->appeals[j];
			if (am->by_key && o->nby && strcmp(ex_str(x, o->by[0].name), ex_str(x, am->by_key)) == 0 &&
			    !new_addressees(x, o, a) &&
			    ymd_cmp(o->date, a->date) == 0 && date_precision(o->date) == date_precision(a->date))
				into = o;
		}
		if (into) {
			for (int k = 0; k < a->nto; k++)
				party_push(into->to, &into->nto, EX_MAX_PARTIES * 2, &a->to[k], x);
			for (int k = 0; k < a->nby; k++)
				party_push(into->by, &into->nby, EX_MAX_PARTIES, &a->by[k], x);
			for (int k = 0; k < a->nevidence; k++)
				evidence_add(into->evidence, &into->nevidence, a->evidence[k]);
			if (into->demand_start == into->demand_end) {
				into->demand_start = a->demand_start;
				into->demand_end = a->demand_end;
			}
			continue;
		}
		/* an appeal is to someone: "called for his release" with no addressee, "calls
		   demanding ransom", is a demand told, not an appeal to record */
		if (a->nto == 0)
			continue;
		if (x->nappeals == x->capappeals) {
			x->capappeals = x->capappeals ? x->capappeals * 2 : 8;
			x->appeals = xrealloc(x->appeals, x->capappeals * sizeof *x->appeals);
		}
		by_letter[x->nappeals] = am->noun && !sent_headline(d, am->sent);
		x->appeals[x->nappeals++] = *a;
	}
	free(by_letter);
}

/* When the cleaner found no publication date: the first full date near the top of the
   report ("Sana'a, 9 August 2018", "GENEVA (20 June 2023)"), not a date standing alone on
   its line (a site's banner shows the day the page was saved). */
static Ymd date_from_text(Doc *d, int banner_too)
{
	Work *w = d->w;
	Ymd none = {0, 0, 0};
	for (size_t si = 0; si < w->sent.n && si < 8; si++) {
		const Sent *s = &w->sent.v[si];
		size_t at, n = s->end - s->start;
		const char *p = d->text + s->start;
		DateHit h;
		size_t k = date_find(p, n, none, &at, &h);
		if (!k || !h.has_year || !h.date.d || h.date.y < 1900 || h.date.y > 2100)
			continue;
		if (h.ambiguous && d->day_first) {
			int m = h.date.m;
			h.date.m = h.date.d;
			h.date.d = m;
		}
		/* what else the line says: a banner is only its date */
		size_t other = 0;
		for (size_t i = 0; i < n; i++)
			if ((i < at || i >= at + k) && ((p[i] | 32) >= 'a' && (p[i] | 32) <= 'z'))
				other++;
		if (other <= (h.weekday >= 0 ? 9 : 0) && !banner_too)
			continue;
		return h.date;
	}
	/* "Published March 2013", "Issued: June 2019": a month said to be the report's */
	for (size_t si = 0; si < w->sent.n && si < 8 && !banner_too; si++) {
		const Sent *s = &w->sent.v[si];
		if (s->t1 < s->t0 + 3 || !(tok_eq(d, s->t0, "published") || tok_eq(d, s->t0, "issued") ||
		                            tok_eq(d, s->t0, "released") || tok_eq(d, s->t0, "updated")))
			continue;
		size_t at, n = s->end - s->start;
		DateHit h;
		size_t k = date_find(d->text + s->start, n, none, &at, &h);
		if (k && h.has_year && h.date.m && h.date.y >= 1900 && h.date.y <= 2100 && at < 16)
			return h.date;
	}
	return none;
}

/* A letter's salutation, "Dear Secretary-General," or "Dear President Dorran,": the one
   addressee it names is who "you" is in the letter's appeals. */
static void find_salutation(Doc *d)
{
	Work *w = d->w;
	d->letter_to = -1;
	for (uint32_t si = 0; si < w->sent.n && si < 40; si++) {
		const Sent *s = &w->sent.v[si];
		const SentItems *it = &w->si.v[si];
		if (s->t1 <= s->t0 + 1 || s->t1 > s->t0 + 12 || !tok_eq(d, s->t0, "dear"))
			continue;
		for (uint32_t p = it->party0; p < it->party1; p++)
			if (party_is_addressee(&w->party.v[p])) {
				d->letter_to = (int32_t)p;
				return;
			}
		return;
	}
}

void extract_doc(const Lexicon *lx, const char *text, size_t len, const char *published, Extraction *x)
{
	Work *w = x->work;
	if (!w)
		w = x->work = xcalloc(1, sizeof *w);
	w->tok.n = w->sent.n = w->ment.n = 0;
	w->trig.n = w->party.n = w->place.n = w->date.n = w->count.n = w->si.n = w->evm.n = w->apm.n = 0;
	x->nevents = x->nappeals = 0;
	blob_reset(&x->strs);
	blob_putc(&x->strs, 0);
	x->lx = lx;
	x->nsentences = 0;
	if (len > (1u << 30))
		len = 1u << 30; /* offsets are 32-bit; no report comes near */
	Doc d = {lx, text, len, {0, 0, 0}, w, x, -1, -1, -1, -1, {0, 0, 0}, UINT32_MAX};
	Ymd ref;
	if (published && ymd_parse_iso(published, &ref))
		d.ref = ref;
	d.day_first = dates_day_first(text, len);
	tokenize(lx, text, len, &w->tok);
	split_sentences(lx, text, w->tok.v, w->tok.n, &w->sent);
	if (!d.ref.y)
		d.ref = date_from_text(&d, 0);
	if (!d.ref.y)
		d.line_date = date_from_text(&d, 1);
	x->ref = d.ref;
	x->nsentences = w->sent.n;
	if (w->tok.n + 1 > w->capti) {
		w->capti = w->tok.n + 1;
		w->ti = xrealloc(w->ti, w->capti * sizeof *w->ti);
		w->ment_at = xrealloc(w->ment_at, w->capti * sizeof *w->ment_at);
	}
	memset(w->ti, 0, (w->tok.n + 1) * sizeof *w->ti);
	for (uint32_t si = 0; si < w->sent.n; si++)
		read_sentence(&d, si);
	find_main_place(&d);
	find_salutation(&d);
	for (uint32_t si = 0; si < w->sent.n; si++) {
		Ymd hd;
		d.hdays += heading_day(&d, si, &hd);
	}
	for (uint32_t si = 0; si < w->sent.n; si++) {
		size_t before = w->apm.n;
		read_events(&d, si);
		for (size_t k = before; k < w->apm.n; k++)
			evidence_add(w->apm.v[k].ap.evidence, &w->apm.v[k].ap.nevidence, sentence_span(&d, si));
	}
	merge_events(&d);
	drop_headline_events(&d);
	merge_appeals(&d);
}

void extraction_free(Extraction *x)
{
	Work *w = x->work;
	if (w) {
		free(w->tok.v);
		free(w->sent.v);
		free(w->ment.v);
		free(w->ti);
		free(w->ment_at);
		free(w->trig.v);
		free(w->party.v);
		free(w->place.v);
		free(w->date.v);
		free(w->count.v);
		free(w->si.v);
		free(w->evm.v);
		free(w->apm.v);
		free(w);
	}
	free(x->events);
	free(x->appeals);
	blob_free(&x->strs);
	memset(x, 0, sizeof *x);
}
