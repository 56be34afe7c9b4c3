/*
** lexicon.h — the extraction engine's dictionaries, read once from the data/ tables and
** compiled into one immutable matcher shared by every document (and thread).
**
**   kinds.tsv       trigger words and phrases of incidents -> kind
**   cues.tsv        the small words that decide status, negation, roles and appeals
**   actors.tsv      perpetrators, victims and sources: aliases -> name, group, country
**   addressees.tsv  those appeals are addressed to: aliases -> name, group, country
**   places.tsv      camps, towns, regions: aliases -> name, type, country, admin1, lat, lon
**   nations.tsv     countries: names, demonyms, centroid
**   numbers.tsv     number words and vague amounts ("seven", "dozens")
**
** A phrase lists its alternatives separated by '|' ("killed|slain|shot dead"); a word may
** itself be a group of alternatives in parentheses ("(forcibly|forced) ... (moved|evicted)");
** "..." stands for a gap of up to four words without punctuation; an alternative starting
** with '=' matches only with the case as written ("=US"). Phrases are split into tokens by
** the same tokenizer as the reports, so "al-Maliki" or "U.S." in a table match the same
** text in a report.
*/
#ifndef VIGIL_LEXICON_H
#define VIGIL_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "blob.h"

/* What an entry is. */
enum { LX_KIND = 1, LX_CUE, LX_ACTOR, LX_ADDRESSEE, LX_PLACE, LX_COUNTRY, LX_NUMBER };

/* Incident kinds (LX_KIND sub), in the order of the contract. */
enum {
	K_NONE, K_ATTACK, K_SHELLING, K_RAID, K_SIEGE, K_BLOCKADE, K_KILLING, K_ARREST,
	K_ABDUCTION, K_RELOCATION, K_SURVEILLANCE, K_OTHER, K_COUNT
};

/* Cue classes (LX_CUE sub): see data/cues.tsv for what each is for. */
enum {
	C_NONE, C_THREAT, C_THREAT_AFTER, C_NEGATION, C_ZERO, C_APPEAL, C_APPEAL_FOR, C_APPEAL_NOUN,
	C_PROTECT, C_BY, C_BLAME, C_TARGET, C_LOC, C_FROM, C_TO, C_SOURCE, C_PASSIVE, C_CLAUSE,
	C_ANAPHOR, C_ABBREV, C_KILLED, C_WOUNDED, C_DETAINED, C_RESIDENTS, C_PEOPLE, C_PRESENT,
	C_MORE, C_LESS, C_ABOUT, C_UPTO, C_READER, C_PRONOUN, C_CONDITION, C_STARTER, C_DENY,
	C_IGNORE, C_WE, C_DET, C_IMPACT, C_SUBCOUNT, C_HEAD_STATE, C_HEAD_MILITIA, C_HEAD_GOV,
	C_HEAD_ORG, C_PLACE_HEAD, C_SUBORDINATOR, C_HONORIFIC, C_COUNT
};

/* Actor and addressee groups (LX_ACTOR / LX_ADDRESSEE sub). */
enum {
	G_NONE, G_STATE_FORCES, G_GOVERNMENT, G_MILITIA, G_ARMED_GROUP, G_AGENCY, G_NGO,
	G_PROTECTED, G_OPPOSITION, G_HEAD_OF_STATE, G_MINISTER, G_UN, G_RAPPORTEUR,
	G_PARLIAMENT, G_COURT, G_REGIONAL, G_DIPLOMAT, G_OFFICIAL, G_PUBLIC, G_COUNT
};

/* Place types (LX_PLACE sub). */
enum { P_NONE, P_CAMP, P_SITE, P_TOWN, P_CITY, P_DISTRICT, P_REGION, P_COUNTRY, P_COUNT };

/* Entry flags. */
enum {
	LF_COMPOSE = 1,   /* a generic noun ("forces", "government") a country can qualify */
	LF_CAPITAL = 2,   /* a place that is a capital: may stand for its government */
	LF_DEMONYM = 4,   /* a country entry written as its adjective ("Iraqi") */
	LF_ATLEAST = 8,   /* a number that is a lower bound ("dozens": 24 or more) */
	LF_NEEDCAMP = 16, /* a kind phrase that names an incident only when done to a camp */
	LF_WEAK = 32,     /* a kind phrase (a weapon) that needs an impact or another trigger */
	LF_PEOPLE = 64,   /* a kind phrase that names an incident only when done to people */
	LF_THREAT = 128,  /* a kind phrase that is itself an order or a deadline: threatened */
};

typedef struct LexEntry {
	uint8_t type;     /* LX_* */
	uint8_t sub;      /* kind, cue class, group or place type */
	uint8_t flags;    /* LF_* */
	uint8_t pad;
	int16_t country;  /* index into Lexicon.countries, -1 when none */
	int16_t pad2;
	uint32_t name;    /* canonical name: offset into Lexicon.strings (0: none) */
	uint32_t admin1;  /* first-level administrative area, offset into strings (0: none) */
	float lat, lon;   /* coordinates (places, countries); NAN when unknown */
	double value;     /* numbers; anaphors: the place type they refer to */
} LexEntry;

typedef struct LexCountry {
	char iso3[4];
	uint32_t name, demonym; /* offsets into strings */
	uint32_t place;         /* its LX_PLACE entry (type P_COUNTRY) */
} LexCountry;

typedef struct Lexicon Lexicon;

/* Reads every table from dir (data/). Returns NULL with a one-line reason in err when a
   table is missing or malformed (the line is named). */
Lexicon *lexicon_load(const char *dir, Blob *err);
void lexicon_free(Lexicon *lx);
/* The lexicon of the process: loaded from dir on the first call, then shared (read-only)
   by every caller and thread. NULL with the reason in err when it cannot be loaded. */
const Lexicon *lexicon_shared(const char *dir, Blob *err);

const LexEntry *lexicon_entry(const Lexicon *lx, uint32_t i);
const char *lexicon_str(const Lexicon *lx, uint32_t off);
const LexCountry *lexicon_country(const Lexicon *lx, int i);
size_t lexicon_size(const Lexicon *lx); /* number of entries */

const char *kind_name(int kind);     /* "attack" … ; "" for K_NONE */
const char *group_name(int group);   /* "state forces" … */
const char *place_type_name(int t);  /* "camp" … */

#endif
