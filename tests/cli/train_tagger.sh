#!/usr/bin/env bash
# veille train-tagger: trains on CoNLL-U, writes the model deterministically, reports accuracy,
# and names the file and line of a malformed input.
source "$(dirname "$0")/lib.bash" "$@"

t=$'\t'
{
  echo "# text = Le chat dort."
  echo "1${t}Le${t}le${t}DET${t}_${t}_${t}2${t}det${t}_${t}_"
  echo "2${t}chat${t}chat${t}NOUN${t}_${t}_${t}3${t}nsubj${t}_${t}_"
  echo "3${t}dort${t}dormir${t}VERB${t}_${t}Mood=Ind|Tense=Pres|VerbForm=Fin${t}0${t}root${t}_${t}_"
  echo "4${t}.${t}.${t}PUNCT${t}_${t}_${t}3${t}punct${t}_${t}_"
  echo
  echo "# text = Le chien du voisin a mangé."
  echo "1${t}Le${t}le${t}DET${t}_${t}_${t}2${t}det${t}_${t}_"
  echo "2${t}chien${t}chien${t}NOUN${t}_${t}_${t}6${t}nsubj${t}_${t}_"
  echo "3-4${t}du${t}_${t}_${t}_${t}_${t}_${t}_${t}_${t}_"
  echo "3${t}de${t}de${t}ADP${t}_${t}_${t}5${t}case${t}_${t}_"
  echo "4${t}le${t}le${t}DET${t}_${t}_${t}5${t}det${t}_${t}_"
  echo "5${t}voisin${t}voisin${t}NOUN${t}_${t}_${t}2${t}nmod${t}_${t}_"
  echo "6${t}a${t}avoir${t}AUX${t}_${t}Mood=Ind|Tense=Pres|VerbForm=Fin${t}7${t}aux${t}_${t}_"
  echo "7${t}mangé${t}manger${t}VERB${t}_${t}Tense=Past|VerbForm=Part${t}0${t}root${t}_${t}_"
  echo "8${t}.${t}.${t}PUNCT${t}_${t}_${t}7${t}punct${t}_${t}_"
  echo
} >"$TMP/tiny.conllu"

run "$VEILLE" train-tagger --train "$TMP/tiny.conllu" --eval "$TMP/tiny.conllu" -o "$TMP/a.bin" --iterations 3
expect_rc 0 "train-tagger on a tiny treebank"
grep -q "tiny.conllu .* 100.00%" "$TMP/out" && pass "reports accuracy" || { fail "no accuracy line"; cat "$TMP/out"; }
head -c 22 "$TMP/a.bin" | grep -q "veille-tagger-model 1" && pass "versioned header" || fail "no header"

run "$VEILLE" train-tagger --train "$TMP/tiny.conllu" -o "$TMP/b.bin" --iterations 3
expect_same_file "$TMP/a.bin" "$TMP/b.bin" "deterministic model (two trainings, same bytes)"

printf '1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_\n2\tchat\tchat\tNOUNISH\t_\t_\t0\troot\t_\t_\n' >"$TMP/bad.conllu"
run "$VEILLE" train-tagger --train "$TMP/bad.conllu" -o "$TMP/c.bin"
expect_rc 3 "malformed CoNLL-U"
expect_err "bad.conllu:2: unknown UPOS"

run "$VEILLE" train-tagger -o "$TMP/c.bin"
expect_rc 2 "no --train"
finish
