/*
** extract_int.h — what the files of the extraction engine share and nothing else sees:
** tokens, the compiled lexicon (vocabulary + phrase trie), sentences and mentions.
**
**   extract_tok.c   tokens and sentences
**   lexicon.c       loading the data tables into the Lexicon below; the phrase matcher
**   extract_num.c   numbers and counts
**   extract.c       the reading itself: events and appeals
**   extract_json.c  the contract's JSON and the readable summary
*/
#ifndef VIGIL_EXTRACT_INT_H
#define VIGIL_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

/* ---- tokens ---- */

enum {
	TK_WORD = 1,      /* letters (and digits) */
	TK_NUM = 2,       /* starts with a digit */
	TK_PUNCT = 4,     /* one punctuation mark */
	TK_CAP = 8,       /* first letter uppercase */
	TK_UPPER = 16,    /* every letter uppercase (two or more) */
	TK_SPACE = 32,    /* white space before it */
	TK_NL = 64,       /* a line break before it */
	TK_PARA = 128,    /* a blank line before it: a new block */
	TK_DOTTED = 256,  /* an abbreviation written with dots ("U.S.", "a.m.") */
};

/* Punctuation codes of TK_PUNCT tokens beyond ASCII (ASCII marks are themselves). */
enum { PU_DASH = 1, PU_LQUOTE, PU_RQUOTE, PU_ELLIPSIS, PU_BULLET, PU_APOS, PU_OTHER };

typedef struct Tok {
	uint32_t start, end; /* bytes [start, end) of the text */
	uint32_t id;         /* vocabulary id of the lowercase form, 0 when not in the lexicon */
	uint32_t csid;       /* vocabulary id of the form as written (case-sensitive phrases) */
	uint16_t flags;      /* TK_* */
	uint16_t punct;      /* TK_PUNCT: the ASCII mark or a PU_* code */
} Tok;

typedef struct TokVec {
	Tok *v;
	size_t n, cap;
} TokVec;

/* Splits text into tokens appended to out; ids are looked up in lx when it is not NULL. */
void tokenize(const Lexicon *lx, const char *text, size_t len, TokVec *out);
/* The normalised lowercase key of a token (ASCII lowercase, typographic apostrophe as
   '), written to buf; returns its length, or 0 when it does not fit. */
size_t tok_key(const char *s, size_t n, char *buf, size_t cap);
static inline int tok_is(const Tok *t, int c)
{
	return (t->flags & TK_PUNCT) && t->punct == c;
}

/* ---- the compiled lexicon ---- */

typedef struct TrieNode {
	uint32_t link;  /* first link to the entries ending here, 0 when none */
	uint32_t gap;   /* child reached across a gap, 0 when none */
} TrieNode;

typedef struct HashSlot {
	uint64_t key;
	uint32_t val;
} HashSlot;

typedef struct HashMap {
	HashSlot *slots;
	size_t mask, n;
} HashMap;

struct Lexicon {
	Blob strings;          /* NUL-separated strings; offset 0 is "" */
	LexEntry *entries;     /* entries[0] is unused */
	size_t nentries, capentries;
	LexCountry *countries;
	size_t ncountries, capcountries;
	HashMap vocab;         /* hash of a token key -> vocabulary id */
	uint32_t *vocab_str;   /* id -> offset of its key in strings */
	size_t nvocab, capvocab;
	uint32_t *link_entry;  /* links: the entries of a phrase, as a chain */
	uint32_t *link_next;
	size_t nlinks, caplinks;
	TrieNode *nodes;       /* nodes[0] is the root */
	size_t nnodes, capnodes;
	HashMap edges;         /* (node << 32 | token id) -> child node */
	int has_case;          /* some phrase is case-sensitive */
	uint32_t id_and, id_or, id_but; /* words a gap does not cross */
};

/* Walks the entries of a link chain: for (LINKS(lx, m.link, l, e)) { … e … } */
#define LINKS(lx, first, l, e) \
	uint32_t l = (first), e = l ? (lx)->link_entry[l] : 0; l; l = (lx)->link_next[l], e = l ? (lx)->link_entry[l] : 0

uint64_t hash_bytes(const char *s, size_t n, uint64_t seed);
uint32_t hashmap_get(const HashMap *m, uint64_t key); /* 0 when absent */
/* The vocabulary id of a normalised key (0 when absent); cs: the case-sensitive table.
   One-token phrases: the link chain of the phrase that is exactly token id (0: none). */
uint32_t lexicon_single(const Lexicon *lx, uint32_t id);
int lexicon_single_has(const Lexicon *lx, const Tok *t, int type, int sub);
uint32_t vocab_lookup(const Lexicon *lx, const char *key, size_t n, int cs);

/* A phrase found in the text: tokens [t0, t1) and the chain of its entries. */
typedef struct Ment {
	uint32_t t0, t1;
	uint32_t link;
	uint32_t gap;   /* matched across a gap */
} Ment;

typedef struct MentVec {
	Ment *v;
	size_t n, cap;
} MentVec;

/* Finds the phrases of lx in tokens [t0, t1) (one sentence), appending to out. */
void lexicon_match(const Lexicon *lx, const Tok *tok, uint32_t t0, uint32_t t1, MentVec *out);

/* ---- sentences ---- */

enum { SE_HEADING = 1, SE_BULLET = 2, SE_TITLE = 4 };

typedef struct Sent {
	uint32_t t0, t1;     /* tokens */
	uint32_t start, end; /* bytes of the text */
	uint32_t block;      /* index of the block (paragraph) */
	uint32_t flags;      /* SE_* */
} Sent;

typedef struct SentVec {
	Sent *v;
	size_t n, cap;
} SentVec;

/* Splits the tokens into sentences: blocks, terminal punctuation not after an
   abbreviation, bullets; very long runs are cut so work stays linear. */
void split_sentences(const Lexicon *lx, const char *text, const Tok *tok, size_t ntok, SentVec *out);

/* growable vectors */
#define VEC_PUSH(vec, item)                                                     \
	do {                                                                        \
		if ((vec)->n == (vec)->cap) {                                           \
			(vec)->cap = (vec)->cap ? (vec)->cap * 2 : 64;                      \
			(vec)->v = xrealloc((vec)->v, (vec)->cap * sizeof *(vec)->v);       \
		}                                                                       \
		(vec)->v[(vec)->n++] = (item);                                          \
	} while (0)

#endif
