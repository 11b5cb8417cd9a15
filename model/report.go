// Package model holds the report type of the JSON contract (schema
// "govreport/1"), the catalogue of both template generations and the
// arithmetic checks. It knows nothing about file formats.
package model

import (
	"bytes"
	"encoding/json"
	"sort"
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
	Template         Generation  `json:"template"`
	Templates        Templates   `json:"templates"`
	ActiveDisclosure *Table      `json:"active_disclosure"`
	Applications     *Table      `json:"applications"`
	ReviewLitigation *Table      `json:"review_litigation"`
	Text             Text        `json:"text"`
	Checks           []Check     `json:"checks"`
	Warnings         []Warning   `json:"warnings"`
	Provenance       Provenances `json:"provenance"`
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

// Text holds the free-text sections.
type Text struct {
	Overview     string `json:"overview"`
	Problems     string `json:"problems"`
	OtherMatters string `json:"other_matters"`
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
}

// Provenances maps field paths to their provenance.
type Provenances map[string]Provenance

// Table is a two-level table of numbers (row key → column key → value)
// that keeps the template's order in its JSON form. A nil value is a
// cell that could not be read.
type Table struct {
	Rows []Row
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
	t := &Table{Rows: make([]Row, len(rows))}
	for i, r := range rows {
		cs := cols(r)
		t.Rows[i] = Row{Key: r, Cells: make([]Cell, len(cs))}
		for j, c := range cs {
			t.Rows[i].Cells[j] = Cell{Key: c}
		}
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
	cell.Value = &v
	return true
}

// MarshalJSON writes the table as nested objects in row and column order.
func (t *Table) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, r := range t.Rows {
		if i > 0 {
			b.WriteByte(',')
		}
		writeKey(&b, r.Key)
		b.WriteByte('{')
		for j, c := range r.Cells {
			if j > 0 {
				b.WriteByte(',')
			}
			writeKey(&b, c.Key)
			if c.Value == nil {
				b.WriteString("null")
				continue
			}
			v, err := json.Marshal(*c.Value)
			if err != nil {
				return nil, err
			}
			b.Write(v)
		}
		b.WriteByte('}')
	}
	b.WriteByte('}')
	return b.Bytes(), nil
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
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		writeKey(&b, k)
		v, err := json.Marshal(p[k])
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func writeKey(b *bytes.Buffer, k string) {
	kb, _ := json.Marshal(k)
	b.Write(kb)
	b.WriteByte(':')
}

// Warn appends a warning to the report.
func (r *Report) Warn(code, field, message string) {
	r.Warnings = append(r.Warnings, Warning{Code: code, Field: field, Message: message})
}
