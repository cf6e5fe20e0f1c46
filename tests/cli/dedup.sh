#!/usr/bin/env bash
# veille extract fills dup_of and story (tests/data/dedup: 9 light rewrites of earlier
# documents); --no-dedup leaves both null.
source "$(dirname "$0")/lib.bash"
data="$SRC/tests/data/dedup/docs.jsonl"

run "$VEILLE" extract "$data"
expect_rc 0 "extract with dedup"
expect_docs 26
n=$(grep -c '"dup_of":"' "$TMP/out" || true)
[[ $n -eq 9 ]] && pass "9 near-duplicates" || fail "$n near-duplicates, expected 9"
grep -q '"id":"lavrov-gil-b".*"dup_of":"lavrov-gil-a","story":"story:lavrov-gil-a"' "$TMP/out" \
  && pass "lavrov-gil-b copies lavrov-gil-a" || fail "lavrov-gil-b: $(grep -o '"dup_of":[^,]*,"story":[^,]*' "$TMP/out" | sed -n 2p)"
n=$(grep -c '"story":"story:' "$TMP/out" || true)
[[ $n -eq 26 ]] && pass "every document has a story" || fail "$n documents with a story, expected 26"

run "$VEILLE" extract --no-dedup "$data"
expect_rc 0 "extract --no-dedup"
n=$(grep -c '"dup_of":null,"story":null' "$TMP/out" || true)
[[ $n -eq 26 ]] && pass "--no-dedup: dup_of and story null" || fail "--no-dedup: $n documents with null dup_of and story"

# ingest decides as extract does, also when the corpus arrives in two runs: the second
# run indexes the stored documents first.
run "$VEILLE" extract "$data"
cp "$TMP/out" "$TMP/extract.jsonl"
head -n 13 "$data" > "$TMP/first.jsonl"
run "$VEILLE" ingest -q "$TMP/first.jsonl" --db "$TMP/c.db"
expect_rc 0 "ingest the first half"
run "$VEILLE" ingest -q "$TMP/first.jsonl" "$data" --db "$TMP/c.db"
expect_rc 0 "ingest the whole file"
run "$VEILLE" export --db "$TMP/c.db"
sed 's/"source":"[^"]*"/"source":""/' "$TMP/out" > "$TMP/a"
sed 's/"source":"[^"]*"/"source":""/' "$TMP/extract.jsonl" > "$TMP/b"
cmp -s "$TMP/a" "$TMP/b" && pass "two ingests give extract's dup_of and story" \
  || fail "ingest in two runs differs from extract: $(diff "$TMP/a" "$TMP/b" | head -c 600)"

# The GDELT table merges the mentions of an event across a story, from extract or the DB.
run "$VEILLE" extract --format gdelt "$data"
expect_rc 0 "extract --format gdelt"
cp "$TMP/out" "$TMP/extract.tsv"
awk -F'\t' '$32 > 1 && $34 > 1' "$TMP/extract.tsv" > "$TMP/merged"
[[ -s "$TMP/merged" ]] && pass "some events are mentioned by several articles ($(wc -l < "$TMP/merged") rows)" \
  || fail "no event with NumMentions > 1 and NumArticles > 1"
# (Ingested in one run: NumSources counts the input file when a document has no url.)
run "$VEILLE" ingest -q "$data" --db "$TMP/one.db"
run "$VEILLE" export --db "$TMP/one.db" --format gdelt
expect_rc 0 "export --format gdelt"
cmp -s "$TMP/out" "$TMP/extract.tsv" && pass "export gdelt == extract --format gdelt" \
  || fail "export gdelt differs: $(diff "$TMP/out" "$TMP/extract.tsv" | head -c 600)"
finish
