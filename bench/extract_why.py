#!/usr/bin/env python3
"""extract_why.py GOLD DOCS [VIGIL] — a diagnostic for extraction quality, not a test:
for each gold event of an annotated set (e.g. tests/corpus/gold tests/corpus/reports, or
../shared/corpus/gold ../shared/corpus/seeds) prints MISSED when the engine finds no event
of its kind, status and place, or which strict parts differ (date, perpetrators, killed,
wounded) when it does, then the counts. Reads ../shared: it imports the shared scorer's own
functions (../shared/tools/score-extraction, not copied, so its verdicts are the scorer's)
and runs `VIGIL extract --json` (default ./vigil) on each report."""
import sys, os, json, glob, subprocess, importlib.machinery, importlib.util, collections
p = os.path.join(os.environ.get("SHARED") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"), "tools", "score-extraction")
loader = importlib.machinery.SourceFileLoader("se", p)
spec = importlib.util.spec_from_loader("se", loader)
se = importlib.util.module_from_spec(spec); loader.exec_module(se)
gold_dir, docs_dir = sys.argv[1], sys.argv[2]
vig = sys.argv[3] if len(sys.argv) > 3 else "./vigil"
se.load_groups(os.path.join(gold_dir, "_groups.json"))
cnt = collections.Counter()
for gp in sorted(glob.glob(gold_dir + "/*.json")):
    name = os.path.basename(gp)[:-5]
    if name.startswith("_"): continue
    doc = glob.glob(os.path.join(docs_dir, name + ".*"))[0]
    gold = json.load(open(gp))
    pred = json.loads(subprocess.run([vig, "extract", "--json", doc], capture_output=True).stdout or b"{}")
    pev = pred.get("events") or []
    used = set()
    for g in gold.get("events", []):
        # prefer a strict match, else a found one
        cand = [i for i, p in enumerate(pev) if i not in used and se.event_strict(g, p)]
        if cand:
            used.add(cand[0]); cnt["strict"] += 1; continue
        cand = [i for i, p in enumerate(pev) if i not in used and se.event_found(g, p)]
        if not cand:
            cnt["missed"] += 1
            print(f"{name}: MISSED {g.get('kind')} {g.get('status','occurred')} {g.get('place')} {g.get('date')}")
            continue
        i = cand[0]; used.add(i); p = pev[i]
        why = []
        if not se.date_ok(g.get("date"), p.get("date")): why.append(f"date gold={g.get('date')} pred={p.get('date')}")
        gperp = set(g.get("perpetrators") or [])
        if gperp and not (gperp & se.groups_of(p.get("perpetrators"), se.ACTORS)): why.append(f"perp gold={sorted(gperp)} pred={p.get('perpetrators')}")
        for f in ("killed", "wounded"):
            gc = se.count_min(g.get(f))
            if gc is not None and se.count_min(p.get(f)) != gc: why.append(f"{f} gold={gc} pred={se.count_min(p.get(f))}")
        for w in why: cnt[w.split()[0]] += 1
        print(f"{name}: {g.get('kind')} {g.get('place')}: " + "; ".join(why))
print(dict(cnt))
