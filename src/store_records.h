/*
** store_records.h — the records part of the store interface (included by store.h):
** incidents and the claims behind them, threats, appeals, population facts, places,
** actors, proposals under review, and the ledger.
**
** Reading: plain structs filled by *_get (free them with the matching *_free) and walks
** with callbacks (*_each: the struct handed to the callback is valid only during the
** call; a non-zero return from the callback stops the walk). Returns as in store.h: 0 ok,
** -1 error (store_error), lookups 1 found / 0 not found.
**
** Changing: callers never write records through these functions directly; they use the
** review actions of records.h (accept, reject, edit, merge, split, threat and appeal
** decisions), which keep the summaries, the source groups and the ledger in step. The
** write functions below are for records.c and ledger.c.
**
** How figures read: an incident's killed/wounded/detained is a Count built from the claims
** of every source — min is the lowest credible figure (ACLED's conservative rule), max the
** highest, sources the reports that gave one and independent how many of those are
** independent of each other (not the same publisher, not near-copies of one text). A
** person's edit overrides the sources for display and is kept beside them, with a reason.
*/
#ifndef VIGIL_STORE_RECORDS_H
#define VIGIL_STORE_RECORDS_H

#include "blob.h"

typedef struct Store Store;

/* A figure from the claims: "7–8 killed (3 sources, 2 independent)". */
typedef struct Count {
	long long min;   /* lowest credible figure; -1 when no source gave one */
	long long max;   /* highest figure any source gives (-1 when none) */
	int open;        /* a source gives only a lower bound ("over 100") reaching max: "7–8+" */
	int sources;     /* reports that gave a figure */
	int independent; /* independent groups among them */
	int edited;      /* 1 when a person's edit sets the figure */
} Count;

/* An incident (or, with status "threatened", a threat). Text fields may be NULL. */
typedef struct Incident {
	long long id;
	char *kind;                  /* attack shelling raid siege blockade killing arrest
	                                abduction relocation surveillance other */
	char *status;                /* occurred | threatened */
	char *date_start, *date_end; /* ISO at the precision known (2013, 2013-02, 2013-02-09);
	                                end NULL: a single day or period */
	char *place, *country, *admin1, *admin2;
	long long place_id;          /* the place record, 0 when the name matched none */
	double lat, lon;
	int has_coords;
	int geo_precision;           /* ACLED: 1 the exact place, 2 near it, 3 only the region; 0 unknown */
	char *perpetrators;          /* names separated by "; " (alleged perpetrators) */
	char *targets;               /* targeted persons or groups, "; "-separated */
	char *description;
	Count killed, wounded, detained;
	int sources, independent;    /* reports behind the incident; independent groups of them */
	/* threats (status threatened): */
	char *threat;                /* open | fulfilled | lapsed | withdrawn; NULL when occurred */
	char *announced;             /* earliest publication date of its sources */
	char *due;                   /* the date the threat names, when after the announcement */
	long long fulfilled_by;      /* the incident that carried it out, 0 */
	char *threat_note;           /* the reason given for the last threat decision */
	long long merged_into;       /* 0, or the incident this one was merged into */
	char *created_at, *updated_at;
	long long updated_unix;      /* updated_at as seconds since 1970 */
} Incident;

void incident_free(Incident *in);

/* What to list. Zero it for everything that is live (merged incidents are left out). */
typedef struct IncidentFilter {
	const char *kind;         /* exact kind */
	const char *status;       /* occurred | threatened */
	const char *threat;       /* threats in this state; "due": open and past their due date;
	                             "waiting": open and not (yet) due */
	const char *place;        /* case-insensitive substring of the place name */
	const char *actor;        /* case-insensitive substring of the perpetrators */
	const char *since, *until;/* ISO dates: incidents whose dates reach into [since, until] */
	const char *today;        /* for "due"; NULL: the current date */
	long long fulfilled_by;   /* threats carried out by this incident */
	long long place_id;       /* incidents at this place record */
	int include_merged;
	int newest_first;         /* order by date, newest first (default oldest first) */
	int by_id;                /* order by id (exports walking other tables beside it) */
	long long limit, offset;  /* limit 0: no limit */
} IncidentFilter;

int store_incident_get(Store *st, long long id, Incident *out);
int store_incidents_each(Store *st, const IncidentFilter *f,
                         int (*fn)(const Incident *in, void *ctx), void *ctx);
long long store_incident_count(Store *st, const IncidentFilter *f);

/* The sources of every incident, in incident id order: fn gets the incident id, the
   number of reports and their publishers (else source URL) "; "-separated. */
int store_incident_sources_each(Store *st, int (*fn)(long long incident, int reports, const char *names,
                                                     void *ctx), void *ctx);
/* Every report cited by a claim, an appeal or a population fact, in id order. */
int store_cited_reports_each(Store *st, int (*fn)(long long report, void *ctx), void *ctx);

/* One source's statement of one field of an incident, or a person's edit of it. */
typedef struct Claim {
	long long id, incident_id;
	char *field;       /* kind status date place coords perpetrator target killed wounded
	                      detained description */
	char *value;       /* text value: a kind, a name, a date "START" or "START/END", "lat,lon";
	                      NULL for counts */
	long long min, max;/* counts: max -1 when open-ended; -1/-1 for other fields */
	char *extra;       /* JSON object with more (place: country, admin1, admin2, precision) or NULL */
	long long report_id;   /* 0: a person's edit, see who and reason */
	long long proposal_id; /* the proposal it was accepted from, 0 */
	int group;         /* source group: claims whose reports share a group are not independent */
	char *quote;       /* the sentence it came from, NULL for edits */
	long long start, end, orig_start, orig_end; /* byte offsets in the cleaned text and in the
	                                               original; -1 when unknown */
	char *publisher, *published, *title; /* of the report */
	char *who, *reason, *at;
} Claim;

void claim_free(Claim *c);
/* The claims of an incident in the order they were made. */
int store_claims_each(Store *st, long long incident_id, int (*fn)(const Claim *c, void *ctx), void *ctx);

/* The claims of an incident (views, valid during fn) with what its web page shows of the
   report each cites: its title (or file name), source and cleaned text (text NULL when the
   claim cites none or the report is gone). One statement. */
typedef struct ClaimReport {
	const char *title, *source, *text;
	size_t text_len;
} ClaimReport;
int store_claims_with_reports(Store *st, long long incident_id,
                              int (*fn)(const Claim *c, const ClaimReport *r, void *ctx), void *ctx);

/* The claims and appeal links of many incidents asked for in increasing id order (an
   export): one walk over each table beside the incidents instead of two queries an
   incident. */
typedef struct IncidentCursor IncidentCursor;
IncidentCursor *store_incident_cursor(Store *st);
/* The appeals about `incident` (fn gets appeal id, incident id), and its claims (as
   store_claims_each, but a claim's strings last only while fn runs); each call's ids must
   increase from call to call. -1 on a store error. */
int store_incident_cursor_links(IncidentCursor *c, long long incident,
                                int (*fn)(long long appeal, long long incident, void *ctx), void *ctx);
int store_incident_cursor_claims(IncidentCursor *c, long long incident, int (*fn)(const Claim *c, void *ctx),
                                 void *ctx);
void store_incident_cursor_free(IncidentCursor *c);

/* A proposal under review (see store_proposal_add in store.h). */
typedef struct Proposal {
	long long id, report_id;
	char *type;        /* event | appeal */
	char *json;        /* the extraction format */
	char *state;       /* pending | accepted | rejected */
	char *created_at;
	long long incident_id, appeal_id; /* where it was accepted, 0 */
	char *reviewed_by, *reviewed_at, *reason;
} Proposal;

void proposal_free(Proposal *p);
int store_proposal_get(Store *st, long long id, Proposal *out);
/* Proposals in id order; state NULL: any; report_id 0: any report. */
int store_proposals_each(Store *st, const char *state, long long report_id,
                         int (*fn)(const Proposal *p, void *ctx), void *ctx);

/* An appeal to an authority, and what came of it. */
typedef struct Appeal {
	long long id;
	char *date;                /* ISO */
	char *by, *to;             /* "; "-separated names */
	char *demand;
	char *response;            /* none | acknowledged | answered | acted */
	char *response_date;
	long long response_report; /* the report that tells of the response, 0 */
	char *response_note;
	int sources;
	char *created_at, *updated_at;
} Appeal;

typedef struct AppealSource {
	long long appeal_id, report_id, proposal_id;
	char *quote;
	long long start, end, orig_start, orig_end;
	char *publisher, *published, *title;
} AppealSource;

void appeal_free(Appeal *a);
int store_appeal_get(Store *st, long long id, Appeal *out);
/* Appeals by date; to: case-insensitive substring of the addressees (NULL any); since: ISO or NULL. */
int store_appeals_each(Store *st, const char *to, const char *since,
                       int (*fn)(const Appeal *a, void *ctx), void *ctx);
int store_appeal_sources_each(Store *st, long long appeal_id,
                              int (*fn)(const AppealSource *s, void *ctx), void *ctx);
/* The incidents an appeal is about (appeal_id), or the appeals about an incident
   (appeal_id 0, incident_id): fn gets (appeal id, incident id). */
int store_appeal_links_each(Store *st, long long appeal_id, long long incident_id,
                            int (*fn)(long long appeal, long long incident, void *ctx), void *ctx);

/* One source's count of the residents of a place on a date, and their legal status. */
typedef struct PopulationFact {
	long long id;
	char *place, *date;
	long long min, max;     /* residents; max -1 open-ended; min -1 when only a status */
	char *legal_status;     /* e.g. "protected persons", "asylum seekers"; NULL */
	long long report_id, proposal_id;
	char *quote;
	long long start, end, orig_start, orig_end;
	char *publisher, *published;
	char *who, *at;
} PopulationFact;

/* Facts by place then date; place NULL: every place (exact, case-insensitive otherwise). */
int store_population_each(Store *st, const char *place,
                          int (*fn)(const PopulationFact *p, void *ctx), void *ctx);

/* Places and actors: records loaded from data/places.tsv and data/actors.tsv, editable. */
typedef struct Place {
	long long id;
	char *name, *aliases;  /* aliases separated by "|" */
	char *country, *admin1, *admin2;
	double lat, lon;
	int has_coords, geo_precision;
	long long incidents;   /* live incidents there */
} Place;

typedef struct Actor {
	long long id;
	char *name, *aliases;  /* aliases separated by "|" */
	char *group;           /* state forces, militia, government, agency, … */
	char *country;
	long long incidents;   /* live incidents naming it among the perpetrators */
} Actor;

void place_free(Place *p);
void actor_free(Actor *a);
int store_places_each(Store *st, int (*fn)(const Place *p, void *ctx), void *ctx);
int store_place_get(Store *st, long long id, Place *out);
int store_actors_each(Store *st, int (*fn)(const Actor *a, void *ctx), void *ctx);
int store_actor_get(Store *st, long long id, Actor *out);

/* Killed, wounded (lowest credible figures) and incidents per month (YYYY-MM) of live
   occurred incidents with a known month, in order. */
int store_tally_months(Store *st, int (*fn)(const char *month, long long incidents, long long killed,
                                            long long wounded, void *ctx), void *ctx);

/* The ledger: every change, in order, hash-chained (see ledger.c). */
typedef struct LedgerEntry {
	long long seq;
	const char *at, *who, *action;
	const char *records;  /* "TYPE/ID=DIGEST …": the records it changed, digests after */
	const char *payload;  /* canonical JSON: what was done */
	const char *prev, *hash;
} LedgerEntry;

/* Entries from seq from_seq on; record "incident/5": only those that changed it. */
int store_ledger_each(Store *st, const char *record, long long from_seq,
                      int (*fn)(const LedgerEntry *e, void *ctx), void *ctx);
/* The last entry's seq and hash (0 and 64 zeros when the ledger is empty). */
int store_ledger_head(Store *st, long long *seq, char hash[65]);

/* ---- for records.c and ledger.c ---- */

int store_ledger_insert(Store *st, const LedgerEntry *e);
/* Record digests come in versions (docs/ledger.md has the exact bytes of each): 1, the
   first ("name:type:length:bytes" per column), and 2, a compact binary encoding that is
   cheaper to produce and to hash. New entries of the ledger record version 2; a record is
   checked with the version its last entry names. */
#define RECORD_DIGEST_V1 1
#define RECORD_DIGEST_V2 2
#define RECORD_DIGEST_CURRENT RECORD_DIGEST_V2

/* The digest of a record ("incident", 5) as stored now, in a version (1 or 2):
   BLAKE2b-256 hex of its row and its dependent rows (claims of an incident, sources and
   links of an appeal, review of a proposal). Returns 1, or 0 when there is no such
   record, -1 on a store error or an unknown type or version. */
int store_record_digest(Store *st, const char *type, long long id, int version, char out[65]);
/* Which version to digest a record (type, id) with: 1 or 2 (any other value: the current) */
typedef int (*RecordVersionFn)(const char *type, long long id, void *ctx);
/* Called with each record's digest (the 32 bytes, not hex) and the version it is in;
   returning non-zero stops the walk. */
typedef int (*RecordDigestFn)(const char *type, long long id, int version, const unsigned char digest[32],
                              void *ctx);
/* Every record of one type ("incident") with its digest, in id order; pick (NULL: the
   current version for all) chooses each record's version. */
int store_record_digests(Store *st, const char *type, RecordVersionFn pick, RecordDigestFn fn, void *ctx);
/* The same for the records of one type whose ids are lo to hi (and their dependent rows),
   so that parts of a type can be read apart, in two threads. */
int store_record_digests_range(Store *st, const char *type, long long lo, long long hi, RecordVersionFn pick,
                               RecordDigestFn fn, void *ctx);
/* Sets the connection's page cache to mb megabytes (SQLite's default is 2): for a long
   write transaction that touches pages all over the indexes. 0 or -1. */
int store_cache_mb(Store *st, int mb);
/* The smallest and largest id of a type's records; lo > hi when there is none. 0 or -1. */
int store_record_id_range(Store *st, const char *type, long long *lo, long long *hi);
/* The same for every type, type by type. */
int store_records_digest_each(Store *st, RecordVersionFn pick, RecordDigestFn fn, void *ctx);
/* Every original: fn gets the key hash, the content, and whether a report refers to it. */
int store_originals_each(Store *st, int (*fn)(const char *sha256, const void *data, size_t len,
                                              void *ctx), void *ctx);
/* Reports whose sha256 has no original. Calls fn(report id). */
int store_reports_orphaned_each(Store *st, int (*fn)(long long report, void *ctx), void *ctx);
/* 1 when the append-only triggers of the ledger are in place. */
int store_ledger_protected(Store *st);

/* Incident writes. The summary columns are written by store_incident_set_summary. */
int store_incident_new(Store *st, const char *kind, const char *status, const char *now, long long *id);
int store_incident_set_summary(Store *st, const Incident *in);
int store_incident_set_threat(Store *st, long long id, const char *threat, long long fulfilled_by,
                              const char *note, const char *now);
int store_incident_set_merged(Store *st, long long id, long long into, const char *now);
int store_claim_add(Store *st, const Claim *c, long long *id);
int store_claims_move(Store *st, long long from, long long to, long long proposal_id, long long claim_id);
int store_claim_set_group(Store *st, long long claim_id, int group);
/* Live incidents that may be the same event: same status, the same place (place record
   place_id, else the same name, case-insensitive), and some day in [lo, hi] (full ISO
   dates). fn gets each candidate. */
int store_incident_candidates(Store *st, const char *status, long long place_id, const char *place,
                              const char *lo, const char *hi,
                              int (*fn)(const Incident *in, void *ctx), void *ctx);

/* Where the accepted proposals of a report's type (event, appeal) went: fn(incident, appeal). */
int store_report_accepted_each(Store *st, long long report, const char *type,
                               int (*fn)(long long incident, long long appeal, void *ctx), void *ctx);
int store_proposal_review(Store *st, long long id, const char *state, long long incident_id,
                          long long appeal_id, const char *who, const char *reason, const char *now);

int store_appeal_new(Store *st, const Appeal *a, long long *id);
int store_appeal_update(Store *st, const Appeal *a);
int store_appeal_source_add(Store *st, const AppealSource *s);
int store_appeal_link(Store *st, long long appeal_id, long long incident_id);
int store_appeal_links_move(Store *st, long long from_incident, long long to_incident);

int store_population_add(Store *st, const PopulationFact *p, long long *id);

/* Places and actors by name or alias (case-insensitive); 1 found. */
int store_place_find(Store *st, const char *name, Place *out);
int store_actor_find(Store *st, const char *name, Actor *out);
int store_place_put(Store *st, const Place *p, long long *id);  /* insert, or update by id */
int store_actor_put(Store *st, const Actor *a, long long *id);

/* What independence is judged on, per report: a publisher key and a text signature. */
int store_report_sig_get(Store *st, long long report_id, Blob *publisher_key, Blob *sig);
int store_report_sig_put(Store *st, long long report_id, const char *publisher_key,
                         const void *sig, size_t sig_len);

/* A value of the database's own settings (meta table); 1 found. */
int store_meta_get(Store *st, const char *key, Blob *out);
int store_meta_put(Store *st, const char *key, const char *value);

#endif
