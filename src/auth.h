/*
** auth.h — who may do what: passwords (Argon2id through libsodium), browser sessions,
** API tokens, and the limit on login attempts. Used by the web server and by the
** `vigil user` command; the SQL behind it is in store_web.c.
*/
#ifndef VIGIL_AUTH_H
#define VIGIL_AUTH_H

#include <stddef.h>

#include "store_web.h"

/* Lengths of the strings below, NUL included. */
#define AUTH_PWHASH_LEN 128   /* crypto_pwhash_STRBYTES */
#define AUTH_SECRET_LEN 65    /* session secrets, CSRF tokens: 64 hex digits */
#define AUTH_TOKEN_LEN 48     /* API tokens: "vgl_" and 43 base64url characters */

/* Hashes a password with Argon2id; 0, or -1 when memory runs out. */
int auth_hash_password(const char *pw, char out[AUTH_PWHASH_LEN]);
/* 1 when pw matches the stored hash. */
int auth_check_password(const char *hash, const char *pw);
/* Why a password cannot be used, or NULL when it can. */
const char *auth_password_problem(const char *pw);
/* Why an account name cannot be used, or NULL when it can. */
const char *auth_name_problem(const char *name);

/* n random bytes as 2n hex digits. */
void auth_random_hex(char *out, size_t nbytes);

/* Checks a name and password. Returns 1 and fills a when they are right, 0 when not,
   -1 on a database error, -2 when too many attempts failed lately (*retry_after: seconds
   to wait). A hash made with weaker parameters than today's is upgraded on success. */
int auth_login(Store *st, const char *name, const char *pw, const char *ip, Account *a,
               int *retry_after);

/* Starts a session: the cookie secret and the session's CSRF token. */
int auth_session_start(Store *st, long long account_id, char secret[AUTH_SECRET_LEN],
                       char csrf[AUTH_SECRET_LEN]);
/* The account of a live session, with its CSRF token. 1, 0 or -1. */
int auth_session_find(Store *st, const char *secret, Account *a, char csrf[AUTH_SECRET_LEN]);
int auth_session_end(Store *st, const char *secret);

/* Creates an API token for an account; the token is shown once and kept only hashed. */
int auth_token_create(Store *st, long long account_id, const char *label, char token[AUTH_TOKEN_LEN],
                      long long *id);
/* The account of an API token ("Authorization: Bearer TOKEN"). 1, 0 or -1. */
int auth_token_find(Store *st, const char *token, Account *a);

#endif
