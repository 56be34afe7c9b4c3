/*
** test_clean.c — the cleaner on the project's own fixtures (tests/fixtures/clean/) and
** on made-up bytes: boilerplate dropped, paragraphs kept, metadata found, every byte of
** the text mapped back to the byte of the original it came from.
*/
#include "testing.h"

#include "clean.h"
#include "clean_int.h"
#include "util.h"

#include <stdio.h>

#define FIX "tests/fixtures/clean/"

/* Cleans a fixture file; fails the test when it cannot be read or cleaned. */
static void clean_file(const char *name, Blob *bytes, CleanDoc *d)
{
	char path[256];
	snprintf(path, sizeof path, FIX "%s", name);
	assert_int_equal(read_file(path, bytes), 0);
	Blob err = BLOB_INIT;
	int rc = clean_doc(bytes->data, bytes->len, name, d, &err);
	if (rc)
		fprintf(stderr, "%s: %s\n", name, blob_str(&err));
	assert_int_equal(rc, 0);
	blob_free(&err);
}

/* Cleans bytes given in the test. */
static int clean_bytes(const char *s, size_t n, const char *name, CleanDoc *d, Blob *err)
{
	return clean_doc(s, n, name, d, err);
}

static int has(const CleanDoc *d, const char *needle)
{
	return strstr(d->text.data ? d->text.data : "", needle) != NULL;
}

/* Every letter and digit of the text stands at its mapped offset in the original, and
   every offset lies inside the original. */
static void check_map(const CleanDoc *d, const Blob *orig)
{
	size_t checked = 0;
	for (size_t i = 0; i < d->text.len; i++) {
		size_t o = clean_orig_offset(d, i);
		assert_true(o <= orig->len);
		unsigned char c = (unsigned char)d->text.data[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			if (orig->data[o] != (char)c)
				fprintf(stderr, "text[%zu] '%c' maps to %zu '%c'\n", i, c, o, orig->data[o]);
			assert_int_equal(orig->data[o], (char)c);
			checked++;
		}
	}
	assert_true(checked > 0 || d->text.len == 0);
	/* the stored form gives the same answers */
	Blob ser = BLOB_INIT;
	offmap_serialize(d, &ser);
	for (size_t i = 0; i < d->text.len; i += 7)
		assert_int_equal(offmap_lookup(ser.data, ser.len, i), clean_orig_offset(d, i));
	blob_free(&ser);
}

static void test_news_page(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	CleanDoc d = {0};
	clean_file("news.html", &b, &d);
	assert_string_equal(d.media_type, "text/html");
	/* the article */
	assert_true(has(&d, "Mortar rounds struck the eastern section of Camp Nadir"));
	assert_true(has(&d, "kept the camp under a partial siege since January"));
	assert_true(has(&d, "press for the release of four residents"));
	assert_true(has(&d, "Appeal to the United Nations"));
	/* entities decoded */
	assert_true(has(&d, "the camp\u2019s residents\u2019 council"));
	assert_true(has(&d, "fired on the camp & said"));
	/* paragraphs separated by a blank line */
	assert_true(has(&d, "council said.\n\nThe council said"));
	/* the furniture */
	assert_false(has(&d, "cookies"));
	assert_false(has(&d, "Share on"));
	assert_false(has(&d, "Opinion"));
	assert_false(has(&d, "Aid convoy turned back"));
	assert_false(has(&d, "international community"));
	assert_false(has(&d, "All rights reserved"));
	assert_false(has(&d, "not text"));
	assert_false(has(&d, "font-family"));
	assert_false(has(&d, "By Lina Haddad"));
	/* metadata */
	assert_string_equal(d.title, "Shelling wounds nine at Camp Nadir, council says");
	assert_string_equal(d.published, "2021-03-04");
	assert_string_equal(d.author, "Lina Haddad");
	assert_string_equal(d.publisher, "Levant Wire"); /* the agency of the dateline */
	assert_string_equal(d.language, "en");
	check_map(&d, &b);
	/* an entity maps to its '&' */
	const char *amp = strstr(d.text.data, " & said");
	assert_non_null(amp);
	size_t o = clean_orig_offset(&d, (size_t)(amp - d.text.data) + 1);
	assert_memory_equal(b.data + o, "&amp;", 5);
	clean_free(&d);
	blob_free(&b);
}

static void test_saved_statement(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	CleanDoc d = {0};
	clean_file("statement.txt", &b, &d);
	assert_string_equal(d.media_type, "text/plain");
	assert_false(has(&d, "Wednesday, May 14, 2025")); /* the banner */
	assert_false(has(&d, "HomeNews"));                /* the breadcrumb */
	assert_false(has(&d, "offcanvas"));               /* a template leftover */
	assert_true(has(&d, "• The water pipe cut on April 2"));
	assert_true(has(&d, "in preparation for another attack in the coming days."));
	assert_true(has(&d, "to reopen the road."));
	assert_string_equal(d.title, "Residents of Camp Nadir warn of a new attack on the eastern gate");
	/* the date under the signature, not the banner */
	assert_string_equal(d.published, "2019-05-02");
	assert_string_equal(d.publisher, "Camp Nadir Residents' Council");
	check_map(&d, &b);
	clean_free(&d);
	blob_free(&b);
}

/* A letter wrapped by hand near column 95 (wider than mail's 72): the lines of a
   paragraph join, the address lines, list items and rules stay lines of their own. */
static void test_hard_wrapped(void **state)
{
	(void)state;
	const char *t =
	    "NORTHGATE LEGAL AID CENTRE\n"
	    "12 Quay Street\n"
	    "\n"
	    "Dear Minister,\n"
	    "\n"
	    "1. We write on behalf of families at Camp Nadir, where the water supply was cut on Friday\n"
	    "evening after the district council withdrew the tanker contract without notice to anyone\n"
	    "living there. Since then, two hundred households have shared one standpipe at the gate.\n"
	    "\n"
	    "==============================================================\n"
	    "- The clinic has had no clean water for three days and has closed its ward to new cases.\n"
	    "- The school kitchen has stopped serving the midday meal to about four hundred pupils.\n"
	    "\n"
	    "2. We ask you to restore the contract before Monday, and to publish the reasons for its\n"
	    "withdrawal so that the residents can answer them.\n";
	CleanDoc d = {0};
	Blob err = BLOB_INIT;
	assert_int_equal(clean_bytes(t, strlen(t), "letter.txt", &d, &err), 0);
	assert_true(has(&d, "was cut on Friday\nevening after the district council"));
	assert_true(has(&d, "without notice to anyone\nliving there."));
	assert_true(has(&d, "publish the reasons for its\nwithdrawal"));
	assert_true(has(&d, "NORTHGATE LEGAL AID CENTRE\n\n12 Quay Street"));
	assert_true(has(&d, "======\n\n- The clinic"));
	assert_true(has(&d, "new cases.\n\n- The school kitchen"));
	Blob b = {(char *)t, strlen(t), 0};
	check_map(&d, &b);
	clean_free(&d);
	blob_free(&err);
}

/* Lines that are records of their own in a text whose lines run to one column near 105:
   a chronology of one dated entry a line, a table set in columns, a quoted reply under
   the answer. None joins the line before (each had become one sentence of them all),
   while the wrapped answer still does. */
static void test_wrapped_records(void **state)
{
	(void)state;
	const char *t =
	    "Events at the Tallow Creek settlement, as the residents' committee wrote them down\n"
	    "3 February 2019 - police officers entered the eastern block at dawn and arrested four young men\n"
	    "5 February 2019 - the water supply to the settlement was cut by the municipal contractor for two days\n"
	    "14 February 2019 - masked men set fire to two shelters near the school; a child was treated for burns\n"
	    "20 February 2019 - the municipality announced that the settlement would be cleared before the end of March\n"
	    "Date        Name              Age  Injury                                  Outcome recorded\n"
	    "02/03/2021  unnamed man       50   burns from the fire in shelter block C   died on 10 March\n"
	    "05/03/2021  a girl            19   head injury after a beating by guards    admitted to hospital\n"
	    "Thanks for this. I can confirm that the raid took place on the morning of 4 April and that three\n"
	    "men were detained by the police; they were released the same evening without any charge at all.\n"
	    "> We have heard that there was a raid on the Ostend Road site early yesterday morning; can anyone\n"
	    "> confirm the details? We were told that several men were taken away and shelters were damaged.\n";
	CleanDoc d = {0};
	Blob err = BLOB_INIT;
	assert_int_equal(clean_bytes(t, strlen(t), "chronology.txt", &d, &err), 0);
	assert_true(has(&d, "four young men\n\n5 February 2019"));
	assert_true(has(&d, "for two days\n\n14 February 2019"));
	assert_true(has(&d, "treated for burns\n\n20 February 2019"));
	assert_true(has(&d, "Outcome recorded\n\n02/03/2021"));
	assert_true(has(&d, "died on 10 March\n\n05/03/2021"));
	assert_true(has(&d, "that three\nmen were detained"));
	assert_true(has(&d, "without any charge at all.\n\n> We have heard"));
	assert_true(has(&d, "can anyone\n> confirm the details?"));
	Blob b = {(char *)t, strlen(t), 0};
	check_map(&d, &b);
	clean_free(&d);
	blob_free(&err);
}

static void test_wire_copy(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	CleanDoc d = {0};
	clean_file("wire.txt", &b, &d);
	assert_false(has(&d, "Levant Voices Online"));
	assert_false(has(&d, "Latest news"));
	assert_false(has(&d, "Convoy reaches"));
	assert_false(has(&d, "Must read"));
	assert_false(has(&d, "doctors who stayed"));
	assert_true(has(&d, "a UN team last visited it in 2019."));
	assert_string_equal(d.title, "Residents say governor responsible for safety of Camp Nadir");
	assert_string_equal(d.author, "Omar Sayegh");
	assert_string_equal(d.publisher, "Levant Wire");
	/* "Feb 3" and "on Friday", the latest year mentioned 2019: Feb 3 2023 was a Friday */
	assert_string_equal(d.published, "2023-02-03");
	check_map(&d, &b);
	clean_free(&d);
	blob_free(&b);
}

static void test_mail_plain(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	CleanDoc d = {0};
	clean_file("checkpoint.eml", &b, &d);
	assert_string_equal(d.media_type, "message/rfc822");
	assert_string_equal(d.title, "Checkpoint closed again \u2013 urgent");
	assert_string_equal(d.published, "2021-03-09");
	assert_string_equal(d.author, "Samir Aboud");
	assert_string_equal(d.publisher, "Camp Nadir Residents' Council");
	/* quoted-printable decoded: soft breaks joined, =C3=A9 is é */
	assert_true(has(&d, "closed again by the Northern Brigade."));
	assert_true(has(&d, "The caf\u00e9 owner Yusuf Karam was beaten"));
	assert_false(has(&d, "Message-ID"));
	/* letters map into the raw message, é to its "=C3" */
	for (size_t i = 0; i < d.text.len; i++) {
		unsigned char c = (unsigned char)d.text.data[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			assert_int_equal(b.data[clean_orig_offset(&d, i)], (char)c);
	}
	const char *e = strstr(d.text.data, "\u00e9 owner");
	assert_non_null(e);
	assert_memory_equal(b.data + clean_orig_offset(&d, (size_t)(e - d.text.data)), "=C3", 3);
	clean_free(&d);
	blob_free(&b);
}

static void test_mail_html(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	CleanDoc d = {0};
	clean_file("water.eml", &b, &d);
	assert_string_equal(d.title, "Situation note: Camp Nadir water supply");
	assert_string_equal(d.published, "2021-04-15");
	assert_true(has(&d, "The main water pipe to Camp Nadir was cut on April 2"));
	assert_true(has(&d, "\u201cWe cannot wait for the summer,\u201d")); /* Windows-1252 quotes */
	assert_false(has(&d, "Home |"));
	for (size_t i = 0; i < d.text.len; i += 3)
		assert_true(clean_orig_offset(&d, i) < b.len);
	clean_free(&d);
	blob_free(&b);
}

static void test_charsets(void **state)
{
	(void)state;
	CleanDoc d = {0};
	Blob err = BLOB_INIT;
	/* Windows-1252 without a declaration */
	const char latin[] = "The caf\xe9 near the \x93" "eastern gate\x94 was closed.\n";
	assert_int_equal(clean_bytes(latin, sizeof latin - 1, "a.txt", &d, &err), 0);
	assert_string_equal(d.text.data, "The caf\u00e9 near the \u201ceastern gate\u201d was closed.");
	assert_int_equal(clean_orig_offset(&d, 7), 7);   /* é */
	assert_int_equal(clean_orig_offset(&d, 9), 8);   /* the space after it */
	clean_free(&d);
	/* an HTML page in Windows-1252: every letter maps to its byte */
	Blob page = BLOB_INIT;
	blob_puts(&page, "<html><head><meta charset=\"windows-1252\"><title>Gate</title></head><body>"
	                 "<p>The caf\xe9 at the \x93" "eastern gate\x94 was hit &amp; burned on Tuesday night, "
	                 "residents said. The fire spread to two tents before it was put out.</p></body></html>");
	assert_int_equal(clean_bytes(page.data, page.len, "a.html", &d, &err), 0);
	assert_true(has(&d, "\u201ceastern gate\u201d was hit & burned"));
	check_map(&d, &page);
	clean_free(&d);
	blob_free(&page);
	/* a declared charset, through iconv */
	const char koi[] = "<html><head><meta charset=\"koi8-r\"></head><body><p>\xeb\xc1\xcd\xd0 "
	                   "\xfe\xd5\xd2\xc1 is closed \xff\xff.</p></body></html>";
	assert_int_equal(clean_bytes(koi, sizeof koi - 1, "a.html", &d, &err), 0);
	assert_true(has(&d, "\u041a\u0430\u043c\u043f"));
	clean_free(&d);
	/* UTF-8 with bad bytes: replaced, never passed through */
	const char bad[] = "Nine residents \xe2\x80\x94 two of them children \xff were wounded.\n";
	assert_int_equal(clean_bytes(bad, sizeof bad - 1, "a.txt", &d, &err), 0);
	assert_true(has(&d, "children \uFFFD were"));
	assert_true(has(&d, "\u2014"));
	clean_free(&d);
	/* UTF-16 with a BOM */
	const char u16[] = "\xff\xfe" "N\0a\0d\0i\0r\0 \0c\0a\0m\0p\0 \0i\0s\0 \0u\0n\0d\0e\0r\0 \0s\0i\0e\0g\0e\0.\0";
	assert_int_equal(clean_bytes(u16, sizeof u16 - 1, "a.txt", &d, &err), 0);
	assert_string_equal(d.text.data, "Nadir camp is under siege.");
	assert_int_equal(clean_orig_offset(&d, 1), 4);
	clean_free(&d);
	/* NUL bytes dropped */
	const char nul[] = "Four\0 residents were detained at the checkpoint.\n";
	assert_int_equal(clean_bytes(nul, sizeof nul - 1, "a.txt", &d, &err), 0);
	assert_string_equal(d.text.data, "Four residents were detained at the checkpoint.");
	assert_int_equal(clean_orig_offset(&d, 4), 5);
	clean_free(&d);
	/* NFC: e + combining acute becomes é, mapped to the e */
	const char nfd[] = "<p>The cafe\xcc\x81 and the cli&#x301;nic were shelled on the same night.</p>";
	assert_int_equal(clean_bytes(nfd, sizeof nfd - 1, "a.html", &d, &err), 0);
	assert_true(has(&d, "caf\u00e9 and"));
	const char *e = strstr(d.text.data, "\u00e9");
	assert_int_equal(nfd[clean_orig_offset(&d, (size_t)(e - d.text.data))], 'e');
	assert_true(has(&d, "cl\u00ed"));
	clean_free(&d);
	blob_free(&err);
}

static void test_bad_input(void **state)
{
	(void)state;
	CleanDoc d = {0};
	Blob err = BLOB_INIT;
	assert_int_equal(clean_bytes("", 0, "a.txt", &d, &err), 1);
	assert_string_equal(blob_str(&err), "empty file");
	clean_free(&d);
	blob_reset(&err);
	const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	assert_int_equal(clean_bytes(png, sizeof png - 1, "a.txt", &d, &err), 1);
	assert_non_null(strstr(blob_str(&err), "not a text report"));
	assert_null(strchr(blob_str(&err), '\n'));
	clean_free(&d);
	blob_reset(&err);
	const char elf[] = "\x7f" "ELF\2\1\1\0\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0";
	assert_int_equal(clean_bytes(elf, sizeof elf - 1, "a", &d, &err), 1);
	clean_free(&d);
	blob_reset(&err);
	/* binary noise */
	char noise[4096];
	for (size_t i = 0; i < sizeof noise; i++)
		noise[i] = (char)((i * 7919u) >> 3);
	assert_int_equal(clean_bytes(noise, sizeof noise, "a.bin", &d, &err), 1);
	clean_free(&d);
	blob_reset(&err);
	/* HTML nested 100,000 deep: the text inside is kept, quickly */
	Blob deep = BLOB_INIT;
	blob_puts(&deep, "<html><body>");
	for (int i = 0; i < 100000; i++)
		blob_puts(&deep, "<div>");
	blob_puts(&deep, "<p>Residents of the camp said the checkpoint stayed closed all week, and that no convoy came.</p>");
	assert_int_equal(clean_bytes(deep.data, deep.len, "a.html", &d, &err), 0);
	assert_true(has(&d, "no convoy came."));
	clean_free(&d);
	blob_free(&deep);
	/* a truncated page: best effort */
	const char cut[] = "<html><head><title>Camp</title></head><body><p>The first paragraph is whole "
	                   "and long enough to count as text.</p><p>The second one stops in the mid";
	assert_int_equal(clean_bytes(cut, sizeof cut - 1, "a.html", &d, &err), 0);
	assert_true(has(&d, "The second one stops in the mid"));
	clean_free(&d);
	const char cut2[] = "<html><body><p>Text before a tag that never ends <a href=\"/x";
	assert_int_equal(clean_bytes(cut2, sizeof cut2 - 1, "a.html", &d, &err), 0);
	assert_true(has(&d, "Text before a tag"));
	clean_free(&d);
	blob_free(&err);
}

static void test_sniffing(void **state)
{
	(void)state;
	assert_string_equal(media_sniff("<!DOCTYPE html><p>x</p>", 23, NULL), "text/html");
	assert_string_equal(media_sniff("  <div>Camp</div>", 17, "x.txt"), "text/html");
	assert_string_equal(media_sniff("The sign said <not here>.\n", 26, NULL), "text/plain");
	const char mail[] = "From: a@b.example\nSubject: Camp\nDate: Tue, 9 Mar 2021 18:02:05 +0200\n\nBody\n";
	assert_string_equal(media_sniff(mail, sizeof mail - 1, NULL), "message/rfc822");
	const char notmail[] = "Subject: the siege of the camp\nand other things\n";
	assert_string_equal(media_sniff(notmail, sizeof notmail - 1, NULL), "text/plain");
	assert_string_equal(media_sniff("%PDF-1.4\n", 9, NULL), "application/octet-stream");
}

/* A dateline without a year and no weekday: the latest year the text mentions. */
static void test_dates_from_text(void **state)
{
	(void)state;
	CleanDoc d = {0};
	Blob err = BLOB_INIT;
	/* a year after "since" is the year only when nothing else gives one */
	const char t1[] = "Shelling near the camp\n\nBEIRUT, March 12 (Levant Wire) - Two shells hit the camp, "
	                  "which has been besieged since 2017, witnesses said.\n";
	assert_int_equal(clean_bytes(t1, sizeof t1 - 1, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2017-03-12");
	assert_string_equal(d.publisher, "Levant Wire");
	clean_free(&d);
	/* a weekday in the dateline itself decides the year */
	const char t2[] = "Convoy blocked\n\nAMMAN, Tuesday, Jan 9 (Levant Wire) - The convoy was blocked, as "
	                  "in 2015 and 2016, officials said.\n";
	assert_int_equal(clean_bytes(t2, sizeof t2 - 1, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2018-01-09");
	clean_free(&d);
	/* a weekday only named after it is the incident's, perhaps days earlier: the year the
	   text writes stays (Feb 19 2020 was a Wednesday, a Tuesday only in 2030) */
	const char t4[] = "Market hit\n\nAgg News - 19/02/2020\n\nAMMAN, Feb 19 (Levant Wire) - Shells hit the "
	                  "market on Tuesday, killing four people, medics said.\n";
	assert_int_equal(clean_bytes(t4, sizeof t4 - 1, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2020-02-19");
	clean_free(&d);
	/* metadata beats the text */
	const char t3[] = "<html><head><meta property=\"article:published_time\" content=\"2020-06-01\">"
	                  "</head><body><p>GENEVA, May 30 (Levant Wire) - The mission met the council in 2020 "
	                  "and promised to return with a larger team before the summer.</p></body></html>";
	assert_int_equal(clean_bytes(t3, sizeof t3 - 1, "a.html", &d, &err), 0);
	assert_string_equal(d.published, "2020-06-01");
	clean_free(&d);
	blob_free(&err);
}

/* Metadata of reports as they really arrive (fixtures written for each pattern). */

/* Saved text: a banner over a menu and a breadcrumb is the day the page was saved; the
   byline "Posted by X on DATE" and the dateline give the date, the copyright line the
   publisher. */
static void test_meta_saved_banner(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	CleanDoc d = {0};
	clean_file("saved-banner.txt", &b, &d);
	assert_string_equal(d.published, "2025-09-02");
	assert_string_equal(d.title, "Night patrol fires on fishing boats near Orvel");
	assert_string_equal(d.publisher, "Lakeside Monitor");
	assert_false(has(&d, "Thursday, 9 October 2025")); /* the banner */
	assert_false(has(&d, "Who we are"));               /* the menu */
	assert_false(has(&d, "Reports \u00bb"));           /* the breadcrumb */
	assert_false(has(&d, "\u00a9"));                   /* the copyright line */
	assert_true(has(&d, "Two fishermen were wounded on Monday night"));
	check_map(&d, &b);
	clean_free(&d);
	blob_free(&b);
}

/* An HTML byline "By NAME, desk | WEEKDAY, DATE": author and date; the site's name from
   the title; an all-capitals dateline the text also writes as a name is a place, not the
   publisher; the masthead's date of the day is not the publication. */
static void test_meta_byline_pipe(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	CleanDoc d = {0};
	clean_file("byline-pipe.html", &b, &d);
	assert_string_equal(d.published, "2025-10-14");
	assert_string_equal(d.author, "Ines Varga");
	assert_string_equal(d.publisher, "Brel Courier");
	assert_string_equal(d.title, "Families ordered out of Tamsa settlement within a week");
	assert_false(has(&d, "Brel desk"));
	check_map(&d, &b);
	clean_free(&d);
	blob_free(&b);
}

/* A byline naming a desk, not a person ("By our Levant desk | Monday 13 October 2025, last
   updated 18:05 local time"): its date is the publication's; "By Monday 13 October …" opening
   a sentence is no byline. */
static void test_meta_byline_desk(void **state)
{
	(void)state;
	const char *lines[] = {"By our Levant desk | Monday 13 October 2025, last updated 18:05 local time",
	                       "By Monday 13 October 2025 the camp had no fuel left at all"};
	const char *want[] = {"2025-10-13", NULL};
	for (int i = 0; i < 2; i++) {
		Blob t = BLOB_INIT;
		blob_appendf(&t, "Live: shelling of the Tamsa settlement\n\n%s\n\nShells hit the settlement early "
		                 "on Monday morning, residents said, and two people were killed at the eastern gate.\n",
		             lines[i]);
		CleanDoc d = {0};
		Blob err = BLOB_INIT;
		assert_int_equal(clean_bytes(t.data, t.len, "live.txt", &d, &err), 0);
		if (want[i])
			assert_string_equal(d.published, want[i]);
		else
			assert_null(d.published);
		clean_free(&d);
		blob_free(&err);
		blob_free(&t);
	}
}

/* A dateline without a year, in a text that names no year: the year of the page's URL. */
static void test_meta_dateline_no_year(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	CleanDoc d = {0};
	clean_file("dateline-noyear.html", &b, &d);
	assert_string_equal(d.published, "2025-09-02");
	assert_string_equal(d.publisher, "Northwire");
	assert_string_equal(d.author, "Tomas Reyes");
	clean_free(&d);
	blob_free(&b);
}

/* A date under a signature, after a place, with a note below it; a title in capitals
   with a dash is not a dateline naming a publisher. */
static void test_meta_signature_note(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	CleanDoc d = {0};
	clean_file("signature-note.txt", &b, &d);
	assert_string_equal(d.published, "2025-10-16");
	assert_null(d.publisher);
	check_map(&d, &b);
	clean_free(&d);
	blob_free(&b);
}

/* A statement dated where it was issued at its end ("Issued in X, D/M/Y", "Done at X on
   D Month Y"), a signature line after it. */
static void test_meta_issued_in(void **state)
{
	(void)state;
	const char *ends[] = {"Issued in Al-Dovrek, 18/02/2024\n\nSigned: (the names of 41 elders follow)\n",
	                      "Done at Dovrek on 18 February 2024\n\nSigned: (the names of 41 elders follow)\n"};
	for (int i = 0; i < 2; i++) {
		Blob t = BLOB_INIT;
		blob_puts(&t, "Statement of the elders of Dovrek\n\nOn Friday 12 February the forces of the governor "
		              "closed the road to the camp. Since the beginning of the month the clinic has been "
		              "shut.\n\nWe call on the authorities to open the road.\n\n");
		blob_puts(&t, ends[i]);
		CleanDoc d = {0};
		Blob err = BLOB_INIT;
		assert_int_equal(clean_bytes(t.data, t.len, "statement.txt", &d, &err), 0);
		assert_non_null(d.published);
		assert_string_equal(d.published, "2024-02-18");
		clean_free(&d);
		blob_free(&err);
		blob_free(&t);
	}
}

/* A petition: "Started DATE" under the headline, not the header's date of the day nor
   the dates of its updates. */
static void test_meta_petition(void **state)
{
	(void)state;
	Blob b = BLOB_INIT;
	CleanDoc d = {0};
	clean_file("petition.html", &b, &d);
	assert_string_equal(d.published, "2025-10-17");
	assert_string_equal(d.title, "Let the Tamsa families stay");
	assert_string_equal(d.publisher, "RaiseVoice");
	clean_free(&d);
	blob_free(&b);
}

/* Byline shapes in text, a banner's year for a dateline without one, copyright lines. */
static void test_meta_lines(void **state)
{
	(void)state;
	CleanDoc d = {0};
	Blob err = BLOB_INIT;
	/* "Updated" only when nothing else dates the post */
	const char t1[] = "Water trucks stopped at the north gate\n\nUpdated: 4 March 2024, 10:15\n\n"
	                  "The two water trucks that serve the settlement were stopped at the gate this morning "
	                  "and sent back, the drivers said.\n";
	assert_int_equal(clean_bytes(t1, sizeof t1 - 1, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2024-03-04");
	clean_free(&d);
	const char t2[] = "Water trucks stopped at the north gate\n\nUpdated 5 March 2024 | Published 3 March 2024\n\n"
	                  "The two water trucks that serve the settlement were stopped at the gate this morning "
	                  "and sent back, the drivers said.\n";
	assert_int_equal(clean_bytes(t2, sizeof t2 - 1, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2024-03-03");
	clean_free(&d);
	/* "Posted on DATE by NAME" */
	const char t3[] = "Water trucks stopped at the north gate\n\nPosted on 6 March 2024 by Ada Morel\n\n"
	                  "The two water trucks that serve the settlement were stopped at the gate this morning "
	                  "and sent back, the drivers said.\n";
	assert_int_equal(clean_bytes(t3, sizeof t3 - 1, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2024-03-06");
	assert_string_equal(d.author, "Ada Morel");
	clean_free(&d);
	/* the banner (over a menu) is not the date, but gives a year-less dateline its year */
	const char t4[] = "Friday, 14 March 2025\nHome\nNews\nReports\nAbout\nContact\n"
	                  "Patrol fires on boats near the landing\n"
	                  "KESSA, March 3 (Shore Agency) - A patrol fired on two boats near the landing on "
	                  "Monday night and wounded a fisherman, his family said.\n";
	assert_int_equal(clean_bytes(t4, sizeof t4 - 1, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2025-03-03");
	assert_string_equal(d.publisher, "Shore Agency");
	assert_false(has(&d, "14 March"));
	clean_free(&d);
	/* a copyright line after the name; "(c)" in prose is not one */
	const char t5[] = "Patrol fires on boats near the landing\n\n"
	                  "A patrol fired on two boats near the landing and wounded a fisherman, the family said. "
	                  "The rules say (c) boats stay inside the zone.\n\nShore Watch Network \u00a9 2019\u20132025 | Terms\n";
	assert_int_equal(clean_bytes(t5, sizeof t5 - 1, "a.txt", &d, &err), 0);
	assert_string_equal(d.publisher, "Shore Watch Network");
	assert_true(has(&d, "(c) boats stay"));
	assert_false(has(&d, "Terms"));
	clean_free(&d);
	blob_free(&err);
}

/* Mastheads and letterheads of reports written as text, datelines with the date in
   brackets, a menu on one line. */
static void test_meta_mastheads(void **state)
{
	(void)state;
	CleanDoc d = {0};
	Blob err = BLOB_INIT;
	const char body[] = "A patrol fired on two boats near the landing late on Monday and wounded a "
	                    "fisherman, his family and the harbour master said.\n\nThe coast authority did "
	                    "not answer questions about the shooting.\n";
	Blob t = BLOB_INIT;
	/* NAME | DATE */
	blob_appendf(&t, "Patrol fires on boats near the Kessa landing\n\nShore Rights Desk | 9 March 2021\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2021-03-09");
	assert_string_equal(d.publisher, "Shore Rights Desk");
	clean_free(&d);
	/* NAME | published DATE; NAME, WEEKDAY DATE */
	blob_reset(&t);
	blob_appendf(&t, "Patrol fires on boats near the Kessa landing\n\nShore Rights Desk | published 10 March 2021\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2021-03-10");
	clean_free(&d);
	blob_reset(&t);
	blob_appendf(&t, "Patrol fires on boats near the Kessa landing\n\nNetwork for the Shore, Thursday 11 March 2021\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2021-03-11");
	assert_string_equal(d.publisher, "Network for the Shore");
	clean_free(&d);
	/* a sentence ending with a date is not a masthead */
	blob_reset(&t);
	blob_appendf(&t, "Patrol fires on boats near the Kessa landing\n\nThe boats were hit on 3 March 2021\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_null(d.published);
	clean_free(&d);
	/* a letterhead: name, masthead, then the headline */
	blob_reset(&t);
	blob_appendf(&t, "Shore Rights Desk\nStatement | Kessa, 12 March 2021\n\nPatrol fires on boats near the Kessa landing\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.title, "Patrol fires on boats near the Kessa landing");
	assert_string_equal(d.publisher, "Shore Rights Desk");
	assert_string_equal(d.published, "2021-03-12");
	clean_free(&d);
	/* a dateline with the date in brackets */
	blob_reset(&t);
	blob_appendf(&t, "Patrol fires on boats near the Kessa landing\n\nKESSA (13 March 2021) - %s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2021-03-13");
	assert_null(d.publisher);
	clean_free(&d);
	blob_reset(&t);
	blob_appendf(&t, "Patrol fires on boats near the Kessa landing\n\n(Kessa, 14 March 2021) - %s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2021-03-14");
	clean_free(&d);
	/* a banner over a menu on one line and a login line */
	blob_reset(&t);
	blob_appendf(&t, "Friday, 2 May 2025\nHome | Coast | Region | Opinion | Video\nSubscribe   Log in\n\n"
	                 "Patrol fires on boats near the Kessa landing\n\nBy Ada Morel | 15 March 2021\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.title, "Patrol fires on boats near the Kessa landing");
	assert_string_equal(d.published, "2021-03-15");
	assert_string_equal(d.author, "Ada Morel");
	assert_false(has(&d, "Log in"));
	assert_false(has(&d, "Opinion"));
	clean_free(&d);
	blob_free(&t);
	blob_free(&err);
}

/* Saved text, second round: a banner with the time after the date over a menu is the
   day the page was saved, not the publication; a site's name over its section path is
   the banner, and the headline follows; a year after "since" in the text does not give
   a dateline without a year its year (the copyright line does). */
static void test_meta_banner_section_since(void **state)
{
	(void)state;
	CleanDoc d = {0};
	Blob err = BLOB_INIT;
	const char body[] = "Guards at the river crossing turned back a bus of families late on Tuesday, "
	                    "two of the passengers said.\n\nThe border office did not answer questions.\n";
	Blob t = BLOB_INIT;
	blob_appendf(&t, "Monday, 3 November 2025 | 07:15\nHome | Region | World | Sport | Letters\n\n"
	                 "Bus of families turned back at the Ostra crossing\n\nBy Lena Hart | 6 May 2014\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2014-05-06");
	assert_string_equal(d.title, "Bus of families turned back at the Ostra crossing");
	assert_false(has(&d, "07:15"));
	clean_free(&d);
	/* the banner alone, without a byline: no date at all rather than the saved day */
	blob_reset(&t);
	blob_appendf(&t, "Monday, 3 November 2025 | 07:15\nHome | Region | World | Sport | Letters\n\n"
	                 "Bus of families turned back at the Ostra crossing\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_true(!d.published || strcmp(d.published, "2025-11-03") != 0);
	clean_free(&d);
	/* site name, section path, headline */
	blob_reset(&t);
	blob_appendf(&t, "Ostra Valley Herald\nNews | Region | Lower Ostra\n\n"
	                 "Bus of families turned back at the Ostra crossing\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.title, "Bus of families turned back at the Ostra crossing");
	assert_string_equal(d.publisher, "Ostra Valley Herald");
	assert_false(has(&d, "Lower Ostra"));
	clean_free(&d);
	/* a headline over a masthead is not a site name over a section path */
	blob_reset(&t);
	blob_appendf(&t, "Families turned back\nOstra Desk | 6 May 2014\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.title, "Families turned back");
	clean_free(&d);
	/* "since 2016" in the text, the copyright year below */
	blob_reset(&t);
	blob_appendf(&t, "Bus of families turned back at the Ostra crossing\n\n"
	                 "OSTRA, June 3 (River Wire) - Guards turned back a bus of families on Tuesday. "
	                 "The crossing has been closed to them since 2016, and to traders since March 2018.\n\n"
	                 "%s\n\u00a9 2023 River Wire\n", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2023-06-03");
	assert_string_equal(d.publisher, "River Wire");
	clean_free(&d);
	/* a year in running text still gives its year when nothing else does */
	blob_reset(&t);
	blob_appendf(&t, "Bus of families turned back at the Ostra crossing\n\n"
	                 "OSTRA, June 3 (River Wire) - Guards turned back a bus of families. The crossing "
	                 "was closed in 2019 after the floods.\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2019-06-03");
	clean_free(&d);
	blob_free(&t);
	blob_free(&err);
}

/* Publishers, second round: a masthead whose first part names the kind of text gives
   the name after it, not the place before the date ("Statement | X | Place, DATE"); "field
   update" before a date names the kind, not an update; an issue number and a site section
   after an acronym are not part of the publisher's name. */
static void test_meta_publishers(void **state)
{
	(void)state;
	CleanDoc d = {0};
	Blob err = BLOB_INIT;
	const char body[] = "Guards at the river crossing turned back a bus of families late on Tuesday, "
	                    "two of the passengers said.\n\nThe border office did not answer questions.\n";
	static const struct {
		const char *masthead, *publisher, *published;
	} cases[] = {
		{"Statement | Ostra Crossing Watch | Velna, 4 June 2022", "Ostra Crossing Watch", "2022-06-04"},
		{"Press Release | VELNA CITY, 5 June 2022", NULL, "2022-06-05"},
		{"Ostra Crossing Watch \u2014 field update, 6 June 2022", "Ostra Crossing Watch", "2022-06-06"},
		{"Ostra Crossing Bulletin No. 7 | Velna, 7 June 2022", "Ostra Crossing Bulletin", "2022-06-07"},
		{"OCW News | 8 June 2022", "OCW", "2022-06-08"},
		{"River Valley News | 9 June 2022", "River Valley News", "2022-06-09"},
	};
	Blob t = BLOB_INIT;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		blob_reset(&t);
		blob_appendf(&t, "Bus of families turned back at the Ostra crossing\n\n%s\n\n%s", cases[i].masthead, body);
		assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
		if (!d.published || strcmp(d.published, cases[i].published) != 0 ||
		    (cases[i].publisher ? !d.publisher || strcmp(d.publisher, cases[i].publisher) != 0 : d.publisher != NULL))
			fprintf(stderr, "%s: published %s publisher %s\n", cases[i].masthead,
			        d.published ? d.published : "-", d.publisher ? d.publisher : "-");
		assert_string_equal(d.published, cases[i].published);
		if (cases[i].publisher)
			assert_string_equal(d.publisher, cases[i].publisher);
		else
			assert_null(d.publisher);
		clean_free(&d);
	}
	/* "Last update" before a date still marks an update */
	blob_reset(&t);
	blob_appendf(&t, "Bus of families turned back at the Ostra crossing\n\nPosted 3 June 2022 | Last update 9 June 2022\n\n%s", body);
	assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
	assert_string_equal(d.published, "2022-06-03");
	clean_free(&d);
	blob_free(&t);
	blob_free(&err);
}

/* An e-mail's sender: an organisation's name is the publisher, not the author; a
   person's name stays the author, even at a domain of their own. */
static void test_mail_sender(void **state)
{
	(void)state;
	static const struct {
		const char *from, *author, *publisher;
	} cases[] = {
		{"Neighbours of Ostra <hello@neighboursofostra.example>", NULL, "Neighbours of Ostra"},
		{"Ostra Crossing Watch Velna <act@ostrawatch-velna.example>", NULL, "Ostra Crossing Watch Velna"},
		{"Velna Families Committee <info@mail.example>", NULL, "Velna Families Committee"},
		{"OCW <news@ocw.example>", NULL, "OCW"},
		{"Lena Hart <lena@lenahart.example>", "Lena Hart", NULL},
		{"Lena Marie Hart <lena@mail.example>", "Lena Marie Hart", NULL},
	};
	CleanDoc d = {0};
	Blob err = BLOB_INIT, t = BLOB_INIT;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		blob_reset(&t);
		blob_appendf(&t, "From: %s\r\nTo: list@mail.example\r\nSubject: Families turned back at the crossing\r\n"
		                 "Date: Tue, 7 Jun 2022 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
		                 "Guards turned back a bus of families at the crossing on Monday.\r\n", cases[i].from);
		assert_int_equal(clean_bytes(t.data, t.len, "a.eml", &d, &err), 0);
		if (cases[i].author)
			assert_string_equal(d.author, cases[i].author);
		else
			assert_null(d.author);
		if (cases[i].publisher)
			assert_string_equal(d.publisher, cases[i].publisher);
		else
			assert_null(d.publisher);
		assert_string_equal(d.published, "2022-06-07");
		clean_free(&d);
	}
	blob_free(&t);
	blob_free(&err);
}

/* A witness account closed by the line naming who took it down: that organisation is
   the publisher; a person so named, or an organisation inside a sentence of the account,
   is not. */
static void test_meta_closing_org(void **state)
{
	(void)state;
	static const struct {
		const char *closing, *publisher;
	} cases[] = {
		{"Written down and translated by the Ostra Valley Witness Project.", "Ostra Valley Witness Project"},
		{"Taken by a volunteer of the Velna Documentation Centre.", "Velna Documentation Centre"},
		{"Recorded by Lena Hart.", NULL},
		{"We were later given blankets and some water by the staff of the Velna Relief Committee.", NULL},
	};
	CleanDoc d = {0};
	Blob err = BLOB_INIT, t = BLOB_INIT;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		blob_reset(&t);
		blob_appendf(&t, "Account of a passenger, taken in Velna, 8 June 2022\n\n"
		                 "I was on the bus that the guards turned back at the crossing on Monday. They took our papers "
		                 "and told us not to come back.\n\n%s\n", cases[i].closing);
		assert_int_equal(clean_bytes(t.data, t.len, "a.txt", &d, &err), 0);
		if (cases[i].publisher)
			assert_string_equal(d.publisher, cases[i].publisher);
		else
			assert_null(d.publisher);
		clean_free(&d);
	}
	blob_free(&t);
	blob_free(&err);
}

/* UTF-8 decoding reads printable ASCII eight bytes at a time: a control character, DEL,
   a bad byte or a multi-byte character at any place in or across those eight bytes is
   still dropped, replaced or kept, and every 'a' maps back to its own byte. */
static void test_decode_every_position(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"\x01", ""}, {"\x7F", ""}, {"\x0B", ""}, {"\n", "\n"}, {"\t", "\t"},
		{"\xFF", "\xEF\xBF\xBD"}, {"\xC3\xA9", "\xC3\xA9"}, {"~", "~"}, {" ", " "},
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		for (size_t p = 0; p < 20; p++) {
			char in[40], want[40];
			size_t il = strlen(cases[c].in), ol = strlen(cases[c].out), n = 24 + il;
			memset(in, 'a', n);
			memcpy(in + p, cases[c].in, il);
			memset(want, 'a', 24);
			memcpy(want + p, cases[c].out, ol);
			memset(want + p + ol, 'a', 24 - p);
			size_t wl = 24 + ol;
			MText m = {0};
			text_decode(in, n, "utf-8", &m);
			assert_int_equal(m.text.len, wl);
			assert_memory_equal(m.text.data, want, wl);
			for (size_t k = 0; k < wl; k++) {
				size_t src = k < p ? k : k >= p + ol ? k - ol + il : (size_t)-1;
				if (src != (size_t)-1)
					assert_int_equal(mt_src(&m, k), src);
			}
			mt_free(&m);
		}
	}
}

/* HTML byline blocks: a name followed by page furniture, a name and an edit credit. */
static void test_meta_byline_names(void **state)
{
	(void)state;
	CleanDoc d = {0};
	Blob err = BLOB_INIT;
	const char *const pages[][2] = {
		{"<div class=\"byline\">Ada Morel \u2022 8h Share Tweet</div>", "Ada Morel"},
		{"<div class=\"byline\">Written by Ada Morel Edited by Tom Reyes</div>", "Ada Morel"},
		{"<div class=\"byline\">By ADA MOREL | Monday, March 3, 2025 @ 10:10 PM</div>", "ADA MOREL"},
	};
	for (size_t k = 0; k < sizeof pages / sizeof pages[0]; k++) {
		Blob t = BLOB_INIT;
		blob_appendf(&t, "<html><body><article><h1>Patrol fires on boats near the Kessa landing</h1>%s"
		                 "<p>A patrol fired on two boats near the landing late on Monday and wounded a "
		                 "fisherman, his family and the harbour master said on Tuesday morning.</p>"
		                 "<p>The coast authority did not answer questions about the shooting.</p>"
		                 "</article></body></html>", pages[k][0]);
		assert_int_equal(clean_bytes(t.data, t.len, "a.html", &d, &err), 0);
		assert_non_null(d.author);
		assert_string_equal(d.author, pages[k][1]);
		clean_free(&d);
		blob_free(&t);
	}
	blob_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_every_position),
		cmocka_unit_test(test_news_page),
		cmocka_unit_test(test_saved_statement),
		cmocka_unit_test(test_hard_wrapped),
		cmocka_unit_test(test_wrapped_records),
		cmocka_unit_test(test_wire_copy),
		cmocka_unit_test(test_mail_plain),
		cmocka_unit_test(test_mail_html),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_sniffing),
		cmocka_unit_test(test_dates_from_text),
		cmocka_unit_test(test_meta_saved_banner),
		cmocka_unit_test(test_meta_byline_pipe),
		cmocka_unit_test(test_meta_byline_desk),
		cmocka_unit_test(test_meta_dateline_no_year),
		cmocka_unit_test(test_meta_signature_note),
		cmocka_unit_test(test_meta_issued_in),
		cmocka_unit_test(test_meta_petition),
		cmocka_unit_test(test_meta_lines),
		cmocka_unit_test(test_meta_mastheads),
		cmocka_unit_test(test_meta_byline_names),
		cmocka_unit_test(test_meta_banner_section_since),
		cmocka_unit_test(test_meta_publishers),
		cmocka_unit_test(test_mail_sender),
		cmocka_unit_test(test_meta_closing_org),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
