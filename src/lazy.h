/*
** lazy.h — shared libraries that only some commands need, loaded when first used.
**
** The dynamic loader maps and relocates every library a program is linked with before
** main() runs, with everything they depend on. gmime (glib, gobject, gio, gpgme…),
** libarchive (libxml2, ICU…), libmicrohttpd (GnuTLS, p11-kit…), libcurl (OpenSSL,
** nghttp2, LDAP, Kerberos…), SQLite and Nettle took three quarters of the instructions
** of `vigil clean` on a small page, though it uses none of them. So vigil is not linked
** with them: each lazy_NAME.h lists the functions vigil calls and turns every call into a
** call through a table that lazy_NAME.c fills with dlopen/dlsym the first time one is
** needed (once, thread-safe). The headers of the -dev packages still check every call's
** types; the Makefile's LAZY_PKGS give only their compiler flags.
*/
#ifndef VIGIL_LAZY_H
#define VIGIL_LAZY_H

#include <pthread.h>
#include <stdatomic.h>

/* The library soname (its runtime file name, as Debian ships it), loaded with everything
   it depends on; what names the use and package the Debian package that holds it, for
   the one line said before exiting 2 when it cannot be loaded. */
void *lazy_open(const char *soname, const char *what, const char *package);

/* The function name of the library h (from lazy_open); exits 2 when it is missing. */
void *lazy_sym(void *h, const char *soname, const char *name);

/* In lazy_NAME.h: the table type T (one pointer a function of the list FUNCS, of the type
   the library's header declares) and const T *NAME(void), which loads it on the first
   call (thread-safe) and afterwards costs one load and a branch, inlined: every call of a
   library function goes through it, some in loops over every row of a table. */
#define LAZY_FIELD(f) __typeof__(f) *f;
#define LAZY_DECLARE(T, NAME, FUNCS)                                          \
	typedef struct T {                                                    \
		FUNCS(LAZY_FIELD)                                             \
	} T;                                                                  \
	extern T NAME##_table;                                                \
	extern atomic_int NAME##_ready;                                       \
	void NAME##_load(void);                                               \
	static inline const T *NAME(void)                                     \
	{                                                                     \
		if (!atomic_load_explicit(&NAME##_ready, memory_order_acquire)) \
			NAME##_load();                                        \
		return &NAME##_table;                                         \
	}

/* In lazy_NAME.c: the table, filled from soname by dlopen/dlsym once. */
#define LAZY_LOAD_ONE(f) lazy_t->f = (__typeof__(lazy_t->f))lazy_sym(lazy_h, lazy_so, #f);
#define LAZY_DEFINE(T, NAME, FUNCS, soname, what, package)                    \
	T NAME##_table;                                                       \
	atomic_int NAME##_ready;                                              \
	static pthread_once_t NAME##_once = PTHREAD_ONCE_INIT;                \
	static void NAME##_fill(void)                                         \
	{                                                                     \
		T *lazy_t = &NAME##_table;                                    \
		const char *lazy_so = soname;                                 \
		void *lazy_h = lazy_open(soname, what, package);              \
		FUNCS(LAZY_LOAD_ONE)                                          \
		atomic_store_explicit(&NAME##_ready, 1, memory_order_release); \
	}                                                                     \
	void NAME##_load(void)                                                \
	{                                                                     \
		pthread_once(&NAME##_once, NAME##_fill);                      \
	}

#endif
