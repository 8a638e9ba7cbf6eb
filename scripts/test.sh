#!/usr/bin/env bash
# `npm test`: everything that must hold before a change lands, cheapest first, stopping at the first failure.
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
step "unit and API tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step "end-to-end tests (Chromium)"
# one after the other: side by side (tried) both crawl, the two suites keep these 2 cores busy each on its own
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json

node scripts/test-summary.mjs
