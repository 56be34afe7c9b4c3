/*
** lazy_nettle.c — the table of lazy_nettle.h: libnettle.so.8 loaded with dlopen the first time
** a function of it is called.
*/
#define LAZY_NETTLE_TABLE
#include "lazy_nettle.h"

LAZY_DEFINE(LazyNettle, lazy_nettle, LAZY_NETTLE_FUNCS, "libnettle.so.8", "for SHA-256", "libnettle8")
