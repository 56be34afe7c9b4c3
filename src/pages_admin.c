/*
** pages_admin.c — /admin/users for administrators: the accounts with their roles, adding
** one, changing a role, disabling and enabling, setting a new password, and every API
** token with a way to revoke it. A change ends the account's sessions, so it takes
** effect at once; the last administrator cannot demote or disable themselves.
*/
#include "auth.h"
#include "ledger.h"
#include "util.h"
#include "web.h"

#include <string.h>

static int user_one(const Account *a, void *ctx)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(a->id));
	json_object_set_new(o, "name", jstr(a->name));
	json_object_set_new(o, "role", jstr(role_name(a->role)));
	json_object_set_new(o, "disabled", json_boolean(a->disabled));
	json_object_set_new(o, "created_at", jstr(a->created_at));
	json_object_set_new(o, "last_login", jstr(a->last_login));
	json_array_append_new(ctx, o);
	return 0;
}

int page_users(Req *q)
{
	json_t *users = json_array();
	if (store_accounts_each(q->st, user_one, users) != 0) {
		json_decref(users);
		return req_error(q, 500, "%s", store_error(q->st));
	}
	q->data = json_object();
	json_object_set_new(q->data, "users", users);
	json_object_set_new(q->data, "tokens", tokens_json(q->st, 0));
	return 200;
}

/* A <select> of the roles with one chosen. */
static void role_select(Blob *out, const char *chosen)
{
	html_appendf(out, "<select name=\"role\" aria-label=\"Role\">");
	for (int r = ROLE_VIEWER; r <= ROLE_ADMIN; r++)
		html_appendf(out, "<option%s>%s</option>", chosen && strcmp(chosen, role_name(r)) == 0 ? " selected" : "",
		             role_name(r));
	html_appendf(out, "</select>");
}

/* One small form posting action to /admin/user/ID. */
static void user_form_start(Req *q, Blob *out, long long id, const char *action)
{
	html_appendf(out, "<form class=\"inline\" method=\"post\" action=\"/admin/user/%lld\">"
	                  "<input type=\"hidden\" name=\"action\" value=\"%s\">",
	             id, action);
	page_csrf(q, out);
}

void view_users(Req *q, Blob *out)
{
	json_t *users = jo(q->data, "users"), *u;
	size_t i;
	blob_puts(&q->title, "Users");
	html_appendf(out, "<h1>Users</h1><table class=\"list users\"><thead><tr><th>Name</th><th>Role</th>"
	                  "<th>State</th><th>Last sign-in</th><th>New password</th></tr></thead><tbody>");
	json_array_foreach(users, i, u) {
		long long id = ji(u, "id");
		int disabled = json_is_true(jo(u, "disabled"));
		html_appendf(out, disabled ? "<tr class=\"disabled\"><td>%s</td><td>" : "<tr><td>%s</td><td>", js(u, "name"));
		user_form_start(q, out, id, "role");
		role_select(out, js(u, "role"));
		html_appendf(out, " <button type=\"submit\">Set</button></form></td><td>");
		user_form_start(q, out, id, disabled ? "enable" : "disable");
		if (disabled)
			html_appendf(out, "disabled <button type=\"submit\">Enable</button>");
		else
			html_appendf(out, "active <button type=\"submit\" class=\"danger\">Disable</button>");
		html_appendf(out, "</form></td><td>%s</td><td>", js(u, "last_login") ? js(u, "last_login") : "never");
		user_form_start(q, out, id, "password");
		html_appendf(out, "<input type=\"password\" name=\"password\" minlength=\"8\" autocomplete=\"new-password\" "
		                  "aria-label=\"New password\" required> <button type=\"submit\">Set</button></form></td></tr>");
	}
	html_appendf(out, "</tbody></table>");
	html_appendf(out, "<section><h2>Add an account</h2><form class=\"inline\" method=\"post\" action=\"/admin/users\">");
	page_csrf(q, out);
	html_appendf(out, "<label>Name <input type=\"text\" name=\"name\" maxlength=\"64\" required></label> "
	                  "<label>Role ");
	role_select(out, "viewer");
	html_appendf(out, "</label> <label>Password <input type=\"password\" name=\"password\" minlength=\"8\" "
	                  "autocomplete=\"new-password\" required></label> <button type=\"submit\">Add</button>"
	                  "</form></section><section><h2>API tokens</h2>");
	/* revoking from here comes back here */
	json_t *tokens = jo(q->data, "tokens"), *t;
	if (!json_array_size(tokens))
		html_appendf(out, "<p class=\"empty\">No API tokens.</p>");
	else {
		html_appendf(out, "<table class=\"list\"><thead><tr><th>Account</th><th>Label</th><th>Token</th>"
		                  "<th>Created</th><th>Last used</th><th></th></tr></thead><tbody>");
		json_array_foreach(tokens, i, t) {
			html_appendf(out, "<tr><td>%s</td><td>%s</td><td><code>%s…</code></td><td>%s</td><td>%s</td><td>"
			                  "<form method=\"post\" action=\"/account/token/%lld/revoke\">"
			                  "<input type=\"hidden\" name=\"back\" value=\"users\">",
			             js(t, "account"), js(t, "label"), js(t, "prefix"), js(t, "created_at"),
			             js(t, "last_used") ? js(t, "last_used") : "never", ji(t, "id"));
			page_csrf(q, out);
			html_appendf(out, "<button type=\"submit\" class=\"danger\">Revoke</button></form></td></tr>");
		}
		html_appendf(out, "</tbody></table>");
	}
	html_appendf(out, "</section>");
}

int page_user_add(Req *q)
{
	const char *name = req_arg(q, "name"), *pw = req_arg(q, "password"), *rolearg = req_arg(q, "role");
	if (!name || !pw || !rolearg)
		return req_error(q, 400, "give a name, a role and a password");
	const char *problem = auth_name_problem(name);
	if (!problem)
		problem = auth_password_problem(pw);
	int role = role_parse(rolearg);
	if (problem)
		return req_error(q, 400, "%s", problem);
	if (role < 0)
		return req_error(q, 400, "the roles are viewer, editor and admin");
	char hash[AUTH_PWHASH_LEN];
	long long id;
	if (auth_hash_password(pw, hash) != 0)
		return req_error(q, 500, "out of memory");
	if (store_account_add(q->st, name, role, hash, &id) != 0)
		return req_error(q, strstr(store_error(q->st), "exists") ? 409 : 500, "%s", store_error(q->st));
	if (web_ledger(q, "account.add", name, role_name(role)) != 0)
		return 500;
	q->data = json_object();
	json_object_set_new(q->data, "id", json_integer(id));
	json_object_set_new(q->data, "name", jstr(name));
	json_object_set_new(q->data, "role", jstr(role_name(role)));
	return req_redirect(q, "/admin/users?msg=user-added");
}

int page_user_change(Req *q)
{
	const char *action = req_arg(q, "action");
	Account a;
	int found = store_account_by_id(q->st, q->id, &a);
	if (found < 0)
		return req_error(q, 500, "%s", store_error(q->st));
	if (!found)
		return req_error(q, 404, "there is no account %lld", q->id);
	int rc = 0, self = a.id == q->user.id;
	int last_admin = a.role == ROLE_ADMIN && store_account_count(q->st, ROLE_ADMIN) <= 1;
	if (!action) {
		rc = req_error(q, 400, "say what to change");
	} else if (strcmp(action, "role") == 0) {
		int role = role_parse(req_arg(q, "role"));
		if (role < 0)
			rc = req_error(q, 400, "the roles are viewer, editor and admin");
		else if (role != ROLE_ADMIN && last_admin)
			rc = req_error(q, 409, "%s is the last administrator", a.name);
		else if (store_account_set_role(q->st, a.id, role) != 0)
			rc = req_error(q, 500, "%s", store_error(q->st));
	} else if (strcmp(action, "disable") == 0 || strcmp(action, "enable") == 0) {
		int disable = action[0] == 'd';
		if (disable && (self || last_admin))
			rc = req_error(q, 409, "you cannot disable %s", self ? "yourself" : "the last administrator");
		else if (store_account_set_disabled(q->st, a.id, disable) != 0)
			rc = req_error(q, 500, "%s", store_error(q->st));
	} else if (strcmp(action, "password") == 0) {
		const char *pw = req_arg(q, "password");
		const char *problem = pw ? auth_password_problem(pw) : "give the new password";
		char hash[AUTH_PWHASH_LEN];
		if (problem)
			rc = req_error(q, 400, "%s", problem);
		else if (auth_hash_password(pw, hash) != 0 || store_account_set_password(q->st, a.id, hash) != 0)
			rc = req_error(q, 500, "%s", store_error(q->st));
	} else
		rc = req_error(q, 400, "no such change: %s", action);
	if (rc == 0 && !self && store_sessions_end(q->st, a.id) != 0)
		rc = req_error(q, 500, "%s", store_error(q->st));
	if (rc == 0) {
		char what[32];
		const char *role = req_arg(q, "role");
		snprintf(what, sizeof what, "account.%s", action);
		if (web_ledger(q, what, a.name, strcmp(action, "role") == 0 && role ? role : action) != 0)
			rc = 500;
	}
	account_free(&a);
	if (rc)
		return rc;
	q->data = json_object();
	json_object_set_new(q->data, "id", json_integer(q->id));
	json_object_set_new(q->data, "changed", jstr(action));
	return req_redirect(q, "/admin/users?msg=user-changed");
}
