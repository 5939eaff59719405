#!/usr/bin/env bash
# One command for a fresh Debian or Ubuntu machine: installs Chromium (for the browser host)
# when it is missing, installs the project's packages, builds and starts Vigil.
set -euo pipefail
cd "$(dirname "$0")/.."

export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"

if [ ! -x "${VIGIL_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Installing Chromium from the distribution's packages (needed when Electron is absent)..."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium
  fi
fi

npm ci --no-audit --no-fund
exec npm start
