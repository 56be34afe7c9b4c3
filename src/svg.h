/*
** svg.h — charts drawn as inline SVG from the pages' JSON models (svg.c).
*/
#ifndef VIGIL_SVG_H
#define VIGIL_SVG_H

#include "web.h"

/* Killed and wounded per month: an array of {"month": "YYYY-MM", "killed", "wounded",
   "incidents"} in month order. */
void svg_casualties(Blob *out, json_t *months);
/* One year of incidents and threats, a lane per kind and a column per month: items are
   {"id", "kind", "status", "month": "YYYY-MM", "label"}. */
void svg_timeline(Blob *out, json_t *items, int year);
/* Places by their coordinates: {"name", "lat", "lon", "incidents"}. */
void svg_places(Blob *out, json_t *places);

#endif
