package recognize

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// readReview finds table 四, one row of fifteen numbers under the headers
// 行政复议 / 行政诉讼, and fills report.ReviewLitigation. Within the row,
// the template's fixed order is the only key there is.
func (st *state) readReview(apps *appsResult) {
	from, to := st.region(secReview)
	if from == to {
		from, to = 0, len(st.lines)
		if apps != nil {
			from = apps.last + 1
		}
		if p := st.sections[secProblems]; p > from {
			to = p
		}
	}
	var groups, outcomes []string
	for _, g := range model.ReviewGroups {
		groups = append(groups, g.Key)
	}
	for _, o := range model.ReviewOutcomes {
		outcomes = append(outcomes, o.Key)
	}
	t := model.NewTable(groups, func(string) []string { return outcomes })
	st.report.ReviewLitigation = t

	headerAt := -1
	for i := from; i < to; i++ {
		if isReviewHeader(st.lines[i]) {
			headerAt = i
			break
		}
	}
	if headerAt < 0 && st.sections[secReview] >= 0 && apps != nil {
		// A narrative heading may have been taken for the section:
		// look again after table 三.
		for i := apps.last + 1; i < len(st.lines); i++ {
			if isReviewHeader(st.lines[i]) {
				headerAt, to = i, len(st.lines)
				if p := st.sections[secProblems]; p > i {
					to = p
				}
				break
			}
		}
	}
	if headerAt < 0 {
		st.report.Warn("table_missing", "review_litigation", "table 四 (行政复议、行政诉讼) was not found; its values are null")
		return
	}
	var vals []piece
	dataAt := -1
	lines := 0 // lines the numbers came from
	lastAt := -1
	for i := headerAt + 1; i < to && len(vals) < 15; i++ {
		label, vs := st.info(i).label, st.info(i).vals
		if len(vs) == 0 || (label != "" && !shortRowLabel(label)) {
			if len(vals) > 0 {
				break
			}
			continue
		}
		if len(vals) == 0 {
			dataAt = i
		}
		lines++
		vals = append(vals, vs...)
		lastAt = i
	}
	// One cell per line in the document's order, as table 三's rows
	// showed: fifteen numbers on fifteen lines, and no more after them.
	inOrder := st.cellsInOrder && len(vals) == 15 && lines == 15
	if k := lastAt + 1; inOrder && k < to {
		if nk := st.info(k); nk.label == "" && len(nk.vals) > 0 {
			inOrder = false
		}
	}
	values := bySequence(vals, 15)
	if values == nil && dataAt > headerAt && allHaveX(vals) {
		values = st.reviewByPosition(headerAt, dataAt, vals)
	}
	if values == nil && len(vals) == 0 && len(st.lines[headerAt].Cells) >= 2 && positioned(&st.lines[headerAt]) && !st.anyDigit(headerAt, to) {
		// A positioned table (PDF, aligned text) printed with blanks for
		// zeros has no number at all under its headers when nothing
		// happened: every cell is blank.
		values = blankValues(&st.lines[headerAt], 15)
		st.report.Warn("blank_table", "review_litigation", "table 四 has headers but no number printed under them; its blank cells read as 0")
	}
	if values == nil {
		st.report.Warn("unreadable_row", "review_litigation",
			fmt.Sprintf("table 四: %d cells where 15 are expected; the values are left null", len(vals)))
		return
	}
	if values != nil && lines > 1 && !inOrder && !groupsAddUp(values) {
		st.report.Warn("order_unreliable", "review_litigation", "table 四's numbers stand on several lines and a group's 总计 is not the sum of its parts, so the order they came in cannot be trusted; the table is left null")
		return
	}
	for i, v := range values {
		g, o := groups[i/5], outcomes[i%5]
		if lost(v) {
			st.report.Warn("empty_cell_unknown", "review_litigation."+g+"."+o, "the cell is empty in a converted table, which may have lost its value; left null")
			continue
		}
		t.Set(g, o, v.num)
		st.provenance("review_litigation."+g+"."+o, *v)
	}
}

// shortRowLabel accepts the few words some reports print before table 四's
// numbers (数量, 件数, 合计).
func shortRowLabel(l string) bool {
	switch l {
	case "数量", "件数", "数据", "合计", "件", "案件数":
		return true
	}
	return false
}

// reviewByPosition places table 四's numbers under its fifteen outcome
// headers by position, for layouts where blank cells leave no trace
// (aligned text, PDF).
func (st *state) reviewByPosition(from, to int, vals []piece) []*value {
	type ext struct{ x0, x1 float64 }
	var heads []ext
	for i := from; i < to; i++ {
		li := st.info(i)
		for pi := range li.ps {
			p := &li.ps[pi]
			if p.isVal || !p.hasX {
				continue
			}
			t := li.foldedLabel(p)
			if strings.Contains(t, "维持") || strings.Contains(t, "纠正") || strings.Contains(t, "其他结果") || strings.Contains(t, "审结") || t == "总计" {
				heads = append(heads, ext{p.x0, p.x1})
			}
		}
	}
	if len(heads) != 15 {
		return nil
	}
	sort.Slice(heads, func(a, b int) bool { return heads[a].x0 < heads[b].x0 })
	keys := make([]string, 15)
	h := newHeader(nil)
	for i, e := range heads {
		keys[i] = strconv.Itoa(i)
		h.x[keys[i]] = [2]float64{e.x0, e.x1}
	}
	h.keys = keys
	return h.byPosition(vals[0].val.line, vals)
}

// isReviewHeader reports a header line of table 四.
func isReviewHeader(l layout.Line) bool {
	j := textnorm.Squeeze(l.Joined())
	return strings.Contains(j, "行政复议") && utf8.RuneCountInString(j) <= 40 && !strings.ContainsAny(j, "，。,") ||
		strings.Contains(j, "维持") || strings.Contains(j, "纠正") || strings.Contains(j, "审结")
}

// anyDigit reports whether a digit is printed on lines [from, to).
func (st *state) anyDigit(from, to int) bool {
	for i := from; i < to && i < len(st.lines); i++ {
		if strings.ContainsAny(st.lines[i].Joined(), "0123456789") {
			return true
		}
	}
	return false
}

// groupsAddUp reports whether each of table 四's three groups has a 总计
// equal to the sum of its four parts.
func groupsAddUp(values []*value) bool {
	for g := 0; g < 3; g++ {
		sum := 0.0
		for o := 0; o < 4; o++ {
			sum += values[g*5+o].num
		}
		if sum != values[g*5+4].num {
			return false
		}
	}
	return true
}
