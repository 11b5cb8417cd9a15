#!/usr/bin/env bash
# Installs the readers researchers load the convert outputs with, where
# Debian packages them: pandas (CSV, SQLite) and openpyxl (XLSX) for
# cmd/govreport/readers_test.go, which skips without them on a developer's
# machine and fails without them when CI is set. Needs root (apt-get).
set -euo pipefail

if /usr/bin/python3 -c 'import pandas, openpyxl' 2>/dev/null; then
	echo "install-readers: pandas and openpyxl already installed"
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends python3-pandas python3-openpyxl
/usr/bin/python3 -c 'import pandas; print("pandas", pandas.__version__)'
