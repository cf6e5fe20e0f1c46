#!/usr/bin/env bash
# The hand-coded event gold set validates, and its checker catches the errors it claims to catch.
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || { echo "python3 absent: skipped"; exit 77; }
CHECK=$SRC/tests/data/events/check-gold.py
GOLD=$SRC/tests/data/events/gold.tsv

run python3 "$CHECK" "$GOLD"
expect_rc 0 "gold.tsv validates"
grep -q ', 0 errors' "$TMP/out" && pass "no error reported" || fail "errors in gold.tsv: $(grep '^error' "$TMP/out" | head -5)"

# A broken copy: wrong id, wrong split, bad date, unknown actor, unknown polarity, curly apostrophe,
# and a missing column.
{
  printf 'g001\tdev\t2019-01-23\tWashington a reconnu Juan Guaidó.\tUSA>054>VEN>asserted\n'
  printf 'g003\tdev\t2019-01-24\tTexte.\t-\n'
  printf 'g003\tdev\t2013-01-24\tL\xe2\x80\x99armée a tiré.\tXXX>190>VEN>asserted\n'
  printf 'g004\tdev\t2019-01-24\tTexte deux.\tUSA>054>VEN>maybe\n'
  printf 'g005\tdev\t2019-01-24\tTexte trois.\n'
} >"$TMP/bad.tsv"
run python3 "$CHECK" "$TMP/bad.tsv"
expect_rc 1 "broken copy fails"
for msg in "id 'g003', want g002" "split 'dev', want 'test'" "outside 2015..2026" "curly apostrophe" \
           "unknown actor code 'XXX'" "polarity 'maybe'" "4 columns, want 5"; do
  grep -qF -- "$msg" "$TMP/out" && pass "reports: $msg" || fail "does not report: $msg"
done
finish
