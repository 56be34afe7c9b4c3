/*
** lazy_archive.c — the table of lazy_archive.h: libarchive.so.13 loaded with dlopen the first
** time a function of it is called.
*/
#define LAZY_ARCHIVE_TABLE
#include "lazy_archive.h"
#include "lazy.h"

#include <pthread.h>

static LazyArchive table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *h = lazy_open("libarchive.so.13", "for tar bundles", "libarchive13");
#define LAZY_ARCHIVE_LOAD(f) table.f = (__typeof__(table.f))lazy_sym(h, "libarchive.so.13", #f);
	LAZY_ARCHIVE_FUNCS(LAZY_ARCHIVE_LOAD)
#undef LAZY_ARCHIVE_LOAD
}

const LazyArchive *lazy_archive(void)
{
	pthread_once(&once, load);
	return &table;
}
