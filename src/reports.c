/*
** reports.c — reading what is stored: `vigil reports` lists the reports, `vigil report`
** shows one (provenance and metadata, cleaned text, or the exact original bytes).
*/
#include "cli.h"
#include "records.h"
#include "util.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Writes one report as a JSON object. */
static void report_json(Blob *b, const Report *r)
{
	blob_appendf(b, "{\"id\":%lld,\"sha256\":\"%s\",\"title\":", r->id, r->sha256);
	blob_json_str(b, r->title);
	blob_json_field(b, "published", r->published);
	blob_json_field(b, "publisher", r->publisher);
	blob_json_field(b, "author", r->author);
	blob_json_field(b, "language", r->language);
	blob_json_field(b, "source", r->source);
	blob_json_field(b, "filename", r->filename);
	blob_json_field(b, "received", r->received);
	blob_json_field(b, "added_by", r->added_by);
	blob_json_field(b, "added_at", r->added_at);
	blob_appendf(b, ",\"bytes\":%lld,\"media_type\":", r->bytes);
	blob_json_str(b, r->media_type);
	blob_putc(b, '}');
}

typedef struct ListCtx {
	Blob out;
	int json;
	long n;
} ListCtx;

static int list_one(const Report *r, void *ctx)
{
	ListCtx *l = ctx;
	if (l->json) {
		blob_puts(&l->out, l->n ? ",\n" : "\n");
		report_json(&l->out, r);
	} else {
		blob_appendf(&l->out, "%5lld  %-10s  %-28.28s  %s\n", r->id, r->published ? r->published : "-",
		             r->publisher ? r->publisher : "-", r->title ? r->title : r->filename ? r->filename : "-");
	}
	l->n++;
	if (l->out.len > 1 << 16) {
		fwrite(l->out.data, 1, l->out.len, stdout);
		blob_reset(&l->out);
	}
	return 0;
}

int cmd_reports(Cli *c, int argc, char **argv)
{
	int json = argc == 2 && strcmp(argv[1], "--json") == 0;
	if (argc != 1 && !json)
		return cli_usage("reports");
	ListCtx l = {BLOB_INIT, json, 0};
	Store *st = cli_store(c);
	if (json)
		blob_putc(&l.out, '[');
	if (store_reports_each(st, list_one, &l) != 0) {
		warn("%s", store_error(st));
		blob_free(&l.out);
		return EXIT_INTERNAL;
	}
	if (json)
		blob_puts(&l.out, l.n ? "\n]\n" : "]\n");
	fwrite(l.out.data, 1, l.out.len, stdout);
	blob_free(&l.out);
	return EXIT_OK;
}

/* The lines saying how a fetched report was captured (records_report_capture's JSON). */
static void capture_text(Blob *out, const char *json)
{
	json_t *c = json_loads(json, 0, NULL);
	const char *url = json_string_value(json_object_get(c, "url"));
	const char *final = json_string_value(json_object_get(c, "final_url"));
	const char *type = json_string_value(json_object_get(c, "content_type"));
	const char *mod = json_string_value(json_object_get(c, "last_modified"));
	const char *etag = json_string_value(json_object_get(c, "etag"));
	const char *at = json_string_value(json_object_get(c, "fetched_at"));
	blob_appendf(out, "fetched    %s at %s, HTTP %lld%s%s\n", url ? url : "-", at ? at : "-",
	             (long long)json_integer_value(json_object_get(c, "status")), type ? ", " : "", type ? type : "");
	if (final && url && strcmp(final, url) != 0)
		blob_appendf(out, "final url  %s (after redirects)\n", final);
	if (mod)
		blob_appendf(out, "modified   %s (the server's Last-Modified)\n", mod);
	if (etag)
		blob_appendf(out, "etag       %s\n", etag);
	json_decref(c);
}

int cmd_report(Cli *c, int argc, char **argv)
{
	enum { SHOW, JSON, TEXT, ORIGINAL } mode = SHOW;
	const char *idarg = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			mode = JSON;
		else if (strcmp(argv[i], "--text") == 0)
			mode = TEXT;
		else if (strcmp(argv[i], "--original") == 0)
			mode = ORIGINAL;
		else if (!idarg)
			idarg = argv[i];
		else
			return cli_usage("report");
	}
	long long id;
	if (!idarg)
		return cli_usage("report");
	if (!parse_id(idarg, &id)) {
		warn("'%s' is not a report id", idarg);
		return EXIT_INPUT;
	}
	Store *st = cli_store(c);
	Report r;
	int found = store_report_get(st, id, &r);
	if (found < 0) {
		warn("%s", store_error(st));
		return EXIT_INTERNAL;
	}
	if (!found) {
		warn("no report %lld", id);
		return EXIT_INPUT;
	}
	Blob out = BLOB_INIT, capture = BLOB_INIT;
	int rc = EXIT_OK;
	if ((mode == JSON || mode == SHOW) && records_report_capture(st, id, &capture) < 0) {
		warn("%s", store_error(st));
		report_free(&r);
		return EXIT_INTERNAL;
	}
	if (mode == JSON) {
		report_json(&out, &r);
		blob_truncate(&out, out.len - 1); /* the capture joins the object */
		blob_appendf(&out, ",\"capture\":%s}\n", capture.len ? blob_str(&capture) : "null");
	} else if (mode == TEXT || mode == ORIGINAL) {
		int ok = mode == TEXT ? store_report_text(st, id, &out, NULL) : store_report_original(st, id, &out);
		if (ok != 1) {
			warn("report %lld: %s", id, ok < 0 ? store_error(st) : "no content");
			rc = EXIT_INTERNAL;
		}
		if (mode == TEXT && out.len && out.data[out.len - 1] != '\n')
			blob_putc(&out, '\n');
	} else {
		blob_appendf(&out,
		             "report     %lld\ntitle      %s\npublished  %s\npublisher  %s\nauthor     %s\n"
		             "language   %s\nsource     %s\nfile       %s\nreceived   %s\nadded by   %s at %s\n"
		             "bytes      %lld (%s)\nsha256     %s\n",
		             r.id, r.title ? r.title : "-", r.published ? r.published : "-",
		             r.publisher ? r.publisher : "-", r.author ? r.author : "-",
		             r.language ? r.language : "-", r.source ? r.source : "-",
		             r.filename ? r.filename : "-", r.received ? r.received : "-",
		             r.added_by ? r.added_by : "-", r.added_at ? r.added_at : "-", r.bytes,
		             r.media_type ? r.media_type : "-", r.sha256);
		if (capture.len)
			capture_text(&out, blob_str(&capture));
	}
	fwrite(out.data, 1, out.len, stdout);
	blob_free(&out);
	blob_free(&capture);
	report_free(&r);
	return rc;
}
