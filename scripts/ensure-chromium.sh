#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (Playwright cannot download its own browser here) and need a
# CJK font so that Chinese text renders in screenshots (the fee slip PDF embeds it too); the PDF tests turn pages
# into images with poppler-utils. Installs what is missing when running as root.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
have_font() { fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy\|noto sans cjk'; }
if [ -x "$CHROMIUM" ] && have_font && command -v pdftoppm >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium, a CJK font and poppler-utils for the tests (apt-get, about a minute)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-wqy-microhei poppler-utils >/dev/null
  exit 0
fi
echo "The tests need Chromium at $CHROMIUM, a CJK font and poppler-utils. Install them with:" >&2
echo "  sudo apt-get install -y chromium fonts-wqy-microhei poppler-utils" >&2
echo "(or set CHROMIUM_PATH to another Chromium binary)." >&2
exit 1
