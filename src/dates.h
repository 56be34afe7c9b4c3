/*
** dates.h — calendar arithmetic and the recognition of written dates.
**
** A date is kept at the precision the text supports: Ymd with m == 0 is a year,
** with d == 0 a month. date_scan() recognises one absolute date at the start of a
** string ("July 28, 2009", "28 July 2009", "Jan 6", "Dec. 31", "2013-02-09",
** "Tuesday, March 6", "06/01/2012"); a missing year is taken from a reference date
** (the nearest such day on or before it, or after it when flagged). Pure code: no
** I/O, no globals, no allocation.
*/
#ifndef VIGIL_DATES_H
#define VIGIL_DATES_H

#include <stddef.h>

typedef struct Ymd {
	int y, m, d; /* m == 0: year precision; d == 0: month precision; y == 0: no date */
} Ymd;

/* What date_scan found. */
typedef struct DateHit {
	Ymd date;
	int has_year;    /* the year was written (not inferred) */
	int weekday;     /* 0 Sunday .. 6 Saturday when a weekday name was written, else -1 */
	int numeric;     /* written with digits only (06/01/2012): order may be ambiguous */
	int ambiguous;   /* day and month could be either way round (10/07/2012): read month
	                    first here; dates_day_first() tells how the text writes them */
} DateHit;

int ymd_valid(Ymd v);                         /* 1 when v is a real date at its precision */
long ymd_days(int y, int m, int d);           /* days since 1970-01-01 */
Ymd ymd_from_days(long days);
int ymd_weekday(int y, int m, int d);         /* 0 Sunday .. 6 Saturday */
int ymd_cmp(Ymd a, Ymd b);                    /* compares at the coarser precision */
Ymd ymd_add_days(Ymd v, long n);              /* v must be a full date */
void ymd_format(Ymd v, char out[11]);         /* "2013", "2013-02", "2013-02-09", "" */
int ymd_parse_iso(const char *s, Ymd *out);   /* "2013", "2013-02", "2013-02-09[T...]" */
int days_in_month(int y, int m);

/* A month name or abbreviation at s ("Jan", "Jan.", "January", "Sept."): returns the
   month 1..12 and sets *len to the bytes it took, or returns 0. */
int month_at(const char *s, size_t n, size_t *len);
/* A weekday name ("Friday", "Fri", "Fri.") at s: 0..6 and *len, or -1. */
int weekday_at(const char *s, size_t n, size_t *len);

/*
** Recognises one absolute date at the start of s[0..n). ref is the date against which
** a missing year is resolved (y == 0: a missing year leaves the hit at has_year = 0 and
** date.y = 0). Returns the bytes consumed, 0 when there is no date there.
*/
size_t date_scan(const char *s, size_t n, Ymd ref, DateHit *hit);

/* Finds the first date anywhere in s[0..n): returns its offset in *at and its length,
   or 0 when none. Used for titles, metadata values and datelines. */
size_t date_find(const char *s, size_t n, Ymd ref, size_t *at, DateHit *hit);
/* Every date written in s in turn (no reference date): from *off, the next one's length,
   *at its start in s, and *off moved past it; 0 when there is none left. */
size_t date_next(const char *s, size_t n, size_t *off, size_t *at, DateHit *hit);

/* 1 when the text writes its numeric dates day first (10/07/2012 is 10 July): a numeric
   date that can only be read one way decides; else the order of its dates written with
   a month name ("13 March" against "March 13"); else day first, as most of the world
   writes them. 0 when they are month first or the text has no ambiguous numeric date. */
int dates_day_first(const char *s, size_t n);

/*
** Date expressions in running text (the extraction engine's part): relative dates
** ("yesterday", "on Friday", "last week", "at the end of last year", "three days ago"),
** bare months and years after a preposition ("since January", "in 2009"), spans
** ("from 1 to 5 March", "April 18, 19 and 20, 2009", "early 2012", "the 1990s") and the
** absolute forms of date_scan. Relative forms are resolved against ref, the report's
** publication date; with no ref they are recognised but left without a date.
*/
typedef struct DateSpan {
	Ymd start;  /* start.y == 0: recognised but not resolvable (no reference date) */
	Ymd end;    /* end.y == 0: a single date, not a span */
	int flags;  /* DS_* */
} DateSpan;

enum {
	DS_RELATIVE = 1,  /* resolved against the reference date */
	DS_SINCE = 2,     /* "since …": from start up to the reference date (ongoing) */
	DS_UNTIL = 4,     /* "by …", "until …", "before …": a deadline */
	DS_FUTURE = 8,    /* points after the reference ("tomorrow", "next week", "in coming days") */
	DS_WEEKDAY = 16,  /* a bare weekday, resolved to the latest such day on or before ref */
	DS_INFERRED = 32, /* the year was not written */
	DS_AMBIGUOUS = 64, /* a numeric date read month first that could be day first (DateHit) */
};

/* Recognises one date expression starting at s (at a word start), with its leading
   preposition ("since", "on", "by", "at the end of" …). Returns the bytes consumed, or 0
   when there is no date expression there. Linear in the bytes it looks at (a few words). */
size_t date_phrase(const char *s, size_t n, Ymd ref, DateSpan *out);
/* Same weekday rule the other way round: the first such weekday on or after ref. */
Ymd ymd_weekday_after(Ymd ref, int weekday);

#endif
