package recognize

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/digitrun"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// Text dumps of web pages often lose the separators between table cells
// (15130000154 for 151|3|0|0|0|0|154). Where cell-by-cell reading left a
// table or some of its cells unread, the section's text goes to
// digitrun, which splits the runs by the template's arithmetic and leaves
// a cell null when the split stays ambiguous. Its values only fill cells
// the first reading could not; if the two readings disagree on any cell
// both read, the fallback is not used at all.

// sectionText is one section of the document as plain text lines (cells
// joined by a space, the only boundary the splitter gets) with the layout
// line each came from.
type sectionText struct {
	lines []string
	from  []*layout.Line
	// items counts, per layout line, the section headings and the
	// template rows' runs printed on it (shared by all sections).
	items map[*layout.Line]int
	// folded caches each layout line's cells folded for comparison: a
	// one-line dump is one line of thousands of characters, asked about
	// once for every cell of every table.
	folded map[*layout.Line][]string
	// digitFields caches, per line of lines, its fields holding a digit.
	digitFields map[int]int
}

var midLineHeadings = [numSections]*lazyre.Regexp{
	secActive:   lazyre.New(`[一二三四五六][、.]\s*主动公开政府信息情况`),
	secRequests: lazyre.New(`[一二三四五六][、.]\s*收到和处理`),
	secReview:   lazyre.New(`[一二三四五六][、.][^。，]{0,24}?复议`),
	secProblems: lazyre.New(`[一二三四五六][、.][^。，]{0,24}?(?:问题|改进|其他需要报告)`),
}

// midLineWords are words each of midLineHeadings needs: most lines hold
// none, and a plain search tells so before the pattern is run.
var midLineWords = [numSections][]string{
	secActive:   {"主动公开政府信息情况"},
	secRequests: {"收到和处理"},
	secReview:   {"复议"},
	secProblems: {"问题", "改进", "其他需要报告"},
}

// findMidLine is midLineHeadings[k].FindStringIndex(t).
func findMidLine(k int, t string) []int {
	if !hasAny(t, midLineWords[k]) {
		return nil
	}
	return findNumbered(k, midLineHeadingAt, t, "一二三四五六", "、.")
}

// findNumbered is the unanchored FindStringIndex of section k's pattern
// that opens with one of the numerals nums and one of the separators seps,
// given at, its anchored form by hand (the end of a match at the start of
// a text, or -1): the leftmost match starts where a numeral and a
// separator stand, so only there is the pattern tried.
func findNumbered(k int, at func(int, string) int, t, nums, seps string) []int {
	for i := 0; i < len(t); {
		j := indexNumeral(t[i:], nums)
		if j < 0 {
			return nil
		}
		i += j
		_, n := utf8.DecodeRuneInString(t[i:])
		if next, _ := utf8.DecodeRuneInString(t[i+n:]); strings.ContainsRune(seps, next) {
			if e := at(k, t[i:]); e >= 0 {
				return []int{i, i + e}
			}
		}
		i += n
	}
	return nil
}

// lastNumeral returns the offset in a heading's match of the last
// numeral opening a heading (四、): the words between a numeral and its
// keyword never hold another, so in 四、结转下年度继续办理1717四、政府信息公开
// 行政复议 the heading is the second 四、, not the row label before it.
func lastNumeral(m string) int {
	last := 0
	for i, r := range m {
		if i > 0 && strings.ContainsRune("一二三四五六", r) {
			if rest := m[i+len(string(r)):]; strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ".") {
				last = i
			}
		}
	}
	return last
}

// cutsCells reports whether decoding run into n cells would cut a number
// that its line prints as a cell of its own, or that stands on a line of
// its own. Where the source separates its cells (a grid, tabs, positions,
// line breaks), a row with fewer numbers than
// columns lost a cell, and splitting 153 into 1|53 to make up the count
// is a guess; only text whose separators were lost is for the splitter.
// A run that lies whole inside one cell was never separated by the source
// (a one-line body whose date or a stray double space made a second
// cell), so the line's other cells say nothing about it.
//
// A line that holds two or more headings or rows' runs is no row of a
// grid but running text (a crawler's one-line body): the spaces and
// ideographic spaces that cut it into cells are padding, which may fall
// inside a cell or between two, so its cells say nothing either. A space
// still separates two cells (digitrun never joins across one); a piece
// between spaces may hold several.
func (s *sectionText) cutsCells(line int, run string, n int) bool {
	if line < 0 || line >= len(s.from) {
		return false
	}
	if s.insideOneCell(s.from[line], run) {
		return false
	}
	// Numbers one per line are separated as surely as cells are.
	if s.spansLines(line, run) {
		return countFields(run) < n
	}
	if s.runningText(line) {
		return false
	}
	withDigits := 0
	for _, c := range s.from[line].Cells {
		if strings.ContainsAny(c.Text, "0123456789") {
			withDigits++
		}
	}
	return withDigits >= 2 && countFields(run) < n
}

// runningText reports whether a line holds more than one heading or row
// run: in a grid every row is a line of its own and a heading stands
// apart from the numbers.
func (s *sectionText) runningText(line int) bool {
	return s.items != nil && s.items[s.from[line]] >= 2
}

// countRuns adds to the shared item counts the line of every run that
// holds a digit; lines are indexes into s.lines.
func (s *sectionText) countRuns(runs map[string]string, lines map[string]int) {
	for k, run := range runs {
		if i, ok := lines[k]; ok && i >= 0 && i < len(s.from) && strings.ContainsAny(run, "0123456789") {
			s.items[s.from[i]]++
		}
	}
}

// insideOneCell reports whether the whole run, spaces aside, stands in a
// single cell of l and is not merely one of several numbers each printed
// as a cell of its own.
func (s *sectionText) insideOneCell(l *layout.Line, run string) bool {
	digits := textnorm.Squeeze(run)
	if digits == "" {
		return false
	}
	cells, ok := s.folded[l]
	if !ok {
		cells = make([]string, len(l.Cells))
		for i, c := range l.Cells {
			cells[i] = textnorm.LabelFolded(c.Text)
		}
		if s.folded == nil {
			s.folded = map[*layout.Line][]string{}
		}
		s.folded[l] = cells
	}
	for _, t := range cells {
		if strings.Contains(t, digits) && t != digits {
			return true
		}
	}
	return false
}

// spansLines reports whether a run's numbers are spread over several
// lines of text rather than all on the line where it starts.
func (s *sectionText) spansLines(line int, run string) bool {
	if line < 0 || line >= len(s.lines) {
		return false
	}
	// The count is the line's, kept: each row asks about its line, and a
	// dump's line is the whole document.
	onLine, ok := s.digitFields[line]
	if !ok {
		for _, f := range strings.Fields(s.lines[line]) {
			if strings.ContainsAny(f, "0123456789") {
				onLine++
			}
		}
		if s.digitFields == nil {
			s.digitFields = map[int]int{}
		}
		s.digitFields[line] = onLine
	}
	return onLine < countFields(run)
}

// countFields is len(strings.Fields(s)) without the slice.
func countFields(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// decodedGroupsAddUp reports whether the decoded table 四 has every group
// total equal to the sum of its parts (unknown cells count as holding).
func decodedGroupsAddUp(cells []digitrun.Cell) bool {
	for g := 0; g+5 <= len(cells); g += 5 {
		sum := 0.0
		for _, c := range cells[g : g+5] {
			if c.Value == nil {
				sum = -1
				break
			}
		}
		if sum < 0 {
			continue
		}
		for _, c := range cells[g : g+4] {
			sum += *c.Value
		}
		if sum != *cells[g+4].Value {
			return false
		}
	}
	return true
}

// sectionTexts cuts the document into sections 二, 三 and 四 by their
// headings, which in a one-line dump sit in the middle of a line.
func (st *state) sectionTexts() map[int]*sectionText {
	type pos struct{ line, off int }
	texts := make([]string, len(st.lines))
	for i := range st.lines {
		st.check()
		texts[i] = strings.Join(printedTexts(st.lines[i]), " ")
	}
	found := map[int]pos{}
	cur := pos{0, 0}
	for _, k := range []int{secActive, secRequests, secReview, secProblems} {
		for i := cur.line; i < len(texts); i++ {
			from := 0
			if i == cur.line {
				from = cur.off
			}
			if loc := findMidLine(k, texts[i][from:]); loc != nil {
				// The preamble may list the sections by their numbered
				// names; the heading is the one followed by its text.
				for loc != nil && listedName(texts[i], from+loc[1]) {
					from += loc[1]
					loc = findMidLine(k, texts[i][from:])
				}
				if loc == nil {
					continue
				}
				loc[0] += lastNumeral(texts[i][from+loc[0] : from+loc[1]])
				cur = pos{i, from + loc[0]}
				found[k] = cur
				break
			}
		}
	}
	out := map[int]*sectionText{}
	items := map[*layout.Line]int{}
	folded := map[*layout.Line][]string{} // shared: a dump's one line is in every section
	for _, p := range found {
		items[&st.lines[p.line]]++
	}
	for _, k := range []int{secActive, secRequests, secReview} {
		start, ok := found[k]
		if !ok {
			continue
		}
		end := pos{len(texts), 0}
		for _, n := range []int{secRequests, secReview, secProblems} {
			if p, ok := found[n]; ok && n > k {
				end = p
				break
			}
		}
		s := &sectionText{items: items, folded: folded}
		for i := start.line; i < len(texts) && (i < end.line || (i == end.line && end.off > 0)); i++ {
			t := texts[i]
			if i == end.line {
				t = t[:end.off]
			}
			if i == start.line {
				t = t[min(start.off, len(t)):]
			}
			s.lines = append(s.lines, t)
			s.from = append(s.from, &st.lines[i])
		}
		out[k] = s
	}
	return out
}

// fillFromRuns reads with digitrun the tables, or the cells, that the
// cell-by-cell reading left null.
func (st *state) fillFromRuns() {
	r := st.report
	if complete(r.Applications) && complete(r.ReviewLitigation) && complete(r.ActiveDisclosure) {
		return
	}
	secs := st.sectionTexts()
	// Every table's runs are found first: whether a line is running text
	// depends on all the rows printed on it.
	var (
		t3         digitrun.Table3Text
		t3ok       bool
		run4       string
		line4      int
		ok4        bool
		disclosure digitrun.Table2Text
	)
	if s := secs[secRequests]; s != nil {
		if t3, t3ok = digitrun.ExtractApplications(s.lines); t3ok {
			s.countRuns(t3.Runs, t3.Lines)
		}
	}
	if s := secs[secReview]; s != nil {
		if run4, line4, ok4 = digitrun.ExtractReview(s.lines); ok4 {
			s.countRuns(map[string]string{"": run4}, map[string]int{"": line4})
		}
	}
	if s := secs[secActive]; s != nil {
		disclosure = digitrun.ExtractDisclosure(s.lines)
		s.countRuns(disclosure.Runs, disclosure.Lines)
	}
	if s := secs[secRequests]; s != nil && !complete(r.Applications) {
		if t3ok {
			blanks := leavesBlanks(disclosure, t3, t3ok)
			// A row whose run may be part of its text is read as printed:
			// vanished blanks would make up for what was left out.
			rowBlanks := map[string]bool{}
			for k := range t3.Runs {
				rowBlanks[k] = blanks && !t3.Stray[k]
			}
			cells, warns := digitrun.DecodeApplicationsContext(st.context(), t3.Runs, t3.Gen, rowBlanks)
			st.checkNow() // a search stopped by the context is not a result
			st.totalHolds = rowsTotalHolds(t3, warns, blanks)
			for _, k := range sortedKeys(t3.Approximate) {
				warns = append(warns, digitrun.Warning{Code: "label_approximate", Field: "applications." + k,
					Message: fmt.Sprintf("label %q matched row %s by its number, its place and most of its words", t3.Approximate[k], k)})
			}
			for _, l := range t3.Unmatched {
				st.report.Warn("label_unmatched", "applications", fmt.Sprintf("the numbered label %q in table 三 matches no row of the template where it stands; its digits were not read", l))
			}
			if r.Applications == nil || known(r.Applications) == 0 {
				st.replaceApplications(t3.Gen)
			}
			cuts := memoRow(func(row string) bool {
				return s.cutsCells(t3.Lines[row], t3.Runs[row], len(model.ApplicationColumns))
			})
			st.merge("applications", r.Applications, warns, func(row, col string) (digitrun.Cell, int, bool) {
				cs, ok := cells[row]
				if !ok || cuts(row) {
					return digitrun.Cell{}, 0, false
				}
				for j, c := range model.ApplicationColumns {
					if c.Key == col {
						return cs[j], t3.Lines[row], true
					}
				}
				return digitrun.Cell{}, 0, false
			}, s)
			st.warnAbsentRows("applications", r.Applications, t3.Runs)
		}
	}
	if s := secs[secReview]; s != nil && !complete(r.ReviewLitigation) {
		if run, line, ok := run4, line4, ok4; ok {
			cells, warns := digitrun.DecodeReviewContext(st.context(), run, leavesBlanks(disclosure, t3, t3ok))
			st.checkNow()
			// Fifteen numbers gathered from several lines are in the order
			// the converter wrote them; if the groups do not add up, that
			// order cannot be told from the document's own error.
			unordered := s.spansLines(line, run) && !decodedGroupsAddUp(cells[:])
			if unordered {
				st.report.Warn("order_unreliable", "review_litigation", "table 四's numbers stand on several lines and a group's 总计 is not the sum of its parts, so the order they came in cannot be trusted; the table is left null")
			}
			cuts := memoRow(func(string) bool { return s.cutsCells(line, run, len(cells)) })
			st.merge("review_litigation", r.ReviewLitigation, warns, func(row, col string) (digitrun.Cell, int, bool) {
				if unordered || cuts("") {
					return digitrun.Cell{}, 0, false
				}
				// Cell i is group i/5, outcome i%5 (digitrun.ReviewPath),
				// found by key instead of building both paths per cell.
				if i := reviewIndex(row, col); i >= 0 && i < len(cells) {
					return cells[i], line, true
				}
				return digitrun.Cell{}, 0, false
			}, s)
		}
	}
	if s := secs[secActive]; s != nil && !complete(r.ActiveDisclosure) {
		t2 := disclosure
		if t2.Gen == "" {
			return
		}
		if r.ActiveDisclosure == nil || known(r.ActiveDisclosure) == 0 {
			st.replaceDisclosure(t2.Gen)
		}
		if r.Templates.ActiveDisclosure != t2.Gen {
			return
		}
		decoded := map[string][]digitrun.Cell{}
		var warns []digitrun.Warning
		for _, k := range sortedKeys(t2.Approximate) {
			warns = append(warns, digitrun.Warning{Code: "label_approximate", Field: "active_disclosure." + k,
				Message: fmt.Sprintf("label %q matched row %s by its place and most of its characters", t2.Approximate[k], k)})
		}
		blanks := leavesBlanks(t2, t3, t3ok)
		for _, row := range model.DisclosureRows(t2.Gen) {
			if run, ok := t2.Runs[row.Key]; ok {
				cs, w := digitrun.DecodeDisclosureContext(st.context(), run, row, blanks)
				st.checkNow()
				decoded[row.Key] = cs
				warns = append(warns, w...)
			}
		}
		cuts := memoRow(func(row string) bool {
			for _, d := range model.DisclosureRows(t2.Gen) {
				if d.Key == row {
					return s.cutsCells(t2.Lines[row], t2.Runs[row], len(d.Fields))
				}
			}
			return false
		})
		st.merge("active_disclosure", r.ActiveDisclosure, warns, func(row, col string) (digitrun.Cell, int, bool) {
			for _, d := range model.DisclosureRows(t2.Gen) {
				if d.Key != row || decoded[row] == nil || cuts(row) {
					continue
				}
				for j, f := range d.Fields {
					if f.Key == col && j < len(decoded[row]) {
						return decoded[row][j], t2.Lines[row], true
					}
				}
			}
			return digitrun.Cell{}, 0, false
		}, s)
		st.warnAbsentRows("active_disclosure", r.ActiveDisclosure, t2.Runs)
	}
}

// reviewIndex returns the index in table 四's run of the cell of group
// row and outcome col (digitrun.ReviewPath's inverse), or -1.
func reviewIndex(row, col string) int {
	for g, gr := range model.ReviewGroups {
		if gr.Key != row {
			continue
		}
		for o, oc := range model.ReviewOutcomes {
			if oc.Key == col && g*5+o < 15 && o < 5 {
				return g*5 + o
			}
		}
	}
	return -1
}

// memoRow caches a row's answer: merge asks for every cell of a table,
// twice, and cutsCells' answer is the row's (it was a tenth of a dump's
// parse). The runs are all counted before the first merge, so the answer
// does not change while the memo lives.
func memoRow(f func(row string) bool) func(string) bool {
	m := map[string]bool{}
	return func(row string) bool {
		v, ok := m[row]
		if !ok {
			v = f(row)
			m[row] = v
		}
		return v
	}
}

// leavesBlanks reports whether the document prints zeros as empty cells:
// a row of table 二, or a row of table 三 outside the groups of sub-rows,
// whose label is followed by no value at all (a sub-row may print nothing
// because a cell merged over its group printed the value once). In a dump
// such empty cells vanish, so any run may then be missing one.
func leavesBlanks(t2 digitrun.Table2Text, t3 digitrun.Table3Text, t3ok bool) bool {
	for _, run := range t2.Runs {
		if strings.TrimSpace(run) == "" {
			return true
		}
	}
	if t3ok {
		for k, run := range t3.Runs {
			if strings.TrimSpace(run) == "" && subRowGroup(k) == "" {
				return true
			}
		}
	}
	return false
}

// rowsTotalHolds returns the rows of table 三 whose every split the
// decoder kept satisfies the row's own total (no CodeRowTotal warning).
// In a table that prints its zeros, a sub-row beside a sub-row of its
// group that prints nothing is left out: its values may be printed once in
// a cell merged over both, and then its total is theirs together.
func rowsTotalHolds(t3 digitrun.Table3Text, warns []digitrun.Warning, blanks bool) map[string]bool {
	out := map[string]bool{}
	defs := model.ApplicationRowsFor(t3.Gen)
	empty := func(i int) bool {
		run, ok := t3.Runs[defs[i].Key]
		return ok && strings.TrimSpace(run) == ""
	}
	for i, d := range defs {
		if _, ok := t3.Runs[d.Key]; !ok {
			continue
		}
		covered := false
		if g := subRowGroup(d.Key); g != "" && !blanks {
			for _, j := range []int{i - 1, i + 1} {
				covered = covered || j >= 0 && j < len(defs) && subRowGroup(defs[j].Key) == g && empty(j)
			}
		}
		out[d.Key] = !covered
	}
	for _, w := range warns {
		if w.Code == digitrun.CodeRowTotal {
			delete(out, strings.TrimPrefix(w.Field, "applications."))
		}
	}
	return out
}

// merge fills t's null cells from the decoded ones. When a cell read both
// ways differs, the two readings contradict each other and nothing is
// taken from the fallback.
func (st *state) merge(table string, t *model.Table, warns []digitrun.Warning, decoded func(row, col string) (digitrun.Cell, int, bool), s *sectionText) {
	if t == nil {
		return
	}
	for _, row := range t.Rows {
		for _, c := range row.Cells {
			d, _, ok := decoded(row.Key, c.Key)
			if ok && c.Value != nil && d.Value != nil && *c.Value != *d.Value {
				st.report.Warn("readings_disagree", table, fmt.Sprintf("%s.%s.%s reads %v cell by cell but %v from the run of digits; the run was not used", table, row.Key, c.Key, *c.Value, *d.Value))
				return
			}
		}
	}
	filled := map[string]bool{}
	for ri := range t.Rows {
		row := &t.Rows[ri]
		for ci := range row.Cells {
			c := &row.Cells[ci]
			// (The path is built only when some cell was left null so.)
			if c.Value != nil || len(st.spanNull) > 0 && st.spanNull[table+"."+row.Key+"."+c.Key] {
				continue // read, or left null on purpose (merged over rows)
			}
			d, line, ok := decoded(row.Key, c.Key)
			if !ok || d.Value == nil {
				continue
			}
			v := *d.Value
			c.Value = &v
			path := table + "." + row.Key + "." + c.Key
			filled[path] = true
			p := model.Provenance{Text: d.Raw}
			if line >= 0 && line < len(s.from) {
				p.Page, p.Line = s.from[line].Page, s.from[line].Num
			}
			st.report.Provenance[path] = p
		}
	}
	if table == "applications" {
		st.revertUnsupported(t, filled)
	}
	if len(filled) == 0 && len(warns) == 0 {
		return
	}
	// The first reading's warnings about cells now read are obsolete.
	var keep []model.Warning
	for _, w := range st.report.Warnings {
		if strings.HasPrefix(w.Field, table) && (w.Code == "unreadable_row" || w.Code == "row_missing" || w.Code == "table_missing" || w.Code == "empty_cell_unknown") {
			if coveredBy(w.Field, filled) || (w.Field == table && complete(t)) {
				continue
			}
		}
		if w.Code == "tables_missing" && len(filled) > 0 {
			continue // a table was found after all, in the runs
		}
		keep = append(keep, w)
	}
	st.report.Warnings = keep
	// A failed split says why a value is null: none is due for values
	// the first reading already holds.
	for _, w := range warns {
		if !filled[w.Field] && !st.spanNullUnder(w.Field) && !(splitFailed(w.Code) && knownUnder(t, table, w.Field)) {
			st.report.Warnings = append(st.report.Warnings, w.Model())
		}
	}
	if len(filled) > 0 {
		st.report.Warn("cells_ran_together", table, fmt.Sprintf("%d cells were split from runs of digits by the table's arithmetic", len(filled)))
	}
}

// coveredBy reports whether a cell under field (a table, row or cell
// path) was filled: a warning that the values under it are null is then
// untrue.
func coveredBy(field string, filled map[string]bool) bool {
	if filled[field] {
		return true
	}
	for p := range filled {
		if strings.HasPrefix(p, field+".") {
			return true
		}
	}
	return false
}

// splitFailed reports the digit-run codes that say why values are null,
// as opposed to how they were read.
func splitFailed(code string) bool {
	switch code {
	case digitrun.CodeAmbiguous, digitrun.CodeColumns, digitrun.CodeBudget, digitrun.CodeNoSplit, digitrun.CodeMissing, digitrun.CodeBlankRow:
		return true
	}
	return false
}

// knownUnder reports whether every value of t under field (the table's
// name, a row or a cell path) is known.
func knownUnder(t *model.Table, table, field string) bool {
	rest, ok := strings.CutPrefix(field, table)
	if !ok || rest != "" && rest[0] != '.' {
		return false
	}
	parts := strings.SplitN(strings.TrimPrefix(rest, "."), ".", 2)
	n := 0
	for _, r := range t.Rows {
		if parts[0] != "" && r.Key != parts[0] {
			continue
		}
		for _, c := range r.Cells {
			if len(parts) > 1 && c.Key != parts[1] {
				continue
			}
			if c.Value == nil {
				return false
			}
			n++
		}
	}
	return n > 0
}

func (st *state) replaceApplications(g model.Generation) {
	cols := make([]string, len(model.ApplicationColumns))
	for i, c := range model.ApplicationColumns {
		cols[i] = c.Key
	}
	var rows []string
	for _, d := range model.ApplicationRowsFor(g) {
		rows = append(rows, d.Key)
	}
	st.report.Applications = model.NewTable(rows, func(string) []string { return cols })
	st.report.Templates.Applications = g
	st.report.Template = g
}

func (st *state) replaceDisclosure(g model.Generation) {
	fields := map[string][]string{}
	var rows []string
	for _, d := range model.DisclosureRows(g) {
		rows = append(rows, d.Key)
		for _, f := range d.Fields {
			fields[d.Key] = append(fields[d.Key], f.Key)
		}
	}
	st.report.ActiveDisclosure = model.NewTable(rows, func(r string) []string { return fields[r] })
	st.report.Templates.ActiveDisclosure = g
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// complete reports whether every cell of t is known.
func complete(t *model.Table) bool {
	if t == nil {
		return false
	}
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c.Value == nil {
				return false
			}
		}
	}
	return true
}

func known(t *model.Table) int {
	n := 0
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c.Value != nil {
				n++
			}
		}
	}
	return n
}

// revertUnsupported undoes the split of any filled row that neither
// satisfies its own total nor leaves every column relation holding: a
// split that no arithmetic confirms is a guess (a tab-separated row that
// lost a cell has exactly one way to make seven cells, and it is wrong).
// A row partly read is confirmed by its own total when every split the
// decoder kept satisfies it (st.totalHolds): its cells are those all such
// splits agree on.
func (st *state) revertUnsupported(t *model.Table, filled map[string]bool) {
	rowFilled := map[string]bool{}
	for p := range filled {
		_, rest, _ := strings.Cut(p, ".")
		row, _, _ := strings.Cut(rest, ".")
		rowFilled[row] = true
	}
	// The column relations confirm a split only if every one of them could
	// be evaluated: a relation skipped for an unknown cell confirms nothing.
	evaluated, columnsHold := columnRelations(t, st.report.Template)
	if evaluated < 2*len(model.ApplicationColumns) {
		columnsHold = false
	}
	for row := range rowFilled {
		var sum float64
		ok := true
		for _, c := range model.ApplicantColumns {
			v, known := t.Get(row, c.Key)
			ok = ok && known
			sum += v
		}
		tot, known := t.Get(row, "total")
		if ok && known && sum == tot || columnsHold || !(ok && known) && st.totalHolds[row] {
			continue
		}
		for _, c := range model.ApplicationColumns {
			path := "applications." + row + "." + c.Key
			if filled[path] {
				t.Cell(row, c.Key).Value = nil
				delete(filled, path)
				delete(st.report.Provenance, path)
			}
		}
		st.report.Warn("unreadable_row", "applications."+row, "the row's digits split into seven cells only in ways that neither its own total nor the column relations confirm; left null")
	}
}

// columnRelations evaluates on t the checks "balance" and "results" of
// model.RunChecks, column by column, as they do: how many could be
// evaluated, and whether all of those held. (revertUnsupported ran all the
// checks, messages and all, to read these two.)
func columnRelations(t *model.Table, g model.Generation) (int, bool) {
	nr, co, tot, cf := t.Row("new_requests"), t.Row("carried_over"), t.Row("total"), t.Row("carried_forward")
	results := model.ResultRows(g)
	var buf [32]*model.Row
	resRows := buf[:0]
	for _, rk := range results {
		resRows = append(resRows, t.Row(rk))
	}
	evaluated, hold := 0, true
	for _, c := range model.ApplicationColumns {
		vnr, ok1 := nr.Get(c.Key)
		vco, ok2 := co.Get(c.Key)
		vtot, ok3 := tot.Get(c.Key)
		vcf, ok4 := cf.Get(c.Key)
		if ok1 && ok2 && ok3 && ok4 {
			evaluated++
			hold = hold && sameNumber(vnr+vco, vtot+vcf)
		}
		known, sum := ok3, 0.0
		for _, row := range resRows {
			v, ok := row.Get(c.Key)
			known = known && ok
			sum += v
		}
		if known {
			evaluated++
			hold = hold && sameNumber(sum, vtot)
		}
	}
	return evaluated, hold
}

// sameNumber is the checks' equality: within 1e-6.
func sameNumber(a, b float64) bool {
	d := a - b
	return d < 1e-6 && d > -1e-6
}
