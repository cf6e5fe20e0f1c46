#!/usr/bin/env bash
# A full disk during ingest: the database file may not grow past a size limit
# (ulimit -f, so writes fail with EFBIG; a small tmpfs gives ENOSPC the same way).
# ingest must stop with a clear error naming the database and exit 3 (fatal), leave
# a consistent database (integrity ok, only whole batches, readable by query and
# export), and a re-run with space must complete it to the same content as a clean run.
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || { echo "skip: python3 needed to inspect the database"; exit 77; }

# Generated dispatches, all different (a few hundred KB of database).
gen_dispatches "$TMP/in" 4 60 8

ingest() { "$VEILLE" ingest "$TMP/in" --db "$1" --batch 20 -q; }
state() {  # what a database holds: integrity, then the row counts, then the export
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("PRAGMA integrity_check").fetchone()[0])
for t in ("documents", "sentences", "entities", "timex", "tokens", "quotes", "events", "warnings", "documents_fts_docsize"):
    print(t, db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
PY
  "$VEILLE" export --db "$1"
}
count() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0])' "$1"; }

ingest "$TMP/clean.db" || { fail "clean ingest"; finish; }
state "$TMP/clean.db" > "$TMP/clean.state"
total=$(count "$TMP/clean.db")
((total == 240)) && pass "clean run: $total documents" || fail "clean run: $total documents, expected 240"
kb=$(( ($(stat -c %s "$TMP/clean.db") + 1023) / 1024 ))

# Limits from a tenth to four fifths of what the clean database needs.
for share in 10 30 50 80; do
  limit=$((kb * share / 100))
  db="$TMP/full-$share.db"
  # In a subshell, so only this ingest gets the limit.
  ( ulimit -f "$limit"; exec "$VEILLE" ingest "$TMP/in" --db "$db" --batch 20 ) >"$TMP/out" 2>"$TMP/err"
  rc=$?
  expect_rc 3 "ingest with a $limit KiB file size limit"
  grep -qF "$db" "$TMP/err" && pass "the error names the database" || { fail "error without the database's name"; cat "$TMP/err"; }
  grep -qiE "File too large|disk is full|No space left|ulimit -f" "$TMP/err" && pass "the error says why: $(grep -m1 -oiE 'File too large|disk is full|No space left|ulimit -f' "$TMP/err")" \
    || { fail "the error does not say the disk is full"; cat "$TMP/err"; }
  if [[ -e $db ]]; then
    [[ $(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$db") == ok ]] \
      && pass "integrity ok after the failure" || fail "integrity check failed after the failure"
    n=$(count "$db")
    ((n % 20 == 0 && n < total)) && pass "$n documents stored: whole batches only" || fail "$n documents stored after the failure"
    run "$VEILLE" export --db "$db"
    [[ $rc -eq 0 && $(grep -c '^{' "$TMP/out") -eq $n ]] && pass "export reads the $n documents" || fail "export after the failure (exit $rc)"
  fi
  ingest "$db" || fail "re-run with space"
  cmp -s <(state "$db") "$TMP/clean.state" && pass "re-run with space: same as the clean run" \
    || { fail "re-run differs from the clean run"; diff <(state "$db") "$TMP/clean.state" | head -5; }
done

# A real full file system when one can be mounted (root in a VM; not in most containers).
if [[ $(id -u) -eq 0 ]] && mkdir "$TMP/tmpfs" && mount -t tmpfs -o size=$((kb / 2))k tmpfs "$TMP/tmpfs" 2>/dev/null; then
  run "$VEILLE" ingest "$TMP/in" --db "$TMP/tmpfs/x.db" --batch 20
  expect_rc 3 "ingest on a full tmpfs"
  expect_err "$TMP/tmpfs/x.db"
  expect_err "no space left"
  [[ $(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$TMP/tmpfs/x.db") == ok ]] \
    && pass "integrity ok on the full tmpfs" || fail "integrity on the full tmpfs"
  umount "$TMP/tmpfs"
else
  echo "note: no tmpfs could be mounted; the size limit stands for a full disk"
fi
finish
