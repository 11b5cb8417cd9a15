package recognize

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/govreport/govreport/parser/textnorm"
)

var (
	titleYearRe  = regexp.MustCompile(`((?:19|20)\d{2})\s*年\s*度?`)
	periodYearRe = regexp.MustCompile(`统计期限.{0,6}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日`)
	titleSuffix  = regexp.MustCompile(`(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:年度)?报告.*$|政府信息公开年报.*$`)
	agencyByline = regexp.MustCompile(`(?:发布机构|发文机关|发布单位|信息来源)\s*[:：]\s*([\p{Han}（）()]{3,40})`)
)

// isTitle reports whether a line reads like the report's title.
func isTitle(t string) bool {
	return strings.Contains(t, "信息公开") && (strings.Contains(t, "年度报告") || strings.Contains(t, "年报")) && len([]rune(t)) <= 70
}

// findTitle returns the title among the first lines. Titles are often
// broken over two or three centred lines (淮安市人民政府 / 2024年政府信息公开
// 工作年度报告), so short lines just above the one that names the report
// are joined to it while the title still lacks its agency or its year.
// A title that names both wins over an earlier one that does not (the
// column name 政府信息公开年报 in a saved page's side menu).
func (st *state) findTitle(limit int) string {
	fallback := "" // the first title without a year or an agency
	var complete []string
	for i, l := range st.lines[:limit] {
		if l.Table != 0 {
			continue
		}
		t := strings.TrimLeft(textnorm.Squeeze(l.Joined()), "#*> ")
		t = strings.TrimPrefix(strings.TrimPrefix(t, "标题:"), "标题")
		if !strings.Contains(t, "报告") && !strings.Contains(t, "年报") || len([]rune(t)) > 70 || isBreadcrumb(t) {
			continue
		}
		if strings.ContainsAny(t, "《》〈〉") || strings.Contains(t, "条例") || strings.Contains(t, "通知") {
			continue // a citation of the template's notice, not a title
		}
		for k := i - 1; k >= 0 && k >= i-2 && !titleComplete(t); k-- {
			p := strings.TrimLeft(textnorm.Squeeze(st.lines[k].Joined()), "#*> ")
			if st.lines[k].Table != 0 || len([]rune(p)) > 30 || strings.ContainsAny(p, "。，,;；") || isBreadcrumb(p) {
				break
			}
			t = p + t
		}
		if isTitle(t) && titleComplete(t) {
			complete = append(complete, t)
			continue
		}
		if isTitle(t) && fallback == "" {
			fallback = t
		}
	}
	switch len(complete) {
	case 0:
		return fallback
	case 1:
		return complete[0]
	}
	return st.pickTitle(complete)
}

// pickTitle chooses among several complete titles, as a page copied with
// its side bar (other years' reports) has: the one whose year the body
// speaks of most, and among equals the last, the one nearest the body.
func (st *state) pickTitle(titles []string) string {
	body := st.sectionText(secOverview)
	if m := periodYearRe.FindStringSubmatch(st.allText()); m != nil {
		body += strings.Repeat(m[1]+"年", 5) // the statistics period weighs most
	}
	best, bestN := titles[len(titles)-1], -1
	for i := len(titles) - 1; i >= 0; i-- {
		m := titleYearRe.FindStringSubmatch(titles[i])
		if m == nil {
			continue
		}
		if n := strings.Count(body, m[1]+"年"); n > bestN {
			best, bestN = titles[i], n
		}
	}
	return best
}

var breadcrumbRe = regexp.MustCompile(`^(?:当前位置|您的位置|您当前的位置|您现在的位置|您所在的位置|所在位置)|>.*>`)

// isBreadcrumb reports a portal's "you are here" line (当前位置：首页 >
// 政务公开 > 政府信息公开年报), which names the site's column, not the
// report. Pages saved as Word or text keep it as an ordinary line.
func isBreadcrumb(t string) bool { return breadcrumbRe.MatchString(t) }

// titleComplete reports whether a title names both its year and an agency.
func titleComplete(t string) bool {
	return titleYearRe.MatchString(t) && agencyFromTitle(t) != ""
}

// agencyFromTitle is what remains of a title without its year and the
// words 政府信息公开工作年度报告.
func agencyFromTitle(t string) string {
	a := titleYearRe.ReplaceAllString(t, "")
	a = titleSuffix.ReplaceAllString(a, "")
	a = strings.TrimPrefix(a, "关于")
	a = strings.TrimSuffix(a, "的")
	a = strings.Trim(a, " :：,，、-—()（）#*")
	if len([]rune(a)) < 2 {
		return ""
	}
	return a
}

// readMeta finds the title, the year reported on and the issuing agency in
// the title and preamble.
func (st *state) readMeta() {
	r := st.report
	title := ""
	limit := len(st.lines)
	if s := st.sections[secOverview]; s >= 0 {
		limit = s
	} else if limit > 60 {
		limit = 60
	}
	title = st.findTitle(limit)
	if declared := textnorm.Compact(st.doc.Title); isTitle(declared) && (title == "" || !titleComplete(title) && titleComplete(declared)) {
		title = declared
	}
	if title != "" {
		r.Title = &title
	} else {
		r.Warn("title_missing", "title", "no title line naming a 政府信息公开工作年度报告 was found")
	}

	compactTitle := textnorm.Compact(title)
	if m := titleYearRe.FindStringSubmatch(compactTitle); m != nil {
		y, _ := strconv.Atoi(m[1])
		r.Year = &y
	} else {
		head := ""
		for i, l := range st.lines {
			if i > 40 {
				break
			}
			head += textnorm.Squeeze(l.Joined())
		}
		if m := periodYearRe.FindStringSubmatch(head); m != nil {
			y, _ := strconv.Atoi(m[1])
			r.Year = &y
		} else {
			r.Warn("year_missing", "year", "the year reported on is not in the title or the preamble")
		}
	}

	agency := ""
	if compactTitle != "" {
		agency = agencyFromTitle(compactTitle)
		if full := expandAgency(agency); full != agency {
			r.Warn("agency_expanded", "agency", "the title names the agency by its short form "+agency+"; written in full as "+full)
			agency = full
		}
	}
	if agency == "" {
		for i, l := range st.lines {
			if i > 80 {
				break
			}
			if m := agencyByline.FindStringSubmatch(textnorm.Squeeze(l.Joined())); m != nil {
				agency = m[1]
				break
			}
		}
	}
	if agency == "" {
		if agency = st.agencyFromText(); agency != "" {
			r.Warn("agency_from_text", "agency", "the title does not name the agency; "+agency+" is the subject of the report's opening sentences")
		}
	}
	if agency != "" {
		r.Agency = &agency
	} else {
		r.Warn("agency_missing", "agency", "the issuing agency is not named in the title")
	}
}

var (
	agencySubjectRe = regexp.MustCompile(`(?:^|[，。,；;])(?:19|20)\d{2}年(?:度)?[，,]?(?:我|本)?([\p{Han}]{2,25}?(?:` + agencySuffixes + `))`)
	agencySuffixes  = `人民政府办公室|人民政府办公厅|人民政府|管理委员会|管委会|委员会|办公室|办公厅|实验区|开发区|新区|街道办事处|局|厅|区|县|市|镇|乡|街道`
	agencyMoreRe    = regexp.MustCompile(`^(?:` + agencySuffixes + `)`)
)

// agencyFromText finds the agency as the subject of the opening sentence
// of the preamble or of section 一 (2025年，平潭综合实验区坚持…).
func (st *state) agencyFromText() string {
	for i, l := range st.lines {
		if i > 40 {
			break
		}
		t := textnorm.Squeeze(l.Joined())
		m := agencySubjectRe.FindStringSubmatchIndex(t)
		if m == nil {
			continue
		}
		a, rest := t[m[2]:m[3]], t[m[3]:]
		// 上海市 + 人民政府办公厅: extend across chained suffixes.
		for {
			x := agencyMoreRe.FindString(rest)
			if x == "" {
				break
			}
			a, rest = a+x, rest[len(x):]
		}
		return a
	}
	return ""
}

// readText keeps the free-text sections 一, 五 and 六 as published
// (freeText); sectionText is their folded form, for matching.
func (st *state) readText() {
	r := st.report
	r.Text.Overview = st.freeText(secOverview)
	r.Text.Problems = st.freeText(secProblems)
	r.Text.OtherMatters = st.freeText(secOther)
}

func (st *state) sectionText(k int) string {
	from, to := st.region(k)
	var parts []string
	for _, l := range st.lines[from:to] {
		if l.Table != 0 {
			continue
		}
		if t := l.Joined(); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}

// agencyShortForms are the short names titles use for common bodies.
var agencyShortForms = []struct{ short, full string }{
	{"发改委", "发展和改革委员会"}, {"经信委", "经济和信息化委员会"}, {"科委", "科学技术委员会"},
	{"教委", "教育委员会"}, {"卫健委", "卫生健康委员会"}, {"住建委", "住房和城乡建设委员会"},
	{"商务委", "商务委员会"}, {"交委", "交通委员会"}, {"民宗委", "民族宗教事务委员会"},
	{"市政府办", "市人民政府办公室"}, {"区政府办", "区人民政府办公室"}, {"县政府办", "县人民政府办公室"},
	{"市政府", "市人民政府"}, {"区政府", "区人民政府"}, {"县政府", "县人民政府"},
}

// expandAgency writes a short form at the end of an agency name in full
// (上海市科委 → 上海市科学技术委员会).
func expandAgency(a string) string {
	for _, f := range agencyShortForms {
		if strings.HasSuffix(a, f.short) && !strings.HasSuffix(a, f.full) {
			return strings.TrimSuffix(a, f.short) + f.full
		}
	}
	return a
}
