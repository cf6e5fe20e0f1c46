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
finish
