#!/usr/bin/env bash
# veille serve over real sockets (curl on loopback): the page, the JSON API, 4xx JSON
# errors for bad input and path traversal, read-only use of the database (its bytes do
# not change; a concurrent veille ingest is seen), a missing database, clean shutdown.
source "$(dirname "$0")/lib.bash"
command -v curl >/dev/null || { echo "skip: no curl"; exit 77; }
db="$TMP/corpus.db"

run "$VEILLE" serve --db "$TMP/missing.db" --port 0
expect_rc 3 "serve on a missing database"
expect_err "no such database"

run "$VEILLE" ingest "$SRC/samples/articles" --db "$db"
expect_rc 0 "ingest the articles"

start_serve "$db"
sum_before=$(sha256sum "$db" | cut -d' ' -f1)

# get [CURL-ARGS...] TARGET: status in $status, body in $TMP/body
get() { status=$(curl -s -o "$TMP/body" -w '%{http_code}' "${@:1:$#-1}" "$base${!#}"); }
expect() {  # expect STATUS WHAT [TEXT-IN-BODY]
  [[ $status == "$1" ]] && pass "$2 ($status)" || { fail "$2: status $status, expected $1"; cat "$TMP/body"; echo; }
  if [[ -n ${3:-} ]]; then
    grep -qF -- "$3" "$TMP/body" && pass "body has '$3'" || { fail "body lacks '$3'"; cat "$TMP/body"; echo; }
  fi
}

get /;                                 expect 200 "the page" '<svg id="timeline"'
get /static/app.js;                    expect 200 "the script" 'function byteIndex'
get /api/health;                       expect 200 "health" '"ok": true'
docs=$(grep -o '"documents": [0-9]*' "$TMP/body" | grep -o '[0-9]*$')
get /api/actors;                       expect 200 "actors" '"id": "country:RUS"'
get "/api/events?actor=country:RUS";   expect 200 "events of Russia" '"doc_key": '
get "/api/events?actor=RUS&with=country:VEN"; expect 200 "events between Russia and Venezuela" '"events": ['
get "/api/timeline?a=country:RUS";     expect 200 "timeline" '"month": "20'
get "/api/graph";                      expect 200 "graph" '"edges": [{"a": '
get "/api/search?q=sanctions";         expect 200 "search" '"snippet": '
get "/api/document?doc=1";             expect 200 "document" '"sentences": [{"n": 0'

get "/api/events?actor=Atlantide";     expect 404 "unknown actor" '{"error": "unknown actor: Atlantide"}'
get "/api/events?from=2024-99";        expect 400 "malformed date" '"error": "from: expected a date'
get "/api/events?limit=100000";        expect 400 "limit too large" '"error": "limit: '
get "/api/events?actor=%27%3B%20DROP%20TABLE%20events%3B--"; expect 404 "SQL in a parameter is a value" '"error": "unknown actor'
get "/api/search?q=$(head -c 400 /dev/zero | tr '\0' a)"; expect 400 "long parameter" '"error": "q: longer than'
get "/api/search?q=$(head -c 3000 /dev/zero | tr '\0' a)"; expect 414 "long query string" '"error": "request target longer'
get "/api/search?q=$(head -c 20000 /dev/zero | tr '\0' a)"; expect 414 "query string over the server's own limit" '"error": '
get --path-as-is /static/../../../etc/passwd; expect 400 "path traversal" '"error": '
get /static/%2e%2e/%2e%2e/CMakeLists.txt; expect 400 "encoded path traversal" '"error": '
get --path-as-is /../../etc/passwd;    expect 400 "traversal at the root" '"error": '
get /etc/passwd;                       expect 404 "no such route" '"error": "no such route"'
get /static/nothing.js;                expect 404 "no such file" '"error": "no such file"'
get -X POST --data x /api/events;               expect 405 "POST" '"error": "only GET and HEAD"'
get -H 'Content-Type: application/json' -X PUT --data '{}' /api/health; expect 405 "PUT" '"error": '

# The server still answers after all that.
get /api/health;                       expect 200 "health after bad requests" "\"documents\": $docs"
[[ $(sha256sum "$db" | cut -d' ' -f1) == "$sum_before" ]] && pass "database bytes unchanged" \
  || fail "the database changed under serve"

# A concurrent writer: veille ingest adds the other samples while serve answers.
"$VEILLE" ingest "$SRC/samples/wire.jsonl" "$SRC/samples/crawl.warc.gz" --db "$db" 2>"$TMP/ingest.err" &
ipid=$!
bad=0
while kill -0 $ipid 2>/dev/null; do
  get /api/health; [[ $status == 200 ]] || bad=$((bad + 1))
  get "/api/events?actor=RUS"; [[ $status == 200 ]] || bad=$((bad + 1))
done
wait $ipid && pass "ingest while serving" || { fail "ingest while serving"; cat "$TMP/ingest.err"; }
((bad == 0)) && pass "every request answered during the ingest" || fail "$bad requests failed during the ingest"
get /api/health
now=$(grep -o '"documents": [0-9]*' "$TMP/body" | grep -o '[0-9]*$')
((now > docs)) && pass "the new documents are seen ($docs -> $now)" || fail "documents $docs -> $now"

kill -TERM $pid
wait $pid; rc=$?
expect_rc 0 "serve stops on SIGTERM"
finish
