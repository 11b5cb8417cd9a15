package output

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// The column list in docs/CONVERT.md is the one the code writes.
func TestDocumentedColumns(t *testing.T) {
	b, err := os.ReadFile("../docs/CONVERT.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	i := strings.Index(doc, "```text\n")
	if i < 0 {
		t.Fatal("no ```text block with the columns in docs/CONVERT.md")
	}
	block := doc[i+len("```text\n"):]
	block = block[:strings.Index(block, "```")]
	if got, want := strings.TrimSpace(block), strings.Join(Columns(), "\n"); got != want {
		t.Errorf("docs/CONVERT.md lists other columns than Columns():\n%s", want)
	}
}

func TestCellColumnsCoverBothGenerations(t *testing.T) {
	cols := map[string]bool{}
	for _, c := range CellColumns() {
		if cols[c] {
			t.Errorf("column %s twice", c)
		}
		cols[c] = true
	}
	for _, g := range []model.Generation{model.Gen2019, model.Gen2021} {
		for _, r := range model.DisclosureRows[g] {
			for _, f := range r.Fields {
				if !cols["active_disclosure."+r.Key+"."+f.Key] {
					t.Errorf("no column for table 二 %s %s.%s", g, r.Key, f.Key)
				}
			}
		}
		for _, r := range model.ApplicationRowsFor(g) {
			for _, c := range model.ApplicationColumns {
				if !cols["applications."+r.Key+"."+c.Key] {
					t.Errorf("no column for table 三 %s %s.%s", g, r.Key, c.Key)
				}
			}
		}
	}
	if !cols["review_litigation.litigation_after_review.pending"] {
		t.Error("no column for table 四")
	}
}

func TestRemoveTemporary(t *testing.T) {
	dir := t.TempDir()
	out := dir + "/out.csv"
	for _, f := range []string{".out.csv.tmp-123", ".out.errors.csv.tmp-9", "out.csv", ".other.csv.tmp-1", "keep.txt"} {
		os.WriteFile(dir+"/"+f, nil, 0o644)
	}
	RemoveTemporary(out)
	ents, _ := os.ReadDir(dir)
	var left []string
	for _, e := range ents {
		left = append(left, e.Name())
	}
	if got := strings.Join(left, " "); got != ".other.csv.tmp-1 keep.txt out.csv" {
		t.Errorf("left %s", got)
	}
}

func TestFormatOf(t *testing.T) {
	for _, c := range []struct{ path, format, want string }{
		{"out.CSV", "", "csv"}, {"x.jsonl", "", "jsonl"}, {"x.db", "", "sqlite"}, {"x.sqlite3", "", "sqlite"},
		{"x.dat", "parquet", "parquet"}, {"x.csv", ".xlsx", "xlsx"},
	} {
		if got, err := FormatOf(c.path, c.format); err != nil || got != c.want {
			t.Errorf("%s %q: %q %v, want %q", c.path, c.format, got, err, c.want)
		}
	}
	if _, err := FormatOf("x.txt", ""); err == nil {
		t.Error("x.txt has no format")
	}
	if _, err := FormatOf("x.csv", "dta"); err == nil {
		t.Error("dta is not a format")
	}
	if got := SidePath("dir/out.csv", "errors", "csv"); got != "dir/out.errors.csv" {
		t.Errorf("side path %s", got)
	}
}

func TestFlattenAppliesManifestAndKeepsNulls(t *testing.T) {
	agency, code, region := "甲", "320813", "淮安"
	year, y2 := 2022, 2030
	r := &model.Report{Source: model.Source{Path: "a.pdf", Format: "pdf", SHA256: "ab", Pages: 3}, Agency: &agency, Year: &year,
		Region: &model.Region{Code: &code}, Template: model.Gen2021}
	r.Applications = model.NewTable([]string{"granted"}, func(string) []string { return []string{"natural_person", "total"} })
	r.Applications.Set("granted", "total", 7)
	f := Flatten(NewRecord(r))
	if *f.Pages != 3 || *f.Region != code || *f.Agency != "甲" {
		t.Errorf("meta %+v", f)
	}
	idx := map[string]int{}
	for i, c := range CellColumns() {
		idx[c] = i
	}
	if v := f.Cells[idx["applications.granted.total"]]; v == nil || *v != 7 {
		t.Errorf("granted.total %v", v)
	}
	if f.Cells[idx["applications.granted.natural_person"]] != nil || f.Cells[idx["applications.total.total"]] != nil {
		t.Error("an unknown value is not null")
	}
	rec := NewRecord(r)
	rec.Manifest = &Manifest{Region: &region, Year: &y2}
	f = Flatten(rec)
	if *f.Region != region || *f.Year != 2030 || *f.Agency != "甲" {
		t.Errorf("with manifest: %+v", f)
	}
}

// Text that a spreadsheet would run as a formula is neutralised in CSV
// and XLSX; numbers, negative ones included (本年增/减 -18), stay numbers.
func TestCSVNeutralisesTextNotNumbers(t *testing.T) {
	title, agency := "=HYPERLINK(\"http://x\",\"点击\")", "@SUM(A1)"
	r := &model.Report{Source: model.Source{Path: "+a.txt", Format: "text", SHA256: "ab"}, Title: &title, Agency: &agency, Template: model.Gen2019}
	r.ActiveDisclosure = model.NewTable([]string{"licensing"}, func(string) []string { return []string{"previous_items", "change", "decisions"} })
	r.ActiveDisclosure.Set("licensing", "change", -18)
	dir := t.TempDir()
	w, err := Create(dir+"/o.csv", "csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.WriteReport(NewRecord(r))
	w.WriteFailure(&Failure{Path: "-rf.pdf", Kind: "empty", Reason: "\tx"})
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(dir + "/o.csv")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), bom))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for i, c := range rows[0] {
		got[c] = rows[1][i]
	}
	if got["title"] != "'"+title || got["agency"] != "'@SUM(A1)" || got["path"] != "'+a.txt" {
		t.Errorf("text not neutralised: %q %q %q", got["title"], got["agency"], got["path"])
	}
	if got["active_disclosure.licensing.change"] != "-18" {
		t.Errorf("a negative number became text: %q", got["active_disclosure.licensing.change"])
	}
	e, _ := os.ReadFile(dir + "/o.errors.csv")
	if !strings.Contains(string(e), "'-rf.pdf") || !strings.Contains(string(e), "'\tx") {
		t.Errorf("errors not neutralised: %q", e)
	}
}
