#!/usr/bin/env bash
# The veille serve page end to end in a real browser: ingests samples/ into a temporary
# database, starts veille serve on a free loopback port, and runs
# tests/browser/page.test.mjs (playwright-core driving Debian's Chromium headless): load,
# choose an actor, click an event, see its sentence highlighted. Skipped (77) when
# chromium or node is absent (scripts/install-deps --browser installs them).
source "$(dirname "$0")/lib.bash"
chromium=${CHROMIUM:-/usr/bin/chromium}
[[ -x $chromium ]] || { echo "skip: no $chromium (scripts/install-deps --browser)"; exit 77; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "skip: no node/npm"; exit 77; }
major=$(node -p 'process.versions.node.split(".")[0]')
((major >= 20)) || { echo "skip: playwright-core needs Node.js 20 or later (node $(node --version))"; exit 77; }
dir="$SRC/tests/browser"
if [[ ! -f $dir/node_modules/playwright-core/package.json || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
  if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >"$TMP/npm.log" 2>&1; then
    cat "$TMP/npm.log"
    [[ ${CI:-} == true ]] && { fail "npm ci in tests/browser"; finish; }
    echo "skip: npm ci failed (no registry?)"; exit 77
  fi
fi

db="$TMP/corpus.db"
run "$VEILLE" ingest "$SRC/samples" --db "$db"
expect_rc 0 "ingest samples"
start_serve "$db"

if VEILLE_URL=$base CHROMIUM=$chromium timeout 240 node "$dir/page.test.mjs"; then
  pass "the page in Chromium"
else
  fail "the page in Chromium"
fi
finish
