/*
** lazy.h — shared libraries that only some commands need, loaded when first used.
**
** The dynamic loader maps and relocates every library a program is linked with before
** main() runs, with everything they depend on: gmime (glib, gobject, gio, gpgme…),
** libarchive (libxml2, ICU…), libmicrohttpd (GnuTLS, p11-kit…) and libcurl (OpenSSL,
** nghttp2, LDAP, Kerberos…) cost about 5 ms of every start-up, though only e-mail,
** bundles, `vigil serve` and fetching web addresses use them. So vigil is not linked with
** them: lazy_gmime.h, lazy_archive.h, lazy_mhd.h and lazy_curl.h each list the functions
** one source file calls, and turn every call into a call through a table that their
** lazy_*.c fills with dlopen/dlsym the first time it is asked for (once, thread-safe).
** The headers of the -dev packages still check every call's types.
*/
#ifndef VIGIL_LAZY_H
#define VIGIL_LAZY_H

/* The library soname (its runtime file name, as Debian ships it), loaded with everything
   it depends on; what names the use and package the Debian package that holds it, for
   the one line said before exiting 2 when it cannot be loaded. */
void *lazy_open(const char *soname, const char *what, const char *package);

/* The function name of the library h (from lazy_open); exits 2 when it is missing. */
void *lazy_sym(void *h, const char *soname, const char *name);

#endif
