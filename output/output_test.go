package output

import (
	"encoding/csv"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/govreport/govreport/derive"
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
		for _, r := range model.DisclosureRows(g) {
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

// BenchmarkFlatValues builds the flat row of each corpus report (the
// parent's share of every flat format's writing: values, the harmonised
// rows and the derived figures).
func BenchmarkFlatValues(b *testing.B) {
	var recs []*Record
	for _, r := range corpusReports(b) {
		rec := NewRecord(r)
		rec.report = nil // as a conversion's records: from the summary alone
		recs = append(recs, rec)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, rec := range recs {
			Flatten(rec).Values()
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs))/1000, "µs/report")
}

// The flat row's tables and row checks, built from precomputed cell
// positions with only the failed row totals, give the derived figures
// and the harmonised rows that the tables built by field path with every
// check (model.RunChecks) give: on the corpus's reports and on variants
// with row totals that fail and cells that are unknown.
func TestFlatRowChecks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 0
	for _, r := range corpusReports(t) {
		for v := 0; v < 8; v++ {
			f := Flatten(NewRecord(r))
			if v > 0 {
				for i, c := range f.Cells {
					switch x := rng.IntN(20); {
					case x == 0:
						f.Cells[i] = nil
					case x == 1 && c != nil:
						y := *c + float64(1+rng.IntN(3))
						f.Cells[i] = &y
					}
				}
			}
			want, got := referenceReport(f), f.report()
			if !reflect.DeepEqual(derive.Compute(got), derive.Compute(want)) {
				t.Fatalf("%s variant %d: derived figures differ", r.Source.Path, v)
			}
			if !reflect.DeepEqual(got.Applications, want.Applications) || !reflect.DeepEqual(got.ReviewLitigation, want.ReviewLitigation) {
				t.Fatalf("%s variant %d: tables differ", r.Source.Path, v)
			}
			var wantFailed []string
			for _, c := range want.Checks {
				if c.Rule == "row_total" && !c.OK {
					wantFailed = append(wantFailed, c.Scope)
				}
			}
			var gotFailed []string
			for _, c := range got.Checks {
				gotFailed = append(gotFailed, c.Scope)
			}
			if !reflect.DeepEqual(gotFailed, wantFailed) {
				t.Fatalf("%s variant %d: failed row totals %v, want %v", r.Source.Path, v, gotFailed, wantFailed)
			}
			n += len(wantFailed)
		}
	}
	if n == 0 {
		t.Fatal("no failed row total among the variants")
	}
}

// referenceReport is Flat.report as it was: each cell looked up by its
// field path, every check run.
func referenceReport(f *Flat) *model.Report {
	r := &model.Report{Template: model.Generation(f.Template)}
	if f.Template == "" {
		return r
	}
	get := func(path string) *float64 { return f.Cells[cols().index[path]] }
	var rows []string
	for _, d := range model.ApplicationRowsFor(r.Template) {
		rows = append(rows, d.Key)
	}
	r.Applications = model.NewTable(rows, func(string) []string { return keys(model.ApplicationColumns) })
	for ri := range r.Applications.Rows {
		row := &r.Applications.Rows[ri]
		for ci := range row.Cells {
			row.Cells[ci].Value = get("applications." + row.Key + "." + row.Cells[ci].Key)
		}
	}
	r.ReviewLitigation = model.NewTable(keys(model.ReviewGroups), func(string) []string { return keys(model.ReviewOutcomes) })
	for ri := range r.ReviewLitigation.Rows {
		row := &r.ReviewLitigation.Rows[ri]
		for ci := range row.Cells {
			row.Cells[ci].Value = get("review_litigation." + row.Key + "." + row.Cells[ci].Key)
		}
	}
	r.Checks = model.RunChecks(r)
	return r
}
