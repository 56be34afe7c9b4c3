/*
** extract_tok.c — tokens and sentences for the extraction engine.
**
** Tokens: words (with internal digits, "U.S." style abbreviations kept whole, "3,400" and
** "7.5" as one number), and every punctuation mark on its own; "Iran's" gives "Iran" and
** "'s", "didn't" gives "did" and "n't", "al-Maliki" gives "al", "-", "Maliki". Each word
** is looked up once in the lexicon's vocabulary; nothing is allocated per token.
** Sentences: blocks (blank lines), then terminal punctuation that is not after an
** abbreviation and is followed by what can start a sentence, and bullets.
*/
#include "extract_int.h"
#include "util.h"

#include <string.h>

static int is_alpha(unsigned char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Length of the UTF-8 sequence starting with byte c (1 for stray bytes). */
static size_t u8len(unsigned char c, const char *s, size_t n)
{
	size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (k > n)
		return 1;
	for (size_t i = 1; i < k; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return 1;
	return k;
}

/* Non-ASCII white space at s: its length, 0 when none. */
static size_t u8space(const unsigned char *s, size_t n)
{
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xAF))
		return 3;
	if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	return 0;
}

/* Non-ASCII punctuation at s: its PU_* code (and length), 0 when it is a letter. */
static int u8punct(const unsigned char *s, size_t n, size_t *len)
{
	if (n >= 2 && s[0] == 0xC2) {
		*len = 2;
		if (s[1] == 0xAB)
			return PU_LQUOTE;
		if (s[1] == 0xBB)
			return PU_RQUOTE;
		if (s[1] == 0xB7)
			return PU_BULLET;
		if (s[1] >= 0xA1 && s[1] <= 0xBF)
			return PU_OTHER;
		return 0;
	}
	if (n >= 3 && s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81)) {
		*len = 3;
		if (s[1] == 0x80) {
			switch (s[2]) {
			case 0x90: case 0x91: return '-';
			case 0x92: case 0x93: case 0x94: case 0x95: return PU_DASH;
			case 0x98: case 0x9C: case 0x9E: return PU_LQUOTE;
			case 0x99: return PU_APOS;
			case 0x9D: case 0x9F: return PU_RQUOTE;
			case 0xA2: case 0xA3: return PU_BULLET;
			case 0xA6: return PU_ELLIPSIS;
			default: return PU_OTHER;
			}
		}
		return PU_OTHER;
	}
	if (n >= 3 && s[0] == 0xE2 && (s[1] == 0x96 || s[1] == 0x97 || s[1] == 0x86 || s[1] == 0x9E)) {
		*len = 3;
		return PU_BULLET; /* ▪ ► ● → ➢ */
	}
	if (n >= 3 && s[0] == 0xE2 && s[1] >= 0x82 && s[1] <= 0xAF) {
		*len = 3;
		return PU_OTHER; /* currency, arrows, symbols */
	}
	if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80) {
		*len = 3;
		return PU_OTHER; /* CJK punctuation */
	}
	if (n >= 3 && s[0] == 0xEF && (s[1] == 0xBC || s[1] == 0xBD) && s[2] < 0x90) {
		*len = 3;
		return PU_OTHER; /* fullwidth punctuation */
	}
	return 0;
}

/* An apostrophe (' or ’) at s: its length, 0 when none. */
static size_t apos_at(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '\'')
		return 1;
	if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x99)
		return 3;
	return 0;
}

/* A clitic after an apostrophe ("'s", "'re", "'ve", "'ll", "'d", "'m"): its letters, or 0. */
static size_t clitic(const char *s, size_t n)
{
	static const char *const cl[] = {"s", "re", "ve", "ll", "d", "m", NULL};
	for (int i = 0; cl[i]; i++) {
		size_t k = strlen(cl[i]);
		if (k <= n && strncasecmp(s, cl[i], k) == 0 && (k == n || !is_alpha((unsigned char)s[k])))
			return k;
	}
	return 0;
}

/* "n't" at s: its length, 0 when not there. */
static size_t nt_at(const char *s, size_t n)
{
	if (n < 2 || (s[0] | 32) != 'n')
		return 0;
	size_t a = apos_at(s + 1, n - 1);
	if (!a || 1 + a >= n || (s[1 + a] | 32) != 't' || (2 + a < n && is_alpha((unsigned char)s[2 + a])))
		return 0;
	return 2 + a;
}

size_t tok_key(const char *s, size_t n, char *buf, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (k + 1 >= cap)
			return 0;
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
			buf[k++] = '\'';
			i += 2;
		} else
			buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	buf[k] = 0;
	return k;
}

/* Reads one word at s (s[0] is a letter, digit or non-ASCII letter); returns its length. */
static size_t word_len(const char *s, size_t n, uint16_t *flags)
{
	size_t i = 0;
	int num = is_digit((unsigned char)s[0]);
	int letters = 0, uppers = 0;
	/* "U.S.", "a.m.": single letters each followed by a dot */
	if (is_alpha((unsigned char)s[0]) && n >= 4 && s[1] == '.' && is_alpha((unsigned char)s[2]) && s[3] == '.') {
		i = 4;
		while (i + 1 < n && is_alpha((unsigned char)s[i]) && s[i + 1] == '.')
			i += 2;
		if (i < n && is_alpha((unsigned char)s[i]))
			i = 0; /* "a.b.cde": not an abbreviation */
		else {
			*flags |= TK_DOTTED;
			for (size_t j = 0; j < i; j += 2)
				if (is_upper((unsigned char)s[j]))
					uppers++;
			if (uppers * 2 >= (int)i)
				*flags |= TK_UPPER;
			return i;
		}
	}
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (is_alpha(c)) {
			/* "n't" belongs to the next token; "Iran's": the clitic too */
			if ((c | 32) == 'n' && i > 0 && nt_at(s + i, n - i))
				break;
			letters++;
			uppers += is_upper(c);
			i++;
		} else if (is_digit(c)) {
			i++;
		} else if (c >= 0x80) {
			size_t pl;
			if (u8space((const unsigned char *)s + i, n - i) || u8punct((const unsigned char *)s + i, n - i, &pl))
				break;
			i += u8len(c, s + i, n - i);
		} else if (num && (c == ',' || c == '.') && i + 1 < n && is_digit((unsigned char)s[i + 1]) &&
		           is_digit((unsigned char)s[i - 1])) {
			/* 3,400 (groups of three) and 7.5 */
			if (c == ',') {
				if (i + 3 >= n + 0 || !is_digit((unsigned char)s[i + 2]) || !is_digit((unsigned char)s[i + 3]) ||
				    (i + 4 < n && is_digit((unsigned char)s[i + 4])))
					break;
				i += 4;
			} else
				i++;
		} else if (c == '\'' && i > 0 && i + 1 < n && is_alpha((unsigned char)s[i + 1]) &&
		           !clitic(s + i + 1, n - i - 1)) {
			i++; /* O'Brien */
		} else
			break;
	}
	if (letters && is_upper((unsigned char)s[0]))
		*flags |= TK_CAP;
	if (letters >= 2 && uppers == letters)
		*flags |= TK_UPPER;
	return i ? i : 1;
}

void tokenize(const Lexicon *lx, const char *text, size_t len, TokVec *out)
{
	size_t i = 0;
	uint16_t pending = TK_PARA;
	char key[64];
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		size_t sp;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			pending |= TK_SPACE;
			i++;
			continue;
		}
		if (c == '\n') {
			pending |= (pending & TK_NL) ? TK_PARA | TK_SPACE : TK_NL | TK_SPACE;
			i++;
			continue;
		}
		if (c >= 0x80 && (sp = u8space((const unsigned char *)text + i, len - i)) != 0) {
			pending |= TK_SPACE;
			i += sp;
			continue;
		}
		if (c < 0x20 || c == 0x7F) {
			pending |= TK_SPACE;
			i++;
			continue;
		}
		Tok t = {(uint32_t)i, 0, 0, 0, pending, 0};
		pending = 0;
		size_t k, pl = 0;
		int pu = 0;
		if ((k = nt_at(text + i, len - i)) != 0) {
			t.flags |= TK_WORD;
		} else if ((k = apos_at(text + i, len - i)) != 0 && i + k < len &&
		           (pl = clitic(text + i + k, len - i - k)) != 0 && i > 0 &&
		           !(out->n && out->v[out->n - 1].end != i)) {
			k += pl;
			t.flags |= TK_WORD;
		} else if (c < 0x80 && !is_alpha(c) && !is_digit(c)) {
			k = 1;
			t.flags |= TK_PUNCT;
			t.punct = c == '`' ? PU_LQUOTE : c;
		} else if (c >= 0x80 && (pu = u8punct((const unsigned char *)text + i, len - i, &pl)) != 0) {
			k = pl;
			t.flags |= TK_PUNCT;
			t.punct = (uint16_t)pu;
		} else {
			k = word_len(text + i, len - i, &t.flags);
			t.flags |= TK_WORD | (is_digit(c) ? TK_NUM : 0);
		}
		t.end = (uint32_t)(i + k);
		if (lx && (t.flags & TK_WORD || t.punct < 0x80 || t.punct == PU_APOS)) {
			size_t kl = tok_key(text + i, k, key, sizeof key);
			if (kl) {
				t.id = vocab_lookup(lx, key, kl, 0);
				if (lx->has_case && (t.flags & (TK_CAP | TK_UPPER)))
					t.csid = vocab_lookup(lx, text + i, k < sizeof key ? k : 0, 1);
			}
		}
		VEC_PUSH(out, t);
		i += k;
	}
}

/* ---- sentences ---- */

/* Longest sentence kept whole, in tokens: beyond it a run without a full stop is cut. */
#define MAX_SENT_TOKENS 400

static int cue_is(const Lexicon *lx, const Tok *t, int cls)
{
	return lx && lexicon_single_has(lx, t, LX_CUE, cls);
}

static int is_terminal(const Tok *t)
{
	return (t->flags & TK_PUNCT) && (t->punct == '.' || t->punct == '!' || t->punct == '?' ||
	                                 t->punct == PU_ELLIPSIS);
}

static int is_closer(const Tok *t)
{
	return (t->flags & TK_PUNCT) && (t->punct == '"' || t->punct == PU_RQUOTE || t->punct == ')' ||
	                                 t->punct == ']' || t->punct == PU_APOS || t->punct == '\'');
}

/* Can t start a sentence? An uppercase letter, a digit, an opening quote or bracket,
   a bullet, a letter of another script. */
static int can_start(const char *text, const Tok *t)
{
	if (t->flags & TK_PUNCT)
		return t->punct == '"' || t->punct == PU_LQUOTE || t->punct == '(' || t->punct == '[' ||
		       t->punct == PU_BULLET || t->punct == PU_DASH || t->punct == '\'' || t->punct == PU_APOS;
	unsigned char c = (unsigned char)text[t->start];
	return is_upper(c) || is_digit(c) || c >= 0x80;
}

/* A '*' or '-' starting a line and followed by a space marks an item of a list, as a
   bullet does ("* The UN High Commissioner for Refugees to ..."). */
static int list_mark(const Tok *tok, size_t ntok, uint32_t i)
{
	return (tok[i].flags & TK_PUNCT) && (tok[i].punct == '*' || tok[i].punct == '-') && i + 1 < ntok &&
	       (tok[i + 1].flags & TK_SPACE) && !(tok[i + 1].flags & TK_NL);
}

void split_sentences(const Lexicon *lx, const char *text, const Tok *tok, size_t ntok, SentVec *out)
{
	uint32_t block = 0, s0 = 0;
	for (uint32_t i = 0; i <= ntok; i++) {
		int cut = 0;
		if (i == ntok)
			cut = 1;
		else if (i > s0 && (tok[i].flags & TK_PARA)) {
			cut = 1;
		} else if (i > s0 && (tok[i].flags & TK_NL) &&
		           ((tok[i].flags & TK_PUNCT && tok[i].punct == PU_BULLET) || list_mark(tok, ntok, i) ||
		            tok_is(&tok[i - 1], ':'))) {
			cut = 1;
		} else if (i - s0 >= MAX_SENT_TOKENS)
			cut = 1;
		if (cut) {
			if (i > s0) {
				Sent s = {s0, i, tok[s0].start, tok[i - 1].end, block, 0};
				if ((tok[s0].flags & TK_PUNCT && tok[s0].punct == PU_BULLET) ||
				    ((s0 == 0 || (tok[s0].flags & TK_NL)) && list_mark(tok, ntok, s0)))
					s.flags |= SE_BULLET;
				VEC_PUSH(out, s);
			}
			s0 = i;
			if (i < ntok && (tok[i].flags & TK_PARA) && out->n)
				block++;
			continue;
		}
		/* a sentence ends after terminal punctuation (and closing quotes) when what follows
		   can start one and the word before the full stop is not an abbreviation */
		const Tok *t = &tok[i];
		int term = is_terminal(t);
		if (!term && (t->flags & TK_DOTTED) && i + 1 < ntok && !(tok[i + 1].flags & TK_PARA) &&
		    cue_is(lx, &tok[i + 1], C_STARTER) && (tok[i + 1].flags & TK_CAP)) {
			term = 1; /* "… in the U.S. The next day" */
		}
		if (!term)
			continue;
		uint32_t j = i + 1;
		while (j < ntok && is_closer(&tok[j]) && !(tok[j].flags & (TK_SPACE)))
			j++;
		if (j < ntok && !(tok[j].flags & TK_PARA)) {
			if (!can_start(text, &tok[j]))
				continue;
			if (t->punct == '.' && i > s0 && !(t->flags & TK_SPACE)) {
				const Tok *p = &tok[i - 1];
				size_t plen = p->end - p->start;
				if (cue_is(lx, p, C_ABBREV)) {
					/* "No. 3" but "said no." */
					unsigned char pc = (unsigned char)text[p->start];
					if (!(plen == 2 && (pc | 32) == 'n' && !(tok[j].flags & TK_NUM)))
						continue;
				}
				if (plen == 1 && is_upper((unsigned char)text[p->start]) && (p->flags & TK_WORD))
					continue; /* an initial: "George W. Bush" */
			}
		}
		/* the closing quotes belong to this sentence */
		if (j > s0) {
			Sent s = {s0, j, tok[s0].start, tok[j - 1].end, block, 0};
			if ((tok[s0].flags & TK_PUNCT && tok[s0].punct == PU_BULLET) ||
			    ((s0 == 0 || (tok[s0].flags & TK_NL)) && list_mark(tok, ntok, s0)))
				s.flags |= SE_BULLET;
			VEC_PUSH(out, s);
		}
		s0 = j;
		i = j - 1;
		/* a blank line after the full stop: the next sentence opens a new block (the cut
		   above does not see it, the sentence being already ended) */
		if (j < ntok && (tok[j].flags & TK_PARA) && out->n)
			block++;
	}
	(void)text;
}
