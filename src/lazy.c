/*
** lazy.c — dlopen and dlsym for the libraries vigil loads on first use (lazy.h), with
** the one line and exit 2 of an internal error when one cannot be loaded.
*/
#include "lazy.h"
#include "util.h"

#include <dlfcn.h>

void *lazy_open(const char *soname, const char *what, const char *package)
{
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *e = dlerror();
		fatal("cannot load %s, needed %s (%s); install the package %s", soname, what,
		      e ? e : "unknown error", package);
	}
	return h;
}

void *lazy_sym(void *h, const char *soname, const char *name)
{
	dlerror();
	void *f = dlsym(h, name);
	if (!f)
		fatal("%s has no function %s: a version vigil was not built for", soname, name);
	return f;
}
