#!/usr/bin/env bash
# The PostgreSQL end-to-end run puts two replicas behind nginx (deploy/nginx.ts starts it with a config of its
# own; no system service is used). Installs Debian's nginx when missing and this runs as root.
set -euo pipefail
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing nginx for the replica tests (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nginx >/dev/null
  # the package may start the system's own nginx on port 80; the tests never use it
  (service nginx stop || true) >/dev/null 2>&1
  exit 0
fi
echo "The replica tests need nginx. Install it with:  sudo apt-get install -y nginx" >&2
exit 1
