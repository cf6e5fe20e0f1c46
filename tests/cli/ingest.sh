#!/usr/bin/env bash
# veille ingest / query / export / timeline on the bundled samples: re-ingesting is a
# no-op, export gives back what extract writes, queries find what is there, bad input is
# reported and skipped, a database that cannot be written is a fatal error (exit 3).
source "$(dirname "$0")/lib.bash"
db="$TMP/corpus.db"

run "$VEILLE" extract "$SRC/samples"  # ingest finds near-duplicates and stories as extract does
cp "$TMP/out" "$TMP/extract.jsonl"
n=$(grep -c '^{' "$TMP/extract.jsonl")

run "$VEILLE" ingest "$SRC/samples" --db "$db"
expect_rc 0 "ingest samples"
expect_err "docs=$n new=$n present=0 errors=0"
[[ $(wc -l < "$TMP/err") -eq 1 ]] && grep -qE '^ingest: files=[0-9]+ docs=[0-9]+ new=[0-9]+ present=[0-9]+ errors=[0-9]+ warnings=[0-9]+ seconds=[0-9.]+$' "$TMP/err" \
  && pass "not a terminal: one summary line" || { fail "stderr is not one summary line"; cat "$TMP/err"; }

run "$VEILLE" ingest "$SRC/samples" --db "$db"
expect_rc 0 "ingest samples again"
expect_err "docs=$n new=0 present=$n"

run "$VEILLE" export --db "$db" --format jsonl
expect_rc 0 "export jsonl"
expect_same_file "$TMP/out" "$TMP/extract.jsonl" "export jsonl == extract output"
run "$VEILLE" export --db "$db"
expect_same_file "$TMP/out" "$TMP/extract.jsonl" "jsonl is the default export"

# Full-text search: stemmed, accents and case folded.
run "$VEILLE" query --db "$db" --text "ACCORDS"
expect_rc 0 "query --text"
grep -q '"doc":"002-maduro-kremlin-poutine"' "$TMP/out" && pass "accords finds the Maduro article" || { fail "accords"; cat "$TMP/out"; }
grep -q '"snippet":"[^"]*\[accords\]' "$TMP/out" && pass "snippet marks the match" || fail "no marked snippet"
run "$VEILLE" query --db "$db" --text "sécurité alimentaire" --format csv
head -1 "$TMP/out" | grep -qx 'doc,date,title,snippet' && pass "csv header" || { fail "csv header"; cat "$TMP/out"; }
[[ $(wc -l < "$TMP/out") -eq 2 ]] && grep -q '\[sécurité\] \[alimentaire\]' "$TMP/out" && pass "one document about food security" || { fail "food security"; cat "$TMP/out"; }
run "$VEILLE" query --db "$db" --text "accord" --format table --limit 1
sed -n 2p "$TMP/out" | grep -q '^─' && [[ $(wc -l < "$TMP/out") -eq 3 ]] && pass "table: header, rule, one row" || { fail "table"; cat "$TMP/out"; }
run "$VEILLE" query --db "$db" --text "xylophone"
expect_rc 0 "no match is not an error"
[[ ! -s "$TMP/out" ]] && pass "no match, no output" || fail "output for no match"

# Events and quotes come from later stages: put two in, as those stages would, and query them.
if command -v python3 >/dev/null; then
  python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# The pipeline's own events and quotes vary with the dictionaries: replace them by two known ones.
db.execute("DELETE FROM events")
db.execute("DELETE FROM quotes")
doc, text = db.execute("SELECT doc, text FROM documents WHERE id = '002-maduro-kremlin-poutine'").fetchone()
def span(w):
    b = text.encode(); s = b.find(w.encode()); return s, s + len(w.encode())
ms, me = span("Maduro"); ps, pe = span("Poutine")
ev = "INSERT INTO events VALUES (?,?,0,?,?,'e',?,?,?,?,?,?,?,?,?,?,?,?,?,?,'AGREE',?,?,'asserted',?,NULL,NULL,NULL,NULL,'test:1')"
db.execute(ev, (doc, 0, ms, pe, 'person:maduro-nicolas', 'Nicolás Maduro', 'VENGOV', ms, me, 'Maduro',
                'person:putin-vladimir', 'Vladimir Poutine', 'RUSGOV', ps, pe, 'Poutine', '036', '03', 4.0, 1, None))
db.execute(ev, (doc, 1, ms, pe, 'person:putin-vladimir', 'Vladimir Poutine', 'RUSGOV', ps, pe, 'Poutine',
                'person:maduro-nicolas', 'Nicolás Maduro', 'VENGOV', ms, me, 'Maduro', '057', '05', 8.0, 1, '2024-12-02'))
db.execute("INSERT INTO quotes VALUES (?,0,?,?,'x','direct',?,?,'Poutine','person:putin-vladimir','Vladimir Poutine','RUSGOV','a dit','test:2')",
           (doc, ms, me, ps, pe))
db.commit()
PY
  run "$VEILLE" query --db "$db" --actor VEN
  [[ $(grep -c '"code"' "$TMP/out") -eq 2 ]] && pass "query --actor VEN: 2 events" || { fail "--actor VEN"; cat "$TMP/out"; }
  run "$VEILLE" query --db "$db" --source "vladimir poutine" --format csv
  [[ $(wc -l < "$TMP/out") -eq 2 ]] && grep -q '^002-maduro-kremlin-poutine,2024-12-02,Vladimir Poutine,RUSGOV,057,' "$TMP/out" \
    && pass "query --source by name, csv" || { fail "--source"; cat "$TMP/out"; }
  run "$VEILLE" query --db "$db" --root 03 --from 2024-11 --to 2024-11
  grep -q '"code":"036"' "$TMP/out" && ! grep -q '"code":"057"' "$TMP/out" && pass "query --root --from --to" || { fail "--root"; cat "$TMP/out"; }
  run "$VEILLE" query --db "$db" --quotes --speaker person:putin-vladimir
  grep -q '"speaker":"Vladimir Poutine"' "$TMP/out" && grep -q '"verb":"a dit"' "$TMP/out" && pass "quotes by speaker" || { fail "--speaker"; cat "$TMP/out"; }
  run "$VEILLE" timeline --db "$db" country:VEN person:putin-vladimir
  expect_rc 0 "timeline with no events between them"
  expect_err "no dated events between"
  run "$VEILLE" timeline --db "$db" RUS person:maduro-nicolas
  expect_rc 0 "timeline"
  [[ $(grep -c '"kind":"event"' "$TMP/out") -eq 2 ]] && pass "timeline: both directions" || { fail "timeline events"; cat "$TMP/out"; }
  grep -q '"kind":"month","month":"2024-11","events":1,"goldstein":4' "$TMP/out" && grep -q '"month":"2024-12","events":1,"goldstein":8' "$TMP/out" \
    && pass "timeline: by month" || { fail "timeline months"; cat "$TMP/out"; }
  run "$VEILLE" timeline --db "$db" Poutine Maduro --format table
  grep -q '^By month' "$TMP/out" && grep -q '^2024-12 ' "$TMP/out" && pass "timeline table" || { fail "timeline table"; cat "$TMP/out"; }
  run "$VEILLE" export --db "$db" --format csv
  head -1 "$TMP/out" | grep -q '^doc,date,source,source_actor,code,' && [[ $(wc -l < "$TMP/out") -eq 3 ]] \
    && pass "export csv: one row per event" || { fail "export csv"; cat "$TMP/out"; }
fi

# Bad input: reported with the file name, the rest is ingested, exit 1.
printf 'Le ministre a reçu hier son homologue à Lisbonne pour parler des accords de pêche.\n' > "$TMP/good.txt"
head -c 1000 /dev/urandom > "$TMP/photo.txt"; printf '\0\0' >> "$TMP/photo.txt"
run "$VEILLE" ingest "$TMP/photo.txt" "$TMP/missing.txt" "$TMP/good.txt" --db "$db"
expect_rc 1 "bad inputs are partial"
expect_err "photo.txt: binary data"
expect_err "missing.txt"
expect_err "new=1 present=0 errors=2"
run "$VEILLE" query --db "$db" --text "pêches Lisbonne"
grep -q '"doc":"good"' "$TMP/out" && pass "the good file was ingested" || fail "good file missing"

# Usage errors.
run "$VEILLE" ingest --db "$db"
expect_rc 2 "ingest without inputs"
run "$VEILLE" query --db "$db" --text "  "
expect_rc 2 "empty --text"
run "$VEILLE" query --db "$db" --polarity maybe
expect_rc 2 "unknown polarity"

# Databases that cannot be used.
run "$VEILLE" ingest "$SRC/samples" --db "$TMP/no/such/dir/x.db"
expect_rc 3 "database in a missing directory"
expect_err "cannot create database: no directory"
run "$VEILLE" ingest "$SRC/samples" --db "$TMP"
expect_rc 3 "database path is a directory"
expect_err "is a directory"
run "$VEILLE" ingest "$SRC/samples" --db /proc/veille.db
expect_rc 3 "database on a read-only file system"
run "$VEILLE" query --db "$TMP/none.db" --text accord
expect_rc 3 "query a missing database"
expect_err "no such database"
[[ ! -e "$TMP/none.db" ]] && pass "query does not create a database" || fail "query created a database"
# Permissions: as root (which may write anywhere) run these as nobody.
as_user=()
if [[ $(id -u) -eq 0 ]]; then
  if command -v setpriv >/dev/null; then as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups); else as_user=(skip); fi
fi
if [[ ${as_user[0]:-} != skip ]]; then
  chmod 755 "$TMP"; mkdir "$TMP/ro"
  cp "$db" "$TMP/ro/ro.db"; cp "$TMP/good.txt" "$TMP/ro/good.txt"
  chmod 444 "$TMP/ro/ro.db" "$TMP/ro/good.txt"; chmod 555 "$TMP/ro"
  run "${as_user[@]}" "$VEILLE" ingest "$TMP/ro/good.txt" --db "$TMP/ro/ro.db"
  expect_rc 3 "read-only database file"
  expect_err "database is read-only"
  run "${as_user[@]}" "$VEILLE" query --db "$TMP/ro/ro.db" --text "pêche"
  expect_rc 0 "a read-only database can be queried"
  grep -q '"doc":"good"' "$TMP/out" && pass "query on a read-only database finds" || fail "query on read-only database"
  run "${as_user[@]}" "$VEILLE" ingest "$TMP/ro/good.txt" --db "$TMP/ro/new.db"
  expect_rc 3 "unwritable directory"
  expect_err "is not writable"
  chmod 755 "$TMP/ro"
fi
printf 'pas une base de données\n' > "$TMP/text.db"
run "$VEILLE" ingest "$TMP/good.txt" --db "$TMP/text.db"
expect_rc 3 "a file that is not a database"
if command -v python3 >/dev/null; then
  cp "$db" "$TMP/new.db"
  python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version = 99"); c.commit()' "$TMP/new.db"
  run "$VEILLE" ingest "$TMP/good.txt" --db "$TMP/new.db"
  expect_rc 3 "database from a newer veille"
  expect_err "newer than this veille supports"
  run "$VEILLE" query --db "$TMP/new.db" --text accord
  expect_rc 3 "query a database from a newer veille"
fi
finish
