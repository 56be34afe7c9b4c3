/*
** template.c — the letter templates' language (see template.h): values in a tree of
** objects, sections that repeat over lists, escaping chosen by the output format.
*/
#include "template.h"
#include "util.h"

#include <stdarg.h>
#include <string.h>

#define TEMPLATE_MAX_OUTPUT (64 << 20)

typedef struct TVal {
	char *name;
	char *str;   /* a value, or NULL for a list */
	TObj **items;
	size_t n;
} TVal;

struct TObj {
	TVal *vals;
	size_t n;
};

TObj *tobj_new(void)
{
	return xcalloc(1, sizeof(TObj));
}

void tobj_free(TObj *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->n; i++) {
		free(o->vals[i].name);
		free(o->vals[i].str);
		for (size_t k = 0; k < o->vals[i].n; k++)
			tobj_free(o->vals[i].items[k]);
		free(o->vals[i].items);
	}
	free(o->vals);
	free(o);
}

static TVal *find_val(const TObj *o, const char *name, size_t len)
{
	for (size_t i = 0; o && i < o->n; i++)
		if (strlen(o->vals[i].name) == len && memcmp(o->vals[i].name, name, len) == 0)
			return &o->vals[i];
	return NULL;
}

static TVal *make_val(TObj *o, const char *name)
{
	TVal *v = find_val(o, name, strlen(name));
	if (v)
		return v;
	o->vals = xrealloc(o->vals, (o->n + 1) * sizeof *o->vals);
	v = &o->vals[o->n++];
	memset(v, 0, sizeof *v);
	v->name = xstrdup(name);
	return v;
}

void tobj_set(TObj *o, const char *name, const char *value)
{
	TVal *v = make_val(o, name);
	free(v->str);
	v->str = value ? xstrdup(value) : NULL;
}

void tobj_setf(TObj *o, const char *name, const char *fmt, ...)
{
	Blob b = BLOB_INIT;
	va_list ap;
	va_start(ap, fmt);
	blob_vappendf(&b, fmt, ap);
	va_end(ap);
	TVal *v = make_val(o, name);
	free(v->str);
	v->str = blob_steal(&b);
}

TObj *tobj_add(TObj *o, const char *name)
{
	TVal *v = make_val(o, name);
	v->items = xrealloc(v->items, (v->n + 1) * sizeof *v->items);
	return v->items[v->n++] = tobj_new();
}

void blob_markdown(Blob *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strchr("\\`*_[]<>#|", s[i]) && s[i])
			blob_putc(b, '\\');
		blob_putc(b, s[i]);
	}
}

/* The stack of objects names are looked up in, innermost last. */
typedef struct Scope {
	const TObj *obj[32];
	int n;
} Scope;

static const TVal *lookup(const Scope *sc, const char *name, size_t len)
{
	for (int i = sc->n - 1; i >= 0; i--) {
		const TVal *v = find_val(sc->obj[i], name, len);
		if (v)
			return v;
	}
	return NULL;
}

/* A tag at s: its kind ('{' name '#' '^' '/' '!' or 0 for a value), its name and where it
   ends. Returns 0 when the tag is not closed. */
typedef struct Tag {
	char kind;
	const char *name;
	size_t len;
	const char *after;
} Tag;

static int read_tag(const char *s, const char *end, Tag *t)
{
	/* s points at "{{" */
	const char *p = s + 2;
	int triple = p < end && *p == '{';
	if (triple)
		p++;
	t->kind = triple ? '{' : 0;
	if (!triple && p < end && strchr("#^/!", *p) && *p) {
		t->kind = *p;
		p++;
	}
	const char *close = NULL;
	for (const char *q = p; q + 1 < end; q++)
		if (q[0] == '}' && q[1] == '}') {
			close = q;
			break;
		}
	if (!close || (triple && (close + 2 >= end || close[2] != '}')))
		return 0;
	const char *a = p, *b = close;
	while (a < b && (*a == ' ' || *a == '\t'))
		a++;
	while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
		b--;
	t->name = a;
	t->len = (size_t)(b - a);
	t->after = close + 2 + (triple ? 1 : 0);
	return 1;
}

static size_t line_of(const char *start, const char *at)
{
	size_t n = 1;
	for (const char *p = start; p < at; p++)
		n += *p == '\n';
	return n;
}

/* Finds the {{/name}} closing the section whose body starts at s (nested sections of the
   same name counted). Returns the tag's start, with *after set past it, or NULL. */
static const char *section_end(const char *s, const char *end, const char *name, size_t len, const char **after)
{
	int depth = 0;
	for (const char *p = s; p + 1 < end; p++) {
		if (p[0] != '{' || p[1] != '{')
			continue;
		Tag t;
		if (!read_tag(p, end, &t))
			return NULL;
		if ((t.kind == '#' || t.kind == '^') && t.len == len && memcmp(t.name, name, len) == 0)
			depth++;
		else if (t.kind == '/' && t.len == len && memcmp(t.name, name, len) == 0) {
			if (!depth--) {
				*after = t.after;
				return p;
			}
		}
		p = t.after - 1;
	}
	return NULL;
}

static int render(const char *s, const char *end, const char *start, Scope *sc, int escape, Blob *out, Blob *err,
                  int depth)
{
	if (depth > 30) {
		blob_appendf(err, "line %zu: sections nested too deep", line_of(start, s));
		return -1;
	}
	while (s < end) {
		/* sections inside sections over the same list multiply: keep the output bounded */
		if (out->len > TEMPLATE_MAX_OUTPUT) {
			blob_appendf(err, "line %zu: the letter would be larger than %d MB", line_of(start, s),
			             TEMPLATE_MAX_OUTPUT >> 20);
			return -1;
		}
		const char *open = NULL;
		for (const char *p = s; p + 1 < end; p++)
			if (p[0] == '{' && p[1] == '{') {
				open = p;
				break;
			}
		if (!open) {
			blob_append(out, s, (size_t)(end - s));
			return 0;
		}
		blob_append(out, s, (size_t)(open - s));
		Tag t;
		if (!read_tag(open, end, &t)) {
			blob_appendf(err, "line %zu: a tag is not closed with }}", line_of(start, open));
			return -1;
		}
		if (t.kind == '!') {
			s = t.after;
			continue;
		}
		if (t.kind == '/') {
			blob_appendf(err, "line %zu: {{/%.*s}} closes no section", line_of(start, open), (int)t.len, t.name);
			return -1;
		}
		const TVal *v = lookup(sc, t.name, t.len);
		if (t.kind == 0 || t.kind == '{') {
			if (v && v->str) {
				size_t n = strlen(v->str);
				if (t.kind == '{' || escape == TEMPLATE_TEXT)
					blob_append(out, v->str, n);
				else if (escape == TEMPLATE_HTML)
					blob_html(out, v->str, n);
				else
					blob_markdown(out, v->str, n);
			}
			s = t.after;
			continue;
		}
		/* a section */
		const char *after, *body_end = section_end(t.after, end, t.name, t.len, &after);
		if (!body_end) {
			blob_appendf(err, "line %zu: {{%c%.*s}} has no {{/%.*s}}", line_of(start, open), t.kind, (int)t.len,
			             t.name, (int)t.len, t.name);
			return -1;
		}
		const char *body = t.after;
		int truthy = v && ((v->str && *v->str) || v->n);
		if (t.kind == '^') {
			if (!truthy && render(body, body_end, start, sc, escape, out, err, depth + 1) != 0)
				return -1;
		} else if (v && v->n) {
			for (size_t i = 0; i < v->n; i++) {
				if (sc->n == 32) {
					blob_appendf(err, "line %zu: sections nested too deep", line_of(start, open));
					return -1;
				}
				sc->obj[sc->n++] = v->items[i];
				int rc = render(body, body_end, start, sc, escape, out, err, depth + 1);
				sc->n--;
				if (rc)
					return -1;
			}
		} else if (truthy && render(body, body_end, start, sc, escape, out, err, depth + 1) != 0)
			return -1;
		s = after;
	}
	return 0;
}

/* Mustache's "standalone" rule: a line holding nothing but a section, end or comment tag
   (and white space) disappears with its line break, so sections leave no blank lines. */
static void strip_standalone(const char *s, size_t len, Blob *out)
{
	const char *end = s + len, *line = s;
	while (line < end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *eol = nl ? nl : end;
		const char *p = line;
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		Tag t;
		if (p + 2 < end && p[0] == '{' && p[1] == '{' && strchr("#^/!", p[2]) && read_tag(p, end, &t)) {
			const char *q = t.after;
			while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
				q++;
			if (q == end || *q == '\n') {
				/* keep the tag, drop the white space and the line break around it */
				blob_append(out, p, (size_t)(t.after - p));
				line = q < end ? q + 1 : end;
				continue;
			}
		}
		blob_append(out, line, (size_t)(nl ? nl + 1 - line : eol - line));
		line = nl ? nl + 1 : end;
	}
}

int template_render(const char *tpl, size_t len, const TObj *root, int escape, Blob *out, Blob *err)
{
	Scope sc = {{root}, 1};
	Blob t = BLOB_INIT;
	strip_standalone(tpl, len, &t);
	int rc = render(blob_str(&t), blob_str(&t) + t.len, blob_str(&t), &sc, escape, out, err, 0);
	blob_free(&t);
	return rc;
}
