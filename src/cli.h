/*
** cli.h — what every command handler gets, and the list of commands.
**
** Each command is a function int cmd_NAME(Cli *, int argc, char **argv) living in the
** file of its feature; commands.h lists them all with their usage and help text and
** main.c turns that list into the command table. argv[0] is the command's name.
** A handler returns an exit code (EXIT_OK, EXIT_INPUT, EXIT_INTERNAL).
*/
#ifndef VIGIL_CLI_H
#define VIGIL_CLI_H

#include "store.h"

typedef struct Cli {
	const char *db_path; /* -d FILE, $VIGIL_DB, or "vigil.db" */
	Store *st;           /* opened on first use by cli_store() */
} Cli;

/* The open database, created and migrated as needed; exits with a message on failure. */
Store *cli_store(Cli *c);
/* Prints "usage: …" for the command to stderr and returns EXIT_INPUT. */
int cli_usage(const char *command);
/* The directory of the data files (lexicons, templates): $VIGIL_DATA, else data/ next to
   the binary, else the directory the binary was built in. */
const char *cli_datadir(void);
/* The name recorded as the author of changes: --by, else $USER, else "unknown". */
const char *cli_user(const char *by);

#define CMD(name, fn, usage, help) int fn(Cli *c, int argc, char **argv);
#include "commands.h"
#undef CMD

#endif
