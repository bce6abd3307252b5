#!/usr/bin/env bash
# Installs one of Debian's packages when its command is missing (quick start, CI, scale demo):
#   bash scripts/apt-install.sh <command> <package> <what it is for>
set -euo pipefail
command="$1"
package="$2"
purpose="$3"
# Debian puts daemons (haproxy) in /usr/sbin, outside a normal user's PATH.
if command -v "$command" >/dev/null 2>&1 || [ -x "$command" ] || [ -x "/usr/sbin/$command" ]; then exit 0; fi
echo "› Installing Debian's $package for $purpose…"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$package" >/dev/null; }; then
  echo "$package is needed for $purpose: sudo apt-get install -y $package" >&2
  exit 1
fi
