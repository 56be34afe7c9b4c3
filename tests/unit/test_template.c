/*
** test_template.c — the letter templates' language: values and escaping per format,
** sections over lists and values, inverted sections, standalone lines, comments, errors.
*/
#include "testing.h"

#include "template.h"

static void render_ok(const char *tpl, const TObj *root, int esc, const char *want)
{
	Blob out = BLOB_INIT, err = BLOB_INIT;
	assert_int_equal(template_render(tpl, strlen(tpl), root, esc, &out, &err), 0);
	assert_string_equal(blob_str(&out), want);
	blob_free(&out);
	blob_free(&err);
}

static void render_bad(const char *tpl, const char *why)
{
	Blob out = BLOB_INIT, err = BLOB_INIT;
	TObj *root = tobj_new();
	assert_int_equal(template_render(tpl, strlen(tpl), root, TEMPLATE_HTML, &out, &err), -1);
	assert_non_null(strstr(blob_str(&err), why));
	tobj_free(root);
	blob_free(&out);
	blob_free(&err);
}

static void test_values(void **state)
{
	(void)state;
	TObj *r = tobj_new();
	tobj_set(r, "to", "Ministry <of> \"Interior\" & *Co*");
	tobj_setf(r, "n", "%d", 3);
	render_ok("Dear {{ to }}: {{n}}{{missing}}.", r, TEMPLATE_HTML,
	          "Dear Ministry &lt;of&gt; &quot;Interior&quot; &amp; *Co*: 3.");
	render_ok("{{to}}", r, TEMPLATE_MARKDOWN, "Ministry \\<of\\> \"Interior\" & \\*Co\\*");
	render_ok("{{{to}}}", r, TEMPLATE_HTML, "Ministry <of> \"Interior\" & *Co*");
	render_ok("a{{! a comment }}b", r, TEMPLATE_TEXT, "ab");
	tobj_free(r);
}

static void test_sections(void **state)
{
	(void)state;
	TObj *r = tobj_new();
	tobj_set(r, "who", "outer");
	for (int i = 1; i <= 3; i++) {
		TObj *it = tobj_add(r, "items");
		tobj_setf(it, "n", "%d", i);
		if (i == 2)
			tobj_set(it, "who", "inner");
	}
	render_ok("{{#items}}[{{n}} {{who}}]{{/items}}", r, TEMPLATE_TEXT, "[1 outer][2 inner][3 outer]");
	render_ok("{{^items}}none{{/items}}{{^nothing}}none{{/nothing}}", r, TEMPLATE_TEXT, "none");
	render_ok("{{#who}}has {{who}}{{/who}}{{#nothing}}x{{/nothing}}", r, TEMPLATE_TEXT, "has outer");
	/* a line holding only a section tag disappears with its line break */
	render_ok("top\n  {{#items}}\n- {{n}}\n  {{/items}}\nend\n", r, TEMPLATE_TEXT, "top\n- 1\n- 2\n- 3\nend\n");
	render_ok("{{#items}}{{#items}}x{{/items}}{{/items}}", r, TEMPLATE_TEXT, "xxxxxxxxx");
	tobj_free(r);
}

static void test_errors(void **state)
{
	(void)state;
	render_bad("{{#a}}never closed", "has no {{/a}}");
	render_bad("text {{/a}}", "closes no section");
	render_bad("line one\n{{unclosed", "line 2");
	render_bad("{{{triple}}", "not closed");
	/* sections over the same list nested deep would multiply without end */
	TObj *r = tobj_new();
	for (int i = 0; i < 10; i++)
		tobj_add(r, "l");
	Blob t = BLOB_INIT, out = BLOB_INIT, err = BLOB_INIT;
	for (int i = 0; i < 12; i++)
		blob_puts(&t, "{{#l}}xxxxxxxx");
	for (int i = 0; i < 12; i++)
		blob_puts(&t, "{{/l}}");
	assert_int_equal(template_render(t.data, t.len, r, TEMPLATE_TEXT, &out, &err), -1);
	assert_non_null(strstr(blob_str(&err), "larger than"));
	tobj_free(r);
	blob_free(&t);
	blob_free(&out);
	blob_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
