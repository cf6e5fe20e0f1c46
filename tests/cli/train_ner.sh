#!/usr/bin/env bash
# veille train-ner: trains on "token TAG" files, writes the model deterministically, reports
# P/R/F1 next to the baseline, and names the file and line of a malformed input.
source "$(dirname "$0")/lib.bash" "$@"

data="$SRC/tests/data/ner"
run "$VEILLE" train-ner --train "$data/modern-train.bio" --eval "$data/modern-dev.bio" -o "$TMP/a.bin" --iterations 2
expect_rc 0 "train-ner on the modern training sentences"
grep -q "^  model .*PER" "$TMP/out" && pass "reports the model's scores" || { fail "no model line"; cat "$TMP/out"; }
grep -q "^  baseline (capitalised)" "$TMP/out" && pass "reports the baseline" || { fail "no baseline line"; cat "$TMP/out"; }
head -c 19 "$TMP/a.bin" | grep -q "veille-ner-model 1" && pass "versioned header" || fail "no header"

run "$VEILLE" train-ner --train "$data/modern-train.bio" -o "$TMP/b.bin" --iterations 2
expect_same_file "$TMP/a.bin" "$TMP/b.bin" "deterministic model (two trainings, same bytes)"

printf 'Jean B-PER\nDupont X-PER\n' >"$TMP/bad.bio"
run "$VEILLE" train-ner --train "$TMP/bad.bio" -o "$TMP/c.bin"
expect_rc 3 "malformed training file"
expect_err "bad.bio:2: unknown tag"

run "$VEILLE" train-ner --train "$data/modern-train.bio@middle" -o "$TMP/c.bin"
expect_rc 3 "unknown part"

# The model is used by extract: an unknown name is an entity via "model".
printf 'La nouvelle ministre de la Mer, Solène Kerjean, a visité lundi le port de pêche avec les élus de la région. Kerjean a promis des aides aux pêcheurs qui ont perdu leurs revenus cette année.\n' >"$TMP/doc.txt"
run "$VEILLE" extract "$TMP/doc.txt"
expect_rc 0 "extract"
grep -q '"via":"model"' "$TMP/out" && pass "model entities in the contract" || { fail "no model entity"; cat "$TMP/out"; }
finish
