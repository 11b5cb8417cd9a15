package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// awkward are strings a report's text can hold, with what a reader must
// get back.
var awkward = []struct{ in, want string }{
	{"plain", "plain"},
	{"中文 标签（一）", "中文 标签（一）"},
	{`a<b>&c"d'e`, `a<b>&c"d'e`},
	{"</t></is></c><c>", "</t></is></c><c>"},
	{"]]><![CDATA[x", "]]><![CDATA[x"},
	{"  leading and trailing  ", "  leading and trailing  "},
	{"tab\there\nnewline", "tab\there\nnewline"},
	{"cr\r\nlf", "cr\r\nlf"},
	{"\n", "\n"},
	{"nul\x00bell\x07esc\x1bend", "nul\uFFFDbell\uFFFDesc\uFFFDend"},
	{"del\x7f", "del\x7f"},
	{"bad utf-8 \xff\xfe here", "bad utf-8 \uFFFD\uFFFD here"},
	{"noncharacter \uFFFE\uFFFF", "noncharacter \uFFFD\uFFFD"},
	{"emoji 😀 and astral 𠀀", "emoji 😀 and astral 𠀀"},
	{"_x0041_ stays literal", "_x0041_ stays literal"},
	{"_x005F_ too, and _x00e9_", "_x005F_ too, and _x00e9_"},
	{"_x12_ and _xZZZZ_ and _x", "_x12_ and _xZZZZ_ and _x"},
	{"'=SUM(A1:A2)", "'=SUM(A1:A2)"},
	{"=1+1", "=1+1"}, // text, never a formula
	{"1e5", "1e5"},   // text, never a number
	{"0042", "0042"},
}

func build(t testing.TB, fill func(w *Workbook)) []byte {
	t.Helper()
	w := New()
	defer w.Close()
	fill(w)
	var b bytes.Buffer
	if err := w.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// part returns one part of the archive.
func part(t *testing.T, data []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == name {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			return string(b)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}

var (
	findPython sync.Once
	pythonPath string // a python3 with pandas and openpyxl, or ""
)

// python runs script with the workbook's path as sys.argv[1] and decodes
// the JSON it prints; it skips when python3 or openpyxl is missing.
func python(t *testing.T, data []byte, script string, out any) {
	t.Helper()
	findPython.Do(func() {
		for _, p := range []string{"/usr/bin/python3", "python3"} {
			if exec.Command(p, "-c", "import pandas, openpyxl").Run() == nil {
				pythonPath = p
				return
			}
		}
	})
	py := pythonPath
	if py == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("pandas is not installed (.ci/run installs python3-pandas)")
		}
		t.Skip("no python3 with pandas and openpyxl")
	}
	path := filepath.Join(t.TempDir(), "t.xlsx")
	must(t, os.WriteFile(path, data, 0o644))
	cmd := exec.Command(py, "-c", script, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(got, out); err != nil {
		t.Fatalf("python printed %q: %v", got, err)
	}
}

func TestStrings(t *testing.T) {
	data := build(t, func(w *Workbook) {
		s, err := w.AddSheet("text")
		must(t, err)
		for _, a := range awkward {
			must(t, s.AddRow(a.in))
		}
	})
	rows, err := open(t, data).GetRows("text", excelize.Options{RawCellValue: true})
	must(t, err)
	for i, a := range awkward {
		if i >= len(rows) || len(rows[i]) != 1 || rows[i][0] != a.want {
			t.Errorf("excelize: row %d: got %q, want %q", i+1, rows[min(i, len(rows)-1)], a.want)
		}
	}
	var got []any
	python(t, data, `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["text"]
print(json.dumps([[c.value, c.data_type] for c in ws["A"]]))`, &got)
	for i, a := range awkward {
		c := got[i].([]any)
		// openpyxl does not decode _xHHHH_ in inline strings; Excel and
		// excelize do, hence the escape.
		want := a.want
		if strings.Contains(a.in, "_x00") {
			want = strings.ReplaceAll(strings.ReplaceAll(a.want, "_x0041_", "_x005F_x0041_"), "_x005F_ too, and _x00e9_", "_x005F_x005F_ too, and _x005F_x00e9_")
		}
		if c[0] != want || c[1] != "s" {
			t.Errorf("openpyxl: row %d: got %q (%v), want %q", i+1, c[0], c[1], want)
		}
	}
}

func TestLongTextCut(t *testing.T) {
	long := strings.Repeat("a", MaxCellChars-1) + "😀b"
	data := build(t, func(w *Workbook) {
		s, _ := w.AddSheet("s")
		must(t, s.AddRow(long, strings.Repeat("中", MaxCellChars+5)))
	})
	rows, _ := open(t, data).GetRows("s")
	// The emoji takes two UTF-16 units, which would pass the limit.
	if got := rows[0][0]; got != strings.Repeat("a", MaxCellChars-1) {
		t.Errorf("cut to %d bytes, ends %q", len(got), got[len(got)-3:])
	}
	if got := rows[0][1]; got != strings.Repeat("中", MaxCellChars) {
		t.Errorf("cut to %d runes", len([]rune(got)))
	}
}

var ints = []int64{0, 1, -1, 42, -749, 1<<53 - 1, -(1<<53 - 1), 1 << 40, math.MinInt32}
var floats = []float64{0, 0.1, -0.5, 1.0 / 3, 294.0 / 718, 10.0 / 46, 2.5e-7, 123456789.125, 1e20, 1e21, 1.5e300,
	-2.2250738585072014e-308, 5e-324, math.MaxFloat64, math.SmallestNonzeroFloat64, 0.30000000000000004, 749}

func TestNumbers(t *testing.T) {
	data := build(t, func(w *Workbook) {
		s, _ := w.AddSheet("n")
		for _, n := range ints {
			must(t, s.AddRow(n, int(n), float64(n)))
		}
		for _, f := range floats {
			must(t, s.AddRow(f))
		}
		must(t, s.AddRow(uint64(math.MaxUint64), int8(-8), uint16(16), float32(0.25), true, false))
		must(t, s.AddRow(math.NaN(), math.Inf(1), math.Inf(-1)))
	})
	rows, _ := open(t, data).GetRows("n", excelize.Options{RawCellValue: true})
	for i, n := range ints {
		want := strconv.FormatInt(n, 10)
		if r := rows[i]; r[0] != want || r[1] != want || r[2] != want {
			t.Errorf("int %d written %q", n, r)
		}
	}
	for i, f := range floats {
		raw := rows[len(ints)+i][0]
		got, err := strconv.ParseFloat(raw, 64)
		if err != nil || got != f {
			t.Errorf("float %v written %q", f, raw)
		}
		if d, short := digits(raw), digits(strconv.FormatFloat(f, 'e', -1, 64)); d != short {
			t.Errorf("float %v written %q: digits %s, shortest %s", f, raw, d, short)
		}
	}
	if got := strings.Join(rows[len(ints)+len(floats)], ","); got != "18446744073709551615,-8,16,0.25,1,0" {
		t.Errorf("other types %s", got)
	}
	if got := strings.Join(rows[len(ints)+len(floats)+1], ","); got != "NaN,+Inf,-Inf" {
		t.Errorf("NaN and infinities %s", got)
	}
	var got [][]any
	python(t, data, `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["n"]
print(json.dumps([[repr(c.value) for c in r] for r in ws.iter_rows()]))`, &got)
	for i, n := range ints {
		if got[i][0] != strconv.FormatInt(n, 10) {
			t.Errorf("openpyxl reads int %d as %v", n, got[i][0])
		}
	}
	for i, f := range floats {
		v, err := strconv.ParseFloat(got[len(ints)+i][0].(string), 64)
		if err != nil || v != f {
			t.Errorf("openpyxl reads float %v as %v", f, got[len(ints)+i][0])
		}
	}
}

// digits are the significant digits of a number's text.
func digits(s string) string {
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		s = s[:i]
	}
	return strings.Trim(strings.NewReplacer("-", "", ".", "").Replace(s), "0")
}

func TestEmptyCells(t *testing.T) {
	data := build(t, func(w *Workbook) {
		s, _ := w.AddSheet("e")
		must(t, s.AddRow(nil, "a", nil, int64(1), nil))
		must(t, s.AddRow())
		must(t, s.AddRow(nil, nil, "c"))
	})
	xml := part(t, data, "xl/worksheets/sheet1.xml")
	if strings.Contains(xml, `r="A1"`) || strings.Contains(xml, `r="E1"`) || !strings.Contains(xml, `<row r="2"></row>`) {
		t.Errorf("empty cells written:\n%s", xml)
	}
	if !strings.Contains(xml, `<dimension ref="A1:E3"/>`) {
		t.Errorf("dimension:\n%s", xml)
	}
	rows, _ := open(t, data).GetRows("e")
	if len(rows) != 3 || strings.Join(rows[0], "|") != "|a||1" || len(rows[1]) != 0 || strings.Join(rows[2], "|") != "||c" {
		t.Errorf("rows %q", rows)
	}
	var got [][]any
	python(t, data, `
import json, sys, pandas
d = pandas.read_excel(sys.argv[1], header=None)
print(d.to_json(orient="values"))`, &got)
	if len(got) != 3 || got[0][0] != nil || got[0][1] != "a" || got[0][3] != 1.0 || got[1][1] != nil || got[2][2] != "c" {
		t.Errorf("pandas reads %v", got)
	}
}

func TestLayout(t *testing.T) {
	data := build(t, func(w *Workbook) {
		a, _ := w.AddSheet("reports")
		b, _ := w.AddSheet("对比")
		must(t, a.SetColWidth(1, 1, 40))
		must(t, a.SetColWidth(2, 3, 12))
		must(t, a.SetColWidth(5, 5, 24.5))
		must(t, a.Freeze(0, 2))
		must(t, a.AddRow("path", "x", "y", "z", "name"))
		must(t, a.AddRow("路径", "甲", "乙", "丙", "名"))
		must(t, a.AddRow("a.pdf", 1, 2, 3, "n"))
		must(t, a.AutoFilter(1, 2, 5, 3))
		must(t, b.Freeze(1, 1))
		must(t, b.AddRow("指标", "A"))
	})
	xml := part(t, data, "xl/worksheets/sheet1.xml")
	for _, want := range []string{
		`<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>`,
		`<col min="1" max="1" width="40" customWidth="1"/><col min="2" max="3" width="12" customWidth="1"/><col min="5" max="5" width="24.5" customWidth="1"/>`,
		`<autoFilter ref="A2:E3"/>`,
	} {
		if !strings.Contains(xml, want) {
			t.Errorf("sheet1 lacks %s:\n%s", want, xml)
		}
	}
	if wb := part(t, data, "xl/workbook.xml"); !strings.Contains(wb, `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'reports'!$A$2:$E$3</definedName>`) {
		t.Errorf("workbook:\n%s", wb)
	}
	f := open(t, data)
	if got := strings.Join(f.GetSheetList(), ","); got != "reports,对比" {
		t.Errorf("sheets %s", got)
	}
	if w, _ := f.GetColWidth("reports", "C"); w != 12 {
		t.Errorf("width of C %v", w)
	}
	if p, _ := f.GetPanes("对比"); !p.Freeze || p.XSplit != 1 || p.YSplit != 1 || p.TopLeftCell != "B2" {
		t.Errorf("panes %+v", p)
	}
	var got map[string]any
	python(t, data, `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["reports"]
print(json.dumps({"freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "widthA": ws.column_dimensions["A"].width,
  "widthE": ws.column_dimensions["E"].width, "freeze2": wb["对比"].freeze_panes, "names": wb.sheetnames}))`, &got)
	if got["freeze"] != "A3" || got["filter"] != "A2:E3" || got["widthA"] != 40.0 || got["widthE"] != 24.5 || got["freeze2"] != "B2" {
		t.Errorf("openpyxl reads %v", got)
	}
}

func TestStyles(t *testing.T) {
	var bold, red, pct, intf int
	data := build(t, func(w *Workbook) {
		var err error
		bold, err = w.AddStyle(Style{Bold: true})
		must(t, err)
		red, _ = w.AddStyle(Style{Bold: true, Color: "c00000"})
		pct, _ = w.AddStyle(Style{NumFmt: 10})
		intf, _ = w.AddStyle(Style{NumFmt: 1})
		if again, _ := w.AddStyle(Style{Bold: true}); again != bold {
			t.Errorf("the same style twice: %d, %d", bold, again)
		}
		if _, err := w.AddStyle(Style{Color: "red"}); err == nil {
			t.Error("colour red accepted")
		}
		s, _ := w.AddSheet("s")
		must(t, s.AddRow(Cell{"指标", bold}, Cell{"x ✗", red}, Cell{0.25, pct}, Cell{749.0, intf}, Cell{nil, red}))
	})
	f := open(t, data)
	style := func(ref string) *excelize.Style {
		id, err := f.GetCellStyle("s", ref)
		must(t, err)
		st, err := f.GetStyle(id)
		must(t, err)
		return st
	}
	if st := style("A1"); st.Font == nil || !st.Font.Bold || st.Font.Color != "" {
		t.Errorf("bold %+v", st.Font)
	}
	if st := style("B1"); st.Font == nil || !st.Font.Bold || !strings.HasSuffix(st.Font.Color, "C00000") {
		t.Errorf("red %+v", st.Font)
	}
	if st := style("C1"); st.NumFmt != 10 {
		t.Errorf("percent format %d", st.NumFmt)
	}
	if st := style("D1"); st.NumFmt != 1 {
		t.Errorf("integer format %d", st.NumFmt)
	}
	if v, _ := f.GetCellValue("s", "C1"); v != "25.00%" {
		t.Errorf("C1 shows %q", v)
	}
	var got []any
	python(t, data, `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["s"]
r = list(ws.iter_rows())[0]
print(json.dumps([r[0].font.b, r[1].font.b, r[1].font.color.rgb, r[2].number_format, r[3].number_format, r[3].value]))`, &got)
	if got[0] != true || got[1] != true || got[2] != "FFC00000" || got[3] != "0.00%" || got[4] != "0" || got[5] != 749.0 {
		t.Errorf("openpyxl reads %v", got)
	}
}

func TestComments(t *testing.T) {
	note := `not computed as printed: 294/718 <&> "x"`
	data := build(t, func(w *Workbook) {
		a, _ := w.AddSheet("a")
		b, _ := w.AddSheet("b")
		c, _ := w.AddSheet("c")
		must(t, a.AddRow("x", 1))
		must(t, a.Comment(2, 1, "govreport", note))
		must(t, a.Comment(1, 5, "someone", "second\nline"))
		if err := a.Comment(2, 1, "govreport", "again"); err == nil {
			t.Error("two comments on one cell accepted")
		}
		must(t, b.AddRow("y"))
		must(t, c.Comment(3, 3, "govreport", "on sheet c"))
	})
	f := open(t, data)
	cs, err := f.GetComments("a")
	must(t, err)
	if len(cs) != 2 || cs[0].Cell != "B1" || cs[0].Author != "govreport" || cs[0].Text != note || cs[1].Cell != "A5" || cs[1].Text != "second\nline" {
		t.Errorf("comments on a %+v", cs)
	}
	if cs, _ := f.GetComments("c"); len(cs) != 1 || cs[0].Cell != "C3" || cs[0].Text != "on sheet c" {
		t.Errorf("comments on c %+v", cs)
	}
	if cs, _ := f.GetComments("b"); len(cs) != 0 {
		t.Errorf("comments on b %+v", cs)
	}
	vml := part(t, data, "xl/drawings/vmlDrawing2.vml")
	if !strings.Contains(vml, `<x:Row>2</x:Row><x:Column>2</x:Column>`) || !strings.Contains(vml, `data="2"`) {
		t.Errorf("vml of c:\n%s", vml)
	}
	var got []any
	python(t, data, `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([wb["a"]["B1"].comment.text, wb["a"]["B1"].comment.author, wb["a"]["A5"].comment.text, wb["c"]["C3"].comment.text, wb["b"]["A1"].comment]))`, &got)
	if got[0] != note || got[1] != "govreport" || got[2] != "second\nline" || got[3] != "on sheet c" || got[4] != nil {
		t.Errorf("openpyxl reads %v", got)
	}
}

func TestSheetNames(t *testing.T) {
	w := New()
	defer w.Close()
	for _, bad := range []string{"", "a/b", "a:b", "x[1]", "what?", "*", `a\b`, "'quoted'", "history", strings.Repeat("长", 32), "nul\x00"} {
		if _, err := w.AddSheet(bad); err == nil {
			t.Errorf("sheet name %q accepted", bad)
		}
	}
	for _, good := range []string{"reports", "对比", strings.Repeat("长", 31), "it's", "a b & <c>"} {
		if _, err := w.AddSheet(good); err != nil {
			t.Errorf("sheet name %q: %v", good, err)
		}
	}
	if _, err := w.AddSheet("REPORTS"); err == nil {
		t.Error("REPORTS beside reports accepted")
	}
	var b bytes.Buffer
	must(t, w.Write(&b))
	f := open(t, b.Bytes())
	if got := f.GetSheetList(); len(got) != 5 || got[4] != "a b & <c>" || got[3] != "it's" {
		t.Errorf("sheets %q", got)
	}
}

func TestEmptyWorkbook(t *testing.T) {
	w := New()
	if err := w.Write(io.Discard); err == nil {
		t.Error("a workbook without sheets written")
	}
	data := build(t, func(w *Workbook) { w.AddSheet("empty") })
	if rows, err := open(t, data).GetRows("empty"); err != nil || len(rows) != 0 {
		t.Errorf("rows %q, %v", rows, err)
	}
}

// Many rows: they move to a temporary file, come back whole, and the file
// goes on Close.
func TestManyRows(t *testing.T) {
	defer func(n int) { spillAt = n }(spillAt)
	spillAt = 64 << 10
	defer func(n int) { chunkAt = n }(chunkAt)
	chunkAt = 10 << 10           // many chunks
	const rows, cols = 20000, 10 // 200k cells
	w := New()
	s, _ := w.AddSheet("many")
	other, _ := w.AddSheet("other")
	row := make([]any, cols)
	for r := 0; r < rows; r++ {
		for c := range row {
			switch c % 3 {
			case 0:
				row[c] = int64(r*cols + c)
			case 1:
				row[c] = float64(r) + 0.5
			default:
				row[c] = "行" + strconv.Itoa(r)
			}
		}
		must(t, s.AddRow(row...))
		if r%100 == 0 {
			must(t, other.AddRow(r))
		}
	}
	var b bytes.Buffer
	must(t, w.Write(&b))
	// The rows are deflated on another goroutine: look once Write has them all.
	if s.data.f == nil {
		t.Fatal("rows never moved to a temporary file")
	}
	tmp := s.data.f.Name()
	must(t, w.Close())
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("temporary file %s left: %v", tmp, err)
	}
	f := open(t, b.Bytes())
	got, err := f.GetRows("many", excelize.Options{RawCellValue: true})
	must(t, err)
	if len(got) != rows {
		t.Fatalf("%d rows", len(got))
	}
	for _, r := range []int{0, 1, rows / 2, rows - 1} {
		if got[r][0] != strconv.Itoa(r*cols) || got[r][1] != strconv.Itoa(r)+".5" || got[r][cols-1] != strconv.Itoa(r*cols+cols-1) || got[r][2] != "行"+strconv.Itoa(r) {
			t.Errorf("row %d: %q", r+1, got[r])
		}
	}
	if o, _ := f.GetRows("other"); len(o) != rows/100 || o[len(o)-1][0] != strconv.Itoa(rows-100) {
		t.Errorf("other sheet: %d rows", len(o))
	}
}

func TestLimits(t *testing.T) {
	w := New()
	defer w.Close()
	s, _ := w.AddSheet("s")
	if err := s.AddRow(make([]any, MaxCols+1)...); err == nil {
		t.Error("a row wider than the format accepted")
	}
	s.rows = MaxRows
	if err := s.AddRow(1); !errors.Is(err, ErrFull) {
		t.Errorf("a row past the last: %v", err)
	}
	if w.RowLimit() != MaxRows || w.SetRowLimit(MaxRows+1) == nil || w.SetRowLimit(0) == nil {
		t.Error("a row limit past the format's accepted")
	}
	if err := s.SetColWidth(0, 1, 10); err == nil {
		t.Error("column 0 accepted")
	}
	if err := s.AutoFilter(1, 2, 1, 1); err == nil {
		t.Error("inverted autofilter accepted")
	}
}

// addRow writes a row on the last of parts, going on to a new sheet
// "name (2)", "name (3)" … when it is full.
func addRow(t *testing.T, parts *[]*Sheet, vals ...any) {
	t.Helper()
	s := (*parts)[len(*parts)-1]
	err := s.AddRow(vals...)
	if errors.Is(err, ErrFull) {
		s, err = s.Continue(fmt.Sprintf("%s (%d)", (*parts)[0].Name(), len(*parts)+1))
		must(t, err)
		*parts = append(*parts, s)
		err = s.AddRow(vals...)
	}
	must(t, err)
}

// A full sheet goes on on new sheets placed right after it, with its
// widths, frozen panes and header rows; every part reads back, and the
// parts' rows in order are the rows written.
func TestXLSXContinue(t *testing.T) {
	const limit, nCells, nReports = 5, 13, 4
	data := build(t, func(w *Workbook) {
		must(t, w.SetRowLimit(limit))
		r, _ := w.AddSheet("reports")
		c, _ := w.AddSheet("cells")
		d, _ := w.AddSheet("dictionary")
		reports, cells := []*Sheet{r}, []*Sheet{c}
		must(t, r.Freeze(0, 2))
		must(t, r.SetColWidth(1, 1, 40))
		must(t, c.Freeze(0, 1))
		must(t, c.SetColWidth(2, 2, 24))
		addRow(t, &reports, "path", "count")
		addRow(t, &reports, "文件路径", "数量")
		addRow(t, &cells, "report_id", "field", "value")
		for i := 1; i <= nCells; i++ {
			addRow(t, &cells, i, "f"+strconv.Itoa(i), float64(i)/2)
		}
		for i := 1; i <= nReports; i++ {
			addRow(t, &reports, "r"+strconv.Itoa(i)+".pdf", i)
		}
		must(t, d.AddRow("column"))
		for _, p := range append(reports, cells...) {
			must(t, p.AutoFilter(1, p.ys, 2, max(p.Rows(), p.ys)))
		}
		if p := cells[len(cells)-1]; p.Rows() != 1+(nCells-1)%(limit-1)+1 {
			t.Errorf("%s: %d rows", p.Name(), p.Rows())
		}
		if _, err := c.Continue("dictionary"); err == nil {
			t.Error("a continuation with a taken name")
		}
		late, _ := w.AddSheet("late")
		must(t, late.AddRow("x"))
		must(t, late.Freeze(0, 1))
		if _, err := late.Continue("late (2)"); err == nil {
			t.Error("a continuation of a header written before Freeze")
		}
	})
	wantSheets := "reports,reports (2),cells,cells (2),cells (3),cells (4),dictionary,late"
	f := open(t, data)
	if got := strings.Join(f.GetSheetList(), ","); got != wantSheets {
		t.Fatalf("sheets %s, want %s", got, wantSheets)
	}
	var ids, values []string
	for _, name := range []string{"cells", "cells (2)", "cells (3)", "cells (4)"} {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		must(t, err)
		if len(rows) > limit || len(rows) < 2 || strings.Join(rows[0], ",") != "report_id,field,value" {
			t.Errorf("%s: %d rows, header %q", name, len(rows), rows[0])
			continue
		}
		for _, r := range rows[1:] {
			ids, values = append(ids, r[0]), append(values, r[2])
		}
		if p, _ := f.GetPanes(name); !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: panes %+v", name, p)
		}
		if w, _ := f.GetColWidth(name, "B"); w != 24 {
			t.Errorf("%s: column B %v wide", name, w)
		}
	}
	if len(ids) != nCells || ids[0] != "1" || ids[nCells-1] != strconv.Itoa(nCells) || values[2] != "1.5" {
		t.Errorf("cells read back: %q %q", ids, values)
	}
	for i, name := range []string{"reports", "reports (2)"} {
		rows, _ := f.GetRows(name)
		if len(rows) != []int{limit, 3}[i] || strings.Join(rows[1], ",") != "文件路径,数量" {
			t.Errorf("%s: %q", name, rows)
		}
	}
	wb := part(t, data, "xl/workbook.xml")
	for i, want := range []string{"'reports'!$A$2:$B$5", "'reports (2)'!$A$2:$B$3", "'cells'!$A$1:$B$5", "'cells (2)'!$A$1:$B$5"} {
		if !strings.Contains(wb, `localSheetId="`+strconv.Itoa(i)+`" hidden="1">`+want) {
			t.Errorf("workbook lacks the filter %s:\n%s", want, wb)
		}
	}
	var got map[string]any
	python(t, data, `
import json, sys, openpyxl, pandas
wb = openpyxl.load_workbook(sys.argv[1])
out = {"names": wb.sheetnames, "freeze": [wb[n].freeze_panes for n in wb.sheetnames],
  "filter": [wb[n].auto_filter.ref for n in wb.sheetnames]}
frames = pandas.read_excel(sys.argv[1], sheet_name=None)
cells = pandas.concat([frames[n] for n in frames if n.startswith("cells")])
out["columns"] = list(cells.columns)
out["ids"] = [int(x) for x in cells["report_id"]]
out["sum"] = float(cells["value"].sum())
reports = [pandas.read_excel(sys.argv[1], sheet_name=n, skiprows=[1]) for n in ("reports", "reports (2)")]
out["reports"] = [str(x) for x in pandas.concat(reports)["path"]]
print(json.dumps(out))`, &got)
	if s := fmt.Sprint(got["names"]); s != "["+strings.ReplaceAll(wantSheets, ",", " ")+"]" {
		t.Errorf("openpyxl: sheets %s", s)
	}
	if s := fmt.Sprint(got["freeze"]); s != "[A3 A3 A2 A2 A2 A2 <nil> A2]" {
		t.Errorf("openpyxl: panes %s", s)
	}
	if s := fmt.Sprint(got["filter"]); !strings.HasPrefix(s, "[A2:B5 A2:B3 A1:B5 A1:B5 A1:B5 A1:B2 ") {
		t.Errorf("openpyxl: filters %s", s)
	}
	want := []any{}
	sum := 0.0
	for i := 1; i <= nCells; i++ {
		want = append(want, float64(i))
		sum += float64(i) / 2
	}
	if fmt.Sprint(got["columns"]) != "[report_id field value]" || fmt.Sprint(got["ids"]) != fmt.Sprint(want) || got["sum"] != sum {
		t.Errorf("pandas: %v", got)
	}
	if s := fmt.Sprint(got["reports"]); s != "[r1.pdf r2.pdf r3.pdf r4.pdf]" {
		t.Errorf("pandas: reports %s", s)
	}
}

func TestNames(t *testing.T) {
	for n, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", MaxCols: "XFD"} {
		if got := ColumnName(n); got != want {
			t.Errorf("column %d is %s, want %s", n, got, want)
		}
	}
	if got := CellName(3, 1048576); got != "C1048576" {
		t.Errorf("cell %s", got)
	}
}

func BenchmarkRows(b *testing.B) {
	row := []any{"reports/江苏省/某某区人民政府2023年政府信息公开工作年度报告.pdf", int64(749), 294.0 / 718, nil, "text & <more>", int64(3)}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w := New()
		s, _ := w.AddSheet("s")
		for r := 0; r < 10000; r++ {
			s.AddRow(row...)
		}
		w.Write(io.Discard)
		w.Close()
	}
}

// The checksum of a part is put together from those of its pieces.
func TestCRC32Combine(t *testing.T) {
	a := []byte("<worksheet>head")
	for _, n := range []int{0, 1, 7, 1000, 70000} {
		b := bytes.Repeat([]byte("行<row/>"), n)
		want := crc32.ChecksumIEEE(append(append([]byte(nil), a...), b...))
		if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b))); got != want {
			t.Errorf("%d: %08x, want %08x", n, got, want)
		}
	}
}

// Equal rows make equal files, however the rows were cut into chunks for
// deflating.
func TestChunksSameBytes(t *testing.T) {
	defer func(n int) { chunkAt = n }(chunkAt)
	build := func(chunk int) []byte {
		chunkAt = chunk
		w := New()
		defer w.Close()
		s, _ := w.AddSheet("rows")
		for r := 0; r < 5000; r++ {
			must(t, s.AddRow(r, "行"+strconv.Itoa(r*7), float64(r)/3))
		}
		var b bytes.Buffer
		must(t, w.Write(&b))
		return b.Bytes()
	}
	a, b, c := build(1<<30), build(3000), build(3000)
	if !bytes.Equal(a, b) || !bytes.Equal(b, c) {
		t.Errorf("files differ: %d, %d, %d bytes", len(a), len(b), len(c))
	}
	if _, err := open(t, a).GetRows("rows"); err != nil {
		t.Error(err)
	}
}
