package output

import (
	"github.com/govreport/govreport/model"
)

// LongColumns are the columns of the long form (--shape long, the cells
// sheet of XLSX, OUT.cells.parquet): one row per value of a report's
// tables.
var LongColumns = []Column{
	{Name: "report_id", Type: TypeInteger, Label: "报告序号", Description: "the report's report_id in the wide form (reports)"},
	{Name: "field", Type: TypeString, Label: "字段", Description: "the field path: the column of the wide form (applications.granted.natural_person)"},
	{Name: "table_key", Type: TypeString, Label: "表", Description: "active_disclosure (table 二), applications (table 三) or review_litigation (table 四)"},
	{Name: "row_key", Type: TypeString, Label: "行键", Description: "the row's key (docs/SCHEMA.md)"},
	{Name: "column_key", Type: TypeString, Label: "列键", Description: "the column's key"},
	{Name: "row_label", Type: TypeString, Label: "行标签", Description: "the row's label as the report's template prints it, with its group"},
	{Name: "column_label", Type: TypeString, Label: "列标签", Description: "the column's label as the report's template prints it"},
	{Name: "value", Type: TypeInteger, Label: "数值", Description: "the count; empty for money (see amount) and when null"},
	{Name: "amount", Type: TypeDecimal, Label: "金额", Description: "money, in unit; empty for counts and when null"},
	{Name: "unit", Type: TypeString, Label: "单位", Description: "元 or 万元 for amounts, empty for counts"},
	{Name: "raw_text", Type: TypeString, Label: "原文", Description: "the text the value was read from (\"12\", \"\" for a blank, \"—\")"},
	{Name: "page", Type: TypeInteger, Label: "页码", Description: "1-based page of paged formats"},
	{Name: "line", Type: TypeInteger, Label: "行号", Description: "1-based line of govreport lines FILE"},
	{Name: "inferred", Type: TypeInteger, Label: "推算", Description: "1 when no cell printed the value and the document's arithmetic gives it (inferred_from_arithmetic), else 0"},
	{Name: "null_reason", Type: TypeString, Label: "空值原因", Description: "for a null value, the code of the warning that says why (docs/SCHEMA.md, warnings)"},
}

// LongColumnNames are the names of LongColumns.
func LongColumnNames() []string {
	out := make([]string, len(LongColumns))
	for i, c := range LongColumns {
		out[i] = c.Name
	}
	return out
}

// CellRow is one row of the long form.
type CellRow struct {
	ReportID               int64
	Field, Table, Row, Col string
	RowLabel, ColLabel     string
	Value                  *int64
	Amount                 *float64
	Unit, RawText          string
	Page, Line             *int64
	Inferred               bool
	NullReason             string
	kind                   model.ValueKind
	rawValue               *float64
}

// Values returns the row in LongColumns order, typed: string, int64,
// float64 or nil.
func (c *CellRow) Values() []any {
	inf := int64(0)
	if c.Inferred {
		inf = 1
	}
	return []any{c.ReportID, c.Field, c.Table, c.Row, c.Col, c.RowLabel, c.ColLabel, i64(c.Value), f64(c.Amount),
		c.Unit, c.RawText, i64(c.Page), i64(c.Line), inf, c.NullReason}
}

func i64(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

func f64(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// CellRows returns the long form of a record: one row per cell of the
// report's tables that the catalogue lists, in column order.
func CellRows(rec *Record) []CellRow {
	s := rec.Summary
	if s.Prov == nil {
		return nil
	}
	g := model.Generation(s.Template)
	var out []CellRow
	for i, p := range s.Prov {
		if p == nil {
			continue
		}
		f := cols().defs[len(MetaColumns)+i].Field
		l, ok := f.Labels[g]
		if !ok {
			l = f.Labels[f.Gens[0]]
		}
		row := l.Row
		if l.Group != "" {
			row = l.Group + " " + row
		}
		c := CellRow{ReportID: rec.ID, Field: f.Path, Table: f.Table, Row: f.Row, Col: f.Col, RowLabel: row, ColLabel: l.Col,
			Unit: f.Unit, RawText: p.Text, Inferred: p.Inferred, NullReason: p.Null, kind: f.Kind, rawValue: s.Cells[i]}
		if v := s.Cells[i]; v != nil {
			if f.Kind == model.Amount {
				x := *v
				c.Amount = &x
			} else {
				n := int64(*v)
				c.Value = &n
			}
		}
		if p.Page > 0 {
			n := int64(p.Page)
			c.Page = &n
		}
		if p.Line > 0 {
			n := int64(p.Line)
			c.Line = &n
		}
		out = append(out, c)
	}
	return out
}
