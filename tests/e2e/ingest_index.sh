# ingest_index.sh — the reports' full-text index after vigil add, which indexes the reports it
# stores in batches (every 1,000 and at the end) rather than one by one: every report is
# searchable once add returns, a batch boundary loses none, and a report stored but not
# indexed (a crash between the two) is indexed by the next vigil command.
. "$TESTS/lib.sh"
command -v sqlite3 >/dev/null || skip "sqlite3 is not installed"

# fts WORD — how many reports the full-text index finds WORD in
fts() { sqlite3 test.db "SELECT count(*) FROM report_fts WHERE report_fts MATCH '$1'"; }
# indexed — how many reports the index holds
indexed() { sqlite3 test.db "SELECT count(*) FROM report_fts_docsize"; }

export VIGIL_DB=test.db
mkdir -p one many
printf 'Lakeshore, 2 May 2022\n\nThe ferry to Quorrim island stopped running after the storm.\n' > one/a.txt
printf '<html><head><title>Zelbarra market</title></head><body><p>Traders at the Zelbarra market counted their losses.</p></body></html>' > one/b.html
run 0 "$VIGIL" add one
contains "$OUT" "added 2"
equals "$(fts quorrim)" 1 "a text report is searchable after add"
equals "$(fts zelbarra)" 1 "an HTML report's title and text are searchable after add"
equals "$(fts '"ferry to quorrim"')" 1 "phrase search works"

# more reports than one batch: 1,003 (the batch is 1,000)
i=0
while [ $i -lt 1003 ]; do
	printf 'Note %d from the river post: the water rose by %d centimetres (tessalune%d).\n' $i $i $i > many/n$i.txt
	i=$((i + 1))
done
run 0 "$VIGIL" add many
contains "$OUT" "added 1003, already had 0, failed 0"
equals "$(indexed)" 1005 "every report is in the index"
equals "$(fts tessalune0)" 1 "the first report of the first batch"
equals "$(fts tessalune999)" 1 "the last report of the first batch"
equals "$(fts tessalune1002)" 1 "a report of the last, partial batch"
equals "$(fts river)" 1003 "a word every report of the batches has"

# a report stored but not indexed: the next command indexes it
sqlite3 test.db "INSERT INTO report(sha256, bytes, media_type, received, added_at, title, text)
  VALUES('$(printf '%064d' 7)', 5, 'text/plain', '2022-05-02', '2022-05-02T00:00:00Z',
  'Orphan', 'Vendrasc orchard flooded')" || die "sqlite3 insert"
equals "$(fts vendrasc)" 0 "a report inserted behind vigil's back is not indexed yet"
run 0 "$VIGIL" reports
equals "$(fts vendrasc)" 1 "the next vigil command indexed it"
equals "$(indexed)" 1006 "nothing indexed twice"
equals "$(sqlite3 test.db "INSERT INTO report_fts(report_fts) VALUES('integrity-check'); SELECT 'sound'")" sound \
	"the index agrees with the reports"
run 0 "$VIGIL" add one
contains "$OUT" "added 0, already had 2"
equals "$(indexed)" 1006 "adding nothing new indexes nothing"
