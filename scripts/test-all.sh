#!/usr/bin/env bash
# The one test command (README): lint, typecheck, unit + integration tests (embedded PGlite), build,
# and the browser smoke test in real Chromium. With DATABASE_URL set, the database tests run on that
# PostgreSQL server instead (each test file in its own scratch database).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "lint";       pnpm exec turbo run lint --concurrency=2
step "typecheck";  pnpm exec turbo run typecheck --concurrency=2
step "unit and integration tests (${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-PGlite})"
pnpm exec turbo run test --filter='!@atelier/e2e' --concurrency=1
step "build";      pnpm exec turbo run build --concurrency=2
step "browser smoke test (Chromium)"
pnpm --filter @atelier/e2e test
