#!/usr/bin/env bash
# Installs the readers researchers load the convert outputs with, where
# Debian packages them: pandas (CSV, SQLite) and openpyxl (XLSX), and base
# R (read.csv) for cmd/govreport/readers_test.go, which skips without them
# on a developer's machine and fails without them when CI is set. Needs
# root (apt-get).
#
# Measured on Debian 12 with the package lists fresh: r-base-core takes
# 18 s (about 40 MB with its libraries); r-cran-readr would add 42 s
# (its tidyverse dependencies) for an alternative spelling of the same
# read, so CI runs read.csv and the test runs readr's line only where
# readr is installed. Debian packages no R arrow and no Stata.
set -euo pipefail

pkgs=()
/usr/bin/python3 -c 'import pandas, openpyxl' 2>/dev/null || pkgs+=(python3-pandas python3-openpyxl)
command -v Rscript >/dev/null || pkgs+=(r-base-core)
if [ ${#pkgs[@]} -eq 0 ]; then
	echo "install-readers: pandas, openpyxl and R already installed"
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${pkgs[@]}"
/usr/bin/python3 -c 'import pandas; print("pandas", pandas.__version__)'
Rscript --version
