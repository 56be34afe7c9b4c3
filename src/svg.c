/*
** svg.c — the charts of the web pages, drawn by the program as inline SVG: killed and
** wounded per month, the timeline of incidents and threats by kind and month, and a plot
** of places by their coordinates (no map tiles, so it works offline). Each mark links to
** what it stands for and carries a <title> that browsers show on hover.
**
** Inputs are the pages' JSON models; every text goes through html_appendf, so names in
** the data cannot become markup. Colours come from classes in vigil.css where they can
** (the Content-Security-Policy allows no inline style attributes; SVG presentation
** attributes like fill= are not styles and are allowed).
*/
#include "svg.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "YYYY-MM" as a month number (year * 12 + month - 1), or -1. */
static long month_index(const char *s)
{
	int y, m;
	if (!s || strlen(s) < 7 || sscanf(s, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
		return -1;
	return (long)y * 12 + m - 1;
}

/* The first and last day of a month index as ISO dates. */
static void month_days(long mi, char first[11], char last[11])
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	unsigned y = (unsigned)(mi / 12) % 10000, m = (unsigned)(mi % 12) + 1;
	unsigned d = (unsigned)days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	snprintf(first, 11, "%04u-%02u-01", y, m % 100);
	snprintf(last, 11, "%04u-%02u-%02u", y, m % 100, d % 100);
}

/* A round upper bound for an axis: 1, 2, 5 × 10^k. */
static long long nice_max(long long v)
{
	long long step = 1;
	if (v < 4)
		return 4;
	while (step * 10 <= v)
		step *= 10;
	if (v <= 2 * step)
		return 2 * step;
	if (v <= 5 * step)
		return 5 * step;
	return 10 * step;
}

void svg_casualties(Blob *out, json_t *months)
{
	size_t n = json_array_size(months), i;
	json_t *m;
	if (!n) {
		html_appendf(out, "<p class=\"empty\">No casualties recorded by month yet.</p>");
		return;
	}
	long first = month_index(js(json_array_get(months, 0), "month"));
	long last = month_index(js(json_array_get(months, n - 1), "month"));
	if (first < 0 || last < first)
		return;
	if (last - first > 359)
		first = last - 359; /* thirty years at most */
	long span = last - first + 1;
	long long top = 0;
	json_array_foreach(months, i, m) {
		if (ji(m, "killed") > top)
			top = ji(m, "killed");
		if (ji(m, "wounded") > top)
			top = ji(m, "wounded");
	}
	top = nice_max(top);
	const double W = 760, H = 240, L = 48, R = 12, T = 14, B = 36;
	double pw = W - L - R, ph = H - T - B, slot = pw / (double)span;
	html_appendf(out, "<svg class=\"chart casualties\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
	                  "role=\"img\" aria-label=\"Killed and wounded per month\" xmlns=\"http://www.w3.org/2000/svg\">",
	             W, H, W, H);
	int ticks = top % 4 == 0 ? 4 : 5; /* whole numbers at every line */
	for (int g = 0; g <= ticks; g++) {
		double y = T + ph - ph * g / ticks;
		html_appendf(out, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e5e8\"/>"
		                  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%lld</text>",
		             L, y, W - R, y, L - 6, y + 4, top * g / ticks);
	}
	html_appendf(out, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>", L,
	             T + ph, W - R, T + ph);
	/* month labels: every month when few, else each January (and the first month) */
	for (long k = 0; k < span; k++) {
		long mi = first + k;
		int mon = (int)(mi % 12);
		double x = L + slot * ((double)k + 0.5);
		if (span <= 18)
			html_appendf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", x, T + ph + 14,
			             month_abbr[mon]);
		if (span <= 18 ? (mon == 0 || k == 0) : (mon == 0 || (k == 0 && mon < 10)))
			html_appendf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%ld</text>",
			             span <= 18 ? x : L + slot * (double)k, T + ph + (span <= 18 ? 28 : 16),
			             span <= 18 ? "middle" : "start", mi / 12);
	}
	json_array_foreach(months, i, m) {
		long mi = month_index(js(m, "month"));
		if (mi < first || mi > last)
			continue;
		long long k = ji(m, "killed"), w = ji(m, "wounded");
		double bw = slot * 0.42 > 18 ? 18 : slot * 0.42; /* bars no wider than 18 */
		double x = L + slot * (double)(mi - first) + (slot * 0.84 - 2 * bw) / 2;
		double hk = ph * (double)k / (double)top, hw = ph * (double)w / (double)top;
		char d0[11], d1[11];
		month_days(mi, d0, d1);
		html_appendf(out, "<a href=\"/incidents?status=occurred&amp;since=%s&amp;until=%s\">", d0, d1);
		html_appendf(out, "<title>%s: %lld killed, %lld wounded (%lld incidents)</title>", js(m, "month"), k, w,
		             ji(m, "incidents"));
		html_appendf(out, "<rect class=\"hit\" x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"transparent\"/>",
		             L + slot * (double)(mi - first), T, slot, ph);
		if (k)
			html_appendf(out, "<rect class=\"killed\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#8e1b1b\"/>",
			             x + slot * 0.08, T + ph - hk, bw, hk);
		if (w)
			html_appendf(out, "<rect class=\"wounded\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#d08a2c\"/>",
			             x + slot * 0.08 + bw, T + ph - hw, bw, hw);
		html_appendf(out, "</a>");
	}
	html_appendf(out, "<g class=\"legend\"><rect x=\"%.0f\" y=\"4\" width=\"10\" height=\"10\" fill=\"#8e1b1b\"/>"
	                  "<text x=\"%.0f\" y=\"13\">killed</text><rect x=\"%.0f\" y=\"4\" width=\"10\" height=\"10\" "
	                  "fill=\"#d08a2c\"/><text x=\"%.0f\" y=\"13\">wounded</text></g></svg>",
	             W - 150, W - 136, W - 84, W - 70);
}

/* The kinds, in the order of the timeline's lanes. */
static const char *const kinds[] = {"attack", "shelling", "raid", "siege", "blockade", "killing",
                                    "arrest", "abduction", "relocation", "surveillance", "other"};
#define NKINDS (sizeof kinds / sizeof kinds[0])
#define TL_STACK 5 /* dots shown per kind and month before "+N" */

void svg_timeline(Blob *out, json_t *items, int year)
{
	const double L = 92, T = 26, lane = 34, colw = 54, R = 10;
	double W = L + colw * 12 + R, H = T + lane * NKINDS + 8;
	int counts[NKINDS][12] = {{0}};
	size_t i;
	json_t *it;
	html_appendf(out, "<svg class=\"chart timeline\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
	                  "role=\"img\" aria-label=\"Incidents and threats of %d by kind and month\" "
	                  "xmlns=\"http://www.w3.org/2000/svg\">",
	             W, H, W, H, year);
	for (int mo = 0; mo < 12; mo++) {
		double x = L + colw * mo;
		char d0[11], d1[11];
		month_days((long)year * 12 + mo, d0, d1);
		html_appendf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e5e8\"/>"
		                  "<a href=\"/incidents?since=%s&amp;until=%s\"><text x=\"%.1f\" y=\"16\" "
		                  "text-anchor=\"middle\">%s</text></a>",
		             x, T - 4, x, H - 8, d0, d1, x + colw / 2, month_abbr[mo]);
	}
	for (size_t k = 0; k < NKINDS; k++) {
		double y = T + lane * (double)k;
		html_appendf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eef0f2\"/>"
		                  "<a href=\"/incidents?kind=%s\"><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text></a>",
		             L, y + lane, W - R, y + lane, kinds[k], L - 8, y + lane / 2 + 4, kinds[k]);
	}
	json_array_foreach(items, i, it) {
		const char *kind = js(it, "kind");
		long mi = month_index(js(it, "month"));
		size_t k = NKINDS - 1;
		for (size_t j = 0; kind && j < NKINDS; j++)
			if (strcmp(kind, kinds[j]) == 0)
				k = j;
		if (mi < 0 || mi / 12 != year)
			continue;
		int mo = (int)(mi % 12), nth = counts[k][mo]++;
		if (nth >= TL_STACK)
			continue;
		double cx = L + colw * mo + 8 + 9.0 * nth, cy = T + lane * (double)k + lane / 2;
		int threat = js(it, "status") && strcmp(js(it, "status"), "threatened") == 0;
		html_appendf(out, "<a href=\"/incident/%lld\"><title>%s</title>", ji(it, "id"), js(it, "label"));
		if (threat)
			html_appendf(out, "<circle class=\"threat\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#fff\" stroke=\"#8e1b1b\" "
			                  "stroke-width=\"1.6\"/></a>",
			             cx, cy);
		else
			html_appendf(out, "<circle class=\"occurred\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#8e1b1b\"/></a>", cx, cy);
	}
	for (size_t k = 0; k < NKINDS; k++)
		for (int mo = 0; mo < 12; mo++)
			if (counts[k][mo] > TL_STACK) {
				char d0[11], d1[11];
				month_days((long)year * 12 + mo, d0, d1);
				html_appendf(out, "<a href=\"/incidents?kind=%s&amp;since=%s&amp;until=%s\"><text class=\"more\" "
				                  "x=\"%.1f\" y=\"%.1f\">+%d</text></a>",
				             kinds[k], d0, d1, L + colw * mo + 8 + 9.0 * TL_STACK - 4,
				             T + lane * (double)k + lane / 2 + 4, counts[k][mo] - TL_STACK);
			}
	html_appendf(out, "</svg>");
}

void svg_places(Blob *out, json_t *places)
{
	double minlat = 90, maxlat = -90, minlon = 180, maxlon = -180;
	size_t i, n = 0;
	json_t *p;
	long long most = 1;
	json_array_foreach(places, i, p) {
		json_t *la = jo(p, "lat"), *lo = jo(p, "lon");
		if (!json_is_number(la) || !json_is_number(lo))
			continue;
		double lat = json_number_value(la), lon = json_number_value(lo);
		if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
			continue;
		minlat = fmin(minlat, lat), maxlat = fmax(maxlat, lat);
		minlon = fmin(minlon, lon), maxlon = fmax(maxlon, lon);
		if (ji(p, "incidents") > most)
			most = ji(p, "incidents");
		n++;
	}
	if (!n) {
		html_appendf(out, "<p class=\"empty\">No place has coordinates yet.</p>");
		return;
	}
	/* at least a degree of view, and a margin around the points */
	double padlat = fmax(0.5, (maxlat - minlat) * 0.12), padlon = fmax(0.5, (maxlon - minlon) * 0.12);
	minlat -= padlat, maxlat += padlat, minlon -= padlon, maxlon += padlon;
	double k = cos((minlat + maxlat) / 2 * M_PI / 180); /* shrink longitudes as a map would */
	double W = 760, sx = (W - 20) / ((maxlon - minlon) * k);
	double H = fmin(600, fmax(240, (maxlat - minlat) * sx + 20));
	double sy = (H - 20) / (maxlat - minlat);
	double s = fmin(sx, sy);
	html_appendf(out, "<svg class=\"chart places\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" "
	                  "aria-label=\"Places by their coordinates\" xmlns=\"http://www.w3.org/2000/svg\">",
	             W, H, W, H);
	/* a graticule at whole degrees, the smallest step whose labels stay 45 px apart */
	static const double steps[] = {1, 2, 5, 10, 20, 30, 45, 60, 90};
	double step = 90;
	for (size_t j = 0; j < sizeof steps / sizeof steps[0]; j++)
		if (steps[j] * k * s >= 45 && steps[j] * s >= 18) {
			step = steps[j];
			break;
		}
	for (double g = ceil(minlon / step) * step; g <= maxlon; g += step) {
		double x = 10 + (g - minlon) * k * s;
		html_appendf(out, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#eef0f2\"/>"
		                  "<text x=\"%.1f\" y=\"%.0f\">%g°</text>",
		             x, x, H, x + 2, H - 4, g);
	}
	for (double g = ceil(minlat / step) * step; g <= maxlat; g += step) {
		double y = 10 + (maxlat - g) * s;
		html_appendf(out, "<line x1=\"0\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#eef0f2\"/>"
		                  "<text x=\"2\" y=\"%.1f\">%g°</text>",
		             y, W, y, y - 2, g);
	}
	json_array_foreach(places, i, p) {
		json_t *la = jo(p, "lat"), *lo = jo(p, "lon");
		if (!json_is_number(la) || !json_is_number(lo))
			continue;
		double lat = json_number_value(la), lon = json_number_value(lo);
		if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
			continue;
		double x = 10 + (lon - minlon) * k * s, y = 10 + (maxlat - lat) * s;
		double r = 3 + 9 * sqrt((double)ji(p, "incidents") / (double)most);
		Blob href = BLOB_INIT;
		page_href(&href, "/incidents", "place", js(p, "name"), (char *)NULL);
		/* href is already escaped for the attribute: appended as it is */
		html_appendf(out, "<a href=\"");
		blob_append(out, href.data, href.len);
		html_appendf(out, "\"><title>%s: %lld incidents (%.4f, %.4f)</title>"
		                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#8e1b1b\" fill-opacity=\"0.55\" "
		                  "stroke=\"#5c1111\"/>",
		             js(p, "name"), ji(p, "incidents"), lat, lon, x, y, r);
		/* names only where they can be read: every one for a few places, else those with
		   incidents (the others keep their name as the tooltip) */
		if (n <= 40 || ji(p, "incidents") > 0)
			html_appendf(out, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\">%s</text>", x + r + 3, y + 4,
			             js(p, "name"));
		html_appendf(out, "</a>");
		blob_free(&href);
	}
	html_appendf(out, "</svg>");
}
