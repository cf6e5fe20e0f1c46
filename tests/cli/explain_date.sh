#!/usr/bin/env bash
# veille explain-date: the document date and why; a date inferred from the text is
# checked against the people it names with their office.
source "$(dirname "$0")/lib.bash"

printf 'Ce dimanche 2 novembre, le président américain Barack Obama a reçu son homologue.\n' > "$TMP/obama.txt"
run "$VEILLE" explain-date "$TMP/obama.txt"
expect_rc 0 "explain-date"
grep -q '^=== obama: 2014-11-02 (inferred)' "$TMP/out" && pass "Obama in office: 2014" || { fail "date"; cat "$TMP/out"; }
grep -q 'ruled out by the actor facts: 2025' "$TMP/out" && pass "2025 ruled out" || fail "no ruled-out line"
grep -q 'actor fact: "président américain Barack Obama"' "$TMP/out" && pass "the fact is quoted" || fail "no fact line"

printf '{"id":"d","date":"2021-03-04","text":"Ce dimanche 2 novembre, le ministre a parlé."}\n' > "$TMP/d.jsonl"
run "$VEILLE" explain-date "$TMP/d.jsonl"
grep -q '^=== d: 2021-03-04 (metadata)' "$TMP/out" && pass "metadata date kept" || { fail "metadata"; cat "$TMP/out"; }
run "$VEILLE" explain-date --ignore-metadata "$TMP/d.jsonl"
grep -q '^=== d: 2025-11-02 (inferred)' "$TMP/out" || grep -q '^=== d: 20[0-9][0-9]-11-02 (inferred)' "$TMP/out" \
  && pass "--ignore-metadata infers" || { fail "--ignore-metadata"; cat "$TMP/out"; }
grep -q 'the input gave: 2021-03-04' "$TMP/out" && pass "says what the input gave" || fail "no input date line"

run "$VEILLE" explain-date "$TMP/missing.txt"
[[ $rc -ne 0 ]] && pass "missing file: exit $rc" || fail "missing file accepted"
finish
