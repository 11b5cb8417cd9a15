// Package output writes the reports of a batch conversion as JSON Lines,
// CSV, XLSX, SQLite or Parquet. Every writer builds its file beside the
// destination under a temporary name and renames it into place on Commit,
// so a reader never sees a half-written output.
//
// The flat formats (CSV, the XLSX reports sheet, Parquet, the SQLite view
// reports_wide) share one column order, given by Columns: the metadata
// columns, then every table cell of both template generations.
package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/model"
)

// Record is one report to write.
type Record struct {
	// ID is the report's number in the output (1, 2, …); the writers set
	// it when it is 0.
	ID     int64
	Path   string // where the file was found, with "/"
	SHA256 string
	// Summary holds what the flat outputs need.
	Summary *Summary
	// JSON is the govreport/1 object as the parser wrote it, nil when the
	// format does not need it (see NeedsJSON). JSONPath is the source.path
	// inside it: the file the content was first read from.
	JSON     []byte
	JSONPath string
	// Manifest holds the values a manifest row gave for this file (nil
	// when none); they replace the document's.
	Manifest *Manifest

	report *model.Report
}

// NewRecord makes the record of a report read from r.Source.Path.
func NewRecord(r *model.Report) *Record {
	return &Record{Path: r.Source.Path, SHA256: r.Source.SHA256, Summary: Summarize(r), report: r}
}

// NeedsJSON reports whether a format writes whole reports (and so needs
// Record.JSON) rather than only their summaries.
func NeedsJSON(format string) bool { return format == "jsonl" || format == "sqlite" }

// Options choose the shape and the names of an output.
type Options struct {
	// Shape is "wide" (one row per report, the default) or "long" (one
	// row per value: the cells table).
	Shape string
	// Names is "long" (field paths, the default) or "short" (at most 32
	// characters, for Stata and SAS).
	Names string
}

func (o Options) long() bool  { return o.Shape == "long" }
func (o Options) short() bool { return o.Names == "short" }

// Report returns the whole report, with the record's path and the
// manifest's values applied.
func (rec *Record) Report() (*model.Report, error) {
	if rec.report != nil {
		return rec.report, nil
	}
	if rec.JSON == nil {
		return nil, errors.New("the whole report of " + rec.Path + " was not kept")
	}
	var r model.Report
	if err := json.Unmarshal(rec.JSON, &r); err != nil {
		return nil, err
	}
	r.Source.Path, r.Source.SHA256 = rec.Path, rec.SHA256
	if m := rec.Manifest; m != nil {
		if m.Agency != nil {
			r.Agency = m.Agency
		}
		if m.Year != nil {
			r.Year = m.Year
		}
	}
	rec.report = &r
	return &r, nil
}

// checksAndWarnings returns the report's checks and warnings (what the
// SQLite tables of that name hold) without decoding the rest of its JSON:
// decoding the whole report was most of the SQLite writer's CPU. The
// warnings are the summary's (Summarize keeps them all); the checks are
// decoded from the report's "checks" member alone.
func (rec *Record) checksAndWarnings() ([]model.Check, []model.Warning, error) {
	if rec.report != nil {
		return rec.report.Checks, rec.report.Warnings, nil
	}
	if rec.JSON == nil {
		return nil, nil, errors.New("the whole report of " + rec.Path + " was not kept")
	}
	var checks []model.Check
	if v, ok := member(rec.JSON, "checks"); ok {
		if err := json.Unmarshal(v, &checks); err != nil {
			return nil, nil, err
		}
		return checks, rec.Summary.WarningList, nil
	}
	var part struct {
		Checks []model.Check `json:"checks"`
	}
	if err := json.Unmarshal(rec.JSON, &part); err != nil {
		return nil, nil, err
	}
	return part.Checks, rec.Summary.WarningList, nil
}

// member returns the value of the member key of the JSON object js, found
// by skipping the others byte by byte (strings, nesting) rather than
// decoding them. It is meant for the JSON of encoding/json (valid, every
// key spelt as its tag): ok is false for anything else, or when key is
// not there, and the caller then decodes the usual way.
func member(js []byte, key string) (v []byte, ok bool) {
	i := skipSpace(js, 0)
	if i >= len(js) || js[i] != '{' {
		return nil, false
	}
	i++
	for {
		i = skipSpace(js, i)
		if i >= len(js) || js[i] != '"' {
			return nil, false
		}
		end := skipString(js, i)
		if end < 0 {
			return nil, false
		}
		k := js[i+1 : end-1]
		i = skipSpace(js, end)
		if i >= len(js) || js[i] != ':' {
			return nil, false
		}
		i = skipSpace(js, i+1)
		vend := skipValue(js, i)
		if vend < 0 {
			return nil, false
		}
		if string(k) == key {
			return js[i:vend], true
		}
		i = skipSpace(js, vend)
		if i >= len(js) || js[i] != ',' {
			return nil, false
		}
		i++
	}
}

func skipSpace(js []byte, i int) int {
	for i < len(js) && (js[i] == ' ' || js[i] == '\t' || js[i] == '\n' || js[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the string starting at js[i] ('"'),
// or -1.
func skipString(js []byte, i int) int {
	for i++; i < len(js); i++ {
		switch js[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// skipValue returns the index after the value starting at js[i], or -1.
func skipValue(js []byte, i int) int {
	if i >= len(js) {
		return -1
	}
	switch js[i] {
	case '"':
		return skipString(js, i)
	case '{', '[':
		depth := 0
		for ; i < len(js); i++ {
			switch js[i] {
			case '"':
				if i = skipString(js, i); i < 0 {
					return -1
				}
				i--
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return -1
	}
	// a number, true, false or null
	j := i
	for j < len(js) && js[j] != ',' && js[j] != '}' && js[j] != ']' && js[j] != ' ' && js[j] != '\n' && js[j] != '\t' && js[j] != '\r' {
		j++
	}
	if j == i {
		return -1
	}
	return j
}

// Manifest is what a manifest row gave for one file; nil fields were not
// given.
type Manifest struct {
	Agency *string `json:"agency,omitempty"`
	Region *string `json:"region,omitempty"`
	Year   *int    `json:"year,omitempty"`
}

// Summary is what the flat outputs need of a report: its metadata, the
// known cells and the failed checks. It is kept beside each converted file
// in the batch's state, much smaller than the report itself.
type Summary struct {
	Format     string        `json:"format"`
	Pages      int           `json:"pages,omitempty"`
	Title      *string       `json:"title"`
	Agency     *string       `json:"agency"`
	Year       *int          `json:"year"`
	RegionCode *string       `json:"region_code"`
	Template   string        `json:"template"`
	Warnings   int           `json:"warnings"`
	Failed     []model.Check `json:"failed_checks"`
	// Cells has one value per CellColumns entry, nil when unknown.
	Cells []*float64 `json:"cells"`
	// Prov has one entry per CellColumns entry for the long form: where
	// the value was read or why it is null; nil for a cell the report's
	// tables do not have.
	Prov []*CellInfo `json:"prov,omitempty"`
	// WarningList is the report's warnings (the XLSX warnings sheet).
	WarningList []model.Warning `json:"warning_list,omitempty"`
	// Findings are the single-report audit findings (the findings
	// tables); nil in a summary of a version that did not keep them.
	Findings []model.Finding `json:"findings"`
}

// CellInfo is what the long form says of one cell besides its value.
type CellInfo struct {
	Text     string `json:"t"`           // the raw text the value was read from
	Page     int    `json:"p,omitempty"` // 1-based, paged formats only
	Line     int    `json:"l,omitempty"`
	Inferred bool   `json:"i,omitempty"`
	Null     string `json:"n,omitempty"` // the code of the warning that says why the value is null
}

// Summarize returns the summary of a report.
func Summarize(r *model.Report) *Summary {
	s := &Summary{
		Format: r.Source.Format, Pages: r.Source.Pages, Title: r.Title, Agency: r.Agency, Year: r.Year,
		Template: string(r.Template), Warnings: len(r.Warnings), Failed: model.FailedChecks(r.Checks), WarningList: r.Warnings,
		Cells: make([]*float64, len(cols().cells)), Findings: r.Findings,
	}
	if s.Findings == nil {
		s.Findings = []model.Finding{}
	}
	if r.Region != nil {
		s.RegionCode = r.Region.Code
	}
	for _, t := range r.Tables() {
		if t.Table == nil {
			continue
		}
		for _, row := range t.Table.Rows {
			for _, c := range row.Cells {
				path := t.Name + "." + row.Key + "." + c.Key
				i, ok := cols().index[path]
				if !ok {
					continue
				}
				ci := &CellInfo{}
				if p, ok := r.Provenance[path]; ok {
					ci.Text, ci.Page, ci.Line, ci.Inferred = p.Text, p.Page, p.Line, p.Inferred
				}
				if c.Value == nil {
					ci.Null = nullReason(r.Warnings, path, t.Name+"."+row.Key, t.Name)
				} else {
					v := *c.Value
					s.Cells[i] = &v
				}
				if s.Prov == nil {
					s.Prov = make([]*CellInfo, len(cols().cells))
				}
				s.Prov[i] = ci
			}
		}
	}
	return s
}

// nullReason is the code of the warning that says why a value is null:
// one about the cell itself, else its row, else its table; "unreadable"
// when none says.
func nullReason(ws []model.Warning, paths ...string) string {
	for _, p := range paths {
		for _, w := range ws {
			if w.Field == p {
				return w.Code
			}
		}
	}
	return "unreadable"
}

// Failure is a file that could not be read as a report.
type Failure struct {
	Path   string `json:"path" parquet:"path"`
	SHA256 string `json:"sha256" parquet:"sha256"` // empty when the file itself could not be read
	Kind   string `json:"kind" parquet:"kind"`     // docerr.Kind's name: "damaged", "not a report", …
	Reason string `json:"reason" parquet:"reason"`
	// PathBase64 is the exact bytes of a Path that is not valid UTF-8
	// (see PathText); the writers fill it.
	PathBase64 string `json:"path_base64,omitempty" parquet:"path_base64"`
}

// fixPath makes a failure's path valid UTF-8, keeping its bytes aside.
func (f *Failure) fixPath() *Failure {
	if utf8.ValidString(f.Path) {
		return f
	}
	g := *f
	g.Path, g.PathBase64 = PathText(f.Path)
	return &g
}

// Writer writes one output. Nothing is visible at the destination until
// Commit returns nil; Abort discards what was written.
type Writer interface {
	WriteReport(*Record) error
	WriteFailure(*Failure) error
	Commit() error
	Abort()
	// Paths lists the files Commit makes (the output and any side files).
	Paths() []string
}

// Formats lists the output formats by name.
var Formats = []string{"jsonl", "csv", "xlsx", "sqlite", "parquet"}

// FormatOf returns the format named by format, or else by the extension of
// path.
func FormatOf(path, format string) (string, error) {
	f := strings.TrimPrefix(strings.ToLower(format), ".")
	if f == "" {
		f = strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	}
	switch f {
	case "jsonl", "ndjson":
		return "jsonl", nil
	case "csv", "xlsx", "parquet":
		return f, nil
	case "sqlite", "sqlite3", "db":
		return "sqlite", nil
	}
	if format != "" {
		return "", fmt.Errorf("unknown output format %q (one of %s)", format, strings.Join(Formats, ", "))
	}
	return "", fmt.Errorf("cannot tell the output format from %q: name it .jsonl, .csv, .xlsx, .sqlite or .parquet, or give --format", path)
}

// Create returns a writer of the given format (see FormatOf) for path.
func Create(path, format string, o Options) (Writer, error) {
	w, err := create(path, format, o)
	if err != nil {
		return nil, err
	}
	return withDictionary{w, DictionaryPath(path)}, nil
}

func create(path, format string, o Options) (Writer, error) {
	switch format {
	case "jsonl":
		return newJSONL(path, o)
	case "csv":
		return newCSV(path, o)
	case "xlsx":
		return newXLSX(path, o)
	case "sqlite":
		return newSQLite(path, o)
	case "parquet":
		return newParquet(path, o)
	}
	return nil, fmt.Errorf("unknown output format %q", format)
}

// SidePath is the name of a side file of the output at path: "out.csv"
// with side "errors" and extension "csv" is "out.errors.csv".
func SidePath(path, side, ext string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + "." + side + "." + ext
}
