/*
** auth.c — accounts and who they are: Argon2id password hashes (libsodium), browser
** sessions and API tokens kept only as SHA-256 of their secrets, a limit on failed
** logins, and the `vigil user` command that manages accounts from the shell.
**
** Password parameters: Argon2id with 2 passes over 19 MiB (OWASP's recommended minimum),
** so a login costs tens of milliseconds and little memory; at most two hashes run at
** once, so a burst of logins cannot take the server's memory. Hashes made with weaker
** parameters are upgraded at the next successful login.
*/
#include "auth.h"
#include "cli.h"
#include "ledger.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define PW_OPSLIMIT 2
#define PW_MEMLIMIT (19u << 20)
#define PW_MIN_LEN 8
#define PW_MAX_LEN 1024

#define SESSION_IDLE (24 * 3600)      /* a session unused for a day ends */
#define SESSION_MAX (14 * 24 * 3600)  /* and none lives longer than two weeks */
#define SESSION_TOUCH 300             /* last-seen is written at most every 5 minutes */

#define RATE_WINDOW 900               /* failed logins are counted over 15 minutes */
#define RATE_PER_NAME 5               /* per account name */
#define RATE_PER_IP 20                /* per client address */

static sem_t hash_slots;
static pthread_once_t hash_once = PTHREAD_ONCE_INIT;

/* Two Argon2 computations at a time at most. */
static void hash_slots_init(void)
{
	sem_init(&hash_slots, 0, 2);
}

static void slot_take(void)
{
	pthread_once(&hash_once, hash_slots_init);
	while (sem_wait(&hash_slots) != 0 && errno == EINTR)
		;
}

static void slot_give(void)
{
	sem_post(&hash_slots);
}

int auth_hash_password(const char *pw, char out[AUTH_PWHASH_LEN])
{
	slot_take();
	int rc = crypto_pwhash_str_alg(out, pw, strlen(pw), PW_OPSLIMIT, PW_MEMLIMIT,
	                               crypto_pwhash_ALG_ARGON2ID13);
	slot_give();
	return rc == 0 ? 0 : -1;
}

int auth_check_password(const char *hash, const char *pw)
{
	char buf[AUTH_PWHASH_LEN] = {0};
	if (!hash || strlen(hash) >= sizeof buf)
		return 0;
	memcpy(buf, hash, strlen(hash));
	slot_take();
	int ok = crypto_pwhash_str_verify(buf, pw, strlen(pw)) == 0;
	slot_give();
	return ok;
}

const char *auth_password_problem(const char *pw)
{
	size_t n = strlen(pw);
	if (n < PW_MIN_LEN)
		return "a password needs at least 8 characters";
	if (n > PW_MAX_LEN)
		return "a password can have at most 1024 characters";
	return NULL;
}

const char *auth_name_problem(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > 64)
		return "an account name has 1 to 64 characters";
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)name[i]) && !strchr("._-@", name[i]))
			return "an account name has only letters, digits and . _ - @";
	return NULL;
}

void auth_random_hex(char *out, size_t nbytes)
{
	unsigned char buf[64];
	if (nbytes > sizeof buf)
		nbytes = sizeof buf;
	randombytes_buf(buf, nbytes);
	sodium_bin2hex(out, nbytes * 2 + 1, buf, nbytes);
	sodium_memzero(buf, sizeof buf);
}

/*
** Failed logins, counted in memory per account name and per client address over a
** window. A small table with a few probes; when it is full the oldest entry goes, so a
** flood of names cannot grow it.
*/
typedef struct RateSlot {
	uint64_t key;
	time_t start;
	int fails;
} RateSlot;

#define RATE_SLOTS 1024
static RateSlot rate[RATE_SLOTS];
static pthread_mutex_t rate_lock = PTHREAD_MUTEX_INITIALIZER;

/* The slot of a key (kind "n" or "i" plus the value), taking over a stale or the oldest
   one of its probe run. Called with rate_lock held. */
static RateSlot *rate_slot(const char *kind, const char *value, time_t now)
{
	unsigned char h[8];
	crypto_generichash_state gs;
	crypto_generichash_init(&gs, NULL, 0, sizeof h);
	crypto_generichash_update(&gs, (const unsigned char *)kind, strlen(kind) + 1);
	crypto_generichash_update(&gs, (const unsigned char *)value, strlen(value));
	crypto_generichash_final(&gs, h, sizeof h);
	uint64_t key = 0;
	for (int i = 0; i < 8; i++)
		key = key << 8 | h[i];
	key |= 1; /* 0 marks a free slot */
	RateSlot *oldest = NULL;
	for (int i = 0; i < 8; i++) {
		RateSlot *s = &rate[(key + (uint64_t)i) % RATE_SLOTS];
		if (s->key == key) {
			if (now - s->start >= RATE_WINDOW) {
				s->start = now;
				s->fails = 0;
			}
			return s;
		}
		if (!oldest || (oldest->key != 0 && (s->key == 0 || s->start < oldest->start)))
			oldest = s;
	}
	oldest->key = key;
	oldest->start = now;
	oldest->fails = 0;
	return oldest;
}

/* Seconds to wait before another attempt for this name from this address, or 0. */
static int rate_wait(const char *name, const char *ip, time_t now)
{
	int wait = 0;
	pthread_mutex_lock(&rate_lock);
	RateSlot *n = rate_slot("n", name, now), *i = rate_slot("i", ip, now);
	if (n->fails >= RATE_PER_NAME)
		wait = (int)(n->start + RATE_WINDOW - now);
	if (i->fails >= RATE_PER_IP && (int)(i->start + RATE_WINDOW - now) > wait)
		wait = (int)(i->start + RATE_WINDOW - now);
	pthread_mutex_unlock(&rate_lock);
	return wait > 0 ? wait : 0;
}

/* Counts a failure, or clears the name's count after a success. */
static void rate_note(const char *name, const char *ip, int failed, time_t now)
{
	pthread_mutex_lock(&rate_lock);
	RateSlot *n = rate_slot("n", name, now);
	if (failed) {
		n->fails++;
		rate_slot("i", ip, now)->fails++;
	} else
		n->fails = 0;
	pthread_mutex_unlock(&rate_lock);
}

/* A hash of a random password, checked against when the name is unknown so that the
   answer takes as long as for a real account. */
static char dummy_hash[AUTH_PWHASH_LEN];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_init(void)
{
	char pw[33];
	auth_random_hex(pw, 16);
	if (auth_hash_password(pw, dummy_hash) != 0)
		dummy_hash[0] = 0;
}

int auth_login(Store *st, const char *name, const char *pw, const char *ip, Account *a,
               int *retry_after)
{
	time_t now = time(NULL);
	*retry_after = rate_wait(name, ip ? ip : "", now);
	if (*retry_after)
		return -2;
	int found = store_account_get(st, name, a);
	if (found < 0)
		return -1;
	int ok;
	if (found && !a->disabled) {
		ok = auth_check_password(a->pwhash, pw);
	} else {
		pthread_once(&dummy_once, dummy_init);
		auth_check_password(dummy_hash, pw);
		ok = 0;
	}
	rate_note(name, ip ? ip : "", !ok, now);
	if (!ok) {
		if (found)
			account_free(a);
		return 0;
	}
	char when[21];
	now_iso(when);
	store_account_logged_in(st, a->id, when);
	if (crypto_pwhash_str_needs_rehash(a->pwhash, PW_OPSLIMIT, PW_MEMLIMIT) != 0) {
		char fresh[AUTH_PWHASH_LEN];
		if (auth_hash_password(pw, fresh) == 0)
			store_account_set_password(st, a->id, fresh);
	}
	return 1;
}

int auth_session_start(Store *st, long long account_id, char secret[AUTH_SECRET_LEN],
                       char csrf[AUTH_SECRET_LEN])
{
	char hash[65];
	long long now = (long long)time(NULL);
	auth_random_hex(secret, 32);
	auth_random_hex(csrf, 32);
	sha256_hex(secret, strlen(secret), hash);
	/* Now and then, clear out sessions that have ended. */
	if (randombytes_uniform(50) == 0)
		store_sessions_expire(st, now - SESSION_IDLE, now - SESSION_MAX);
	return store_session_add(st, hash, account_id, csrf, now);
}

/* 1 when s is n hex digits. */
static int is_hex(const char *s, size_t n)
{
	if (strlen(s) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int auth_session_find(Store *st, const char *secret, Account *a, char csrf[AUTH_SECRET_LEN])
{
	if (!secret || !is_hex(secret, 64))
		return 0;
	char hash[65];
	long long now = (long long)time(NULL), seen;
	sha256_hex(secret, 64, hash);
	int found = store_session_find(st, hash, now - SESSION_IDLE, now - SESSION_MAX, a, csrf, &seen);
	if (found == 1 && now - seen > SESSION_TOUCH)
		store_session_touch(st, hash, now);
	return found;
}

int auth_session_end(Store *st, const char *secret)
{
	if (!secret || !is_hex(secret, 64))
		return 0;
	char hash[65];
	sha256_hex(secret, 64, hash);
	return store_session_delete(st, hash);
}

int auth_token_create(Store *st, long long account_id, const char *label, char token[AUTH_TOKEN_LEN],
                      long long *id)
{
	unsigned char raw[32];
	char hash[65], prefix[13];
	randombytes_buf(raw, sizeof raw);
	memcpy(token, "vgl_", 4);
	sodium_bin2base64(token + 4, AUTH_TOKEN_LEN - 4, raw, sizeof raw,
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
	sha256_hex(token, strlen(token), hash);
	snprintf(prefix, sizeof prefix, "%.10s", token);
	return store_token_add(st, account_id, label, hash, prefix, id);
}

int auth_token_find(Store *st, const char *token, Account *a)
{
	size_t n = strlen(token);
	if (n != AUTH_TOKEN_LEN - 1 || strncmp(token, "vgl_", 4) != 0)
		return 0;
	char hash[65], *last = NULL, now[21];
	long long tid;
	sha256_hex(token, n, hash);
	int found = store_token_find(st, hash, a, &tid, &last);
	if (found == 1) {
		/* last use is kept to the hour, so scripts do not write on every request */
		now_iso(now);
		if (!last || strncmp(last, now, 13) != 0)
			store_token_used(st, tid, now);
	}
	free(last);
	return found;
}

/* --- vigil user --------------------------------------------------------------------- */

/* Reads a password: from the terminal without echo (twice, to confirm), else the first
   line of standard input. Returns a malloc'd string or NULL with a message printed. */
static char *read_password(const char *prompt)
{
	char buf[PW_MAX_LEN + 2], again[PW_MAX_LEN + 2];
	int tty = isatty(0);
	struct termios old, quiet;
	if (tty) {
		tcgetattr(0, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(0, TCSAFLUSH, &quiet);
		fprintf(stderr, "%s: ", prompt);
	}
	char *got = fgets(buf, sizeof buf, stdin);
	if (got && tty) {
		fprintf(stderr, "\nagain: ");
		if (!fgets(again, sizeof again, stdin))
			got = NULL;
	}
	if (tty) {
		tcsetattr(0, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!got) {
		warn("no password given (type it, or give it on standard input)");
		return NULL;
	}
	buf[strcspn(buf, "\r\n")] = 0;
	if (tty) {
		again[strcspn(again, "\r\n")] = 0;
		if (strcmp(buf, again) != 0) {
			warn("the two passwords differ");
			return NULL;
		}
	}
	const char *problem = auth_password_problem(buf);
	if (problem) {
		warn("%s", problem);
		return NULL;
	}
	char *pw = xstrdup(buf);
	sodium_memzero(buf, sizeof buf);
	sodium_memzero(again, sizeof again);
	return pw;
}

/* Finds an account by name for a user subcommand, with the message when it fails. */
static int find_account(Store *st, const char *name, Account *a)
{
	int found = store_account_get(st, name, a);
	if (found < 0)
		warn("%s", store_error(st));
	else if (!found)
		warn("no account %s (see 'vigil user list')", name);
	return found;
}

/* The ledger entry of a change made here (by the user at the terminal); -1 said. */
static int account_ledger(Store *st, const char *action, const char *account, const char *detail)
{
	Blob err = BLOB_INIT;
	int rc = ledger_account(st, cli_user(NULL), action, account, detail, &err);
	if (rc)
		warn("%s", blob_str(&err));
	blob_free(&err);
	return rc;
}

/* The arguments of "vigil user ACTION NAME [OPT VALUE]": the name (required) and the
   option's value (left as it is when not given); -1 on anything else. */
static int name_and_option(int argc, char **argv, const char *opt, const char **name, const char **value)
{
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], opt) == 0 && i + 1 < argc)
			*value = argv[++i];
		else if (!*name && argv[i][0] != '-')
			*name = argv[i];
		else
			return -1;
	}
	return *name ? 0 : -1;
}

static int user_add(Store *st, int argc, char **argv)
{
	const char *name = NULL, *rolearg = "viewer";
	if (name_and_option(argc, argv, "--role", &name, &rolearg) != 0)
		return cli_usage("user");
	const char *problem = auth_name_problem(name);
	int role = role_parse(rolearg);
	if (problem) {
		warn("%s: %s", name, problem);
		return EXIT_INPUT;
	}
	if (role < 0) {
		warn("--role %s: the roles are viewer, editor and admin", rolearg);
		return EXIT_INPUT;
	}
	Account a;
	int found = store_account_get(st, name, &a);
	if (found != 0) {
		if (found > 0) {
			warn("an account named %s exists", name);
			account_free(&a);
			return EXIT_INPUT;
		}
		warn("%s", store_error(st));
		return EXIT_INTERNAL;
	}
	char *pw = read_password("password");
	if (!pw)
		return EXIT_INPUT;
	char hash[AUTH_PWHASH_LEN];
	int rc = auth_hash_password(pw, hash);
	sodium_memzero(pw, strlen(pw));
	free(pw);
	if (rc != 0) {
		warn("out of memory hashing the password");
		return EXIT_INTERNAL;
	}
	long long id;
	if (store_account_add(st, name, role, hash, &id) != 0) {
		warn("%s", store_error(st));
		return strstr(store_error(st), "exists") ? EXIT_INPUT : EXIT_INTERNAL;
	}
	if (account_ledger(st, "account.add", name, role_name(role)) != 0)
		return EXIT_INTERNAL;
	printf("added %s (%s)\n", name, role_name(role));
	return EXIT_OK;
}

static int user_passwd(Store *st, const char *name)
{
	Account a;
	int found = find_account(st, name, &a);
	if (found != 1)
		return found < 0 ? EXIT_INTERNAL : EXIT_INPUT;
	char *pw = read_password("new password");
	int rc = EXIT_INPUT;
	if (pw) {
		char hash[AUTH_PWHASH_LEN];
		if (auth_hash_password(pw, hash) != 0 || store_account_set_password(st, a.id, hash) != 0 ||
		    store_sessions_end(st, a.id) != 0) {
			warn("%s", store_error(st));
			rc = EXIT_INTERNAL;
		} else if (account_ledger(st, "account.password", a.name, "password changed") != 0)
			rc = EXIT_INTERNAL;
		else {
			printf("password of %s changed; its sessions ended\n", a.name);
			rc = EXIT_OK;
		}
		sodium_memzero(pw, strlen(pw));
		free(pw);
	}
	account_free(&a);
	return rc;
}

/* Prints one account line of `vigil user list`. */
static int list_one(const Account *a, void *ctx)
{
	int json = *(int *)ctx;
	if (json < 0) {
		Blob b = BLOB_INIT;
		blob_puts(&b, "{\"name\":");
		blob_json_str(&b, a->name);
		blob_appendf(&b, ",\"role\":\"%s\",\"disabled\":%s,\"created_at\":", role_name(a->role),
		             a->disabled ? "true" : "false");
		blob_json_str(&b, a->created_at);
		blob_puts(&b, ",\"last_login\":");
		blob_json_str(&b, a->last_login);
		blob_putc(&b, '}');
		printf("%s%s", json == -2 ? ",\n" : "\n", blob_str(&b));
		blob_free(&b);
		*(int *)ctx = -2;
	} else
		printf("%-24s %-7s %-9s last login %s\n", a->name, role_name(a->role),
		       a->disabled ? "disabled" : "", a->last_login ? a->last_login : "never");
	return 0;
}

static int user_list(Store *st, int json)
{
	int mode = json ? -1 : 0;
	if (json)
		printf("[");
	if (store_accounts_each(st, list_one, &mode) != 0) {
		warn("%s", store_error(st));
		return EXIT_INTERNAL;
	}
	if (json)
		printf("%s]\n", mode == -2 ? "\n" : "");
	return EXIT_OK;
}

static int user_token(Store *st, int argc, char **argv)
{
	const char *name = NULL, *label = NULL;
	if (name_and_option(argc, argv, "--label", &name, &label) != 0)
		return cli_usage("user");
	Account a;
	int found = find_account(st, name, &a);
	if (found != 1)
		return found < 0 ? EXIT_INTERNAL : EXIT_INPUT;
	char token[AUTH_TOKEN_LEN];
	long long id;
	int rc = EXIT_OK;
	if (auth_token_create(st, a.id, label ? label : "command line", token, &id) != 0) {
		warn("%s", store_error(st));
		rc = EXIT_INTERNAL;
	} else if (account_ledger(st, "token.add", a.name, label ? label : "command line") != 0)
		rc = EXIT_INTERNAL;
	else {
		printf("%s\n", token);
		fprintf(stderr, "token %lld for %s (%s): keep it secret, it is shown only once\n", id, a.name,
		        role_name(a.role));
	}
	account_free(&a);
	return rc;
}

/* user role NAME ROLE, user disable NAME, user enable NAME. */
static int user_change(Store *st, const char *what, const char *name, const char *value)
{
	Account a;
	int found = find_account(st, name, &a);
	if (found != 1)
		return found < 0 ? EXIT_INTERNAL : EXIT_INPUT;
	int rc = 0;
	if (strcmp(what, "role") == 0) {
		int role = role_parse(value);
		if (role < 0) {
			warn("%s: the roles are viewer, editor and admin", value);
			account_free(&a);
			return EXIT_INPUT;
		}
		rc = store_account_set_role(st, a.id, role);
	} else
		rc = store_account_set_disabled(st, a.id, strcmp(what, "disable") == 0);
	if (rc == 0)
		rc = store_sessions_end(st, a.id);
	if (rc != 0) {
		warn("%s", store_error(st));
		account_free(&a);
		return EXIT_INTERNAL;
	}
	char action[32];
	snprintf(action, sizeof action, "account.%s", what);
	if (account_ledger(st, action, a.name, value ? value : what) != 0) {
		account_free(&a);
		return EXIT_INTERNAL;
	}
	printf("%s: %s%s%s\n", a.name, what, value ? " " : "", value ? value : "");
	account_free(&a);
	return EXIT_OK;
}

int cmd_user(Cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("user");
	const char *sub = argv[1];
	if (strcmp(sub, "list") == 0 && (argc == 2 || (argc == 3 && strcmp(argv[2], "--json") == 0)))
		return user_list(cli_store(c), argc == 3);
	if (strcmp(sub, "add") == 0)
		return user_add(cli_store(c), argc, argv);
	if (strcmp(sub, "passwd") == 0 && argc == 3)
		return user_passwd(cli_store(c), argv[2]);
	if (strcmp(sub, "token") == 0)
		return user_token(cli_store(c), argc, argv);
	if (strcmp(sub, "role") == 0 && argc == 4)
		return user_change(cli_store(c), "role", argv[2], argv[3]);
	if ((strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0) && argc == 3)
		return user_change(cli_store(c), sub, argv[2], NULL);
	return cli_usage("user");
}
