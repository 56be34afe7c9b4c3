/*
** pages_account.c — signing in and out, and one's own account: changing the password,
** creating and revoking API tokens for scripts.
**
** The session cookie is HttpOnly and SameSite=Strict and holds a random secret whose
** SHA-256 is all the database keeps. Before signing in, the login form carries the value
** of a cookie of its own (vigil_csrf), so a login cannot be forged from another site
** either.
*/
#include "auth.h"
#include "ledger.h"
#include "util.h"
#include "web.h"

#include <stdio.h>
#include <string.h>

/* A local path to go to after signing in: only "/…" of this site, else "/". */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strpbrk(next, "\r\n\\"))
		return "/";
	return next;
}

/* Sets a cookie; value is program-made (hex digits). */
static void set_cookie(Req *q, const char *name, const char *value, int expire)
{
	Blob c = BLOB_INIT;
	blob_appendf(&c, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s", name, value,
	             expire ? "; Max-Age=0" : "");
	for (int i = 0; i < 2; i++)
		if (!q->set_cookie[i]) {
			q->set_cookie[i] = blob_steal(&c);
			return;
		}
	blob_free(&c);
}

int page_login_form(Req *q)
{
	const char *next = safe_next(req_query(q, "next"));
	if (q->user.id)
		return req_redirect(q, next);
	if (!q->csrf[0]) {
		auth_random_hex(q->csrf, 32);
		set_cookie(q, "vigil_csrf", q->csrf, 0);
	}
	q->data = json_object();
	json_object_set_new(q->data, "next", jstr(next));
	return 200;
}

void view_login(Req *q, Blob *out)
{
	blob_puts(&q->title, "Sign in");
	html_appendf(out, "<h1>Sign in</h1><form class=\"stack narrow\" method=\"post\" action=\"/login\">");
	page_csrf(q, out);
	html_appendf(out, "<input type=\"hidden\" name=\"next\" value=\"%s\">"
	                  "<label>Name <input type=\"text\" name=\"name\" autocomplete=\"username\" required "
	                  "autofocus value=\"%s\"></label>"
	                  "<label>Password <input type=\"password\" name=\"password\" "
	                  "autocomplete=\"current-password\" required></label>"
	                  "<button type=\"submit\">Sign in</button></form>",
	             js(q->data, "next"), js(q->data, "name") ? js(q->data, "name") : "");
}

int page_login(Req *q)
{
	const char *name = req_arg(q, "name"), *pw = req_arg(q, "password");
	const char *next = safe_next(req_arg(q, "next"));
	q->data = json_object();
	json_object_set_new(q->data, "next", jstr(next));
	if (!name || !pw || !*name || !*pw) {
		q->flash = xstrdup("Give your name and password.");
		return 400;
	}
	json_object_set_new(q->data, "name", jstr(name));
	Account a;
	int wait = 0;
	int rc = auth_login(q->st, name, pw, q->ip, &a, &wait);
	if (rc == -2) {
		char s[16];
		snprintf(s, sizeof s, "%d", wait);
		req_header(q, "Retry-After", s);
		return req_error(q, 429, "too many failed attempts to sign in: try again in %d minutes",
		                 (wait + 59) / 60);
	}
	if (rc < 0)
		return req_error(q, 500, "%s", store_error(q->st));
	if (rc == 0) {
		q->flash = xstrdup("Wrong name or password.");
		return 401;
	}
	char secret[AUTH_SECRET_LEN], csrf[AUTH_SECRET_LEN];
	if (auth_session_start(q->st, a.id, secret, csrf) != 0) {
		account_free(&a);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	set_cookie(q, "vigil_session", secret, 0);
	set_cookie(q, "vigil_csrf", "", 1);
	account_free(&a);
	return req_redirect(q, next);
}

int page_logout(Req *q)
{
	const char *cookie = NULL;
	/* the secret is in the cookie the browser sent */
	cookie = req_cookie(q, "vigil_session");
	if (cookie)
		auth_session_end(q->st, cookie);
	set_cookie(q, "vigil_session", "", 1);
	return req_redirect(q, "/login?msg=signed-out");
}

/* Collects API tokens as JSON. */
static int token_one(const ApiToken *t, void *ctx)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(t->id));
	json_object_set_new(o, "account", jstr(t->account));
	json_object_set_new(o, "label", jstr(t->label));
	json_object_set_new(o, "prefix", jstr(t->prefix));
	json_object_set_new(o, "created_at", jstr(t->created_at));
	json_object_set_new(o, "last_used", jstr(t->last_used));
	json_array_append_new(ctx, o);
	return 0;
}

json_t *tokens_json(Store *st, long long account_id)
{
	json_t *a = json_array();
	store_tokens_each(st, account_id, token_one, a);
	return a;
}

int page_account(Req *q)
{
	q->data = json_object();
	json_object_set_new(q->data, "name", jstr(q->user.name));
	json_object_set_new(q->data, "role", jstr(role_name(q->role)));
	json_object_set_new(q->data, "tokens", tokens_json(q->st, q->user.id));
	return 200;
}

/* The list of tokens with a revoke button each. */
void tokens_table(Req *q, Blob *out, json_t *tokens, int show_account)
{
	json_t *t;
	size_t i;
	if (!json_array_size(tokens)) {
		html_appendf(out, "<p class=\"empty\">No API tokens.</p>");
		return;
	}
	html_appendf(out, "<table class=\"list\"><thead><tr>");
	if (show_account)
		html_appendf(out, "<th>Account</th>");
	html_appendf(out, "<th>Label</th><th>Token</th><th>Created</th><th>Last used</th><th></th></tr></thead><tbody>");
	json_array_foreach(tokens, i, t) {
		html_appendf(out, "<tr>");
		if (show_account)
			html_appendf(out, "<td>%s</td>", js(t, "account"));
		html_appendf(out, "<td>%s</td><td><code>%s…</code></td><td>%s</td><td>%s</td><td>"
		                  "<form method=\"post\" action=\"/account/token/%lld/revoke\">",
		             js(t, "label"), js(t, "prefix"), js(t, "created_at"),
		             js(t, "last_used") ? js(t, "last_used") : "never", ji(t, "id"));
		page_csrf(q, out);
		html_appendf(out, "<button type=\"submit\" class=\"danger\">Revoke</button></form></td></tr>");
	}
	html_appendf(out, "</tbody></table>");
}

void view_account(Req *q, Blob *out)
{
	blob_puts(&q->title, "Your account");
	html_appendf(out, "<h1>%s <small>%s</small></h1>", js(q->data, "name"), js(q->data, "role"));
	html_appendf(out, "<section><h2>Password</h2><form class=\"stack narrow\" method=\"post\" "
	                  "action=\"/account/password\">");
	page_csrf(q, out);
	html_appendf(out, "<label>Current password <input type=\"password\" name=\"current\" "
	                  "autocomplete=\"current-password\" required></label>"
	                  "<label>New password (8 characters or more) <input type=\"password\" name=\"password\" "
	                  "autocomplete=\"new-password\" minlength=\"8\" required></label>"
	                  "<label>New password again <input type=\"password\" name=\"again\" "
	                  "autocomplete=\"new-password\" minlength=\"8\" required></label>"
	                  "<button type=\"submit\">Change password</button></form></section>");
	html_appendf(out, "<section><h2>API tokens</h2><p>A token lets a script read (and, for editors, "
	                  "add) with your role: <code>curl -H 'Authorization: Bearer TOKEN' …/api/reports</code>. "
	                  "It is shown once.</p>");
	tokens_table(q, out, jo(q->data, "tokens"), 0);
	html_appendf(out, "<form class=\"inline\" method=\"post\" action=\"/account/tokens\">");
	page_csrf(q, out);
	html_appendf(out, "<label>Label <input type=\"text\" name=\"label\" maxlength=\"100\" required></label> "
	                  "<button type=\"submit\">Create a token</button></form></section>");
}

int page_account_password(Req *q)
{
	const char *cur = req_arg(q, "current"), *pw = req_arg(q, "password"), *again = req_arg(q, "again");
	Account a;
	if (!cur || !pw || !again)
		return req_error(q, 400, "give the current password and the new one twice");
	int found = store_account_by_id(q->st, q->user.id, &a);
	if (found != 1)
		return req_error(q, 500, "your account cannot be read");
	int ok = auth_check_password(a.pwhash, cur);
	account_free(&a);
	if (!ok)
		return req_error(q, 403, "the current password is wrong");
	if (strcmp(pw, again) != 0)
		return req_error(q, 400, "the two new passwords differ");
	const char *problem = auth_password_problem(pw);
	if (problem)
		return req_error(q, 400, "%s", problem);
	char hash[AUTH_PWHASH_LEN], secret[AUTH_SECRET_LEN], csrf[AUTH_SECRET_LEN];
	if (auth_hash_password(pw, hash) != 0 || store_account_set_password(q->st, q->user.id, hash) != 0 ||
	    store_sessions_end(q->st, q->user.id) != 0 ||
	    auth_session_start(q->st, q->user.id, secret, csrf) != 0)
		return req_error(q, 500, "the password could not be changed: %s", store_error(q->st));
	if (web_ledger(q, "account.password", q->user.name, "password changed") != 0)
		return 500;
	set_cookie(q, "vigil_session", secret, 0);
	return req_redirect(q, "/account?msg=password");
}

int page_token_new(Req *q)
{
	const char *label = req_arg(q, "label");
	if (!label || !*label || strlen(label) > 100)
		return req_error(q, 400, "give the token a label of up to 100 characters");
	char token[AUTH_TOKEN_LEN];
	long long id;
	if (auth_token_create(q->st, q->user.id, label, token, &id) != 0)
		return req_error(q, 500, "%s", store_error(q->st));
	if (web_ledger(q, "token.add", q->user.name, label) != 0)
		return 500;
	q->data = json_object();
	json_object_set_new(q->data, "id", json_integer(id));
	json_object_set_new(q->data, "label", jstr(label));
	json_object_set_new(q->data, "token", jstr(token));
	json_object_set_new(q->data, "role", jstr(role_name(q->role)));
	return 201;
}

void view_token_new(Req *q, Blob *out)
{
	blob_puts(&q->title, "New API token");
	html_appendf(out, "<h1>New API token</h1><p>Copy it now: it is not shown again and vigil keeps only "
	                  "its hash.</p><p><code class=\"token\">%s</code></p>"
	                  "<p>Label: %s · role: %s</p><p><a href=\"/account\">Back to your account</a></p>",
	             js(q->data, "token"), js(q->data, "label"), js(q->data, "role"));
}

int page_token_revoke(Req *q)
{
	int rc = store_token_delete(q->st, q->id, q->role >= ROLE_ADMIN ? 0 : q->user.id);
	if (rc < 0)
		return req_error(q, 500, "%s", store_error(q->st));
	if (rc == 0)
		return req_error(q, 404, "there is no token %lld of yours", q->id);
	char which[32];
	snprintf(which, sizeof which, "token %lld", q->id);
	if (web_ledger(q, "token.revoke", q->user.name, which) != 0)
		return 500;
	q->data = json_object();
	json_object_set_new(q->data, "revoked", json_integer(q->id));
	return req_redirect(q, q->role >= ROLE_ADMIN && req_arg(q, "back") && strcmp(req_arg(q, "back"), "users") == 0
	                           ? "/admin/users?msg=revoked" : "/account?msg=revoked");
}
