#!/usr/bin/env bash
# Quick start, step 2: every test — unit, database, socket (Vitest) and browser (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
if [ ! -x /usr/bin/chromium ]; then
  echo "› Installing Debian's chromium for the browser tests…"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
npm run --silent db:generate
echo "› Type check…"
npx tsc
echo "› Unit, database and socket tests (Vitest)…"
npx vitest run
echo "› Building the app for the browser tests…"
npm run --silent build
echo "› Browser tests (Playwright, Chromium)…"
npx playwright test
