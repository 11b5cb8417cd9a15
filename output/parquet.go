package output

import (
	"fmt"

	"github.com/govreport/govreport/internal/parquet"
)

// parquetWriter writes the reports with the flat columns (ColumnDefs):
// strings, nullable 64-bit integers for every count, nullable doubles for
// amounts (their unit in their names) and shares; the values in the long
// form (LongColumns); failures to the side file NAME.errors.parquet. The
// wide form is OUT.parquet and the long one OUT.cells.parquet, or the
// other way round with --shape long (OUT.parquet the values,
// OUT.reports.parquet the reports).
//
// The files are written by internal/parquet (gzip pages), not by a
// general Parquet library, so the command does not pay for one at start.
type parquetWriter struct {
	reps, cells, errs *pending
	w, cw, ew         *parquet.Writer
	// required marks the wide table's required string columns: a nil
	// there is written as "".
	required []bool
	n        int64
	long     bool
	// The audit's findings: NAME.findings.parquet and
	// NAME.findings_evidence.parquet.
	finds, evid *pending
	fw, vw      *parquet.Writer
	log         findingLog
}

// parquetOptions are the files' settings; Name is the schema's root name,
// kept as the files had it when they were written by parquet-go.
func parquetOptions(name string) parquet.Options {
	return parquet.Options{Name: name, Codec: parquet.Gzip}
}

// parquetRequired are the wide table's columns that always have a value.
func parquetRequired(name string) bool {
	switch name {
	case "path", "sha256", "format", "template", "path_base64":
		return true
	}
	return false
}

// parquetReportColumns are the wide table's columns in ColumnDefs order:
// optional but for parquetRequired.
func parquetReportColumns(short bool) []parquet.Column {
	defs := cols().defs
	out := make([]parquet.Column, len(defs))
	for i, c := range defs {
		name := c.Name
		if short {
			name = c.Short
		}
		out[i] = parquet.Column{Name: name, Type: parquetType(c.Type), Optional: !parquetRequired(c.Name)}
	}
	return out
}

func parquetType(t string) parquet.Type {
	switch t {
	case TypeInteger:
		return parquet.Int64
	case TypeDecimal:
		return parquet.Double
	}
	return parquet.String
}

// parquetColumns are the columns of a side table: required but for the
// names given.
func parquetColumns(cs []Column, optional ...string) []parquet.Column {
	out := make([]parquet.Column, len(cs))
	for i, c := range cs {
		out[i] = parquet.Column{Name: c.Name, Type: parquetType(c.Type)}
		for _, o := range optional {
			if o == c.Name {
				out[i].Optional = true
			}
		}
	}
	return out
}

func parquetFailureColumns() []parquet.Column {
	out := make([]parquet.Column, len(FailureColumns))
	for i, n := range FailureColumns {
		out[i] = parquet.Column{Name: n, Type: parquet.String}
	}
	return out
}

func newParquet(path string, o Options) (Writer, error) {
	repPath, cellPath := path, SidePath(path, "cells", "parquet")
	if o.long() {
		repPath, cellPath = SidePath(path, "reports", "parquet"), path
	}
	var ps []*pending
	for _, p := range []string{repPath, cellPath, SidePath(path, "errors", "parquet"), SidePath(path, "findings", "parquet"), SidePath(path, "findings_evidence", "parquet")} {
		f, err := createPending(p)
		if err != nil {
			for _, q := range ps {
				q.abort()
			}
			return nil, err
		}
		ps = append(ps, f)
	}
	w := &parquetWriter{reps: ps[0], cells: ps[1], errs: ps[2], finds: ps[3], evid: ps[4], long: o.long()}
	repCols := parquetReportColumns(o.short())
	for _, c := range repCols {
		w.required = append(w.required, !c.Optional)
	}
	var err error
	for _, x := range []struct {
		w    **parquet.Writer
		p    *pending
		cols []parquet.Column
		name string
	}{
		{&w.w, w.reps, repCols, ""},
		{&w.cw, w.cells, parquetColumns(LongColumns, "value", "amount", "page", "line"), "parquetCell"},
		{&w.ew, w.errs, parquetFailureColumns(), "Failure"},
		{&w.fw, w.finds, parquetColumns(FindingColumns, "other_report_id"), "parquetFinding"},
		{&w.vw, w.evid, parquetColumns(EvidenceColumns, "value", "page", "line"), "parquetEvidence"},
	} {
		if *x.w, err = parquet.NewWriter(x.p.f, x.cols, parquetOptions(x.name)); err != nil {
			w.Abort()
			return nil, err
		}
	}
	return w, nil
}

func (w *parquetWriter) WriteReport(rec *Record) error {
	w.n++
	if rec.ID == 0 {
		rec.ID = w.n
	}
	// Typed calls, not Write: Values' types are the columns' already, and
	// Write would check each value, then switch on it again.
	for i, v := range Flatten(rec).Values() {
		switch v := v.(type) {
		case nil:
			if w.required[i] {
				w.w.String("")
			} else {
				w.w.Null()
			}
		case int64:
			w.w.Int64(v)
		case float64:
			w.w.Double(v)
		case string:
			w.w.String(v)
		default: // not a type Values gives
			return fmt.Errorf("parquet: column %d cannot hold %T", i, v)
		}
	}
	if err := w.w.EndRow(); err != nil {
		return err
	}
	rows := CellRows(rec)
	for i := range rows {
		if err := writeParquetCell(w.cw, &rows[i]); err != nil {
			return err
		}
	}
	return w.writeFindings(w.log.add(rec))
}

// writeParquetCell writes a row of the long form as CellRow.Values has
// it, with typed calls: the cells are most of a convert's values, and
// boxing each in an interface would cost more than writing it.
func writeParquetCell(w *parquet.Writer, c *CellRow) error {
	w.Int64(c.ReportID)
	w.String(c.Field)
	w.String(c.Table)
	w.String(c.Row)
	w.String(c.Col)
	w.String(c.RowLabel)
	w.String(c.ColLabel)
	parquetInt(w, c.Value)
	if c.Amount == nil {
		w.Null()
	} else {
		w.Double(*c.Amount)
	}
	w.String(c.Unit)
	w.String(c.RawText)
	parquetInt(w, c.Page)
	parquetInt(w, c.Line)
	if c.Inferred {
		w.Int64(1)
	} else {
		w.Int64(0)
	}
	w.String(c.NullReason)
	return w.EndRow()
}

func parquetInt(w *parquet.Writer, p *int64) {
	if p == nil {
		w.Null()
	} else {
		w.Int64(*p)
	}
}

func (w *parquetWriter) writeFindings(rows []FindingRow) error {
	for _, f := range rows {
		if err := w.fw.Write(f.Values()); err != nil {
			return err
		}
		for _, e := range f.Evidence {
			if err := w.vw.Write(e.Values()); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *parquetWriter) WriteFailure(f *Failure) error {
	g := f.fixPath()
	return w.ew.Write([]any{g.Path, g.SHA256, g.Kind, g.Reason, g.PathBase64})
}

func (w *parquetWriter) Commit() error {
	if err := w.writeFindings(w.log.cross()); err != nil {
		w.Abort()
		return err
	}
	for _, c := range []*parquet.Writer{w.vw, w.fw, w.ew, w.cw, w.w} {
		if err := c.Close(); err != nil {
			w.Abort()
			return err
		}
	}
	all := []*pending{w.evid, w.finds, w.errs, w.cells, w.reps}
	for i, p := range all {
		if err := p.commit(); err != nil {
			for _, q := range all[i+1:] {
				q.abort()
			}
			return err
		}
	}
	return nil
}

func (w *parquetWriter) Abort() {
	for _, p := range []*pending{w.reps, w.cells, w.errs, w.finds, w.evid} {
		p.abort()
	}
}

func (w *parquetWriter) Paths() []string {
	side := []string{w.errs.final, w.finds.final, w.evid.final}
	if w.long {
		return append([]string{w.cells.final, w.reps.final}, side...)
	}
	return append([]string{w.reps.final, w.cells.final}, side...)
}
