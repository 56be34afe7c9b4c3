/*
** test_records.c — the pieces of the records model: counts and ranges, dates, source
** independence (publisher keys, near-duplicate texts), proposal parsing, CSV quoting,
** the ledger's hash chain, accept + verify through a real store, quotes found in text.
*/
#include "testing.h"

#include "export.h"
#include "lazy_sqlite.h" /* SQLite itself, to tamper with a database */
#include "ledger.h"
#include "records.h"
#include "util.h"

#include <sodium.h>
#include <stdio.h>
#include <unistd.h>

static void test_counts(void **state)
{
	(void)state;
	long long a, b;
	assert_true(count_parse("7", &a, &b));
	assert_true(a == 7 && b == 7);
	assert_true(count_parse("7-8", &a, &b));
	assert_true(a == 7 && b == 8);
	assert_true(count_parse("7\xE2\x80\x93" "8", &a, &b));
	assert_true(a == 7 && b == 8);
	assert_true(count_parse("100+", &a, &b));
	assert_true(a == 100 && b == -1);
	assert_false(count_parse("8-7", &a, &b));
	assert_false(count_parse("seven", &a, &b));
	assert_false(count_parse("", &a, &b));
	assert_false(count_parse("7-", &a, &b));
	assert_false(count_parse("99999999999999999999", &a, &b));
	Blob s = BLOB_INIT;
	count_format(&s, 7, 8);
	assert_string_equal(blob_str(&s), "7\xE2\x80\x93" "8");
	blob_reset(&s);
	count_format(&s, 100, -1);
	assert_string_equal(blob_str(&s), "100+");
	blob_reset(&s);
	Count c = {7, 8, 1, 3, 2, 0};
	count_show(&s, &c);
	assert_string_equal(blob_str(&s), "7\xE2\x80\x93" "8+");
	blob_reset(&s);
	Count none = {-1, -1, 0, 0, 0, 0};
	count_show(&s, &none);
	assert_int_equal(s.len, 0);
	blob_free(&s);
}

static void test_dates(void **state)
{
	(void)state;
	char f[11], l[11];
	assert_true(iso_date_valid("2013"));
	assert_true(iso_date_valid("2013-02"));
	assert_true(iso_date_valid("2013-02-28"));
	assert_false(iso_date_valid("2013-02-30"));
	assert_false(iso_date_valid("2013-02-09T10:00"));
	assert_false(iso_date_valid("13-02-09"));
	date_bounds("2012-02", NULL, f, l);
	assert_string_equal(f, "2012-02-01");
	assert_string_equal(l, "2012-02-29");
	date_bounds("2013", "2014-03", f, l);
	assert_string_equal(f, "2013-01-01");
	assert_string_equal(l, "2014-03-31");
	date_shift("2013-03-01", -1, f);
	assert_string_equal(f, "2013-02-28");
	date_shift("2013-03", 1, f);
	assert_string_equal(f, "");
}

static void test_independence(void **state)
{
	(void)state;
	const char *story = "Rockets hit the northern edge of the settlement before dawn on Tuesday, "
	                    "killing four people and wounding eleven, according to the clinic that "
	                    "treated them. Residents said the rockets were fired from the hills to the "
	                    "east, where an armed group has held positions since the spring.";
	Blob republished = BLOB_INIT;
	blob_appendf(&republished, "Regional Digest. Republished with permission. %s Follow us for more.", story);
	const char *other = "A convoy carrying medicine was turned back at the checkpoint for the third "
	                    "time this month; the camp's clinic says its stock of insulin will run out "
	                    "within a week unless the road is opened to humanitarian deliveries.";
	uint64_t a[SIG_HASHES], b[SIG_HASHES], c[SIG_HASHES], e[SIG_HASHES];
	text_signature(story, strlen(story), a);
	text_signature(republished.data, republished.len, b);
	text_signature(other, strlen(other), c);
	text_signature("", 0, e);
	assert_true(signature_similarity(a, a) == 1.0);
	assert_true(signature_similarity(a, b) >= NEAR_DUPLICATE);
	assert_true(signature_similarity(a, c) < 0.2);
	assert_true(signature_similarity(e, e) == 0.0); /* two empty texts are not copies */
	blob_free(&republished);

	Blob k1 = BLOB_INIT, k2 = BLOB_INIT;
	publisher_key("The Northern Wire", NULL, &k1);
	publisher_key("northern wire.", "https://other.example/x", &k2);
	assert_string_equal(blob_str(&k1), blob_str(&k2));
	publisher_key(NULL, "https://www.Example.org:8080/a/b?c", &k1);
	assert_string_equal(blob_str(&k1), "host:example.org");
	publisher_key(NULL, "https://user@example.org/", &k2);
	assert_string_equal(blob_str(&k1), blob_str(&k2));
	publisher_key(NULL, NULL, &k1);
	assert_int_equal(k1.len, 0);
	publisher_key(NULL, "not a url", &k1);
	assert_int_equal(k1.len, 0);
	blob_free(&k1);
	blob_free(&k2);
}

static void test_proposal_parse(void **state)
{
	(void)state;
	ProposalRec p;
	Blob err = BLOB_INIT;
	const char *ok = "{\"kind\":\"raid\",\"date\":{\"start\":\"2013-02\",\"end\":\"2013-03\"},"
	                 "\"place\":{\"name\":\" Camp X \",\"lat\":33.1,\"lon\":44.2,\"precision\":2},"
	                 "\"perpetrators\":[{\"name\":\"A\"},\"B\",{\"name\":\"A\"}],"
	                 "\"killed\":{\"min\":3,\"max\":null},\"wounded\":5,"
	                 "\"evidence\":[{\"quote\":\"q\",\"start\":10,\"end\":11},{\"quote\":null}],\"extra\":[1]}";
	assert_int_equal(proposal_parse(ok, strlen(ok), 0, &p, &err), 0);
	assert_string_equal(p.kind, "raid");
	assert_string_equal(p.status, "occurred");
	assert_string_equal(p.place, "Camp X");
	assert_true(p.has_coords && p.geo_precision == 2);
	assert_string_equal(p.perpetrators[0], "A");
	assert_string_equal(p.perpetrators[1], "B");
	assert_null(p.perpetrators[2]);
	assert_true(p.killed.set && p.killed.min == 3 && p.killed.max == -1);
	assert_true(p.wounded.min == 5 && p.wounded.max == 5);
	assert_int_equal(p.nevidence, 1);
	assert_true(p.evidence[0].start == 10 && p.evidence[0].orig_start == -1);
	proposal_rec_free(&p);

	const char *bad[] = {
		"", "[]", "{\"kind\":\"x\"}", "{\"status\":\"occurred\"}",
		"{\"kind\":\"raid\",\"status\":\"maybe\"}",
		"{\"kind\":\"raid\",\"date\":{\"start\":\"2013-13-01\"}}",
		"{\"kind\":\"raid\",\"date\":{\"start\":\"2013-03\",\"end\":\"2013-02\"}}",
		"{\"kind\":\"raid\",\"killed\":{\"min\":8,\"max\":7}}",
		"{\"kind\":\"raid\",\"killed\":{\"min\":-1}}",
		"{\"kind\":\"raid\",\"killed\":\"seven\"}",
		"{\"kind\":\"raid\",\"place\":{\"name\":\"x\",\"lat\":91,\"lon\":0}}",
		"{\"kind\":\"raid\",\"kind\":\"siege\"}",
		"{\"kind\":\"raid\",\"perpetrators\":7}",
		"{\"kind\":\"ra\\u0000id\"}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		blob_reset(&err);
		assert_int_equal(proposal_parse(bad[i], strlen(bad[i]), 0, &p, &err), -1);
		assert_true(err.len > 0);
	}
	const char *appeal = "{\"date\":\"2013-03-07\",\"to\":[{\"name\":\"UN\"}],\"demand\":\"protect\"}";
	assert_int_equal(proposal_parse(appeal, strlen(appeal), 1, &p, &err), 0);
	assert_string_equal(p.to[0], "UN");
	proposal_rec_free(&p);
	assert_int_equal(proposal_parse("{\"date\":\"2013\"}", 15, 1, &p, &err), -1);
	blob_free(&err);
}

static void test_csv_cell(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	struct {
		const char *in, *out;
		int text;
	} cases[] = {
		{"plain", "plain", 1},
		{"a,b", "\"a,b\"", 1},
		{"say \"x\"", "\"say \"\"x\"\"\"", 1},
		{"two\nlines", "\"two\nlines\"", 1},
		{"=1+2", "\"'=1+2\"", 1},
		{"+44 1234", "\"'+44 1234\"", 1},
		{"-3", "\"'-3\"", 1},
		{"-3.25", "-3.25", 0}, /* numbers we write ourselves are left as numbers */
		{"@SUM(A1)", "\"'@SUM(A1)\"", 1},
		{"\tx", "\"'\tx\"", 1},
		{"\rx", "\"'\rx\"", 1},
		{"", "", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		blob_reset(&b);
		csv_cell(&b, cases[i].in, cases[i].text);
		assert_string_equal(blob_str(&b), cases[i].out);
	}
	blob_free(&b);
}

static void test_chain_hash(void **state)
{
	(void)state;
	LedgerEntry e = {1, "2024-01-01T00:00:00Z", "ana", "accept", "incident/1=ab", "{\"x\":1}",
	                 "0000000000000000000000000000000000000000000000000000000000000000", NULL};
	char h1[65], h2[65];
	ledger_entry_hash(&e, h1);
	ledger_entry_hash(&e, h2);
	assert_string_equal(h1, h2);
	assert_int_equal(strlen(h1), 64);
	/* every part is covered, and moving a byte between parts changes the hash */
	const char **parts[] = {&e.at, &e.who, &e.action, &e.records, &e.payload, &e.prev};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		const char *keep = *parts[i];
		*parts[i] = "changed";
		ledger_entry_hash(&e, h2);
		assert_string_not_equal(h1, h2);
		*parts[i] = keep;
	}
	e.seq = 2;
	ledger_entry_hash(&e, h2);
	assert_string_not_equal(h1, h2);
	e.seq = 1;
	e.who = "an";
	e.action = "aaccept";
	ledger_entry_hash(&e, h2);
	assert_string_not_equal(h1, h2);
}

static char dbpath[64];

static void problem_count(const char *p, void *ctx)
{
	(void)p;
	(*(int *)ctx)++;
}

static void test_accept_and_verify(void **state)
{
	(void)state;
	snprintf(dbpath, sizeof dbpath, "/tmp/vigil-test-records-%d.db", (int)getpid());
	unlink(dbpath);
	Blob err = BLOB_INIT;
	int input_error;
	Store *st = store_open(dbpath, 1, &err, &input_error);
	assert_non_null(st);
	const char text[] = "Shells fell on the camp on 3 May 2020, killing two.";
	Report r = {0};
	sha256_hex(text, sizeof text - 1, r.sha256);
	r.media_type = "text/plain";
	r.received = r.added_at = "2020-05-04T00:00:00Z";
	r.publisher = "Camp Committee";
	r.published = "2020-05-04";
	long long rep, *ids = NULL;
	size_t n = 0;
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_report_insert(st, &r, text, sizeof text - 1, text, sizeof text - 1, NULL, 0, &rep), 0);
	assert_int_equal(records_report_added(st, rep, "t", NULL, &err), 0);
	assert_int_equal(store_commit(st), 0);
	const char doc[] = "{\"events\":[{\"kind\":\"shelling\",\"date\":{\"start\":\"2020-05-03\"},"
	                   "\"place\":{\"name\":\"Camp Z\"},\"killed\":{\"min\":2,\"max\":2},"
	                   "\"evidence\":[{\"quote\":\"Shells fell on the camp on 3 May 2020, killing two.\"}]},"
	                   "{\"kind\":\"shelling\",\"date\":{\"start\":\"2020-05-04\"},"
	                   "\"place\":{\"name\":\"camp z\"},\"killed\":{\"min\":3,\"max\":null}}]}";
	assert_int_equal(records_propose(st, rep, doc, sizeof doc - 1, "t", &ids, &n, &err), REC_OK);
	assert_int_equal(n, 2);
	AcceptResult res;
	assert_int_equal(records_accept(st, ids[0], 0, 0, "t", &res, &err), REC_OK);
	assert_true(res.incident_id > 0 && !res.merged);
	assert_int_equal(records_accept(st, ids[1], 0, 1, "t", &res, &err), REC_OK);
	assert_true(res.merged); /* the same place (case folded) and dates within the window */
	Incident in;
	assert_int_equal(store_incident_get(st, res.incident_id, &in), 1);
	assert_true(in.killed.min == 2 && in.killed.max == 3 && in.killed.open);
	assert_int_equal(in.sources, 1); /* both claims come from one report */
	incident_free(&in);
	assert_int_equal(records_accept(st, ids[1], 0, 0, "t", &res, &err), REC_INPUT);

	VerifySummary sum;
	int problems = 0;
	assert_int_equal(ledger_verify(st, problem_count, &problems, &sum), 0);
	assert_int_equal(problems, 0);
	assert_true(sum.entries == 4 && sum.originals == 1);
	store_close(st);

	sqlite3 *db;
	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE claim SET value='attack' WHERE field='kind'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM ledger", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	st = store_open(dbpath, 1, &err, &input_error);
	assert_non_null(st);
	assert_int_equal(ledger_verify(st, problem_count, &problems, &sum), 0);
	assert_int_equal(problems, 1);
	store_close(st);
	free(ids);
	blob_free(&err);
	char p[96];
	unlink(dbpath);
	snprintf(p, sizeof p, "%s-wal", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", dbpath);
	unlink(p);
}

/* Record digests, versions 1 and 2: the exact bytes of each (docs/ledger.md) for one row,
   and rows that differ only in a column's place, type, sign, NULL against empty, or a
   value's bytes all get different digests in both versions. */
static void digest_expect(Store *st, long long id, int version, const void *bytes, size_t len)
{
	unsigned char d[32];
	char want[65], got[65];
	crypto_generichash(d, sizeof d, bytes, len, NULL, 0);
	sodium_bin2hex(want, sizeof want, d, sizeof d);
	assert_int_equal(store_record_digest(st, "place", id, version, got), 1);
	assert_string_equal(got, want);
}

static void test_record_digest_versions(void **state)
{
	(void)state;
	char path[96];
	snprintf(path, sizeof path, "/tmp/vigil-test-digest-%d.db", (int)getpid());
	unlink(path);
	Blob err = BLOB_INIT;
	int input_error;
	Store *st = store_open(path, 1, &err, &input_error);
	assert_non_null(st);
	store_close(st);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	/* place: id, name, aliases, country, admin1, admin2, lat REAL, lon REAL,
	   geo_precision INTEGER, updated_at */
	assert_int_equal(sqlite3_exec(db, "INSERT INTO place(id, name, lat, geo_precision, updated_at)"
	                                  " VALUES(5, 'ab', 0.5, -2, 't')", NULL, NULL, NULL), SQLITE_OK);
	st = store_open(path, 1, &err, &input_error);
	assert_non_null(st);
	static const char v1[] = "<place>id:1:1:5name:3:2:ablat:2:3:0.5geo_precision:1:2:-2updated_at:3:1:t";
	digest_expect(st, 5, RECORD_DIGEST_V1, v1, sizeof v1 - 1);
	static const unsigned char v2[] = {
		0x00,                   /* the record's own row */
		0x01, 0x0a,             /* column 0 INTEGER, zigzag(5) = 10 */
		0x0b, 0x02, 'a', 'b',   /* column 1 TEXT, length 2 */
		0x32, 0, 0, 0, 0, 0, 0, 0xe0, 0x3f, /* column 6 FLOAT 0.5, little-endian (2-5 NULL) */
		0x41, 0x03,             /* column 8 INTEGER, zigzag(-2) = 3 */
		0x4b, 0x01, 't',        /* column 9 TEXT */
	};
	digest_expect(st, 5, RECORD_DIGEST_V2, v2, sizeof v2);
	char hex[65];
	assert_int_equal(store_record_digest(st, "place", 6, RECORD_DIGEST_V2, hex), 0);
	assert_int_equal(store_record_digest(st, "place", 5, 3, hex), -1);
	store_close(st);

	/* rows close to each other: every digest differs from every other, in each version */
	static const char *const rows[][4] = { /* aliases, country, lat, geo_precision */
		{"'b'", "NULL", "NULL", "NULL"},  {"NULL", "'b'", "NULL", "NULL"}, {"X'62'", "NULL", "NULL", "NULL"},
		{"''", "NULL", "NULL", "NULL"},   {"NULL", "NULL", "NULL", "NULL"}, {"NULL", "NULL", "NULL", "1"},
		{"NULL", "NULL", "NULL", "-1"},   {"NULL", "NULL", "NULL", "'1x'"}, {"NULL", "NULL", "NULL", "128"},
		{"NULL", "NULL", "1", "NULL"},    {"NULL", "NULL", "0.1", "NULL"},  {"NULL", "NULL", "-1", "NULL"},
		{"'bb'", "NULL", "NULL", "NULL"}, {"'b'", "'b'", "NULL", "NULL"},   {"NULL", "NULL", "NULL", "X''"},
		{"NULL", "NULL", "1", "1"},       {"'1'", "NULL", "NULL", "NULL"},
	};
	enum { NROWS = sizeof rows / sizeof rows[0] };
	char dig[2][NROWS][65];
	for (int r = 0; r < NROWS; r++) {
		char sql[200];
		snprintf(sql, sizeof sql, "UPDATE place SET aliases=%s, country=%s, lat=%s, geo_precision=%s WHERE id=5",
		         rows[r][0], rows[r][1], rows[r][2], rows[r][3]);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		st = store_open(path, 1, &err, &input_error);
		assert_non_null(st);
		assert_int_equal(store_record_digest(st, "place", 5, RECORD_DIGEST_V1, dig[0][r]), 1);
		assert_int_equal(store_record_digest(st, "place", 5, RECORD_DIGEST_V2, dig[1][r]), 1);
		store_close(st);
	}
	for (int v = 0; v < 2; v++)
		for (int a = 0; a < NROWS; a++)
			for (int b = a + 1; b < NROWS; b++)
				if (strcmp(dig[v][a], dig[v][b]) == 0)
					fail_msg("version %d: rows %d and %d have one digest", v + 1, a, b);
	sqlite3_close(db);
	blob_free(&err);
	unlink(path);
	snprintf(path + strlen(path), 8, "-wal");
	unlink(path);
}

/* Quotes found in cleaned text: exact, with other white space, absent; offsets filled. */
static void test_quote_find(void **state)
{
	(void)state;
	const char *text = "The market was shelled at noon.\n\nFive  stalls\nburned down, traders said.";
	size_t len = strlen(text), s = 99, e = 99;
	assert_int_equal(quote_find(text, len, "shelled at noon", &s, &e), 1);
	assert_int_equal(s, 15);
	assert_int_equal(e, 30);
	/* runs of white space match any other run; the span covers the text's own */
	assert_int_equal(quote_find(text, len, " Five stalls burned down ", &s, &e), 1);
	assert_memory_equal(text + s, "Five  stalls\nburned down", e - s);
	assert_int_equal(e - s, strlen("Five  stalls\nburned down"));
	/* not there, or white space where the text has none */
	assert_int_equal(quote_find(text, len, "the market was shelled", &s, &e), 0);
	assert_int_equal(quote_find(text, len, "shel led", &s, &e), 0);
	assert_int_equal(quote_find(text, len, "   ", &s, &e), 0);
	assert_int_equal(quote_find(text, len, "", &s, &e), 0);
	/* filled in an item; the map shifts the original by 10 bytes */
	unsigned char map[8] = {0, 0, 0, 0, 10, 0, 0, 0};
	char *out = proposal_fill_offsets("{\"evidence\":[{\"quote\":\"shelled at noon\"}],\"kind\":\"attack\"}", text,
	                                  len, map, sizeof map);
	assert_non_null(out);
	assert_non_null(strstr(out, "\"start\":15"));
	assert_non_null(strstr(out, "\"end\":30"));
	assert_non_null(strstr(out, "\"orig_start\":25"));
	assert_non_null(strstr(out, "\"orig_end\":40"));
	free(out);
	/* nothing missing: nothing to change */
	assert_null(proposal_fill_offsets("{\"evidence\":[{\"quote\":\"x\",\"start\":1,\"end\":2,\"orig_start\":1,"
	                                  "\"orig_end\":2}]}", text, len, map, sizeof map));
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_independence),
		cmocka_unit_test(test_proposal_parse),
		cmocka_unit_test(test_csv_cell),
		cmocka_unit_test(test_chain_hash),
		cmocka_unit_test(test_accept_and_verify),
		cmocka_unit_test(test_record_digest_versions),
		cmocka_unit_test(test_quote_find),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
