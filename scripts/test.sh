#!/usr/bin/env bash
# `npm test`: everything that must hold before a change lands. The checks run cheapest first and stop at the
# first failure; then the unit and API tests and the end-to-end tests run side by side (below).
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 FORCE_COLOR=0
mkdir -p test-results
step() { printf '\n=== %s ===\n' "$1"; }

step "browser for the end-to-end tests"
bash scripts/ensure-chromium.sh
step "PostgreSQL server binaries for db/pg's tests"
bash scripts/ensure-postgres.sh
step "typecheck and lint, side by side"
npx vue-tsc --noEmit -p tsconfig.json &
typecheck=$!
npx eslint --max-warnings 0 .
wait "$typecheck"
step "production build"
npx vite build --logLevel warn
step "unit and API tests, and the end-to-end tests (Chromium) alongside them"
# Side by side: the end-to-end suite runs one test at a time and keeps about one core busy, so the unit and API
# tests get one worker per core left (with all of them both suites crawled: 2 cores shared by 4 busy processes).
# The unit tests' report is kept in test-results/vitest.log and printed once both have ended.
npx vitest run --maxWorkers="$(node scripts/cores-left.mjs)" --reporter=default --reporter=json --outputFile.json=test-results/vitest.json >test-results/vitest.log 2>&1 &
unit=$!
e2e=0
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json || e2e=$?
unit_status=0
wait "$unit" || unit_status=$?
step "unit and API tests (their report)"
cat test-results/vitest.log
[ "$unit_status" = 0 ] && [ "$e2e" = 0 ] || { node scripts/test-summary.mjs || true; exit 1; }

node scripts/test-summary.mjs
