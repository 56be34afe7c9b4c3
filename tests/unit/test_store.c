/*
** test_store.c — the SQLite store: migrations, reports in and out byte-exact, refusal of
** a newer schema,
** nested transactions.
*/
#include "testing.h"

#include "lazy_sqlite.h" /* SQLite itself, to tamper with a database */
#include "store.h"
#include "util.h"

#include <stdio.h>
#include <unistd.h>

static char dbpath[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dbpath, sizeof dbpath, "/tmp/vigil-test-%d.db", (int)getpid());
	unlink(dbpath);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char p[80];
	unlink(dbpath);
	snprintf(p, sizeof p, "%s-wal", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", dbpath);
	unlink(p);
	return 0;
}

static void test_report_round_trip(void **state)
{
	(void)state;
	Blob err = BLOB_INIT;
	int input_error;
	Store *st = store_open(dbpath, 1, &err, &input_error);
	assert_non_null(st);
	const char orig[] = "bytes\0with NUL\xff";
	Report r = {0};
	sha256_hex(orig, sizeof orig, r.sha256);
	r.media_type = "text/plain";
	r.received = "2013-03-07";
	r.added_at = "2026-01-01T00:00:00Z";
	r.title = "A title";
	long long id = 0, id2 = 0;
	assert_int_equal(store_report_by_sha(st, r.sha256, &id2), 0);
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_report_insert(st, &r, orig, sizeof orig, "text", 4, "\0\0\0\0\0\0\0\0", 8, &id), 0);
	assert_int_equal(store_commit(st), 0);
	assert_true(id > 0);
	assert_int_equal(store_report_by_sha(st, r.sha256, &id2), 1);
	assert_int_equal(id, id2);

	Blob o = BLOB_INIT, t = BLOB_INIT, m = BLOB_INIT;
	assert_int_equal(store_report_original(st, id, &o), 1);
	assert_int_equal(o.len, sizeof orig);
	assert_memory_equal(o.data, orig, sizeof orig);
	assert_int_equal(store_report_text(st, id, &t, &m), 1);
	assert_string_equal(blob_str(&t), "text");
	assert_int_equal(m.len, 8);
	Report got;
	assert_int_equal(store_report_get(st, id, &got), 1);
	assert_string_equal(got.title, "A title");
	assert_null(got.author);
	assert_int_equal(got.bytes, sizeof orig);
	report_free(&got);
	assert_int_equal(store_report_get(st, id + 1, &got), 0);
	assert_int_equal(store_report_count(st), 1);
	/* the same bytes again violate the unique hash: the caller checks first */
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_report_insert(st, &r, orig, sizeof orig, "t", 1, NULL, 0, &id2), -1);
	assert_int_equal(store_rollback(st), 0);
	assert_int_equal(store_report_count(st), 1);
	store_close(st);
	blob_free(&o);
	blob_free(&t);
	blob_free(&m);
	blob_free(&err);
}

static void test_newer_schema_refused(void **state)
{
	(void)state;
	Blob err = BLOB_INIT;
	int input_error;
	Store *st = store_open(dbpath, 1, &err, &input_error);
	assert_non_null(st);
	store_close(st);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", store_schema_version() + 1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	st = store_open(dbpath, 1, &err, &input_error);
	assert_null(st);
	assert_int_equal(input_error, 1);
	assert_non_null(strstr(blob_str(&err), "newer"));
	blob_free(&err);
}

static void test_not_a_database(void **state)
{
	(void)state;
	FILE *f = fopen(dbpath, "wb");
	fputs("this is a text file, not a database, and it is long enough to have a header", f);
	fclose(f);
	Blob err = BLOB_INIT;
	int input_error;
	Store *st = store_open(dbpath, 1, &err, &input_error);
	assert_null(st);
	assert_int_equal(input_error, 1);
	blob_free(&err);
}

/* Nested transactions join the outer one: inner commits are kept until the outer commit;
   an inner rollback rolls everything back and the outer commit then fails. */
static void test_nested_transactions(void **state)
{
	(void)state;
	Blob err = BLOB_INIT;
	int input_error;
	Store *st = store_open(dbpath, 1, &err, &input_error);
	assert_non_null(st);
	Report r = {0};
	r.media_type = "text/plain";
	r.received = "2013-03-07";
	r.added_at = "2026-01-01T00:00:00Z";
	long long id;
	/* inner commit, outer commit: both reports stay */
	assert_int_equal(store_begin(st), 0);
	for (int i = 0; i < 2; i++) {
		char body[8] = {'a', (char)('0' + i)};
		sha256_hex(body, 2, r.sha256);
		assert_int_equal(store_begin(st), 0);
		assert_int_equal(store_report_insert(st, &r, body, 2, "t", 1, NULL, 0, &id), 0);
		assert_int_equal(store_commit(st), 0);
	}
	assert_int_equal(store_commit(st), 0);
	assert_int_equal(store_report_count(st), 2);
	/* an inner rollback dooms the outer transaction: nothing of it is kept */
	assert_int_equal(store_begin(st), 0);
	sha256_hex("b0", 2, r.sha256);
	assert_int_equal(store_report_insert(st, &r, "b0", 2, "t", 1, NULL, 0, &id), 0);
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_rollback(st), 0);
	assert_int_equal(store_commit(st), -1);
	assert_non_null(strstr(store_error(st), "rolled back"));
	assert_int_equal(store_rollback(st), 0);
	assert_int_equal(store_report_count(st), 2);
	/* and the store is usable again */
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_report_insert(st, &r, "b0", 2, "t", 1, NULL, 0, &id), 0);
	assert_int_equal(store_commit(st), 0);
	assert_int_equal(store_report_count(st), 3);
	store_close(st);
	blob_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_report_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nested_transactions, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
