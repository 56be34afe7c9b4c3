/*
** lazy_curl.c — the table of lazy_curl.h: libcurl.so.4 loaded with dlopen the first time a
** function of it is called.
*/
#define LAZY_CURL_TABLE
#include "lazy_curl.h"
#include "lazy.h"

#include <pthread.h>

static LazyCurl table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *h = lazy_open("libcurl.so.4", "to fetch web addresses", "libcurl4");
#define LAZY_CURL_LOAD(f) table.f = (__typeof__(table.f))lazy_sym(h, "libcurl.so.4", #f);
	LAZY_CURL_FUNCS(LAZY_CURL_LOAD)
#undef LAZY_CURL_LOAD
}

const LazyCurl *lazy_curl(void)
{
	pthread_once(&once, load);
	return &table;
}
