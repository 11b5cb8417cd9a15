package serve

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// The pages' former templates (testdata/templates), rendered by
// html/template, are the reference: the Go code writing the pages must
// give the same bytes, escaping included.
func reference(t *testing.T) *template.Template {
	t.Helper()
	return template.Must(template.New("").Funcs(template.FuncMap{
		"join": strings.Join,
		"kind": kindText,
	}).ParseGlob("testdata/templates/*.html"))
}

// nasty carries every byte the escapers treat specially, a URL scheme,
// percent escapes valid and not, and text outside ASCII.
const nasty = "a<b>&c\"d'e+f\x00g %41 %zz /x?y=1&z#f javascript:alert(1) 淮安市 \n\t\xff end"

func samePage(t *testing.T, tp *template.Template, name string, data any, render func(p *page)) {
	t.Helper()
	var want bytes.Buffer
	if err := tp.ExecuteTemplate(&want, name, data); err != nil {
		t.Fatal(err)
	}
	var p page
	render(&p)
	if got := p.String(); got != want.String() {
		i := 0
		for i < len(got) && i < want.Len() && got[i] == want.String()[i] {
			i++
		}
		t.Errorf("%s differs at byte %d:\n got %q\nwant %q", name, i, tail(got, i), tail(want.String(), i))
	}
}

func tail(s string, i int) string {
	s = s[max(0, i-40):]
	if len(s) > 120 {
		s = s[:120]
	}
	return s
}

func TestPagesAsTemplates(t *testing.T) {
	tp := reference(t)
	for _, d := range []errorPage{{}, {Title: "没有这份报告", Message: nasty}, {Title: nasty}} {
		samePage(t, tp, "error.html", d, func(p *page) { p.errorPage(d) })
	}

	for _, rs := range [][]result{nil, {{File: nasty, ID: nasty}, {File: "a.pdf", Error: &resultError{Kind: "scanned", Reason: nasty}},
		{File: "b", Error: &resultError{Kind: nasty}}, {File: "c.pdf", ID: "0123abcd"}}} {
		samePage(t, tp, "uploaded.html", rs, func(p *page) { p.uploaded(rs) })
	}

	for _, d := range []comparePage{{}, {IDs: "a,b", Count: 2, CSV: "/api/compare?format=csv&ids=a%2Cb", XLSX: nasty, HTML: "JavaScript:x"},
		{CSV: "http://x/y z", XLSX: "mailto:a@b", HTML: "//host/p:q"}} {
		samePage(t, tp, "comparebar", d, func(p *page) { p.compareBar(d) })
	}

	homes := []homePage{{MaxFiles: 20, MaxFile: "64 MiB"}}
	full := homePage{MaxFiles: 3, MaxFile: nasty,
		Reports: []reportRow{{ID: nasty, File: nasty, Agency: nasty, Place: nasty, Format: "pdf", Regions: nasty, Year: nasty, Failed: 2, Nulls: 7},
			{ID: "x1", File: "f.html", Agency: "—", Year: "—"}},
		Tree: []*regionNode{{Code: "320000", Name: "江苏省", Count: 2, Children: []*regionNode{{Code: nasty, Name: nasty, Count: 1}}},
			{Code: "unknown", Name: "地区未定", Count: 1}},
		Years:    []string{"2023", nasty},
		Failures: []Failed{{File: nasty, Kind: "encrypted", Reason: nasty}, {File: "z", Kind: nasty}},
	}
	full.Status.Folder.Total, full.Status.Folder.Done = 9, 4
	homes = append(homes, full)
	noReports := full
	noReports.Reports, noReports.Failures = nil, nil
	homes = append(homes, noReports)
	for _, d := range homes {
		samePage(t, tp, "home.html", d, func(p *page) { p.home(d) })
	}

	cell := func(null, bad, prov, inf bool) cellView {
		return cellView{Path: nasty, Label: nasty, Text: nasty, Null: null, Bad: bad, HasProv: prov, Raw: nasty, Page: 3, Line: 41,
			Inferred: inf, Reasons: []string{nasty, "b"}, Notes: []string{"✗ " + nasty}}
	}
	cells := []cellView{cell(false, false, false, false), cell(true, false, false, false), cell(false, true, true, false),
		cell(false, false, true, true), cell(true, true, false, true), {}}
	rows := []rowView{{Key: nasty, Labels: []labelCell{{Text: nasty}, {Text: "b", Rowspan: 2}, {Text: "c", Colspan: 3}, {Text: "d", Rowspan: 1, Colspan: 2}}, Cells: cells},
		{Key: "k"}}
	views := []*reportView{{}, {
		ID: nasty, File: nasty, Title: nasty, Agency: nasty, Year: nasty, Place: nasty, Code: nasty, Template: nasty, Format: nasty, Pages: 12,
		Disclosure:    []blockView{{Heads: []string{nasty, "h2"}, Rows: rows}, {}},
		Applications:  rows,
		Review:        rows[0],
		Failed:        []checkView{{Rule: "r", Text: nasty, Fields: []string{nasty, "b"}}, {}},
		Passed:        40,
		Findings:      []Finding{{Code: nasty, Severity: nasty, Message: nasty, Fields: []string{nasty}}, {}},
		Warnings:      []model.Warning{{Code: nasty, Message: nasty, Field: nasty}, {Code: "c", Message: "m"}},
		Text:          model.Text{Overview: nasty, Problems: "p", OtherMatters: nasty},
		ApplicantCols: []string{nasty, "商业企业", nasty}, ReviewGroups: []string{"a", "b", "c"}, ReviewOutcomes: []string{nasty, "维持"},
	}, {
		File: "only-file.pdf", DisclosureMissing: nasty, ApplicationsMissing: nasty, ReviewMissing: nasty,
		Failed: []checkView{{Text: "t"}}, Text: model.Text{Problems: nasty},
	}}
	for _, v := range views {
		samePage(t, tp, "report.html", v, func(p *page) { p.report(v) })
	}
}
