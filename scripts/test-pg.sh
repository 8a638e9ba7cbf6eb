#!/usr/bin/env bash
# `npm run test:pg`: the API tests on a real PostgreSQL (a throwaway cluster: vitest.pg.config.ts), then the
# end-to-end suite in Chromium against two replicas behind nginx on PostgreSQL, one replica killed halfway
# (playwright.pg.config.ts). .ci/run runs it after `npm test`.
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
step "API tests on PostgreSQL (server, db and bench: core and web never touch a database)"
npx vitest run -c vitest.pg.config.ts server db bench --reporter=default --reporter=json --outputFile.json=test-results/vitest-pg.json
step "end-to-end tests on PostgreSQL, two replicas behind nginx, one killed halfway"
npx playwright test -c playwright.pg.config.ts

node scripts/test-summary.mjs pg
