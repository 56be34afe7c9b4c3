/*
** lazy_archive.c — the table of lazy_archive.h: libarchive.so.13 loaded with dlopen the first
** time a function of it is called.
*/
#define LAZY_ARCHIVE_TABLE
#include "lazy_archive.h"

LAZY_DEFINE(LazyArchive, lazy_archive, LAZY_ARCHIVE_FUNCS, "libarchive.so.13", "for tar bundles", "libarchive13")
