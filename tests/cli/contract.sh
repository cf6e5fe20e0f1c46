#!/usr/bin/env bash
# The extract contract, checked by ../shared/tools/check-contract on the real seeds and
# on the bundled samples.
source "$(dirname "$0")/lib.bash"
checker="$SRC/../shared/tools/check-contract"
if [[ ! -x "$checker" ]]; then echo "skip: no $checker"; exit 77; fi

run "$VEILLE" extract "$SRC/samples"
expect_rc 0 "samples extract cleanly"
"$checker" "$TMP/out" > "$TMP/check" 2>&1 && pass "samples: $(tail -1 "$TMP/check")" || { fail "samples contract"; cat "$TMP/check"; }

if [[ -d "$SRC/../shared/corpus/seeds" ]]; then
  run "$VEILLE" extract "$SRC/../shared/corpus/seeds" "$SRC/../shared/corpus/wikinews-fr-2012"
  expect_rc 0 "seeds and wikinews extract cleanly"
  "$checker" "$TMP/out" > "$TMP/check" 2>&1 && pass "corpus: $(tail -1 "$TMP/check")" || { fail "corpus contract"; cat "$TMP/check"; }
  n=$(grep -c '"lang":"fr"' "$TMP/out")
  [[ $n -ge 100 ]] && pass "$n documents identified as French" || fail "only $n documents identified as French"
fi
finish
