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

/* The library soname (its runtime file name, as Debian ships it), loaded with everything
   it depends on; what names the use and package the Debian package that holds it, for
   the one line said before exiting 2 when it cannot be loaded. */
void *lazy_open(const char *soname, const char *what, const char *package);

/* The function name of the library h (from lazy_open); exits 2 when it is missing. */
void *lazy_sym(void *h, const char *soname, const char *name);

#endif
