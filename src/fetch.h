/*
** fetch.h — getting a report from the web (libcurl) for `vigil add URL`: the body exactly
** as served, and the facts of the capture (the address asked for and the one answered
** after redirects, the HTTP status, content type, Last-Modified, ETag, the time), which
** `vigil add` writes into the ledger entry of the report.
*/
#ifndef VIGIL_FETCH_H
#define VIGIL_FETCH_H

#include <stddef.h>

#include "blob.h"

typedef struct FetchOpts {
	long timeout;      /* seconds for one attempt, whole transfer (0: 300) */
	int retries;       /* attempts after the first on a transient failure */
	size_t max_bytes;  /* a larger body is refused */
	int public_only;   /* refuse loopback, private, link-local and multicast addresses,
	                      redirects included (the web server fetching for a user) */
} FetchOpts;

typedef struct Fetched {
	Blob body;
	long status;
	char *url;            /* as asked */
	char *final_url;      /* after redirects */
	char *content_type, *last_modified, *etag; /* NULL when the server sent none */
	char fetched_at[21];  /* UTC, when the body arrived */
	int attempts;
} Fetched;

/* 1 when s is an address vigil fetches (http:// or https://, any case). */
int fetch_is_url(const char *s);

/* Fetches url into f (f is zeroed first). Redirects are followed (http and https only),
   transient failures (time-outs, refused or reset connections, HTTP 408, 429, 5xx) are
   retried with a growing pause. Returns 0, or -1 with a one-line reason in err (f holds
   nothing to free then). Standard proxies (https_proxy, no_proxy) are honoured. */
int fetch_url(const char *url, const FetchOpts *o, Fetched *f, Blob *err);
void fetch_free(Fetched *f);

/* 1 when an address is one the public internet cannot reach: loopback, private,
   link-local (cloud metadata services too), carrier-grade NAT, multicast, unspecified —
   IPv4, IPv6 and IPv4-mapped IPv6. FetchOpts.public_only refuses them. */
struct sockaddr;
int fetch_non_public(const struct sockaddr *sa);

/* The capture as a canonical JSON object (keys sorted), for the ledger. */
void fetch_capture_json(const Fetched *f, Blob *out);

/* A file name for the fetched body: the last segment of the final address's path, with
   an extension from the content type when it has none (so cleaning knows the kind). */
void fetch_file_name(const Fetched *f, Blob *out);

#endif
