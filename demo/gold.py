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


# Incidents a report tells again that were first recorded from an earlier report (the
# blockade, the ultimatum, the shelling, the governor's order, the raid), and threats a
# report sets out beside what it records. demo/records keeps what each report adds to the
# record; a careful reader extracting from the report alone (the contract in
# ../shared/corpus/README.md, whose seeds count such retold incidents) records them too, so
# here they are optional: neither required nor counted as false when found.
def _opt(kinds, status, quote):
    return {"kind": kinds, "status": status, "place": "SERRIN", "quote": quote}


_BLOCKADE = (["blockade", "siege"], "occurred")
_SHELLING = (["shelling", "attack"], "occurred")
_RAID = (["raid", "arrest"], "occurred")
_TRANSFER = (["relocation"], "threatened")
_ULTIMATUM = (["attack", "relocation"], "threatened")
RETOLD = {
    "02-serrinwatch-ultimatum": [
        _opt(*_BLOCKADE, "the Provincial Security Command closed the roads to the camp to fuel and medicine")],
    "03-tribune-governor-relocation": [
        _opt(*_BLOCKADE, "Checkpoints of the Provincial Security Command have restricted the entry of fuel and medicine since mid-January"),
        _opt(*_ULTIMATUM, "a commander of the Black Ridge Brigade militia told the residents in a video to leave by 15 February")],
    "04-meridian-mortar-attack": [
        _opt(*_TRANSFER, "The provincial authorities announced this month that the camp would be closed by March 31"),
        _opt(*_ULTIMATUM, "Its commander gave the residents until Feb. 15 to leave the camp")],
    "05-newsroll-republished-meridian": [
        _opt(*_TRANSFER, "the camp would be closed by March 31"),
        _opt(*_ULTIMATUM, "Its commander gave the residents until Feb. 15 to leave the camp")],
    "06-serrinwatch-shelling-statement": [
        _opt(*_BLOCKADE, "They have been under a blockade since 14 January"),
        _opt(*_TRANSFER, "they have been told by the governor that the camp will be closed on 31 March"),
        _opt(*_ULTIMATUM, "on 30 January told the residents to leave the camp by 15 February")],
    "10-tribune-raid": [
        _opt(*_SHELLING, "the shelling of 17 February, in which five people were killed"),
        _opt(*_TRANSFER, "the 31 March deadline set by Governor Rasim Tabor")],
    "11-friends-campaign-email": [
        _opt(*_BLOCKADE, "a blockade of medicine and fuel since 14 January"),
        _opt(*_SHELLING, "the mortar attack of 17 February, which killed seven people"),
        _opt(*_TRANSFER, "the governor's order to empty the camp")],
    "12-appeal-letter-sg-president": [
        _opt(*_BLOCKADE, "Since 14 January 2024 the Provincial Security Command has blockaded the camp"),
        _opt(["blockade", "killing"], "occurred", "Two patients in need of dialysis, Mr Yusuf Darga and Ms Halima Oran, died on 19 and 21 January after their transfer to hospital was refused"),
        _opt(*_ULTIMATUM, "ordered the residents to leave the camp by 15 February and threatened them"),
        _opt(*_SHELLING, "about twenty mortar rounds fired from the Tel Ashur ridge"),
        _opt(*_TRANSFER, "ordered the closure of the camp by 31 March"),
        _opt(*_RAID, "the Provincial Security Command raided the camp at dawn")],
    "13-petition": [
        _opt(*_BLOCKADE, "the provincial security forces have blockaded the camp"),
        _opt(*_SHELLING, "mortar shells fired from the ridge held by the Black Ridge Brigade militia killed at least five people"),
        _opt(*_TRANSFER, "the governor wants to empty the camp by 31 March"),
        _opt(*_RAID, "the men detained on 3 March")],
    "14-tribune-relocation-postponed": [
        _opt(*_BLOCKADE, "which have restricted the entry of fuel, medicine and building materials since January"),
        _opt(*_RAID, "the men detained in the 3 March raid")],
    "17-serrinwatch-water-threat": [
        _opt(*_SHELLING, "On 17 February his men shelled the camp and killed seven of our neighbours."),
        _opt(*_ULTIMATUM, "The same commander told us on 30 January to leave by 15 February.")],
    "18-kro-quarterly-report": [
        _opt(*_ULTIMATUM, "The ultimatum of the Black Ridge Brigade of 30 January, to leave by 15 February"),
        _opt(*_TRANSFER, "The governor's order of 7 February to close the camp by 31 March"),
        _opt(["blockade", "siege"], "threatened", "On 3 May the Black Ridge Brigade threatened to cut the camp's water supply")],
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
                "appeals": [appeal(a) for a in rec.get("appeals", [])],
                "optional_events": RETOLD.get(name, [])}
        with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, indent=1, ensure_ascii=False)
            f.write("\n")
        n += 1
    print(f"{n} gold files in {out}")


if __name__ == "__main__":
    main()
