/*
** clean_html.c — an HTML page to its article text and metadata.
**
** 1. A pre-filter drops what gumbo would only tokenize to throw away (the bodies of
**    scripts and styles, comments: nearly half the bytes of a news page) and flattens
**    tags nested deeper than MAX_DEPTH, on which HTML tree building is quadratic. It finds
**    raw-text element ends and counts nesting; the HTML itself is parsed by gumbo.
** 2. gumbo parses the rest (memory from a pool freed at once, so no recursive teardown).
** 3. The tree is flattened into an array in document order (subtree = [i, end)), with
**    what the page says about itself collected on the way: title, meta tags, JSON-LD,
**    language, <time>, bylines.
** 4. Block scoring: every block with enough text of its own scores by its length and
**    punctuation; its ancestors take the score, less for each level; a candidate's score
**    is weighed by its class and id (article, content … vs comment, share, sidebar …) and
**    by the share of its text that is links. The best candidate, with the siblings that
**    look like its continuation, is the article.
** 5. Inside it, blocks that are furniture (link lists, share bars, forms, image strips,
**    "Related" headings with their lists) are dropped, and the rest written out as
**    paragraphs separated by blank lines, each byte mapped to the original.
** If the article comes out short, the steps are retried with the filters relaxed.
*/
#include "clean_int.h"
#include "util.h"

#include <gumbo.h>
#include <math.h>
#include <string.h>
#include <strings.h>

#define MAX_DEPTH 400

/* ---- 1. pre-filter ---- */

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int tag_char(int c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

/* Elements whose end tag is optional or that have none: they do not count for depth. */
static int flat_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BR: case GUMBO_TAG_COL:
	case GUMBO_TAG_EMBED: case GUMBO_TAG_HR: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT:
	case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE:
	case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_P: case GUMBO_TAG_LI:
	case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
	case GUMBO_TAG_TH: case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_RB:
	case GUMBO_TAG_RT: case GUMBO_TAG_RP: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
	case GUMBO_TAG_TFOOT: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML:
	case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY: case GUMBO_TAG_FRAME: case GUMBO_TAG_KEYGEN:
	case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_IMAGE:
		return 1;
	default:
		return 0;
	}
}

/* The end of "</name" (followed by space, / or >) from s[i], or n. */
static size_t find_end_tag(const char *s, size_t n, size_t i, const char *name)
{
	size_t k = strlen(name);
	while (i < n) {
		const char *p = memchr(s + i, '<', n - i);
		if (!p)
			return n;
		i = (size_t)(p - s);
		if (i + 2 + k <= n && s[i + 1] == '/' && strncasecmp(s + i + 2, name, k) == 0 &&
		    (i + 2 + k == n || strchr(" \t\n\r\f/>", s[i + 2 + k])))
			return i;
		i++;
	}
	return n;
}

/* The end of the tag that starts at s[i] ('<'): past its '>', quotes honoured. */
static size_t tag_end(const char *s, size_t n, size_t i)
{
	size_t j = i + 1;
	while (j < n && s[j] != '>') {
		if (s[j] == '=') {
			j++;
			while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
				j++;
			if (j < n && (s[j] == '"' || s[j] == '\'')) {
				const char *q = memchr(s + j + 1, s[j], n - j - 1);
				j = q ? (size_t)(q - s) + 1 : n;
				continue;
			}
			continue;
		}
		j++;
	}
	return j < n ? j + 1 : n;
}

/* Copies s[from..to) to r; outside <pre> a run of white space becomes its first byte
   (a third of what is left of a page is indentation). */
static void keep(MText *r, const char *s, size_t from, size_t to, int pre)
{
	if (pre) {
		mt_copy(r, s + from, to - from, from);
		return;
	}
	size_t run = from;
	for (size_t i = from; i + 1 < to; i++) {
		char c = s[i];
		if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f')
			continue;
		char d = s[i + 1];
		if (d != ' ' && d != '\n' && d != '\t' && d != '\r' && d != '\f')
			continue;
		size_t j = i + 1;
		while (j < to && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r' || s[j] == '\f'))
			j++;
		mt_copy(r, s + run, i + 1 - run, run);
		run = j;
		i = j - 1;
	}
	mt_copy(r, s + run, to - run, run);
}

static void prefilter(const MText *u, MText *r)
{
	const char *s = u->text.data ? u->text.data : "";
	size_t n = u->text.len, i = 0, run = 0;
	int depth = 0, pre = 0;
	r->src_len = n;
	blob_reserve(&r->text, n);
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		if (!lt)
			break;
		i = (size_t)(lt - s);
		if (i + 1 >= n)
			break;
		char c = s[i + 1];
		if (c == '!') {
			if (i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
				size_t j = i + 4, end;
				if (j < n && s[j] == '>')
					end = j + 1;
				else if (j + 1 < n && s[j] == '-' && s[j + 1] == '>')
					end = j + 2;
				else {
					const char *e = memmem(s + j, n - j, "-->", 3);
					end = e ? (size_t)(e - s) + 3 : n;
				}
				keep(r, s, run, i, pre);
				run = i = end;
				continue;
			}
			const char *e = memchr(s + i, '>', n - i);
			i = e ? (size_t)(e - s) + 1 : n;
			continue;
		}
		if (c == '?') {
			const char *e = memchr(s + i, '>', n - i);
			i = e ? (size_t)(e - s) + 1 : n;
			continue;
		}
		int end_tag = c == '/';
		size_t ns = i + 1 + end_tag;
		if (ns >= n || !is_alpha(s[ns])) {
			i++;
			continue;
		}
		size_t j = ns;
		while (j < n && tag_char(s[j]))
			j++;
		GumboTag tag = gumbo_tagn_enum(s + ns, (unsigned)(j - ns));
		size_t te = tag_end(s, n, i);
		int flat = flat_tag(tag) || (!end_tag && te >= 2 && s[te - 2] == '/');
		if (end_tag) {
			if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING) {
				keep(r, s, run, te, pre);
				run = te;
				if (pre)
					pre--;
			}
			if (!flat) {
				if (depth > MAX_DEPTH) {
					keep(r, s, run, i, pre);
					run = te;
				}
				if (depth > 0)
					depth--;
			}
			i = te;
			continue;
		}
		if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING) {
			keep(r, s, run, te, pre);
			run = te;
			pre++;
		}
		if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_SVG) {
			const char *name = gumbo_normalized_tagname(tag);
			size_t close = find_end_tag(s, n, te, name);
			int json = tag == GUMBO_TAG_SCRIPT && memmem(s + i, te - i, "ld+json", 7);
			if (!json) {
				keep(r, s, run, te, pre);
				run = close;
			}
			i = close;
			continue;
		}
		if (tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_TITLE || tag == GUMBO_TAG_XMP ||
		    tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_NOEMBED || tag == GUMBO_TAG_NOFRAMES) {
			i = find_end_tag(s, n, te, gumbo_normalized_tagname(tag));
			continue;
		}
		if (!flat && ++depth > MAX_DEPTH) {
			keep(r, s, run, i, pre);
			run = te;
		}
		i = te;
	}
	keep(r, s, run, n, pre);
}

/* ---- 2. gumbo with pooled memory ---- */

/* Blocks in power-of-two size classes with their class in a header; freed blocks are
   reused, everything is released at once. */
typedef struct Pool {
	char **chunks;
	size_t *sizes;
	size_t nchunks;
	char *cur;
	size_t left;
	void *free_list[32];
} Pool;

/* Chunks kept from one page for the next in the same thread (fresh memory from the
   system costs a page fault per 4 KB). */
#define POOL_CHUNK (1u << 20)
#define POOL_KEEP 8
static _Thread_local char *spare[POOL_KEEP];
static _Thread_local int nspare;

static void *pool_alloc(void *ud, size_t n)
{
	Pool *p = ud;
	unsigned cls = 4;
	while (((size_t)1 << cls) < n + 16)
		cls++;
	if (cls < 32 && p->free_list[cls]) {
		char *b = p->free_list[cls];
		p->free_list[cls] = *(void **)(b + 16);
		return b + 16;
	}
	size_t sz = (size_t)1 << cls;
	if (sz > p->left) {
		size_t csz = sz > POOL_CHUNK ? sz : POOL_CHUNK;
		p->chunks = xrealloc(p->chunks, (p->nchunks + 1) * sizeof *p->chunks);
		p->sizes = xrealloc(p->sizes, (p->nchunks + 1) * sizeof *p->sizes);
		p->cur = csz == POOL_CHUNK && nspare ? spare[--nspare] : xmalloc(csz);
		p->sizes[p->nchunks] = csz;
		p->chunks[p->nchunks++] = p->cur;
		p->left = csz;
	}
	char *b = p->cur;
	p->cur += sz;
	p->left -= sz;
	*(unsigned *)b = cls;
	return b + 16;
}

static void pool_free(void *ud, void *ptr)
{
	Pool *p = ud;
	if (!ptr)
		return;
	char *b = (char *)ptr - 16;
	unsigned cls = *(unsigned *)b;
	if (cls < 32) {
		*(void **)(b + 16) = p->free_list[cls];
		p->free_list[cls] = b;
	}
}

static void pool_release(Pool *p)
{
	for (size_t i = 0; i < p->nchunks; i++) {
		if (p->sizes[i] == POOL_CHUNK && nspare < POOL_KEEP)
			spare[nspare++] = p->chunks[i];
		else
			free(p->chunks[i]);
	}
	free(p->chunks);
	free(p->sizes);
	memset(p, 0, sizeof *p);
}

/* ---- 3. the page as an array ---- */

enum {
	F_DROP = 1 << 0,      /* never part of the text (hidden, scripts, forms controls) */
	F_UNLIKELY = 1 << 1,  /* page furniture by class, id, role or tag */
	F_BYLINE = 1 << 2,    /* the byline: metadata, not text */
	F_BLOCK = 1 << 3,     /* a block-level element */
	F_TEXT = 1 << 4,      /* a text node */
	F_PRE = 1 << 5,       /* inside <pre>: white space kept */
	F_GONE = 1 << 6,      /* excluded in this pass */
	F_CUT = 1 << 7,       /* removed from the article by the clean-up of this pass */
	F_LISTHEAD = 1 << 8,  /* a heading over a list of other articles */
	F_FIGURE = 1 << 9,    /* inside <figure> */
	F_DUPTITLE = 1 << 10, /* a heading that repeats the title */
	F_HASH = 1 << 11,     /* a link to an anchor of the same page */
};

typedef struct HNode {
	GumboNode *g;
	int parent, end;
	int tag;
	unsigned flags;
	int weight;      /* from class and id */
	/* text of a text node, whitespace collapsed */
	unsigned tchars, tcommas;
	/* per pass, over the subtree */
	unsigned chars, lchars, ichars, icommas, commas, hchars, lichars;
	unsigned np, nimg, nli, ninput, nembed;
	unsigned bkids;  /* block children */
	float score;
	int scored;
} HNode;

typedef struct Page {
	HNode *v;
	int n, cap;
	int body;
	const char *src; /* the pre-filtered bytes gumbo parsed */
	size_t srclen;
	const CleanLex *lex;
	Meta *meta;
	int *times; /* <time> elements and itemprop=datePublished, in order */
	int ntimes;
	int *marks; /* h1 elements (as -1 - i) and blocks whose class or id says date, in order */
	int nmarks;
	int copyright; /* the last text node with a copyright mark, or -1 */
} Page;

static void push_mark(Page *pg, int v)
{
	if (pg->nmarks >= 64)
		return;
	pg->marks = xrealloc(pg->marks, (size_t)(pg->nmarks + 1) * sizeof *pg->marks);
	pg->marks[pg->nmarks++] = v;
}

static const char *attr(const GumboNode *g, const char *name)
{
	if (g->type != GUMBO_NODE_ELEMENT)
		return NULL;
	const GumboAttribute *a = gumbo_get_attribute(&g->v.element.attributes, name);
	return a ? a->value : NULL;
}

static int block_tag(int t)
{
	switch (t) {
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
	case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
	case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
	case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LI:
	case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
	case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
	case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT:
	case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
	case GUMBO_TAG_CAPTION: case GUMBO_TAG_LEGEND: case GUMBO_TAG_NOSCRIPT:
		return 1;
	default:
		return 0;
	}
}

static int heading_tag(int t)
{
	return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
}

/* Elements that never hold article text. */
static int dropped_tag(int t)
{
	switch (t) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_SVG:
	case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS:
	case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST:
	case GUMBO_TAG_MAP: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_TITLE:
	case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_BASE: case GUMBO_TAG_NOFRAMES:
		return 1;
	default:
		return 0;
	}
}

/* 1 when style="…" hides the element. */
static int style_hides(const char *st)
{
	char buf[256];
	size_t k = 0;
	for (const char *p = st; *p && k < sizeof buf - 1; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n')
			buf[k++] = (char)(*p | 32);
	buf[k] = 0;
	return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

/* Class and id as one lower-case string of at most cap bytes. */
static size_t class_id(const char *c, const char *id, char *out, size_t cap)
{
	size_t k = 0;
	for (int w = 0; w < 2; w++) {
		const char *s = w ? id : c;
		if (!s)
			continue;
		if (k && k < cap - 1)
			out[k++] = ' ';
		for (; *s && k < cap - 1; s++)
			out[k++] = (char)(*s >= 'A' && *s <= 'Z' ? *s | 32 : *s);
	}
	out[k] = 0;
	return k;
}

/* Text of the subtree of g, collapsed (for titles and metadata). */
static void node_text(const GumboNode *g, Blob *b, int limit)
{
	if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE || g->type == GUMBO_NODE_CDATA) {
		blob_puts(b, g->v.text.text);
		return;
	}
	if (g->type != GUMBO_NODE_ELEMENT || limit <= 0 || b->len > 4096)
		return;
	if (g->v.element.tag == GUMBO_TAG_SCRIPT || g->v.element.tag == GUMBO_TAG_STYLE)
		return;
	for (unsigned i = 0; i < g->v.element.children.length; i++) {
		node_text(g->v.element.children.data[i], b, limit - 1);
		if (block_tag(g->v.element.tag))
			blob_putc(b, ' ');
	}
}

static char *node_text_dup(const GumboNode *g)
{
	Blob b = BLOB_INIT;
	node_text(g, &b, 32);
	char *s = text_collapse(blob_str(&b), b.len);
	blob_free(&b);
	return s;
}

/* What meta tags and link rel say about the page. */
static void read_meta_tag(Page *pg, const GumboNode *g)
{
	Meta *m = pg->meta;
	const char *content = attr(g, "content");
	const char *keys[3] = {attr(g, "property"), attr(g, "name"), attr(g, "itemprop")};
	if (!content)
		return;
	size_t cl = strlen(content);
	for (int k = 0; k < 3; k++) {
		const char *key = keys[k];
		if (!key)
			continue;
		/* a property may list several names: "og:title twitter:title" */
		for (const char *p = key; *p;) {
			while (*p == ' ')
				p++;
			const char *q = p;
			while (*q && *q != ' ')
				q++;
			size_t n = (size_t)(q - p);
			char name[64];
			if (n && n < sizeof name) {
				for (size_t i = 0; i < n; i++)
					name[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] | 32 : p[i]);
				name[n] = 0;
				/* order of trust; a property= beats a name= of the same kind */
				int tp = strcmp(name, "dc:title") == 0 || strcmp(name, "dcterm:title") == 0 ||
				                 strcmp(name, "dc.title") == 0 ? 18
				       : strcmp(name, "og:title") == 0 ? 16
				       : strcmp(name, "title") == 0 && k != 2 ? 12
				       : strcmp(name, "twitter:title") == 0 ? 10
				       : strcmp(name, "parsely-title") == 0 ? 8 : 0;
				if (tp)
					meta_set(&m->title, &m->title_p, tp + (k == 0), content, cl);
				if (strcmp(name, "og:url") == 0 && cl && !m->url)
					m->url = xstrndup(content, cl);
				if (strcmp(name, "og:site_name") == 0)
					meta_set(&m->publisher, &m->publisher_p, MP_META, content, cl);
				else if (strcmp(name, "application-name") == 0 || strcmp(name, "publisher") == 0 ||
				         strcmp(name, "dc.publisher") == 0)
					meta_set(&m->publisher, &m->publisher_p, MP_WEAK, content, cl);
				if (strcmp(name, "author") == 0 || strcmp(name, "dc.creator") == 0 ||
				    strcmp(name, "dc:creator") == 0 || strcmp(name, "parsely-author") == 0 ||
				    strcmp(name, "sailthru.author") == 0 || strcmp(name, "byl") == 0 ||
				    strcmp(name, "article:author") == 0)
					if (!strstr(content, "://"))
						meta_set(&m->author, &m->author_p, MP_META, content, cl);
				if (strcmp(name, "article:published_time") == 0 ||
				    strcmp(name, "datepublished") == 0 || strcmp(name, "dc.date") == 0 ||
				    strcmp(name, "dc.date.issued") == 0 || strcmp(name, "dcterms.date") == 0 ||
				    strcmp(name, "dcterms.created") == 0 || strcmp(name, "date") == 0 ||
				    strcmp(name, "pubdate") == 0 || strcmp(name, "publishdate") == 0 ||
				    strcmp(name, "publish-date") == 0 || strcmp(name, "parsely-pub-date") == 0 ||
				    strcmp(name, "sailthru.date") == 0 || strcmp(name, "og:published_time") == 0 ||
				    strcmp(name, "article.published") == 0 || strcmp(name, "dc.date.created") == 0 ||
				    strcmp(name, "originalpublicationdate") == 0 ||
				    strcmp(name, "article_date_original") == 0 || strcmp(name, "date_published") == 0) {
					char iso[11];
					if (meta_date_value(content, cl, iso))
						meta_set(&m->published, &m->published_p,
						         name[0] == 'a' || name[0] == 'd' ? MP_META : MP_DATELINE, iso, 10);
				}
				if ((strcmp(name, "dc.language") == 0 || strcmp(name, "og:locale") == 0 ||
				     strcmp(name, "content-language") == 0 || strcmp(name, "language") == 0) && cl)
					meta_set(&m->language, &m->language_p, MP_WEAK, content, cl);
			}
			p = q;
		}
	}
	const char *he = attr(g, "http-equiv");
	if (he && strcasecmp(he, "content-language") == 0)
		meta_set(&m->language, &m->language_p, MP_WEAK, content, cl);
}

static int push_node(Page *pg, GumboNode *g, int parent)
{
	if (pg->n == pg->cap) {
		pg->cap = pg->cap ? pg->cap * 2 : 1024;
		pg->v = xrealloc(pg->v, (size_t)pg->cap * sizeof *pg->v);
	}
	HNode *h = &pg->v[pg->n];
	memset(h, 0, sizeof *h);
	h->g = g;
	h->parent = parent;
	h->tag = g->type == GUMBO_NODE_ELEMENT ? (int)g->v.element.tag : -1;
	return pg->n++;
}

/* Counts the characters of a text node as written out (white space collapsed) and its
   commas. */
static void count_text(HNode *h, const char *s)
{
	size_t n = strlen(s), i = 0;
	unsigned chars = 0, commas = 0;
	int space = 0;
	while (i < n) {
		uint32_t c = utf8_get(s, n, &i);
		if (cp_space(c)) {
			space = 1;
			continue;
		}
		if (cp_invisible(c))
			continue;
		chars += 1 + (space && chars);
		space = 0;
		if (c == ',' || c == 0xFF0C || c == 0x3001 || c == 0x060C)
			commas++;
	}
	h->tchars = chars;
	h->tcommas = commas;
}

/* The attributes visit_element looks at, read in one pass. */
typedef struct Attrs {
	const char *cls, *id, *itemprop, *hidden, *style, *aria_hidden, *role, *href, *rel,
	           *lang, *type;
} Attrs;

static void read_attrs(const GumboNode *g, Attrs *a)
{
	memset(a, 0, sizeof *a);
	const GumboVector *v = &g->v.element.attributes;
	for (unsigned i = 0; i < v->length; i++) {
		const GumboAttribute *at = v->data[i];
		const char *n = at->name;
		switch (n[0]) {
		case 'a': if (strcmp(n, "aria-hidden") == 0) a->aria_hidden = at->value; break;
		case 'c': if (strcmp(n, "class") == 0) a->cls = at->value; break;
		case 'h':
			if (strcmp(n, "href") == 0) a->href = at->value;
			else if (strcmp(n, "hidden") == 0) a->hidden = at->value;
			break;
		case 'i':
			if (strcmp(n, "id") == 0) a->id = at->value;
			else if (strcmp(n, "itemprop") == 0) a->itemprop = at->value;
			break;
		case 'l': if (strcmp(n, "lang") == 0) a->lang = at->value; break;
		case 'r':
			if (strcmp(n, "role") == 0) a->role = at->value;
			else if (strcmp(n, "rel") == 0) a->rel = at->value;
			break;
		case 's': if (strcmp(n, "style") == 0) a->style = at->value; break;
		case 't': if (strcmp(n, "type") == 0) a->type = at->value; break;
		case 'x': if (strcmp(n, "xml:lang") == 0 && !a->lang) a->lang = at->value; break;
		}
	}
}

/* 1 when a class or id names a date block ("date", "post-time", "published") and not a
   site banner's date ("banner-date", "today") or a list of updates. */
static int date_class(const char *ci, size_t cn)
{
	char buf[512];
	size_t k = cn < sizeof buf - 1 ? cn : sizeof buf - 1;
	memcpy(buf, ci, k);
	buf[k] = 0;
	if (!strstr(buf, "date") && !strstr(buf, "time") && !strstr(buf, "posted") && !strstr(buf, "published"))
		return 0;
	return !strstr(buf, "update") && !strstr(buf, "banner") && !strstr(buf, "today") &&
	       !strstr(buf, "header") && !strstr(buf, "masthead") && !strstr(buf, "current") &&
	       !strstr(buf, "timeline") && !strstr(buf, "comment");
}

/* Element flags and metadata, when the element is first met. */
static void visit_element(Page *pg, int i, int parent_flags)
{
	HNode *h = &pg->v[i];
	GumboNode *g = h->g;
	int t = h->tag;
	const CleanLex *lx = pg->lex;
	Meta *m = pg->meta;
	h->flags |= parent_flags & (F_PRE | F_FIGURE | F_HASH);
	if (block_tag(t))
		h->flags |= F_BLOCK;
	if (t == GUMBO_TAG_PRE)
		h->flags |= F_PRE;
	if (t == GUMBO_TAG_FIGURE)
		h->flags |= F_FIGURE;
	Attrs at;
	read_attrs(g, &at);

	if (t == GUMBO_TAG_HTML) {
		if (at.lang && *at.lang)
			meta_set(&m->language, &m->language_p, MP_META, at.lang, strlen(at.lang));
	} else if (t == GUMBO_TAG_TITLE && !m->doc_title) {
		m->doc_title = node_text_dup(g);
	} else if (t == GUMBO_TAG_META) {
		read_meta_tag(pg, g);
	} else if (t == GUMBO_TAG_SCRIPT) {
		if (at.type && strstr(at.type, "ld+json") && g->v.element.children.length) {
			const GumboNode *c = g->v.element.children.data[0];
			if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE)
				meta_jsonld(m, c->v.text.text, strlen(c->v.text.text));
		}
	} else if (t == GUMBO_TAG_BODY && pg->body < 0) {
		pg->body = i;
	} else if (t == GUMBO_TAG_H1 && !(parent_flags & F_DROP)) {
		if (!m->h1)
			m->h1 = node_text_dup(g);
		push_mark(pg, -1 - i);
	} else if (t == GUMBO_TAG_LINK) {
		if (at.rel && at.href && strcmp(at.rel, "canonical") == 0 && !m->url)
			m->url = xstrdup(at.href);
	} else if (t == GUMBO_TAG_A) {
		if (at.href && at.href[0] == '#')
			h->flags |= F_HASH;
		if (at.rel && strcmp(at.rel, "author") == 0) {
			char *a = node_text_dup(g);
			if (a)
				meta_set(&m->author, &m->author_p, MP_TEXT, a, strlen(a));
			free(a);
		}
	}
	if (t == GUMBO_TAG_TIME || at.itemprop) {
		const char *ip = at.itemprop;
		if (t == GUMBO_TAG_TIME || (ip && strcasecmp(ip, "datePublished") == 0)) {
			pg->times = xrealloc(pg->times, (size_t)(pg->ntimes + 1) * sizeof *pg->times);
			pg->times[pg->ntimes++] = i;
		}
		if (ip && strcasecmp(ip, "author") == 0 && !(parent_flags & F_DROP)) {
			char *a = node_text_dup(g);
			if (a && strlen(a) < 100)
				meta_set(&m->author, &m->author_p, MP_TEXT, a, strlen(a));
			free(a);
		}
	}

	if (dropped_tag(t) || at.hidden || (at.style && style_hides(at.style))) {
		h->flags |= F_DROP;
		return;
	}
	char ci[512];
	size_t cn = 0;
	if (at.cls || at.id)
		cn = class_id(at.cls, at.id, ci, sizeof ci);
	else
		ci[0] = 0;
	if (at.aria_hidden && strcmp(at.aria_hidden, "true") == 0 && !strstr(ci, "fallback-image")) {
		h->flags |= F_DROP;
		return;
	}
	if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML)
		return;
	const char *role = at.role;
	if (role && (strcmp(role, "navigation") == 0 || strcmp(role, "menu") == 0 ||
	             strcmp(role, "menubar") == 0 || strcmp(role, "complementary") == 0 ||
	             strcmp(role, "alert") == 0 || strcmp(role, "alertdialog") == 0 ||
	             strcmp(role, "dialog") == 0 || strcmp(role, "banner") == 0 ||
	             strcmp(role, "contentinfo") == 0))
		h->flags |= F_UNLIKELY;
	if (t == GUMBO_TAG_NAV || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FOOTER)
		h->flags |= F_UNLIKELY;
	if (!cn && !(role && strcmp(role, "author") == 0))
		return;
	int good = wl_any_in(&lx->class_good, ci, cn);
	if (wl_any_in(&lx->class_bad, ci, cn))
		h->weight -= 25;
	if (good)
		h->weight += 25;
	if (!good && t != GUMBO_TAG_ARTICLE && t != GUMBO_TAG_MAIN && t != GUMBO_TAG_A &&
	    wl_any_in(&lx->class_drop, ci, cn))
		h->flags |= F_UNLIKELY;
	if (wl_any_in(&lx->byline_class, ci, cn) || (role && strcmp(role, "author") == 0)) {
		char *a = node_text_dup(g);
		if (a && strlen(a) < 200 && strlen(a) > 2) {
			h->flags |= F_BYLINE;
			if (!m->byline)
				m->byline = a, a = NULL;
		}
		free(a);
	} else if (date_class(ci, cn)) {
		push_mark(pg, i);
	}
}

/* Flattens the tree under root into pg->v in document order. */
static void build(Page *pg, GumboNode *root)
{
	typedef struct Frame {
		int idx;
		unsigned next;
	} Frame;
	Frame *stack = NULL;
	int depth = 0, cap = 0;
	int r = push_node(pg, root, -1);
	visit_element(pg, r, 0);
	stack = xrealloc(stack, sizeof *stack * 64);
	cap = 64;
	stack[depth++] = (Frame){r, 0};
	while (depth) {
		Frame *f = &stack[depth - 1];
		GumboNode *g = pg->v[f->idx].g;
		const GumboVector *kids = &g->v.element.children;
		if (g->type != GUMBO_NODE_ELEMENT || f->next >= kids->length) {
			pg->v[f->idx].end = pg->n;
			depth--;
			continue;
		}
		GumboNode *c = kids->data[f->next++];
		int pflags = (int)pg->v[f->idx].flags;
		if (pg->v[f->idx].flags & F_DROP)
			pflags |= F_DROP;
		if (c->type == GUMBO_NODE_COMMENT || c->type == GUMBO_NODE_DOCUMENT)
			continue;
		int k = push_node(pg, c, f->idx);
		HNode *h = &pg->v[k];
		if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
			h->flags = F_TEXT | (pflags & (F_PRE | F_FIGURE | F_HASH));
			count_text(h, c->v.text.text);
			if (!(pflags & F_DROP) && c->type == GUMBO_NODE_TEXT &&
			    (strstr(c->v.text.text, "\xC2\xA9") || strstr(c->v.text.text, "opyright")))
				pg->copyright = k;
			h->end = k + 1;
			continue;
		}
		if (c->type == GUMBO_NODE_TEMPLATE) {
			h->flags = F_DROP;
			h->end = k + 1;
			continue;
		}
		visit_element(pg, k, pflags);
		if (depth == cap) {
			cap *= 2;
			stack = xrealloc(stack, sizeof *stack * (size_t)cap);
		}
		stack[depth++] = (Frame){k, 0};
	}
	free(stack);
}

/* ---- 4. scoring ---- */

typedef struct Pass {
	int strip_unlikely, use_weights, clean;
} Pass;

/* Which nodes take part in this pass, and their counts over their subtrees. */
static void aggregate(Page *pg, const Pass *ps)
{
	int n = pg->n;
	for (int i = 0; i < n; i++) {
		HNode *h = &pg->v[i];
		h->flags &= ~(unsigned)(F_GONE | F_CUT);
		if ((h->flags & (F_DROP | F_BYLINE)) || (ps->strip_unlikely && (h->flags & F_UNLIKELY)) ||
		    (h->parent >= 0 && (pg->v[h->parent].flags & F_GONE)))
			h->flags |= F_GONE;
		h->chars = h->lchars = h->ichars = h->icommas = h->commas = h->hchars = h->lichars = 0;
		h->np = h->nimg = h->nli = h->ninput = h->nembed = h->bkids = 0;
		h->score = 0;
		h->scored = 0;
	}
	for (int i = n - 1; i >= 0; i--) {
		HNode *h = &pg->v[i];
		if (h->flags & F_TEXT) {
			h->chars = h->ichars = h->tchars;
			h->commas = h->icommas = h->tcommas;
		}
		int t = h->tag;
		if (t == GUMBO_TAG_A)
			h->lchars = (h->flags & F_HASH) ? h->chars * 3 / 10 : h->chars;
		if (heading_tag(t))
			h->hchars = h->chars;
		if (t == GUMBO_TAG_LI)
			h->lichars = h->chars;
		if (t == GUMBO_TAG_P)
			h->np++;
		if (t == GUMBO_TAG_IMG)
			h->nimg++;
		if (t == GUMBO_TAG_LI)
			h->nli++;
		if (t == GUMBO_TAG_INPUT || t == GUMBO_TAG_SELECT || t == GUMBO_TAG_TEXTAREA || t == GUMBO_TAG_BUTTON)
			h->ninput++;
		if (t == GUMBO_TAG_IFRAME || t == GUMBO_TAG_EMBED || t == GUMBO_TAG_OBJECT || t == GUMBO_TAG_VIDEO)
			h->nembed++;
		if (h->parent < 0 || (h->flags & F_GONE))
			continue;
		HNode *p = &pg->v[h->parent];
		p->chars += h->chars;
		p->lchars += h->lchars;
		p->commas += h->commas;
		p->hchars += h->hchars;
		p->lichars += h->lichars;
		p->np += h->np;
		p->nimg += h->nimg;
		p->nli += h->nli;
		p->ninput += h->ninput;
		p->nembed += h->nembed;
		if (!(h->flags & F_BLOCK)) {
			p->ichars += h->ichars;
			p->icommas += h->icommas;
		} else {
			p->bkids++;
		}
	}
}

static float link_density(const HNode *h)
{
	return h->chars ? (float)h->lchars / (float)h->chars : 0;
}

/* A candidate's score before paragraphs add to it: by tag and, when weights are used, by
   class and id. */
static void init_candidate(HNode *h, const Pass *ps)
{
	if (h->scored)
		return;
	h->scored = 1;
	switch (h->tag) {
	case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_SECTION:
		h->score = 5;
		break;
	case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
		h->score = 3;
		break;
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
	case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
		h->score = -3;
		break;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
	case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH:
		h->score = -5;
		break;
	default:
		h->score = 0;
	}
	if (ps->use_weights)
		h->score += (float)h->weight;
}

/* Containers whose own inline text is read as paragraphs of theirs. */
static int container_tag(int t)
{
	return t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ARTICLE ||
	       t == GUMBO_TAG_MAIN || t == GUMBO_TAG_TD || t == GUMBO_TAG_BODY ||
	       t == GUMBO_TAG_CENTER || t == GUMBO_TAG_FORM;
}

static void score_blocks(Page *pg, const Pass *ps)
{
	for (int i = 0; i < pg->n; i++) {
		HNode *h = &pg->v[i];
		if ((h->flags & (F_GONE | F_TEXT)) || !(h->flags & F_BLOCK) || h->ichars < 25 ||
		    heading_tag(h->tag) || h->tag == GUMBO_TAG_HTML)
			continue;
		float s = 1 + (float)h->icommas + (float)(h->ichars / 100 < 3 ? h->ichars / 100 : 3);
		/* a container with only inline content is a paragraph; one that mixes text
		   and blocks holds paragraphs of its own */
		int a = container_tag(h->tag) && h->bkids ? i : h->parent;
		for (int level = 1; a >= 0 && level <= 5; level++, a = pg->v[a].parent) {
			HNode *c = &pg->v[a];
			if (c->tag == GUMBO_TAG_HTML)
				break;
			init_candidate(c, ps);
			c->score += level == 1 ? s : level == 2 ? s / 2 : s / (float)(level * 3);
		}
	}
}

static float final_score(const HNode *h)
{
	return h->score * (1 - link_density(h));
}

/* Is a a proper ancestor of b? */
static int ancestor(const Page *pg, int a, int b)
{
	return a < b && b < pg->v[a].end;
}

/* The element that holds the article. */
static int pick_top(Page *pg)
{
	int top = -1;
	float best = 0;
	int cands[5] = {-1, -1, -1, -1, -1};
	float cs[5] = {0};
	for (int i = 0; i < pg->n; i++) {
		HNode *h = &pg->v[i];
		if (!h->scored || (h->flags & F_GONE))
			continue;
		float f = final_score(h);
		if (top < 0 || f > best) {
			top = i;
			best = f;
		}
		for (int k = 0; k < 5; k++)
			if (cands[k] < 0 || f > cs[k]) {
				for (int j = 4; j > k; j--) {
					cands[j] = cands[j - 1];
					cs[j] = cs[j - 1];
				}
				cands[k] = i;
				cs[k] = f;
				break;
			}
	}
	int body = pg->body >= 0 ? pg->body : 0;
	if (top < 0 || pg->v[top].tag == GUMBO_TAG_BODY)
		return body;
	/* Several near-equal candidates under one ancestor: the article is that ancestor. */
	int close = 0;
	for (int k = 1; k < 5; k++)
		if (cands[k] >= 0 && cs[k] >= best * 0.75f)
			close++;
	if (close >= 2) {
		int a = pg->v[top].parent;
		while (a >= 0 && pg->v[a].tag != GUMBO_TAG_BODY) {
			int in = 0;
			for (int k = 1; k < 5; k++)
				if (cands[k] >= 0 && cs[k] >= best * 0.75f && ancestor(pg, a, cands[k]))
					in++;
			if (in >= 2 && in >= close) {
				top = a;
				break;
			}
			a = pg->v[a].parent;
		}
	}
	/* Go up while the parent scores higher, within reason. */
	float last = pg->v[top].score;
	float floor_score = last / 3;
	for (int a = pg->v[top].parent; a >= 0 && pg->v[a].tag != GUMBO_TAG_BODY; a = pg->v[a].parent) {
		if (!pg->v[a].scored)
			continue;
		if (pg->v[a].score < floor_score)
			break;
		if (pg->v[a].score > last) {
			top = a;
			break;
		}
		last = pg->v[a].score;
	}
	/* An only child stands for its parent. */
	for (;;) {
		int p = pg->v[top].parent;
		if (p < 0 || pg->v[p].tag == GUMBO_TAG_BODY || pg->v[p].tag == GUMBO_TAG_HTML)
			break;
		int kids = 0;
		for (int c = p + 1; c < pg->v[p].end; c = pg->v[c].end)
			if (!(pg->v[c].flags & (F_TEXT | F_GONE)))
				kids++;
		if (kids != 1)
			break;
		top = p;
	}
	return top;
}

/* The text of a node ends like a sentence. */
static int ends_sentence(const Page *pg, int i)
{
	for (int k = pg->v[i].end - 1; k >= i; k--) {
		const HNode *h = &pg->v[k];
		if (!(h->flags & F_TEXT) || !h->tchars || (h->flags & F_GONE))
			continue;
		const char *s = h->g->v.text.text;
		size_t n = strlen(s);
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
			n--;
		return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':' ||
		             (n >= 3 && (unsigned char)s[n - 3] == 0xE3 && (unsigned char)s[n - 2] == 0x80 &&
		              (unsigned char)s[n - 1] == 0x82));
	}
	return 0;
}

/* The article: the top element and those of its siblings that continue it. */
static int pick_article(Page *pg, int top, int *out, int cap)
{
	float best_score = 0;
	for (int i = 0; i < pg->n; i++)
		if (pg->v[i].scored && !(pg->v[i].flags & F_GONE) && final_score(&pg->v[i]) > best_score)
			best_score = final_score(&pg->v[i]);
	int p = pg->v[top].parent;
	if (p < 0 || pg->v[top].tag == GUMBO_TAG_BODY) {
		out[0] = top;
		return 1;
	}
	float ts = final_score(&pg->v[top]);
	float threshold = ts * 0.2f > 10 ? ts * 0.2f : 10;
	const char *tclass = attr(pg->v[top].g, "class");
	int k = 0;
	for (int c = p + 1; c < pg->v[p].end && k < cap; c = pg->v[c].end) {
		HNode *h = &pg->v[c];
		if (h->flags & F_GONE)
			continue;
		if (c == top) {
			out[k++] = c;
			continue;
		}
		if (h->flags & F_TEXT)
			continue;
		float bonus = 0;
		const char *cl = attr(h->g, "class");
		if (tclass && cl && *cl && strcmp(cl, tclass) == 0)
			bonus = ts * 0.2f;
		int take = 0;
		/* the best candidate inside the sibling speaks for it (an article split into
		   sections between figures) */
		float inner = 0;
		if (link_density(h) < 0.3f)
			for (int d = c + 1; d < h->end; d++)
				if (pg->v[d].scored && !(pg->v[d].flags & F_GONE) && final_score(&pg->v[d]) > inner)
					inner = final_score(&pg->v[d]);
		if (h->scored && final_score(h) + bonus >= threshold)
			take = 1;
		else if (inner >= threshold && inner >= 0.5f * best_score)
			take = 1;
		else if (h->tag == GUMBO_TAG_P || (container_tag(h->tag) && !h->bkids)) {
			float ld = link_density(h);
			if (h->chars > 80 && ld < 0.25f)
				take = 1;
			else if (h->chars < 80 && h->chars > 0 && ld == 0 && ends_sentence(pg, c))
				take = 1;
		}
		if (take)
			out[k++] = c;
	}
	return k;
}

/* ---- 5. clean-up and writing ---- */

/* Decides, bottom-up, which blocks inside the article are furniture. */
static void clean_article(Page *pg, int root, const Pass *ps)
{
	/* recount the subtree with removed parts left out */
	for (int i = pg->v[root].end - 1; i >= root; i--) {
		HNode *h = &pg->v[i];
		if (h->flags & F_GONE)
			continue;
		int t = h->tag;
		int cut = 0;
		if (i != root && !(h->flags & F_TEXT)) {
			int weight = ps->use_weights ? h->weight : 0;
			float ld = link_density(h);
			if (h->flags & F_LISTHEAD) {
				cut = 1;
			} else if (heading_tag(t)) {
				if (t <= GUMBO_TAG_H2 && weight < 0)
					cut = 1;
				if (h->flags & F_DUPTITLE)
					cut = 1;
			} else if (ps->clean && (t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION ||
			                         t == GUMBO_TAG_UL || t == GUMBO_TAG_OL ||
			                         t == GUMBO_TAG_TABLE || t == GUMBO_TAG_FORM ||
			                         t == GUMBO_TAG_FIELDSET || t == GUMBO_TAG_ASIDE ||
			                         t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER ||
			                         t == GUMBO_TAG_NAV || t == GUMBO_TAG_DL ||
			                         t == GUMBO_TAG_FIGURE)) {
				int list = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL ||
				           (h->chars && h->lichars * 10 > h->chars * 9);
				if (weight < 0)
					cut = 1;
				else if (h->commas < 10) {
					int p = (int)h->np, img = (int)h->nimg, li = (int)h->nli - 100;
					float hd = h->chars ? (float)h->hchars / (float)h->chars : 0;
					int fig = (h->flags & F_FIGURE) || t == GUMBO_TAG_FIGURE;
					if (img > 1 && (float)p / (float)img < 0.5f && !fig)
						cut = 1;
					else if (!list && li > p)
						cut = 1;
					else if ((int)h->ninput > p / 3)
						cut = 1;
					else if (!list && hd < 0.9f && h->chars < 25 && (img == 0 || img > 2) && !fig)
						cut = 1;
					else if (!list && weight < 25 && ld > 0.2f)
						cut = 1;
					else if (weight >= 25 && ld > 0.5f)
						cut = 1;
					else if ((h->nembed == 1 && h->chars < 75) || h->nembed > 1)
						cut = 1;
				}
				/* a list under a "Related"-style heading */
				if (!cut && list && ld > 0.5f) {
					int prev = -1;
					for (int c = h->parent + 1; c < i; c = pg->v[c].end)
						if (!(pg->v[c].flags & (F_TEXT | F_GONE | F_CUT)))
							prev = c;
					if (prev >= 0 && (pg->v[prev].flags & F_LISTHEAD))
						cut = 1;
				}
			}
		}
		if (cut) {
			h->flags |= F_CUT;
			/* take its counts back out of the ancestors within the article */
			for (int a = h->parent; a >= root && a >= 0; a = pg->v[a].parent) {
				HNode *p = &pg->v[a];
				p->chars -= h->chars < p->chars ? h->chars : p->chars;
				p->lchars -= h->lchars < p->lchars ? h->lchars : p->lchars;
				p->commas -= h->commas < p->commas ? h->commas : p->commas;
				p->hchars -= h->hchars < p->hchars ? h->hchars : p->hchars;
				p->lichars -= h->lichars < p->lichars ? h->lichars : p->lichars;
				p->np -= h->np < p->np ? h->np : p->np;
				p->nimg -= h->nimg < p->nimg ? h->nimg : p->nimg;
				p->nli -= h->nli < p->nli ? h->nli : p->nli;
				p->ninput -= h->ninput < p->ninput ? h->ninput : p->ninput;
				p->nembed -= h->nembed < p->nembed ? h->nembed : p->nembed;
			}
		}
	}
}

/* The writer: collapses white space, separates blocks, maps every byte. */
typedef struct Out {
	MText *m;
	const char *base; /* the bytes gumbo parsed */
	size_t baselen;
	int pending;      /* 0 nothing, 1 space, 2 newline, 3 blank line */
	size_t pend_src;
} Out;

static void out_break(Out *o, int level)
{
	if (level > o->pending)
		o->pending = level;
}

static void out_flush(Out *o)
{
	if (!o->pending)
		return;
	if (o->m->text.len) {
		if (o->pending == 1)
			mt_gen(o->m, " ", 1, o->pend_src);
		else
			mt_sep(o->m, o->pending == 2 ? "\n" : "\n\n", o->pending == 2 ? 1 : 2);
	}
	o->pending = 0;
}

/* 1 when raw (the source of an entity) at j stands for the character '&'. */
static int amp_entity(const char *raw, size_t rn, size_t j)
{
	return (j + 4 < rn + 1 && strncasecmp(raw + j, "&amp", 4) == 0) ||
	       (j + 5 <= rn && strncmp(raw + j, "&#38;", 5) == 0) ||
	       (j + 6 <= rn && strncasecmp(raw + j, "&#x26;", 6) == 0);
}

/* Writes a text node, aligning its decoded text with its source to map each byte. */
static void out_text(Out *o, const GumboNode *g, int pre)
{
	const char *d = g->v.text.text;
	size_t dn = strlen(d);
	const char *raw = g->v.text.original_text.data;
	size_t rn = g->v.text.original_text.length, base;
	if (!raw || raw < o->base || raw + rn > o->base + o->baselen) {
		raw = NULL;
		rn = 0;
		base = g->v.text.start_pos.offset < o->baselen ? g->v.text.start_pos.offset : 0;
	} else {
		base = (size_t)(raw - o->base);
	}
	size_t i = 0, j = 0;
	while (i < dn) {
		/* a run of printable ASCII but '&', the same in the source: what the loop below
		   does a byte at a time (each byte exact, mapped to the next), done at once */
		size_t r = 0;
		while (raw && i + r < dn && j + r < rn && d[i + r] == raw[j + r] && d[i + r] > 0x20 &&
		       d[i + r] < 0x7F && d[i + r] != '&')
			r++;
		if (r) {
			out_flush(o);
			mt_copy(o->m, d + i, r, j + base);
			i += r;
			j += r;
			continue;
		}
		size_t at = i;
		uint32_t c = utf8_get(d, dn, &i);
		size_t cl = i - at, src;
		int exact = 0;
		if (!raw) {
			src = base;
		} else if (j < rn && raw[j] == '&' && (d[at] != '&' || amp_entity(raw, rn, j))) {
			src = j;
			size_t k = j + 1;
			if (k < rn && raw[k] == '#') {
				k++;
				if (k < rn && (raw[k] | 32) == 'x')
					k++;
				while (k < rn && ((raw[k] >= '0' && raw[k] <= '9') || ((raw[k] | 32) >= 'a' && (raw[k] | 32) <= 'f')))
					k++;
			} else {
				while (k < rn && ((raw[k] >= '0' && raw[k] <= '9') || is_alpha(raw[k])))
					k++;
			}
			if (k < rn && raw[k] == ';')
				k++;
			j = k;
		} else if (j + cl <= rn && memcmp(raw + j, d + at, cl) == 0) {
			src = j;
			j += cl;
			exact = 1;
		} else if (j < rn && raw[j] == '\r' && c == '\n') {
			src = j;
			j += j + 1 < rn && raw[j + 1] == '\n' ? 2 : 1;
		} else {
			/* lost: find the next few decoded bytes ahead in the source */
			size_t want = dn - at < 4 ? dn - at : 4, lim = rn < j + 256 ? rn : j + 256, k;
			for (k = j; k + want <= lim; k++)
				if (memcmp(raw + k, d + at, want) == 0)
					break;
			if (k + want <= lim) {
				j = k;
				src = j;
				j += cl;
				exact = 1;
			} else {
				src = j < rn ? j : (rn ? rn - 1 : 0);
			}
		}
		src += base;
		if (src >= o->baselen)
			src = o->baselen ? o->baselen - 1 : 0;
		if (cp_invisible(c))
			continue;
		if (!pre && cp_space(c)) {
			if (!o->pending) {
				o->pending = 1;
				o->pend_src = src;
			}
			continue;
		}
		if (pre && (c == '\n' || c == '\r')) {
			if (o->m->text.len)
				mt_gen(o->m, "\n", 1, src);
			o->pending = 0;
			continue;
		}
		out_flush(o);
		if (c == 0xA0) {
			mt_gen(o->m, " ", 1, src);
		} else if (exact) {
			mt_copy(o->m, d + at, cl, src);
		} else {
			mt_gen(o->m, d + at, cl, src);
		}
	}
}

/* Writes the subtree at root. */
static void out_tree(Page *pg, Out *o, int root)
{
	int *stack = xmalloc(sizeof(int) * 64);
	int depth = 0, cap = 64;
	int i = root;
	while (i < pg->v[root].end) {
		HNode *h = &pg->v[i];
		/* close the elements this node is not inside */
		while (depth && i >= pg->v[stack[depth - 1]].end) {
			HNode *e = &pg->v[stack[--depth]];
			if (e->flags & F_BLOCK)
				out_break(o, e->tag == GUMBO_TAG_TD || e->tag == GUMBO_TAG_TH || e->tag == GUMBO_TAG_TR ? 2 : 3);
		}
		if (h->flags & (F_GONE | F_CUT)) {
			i = h->end;
			continue;
		}
		if (h->flags & F_TEXT) {
			out_text(o, h->g, (h->flags & F_PRE) != 0);
			i++;
			continue;
		}
		if (h->tag == GUMBO_TAG_BR) {
			if (o->pending == 2 && o->m->text.len)
				o->pending = 3;
			else
				out_break(o, 2);
			i++;
			continue;
		}
		if (h->flags & F_BLOCK)
			out_break(o, h->tag == GUMBO_TAG_TD || h->tag == GUMBO_TAG_TH || h->tag == GUMBO_TAG_TR ? 2 : 3);
		if (depth == cap) {
			cap *= 2;
			stack = xrealloc(stack, sizeof(int) * (size_t)cap);
		}
		stack[depth++] = i;
		i++;
	}
	while (depth) {
		HNode *e = &pg->v[stack[--depth]];
		if (e->flags & F_BLOCK)
			out_break(o, 3);
	}
	free(stack);
}

/* ---- titles seen in the page ---- */

/* Marks headings that repeat the title and headings over lists of other articles. */
static void mark_headings(Page *pg)
{
	const char *title = pg->meta->title ? pg->meta->title : pg->meta->doc_title;
	unsigned *chars = xcalloc((size_t)pg->n, sizeof *chars);
	for (int i = pg->n - 1; i >= 0; i--) {
		chars[i] += pg->v[i].tchars;
		if (pg->v[i].parent >= 0)
			chars[pg->v[i].parent] += chars[i];
	}
	for (int i = 0; i < pg->n; i++) {
		HNode *h = &pg->v[i];
		int head = heading_tag(h->tag);
		if (!head && h->tag != GUMBO_TAG_P && h->tag != GUMBO_TAG_DIV &&
		    h->tag != GUMBO_TAG_SPAN && h->tag != GUMBO_TAG_STRONG && h->tag != GUMBO_TAG_B)
			continue;
		if ((h->flags & F_DROP) || !chars[i] || chars[i] > (head ? 200u : 40u))
			continue;
		char *t = node_text_dup(h->g);
		if (!t)
			continue;
		if (head && h->tag <= GUMBO_TAG_H2 && title && text_similar(title, t) >= 75)
			h->flags |= F_DUPTITLE;
		size_t n = strlen(t);
		while (n && (t[n - 1] == ':' || t[n - 1] == ' '))
			n--;
		if (wl_has(&pg->lex->list_heads, t, n))
			h->flags |= F_LISTHEAD;
		free(t);
	}
	free(chars);
}

/* ---- the reader ---- */

/* What the page says about itself outside the article: the first date block between the
   article's headline (the last h1 before the article, else its start) and its end
   ("Started 20 March 2024" on a petition) joins the byline; the copyright line gives
   the publisher and a context year. */
static void page_marks(Page *pg, int first, int last)
{
	Meta *m = pg->meta;
	int from = first;
	for (int k = 0; k < pg->nmarks; k++)
		if (pg->marks[k] < 0 && -1 - pg->marks[k] < first)
			from = -1 - pg->marks[k];
	for (int k = 0; k < pg->nmarks; k++) {
		int i = pg->marks[k];
		if (i < 0 || i < from || i >= last || (pg->v[i].flags & F_DROP))
			continue;
		char *t = node_text_dup(pg->v[i].g);
		if (t && strlen(t) < 120 && strpbrk(t, "0123456789")) {
			Blob b = BLOB_INIT;
			if (m->byline)
				blob_appendf(&b, "%s\n", m->byline);
			blob_puts(&b, t);
			free(m->byline);
			m->byline = xstrdup(blob_str(&b));
			blob_free(&b);
			free(t);
			break;
		}
		free(t);
	}
	if (pg->copyright >= 0) {
		const char *t = pg->v[pg->copyright].g->v.text.text;
		size_t n = strlen(t);
		const char *mk = strstr(t, "\xC2\xA9");
		if (!mk)
			mk = strstr(t, "opyright");
		size_t at = (size_t)(mk - t), a = at > 120 ? at - 120 : 0, z = at + 150 < n ? at + 150 : n;
		while (a > 0 && ((unsigned char)t[a] & 0xC0) == 0x80) /* whole characters */
			a--;
		while (z < n && ((unsigned char)t[z] & 0xC0) == 0x80)
			z++;
		char *w = text_collapse(t + a, z - a);
		if (w)
			meta_copyright(m, w, strlen(w));
		free(w);
	}
}

/* The publication date from the <time> elements: one marked as the publication, else the
   first inside or just before the article. */
static void time_dates(Page *pg, int first, int last)
{
	Meta *m = pg->meta;
	int best = -1, bp = 0;
	for (int k = 0; k < pg->ntimes; k++) {
		int i = pg->times[k];
		const GumboNode *g = pg->v[i].g;
		const char *dt = attr(g, "datetime");
		const char *ip = attr(g, "itemprop");
		const char *pd = attr(g, "pubdate");
		int p = 0;
		if ((ip && strcasecmp(ip, "datePublished") == 0) || pd)
			p = 3;
		else if (i >= first && i < last)
			p = 2;
		else if (i < first)
			p = 1;
		if (!dt && !(ip && strcasecmp(ip, "datePublished") == 0))
			continue;
		if (p > bp) {
			best = i;
			bp = p;
		}
	}
	if (best < 0)
		return;
	const GumboNode *g = pg->v[best].g;
	const char *v = attr(g, "datetime");
	if (!v)
		v = attr(g, "content");
	char *owned = NULL;
	if (!v)
		v = owned = node_text_dup(g);
	char iso[11];
	if (v && meta_date_value(v, strlen(v), iso))
		meta_set(&m->published, &m->published_p, bp == 3 ? MP_META : MP_DATELINE, iso, 10);
	free(owned);
}

int clean_html(const MText *u, MText *out, Meta *m, Blob *err)
{
	(void)err;
	MText r = {0};
	prefilter(u, &r);
	Pool pool = {0};
	GumboOptions opt = kGumboDefaultOptions;
	opt.allocator = pool_alloc;
	opt.deallocator = pool_free;
	opt.userdata = &pool;
	opt.max_errors = 0;
	GumboOutput *go = gumbo_parse_with_options(&opt, r.text.data ? r.text.data : "", r.text.len);

	Page pg = {0};
	pg.body = -1;
	pg.copyright = -1;
	pg.src = r.text.data ? r.text.data : "";
	pg.srclen = r.text.len;
	pg.lex = clean_lex();
	pg.meta = m;
	build(&pg, go->root);
	mark_headings(&pg);

	static const Pass passes[] = {{1, 1, 1}, {0, 1, 1}, {0, 0, 1}, {0, 0, 0}};
	MText best = {0};
	int best_first = 0, best_last = 0;
	for (size_t p = 0; p < sizeof passes / sizeof passes[0]; p++) {
		const Pass *ps = &passes[p];
		aggregate(&pg, ps);
		score_blocks(&pg, ps);
		int top = pick_top(&pg);
		int parts[256];
		int np = pick_article(&pg, top, parts, 256);

		MText o = {0};
		o.src_len = r.text.len;
		Out w = {&o, pg.src, pg.srclen, 0, 0};
		for (int k = 0; k < np; k++) {
			clean_article(&pg, parts[k], ps);
			out_tree(&pg, &w, parts[k]);
			out_break(&w, 3);
		}
		size_t chars = utf8_count(o.text.data ? o.text.data : "", o.text.len);
		/* a looser pass must find clearly more text to win */
		if (!best.text.data || o.text.len * 4 > best.text.len * 5) {
			mt_free(&best);
			best = o;
			best_first = np ? parts[0] : 0;
			best_last = np ? pg.v[parts[np - 1]].end : 0;
		} else {
			mt_free(&o);
		}
		if (chars >= 500)
			break;
	}
	time_dates(&pg, best_first, best_last);
	page_marks(&pg, best_first, best_last);
	m->html = 1;
	mt_compose(&best, &r);
	mt_compose(&best, u);
	*out = best;

	free(pg.v);
	free(pg.times);
	free(pg.marks);
	pool_release(&pool);
	mt_free(&r);
	return 0;
}
