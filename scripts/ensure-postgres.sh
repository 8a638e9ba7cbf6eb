#!/usr/bin/env bash
# The PostgreSQL tests (vitest.pg.config.ts, db/pg/*.test.ts) start a throwaway cluster of their own with initdb and
# pg_ctl (db/pg/test-server.ts): they need the server binaries, not a running service. Installs Debian's
# postgresql when they are missing and this runs as root.
set -euo pipefail
have_server() {
  [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ] && return 0
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && return 0
  command -v initdb >/dev/null
}
if have_server; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing PostgreSQL's server binaries for the tests (apt-get, about a minute)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  # the package starts a cluster of its own; the tests never use it
  if command -v pg_ctlcluster >/dev/null; then pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | while read -r v c; do pg_ctlcluster "$v" "$c" stop || true; done; fi
  exit 0
fi
echo "The PostgreSQL tests need the server binaries (initdb, pg_ctl). Install them with:" >&2
echo "  sudo apt-get install -y postgresql" >&2
echo "(or set PG_BIN to the folder holding initdb and pg_ctl)." >&2
exit 1
