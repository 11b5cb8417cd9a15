#!/usr/bin/env bash
# Installs headless Chromium (Debian's package) and a CJK font for the HTML
# page test of `govreport compare` (compare/chromium_test.go). The test
# skips without /usr/bin/chromium on a developer's machine and fails
# without it when CI is set, so CI runs this first. Needs root (apt-get).
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# Without a CJK font the page still renders (the test reads the DOM), but
# the screenshot shows boxes instead of Chinese.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then
	echo "install-chromium: chromium and fonts-noto-cjk already installed"
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}"
/usr/bin/chromium --version
