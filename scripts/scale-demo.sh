#!/usr/bin/env bash
# npm run scale:demo — several app processes behind a load balancer on this machine
# (README "Several processes / several machines", docs/decisions/036 and 037):
#   SCALE_PROCESSES app processes (default 3) on ports APP_PORT_BASE+1… (default 4101…), each with
#   DATABASE_URL (PostgreSQL) and REDIS_URL, and HAProxy (Debian's haproxy package) on PORT
#   (default 3000) in front, round robin with a sticky cookie for Socket.IO's long-polling fallback.
# Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."

PROCESSES="${SCALE_PROCESSES:-3}"
PORT="${PORT:-3000}"
APP_PORT_BASE="${APP_PORT_BASE:-4100}"
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/sanchoi_scale}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

bash scripts/apt-install.sh haproxy haproxy "the load balancer in front of the processes"
case "$DATABASE_URL" in
  postgres*) ;;
  *) echo "Several processes share one PostgreSQL database: DATABASE_URL must be postgresql://…" >&2; exit 1 ;;
esac

bash scripts/ensure-deps.sh
npm run --silent db:generate

# The database: created if missing, migrated, seeded with the demo province the first time.
database="${DATABASE_URL##*/}"
database="${database%%\?*}"
server_url="${DATABASE_URL%/*}/postgres"
if ! psql "$server_url" -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  echo "› Creating the database $database…"
  psql "$server_url" -qc "CREATE DATABASE \"$database\""
fi
npm run --silent db:deploy
if [ "$(psql "$DATABASE_URL" -tAc 'SELECT COUNT(*) FROM "User"')" = "0" ]; then
  DEMO_MODE=true npm run --silent db:seed
fi
if [ ! -f build/server/index.js ]; then
  echo "› Building…"
  npm run --silent build
fi

workdir="$(mktemp -d /tmp/sanchoi-scale-XXXXXX)"
pids=()
stop_all() {
  trap - EXIT INT TERM
  echo "› Stopping…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$workdir"
}
trap stop_all EXIT INT TERM

servers=()
for index in $(seq 1 "$PROCESSES"); do
  app_port=$((APP_PORT_BASE + index))
  echo "› App process $index on 127.0.0.1:$app_port (log: $workdir/app$index.log)"
  DEMO_MODE=true NODE_ENV=production COOKIE_SECURE=false TRUST_PROXY=true HOST=127.0.0.1 PORT="$app_port" \
    node_modules/.bin/tsx server.ts >"$workdir/app$index.log" 2>&1 &
  pids+=("$!")
  servers+=("127.0.0.1:$app_port")
done

# Round robin with a sticky cookie for Socket.IO's long-polling fallback (scripts/haproxy-config.sh).
# Each proxied connection holds two file descriptors: stay within what this machine allows.
fd_limit="$(ulimit -Hn)"
[ "$fd_limit" = "unlimited" ] && fd_limit=120000
maxconn=$(( (fd_limit - 200) / 2 ))
[ "$maxconn" -gt 60000 ] && maxconn=60000
bash scripts/haproxy-config.sh "127.0.0.1:$PORT" "$maxconn" "${servers[@]}" >"$workdir/haproxy.cfg"
for _ in $(seq 1 120); do
  ready=0
  for index in $(seq 1 "$PROCESSES"); do
    curl -fsS "http://127.0.0.1:$((APP_PORT_BASE + index))/readyz" >/dev/null 2>&1 && ready=$((ready + 1))
  done
  [ "$ready" = "$PROCESSES" ] && break
  sleep 1
done
"$(command -v haproxy || echo /usr/sbin/haproxy)" -f "$workdir/haproxy.cfg" -db &
pids+=("$!")
echo "Sân chơi ASEAN: http://127.0.0.1:$PORT — $PROCESSES processes behind HAProxy, PostgreSQL $database, Redis $REDIS_URL"
wait -n "${pids[@]}"
