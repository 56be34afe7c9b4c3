/*
** lazy_gmime.c — the table of lazy_gmime.h: libgmime-3.0.so.0 loaded with dlopen the first
** time a function of it is called.
*/
#define LAZY_GMIME_TABLE
#include "lazy_gmime.h"
#include "lazy.h"

#include <pthread.h>

static LazyGmime table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *h = lazy_open("libgmime-3.0.so.0", "to read e-mail", "libgmime-3.0-0");
#define LAZY_GMIME_LOAD(f) table.f = (__typeof__(table.f))lazy_sym(h, "libgmime-3.0.so.0", #f);
	LAZY_GMIME_FUNCS(LAZY_GMIME_LOAD)
#undef LAZY_GMIME_LOAD
}

const LazyGmime *lazy_gmime(void)
{
	pthread_once(&once, load);
	return &table;
}
