package output

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/model"
)

// MetaColumns are the first columns of every flat output, in order.
var MetaColumns = []string{
	"path", "sha256", "format", "pages", "title", "agency", "region", "year",
	"template", "failed_checks", "warnings",
}

// TailColumns come after the cells (columns are only ever added at the
// end). path_base64 holds the exact bytes of a path that is not valid
// UTF-8, whose path column then shows it with U+FFFD; empty otherwise.
var TailColumns = []string{"path_base64"}

var cellColumns, cellIndex = buildCellColumns()

// CellColumns returns the field paths of every table cell of both template
// generations, in the documented order: active_disclosure (the 2021 rows
// and fields, then the 2019 ones not already listed), applications (every
// row of both generations in template order, each with its seven columns),
// review_litigation (three groups of five outcomes).
func CellColumns() []string { return append([]string(nil), cellColumns...) }

// ColumnsSignature names the column list: it changes when a column is
// added, so that summaries kept by an earlier version are not misread.
func ColumnsSignature() string {
	h := sha256.Sum256([]byte(strings.Join(Columns(), "\n")))
	return hex.EncodeToString(h[:8])
}

// Columns returns MetaColumns, CellColumns and TailColumns.
func Columns() []string {
	return append(append(append([]string(nil), MetaColumns...), cellColumns...), TailColumns...)
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

func buildCellColumns() ([]string, map[string]int) {
	var cols []string
	idx := map[string]int{}
	add := func(parts ...string) {
		p := strings.Join(parts, ".")
		if _, ok := idx[p]; ok {
			return
		}
		idx[p] = len(cols)
		cols = append(cols, p)
	}
	for _, g := range []model.Generation{model.Gen2021, model.Gen2019} {
		for _, r := range model.DisclosureRows[g] {
			for _, f := range r.Fields {
				add("active_disclosure", r.Key, f.Key)
			}
		}
	}
	for _, r := range model.ApplicationRows {
		for _, c := range model.ApplicationColumns {
			add("applications", r.Key, c.Key)
		}
	}
	for _, g := range model.ReviewGroups {
		for _, o := range model.ReviewOutcomes {
			add("review_litigation", g.Key, o.Key)
		}
	}
	return cols, idx
}

// Flat is one report as a row of the flat outputs.
type Flat struct {
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
		Path: path, PathBase64: raw, SHA256: rec.SHA256, Format: s.Format,
		Title: s.Title, Agency: s.Agency, Year: s.Year, Region: s.RegionCode,
		Template: s.Template, FailedChecks: len(s.Failed), Warnings: s.Warnings,
		Cells: make([]*float64, len(cellColumns)),
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

// Tail returns the TailColumns as values.
func (f *Flat) Tail() []any { return []any{f.PathBase64} }

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
