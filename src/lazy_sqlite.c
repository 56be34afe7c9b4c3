/*
** lazy_sqlite.c — the table of lazy_sqlite.h: libsqlite3.so.0 loaded with dlopen the first time
** a function of it is called.
*/
#define LAZY_SQLITE_TABLE
#include "lazy_sqlite.h"

LAZY_DEFINE(LazySqlite, lazy_sqlite, LAZY_SQLITE_FUNCS, "libsqlite3.so.0", "for the database", "libsqlite3-0")
