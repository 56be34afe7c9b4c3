/*
** lazy_sqlite.h — SQLite, loaded on first use (lazy.h says why): every command but clean,
** help and --version opens a database, but cleaning a page need not relocate SQLite's
** 1,600 symbols (a million instructions, more than the rest of start-up).
**
** Only store_int.h includes it (and the unit tests that open a database themselves):
** each function below becomes a call through the table lazy_sqlite() loads from
** libsqlite3.so.0 the first time. A function the store starts to call must be added
** twice, to LAZY_SQLITE_FUNCS and to the #defines: one forgotten fails the build (vigil
** is not linked with SQLite). Some listed functions are not called yet, so the store can
** grow a little without touching this (the binding, column, value, result, status and
** allocation families).
*/
#ifndef VIGIL_LAZY_SQLITE_H
#define VIGIL_LAZY_SQLITE_H

#include "lazy.h"

#include <sqlite3.h>

#define LAZY_SQLITE_FUNCS(X) \
	X(sqlite3_backup_finish) \
	X(sqlite3_backup_init) \
	X(sqlite3_backup_step) \
	X(sqlite3_bind_blob) \
	X(sqlite3_bind_blob64) \
	X(sqlite3_bind_double) \
	X(sqlite3_bind_int) \
	X(sqlite3_bind_int64) \
	X(sqlite3_bind_null) \
	X(sqlite3_bind_parameter_index) \
	X(sqlite3_bind_text) \
	X(sqlite3_bind_text64) \
	X(sqlite3_bind_value) \
	X(sqlite3_bind_zeroblob) \
	X(sqlite3_busy_handler) \
	X(sqlite3_busy_timeout) \
	X(sqlite3_changes) \
	X(sqlite3_clear_bindings) \
	X(sqlite3_close) \
	X(sqlite3_close_v2) \
	X(sqlite3_column_blob) \
	X(sqlite3_column_bytes) \
	X(sqlite3_column_count) \
	X(sqlite3_column_decltype) \
	X(sqlite3_column_double) \
	X(sqlite3_column_int) \
	X(sqlite3_column_int64) \
	X(sqlite3_column_name) \
	X(sqlite3_column_text) \
	X(sqlite3_column_type) \
	X(sqlite3_column_value) \
	X(sqlite3_config) \
	X(sqlite3_create_function_v2) \
	X(sqlite3_data_count) \
	X(sqlite3_db_config) \
	X(sqlite3_db_filename) \
	X(sqlite3_db_handle) \
	X(sqlite3_db_status) \
	X(sqlite3_errcode) \
	X(sqlite3_errmsg) \
	X(sqlite3_errstr) \
	X(sqlite3_exec) \
	X(sqlite3_expanded_sql) \
	X(sqlite3_extended_errcode) \
	X(sqlite3_extended_result_codes) \
	X(sqlite3_finalize) \
	X(sqlite3_free) \
	X(sqlite3_get_autocommit) \
	X(sqlite3_initialize) \
	X(sqlite3_interrupt) \
	X(sqlite3_last_insert_rowid) \
	X(sqlite3_libversion) \
	X(sqlite3_limit) \
	X(sqlite3_malloc) \
	X(sqlite3_malloc64) \
	X(sqlite3_mprintf) \
	X(sqlite3_open) \
	X(sqlite3_open_v2) \
	X(sqlite3_prepare_v2) \
	X(sqlite3_prepare_v3) \
	X(sqlite3_reset) \
	X(sqlite3_result_double) \
	X(sqlite3_result_error) \
	X(sqlite3_result_int) \
	X(sqlite3_result_int64) \
	X(sqlite3_result_null) \
	X(sqlite3_result_text) \
	X(sqlite3_snprintf) \
	X(sqlite3_sql) \
	X(sqlite3_status64) \
	X(sqlite3_step) \
	X(sqlite3_stmt_busy) \
	X(sqlite3_stmt_readonly) \
	X(sqlite3_table_column_metadata) \
	X(sqlite3_threadsafe) \
	X(sqlite3_total_changes) \
	X(sqlite3_total_changes64) \
	X(sqlite3_txn_state) \
	X(sqlite3_user_data) \
	X(sqlite3_value_blob) \
	X(sqlite3_value_bytes) \
	X(sqlite3_value_double) \
	X(sqlite3_value_dup) \
	X(sqlite3_value_free) \
	X(sqlite3_value_int) \
	X(sqlite3_value_int64) \
	X(sqlite3_value_text) \
	X(sqlite3_value_type) \
	X(sqlite3_wal_autocheckpoint) \
	X(sqlite3_wal_checkpoint_v2)

LAZY_DECLARE(LazySqlite, lazy_sqlite, LAZY_SQLITE_FUNCS)

#ifndef LAZY_SQLITE_TABLE /* lazy_sqlite.c names the functions themselves */
#define sqlite3_backup_finish (lazy_sqlite()->sqlite3_backup_finish)
#define sqlite3_backup_init (lazy_sqlite()->sqlite3_backup_init)
#define sqlite3_backup_step (lazy_sqlite()->sqlite3_backup_step)
#define sqlite3_bind_blob (lazy_sqlite()->sqlite3_bind_blob)
#define sqlite3_bind_blob64 (lazy_sqlite()->sqlite3_bind_blob64)
#define sqlite3_bind_double (lazy_sqlite()->sqlite3_bind_double)
#define sqlite3_bind_int (lazy_sqlite()->sqlite3_bind_int)
#define sqlite3_bind_int64 (lazy_sqlite()->sqlite3_bind_int64)
#define sqlite3_bind_null (lazy_sqlite()->sqlite3_bind_null)
#define sqlite3_bind_parameter_index (lazy_sqlite()->sqlite3_bind_parameter_index)
#define sqlite3_bind_text (lazy_sqlite()->sqlite3_bind_text)
#define sqlite3_bind_text64 (lazy_sqlite()->sqlite3_bind_text64)
#define sqlite3_bind_value (lazy_sqlite()->sqlite3_bind_value)
#define sqlite3_bind_zeroblob (lazy_sqlite()->sqlite3_bind_zeroblob)
#define sqlite3_busy_handler (lazy_sqlite()->sqlite3_busy_handler)
#define sqlite3_busy_timeout (lazy_sqlite()->sqlite3_busy_timeout)
#define sqlite3_changes (lazy_sqlite()->sqlite3_changes)
#define sqlite3_clear_bindings (lazy_sqlite()->sqlite3_clear_bindings)
#define sqlite3_close (lazy_sqlite()->sqlite3_close)
#define sqlite3_close_v2 (lazy_sqlite()->sqlite3_close_v2)
#define sqlite3_column_blob (lazy_sqlite()->sqlite3_column_blob)
#define sqlite3_column_bytes (lazy_sqlite()->sqlite3_column_bytes)
#define sqlite3_column_count (lazy_sqlite()->sqlite3_column_count)
#define sqlite3_column_decltype (lazy_sqlite()->sqlite3_column_decltype)
#define sqlite3_column_double (lazy_sqlite()->sqlite3_column_double)
#define sqlite3_column_int (lazy_sqlite()->sqlite3_column_int)
#define sqlite3_column_int64 (lazy_sqlite()->sqlite3_column_int64)
#define sqlite3_column_name (lazy_sqlite()->sqlite3_column_name)
#define sqlite3_column_text (lazy_sqlite()->sqlite3_column_text)
#define sqlite3_column_type (lazy_sqlite()->sqlite3_column_type)
#define sqlite3_column_value (lazy_sqlite()->sqlite3_column_value)
#define sqlite3_config (lazy_sqlite()->sqlite3_config)
#define sqlite3_create_function_v2 (lazy_sqlite()->sqlite3_create_function_v2)
#define sqlite3_data_count (lazy_sqlite()->sqlite3_data_count)
#define sqlite3_db_config (lazy_sqlite()->sqlite3_db_config)
#define sqlite3_db_filename (lazy_sqlite()->sqlite3_db_filename)
#define sqlite3_db_handle (lazy_sqlite()->sqlite3_db_handle)
#define sqlite3_db_status (lazy_sqlite()->sqlite3_db_status)
#define sqlite3_errcode (lazy_sqlite()->sqlite3_errcode)
#define sqlite3_errmsg (lazy_sqlite()->sqlite3_errmsg)
#define sqlite3_errstr (lazy_sqlite()->sqlite3_errstr)
#define sqlite3_exec (lazy_sqlite()->sqlite3_exec)
#define sqlite3_expanded_sql (lazy_sqlite()->sqlite3_expanded_sql)
#define sqlite3_extended_errcode (lazy_sqlite()->sqlite3_extended_errcode)
#define sqlite3_extended_result_codes (lazy_sqlite()->sqlite3_extended_result_codes)
#define sqlite3_finalize (lazy_sqlite()->sqlite3_finalize)
#define sqlite3_free (lazy_sqlite()->sqlite3_free)
#define sqlite3_get_autocommit (lazy_sqlite()->sqlite3_get_autocommit)
#define sqlite3_initialize (lazy_sqlite()->sqlite3_initialize)
#define sqlite3_interrupt (lazy_sqlite()->sqlite3_interrupt)
#define sqlite3_last_insert_rowid (lazy_sqlite()->sqlite3_last_insert_rowid)
#define sqlite3_libversion (lazy_sqlite()->sqlite3_libversion)
#define sqlite3_limit (lazy_sqlite()->sqlite3_limit)
#define sqlite3_malloc (lazy_sqlite()->sqlite3_malloc)
#define sqlite3_malloc64 (lazy_sqlite()->sqlite3_malloc64)
#define sqlite3_mprintf (lazy_sqlite()->sqlite3_mprintf)
#define sqlite3_open (lazy_sqlite()->sqlite3_open)
#define sqlite3_open_v2 (lazy_sqlite()->sqlite3_open_v2)
#define sqlite3_prepare_v2 (lazy_sqlite()->sqlite3_prepare_v2)
#define sqlite3_prepare_v3 (lazy_sqlite()->sqlite3_prepare_v3)
#define sqlite3_reset (lazy_sqlite()->sqlite3_reset)
#define sqlite3_result_double (lazy_sqlite()->sqlite3_result_double)
#define sqlite3_result_error (lazy_sqlite()->sqlite3_result_error)
#define sqlite3_result_int (lazy_sqlite()->sqlite3_result_int)
#define sqlite3_result_int64 (lazy_sqlite()->sqlite3_result_int64)
#define sqlite3_result_null (lazy_sqlite()->sqlite3_result_null)
#define sqlite3_result_text (lazy_sqlite()->sqlite3_result_text)
#define sqlite3_snprintf (lazy_sqlite()->sqlite3_snprintf)
#define sqlite3_sql (lazy_sqlite()->sqlite3_sql)
#define sqlite3_status64 (lazy_sqlite()->sqlite3_status64)
#define sqlite3_step (lazy_sqlite()->sqlite3_step)
#define sqlite3_stmt_busy (lazy_sqlite()->sqlite3_stmt_busy)
#define sqlite3_stmt_readonly (lazy_sqlite()->sqlite3_stmt_readonly)
#define sqlite3_table_column_metadata (lazy_sqlite()->sqlite3_table_column_metadata)
#define sqlite3_threadsafe (lazy_sqlite()->sqlite3_threadsafe)
#define sqlite3_total_changes (lazy_sqlite()->sqlite3_total_changes)
#define sqlite3_total_changes64 (lazy_sqlite()->sqlite3_total_changes64)
#define sqlite3_txn_state (lazy_sqlite()->sqlite3_txn_state)
#define sqlite3_user_data (lazy_sqlite()->sqlite3_user_data)
#define sqlite3_value_blob (lazy_sqlite()->sqlite3_value_blob)
#define sqlite3_value_bytes (lazy_sqlite()->sqlite3_value_bytes)
#define sqlite3_value_double (lazy_sqlite()->sqlite3_value_double)
#define sqlite3_value_dup (lazy_sqlite()->sqlite3_value_dup)
#define sqlite3_value_free (lazy_sqlite()->sqlite3_value_free)
#define sqlite3_value_int (lazy_sqlite()->sqlite3_value_int)
#define sqlite3_value_int64 (lazy_sqlite()->sqlite3_value_int64)
#define sqlite3_value_text (lazy_sqlite()->sqlite3_value_text)
#define sqlite3_value_type (lazy_sqlite()->sqlite3_value_type)
#define sqlite3_wal_autocheckpoint (lazy_sqlite()->sqlite3_wal_autocheckpoint)
#define sqlite3_wal_checkpoint_v2 (lazy_sqlite()->sqlite3_wal_checkpoint_v2)
#endif

#endif
