/*
** lazy_mhd.c — the table of lazy_mhd.h: libmicrohttpd.so.12 loaded with dlopen the first
** time a function of it is called.
*/
#define LAZY_MHD_TABLE
#include "lazy_mhd.h"

LAZY_DEFINE(LazyMhd, lazy_mhd, LAZY_MHD_FUNCS, "libmicrohttpd.so.12", "by vigil serve", "libmicrohttpd12")
