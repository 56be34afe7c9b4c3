/*
** export.h — records written out for others: JSON objects of incidents, appeals and
** threats (shared by `vigil incident --json`, the exports and the web API), and the
** export formats (ACLED CSV, JSON, GeoJSON, Atom).
*/
#ifndef VIGIL_EXPORT_H
#define VIGIL_EXPORT_H

#include "blob.h"
#include "store.h"

/* An incident as a JSON object; with_claims adds every claim with its quote. Returns 0 or -1
   (store error). */
int incident_json(Blob *b, Store *st, const Incident *in, int with_claims);
/* A claim as the JSON object incident_json() lists, appended to the Blob ctx (after a
   comma unless the Blob ends in '['). Returns 0. */
int claim_json(const Claim *c, void *ctx);
/* An appeal as a JSON object with its sources and linked incidents. */
int appeal_json(Blob *b, Store *st, const Appeal *a);
/* A count as JSON: {"min":7,"max":8,"open":false,"sources":3,"independent":2,"edited":false}
   or null (open: the highest figure is a lower bound, "7–8+"). */
void count_json(Blob *b, const Count *c);

/* What to export. */
typedef struct ExportOpts {
	const char *format;  /* csv json geojson atom */
	const char *since, *until, *kind, *place;
	const char *status;  /* occurred | threatened: only those (the threats' feed), or NULL */
	const char *base;    /* URL the Atom feed links to (e.g. http://host:8080/), or NULL */
	int threats;         /* csv: include threats too (ACLED has none) */
	const char *datadir; /* where countries.tsv is (cli_datadir()) */
} ExportOpts;

/* Writes the export to out (streamed: fn is called with each chunk). Returns 0, or -1 with
   the reason in err. */
int export_write(Store *st, const ExportOpts *o, void (*fn)(const void *data, size_t len, void *ctx),
                 void *ctx, long long *count, Blob *err);

/* CSV cell quoting (RFC 4180) with formula neutralisation: a text cell starting with
   = + - @ tab or CR gets a leading apostrophe. */
void csv_cell(Blob *b, const char *s, int text);

#endif
