/*
** main.c — vigil's entry point: global options, the command table, help and dispatch.
**
**   vigil [-d FILE] COMMAND [ARGS]      vigil help [COMMAND]      vigil --version
*/
#include "clean.h"
#include "cli.h"
#include "util.h"

#include <limits.h>
#include <libgen.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef VIGIL_BUILD_DATADIR
#define VIGIL_BUILD_DATADIR "data"
#endif

typedef struct Command {
	const char *name;
	int (*fn)(Cli *, int, char **);
	const char *usage;
	const char *help;
} Command;

static const Command commands[] = {
#define CMD(name, fn, usage, help) {name, fn, usage, help},
#include "commands.h"
#undef CMD
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const Command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void help(FILE *f)
{
	fprintf(f, "vigil %s — documentation of attacks, threats and appeals\n\n"
	           "usage: vigil [-d FILE] COMMAND [ARGS]\n\n"
	           "  -d FILE    the database (default $VIGIL_DB, else ./vigil.db)\n\n"
	           "commands:\n",
	        VIGIL_VERSION);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].help);
	fprintf(f, "\n'vigil COMMAND --help' shows a command's usage. Exit codes: 0 ok, "
	           "1 error in input or use, 2 internal error.\n");
}

static void command_help(const Command *cmd)
{
	printf("usage: %s\n\n%s\n", cmd->usage, cmd->help);
}

int cli_usage(const char *name)
{
	const Command *cmd = find_command(name);
	if (cmd)
		fprintf(stderr, "usage: %s\n", cmd->usage);
	return EXIT_INPUT;
}

Store *cli_store(Cli *c)
{
	if (c->st)
		return c->st;
	Blob err = BLOB_INIT;
	int input_error = 0;
	c->st = store_open(c->db_path, 1, &err, &input_error);
	if (!c->st) {
		warn("%s", blob_str(&err));
		exit(input_error ? EXIT_INPUT : EXIT_INTERNAL);
	}
	blob_free(&err);
	return c->st;
}

const char *cli_datadir(void)
{
	static char dir[PATH_MAX];
	struct stat sb;
	const char *env = getenv("VIGIL_DATA");
	if (env && *env)
		return env;
	if (!dir[0]) {
		char exe[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (n > 0) {
			exe[n] = 0;
			snprintf(dir, sizeof dir, "%s/data", dirname(exe));
			if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
				dir[0] = 0;
		}
		if (!dir[0])
			snprintf(dir, sizeof dir, "%s", VIGIL_BUILD_DATADIR);
	}
	return dir;
}

const char *cli_user(const char *by)
{
	if (by && *by)
		return by;
	const char *u = getenv("USER");
	return u && *u ? u : "unknown";
}

int cmd_init(Cli *c, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_usage("init");
	cli_store(c);
	printf("%s: schema version %d\n", c->db_path, store_schema_version());
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	Cli cli = {0};
	int i = 1;

	if (sodium_init() < 0)
		fatal("libsodium failed to initialise");
	clean_set_datadir(cli_datadir()); /* the cleaner's word lists, for every command */
	cli.db_path = getenv("VIGIL_DB");
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "vigil.db";

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-d") == 0 || strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= argc) {
				warn("%s needs a file name", argv[i]);
				return EXIT_INPUT;
			}
			cli.db_path = argv[++i];
		} else if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0) {
			printf("vigil %s (schema %d)\n", VIGIL_VERSION, store_schema_version());
			return EXIT_OK;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			help(stdout);
			return EXIT_OK;
		} else {
			warn("unknown option %s (try 'vigil help')", argv[i]);
			return EXIT_INPUT;
		}
	}
	if (i >= argc) {
		help(stderr);
		return EXIT_INPUT;
	}
	const char *name = argv[i];
	if (strcmp(name, "help") == 0) {
		if (i + 1 < argc) {
			const Command *cmd = find_command(argv[i + 1]);
			if (!cmd) {
				warn("no command '%s' (try 'vigil help')", argv[i + 1]);
				return EXIT_INPUT;
			}
			command_help(cmd);
		} else
			help(stdout);
		return EXIT_OK;
	}
	const Command *cmd = find_command(name);
	if (!cmd) {
		warn("no command '%s' (try 'vigil help')", name);
		return EXIT_INPUT;
	}
	for (int k = i + 1; k < argc && strcmp(argv[k], "--") != 0; k++)
		if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
			command_help(cmd);
			return EXIT_OK;
		}
	int rc = cmd->fn(&cli, argc - i, argv + i);
	store_close(cli.st);
	if (fflush(stdout) != 0 && rc == EXIT_OK) {
		warn("cannot write the output");
		rc = EXIT_INTERNAL;
	}
	return rc;
}
