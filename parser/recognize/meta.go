package recognize

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/parser/textnorm"
)

// titleYearRe, titleSuffix, headerKeyRe, pathRe, coverVerbs and
// breadcrumbRe are read by the scanners of metascan.go; the patterns are
// what the tests hold them to.
var (
	titleYearRe  = lazyre.New(`((?:19|20)\d{2})\s*年\s*度?`)
	periodYearRe = lazyre.New(`统计期限.{0,6}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日`)
	titleSuffix  = lazyre.New(`(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:年度)?报告.*$|政府信息公开年报.*$`)
	agencyByline = lazyre.New(`(?:发布机构|发文机关|发布单位|信息来源|来源)\s*[:：]\s*([\p{Han}（）()、]{3,40})`)
	// headerKeyRe opens a metadata field of a crawler's dump or of a
	// portal's article header (标题: …, 发布机构: …, 本地目录: …).
	headerKeyRe = lazyre.New(`^(标题|题名|文章标题|发布时间|发布日期|成文日期|发文日期|生成日期|文号|发文字号|索引号|主题分类|主题词|分类|体裁分类|发布机构|发文机关|发布单位|来源|信息来源|栏目|所属栏目|原文链接|原文地址|链接|网址|本地目录|本地路径|作者|访问次数|浏览次数|关键词)\s*[:：]`)
	// pathRe is a URL, a file path or a file name: a crawler's 本地目录 or
	// 原文链接 ends in the title but is no title.
	pathRe = lazyre.New(`(?i)https?://|www\.|[a-z0-9_.-]+/[a-z0-9_.-]*/|\.(?:s?html?|jsp|aspx?|php|docx?|pdf|wps|ofd|xlsx?|txt)$`)
	// coverVerbs are the verbs of a cover letter's title (…关于报送…的函).
	coverVerbs = lazyre.New(`^(?:报送|印发|公布|发布|上报|转发|公开)+|(?:报送|印发|公布|发布|上报|转发)+$`)
	// agencyEndRe is how the name of a body ends.
	agencyEndRe = lazyre.New(`(?:局|厅|委|委员会|办|办公室|政府|管委会|中心|院|署|处|部|会|站|所|区|县|市|州|盟|旗|镇|乡|街道|办事处)$`)
)

// headerField splits a metadata line (本地目录: zwgk/…) into its key and
// value; ok is false for other lines.
func headerField(t string) (key, val string, ok bool) {
	if !strings.ContainsAny(t, ":：") { // most lines: the pattern needs a colon
		return "", "", false
	}
	k, end := headerKeyMatch(t)
	if end < 0 {
		return "", "", false
	}
	return k, strings.TrimSpace(t[end:]), true
}

// isTitleKey reports the header fields that hold the article's title.
func isTitleKey(k string) bool { return k == "标题" || k == "题名" || k == "文章标题" }

// plausibleAgency reports whether a is a body's name as printed: Chinese
// characters and brackets only, never a colon, a slash, a URL, a file
// name or digits.
func plausibleAgency(a string) bool {
	n := 0
	for _, r := range a {
		switch {
		case unicode.Is(unicode.Han, r):
			n++
		case strings.ContainsRune("()（）·、", r):
		default:
			return false
		}
	}
	return n >= 2 && n <= 40
}

// isTitle reports whether a line reads like the report's title.
func isTitle(t string) bool {
	return strings.Contains(t, "信息公开") && (strings.Contains(t, "年度报告") || strings.Contains(t, "年报")) && utf8.RuneCountInString(t) <= 70
}

// findTitle returns the title among the first lines. Titles are often
// broken over two or three centred lines (淮安市人民政府 / 2024年政府信息公开
// 工作年度报告), so short lines just above the one that names the report
// are joined to it while the title still lacks its agency or its year.
// A title that names both wins over an earlier one that does not (the
// column name 政府信息公开年报 in a saved page's side menu).
func (st *state) findTitle(limit int) string {
	fallback := "" // the first title without a year or an agency
	runIn := ""    // the title that opens a body run together, if no line holds one
	var complete []string
	for i, l := range st.lines[:limit] {
		if l.Table != 0 {
			continue
		}
		t := strings.TrimLeft(textnorm.Squeeze(l.Joined()), "#*> ")
		if k, v, ok := headerField(t); ok {
			if !isTitleKey(k) {
				continue // 本地目录, 原文链接, 栏目: they may end in the title but are none
			}
			t = v
		}
		t = strings.TrimPrefix(t, "标题")
		if h := runInTitle(t); h != t {
			if runIn == "" {
				runIn = h
			}
			continue
		}
		// The plain tests first: most lines name no report.
		if !strings.Contains(t, "报告") && !strings.Contains(t, "年报") || utf8.RuneCountInString(t) > 70 || looksLikePath(t) || isBreadcrumb(t) {
			continue
		}
		if strings.ContainsAny(t, "《》〈〉") || strings.Contains(t, "条例") || strings.Contains(t, "通知") {
			continue // a citation of the template's notice, not a title
		}
		if strings.ContainsAny(t, "。，,;；") {
			continue // a sentence that speaks of the report (现将我局…年度报告报送如下。)
		}
		for k := i - 1; k >= 0 && k >= i-2 && !titleComplete(t); k-- {
			p := strings.TrimLeft(textnorm.Squeeze(st.lines[k].Joined()), "#*> ")
			if st.lines[k].Table != 0 || utf8.RuneCountInString(p) > 30 || strings.ContainsAny(p, "。，,;；") || isBreadcrumb(p) || looksLikePath(p) {
				break
			}
			if _, _, ok := headerField(p); ok {
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
		if runIn != "" {
			return runIn
		}
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
	if y, ok := periodYear(st.allText()); ok {
		body += strings.Repeat(y+"年", 5) // the statistics period weighs most
	}
	best, bestN := titles[len(titles)-1], -1
	for i := len(titles) - 1; i >= 0; i-- {
		y, ok := titleYear(titles[i])
		if !ok {
			continue
		}
		if n := strings.Count(body, y+"年"); n > bestN {
			best, bestN = titles[i], n
		}
	}
	return best
}

// runInTitle returns the title that opens a long line of a dump in which
// the whole body ran together (XX局2023年政府信息公开工作年度报告根据《条例》…):
// the text up to the first 年度报告 or 年报 when it names an agency and a
// year; other lines are returned as they are.
func runInTitle(t string) string {
	if utf8.RuneCountInString(t) < 300 {
		return t // a line, not a whole body run together
	}
	i := strings.Index(t, "年度报告")
	n := len("年度报告")
	if j := strings.Index(t, "年报"); i < 0 || j >= 0 && j < i {
		i, n = j, len("年报")
	}
	if i < 0 {
		return t
	}
	head := strings.TrimSpace(t[:i+n])
	if utf8.RuneCountInString(head) > 70 || strings.ContainsAny(head, "。，,;；《》〈〉") || !isTitle(head) || !titleComplete(head) {
		return t
	}
	return head
}

var breadcrumbRe = lazyre.New(`^(?:当前位置|您的位置|您当前的位置|您现在的位置|您所在的位置|所在位置)|>.*>`)

// isBreadcrumb reports a portal's "you are here" line (当前位置：首页 >
// 政务公开 > 政府信息公开年报), which names the site's column, not the
// report. Pages saved as Word or text keep it as an ordinary line.
func isBreadcrumb(t string) bool { return breadcrumb(t) }

// titleComplete reports whether a title names both its year and an agency.
func titleComplete(t string) bool {
	_, ok := titleYear(t)
	return ok && agencyFromTitle(t) != ""
}

// agencyFromTitle is what remains of a title without its year and the
// words 政府信息公开工作年度报告. A cover letter's title (XX局关于报送
// 2020年度…报告的函) names its issuer before 关于.
func agencyFromTitle(t string) string {
	a := t
	if i := strings.Index(a, "关于"); i > 0 {
		a = a[:i]
	}
	a = strings.TrimPrefix(a, "关于")
	a = dropTitleYears(a)
	a = dropTitleSuffix(a)
	a = strings.TrimSuffix(a, "的")
	a = strings.Trim(a, " :：,，、-—()（）#*")
	a = dropCoverVerbs(a)
	a = strings.TrimSuffix(a, "年度")
	if utf8.RuneCountInString(a) < 2 || !plausibleAgency(a) {
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
		limit = s + 1 // a dump that ran together has its title on the heading's line
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
	if ty, ok := titleYear(compactTitle); ok {
		y, _ := strconv.Atoi(ty)
		r.Year = &y
	} else {
		head := ""
		for i, l := range st.lines {
			if i > 40 {
				break
			}
			head += textnorm.Squeeze(l.Joined())
		}
		if py, ok := periodYear(head); ok {
			y, _ := strconv.Atoi(py)
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
	// Evidence after the title, most explicit first: a 发布机构 field, the
	// signature that closes the report, the opening sentence's subject.
	if agency == "" {
		agency = st.agencyFromHeader()
	}
	if agency == "" {
		if agency = st.agencyFromSignature(); agency != "" {
			r.Warn("agency_from_signature", "agency", "the title does not name the agency; "+agency+" signs the report")
		}
	}
	if agency == "" {
		if agency = st.agencyFromText(); agency != "" {
			r.Warn("agency_from_text", "agency", "the title does not name the agency; "+agency+" is the subject of the report's opening sentences")
		}
	}
	if agency != "" && plausibleAgency(agency) {
		r.Agency = &agency
	} else {
		r.Warn("agency_missing", "agency", "the issuing agency is named neither in the title nor in a 发布机构 field, a signature or the opening sentence")
	}
}

// hasByline reports whether t holds a key of agencyByline.
func hasByline(t string) bool {
	return strings.Contains(t, "来源") || strings.Contains(t, "发布机构") || strings.Contains(t, "发文机关") || strings.Contains(t, "发布单位")
}

// agencyFromHeader reads a 发布机构 / 来源 field of the page header or of
// a crawler's dump, when it holds a body's name (not empty, not 本网).
func (st *state) agencyFromHeader() string {
	for i, l := range st.lines {
		if i > 80 {
			break
		}
		t := textnorm.Squeeze(l.Joined())
		if !hasByline(t) {
			continue // the pattern needs one of its keys: most lines have none
		}
		if a := bylineAgencies(t, func(a string) bool { return plausibleAgency(a) && endsAgency(a) }); a != "" {
			return a
		}
	}
	return ""
}

var (
	// signDateRe is the date under a signature, at the end of a line.
	signDateRe  = lazyre.New(`(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$`)
	hanRunEnd   = lazyre.New(`[\p{Han}()（）]+$`)
	sentenceEnd = "。；;！!？?:："
)

// agencyFromSignature reads the body that signs the report above its date
// (平潭综合实验区社会事业局 / 2024年1月26日), on the last lines. In a dump
// whose text ran together the name may be glued to the last sentence
// (…暂无XX管理局 2021年1月26日): the longest name ending there that the
// document also writes elsewhere is taken.
func (st *state) agencyFromSignature() string {
	seen := 0
	for i := len(st.lines) - 1; i >= 0 && seen < 6; i-- {
		if st.lines[i].Table != 0 {
			continue
		}
		t := textnorm.Squeeze(st.lines[i].Joined())
		if t == "" {
			continue
		}
		seen++
		if !strings.HasSuffix(t, "日") {
			continue // the pattern ends in 日
		}
		loc := signDateRe.FindStringIndex(t)
		if loc == nil {
			continue
		}
		before := t[:loc[0]]
		if before == "" && i > 0 && st.lines[i-1].Table == 0 {
			before = textnorm.Squeeze(st.lines[i-1].Joined()) // the date on a line of its own
		}
		run := hanRunEndOf(before)
		if run == "" || !endsAgency(run) {
			return ""
		}
		r := []rune(run)
		last, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(before, run))
		if (last == utf8.RuneError || strings.ContainsRune(sentenceEnd, last)) && len(r) >= 4 && len(r) <= 40 {
			return run // the name stands by itself
		}
		for k := max(0, len(r)-40); k <= len(r)-4; k++ {
			if c := string(r[k:]); plausibleAgency(c) && strings.Count(st.allText(), c) >= 2 {
				return c
			}
		}
		return ""
	}
	return ""
}

// agencySuffixes is a constant so that the patterns built from it are
// static data (a variable would make their initialisation run at start-up).
const agencySuffixes = `人民政府办公室|人民政府办公厅|人民政府|管理委员会|管委会|委员会|办公室|办公厅|实验区|开发区|新区|街道办事处|局|厅|区|县|市|镇|乡|街道`

var (
	agencySubjectRe = lazyre.New(`(?:^|[，。,；;])(?:19|20)\d{2}年(?:度)?[，,]?(?:我|本)?([\p{Han}]{2,25}?(?:` + agencySuffixes + `))`)
	agencyMoreRe    = lazyre.New(`^(?:` + agencySuffixes + `)`)
)

// agencyFromText finds the agency as the subject of the opening sentence
// of the preamble or of section 一 (2025年，平潭综合实验区坚持…).
func (st *state) agencyFromText() string {
	for i, l := range st.lines {
		if i > 40 {
			break
		}
		t := textnorm.Squeeze(l.Joined())
		if !strings.Contains(t, "年") {
			continue // the pattern needs 年
		}
		start, end := agencySubject(t)
		if start < 0 {
			continue
		}
		a, rest := t[start:end], t[end:]
		// 上海市 + 人民政府办公厅: extend across chained suffixes.
		for {
			x := agencyMore(rest)
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
	// The section that runs to the end of the document ends in the
	// signature, which is none of its text.
	for _, k := range []int{secOther, secProblems, secOverview} {
		if st.textMarks()[k].ok {
			if st.nextMark(k) == nil {
				t := &r.Text.OtherMatters
				switch k {
				case secProblems:
					t = &r.Text.Problems
				case secOverview:
					t = &r.Text.Overview
				}
				*t, r.Text.Signature = st.stripSignature(*t)
			}
			break
		}
	}
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
