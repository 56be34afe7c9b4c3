/*
** fuzz_extract.c — fuzz target for the extraction engine: any bytes, read as cleaned text
** by extract_doc() with and without a publication date (the first byte chooses one, some
** of them impossible), twice with the same Extraction (reuse between documents). Traps
** when a record is unsound: evidence outside the text or reversed, a kind or status out
** of range, an invalid date or a start after the end, a count whose max is below its min,
** a name offset outside the string pool, or (for valid UTF-8 without NUL, which is what
** the cleaner hands the engine) JSON that jansson cannot read back.
*/
#include "extract.h"
#include "util.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef VIGIL_BUILD_DATADIR
#define VIGIL_BUILD_DATADIR "data"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const published[] = {
	NULL, "2013-03-07", "1850-01-01", "2300-12-31", "2016-02-29", "2015-02-30", "9999-99-99", "",
};

static void check_span(const ExSpan *sp, size_t len, size_t nsent)
{
	if (sp->start > sp->end || sp->end > len || (nsent && sp->sentence >= nsent))
		__builtin_trap();
}

static void check_count(ExCount c)
{
	if (c.min >= 0 && c.max >= 0 && c.max < c.min)
		__builtin_trap();
}

static void check_date(Ymd d)
{
	if (d.y && !ymd_valid(d))
		__builtin_trap();
}

static void check_party(const Extraction *x, const ExParty *p)
{
	if (p->name >= x->strs.len + (x->strs.len == 0))
		__builtin_trap();
}

/* The JSON of every record must parse and hold evidence within the text. */
static void check_json(Blob *b)
{
	json_error_t jerr;
	json_t *j = json_loadb(b->data, b->len, 0, &jerr);
	if (!j || !json_is_object(j))
		__builtin_trap();
	json_decref(j);
	blob_reset(b);
}


static void check(const Extraction *x, const char *text, size_t len, int utf8)
{
	Blob b = BLOB_INIT;
	for (size_t i = 0; i < x->nevents; i++) {
		const ExEvent *e = &x->events[i];
		if (e->kind == K_NONE || e->kind >= K_COUNT || e->status > ST_THREATENED)
			__builtin_trap();
		if (e->nevidence < 1 || e->nevidence > EX_MAX_EVIDENCE || e->nperps < 0 ||
		    e->nperps > EX_MAX_PARTIES || e->ntargets < 0 || e->ntargets > EX_MAX_PARTIES)
			__builtin_trap();
		for (int k = 0; k < e->nevidence; k++)
			check_span(&e->evidence[k], len, x->nsentences);
		check_date(e->date_start);
		check_date(e->date_end);
		if (e->date_end.y && ymd_cmp(e->date_start, e->date_end) > 0)
			__builtin_trap();
		check_count(e->killed);
		check_count(e->wounded);
		check_count(e->detained);
		check_count(e->residents);
		for (int k = 0; k < e->nperps; k++)
			check_party(x, &e->perps[k]);
		if (utf8) {
			extract_event_json(x, i, text, NULL, &b);
			check_json(&b);
		}
	}
	for (size_t i = 0; i < x->nappeals; i++) {
		const ExAppeal *a = &x->appeals[i];
		if (a->nevidence < 1 || a->nevidence > EX_MAX_EVIDENCE || a->nby < 0 ||
		    a->nby > EX_MAX_PARTIES || a->nto < 0 || a->nto > EX_MAX_PARTIES * 2)
			__builtin_trap();
		for (int k = 0; k < a->nevidence; k++)
			check_span(&a->evidence[k], len, x->nsentences);
		if (a->demand_start > a->demand_end || a->demand_end > len)
			__builtin_trap();
		check_date(a->date);
		for (int k = 0; k < a->nto; k++)
			check_party(x, &a->to[k]);
		if (utf8) {
			extract_appeal_json(x, i, text, NULL, &b);
			check_json(&b);
		}
	}
	blob_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const Lexicon *lx;
	if (!lx) {
		Blob err = BLOB_INIT;
		const char *dir = getenv("VIGIL_DATA");
		lx = lexicon_shared(dir && *dir ? dir : VIGIL_BUILD_DATADIR, &err);
		if (!lx) {
			fprintf(stderr, "fuzz_extract: cannot read the lexicons: %s\n", blob_str(&err));
			abort();
		}
		blob_free(&err);
	}
	const char *pub = size ? published[data[0] % (sizeof published / sizeof *published)] : NULL;
	/* the engine reads cleaned text: an exact-size copy, so ASan sees reads past the end */
	char *text = malloc(size ? size : 1);
	memcpy(text, data, size);
	int utf8 = utf8_strict(text, size);
	Extraction x = {0};
	for (int round = 0; round < 2; round++) {
		extract_doc(lx, text, size, round ? NULL : pub, &x);
		check(&x, text, size, utf8);
	}
	extraction_free(&x);
	free(text);
	return 0;
}
