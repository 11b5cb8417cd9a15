package output

import (
	"fmt"
	"reflect"

	"github.com/parquet-go/parquet-go"
)

// parquetWriter writes one row per report with the flat columns (Columns):
// strings, nullable integers for pages and year, and a nullable double per
// table cell. Failures go to the side file NAME.errors.parquet.
type parquetWriter struct {
	out, errs *pending
	w         *parquet.Writer
	ew        *parquet.GenericWriter[Failure]
	rowType   reflect.Type
}

// parquetRowType is a struct type with one field per column, in Columns
// order, so the file's schema keeps that order.
var parquetRowType = func() reflect.Type {
	var fields []reflect.StructField
	add := func(name string, t reflect.Type, optional bool) {
		tag := name
		if optional {
			tag += ",optional"
		}
		fields = append(fields, reflect.StructField{
			Name: fmt.Sprintf("F%d", len(fields)), Type: t, Tag: reflect.StructTag(`parquet:"` + tag + `"`),
		})
	}
	str, ostr := reflect.TypeFor[string](), reflect.TypeFor[*string]()
	oint, i64 := reflect.TypeFor[*int64](), reflect.TypeFor[int64]()
	for _, c := range MetaColumns {
		switch c {
		case "path", "sha256", "format", "template":
			add(c, str, false)
		case "title", "agency", "region":
			add(c, ostr, true)
		case "pages", "year":
			add(c, oint, true)
		case "failed_checks", "warnings":
			add(c, i64, false)
		default:
			panic("parquet: no type for column " + c)
		}
	}
	for _, c := range cellColumns {
		add(c, reflect.TypeFor[*float64](), true)
	}
	for _, c := range TailColumns {
		add(c, str, false)
	}
	return reflect.StructOf(fields)
}()

// ParquetSchema is the schema of the reports file.
func ParquetSchema() *parquet.Schema {
	return parquet.SchemaOf(reflect.New(parquetRowType).Interface())
}

func newParquet(path string) (Writer, error) {
	out, err := createPending(path)
	if err != nil {
		return nil, err
	}
	errs, err := createPending(SidePath(path, "errors", "parquet"))
	if err != nil {
		out.abort()
		return nil, err
	}
	return &parquetWriter{
		out: out, errs: errs, rowType: parquetRowType,
		w:  parquet.NewWriter(out.f, ParquetSchema(), parquet.Compression(&parquet.Zstd)),
		ew: parquet.NewGenericWriter[Failure](errs.f, parquet.Compression(&parquet.Zstd)),
	}, nil
}

func (w *parquetWriter) WriteReport(rec *Record) error {
	fl := Flatten(rec)
	v := reflect.New(w.rowType)
	e := v.Elem()
	meta := fl.Meta()
	for i, m := range meta {
		f := e.Field(i)
		switch m := m.(type) {
		case nil:
		case string:
			if f.Kind() == reflect.Pointer {
				f.Set(reflect.ValueOf(&m))
			} else {
				f.SetString(m)
			}
		case int:
			n := int64(m)
			if f.Kind() == reflect.Pointer {
				f.Set(reflect.ValueOf(&n))
			} else {
				f.SetInt(n)
			}
		}
	}
	for i, c := range fl.Cells {
		if c != nil {
			e.Field(len(meta) + i).Set(reflect.ValueOf(c))
		}
	}
	e.Field(len(meta) + len(fl.Cells)).SetString(fl.PathBase64)
	return w.w.Write(v.Interface())
}

func (w *parquetWriter) WriteFailure(f *Failure) error {
	_, err := w.ew.Write([]Failure{*f.fixPath()})
	return err
}

func (w *parquetWriter) Commit() error {
	if err := w.ew.Close(); err != nil {
		w.Abort()
		return err
	}
	if err := w.w.Close(); err != nil {
		w.Abort()
		return err
	}
	if err := w.errs.commit(); err != nil {
		w.out.abort()
		return err
	}
	return w.out.commit()
}

func (w *parquetWriter) Abort() { w.out.abort(); w.errs.abort() }

func (w *parquetWriter) Paths() []string { return []string{w.out.final, w.errs.final} }
