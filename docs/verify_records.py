#!/usr/bin/env python3
# verify_records.py DATABASE — checks a vigil database's ledger chain and every record's
# digest (versions 1 and 2) without vigil, from docs/ledger.md alone: Python's sqlite3 and
# hashlib. Prints what differs; exits 1 when anything does. (Originals, SHA-256 of each
# original's content against its key, and records absent from the ledger are left to
# `vigil verify`.)
import hashlib, sqlite3, struct, sys

CHILDREN = {"report": [], "proposal": [("proposal_review", "proposal_id")],
            "incident": [("claim", "incident_id")],
            "appeal": [("appeal_source", "appeal_id"), ("appeal_incident", "appeal_id")],
            "population": [], "place": [], "actor": []}

def varint(u):
    out = bytearray()
    while u >= 0x80:
        out.append((u & 0x7f) | 0x80)
        u >>= 7
    out.append(u)
    return bytes(out)

def row_v1(table, names, row):
    out = b"<" + table.encode() + b">"
    for name, v in zip(names, row):
        if v is None:
            continue
        if isinstance(v, int):
            t, b = 1, str(v).encode()
        elif isinstance(v, float):
            t, b = 2, ("%.17g" % v).encode()
        elif isinstance(v, str):
            t, b = 3, v.encode()
        else:
            t, b = 4, bytes(v)
        out += b"%s:%d:%d:" % (name.encode(), t, len(b)) + b
    return out

def row_v2(kind, row):
    out = varint(kind << 3)
    for i, v in enumerate(row):
        if v is None:
            continue
        if isinstance(v, int):
            out += varint(i << 3 | 1) + varint(((v << 1) ^ (v >> 63)) & 0xffffffffffffffff)
        elif isinstance(v, float):
            out += varint(i << 3 | 2) + struct.pack("<d", v)
        else:
            b, t = (v.encode(), 3) if isinstance(v, str) else (bytes(v), 4)
            out += varint(i << 3 | t) + varint(len(b)) + b
    return out

def digest(db, rtype, rid, version):
    cur = db.execute("SELECT * FROM %s WHERE id=?" % rtype, (rid,))
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    data = row_v1(rtype, names, row) if version == 1 else row_v2(0, row)
    for kind, (table, key) in enumerate(CHILDREN[rtype], 1):
        cur = db.execute("SELECT * FROM %s WHERE %s=? ORDER BY rowid" % (table, key), (rid,))
        names = [d[0] for d in cur.description]
        for row in cur:
            data += row_v1(table, names, row) if version == 1 else row_v2(kind, row)
    return hashlib.blake2b(data, digest_size=32).hexdigest()

db = sqlite3.connect(sys.argv[1])
bad = 0
# the chain: each entry's hash over its fields, each entry's prev the hash before it
prev, expect = "0" * 64, 1
last = {}
for seq, at, who, action, records, payload, prev_, hash_ in db.execute(
        "SELECT seq, at, who, action, records, payload, prev, hash FROM ledger ORDER BY seq"):
    text = "\n".join([prev_, str(seq), at, who, action, records, payload]).encode()
    if seq != expect or prev_ != prev or hashlib.blake2b(text, digest_size=32).hexdigest() != hash_:
        bad += 1
        print("entry changed or out of place:", seq)
    prev, expect = hash_, seq + 1
    for item in records.split():
        key, d = item.split("=", 1)
        last[key] = d
print(expect - 1, "entries")
for key, d in sorted(last.items()):
    rtype, rid = key.split("/")
    if d == "-":
        continue
    version, want = (2, d[2:]) if d.startswith("2:") else (1, d)
    if digest(db, rtype, int(rid), version) != want:
        bad += 1
        print("changed:", key)
print(len(last), "records,", bad, "changed")
sys.exit(1 if bad else 0)
