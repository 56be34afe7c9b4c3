#!/bin/sh
# extract_evidence.sh — every evidence quote of `vigil extract --json` can be found in the
# bytes that arrived (white space runs as one space, ASCII case ignored), also when the
# sentence crosses inline markup in an HTML page or soft line breaks in a quoted-printable
# e-mail; and the quote is the cleaned text at its offsets.
. "$TESTS/lib.sh"
command -v python3 >/dev/null 2>&1 || skip "no python3"

cat >page.html <<'HTML'
<!DOCTYPE html>
<html><head><title>Shelling of a camp | Test Monitor</title>
<meta property="article:published_time" content="2021-04-12T09:00:00Z"></head>
<body><article><h1>Shelling of a camp</h1>
<p><strong>Ortavo, 12 April 2021</strong> &mdash; Artillery shells fired by the army struck the
Velmar camp for displaced families on Sunday, killing <em>four</em> residents and wounding
eleven, the camp&#8217;s committee said.</p>
<p>The committee calls on the UN Security Council to send observers to the camp.</p>
</article></body></html>
HTML

cat >mail.eml <<'MAIL'
From: Camp Committee <committee@example.org>
To: friends@example.org
Subject: Raid on Velmar camp
Date: Tue, 13 Apr 2021 08:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Dear friends,

At dawn on Monday, 12 April, soldiers of the army raided the Velmar camp for =
displaced families and detained nine men, the camp=E2=80=99s committee said =
in a statement sent to us the same morning.

We call on the UN Security Council to send observers to the camp.
MAIL

# check FILE: every record has a quote found in FILE, equal to the text at its offsets
check() {
	run 0 "$VIGIL" extract --json "$1"
	json "len(j['events']) >= 1"
	python3 - "$1" <<'PY' || die "$1: a quote is not in the original"
import json, re, sys
raw = open(sys.argv[1], encoding="utf-8", errors="replace").read()
norm = lambda s: re.sub(r"\s+", " ", s).strip().lower()
j = json.load(open("out.txt"))
for r in j["events"] + j["appeals"]:
    qs = [e["quote"] for e in r["evidence"]]
    assert any(norm(q) in norm(raw) for q in qs), qs
    for e in r["evidence"]:
        assert len(e["quote"].split()) >= 3, e
        assert e["end"] - e["start"] == len(e["quote"].encode()), e
PY
	ok "$1: every record has a quote found in the original"
}
check page.html
check mail.eml
