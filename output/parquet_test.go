package output

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
)

// pqTable is a Parquet file read back with parquet-go: the columns with
// their types and optionality, and the rows as text ("" for an empty
// string) or nil for a null.
type pqTable struct {
	names, kinds []string
	optional     []bool
	rows         [][]*string
}

func readParquet(t *testing.T, path string) pqTable {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	pf, err := pq.OpenFile(f, st.Size())
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var tab pqTable
	for _, n := range pf.Schema().Fields() {
		tab.names = append(tab.names, n.Name())
		tab.kinds = append(tab.kinds, n.Type().Kind().String())
		tab.optional = append(tab.optional, n.Optional())
		lt := n.Type().LogicalType()
		switch n.Type().Kind() {
		case pq.ByteArray:
			if lt == nil || !isString(lt) {
				t.Errorf("%s: %s is not a STRING", filepath.Base(path), n.Name())
			}
		case pq.Int64:
			if lt == nil || !isInt64(lt) {
				t.Errorf("%s: %s is not INTEGER(64, signed)", filepath.Base(path), n.Name())
			}
		}
	}
	r := pq.NewReader(f)
	defer r.Close()
	buf := make([]pq.Row, 32)
	for {
		n, err := r.ReadRows(buf)
		for _, row := range buf[:n] {
			out := make([]*string, len(tab.names))
			for _, v := range row {
				var s string
				switch {
				case v.IsNull():
					continue
				case v.Kind() == pq.Int64:
					s = strconv.FormatInt(v.Int64(), 10)
				case v.Kind() == pq.Double:
					s = FormatNumber(v.Double())
				default:
					s = string(v.ByteArray())
				}
				out[v.Column()] = &s
			}
			tab.rows = append(tab.rows, out)
		}
		if err != nil {
			break
		}
	}
	return tab
}

func isString(lt *format.LogicalType) bool {
	_, ok := lt.Value.(*format.StringType)
	return ok
}

func isInt64(lt *format.LogicalType) bool {
	it, ok := lt.Value.(*format.IntType)
	return ok && it.BitWidth == 64 && it.IsSigned
}

// text is a row of values (as the writers get them) as readParquet gives
// it back.
func text(vals []any) []*string {
	out := make([]*string, len(vals))
	for i, v := range vals {
		var s string
		switch v := v.(type) {
		case nil:
			continue
		case int64:
			s = strconv.FormatInt(v, 10)
		case float64:
			s = FormatNumber(v)
		case string:
			s = v
		default:
			panic(fmt.Sprintf("%T", v))
		}
		out[i] = &s
	}
	return out
}

func show(r []*string) string {
	var b strings.Builder
	for _, s := range r {
		if s == nil {
			b.WriteString("∅|")
		} else {
			b.WriteString(strconv.Quote(*s) + "|")
		}
	}
	return b.String()
}

func sameTable(t *testing.T, name string, got [][]*string, want [][]any) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d", name, len(got), len(want))
	}
	for i := range want {
		if g, w := show(got[i]), show(text(want[i])); g != w {
			t.Errorf("%s row %d:\n got %s\nwant %s", name, i, g, w)
		}
	}
}

// parquetReports are records of both kinds of content: two reports with
// findings (one across years), and a failure whose path is not UTF-8.
func parquetReports() []*model.Report {
	a := findingReport("b/2023.txt", 2023, 2, 0)
	b := findingReport("a/2022.txt", 2022, 0, 3)
	title := "示例区2022年政府信息公开工作年度报告"
	b.Title = &title
	b.Applications.Set("new_requests", "natural_person", 1<<53-1)
	b.Applications.Set("carried_over", "natural_person", -5)
	b.Applications.Cell("granted", "total").Value = nil
	return []*model.Report{a, b}
}

// The Parquet files hold what the writers were given, with the types and
// nulls of the columns: the wide and long tables, the errors, the
// findings and their evidence, in both shapes and both name styles.
func TestParquetFiles(t *testing.T) {
	for _, o := range []Options{{}, {Shape: "long", Names: "short"}} {
		t.Run(o.Shape+o.Names, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.parquet")
			w, err := Create(out, "parquet", o)
			if err != nil {
				t.Fatal(err)
			}
			var wide, cells [][]any
			var log findingLog
			var finds []FindingRow
			for _, r := range parquetReports() {
				rec := NewRecord(r)
				if err := w.WriteReport(rec); err != nil {
					t.Fatal(err)
				}
				vals := Flatten(rec).Values()
				for i, c := range cols().defs {
					if vals[i] == nil && parquetRequired(c.Name) {
						vals[i] = ""
					}
				}
				wide = append(wide, vals)
				for _, c := range CellRows(rec) {
					cells = append(cells, c.Values())
				}
				finds = append(finds, log.add(rec)...)
			}
			fail := &Failure{Path: "bad/\xff名.pdf", Kind: "damaged", Reason: "broken xref"}
			if err := w.WriteFailure(fail); err != nil {
				t.Fatal(err)
			}
			if err := w.Commit(); err != nil {
				t.Fatal(err)
			}
			finds = append(finds, log.cross()...)

			repPath, cellPath := out, SidePath(out, "cells", "parquet")
			if o.long() {
				repPath, cellPath = SidePath(out, "reports", "parquet"), out
			}
			rep := readParquet(t, repPath)
			want := Columns()
			if o.short() {
				want = ColumnNames(true)
			}
			if strings.Join(rep.names, ",") != strings.Join(want, ",") {
				t.Fatalf("reports columns %v", rep.names)
			}
			for i, c := range cols().defs {
				kind := map[string]string{TypeInteger: "INT64", TypeDecimal: "DOUBLE", TypeString: "BYTE_ARRAY"}[c.Type]
				if rep.kinds[i] != kind || rep.optional[i] == parquetRequired(c.Name) {
					t.Errorf("%s: %s optional %v", c.Name, rep.kinds[i], rep.optional[i])
				}
			}
			sameTable(t, "reports", rep.rows, wide)
			// A title read and one not: a string and a null, not "".
			ti := 4
			if rep.rows[0][ti] != nil || rep.rows[1][ti] == nil || *rep.rows[1][ti] == "" {
				t.Errorf("titles %s", show([]*string{rep.rows[0][ti], rep.rows[1][ti]}))
			}

			cl := readParquet(t, cellPath)
			if strings.Join(cl.names, ",") != strings.Join(LongColumnNames(), ",") {
				t.Fatalf("cells columns %v", cl.names)
			}
			sameTable(t, "cells", cl.rows, cells)
			var fr, ev [][]any
			for _, f := range finds {
				fr = append(fr, f.Values())
				for _, e := range f.Evidence {
					ev = append(ev, e.Values())
				}
			}
			ft := readParquet(t, SidePath(out, "findings", "parquet"))
			if strings.Join(ft.names, ",") != strings.Join(FindingColumnNames(), ",") || len(fr) < 3 {
				t.Fatalf("findings columns %v, %d rows", ft.names, len(fr))
			}
			sameTable(t, "findings", ft.rows, fr)
			et := readParquet(t, SidePath(out, "findings_evidence", "parquet"))
			if strings.Join(et.names, ",") != strings.Join(EvidenceColumnNames(), ",") {
				t.Fatalf("evidence columns %v", et.names)
			}
			sameTable(t, "evidence", et.rows, ev)
			er := readParquet(t, SidePath(out, "errors", "parquet"))
			g := fail.fixPath()
			sameTable(t, "errors", er.rows, [][]any{{g.Path, "", "damaged", "broken xref", g.PathBase64}})
			if strings.Join(er.names, ",") != strings.Join(FailureColumns, ",") || *er.rows[0][4] == "" {
				t.Errorf("errors %v %s", er.names, show(er.rows[0]))
			}
		})
	}
}

// An output with no reports is five valid files with no rows.
func TestParquetEmpty(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.parquet")
	w, err := Create(out, "parquet", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, p := range w.Paths() {
		if !strings.HasSuffix(p, ".parquet") {
			continue
		}
		if tab := readParquet(t, p); len(tab.rows) != 0 || len(tab.names) == 0 {
			t.Errorf("%s: %d rows, %d columns", p, len(tab.rows), len(tab.names))
		}
	}
}

// The command does not link a general Parquet library: parquet-go and
// what it brings (protobuf, klauspost/compress) cost it ~9 ms of start-up
// for every command. parquet-go is for the tests that read files back.
func TestCommandLinksNoParquetLibrary(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/govreport/govreport/cmd/govreport").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.Contains(p, "parquet-go") || strings.Contains(p, "protobuf") || strings.Contains(p, "klauspost") {
			t.Errorf("govreport links %s", p)
		}
	}
}

// BenchmarkParquetConvert writes the Parquet files of a convert of 500
// reports (the corpus's text reports, repeated).
func BenchmarkParquetConvert(b *testing.B) {
	files, _ := filepath.Glob("../corpus/text/*.txt")
	var reps []*model.Report
	for _, f := range files {
		if r, err := parser.ParseFile(f); err == nil {
			reps = append(reps, r)
		}
	}
	if len(reps) == 0 {
		b.Skip("no corpus")
	}
	recs := make([]*Record, 500)
	for i := range recs {
		recs[i] = NewRecord(reps[i%len(reps)])
	}
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		w, err := Create(filepath.Join(dir, "out.parquet"), "parquet", Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range recs {
			r.ID = 0
			if err := w.WriteReport(r); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
