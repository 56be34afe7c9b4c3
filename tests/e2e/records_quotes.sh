# records_quotes.sh — `vigil propose` fills the offsets a hand-written proposal leaves out:
# each quote is found in the report's cleaned text (white space may differ) and mapped to
# the bytes of the original, so a claim points at its sentence in both.
. "$TESTS/lib.sh"

# an invented page: markup and entities make the original offsets differ from the text's
cat > page.html <<'HTML'
<!doctype html><html><head><title>Night raid on Tamsin Ward</title></head><body>
<article><h1>Night raid on Tamsin Ward</h1>
<p>Published 3 March 2022.</p>
<p>Residents of Tamsin Ward said that <b>armed men</b> broke into
eleven homes before dawn on 2 March &amp; took four young men away.</p>
<p>The ward council asked the provincial governor to say where the men are held.</p>
</article></body></html>
HTML
run 0 "$VIGIL" add --quiet --no-extract --source https://example.org/tamsin page.html
cat > p.json <<'JSON'
{"events": [{"kind": "abduction", "status": "occurred", "date": {"start": "2022-03-02", "end": null},
  "place": {"name": "Tamsin Ward"}, "detained": {"min": 4, "max": null},
  "evidence": [{"quote": "armed men broke into   eleven homes before dawn"},
               {"start": 0, "end": 0, "quote": "took four young men away"},
               {"quote": "a sentence that is not in the report"}]}]}
JSON
run 0 "$VIGIL" propose 1 p.json
run 0 "$VIGIL" report 1 --text
printf '%s' "$OUT" > text.txt
run 0 "$VIGIL" review --json
printf '%s' "$OUT" > review.json
python3 - <<'PY' || die "offsets of the quotes"
import json
text = open("text.txt", "rb").read()
orig = open("page.html", "rb").read()
a, b, c = json.load(open("review.json"))[0]["record"]["evidence"]
# found although the white space differs; the text span reads as the quote
assert text[a["start"]:a["end"]].split() == b"armed men broke into eleven homes before dawn".split(), a
# the original span holds the same words with the markup between them
span = orig[a["orig_start"]:a["orig_end"]]
assert span.startswith(b"armed") and span.endswith(b"dawn") and b"eleven" in span, span
# a 0-0 placeholder is filled too
assert text[b["start"]:b["end"]] == b"took four young men away", b
assert orig[b["orig_start"]:b["orig_end"]] == b"took four young men away", b
# a quote that is not there keeps no offsets
assert "start" not in c and "orig_start" not in c, c
PY
ok "quotes found in the text and mapped to the original"
run 0 "$VIGIL" accept --all
run 0 "$VIGIL" incident 1 --json
json "any(c['quote'].startswith('armed men') and c['start'] is not None and c['orig_start'] is not None for c in j['claims'])"
run 0 "$VIGIL" verify
