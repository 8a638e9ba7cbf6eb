#!/usr/bin/env bash
# `npm run test:pg`: the API tests on a real PostgreSQL (a throwaway cluster: vitest.pg.config.ts) and, alongside
# them, the end-to-end suite in Chromium against two replicas behind nginx on a PostgreSQL of its own, one
# replica killed halfway (playwright.pg.config.ts). .ci/run runs it after `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 FORCE_COLOR=0
export PATH="$PATH:/usr/sbin"
mkdir -p test-results
step() { printf '\n=== %s ===\n' "$1"; }

step "PostgreSQL, nginx and the browser"
bash scripts/ensure-postgres.sh
bash scripts/ensure-nginx.sh
bash scripts/ensure-chromium.sh
step "production build"
[ -f dist/index.html ] || npx vite build --logLevel warn
step "API tests on PostgreSQL (server, db and bench: core and web never touch a database), and alongside them the end-to-end tests on two replicas behind nginx, one killed halfway"
# side by side, as in scripts/test.sh: the end-to-end run keeps about one core busy, the API tests get the rest
npx vitest run -c vitest.pg.config.ts --maxWorkers="$(node scripts/cores-left.mjs)" server db bench --reporter=default --reporter=json --outputFile.json=test-results/vitest-pg.json >test-results/vitest-pg.log 2>&1 &
api=$!
e2e=0
npx playwright test -c playwright.pg.config.ts || e2e=$?
api_status=0
wait "$api" || api_status=$?
step "API tests on PostgreSQL (their report)"
cat test-results/vitest-pg.log
[ "$api_status" = 0 ] && [ "$e2e" = 0 ] || { node scripts/test-summary.mjs pg || true; exit 1; }

node scripts/test-summary.mjs pg
