#!/usr/bin/env bash
# The HAProxy configuration in front of several app processes (docs/decisions/036), printed on stdout:
#   bash scripts/haproxy-config.sh <listen address:port> <maxconn> <app address:port>…
# Used by npm run scale:demo and by the test that plays a game through it
# (app/live/cluster/load-balancer.server.test.ts).
#
# Round robin with a sticky cookie: a cookie names the process, so Socket.IO's long-polling
# requests (the fallback when a network blocks WebSocket) reach the process that opened their
# session. WebSocket connections would need none: any process accepts them and the router
# forwards their requests to the game's process.
set -euo pipefail
if [ "$#" -lt 3 ]; then
  echo "usage: $0 <listen address:port> <maxconn> <app address:port>…" >&2
  exit 2
fi
listen="$1"
maxconn="$2"
shift 2
cat <<CFG
global
  maxconn $maxconn
  # Only notices on stderr: a process going DOWN or coming back UP, not every request.
  log stderr format raw local0 notice
defaults
  mode http
  log global
  option forwardfor
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h
  # A process busy with a large broadcast answers its health check late, not never.
  timeout check 5s
frontend web
  bind $listen
  default_backend app
backend app
  balance roundrobin
  cookie SANCHOI_NODE insert indirect nocache httponly
  option httpchk GET /readyz
CFG
index=0
for server in "$@"; do
  index=$((index + 1))
  echo "  server app$index $server check cookie app$index"
done
