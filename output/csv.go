package output

import (
	"bufio"
	"encoding/csv"
	"strconv"
)

// bom starts the CSV files so that Excel reads them as UTF-8.
const bom = "\ufeff"

// csvWriter writes one row per report (Columns), or per value with
// --shape long (LongColumns), to the output and the failures to the side
// file NAME.errors.csv (path, sha256, kind, reason).
type csvWriter struct {
	out, errs   *pending
	outB, errsB *bufio.Writer
	outC, errsC *csv.Writer
	row         []string
	opt         Options
	n           int64
	// With --shape long the output holds the values and the reports go
	// to the side file NAME.reports.csv.
	reps  *pending
	repsB *bufio.Writer
	repsC *csv.Writer
	// The audit's findings go to NAME.findings.csv and their evidence to
	// NAME.findings_evidence.csv.
	finds, evid   *pending
	findsB, evidB *bufio.Writer
	findsC, evidC *csv.Writer
	log           findingLog
}

func newCSV(path string, o Options) (Writer, error) {
	out, err := createPending(path)
	if err != nil {
		return nil, err
	}
	errs, err := createPending(SidePath(path, "errors", "csv"))
	if err != nil {
		out.abort()
		return nil, err
	}
	w := &csvWriter{out: out, errs: errs, outB: bufio.NewWriterSize(out.f, 1<<16), errsB: bufio.NewWriter(errs.f), opt: o}
	w.outB.WriteString(bom)
	w.errsB.WriteString(bom)
	w.outC, w.errsC = csv.NewWriter(w.outB), csv.NewWriter(w.errsB)
	if o.long() {
		w.outC.Write(LongColumnNames())
		if w.reps, err = createPending(SidePath(path, "reports", "csv")); err != nil {
			out.abort()
			errs.abort()
			return nil, err
		}
		w.repsB = bufio.NewWriterSize(w.reps.f, 1<<16)
		w.repsB.WriteString(bom)
		w.repsC = csv.NewWriter(w.repsB)
		w.repsC.Write(ColumnNames(o.short()))
	} else {
		w.outC.Write(ColumnNames(o.short()))
	}
	w.errsC.Write(FailureColumns)
	if w.finds, err = createPending(SidePath(path, "findings", "csv")); err == nil {
		if w.evid, err = createPending(SidePath(path, "findings_evidence", "csv")); err != nil {
			w.finds.abort()
		}
	}
	if err != nil {
		out.abort()
		errs.abort()
		if w.reps != nil {
			w.reps.abort()
		}
		return nil, err
	}
	w.findsB, w.evidB = bufio.NewWriter(w.finds.f), bufio.NewWriter(w.evid.f)
	w.findsB.WriteString(bom)
	w.evidB.WriteString(bom)
	w.findsC, w.evidC = csv.NewWriter(w.findsB), csv.NewWriter(w.evidB)
	w.findsC.Write(FindingColumnNames())
	w.evidC.Write(EvidenceColumnNames())
	return w, nil
}

func (w *csvWriter) writeFindings(rows []FindingRow) error {
	for _, f := range rows {
		if err := w.findsC.Write(TextCells(nil, f.Values())); err != nil {
			return err
		}
		for _, e := range f.Evidence {
			if err := w.evidC.Write(TextCells(nil, e.Values())); err != nil {
				return err
			}
		}
	}
	return nil
}

// FormatNumber writes a value as the flat text outputs do: the shortest
// decimal form, no exponent.
func FormatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// TextCells returns typed values as CSV cells: numbers in their shortest
// form, text neutralised (Neutralise), nil empty.
func TextCells(row []string, vals []any) []string {
	for _, v := range vals {
		switch v := v.(type) {
		case nil:
			row = append(row, "")
		case string:
			row = append(row, Neutralise(v))
		case int64:
			row = append(row, strconv.FormatInt(v, 10))
		case int:
			row = append(row, strconv.Itoa(v))
		case float64:
			row = append(row, FormatNumber(v))
		}
	}
	return row
}

func (w *csvWriter) WriteReport(rec *Record) error {
	w.n++
	if rec.ID == 0 {
		rec.ID = w.n
	}
	if err := w.writeFindings(w.log.add(rec)); err != nil {
		return err
	}
	if w.opt.long() {
		for _, c := range CellRows(rec) {
			w.row = TextCells(w.row[:0], c.Values())
			if err := w.outC.Write(w.row); err != nil {
				return err
			}
		}
		w.row = TextCells(w.row[:0], Flatten(rec).Values())
		return w.repsC.Write(w.row)
	}
	w.row = TextCells(w.row[:0], Flatten(rec).Values())
	return w.outC.Write(w.row)
}

func (w *csvWriter) WriteFailure(f *Failure) error {
	f = f.fixPath()
	return w.errsC.Write(TextCells(nil, []any{f.Path, f.SHA256, f.Kind, f.Reason, f.PathBase64}))
}

func (w *csvWriter) Commit() error {
	if err := w.writeFindings(w.log.cross()); err != nil {
		w.Abort()
		return err
	}
	w.outC.Flush()
	w.errsC.Flush()
	w.findsC.Flush()
	w.evidC.Flush()
	for _, err := range []error{w.outC.Error(), w.errsC.Error(), w.findsC.Error(), w.evidC.Error(),
		w.outB.Flush(), w.errsB.Flush(), w.findsB.Flush(), w.evidB.Flush()} {
		if err != nil {
			w.Abort()
			return err
		}
	}
	for _, p := range []*pending{w.evid, w.finds} {
		if err := p.commit(); err != nil {
			w.Abort()
			return err
		}
	}
	if w.reps != nil {
		w.repsC.Flush()
		if err := w.repsC.Error(); err != nil {
			w.Abort()
			return err
		}
		if err := w.repsB.Flush(); err != nil {
			w.Abort()
			return err
		}
		if err := w.reps.commit(); err != nil {
			w.out.abort()
			w.errs.abort()
			return err
		}
	}
	if err := w.errs.commit(); err != nil {
		w.out.abort()
		return err
	}
	return w.out.commit()
}

func (w *csvWriter) Abort() {
	w.out.abort()
	w.errs.abort()
	w.finds.abort()
	w.evid.abort()
	if w.reps != nil {
		w.reps.abort()
	}
}

func (w *csvWriter) Paths() []string {
	side := []string{w.errs.final, w.finds.final, w.evid.final}
	if w.reps != nil {
		return append([]string{w.out.final, w.reps.final}, side...)
	}
	return append([]string{w.out.final}, side...)
}
