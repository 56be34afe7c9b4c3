/*
** lazy_nettle.c — the table of lazy_nettle.h: libnettle.so.8 loaded with dlopen the first time
** a function of it is called.
*/
#define LAZY_NETTLE_TABLE
#include "lazy_nettle.h"
#include "lazy.h"

#include <pthread.h>

static LazyNettle table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *h = lazy_open("libnettle.so.8", "for SHA-256", "libnettle8");
#define LAZY_NETTLE_LOAD(f) table.f = (__typeof__(table.f))lazy_sym(h, "libnettle.so.8", #f);
	LAZY_NETTLE_FUNCS(LAZY_NETTLE_LOAD)
#undef LAZY_NETTLE_LOAD
}

const LazyNettle *lazy_nettle(void)
{
	pthread_once(&once, load);
	return &table;
}
