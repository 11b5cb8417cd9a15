package compare

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
)

func corpusReports(t *testing.T, names ...string) ([]*model.Report, []string) {
	t.Helper()
	var rs []*model.Report
	for _, n := range names {
		r, err := parser.ParseFile(filepath.Join("../corpus/compare", n))
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	return rs, names
}

func page(t *testing.T, s *Set) *goquery.Document {
	t.Helper()
	var b bytes.Buffer
	if err := s.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Two documents of one agency and year are one column; the page says
// whether their numbers agree.
func TestSameAgencyAndYearOneColumn(t *testing.T) {
	rs, names := corpusReports(t, "tabs-gulou-district-2022.txt", "tabs-gulou-district-2023.txt", "tabs-gulou-district-2023.txt")
	s, err := Build(rs, []string{names[0], "a/" + names[1], "b/copy.txt"}, ByRegion)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Entries) != 2 || len(s.Entries[1].Merged) != 1 || s.Entries[1].Differs {
		t.Fatalf("%d columns; merged %d, differs %v", len(s.Entries), len(s.Entries[1].Merged), s.Entries[1].Differs)
	}
	doc := page(t, s)
	if n := doc.Find("table.compare thead th[data-col]").Length(); n != 2 {
		t.Errorf("%d columns on the page", n)
	}
	li := doc.Find("#merged li")
	if li.Length() != 1 || li.AttrOr("data-differs", "") != "false" || !strings.Contains(li.Text(), "tabs-gulou-district-2023.txt、copy.txt") {
		t.Errorf("merged note: %q", li.Text())
	}
	if strings.Contains(doc.Find("footer").Text(), "/") {
		t.Errorf("the footer shows paths: %q", doc.Find("footer").Text())
	}

	rs, _ = corpusReports(t, "tabs-gulou-district-2022.txt", "tabs-gulou-district-2023.txt", "tabs-gulou-district-2023.txt")
	c := rs[2].Applications.Cell("granted", "total")
	v := *c.Value + 1
	c.Value = &v
	s, _ = Build(rs, names, ByRegion)
	if len(s.Entries) != 2 || !s.Entries[1].Differs {
		t.Fatalf("differing copies: %d columns, differs %v", len(s.Entries), s.Entries[1].Differs)
	}
	if li := page(t, s).Find("#merged li.bad"); li.Length() != 1 || !strings.Contains(li.Text(), "数字不一致") {
		t.Errorf("differing copies: %q", li.Text())
	}
}

// Years are a numeric axis: a missing year keeps its place and no line
// crosses it; the value labels of one year never overlap.
func TestYearAxisWithGap(t *testing.T) {
	rs, names := corpusReports(t, "tabs-pingtan-2019.txt", "tabs-pingtan-2020.txt", "tabs-pingtan-2022.txt", "tabs-pingtan-2023.txt")
	s, err := Build(rs, names, ByRegion)
	if err != nil {
		t.Fatal(err)
	}
	doc := page(t, s)
	fig := doc.Find(`figure[data-chart="lines"]`).First()
	x := map[int]float64{}
	fig.Find(`circle.point[data-series="new_requests"]`).Each(func(_ int, c *goquery.Selection) {
		y, _ := strconv.Atoi(c.AttrOr("data-year", ""))
		x[y], _ = strconv.ParseFloat(c.AttrOr("cx", ""), 64)
	})
	if len(x) != 4 {
		t.Fatalf("points at %v", x)
	}
	step := x[2020] - x[2019]
	if step <= 0 || x[2022]-x[2020] != 2*step || x[2023]-x[2022] != step {
		t.Errorf("years not on a numeric axis: %v", x)
	}
	gap := fig.Find("text.year.gap")
	if gap.Length() != 1 || !strings.HasPrefix(gap.Text(), "2021") {
		t.Errorf("the missing year: %q", gap.Text())
	}
	// new_requests: 2019–2020 and 2022–2023, never across 2021.
	lines := fig.Find(`polyline[data-series="new_requests"]`)
	if lines.Length() != 2 {
		t.Errorf("%d line pieces, want 2", lines.Length())
	}
	doc.Find(`figure[data-chart="lines"]`).Each(func(_ int, f *goquery.Selection) {
		ys := map[string][]float64{}
		f.Find("text.value").Each(func(_ int, l *goquery.Selection) {
			v, _ := strconv.ParseFloat(l.AttrOr("y", ""), 64)
			ys[l.AttrOr("data-year", "")] = append(ys[l.AttrOr("data-year", "")], v)
		})
		for yr, vs := range ys {
			for i := range vs {
				for j := i + 1; j < len(vs); j++ {
					if d := vs[i] - vs[j]; d > -13 && d < 13 {
						t.Errorf("%s %s: labels %v overlap", f.AttrOr("data-agency", ""), yr, vs)
					}
				}
			}
		}
	})
}

// The page speaks Chinese, shows the formulas itself, and prints the
// table in parts of a few columns, each with the label column.
func TestPageChineseFormulasPrint(t *testing.T) {
	s := corpusSet(t, ByRegion)
	doc := page(t, s)
	english := regexp.MustCompile(`[A-Za-z]{4,}`)
	doc.Find("#checks td, #checks h3").Each(func(_ int, c *goquery.Selection) {
		if w := english.FindString(c.Text()); w != "" {
			t.Errorf("English %q in %q", w, c.Text())
		}
	})
	if strings.Contains(doc.Text(), "docs/DERIVED.md") {
		t.Error("the page sends the reader to docs/DERIVED.md")
	}
	if dd := doc.Find("#formulas dd"); dd.Length() < 20 || !strings.Contains(doc.Find("#formulas").Text(), "行政复议“结果纠正”÷（总计−尚未审结）") {
		t.Errorf("%d formulas on the page", dd.Length())
	}
	parts := doc.Find("table.print")
	cols := 0
	parts.Each(func(_ int, p *goquery.Selection) {
		n := p.Find("thead th").Length() - 1
		if n > printColumns || p.Find("tbody tr").First().Find("td.label").Length() != 1 {
			t.Errorf("a printed part with %d columns", n)
		}
		cols += n
	})
	if cols != len(s.Entries) || parts.Length() < 2 {
		t.Errorf("printed parts hold %d of %d columns", cols, len(s.Entries))
	}
	css := doc.Find("style").Text()
	if !strings.Contains(css, "@media print") || !strings.Contains(css, "landscape") {
		t.Error("no print stylesheet")
	}
	if doc.Find("table.compare button.sort").Length() != doc.Find("table.compare tbody tr").Length() || doc.Find("#filter-cols").Length() != 1 {
		t.Error("the table cannot be sorted or filtered")
	}
}

// Check texts are Chinese and name both sides.
func TestCheckText(t *testing.T) {
	c := model.Check{Rule: "balance", Scope: "natural_person", Expected: 15, Actual: 14}
	if got := CheckText(c); got != "“自然人”列，收支平衡：一＋二为 15，（七）总计＋四为 14，不相等（差 1）" {
		t.Errorf("%q", got)
	}
	c = model.Check{Rule: "review_total", Expected: 11, Actual: 0}
	if got := CheckText(c); !strings.HasPrefix(got, "表四“行政复议”") || !strings.Contains(got, "总计为 0") {
		t.Errorf("%q", got)
	}
	r := &model.Report{Template: model.Gen2019}
	if fs := CheckFields(r, model.Check{Rule: "results", Scope: "total"}); len(fs) != len(model.ResultRows(model.Gen2019))+1 || fs[len(fs)-1] != "applications.total.total" {
		t.Errorf("%v", fs)
	}
}

// A long agency name is cut to the room the chart has, with the whole
// name in its tooltip, instead of running off the left edge.
func TestBarLabelsFit(t *testing.T) {
	rs, names := corpusReports(t, "tabs-zhanhe-district-2023.txt", "tabs-shuyang-county-2025.txt")
	long := "某某省某某市某某区人民政府办公室政务公开和政府信息与政务服务管理办公室"
	rs[0].Agency = &long
	s, err := Build(rs, names, ByRegion)
	if err != nil {
		t.Fatal(err)
	}
	doc := page(t, s)
	fig := doc.Find(`figure[data-indicator="received"]`)
	var cut *goquery.Selection
	fig.Find("svg > text[text-anchor=end]").Each(func(_ int, l *goquery.Selection) {
		if l.Find("title").Length() == 1 {
			cut = l
		}
	})
	if cut == nil {
		t.Fatal("the long name is not cut")
	}
	if !strings.HasPrefix(cut.Find("title").Text(), long) || !strings.HasSuffix(strings.TrimSuffix(cut.Text(), cut.Find("title").Text()), "…") {
		t.Errorf("cut label %q", cut.Text())
	}
	x, _ := strconv.ParseFloat(cut.AttrOr("x", ""), 64)
	if shown := strings.TrimSuffix(cut.Text(), cut.Find("title").Text()); float64(labelWidth(shown)) > x {
		t.Errorf("label %q (%d px) runs past the left edge at x=%v", shown, labelWidth(shown), x)
	}
}
