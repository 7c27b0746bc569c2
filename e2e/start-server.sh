#!/usr/bin/env bash
# Playwright's web server: builds the SPA, then runs the real API server on a fresh embedded
# database in a temporary folder (migrated and seeded on first start), removed again on exit.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data_dir="$(mktemp -d -t atelier-e2e-XXXXXX)"
server=""

stop() {
  if [ -n "$server" ]; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$data_dir"
}
trap stop EXIT
trap 'exit 143' TERM INT

(cd "$root/apps/web" && node_modules/.bin/vite build --logLevel warn)
cd "$root/apps/api"
DATA_DIR="$data_dir" PORT="${PORT:?PORT is required}" node_modules/.bin/tsx src/server.ts &
server=$!
wait "$server"
