package output

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/govreport/govreport/derive"
	"github.com/govreport/govreport/internal/lazy"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/region"
)

// MetaColumns are the first columns of every flat output, in order.
var MetaColumns = []string{
	"path", "sha256", "format", "pages", "title", "agency", "region", "year",
	"template", "failed_checks", "warnings",
}

// TailColumns come after the cells (columns are only ever added at the
// end): path_base64 holds the exact bytes of a path that is not valid
// UTF-8, whose path column then shows it with U+FFFD; empty otherwise.
// Then the report's number in the output (the key of the long form), the
// region's names, the harmonised columns and the derived figures.
func TailColumns() []string {
	var out []string
	for _, c := range cols().defs[len(MetaColumns)+len(cols().cells):] {
		out = append(out, c.Name)
	}
	return out
}

// Column types of the flat outputs.
const (
	TypeString  = "string"
	TypeInteger = "integer" // 64-bit
	TypeDecimal = "decimal" // a double; money carries its unit in the name
)

// Column describes one column of the flat outputs; the data dictionary
// (govreport dictionary) is this list.
type Column struct {
	Name  string // the long name: a field path for cells
	Short string // at most 32 characters, letters, digits and _ (Stata, SAS)
	Type  string // TypeString, TypeInteger or TypeDecimal
	Unit  string // 元, 万元, "share" (a ratio in [0, 1]) or ""
	Label string // Chinese label
	// Kind is where the value comes from: "meta", "cell", "region",
	// "harmonised" or "derived".
	Kind  string
	Field *model.Field // for cells
	// Gens are the template generations that have the column ("2019 2021"
	// for what both measure, "" for columns of every report).
	Gens        string
	Description string
}

var metaDefs = []Column{
	{Name: "path", Type: TypeString, Label: "文件路径", Description: "the file as found (the folder argument joined with the path below it), with /"},
	{Name: "sha256", Type: TypeString, Label: "文件SHA-256", Description: "SHA-256 of the file's bytes; the same content under several names has the same value"},
	{Name: "format", Type: TypeString, Label: "文件格式", Description: "pdf, html, docx or text"},
	{Name: "pages", Type: TypeInteger, Label: "页数", Description: "pages of a PDF; empty for other formats"},
	{Name: "title", Type: TypeString, Label: "标题", Description: "the report's title, empty when it has none"},
	{Name: "agency", Type: TypeString, Label: "发布机关", Description: "the issuing body, as read or from the manifest"},
	{Name: "region", Type: TypeString, Label: "行政区划代码", Description: "the manifest's region when it gives one, else the six-digit GB/T 2260 code of the division the report was found to belong to; empty when not resolved"},
	{Name: "year", Type: TypeInteger, Label: "报告年度", Description: "the year reported on, as read or from the manifest"},
	{Name: "template", Type: TypeString, Label: "模板版本", Description: "2019 or 2021: the generation of table 三"},
	{Name: "failed_checks", Type: TypeInteger, Label: "未通过的校验数", Description: "how many arithmetic checks failed"},
	{Name: "warnings", Type: TypeInteger, Label: "警告数", Description: "how many warnings the report has"},
}

// harmonisedRows are table 三's rows that the two generations print
// differently but measure alike: （六）其他处理 is one row in 2019 and the
// sum of three sub-rows in 2021.
var harmonisedRows = []struct {
	key, label string
	g2019      []string
	g2021      []string
}{
	{"other_handling", "（六）其他处理（合计）", []string{"other"}, []string{"other_no_correction", "other_unpaid_fee", "other_other"}},
}

// cols holds the column list, built on first use rather than at start-up.
var colsV lazy.Value[*columnSet]

func cols() *columnSet {
	return colsV.Get(func() *columnSet {
		c := &columnSet{derived: derive.Compute(&model.Report{})}
		c.defs, c.cells, c.index = buildColumns(c.derived)
		return c
	})
}

type columnSet struct {
	defs    []Column       // every column, in order
	cells   []string       // the field paths of the cell columns
	index   map[string]int // cells index of a field path
	derived derive.Figures
}

func buildColumns(derivedFigures derive.Figures) ([]Column, []string, map[string]int) {
	defs := append([]Column(nil), metaDefs...)
	for i := range defs {
		defs[i].Kind = "meta"
	}
	var cells []string
	idx := map[string]int{}
	for _, f := range model.Fields() {
		f := f
		c := Column{Name: f.Path, Kind: "cell", Field: &f, Gens: f.GensText(), Unit: f.Unit, Type: TypeInteger}
		if f.Kind == model.Amount {
			c.Type = TypeDecimal
		}
		l := f.Labels[f.Gens[len(f.Gens)-1]]
		c.Label = labelOf(l)
		c.Description = "table " + model.TableNumeral(f.Table) + ", row " + f.Row + ", column " + f.Col
		if f.Kind == model.SignedCount {
			c.Description += " (signed: 本年增/减)"
		}
		if f.Col == "amount_yuan" {
			c.Description += " (converted to 元 from the unit printed)"
		}
		idx[f.Path] = len(cells)
		cells = append(cells, f.Path)
		defs = append(defs, c)
	}
	defs = append(defs,
		Column{Name: "path_base64", Type: TypeString, Kind: "meta", Label: "文件路径（原始字节，base64）", Description: "the exact bytes of a path that is not valid UTF-8, in base64; empty otherwise"},
		Column{Name: "report_id", Type: TypeInteger, Kind: "meta", Label: "报告序号", Description: "the report's number in this output (1, 2, … in path order); report_id of the long form (cells)"},
		Column{Name: "region_province", Type: TypeString, Kind: "region", Label: "省级", Description: "the province of the region code (GB/T 2260), empty when not resolved"},
		Column{Name: "region_city", Type: TypeString, Kind: "region", Label: "地级", Description: "the prefecture-level city of the region code; empty for a province, a municipality's district or a county directly under a province"},
		Column{Name: "region_county", Type: TypeString, Kind: "region", Label: "县级", Description: "the county-level division of the region code; empty for a city or province"},
	)
	for _, h := range harmonisedRows {
		for _, ac := range model.ApplicationColumns {
			defs = append(defs, Column{
				Name: "harmonised." + h.key + "." + ac.Key, Type: TypeInteger, Kind: "harmonised", Gens: "2019 2021",
				Label: h.label + "·" + ac.Label,
				Description: "table 三 " + ac.Key + ": the 2019 row " + strings.Join(h.g2019, " + ") + ", or the sum of the 2021 rows " +
					strings.Join(h.g2021, " + ") + " (empty when one of them is)",
			})
		}
	}
	for _, f := range derivedFigures {
		c := Column{Name: "derived." + f.Key, Kind: "derived", Label: f.Label, Description: "docs/DERIVED.md: " + f.Formula, Type: TypeInteger}
		if f.Unit == derive.Share {
			c.Type, c.Unit = TypeDecimal, "share"
		}
		defs = append(defs, c)
	}
	for i := range defs {
		defs[i].Short = shortName(defs[i])
	}
	return defs, cells, idx
}

func labelOf(l model.FieldLabel) string {
	row := l.Row
	if l.Group != "" {
		row = l.Group + " " + row
	}
	return row + "·" + l.Col
}

// ColumnDefs returns every column of the flat outputs, in order.
func ColumnDefs() []Column { return append([]Column(nil), cols().defs...) }

// CellColumns returns the field paths of every table cell of both template
// generations, in the documented order: active_disclosure (the 2021 rows
// and fields, then the 2019 ones not already listed), applications (every
// row of both generations in template order, each with its seven columns),
// review_litigation (three groups of five outcomes).
func CellColumns() []string { return append([]string(nil), cols().cells...) }

// ColumnsSignature names the column list and the summary's form: it
// changes when a column is added, so that summaries kept by an earlier
// version are not misread.
func ColumnsSignature() string {
	h := sha256.Sum256([]byte(strings.Join(Columns(), "\n") + "\nsummary/2"))
	return hex.EncodeToString(h[:8])
}

// Columns returns the names of every column of the flat outputs, in order.
func Columns() []string { return ColumnNames(false) }

// ColumnNames returns the column names, the short ones with short.
func ColumnNames(short bool) []string {
	out := make([]string, len(cols().defs))
	for i, c := range cols().defs {
		out[i] = c.Name
		if short {
			out[i] = c.Short
		}
	}
	return out
}

// PathText returns a path as the outputs write it: valid UTF-8 (a byte
// that is not UTF-8 shown as U+FFFD) and, when that lost bytes, the exact
// bytes in base64; "" when the path is valid UTF-8.
func PathText(path string) (text, base64Bytes string) {
	if utf8.ValidString(path) {
		return path, ""
	}
	return strings.ToValidUTF8(path, "\ufffd"), base64.StdEncoding.EncodeToString([]byte(path))
}

// Flat is one report as a row of the flat outputs.
type Flat struct {
	ID                   int64 // the report's number in the output, from 1
	Path, SHA256, Format string
	PathBase64           string // see TailColumns
	Pages                *int   // nil for formats without pages
	Title, Agency        *string
	// Region is the manifest's region when it gives one, else the code
	// of the division the document was found to belong to (GB/T 2260).
	Region       *string
	Year         *int
	Template     string
	FailedChecks int
	Warnings     int
	// Cells has one entry per CellColumns entry; nil is a value that is
	// null in the report or a cell its template does not have.
	Cells []*float64
}

// Flatten returns the flat row of a record. Cells the catalogue does not
// list are not in the flat outputs (the JSON Lines output keeps them).
func Flatten(rec *Record) *Flat {
	s := rec.Summary
	path, raw := PathText(rec.Path)
	f := &Flat{
		ID: rec.ID, Path: path, PathBase64: raw, SHA256: rec.SHA256, Format: s.Format,
		Title: s.Title, Agency: s.Agency, Year: s.Year, Region: s.RegionCode,
		Template: s.Template, FailedChecks: len(s.Failed), Warnings: s.Warnings,
		Cells: make([]*float64, len(cols().cells)),
	}
	if m := rec.Manifest; m != nil {
		if m.Agency != nil {
			f.Agency = m.Agency
		}
		if m.Year != nil {
			f.Year = m.Year
		}
		if m.Region != nil {
			f.Region = m.Region
		}
	}
	if s.Pages > 0 {
		p := s.Pages
		f.Pages = &p
	}
	copy(f.Cells, s.Cells)
	return f
}

// Meta returns the metadata columns as values: string, int, nil.
func (f *Flat) Meta() []any {
	return []any{
		f.Path, f.SHA256, f.Format, intOrNil(f.Pages), strOrNil(f.Title), strOrNil(f.Agency),
		strOrNil(f.Region), intOrNil(f.Year), f.Template, f.FailedChecks, f.Warnings,
	}
}

// Values returns the whole row in column order (ColumnDefs), typed as the
// columns are: string, int64, float64, or nil for an empty cell.
func (f *Flat) Values() []any {
	out := make([]any, 0, len(cols().defs))
	for _, m := range f.Meta() {
		if n, ok := m.(int); ok {
			m = int64(n)
		}
		out = append(out, m)
	}
	for i, c := range f.Cells {
		out = append(out, typed(cols().defs[len(MetaColumns)+i].Type, c))
	}
	out = append(out, f.PathBase64, f.ID)
	var prov, city, county any
	if f.Region != nil {
		if d := region.ByCode(*f.Region); d != nil {
			m := d.Division()
			prov, city, county = m.Province, strOrNil(nonEmpty(m.City)), strOrNil(nonEmpty(m.County))
		}
	}
	out = append(out, prov, city, county)
	lay := layoutOf(f.Template)
	for _, idx := range lay.harmonised {
		for _, cells := range idx {
			var sum *float64
			for i, ci := range cells {
				v := f.Cells[ci]
				if v == nil || f.Template == "" {
					sum = nil
					break
				}
				if i == 0 {
					x := *v
					sum = &x
				} else {
					*sum += *v
				}
			}
			out = append(out, typed(TypeInteger, sum))
		}
	}
	for i, d := range derive.Compute(f.report()) {
		out = append(out, typed(cols().defs[len(cols().defs)-len(cols().derived)+i].Type, d.Value))
	}
	return out
}

// report rebuilds tables 三 and 四 of the report's generation from the
// cells, for the derived figures.
func (f *Flat) report() *model.Report {
	r := &model.Report{Template: model.Generation(f.Template)}
	if f.Template == "" {
		return r
	}
	lay := layoutOf(f.Template)
	r.Applications = lay.table(lay.appRows, lay.appCols, lay.appIdx, f.Cells)
	r.ReviewLitigation = lay.table(lay.revRows, lay.revCols, lay.revIdx, f.Cells)
	// The shares look at the row checks: a 总计 that fails its row (a blank
	// column read as 0 does) gives way to the sum of its parts, as in parse.
	// The derived figures read only the row checks that fail, so only those
	// are made (model.RunChecks, with its messages, was a third of a flat
	// row's cost; TestFlatRowChecks holds the two to the same result).
	r.Checks = failedRowTotals(r.Applications)
	return r
}

// failedRowTotals is the failed "row_total" checks of table 三 as
// model.RunChecks finds them (a row whose six applicant columns and 总计
// are all known, and whose sum differs from its 总计), without their
// messages and figures.
func failedRowTotals(a *model.Table) []model.Check {
	var out []model.Check
	n := len(model.ApplicantColumns)
	for ri := range a.Rows {
		// the row's cells are model.ApplicationColumns: the six
		// applicant columns, then 总计 (layout.table built it)
		row := &a.Rows[ri]
		sum, known := 0.0, true
		for _, c := range row.Cells[:n] {
			if c.Value == nil {
				known = false
				break
			}
			sum += *c.Value
		}
		if !known || row.Cells[n].Value == nil {
			continue
		}
		tot := *row.Cells[n].Value
		if d := sum - tot; !(d < 1e-6 && d > -1e-6) {
			out = append(out, model.Check{Rule: "row_total", Scope: row.Key, Expected: sum, Actual: tot})
		}
	}
	return out
}

// layout is where the cells of a generation's tables 三 and 四 and of the
// harmonised rows lie in Flat.Cells, worked out once: a flat row used to
// build each cell's field path and look it up, for every report.
type layout struct {
	appRows, revRows []string
	appCols, revCols func(string) []string
	appIdx, revIdx   [][]int // [row][column] → index in Flat.Cells
	// harmonised: for each of harmonisedRows, for each application
	// column, the cells whose sum it is
	harmonised [][][]int
}

// table builds a table of rows × cols with its values from cells.
func (l *layout) table(rows []string, cols func(string) []string, idx [][]int, cells []*float64) *model.Table {
	t := model.NewTable(rows, cols)
	for ri := range t.Rows {
		row := &t.Rows[ri]
		for ci := range row.Cells {
			row.Cells[ci].Value = cells[idx[ri][ci]]
		}
	}
	return t
}

var layouts sync.Map // template string → *layout

func layoutOf(template string) *layout {
	if l, ok := layouts.Load(template); ok {
		return l.(*layout)
	}
	l := buildLayout(model.Generation(template))
	layouts.Store(template, l)
	return l
}

func buildLayout(g model.Generation) *layout {
	// A path the catalogue does not list reads cell 0, as the map lookup
	// always did.
	at := func(path string) int { return cols().index[path] }
	appCols, revCols := keys(model.ApplicationColumns), keys(model.ReviewOutcomes)
	l := &layout{
		appCols: func(string) []string { return appCols },
		revCols: func(string) []string { return revCols },
	}
	for _, d := range model.ApplicationRowsFor(g) {
		l.appRows = append(l.appRows, d.Key)
	}
	l.revRows = keys(model.ReviewGroups)
	for _, r := range l.appRows {
		var idx []int
		for _, c := range model.ApplicationColumns {
			idx = append(idx, at("applications."+r+"."+c.Key))
		}
		l.appIdx = append(l.appIdx, idx)
	}
	for _, r := range l.revRows {
		var idx []int
		for _, c := range model.ReviewOutcomes {
			idx = append(idx, at("review_litigation."+r+"."+c.Key))
		}
		l.revIdx = append(l.revIdx, idx)
	}
	for _, h := range harmonisedRows {
		rows := h.g2021
		if g == model.Gen2019 {
			rows = h.g2019
		}
		var byCol [][]int
		for _, ac := range model.ApplicationColumns {
			var idx []int
			for _, r := range rows {
				idx = append(idx, at("applications."+r+"."+ac.Key))
			}
			byCol = append(byCol, idx)
		}
		l.harmonised = append(l.harmonised, byCol)
	}
	return l
}

func keys(cs []model.ColDef) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Key
	}
	return out
}

// typed returns a value as its column's type: int64 for integers, float64
// for decimals, nil when unknown.
func typed(typ string, v *float64) any {
	switch {
	case v == nil:
		return nil
	case typ == TypeInteger:
		return int64(*v)
	}
	return *v
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func strOrNil(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}
