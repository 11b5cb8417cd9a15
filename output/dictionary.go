package output

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/govreport/govreport/model"
)

// DictionaryColumns are the columns of the data dictionary.
var DictionaryColumns = []string{
	"table", "name", "short_name", "type", "unit", "label", "kind", "table_key", "row_key", "column_key",
	"label_2019", "label_2021", "generations", "description",
}

// Entry is one column of one output table in the data dictionary.
type Entry struct {
	Table       string `json:"table"` // reports, cells, findings, findings_evidence, errors, checks, warnings
	Name        string `json:"name"`
	ShortName   string `json:"short_name"`
	Type        string `json:"type"`
	Unit        string `json:"unit"`
	Label       string `json:"label"`
	Kind        string `json:"kind"`
	TableKey    string `json:"table_key"`
	RowKey      string `json:"row_key"`
	ColumnKey   string `json:"column_key"`
	Label2019   string `json:"label_2019"`
	Label2021   string `json:"label_2021"`
	Generations string `json:"generations"`
	Description string `json:"description"`
}

// Values returns the entry in DictionaryColumns order.
func (e Entry) Values() []any {
	return []any{e.Table, e.Name, e.ShortName, e.Type, e.Unit, e.Label, e.Kind, e.TableKey, e.RowKey, e.ColumnKey,
		e.Label2019, e.Label2021, e.Generations, e.Description}
}

func (e Entry) strings() []string {
	var out []string
	for _, v := range e.Values() {
		out = append(out, v.(string))
	}
	return out
}

// DictionaryRows returns the data dictionary: every column of every table
// the outputs write, generated from the template's catalogue (model).
func DictionaryRows() []Entry {
	var out []Entry
	for _, c := range cols().defs {
		e := Entry{Table: "reports", Name: c.Name, ShortName: c.Short, Type: c.Type, Unit: c.Unit, Label: c.Label,
			Kind: c.Kind, Generations: c.Gens, Description: c.Description}
		if f := c.Field; f != nil {
			e.TableKey, e.RowKey, e.ColumnKey = f.Table, f.Row, f.Col
			if l, ok := f.Labels[model.Gen2019]; ok {
				e.Label2019 = labelOf(l)
			}
			if l, ok := f.Labels[model.Gen2021]; ok {
				e.Label2021 = labelOf(l)
			}
		}
		out = append(out, e)
	}
	for _, c := range LongColumns {
		out = append(out, Entry{Table: "cells", Name: c.Name, ShortName: c.Name, Type: c.Type, Label: c.Label, Kind: "long", Description: c.Description})
	}
	for _, t := range []struct {
		name string
		cols []Column
	}{{"findings", FindingColumns}, {"findings_evidence", EvidenceColumns}} {
		for _, c := range t.cols {
			out = append(out, Entry{Table: t.name, Name: c.Name, ShortName: c.Name, Type: c.Type, Label: c.Label, Kind: t.name, Description: c.Description})
		}
	}
	for _, t := range []struct {
		name string
		cols []string
		desc map[string]string
	}{
		{"errors", FailureColumns, map[string]string{"kind": "why the file is not a report: empty, not a report, pre-2019 format, scanned, encrypted, damaged, unsupported format, too large, report in an attachment, unreadable", "reason": "the reason in words", "sha256": "SHA-256 of the file's bytes; empty when the file could not be read", "path": "the file as found", "path_base64": "the exact bytes of a path that is not valid UTF-8"}},
		{"checks", CheckColumns, map[string]string{"rule": "balance, results, row_total, review_total, litigation_direct_total, litigation_after_review_total (docs/SCHEMA.md)", "scope": "the column or row the relation is about", "expected": "one side of the relation", "actual": "the other side", "message": "the relation with its numbers", "path": "the file", "sha256": "SHA-256 of the file's bytes"}},
		{"warnings", WarningColumns, map[string]string{"report_id": "the report's report_id", "path": "the file", "code": "the warning's code (docs/SCHEMA.md, warnings)", "field": "the field, row or table it is about", "message": "what the reader should know"}},
	} {
		for _, c := range t.cols {
			typ := TypeString
			switch c {
			case "expected", "actual":
				typ = TypeDecimal
			case "report_id":
				typ = TypeInteger
			}
			out = append(out, Entry{Table: t.name, Name: c, ShortName: c, Type: typ, Kind: t.name, Description: t.desc[c]})
		}
	}
	return out
}

// DictionaryFormats are the formats WriteDictionary writes.
var DictionaryFormats = []string{"csv", "json", "md"}

// WriteDictionary writes the data dictionary as CSV (with a byte order
// mark, like the CSV outputs), JSON or Markdown.
func WriteDictionary(w io.Writer, format string) error {
	rows := DictionaryRows()
	switch format {
	case "csv":
		io.WriteString(w, bom)
		cw := csv.NewWriter(w)
		cw.Write(DictionaryColumns)
		for _, e := range rows {
			cw.Write(TextCells(nil, e.Values()))
		}
		cw.Flush()
		return cw.Error()
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rows)
	case "md", "markdown":
		_, err := io.WriteString(w, DictionaryMarkdown())
		return err
	}
	return fmt.Errorf("unknown dictionary format %q (csv, json, md)", format)
}

// DictionaryMarkdown is the dictionary as Markdown tables, one per output
// table; docs/SCHEMA.md holds the same text between its markers.
func DictionaryMarkdown() string {
	var b strings.Builder
	cell := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
	table := ""
	for _, e := range DictionaryRows() {
		if e.Table != table {
			if table != "" {
				b.WriteString("\n")
			}
			table = e.Table
			fmt.Fprintf(&b, "### `%s`\n\n", table)
			if table == "reports" {
				b.WriteString("| name | short name | type | unit | generations | label (2019 template) | label (2021 template) | description |\n|---|---|---|---|---|---|---|---|\n")
			} else {
				b.WriteString("| name | type | description |\n|---|---|---|\n")
			}
		}
		if table == "reports" {
			l19, l21 := e.Label2019, e.Label2021
			if e.Kind != "cell" {
				l19, l21 = e.Label, e.Label
			}
			gens := e.Generations
			if gens == "" {
				gens = "all"
			}
			fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s | %s | %s | %s | %s |\n", e.Name, e.ShortName, e.Type, e.Unit, gens, cell(l19), cell(l21), cell(e.Description))
		} else {
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", e.Name, e.Type, cell(e.Description))
		}
	}
	return b.String()
}
