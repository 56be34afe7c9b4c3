#!/usr/bin/env python3
"""regions.py — writes data/regions.tsv, the first-level administrative areas of every
country (states, provinces, regions, governorates …), from Debian's iso-codes
(/usr/share/iso-codes/json/iso_3166-2.json, package iso-codes), in the format of
places.tsv with type "region".

usage: data/regions.py > data/regions.tsv

Names are written without diacritics as English texts spell them ("Dāykundī" ->
"Daykundi"), case-sensitive (a capitalised name, not the word). Left out: names places.tsv
or nations.tsv already know, names of one or two letters or three, names several countries
share, names made of compass points and generic words ("Centre-Nord", "Central"), and names
in a local form with a comma ("Ingushetiya, Respublika")."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ISO = "/usr/share/iso-codes/json"
GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
           "central", "centre", "center", "nord", "sud", "est", "ouest", "upper", "lower",
           "capital", "city", "district", "region", "province", "coast", "littoral",
           "plateau", "islands", "island", "lake", "lakes", "river", "mountain", "mountains",
           "highlands", "lowlands", "valley", "delta", "sahel", "savannes", "savanes",
           "maritime", "oriental", "occidental", "interior", "middle", "great", "grand",
           "new", "saint", "san", "santa", "federal", "national", "territory", "special",
           "metropolitan", "autonomous", "republic", "state", "south-east", "south-west",
           "north-east", "north-west", "centre-est", "centre-nord", "centre-ouest",
           "centre-sud", "sud-ouest", "nord-est", "nord-ouest", "sud-est", "cascades"}


def plain(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("’", "").replace("'", "").replace("ʼ", "")


def known_names():
    names = set()
    for f in ("places.tsv", "nations.tsv"):
        for line in open(os.path.join(HERE, f), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            for c in cols[:4]:
                for a in c.split("|"):
                    names.add(a.lstrip("=").strip().lower())
    return names


def main():
    a3 = {x["alpha_2"]: x["alpha_3"] for x in json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]}
    subs = [x for x in json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"] if "parent" not in x]
    known = known_names()
    nations = {l.split("\t")[0] for l in open(os.path.join(HERE, "nations.tsv"), encoding="utf-8")
               if not l.startswith("#") and l.strip()}
    rows, seen = {}, {}
    for x in subs:
        name = plain(x["name"]).strip()
        country = a3.get(x["code"].split("-")[0])
        if country not in nations or "," in name or "(" in name or "/" in name or len(name) < 4:
            continue
        if not re.fullmatch(r"[A-Z][A-Za-z]+(?:[ -][A-Za-z]+){0,2}", name):
            continue
        words = re.split(r"[ -]", name.lower())
        if all(w in GENERIC for w in words) or name.lower() in GENERIC or name.lower() in known:
            continue
        seen.setdefault(name, set()).add(country)
        rows[name] = country
    print("# regions.tsv — first-level administrative areas of every country, written by")
    print("# data/regions.py from Debian's iso-codes (ISO 3166-2); do not edit by hand.")
    print("# aliases\tname\ttype\tcountry\tadmin1\tlat\tlon")
    for name in sorted(rows):
        if len(seen[name]) > 1:
            continue
        print(f"={name}\t{name}\tregion\t{rows[name]}\t{name}\t-\t-")


if __name__ == "__main__":
    main()
