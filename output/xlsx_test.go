package output

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
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
}
