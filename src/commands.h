/*
** commands.h — every command of vigil, in the order `vigil help` lists them.
** CMD(name, handler, usage, one-line help). Included by cli.h and main.c.
*/
CMD("init", cmd_init, "vigil init",
    "create the database, or bring its schema up to date")
CMD("add", cmd_add, "vigil add [--source URL] [--received ISO] [--by NAME] [--quiet] PATH... | -",
    "store reports (files, directories, standard input) unchanged, cleaned and read")
CMD("reports", cmd_reports, "vigil reports [--json]",
    "list the stored reports")
CMD("report", cmd_report, "vigil report ID [--json | --text | --original]",
    "show one report: provenance and metadata, cleaned text, or the original bytes")
CMD("clean", cmd_clean, "vigil clean [--json | --title] FILE|-",
    "print the cleaned text of a file (no database)")
