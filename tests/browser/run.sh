#!/usr/bin/env bash
# Runs the browser test against a real `vigia serve` holding the sample corpus.
# Usage (from the repo root): tests/browser/run.sh [path/to/vigia]   (default target/release/vigia)
set -euo pipefail

BIN=${1:-target/release/vigia}
HERE=$(cd "$(dirname "$0")" && pwd)
[ -x "$BIN" ] || { echo "run.sh: no vigia binary at $BIN" >&2; exit 2; }

# The system Chromium (playwright-core downloads no browser).
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund)
fi

TMP=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

"$BIN" ingest examples/lima-2023 --db "$TMP/demo.db" --no-progress

# A free port: ask the kernel for one, then release it for the server.
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$BIN" serve --db "$TMP/demo.db" --addr "127.0.0.1:$PORT" 2>"$TMP/serve.log" &
SERVER=$!
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  if curl -fsS "$URL/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$TMP/serve.log" >&2; echo "run.sh: server exited" >&2; exit 2; fi
  sleep 0.2
done
curl -fsS "$URL/api/health" >/dev/null || { cat "$TMP/serve.log" >&2; echo "run.sh: server not healthy" >&2; exit 2; }

status=0
VIGIA_URL="$URL" node "$HERE/story.test.mjs" || status=$?
exit $status
