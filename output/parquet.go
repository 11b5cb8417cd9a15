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
	for i, c := range columnDefs {
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
	for _, p := range []string{repPath, cellPath, SidePath(path, "errors", "parquet")} {
		f, err := createPending(p)
		if err != nil {
			for _, q := range ps {
				q.abort()
			}
			return nil, err
		}
		ps = append(ps, f)
	}
	w := &parquetWriter{reps: ps[0], cells: ps[1], errs: ps[2], rowType: parquetRowType(o.short()), long: o.long()}
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
	_, err := w.cw.Write(cs)
	return err
}

func (w *parquetWriter) WriteFailure(f *Failure) error {
	_, err := w.ew.Write([]Failure{*f.fixPath()})
	return err
}

func (w *parquetWriter) Commit() error {
	for _, c := range []interface{ Close() error }{w.ew, w.cw, w.w} {
		if err := c.Close(); err != nil {
			w.Abort()
			return err
		}
	}
	for i, p := range []*pending{w.errs, w.cells, w.reps} {
		if err := p.commit(); err != nil {
			for _, q := range []*pending{w.errs, w.cells, w.reps}[i+1:] {
				q.abort()
			}
			return err
		}
	}
	return nil
}

func (w *parquetWriter) Abort() { w.reps.abort(); w.cells.abort(); w.errs.abort() }

func (w *parquetWriter) Paths() []string {
	if w.long {
		return []string{w.cells.final, w.reps.final, w.errs.final}
	}
	return []string{w.reps.final, w.cells.final, w.errs.final}
}
