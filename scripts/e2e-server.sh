#!/usr/bin/env bash
# The app as Playwright sees it: the production build on its own port and its own fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="file:./tests/.tmp/e2e.db"
mkdir -p tests/.tmp
rm -f tests/.tmp/e2e.db tests/.tmp/e2e.db-wal tests/.tmp/e2e.db-shm
npm run --silent db:deploy
npm run --silent db:seed
NODE_ENV=production PORT="${E2E_PORT:-3100}" COOKIE_SECURE=false exec node_modules/.bin/tsx server.ts
