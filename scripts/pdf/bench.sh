#!/bin/bash
# Times, per PDF, poppler's `pdftotext -layout` (extraction alone) against
# `govreport parse` (PDF to checked JSON), each run N times as separate
# processes (start-up included); prints wall and CPU (user+system)
# milliseconds per run (CPU is the fairer figure on a loaded machine), then
# the in-process Go benchmarks (adapter alone, and whole parse).
# Usage, from the repository root: bash scripts/pdf/bench.sh [N] [PDF...]
set -eu
n=${1:-20}
[ $# -gt 0 ] && shift
files=${*:-$(ls corpus/pdf/*.pdf ../shared/field/*.pdf 2>/dev/null)}
bin=$(mktemp -d)/govreport
CGO_ENABLED=0 go build -o "$bin" ./cmd/govreport # as README installs it
TIMEFORMAT='%R %U %S'
per_run() { # per_run CMD...: "wall cpu" milliseconds per run over N runs
	local t
	t=$( { time (for ((i = 0; i < n; i++)); do "$@" >/dev/null 2>&1 || true; done); } 2>&1 )
	set -- $t
	awk -v r="$1" -v u="$2" -v s="$3" -v n="$n" 'BEGIN { printf "%6.1f %6.1f", r*1000/n, (u+s)*1000/n }'
}
printf '%-52s %20s %20s\n' "" "pdftotext -layout" "govreport parse"
printf '%-52s %20s %20s\n' file "wall ms  cpu ms" "wall ms  cpu ms"
for f in $files; do
	printf '%-52s %20s %20s\n' "$(basename "$f")" "$(per_run pdftotext -layout "$f" -)" "$(per_run "$bin" parse "$f")"
done
go test ./parser/pdf ./parser/pdf/internal/benchparse -run XXX -bench . -benchtime "${n}x" | grep -E '^Benchmark'
