#!/usr/bin/env bash
# Benchmark of `govreport convert` on a generated folder of reports.
#
#   scripts/bench/convert.sh [N_TEXT_HTML] [N_PDF]     (defaults 2000 and 200)
#
# Copies the corpus's HTML and text reports (and, separately, its PDFs)
# into a temporary folder until there are N of them, each made distinct by a
# trailing comment so that none is skipped as a duplicate, then converts the
# folder into every output format with -j 1 and -j 2 and prints reports/s
# and the peak resident memory (GNU time's %M: the largest of the parent
# and its workers). As baselines it times `govreport parse` on the same
# files in one process (the parser alone) and, for the PDFs, poppler's
# `pdftotext -layout` when it is installed. On a shared machine wall time
# depends on the neighbours: files per CPU-second (user+system time of the
# command and its workers) is the figure to compare with "per core".
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-2000}
NPDF=${2:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CGO_ENABLED=0 go build -o "$work/govreport" ./cmd/govreport # as README installs it
bin=$work/govreport

make_folder() { # dir count files...
	local dir=$1 n=$2
	shift 2
	local srcs=("$@") i=0
	mkdir -p "$dir"
	while [ "$i" -lt "$n" ]; do
		local src=${srcs[$((i % ${#srcs[@]}))]}
		local base ext
		base=$(basename "$src")
		ext=${base##*.}
		local dst="$dir/$((i % 20))/copy$i-${base}"
		mkdir -p "$(dirname "$dst")"
		cp "$src" "$dst"
		case $ext in
		html) printf '\n<!-- copy %d -->\n' "$i" >>"$dst" ;;
		pdf) printf '\n%%copy %d\n' "$i" >>"$dst" ;;
		*) # i's bits as blank lines with and without a space: distinct, and short
			local k=$i t='\n\n'
			while [ "$k" -gt 0 ]; do
				[ $((k & 1)) = 1 ] && t="$t \n" || t="$t\n"
				k=$((k >> 1))
			done
			printf "$t\n" >>"$dst" ;;
		esac
		i=$((i + 1))
	done
}

mapfile -t docs < <(ls corpus/html/*.html corpus/text/*.txt | while read -r f; do
	[ -f "${f%.*}.expected.json" ] && echo "$f"; done)
mapfile -t pdfs < <(ls corpus/pdf/*.pdf)
make_folder "$work/docs" "$N" "${docs[@]}"
make_folder "$work/pdfs" "$NPDF" "${pdfs[@]}"

timeit() { # prints "seconds maxrss_kb cpu_seconds"
	/usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
	awk '{ print $1, $2, $3 + $4 }' "$work/time"
}

report() { # label files seconds rss cpu
	awk -v l="$1" -v n="$2" -v s="$3" -v m="$4" -v c="$5" 'BEGIN {
		printf "%-42s %5d files %7.2f s %6.0f files/s %6.0f files/cpu-s %5.0f MiB peak\n", l, n, s, n / s, n / c, m / 1024 }'
}

echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for set in docs pdfs; do
	n=$(find "$work/$set" -type f | wc -l)
	echo "== $set: $n files ($( [ "$set" = docs ] && echo HTML and text || echo PDF ))"
	read -r s m c < <(timeit "$bin" parse "$work/$set"/*/*)
	report "parse, one process (the parser alone)" "$n" "$s" "$m" "$c"
	if [ "$set" = pdfs ] && command -v pdftotext >/dev/null; then
		read -r s m c < <(timeit sh -c 'for f in "$@"; do pdftotext -layout "$f" /dev/null; done' sh "$work/$set"/*/*)
		report "pdftotext -layout, one at a time" "$n" "$s" "$m" "$c"
	fi
	for j in 1 2; do
		for fmt in jsonl csv xlsx sqlite parquet; do
			rm -rf "$work/out" && mkdir "$work/out"
			read -r s m c < <(timeit "$bin" convert "$work/$set" -o "$work/out/r.$fmt" -j "$j" -q)
			report "convert -j $j -o .$fmt" "$n" "$s" "$m" "$c"
		done
		rm -rf "$work/out" && mkdir "$work/out"
		read -r s m c < <(timeit "$bin" convert "$work/$set" -o "$work/out/r.csv" -j "$j" -q --in-process)
		report "convert -j $j -o .csv --in-process" "$n" "$s" "$m" "$c"
		read -r s m c < <(timeit "$bin" convert "$work/$set" -o "$work/out/r.csv" -j "$j" -q)
		report "convert -j $j -o .csv, rerun (all resumed)" "$n" "$s" "$m" "$c"
	done
done
