#!/usr/bin/env bash
# Read-only database paths, beyond the cases of ingest.sh: a writable database in a
# read-only directory (its journal cannot be created), a read-only database file in
# a writable directory, and a database whose last writer was killed (a -wal file
# left behind) in a read-only directory. Writers must fail with a clear error naming
# the database and exit 3; readers must read everything or fail the same way; nothing
# may crash or change the database.
source "$(dirname "$0")/lib.bash"
# As root (which may write anywhere) run veille as nobody.
as_user=()
if [[ $(id -u) -eq 0 ]]; then
  command -v setpriv >/dev/null || { echo "skip: root without setpriv"; exit 77; }
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
chmod 755 "$TMP"
mkdir "$TMP/in"
printf 'Le ministre a reçu lundi à Paris son homologue cubain.\n' > "$TMP/in/a.txt"
printf 'La porte-parole du Kremlin a critiqué mardi les sanctions.\n' > "$TMP/in/b.txt"
chmod -R a+rX "$TMP/in"
sum() { cat "$1"* | sha256sum; }  # the database and its -wal/-shm files

# 1. A writable database in a read-only directory.
mkdir "$TMP/d1"
"$VEILLE" ingest "$TMP/in/a.txt" --db "$TMP/d1/x.db" -q || fail "setup ingest"
chown -R 65534:65534 "$TMP/d1" 2>/dev/null; chmod 644 "$TMP/d1/x.db"; chmod 555 "$TMP/d1"
before=$(sum "$TMP/d1/x.db")
run "${as_user[@]}" "$VEILLE" ingest "$TMP/in/b.txt" --db "$TMP/d1/x.db"
expect_rc 3 "ingest into a database whose directory is read-only"
expect_err "$TMP/d1/x.db"
[[ $(sum "$TMP/d1/x.db") == "$before" ]] && pass "the database is unchanged" || fail "the database changed"
run "${as_user[@]}" "$VEILLE" query --db "$TMP/d1/x.db" --text ministre
expect_rc 0 "query it"
grep -q '"doc":"a"' "$TMP/out" && pass "query finds the stored document" || fail "query result: $(cat "$TMP/out")"

# 2. A read-only database file in a writable directory.
mkdir "$TMP/d2"
"$VEILLE" ingest "$TMP/in/a.txt" --db "$TMP/d2/x.db" -q || fail "setup ingest"
chown -R 65534:65534 "$TMP/d2" 2>/dev/null; chmod 444 "$TMP/d2/x.db"
before=$(sha256sum < "$TMP/d2/x.db")
run "${as_user[@]}" "$VEILLE" ingest "$TMP/in/b.txt" --db "$TMP/d2/x.db"
expect_rc 3 "ingest into a read-only database file"
expect_err "database is read-only"
[[ $(sha256sum < "$TMP/d2/x.db") == "$before" ]] && pass "the database file is unchanged" || fail "the database file changed"
run "${as_user[@]}" "$VEILLE" export --db "$TMP/d2/x.db"
expect_rc 0 "export it"
expect_docs 1

# 3. A writer killed with its -wal file still there, then the directory made read-only:
# readers must see the committed documents or refuse clearly, never crash.
mkdir "$TMP/d3"
if command -v python3 >/dev/null; then
  "$VEILLE" ingest "$TMP/in" --db "$TMP/d3/x.db" -q || fail "setup ingest"
  # Keep a connection open while killed, so the WAL is not checkpointed away.
  python3 - "$TMP/d3/x.db" <<'PY' &
import sqlite3, sys, time, os, signal
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA wal_autocheckpoint=0")
v = db.execute("PRAGMA user_version").fetchone()[0]
db.execute(f"PRAGMA user_version = {v}")  # rewrites page 1, into the WAL
os.kill(os.getpid(), signal.SIGKILL)
PY
  wait $! 2>/dev/null
  if [[ -s "$TMP/d3/x.db-wal" ]]; then pass "a -wal file was left behind"; else echo "note: no -wal left"; fi
  chown -R 65534:65534 "$TMP/d3" 2>/dev/null; chmod 555 "$TMP/d3"
  run "${as_user[@]}" "$VEILLE" export --db "$TMP/d3/x.db"
  if [[ $rc -eq 0 ]]; then
    expect_docs 2
  else
    expect_rc 3 "export from a read-only directory with a -wal"
    expect_err "$TMP/d3/x.db"
  fi
  # A writer can use the -wal and -shm files that are there (no new file is needed), or
  # must refuse clearly; either way the database stays whole.
  printf 'Une délégation brésilienne est attendue jeudi à Genève.\n' > "$TMP/c.txt"; chmod 644 "$TMP/c.txt"
  run "${as_user[@]}" "$VEILLE" ingest "$TMP/c.txt" --db "$TMP/d3/x.db"
  if [[ $rc -eq 0 ]]; then
    pass "ingest there used the existing -wal (exit 0)"
    run "${as_user[@]}" "$VEILLE" export --db "$TMP/d3/x.db"
    expect_docs 3
  else
    expect_rc 3 "ingest there"
    expect_err "$TMP/d3/x.db"
  fi
  chmod 755 "$TMP/d3"
fi
chmod 755 "$TMP/d1"
finish
