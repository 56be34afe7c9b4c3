/*
** test_proposal_direct.c — the direct path of vigil add (proposal_direct: the engine's
** records straight into stored proposals) gives the very bytes of the JSON path
** (extract_*_json -> proposal_split_doc -> proposal_fill_offsets) for the same record, and
** leaves to the JSON path exactly the records that path refuses. The report is invented.
*/
#include "testing.h"

#include "clean.h"
#include "extract.h"
#include "lexicon.h"
#include "records.h"

#include <math.h>
#include <stdio.h>

static const char report[] =
	"Lakeside Bulletin, 3 March 2024\n\n"
	"On 2 March 2024, soldiers shelled the Kibati camp near Goma, killing 4 residents and wounding 12;"
	" a witness said \"it came at night\" \\ and fled.\n\n"
	"Police arrested 30 people in Bukavu on Friday.\n\n"
	"The committee urged the United Nations to protect the camp and called on the government of the"
	" Democratic Republic of the Congo to release the detainees.\n";

typedef struct Fixture {
	const Lexicon *lx;
	CleanDoc doc;
	Blob map;
	Extraction x;
} Fixture;

static int setup(void **state)
{
	Blob err = BLOB_INIT;
	Fixture *f = calloc(1, sizeof *f);
	f->lx = lexicon_shared(VIGIL_BUILD_DATADIR, &err);
	if (!f->lx || clean_doc(report, sizeof report - 1, "bulletin.txt", &f->doc, &err) != 0) {
		fprintf(stderr, "setup: %s\n", blob_str(&err));
		return -1;
	}
	offmap_serialize(&f->doc, &f->map);
	extract_doc(f->lx, f->doc.text.data, f->doc.text.len, f->doc.published, &f->x);
	blob_free(&err);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	Fixture *f = *state;
	extraction_free(&f->x);
	clean_free(&f->doc);
	blob_free(&f->map);
	free(f);
	return 0;
}

static int keep_item(const char *type, const char *item, void *ctx)
{
	(void)type;
	*(char **)ctx = strdup(item);
	return 0;
}

/* The stored JSON of record i by the JSON path, or NULL when that path refuses it. */
static char *json_path(Fixture *f, int appeal, size_t i)
{
	Blob j = BLOB_INIT, err = BLOB_INIT;
	blob_puts(&j, "{\"events\":[");
	if (!appeal)
		extract_event_json(&f->x, i, f->doc.text.data, &f->doc, &j);
	blob_puts(&j, "],\"appeals\":[");
	if (appeal)
		extract_appeal_json(&f->x, i, f->doc.text.data, &f->doc, &j);
	blob_puts(&j, "]}");
	char *item = NULL;
	if (proposal_split_doc(j.data, j.len, keep_item, &item, &err) != 0) {
		free(item);
		item = NULL;
	}
	if (item) {
		char *filled = proposal_fill_offsets(item, f->doc.text.data, f->doc.text.len, f->map.data, f->map.len);
		if (filled) {
			free(item);
			item = filled;
		}
	}
	blob_free(&j);
	blob_free(&err);
	return item;
}

/* Both paths agree on record i: the same bytes, or both leave it (direct -1, JSON refused). */
static int same(Fixture *f, int appeal, size_t i)
{
	Blob d = BLOB_INIT;
	int rc = proposal_direct(&f->x, appeal, i, f->doc.text.data, &f->doc, &d);
	char *j = json_path(f, appeal, i);
	int ok = rc == 0 ? j && strcmp(blob_str(&d), j) == 0 : j == NULL;
	if (!ok)
		fprintf(stderr, "direct (%d): %s\njson:       %s\n", rc, rc ? "-" : blob_str(&d), j ? j : "(refused)");
	free(j);
	blob_free(&d);
	return ok;
}

/* A string added to the Extraction's names. */
static uint32_t add_name(Extraction *x, const char *s)
{
	uint32_t off = (uint32_t)x->strs.len;
	blob_append(&x->strs, s, strlen(s) + 1);
	return off;
}

static void test_records(void **state)
{
	Fixture *f = *state;
	assert_true(f->x.nevents >= 2);
	assert_true(f->x.nappeals >= 1);
	for (size_t i = 0; i < f->x.nevents; i++)
		assert_true(same(f, 0, i));
	for (size_t i = 0; i < f->x.nappeals; i++)
		assert_true(same(f, 1, i));
	/* the quote with " and \ is written as jansson writes it back */
	Blob d = BLOB_INIT;
	assert_int_equal(proposal_direct(&f->x, 0, 0, f->doc.text.data, &f->doc, &d), 0);
	assert_non_null(strstr(blob_str(&d), "\\\"it came at night\\\" \\\\ and"));
	blob_free(&d);
}

/* Names with every kind of character jansson escapes or leaves alone; fields the engine may
   leave empty; the flags of dates and parties. */
static void test_strings_and_fields(void **state)
{
	Fixture *f = *state;
	ExEvent saved = f->x.events[0];
	ExEvent *e = &f->x.events[0];
	e->perps[0].name = add_name(&f->x, "Unit \"7\" \\ a/b <x> \x01\x08\x0c\t\n\r\x1f\x7f \xc3\xa9\xe2\x80\xa8 \xf0\x9f\x98\x80");
	e->perps[0].inferred = 1;
	e->targets[0].name = add_name(&f->x, "  ");
	e->date_flags |= DS_SINCE | DS_RELATIVE;
	e->date_end = (Ymd){2024, 3, 9};
	e->killed = (ExCount){-1, 7, 0};
	e->wounded = (ExCount){5, -1, 0};
	e->detained = (ExCount){0, 0, 0};
	assert_true(same(f, 0, 0));
	e->date_start = (Ymd){2024, 0, 0};
	e->date_end = (Ymd){0, 0, 0};
	e->place.name = 0;
	assert_true(same(f, 0, 0));
	e->date_start.y = 0;
	e->nperps = 0;
	e->ntargets = 0;
	assert_true(same(f, 0, 0));
	*e = saved;
	ExAppeal asaved = f->x.appeals[0];
	ExAppeal *a = &f->x.appeals[0];
	a->by[0].name = add_name(&f->x, "Women's \"Circle\"");
	a->by[0].group = 0;
	a->nby = 1;
	a->date.y = 0;
	assert_true(same(f, 1, 0));
	a->nto = 0; /* the demand alone is enough */
	assert_true(same(f, 1, 0));
	f->x.appeals[0] = asaved;
}

/* Every place of the gazetteer: names, countries, admin1 and coordinates (jansson's %.17g
   of the %.4f the engine writes). */
static void test_every_place(void **state)
{
	Fixture *f = *state;
	ExPlace saved = f->x.events[0].place;
	size_t n = lexicon_size(f->lx), checked = 0;
	for (uint32_t i = 1; i < n; i++) {
		const LexEntry *le = lexicon_entry(f->lx, i);
		if (!le || le->type != LX_PLACE)
			continue;
		ExPlace *p = &f->x.events[0].place;
		p->entry = i;
		p->type = le->sub;
		p->country = le->country;
		p->name = add_name(&f->x, lexicon_str(f->lx, le->name));
		p->inferred = i & 1;
		if (!same(f, 0, 0))
			fail_msg("place entry %u", i);
		checked++;
	}
	assert_true(checked > 100);
	f->x.events[0].place = saved;
}

/* What proposal_parse refuses is left to the JSON path (whose error then stands). */
static void test_refused(void **state)
{
	Fixture *f = *state;
	Blob d = BLOB_INIT;
	ExEvent saved = f->x.events[0];
	ExEvent *e = &f->x.events[0];
	const ExCount counts[] = {{200000001, 200000001, 0}, {-1, 200000001, 0}, {9, 3, 0}, {200000001, -1, 0}};
	for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
		e->killed = counts[k];
		assert_int_equal(proposal_direct(&f->x, 0, 0, f->doc.text.data, &f->doc, &d), -1);
		assert_true(same(f, 0, 0));
		*e = saved;
	}
	e->date_end = (Ymd){2023, 1, 1}; /* ends before it starts */
	assert_int_equal(proposal_direct(&f->x, 0, 0, f->doc.text.data, &f->doc, &d), -1);
	assert_true(same(f, 0, 0));
	*e = saved;
	e->date_start = (Ymd){2023, 2, 30};
	assert_int_equal(proposal_direct(&f->x, 0, 0, f->doc.text.data, &f->doc, &d), -1);
	assert_true(same(f, 0, 0));
	*e = saved;
	e->perps[0].name = add_name(&f->x, "bad \xc3 byte"); /* jansson reads no invalid UTF-8 */
	assert_int_equal(proposal_direct(&f->x, 0, 0, f->doc.text.data, &f->doc, &d), -1);
	assert_true(same(f, 0, 0));
	*e = saved;
	e->kind = 0; /* K_NONE: no kind */
	assert_int_equal(proposal_direct(&f->x, 0, 0, f->doc.text.data, &f->doc, &d), -1);
	assert_true(same(f, 0, 0));
	*e = saved;
	ExAppeal asaved = f->x.appeals[0];
	ExAppeal *a = &f->x.appeals[0];
	a->demand_end = a->demand_start; /* no demand and addressees without a usable name */
	a->to[0].name = add_name(&f->x, " ");
	a->to[1].name = add_name(&f->x, "A; B");
	a->nto = 2;
	assert_int_equal(proposal_direct(&f->x, 1, 0, f->doc.text.data, &f->doc, &d), -1);
	assert_true(same(f, 1, 0));
	f->x.appeals[0] = asaved;
	blob_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_strings_and_fields),
		cmocka_unit_test(test_every_place),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
