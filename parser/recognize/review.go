package recognize

import (
	"fmt"
	"strings"

	"github.com/govreport/govreport/model"
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
		j := strings.ReplaceAll(st.lines[i].Joined(), " ", "")
		if strings.Contains(j, "行政复议") && (strings.Contains(j, "行政诉讼") || strings.Contains(j, "维持") || st.lines[i].Table != 0 || len(st.lines[i].Cells) > 1) ||
			strings.Contains(j, "结果维持") || strings.Contains(j, "结果纠正") {
			headerAt = i
			break
		}
	}
	if headerAt < 0 {
		st.report.Warn("table_missing", "review_litigation", "table 四 (行政复议、行政诉讼) was not found; its values are null")
		return
	}
	var vals []piece
	for i := headerAt + 1; i < to && len(vals) < 15; i++ {
		label, vs := st.info(i).label, st.info(i).vals
		if len(vs) == 0 || (label != "" && !shortRowLabel(label)) {
			if len(vals) > 0 {
				break
			}
			continue
		}
		if !hasNumbers(vs) && len(vals) == 0 && len(vs) < 15 && st.lines[i].Table == 0 {
			continue
		}
		vals = append(vals, vs...)
	}
	values := bySequence(vals, 15)
	if values == nil {
		st.report.Warn("unreadable_row", "review_litigation",
			fmt.Sprintf("table 四: %d cells where 15 are expected; the values are left null", len(vals)))
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
