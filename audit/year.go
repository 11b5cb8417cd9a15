package audit

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/model"
)

var (
	periodRe   = lazyre.New(`统计期(?:限|间)?[^。；]{0,12}?((?:19|20)\d{2})年1月1日[^。；\d]{0,4}(?:至|到|—|-|～|~)[^。；\d]{0,2}((?:19|20)\d{2})年12月31日`)
	openingRe  = lazyre.New(`^(?:[（(]?[一二三四五六七八九十\d]+[）)、.]?)?((?:19|20)\d{2})\s*年(?:度)?[，,]`)
	signedDate = lazyre.New(`(?:^|[^\d])((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$`)
)

// yearSource is one place of the document that tells the report year.
type yearSource struct {
	year int
	ev   model.Evidence
	desc string
}

// yearMismatch: the title, the statistics period, the opening of section
// 一 and the date of the signature disagree about the year reported on.
// A signature dated in year P tells P−1 (P itself when dated December).
func yearMismatch(x *reading) []model.Finding {
	r := x.r
	var srcs []yearSource
	if r.Title != nil {
		eachYear(*r.Title, func(_, year string) bool { // titleYear's first match
			y, _ := strconv.Atoi(year)
			srcs = append(srcs, yearSource{y, model.Evidence{Field: "title", Value: ptr(float64(y)), Text: *r.Title}, "标题"})
			return false
		})
	} else if r.Year != nil {
		srcs = append(srcs, yearSource{*r.Year, model.Evidence{Field: "year", Value: ptr(float64(*r.Year))}, "报告年度"})
	}
	for i, s := range sections {
		for _, st := range x.sentences(i) {
			// periodRe opens with 统计期: most sentences are not tried.
			if !strings.Contains(st.sq, "统计期") {
				continue
			}
			if m := periodRe.FindStringSubmatch(st.sq); m != nil && m[1] == m[2] {
				y, _ := strconv.Atoi(m[1])
				srcs = append(srcs, yearSource{y, model.Evidence{Field: s.field, Value: ptr(float64(y)), Text: st.text}, "统计期限"})
			}
		}
	}
	if first := x.sentences(0); len(first) > 0 { // text.overview
		if m := openingRe.FindStringSubmatch(first[0].sq); m != nil {
			y, _ := strconv.Atoi(m[1])
			srcs = append(srcs, yearSource{y, model.Evidence{Field: "text.overview", Value: ptr(float64(y)), Text: first[0].text}, "第一部分开头"})
		}
	}
	if d, ok := signature(r); ok {
		srcs = append(srcs, d)
	}
	years := map[int]bool{}
	for _, s := range srcs {
		years[s.year] = true
	}
	if len(years) < 2 {
		return nil
	}
	var parts []string
	f := model.Finding{Rule: RuleYearMismatch, Severity: model.SeverityWarning}
	for _, s := range srcs {
		parts = append(parts, fmt.Sprintf("%s为%d年", s.desc, s.year))
		f.Evidence = append(f.Evidence, s.ev)
	}
	f.Message = "报告年度前后不一：" + strings.Join(parts, "，") + "。"
	return []model.Finding{f}
}

// signature finds the date that signs the report and the report year it
// implies: from the signature the parser took off the last section, or,
// for reports read from older JSON, from the last lines of section 六.
func signature(r *model.Report) (yearSource, bool) {
	cands := []string{r.Text.Signature}
	// The last three lines of section 六, last first (without splitting
	// the whole section).
	rest := strings.TrimSpace(r.Text.OtherMatters)
	for k := 0; k < 3; k++ {
		i := strings.LastIndexByte(rest, '\n')
		cands = append(cands, rest[i+1:])
		if i < 0 {
			break
		}
		rest = rest[:i]
	}
	for i, c := range cands {
		sq := squeeze(strings.TrimSpace(c))
		m := signedDate.FindStringSubmatch(sq)
		// A line of section 六 signs only when it is the date alone (a
		// sentence may end with a date); the signature may name its body.
		if m == nil || i > 0 && len(m[0]) != len(sq) {
			continue
		}
		p, _ := strconv.Atoi(m[1])
		mon, _ := strconv.Atoi(m[2])
		y := p - 1
		if mon == 12 {
			y = p
		}
		return yearSource{y, model.Evidence{Field: "text.signature", Value: ptr(float64(p)), Text: strings.TrimSpace(c)},
			fmt.Sprintf("落款日期（%s）所指", strings.TrimSpace(c))}, true
	}
	return yearSource{}, false
}

// templateOutdated: a report on 2021 or later whose table 二 or 三 is
// printed in the 2019 format, or a report on 2019–2020 in the 2021 format.
func templateOutdated(r *model.Report) []model.Finding {
	if r.Year == nil || *r.Year < 2019 {
		return nil
	}
	y := *r.Year
	want := model.Gen2019
	if y >= 2021 {
		want = model.Gen2021
	}
	var out []model.Finding
	tables := map[string]model.Generation{"表二": r.Templates.ActiveDisclosure, "表三": r.Templates.Applications}
	names := []string{"表二", "表三"}
	sort.Strings(names)
	fields := map[string]string{"表二": "templates.active_disclosure", "表三": "templates.applications"}
	for _, t := range names {
		g := tables[t]
		if g == "" || g == want {
			continue
		}
		msg := fmt.Sprintf("%d年度报告的%s使用了%s年版格式，应为%s年版（国办公开办函〔2021〕30号）。", y, t, g, want)
		if want == model.Gen2019 {
			msg = fmt.Sprintf("%d年度报告的%s使用了2021年版格式，而该格式自2021年度报告起施行（%d年度应为2019年版）。", y, t, y)
		}
		out = append(out, model.Finding{
			Rule: RuleTemplateOutdated, Severity: model.SeverityWarning, Message: msg,
			Evidence: []model.Evidence{
				{Field: fields[t], Text: string(g)},
				{Field: "year", Value: ptr(float64(y))},
			},
		})
	}
	return out
}
