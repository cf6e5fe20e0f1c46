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
expect_docs() {
  local n; n=$(grep -c '^{' "$TMP/out" || true)
  [[ $n -eq $1 ]] && pass "$1 documents" || fail "$n documents, expected $1"
}
finish() { if ((failures)); then echo "$failures failure(s)"; exit 1; fi; echo "all passed"; exit 0; }
