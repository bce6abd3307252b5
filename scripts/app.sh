#!/usr/bin/env bash
# Quick start, step 1: install, create and migrate the SQLite database, seed the demo province,
# build, and serve the app at http://localhost:3000 (PORT overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npm run --silent db:generate
npm run --silent db:deploy
DEMO_MODE=true npm run --silent db:seed
echo "› Building…"
npm run --silent build
echo "› Starting…"
# The quick start is the demo: the README's accounts work and every page says "bản demo".
DEMO_MODE=true NODE_ENV=production exec node_modules/.bin/tsx server.ts
