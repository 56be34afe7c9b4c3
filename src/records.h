/*
** records.h — turning proposals into documentation: the review actions (accept, reject,
** edit, merge, split), threats and their outcomes, appeals and their responses,
** corroboration of sources, and the parsing of proposals.
**
** Every action runs in one transaction and appends to the ledger in it, so a record and
** the ledger never disagree. Actions return REC_OK (0), REC_INPUT (1: the request is
** wrong — unknown id, bad value — with a one-line reason in err, nothing changed) or
** REC_INTERNAL (2): the same numbers as vigil's exit codes, so a command returns them and
** a web handler maps them to 400 / 500.
*/
#ifndef VIGIL_RECORDS_H
#define VIGIL_RECORDS_H

#include <stddef.h>
#include <stdint.h>

#include "blob.h"
#include "store.h"

enum { REC_OK = 0, REC_INPUT = 1, REC_INTERNAL = 2 };

/* ---- proposals (the extraction format of ../shared/corpus/README.md) ---- */

typedef struct Evidence {
	char *quote;
	long long start, end, orig_start, orig_end; /* -1 when absent */
} Evidence;

typedef struct PCount {
	long long min, max; /* -1: absent / open-ended */
	int set;
} PCount;

/* One event or appeal of a proposal. Every string is NULL when absent. */
typedef struct ProposalRec {
	int appeal;                  /* 0: event, 1: appeal */
	char *kind, *status;         /* events */
	char *date_start, *date_end; /* ISO at any precision (appeals: date_start) */
	char *place, *country, *admin1, *admin2;
	double lat, lon;
	int has_coords, geo_precision;
	char **perpetrators, **targets; /* NULL-terminated lists */
	char **by, **to;             /* appeals */
	char *demand, *description, *legal_status;
	PCount killed, wounded, detained, residents;
	Evidence *evidence;
	size_t nevidence;
} ProposalRec;

/* Parses one record (an "events" or "appeals" item) from JSON text. Returns 0, or -1 with
   the reason in err. Unknown members are ignored; wrong types and values are errors. */
int proposal_parse(const char *json, size_t len, int appeal, ProposalRec *out, Blob *err);
void proposal_rec_free(ProposalRec *p);
/* Reads a document in the extraction format ({"events":[…],"appeals":[…]}, or a single
   event object) and calls fn with each item's canonical JSON text and type. */
int proposal_split_doc(const char *json, size_t len,
                       int (*fn)(const char *type, const char *item_json, void *ctx), void *ctx,
                       Blob *err);

struct Extraction;
struct CleanDoc;
/* Record i of the engine's x (an appeal when appeal is set, else an event) appended to out
   as the JSON the JSON path stores for it (extract_event_json / extract_appeal_json, then
   proposal_split_doc and proposal_fill_offsets), without writing or parsing JSON in
   between; text is the text x read, doc maps it to the original. Returns 0, or -1 when the
   record is one proposal_parse would refuse or jansson would not read (out then holds
   rubbish): the caller gives the whole document to the JSON path, whose error stands. */
int proposal_direct(const struct Extraction *x, int appeal, size_t i, const char *text,
                    const struct CleanDoc *doc, Blob *out);

/* Finds a quote in a report's cleaned text: byte for byte, or else with any run of white
   space matching any other. 1 with [*start, *end) of text, 0 when it is not there. */
int quote_find(const char *text, size_t len, const char *quote, size_t *start, size_t *end);
/* One item's canonical JSON with the offsets of its evidence filled in where they are
   missing: start/end by finding the quote in the cleaned text, orig_start/orig_end through
   the report's offset map. A new string (free it), or NULL when nothing was missing or
   could be found. */
char *proposal_fill_offsets(const char *item, const char *text, size_t tlen, const void *map, size_t mlen);

/* 1 when s is one of the incident kinds. */
int kind_valid(const char *s);
/* The family a kind belongs to for matching: violence, enforcement, restriction, … */
const char *kind_family(const char *kind);
/* 1 when s is an ISO date at some precision (2013, 2013-02, 2013-02-09) and nothing else. */
int iso_date_valid(const char *s);

/* ---- corroboration ---- */

#define SIG_HASHES 64
/* A MinHash signature of a text's word 5-shingles (SIG_HASHES 64-bit minimums). */
void text_signature(const char *text, size_t len, uint64_t sig[SIG_HASHES]);
/* Estimated Jaccard similarity of two signatures, 0..1. */
double signature_similarity(const uint64_t *a, const uint64_t *b);
/* Texts at least this similar are copies of one story, not independent sources. */
#define NEAR_DUPLICATE 0.5
/* The publisher key of a report: the publisher's name folded, else the source URL's host. */
void publisher_key(const char *publisher, const char *source, Blob *out);

/* Groups reports into independent sources: out[i] gets the group (1-based, by first
   appearance) of report i. Same publisher key or near-duplicate text = same group. */
int source_groups(Store *st, const long long *reports, size_t n, int *out);

/* The first and last full days of a date range at any precision ("2013-02" → 2013-02-01,
   2013-02-28); empty strings when start is not a date. */
void date_bounds(const char *start, const char *end, char first[11], char last[11]);
/* A full ISO day moved by n days ("" when day is not a full date). */
void date_shift(const char *day, long n, char out[11]);

/* Formats a count: "7", "7–8", "100+", "" when none. */
void count_format(Blob *b, long long min, long long max);
/* Formats an incident's figure: "7", "7–8", "7–8+" (the highest is a lower bound), "". */
void count_show(Blob *b, const Count *c);
/* Parses a count as typed by a person: "7", "7-8", "7–8", "100+". Returns 1 or 0. */
int count_parse(const char *s, long long *min, long long *max);

/* ---- review actions ---- */

typedef struct AcceptResult {
	long long incident_id, appeal_id, population_id;
	long long suggested;        /* a live incident that looks like the same event, 0 */
	long long threat_suggested; /* an open threat this occurred incident may fulfil, 0 */
	int merged;                 /* the claims went into an existing incident */
} AcceptResult;

/* Accepts a pending proposal: into incident `into` (0: a new one, or with auto_match the
   strongest matching incident when there is one). With res NULL the suggestions (an
   incident it looks like, a threat it may fulfil) are not looked up. */
int records_accept(Store *st, long long proposal, long long into, int auto_match, const char *who,
                   AcceptResult *res, Blob *err);
/* Accepts every pending proposal of a report, each into the incident it matches when the
   match is strong (`vigil add --accept`); counts them in *accepted. */
int records_accept_report(Store *st, long long report, const char *who, long *accepted, Blob *err);
int records_reject(Store *st, long long proposal, const char *reason, const char *who, Blob *err);
/* Stores proposals for a report from a document in the extraction format (hand-coded
   records, or tests); ids of the new proposals are appended to ids (may be NULL). */
int records_propose(Store *st, long long report, const char *json, size_t len, const char *who,
                    long long **ids, size_t *nids, Blob *err);
/* One proposal as it is stored: type "event" or "appeal", and its JSON (proposal_direct). */
typedef struct ProposalItem {
	const char *type;
	const char *json;
} ProposalItem;
/* Stores proposals already written and checked by proposal_direct for an existing report,
   with the ledger entry records_propose writes; in the caller's transaction if one is open. */
int records_propose_items(Store *st, long long report, const ProposalItem *items, size_t n, const char *who,
                          Blob *err);
/* FIELD=VALUE edits of an incident, each kept as a claim by `who` with the reason. */
int records_edit(Store *st, long long incident, char *const *assignments, size_t n, const char *reason,
                 const char *who, Blob *err);
/* The fields FIELD=VALUE may name, NULL-terminated (kind, status, … description). */
extern const char *const records_edit_fields[];

/* Checks one FIELD=VALUE as records_edit would: 0, or -1 with the reason in err. */
int edit_check(const char *assignment, Blob *err);
/* Merges incident b into a (b keeps its history and points at a). */
int records_merge(Store *st, long long a, long long b, const char *who, Blob *err);
/* Moves the claims of the given proposals and claim ids out of an incident into a new one. */
int records_split(Store *st, long long incident, const long long *proposals, size_t np,
                  const long long *claims, size_t nc, const char *who, long long *new_id, Blob *err);
/* A threat's outcome: "open", "fulfilled" (by incident `by`), "lapsed", "withdrawn". */
int records_threat(Store *st, long long threat, const char *state, long long by, const char *reason,
                   const char *who, Blob *err);
/* An appeal's response (none acknowledged answered acted), with its date, report and note. */
int records_appeal_respond(Store *st, long long appeal, const char *response, const char *date,
                           long long report, const char *note, const char *who, Blob *err);
int records_appeal_link(Store *st, long long appeal, long long incident, const char *who, Blob *err);
/* Changes a place (places 1) or an actor record, found by id, name or alias, with
   FIELD=VALUE assignments (place: name, aliases, country, admin1, admin2, coords LAT,LON,
   precision 1-3; actor: name, aliases, group, country), or adds one named key (add 1).
   The incidents at an edited place are refreshed; one ledger entry for it all. */
int records_dictionary_edit(Store *st, int places, const char *key, int add, char *const *assignments, size_t n,
                            const char *reason, const char *who, long long *id, Blob *err);

/* Recomputes an incident's summary from its claims (and its source groups). */
int records_refresh(Store *st, long long incident, Blob *err);

/* The best live incident matching a proposed event (0 when none), and its score 0..1. */
long long records_match(Store *st, const ProposalRec *p, long long exclude, double *score);
/* The occurred incident that most likely carried out an open threat (same kind family and
   place, between its announcement and 30 days after its due date), 0 when none. */
long long records_threat_fulfilment(Store *st, const Incident *threat);
/* The open threat an occurred incident most likely fulfils, 0 when none. */
long long records_threat_match(Store *st, long long incident);

/* Loads data/places.tsv and data/actors.tsv into the place and actor records: names not
   yet known are added (ledgered); records already there are left as edited. */
int records_load_dictionaries(Store *st, const char *datadir, const char *who, Blob *err);

/* Called by `vigil add` inside a new report's transaction, before anything is read from
   the report: records the report in the ledger (its proposals get entries of their own). capture, when the report was fetched from the web, is the
   capture's JSON object (fetch_capture_json), kept in the entry's payload. */
int records_report_added(Store *st, long long report, const char *who, const char *capture, Blob *err);
/* The capture of a report fetched from the web, as its report.add ledger entry keeps it:
   a JSON object (keys content_type, etag, fetched_at, final_url, last_modified, status,
   url) appended to json. Returns 1, 0 when the report was not fetched, -1 on a store
   error. */
int records_report_capture(Store *st, long long report, Blob *json);

#endif
