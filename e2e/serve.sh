#!/usr/bin/env bash
# The server the end-to-end tests run against: a fresh data folder each run, the demo data, the built SPA.
set -euo pipefail
export DATA_DIR="${E2E_DATA_DIR:-$(mktemp -d /tmp/certdesk-e2e.XXXXXX)}"
export HOST=127.0.0.1 LOGIN_RATE_PER_MINUTE=1000 LOG_LEVEL=warn
exec npx tsx server/cli/start.ts
