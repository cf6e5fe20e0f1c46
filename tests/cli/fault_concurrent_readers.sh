#!/usr/bin/env bash
# Readers while ingest writes: `veille export` and `veille query` run in a loop while
# an ingest adds documents in batches. No reader may fail, and each sees whole
# batches only: every export is a prefix (in ingest order) of the final export
# holding a whole number of batches, and a full-text query finds exactly the
# documents of one such state.
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || { echo "skip: python3 needed to generate the input"; exit 77; }

batch=50
gen_dispatches "$TMP/in" 8 250 6
db="$TMP/c.db"
# The first part alone creates the database, so readers have one from the start.
"$VEILLE" ingest "$TMP/in/part-0.jsonl" --db "$db" --batch $batch -q || { fail "first ingest"; finish; }

"$VEILLE" ingest "$TMP/in" --db "$db" --batch $batch -q 2>"$TMP/ingest.err" &
pid=$!
reads=0 errors=0
mkdir "$TMP/exports"
while kill -0 "$pid" 2>/dev/null; do
  reads=$((reads + 1))
  if ! "$VEILLE" export --db "$db" >"$TMP/exports/$reads" 2>"$TMP/reader.err"; then
    errors=$((errors + 1)); fail "export $reads failed"; cat "$TMP/reader.err"
  fi
  if ! "$VEILLE" query --db "$db" --text "communiqué" --limit 100000 --format jsonl >"$TMP/q" 2>"$TMP/reader.err"; then
    errors=$((errors + 1)); fail "query $reads failed"; cat "$TMP/reader.err"
  else
    n=$(grep -c '^{' "$TMP/q" || true)
    ((n % batch == 0)) || { errors=$((errors + 1)); fail "query $reads saw $n documents: not whole batches"; }
  fi
  if ! "$VEILLE" query --db "$db" --events --limit 5 --format jsonl >/dev/null 2>"$TMP/reader.err"; then
    errors=$((errors + 1)); fail "event query $reads failed"; cat "$TMP/reader.err"
  fi
done
wait "$pid" && pass "ingest finished while being read" || { fail "ingest failed"; cat "$TMP/ingest.err"; }
((errors == 0)) && pass "$reads rounds of export + 2 queries during the ingest, no reader error" || true
((reads >= 3)) && pass "at least 3 reading rounds overlapped the ingest" || fail "only $reads reading rounds overlapped the ingest"

"$VEILLE" export --db "$db" >"$TMP/final"
total=$(grep -c '^{' "$TMP/final")
((total == 2000)) && pass "2000 documents at the end" || fail "$total documents at the end, expected 2000"
bad=0 sizes=()
for f in "$TMP"/exports/*; do
  n=$(grep -c '^{' "$f" || true)
  sizes+=("$n")
  if ((n % batch != 0)) || ! cmp -s -n "$(stat -c %s "$f")" "$f" "$TMP/final" ||
     [[ -s $f && $(tail -c 1 "$f" | od -An -c | tr -d ' ') != '\n' ]]; then
    bad=$((bad + 1)); fail "export $(basename "$f"): $n documents, not a whole-batch prefix of the final export"
  fi
done
((bad == 0)) && pass "every export was a whole-batch prefix of the final one (documents seen: ${sizes[*]})"
finish
