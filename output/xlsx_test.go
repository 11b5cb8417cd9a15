package output

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/govreport/govreport/model"
)

// corpusReports are the corpus's golden reports.
func corpusReports(t testing.TB) []*model.Report {
	t.Helper()
	paths, _ := filepath.Glob("../corpus/*/*.golden.json")
	if len(paths) == 0 {
		t.Fatal("no golden reports in ../corpus")
	}
	var out []*model.Report
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r := &model.Report{}
		if err := json.Unmarshal(b, r); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, r)
	}
	return out
}

// The convert workbook: its sheets, the label row, frozen headers and
// autofilters, numbers as numbers (negative ones too), text neutralised
// and characters XML cannot hold replaced as before.
func TestXLSXWorkbook(t *testing.T) {
	title, agency := "=HYPERLINK(\"x\")\x01 <b>&", "@SUM(A1)"
	r := &model.Report{Source: model.Source{Path: "+a.txt", Format: "text", SHA256: "ab"}, Title: &title, Agency: &agency, Template: model.Gen2019}
	r.ActiveDisclosure = model.NewTable([]string{"licensing"}, func(string) []string { return []string{"previous_items", "change", "decisions"} })
	r.ActiveDisclosure.Set("licensing", "change", -18)
	path := filepath.Join(t.TempDir(), "o.xlsx")
	w, err := Create(path, "xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteReport(NewRecord(r)); err != nil {
		t.Fatal(err)
	}
	w.WriteFailure(&Failure{Path: "-rf.pdf", Kind: "empty", Reason: "\tx"})
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "reports,cells,checks,warnings,findings,findings_evidence,errors,dictionary" {
		t.Errorf("sheets %s", got)
	}
	rows, _ := f.GetRows("reports", excelize.Options{RawCellValue: true})
	if len(rows) != 3 || rows[1][0] != "文件路径" {
		t.Fatalf("%d rows on reports", len(rows))
	}
	got := map[string]string{}
	for i, c := range rows[0] {
		if i < len(rows[2]) {
			got[c] = rows[2][i]
		}
	}
	if got["title"] != "'=HYPERLINK(\"x\")\uFFFD <b>&" || got["agency"] != "'@SUM(A1)" || got["path"] != "'+a.txt" {
		t.Errorf("text: %q %q %q", got["title"], got["agency"], got["path"])
	}
	var col string
	for i, c := range rows[0] {
		if c == "active_disclosure.licensing.change" {
			col, _ = excelize.ColumnNumberToName(i + 1)
		}
	}
	if typ, _ := f.GetCellType("reports", col+"3"); got["active_disclosure.licensing.change"] != "-18" || typ != excelize.CellTypeUnset {
		t.Errorf("change is %q (%v), want the number -18", got["active_disclosure.licensing.change"], typ)
	}
	errs, _ := f.GetRows("errors")
	if len(errs) != 2 || errs[1][0] != "'-rf.pdf" || errs[1][3] != "'\tx" {
		t.Errorf("errors %q", errs)
	}
	for _, sh := range f.GetSheetList() {
		p, _ := f.GetPanes(sh)
		head := 1
		if sh == "reports" {
			head = 2
		}
		if !p.Freeze || p.YSplit != head || p.XSplit != 0 {
			t.Errorf("%s: panes %+v", sh, p)
		}
	}
	if w, _ := f.GetColWidth("reports", "A"); w != 40 {
		t.Errorf("path column %v wide", w)
	}
	z, _ := zip.OpenReader(path)
	defer z.Close()
	for _, zf := range z.File {
		if zf.Name == "xl/worksheets/sheet1.xml" {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if !strings.Contains(string(b), `<autoFilter ref="A2:`) || !strings.Contains(string(b), `3"/>`) {
				t.Errorf("reports without its autofilter from the label row")
			}
		}
	}
}

// Writing the convert workbook of the corpus's reports (128 reports,
// about 300k cells with the dictionary).
func BenchmarkConvertXLSX(b *testing.B) {
	reports := corpusReports(b)
	dir := b.TempDir()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w, err := Create(filepath.Join(dir, "o.xlsx"), "xlsx", Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range reports {
			if err := w.WriteReport(NewRecord(r)); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	if st, err := os.Stat(filepath.Join(dir, "o.xlsx")); err == nil {
		b.ReportMetric(float64(st.Size()), "bytes")
	}
	b.ReportMetric(float64(len(reports)), "reports/op")
}

// writeXLSX writes the convert workbook of reports at path, its sheets
// holding at most limit rows (0: Excel's limit), and returns its notes.
func writeXLSX(t *testing.T, path string, reports []*model.Report, o Options, limit int) []string {
	t.Helper()
	if limit > 0 {
		defer func(n int) { xlsxRows = n }(xlsxRows)
		xlsxRows = limit
	}
	w, err := Create(path, "xlsx", o)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reports {
		if err := w.WriteReport(NewRecord(r)); err != nil {
			w.Abort()
			t.Fatal(err)
		}
	}
	if err := w.WriteFailure(&Failure{Path: "x.pdf", Kind: "empty", Reason: "no text"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	return Notes(Multi{w})
}

// A sheet that reaches the row limit goes on on "name (2)", "name (3)" …
// right after it, each part with the sheet's header rows (the reports
// sheet its label row too), panes, widths and autofilter; the parts' rows
// in order are the rows of the sheet that fits, pandas reads them so, and
// the notes name the parts.
func TestXLSXFullSheet(t *testing.T) {
	reports := corpusReports(t)[:48] // enough to fill reports, cells and findings_evidence
	const limit = 40
	dir := t.TempDir()
	whole, split := filepath.Join(dir, "whole.xlsx"), filepath.Join(dir, "split.xlsx")
	if notes := writeXLSX(t, whole, reports, Options{}, 0); len(notes) != 0 {
		t.Errorf("notes of a workbook that fits: %q", notes)
	}
	notes := writeXLSX(t, split, reports, Options{}, limit)
	fw, err := excelize.OpenFile(whole)
	if err != nil {
		t.Fatal(err)
	}
	defer fw.Close()
	fs, err := excelize.OpenFile(split)
	if err != nil {
		t.Fatal(err)
	}
	defer fs.Close()
	sheets := fs.GetSheetList()
	next := 0 // in sheets
	var wantNotes []string
	counts := map[string]int{} // data rows by part
	for _, name := range fw.GetSheetList() {
		all, _ := fw.GetRows(name, excelize.Options{RawCellValue: true})
		head := 1
		if name == "reports" {
			head = 2
		}
		wa, wb := width(fw, name, "A"), width(fw, name, "B")
		var got [][]string
		var parts []string
		for k := 1; next < len(sheets) && sheets[next] == partName(name, k); k++ {
			p := sheets[next]
			next++
			parts = append(parts, p)
			rows, _ := fs.GetRows(p, excelize.Options{RawCellValue: true})
			if len(rows) > limit || len(rows) < head || k > 1 && len(rows) == head || fmt.Sprint(rows[:head]) != fmt.Sprint(all[:head]) {
				t.Errorf("%s: %d rows, header %q", p, len(rows), rows[:min(head, len(rows))])
				continue
			}
			if k > 1 && len(got) != (k-1)*(limit-head) {
				t.Errorf("%s: the part before it is not full", p)
			}
			got = append(got, rows[head:]...)
			counts[p] = len(rows) - head
			if k > 3 && next < len(sheets) && sheets[next] == partName(name, k+1) {
				continue // the layout of the first parts and the last is enough
			}
			if pn, _ := fs.GetPanes(p); !pn.Freeze || pn.YSplit != head || pn.XSplit != 0 {
				t.Errorf("%s: panes %+v", p, pn)
			}
			if a, b := width(fs, p, "A"), width(fs, p, "B"); a != wa || b != wb {
				t.Errorf("%s: columns %v and %v wide, want %v and %v", p, a, b, wa, wb)
			}
		}
		if len(parts) == 0 {
			t.Fatalf("%s: no part of it among %q", name, sheets)
		}
		if fmt.Sprint(got) != fmt.Sprint(all[head:]) {
			t.Errorf("%s: %d rows in %d parts, want the %d rows of the sheet that fits", name, len(got), len(parts), len(all)-head)
		}
		if want := (len(all) - head + limit - head - 1) / (limit - head); len(parts) != max(want, 1) {
			t.Errorf("%s: %d parts for %d rows", name, len(parts), len(all)-head)
		}
		if len(parts) > 1 {
			more := fmt.Sprintf("%q", parts[1])
			if len(parts) > 2 {
				more += map[bool]string{true: " and ", false: " to "}[len(parts) == 3] + fmt.Sprintf("%q", parts[len(parts)-1])
			}
			wantNotes = append(wantNotes, fmt.Sprintf("%s: the sheet %q is full at %d rows (Excel's limit); its rows go on in %s, with the same header",
				split, name, limit, more))
		}
	}
	if next != len(sheets) {
		t.Errorf("sheets %q: %q more", sheets, sheets[next:])
	}
	// The corpus fills reports, cells and findings_evidence at least.
	if len(wantNotes) < 3 || strings.Join(notes, "\n") != strings.Join(wantNotes, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(wantNotes, "\n"))
	}
	z, err := zip.OpenReader(split)
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range z.File {
		if zf.Name == "xl/workbook.xml" {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if n := strings.Count(string(b), "_xlnm._FilterDatabase"); n != len(sheets) {
				t.Errorf("%d autofilters on %d sheets", n, len(sheets))
			}
			for _, want := range []string{`'reports'!$A$2:`, `'reports (2)'!$A$2:`, `'cells (2)'!$A$1:`} {
				if !strings.Contains(string(b), want) {
					t.Errorf("no autofilter %s", want)
				}
			}
		}
	}
	z.Close()

	// pandas reads the parts (some of cells' many: openpyxl is slow) with
	// the rows excelize read.
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import pandas, openpyxl").Run() != nil {
		t.Log("no python3 with pandas and openpyxl: pandas not tried")
	} else {
		nc := 0 // parts of cells
		for _, p := range sheets {
			if p == partName("cells", nc+1) {
				nc++
			}
		}
		want := map[string]int{}
		for p, n := range counts {
			if !strings.HasPrefix(p, "cells") || p == "cells" || p == "cells (2)" || p == partName("cells", nc) {
				want[p] = n
			}
		}
		names, _ := json.Marshal(slices.Sorted(maps.Keys(want)))
		out, err := exec.Command(py, "-c", `
import json, sys, pandas
frames = pandas.read_excel(sys.argv[1], sheet_name=json.loads(sys.argv[2]))
# the reports sheet's label row is a row to pandas
print(json.dumps({n: len(df) - (1 if n.startswith("reports") else 0) for n, df in frames.items()}))`, split, string(names)).Output()
		if err != nil {
			t.Fatalf("python: %v", err)
		}
		var got map[string]int
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("python printed %s", out)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) || want["cells (2)"] != limit-1 || want["reports (2)"] == 0 {
			t.Errorf("pandas reads rows %v, want %v", got, want)
		}
	}

	// The long shape opens on cells and its parts.
	long := filepath.Join(dir, "long.xlsx")
	notes = writeXLSX(t, long, reports, Options{Shape: "long"}, limit)
	fl, err := excelize.OpenFile(long)
	if err != nil {
		t.Fatal(err)
	}
	defer fl.Close()
	ls := fl.GetSheetList()
	if len(ls) != len(sheets) || !strings.HasPrefix(strings.Join(ls, ","), "cells,cells (2),cells (3),") || len(notes) != len(wantNotes) || !strings.Contains(notes[0], `"cells"`) {
		t.Errorf("long: sheets %q…, notes %q", ls[:4], notes)
	}
}

func width(f *excelize.File, sheet, col string) float64 {
	w, _ := f.GetColWidth(sheet, col)
	return w
}

func partName(name string, k int) string {
	if k == 1 {
		return name
	}
	return fmt.Sprintf("%s (%d)", name, k)
}
