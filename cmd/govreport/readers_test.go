package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/govreport/govreport/output"
)

// pandasPython is a Python with pandas (Debian's python3-pandas, which
// .ci/run installs), or "".
func pandasPython() string {
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import pandas, openpyxl").Run() == nil {
			return p
		}
	}
	return ""
}

// The outputs load with the readers researchers use, with the types,
// nulls and labels the dictionary promises, and the long form agrees with
// the wide one. The lines are CONVERT.md's.
func TestOutputsLoadInPandas(t *testing.T) {
	py := pandasPython()
	if py == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("pandas is not installed (.ci/run installs python3-pandas)")
		}
		t.Skip("no python3 with pandas and openpyxl")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	for _, f := range []string{"tabs-2021-qinglan-county-2023.txt", "tabs-2021-nanpu-district-2022-bad-sums.txt"} {
		copyTestFile(t, "../../corpus/text/"+f, filepath.Join(in, f))
	}
	copyTestFile(t, "../../corpus/html/legacy-gb18030-2019-dongjiang-govoffice-2019.html", filepath.Join(in, "=cmd|2019.html"))
	writeTestFile(t, filepath.Join(in, "empty.pdf"), nil)
	out := filepath.Join(dir, "out")
	convertTo(t, in, out+".csv", "-o", out+".xlsx", "-o", out+".sqlite", "--in-process")
	convertTo(t, in, out+"-long.csv", "--shape", "long", "--in-process")
	convertTo(t, in, out+"-short.csv", "--names", "short", "--in-process")
	script := `
import sys, sqlite3
import pandas as pd
out = sys.argv[1]

# CONVERT.md: pandas
df = pd.read_csv(out + ".csv", encoding="utf-8-sig", dtype={"region": str, "template": str})
assert len(df) == 3, len(df)
assert str(df["applications.new_requests.total"].dtype) == "int64", df["applications.new_requests.total"].dtype
assert df["year"].dtype == "int64"
# a 2021 report has no 2019 row: NaN, never 0
r21 = df[df.template == "2021"]
assert r21["applications.other.total"].isna().all()
assert not r21["applications.other_other.total"].isna().any()
# formula-looking text is neutralised; numbers stay numbers
bad = df[df.path.str.contains("=cmd")]
assert len(bad) == 1 and not bad.path.iloc[0].startswith("="), bad.path.iloc[0]
errors = pd.read_csv(out + ".errors.csv", encoding="utf-8-sig")
assert list(errors.kind) == ["empty"], list(errors.kind)

# long form, and its agreement with the wide one
cells = pd.read_csv(out + "-long.csv", encoding="utf-8-sig", dtype={"raw_text": str})
reports = pd.read_csv(out + "-long.reports.csv", encoding="utf-8-sig")
assert str(cells.value.dtype) in ("float64", "Int64"), cells.value.dtype
m = cells.merge(reports[["report_id", "path"]], on="report_id")
for _, c in m[m.value.notna()].iterrows():
    w = df[df.path == c.path][c.field].iloc[0]
    assert w == c.value, (c.path, c.field, w, c.value)
assert (cells.row_label.str.len() > 0).all()
assert "（一）予以公开" in set(cells.row_label)
assert set(cells.column_label) >= {"自然人", "总计"}

# short names fit Stata
short = pd.read_csv(out + "-short.csv", encoding="utf-8-sig")
assert max(len(c) for c in short.columns) <= 32
assert (short.ap_new_tot.values == df["applications.new_requests.total"].values).all()

# XLSX: header, Chinese labels in the second row (skiprows=[1])
x = pd.read_excel(out + ".xlsx", sheet_name="reports", skiprows=[1])
assert str(x["applications.new_requests.total"].dtype) == "int64"
lab = pd.read_excel(out + ".xlsx", sheet_name="reports", nrows=1)
assert lab["applications.granted.natural_person"].iloc[0] == "（一）予以公开·自然人"
sheets = pd.read_excel(out + ".xlsx", sheet_name=None)
assert set(sheets) == {"reports", "cells", "checks", "warnings", "findings", "findings_evidence", "errors", "dictionary"}, set(sheets)
assert len(sheets["cells"]) == len(cells)

# findings: one row per finding, its evidence in a second table; the
# report whose sums fail has its arithmetic findings, joined by ids
fi = pd.read_csv(out + ".findings.csv", encoding="utf-8-sig")
ev = pd.read_csv(out + ".findings_evidence.csv", encoding="utf-8-sig", dtype={"text": str})
assert str(fi.finding_id.dtype) == "int64" and str(ev.finding_id.dtype) == "int64"
fr = fi.merge(df[["report_id", "path"]], on="report_id", suffixes=("", "_report"))
assert (fr.path == fr.path_report).all()
bad_sums = fr[fr.path.str.contains("bad-sums") & (fr.rule == "arithmetic")]
assert len(bad_sums) > 0, set(fr.rule)
assert set(ev.finding_id) <= set(fi.finding_id)
assert len(ev[ev.finding_id.isin(bad_sums.finding_id) & ev.value.notna()]) > 0
assert len(sheets["findings"]) == len(fi) and len(sheets["findings_evidence"]) == len(ev)

# SQLite
con = sqlite3.connect(out + ".sqlite")
w = pd.read_sql("SELECT * FROM reports_wide", con)
assert str(w["applications.new_requests.total"].dtype) == "int64"
c = pd.read_sql("SELECT typeof(value) AS t FROM cells WHERE value IS NOT NULL AND amount IS NULL GROUP BY 1", con)
assert set(c.t) == {"integer"}, set(c.t)
sf = pd.read_sql("SELECT f.rule, r.path FROM findings f JOIN reports r ON r.id = f.report_id", con)
assert sorted(sf.rule) == sorted(fi.rule), (list(sf.rule), list(fi.rule))
assert pd.read_sql("SELECT count(*) AS n FROM findings_evidence", con).n[0] == len(ev)

# the dictionary beside the output names every column
d = pd.read_csv(out + ".dictionary.csv", encoding="utf-8-sig")
for table, cols in (("reports", df.columns), ("cells", cells.columns), ("errors", errors.columns),
                    ("findings", fi.columns), ("findings_evidence", ev.columns)):
    missing = set(cols) - set(d[d.table == table].name)
    assert not missing, (table, missing)
assert set(short.columns) <= set(d.short_name)
print("ok")
`
	cmd := exec.Command(py, "-c", script, out)
	b, err := cmd.CombinedOutput()
	if err != nil || !strings.HasSuffix(strings.TrimSpace(string(b)), "ok") {
		t.Fatalf("pandas: %v\n%s", err, b)
	}
}

// Parquet has no reader packaged in Debian (no pyarrow, no DuckDB): its
// types are read back with parquet-go: counts INT64, amounts and shares
// DOUBLE, the long form beside it.
func TestParquetTypes(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.parquet")
	convertTo(t, "../../corpus/text/tabs-2021-qinglan-county-2023.txt", out, "--in-process")
	for _, c := range []struct{ file, col, kind string }{
		{out, "applications.new_requests.total", "INT64"},
		{out, "active_disclosure.fees.amount_10k_yuan", "DOUBLE"},
		{out, "derived.granted_share", "DOUBLE"},
		{out, "year", "INT64"},
		{filepath.Join(dir, "out.cells.parquet"), "value", "INT64"},
		{filepath.Join(dir, "out.cells.parquet"), "amount", "DOUBLE"},
		{filepath.Join(dir, "out.findings.parquet"), "report_id", "INT64"},
		{filepath.Join(dir, "out.findings.parquet"), "message", "BYTE_ARRAY"},
		{filepath.Join(dir, "out.findings.parquet"), "other_report_id", "INT64"},
		{filepath.Join(dir, "out.findings_evidence.parquet"), "value", "DOUBLE"},
		{filepath.Join(dir, "out.findings_evidence.parquet"), "line", "INT64"},
	} {
		f, err := os.Open(c.file)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		pf, err := parquet.OpenFile(f, st.Size())
		if err != nil {
			t.Fatal(err)
		}
		col, ok := pf.Schema().Lookup(c.col)
		if !ok {
			t.Errorf("%s: no column %s", filepath.Base(c.file), c.col)
		} else if got := col.Node.Type().Kind().String(); got != c.kind {
			t.Errorf("%s: %s is %s, want %s", filepath.Base(c.file), c.col, got, c.kind)
		}
		f.Close()
	}
	if _, err := os.Stat(output.DictionaryPath(out)); err != nil {
		t.Error("no dictionary beside the output")
	}
}

// TestOutputsLoadInR runs CONVERT.md's R lines (the ```r block, file names
// replaced) with Debian's r-base-core, then checks the types, nulls and
// labels, and that the long form agrees with the wide one. readr's line is
// run too where readr is installed (CI installs base R only: see
// scripts/ci/install-readers.sh).
func TestOutputsLoadInR(t *testing.T) {
	rscript, err := exec.LookPath("Rscript")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("R is not installed (.ci/run installs r-base-core)")
		}
		t.Skip("no Rscript")
	}
	doc := string(mustRead(t, "../../docs/CONVERT.md"))
	_, block, ok := strings.Cut(doc, "\n```r\n")
	block, _, ok2 := strings.Cut(block, "\n```")
	if !ok || !ok2 || !strings.Contains(block, "read.csv(") {
		t.Fatal("no R block in docs/CONVERT.md")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	for _, f := range []string{"tabs-2021-qinglan-county-2023.txt", "tabs-2021-nanpu-district-2022-bad-sums.txt"} {
		copyTestFile(t, "../../corpus/text/"+f, filepath.Join(in, f))
	}
	copyTestFile(t, "../../corpus/html/legacy-gb18030-2019-dongjiang-govoffice-2019.html", filepath.Join(in, "=cmd|2019.html"))
	out := filepath.Join(dir, "jiangsu")
	convertTo(t, in, out+".csv", "--in-process")
	convertTo(t, in, out+"-long.csv", "--shape", "long", "--in-process")
	script := "setwd(" + rString(dir) + ")\n" + block + `
stopifnot(nrow(df) == 3)
stopifnot(is.integer(df[["applications.new_requests.total"]]), is.integer(df$year))
stopifnot(is.character(df$region), is.character(df$template))
# a 2021 report has no 2019 row: NA, never 0
r21 <- df[df$template == "2021", ]
stopifnot(all(is.na(r21[["applications.other.total"]])), !anyNA(r21[["applications.other_other.total"]]))
# formula-looking text is neutralised
stopifnot(!any(startsWith(df$path, "=")))
# the long form: Chinese labels, and the values of the wide one
stopifnot("（一）予以公开" %in% cells$row_label, all(c("自然人", "总计") %in% cells$column_label))
reports <- read.csv("jiangsu-long.reports.csv", fileEncoding = "UTF-8-BOM")
m <- merge(cells[!is.na(cells$value), ], reports[c("report_id", "path")], by = "report_id")
stopifnot(nrow(m) > 100)
for (i in seq_len(nrow(m))) {
  w <- df[df$path == m$path[i], m$field[i]]
  if (length(w) != 1 || is.na(w) || w != m$value[i]) stop(paste(m$path[i], m$field[i], w, m$value[i]))
}
if (requireNamespace("readr", quietly = TRUE)) {
  rd <- readr::read_csv("jiangsu.csv", col_types = readr::cols(region = "c", template = "c"), progress = FALSE)
  stopifnot(nrow(rd) == 3, identical(as.numeric(rd[["applications.new_requests.total"]]), as.numeric(df[["applications.new_requests.total"]])))
  cat("readr ok\n")
}
cat("ok\n")
`
	cmd := exec.Command(rscript, "--vanilla", "-e", script)
	// R converts text to the locale's encoding: a UTF-8 one, as a
	// researcher's machine has.
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8", "LANG=C.UTF-8")
	b, err := cmd.CombinedOutput()
	if err != nil || !strings.HasSuffix(strings.TrimSpace(string(b)), "ok") {
		t.Fatalf("R: %v\n%s", err, b)
	}
	t.Logf("R: %s", strings.TrimSpace(string(b)))
}

// rString quotes s for R.
func rString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
