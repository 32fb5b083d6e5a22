#!/usr/bin/env bash
# Checks the running API against its own OpenAPI document with schemathesis: every response
# must conform, schema-valid requests must be accepted and invalid ones refused.
# Usage: scripts/schemathesis.sh [path/to/vigia]   (from the repository root)
set -euo pipefail
bin=${1:-target/release/vigia}
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
command -v schemathesis >/dev/null || python3 -m pip install --quiet schemathesis
"$bin" ingest examples/lima-2023 --db "$tmp/api.db" --no-progress 2>/dev/null
token=$("$bin" token add schemathesis --db "$tmp/api.db" 2>/dev/null)
"$bin" serve --db "$tmp/api.db" --addr 127.0.0.1:0 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.log" | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$tmp/serve.log"; exit 1; }
schemathesis run "$url/api/openapi.json" --checks all --max-examples 50 --seed 1 \
  --header "Authorization: Bearer $token" --no-color
