/*
** ingest.h — storing one report from its bytes, shared by `vigil add` and the web
** server's upload form, so both keep the same original, provenance, cleaning and reading.
*/
#ifndef VIGIL_INGEST_H
#define VIGIL_INGEST_H

#include <stddef.h>

#include "lexicon.h"
#include "store.h"

/* Provenance given by whoever adds reports. */
typedef struct AddOpts {
	const char *source, *received, *by; /* NULL: none, now, cli_user(NULL) */
	int quiet;
	int accept; /* accept the proposals read from each report (vigil add --accept) */
	const Lexicon *lx; /* read each report with the extraction engine; NULL: do not */
	const char *capture; /* a fetched report's capture (fetch.h), for the ledger; or NULL */
} AddOpts;

/* Stores len bytes as a report, unchanged and hashed, cleaned and read, in one
   transaction, with the proposals the extraction engine reads from it when o->lx is set.
   name is the file name it came under (a media-type hint; only its last
   component is kept), or NULL. Returns 1 when added, 0 when the same bytes were already
   stored (*id is that report), -1 with a one-line reason in err. The report is not yet
   in the full-text index: call store_report_index() after a batch. */
int ingest_bytes(Store *st, const char *bytes, size_t len, const char *name, const AddOpts *o,
                 long long *id, Blob *err);

#endif
