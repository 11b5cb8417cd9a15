package output

import (
	"math"

	"github.com/govreport/govreport/audit"
	"github.com/govreport/govreport/model"
)

// FindingColumns are the columns of the findings table (OUT.findings.csv,
// the findings sheet and table, OUT.findings.parquet): one row per audit
// finding (docs/AUDIT.md) of a report.
var FindingColumns = []Column{
	{Name: "finding_id", Type: TypeInteger, Label: "发现序号", Description: "the finding's number in this output (1, 2, …); finding_id of findings_evidence"},
	{Name: "report_id", Type: TypeInteger, Label: "报告序号", Description: "the report the finding is about (report_id of reports); for a cross-report rule, the later year's report"},
	{Name: "path", Type: TypeString, Label: "文件路径", Description: "the file of that report"},
	{Name: "rule", Type: TypeString, Label: "规则", Description: "arithmetic, text_table, narrative_missing, fee_mismatch, year_mismatch, template_outdated; cross_year_identical and carry_over compare the report with the same agency's report of the year before (docs/AUDIT.md)"},
	{Name: "severity", Type: TypeString, Label: "级别", Description: "error, warning or info"},
	{Name: "message", Type: TypeString, Label: "说明", Description: "the finding in one Chinese sentence"},
	{Name: "other_report_id", Type: TypeInteger, Label: "对照报告序号", Description: "for cross_year_identical and carry_over, the report_id of the previous year's report; empty otherwise"},
}

// EvidenceColumns are the columns of the findings_evidence table: one row
// per thing a finding points at (a table cell, a sentence, a value).
var EvidenceColumns = []Column{
	{Name: "finding_id", Type: TypeInteger, Label: "发现序号", Description: "the finding (finding_id of findings)"},
	{Name: "report_id", Type: TypeInteger, Label: "报告序号", Description: "the report the evidence was read from (for carry_over, either year's)"},
	{Name: "path", Type: TypeString, Label: "文件路径", Description: "the file of that report"},
	{Name: "field", Type: TypeString, Label: "字段", Description: "a cell's field path (applications.new_requests.total), a part of the free text (text.overview …) or a value (year, template)"},
	{Name: "value", Type: TypeDecimal, Label: "数值", Description: "the number the cell holds or the sentence says; empty when not read"},
	{Name: "text", Type: TypeString, Label: "原文", Description: "the raw cell or the sentence, as printed"},
	{Name: "page", Type: TypeInteger, Label: "页码", Description: "1-based page of paged formats"},
	{Name: "line", Type: TypeInteger, Label: "行号", Description: "1-based line of govreport lines FILE"},
}

func columnNames(cs []Column) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

// FindingColumnNames and EvidenceColumnNames are the names of
// FindingColumns and EvidenceColumns.
func FindingColumnNames() []string  { return columnNames(FindingColumns) }
func EvidenceColumnNames() []string { return columnNames(EvidenceColumns) }

// FindingRow is a row of the findings table with its evidence.
type FindingRow struct {
	ID, ReportID int64
	Path         string
	Rule         string
	Severity     string
	Message      string
	Other        *int64
	Evidence     []EvidenceRow
}

// Values returns the row in FindingColumns order.
func (f *FindingRow) Values() []any {
	return []any{f.ID, f.ReportID, f.Path, f.Rule, f.Severity, f.Message, i64(f.Other)}
}

// EvidenceRow is a row of the findings_evidence table.
type EvidenceRow struct {
	FindingID, ReportID int64
	Path, Field         string
	Value               *float64
	Text                string
	Page, Line          *int64
}

// Values returns the row in EvidenceColumns order.
func (e *EvidenceRow) Values() []any {
	return []any{e.FindingID, e.ReportID, e.Path, e.Field, f64(e.Value), e.Text, i64(e.Page), i64(e.Line)}
}

// findingLog numbers the findings of one output: the single-report
// findings as each report is written, the cross-report ones (which need
// every report) on Commit. It keeps of each report only what the
// cross-report rules read: its agency, year and the cells of tables 二
// and 三.
type findingLog struct {
	n     int64
	byKey map[crossKey]*crossEntry
	all   []*crossEntry
}

type crossKey struct {
	agency string
	year   int
}

type crossEntry struct {
	id     int64
	path   string
	agency *string
	title  *string
	region *string
	year   int
	key    string
	idx    []uint16 // cols().cells indices of the report's cells of tables 二 and 三
	vals   []float64
	prov   []*CellInfo // aligned with idx; kept only where evidence may point
}

// add returns the rows of the record's own findings and remembers what
// the cross-report rules need.
func (l *findingLog) add(rec *Record) []FindingRow {
	fl := Flatten(rec)
	var out []FindingRow
	for _, f := range recordFindings(rec) {
		out = append(out, l.row(f, rec.ID, fl.Path, nil, map[string]int64{"": rec.ID}))
	}
	l.remember(rec, fl)
	return out
}

// recordFindings are the single-report findings: the summary's, or the
// whole report's for a summary of an earlier version that had none.
func recordFindings(rec *Record) []model.Finding {
	if fs := rec.Summary.Findings; fs != nil {
		return fs
	}
	if rec.report == nil && rec.JSON == nil {
		return nil
	}
	r, err := rec.Report()
	if err != nil {
		return nil
	}
	return r.Findings
}

func (l *findingLog) row(f model.Finding, id int64, path string, other *int64, ids map[string]int64) FindingRow {
	l.n++
	r := FindingRow{ID: l.n, ReportID: id, Path: path, Rule: f.Rule, Severity: f.Severity, Message: f.Message, Other: other}
	for _, e := range f.Evidence {
		p := e.Path
		if p == "" {
			p = path
		}
		rid, ok := ids[e.Path]
		if !ok {
			rid = id
		}
		er := EvidenceRow{FindingID: l.n, ReportID: rid, Path: p, Field: e.Field, Value: e.Value, Text: e.Text}
		if e.Page > 0 {
			n := int64(e.Page)
			er.Page = &n
		}
		if e.Line > 0 {
			n := int64(e.Line)
			er.Line = &n
		}
		r.Evidence = append(r.Evidence, er)
	}
	return r
}

func (l *findingLog) remember(rec *Record, fl *Flat) {
	s := rec.Summary
	if fl.Year == nil {
		return
	}
	if s.Prov == nil && (rec.report != nil || rec.JSON != nil) {
		if r, err := rec.Report(); err == nil {
			s = Summarize(r) // a summary made before the long form
		}
	}
	if s.Prov == nil {
		return
	}
	e := &crossEntry{id: rec.ID, path: fl.Path, agency: fl.Agency, title: s.Title, region: fl.Region, year: *fl.Year}
	e.key = audit.AgencyKey(e.report(false))
	if e.key == "" {
		return
	}
	n := 0
	for i, p := range s.Prov {
		if p != nil && crossTable(i) {
			n++
		}
	}
	e.idx, e.vals, e.prov = make([]uint16, 0, n), make([]float64, 0, n), make([]*CellInfo, 0, n)
	for i, p := range s.Prov {
		if p == nil || !crossTable(i) {
			continue
		}
		f := cols().defs[len(MetaColumns)+i].Field
		v := math.NaN()
		if s.Cells[i] != nil {
			v = *s.Cells[i]
		}
		e.idx = append(e.idx, uint16(i))
		e.vals = append(e.vals, v)
		// Evidence points at non-zero cells (table 三: its 总计 column) and
		// at the two carry-over cells.
		keep := v != 0 && !math.IsNaN(v) && (f.Table == "active_disclosure" || f.Col == "total") ||
			f.Path == "applications.carried_over.total" || f.Path == "applications.carried_forward.total"
		if keep {
			// A copy: a decoded summary keeps its cells' infos in one
			// array, which a pointer into it would keep whole for the
			// rest of the run (~15 KB a report).
			c := *p
			e.prov = append(e.prov, &c)
		} else {
			e.prov = append(e.prov, nil)
		}
	}
	if l.byKey == nil {
		l.byKey = map[crossKey]*crossEntry{}
	}
	k := crossKey{e.key, e.year}
	if _, dup := l.byKey[k]; !dup {
		l.byKey[k] = e
	}
	l.all = append(l.all, e)
}

// crossTable: the cell at cellColumns index i is of table 二 or 三, which
// the cross-report rules read.
func crossTable(i int) bool {
	t := cols().defs[len(MetaColumns)+i].Field.Table
	return t == "applications" || t == "active_disclosure"
}

// report rebuilds the parts of the report the cross-report rules read.
func (e *crossEntry) report(tables bool) *model.Report {
	y := e.year
	r := &model.Report{Agency: e.agency, Title: e.title, Year: &y, Region: &model.Region{Code: e.region}}
	if !tables {
		return r
	}
	r.Provenance = model.Provenances{}
	for j, i := range e.idx {
		f := cols().defs[len(MetaColumns)+int(i)].Field
		t := &r.ActiveDisclosure
		if f.Table == "applications" {
			t = &r.Applications
		}
		if *t == nil {
			*t = &model.Table{}
		}
		rows := &(*t).Rows
		if n := len(*rows); n == 0 || (*rows)[n-1].Key != f.Row {
			*rows = append(*rows, model.Row{Key: f.Row})
		}
		c := model.Cell{Key: f.Col}
		if !math.IsNaN(e.vals[j]) {
			v := e.vals[j]
			c.Value = &v
		}
		row := &(*rows)[len(*rows)-1]
		row.Cells = append(row.Cells, c)
		if p := e.prov[j]; p != nil {
			r.Provenance[f.Path] = model.Provenance{Text: p.Text, Page: p.Page, Line: p.Line}
		}
	}
	return r
}

// cross runs the cross-report rules over the reports written: each
// report against the same agency's report of the year before.
func (l *findingLog) cross() []FindingRow {
	var out []FindingRow
	for _, e := range l.all {
		p := l.byKey[crossKey{e.key, e.year - 1}]
		if p == nil {
			continue
		}
		ins := []audit.Input{{Name: p.path, Report: p.report(true)}, {Name: e.path, Report: e.report(true)}}
		ids := map[string]int64{p.path: p.id, e.path: e.id}
		other := p.id
		for _, f := range audit.Run(ins, audit.WithRules(audit.CrossRules...)) {
			mf := model.Finding{Rule: f.Rule, Severity: f.Severity, Message: f.Message, Evidence: f.Evidence}
			out = append(out, l.row(mf, e.id, e.path, &other, ids))
		}
	}
	return out
}
