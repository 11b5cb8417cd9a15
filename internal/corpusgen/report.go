package corpusgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/govreport/govreport/model"
)

// Report is one set of report values: what a document says, before it is
// laid out. Numbers are kept as canonical decimal text ("12", "-18",
// "4166.241619") so that they are rendered and written to the expected JSON
// without any floating-point round trip.
type Report struct {
	Slug      string // short name used in file names, e.g. "qinglan-county-2023"
	Agency    string // issuing body, as the truth file names it
	Year      int    // the year reported on
	Title     string // the title line
	Published string // publication date printed by portals, e.g. "2024-01-19"
	Site      string // portal name, e.g. "青岚县人民政府网"
	Domain    string // portal domain, for the footer and links

	// Table2 and Table3 are the template generations of table 二 and table
	// 三; they differ in a hybrid report.
	Table2, Table3 model.Generation

	// Disclosure holds table 二: row key → values in the printed column
	// order of model.DisclosureRows(Table2).
	Disclosure map[string][]string
	// ProcurementUnit is the unit printed in the 采购总金额 cell of a 2019
	// table 二: "元" or "万元". The value in Disclosure is always in 元.
	ProcurementUnit string

	// Apps holds table 三: row key → the seven columns in the order of
	// model.ApplicationColumns.
	Apps map[string][7]int
	// Review holds table 四: the three groups of model.ReviewGroups, each
	// with the five outcomes of model.ReviewOutcomes.
	Review [3][5]int

	Preamble []string // paragraphs between the title and 一
	Overview []string // 一、总体情况
	Problems []string // 五、存在的主要问题及改进情况
	Other    []string // 六、其他需要报告的事项
	SignOff  []string // closing lines (agency, date), may be empty

	// Headings of the six sections; empty entries take the template wording.
	Headings [6]string

	// Null marks cells ("active_disclosure.rules.issued") the document
	// cannot tell: a row it lacks, a merged cell over several rows. They
	// are written as null. A table 二 row of the set may be absent when all
	// its cells are null.
	Null map[string]bool
	// Undeterminable lists cells printed in a way that admits several
	// readings (a run of digits that splits more than one way): null is a
	// right answer there, and so is the value.
	Undeterminable []string

	// Notes are copied into the expected file.
	Notes []string

	// Audited documents assert their audit findings: Findings (rule and
	// severity of the single-report rules) is written to the expected file,
	// an empty list meaning that none may be raised.
	Audited  bool
	Findings []Finding
}

// Finding is one audit finding a document must raise.
type Finding struct{ Rule, Severity string }

// DefaultHeadings are the template's six section headings.
var DefaultHeadings = [6]string{
	"一、总体情况",
	"二、主动公开政府信息情况",
	"三、收到和处理政府信息公开申请情况",
	"四、政府信息公开行政复议、行政诉讼情况",
	"五、存在的主要问题及改进情况",
	"六、其他需要报告的事项",
}

// Heading returns the heading of section i (0-based).
func (r *Report) Heading(i int) string {
	if r.Headings[i] != "" {
		return r.Headings[i]
	}
	return DefaultHeadings[i]
}

// clone returns a deep copy of r, so that variants can change values.
func (r *Report) clone() *Report {
	c := *r
	c.Disclosure = make(map[string][]string, len(r.Disclosure))
	for k, v := range r.Disclosure {
		c.Disclosure[k] = append([]string(nil), v...)
	}
	c.Apps = make(map[string][7]int, len(r.Apps))
	for k, v := range r.Apps {
		c.Apps[k] = v
	}
	c.Preamble = append([]string(nil), r.Preamble...)
	c.Overview = append([]string(nil), r.Overview...)
	c.Problems = append([]string(nil), r.Problems...)
	c.Other = append([]string(nil), r.Other...)
	c.SignOff = append([]string(nil), r.SignOff...)
	c.Notes = append([]string(nil), r.Notes...)
	c.Findings = append([]Finding(nil), r.Findings...)
	c.Null = make(map[string]bool, len(r.Null))
	for k, v := range r.Null {
		c.Null[k] = v
	}
	c.Undeterminable = append([]string(nil), r.Undeterminable...)
	return &c
}

// validate reports a number set that does not fit its template: a missing
// row or a wrong number of values. It does not check the arithmetic, which
// some reports get wrong on purpose.
func (r *Report) validate() error {
	rows2 := 0
	for _, d := range model.DisclosureRows(r.Table2) {
		v, ok := r.Disclosure[d.Key]
		if !ok && r.absent(d) {
			continue
		}
		rows2++
		if !ok || len(v) != len(d.Fields) {
			return fmt.Errorf("%s: table 二 row %s: want %d values, have %v", r.Slug, d.Key, len(d.Fields), v)
		}
		for _, s := range v {
			if _, err := strconv.ParseFloat(s, 64); err != nil {
				return fmt.Errorf("%s: table 二 row %s: %q is not a number", r.Slug, d.Key, s)
			}
		}
	}
	if len(r.Disclosure) != rows2 {
		return fmt.Errorf("%s: table 二 has %d rows, template %s has %d", r.Slug, len(r.Disclosure), r.Table2, rows2)
	}
	rows := model.ApplicationRowsFor(r.Table3)
	if len(r.Apps) != len(rows) {
		return fmt.Errorf("%s: table 三 has %d rows, template %s has %d", r.Slug, len(r.Apps), r.Table3, len(rows))
	}
	for _, row := range rows {
		if _, ok := r.Apps[row.Key]; !ok {
			return fmt.Errorf("%s: table 三 lacks row %s", r.Slug, row.Key)
		}
	}
	return nil
}

// absent reports whether every cell of table 二 row d is null: the
// document does not print the row at all.
func (r *Report) absent(d model.DisclosureRow) bool {
	for _, f := range d.Fields {
		if !r.Null["active_disclosure."+d.Key+"."+f.Key] {
			return false
		}
	}
	return true
}

// obj is a JSON object that keeps its keys in insertion order.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(e.k)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(e.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// writeJSON renders v as the field truth files are written: one-space
// indentation, non-ASCII text as is, a final newline.
func writeJSON(v any) ([]byte, error) {
	raw, err := marshal(v)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, raw, "", " "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// Expected returns the expected values of r as the field truth files hold
// them: agency, year, template, active_disclosure, applications,
// review_litigation and notes.
func (r *Report) Expected() ([]byte, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	var ad obj
	for _, d := range model.DisclosureRows(r.Table2) {
		var row obj
		for i, f := range d.Fields {
			if r.Null["active_disclosure."+d.Key+"."+f.Key] {
				row = append(row, kv{f.Key, nil})
				continue
			}
			row = append(row, kv{f.Key, json.Number(r.Disclosure[d.Key][i])})
		}
		ad = append(ad, kv{d.Key, row})
	}
	var apps obj
	for _, row := range model.ApplicationRowsFor(r.Table3) {
		vals := r.Apps[row.Key]
		var o obj
		for i, c := range model.ApplicationColumns {
			if r.Null["applications."+row.Key+"."+c.Key] {
				o = append(o, kv{c.Key, nil})
				continue
			}
			o = append(o, kv{c.Key, vals[i]})
		}
		apps = append(apps, kv{row.Key, o})
	}
	var rl obj
	for g, grp := range model.ReviewGroups {
		var o obj
		for i, oc := range model.ReviewOutcomes {
			o = append(o, kv{oc.Key, r.Review[g][i]})
		}
		rl = append(rl, kv{grp.Key, o})
	}
	notes := r.Notes
	if notes == nil {
		notes = []string{}
	}
	out := obj{
		{"agency", r.Agency},
		{"year", r.Year},
		{"template", string(r.Table3)},
		{"active_disclosure", ad},
		{"applications", apps},
		{"review_litigation", rl},
		{"notes", notes},
	}
	if len(r.Undeterminable) > 0 {
		out = append(out, kv{"undeterminable", r.Undeterminable})
	}
	if r.Audited {
		fs := []obj{}
		for _, f := range r.Findings {
			fs = append(fs, obj{{"rule", f.Rule}, {"severity", f.Severity}})
		}
		out = append(out, kv{"findings", fs})
	}
	return writeJSON(out)
}

// Rejection is the expected file of a document that is not a readable
// report.
func Rejection(reason string, notes ...string) ([]byte, error) {
	if notes == nil {
		notes = []string{}
	}
	return writeJSON(obj{
		{"reject", true},
		{"reason", reason},
		{"notes", notes},
	})
}
