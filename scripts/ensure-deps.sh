#!/usr/bin/env bash
# Installs the npm packages when node_modules is missing or older than the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› Installing npm packages (npm ci)…"
  # Prisma's CLI tries to download a native engine that this network cannot reach; generate never runs it.
  PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npm ci --no-audit --no-fund
fi
