package model

import "strconv"

// Finding is one result of the audit rules (docs/AUDIT.md): something the
// report says against itself, against its template or, in `govreport
// audit`, against another report. Findings never change the numbers.
type Finding struct {
	Rule     string     `json:"rule"`
	Severity string     `json:"severity"` // error, warning or info
	Message  string     `json:"message"`  // Chinese, one sentence
	Evidence []Evidence `json:"evidence"`
}

// Severities of a finding.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// Evidence is one thing a finding points at: a table cell (Field is its
// path, Text the raw cell), a sentence of the free text (Field is
// text.overview …, Text the sentence) or a value of the report (year,
// template). Page and Line are 0 when not known; Path names the input
// when a finding spans several reports.
type Evidence struct {
	Path  string   `json:"path,omitempty"`
	Field string   `json:"field"`
	Value *float64 `json:"value"`
	Text  string   `json:"text"`
	Page  int      `json:"page"`
	Line  int      `json:"line"`
}

// MarshalJSON writes the evidence by hand, like the rest of a report: an
// unknown value, page or line is null, never 0.
func (e Evidence) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 96+len(e.Text))
	b = append(b, '{')
	if e.Path != "" {
		b = append(b, `"path":`...)
		b = appendString(b, e.Path)
		b = append(b, ',')
	}
	b = append(b, `"field":`...)
	b = appendString(b, e.Field)
	b = append(b, `,"value":`...)
	b = appendNumber(b, e.Value)
	b = append(b, `,"text":`...)
	b = appendString(b, e.Text)
	b = append(b, `,"page":`...)
	b = appendPositive(b, e.Page)
	b = append(b, `,"line":`...)
	b = appendPositive(b, e.Line)
	return append(b, '}'), nil
}

func appendPositive(b []byte, n int) []byte {
	if n <= 0 {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// CellEvidence points at a table cell: its value and where it was read.
func (r *Report) CellEvidence(t *Table, table, row, col string) Evidence {
	field := table + "." + row + "." + col
	e := Evidence{Field: field}
	if v, ok := t.Get(row, col); ok {
		e.Value = &v
	}
	if p, ok := r.Provenance[field]; ok {
		e.Text, e.Page, e.Line = p.Text, p.Page, p.Line
	}
	return e
}
