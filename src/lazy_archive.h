/*
** lazy_archive.h — libarchive, for tar bundles, loaded on first use (lazy.h says why).
**
** Include it instead of the library's headers, in bundle_cmd.c only: each function below
** becomes a call through the table lazy_archive() loads from libarchive.so.13 the first time.
** A function bundle_cmd.c starts to call must be added twice, to LAZY_ARCHIVE_FUNCS and to the
** #defines: one forgotten fails the build (vigil is not linked with the library).
*/
#ifndef VIGIL_LAZY_ARCHIVE_H
#define VIGIL_LAZY_ARCHIVE_H

#include "lazy.h"

#include <archive.h>
#include <archive_entry.h>

#define LAZY_ARCHIVE_FUNCS(X) \
	X(archive_entry_filetype) \
	X(archive_entry_free) \
	X(archive_entry_new) \
	X(archive_entry_pathname) \
	X(archive_entry_set_filetype) \
	X(archive_entry_set_mtime) \
	X(archive_entry_set_pathname) \
	X(archive_entry_set_perm) \
	X(archive_entry_set_size) \
	X(archive_error_string) \
	X(archive_read_data) \
	X(archive_read_free) \
	X(archive_read_new) \
	X(archive_read_next_header) \
	X(archive_read_open_filename) \
	X(archive_read_support_format_tar) \
	X(archive_write_close) \
	X(archive_write_data) \
	X(archive_write_free) \
	X(archive_write_header) \
	X(archive_write_new) \
	X(archive_write_open_filename) \
	X(archive_write_set_format_pax_restricted)

LAZY_DECLARE(LazyArchive, lazy_archive, LAZY_ARCHIVE_FUNCS)

#ifndef LAZY_ARCHIVE_TABLE /* lazy_archive.c names the functions themselves */
#define archive_entry_filetype (lazy_archive()->archive_entry_filetype)
#define archive_entry_free (lazy_archive()->archive_entry_free)
#define archive_entry_new (lazy_archive()->archive_entry_new)
#define archive_entry_pathname (lazy_archive()->archive_entry_pathname)
#define archive_entry_set_filetype (lazy_archive()->archive_entry_set_filetype)
#define archive_entry_set_mtime (lazy_archive()->archive_entry_set_mtime)
#define archive_entry_set_pathname (lazy_archive()->archive_entry_set_pathname)
#define archive_entry_set_perm (lazy_archive()->archive_entry_set_perm)
#define archive_entry_set_size (lazy_archive()->archive_entry_set_size)
#define archive_error_string (lazy_archive()->archive_error_string)
#define archive_read_data (lazy_archive()->archive_read_data)
#define archive_read_free (lazy_archive()->archive_read_free)
#define archive_read_new (lazy_archive()->archive_read_new)
#define archive_read_next_header (lazy_archive()->archive_read_next_header)
#define archive_read_open_filename (lazy_archive()->archive_read_open_filename)
#define archive_read_support_format_tar (lazy_archive()->archive_read_support_format_tar)
#define archive_write_close (lazy_archive()->archive_write_close)
#define archive_write_data (lazy_archive()->archive_write_data)
#define archive_write_free (lazy_archive()->archive_write_free)
#define archive_write_header (lazy_archive()->archive_write_header)
#define archive_write_new (lazy_archive()->archive_write_new)
#define archive_write_open_filename (lazy_archive()->archive_write_open_filename)
#define archive_write_set_format_pax_restricted (lazy_archive()->archive_write_set_format_pax_restricted)
#endif

#endif
