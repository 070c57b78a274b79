#!/usr/bin/env bash
# Installs Debian's `chromium` package for the report's browser test (tests/Kam.Core.Tests/Cli/ChromiumTests.cs)
# when it is missing. Acts only on CI (CI=true) as root; anywhere else it says what to do and exits 0, and the
# browser test skips with its reason. Idempotent: does nothing when /usr/bin/chromium exists.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ "${CI:-}" != "true" ] || [ "$(id -u)" -ne 0 ]; then
  echo "chromium: not installed; the browser test will be skipped. Install it with: sudo apt-get install -y chromium"
  exit 0
fi

echo "chromium: installing Debian's chromium package"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium
/usr/bin/chromium --version
