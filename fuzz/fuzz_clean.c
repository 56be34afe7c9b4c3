/*
** fuzz_clean.c — fuzz target for the cleaner: any bytes through clean_doc() and through
** each reader (HTML, saved text, e-mail) directly. Traps when the text is not valid
** UTF-8, holds a NUL, or maps a byte outside the input.
*/
#include "clean_int.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static void check(const char *text, size_t len, const OffSeg *map, size_t nmap, size_t size)
{
	if (!utf8_strict(text, len))
		__builtin_trap();
	for (size_t i = 0; i < nmap; i++)
		if (map[i].orig > size || map[i].text > len || (i && map[i].text < map[i - 1].text))
			__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	CleanDoc d = {0};
	Blob err = BLOB_INIT;
	if (clean_doc(s, size, "page.html", &d, &err) == 0) {
		check(d.text.data, d.text.len, d.map, d.nmap, size);
		for (size_t k = 0; k < d.text.len; k++)
			if (clean_orig_offset(&d, k) > size)
				__builtin_trap();
	}
	clean_free(&d);

	for (int reader = 0; reader < 3; reader++) {
		MText u = {0}, o = {0};
		Meta m = {0};
		blob_reset(&err);
		int rc;
		if (reader == 2) {
			rc = clean_mail(s, size, &o, &m, &err);
		} else {
			text_decode(s, size, NULL, &u);
			rc = reader ? clean_text(&u, &o, &m, &err) : clean_html(&u, &o, &m, &err);
		}
		if (rc == 0) {
			text_nfc(&o);
			check(o.text.data, o.text.len, o.map, o.nmap, size);
			for (size_t k = 0; k < o.text.len; k++)
				if (mt_src(&o, k) > size)
					__builtin_trap();
			CleanDoc md = {0};
			meta_finish(&m, o.text.data ? o.text.data : "", o.text.len, &md);
			clean_free(&md);
		}
		meta_free(&m);
		mt_free(&u);
		mt_free(&o);
	}
	blob_free(&err);
	return 0;
}
