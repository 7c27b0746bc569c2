#!/usr/bin/env bash
# The one test command (README): lint, typecheck, unit + integration tests (embedded PGlite), build,
# the start command's tests (scripts/, a real `npm start` and `pnpm start`),
# and the browser smoke test in real Chromium. With DATABASE_URL set, the database tests run on that
# PostgreSQL server instead (each test file in its own scratch database).
#
# With arguments (`pnpm test apps/api/src/env.test.ts …`) it runs only those test files (or
# folders), each with its own package's test runner, and nothing else.
set -euo pipefail
# pnpm runs this in the repository root; INIT_CWD is where the command was typed.
from="${INIT_CWD:-$PWD}"
cd "$(dirname "$0")/.."
root="$PWD"

if [ $# -gt 0 ]; then
  pnpm exec turbo run generate --output-logs=errors-only
  for arg in "$@"; do
    path="$(cd "$from" && realpath -m -- "$arg")"
    if [ ! -e "$path" ]; then echo "pnpm test: no such test file or folder: $arg" >&2; exit 2; fi
    # The package the file belongs to: the nearest folder above it with a package.json.
    package="$(dirname "$path")"
    [ -d "$path" ] && package="$path"
    while [ "$package" != "$root" ] && [ ! -f "$package/package.json" ]; do package="$(dirname "$package")"; done
    # The start command's own tests (scripts/) use Node's test runner.
    if [ "$package" = "$root" ] && [[ "$path" == "$root/scripts/"* ]]; then node --test "$path"; continue; fi
    if [ "$package" = "$root" ]; then echo "pnpm test: $arg is not in a package (apps/*, packages/*, e2e, scripts)" >&2; exit 2; fi
    (cd "$package" && pnpm test "${path#"$package"/}")
  done
  exit 0
fi

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "lint";       pnpm exec prettier --check . --log-level warn
pnpm exec turbo run lint --concurrency=2
step "typecheck";  pnpm exec turbo run typecheck --concurrency=2
step "unit and integration tests (${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-PGlite})"
pnpm exec turbo run test --filter='!@atelier/e2e' --concurrency=1
step "build";      pnpm exec turbo run build --concurrency=2
step "start command (scripts/: lint, then its tests with a real npm start and pnpm start)"
pnpm exec eslint scripts
node --test scripts/
step "browser smoke test (Chromium)"
pnpm --filter @atelier/e2e test
