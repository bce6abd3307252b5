#!/usr/bin/env bash
# The app as Playwright sees it: the production build on its own port and its own fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${E2E_PORT:-3100}"
db="tests/.tmp/e2e-${port}.db"
export DATABASE_URL="file:./${db}"
mkdir -p tests/.tmp
rm -f "$db" "$db-wal" "$db-shm"
npm run --silent db:deploy
DEMO_MODE=true npm run --silent db:seed
DEMO_MODE=true NODE_ENV=production PORT="$port" COOKIE_SECURE=false exec node_modules/.bin/tsx server.ts
