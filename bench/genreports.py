#!/usr/bin/env python3
"""genreports.py — writes N invented reports into a directory for the ingest benchmark.

usage: genreports.py DIR [N] [SEED] [HTML_MAX_KB]

A mix shaped like a documentalist's collection: about 40% text saved from web pages (a
banner, a menu, a breadcrumb, then 2–12 KB of article), 10% e-mails (headers, quoted-
printable or plain), 50% HTML pages of 15–200 KB (log-uniform, up to HTML_MAX_KB; real
news pages weigh about 100 KB, most of it scripts, menus and link lists around a short
article). Every
sentence is built from the project's own templates with random names, places, numbers and
dates, so every report is different. Deterministic for a given SEED. Prints the number of
files and bytes written, then the mix: count, mean and median size of each kind.
"""
import os
import random
import sys

PLACES = ["Camp Veral", "Camp Otrin", "Tessa", "Marrow Hill", "the Olem crossing", "Kesh",
          "the north gate", "the south market", "Dunmere", "the river quarter", "Halka",
          "the transit site at Brenn", "Lower Sorva", "the old airfield", "Ishtar Road"]
ACTORS = ["police officers", "gendarmes", "members of the Red Hill militia", "soldiers",
          "armed men in civilian clothes", "the provincial guard", "border troops",
          "fighters of the Eastern Front", "security agents", "unidentified gunmen"]
ORGS = ["Camp Watch", "the Relief Council", "Open Door Aid", "the UN mission", "Rights First",
        "the Families Committee", "the provincial administration", "Field Medics Network",
        "the Lawyers' Collective", "the Displaced People's Union"]
KINDS = [("fired {n} mortar rounds at", "shelling"), ("raided", "raid"), ("blockaded", "blockade"),
         ("surrounded", "siege"), ("opened fire on residents of", "attack"),
         ("arrested {n} men in", "arrest"), ("threatened to storm", "threat"),
         ("cut the water supply to", "blockade"), ("searched every shelter in", "raid")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["two", "three", "four", "five", "seven", "nine", "eleven", "a dozen", "dozens of",
           "at least six", "more than 20", "some 40", "hundreds of"]


def cap(s):
    return s[:1].upper() + s[1:]


def date(r):
    return f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2009, 2024)}"


def sentence(r):
    k = r.randrange(9)
    verb, _ = r.choice(KINDS)
    verb = verb.format(n=r.randint(2, 40))
    if k == 0:
        return f"On {date(r)}, {r.choice(ACTORS)} {verb} {r.choice(PLACES)}, {r.choice(ORGS)} said."
    if k == 1:
        return (f"{cap(r.choice(NUMBERS))} people were killed and {r.choice(NUMBERS)} "
                f"wounded, according to {r.choice(ORGS)}.")
    if k == 2:
        return (f"{cap(r.choice(ORGS))} called on the Secretary-General and the "
                f"government to protect the {r.randint(800, 9000):,} residents of {r.choice(PLACES)}.")
    if k == 3:
        return (f"Witnesses said {r.choice(ACTORS)} arrived at about {r.randint(1, 12)} "
                f"{r.choice(['a.m.', 'p.m.', 'in the morning'])} on {r.choice(DAYS)} and stayed "
                f"for {r.choice(['two', 'three', 'six', 'several', 'nearly 12'])} hours.")
    if k == 4:
        return (f"\u201cWe have nowhere else to go,\u201d said a resident of {r.choice(PLACES)}, "
                f"who asked not to be named.")
    if k == 5:
        return (f"The deadline of {date(r)} passed without incident, but {r.choice(ACTORS)} "
                f"remained at {r.choice(PLACES)}.")
    if k == 6:
        return (f"A convoy of {r.randint(3, 30)} trucks carrying flour, fuel and medicine was "
                f"turned back at {r.choice(PLACES)} for the {r.choice(['second', 'third', 'fifth'])} time.")
    if k == 7:
        return (f"{cap(r.choice(ORGS))} said it had documented {r.randint(2, 60)} "
                f"incidents since {r.choice(MONTHS)}, and that the figures of "
                f"{r.choice(ORGS)} were too low.")
    return (f"The report, dated {date(r)}, was sent to {r.choice(ORGS)} and to the embassy "
            f"in {r.choice(PLACES)}.")


def paragraphs(r, nbytes):
    out, size = [], 0
    while size < nbytes:
        p = " ".join(sentence(r) for _ in range(r.randint(2, 6)))
        out.append(p)
        size += len(p) + 2
    return out


def title(r):
    verb, _ = r.choice(KINDS)
    return f"{cap(r.choice(ACTORS))} {verb.format(n=r.randint(2, 40))} {r.choice(PLACES)}"


def text_report(r, i):
    body = paragraphs(r, r.randint(1500, 12000))
    site = r.choice(ORGS).title()
    head = [f"{r.choice(DAYS)}, {date(r)}", site, "Home", "News", "Statements", "Contact",
            f"Home > News > Report {i}", title(r), f"Posted on {date(r)}"]
    tail = ["Share this:", "Facebook", "Twitter", "Related", title(r), title(r),
            f"\u00a9 {r.randint(2009, 2024)} {site}"]
    return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n\n" + "\n".join(tail) + "\n"


def qp(s):
    out = []
    for line in s.split("\n"):
        enc = "".join(c if (32 <= ord(c) < 127 and c != "=") else
                      "".join(f"={b:02X}" for b in c.encode()) for c in line)
        while len(enc) > 75:
            cut = 75
            while enc[cut - 1] == "=" or enc[cut - 2] == "=":
                cut -= 1
            out.append(enc[:cut] + "=")
            enc = enc[cut:]
        out.append(enc)
    return "\r\n".join(out)


def mail_report(r, i):
    body = "\n\n".join(paragraphs(r, r.randint(2000, 15000)))
    use_qp = r.random() < 0.6
    h = [f"From: {r.choice(ORGS).title()} <news{i}@lists.example>", "To: supporters@lists.example",
         f"Subject: {title(r)}", f"Date: {r.choice(DAYS)[:3]}, {r.randint(1, 28):02d} "
         f"{r.choice(MONTHS)[:3]} {r.randint(2009, 2024)} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00 +0000",
         f"Message-ID: <{i}.{r.getrandbits(48):x}@lists.example>", "MIME-Version: 1.0",
         "Content-Type: text/plain; charset=utf-8",
         f"Content-Transfer-Encoding: {'quoted-printable' if use_qp else '8bit'}"]
    return "\r\n".join(h) + "\r\n\r\n" + (qp(body) if use_qp else body.replace("\n", "\r\n")) + "\r\n"


def html_report(r, i, max_kb=200):
    target = int(15000 * (max_kb / 15) ** r.random())  # 15–200 KB (max_kb), log-uniform
    t = title(r)
    site = r.choice(ORGS).title()
    article = "".join(f"<p>{p}</p>\n" for p in paragraphs(r, r.randint(1500, min(20000, target // 2))))
    nav = "".join(f'<li><a href="/section/{k}">{k.title()}</a></li>' for k in
                  r.sample(["world", "region", "politics", "economy", "sport", "culture", "opinion",
                            "video", "photos", "about", "contact", "donate"], 8))
    related = "".join(f'<li><a href="/news/{r.getrandbits(32):x}">{title(r)}</a></li>' for _ in range(r.randint(4, 12)))
    meta = ""
    if r.random() < 0.5:
        meta = (f'<meta property="og:title" content="{t}">\n<meta property="og:site_name" content="{site}">\n'
                f'<meta property="article:published_time" content="{r.randint(2009, 2024)}-'
                f'{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T10:00:00Z">\n')
    page = [f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{t} | {site}</title>\n{meta}',
            '<link rel="stylesheet" href="/css/site.css">\n<script>window.dataLayer=window.dataLayer||[];</script>\n',
            f'</head><body><div class="cookie">We use cookies. <button>Accept</button></div>\n'
            f'<header><a href="/" class="logo">{site}</a><nav><ul>{nav}</ul></nav></header>\n'
            f'<main><article><h1>{t}</h1><p class="byline">By {r.choice(["Staff", "Desk", "Correspondent"])} | {date(r)}</p>\n'
            f'<div class="share"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">E-mail</a></div>\n{article}</article>\n'
            f'<aside><h2>Latest news</h2><ul>{related}</ul></aside></main>\n'
            f'<footer><ul>{nav}</ul><p>\u00a9 {site}</p></footer>\n']
    size = sum(len(x) for x in page)
    # The bulk of real pages: bundled scripts and state blobs around the article.
    filler = []
    while size < target:
        chunk = ("<script>(function(){var cfg=" + repr({"id": r.getrandbits(40), "slot": i, "tags": [title(r)]})
                 + ";window.__ads=(window.__ads||[]).concat([cfg]);" + "function f" + str(r.getrandbits(20))
                 + "(a,b){return a&&b?a.concat(b):a||b}" * r.randint(20, 80) + "})();</script>\n")
        filler.append(chunk)
        size += len(chunk)
    page.append("".join(filler))
    page.append("</body></html>\n")
    return "".join(page)


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    max_kb = max(16, int(sys.argv[4])) if len(sys.argv) > 4 else 200
    os.makedirs(out, exist_ok=True)
    total = 0
    sizes = {"text": [], "e-mail": [], "HTML": []}
    for i in range(n):
        sub = os.path.join(out, f"{i // 1000:02d}")
        os.makedirs(sub, exist_ok=True)
        x = r.random()
        if x < 0.4:
            kind, name, data = "text", f"r{i:05d}.txt", text_report(r, i)
        elif x < 0.5:
            kind, name, data = "e-mail", f"r{i:05d}.eml", mail_report(r, i)
        else:
            kind, name, data = "HTML", f"r{i:05d}.html", html_report(r, i, max_kb)
        b = data.encode("utf-8")
        sizes[kind].append(len(b))
        with open(os.path.join(sub, name), "wb") as f:
            f.write(b)
        total += len(b)
    print(f"{n} files, {total} bytes")
    # the mix, so that a reader can judge it against real collections (reports of 5-50 KB)
    every = sorted(x for v in sizes.values() for x in v)
    parts = [f"{k} {len(v)} (mean {sum(v) / len(v) / 1e3:.1f} KB, median "
             f"{sorted(v)[len(v) // 2] / 1e3:.1f} KB)" for k, v in sizes.items() if v]
    if every:
        print(f"mix: {', '.join(parts)}; all: mean {total / n / 1e3:.1f} KB, "
              f"median {every[n // 2] / 1e3:.1f} KB")


if __name__ == "__main__":
    main()
