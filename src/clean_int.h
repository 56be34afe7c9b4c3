/*
** clean_int.h — what the cleaner's files share; callers use clean.h.
**
** The cleaner works in stages (bytes -> UTF-8 -> filtered HTML -> article text -> NFC),
** and every stage writes an MText: text plus a map from each of its bytes to the byte of
** the stage's input it came from. mt_compose() chains two maps, so the final text maps to
** the original bytes however many stages it went through.
**
**   text.c        charsets, BOMs, UTF-8 repair, NFC, UTF-8 helpers, the MText builder
**   clean.c       media sniffing, dispatch, the word lists under data/clean/
**   clean_html.c  HTML pages (gumbo): the article and the page's metadata
**   clean_text.c  text saved from web pages, by line shape
**   clean_mail.c  e-mail (gmime)
**   meta.c        title, publication date, publisher, author, language
*/
#ifndef VIGIL_CLEAN_INT_H
#define VIGIL_CLEAN_INT_H

#include "clean.h"

#include <stdint.h>

/* ---- mapped text (text.c) ---- */

typedef struct MText {
	Blob text;
	OffSeg *map;
	size_t nmap, capmap;
	size_t src_len; /* length of the source the map points into; offsets stay below it */
} MText;

void mt_free(MText *m);
/* n bytes copied from the source starting at src (byte for byte). */
void mt_copy(MText *m, const char *s, size_t n, size_t src);
/* n bytes made from the source byte at src (a decoded character, an entity). */
void mt_gen(MText *m, const char *s, size_t n, size_t src);
/* n separator bytes (spaces, newlines) that belong to no source byte: they map just after
   what precedes them. */
void mt_sep(MText *m, const char *s, size_t n);
/* Appends the bytes [from, to) of m's text to out, keeping where they came from. */
void mt_copy_from(MText *out, const MText *m, size_t from, size_t to);
/* The source offset of a text offset. */
size_t mt_src(const MText *m, size_t off);
/* m maps into the text of inner; rewrites m to map into inner's source. */
void mt_compose(MText *m, const MText *inner);
/* Drops trailing whitespace from the text. */
void mt_trim_end(MText *m);
/* Moves the text and the map into the document. */
void mt_move_to_doc(MText *m, CleanDoc *d);

/* ---- decoding and normalisation (text.c) ---- */

/* Decodes report bytes to UTF-8 into out (mapping into b): BOMs, UTF-16, UTF-8 (repaired
   with U+FFFD), a declared charset (through iconv) when the bytes are not UTF-8, else
   Windows-1252. NUL bytes and other control characters except tab and newlines are
   dropped. declared may be NULL. */
void text_decode(const char *b, size_t n, const char *declared, MText *out);
/* 1 when the bytes are UTF-16 or UTF-32 (by BOM or by the zero bytes of ASCII text). */
int text_is_wide(const char *b, size_t n);
/* The charset an HTML page declares in its first bytes (meta charset or http-equiv), or
   NULL. buf receives the name. */
const char *text_html_charset(const char *b, size_t n, char buf[48]);
/* Brings the text to Unicode NFC in place, keeping the map. */
void text_nfc(MText *m);

/* Decodes one UTF-8 character at s[*i] (valid UTF-8 expected) and advances *i. */
uint32_t utf8_get(const char *s, size_t n, size_t *i);
/* Appends the UTF-8 form of c. */
void utf8_put(Blob *b, uint32_t c);
/* 1 when c is white space (Unicode Zs, tab, newlines, U+00A0). */
int cp_space(uint32_t c);
/* 1 for characters that are dropped from text: soft hyphen, zero-width space, BOM. */
int cp_invisible(uint32_t c);
/* 1 for letters and digits of any script (what a word is made of). */
int cp_word(uint32_t c);
/* 1 for CJK ideographs, kana and hangul (scripts written without spaces). */
int cp_cjk(uint32_t c);
/* Counts the characters (not bytes) of s[0..n). */
size_t utf8_count(const char *s, size_t n);

/* Copies s[0..n) with white space collapsed to single spaces and trimmed, as a new
   string (NULL when nothing is left). */
char *text_collapse(const char *s, size_t n);

/* ---- word lists (clean.c, loaded from data/clean/) ---- */

typedef struct WordList {
	char **v;    /* lower-case entries */
	size_t *len; /* their lengths */
	size_t n;
	unsigned *idx, bstart[257]; /* for wl_any_in and wl_has: entries by first letter */
} WordList;

typedef struct CleanLex {
	WordList boilerplate;   /* lines and blocks that are template leftovers */
	WordList list_heads;    /* headings over lists of other articles ("Latest news") */
	WordList class_bad;     /* class/id words of page furniture (share, comment, …) */
	WordList class_drop;    /* class/id words of blocks never part of an article */
	WordList class_good;    /* class/id words of article containers */
	WordList byline_class;  /* class/id words of bylines */
	WordList roles;         /* signature roles ("secretariat", "office") */
	WordList org_words;     /* last words of organisations' names ("committee") */
	WordList stop[16];      /* stop words per language; stop_lang[i] names each */
	char stop_lang[16][8];
	size_t nstop;
	WordList stop_all;      /* every stop word once (for guess_lang: one look-up a word) */
	unsigned *stop_mask;    /* the languages (bit i: stop[i]) of each entry of stop_all */
} CleanLex;

/* The word lists (loaded on first use from the data directory). */
const CleanLex *clean_lex(void);
/* 1 when the lower-cased s[0..n) is an entry of w. */
int wl_has(const WordList *w, const char *s, size_t n);
/* The index of the entry of w that the lower-cased s[0..n) is, or -1. */
long wl_find(const WordList *w, const char *s, size_t n);
/* 1 when some entry of w occurs in the lower-case s[0..n); an entry written "=word"
   must stand as a whole word there (nav, not canvas). Only for the class lists. */
int wl_any_in(const WordList *w, const char *s, size_t n);

/* ---- metadata (meta.c) ---- */

/* What a reader found, each with the trust of where it came from (higher wins). */
typedef struct Meta {
	char *title;      int title_p;      /* from metadata (JSON-LD, og:title, …) */
	char *doc_title;                    /* <title>, the Subject, the title line of text */
	char *h1;                           /* the page's first h1 */
	char *published;  int published_p;  /* ISO 8601 */
	char *publisher;  int publisher_p;
	char *author;     int author_p;
	char *language;   int language_p;
	char *banner;                       /* a saved-page banner line: never a date source */
	char *ld_name, *ld_headline;        /* JSON-LD name and headline of the article */
	char *byline;                       /* the page's byline as written ("By X | date") */
	char *url;                          /* the page's canonical URL (og:url, rel=canonical) */
	int copy_year;                      /* the last year of a copyright line, else 0 */
	int received_year;                  /* the year the report was received, else 0 */
	int html;                           /* doc_title is an HTML <title> ("Title | Site") */
} Meta;

/* Trust of the sources of metadata, lowest first: a date in the title, a byline or
   masthead, a signature, a dateline, meta tags, JSON-LD, a news agency's dateline. */
enum { MP_WEAK = 1, MP_TEXT = 2, MP_SIGN = 3, MP_DATELINE = 4, MP_META = 5, MP_JSONLD = 6,
       MP_STRONG = 7 };

/* Sets *slot to a collapsed copy of s[0..n) when p is above *prio. */
void meta_set(char **slot, int *prio, int p, const char *s, size_t n);
/* Reads a JSON-LD block: headline, datePublished, author, publisher. */
void meta_jsonld(Meta *m, const char *s, size_t n);
/* Reads a date written in metadata ("2013-03-07T10:00:00Z", "March 7, 2013") as ISO. */
int meta_date_value(const char *s, size_t n, char out[11]);
/* How much of b's words a has, 0..100 (100: the same text). */
int text_similar(const char *a, const char *b);
/* Reads a copyright line ("© 2024 Serrin Watch | …", "Name © 1998–2024"): the name
   becomes a weak publisher and the year a context year. 1 when s[0..n) is one. */
int meta_copyright(Meta *m, const char *s, size_t n);
/* 1 when s[0..n) is a byline or masthead ("By X | date", "Name | Place, date"). */
int meta_byline_line(const char *s, size_t n);
/* Completes the metadata from the article text and moves it into the document. */
void meta_finish(Meta *m, const char *text, size_t n, CleanDoc *d);
void meta_free(Meta *m);

/* ---- readers ---- */

/* Each reader writes the article text into out, mapped into the original bytes (u maps
   the decoded text into them), and what it found into m. 0, or 1 with a reason. */
int clean_html(const MText *u, MText *out, Meta *m, Blob *err);
int clean_text(const MText *u, MText *out, Meta *m, Blob *err);
int clean_mail(const char *bytes, size_t len, MText *out, Meta *m, Blob *err);

#endif
