#!/usr/bin/env bash
# The server the end-to-end tests run against: a fresh data folder each run, the demo data, the built SPA,
# and mail sent over real SMTP to a loopback sink that files each message under $DATA_DIR/mail/ for the specs.
set -euo pipefail
export DATA_DIR="${E2E_DATA_DIR:-$(mktemp -d /tmp/certdesk-e2e.XXXXXX)}"
# every spec signs in, often several times: scrypt at 2^12 as in the API tests, not the product's 2^15 (~0.15 s
# of CPU per sign-in on these machines, a tenth of the suite's server time)
export HOST=127.0.0.1 LOGIN_RATE_PER_MINUTE=1000 LOG_LEVEL=warn PASSWORD_HASH_COST=12
mkdir -p "$DATA_DIR/mail"
rm -f "$DATA_DIR/mail/.smtp-url"
# the sink watches this shell's pid, which `exec` below hands to the server: it ends when the server does
npx tsx e2e/smtp-sink.ts "$DATA_DIR/mail" $$ &
for _ in $(seq 1 300); do [ -s "$DATA_DIR/mail/.smtp-url" ] && break; sleep 0.1; done
[ -s "$DATA_DIR/mail/.smtp-url" ] || { echo "the SMTP sink did not start" >&2; exit 1; }
export SMTP_URL="$(cat "$DATA_DIR/mail/.smtp-url")"
# what `npm start` runs: the server bundled by esbuild
node scripts/build-server.mjs
exec node --enable-source-maps dist-server/start.mjs
