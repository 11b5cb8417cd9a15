package pdf

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/parser/textnorm"
)

// Table 三 (requests received and handled) rebuilt from positions.
//
// The header words give the column anchors; every number goes to the
// column whose centre is nearest. Row labels wrap around their numbers and
// the group labels (三、本年度办理结果, （三）不予公开 …) are printed a few
// characters per line in narrower cells to the left: label fragments are
// assembled by their numbering (一、 （一） 1. 1、) and their x position, then
// given in order to the numeric lines. Group labels become lines of their
// own, with only a label cell, before the first row of their group.

// requestsTable is the Table id given to table 三's lines.
const requestsTable = 1

var columnNames = []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

type hdrStack struct {
	text   string
	x0, x1 float64
}

func (s hdrStack) centre() float64 { return (s.x0 + s.x1) / 2 }

// buildTables finds table 三 and gives its lines a grid.
func buildTables(all []*tline) (res []*tline) {
	orig := all
	defer func() {
		// table reconstruction is best effort: a failure leaves plain lines
		if recover() != nil {
			res = orig
		}
	}()
	for i, l := range all {
		t := textnorm.Compact(l.joined())
		if strings.HasPrefix(t, "三") && strings.Contains(t, "收到和处理") && len([]rune(t)) < 40 || strings.Contains(t, "申请人情况") {
			if out, ok := tableAt(all, i); ok {
				return out
			}
		}
	}
	// no heading and no 申请人情况 row: start at the header's first words
	for i, l := range all {
		t := textnorm.Compact(l.joined())
		if len([]rune(t)) < 40 && (strings.Contains(t, "自然") || strings.Contains(t, "商业")) {
			if out, ok := tableAt(all, max(0, i-2)); ok {
				return out
			}
		}
	}
	return all
}

// tableAt rebuilds table 三 whose heading (or 申请人情况 line) is all[start].
func tableAt(all []*tline, start int) ([]*tline, bool) {
	hstart := start
	if strings.Contains(textnorm.Compact(all[start].joined()), "收到和处理") {
		hstart = start + 1
	}
	// the first data line: four or more numbers, or the label of row 一
	// (a table whose zeros are blank cells)
	first := -1
	for i := hstart; i < len(all) && i < hstart+30; i++ {
		n := 0
		for _, w := range all[i].words {
			if isNumberWord(w.text) {
				n++
			}
		}
		if n >= 4 || len(all[i].words) > 0 && strings.HasPrefix(all[i].words[0].text, "一、") && i > hstart {
			first = i
			break
		}
	}
	if first < 0 {
		return all, false
	}
	// the upper halves of numbers wrapped in their cells stand on lines
	// of their own before the first row's label
	for first-1 > hstart && len(all[first-1].words) > 0 && countNumbers(all[first-1]) == len(all[first-1].words) {
		first--
	}
	// the label area ends before the first numbers of the first rows
	minX := math.Inf(1)
	em := 0.0
	for i := first; i < len(all) && i < first+4; i++ {
		for _, w := range all[i].words {
			if isNumberWord(w.text) && w.x0 < minX {
				minX = w.x0
				em = math.Max(w.size, 4)
			}
		}
	}
	if math.IsInf(minX, 1) {
		// no numbers to go by: the label area ends after the corner note
		// and the first row's label
		minX = all[first].words[0].x1 + 1
		em = math.Max(all[first].words[0].size, 4)
		for _, l := range all[hstart:first] {
			for _, w := range l.words {
				if strings.Contains(w.text, "勾稽") || strings.Contains(w.text, "之和") || strings.Contains(w.text, "本列") {
					minX = math.Max(minX, w.x1+1)
				}
			}
		}
		minX += 2 * em
	}
	// the header: column words right of the label area
	stacks := headerStacks(all[hstart:first], minX-2*em)
	cols := matchColumns(stacks)
	if cols == nil {
		return all, false
	}
	nat := -1
	for i := hstart; i < first && nat < 0; i++ {
		for _, w := range all[i].words {
			if w.x1 > cols[0].x0 && w.x0 < cols[0].x1 {
				nat = i
				break
			}
		}
	}
	if nat < 0 {
		nat = hstart
	}
	centres := make([]float64, len(cols))
	for i, s := range cols {
		centres[i] = s.centre()
	}
	pitch := (centres[len(centres)-1] - centres[0]) / float64(len(centres)-1)
	labelEdge := centres[0] - pitch/2

	// the end: the row of 结转下(一)年度, or a line of the next section
	end := len(all)
	for i := first; i < len(all); i++ {
		t := textnorm.Compact(all[i].joined())
		if strings.Contains(t, "行政复议") || strings.Contains(t, "五、") && !hasValues(all[i], labelEdge) {
			end = i
			break
		}
		if strings.Contains(t, "结转下") && hasValues(all[i], labelEdge) {
			end = i + 1
			// a wrapped tail of that label
			for end < len(all) && end < i+3 && !hasValues(all[end], labelEdge) && len(all[end].words) == 1 &&
				all[end].words[0].x0 > all[i].words[0].x0+em && all[end].words[0].x1 < labelEdge {
				end++
			}
			break
		}
	}
	region := dropRepeatedHeaders(all[first:end], labelEdge)

	// header line: the header lines stay as plain text, followed by one
	// synthetic line with the seven column labels
	hdr := &tline{page: all[nat].page, y: all[nat].y, table: requestsTable, header: true}
	for i, s := range cols {
		hdr.words = append(hdr.words, word{raw: s.text, text: s.text, x0: s.x0, x1: s.x1, col: i + 1, size: em})
	}
	for _, l := range all[hstart:first] {
		var keep []word
		for _, w := range l.words {
			if w.x0 < minX-2*em && !isColumnWord(w.text) || strings.Contains(w.text, "申请人") || strings.Contains(w.text, "法人") {
				keep = append(keep, w)
			}
		}
		l.words = keep
	}

	rows := assembleRows(region, labelEdge, centres, em)
	out := make([]*tline, 0, len(all)+8)
	out = append(out, all[:first]...)
	out = append(out, hdr)
	out = append(out, rows...)
	out = append(out, all[end:]...)
	return out, true
}

// hasValues reports whether a line has a number right of the label area.
func hasValues(l *tline, labelEdge float64) bool {
	for _, w := range l.words {
		if (w.x0+w.x1)/2 >= labelEdge && isNumberWord(w.text) {
			return true
		}
	}
	return false
}

func isColumnWord(t string) bool {
	for _, c := range columnNames {
		if strings.Contains(c, t) || strings.Contains(t, c) {
			return true
		}
	}
	return false
}

// headerStacks groups the header words right of minX into columns: words
// close on a line are joined (商 业 企), then words overlapping
// horizontally are stacked top to bottom (商业企 / 业).
func headerStacks(lines []*tline, minX float64) []hdrStack {
	var stacks []hdrStack
	for _, l := range lines {
		var merged []word
		for _, w := range l.words {
			if w.x0 < minX || strings.Contains(w.text, "申请人") || strings.Contains(w.text, "法人") || strings.Contains(w.text, "勾稽") || isNumberWord(w.text) {
				continue
			}
			if n := len(merged); n > 0 && w.x0-merged[n-1].x1 < math.Max(w.size, 1) && prefixOfAny(merged[n-1].text+w.text, columnNames) {
				merged[n-1].text += w.text
				merged[n-1].x1 = w.x1
				continue
			}
			merged = append(merged, w)
		}
		for _, w := range merged {
			placed := false
			for i := range stacks {
				s := &stacks[i]
				ov := math.Min(s.x1, w.x1) - math.Max(s.x0, w.x0)
				if ov > 0.3*math.Min(s.x1-s.x0, w.x1-w.x0) {
					s.text += w.text
					s.x0, s.x1 = math.Min(s.x0, w.x0), math.Max(s.x1, w.x1)
					placed = true
					break
				}
			}
			if !placed {
				stacks = append(stacks, hdrStack{text: w.text, x0: w.x0, x1: w.x1})
			}
		}
	}
	sort.Slice(stacks, func(i, j int) bool { return stacks[i].x0 < stacks[j].x0 })
	return stacks
}

// matchColumns finds the seven columns among the header stacks.
func matchColumns(stacks []hdrStack) []hdrStack {
	out := make([]hdrStack, len(columnNames))
	found := 0
	used := make([]bool, len(stacks))
	for ci, name := range columnNames {
		for si, s := range stacks {
			t := textnorm.Compact(s.text)
			if used[si] || t == "" {
				continue
			}
			if t == name || (ci != 5 && strings.HasPrefix(t, name)) || (utf8.RuneCountInString(t) >= 2 && ci != 5 && strings.Contains(name, t)) {
				out[ci] = hdrStack{text: name, x0: s.x0, x1: s.x1}
				used[si] = true
				found++
				break
			}
		}
	}
	if found == len(columnNames) {
		return out
	}
	if len(stacks) == len(columnNames) {
		for i, s := range stacks {
			out[i] = hdrStack{text: columnNames[i], x0: s.x0, x1: s.x1}
		}
		return out
	}
	return nil
}

// label is a row or group label assembled from fragments.
type label struct {
	text, raw string
	x0, x1    float64
	line      int // region line of its first fragment
	group     bool
	outer     bool
}

// labelPiece is a fragment of label text in the table's label area.
type labelPiece struct {
	text   string
	raw    string
	x0, x1 float64
	line   int // index in region
}

// assembleRows turns the table's lines into grid rows.
func assembleRows(region []*tline, labelEdge float64, centres []float64, em float64) []*tline {
	var numeric []int // region indexes of lines with values
	var pieces []labelPiece
	// where numbered sub-rows (1. 2. …) start: a label word starting there
	// is never joined to a group label fragment on its left
	xSub := math.Inf(1)
	for _, l := range region {
		for _, w := range l.words {
			if (w.x0+w.x1)/2 < labelEdge && isDigitMark(w.text) {
				xSub = math.Min(xSub, w.x0)
			}
		}
	}
	var vals, labs []word // reused from line to line
	for i, l := range region {
		vals, labs = vals[:0], labs[:0]
		for _, w := range l.words {
			if (w.x0+w.x1)/2 >= labelEdge {
				vals = append(vals, w)
			} else {
				labs = append(labs, w)
			}
		}
		// join label words that are close on the line unless the next
		// starts a numbered label
		for _, w := range labs {
			atSub := math.Abs(w.x0-xSub) < 0.5*math.Max(w.size, 1)
			if n := len(pieces); n > 0 && pieces[n-1].line == i && w.x0-pieces[n-1].x1 < 0.9*math.Max(w.size, 1) && !isRowMark(w.text) && !atSub {
				pieces[n-1].text += w.text
				pieces[n-1].raw += w.raw
				pieces[n-1].x1 = w.x1
				continue
			}
			pieces = append(pieces, labelPiece{text: w.text, raw: w.raw, x0: w.x0, x1: w.x1, line: i})
		}
		// values: nearest column; words in the same column are joined
		l.words = l.words[:0]
		for _, w := range vals {
			best, bd := 0, math.Inf(1)
			c := (w.x0 + w.x1) / 2
			for ci, cc := range centres {
				if d := math.Abs(c - cc); d < bd {
					best, bd = ci, d
				}
			}
			w.col = best + 1
			if n := len(l.words); n > 0 && l.words[n-1].col == w.col {
				l.words[n-1].text += w.text
				l.words[n-1].raw += w.raw
				l.words[n-1].x1 = w.x1
				continue
			}
			l.words = append(l.words, w)
		}
		if len(l.words) > 0 {
			numeric = append(numeric, i)
		}
	}
	// x positions of the label sub-columns
	xOuter := math.Inf(1)
	xDigit := math.Inf(1)
	xMid := math.Inf(1)
	for _, p := range pieces {
		xOuter = math.Min(xOuter, p.x0)
		if isDigitMark(p.text) {
			xDigit = math.Min(xDigit, p.x0)
		}
		if isGroupMark(p.text) || strings.HasPrefix(p.text, "(一)") || strings.HasPrefix(p.text, "(七)") {
			xMid = math.Min(xMid, p.x0)
		}
	}
	if math.IsInf(xMid, 1) {
		xMid = xOuter
	}
	tol := 0.5 * em

	// assemble labels
	var rowLabels []*label
	var groups []*label
	var outer *label
	var curRow, curMid *label
	const outerLabel = "三、本年度办理结果"
	var outerCur *label // the copy being collected (a label printed again on a new page is a second copy)
	outerOpen := func() bool {
		if outerCur == nil {
			return false
		}
		t := textnorm.Compact(outerCur.text)
		return t != outerLabel && strings.HasPrefix(outerLabel, t)
	}
	owner := make([]*label, len(pieces)) // the row label each piece went to
	for pi, p := range pieces {
		inOuter := p.x0 < xMid-tol
		switch {
		case inOuter && !outerOpen() && strings.HasPrefix(p.text, "三") && strings.HasPrefix(outerLabel, textnorm.Compact(p.text)):
			// the vertical outer group label, a few characters per line
			outerCur = &label{text: p.text, raw: p.raw, x0: p.x0, x1: p.x1, line: p.line, outer: true, group: true}
			if outer == nil {
				outer = outerCur
			}
		case inOuter && outerOpen() && !isRowMark(p.text):
			outerCur.text += p.text
			outerCur.raw += p.raw
		case isRowMark(p.text):
			lb := &label{text: p.text, raw: p.raw, x0: p.x0, x1: p.x1, line: p.line}
			// a group label is left of its rows' labels, or printed on the
			// line of its first row just before it: （五）不予处理 1.信访…
			nextIsRow := pi+1 < len(pieces) && pieces[pi+1].line == p.line && isDigitMark(pieces[pi+1].text)
			if isGroupMark(p.text) && (p.x0 < xDigit-tol || nextIsRow) {
				lb.group = true
				groups = append(groups, lb)
				curMid = lb
				continue
			}
			rowLabels = append(rowLabels, lb)
			if p.x0 < xDigit-tol {
				curMid = lb
			}
			curRow = lb
			owner[pi] = lb
		case p.x0 < xDigit-tol && curMid != nil:
			curMid.text += p.text
			curMid.raw += p.raw
			owner[pi] = curMid
		case curRow != nil:
			curRow.text += p.text
			curRow.raw += p.raw
			owner[pi] = curRow
		}
	}
	// a （六） group with numbers on its own line is a row (2019 format):
	// a group label on a numeric line with no numbered rows after it
	for gi := len(groups) - 1; gi >= 0; gi-- {
		g := groups[gi]
		after := false
		for _, r := range rowLabels {
			if r.line > g.line && isDigitMark(r.text) {
				after = true
				break
			}
			if r.line > g.line+2 {
				break
			}
		}
		if !after && len(region[g.line].words) > 0 {
			g.group = false
			groups = append(groups[:gi], groups[gi+1:]...)
			rowLabels = append(rowLabels, g)
		}
	}
	sort.SliceStable(rowLabels, func(i, j int) bool { return rowLabels[i].line < rowLabels[j].line })

	// rows to numeric lines: in order when the counts agree, otherwise by
	// position (blank rows have no numeric line at all)
	lineOf := map[*label]int{} // label → region line with its values
	if len(rowLabels) == len(numeric) {
		for i, n := range numeric {
			lineOf[rowLabels[i]] = n
		}
	} else {
		// the vertical extent of each label's fragments
		type extent struct{ top, bot float64 }
		ext := map[*label]*extent{}
		for i, p := range pieces {
			lb := owner[i]
			if lb == nil || lb.group {
				continue
			}
			y := region[p.line].y
			if e := ext[lb]; e == nil {
				ext[lb] = &extent{y, y}
			} else {
				e.top, e.bot = math.Max(e.top, y), math.Min(e.bot, y)
			}
		}
		for _, n := range numeric {
			l := region[n]
			best, bd := (*label)(nil), math.Inf(1)
			for _, r := range rowLabels {
				e := ext[r]
				if e == nil || region[r.line].page != l.page {
					continue
				}
				d := 0.0
				if l.y > e.top+em/2 {
					d = l.y - e.top
				} else if l.y < e.bot-em/2 {
					d = e.bot - l.y
				}
				if d < bd {
					best, bd = r, d
				}
			}
			if best == nil || bd > 2.5*em {
				continue
			}
			if prev, ok := lineOf[best]; ok {
				// a second line of values for the same row: a number
				// wrapped inside its cell (1361 / 2)
				mergeValues(region[prev], l)
				l.words = nil
				continue
			}
			lineOf[best] = n
		}
	}
	// groups: the i-th group opens the i-th run of rows numbered from 1
	groupAt := map[*label][]*label{} // row → groups opening before it
	var runs []*label
	for _, r := range rowLabels {
		if isDigitMark(r.text) && strings.HasPrefix(strings.TrimLeft(r.text, " "), "1") {
			runs = append(runs, r)
		}
	}
	for i, g := range groups {
		if i < len(runs) && len(groups) == len(runs) {
			groupAt[runs[i]] = append(groupAt[runs[i]], g)
			continue
		}
		// else: before the first row at or after the label
		for _, r := range rowLabels {
			if r.line >= g.line-1 {
				groupAt[r] = append(groupAt[r], g)
				break
			}
		}
	}
	if outer != nil {
		for _, r := range rowLabels {
			if strings.HasPrefix(r.text, "(") {
				groupAt[r] = append([]*label{outer}, groupAt[r]...)
				break
			}
		}
	}
	used := map[int]bool{}
	var out []*tline
	emit := func(n int) {
		l := region[n]
		l.table = requestsTable
		out = append(out, l)
		used[n] = true
	}
	for _, r := range rowLabels {
		n, has := lineOf[r]
		// numeric lines that belong to no row, before this one
		if has {
			for _, m := range numeric {
				if m < n && !used[m] && len(region[m].words) > 0 && !assigned(lineOf, m) {
					emit(m)
				}
			}
		}
		ref := region[r.line]
		if has {
			ref = region[n]
		}
		for _, g := range groupAt[r] {
			out = append(out, &tline{page: ref.page, y: ref.y, table: requestsTable,
				label: &word{raw: g.raw, text: textnorm.Fold(g.text), x0: g.x0, x1: g.x1, col: 0}})
		}
		lw := &word{raw: r.raw, text: textnorm.Fold(r.text), x0: r.x0, x1: r.x1, col: 0}
		if has {
			region[n].label = lw
			emit(n)
		} else {
			out = append(out, &tline{page: ref.page, y: ref.y, table: requestsTable, label: lw})
		}
	}
	for _, m := range numeric {
		if !used[m] && len(region[m].words) > 0 && !assigned(lineOf, m) {
			emit(m)
		}
	}
	return out
}

func assigned(lineOf map[*label]int, n int) bool {
	for _, m := range lineOf {
		if m == n {
			return true
		}
	}
	return false
}

// mergeValues appends the values of b to those of a, column by column: the
// tail of a number wrapped inside its cell.
func mergeValues(a, b *tline) {
	for _, w := range b.words {
		done := false
		for i := range a.words {
			if a.words[i].col == w.col {
				a.words[i].text += w.text
				a.words[i].raw += w.raw
				done = true
				break
			}
		}
		if !done {
			a.words = append(a.words, w)
		}
	}
	sort.SliceStable(a.words, func(i, j int) bool { return a.words[i].col < a.words[j].col })
}

func countNumbers(l *tline) int {
	n := 0
	for _, w := range l.words {
		if isNumberWord(w.text) {
			n++
		}
	}
	return n
}

var reviewNames = []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}

// prefixOfAny reports whether s (spaces removed) begins one of names:
// fragments of one header cell printed with gaps (商 业 企) join, those of
// neighbouring cells (结果 | 其他) do not.
func prefixOfAny(s string, names []string) bool {
	s = textnorm.Compact(s)
	for _, n := range names {
		if strings.HasPrefix(n, s) {
			return true
		}
	}
	return false
}

// mergeReviewHeader joins the outcome headers of table 四, printed a few
// characters per line in narrow cells (结果 / 维持), into one line of
// fifteen cells with their extents, so that numbers can be placed under
// them by position. The group headers (行政复议, 未经复议直接起诉 …) stay.
func mergeReviewHeader(all []*tline) []*tline {
	for i, l := range all {
		t := textnorm.Compact(l.joined())
		if !strings.Contains(t, "行政复议") || !strings.Contains(t, "行政诉讼") || utf8.RuneCountInString(t) > 30 {
			continue
		}
		end := i + 1
		for end < len(all) && end < i+12 {
			n := all[end]
			if len(n.words) > 0 && countNumbers(n) == len(n.words) || strings.HasPrefix(textnorm.Compact(n.joined()), "五、") {
				break
			}
			end++
		}
		zone := all[i+1 : end]
		var stacks []hdrStack
		var owners [][]*word
		for _, zl := range zone {
			var merged []word
			var parts [][]*word
			for wi := range zl.words {
				w := &zl.words[wi]
				if isGroupHeader(w.text) {
					continue
				}
				if n := len(merged); n > 0 && w.x0-merged[n-1].x1 < math.Max(w.size, 1) && prefixOfAny(merged[n-1].text+w.text, reviewNames) {
					merged[n-1].text += w.text
					merged[n-1].x1 = w.x1
					parts[n-1] = append(parts[n-1], w)
					continue
				}
				merged = append(merged, *w)
				parts = append(parts, []*word{w})
			}
			for mi, w := range merged {
				placed := false
				for si := range stacks {
					s := &stacks[si]
					ov := math.Min(s.x1, w.x1) - math.Max(s.x0, w.x0)
					if ov > 0.3*math.Min(s.x1-s.x0, w.x1-w.x0) {
						s.text += w.text
						s.x0, s.x1 = math.Min(s.x0, w.x0), math.Max(s.x1, w.x1)
						owners[si] = append(owners[si], parts[mi]...)
						placed = true
						break
					}
				}
				if !placed {
					stacks = append(stacks, hdrStack{text: w.text, x0: w.x0, x1: w.x1})
					owners = append(owners, parts[mi])
				}
			}
		}
		var heads []int
		for si, s := range stacks {
			if slices.Contains(reviewNames, textnorm.Compact(s.text)) {
				heads = append(heads, si)
			}
		}
		if len(heads) != 15 {
			return all
		}
		sort.Slice(heads, func(a, b int) bool { return stacks[heads[a]].x0 < stacks[heads[b]].x0 })
		// take the outcome fragments out of their lines
		drop := map[*word]bool{}
		for _, si := range heads {
			for _, w := range owners[si] {
				drop[w] = true
			}
		}
		first := -1
		for zi, zl := range zone {
			var keep []word
			for wi := range zl.words {
				if drop[&zl.words[wi]] {
					if first < 0 {
						first = zi
					}
					continue
				}
				keep = append(keep, zl.words[wi])
			}
			zl.words = keep
		}
		ref := zone[max(first, 0)]
		hdr := &tline{page: ref.page, y: ref.y, size: ref.size}
		for _, si := range heads {
			s := stacks[si]
			t := textnorm.Compact(s.text)
			hdr.words = append(hdr.words, word{raw: s.text, text: t, x0: s.x0, x1: s.x1, col: -1, size: ref.size})
		}
		out := make([]*tline, 0, len(all))
		out = append(out, all[:i+1]...)
		for _, zl := range zone {
			if len(zl.words) > 0 {
				out = append(out, zl)
			}
		}
		out = append(out, hdr)
		out = append(out, all[end:]...)
		return out
	}
	return all
}

func isGroupHeader(t string) bool {
	return strings.Contains(t, "复议") || strings.Contains(t, "诉讼") || strings.Contains(t, "起诉")
}

// noteWords are fragments of the table's own header text: the corner
// note and the applicant group headers.
var noteWords = []string{"勾稽", "本列数据", "第一项", "第二项之和", "第三项", "第四项之和", "申请人情况", "法人或其他组织"}

// dropRepeatedHeaders removes from the table's rows a header printed again
// at the top of a continuation page (Word's repeated header rows): column
// names in the value area, the corner note and group headers anywhere.
func dropRepeatedHeaders(region []*tline, labelEdge float64) []*tline {
	out := region[:0:0]
	for _, l := range region {
		var keep []word // made at the first word dropped
		dropped := false
		for wi, w := range l.words {
			t := textnorm.Compact(w.text)
			drop := (w.x0+w.x1)/2 >= labelEdge && !isNumberWord(w.text) && (isColumnWord(t) || prefixOfAny(t, columnNames) || strings.HasPrefix("法人或其他组织", t))
			if !drop {
				for _, n := range noteWords {
					if strings.Contains(t, n) {
						drop = true
						break
					}
				}
				drop = drop || strings.HasPrefix(t, "(本列") || strings.HasPrefix(t, "(本") && strings.Contains(t, "项")
			}
			if drop {
				if !dropped {
					dropped = true
					keep = append([]word(nil), l.words[:wi]...)
				}
				continue
			}
			if dropped {
				keep = append(keep, w)
			}
		}
		if !dropped {
			keep = l.words
		}
		if len(keep) == 0 {
			continue
		}
		if len(keep) != len(l.words) {
			c := *l
			c.words = keep
			l = &c
		}
		out = append(out, l)
	}
	return out
}
