/*
** clean_mail.c — an e-mail (RFC 5322 / MIME, or one message of an mbox) to its text:
** gmime parses it; Subject gives the title, Date the publication date, From the author
** (Organization, when present, the publisher). The body is the first text/plain part that
** is not an attachment, else the first text/html one, cleaned by the text or HTML reader.
**
** The map reaches back into the raw message: gmime's parser keeps each part's content as
** a window on the original bytes; quoted-printable and base64 are decoded line by line so
** every decoded byte maps into the line it came from.
*/
#include "clean_int.h"
#include "lazy_gmime.h"
#include "util.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

static pthread_once_t gmime_once = PTHREAD_ONCE_INIT;

static void gmime_start(void)
{
	g_mime_init();
}

/* 1 when the domain label d[0..l) is made of the beginnings of words of the name, in
   their order, some words left out ("refugeeswelcome" and "rwc" from "Refugees Welcome
   Copenhagen", "ostrawatch" from "Ostra Crossing Watch"). *budget bounds the search
   (a hostile name of many like words). */
static int label_of(const char *d, size_t l, const char *name, int *budget)
{
	if (l == 0)
		return 1;
	if (--*budget < 0)
		return 0;
	for (const char *w = name; *w;) {
		while (*w && !isalnum((unsigned char)*w))
			w++;
		size_t k = 0;
		while (k < l && isalnum((unsigned char)w[k]) && tolower((unsigned char)w[k]) == tolower((unsigned char)d[k]))
			k++;
		const char *next = w;
		while (*next && isalnum((unsigned char)*next))
			next++;
		for (; k > 0; k--)
			if (label_of(d + k, l - k, next, budget))
				return 1;
		w = next;
	}
	return 0;
}

/* 1 when the sender's display name is an organisation's, not a person's: it joins words
   with "of", "for" or "and" ("Friends of Dadaab"), ends with a word of
   data/clean/org-words.txt ("… Relief Committee"), or reads as the address's domain
   ("Refugees Welcome Copenhagen" <…@refugeeswelcome-cph.example>). */
static int sender_org(const char *name, const char *addr)
{
	char sq[128];
	size_t k = 0, words = 1, last = 0;
	for (size_t i = 0; name[i]; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c == ' ') {
			words++;
			last = i + 1;
			const char *w = name + i + 1;
			if ((!strncmp(w, "of ", 3) || !strncmp(w, "for ", 4) || !strncmp(w, "and ", 4)) && i > 0)
				return 1;
		}
		if (isalnum(c) && k + 1 < sizeof sq)
			sq[k++] = (char)tolower(c);
	}
	sq[k] = 0;
	if (words >= 2 && wl_has(&clean_lex()->org_words, name + last, strlen(name + last)))
		return 1;
	const char *at = addr ? strchr(addr, '@') : NULL;
	if (!at || k < 3)
		return 0;
	/* the domain's first label (up to a hyphen) begins a name of three words or more, or
	   is an acronym written alone ("UNHCR" <…@unhcr.org>); a person's two words may be
	   their own domain */
	const char *d = at + 1;
	size_t l = strcspn(d, ".-");
	int acronym = words == 1 && k == strlen(name);
	for (size_t i = 0; acronym && name[i]; i++)
		acronym = isupper((unsigned char)name[i]) || isdigit((unsigned char)name[i]);
	if (words < 3 && !acronym)
		return 0;
	int budget = 2000;
	return l >= 3 && label_of(d, l, name, &budget);
}

/* The part that holds the body. */
static GMimePart *find_body(GMimeObject *o, int want_html, int depth)
{
	if (!o || depth > 16)
		return NULL;
	if (GMIME_IS_MULTIPART(o)) {
		GMimeMultipart *mp = (GMimeMultipart *)o;
		int n = g_mime_multipart_get_count(mp);
		for (int i = 0; i < n; i++) {
			GMimePart *p = find_body(g_mime_multipart_get_part(mp, i), want_html, depth + 1);
			if (p)
				return p;
		}
		return NULL;
	}
	if (GMIME_IS_MESSAGE_PART(o)) {
		GMimeMessage *m = g_mime_message_part_get_message((GMimeMessagePart *)o);
		return m ? find_body(g_mime_message_get_mime_part(m), want_html, depth + 1) : NULL;
	}
	if (!GMIME_IS_PART(o))
		return NULL;
	GMimePart *p = (GMimePart *)o;
	if (g_mime_part_is_attachment(p))
		return NULL;
	GMimeContentType *ct = g_mime_object_get_content_type(o);
	if (!ct || !g_mime_content_type_is_type(ct, "text", want_html ? "html" : "plain"))
		return NULL;
	return p;
}

/* Decodes the transfer encoding of raw (at offset base in the message) into out, mapped
   into the message, one line at a time. */
static void decode_transfer(const char *raw, size_t n, size_t base, GMimeContentEncoding enc, MText *out)
{
	if (enc != GMIME_CONTENT_ENCODING_BASE64 && enc != GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE &&
	    enc != GMIME_CONTENT_ENCODING_UUENCODE) {
		mt_copy(out, raw, n, base);
		return;
	}
	GMimeEncoding st;
	g_mime_encoding_init_decode(&st, enc);
	char *buf = xmalloc(n + 16);
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(raw + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - raw) + 1 : n;
		size_t k = g_mime_encoding_step(&st, raw + i, e - i, buf);
		if (enc == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE) {
			/* align: "=XX" is one byte, a soft break none, the rest byte for byte */
			size_t j = i;
			for (size_t q = 0; q < k; q++) {
				while (j + 1 < e && raw[j] == '=' && (raw[j + 1] == '\n' || raw[j + 1] == '\r'))
					j = e;
				size_t src = j < e ? j : e - 1;
				mt_gen(out, buf + q, 1, base + src);
				if (j < e && raw[j] == '=' && j + 2 < e)
					j += 3;
				else if (j < e)
					j++;
			}
		} else {
			for (size_t q = 0; q < k; q++) {
				size_t src = i + (q * 4 / 3 < e - i ? q * 4 / 3 : e - i - 1);
				mt_gen(out, buf + q, 1, base + src);
			}
		}
		i = e;
	}
	size_t k = g_mime_encoding_flush(&st, "", 0, buf);
	if (k)
		mt_gen(out, buf, k, base + (n ? n - 1 : 0));
	free(buf);
}

int clean_mail(const char *bytes, size_t len, MText *out, Meta *m, Blob *err)
{
	pthread_once(&gmime_once, gmime_start);
	GMimeStream *stream = g_mime_stream_mem_new();
	g_mime_stream_write(stream, bytes, len);
	g_mime_stream_seek(stream, 0, GMIME_STREAM_SEEK_SET);
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	g_mime_parser_set_persist_stream(parser, TRUE);
	if (len > 5 && memcmp(bytes, "From ", 5) == 0)
		g_mime_parser_set_format(parser, GMIME_FORMAT_MBOX);
	GMimeMessage *msg = g_mime_parser_construct_message(parser, NULL);
	int rc = 0;
	if (!msg) {
		blob_puts(err, "not a readable e-mail message");
		rc = 1;
		goto done;
	}

	const char *subject = g_mime_message_get_subject(msg);
	if (subject) {
		const char *s = subject;
		/* "Re: Fwd: Title" → "Title" */
		for (;;) {
			while (*s == ' ')
				s++;
			if (strncasecmp(s, "re:", 3) == 0 || strncasecmp(s, "fw:", 3) == 0)
				s += 3;
			else if (strncasecmp(s, "fwd:", 4) == 0)
				s += 4;
			else
				break;
		}
		meta_set(&m->title, &m->title_p, 20, s, strlen(s));
	}
	GDateTime *dt = g_mime_message_get_date(msg);
	if (dt) {
		char iso[16];
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", g_date_time_get_year(dt),
		         g_date_time_get_month(dt), g_date_time_get_day_of_month(dt));
		meta_set(&m->published, &m->published_p, MP_META, iso, strlen(iso));
	}
	InternetAddressList *from = g_mime_message_get_from(msg);
	if (from && internet_address_list_length(from) > 0) {
		InternetAddress *a = internet_address_list_get_address(from, 0);
		const char *name = internet_address_get_name(a);
		const char *addr = INTERNET_ADDRESS_IS_MAILBOX(a)
		                   ? internet_address_mailbox_get_addr((InternetAddressMailbox *)a) : NULL;
		if (name && *name && sender_org(name, addr))
			meta_set(&m->publisher, &m->publisher_p, MP_SIGN, name, strlen(name));
		else if (name && *name)
			meta_set(&m->author, &m->author_p, MP_META, name, strlen(name));
		else if (addr)
			meta_set(&m->author, &m->author_p, MP_WEAK, addr, strlen(addr));
	}
	const char *org = g_mime_object_get_header((GMimeObject *)msg, "Organization");
	if (org)
		meta_set(&m->publisher, &m->publisher_p, MP_META, org, strlen(org));

	GMimeObject *top = g_mime_message_get_mime_part(msg);
	int html = 0;
	GMimePart *part = find_body(top, 0, 0);
	if (!part) {
		part = find_body(top, 1, 0);
		html = part != NULL;
	}
	MText dec = {0}, u = {0};
	dec.src_len = len;
	if (part) {
		GMimeDataWrapper *w = g_mime_part_get_content(part);
		GMimeStream *cs = w ? g_mime_data_wrapper_get_stream(w) : NULL;
		GMimeContentEncoding enc = w ? g_mime_data_wrapper_get_encoding(w) : GMIME_CONTENT_ENCODING_DEFAULT;
		if (cs && cs->bound_start >= 0 && (cs->bound_end < 0 || cs->bound_end >= cs->bound_start) &&
		    (size_t)cs->bound_start <= len) {
			size_t a = (size_t)cs->bound_start;
			size_t z = cs->bound_end < 0 || (size_t)cs->bound_end > len ? len : (size_t)cs->bound_end;
			decode_transfer(bytes + a, z - a, a, enc, &dec);
		}
	}
	const char *charset = part ? g_mime_object_get_content_type_parameter((GMimeObject *)part, "charset") : NULL;
	text_decode(dec.text.data ? dec.text.data : "", dec.text.len, charset, &u);
	mt_compose(&u, &dec);
	if (html)
		rc = clean_html(&u, out, m, err);
	else
		rc = clean_text(&u, out, m, err);
	mt_free(&u);
	mt_free(&dec);
	g_object_unref(msg);
done:
	g_object_unref(parser);
	g_object_unref(stream);
	return rc;
}
