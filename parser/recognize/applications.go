package recognize

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazy"
	"github.com/govreport/govreport/internal/runefilter"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/rowlabel"
	"github.com/govreport/govreport/parser/textnorm"
)

// rowPattern recognises one row of table 三 by phrases of its label; the
// first pattern that matches wins, so the specific come before the general.
type rowPattern struct {
	key     string
	phrases []string
}

var applicationPatterns = []rowPattern{
	{"other_no_correction", []string{"逾期不补正", "无正当理由逾期"}},
	{"other_unpaid_fee", []string{"缴纳费用", "收费通知"}},
	{"new_requests", []string{"本年新收", "本年度新收", "新收政府信息公开申请"}},
	{"carried_forward", []string{"结转下年度", "结转下一年度", "转下年度", "转入下年度", "结转下年"}},
	{"carried_over", []string{"上年结转", "上一年结转", "上年度结转"}},
	{"partially_granted", []string{"部分公开"}},
	{"granted", []string{"予以公开"}},
	{"withheld_state_secret", []string{"国家秘密"}},
	{"withheld_prohibited_by_law", []string{"行政法规禁止", "法律行政止公开", "其他法律行政", "禁止公开"}},
	{"withheld_security_stability", []string{"三安全一稳定", "三安全", "一稳定"}},
	{"withheld_third_party_rights", []string{"第三方合法权益", "第三方"}},
	{"withheld_internal_affairs", []string{"内部事务", "内容事务", "三类内部"}},
	{"withheld_process_information", []string{"过程性信息", "四类过程"}},
	{"withheld_enforcement_case_file", []string{"执法案卷"}},
	{"withheld_administrative_query", []string{"行政查询"}},
	{"unavailable_not_held", []string{"不掌握"}},
	{"unavailable_needs_creation", []string{"另行制作", "没有现成"}},
	{"unavailable_still_unclear", []string{"仍不明确", "补正后申请"}},
	{"not_processed_complaint", []string{"信访举报", "举报投诉", "信访"}},
	{"not_processed_repeated", []string{"重复申请"}},
	{"not_processed_publication", []string{"公开出版物"}},
	{"not_processed_excessive", []string{"大量反复"}},
	{"not_processed_confirmation", []string{"重新出具", "确认或重新", "要求行政机关确认"}},
	{"total", []string{"总计"}},
}

// phraseRef is a phrase of applicationPatterns[pat].
type phraseRef struct {
	text string
	pat  int
}

// phrasesByFirst indexes the phrases of applicationPatterns by their first
// character, built on first use.
var phrasesByFirstV lazy.Value[*phraseIndex]

func phrasesByFirst() *phraseIndex { return phrasesByFirstV.Get(buildPhrasesByFirst) }

func buildPhrasesByFirst() *phraseIndex {
	x := &phraseIndex{m: map[rune][]phraseRef{}}
	for i, p := range applicationPatterns {
		for _, ph := range p.phrases {
			r, _ := utf8.DecodeRuneInString(ph)
			x.m[r] = append(x.m[r], phraseRef{ph, i})
			x.first.Add(r)
		}
	}
	return x
}

// phraseIndex is the phrases by their first character, and a filter of
// those characters: most characters of a label open no phrase, and the
// filter says so before the map is asked.
type phraseIndex struct {
	m     map[rune][]phraseRef
	first runefilter.Set
}

// firstPattern returns the index of the first pattern of
// applicationPatterns with a phrase in core, or -1: the answer of trying
// each pattern's phrases in order with strings.Contains, from one pass
// over core that looks only at the phrases starting with each character.
// (Every line's label is matched, some of them several times, and the
// sixty searches of each were a tenth of reading table 三.)
func firstPattern(core string) int {
	idx := phrasesByFirst()
	best := -1
	for i, r := range core {
		if !idx.first.May(r) {
			continue
		}
		for _, ph := range idx.m[r] {
			if (best < 0 || ph.pat < best) && strings.HasPrefix(core[i:], ph.text) {
				best = ph.pat
			}
		}
	}
	return best
}

// groupLabels are the printed labels of row groups; they prefix the rows
// of their group when a grid repeats them.
var groupLabels = []string{"三、本年度办理结果", "本年度办理结果", "(三)不予公开", "(四)无法提供", "(五)不予处理", "(六)其他处理"}

// numberingLen returns the length of the row number a label opens with
// (1. 一、 (1) (一)), 0 when it opens with none.
//
// It is the pattern
// ^(?:\d{1,2}\s*[.、,．]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}\s*[、.,]|\([一二三四五六七八九十]{1,2}\)),
// read by numberingLen in plain code: it was run on every label of every
// line (TestNumberingLen holds the two together).
func numberingLen(s string) int {
	i := 0
	paren := strings.HasPrefix(s, "(")
	if paren {
		i = 1
	}
	n, chinese := 0, false
	if i < len(s) && isDigit(s[i]) {
		for i+n < len(s) && isDigit(s[i+n]) {
			n++
		}
	} else {
		chinese = true
		for k := 0; k < 3; k++ {
			r, size := utf8.DecodeRuneInString(s[i+n:])
			if !strings.ContainsRune("一二三四五六七八九十", r) || size == 0 {
				break
			}
			n += size
		}
	}
	// One or two digits or numerals, then no third: a longer run matches
	// no alternative.
	if n == 0 || !chinese && n > 2 || chinese && n > 2*3 {
		return 0
	}
	i += n
	if paren {
		if strings.HasPrefix(s[i:], ")") {
			return i + 1
		}
		return 0
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	seps := []string{".", "、", ",", "．"}
	if chinese {
		seps = seps[:3]
	}
	for _, sep := range seps {
		if strings.HasPrefix(s[i:], sep) {
			return i + len(sep)
		}
	}
	return 0
}

// numberingPrefix returns the row number s opens with (numberingLen).
func numberingPrefix(s string) string { return s[:numberingLen(s)] }

// maxRowLabel is the longest label in bytes matchApplicationRow reads:
// more than 80 characters of at most 4 bytes are no row's label.
const maxRowLabel = 4 * 80

// matchApplicationRow returns the row key of a table 三 label, "" when it
// is not a row, and "group" for a group label printed alone.
func matchApplicationRow(label string, prev string) string {
	// More than 80 characters: a byte count decides most lines (a
	// character is 1–4 bytes) without counting a dump's long ones.
	if label == "" || len(label) > maxRowLabel || len(label) > 80 && utf8.RuneCountInString(label) > 80 {
		return ""
	}
	core := label
	sawOther := false
	// Every group label holds 办理结果 or a parenthesis; without either,
	// none is in the label, and nothing is cut from it.
	hasGroup := strings.IndexByte(label, '(') >= 0 || strings.Contains(label, "办理结果")
	for _, g := range groupLabels {
		if !hasGroup {
			break
		}
		if strings.Contains(core, g) {
			if g == "(六)其他处理" {
				sawOther = true
			}
			core = strings.ReplaceAll(core, g, "")
		}
	}
	for {
		m := numberingPrefix(core)
		if m == "" {
			break
		}
		core = core[len(m):]
	}
	if core == "" {
		if sawOther {
			return "other"
		}
		if label != "" && strings.ContainsAny(label, "三四五") {
			return "group"
		}
		return ""
	}
	if p := firstPattern(core); p >= 0 {
		return applicationPatterns[p].key
	}
	if core == "其他处理" {
		return "other"
	}
	if core == "其他" || core == "其它" {
		if sawOther || prevIsOther(prev) {
			return "other_other"
		}
	}
	return ""
}

// applicationRowOf is matchApplicationRow(label, prev), where label is line
// k's label (or, for k < 0, any text), kept with the line's info: the scan
// asks it of a line up to three times (as the row's label, as the next
// line's when joining a wrapped label, as a line after a row's).
func (st *state) applicationRowOf(k int, label, prev string) string {
	if k < 0 {
		return matchApplicationRow(label, prev)
	}
	li := st.info(k)
	c := 0
	if prevIsOther(prev) {
		c = 1
	}
	if li.rowKey[c] == 0 {
		key := matchApplicationRow(label, prev)
		n := slices.Index(st.rowKeys, key)
		if n < 0 {
			if st.rowKeys == nil {
				st.rowKeys = make([]string, 0, 32) // a report's row keys, mostly
			}
			n = len(st.rowKeys)
			st.rowKeys = append(st.rowKeys, key)
		}
		if n >= 255 {
			return key // never: a report has a few dozen row keys
		}
		li.rowKey[c] = uint8(n + 1)
	}
	return st.rowKeys[li.rowKey[c]-1]
}

// prevIsOther reports the rows before which matchApplicationRow reads 其他
// as other_other: the only way its answer depends on prev.
func prevIsOther(prev string) bool {
	return prev == "other" || prev == "other_no_correction" || prev == "other_unpaid_fee"
}

// applicationPaths are the provenance paths of table 三's cells, by row
// and column index, built once: a report reads some two hundred, and each
// was a string built for the cell.
var applicationPathsV lazy.Value[map[string][]string]

func applicationPaths() map[string][]string { return applicationPathsV.Get(buildApplicationPaths) }

func buildApplicationPaths() map[string][]string {
	out := map[string][]string{}
	for _, r := range model.ApplicationRows {
		ps := make([]string, len(model.ApplicationColumns))
		for ci, c := range model.ApplicationColumns {
			ps[ci] = "applications." + r.Key + "." + c.Key
		}
		out[r.Key] = ps
	}
	return out
}

// applicationPath is "applications.<row>.<column ci>".
func applicationPath(row string, ci int) string {
	if ps, ok := applicationPaths()[row]; ok {
		return ps[ci]
	}
	return "applications." + row + "." + model.ApplicationColumns[ci].Key
}

// numbered reports whether a label opens with a row's number.
func numbered(label string) bool {
	num, _ := rowlabel.Numbering(label)
	return num != ""
}

// rowRead is one candidate row of table 三 found in the document.
type rowRead struct {
	key    string
	line   *layout.Line
	ps     []piece
	vals   []piece
	values []*value
	blank  bool // a positioned row with nothing printed after its label
	spread bool // its numbers came one per line
	// after is true when its numbers came from the lines after its
	// label; exact when they were exactly seven before the next label.
	after, exact bool
}

// appsResult is what was found of table 三.
type appsResult struct {
	gen   model.Generation
	first int // line index of the first data row
	last  int // line index of the last data row
}

// readApplications finds table 三 and fills report.Applications.
func (st *state) readApplications() *appsResult {
	from, to := st.region(secRequests)
	res := st.scanApplications(from, to)
	if res == nil {
		res = st.scanApplications(0, len(st.lines))
	}
	return res
}

func (st *state) scanApplications(from, to int) *appsResult {
	cols := make([]string, len(model.ApplicationColumns))
	for i, c := range model.ApplicationColumns {
		cols[i] = c.Key
	}
	hdr := newHeader(cols)
	widths := st.gridWidths()
	var rows []*rowRead
	var orphans []*rowRead // rows of numbers whose label floated away
	prev := ""
	first, last := -1, -1
	isRow := func(k int, label string) bool { return st.applicationRowOf(k, label, "") != "" }
	for i := from; i < to; i++ {
		l := &st.lines[i]
		li := st.info(i)
		label, vals := li.label, li.vals
		key := st.applicationRowOf(i, label, prev)
		start := i
		if key == "" && label != "" {
			key, i = st.joinLabel(i, to, func(k int, s string) string { return st.applicationRowOf(k, s, prev) }, maxRowLabel)
		}
		if key == "" && label != "" && (hasNumbers(vals) || positioned(l)) {
			// A misprinted or reworded label: its number and place
			// must agree with the row, and most of its words.
			if k, sim := rowlabel.Application(label, prev); k != "" {
				key = k
				st.report.Warn("label_approximate", "applications."+key, fmt.Sprintf("line %d: label %q matched row %s by its number, its place and most of its words (similarity %.2f)", l.Num, label, key, sim))
			}
		}
		if key == "" && len(vals) >= len(cols) && !numbered(label) {
			// Unnumbered: the words alone, when clearly closest. A
			// numbered label was judged above, its number included.
			if key = fuzzyApplicationRow(label); key != "" {
				st.report.Warn("label_approximate", "applications."+key, fmt.Sprintf("line %d: label %q matched row %s only approximately", l.Num, label, key))
			}
		}
		if key == "" || key == "group" {
			if first < 0 && !hasNumbers(vals) {
				hdr.add(l, li, applicationColumn)
			}
			if key == "" && label == "" && first >= 0 && len(vals) >= len(cols) {
				orphans = append(orphans, &rowRead{line: l, ps: li.ps, vals: vals})
			}
			if key == "" && label != "" && first >= 0 && prev != "carried_forward" && len(vals) >= len(cols) {
				st.report.Warn("label_unmatched", "applications", fmt.Sprintf("line %d: the row label %q matches no row of table 三 where it stands; its numbers were not read", l.Num, label))
			}
			continue
		}
		if key == "total" && !hasNumbers(vals) && first < 0 {
			// 总计 in a header line, not the （七） row.
			hdr.add(l, li, applicationColumn)
			continue
		}
		g := st.gather(start, i, to, len(cols), isRow, applicationLabel(key))
		vals, i = g.vals, g.end
		ps := g.ps
		l = g.line
		blankRow := false
		if len(vals) == 0 {
			// In a positioned layout (PDF, aligned text) a row printed
			// with blanks for zeros has nothing after its label.
			if !positioned(l) || !hdr.completeX() || key == "group" || digitsBesideLabel(ps) {
				prev = key
				continue
			}
			blankRow = true
		}
		if first < 0 {
			first = i
		}
		last = i
		rows = append(rows, &rowRead{key: key, line: l, ps: ps, vals: vals, blank: blankRow, spread: g.spread, after: g.after, exact: g.exact})
		prev = key
	}
	full := 0
	for _, r := range rows {
		if len(r.vals) >= len(cols) {
			full++
		}
	}
	// A few rows that look like the template's, with neither its column
	// headers nor its seven numbers per row, are prose or some other table.
	if len(rows) < 3 || (len(hdr.col) == 0 && len(hdr.x) == 0 && full < 5) {
		return nil
	}
	gen, ok := st.applicationGeneration(rows)
	res := &appsResult{gen: gen, first: first, last: last}
	if !ok {
		st.report.Warn("template_undetermined", "template", "table 三 has neither a single （六）其他处理 row nor its three sub-rows; generation "+string(gen)+" assumed")
	}
	st.report.Templates.Applications = gen
	defs := model.ApplicationRowsFor(gen)
	keys := make([]string, len(defs))
	for i, d := range defs {
		keys[i] = d.Key
	}
	t := model.NewTable(keys, func(string) []string { return cols })
	st.report.Applications = t
	seen := map[string]bool{}
	unreadable := map[string]string{}
	blankTotals := 0
	keyOf := map[int]string{} // line number → row read there, for merged cells
	for _, r := range rows {
		if t.Row(r.key) != nil {
			keyOf[r.line.Num] = r.key
		}
	}
	// One cell per line in the document's order: every label whose
	// numbers follow it on lines of their own is followed by exactly
	// seven. A converter that reordered cells (pdftotext without -layout)
	// leaves labels with too few or too many.
	inOrder := true
	for _, r := range rows {
		if r.after && !r.exact {
			inOrder = false
		}
	}
	st.cellsInOrder = inOrder
	for _, r := range rows {
		if t.Row(r.key) == nil {
			continue
		}
		if r.blank {
			r.values = blankValues(r.line, len(cols))
		} else {
			r.values = hdr.assign(r.line, r.ps, r.vals, widths)
		}
	}
	spanned := mergedSubRows(rows, t)
	for _, r := range rows {
		if t.Row(r.key) == nil {
			if r.key == "other" && gen == model.Gen2021 && !r.blank {
				st.report.Warn("extra_row", "applications.other", "a subtotal row （六）其他处理 beside its three sub-rows was ignored")
			}
			continue
		}
		if seen[r.key] {
			if r.values != nil {
				st.report.Warn("duplicate_row", "applications."+r.key, fmt.Sprintf("row %s appears again on line %d; the first reading was kept", r.key, r.line.Num))
			}
			continue
		}
		if r.values == nil {
			// Said only if no later line reads as this row (the first
			// may be prose that names the row).
			if _, ok := unreadable[r.key]; !ok {
				unreadable[r.key] = fmt.Sprintf("line %d: %d cells where 7 columns are expected, and no header position places them; the row's values are left null", r.line.Num, len(r.vals))
			}
			continue
		}
		if r.spread && !inOrder && !addsUp(r.values) {
			// Numbers that came one per line are placed by their order
			// alone; when the row does not add up and the table's counts
			// do not show the document's own order, a converter that
			// reordered them cannot be told from the document's own
			// error, so nothing is kept.
			seen[r.key] = true
			st.report.Warn("order_unreliable", "applications."+r.key, fmt.Sprintf("line %d: the row's numbers stand one per line and do not add up to its 总计, so the order they came in cannot be trusted; the row is left null", r.line.Num))
			continue
		}
		seen[r.key] = true
		applicants := 0.0
		for ci, v := range r.values {
			path := applicationPath(r.key, ci)
			if lost(v) {
				st.report.Warn("empty_cell_unknown", path, fmt.Sprintf("line %d: the cell is empty in a converted table, which may have lost its value; left null", r.line.Num))
				continue
			}
			if !st.spanRead(path, v, keyOf) {
				continue
			}
			if b := spanned[r]; b != nil && b.nonzero[ci] {
				st.spanNullPath(path, fmt.Sprintf("line %d: the rows %s print one value in column %s and are otherwise blank in a table that prints its zeros: the value was printed once in a cell merged over them and cannot be split, so each is null", r.line.Num, strings.Join(b.keys, ", "), cols[ci]))
				continue
			}
			t.Set(r.key, cols[ci], v.num)
			st.provenance(path, *v)
			if ci < 6 {
				applicants += v.num
			}
		}
		if r.values[6].kind == blank && r.values[6].cell.Text == "" && !lost(r.values[6]) && applicants != 0 {
			blankTotals++
		}
	}
	st.placeOrphans(t, keys, rows, orphans, hdr, widths, seen)
	for _, k := range keys {
		switch {
		case seen[k]:
		case unreadable[k] != "":
			st.report.Warn("unreadable_row", "applications."+k, unreadable[k])
		default:
			st.report.Warn("row_missing", "applications."+k, "row "+k+" of table 三 was not found; its values are null")
		}
	}
	if blankTotals > 0 {
		st.report.Warn("blank_total_column", "applications", fmt.Sprintf("the 总计 column is blank on %d rows with requests; blank cells read as 0, so their row totals fail", blankTotals))
	}
	return res
}

// applicationGeneration decides table 三's generation from its rows: the
// three （六） sub-rows mark the 2021 format, a single （六）其他处理 row
// with numbers the 2019 format.
func (st *state) applicationGeneration(rows []*rowRead) (model.Generation, bool) {
	has := map[string]bool{}
	for _, r := range rows {
		has[r.key] = true
	}
	switch {
	case has["other_no_correction"] || has["other_unpaid_fee"] || has["other_other"]:
		return model.Gen2021, true
	case has["other"]:
		return model.Gen2019, true
	}
	// No （六） row was read with numbers: its labels still tell. The
	// three 2021 sub-rows have words of their own; 其他处理 without them
	// is the single 2019 row.
	text := ""
	from, to := st.region(secRequests)
	if from == to && len(rows) > 0 {
		from, to = st.indexOf(rows[0].line), st.indexOf(rows[len(rows)-1].line)+1
	}
	for i := from; i >= 0 && i < to && i < len(st.lines); i++ {
		text += textnorm.Squeeze(st.lines[i].Joined())
	}
	switch {
	case strings.Contains(text, "逾期不补正") || strings.Contains(text, "缴纳费用"):
		return model.Gen2021, true
	case strings.Contains(text, "其他处理"):
		return model.Gen2019, true
	}
	if y := st.report.Year; y != nil && *y <= 2020 {
		return model.Gen2019, false
	}
	return model.Gen2021, false
}

// gridWidths returns a function giving the width of each source table.
func (st *state) gridWidths() func(int) int {
	w := map[int]int{}
	for _, l := range st.lines {
		if l.Table == 0 {
			continue
		}
		for _, c := range l.Cells {
			if c.Col+1 > w[l.Table] {
				w[l.Table] = c.Col + 1
			}
		}
	}
	return func(t int) int { return w[t] }
}

// positioned reports whether a line's cells carry page positions.
func positioned(l *layout.Line) bool {
	return len(l.Cells) > 0 && l.Cells[0].HasX
}

// blankValues is a row of n blank cells on line l.
func blankValues(l *layout.Line, n int) []*value {
	out := make([]*value, n)
	for i := range out {
		out[i] = &value{kind: blank, line: l}
	}
	return out
}

// applicationLabel is the template's printed label of a table 三 row.
func applicationLabel(key string) string {
	for _, r := range model.ApplicationRows {
		if r.Key == key {
			return textnorm.LabelFolded(textnorm.Fold(r.Label))
		}
	}
	return ""
}

// placeOrphans gives rows of numbers whose labels floated away (converters
// shred tables) to the template rows left unread, using the template's
// row order as the key: between two rows that were read, the unread
// template rows and the unlabelled rows of numbers found between them on
// the page are paired in order, and only when their counts are equal.
func (st *state) placeOrphans(t *model.Table, keys []string, rows, orphans []*rowRead, hdr *header, widths func(int) int, seen map[string]bool) {
	if len(orphans) == 0 {
		return
	}
	pos := map[string]int{}
	for i, k := range keys {
		pos[k] = i
	}
	type anchor struct{ tpl, line int }
	var anchors []anchor
	for _, r := range rows {
		if r.values == nil {
			continue
		}
		if p, ok := pos[r.key]; ok {
			anchors = append(anchors, anchor{p, r.line.Num})
		}
	}
	for a := 0; a+1 < len(anchors); a++ {
		lo, hi := anchors[a], anchors[a+1]
		if hi.tpl <= lo.tpl || hi.line <= lo.line {
			continue // out of order: the template order says nothing here
		}
		var missing []string
		for _, k := range keys[lo.tpl+1 : hi.tpl] {
			if !seen[k] {
				missing = append(missing, k)
			}
		}
		var between []*rowRead
		for _, o := range orphans {
			if o.line.Num > lo.line && o.line.Num < hi.line {
				between = append(between, o)
			}
		}
		if len(missing) == 0 || len(missing) != len(between) {
			continue
		}
		for i, k := range missing {
			o := between[i]
			values := hdr.assign(o.line, o.ps, o.vals, widths)
			if values == nil {
				continue
			}
			seen[k] = true
			for ci, v := range values {
				path := "applications." + k + "." + model.ApplicationColumns[ci].Key
				if lost(v) {
					st.report.Warn("empty_cell_unknown", path, "the cell is empty in a converted table, which may have lost its value; left null")
					continue
				}
				t.Set(k, model.ApplicationColumns[ci].Key, v.num)
				st.provenance(path, *v)
			}
			st.report.Warn("row_by_order", "applications."+k, fmt.Sprintf("line %d has numbers but no label; it is taken for row %s because it is the %d. unlabelled row between the rows read on lines %d and %d, where exactly %d template rows are missing", o.line.Num, k, i+1, lo.line, hi.line, len(missing)))
		}
	}
}

// digitsBesideLabel reports whether a line prints digits anywhere but in
// the numbering of its labels: then it is not a row of blanks, whatever
// the digits are (0 and 23 run together as 023).
func digitsBesideLabel(ps []piece) bool {
	for _, p := range ps {
		t := p.val.cell.Text
		if !p.isVal {
			// A label's own numbering (4.保护第三方…) is not a number.
			t = labelCore(textnorm.LabelFolded(p.label))
		}
		if strings.ContainsAny(t, "0123456789") {
			return true
		}
	}
	return false
}

// addsUp reports whether a row's six applicant cells sum to its 总计.
func addsUp(values []*value) bool {
	sum := 0.0
	for _, v := range values[:6] {
		sum += v.num
	}
	return sum == values[6].num
}
