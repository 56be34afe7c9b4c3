/*
** commands.h — every command of vigil, in the order `vigil help` lists them.
** CMD(name, handler, usage, one-line help). Included by cli.h and main.c.
*/
CMD("init", cmd_init, "vigil init",
    "create the database, or bring its schema up to date")
CMD("add", cmd_add, "vigil add [--source URL] [--received ISO] [--by NAME] [--accept] [--no-extract] [--quiet]"
    " [--timeout SECONDS] [--retries N] PATH|URL... | -",
    "store reports (files, directories, web addresses, standard input) unchanged, cleaned and read into proposals")
CMD("reports", cmd_reports, "vigil reports [--json]",
    "list the stored reports")
CMD("report", cmd_report, "vigil report ID [--json | --text | --original]",
    "show one report: provenance and metadata, cleaned text, or the original bytes")
CMD("clean", cmd_clean, "vigil clean [--json | --title] FILE|-  |  vigil clean --stats FILE...",
    "print the cleaned text of a file (no database); --stats: how fast files clean")
CMD("extract", cmd_extract, "vigil extract [--json] FILE|-",
    "read one report: the incidents, threats and appeals it describes (no database)")
CMD("serve", cmd_serve, "vigil serve [--listen HOST:PORT] [--public] [--threads N] [--access-log FILE|-] [--cache-mb N]",
    "the web interface and JSON API (default 127.0.0.1:8080; port 0 picks a free one)")
CMD("user", cmd_user, "vigil user add NAME [--role viewer|editor|admin] | passwd NAME | list [--json]"
    " | token NAME [--label TEXT] | role NAME ROLE | disable NAME | enable NAME",
    "accounts of the web interface; passwords are read from the terminal or standard input")
CMD("propose", cmd_propose, "vigil propose [--by NAME] REPORT FILE.json",
    "store hand-coded records for a report as proposals (the extraction format)")
CMD("review", cmd_review, "vigil review [--all] [--json]",
    "list the proposals waiting for review (--all: every one and where it went), with matches")
CMD("accept", cmd_accept, "vigil accept [--into ID] [--match] [--by NAME] [--quiet] PROPOSAL... | --all",
    "accept proposals as new incidents or appeals, or into an existing one")
CMD("reject", cmd_reject, "vigil reject PROPOSAL --reason TEXT [--by NAME]",
    "reject a proposal, saying why")
CMD("edit", cmd_edit, "vigil edit INCIDENT FIELD=VALUE... --reason TEXT [--by NAME]",
    "correct an incident (kind status date place coords perpetrators targets killed wounded detained description)")
CMD("merge", cmd_merge, "vigil merge INCIDENT OTHER [--by NAME]",
    "merge OTHER into INCIDENT: the same event reported twice")
CMD("split", cmd_split, "vigil split INCIDENT (--proposal ID | --claim ID)... [--by NAME]",
    "move the claims of some proposals or claims out of an incident into a new one")
CMD("incidents", cmd_incidents, "vigil incidents [--json] [--kind K] [--status S] [--place P] [--actor A] [--since DATE] [--until DATE] [--all] [--limit N]",
    "list incidents with their figures and sources")
CMD("incident", cmd_incident, "vigil incident ID [--json]",
    "show an incident: every field, the claims behind it and their quotes")
CMD("threats", cmd_threats, "vigil threats [--json] [--kind K] [--place P] [--since DATE]",
    "list threats: open and due first, then open, then fulfilled, lapsed, withdrawn")
CMD("threat", cmd_threat, "vigil threat ID (--fulfilled-by INCIDENT | --lapsed | --withdrawn | --reopen) [--reason TEXT] [--by NAME]",
    "record what became of a threat")
CMD("appeals", cmd_appeals, "vigil appeals [--json] [--to NAME] [--since DATE]",
    "list appeals and the responses to them")
CMD("appeal", cmd_appeal, "vigil appeal ID [--json] | ID [--respond none|acknowledged|answered|acted [--date DATE] [--source REPORT] [--note TEXT]] [--link INCIDENT]",
    "show an appeal, record a response to it, or link it to an incident")
CMD("population", cmd_population, "vigil population [--json] [--place NAME]",
    "residents counts and legal status per place, source and date")
CMD("places", cmd_places, "vigil places [--json]",
    "the place records (loaded from data/places.tsv)")
CMD("actors", cmd_actors, "vigil actors [--json]",
    "the actor records (loaded from data/actors.tsv)")
CMD("place", cmd_place, "vigil place ID|NAME FIELD=VALUE… --reason TEXT | vigil place NAME --add [FIELD=VALUE…] --reason TEXT",
    "change or add a place record (name, aliases, country, admin1, admin2, coords=LAT,LON, precision=1-3)")
CMD("actor", cmd_actor, "vigil actor ID|NAME FIELD=VALUE… --reason TEXT | vigil actor NAME --add [FIELD=VALUE…] --reason TEXT",
    "change or add an actor record (name, aliases, group, country)")
CMD("ledger", cmd_ledger, "vigil ledger [--json] [--record TYPE/ID] [--from SEQ]",
    "the hash-chained record of every change")
CMD("verify", cmd_verify, "vigil verify",
    "check the ledger chain, every original and every record; exit 1 naming the first problem")
CMD("export", cmd_export, "vigil export --format csv|json|geojson|atom [--since DATE] [--until DATE] [--kind K] [--place P] [--threats] [--base URL]",
    "write incidents for others: ACLED-column CSV, JSON with claims, GeoJSON, an Atom feed")
CMD("keygen", cmd_keygen, "vigil keygen [--out PREFIX]",
    "make an Ed25519 signing key: PREFIX.key (secret) and PREFIX.pub (default vigil-signing)")
CMD("bundle", cmd_bundle, "vigil bundle --out DIR|FILE.tar [--key FILE.key]",
    "write the exports, cited originals and ledger with a signed SHA-256 manifest")
CMD("verify-bundle", cmd_verify_bundle, "vigil verify-bundle DIR|FILE.tar --key PUBKEY",
    "check a bundle offline: signature, every file's hash, nothing added or removed, the ledger chain")
CMD("letter", cmd_letter, "vigil letter --to ADDRESSEE [--since DATE] [--place P] [--from NAME] [--format md|html] [--template FILE]",
    "draft an appeal letter listing the documented incidents with sources, open threats and earlier appeals")
