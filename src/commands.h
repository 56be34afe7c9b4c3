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
CMD("serve", cmd_serve, "vigil serve [--listen HOST:PORT] [--public] [--threads N] [--access-log FILE|-]",
    "the web interface and JSON API (default 127.0.0.1:8080; port 0 picks a free one)")
CMD("user", cmd_user, "vigil user add NAME [--role viewer|editor|admin] | passwd NAME | list [--json]"
    " | token NAME [--label TEXT] | role NAME ROLE | disable NAME | enable NAME",
    "accounts of the web interface; passwords are read from the terminal or standard input")
