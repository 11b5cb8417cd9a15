package output

import (
	"github.com/xuri/excelize/v2"
)

// xlsxWriter writes a workbook with three sheets: "reports" (one row per
// report, Columns), "checks" (the failed checks, one row each) and "errors"
// (the files that are not readable reports).
type xlsxWriter struct {
	path                  string
	f                     *excelize.File
	reports, checks, errs *excelize.StreamWriter
	nReports, nChecks     int
	nErrs                 int
	row                   []any
}

// CheckColumns are the columns of the failed-checks sheet.
var CheckColumns = []string{"path", "sha256", "rule", "scope", "expected", "actual", "message"}

// FailureColumns are the columns of the errors tables.
var FailureColumns = []string{"path", "sha256", "kind", "reason", "path_base64"}

func newXLSX(path string) (Writer, error) {
	f := excelize.NewFile()
	w := &xlsxWriter{path: path, f: f}
	if err := f.SetSheetName("Sheet1", "reports"); err != nil {
		return nil, err
	}
	for _, s := range []string{"checks", "errors"} {
		if _, err := f.NewSheet(s); err != nil {
			return nil, err
		}
	}
	var err error
	if w.reports, err = f.NewStreamWriter("reports"); err != nil {
		return nil, err
	}
	if w.checks, err = f.NewStreamWriter("checks"); err != nil {
		return nil, err
	}
	if w.errs, err = f.NewStreamWriter("errors"); err != nil {
		return nil, err
	}
	if err := w.reports.SetRow("A1", strings2any(Columns())); err != nil {
		return nil, err
	}
	if err := w.checks.SetRow("A1", strings2any(CheckColumns)); err != nil {
		return nil, err
	}
	if err := w.errs.SetRow("A1", strings2any(FailureColumns)); err != nil {
		return nil, err
	}
	w.nReports, w.nChecks, w.nErrs = 1, 1, 1
	return w, nil
}

func strings2any(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func (w *xlsxWriter) WriteReport(rec *Record) error {
	fl := Flatten(rec)
	w.row = append(w.row[:0], fl.Meta()...)
	for _, c := range fl.Cells {
		if c == nil {
			w.row = append(w.row, nil)
		} else {
			w.row = append(w.row, *c)
		}
	}
	w.row = append(w.row, fl.Tail()...)
	w.nReports++
	cell, _ := excelize.CoordinatesToCellName(1, w.nReports)
	if err := w.reports.SetRow(cell, w.row); err != nil {
		return err
	}
	for _, c := range rec.Summary.Failed {
		w.nChecks++
		cell, _ := excelize.CoordinatesToCellName(1, w.nChecks)
		if err := w.checks.SetRow(cell, []any{fl.Path, fl.SHA256, c.Rule, c.Scope, c.Expected, c.Actual, c.Message}); err != nil {
			return err
		}
	}
	return nil
}

func (w *xlsxWriter) WriteFailure(f *Failure) error {
	w.nErrs++
	cell, _ := excelize.CoordinatesToCellName(1, w.nErrs)
	f = f.fixPath()
	return w.errs.SetRow(cell, []any{f.Path, f.SHA256, f.Kind, f.Reason, f.PathBase64})
}

func (w *xlsxWriter) Commit() error {
	defer w.f.Close()
	for _, sw := range []*excelize.StreamWriter{w.reports, w.checks, w.errs} {
		if err := sw.Flush(); err != nil {
			return err
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

func (w *xlsxWriter) Paths() []string { return []string{w.path} }
