/*
** lazy_mhd.c — the table of lazy_mhd.h: libmicrohttpd.so.12 loaded with dlopen the first
** time a function of it is called.
*/
#define LAZY_MHD_TABLE
#include "lazy_mhd.h"
#include "lazy.h"

#include <pthread.h>

static LazyMhd table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *h = lazy_open("libmicrohttpd.so.12", "by vigil serve", "libmicrohttpd12");
#define LAZY_MHD_LOAD(f) table.f = (__typeof__(table.f))lazy_sym(h, "libmicrohttpd.so.12", #f);
	LAZY_MHD_FUNCS(LAZY_MHD_LOAD)
#undef LAZY_MHD_LOAD
}

const LazyMhd *lazy_mhd(void)
{
	pthread_once(&once, load);
	return &table;
}
