# Helpers for the CLI tests: sourced by each test with $1 = veille binary, $2 = source dir.
set -u
VEILLE=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
# run CMD...: runs with stdout in $TMP/out, stderr in $TMP/err, exit code in $rc
run() { "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }
expect_rc() { [[ $rc -eq $1 ]] && pass "$2 (exit $rc)" || { fail "$2: exit $rc, expected $1"; cat "$TMP/err"; }; }
expect_err() { grep -qF -- "$1" "$TMP/err" && pass "stderr has '$1'" || { fail "stderr lacks '$1'"; cat "$TMP/err"; }; }
expect_same_file() { cmp -s "$1" "$2" && pass "$3" || fail "$3: $1 and $2 differ"; }
expect_docs() {
  local n; n=$(grep -c '^{' "$TMP/out" || true)
  [[ $n -eq $1 ]] && pass "$1 documents" || fail "$n documents, expected $1"
}
finish() { if ((failures)); then echo "$failures failure(s)"; exit 1; fi; echo "all passed"; exit 0; }

# start_serve DB: runs veille serve on DB on a free loopback port, sets $pid and $base
# (http://127.0.0.1:PORT); the server is killed when the test exits.
start_serve() {
  "$VEILLE" serve --db "$1" --port 0 2>"$TMP/serve.err" &
  pid=$!
  trap 'kill $pid 2>/dev/null; rm -rf "$TMP"' EXIT
  for _ in $(seq 100); do
    grep -q "listening on" "$TMP/serve.err" 2>/dev/null && break
    sleep 0.1
  done
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$TMP/serve.err" | head -1)
  [[ -n $base ]] || { fail "serve did not start"; cat "$TMP/serve.err"; finish; }
}

# gen_dispatches DIR PARTS PER_PART SENTENCES: writes DIR/part-N.jsonl, generated French
# dispatches, all different (for the fault tests). Needs python3.
gen_dispatches() {
  python3 - "$@" <<'PY'
import os, sys
out, parts, per_part, sentences = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
os.makedirs(out)
who = ["Le ministre des Affaires étrangères", "La porte-parole du Kremlin", "Le président du Conseil",
       "La délégation cubaine", "L'ambassadeur du Venezuela", "Le chef de la diplomatie chinoise"]
did = ["a reçu", "a critiqué", "a félicité", "a menacé de sanctions", "a invité", "a rencontré"]
whom = ["son homologue brésilien", "les représentants de l'Union européenne", "le gouvernement de Caracas",
        "les autorités russes", "une mission de l'ONU"]
where = ["à Paris", "à Moscou", "à La Havane", "à Genève", "à Pékin"]
for part in range(parts):
    with open(os.path.join(out, f"part-{part}.jsonl"), "w", encoding="utf-8") as f:
        for k in range(per_part):
            i = part * per_part + k
            text = " ".join(f"{who[(i + s) % 6]} {did[(i * 3 + s) % 6]} {whom[(i + 2 * s) % 5]} {where[(i * s) % 5]} "
                            f"le {1 + (i + s) % 28} mars, indique le communiqué numéro {i * 10 + s}." for s in range(sentences))
            f.write('{"id": "d-%d", "date": "2024-03-%02d", "title": "Communiqué %d", "text": "%s"}\n'
                    % (i, 1 + i % 28, i, text))
PY
}
