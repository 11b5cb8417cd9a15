#!/bin/sh
# Times, per PDF, poppler's `pdftotext -layout` (extraction alone, process
# start included) against `govreport parse` (PDF to checked JSON, process
# start included), each run N times; then the in-process Go benchmarks.
# Usage, from the repository root: sh scripts/pdf/bench.sh [N] [PDF...]
set -eu
n=${1:-20}
[ $# -gt 0 ] && shift
files=${*:-$(ls corpus/pdf/*.pdf ../shared/field/*.pdf 2>/dev/null)}
bin=$(mktemp -d)/govreport
go build -o "$bin" ./cmd/govreport
ms() { # ms CMD...: mean wall milliseconds of N runs
	s=$(date +%s%N)
	i=0
	while [ $i -lt "$n" ]; do "$@" >/dev/null 2>&1 || true; i=$((i + 1)); done
	e=$(date +%s%N)
	echo $(( (e - s) / n / 1000000 ))
}
printf '%-50s %12s %14s\n' file "pdftotext ms" "govreport ms"
for f in $files; do
	printf '%-50s %12s %14s\n' "$(basename "$f")" "$(ms pdftotext -layout "$f" -)" "$(ms "$bin" parse "$f")"
done
go test ./parser/pdf ./parser/pdf/internal/benchparse -run XXX -bench . -benchtime "${n}x" | grep -E '^Benchmark'
