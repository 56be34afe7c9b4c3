/*
** lazy_gmime.c — the table of lazy_gmime.h: libgmime-3.0.so.0 loaded with dlopen the first
** time a function of it is called.
*/
#define LAZY_GMIME_TABLE
#include "lazy_gmime.h"

LAZY_DEFINE(LazyGmime, lazy_gmime, LAZY_GMIME_FUNCS, "libgmime-3.0.so.0", "to read e-mail", "libgmime-3.0-0")
