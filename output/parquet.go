package output

import (
	"fmt"
	"reflect"

	"github.com/parquet-go/parquet-go"
)

// parquetWriter writes the reports with the flat columns (ColumnDefs):
// strings, nullable 64-bit integers for every count, nullable doubles for
// amounts (their unit in their names) and shares; the values in the long
// form (LongColumns); failures to the side file NAME.errors.parquet. The
// wide form is OUT.parquet and the long one OUT.cells.parquet, or the
// other way round with --shape long (OUT.parquet the values,
// OUT.reports.parquet the reports).
type parquetWriter struct {
	reps, cells, errs *pending
	w                 *parquet.Writer
	cw                *parquet.GenericWriter[parquetCell]
	ew                *parquet.GenericWriter[Failure]
	rowType           reflect.Type
	n                 int64
	long              bool
	// The audit's findings: NAME.findings.parquet and
	// NAME.findings_evidence.parquet.
	finds, evid *pending
	fw          *parquet.GenericWriter[parquetFinding]
	vw          *parquet.GenericWriter[parquetEvidence]
	log         findingLog
}

// parquetFinding is a row of the findings table (FindingColumns).
type parquetFinding struct {
	ID       int64  `parquet:"finding_id"`
	ReportID int64  `parquet:"report_id"`
	Path     string `parquet:"path"`
	Rule     string `parquet:"rule"`
	Severity string `parquet:"severity"`
	Message  string `parquet:"message"`
	Other    *int64 `parquet:"other_report_id,optional"`
}

// parquetEvidence is a row of the findings_evidence table
// (EvidenceColumns).
type parquetEvidence struct {
	FindingID int64    `parquet:"finding_id"`
	ReportID  int64    `parquet:"report_id"`
	Path      string   `parquet:"path"`
	Field     string   `parquet:"field"`
	Value     *float64 `parquet:"value,optional"`
	Text      string   `parquet:"text"`
	Page      *int64   `parquet:"page,optional"`
	Line      *int64   `parquet:"line,optional"`
}

// parquetCell is a row of the long form (LongColumns).
type parquetCell struct {
	ReportID   int64    `parquet:"report_id"`
	Field      string   `parquet:"field"`
	Table      string   `parquet:"table_key"`
	Row        string   `parquet:"row_key"`
	Col        string   `parquet:"column_key"`
	RowLabel   string   `parquet:"row_label"`
	ColLabel   string   `parquet:"column_label"`
	Value      *int64   `parquet:"value,optional"`
	Amount     *float64 `parquet:"amount,optional"`
	Unit       string   `parquet:"unit"`
	RawText    string   `parquet:"raw_text"`
	Page       *int64   `parquet:"page,optional"`
	Line       *int64   `parquet:"line,optional"`
	Inferred   int64    `parquet:"inferred"`
	NullReason string   `parquet:"null_reason"`
}

// parquetRowType is a struct type with one field per column, in column
// order, so the file's schema keeps that order.
func parquetRowType(short bool) reflect.Type {
	var fields []reflect.StructField
	str, ostr := reflect.TypeFor[string](), reflect.TypeFor[*string]()
	oint, ofl := reflect.TypeFor[*int64](), reflect.TypeFor[*float64]()
	for i, c := range cols().defs {
		name := c.Name
		if short {
			name = c.Short
		}
		t, tag := ostr, name+",optional"
		switch {
		case c.Name == "path" || c.Name == "sha256" || c.Name == "format" || c.Name == "template" || c.Name == "path_base64":
			t, tag = str, name
		case c.Type == TypeInteger:
			t = oint
		case c.Type == TypeDecimal:
			t = ofl
		}
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: t, Tag: reflect.StructTag(`parquet:"` + tag + `"`)})
	}
	return reflect.StructOf(fields)
}

// ParquetSchema is the schema of the reports file.
func ParquetSchema(short bool) *parquet.Schema {
	return parquet.SchemaOf(reflect.New(parquetRowType(short)).Interface())
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
	w := &parquetWriter{reps: ps[0], cells: ps[1], errs: ps[2], finds: ps[3], evid: ps[4], rowType: parquetRowType(o.short()), long: o.long()}
	w.fw = parquet.NewGenericWriter[parquetFinding](w.finds.f, parquet.Compression(&parquet.Zstd))
	w.vw = parquet.NewGenericWriter[parquetEvidence](w.evid.f, parquet.Compression(&parquet.Zstd))
	w.w = parquet.NewWriter(w.reps.f, parquet.SchemaOf(reflect.New(w.rowType).Interface()), parquet.Compression(&parquet.Zstd))
	w.cw = parquet.NewGenericWriter[parquetCell](w.cells.f, parquet.Compression(&parquet.Zstd))
	w.ew = parquet.NewGenericWriter[Failure](w.errs.f, parquet.Compression(&parquet.Zstd))
	return w, nil
}

func (w *parquetWriter) WriteReport(rec *Record) error {
	w.n++
	if rec.ID == 0 {
		rec.ID = w.n
	}
	v := reflect.New(w.rowType)
	e := v.Elem()
	for i, x := range Flatten(rec).Values() {
		f := e.Field(i)
		switch x := x.(type) {
		case nil:
		case string:
			if f.Kind() == reflect.Pointer {
				f.Set(reflect.ValueOf(&x))
			} else {
				f.SetString(x)
			}
		case int64:
			f.Set(reflect.ValueOf(&x))
		case float64:
			f.Set(reflect.ValueOf(&x))
		}
	}
	if err := w.w.Write(v.Interface()); err != nil {
		return err
	}
	rows := CellRows(rec)
	cs := make([]parquetCell, len(rows))
	for i, c := range rows {
		cs[i] = parquetCell{c.ReportID, c.Field, c.Table, c.Row, c.Col, c.RowLabel, c.ColLabel, c.Value, c.Amount, c.Unit, c.RawText, c.Page, c.Line, 0, c.NullReason}
		if c.Inferred {
			cs[i].Inferred = 1
		}
	}
	if _, err := w.cw.Write(cs); err != nil {
		return err
	}
	return w.writeFindings(w.log.add(rec))
}

func (w *parquetWriter) writeFindings(rows []FindingRow) error {
	for _, f := range rows {
		if _, err := w.fw.Write([]parquetFinding{{f.ID, f.ReportID, f.Path, f.Rule, f.Severity, f.Message, f.Other}}); err != nil {
			return err
		}
		for _, e := range f.Evidence {
			if _, err := w.vw.Write([]parquetEvidence{{e.FindingID, e.ReportID, e.Path, e.Field, e.Value, e.Text, e.Page, e.Line}}); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *parquetWriter) WriteFailure(f *Failure) error {
	_, err := w.ew.Write([]Failure{*f.fixPath()})
	return err
}

func (w *parquetWriter) Commit() error {
	if err := w.writeFindings(w.log.cross()); err != nil {
		w.Abort()
		return err
	}
	for _, c := range []interface{ Close() error }{w.vw, w.fw, w.ew, w.cw, w.w} {
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
