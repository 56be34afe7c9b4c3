/*
** extract.h — the extraction engine: reads a cleaned report and proposes the incidents,
** threats and appeals it describes, each tied to the sentences it came from.
**
** Pure code: text and metadata in, records out. No I/O, no database, no globals; the
** Lexicon (lexicon.h) is read once and shared read-only, so documents can be read in
** parallel threads, each with its own Extraction.
**
** THE JSON OF A RECORD (extract_event_json / extract_appeal_json; stored by `vigil add` as
** proposals, printed by `vigil extract --json` inside {"document", "events", "appeals"}).
** It is the contract of ../shared/corpus/README.md plus extra fields; a field that cannot
** be filled is null. Keep it stable: the records engine reads it.
**
** event:
**   kind          "attack" | "shelling" | "raid" | "siege" | "blockade" | "killing" |
**                 "arrest" | "abduction" | "relocation" | "surveillance" | "other"
**   status        "occurred" (happened or going on) | "threatened" (planned, warned of,
**                 announced, a deadline, conditional; not carried out in the text)
**   date          {"start", "end", "precision"}: ISO dates at the precision the text
**                 supports ("2013", "2013-02", "2013-02-09"); end is null for a single
**                 date; precision "year" | "month" | "day"; "since" true for "since
**                 January" (ongoing from start), "inferred" true when the year or the
**                 whole date came from the report's date (relative dates, missing years,
**                 a present-tense ongoing situation dated to the report's month). null
**                 when the text gives no date.
**   place         {"name", "type", "country", "admin1", "lat", "lon", "precision",
**                 "known"}: type "camp" | "site" | "town" | "city" | "district" |
**                 "region" | "country"; country ISO 3166 alpha-3; lat/lon from the
**                 gazetteer (null for places found only in the text, known false);
**                 precision "site" (camp, site), "town" (town, city, district), "region",
**                 "country"; "inferred" true when the sentence named no place and the
**                 report's main place (or the camp last named) was taken.
**   perpetrators  [{"name", "group", "country", "inferred"}]: name readable and carrying
**                 the state ("Iraqi police", "Quds Force (Iran)", "police (Iraq)");
**                 group "state forces" | "government" | "militia" | "armed group" |
**                 "head of state" | …; country ISO3 or null; inferred true when the
**                 country is the place's, not written, or the party is the one the
**                 report names for its other incidents and this one names none.
**   targets       [{"name", "group"}]: who it was done to when named (residents, refugees…)
**   killed, wounded, detained, residents
**                 {"min", "max"} (max null: open, "over 100"; "hundreds" is 200/null) or
**                 null. residents: people affected by a siege, blockade or relocation.
**   sentences     [n…]: indexes of the sentences of the cleaned text it came from
**   evidence      [{"start", "end", "quote"}] byte offsets into the cleaned text and the
**                 exact text there (the whole sentence); proposals add "orig_start",
**                 "orig_end": the same span in the original bytes.
** appeal:
**   date          "YYYY-MM-DD" (the date written in the sentence, else the report's date)
**                 or null
**   by            [{"name", "group"}]: who appeals (may be empty: "we", a campaign)
**   to            [{"name", "group", "country"}]: the addressees
**   demand        what is asked, as written (the clause after the addressees) or null
**   sentences, evidence   as for events
*/
#ifndef VIGIL_EXTRACT_H
#define VIGIL_EXTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "blob.h"
#include "dates.h"
#include "lexicon.h"

struct CleanDoc;

enum { ST_OCCURRED = 0, ST_THREATENED = 1 };

#define EX_MAX_PARTIES 8
#define EX_MAX_EVIDENCE 12

typedef struct ExCount {
	int64_t min, max; /* min < 0: no count; max < 0: open ("over 100") */
	uint8_t vague;    /* from a word like "dozens", given up for a written figure */
} ExCount;

/* A name is either an offset into Extraction.strs (from the text or composed) or 0. */
typedef struct ExParty {
	uint32_t name;    /* offset into strs */
	uint8_t group;    /* G_* */
	uint8_t inferred; /* 1: the country was inferred from the place; 2: the party itself,
	                     the report's only perpetrator, for an incident naming none */
	int16_t country;  /* index into the lexicon's countries, -1 when none */
} ExParty;

typedef struct ExPlace {
	uint32_t name;    /* offset into strs, 0 when there is no place */
	uint32_t entry;   /* gazetteer entry, 0 when the place was only found in the text */
	uint8_t type;     /* P_* */
	uint8_t inferred; /* not named in the sentence: the report's main place */
	int16_t country;
} ExPlace;

typedef struct ExSpan {
	uint32_t start, end; /* bytes of the cleaned text */
	uint32_t sentence;
} ExSpan;

typedef struct ExEvent {
	uint8_t kind, status;
	uint8_t date_flags; /* DS_* of the date */
	uint8_t date_ongoing; /* dated to the report because it is going on */
	uint8_t ultimatum;  /* an order to leave with a menace: a threatened attack */
	uint8_t date_borrowed; /* dated by an earlier sentence of its paragraph: gives way */
	Ymd date_start, date_end;
	ExPlace place;
	ExParty perps[EX_MAX_PARTIES];
	int nperps;
	ExParty targets[EX_MAX_PARTIES];
	int ntargets;
	ExCount killed, wounded, detained, residents;
	ExSpan evidence[EX_MAX_EVIDENCE];
	int nevidence;
} ExEvent;

typedef struct ExAppeal {
	Ymd date;
	ExParty by[EX_MAX_PARTIES];
	int nby;
	ExParty to[EX_MAX_PARTIES * 2];
	int nto;
	uint32_t demand_start, demand_end; /* bytes of the text; equal when none */
	ExSpan evidence[EX_MAX_EVIDENCE];
	int nevidence;
} ExAppeal;

typedef struct Extraction {
	ExEvent *events;
	size_t nevents, capevents;
	ExAppeal *appeals;
	size_t nappeals, capappeals;
	Blob strs;          /* names; offset 0 is "" */
	size_t nsentences;  /* sentences read */
	Ymd ref;            /* the date relative dates were resolved against (y == 0: none) */
	const Lexicon *lx;
	void *work;         /* scratch kept between documents (tokens, mentions …) */
	/* A big document read in parts (vigil extract): where this part's text and sentences
	   start in the whole; the JSON adds them to evidence offsets and sentence indexes.
	   extract_doc leaves them alone (0 unless the caller sets them). */
	uint64_t text_base;
	uint64_t sent_base;
} Extraction;

/* Reads text[0..len) (cleaned, UTF-8) published on published (ISO date or NULL) with the
   lexicon lx. out must be zeroed the first time; it can be reused for the next document
   (its memory is kept). Never fails: bad input gives fewer records. */
void extract_doc(const Lexicon *lx, const char *text, size_t len, const char *published,
                 Extraction *out);
void extraction_free(Extraction *x);

const char *ex_str(const Extraction *x, uint32_t off);

/* A text far bigger than a report is read in parts of about EXTRACT_PART_BYTES (the
   engine's working memory and time grow faster than the text within one document), each
   with the Extraction's text_base and sent_base set to where it starts in the whole.
   extract_part_end gives the end of the first part of buf[0..n): after a blank line, else
   a line end, else a space, else a UTF-8 character boundary; n when n is small enough. */
#define EXTRACT_PART_BYTES (1u << 20)
size_t extract_part_end(const char *buf, size_t n);

/* The JSON of one record (see above). text is the text that was read; doc, when not
   NULL, maps evidence to the original bytes (orig_start, orig_end). */
void extract_event_json(const Extraction *x, size_t i, const char *text,
                        const struct CleanDoc *doc, Blob *out);
void extract_appeal_json(const Extraction *x, size_t i, const char *text,
                         const struct CleanDoc *doc, Blob *out);

#endif
