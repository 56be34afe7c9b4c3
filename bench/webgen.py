#!/usr/bin/env python3
# webgen.py — fills a vigil database (made by `vigil init`) with generated records for the
# web benchmark: REPORTS reports of invented text (with their originals and the full-text
# index, through the schema's own triggers) and INCIDENTS incidents with three claims each
# quoting a sentence of a report, a tenth of them threats, and the ledger entries such records
# leave (an accept for each incident, an edit for one in five: the incident page shows them
# as its history; the chain's hashes are computed as vigil does, the record digests are
# placeholders, so `vigil verify` is not meant to pass on this database). Text, places and
# actors are made up here; nothing comes from the reference corpus.
#
#   webgen.py DB REPORTS INCIDENTS [SEED]
import hashlib
import random
import sqlite3
import sys

db, nrep, ninc = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)

places = [f"{a} {b}" for a in ("Camp", "Settlement", "Village of", "Quarter of", "Town of")
          for b in ("Tamar", "Serrin", "Hallan", "Nadir", "Orvo", "Kesta", "Delum", "Mirat", "Ashen",
                    "Velor", "Brisk", "Culver", "Dorne", "Eskal", "Faron", "Gilder", "Harrow", "Istra",
                    "Jorun", "Kallis", "Lorne", "Mabry", "Norvik", "Oslen", "Pellan", "Quarry", "Raskin",
                    "Sorrel", "Tiber", "Umber", "Vantor", "Wyle", "Yarrow", "Zenda", "Amber", "Bexley",
                    "Corran", "Drava", "Elmet", "Fenwick")]
actors = ["Valley Brigade", "Hill Militia", "Northern Guard", "Border Police", "River Front",
          "the provincial army", "Special Unit 9", "Eastern Volunteers", "Coastal Command",
          "the security services", "unidentified gunmen", "the air force"]
publishers = [f"{a} {b}" for a in ("Camp", "Regional", "Independent", "Open", "Civil")
              for b in ("Monitor", "Watch", "Network", "Observer", "Relief Committee", "News", "Bulletin",
                        "Rights Group")]
kinds = ["attack", "shelling", "raid", "siege", "blockade", "killing", "arrest", "abduction",
         "relocation", "surveillance", "other"]
verbs = {"attack": "attacked", "shelling": "shelled", "raid": "raided", "siege": "encircled",
         "blockade": "blocked supplies to", "killing": "killed residents of", "arrest": "arrested residents of",
         "abduction": "abducted residents of", "relocation": "ordered the removal of residents from",
         "surveillance": "set up watch posts around", "other": "threatened"}
numbers = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
filler = ["The residents' committee said the water station had been without fuel for a week.",
          "Families moved to the southern blocks after the night's events.",
          "The clinic asked for medicine and for the road to be opened to ambulances.",
          "A spokesman for the authorities declined to comment.",
          "Observers were not allowed to enter the area.",
          "Schools in the camp remained closed for the third day.",
          "Relatives of the wounded gathered outside the clinic.",
          "Aid trucks waited at the checkpoint until the evening.",
          "The committee called on the United Nations to send monitors.",
          "Witnesses described heavy gunfire near the main gate."]
months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def day():
    y, m, d = rnd.randint(2009, 2023), rnd.randint(1, 12), rnd.randint(1, 28)
    return f"{y:04d}-{m:02d}-{d:02d}"


def event_sentence(kind, place, actor, d):
    y, m, dd = d.split("-")
    k, w = rnd.choice(numbers), rnd.choice(numbers)
    return (f"On {int(dd)} {months[int(m) - 1]} {y}, {actor} {verbs[kind]} {place}; "
            f"{k} people were killed and {w} wounded, according to the camp clinic.")


con = sqlite3.connect(db)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA synchronous=OFF")
con.execute("BEGIN")
reports = []  # (id, text, [(start, end, sentence)])
now = "2024-01-01T00:00:00Z"
for i in range(1, nrep + 1):
    place, actor, d = rnd.choice(places), rnd.choice(actors), day()
    kind = rnd.choice(kinds)
    sents = [event_sentence(kind, place, actor, d)] + rnd.sample(filler, 6) + [
        event_sentence(rnd.choice(kinds), rnd.choice(places), rnd.choice(actors), day())]
    rnd.shuffle(sents)
    title = f"{place}: {kind} reported on {d} (report {i})"
    text = title + "\n\n" + " ".join(sents[:4]) + "\n\n" + " ".join(sents[4:])
    spans, pos = [], 0
    body = text.encode()
    for s in sents:
        b = s.encode()
        at = body.find(b, pos if pos < len(body) else 0)
        if at >= 0:
            spans.append((at, at + len(b), s))
    sha = hashlib.sha256(body).hexdigest()
    con.execute("INSERT INTO original(sha256, content) VALUES(?, ?)", (sha, body))
    con.execute("INSERT INTO report(id, sha256, bytes, media_type, filename, source, received, added_by, added_at,"
                " title, published, publisher, language, text) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (i, sha, len(body), "text/plain", f"report-{i}.txt", f"https://example.org/r/{i}", d, "bench",
                 now, title, d, rnd.choice(publishers), "en", text))
    reports.append((i, spans))

for i in range(1, ninc + 1):
    kind, place, actor, d = rnd.choice(kinds), rnd.choice(places), rnd.choice(actors), day()
    threat = rnd.random() < 0.1
    k = rnd.randint(0, 12)
    w = k + rnd.randint(0, 20)
    srcs = rnd.randint(1, 3)
    tstate = rnd.choice(["open", "open", "fulfilled", "lapsed"]) if threat else None
    con.execute("INSERT INTO incident(id, kind, status, date_start, day_first, day_last, place, place_key,"
                " perpetrators, killed_min, killed_max, killed_src, killed_ind, killed_edit, killed_open,"
                " wounded_min, wounded_max, wounded_src, wounded_ind, wounded_edit, wounded_open,"
                " sources, independent, threat, announced, due, created_at, updated_at)"
                " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,0,0,?,?,?,?,0,0,?,?,?,?,?,?,?)",
                (i, kind, "threatened" if threat else "occurred", d, d, d, place, place.lower(), actor,
                 None if threat else k, None if threat else k + rnd.randint(0, 2), None if threat else srcs,
                 None if threat else 1, None if threat else w, None if threat else w + rnd.randint(0, 5),
                 None if threat else srcs, None if threat else 1, srcs, max(1, srcs - 1),
                 tstate, d if threat else None, day() if threat else None, now, now))
    for field, value in (("kind", kind), ("date", d), ("place", place)):
        rid, spans = rnd.choice(reports)
        s, e, q = rnd.choice(spans)
        con.execute("INSERT INTO claim(incident_id, field, value, report_id, grp, quote, q_start, q_end, who, at)"
                    " VALUES(?,?,?,?,?,?,?,?,?,?)", (i, field, value, rid, 1, q, s, e, "bench", now))
# the ledger: vigil's chain (BLAKE2b-256 over prev, seq, at, who, action, records, payload)
prev, seq = "0" * 64, 0


def ledger(action, records, payload):
    global prev, seq
    seq += 1
    recs = " ".join(f"{r}={hashlib.sha256(r.encode()).hexdigest()}" for r in records)
    h = hashlib.blake2b("\n".join([prev, str(seq), now, "bench", action, recs, payload]).encode(),
                        digest_size=32).hexdigest()
    con.execute("INSERT INTO ledger(seq, at, who, action, records, payload, prev, hash) VALUES(?,?,?,?,?,?,?,?)",
                (seq, now, "bench", action, recs, payload, prev, h))
    for r in records:
        con.execute("INSERT OR IGNORE INTO ledger_ref(record, seq) VALUES(?, ?)", (r, seq))
    prev = h


for i in range(1, ninc + 1):
    ledger("accept", [f"incident/{i}"], f'{{"auto":false,"incident":{i},"into":false,"proposal":{i},"report":{rnd.randint(1, nrep)}}}')
    if rnd.random() < 0.2:
        ledger("edit", [f"incident/{i}"],
               f'{{"changes":["killed={rnd.randint(1, 15)}"],"incident":{i},"reason":"hospital list"}}')
con.execute("COMMIT")
con.execute("PRAGMA optimize")
con.close()
print(f"webgen: {nrep} reports, {ninc} incidents")
