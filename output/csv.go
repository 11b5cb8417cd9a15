package output

import (
	"bufio"
	"encoding/csv"
	"strconv"
)

// bom starts the CSV files so that Excel reads them as UTF-8.
const bom = "\ufeff"

// csvWriter writes one row per report (Columns) to the output and the
// failures to the side file NAME.errors.csv (path, sha256, kind, reason).
type csvWriter struct {
	out, errs   *pending
	outB, errsB *bufio.Writer
	outC, errsC *csv.Writer
	row         []string
}

func newCSV(path string) (Writer, error) {
	out, err := createPending(path)
	if err != nil {
		return nil, err
	}
	errs, err := createPending(SidePath(path, "errors", "csv"))
	if err != nil {
		out.abort()
		return nil, err
	}
	w := &csvWriter{out: out, errs: errs, outB: bufio.NewWriterSize(out.f, 1<<16), errsB: bufio.NewWriter(errs.f)}
	w.outB.WriteString(bom)
	w.errsB.WriteString(bom)
	w.outC, w.errsC = csv.NewWriter(w.outB), csv.NewWriter(w.errsB)
	w.outC.Write(Columns())
	w.errsC.Write(FailureColumns)
	return w, nil
}

// FormatNumber writes a value as the flat text outputs do: the shortest
// decimal form, no exponent.
func FormatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func (w *csvWriter) WriteReport(rec *Record) error {
	f := Flatten(rec)
	w.row = w.row[:0]
	for _, v := range f.Meta() {
		switch v := v.(type) {
		case nil:
			w.row = append(w.row, "")
		case string:
			w.row = append(w.row, v)
		case int:
			w.row = append(w.row, strconv.Itoa(v))
		}
	}
	for _, c := range f.Cells {
		if c == nil {
			w.row = append(w.row, "")
		} else {
			w.row = append(w.row, FormatNumber(*c))
		}
	}
	w.row = append(w.row, f.PathBase64)
	return w.outC.Write(w.row)
}

func (w *csvWriter) WriteFailure(f *Failure) error {
	f = f.fixPath()
	return w.errsC.Write([]string{f.Path, f.SHA256, f.Kind, f.Reason, f.PathBase64})
}

func (w *csvWriter) Commit() error {
	w.outC.Flush()
	w.errsC.Flush()
	for _, err := range []error{w.outC.Error(), w.errsC.Error(), w.outB.Flush(), w.errsB.Flush()} {
		if err != nil {
			w.Abort()
			return err
		}
	}
	if err := w.errs.commit(); err != nil {
		w.out.abort()
		return err
	}
	return w.out.commit()
}

func (w *csvWriter) Abort() { w.out.abort(); w.errs.abort() }

func (w *csvWriter) Paths() []string { return []string{w.out.final, w.errs.final} }
