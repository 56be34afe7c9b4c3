/*
** lazy_gmime.h — gmime (with glib and gobject), for e-mail, loaded on first use (lazy.h says why).
**
** Include it instead of the library's headers, in clean_mail.c only: each function below
** becomes a call through the table lazy_gmime() loads from libgmime-3.0.so.0 the first time.
** A function clean_mail.c starts to call must be added twice, to LAZY_GMIME_FUNCS and to the
** #defines: one forgotten fails the build (vigil is not linked with the library).
*/
#ifndef VIGIL_LAZY_GMIME_H
#define VIGIL_LAZY_GMIME_H

#include "lazy.h"

#include <gmime/gmime.h>

#define LAZY_GMIME_FUNCS(X) \
	X(g_date_time_get_day_of_month) \
	X(g_date_time_get_month) \
	X(g_date_time_get_year) \
	X(g_mime_content_type_is_type) \
	X(g_mime_data_wrapper_get_encoding) \
	X(g_mime_data_wrapper_get_stream) \
	X(g_mime_encoding_flush) \
	X(g_mime_encoding_init_decode) \
	X(g_mime_encoding_step) \
	X(g_mime_init) \
	X(g_mime_message_get_date) \
	X(g_mime_message_get_from) \
	X(g_mime_message_get_mime_part) \
	X(g_mime_message_get_subject) \
	X(g_mime_message_part_get_message) \
	X(g_mime_message_part_get_type) \
	X(g_mime_multipart_get_count) \
	X(g_mime_multipart_get_part) \
	X(g_mime_multipart_get_type) \
	X(g_mime_object_get_content_type) \
	X(g_mime_object_get_content_type_parameter) \
	X(g_mime_object_get_header) \
	X(g_mime_parser_construct_message) \
	X(g_mime_parser_new_with_stream) \
	X(g_mime_parser_set_format) \
	X(g_mime_parser_set_persist_stream) \
	X(g_mime_part_get_content) \
	X(g_mime_part_get_type) \
	X(g_mime_part_is_attachment) \
	X(g_mime_stream_mem_new) \
	X(g_mime_stream_seek) \
	X(g_mime_stream_write) \
	X(g_object_unref) \
	X(g_type_check_instance_is_a) \
	X(internet_address_get_name) \
	X(internet_address_list_get_address) \
	X(internet_address_list_length) \
	X(internet_address_mailbox_get_addr) \
	X(internet_address_mailbox_get_type)

LAZY_DECLARE(LazyGmime, lazy_gmime, LAZY_GMIME_FUNCS)

#ifndef LAZY_GMIME_TABLE /* lazy_gmime.c names the functions themselves */
#define g_date_time_get_day_of_month (lazy_gmime()->g_date_time_get_day_of_month)
#define g_date_time_get_month (lazy_gmime()->g_date_time_get_month)
#define g_date_time_get_year (lazy_gmime()->g_date_time_get_year)
#define g_mime_content_type_is_type (lazy_gmime()->g_mime_content_type_is_type)
#define g_mime_data_wrapper_get_encoding (lazy_gmime()->g_mime_data_wrapper_get_encoding)
#define g_mime_data_wrapper_get_stream (lazy_gmime()->g_mime_data_wrapper_get_stream)
#define g_mime_encoding_flush (lazy_gmime()->g_mime_encoding_flush)
#define g_mime_encoding_init_decode (lazy_gmime()->g_mime_encoding_init_decode)
#define g_mime_encoding_step (lazy_gmime()->g_mime_encoding_step)
#define g_mime_init (lazy_gmime()->g_mime_init)
#define g_mime_message_get_date (lazy_gmime()->g_mime_message_get_date)
#define g_mime_message_get_from (lazy_gmime()->g_mime_message_get_from)
#define g_mime_message_get_mime_part (lazy_gmime()->g_mime_message_get_mime_part)
#define g_mime_message_get_subject (lazy_gmime()->g_mime_message_get_subject)
#define g_mime_message_part_get_message (lazy_gmime()->g_mime_message_part_get_message)
#define g_mime_message_part_get_type (lazy_gmime()->g_mime_message_part_get_type)
#define g_mime_multipart_get_count (lazy_gmime()->g_mime_multipart_get_count)
#define g_mime_multipart_get_part (lazy_gmime()->g_mime_multipart_get_part)
#define g_mime_multipart_get_type (lazy_gmime()->g_mime_multipart_get_type)
#define g_mime_object_get_content_type (lazy_gmime()->g_mime_object_get_content_type)
#define g_mime_object_get_content_type_parameter (lazy_gmime()->g_mime_object_get_content_type_parameter)
#define g_mime_object_get_header (lazy_gmime()->g_mime_object_get_header)
#define g_mime_parser_construct_message (lazy_gmime()->g_mime_parser_construct_message)
#define g_mime_parser_new_with_stream (lazy_gmime()->g_mime_parser_new_with_stream)
#define g_mime_parser_set_format (lazy_gmime()->g_mime_parser_set_format)
#define g_mime_parser_set_persist_stream (lazy_gmime()->g_mime_parser_set_persist_stream)
#define g_mime_part_get_content (lazy_gmime()->g_mime_part_get_content)
#define g_mime_part_get_type (lazy_gmime()->g_mime_part_get_type)
#define g_mime_part_is_attachment (lazy_gmime()->g_mime_part_is_attachment)
#define g_mime_stream_mem_new (lazy_gmime()->g_mime_stream_mem_new)
#define g_mime_stream_seek (lazy_gmime()->g_mime_stream_seek)
#define g_mime_stream_write (lazy_gmime()->g_mime_stream_write)
#define g_object_unref (lazy_gmime()->g_object_unref)
#define g_type_check_instance_is_a (lazy_gmime()->g_type_check_instance_is_a)
#define internet_address_get_name (lazy_gmime()->internet_address_get_name)
#define internet_address_list_get_address (lazy_gmime()->internet_address_list_get_address)
#define internet_address_list_length (lazy_gmime()->internet_address_list_length)
#define internet_address_mailbox_get_addr (lazy_gmime()->internet_address_mailbox_get_addr)
#define internet_address_mailbox_get_type (lazy_gmime()->internet_address_mailbox_get_type)
#endif

#endif
