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

#endif
