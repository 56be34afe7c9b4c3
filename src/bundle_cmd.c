/*
** bundle_cmd.c — `vigil keygen`, `vigil bundle`, `vigil verify-bundle`.
**
** A bundle is what is handed to a court, a UN body or a newsroom: a directory, or one
** tar file, holding the exports (ACLED CSV, JSON with every claim and quote, GeoJSON,
** Atom), the provenance of the reports they cite and those reports' original bytes, the
** whole ledger, a MANIFEST of the SHA-256 of every file (sha256sum's format) and
** MANIFEST.sig, an Ed25519 signature of the MANIFEST. verify-bundle checks all of it
** offline against a public key the recipient got separately: the signature, every
** file's hash, that no file was added or removed, and the ledger's chain.
*/
#include "bundle.h"
#include "cli.h"
#include "export.h"
#include "lazy_archive.h"
#include "records.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_KEY "vigil-signing"

/* ---- keygen ---- */

int cmd_keygen(Cli *c, int argc, char **argv)
{
	(void)c;
	const char *prefix = DEFAULT_KEY;
	if (argc == 3 && strcmp(argv[1], "--out") == 0)
		prefix = argv[2];
	else if (argc != 1)
		return cli_usage("keygen");
	Blob skpath = BLOB_INIT, pkpath = BLOB_INIT, sk_text = BLOB_INIT, pem = BLOB_INIT;
	blob_appendf(&skpath, "%s.key", prefix);
	blob_appendf(&pkpath, "%s.pub", prefix);
	unsigned char pk[BUNDLE_PK_BYTES], sk[BUNDLE_SK_BYTES];
	char hex[2 * BUNDLE_SK_BYTES + 1];
	crypto_sign_keypair(pk, sk);
	sodium_bin2hex(hex, sizeof hex, sk, sizeof sk);
	sodium_memzero(sk, sizeof sk);
	blob_appendf(&sk_text, "vigil-ed25519-secret-key\n%s\n", hex);
	sodium_memzero(hex, sizeof hex);
	bundle_pubkey_pem(pk, &pem);
	int rc = EXIT_OK;
	/* O_EXCL: a key is never overwritten */
	int fd = open(blob_str(&skpath), O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		warn("%s: %s%s", blob_str(&skpath), strerror(errno), errno == EEXIST ? " (a key is never overwritten)" : "");
		rc = EXIT_INPUT;
	} else {
		int bad = write(fd, sk_text.data, sk_text.len) != (ssize_t)sk_text.len;
		bad |= close(fd) != 0;
		FILE *f = bad ? NULL : fopen(blob_str(&pkpath), "wbx");
		if (!f || fwrite(pem.data, 1, pem.len, f) != pem.len || fclose(f) != 0) {
			warn("%s: %s", blob_str(&pkpath), strerror(errno));
			unlink(blob_str(&skpath));
			rc = EXIT_INPUT;
		}
	}
	if (!rc) {
		char pkhex[2 * BUNDLE_PK_BYTES + 1];
		sodium_bin2hex(pkhex, sizeof pkhex, pk, sizeof pk);
		printf("secret key  %s (keep it private; it signs your bundles)\n"
		       "public key  %s (give it to whoever checks your bundles)\n"
		       "            %s\n",
		       blob_str(&skpath), blob_str(&pkpath), pkhex);
	}
	sodium_memzero(sk_text.data, sk_text.len);
	blob_free(&sk_text);
	blob_free(&skpath);
	blob_free(&pkpath);
	blob_free(&pem);
	return rc;
}

/* ---- writing a bundle ---- */

/* A file being written into the bundle directory, hashed as it goes. */
typedef struct OutFile {
	FILE *f;
	crypto_hash_sha256_state h;
	int failed;
} OutFile;

typedef struct Bundle {
	char *dir;           /* where the files are written */
	Blob manifest_paths; /* "path\0path\0…" in the order written */
	char **paths, **sums;
	size_t n;
	Blob err;
} Bundle;

static int out_open(Bundle *b, const char *path, OutFile *o)
{
	Blob full = BLOB_INIT;
	blob_appendf(&full, "%s/%s", b->dir, path);
	o->f = fopen(blob_str(&full), "wbx");
	o->failed = 0;
	crypto_hash_sha256_init(&o->h);
	if (!o->f)
		blob_appendf(&b->err, "%s: %s", blob_str(&full), strerror(errno));
	blob_free(&full);
	return o->f ? 0 : -1;
}

static void out_write(const void *data, size_t len, void *ctx)
{
	OutFile *o = ctx;
	if (fwrite(data, 1, len, o->f) != len)
		o->failed = 1;
	crypto_hash_sha256_update(&o->h, data, len);
}

static int out_close(Bundle *b, const char *path, OutFile *o)
{
	unsigned char d[crypto_hash_sha256_BYTES];
	char hex[65];
	if (fclose(o->f) != 0 || o->failed) {
		blob_appendf(&b->err, "%s: cannot write it", path);
		return -1;
	}
	crypto_hash_sha256_final(&o->h, d);
	sodium_bin2hex(hex, sizeof hex, d, sizeof d);
	b->paths = xrealloc(b->paths, (b->n + 1) * sizeof *b->paths);
	b->sums = xrealloc(b->sums, (b->n + 1) * sizeof *b->sums);
	b->paths[b->n] = xstrdup(path);
	b->sums[b->n] = xstrdup(hex);
	b->n++;
	return 0;
}

static int add_bytes(Bundle *b, const char *path, const void *data, size_t len)
{
	OutFile o;
	if (out_open(b, path, &o) != 0)
		return -1;
	out_write(data, len, &o);
	return out_close(b, path, &o);
}

static int add_export(Bundle *b, Store *st, const char *path, const char *format)
{
	OutFile o;
	ExportOpts eo = {0};
	eo.format = format;
	eo.datadir = cli_datadir();
	if (out_open(b, path, &o) != 0)
		return -1;
	if (export_write(st, &eo, out_write, &o, NULL, &b->err) != 0) {
		fclose(o.f);
		return -1;
	}
	return out_close(b, path, &o);
}

static const char *extension(const char *media_type)
{
	if (!media_type)
		return "bin";
	if (strstr(media_type, "html"))
		return "html";
	if (strstr(media_type, "rfc822"))
		return "eml";
	if (strstr(media_type, "text/"))
		return "txt";
	if (strstr(media_type, "pdf"))
		return "pdf";
	return "bin";
}

typedef struct CiteCtx {
	Bundle *b;
	Store *st;
	Blob json;
	long n;
	int failed;
} CiteCtx;

/* Each cited report: its original under originals/ and its provenance in reports.json. */
static int add_cited(long long id, void *ctx)
{
	CiteCtx *c = ctx;
	Report r;
	if (store_report_get(c->st, id, &r) != 1) {
		c->failed = 1;
		return 1;
	}
	Blob orig = BLOB_INIT, path = BLOB_INIT;
	blob_appendf(&path, "originals/report-%lld.%s", id, extension(r.media_type));
	int bad = store_report_original(c->st, id, &orig) != 1 ||
	          add_bytes(c->b, blob_str(&path), orig.data ? orig.data : "", orig.len) != 0;
	if (!bad) {
		Blob *j = &c->json;
		blob_puts(j, c->n++ ? ",\n" : "\n");
		blob_appendf(j, "{\"id\":%lld,\"file\":\"%s\",\"sha256\":\"%s\",\"bytes\":%lld,\"media_type\":", id,
		             blob_str(&path), r.sha256, r.bytes);
		blob_json_str(j, r.media_type);
		blob_json_field(j, "title", r.title);
		blob_json_field(j, "published", r.published);
		blob_json_field(j, "publisher", r.publisher);
		blob_json_field(j, "source", r.source);
		blob_json_field(j, "received", r.received);
		blob_json_field(j, "added_by", r.added_by);
		blob_json_field(j, "added_at", r.added_at);
		blob_putc(j, '}');
	}
	blob_free(&orig);
	blob_free(&path);
	report_free(&r);
	c->failed |= bad;
	return bad;
}

typedef struct LedgerOutCtx {
	OutFile *o;
	Blob line;
	long long n;
	char head[65];
} LedgerOutCtx;

static int ledger_line_out(const LedgerEntry *e, void *ctx)
{
	LedgerOutCtx *l = ctx;
	Blob *b = &l->line;
	blob_reset(b);
	blob_appendf(b, "{\"seq\":%lld,\"at\":", e->seq);
	blob_json_str(b, e->at);
	blob_json_field(b, "who", e->who);
	blob_json_field(b, "action", e->action);
	blob_json_field(b, "records", e->records);
	blob_json_field(b, "payload", e->payload);
	blob_json_field(b, "prev", e->prev);
	blob_json_field(b, "hash", e->hash);
	blob_puts(b, "}\n");
	out_write(b->data, b->len, l->o);
	l->n++;
	snprintf(l->head, sizeof l->head, "%s", e->hash);
	return 0;
}

static int cmp_index(const void *a, const void *b, void *paths)
{
	char **p = paths;
	return strcmp(p[*(const size_t *)a], p[*(const size_t *)b]);
}

/* Packs the files of dir (the manifest's files, MANIFEST, MANIFEST.sig) into a tar file. */
static int pack_tar(const char *dir, const char *out, char **paths, size_t n, Blob *err)
{
	struct archive *a = archive_write_new();
	int rc = -1;
	archive_write_set_format_pax_restricted(a);
	if (archive_write_open_filename(a, out) != ARCHIVE_OK) {
		blob_appendf(err, "%s: %s", out, archive_error_string(a));
		archive_write_free(a);
		return -1;
	}
	for (size_t i = 0; i < n + 2; i++) {
		const char *p = i < n ? paths[i] : i == n ? "MANIFEST" : "MANIFEST.sig";
		Blob full = BLOB_INIT, data = BLOB_INIT;
		blob_appendf(&full, "%s/%s", dir, p);
		if (read_file(blob_str(&full), &data) != 0) {
			blob_appendf(err, "%s: %s", blob_str(&full), strerror(errno));
			blob_free(&full);
			goto done;
		}
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, p);
		archive_entry_set_size(e, (la_int64_t)data.len);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_mtime(e, 0, 0);
		int bad = archive_write_header(a, e) != ARCHIVE_OK ||
		          (data.len && archive_write_data(a, data.data, data.len) != (la_ssize_t)data.len);
		archive_entry_free(e);
		blob_free(&full);
		blob_free(&data);
		if (bad) {
			blob_appendf(err, "%s: %s", out, archive_error_string(a));
			goto done;
		}
	}
	if (archive_write_close(a) != ARCHIVE_OK) {
		blob_appendf(err, "%s: %s", out, archive_error_string(a));
		goto done;
	}
	rc = 0;
done:
	archive_write_free(a);
	return rc;
}

/* Removes a bundle's working directory (only the files vigil wrote there). */
static void remove_tree(const char *dir, char **paths, size_t n)
{
	Blob p = BLOB_INIT;
	const char *extra[] = {"MANIFEST", "MANIFEST.sig"};
	for (size_t i = 0; i < n + 2; i++) {
		blob_reset(&p);
		blob_appendf(&p, "%s/%s", dir, i < n ? paths[i] : extra[i - n]);
		unlink(blob_str(&p));
	}
	blob_reset(&p);
	blob_appendf(&p, "%s/originals", dir);
	rmdir(blob_str(&p));
	rmdir(dir);
	blob_free(&p);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

int cmd_bundle(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"out", required_argument, NULL, 'o'},
		{"key", required_argument, NULL, 'k'},
		{NULL, 0, NULL, 0},
	};
	const char *out = NULL, *keypath = NULL;
	int ch;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+o:k:", longopts, NULL)) != -1) {
		if (ch == 'o')
			out = optarg;
		else if (ch == 'k')
			keypath = optarg;
		else
			return cli_usage("bundle");
	}
	if (optind != argc || !out)
		return cli_usage("bundle");
	if (!keypath)
		keypath = getenv("VIGIL_KEY") && *getenv("VIGIL_KEY") ? getenv("VIGIL_KEY") : DEFAULT_KEY ".key";
	Blob keytext = BLOB_INIT, err = BLOB_INIT;
	unsigned char sk[BUNDLE_SK_BYTES], pk[BUNDLE_PK_BYTES];
	if (read_file(keypath, &keytext) != 0) {
		warn("%s: %s (make one with vigil keygen, or give --key FILE.key)", keypath, strerror(errno));
		return EXIT_INPUT;
	}
	if (bundle_parse_secret(keytext.data ? keytext.data : "", keytext.len, sk, &err) != 0) {
		warn("%s: %s", keypath, blob_str(&err));
		blob_free(&keytext);
		blob_free(&err);
		return EXIT_INPUT;
	}
	sodium_memzero(keytext.data, keytext.len);
	blob_free(&keytext);
	crypto_sign_ed25519_sk_to_pk(pk, sk);
	struct stat sb;
	if (stat(out, &sb) == 0) {
		warn("%s already exists: a bundle is written to a new name", out);
		sodium_memzero(sk, sizeof sk);
		return EXIT_INPUT;
	}
	int tar = ends_with(out, ".tar");
	Bundle b = {0};
	Blob dir = BLOB_INIT;
	if (tar)
		blob_appendf(&dir, "%s.tmp-%d", out, (int)getpid());
	else
		blob_puts(&dir, out);
	b.dir = (char *)blob_str(&dir);
	Store *st = cli_store(c);
	int rc = EXIT_INTERNAL;
	Blob sub = BLOB_INIT;
	blob_appendf(&sub, "%s/originals", b.dir);
	if (mkdir(b.dir, 0755) != 0 || mkdir(blob_str(&sub), 0755) != 0) {
		warn("%s: %s", b.dir, strerror(errno));
		blob_free(&sub);
		blob_free(&dir);
		sodium_memzero(sk, sizeof sk);
		return EXIT_INPUT;
	}
	blob_free(&sub);
	CiteCtx cc = {&b, st, BLOB_INIT, 0, 0};
	LedgerOutCtx lc = {NULL, BLOB_INIT, 0, ""};
	OutFile lo;
	Blob meta = BLOB_INIT, pem = BLOB_INIT, readme = BLOB_INIT, readme_path = BLOB_INIT;
	char now[21], pkhex[65];
	now_iso(now);
	sodium_bin2hex(pkhex, sizeof pkhex, pk, sizeof pk);
	blob_puts(&cc.json, "[");
	if (add_export(&b, st, "incidents.csv", "csv") || add_export(&b, st, "records.json", "json") ||
	    add_export(&b, st, "incidents.geojson", "geojson") || add_export(&b, st, "feed.atom", "atom"))
		goto fail;
	if (store_cited_reports_each(st, add_cited, &cc) != 0 || cc.failed) {
		if (!b.err.len)
			blob_puts(&b.err, store_error(st));
		goto fail;
	}
	blob_puts(&cc.json, cc.n ? "\n]\n" : "]\n");
	if (add_bytes(&b, "reports.json", cc.json.data, cc.json.len) != 0 || out_open(&b, "ledger.jsonl", &lo) != 0)
		goto fail;
	lc.o = &lo;
	if (store_ledger_each(st, NULL, 0, ledger_line_out, &lc) != 0) {
		fclose(lo.f);
		blob_puts(&b.err, store_error(st));
		goto fail;
	}
	if (out_close(&b, "ledger.jsonl", &lo) != 0)
		goto fail;
	blob_appendf(&meta, "{\"generator\":\"vigil\",\"created\":\"%s\",\"ledger\":{\"entries\":%lld,\"head\":\"%s\"},"
	                    "\"reports\":%ld,\"signer\":\"%s\"}\n", now, lc.n, lc.n ? lc.head : "", cc.n, pkhex);
	bundle_pubkey_pem(pk, &pem);
	blob_appendf(&readme_path, "%s/templates/bundle-README.txt", cli_datadir());
	if (read_file(blob_str(&readme_path), &readme) != 0)
		blob_puts(&readme, "A vigil bundle. Check it with: vigil verify-bundle THIS --key THEIR-KEY.pub\n");
	if (add_bytes(&b, "bundle.json", meta.data, meta.len) || add_bytes(&b, "signer.pub", pem.data, pem.len) ||
	    add_bytes(&b, "README.txt", readme.data, readme.len))
		goto fail;
	/* MANIFEST: sorted by path, sha256sum's format; then its signature */
	size_t *order = xcalloc(b.n, sizeof *order);
	for (size_t i = 0; i < b.n; i++)
		order[i] = i;
	qsort_r(order, b.n, sizeof *order, cmp_index, b.paths);
	Blob manifest = BLOB_INIT;
	char **sorted = xcalloc(b.n, sizeof *sorted);
	for (size_t i = 0; i < b.n; i++) {
		blob_appendf(&manifest, "%s  %s\n", b.sums[order[i]], b.paths[order[i]]);
		sorted[i] = b.paths[order[i]];
	}
	unsigned char sig[BUNDLE_SIG_BYTES];
	crypto_sign_detached(sig, NULL, (const unsigned char *)manifest.data, manifest.len, sk);
	size_t listed = b.n; /* MANIFEST and MANIFEST.sig are not in the manifest */
	int bad = add_bytes(&b, "MANIFEST", manifest.data, manifest.len) != 0 ||
	          add_bytes(&b, "MANIFEST.sig", sig, sizeof sig) != 0;
	if (!bad && tar) {
		bad = pack_tar(b.dir, out, sorted, listed, &b.err) != 0;
		if (bad)
			unlink(out);
	}
	free(order);
	free(sorted);
	blob_free(&manifest);
	if (bad)
		goto fail;
	if (tar)
		remove_tree(b.dir, b.paths, b.n);
	printf("bundle %s: %zu files, %ld originals, ledger %lld entries, signed by %s\n", out, b.n, cc.n, lc.n,
	       pkhex);
	rc = EXIT_OK;
	goto done;
fail:
	warn("bundle: %s", blob_str(&b.err));
	if (tar)
		remove_tree(b.dir, b.paths, b.n);
done:
	sodium_memzero(sk, sizeof sk);
	for (size_t i = 0; i < b.n; i++) {
		free(b.paths[i]);
		free(b.sums[i]);
	}
	free(b.paths);
	free(b.sums);
	blob_free(&b.err);
	blob_free(&dir);
	blob_free(&cc.json);
	blob_free(&lc.line);
	blob_free(&meta);
	blob_free(&pem);
	blob_free(&readme);
	blob_free(&readme_path);
	return rc;
}

/* ---- verify-bundle ---- */

/* A file of the bundle as read: its path and hash (and its bytes for the few read whole). */
typedef struct Got {
	char *path;
	char sha256[65];
	Blob data; /* MANIFEST, MANIFEST.sig, ledger.jsonl, bundle.json */
} Got;

typedef struct GotList {
	Got *v;
	size_t n;
} GotList;

static int keep_whole(const char *path)
{
	return strcmp(path, "MANIFEST") == 0 || strcmp(path, "MANIFEST.sig") == 0 || strcmp(path, "ledger.jsonl") == 0 ||
	       strcmp(path, "bundle.json") == 0;
}

static Got *got_add(GotList *l, const char *path)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	Got *g = &l->v[l->n++];
	memset(g, 0, sizeof *g);
	g->path = xstrdup(path);
	return g;
}

/* Reads every regular file under dir/rel; anything else (links, devices) is an error. */
static int read_dir(const char *dir, const char *rel, GotList *l, Blob *err, int depth)
{
	Blob full = BLOB_INIT;
	blob_appendf(&full, "%s%s%s", dir, *rel ? "/" : "", rel);
	DIR *d = opendir(blob_str(&full));
	if (!d) {
		blob_appendf(err, "%s: %s", blob_str(&full), strerror(errno));
		blob_free(&full);
		return -1;
	}
	struct dirent *e;
	int rc = 0;
	while (!rc && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		Blob r = BLOB_INIT, p = BLOB_INIT;
		blob_appendf(&r, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
		blob_appendf(&p, "%s/%s", dir, blob_str(&r));
		struct stat sb;
		if (lstat(blob_str(&p), &sb) != 0) {
			blob_appendf(err, "%s: %s", blob_str(&p), strerror(errno));
			rc = -1;
		} else if (S_ISDIR(sb.st_mode) && depth < 8)
			rc = read_dir(dir, blob_str(&r), l, err, depth + 1);
		else if (!S_ISREG(sb.st_mode)) {
			blob_appendf(err, "%s is not a regular file", blob_str(&r));
			rc = -1;
		} else {
			Got *g = got_add(l, blob_str(&r));
			Blob data = BLOB_INIT;
			if (read_file(blob_str(&p), &data) != 0) {
				blob_appendf(err, "%s: %s", blob_str(&p), strerror(errno));
				rc = -1;
			} else {
				sha256_hex(data.data ? data.data : "", data.len, g->sha256);
				if (keep_whole(g->path))
					g->data = data;
				else
					blob_free(&data);
			}
		}
		blob_free(&r);
		blob_free(&p);
	}
	closedir(d);
	blob_free(&full);
	return rc;
}

static int read_tar(const char *path, GotList *l, Blob *err)
{
	struct archive *a = archive_read_new();
	archive_read_support_format_tar(a);
	int rc = 0;
	if (archive_read_open_filename(a, path, 65536) != ARCHIVE_OK) {
		blob_appendf(err, "%s: %s", path, archive_error_string(a));
		archive_read_free(a);
		return -1;
	}
	struct archive_entry *e;
	int r;
	while (!rc && (r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(e);
		if (archive_entry_filetype(e) == AE_IFDIR)
			continue;
		if (archive_entry_filetype(e) != AE_IFREG || !name) {
			blob_appendf(err, "%s: %s is not a regular file", path, name ? name : "an entry");
			rc = -1;
			break;
		}
		Got *g = got_add(l, name);
		crypto_hash_sha256_state h;
		crypto_hash_sha256_init(&h);
		char buf[65536];
		la_ssize_t n;
		while ((n = archive_read_data(a, buf, sizeof buf)) > 0) {
			crypto_hash_sha256_update(&h, (unsigned char *)buf, (size_t)n);
			if (keep_whole(g->path))
				blob_append(&g->data, buf, (size_t)n);
		}
		if (n < 0) {
			blob_appendf(err, "%s: %s", path, archive_error_string(a));
			rc = -1;
		}
		unsigned char d[crypto_hash_sha256_BYTES];
		crypto_hash_sha256_final(&h, d);
		sodium_bin2hex(g->sha256, sizeof g->sha256, d, sizeof d);
	}
	if (!rc && r != ARCHIVE_EOF) {
		blob_appendf(err, "%s: %s", path, archive_error_string(a));
		rc = -1;
	}
	archive_read_free(a);
	return rc;
}

static Got *find_got(GotList *l, const char *path)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].path, path) == 0)
			return &l->v[i];
	return NULL;
}

int cmd_verify_bundle(Cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {{"key", required_argument, NULL, 'k'}, {NULL, 0, NULL, 0}};
	const char *key = NULL;
	int ch;
	(void)c;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "k:", longopts, NULL)) != -1) {
		if (ch != 'k')
			return cli_usage("verify-bundle");
		key = optarg;
	}
	if (optind != argc - 1 || !key)
		return cli_usage("verify-bundle");
	const char *path = argv[optind];
	unsigned char pk[BUNDLE_PK_BYTES];
	Blob keytext = BLOB_INIT, err = BLOB_INIT;
	if (read_file(key, &keytext) != 0) {
		blob_reset(&keytext);
		blob_puts(&keytext, key); /* the key itself, in hex */
	}
	if (bundle_parse_pubkey(keytext.data ? keytext.data : "", keytext.len, pk, &err) != 0) {
		warn("--key %s: %s", key, blob_str(&err));
		blob_free(&keytext);
		blob_free(&err);
		return EXIT_INPUT;
	}
	blob_free(&keytext);
	GotList got = {0};
	Manifest m = {0};
	struct stat sb;
	int rc = EXIT_INPUT, read_rc;
	if (stat(path, &sb) != 0) {
		warn("%s: %s", path, strerror(errno));
		return EXIT_INPUT;
	}
	read_rc = S_ISDIR(sb.st_mode) ? read_dir(path, "", &got, &err, 0) : read_tar(path, &got, &err);
	Got *man = find_got(&got, "MANIFEST"), *sig = find_got(&got, "MANIFEST.sig");
	long long entries = 0;
	char head[65] = "";
	if (read_rc != 0)
		goto bad;
	if (!man || !sig) {
		blob_puts(&err, "no MANIFEST or MANIFEST.sig: not a vigil bundle");
		goto bad;
	}
	if (sig->data.len != BUNDLE_SIG_BYTES ||
	    crypto_sign_verify_detached((const unsigned char *)sig->data.data, (const unsigned char *)blob_str(&man->data),
	                                man->data.len, pk) != 0) {
		blob_puts(&err, "the signature does not match: the MANIFEST was changed, or signed with another key");
		goto bad;
	}
	if (manifest_parse(man->data.data, man->data.len, &m, &err) != 0)
		goto bad;
	for (size_t i = 0; i < m.n; i++) {
		Got *g = find_got(&got, m.items[i].path);
		if (!g) {
			blob_appendf(&err, "%s is missing", m.items[i].path);
			goto bad;
		}
		if (strcmp(g->sha256, m.items[i].sha256) != 0) {
			blob_appendf(&err, "%s was changed: its SHA-256 is not the one signed", m.items[i].path);
			goto bad;
		}
	}
	for (size_t i = 0; i < got.n; i++) {
		int listed = strcmp(got.v[i].path, "MANIFEST") == 0 || strcmp(got.v[i].path, "MANIFEST.sig") == 0;
		for (size_t k = 0; k < m.n && !listed; k++)
			listed = strcmp(m.items[k].path, got.v[i].path) == 0;
		if (!listed) {
			blob_appendf(&err, "%s was added: it is not in the signed MANIFEST", got.v[i].path);
			goto bad;
		}
	}
	Got *ledger = find_got(&got, "ledger.jsonl"), *meta = find_got(&got, "bundle.json");
	if (ledger && bundle_check_ledger(blob_str(&ledger->data), ledger->data.len, &entries, head, &err) != 0)
		goto bad;
	if (ledger && meta) {
		/* the head the bundle states is the head of the ledger it carries */
		json_t *j = json_loadb(meta->data.data ? meta->data.data : "", meta->data.len, 0, NULL);
		json_t *h = j ? json_object_get(json_object_get(j, "ledger"), "head") : NULL;
		int same = h && json_is_string(h) && (entries ? strcmp(json_string_value(h), head) == 0
		                                              : !*json_string_value(h));
		json_decref(j);
		if (!same) {
			blob_puts(&err, "bundle.json names another ledger head than ledger.jsonl ends with");
			goto bad;
		}
	}
	char pkhex[65];
	sodium_bin2hex(pkhex, sizeof pkhex, pk, sizeof pk);
	printf("bundle ok: %zu files, each as signed by %s", m.n + 2, pkhex);
	if (ledger)
		printf("; ledger chain of %lld entries intact, head %s", entries, head);
	printf("\n");
	rc = EXIT_OK;
	goto done;
bad:
	printf("bundle FAILED: %s\n", blob_str(&err));
	warn("%s: %s", path, blob_str(&err));
done:
	for (size_t i = 0; i < got.n; i++) {
		free(got.v[i].path);
		blob_free(&got.v[i].data);
	}
	free(got.v);
	manifest_free(&m);
	blob_free(&err);
	return rc;
}
