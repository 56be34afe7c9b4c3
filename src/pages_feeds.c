/*
** pages_feeds.c — what readers take away: the Atom feeds (/feed/incidents.atom,
** /feed/threats.atom) and the exports as downloads (/export.csv, /export.json,
** /export.geojson), all written by export.c's export_write(), the same code as
** `vigil export`, so a file from the web and one from the command line agree.
**
** The exports take the filters of the incident list (kind, place, since, until). They are
** written to an unnamed temporary file and sent from it, so a database of 100,000
** incidents does not sit in the server's memory while it goes out.
*/
#include "cli.h"
#include "records.h"
#include "export.h"
#include "util.h"
#include "web.h"

#include <stdio.h>
#include <string.h>

/* export_write's sink: a FILE. */
static void to_file(const void *data, size_t len, void *ctx)
{
	if (len && fwrite(data, 1, len, ctx) != len) {
		/* a full disk shows as a short file; ferror() is checked at the end */
	}
}

/* The URL of this site as the visitor reached it (the Host header when it is a plain host
   name or address with a port), for the links of the feeds; else the bound address. */
static void site_base(Req *q, Blob *out)
{
	const char *host = req_host(q);
	if (host && *host && strlen(host) < 256 &&
	    strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == strlen(host))
		blob_appendf(out, "http://%s/", host);
	else
		blob_puts(out, web_conf.base ? web_conf.base : "/");
}

/* Whether s is one of the kinds of incident. */
static int known_kind(const char *s)
{
	for (int i = 0; incident_kinds[i]; i++)
		if (strcmp(incident_kinds[i], s) == 0)
			return 1;
	return 0;
}

/* Writes one export with the list's filters into a temporary file and answers with it. */
static int send_export(Req *q, const char *format, const char *status, const char *ctype, const char *filename)
{
	ExportOpts o = {0};
	Blob base = BLOB_INIT, err = BLOB_INIT;
	o.format = format;
	o.status = status;
	o.kind = req_query(q, "kind");
	o.place = req_query(q, "place");
	o.since = req_query(q, "since");
	o.until = req_query(q, "until");
	o.threats = strcmp(format, "csv") == 0 && req_query(q, "threats") != NULL;
	o.datadir = cli_datadir();
	if (o.kind && !*o.kind)
		o.kind = NULL;
	if (o.place && !*o.place)
		o.place = NULL;
	if (o.since && !*o.since)
		o.since = NULL;
	if (o.until && !*o.until)
		o.until = NULL;
	if ((o.since && !iso_date_valid(o.since)) || (o.until && !iso_date_valid(o.until)))
		return req_error(q, 400, "dates are written 2021, 2021-06 or 2021-06-12");
	if (o.kind && !known_kind(o.kind))
		return req_error(q, 400, "%s is not a kind of incident", o.kind);
	if (o.place && strlen(o.place) > 200)
		return req_error(q, 400, "a place of at most 200 characters");
	site_base(q, &base);
	o.base = blob_str(&base);
	FILE *f = tmpfile();
	if (!f) {
		blob_free(&base);
		return req_error(q, 500, "no room for the export");
	}
	long long n = 0;
	int rc = export_write(q->st, &o, to_file, f, &n, &err);
	blob_free(&base);
	if (rc != 0) {
		fclose(f);
		req_error(q, 500, "%s", blob_str(&err));
		blob_free(&err);
		return 500;
	}
	blob_free(&err);
	if (fflush(f) != 0 || ferror(f)) {
		fclose(f);
		return req_error(q, 500, "the export could not be written");
	}
	q->body_file = f;
	q->ctype = ctype;
	if (filename) {
		char disp[96];
		snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", filename);
		req_header(q, "Content-Disposition", disp);
	}
	char count[32];
	snprintf(count, sizeof count, "%lld", n);
	req_header(q, "X-Vigil-Records", count);
	return 200;
}

int page_feed(Req *q)
{
	if (strcmp(q->path, "/feed/threats.atom") == 0)
		return send_export(q, "atom", "threatened", "application/atom+xml; charset=utf-8", NULL);
	return send_export(q, "atom", NULL, "application/atom+xml; charset=utf-8", NULL);
}

int page_export(Req *q)
{
	const char *dot = strrchr(q->path, '.');
	if (dot && strcmp(dot, ".csv") == 0)
		return send_export(q, "csv", NULL, "text/csv; charset=utf-8", "vigil-incidents.csv");
	if (dot && strcmp(dot, ".geojson") == 0)
		return send_export(q, "geojson", NULL, "application/geo+json", "vigil-incidents.geojson");
	return send_export(q, "json", NULL, "application/json", "vigil-records.json");
}
