#!/usr/bin/env bash
# Quick start, step 2: every test — unit, database, socket (Vitest) and browser (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/apt-install.sh /usr/bin/chromium chromium "the browser tests"
# A game is played through HAProxy in front of two processes (app/live/cluster/load-balancer.server.test.ts).
bash scripts/apt-install.sh haproxy haproxy "the load-balancer test"
npm run --silent db:generate
echo "› Type check…"
npx tsc
echo "› Unit, database and socket tests (Vitest)…"
npx vitest run
echo "› Building the app for the browser tests…"
npm run --silent build
echo "› Browser tests (Playwright, Chromium)…"
npx playwright test
