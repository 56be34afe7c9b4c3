/*
** lazy_mhd.h — libmicrohttpd (with GnuTLS), for vigil serve, loaded on first use (lazy.h says why).
**
** Include it instead of the library's headers, in serve.c only: each function below
** becomes a call through the table lazy_mhd() loads from libmicrohttpd.so.12 the first time.
** A function serve.c starts to call must be added twice, to LAZY_MHD_FUNCS and to the
** #defines: one forgotten fails the build (vigil is not linked with the library).
*/
#ifndef VIGIL_LAZY_MHD_H
#define VIGIL_LAZY_MHD_H

#include "lazy.h"

#include <microhttpd.h>

#define LAZY_MHD_FUNCS(X) \
	X(MHD_add_response_header) \
	X(MHD_create_post_processor) \
	X(MHD_create_response_from_buffer) \
	X(MHD_create_response_from_buffer_with_free_callback_cls) \
	X(MHD_create_response_from_fd) \
	X(MHD_destroy_post_processor) \
	X(MHD_destroy_response) \
	X(MHD_get_connection_info) \
	X(MHD_get_connection_values) \
	X(MHD_lookup_connection_value) \
	X(MHD_post_process) \
	X(MHD_queue_response) \
	X(MHD_start_daemon) \
	X(MHD_stop_daemon)

LAZY_DECLARE(LazyMhd, lazy_mhd, LAZY_MHD_FUNCS)

#ifndef LAZY_MHD_TABLE /* lazy_mhd.c names the functions themselves */
#define MHD_add_response_header (lazy_mhd()->MHD_add_response_header)
#define MHD_create_post_processor (lazy_mhd()->MHD_create_post_processor)
#define MHD_create_response_from_buffer (lazy_mhd()->MHD_create_response_from_buffer)
#define MHD_create_response_from_buffer_with_free_callback_cls \
	(lazy_mhd()->MHD_create_response_from_buffer_with_free_callback_cls)
#define MHD_create_response_from_fd (lazy_mhd()->MHD_create_response_from_fd)
#define MHD_destroy_post_processor (lazy_mhd()->MHD_destroy_post_processor)
#define MHD_destroy_response (lazy_mhd()->MHD_destroy_response)
#define MHD_get_connection_info (lazy_mhd()->MHD_get_connection_info)
#define MHD_get_connection_values (lazy_mhd()->MHD_get_connection_values)
#define MHD_lookup_connection_value (lazy_mhd()->MHD_lookup_connection_value)
#define MHD_post_process (lazy_mhd()->MHD_post_process)
#define MHD_queue_response (lazy_mhd()->MHD_queue_response)
#define MHD_start_daemon (lazy_mhd()->MHD_start_daemon)
#define MHD_stop_daemon (lazy_mhd()->MHD_stop_daemon)
#endif

#endif
