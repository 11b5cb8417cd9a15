package serve

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/govreport/govreport/compare"
	"github.com/govreport/govreport/model"
)

// cellView is one number of the report view with what a reader may want
// to check about it.
type cellView struct {
	Path     string
	Label    string // where the cell sits, in the template's words
	Text     string // as shown: the value, or — for null
	Null     bool
	HasProv  bool
	Raw      string // the text as printed
	Page     int
	Line     int
	Inferred bool
	Reasons  []string // why a null is null
	Bad      bool
	Notes    []string // failed checks and findings concerning the cell
}

type labelCell struct {
	Text             string
	Rowspan, Colspan int
}

type rowView struct {
	Key    string
	Labels []labelCell
	Cells  []cellView
}

// blockView is a part of table 二: rows sharing their columns.
type blockView struct {
	Heads []string
	Rows  []rowView
}

type checkView struct {
	Rule, Scope, Text string
	Fields            []string
}

type reportView struct {
	ID, File, Title, Agency, Year, Place, Code, Template, Format string
	Pages                                                        int
	Disclosure                                                   []blockView
	DisclosureMissing                                            string
	Applications                                                 []rowView
	ApplicationsMissing                                          string
	Review                                                       rowView
	ReviewMissing                                                string
	Failed                                                       []checkView
	Passed                                                       int
	Findings                                                     []Finding
	Warnings                                                     []model.Warning
	Text                                                         model.Text
	ApplicantCols                                                []string
	ReviewGroups, ReviewOutcomes                                 []string
}

type viewBuilder struct {
	r     *model.Report
	notes map[string][]string // by field path or row path
}

func buildView(h *Held, findings []Finding) *reportView {
	r := h.Report
	v := &reportView{ID: h.ID, File: h.File, Title: deref(r.Title), Agency: deref(r.Agency), Template: string(r.Template),
		Format: r.Source.Format, Pages: r.Source.Pages, Warnings: r.Warnings, Text: r.Text, Findings: findings}
	if r.Year != nil {
		v.Year = strconv.Itoa(*r.Year)
	}
	e := &compare.Entry{Report: r}
	v.Place, v.Code = e.Place(), e.Code()
	b := &viewBuilder{r: r, notes: map[string][]string{}}
	for _, c := range r.Checks {
		if c.OK {
			v.Passed++
			continue
		}
		fs := compare.CheckFields(r, c)
		v.Failed = append(v.Failed, checkView{Rule: compare.RuleText(c.Rule), Scope: compare.ScopeText(c), Text: compare.CheckText(c), Fields: fs})
		for _, f := range fs {
			b.notes[f] = append(b.notes[f], "✗ "+compare.CheckText(c))
		}
	}
	for _, f := range findings {
		for _, p := range f.Fields {
			b.notes[p] = append(b.notes[p], "⚑ "+f.Message)
		}
	}
	for _, c := range model.ApplicantColumns {
		v.ApplicantCols = append(v.ApplicantCols, c.Label)
	}
	for _, g := range model.ReviewGroups {
		v.ReviewGroups = append(v.ReviewGroups, g.Label)
	}
	for _, o := range model.ReviewOutcomes {
		v.ReviewOutcomes = append(v.ReviewOutcomes, o.Label)
	}
	b.disclosure(v)
	b.applications(v)
	b.review(v)
	return v
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (b *viewBuilder) cell(path, label string, val *float64) cellView {
	c := cellView{Path: path, Label: label, Text: "—", Null: val == nil}
	if val != nil {
		c.Text = strconv.FormatFloat(*val, 'f', -1, 64)
	}
	if p, ok := b.r.Provenance[path]; ok {
		c.HasProv, c.Raw, c.Page, c.Line, c.Inferred = true, p.Text, p.Page, p.Line, p.Inferred
	}
	// A note or a warning names a cell, its row or its table.
	for _, w := range b.r.Warnings {
		if w.Field != "" && covers(w.Field, path) {
			c.Reasons = append(c.Reasons, w.Message)
		}
	}
	for k, ns := range b.notes {
		if covers(k, path) {
			c.Notes = append(c.Notes, ns...)
		}
	}
	c.Bad = len(c.Notes) > 0
	if c.Null && len(c.Reasons) == 0 {
		c.Reasons = []string{"文件中没有读到这个数字（不是 0，也没有被推测）"}
	}
	return c
}

// covers says field names the cell path or a row or table holding it.
func covers(field, path string) bool {
	return field == path || strings.HasPrefix(path, field+".")
}

func (b *viewBuilder) disclosure(v *reportView) {
	t := b.r.ActiveDisclosure
	if t == nil {
		v.DisclosureMissing = "没有找到表二（主动公开政府信息情况）"
		return
	}
	g := b.r.Templates.ActiveDisclosure
	if g == "" {
		g = b.r.Template
	}
	defs := model.DisclosureRows(g)
	if defs == nil {
		defs = model.DisclosureRows(model.Gen2021)
	}
	var cur *blockView
	for _, d := range defs {
		var heads []string
		for _, f := range d.Fields {
			heads = append(heads, f.Label)
		}
		if cur == nil || strings.Join(cur.Heads, "|") != strings.Join(heads, "|") {
			v.Disclosure = append(v.Disclosure, blockView{Heads: heads})
			cur = &v.Disclosure[len(v.Disclosure)-1]
		}
		row := rowView{Key: d.Key, Labels: []labelCell{{Text: d.Label}}}
		for _, f := range d.Fields {
			var val *float64
			if c := t.Cell(d.Key, f.Key); c != nil {
				val = c.Value
			}
			row.Cells = append(row.Cells, b.cell("active_disclosure."+d.Key+"."+f.Key, "表二 · "+d.Label+" · "+f.Label, val))
		}
		cur.Rows = append(cur.Rows, row)
	}
}

// applications lays table 三 out as printed: three label columns (the
// part 三 of results, the group, the row) merged where the template
// merges them.
func (b *viewBuilder) applications(v *reportView) {
	t := b.r.Applications
	if t == nil {
		v.ApplicationsMissing = "没有找到表三（收到和处理政府信息公开申请情况）"
		return
	}
	g := b.r.Template
	if g == "" {
		g = model.Gen2021
	}
	defs := model.ApplicationRowsFor(g)
	results := map[string]bool{}
	for _, k := range model.ResultRows(g) {
		results[k] = true
	}
	results["total"] = true
	nResults := 0
	groupSize := map[string]int{}
	for _, d := range defs {
		if results[d.Key] {
			nResults++
		}
		if d.Group != "" {
			groupSize[d.Group]++
		}
	}
	seenResults, seenGroup := false, map[string]bool{}
	for _, d := range defs {
		row := rowView{Key: d.Key}
		switch {
		case !results[d.Key]:
			row.Labels = []labelCell{{Text: d.Label, Colspan: 3}}
		default:
			if !seenResults {
				seenResults = true
				row.Labels = append(row.Labels, labelCell{Text: "三、本年度办理结果", Rowspan: nResults})
			}
			if d.Group == "" {
				row.Labels = append(row.Labels, labelCell{Text: d.Label, Colspan: 2})
			} else {
				if !seenGroup[d.Group] {
					seenGroup[d.Group] = true
					row.Labels = append(row.Labels, labelCell{Text: d.Group, Rowspan: groupSize[d.Group]})
				}
				row.Labels = append(row.Labels, labelCell{Text: d.Label})
			}
		}
		for _, c := range model.ApplicationColumns {
			var val *float64
			if x := t.Cell(d.Key, c.Key); x != nil {
				val = x.Value
			}
			row.Cells = append(row.Cells, b.cell("applications."+d.Key+"."+c.Key, "表三 · "+strings.TrimSpace(d.Group+" "+d.Label)+" · "+c.Label, val))
		}
		v.Applications = append(v.Applications, row)
	}
}

func (b *viewBuilder) review(v *reportView) {
	t := b.r.ReviewLitigation
	if t == nil {
		v.ReviewMissing = "没有找到表四（政府信息公开行政复议、行政诉讼情况）"
		return
	}
	for _, g := range model.ReviewGroups {
		for _, o := range model.ReviewOutcomes {
			var val *float64
			if x := t.Cell(g.Key, o.Key); x != nil {
				val = x.Value
			}
			v.Review.Cells = append(v.Review.Cells, b.cell(fmt.Sprintf("review_litigation.%s.%s", g.Key, o.Key), "表四 · "+g.Label+" · "+o.Label, val))
		}
	}
}
