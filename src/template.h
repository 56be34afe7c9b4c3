/*
** template.h — a small logic-less template language for letters (data/templates/):
**
**   {{name}}              the value of name, escaped for the output (HTML or Markdown)
**   {{{name}}}            the value unescaped (for values vigil itself wrote as markup)
**   {{#list}}…{{/list}}   the block once per item of list (or once when name is a
**                         non-empty value); inside, names are looked up in the item first
**   {{^list}}…{{/list}}   the block when list is empty or absent
**   {{! comment }}        nothing
**
** Values are built as a tree of TObj (objects of named strings and lists). Pure code.
*/
#ifndef VIGIL_TEMPLATE_H
#define VIGIL_TEMPLATE_H

#include "blob.h"

typedef struct TObj TObj;

TObj *tobj_new(void);
void tobj_free(TObj *o);
/* Sets name to a copy of value (NULL: absent). */
void tobj_set(TObj *o, const char *name, const char *value);
void tobj_setf(TObj *o, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Appends a new item to the list name and returns it (owned by o). */
TObj *tobj_add(TObj *o, const char *name);

enum { TEMPLATE_HTML, TEMPLATE_MARKDOWN, TEMPLATE_TEXT };

/* Renders tpl with the values of root into out. Returns 0, or -1 with the reason (and the
   line) in err when the template is malformed (unclosed tag or section, mismatched end). */
int template_render(const char *tpl, size_t len, const TObj *root, int escape, Blob *out, Blob *err);

/* Escapes for Markdown: the characters that would start formatting are backslashed. */
void blob_markdown(Blob *b, const char *s, size_t n);

#endif
