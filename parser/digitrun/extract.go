package digitrun

import (
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazy"
	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/rowlabel"
	"github.com/govreport/govreport/parser/textnorm"
)

// stream is a section's text in label-comparison form: one entry per
// significant character, with the forced cell boundaries (spaces, line
// breaks) recorded beside the characters instead of in them, so that
// labels broken by spaces still match and digit runs keep their
// boundaries.
type stream struct {
	key  []rune
	brk  []bool // a space or a line break stands before key[i]
	line []int  // index into the input lines of key[i]
}

func newStream(lines []string) *stream {
	s := &stream{}
	// Sized from the characters of the lines (folding and spaces only
	// shorten them): growing the three slices was most of the bytes.
	n := 0
	for _, ln := range lines {
		n += utf8.RuneCountInString(ln)
	}
	s.key, s.brk, s.line = make([]rune, 0, n), make([]bool, 0, n), make([]int, 0, n)
	memo := map[rune][]rune{}
	for li, ln := range lines {
		if mdSeparator.MatchString(ln) || pageMarker.MatchString(ln) {
			continue
		}
		pending := true // a line break is a boundary
		for _, r := range textnorm.Fold(ln) {
			if r == ' ' || r == '|' {
				pending = true
				continue
			}
			if labelStable(r) {
				s.key = append(s.key, r)
				s.brk = append(s.brk, pending)
				s.line = append(s.line, li)
				pending = false
				continue
			}
			m, ok := memo[r]
			if !ok {
				m = []rune(textnorm.Label(string(r)))
				memo[r] = m
			}
			for _, x := range m {
				s.key = append(s.key, x)
				s.brk = append(s.brk, pending)
				s.line = append(s.line, li)
				pending = false
			}
		}
	}
	return s
}

// labelStable reports the characters that textnorm.Label leaves as they
// are (ASCII letters and digits, the common CJK ideographs): most of a
// table's text, read without a map look-up each.
func labelStable(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x4E00 && r <= 0x9FFF
}

// mdSeparator matches the rule line under a Markdown table header
// (|---|:--:|); such lines carry no text and their dashes are not blanks.
var mdSeparator = lazyre.New(`^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?$`)

// pageMarker matches a line that only numbers a page (— 4 —, - 4 -,
// 第4页, 第4页 共9页), which conversions leave between table rows.
var pageMarker = lazyre.New(`^\s*(?:[—\-－–]+\s*\d+\s*[—\-－–]+|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?)\s*$`)

// index returns the first position ≥ from where pat occurs, or -1.
func (s *stream) index(pat []rune, from int) int {
	if len(pat) == 0 {
		return -1
	}
outer:
	for i := from; i+len(pat) <= len(s.key); i++ {
		for j, r := range pat {
			if s.key[i+j] != r {
				continue outer
			}
		}
		return i
	}
	return -1
}

// indexAny returns the earliest occurrence at or after from of any of the
// patterns, and the length of the one found.
func (s *stream) indexAny(pats [][]rune, from int) (int, int) {
	best, blen := -1, 0
	for _, p := range pats {
		if i := s.index(p, from); i >= 0 && (best < 0 || i < best) {
			best, blen = i, len(p)
		}
	}
	return best, blen
}

// text rebuilds key[from:to] with a space at every inner boundary.
func (s *stream) text(from, to int) string {
	var b strings.Builder
	for i := from; i < to; i++ {
		if s.brk[i] && i > from {
			b.WriteByte(' ')
		}
		b.WriteRune(s.key[i])
	}
	return b.String()
}

func (s *stream) contains(words ...string) bool {
	for _, w := range words {
		if s.index([]rune(textnorm.Label(w)), 0) >= 0 {
			return true
		}
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isCountRune: a character that may belong to a table 三/四 run.
func isCountRune(r rune) bool { return isDigit(r) || isBlankMarker(r) }

// countAt reports whether key[i] may belong to a run: a digit, a blank
// marker, or 无 written as a cell (nothing) next to one of those, as in
// "/无—-/无—"; the 无 of a label (无法提供, 4.无正当理由) stands beside
// words or a numbering's dot, never beside a digit or a dash.
func (s *stream) countAt(i int) bool {
	r := s.key[i]
	if isCountRune(r) {
		return true
	}
	return r == '无' && (i > 0 && isCountRune(s.key[i-1]) || i+1 < len(s.key) && isCountRune(s.key[i+1]))
}

// inStretch reports whether key[i] continues a stretch of count
// characters. A comma between digits belongs to it, so that a number with
// a thousands separator is not cut in two (the decoder then refuses the
// run instead of reading its pieces).
func (s *stream) inStretch(i, to int) bool {
	r := s.key[i]
	if s.countAt(i) {
		return true
	}
	return r == ',' && i > 0 && i+1 < to && isDigit(s.key[i-1]) && isDigit(s.key[i+1]) && !s.brk[i] && !s.brk[i+1]
}

// Table3Text is the text of table 三 cut into runs.
type Table3Text struct {
	// Gen is the generation of table 三, decided from its rows: 2021 when
	// the three rows under （六）其他处理 are present, 2019 otherwise.
	Gen model.Generation
	// Runs maps row keys to the run printed after each label, boundaries
	// as single spaces. Rows whose label was not found are absent; a row
	// whose label is followed by no digits has "".
	Runs map[string]string
	// Lines maps row keys to the 0-based index, in the input lines, of
	// the line where the run (or, for an empty run, the label) starts.
	Lines map[string]int
	// Approximate maps row keys found by their number, place and most
	// of their words (a misprinted label) to the label as printed.
	Approximate map[string]string
	// Unmatched lists numbered labels inside the table that are no row
	// of the template; their digits are read into no row.
	Unmatched []string
	// Stray marks the rows whose text up to the next label holds digits
	// or blank markers besides the run (a numbering aside): the run may
	// be part of the row only.
	Stray map[string]bool
}

// appCores are the distinctive keywords matched for each table 三 row
// (any of them; the earliest occurrence after the previous row wins).
// They survive the variants of TEMPLATE.md (内容事务, 只计这一情况,
// 结转下一年度, 七、总计, quotes, spaces) and typos seen in real reports
// (其他法律行政止公开).
// (A map built on first use: a package-level map literal is built by
// package initialisation in every process.)
func appCores() map[string][]string { return appCoresV.Get(buildAppCores) }

var appCoresV lazy.Value[map[string][]string]

func buildAppCores() map[string][]string {
	return map[string][]string{
		"new_requests":                   {"本年新收"},
		"carried_over":                   {"上年结转"},
		"granted":                        {"予以公开"},
		"partially_granted":              {"部分公开"},
		"withheld_state_secret":          {"国家秘密"},
		"withheld_prohibited_by_law":     {"禁止公开", "其他法律"},
		"withheld_security_stability":    {"三安全", "一稳定"},
		"withheld_third_party_rights":    {"第三方"},
		"withheld_internal_affairs":      {"事务信息", "三类内"},
		"withheld_process_information":   {"过程性"},
		"withheld_enforcement_case_file": {"执法案卷"},
		"withheld_administrative_query":  {"查询事项"},
		"unavailable_not_held":           {"不掌握"},
		"unavailable_needs_creation":     {"现成信息", "另行制作"},
		"unavailable_still_unclear":      {"补正后", "仍不明确"},
		"not_processed_complaint":        {"信访", "举报投诉"},
		"not_processed_repeated":         {"重复申请"},
		"not_processed_publication":      {"出版物"},
		"not_processed_excessive":        {"大量反复"},
		"not_processed_confirmation":     {"重新出具", "确认或"},
		"other":                          {"其他处理"},
		"other_no_correction":            {"无正当理由逾期", "逾期不补正"},
		"other_unpaid_fee":               {"收费通知", "缴纳费用"},
		"other_other":                    {"其他"},
		"total":                          {"总计"},
		"carried_forward":                {"结转下", "继续办理"},
	}
}

func patterns(words []string) [][]rune {
	out := make([][]rune, len(words))
	for i, w := range words {
		out[i] = []rune(textnorm.Label(w))
	}
	return out
}

// numbering returns the printed number of a row label ("5" for
// "5.属于三类内部事务信息"), or "".
func numbering(label string) string {
	i := 0
	for i < len(label) && label[i] >= '0' && label[i] <= '9' {
		i++
	}
	if i > 0 && i < len(label) && label[i] == '.' {
		return label[:i]
	}
	return ""
}

// ExtractApplications cuts the text of table 三 (the lines between the
// headings 三 and 四, headings included or not) into one run per row.
// Labels are found in template order, so each is searched after the
// previous one; the run is the digits (with boundaries and blank markers)
// that follow the label, up to the next non-digit. When the next row's
// numbering is glued to the run ("…3200000326.属于四类…"), the number is
// taken off the run. ok is false when fewer than half of the rows were
// found.
func ExtractApplications(lines []string) (Table3Text, bool) {
	s := newStream(lines)
	t := Table3Text{Gen: model.Gen2019, Runs: map[string]string{}, Lines: map[string]int{}}
	if s.contains("逾期不补正", "收费通知", "缴纳费用") {
		t.Gen = model.Gen2021
	}
	defs := model.ApplicationRowsFor(t.Gen)
	starts := make([]int, len(defs))
	ends := make([]int, len(defs))
	pos := 0
	for i, d := range defs {
		pats := patterns(appCores()[d.Key])
		at, l := s.indexAny(pats, pos)
		if i == 0 && at >= 0 && len(defs) > 1 {
			at, l = firstRowAnchor(s, pats, patterns(appCores()[defs[1].Key]), at, l)
		}
		starts[i], ends[i] = at, at+l
		if at >= 0 {
			pos = at + l
		}
	}
	t.Approximate = map[string]string{}
	limits := placeVariants(s, defs, starts, ends, &t)
	found := 0
	for i, d := range defs {
		if starts[i] < 0 {
			continue
		}
		found++
		limit := limits[i]
		p, q := bestStretch(s, ends[i], limit)
		if strayStretch(s, ends[i], limit, p, q) {
			if t.Stray == nil {
				t.Stray = map[string]bool{}
			}
			t.Stray[d.Key] = true
		}
		run := s.text(p, q)
		if q < len(s.key) && (s.key[q] == '.' || s.key[q] == '、') && i+1 < len(defs) {
			if n := numbering(defs[i+1].Label); n != "" && strings.HasSuffix(run, n) {
				run = strings.TrimRight(strings.TrimSuffix(run, n), " ")
			}
		}
		t.Runs[d.Key] = run
		if p < q {
			t.Lines[d.Key] = s.line[p]
		} else {
			t.Lines[d.Key] = s.line[starts[i]]
		}
	}
	return t, found*2 >= len(defs)
}

// placeVariants finds the rows whose keywords were not found (a
// misprinted or reworded label) and bounds every row's run. Between a
// found row's label and the next found one, a numbered label glued to the
// digits ("…00000007.属于行政执法案件0000000") opens another row: if its
// number, its place and its words agree with a template row not yet
// found, it is that row (rowlabel.Application); otherwise it is recorded
// as unmatched. Either way the row before ends where it starts, so that
// its run is never taken from the label after it. It returns each row's
// limit.
func placeVariants(s *stream, defs []model.RowDef, starts, ends []int, t *Table3Text) []int {
	idx := map[string]int{}
	for i, d := range defs {
		idx[d.Key] = i
	}
	limits := make([]int, len(defs))
	done := make([]bool, len(defs))
	for i := range defs {
		if starts[i] < 0 || done[i] {
			continue
		}
		cur, from := i, ends[i]
		done[cur] = true
		limits[cur] = -1
		for {
			limit := len(s.key)
			for j := cur + 1; j < len(defs); j++ {
				if starts[j] >= 0 {
					limit = starts[j]
					break
				}
			}
			p, q, label := gluedLabel(s, from, limit)
			if limits[cur] < 0 {
				limits[cur] = limit
				if p >= 0 {
					limits[cur] = p
				}
			}
			if p < 0 {
				break
			}
			from = q
			key, _ := rowlabel.Application(label, defs[cur].Key)
			j, ok := idx[key]
			if !ok || starts[j] >= 0 || j <= cur {
				// Its digits belong to no row read; a later label in the
				// stretch may still be a row.
				if rowlabel.Unmatched(label) {
					t.Unmatched = append(t.Unmatched, label)
				}
				continue
			}
			starts[j], ends[j] = p, q
			t.Approximate[key] = label
			cur = j
			done[cur] = true
			limits[cur] = -1
		}
	}
	return limits
}

// gluedLabel returns the first numbered label in key[from:to] that stands
// right after digits ("7.属于…", "(三)不予公开…" after a run): the
// position of its number, the end of its words (the next count
// character) and its text. A label whose words run past to is the next
// row's own and is not returned. p is -1 when there is none.
func gluedLabel(s *stream, from, to int) (p, q int, label string) {
	for i := from + 1; i < to; i++ {
		if !isCountRune(s.key[i-1]) {
			continue
		}
		start, body := -1, -1
		switch r := s.key[i]; {
		case isDigit(r) && i+2 < to && (s.key[i+1] == '.' || s.key[i+1] == '、') && !isCountRune(s.key[i+2]) && s.key[i+2] != '.':
			start, body = i, i+2
		case r == '(' && i+3 < to && isHanNumeral(s.key[i+1]) && s.key[i+2] == ')':
			start, body = i, i+3
		case isHanNumeral(r) && i+2 < to && s.key[i+1] == '、':
			start, body = i, i+2
		}
		if start < 0 {
			continue
		}
		end := body
		for end < len(s.key) && !isCountRune(s.key[end]) {
			end++
		}
		if end > to {
			return -1, -1, ""
		}
		return start, end, string(s.key[start:end])
	}
	return -1, -1, ""
}

func isHanNumeral(r rune) bool { return strings.ContainsRune("一二三四五六七八九十", r) }

// bestStretch returns the stretch of count characters (digits, blank
// markers, with their boundaries) between from and to that holds the most
// digits, the first of equals; an empty stretch at to when there is none.
// In a run-together dump the row's run is the only stretch after its
// label (the next row's glued numbering aside); in a Markdown conversion
// it is the longest among header numbers such as 数据1.
func bestStretch(s *stream, from, to int) (int, int) {
	bp, bq, best := to, to, -1
	for p := from; p < to; {
		if !s.countAt(p) {
			p++
			continue
		}
		q, d := p, 0
		for q < to && s.inStretch(q, to) {
			if isDigit(s.key[q]) {
				d++
			}
			q++
		}
		if d > best {
			bp, bq, best = p, q, d
		}
		p = q
	}
	return bp, bq
}

// strayStretch reports whether key[from:to] holds a stretch of count
// characters other than key[p:q] and the numbering of a label (7. 或 7、).
func strayStretch(s *stream, from, to, p, q int) bool {
	for i := from; i < to; {
		if i == p && q > p {
			i = q
			continue
		}
		if !s.countAt(i) {
			i++
			continue
		}
		j, digits := i, true
		for j < to && j != p && s.inStretch(j, to) {
			digits = digits && isDigit(s.key[j])
			j++
		}
		if !(digits && j < len(s.key) && (s.key[j] == '.' || s.key[j] == '、' || s.key[j] == '．')) {
			return true
		}
		i = j
	}
	return false
}

// firstRowAnchor picks, among the occurrences of the first row's keyword,
// the first one followed closely by the second row's keyword, so that a
// sentence of narrative before the table ("本年新收政府信息公开申请23件")
// is not taken for the row.
func firstRowAnchor(s *stream, pats, next [][]rune, at, l int) (int, int) {
	const near = 80
	for o, ol := at, l; o >= 0; o, ol = s.indexAny(pats, o+1) {
		if n, _ := s.indexAny(next, o+ol); n >= 0 && n-o <= near {
			return o, ol
		}
	}
	return at, l
}

// ExtractReview finds table 四's run of fifteen numbers in the lines
// between the headings 四 and 五. The run is the longest stretch of
// digits, spaces and blank markers (counted in digits and markers; on a
// tie, the later one) — the data row after the headers, whether the
// headers came out as words or one character per line — unless that
// stretch cannot hold fifteen cells and all stretches of the section
// together can (three groups printed as three small tables, as
// conversions to Markdown do): then they are joined in order. line is
// the 0-based index of the line where the run starts; ok is false when
// the section has no digits or blank markers at all.
func ExtractReview(lines []string) (run string, line int, ok bool) {
	s := newStream(lines)
	type stretch struct{ p, q int }
	var all []stretch
	best := -1
	for p := 0; p < len(s.key); {
		if !s.countAt(p) {
			p++
			continue
		}
		q := p
		for q < len(s.key) && s.inStretch(q, len(s.key)) {
			q++
		}
		all = append(all, stretch{p, q})
		if best < 0 || q-p >= all[best].q-all[best].p {
			best = len(all) - 1
		}
		p = q
	}
	if best < 0 {
		return "", 0, false
	}
	b := all[best]
	run = s.text(b.p, b.q)
	if !canHold(run, 15) && len(all) > 1 {
		parts := make([]string, len(all))
		for i, st := range all {
			parts[i] = s.text(st.p, st.q)
		}
		if joined := strings.Join(parts, " "); canHold(joined, 15) {
			return joined, s.line[all[0].p], true
		}
	}
	return run, s.line[b.p], true
}

// canHold reports whether run could be split into n cells at all: no
// more forced pieces than n, no fewer characters.
func canHold(run string, n int) bool {
	segs, err := countSegments(run)
	if err != nil {
		return false
	}
	chars := 0
	for _, sg := range segs {
		chars += sg.size()
	}
	return len(segs) <= n && n <= chars
}

// Table2Text is the text of table 二 cut into runs.
type Table2Text struct {
	// Gen is the generation of table 二 from its header words, "" when
	// neither generation's headers were found.
	Gen model.Generation
	// Runs maps row keys of model.DisclosureRows(Gen) to the run after
	// each label (a unit such as 元 kept); rows not found are absent.
	Runs map[string]string
	// Lines maps row keys to the 0-based line index of the run.
	Lines map[string]int
	// Approximate maps row keys whose label was found by its place and
	// most of its characters (a misprint) to the label as printed.
	Approximate map[string]string
}

var (
	headers2021 = []string{"本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "本年处理决定数量", "行政规范性文件"}
	headers2019 = []string{"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "采购总金额", "其他对外管理服务事项", "政府集中采购"}
)

// disclosureCores overrides a row label where the generations spell it
// differently (行政规范性文件 / 规范性文件).
func disclosureCores(key string) (string, bool) {
	if key == "normative_documents" {
		return "规范性文件", true
	}
	return "", false
}

func isDisclosureRune(s *stream, i int) bool {
	r := s.key[i]
	switch {
	case isDigit(r), isBlankMarker(r), r == '.', r == '+', r == ',', r == '元':
		return true
	case r == '万':
		return i+1 < len(s.key) && s.key[i+1] == '元'
	case r == '无':
		return s.countAt(i)
	}
	return false
}

// ExtractDisclosure cuts the text of table 二 (the lines between the
// headings 二 and 三) into one run per row. The generation is decided
// from the header words (本年制发件数… for 2021, 本年新制作数量… for 2019);
// labels are then searched in template order after the first header
// (信息内容 or 第二十条), and each run is what follows its label — after
// a parenthesised gloss, if any — up to the next character that cannot be
// part of a value.
func ExtractDisclosure(lines []string) Table2Text {
	s := newStream(lines)
	t := Table2Text{Runs: map[string]string{}, Lines: map[string]int{}, Approximate: map[string]string{}}
	score := func(ws []string) int {
		n := 0
		for _, w := range ws {
			if s.contains(w) {
				n++
			}
		}
		return n
	}
	a, b := score(headers2021), score(headers2019)
	switch {
	case a > b:
		t.Gen = model.Gen2021
	case b > a:
		t.Gen = model.Gen2019
	default:
		return t
	}
	pos := 0
	for _, w := range []string{"信息内容", "第二十条"} {
		if i := s.index([]rune(w), 0); i >= 0 {
			pos = i
			break
		}
	}
	anchor := pos
	runAfter := func(at, n int) (int, int) {
		p := at + n
		if p < len(s.key) && s.key[p] == '(' {
			for j := p + 1; j < len(s.key) && j < p+80; j++ {
				if s.key[j] == ')' {
					p = j + 1
					break
				}
			}
		}
		q := p
		for q < len(s.key) && isDisclosureRune(s, q) {
			q++
		}
		return p, q
	}
	record := func(key string, at, p, q int) {
		t.Runs[key] = s.text(p, q)
		if p < q {
			t.Lines[key] = s.line[p]
		} else {
			t.Lines[key] = s.line[at]
		}
	}
	pats := map[string][]rune{}
	for _, row := range model.DisclosureRows(t.Gen) {
		label := row.Label
		if c, ok := disclosureCores(row.Key); ok {
			label = c
		}
		pats[row.Key] = []rune(textnorm.Label(label))
	}
	// Rows in template order, each after the previous one.
	defs := model.DisclosureRows(t.Gen)
	span := map[string][2]int{}
	for _, row := range defs {
		pat := pats[row.Key]
		at := s.index(pat, pos)
		if at < 0 {
			continue
		}
		p, q := runAfter(at, len(pat))
		record(row.Key, at, p, q)
		span[row.Key] = [2]int{at, q}
		pos = q
	}
	// A misprinted label (行政处法): between the rows found before and
	// after it, the text right before a value that is clearly closest to
	// this row's label of all the generation's.
	for ri, row := range defs {
		if _, ok := span[row.Key]; ok {
			continue
		}
		lo, hi := anchor, len(s.key)
		for j := ri - 1; j >= 0; j-- {
			if sp, ok := span[defs[j].Key]; ok {
				lo = sp[1]
				break
			}
		}
		for j := ri + 1; j < len(defs); j++ {
			if sp, ok := span[defs[j].Key]; ok {
				hi = sp[0]
				break
			}
		}
		if at, n := nearLabel(s, row.Key, pats, lo, hi); at >= 0 {
			if p, q := runAfter(at, n); p < q && q <= hi {
				record(row.Key, at, p, q)
				span[row.Key] = [2]int{at, q}
				t.Approximate[row.Key] = string(s.key[at : at+n])
			}
		}
	}
	// Rows printed out of order (blocks of a converted table that came
	// apart): the first occurrence after the table's start that has a
	// value after it.
	for _, row := range model.DisclosureRows(t.Gen) {
		if _, ok := t.Runs[row.Key]; ok {
			continue
		}
		pat := pats[row.Key]
		for at := s.index(pat, anchor); at >= 0; at = s.index(pat, at+1) {
			if p, q := runAfter(at, len(pat)); p < q {
				record(row.Key, at, p, q)
				break
			}
		}
	}
	return t
}

// nearLabel finds in key[lo:hi] the text just before a number that reads
// as row key's label with a misprint: as long as the label, at least
// rowlabel.MinPlaced similar to it and clearly closer to it than to any
// other row's label. It returns the start and length, or -1.
func nearLabel(s *stream, key string, pats map[string][]rune, lo, hi int) (int, int) {
	pat := pats[key]
	n := len(pat)
	if n < 3 {
		return -1, 0
	}
	cands := map[string]string{}
	for k, p := range pats {
		cands[k] = string(p)
	}
	for e := lo + n; e < hi; e++ {
		if !isDigit(s.key[e]) || isDisclosureRune(s, e-1) {
			continue
		}
		text := string(s.key[e-n : e])
		if rowlabel.Near(text, cands, rowlabel.MinPlaced, 0.2) == key {
			return e - n, n
		}
	}
	return -1, 0
}
