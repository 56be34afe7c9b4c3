/*
** lazy_curl.c — the table of lazy_curl.h: libcurl.so.4 loaded with dlopen the first time a
** function of it is called.
*/
#define LAZY_CURL_TABLE
#include "lazy_curl.h"

LAZY_DEFINE(LazyCurl, lazy_curl, LAZY_CURL_FUNCS, "libcurl.so.4", "to fetch web addresses", "libcurl4")
