#!/usr/bin/env bash
# An interrupted ingest (kill -9 at any moment) leaves the database consistent, and a
# re-run completes it with nothing lost or doubled: the ingest is killed at random
# points at least 20 times and every database, once completed, equals a clean run's
# (same export, byte for byte; same row counts; same full-text hits; integrity ok).
source "$(dirname "$0")/lib.bash"

# A generated wire feed: short French dispatches, all different.
awk -v n=300 'BEGIN {
  ns = split("Le ministre des Affaires étrangères|La présidente du Conseil|Le porte-parole du gouvernement|L'"'"'ambassadeur de France|Le chef de la diplomatie russe|La délégation vénézuélienne|Le secrétaire général de l'"'"'ONU", S, "|");
  nv = split("a rencontré|a critiqué|a salué|a reçu|a menacé de sanctionner|a proposé un accord à|a condamné", V, "|");
  no = split("son homologue cubain|les représentants de l'"'"'Union européenne|le gouvernement de Caracas|les autorités de Moscou|une délégation chinoise|le président brésilien", O, "|");
  nl = split("à Paris|à Genève|à La Havane|à Bruxelles|à New York|à Brasilia", L, "|");
  nd = split("lundi|mardi|mercredi|jeudi|vendredi|samedi", D, "|");
  for (i = 0; i < n; i++) {
    text = "";
    for (k = 0; k < 6; k++) {
      j = i * 7 + k * 3;
      text = text sprintf("%s %s %s %s %s, selon la dépêche numéro %d. ", S[j % ns + 1], V[int(j / 2) % nv + 1],
                          O[int(j / 3) % no + 1], L[(i + k) % nl + 1], D[(i * k) % nd + 1], i * 10 + k);
    }
    printf("{\"id\":\"g-%d\",\"date\":\"2024-%02d-%02d\",\"title\":\"Dépêche %d\",\"text\":\"%s\"}\n",
           i, i % 12 + 1, i % 28 + 1, i, text);
  }
}' > "$TMP/wire.jsonl"
mkdir "$TMP/in"
split -l 75 "$TMP/wire.jsonl" "$TMP/in/part-" --additional-suffix=.jsonl
cp "$SRC"/samples/articles/*.txt "$TMP/in/"

ingest() { "$VEILLE" ingest "$TMP/in" --db "$1" --batch 20 2>"$TMP/ingest.err"; }

# What a database holds, in a form two databases can be compared by.
fingerprint() {
  "$VEILLE" export --db "$1" > "$TMP/fp"
  if command -v python3 >/dev/null; then
    python3 - "$1" >> "$TMP/fp" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("PRAGMA integrity_check").fetchone()[0])
for t in ("documents", "sentences", "removed", "entities", "timex", "tokens", "quotes", "events", "warnings",
          "documents_fts_docsize"):
    print(t, db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
PY
  fi
  cat "$TMP/fp"
}

start=$(date +%s%N)
ingest "$TMP/clean.db" || { fail "clean ingest"; cat "$TMP/ingest.err"; finish; }
ms=$((($(date +%s%N) - start) / 1000000))
fingerprint "$TMP/clean.db" > "$TMP/clean.fp"
docs=$(grep -c '^{' "$TMP/clean.fp")
((docs == 307)) && pass "clean run: $docs documents in $ms ms" || fail "clean run: $docs documents, expected 307"

stored() {  # documents committed in a database, "-" when there is none yet
  if [[ -e $1 ]] && command -v python3 >/dev/null; then
    python3 -c 'import sqlite3,sys
try: print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0])
except Exception: print("-")' "$1"
  else echo "-"; fi
}
# Bytes written so far: the database and its WAL (grows as batches are written).
bytes() { local t=0 f; for f in "$1" "$1-wal"; do [[ -e $f ]] && t=$((t + $(stat -c %s "$f"))); done; echo $t; }
final=$(bytes "$TMP/clean.db")

kills=0 rounds=0 attempts=0 partial=0 db="$TMP/k0.db" seen=()
check() {  # completes $db and compares it with the clean run
  ingest "$db" || { fail "completing run"; cat "$TMP/ingest.err"; }
  if cmp -s <(fingerprint "$db") "$TMP/clean.fp"; then pass "round $rounds ($1): same as the clean run"
  else fail "round $rounds ($1) differs from the clean run"; diff <(fingerprint "$db") "$TMP/clean.fp" | head; fi
  rounds=$((rounds + 1)); db="$TMP/k$rounds.db"
}
while ((kills < 21 && attempts < 60)); do
  attempts=$((attempts + 1))
  "$VEILLE" ingest "$TMP/in" --db "$db" --batch 20 2>/dev/null &
  pid=$!
  # The kill point: a random amount of the writing still to do, so that kills land
  # while documents are processed and written however loaded the machine is (a
  # point of 0 kills as soon as the database file is there, during startup).
  target=$(awk -v r=$RANDOM -v c="$(bytes "$db")" -v f="$final" 'BEGIN { printf "%d", c + r / 32768 * 0.9 * (f - c) }')
  while kill -0 "$pid" 2>/dev/null && [[ ! -e $db || $(bytes "$db") -lt $target ]]; do sleep 0.01; done
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null
    kills=$((kills + 1))
    # Documents committed at the kill: some but not all means it hit the writing.
    n=$(stored "$db")
    seen+=("$n")
    if [[ $n != - ]] && ((n > 0 && n < docs)); then partial=$((partial + 1)); fi
    # After seven interruptions of the same database, complete it and compare.
    if ((kills % 7 == 0)); then check "after 7 kills"; fi
  else
    wait "$pid" 2>/dev/null
    check "finished before the kill"
  fi
done
((kills >= 20)) && pass "$kills kills in $attempts runs" || fail "only $kills kills in $attempts runs"
if command -v python3 >/dev/null; then
  ((partial >= 10)) && pass "$partial kills landed mid-ingest (documents stored at each kill: ${seen[*]})" \
    || fail "only $partial kills landed mid-ingest (documents stored at each kill: ${seen[*]})"
fi
if [[ -e "$db" ]]; then check "last"; fi
finish
