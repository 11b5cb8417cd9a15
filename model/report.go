// Package model holds the report type of the JSON contract (schema
// "govreport/1"), the catalogue of both template generations and the
// arithmetic checks. It knows nothing about file formats.
package model

import (
	"bytes"
	"encoding/json"
	"math"
	"sort"
	"strconv"
)

// Schema is the value of the "schema" key of every report.
const Schema = "govreport/1"

// Report is one disclosure report as read from one document.
type Report struct {
	Schema string  `json:"schema"`
	Source Source  `json:"source"`
	Title  *string `json:"title"`
	Agency *string `json:"agency"`
	Year   *int    `json:"year"`
	Region *Region `json:"region"` // the division and agency kind (model/region.go)
	// Template is the generation of table 三 ("2019" or "2021"), the
	// contract's "template". Templates records each table's own generation,
	// since hybrids exist.
	Template         Generation `json:"template"`
	Templates        Templates  `json:"templates"`
	ActiveDisclosure *Table     `json:"active_disclosure"`
	Applications     *Table     `json:"applications"`
	ReviewLitigation *Table     `json:"review_litigation"`
	Text             Text       `json:"text"`
	Checks           []Check    `json:"checks"`
	Warnings         []Warning  `json:"warnings"`
	// Findings are the single-report audit rules' results (package audit).
	Findings   []Finding   `json:"findings"`
	Provenance Provenances `json:"provenance"`
}

// Source describes the document a report was read from.
type Source struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	SHA256 string `json:"sha256"`
	Pages  int    `json:"pages,omitempty"`
}

// Templates records the generation decided for each table independently.
type Templates struct {
	ActiveDisclosure Generation `json:"active_disclosure,omitempty"`
	Applications     Generation `json:"applications,omitempty"`
}

// NamedTable is one of a report's three tables with the key that names
// it in the JSON and in every cell's path (applications.granted.total).
type NamedTable struct {
	Name  string
	Table *Table // nil when the table was not read
}

// Tables returns the report's three tables in template order.
func (r *Report) Tables() []NamedTable {
	return []NamedTable{{"active_disclosure", r.ActiveDisclosure}, {"applications", r.Applications}, {"review_litigation", r.ReviewLitigation}}
}

// Text holds the free-text sections.
type Text struct {
	Overview     string `json:"overview"`
	Problems     string `json:"problems"`
	OtherMatters string `json:"other_matters"`
	// Signature is the block that signs the report (the issuing body and
	// the date of issue), taken off the end of the last section: none of
	// the section's text, but the audit reads the year from its date.
	Signature string `json:"signature"`
}

// Check is one arithmetic relation evaluated on the document's numbers.
type Check struct {
	Rule     string  `json:"rule"`
	Scope    string  `json:"scope"`
	OK       bool    `json:"ok"`
	Expected float64 `json:"expected"`
	Actual   float64 `json:"actual"`
	Message  string  `json:"message"`
}

// Warning is something a reader of the report should know.
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// Provenance says where a value was read.
type Provenance struct {
	Text string `json:"text"`
	Page int    `json:"page,omitempty"`
	Line int    `json:"line"`
	// Inferred marks a value that was not printed legibly but follows
	// from two of the document's own arithmetic relations (a cell a
	// converter lost); Text is then the empty cell.
	Inferred bool `json:"inferred,omitempty"`
	// Method is "ocr" for a value read from a page image (a scan);
	// empty for text. Confidence is then the engine's confidence (0–100)
	// in the reading kept, and Box the cell it was read from.
	Method     string  `json:"method,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	Box        *Box    `json:"box,omitempty"`
}

// Box is a rectangle on a page in points (1/72 inch) from the page's top
// left corner, as the straightened page image shows it.
type Box struct {
	Page int     `json:"page"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
}

// Provenances maps field paths to their provenance.
type Provenances map[string]Provenance

// Table is a two-level table of numbers (row key → column key → value)
// that keeps the template's order in its JSON form. A nil value is a
// cell that could not be read.
type Table struct {
	Rows []Row
	// free is where Set takes its values from: one block for the table's
	// cells instead of a float allocated per cell. A slot is handed out
	// once, so the value a cell points to is never shared or rewritten;
	// the block is behind a pointer so that a copy of the Table shares
	// it rather than handing the same slots out again.
	free *[]float64
}

// Row is one row of a Table.
type Row struct {
	Key   string
	Cells []Cell
}

// Cell is one value of a Row.
type Cell struct {
	Key   string
	Value *float64
}

// NewTable makes a table with the given rows and columns, every value nil.
func NewTable(rows []string, cols func(row string) []string) *Table {
	// The table and the head of its block of values in one allocation.
	a := &struct {
		t    Table
		free []float64
	}{}
	t := &a.t
	t.Rows, t.free = make([]Row, len(rows)), &a.free
	n := 0
	for _, r := range rows {
		n += len(cols(r))
	}
	// Every row's cells in one block; each row's part is capped, so an
	// append to a row cannot reach the next.
	cells := make([]Cell, n)
	for i, r := range rows {
		cs := cols(r)
		rc := cells[:len(cs):len(cs)]
		cells = cells[len(cs):]
		for j, c := range cs {
			rc[j] = Cell{Key: c}
		}
		t.Rows[i] = Row{Key: r, Cells: rc}
	}
	return t
}

// Row returns the row with key r, or nil.
func (t *Table) Row(r string) *Row {
	if t == nil {
		return nil
	}
	for i := range t.Rows {
		if t.Rows[i].Key == r {
			return &t.Rows[i]
		}
	}
	return nil
}

// Cell returns the cell at row r, column c, or nil.
func (t *Table) Cell(r, c string) *Cell {
	row := t.Row(r)
	if row == nil {
		return nil
	}
	for i := range row.Cells {
		if row.Cells[i].Key == c {
			return &row.Cells[i]
		}
	}
	return nil
}

// Get returns the value of the row at column c and whether it is known
// (a nil row has none: Table.Row's answer for a missing row).
func (row *Row) Get(c string) (float64, bool) {
	if row == nil {
		return 0, false
	}
	for i := range row.Cells {
		if row.Cells[i].Key == c {
			if v := row.Cells[i].Value; v != nil {
				return *v, true
			}
			return 0, false
		}
	}
	return 0, false
}

// Get returns the value at row r, column c and whether it is known.
func (t *Table) Get(r, c string) (float64, bool) {
	cell := t.Cell(r, c)
	if cell == nil || cell.Value == nil {
		return 0, false
	}
	return *cell.Value, true
}

// Set stores v at row r, column c; it reports false when the table has no
// such cell.
func (t *Table) Set(r, c string, v float64) bool {
	cell := t.Cell(r, c)
	if cell == nil {
		return false
	}
	if t.free == nil {
		t.free = new([]float64)
	}
	free := t.free
	if len(*free) == 0 {
		n := 0
		for _, row := range t.Rows {
			n += len(row.Cells)
		}
		*free = make([]float64, max(n, 1))
	}
	(*free)[0] = v
	cell.Value = &(*free)[0]
	*free = (*free)[1:]
	return true
}

// MarshalJSON writes the table as nested objects in row and column order.
// It is written by hand: encoding reports is a large share of a batch
// conversion, and a value per reflection call costs more than the parse.
func (t *Table) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 64+len(t.Rows)*200)
	b = append(b, '{')
	for i, r := range t.Rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, r.Key)
		b = append(b, ':', '{')
		for j, c := range r.Cells {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendString(b, c.Key)
			b = append(b, ':')
			b = appendNumber(b, c.Value)
		}
		b = append(b, '}')
	}
	return append(b, '}'), nil
}

// appendNumber writes v as encoding/json does for the values a report
// holds, or null.
func appendNumber(b []byte, v *float64) []byte {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return append(b, "null"...)
	}
	f := *v
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.AppendFloat(b, f, 'e', -1, 64)
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// appendString writes s as a JSON string.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// UnmarshalJSON reads nested objects, keeping the order found in the input.
func (t *Table) UnmarshalJSON(data []byte) error {
	t.Rows = nil
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return err
		}
		row := Row{Key: k.(string)}
		if _, err := dec.Token(); err != nil { // {
			return err
		}
		for dec.More() {
			ck, err := dec.Token()
			if err != nil {
				return err
			}
			var v *float64
			if err := dec.Decode(&v); err != nil {
				return err
			}
			row.Cells = append(row.Cells, Cell{Key: ck.(string), Value: v})
		}
		if _, err := dec.Token(); err != nil { // }
			return err
		}
		t.Rows = append(t.Rows, row)
	}
	_, err := dec.Token()
	return err
}

// MarshalJSON writes provenance entries sorted by field path, so output is
// stable.
func (p Provenances) MarshalJSON() ([]byte, error) {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b := make([]byte, 0, 16+len(keys)*80)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		v := p[k]
		b = appendString(b, k)
		b = append(b, `:{"text":`...)
		b = appendString(b, v.Text)
		if v.Page != 0 {
			b = append(b, `,"page":`...)
			b = strconv.AppendInt(b, int64(v.Page), 10)
		}
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(v.Line), 10)
		if v.Inferred {
			b = append(b, `,"inferred":true`...)
		}
		if v.Method != "" {
			b = append(b, `,"method":`...)
			b = appendString(b, v.Method)
		}
		if v.Confidence != 0 {
			b = append(b, `,"confidence":`...)
			b = strconv.AppendFloat(b, v.Confidence, 'f', -1, 64)
		}
		if x := v.Box; x != nil {
			b = append(b, `,"box":{"page":`...)
			b = strconv.AppendInt(b, int64(x.Page), 10)
			for _, f := range [...]struct {
				k string
				v float64
			}{{"x", x.X}, {"y", x.Y}, {"w", x.W}, {"h", x.H}} {
				b = append(b, `,"`...)
				b = append(b, f.k...)
				b = append(b, `":`...)
				b = strconv.AppendFloat(b, f.v, 'f', -1, 64)
			}
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	return append(b, '}'), nil
}

// Warn appends a warning to the report.
func (r *Report) Warn(code, field, message string) {
	r.Warnings = append(r.Warnings, Warning{Code: code, Field: field, Message: message})
}
