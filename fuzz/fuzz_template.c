/*
** fuzz_template.c — fuzz target for letter templates: any bytes render or are refused
** with a reason, in each escaping, over values with lists.
*/
#include "template.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	TObj *r = tobj_new();
	tobj_set(r, "to", "<Minister> & \"staff\"");
	for (int i = 0; i < 3; i++) {
		TObj *it = tobj_add(r, "incidents");
		tobj_setf(it, "id", "%d", i);
		tobj_add(it, "sources");
	}
	for (int esc = TEMPLATE_HTML; esc <= TEMPLATE_TEXT; esc++) {
		Blob out = BLOB_INIT, err = BLOB_INIT;
		if (template_render((const char *)data, size, r, esc, &out, &err) != 0 && !err.len)
			__builtin_trap();
		blob_free(&out);
		blob_free(&err);
	}
	tobj_free(r);
	return 0;
}
