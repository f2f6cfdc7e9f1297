#!/usr/bin/env bash
# Installs the system packages the app and its tests need, when they are missing.
# Debian/Ubuntu only; elsewhere it says what to install and carries on.
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk
          fonts-dejavu-core poppler-utils gettext chromium pgbouncer)
missing=()
if command -v dpkg-query >/dev/null; then
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
else
  echo "system-deps: not a Debian system; install Pango, Noto fonts (with CJK), poppler-utils, gettext, Chromium and PgBouncer (for bench/two_nodes.py) yourself." >&2
  exit 0
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "system-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
