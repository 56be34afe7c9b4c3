#!/usr/bin/env python3
"""gold.py — the demo's answer key in the gold format of ../shared/tools/score-extraction.

usage: demo/gold.py OUTDIR

Writes OUTDIR/NN-name.json for every demo report (an empty answer for reports with nothing
to record, which is itself a test) and OUTDIR/_groups.json (the demo's places, actors and
addressees, so the scorer can match names), from the two files that hold the answer:
demo/records/*.json (events and appeals, extraction format) and demo/expected.tsv (title,
publication date, publisher). Then:

  ../shared/tools/score-extraction --gold OUTDIR --docs demo/reports --run './vigil extract --json {}'
"""
import json
import os
import sys

DEMO = os.path.dirname(os.path.abspath(__file__))

GROUPS = {
    "PLACES": {
        "SERRIN": ["serrin"],
        "KHARSA": ["kharsa"],
        "DOVREK": ["dovrek"],
        "TELASHUR": ["tel ashur"],
    },
    "ACTORS": {
        "BRB": ["black ridge", "harun vask", "vask", "militia"],
        "PSC": ["provincial security command", "psc", "police", "gendarmes", "gendarmerie",
                "security forces", "provincial security forces"],
        "PROVINCE": ["governor", "rasim tabor", "tabor", "provincial administration",
                     "provincial authorities", "upper kaldan"],
        "CRIMINALS": ["criminal elements", "criminal"],
    },
    "TARGETS": {
        "KAL_PRES": ["president of kaldan", "president dorran", "ilias dorran", "dorran"],
        "KAL_GOV": ["government of kaldan", "kaldan government", "kaldani government"],
        "GOV_UK": ["governor", "rasim tabor", "tabor", "provincial authorities",
                   "provincial security command", "authorities"],
        "UNAMK": ["unamk", "assistance mission in kaldan", "united nations assistance mission"],
        "UNROK": ["unrok", "relief office for kaldan"],
        "MPS": ["parliament", "member of parliament", "members of parliament", "foreign ministry",
                "foreign ministries"],
    },
}

# Names in demo/records -> group codes above (or the scorer's own, e.g. UN_SG, UNSC).
CODES = {
    "Camp Serrin": "SERRIN",
    "Black Ridge Brigade": "BRB",
    "Provincial Security Command": "PSC",
    "Governor of Upper Kaldan": "PROVINCE",
    "criminal elements": "CRIMINALS",
}
TO_CODES = {
    "UN Secretary-General": "UN_SG",
    "UN Security Council": "UNSC",
    "President of Kaldan": "KAL_PRES",
    "Government of Kaldan": "KAL_GOV",
    "Governor of Upper Kaldan": "GOV_UK",
    "Provincial Security Command": "GOV_UK",
    "provincial authorities": "GOV_UK",
    "United Nations Assistance Mission in Kaldan": "UNAMK",
    "United Nations Relief Office for Kaldan": "UNROK",
}


def names(lst):
    return [x["name"] if isinstance(x, dict) else x for x in lst or []]


def count(c):
    return {"min": c["min"]} if c and c.get("min") is not None else None


def event(e):
    g = {"kind": [e["kind"]] + (["siege"] if e["kind"] == "blockade" else []),
         "status": e.get("status", "occurred"),
         "date": {"start": e["date"]["start"]},
         "place": CODES[e["place"]["name"]],
         "perpetrators": sorted({CODES[n] for n in names(e.get("perpetrators"))}),
         "quote": e["evidence"][0]["quote"]}
    for f in ("killed", "wounded"):
        if count(e.get(f)):
            g[f] = count(e.get(f))
    return g


def appeal(a):
    return {"date": a["date"], "by": names(a.get("by")),
            "to": sorted({TO_CODES[n] for n in names(a.get("to")) if n in TO_CODES}),
            "quote": a["evidence"][0]["quote"]}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "_groups.json"), "w") as f:
        json.dump(GROUPS, f, indent=1)
    n = 0
    for line in open(os.path.join(DEMO, "expected.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        fname, published, title, publisher = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
        name = fname.rsplit(".", 1)[0]
        rec_path = os.path.join(DEMO, "records", name + ".json")
        rec = json.load(open(rec_path, encoding="utf-8")) if os.path.exists(rec_path) else {}
        gold = {"document": {"title": title or None, "published": published or None,
                             "publisher": publisher or None, "author": None},
                "events": [event(e) for e in rec.get("events", [])],
                "appeals": [appeal(a) for a in rec.get("appeals", [])]}
        with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, indent=1, ensure_ascii=False)
            f.write("\n")
        n += 1
    print(f"{n} gold files in {out}")


if __name__ == "__main__":
    main()
