package output

import (
	"errors"
	"fmt"

	"github.com/govreport/govreport/internal/xlsx"
	"github.com/govreport/govreport/model"
)

// xlsxWriter writes a workbook with the sheets "reports" (one row per
// report, ColumnDefs, with the Chinese labels in a second header row),
// "cells" (the long form, LongColumns), "checks" (the failed checks),
// "warnings", "findings" and "findings_evidence" (the audit's findings,
// FindingColumns and EvidenceColumns), "errors" (the files that are not
// readable reports) and
// "dictionary" (the data dictionary). With --shape long "cells" comes
// first. Every sheet has its header frozen and an autofilter. Rows are
// streamed (internal/xlsx keeps each sheet's rows in a temporary file
// past a megabyte).
//
// A sheet that reaches Excel's limit of 1,048,576 rows goes on on a new
// sheet "cells (2)", "cells (3)" … placed after it, with the same header
// rows, panes and widths (Notes names them): the rows are all there, in
// order, and a reader concatenates the parts.
type xlsxWriter struct {
	path   string
	f      *xlsx.Workbook
	sheets map[string]*xsheet
	order  []string
	row    []any
	n      int64
	log    findingLog
}

type xsheet struct {
	name  string
	parts []*xlsx.Sheet // the sheet, then the ones that continue it
	width int           // columns
	head  int           // header rows
}

// CheckColumns are the columns of the failed-checks sheet.
var CheckColumns = []string{"path", "sha256", "rule", "scope", "expected", "actual", "message"}

// WarningColumns are the columns of the warnings sheet.
var WarningColumns = []string{"report_id", "path", "code", "field", "message"}

// FailureColumns are the columns of the errors tables.
var FailureColumns = []string{"path", "sha256", "kind", "reason", "path_base64"}

// xlsxRows is the number of rows a sheet may hold: Excel's limit, which
// tests lower.
var xlsxRows = xlsx.MaxRows

func newXLSX(path string, o Options) (Writer, error) {
	f := xlsx.New()
	if err := f.SetRowLimit(xlsxRows); err != nil {
		return nil, err
	}
	order := []string{"reports", "cells", "checks", "warnings", "findings", "findings_evidence", "errors", "dictionary"}
	if o.long() {
		order[0], order[1] = "cells", "reports"
	}
	w := &xlsxWriter{path: path, f: f, sheets: map[string]*xsheet{}, order: order}
	labels := make([]string, len(cols().defs))
	for i, c := range cols().defs {
		labels[i] = c.Label
	}
	headers := map[string][][]string{
		"reports":           {ColumnNames(o.short()), labels},
		"cells":             {LongColumnNames()},
		"checks":            {CheckColumns},
		"warnings":          {WarningColumns},
		"findings":          {FindingColumnNames()},
		"findings_evidence": {EvidenceColumnNames()},
		"errors":            {FailureColumns},
		"dictionary":        {DictionaryColumns},
	}
	for _, name := range order {
		sw, err := f.AddSheet(name)
		if err != nil {
			f.Close()
			return nil, err
		}
		s := &xsheet{name: name, parts: []*xlsx.Sheet{sw}, width: len(headers[name][0]), head: len(headers[name])}
		// Widths: paths and labels wide, numbers narrow.
		for c, h := range headers[name][0] {
			width := 12.0
			switch h {
			case "path", "title", "agency", "message", "reason", "description", "row_label", "label_2019", "label_2021", "text":
				width = 40
			case "sha256", "field", "name":
				width = 24
			}
			if err := sw.SetColWidth(c+1, c+1, width); err != nil {
				f.Close()
				return nil, err
			}
		}
		if err := sw.Freeze(0, s.head); err != nil {
			f.Close()
			return nil, err
		}
		for _, h := range headers[name] {
			if err := s.add(strings2any(h)); err != nil {
				f.Close()
				return nil, err
			}
		}
		w.sheets[name] = s
	}
	for _, c := range DictionaryRows() {
		if err := w.sheets["dictionary"].add(c.Values()); err != nil {
			f.Close()
			return nil, err
		}
	}
	return w, nil
}

// add writes a row, text neutralised (Neutralise), on a new part of the
// sheet when the last one is full.
func (s *xsheet) add(vals []any) error {
	for i, v := range vals {
		if t, ok := v.(string); ok {
			vals[i] = Neutralise(t)
		}
	}
	last := s.parts[len(s.parts)-1]
	err := last.AddRow(vals...)
	if !errors.Is(err, xlsx.ErrFull) {
		return err
	}
	next, err := last.Continue(fmt.Sprintf("%s (%d)", s.name, len(s.parts)+1))
	if err != nil {
		return err
	}
	s.parts = append(s.parts, next)
	return next.AddRow(vals...)
}

func strings2any(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func (w *xlsxWriter) WriteReport(rec *Record) error {
	w.n++
	if rec.ID == 0 {
		rec.ID = w.n
	}
	fl := Flatten(rec)
	if err := w.sheets["reports"].add(fl.Values()); err != nil {
		return err
	}
	for _, c := range CellRows(rec) {
		if err := w.sheets["cells"].add(c.Values()); err != nil {
			return err
		}
	}
	for _, c := range rec.Summary.Failed {
		if err := w.sheets["checks"].add([]any{fl.Path, fl.SHA256, c.Rule, c.Scope, c.Expected, c.Actual, c.Message}); err != nil {
			return err
		}
	}
	for _, x := range rec.Summary.WarningList {
		if err := w.sheets["warnings"].add([]any{rec.ID, fl.Path, x.Code, x.Field, x.Message}); err != nil {
			return err
		}
	}
	return w.writeFindings(w.log.add(rec))
}

func (w *xlsxWriter) writeFindings(rows []FindingRow) error {
	for _, f := range rows {
		if err := w.sheets["findings"].add(f.Values()); err != nil {
			return err
		}
		for _, e := range f.Evidence {
			if err := w.sheets["findings_evidence"].add(e.Values()); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *xlsxWriter) WriteFailure(f *Failure) error {
	f = f.fixPath()
	return w.sheets["errors"].add([]any{f.Path, f.SHA256, f.Kind, f.Reason, f.PathBase64})
}

func (w *xlsxWriter) Commit() error {
	defer w.f.Close()
	if err := w.writeFindings(w.log.cross()); err != nil {
		return err
	}
	for _, s := range w.sheets {
		for _, p := range s.parts {
			if err := p.AutoFilter(1, s.head, s.width, max(p.Rows(), s.head)); err != nil {
				return err
			}
		}
	}
	p, err := createPending(w.path)
	if err != nil {
		return err
	}
	if err := w.f.Write(p.f); err != nil {
		p.abort()
		return err
	}
	return p.commit()
}

func (w *xlsxWriter) Abort() { w.f.Close() }

// Notes names the sheets that went on on others, e.g. `out.xlsx: the
// sheet "cells" is full at 1,048,576 rows (Excel's limit); its rows go on
// in "cells (2)" to "cells (4)", with the same header`.
func (w *xlsxWriter) Notes() []string {
	var out []string
	for _, name := range w.order {
		s := w.sheets[name]
		if len(s.parts) == 1 {
			continue
		}
		more := fmt.Sprintf("%q", s.parts[1].Name())
		switch n := len(s.parts); {
		case n == 3:
			more += fmt.Sprintf(" and %q", s.parts[2].Name())
		case n > 3:
			more += fmt.Sprintf(" to %q", s.parts[n-1].Name())
		}
		out = append(out, fmt.Sprintf("%s: the sheet %q is full at %s rows (Excel's limit); its rows go on in %s, with the same header",
			w.path, name, thousands(w.f.RowLimit()), more))
	}
	return out
}

// thousands writes n with commas: 1,048,576.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (w *xlsxWriter) Paths() []string { return []string{w.path} }

var _ = model.Count
