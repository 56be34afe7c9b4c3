/*
** lazy_sqlite.c — the table of lazy_sqlite.h: libsqlite3.so.0 loaded with dlopen the first time
** a function of it is called.
*/
#define LAZY_SQLITE_TABLE
#include "lazy_sqlite.h"
#include "lazy.h"

#include <pthread.h>

static LazySqlite table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *h = lazy_open("libsqlite3.so.0", "for the database", "libsqlite3-0");
#define LAZY_SQLITE_LOAD(f) table.f = (__typeof__(table.f))lazy_sym(h, "libsqlite3.so.0", #f);
	LAZY_SQLITE_FUNCS(LAZY_SQLITE_LOAD)
#undef LAZY_SQLITE_LOAD
}

const LazySqlite *lazy_sqlite(void)
{
	pthread_once(&once, load);
	return &table;
}
