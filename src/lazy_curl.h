/*
** lazy_curl.h — libcurl, for `vigil add URL` and the upload form's web address, loaded on
** first use (lazy.h says why: libcurl brings some thirty libraries — OpenSSL, nghttp2,
** libssh2, LDAP, Kerberos… — that no other command needs).
**
** Include it instead of <curl/curl.h>, in fetch.c only: each function below becomes a
** call through the table lazy_curl() loads from libcurl.so.4 the first time. A function
** fetch.c starts to call must be added twice, to LAZY_CURL_FUNCS and to the #defines: one
** forgotten fails the build (vigil is not linked with the library). libcurl's own
** compile-time option checks are macros over the same names, so they are turned off here.
*/
#ifndef VIGIL_LAZY_CURL_H
#define VIGIL_LAZY_CURL_H

#include "lazy.h"

#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#undef curl_easy_setopt /* curl.h's pass-through macros, replaced below */
#undef curl_easy_getinfo

#define LAZY_CURL_FUNCS(X) \
	X(curl_easy_cleanup) \
	X(curl_easy_getinfo) \
	X(curl_easy_header) \
	X(curl_easy_init) \
	X(curl_easy_perform) \
	X(curl_easy_setopt) \
	X(curl_easy_strerror) \
	X(curl_global_init)

LAZY_DECLARE(LazyCurl, lazy_curl, LAZY_CURL_FUNCS)

#ifndef LAZY_CURL_TABLE /* lazy_curl.c names the functions themselves */
#define curl_easy_cleanup (lazy_curl()->curl_easy_cleanup)
#define curl_easy_getinfo (lazy_curl()->curl_easy_getinfo)
#define curl_easy_header (lazy_curl()->curl_easy_header)
#define curl_easy_init (lazy_curl()->curl_easy_init)
#define curl_easy_perform (lazy_curl()->curl_easy_perform)
#define curl_easy_setopt (lazy_curl()->curl_easy_setopt)
#define curl_easy_strerror (lazy_curl()->curl_easy_strerror)
#define curl_global_init (lazy_curl()->curl_global_init)
#endif

#endif
