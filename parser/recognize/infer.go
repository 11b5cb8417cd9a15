package recognize

import (
	"fmt"
	"strings"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/digitrun"
)

// inferLostCells fills a table 三 cell that a converter left empty (the
// empty_cell_unknown warning) when two independent relations of the
// document's own numbers give it the same value: its row total and its
// column's balance. One relation alone is not enough, and a printed
// number is never changed.
func (st *state) inferLostCells() {
	a := st.report.Applications
	if a == nil {
		return
	}
	var keep, inferred []model.Warning
	for _, w := range st.report.Warnings {
		if w.Code == "empty_cell_unknown" {
			if v, ok := st.inferCell(a, w.Field); ok {
				inferred = append(inferred, model.Warning{Code: "inferred_from_arithmetic", Field: w.Field,
					Message: fmt.Sprintf("the cell is empty in a converted table; %v follows both from its row total and from its column's balance", v)})
				continue
			}
		}
		keep = append(keep, w)
	}
	if len(inferred) == 0 {
		return
	}
	// A failed split of the digits of a row now complete no longer
	// explains anything.
	st.report.Warnings = keep[:0]
	for _, w := range keep {
		if !(splitFailed(w.Code) && knownUnder(a, "applications", w.Field)) {
			st.report.Warnings = append(st.report.Warnings, w)
		}
	}
	st.report.Warnings = append(st.report.Warnings, inferred...)
}

// inferCell fills the cell at path when both relations give it alike,
// and returns the value.
func (st *state) inferCell(a *model.Table, path string) (float64, bool) {
	var row, col string
	if n, _ := fmt.Sscanf(replaceDots(path), "applications %s %s", &row, &col); n != 2 {
		return 0, false
	}
	if c := a.Cell(row, col); c == nil || c.Value != nil {
		return 0, false
	}
	byRow, ok := rowRelation(a, row, col)
	if !ok {
		return 0, false
	}
	byCol, ok := balanceRelation(a, row, col)
	if !ok || byCol != byRow || byRow < 0 {
		return 0, false
	}
	a.Set(row, col, byRow)
	p := st.report.Provenance[path]
	p.Inferred = true
	st.report.Provenance[path] = p
	return byRow, true
}

func replaceDots(p string) string {
	b := []byte(p)
	for i := range b {
		if b[i] == '.' {
			b[i] = ' '
		}
	}
	return string(b)
}

// rowRelation solves total = sum of the six applicant columns for the
// unknown cell (row, col).
func rowRelation(a *model.Table, row, col string) (float64, bool) {
	sum := 0.0
	for _, c := range model.ApplicantColumns {
		if c.Key == col {
			continue
		}
		v, ok := a.Get(row, c.Key)
		if !ok {
			return 0, false
		}
		sum += v
	}
	if col == "total" {
		return sum, true
	}
	tot, ok := a.Get(row, "total")
	return tot - sum, ok
}

// balanceRelation solves 一 + 二 = （七）总计 + 四 for the unknown cell.
func balanceRelation(a *model.Table, row, col string) (float64, bool) {
	get := func(r string) (float64, bool) {
		if r == row {
			return 0, true
		}
		return a.Get(r, col)
	}
	nr, ok1 := get("new_requests")
	co, ok2 := get("carried_over")
	tot, ok3 := get("total")
	cf, ok4 := get("carried_forward")
	if !(ok1 && ok2 && ok3 && ok4) {
		return 0, false
	}
	switch row {
	case "new_requests":
		return tot + cf - co, true
	case "carried_over":
		return tot + cf - nr, true
	case "total":
		return nr + co - cf, true
	case "carried_forward":
		return nr + co - tot, true
	}
	return 0, false
}

// inferBlankRows reads as 0 the cells of table 三 rows whose label is
// printed with no digits after it (a dump of a page whose merged 0 was
// printed once for several sub-rows) when the arithmetic forces it: in a
// column, the （七）总计 minus every other result row (or, for 一, 二 and
// 四, the balance) leaves 0 for the blank rows together, and counts are
// never negative. Anything else stays null with the warning the
// splitter gave. Only rows whose label was printed are considered: a row
// that is absent from the document stays absent.
func (st *state) inferBlankRows() {
	a := st.report.Applications
	if a == nil {
		return
	}
	blank := map[string]bool{}
	for _, w := range st.report.Warnings {
		if row, ok := strings.CutPrefix(w.Field, "applications."); ok && w.Code == digitrun.CodeBlankRow && a.Row(row) != nil && rowUnknown(a, row) {
			blank[row] = true
		}
	}
	if len(blank) == 0 {
		return
	}
	results := model.ResultRows(st.report.Template)
	isResult := map[string]bool{}
	for _, r := range results {
		isResult[r] = true
	}
	zero := map[string]map[string]bool{} // row → columns forced to 0
	force := func(row, col string) {
		if zero[row] == nil {
			zero[row] = map[string]bool{}
		}
		zero[row][col] = true
	}
	for _, c := range model.ApplicationColumns {
		// Result rows: （七）总计 = sum of the result rows. A result row
		// that is unknown for another reason (or absent) is no less
		// non-negative: it is left as it is but does not stop the others.
		var unknown []string
		rest, ok := a.Get("total", c.Key)
		for _, r := range results {
			if v, known := a.Get(r, c.Key); known {
				rest -= v
			} else if blank[r] {
				unknown = append(unknown, r)
			}
		}
		if ok && rest == 0 {
			for _, r := range unknown {
				force(r, c.Key)
			}
		}
		// 一, 二, 四 alone: 一 + 二 = （七）总计 + 四.
		for _, r := range []string{"new_requests", "carried_over", "carried_forward"} {
			if blank[r] {
				if v, ok := balanceRelation(a, r, c.Key); ok && v == 0 {
					force(r, c.Key)
				}
			}
		}
	}
	// A row whose 总计 is 0 has 0 in each applicant column.
	for row := range blank {
		if zero[row]["total"] {
			for _, c := range model.ApplicantColumns {
				force(row, c.Key)
			}
		}
	}
	lines := st.blankRowLines()
	var keep []model.Warning
	for _, w := range st.report.Warnings {
		row, _ := strings.CutPrefix(w.Field, "applications.")
		if w.Code != digitrun.CodeBlankRow || !blank[row] || len(zero[row]) == 0 {
			keep = append(keep, w)
			continue
		}
		var cols []string
		for _, c := range model.ApplicationColumns {
			if zero[row][c.Key] {
				a.Set(row, c.Key, 0)
				st.report.Provenance["applications."+row+"."+c.Key] = model.Provenance{Line: lines[row], Inferred: true}
				cols = append(cols, c.Key)
			}
		}
		if len(cols) < len(model.ApplicationColumns) {
			keep = append(keep, w) // the rest of the row stays unread
		}
		keep = append(keep, model.Warning{Code: "inferred_from_arithmetic", Field: w.Field,
			Message: fmt.Sprintf("row %s prints its label but no digits; in the columns %s the document's totals leave 0 for it, and counts are never negative, so those cells are 0", row, strings.Join(cols, ", "))})
	}
	st.report.Warnings = keep
}

// rowUnknown reports whether no cell of a row is known.
func rowUnknown(a *model.Table, row string) bool {
	for _, c := range a.Row(row).Cells {
		if c.Value != nil {
			return false
		}
	}
	return true
}

// blankRowLines returns the line where each table 三 row's label is
// printed in the digit-run reading, for provenance.
func (st *state) blankRowLines() map[string]int {
	out := map[string]int{}
	s := st.sectionTexts()[secRequests]
	if s == nil {
		return out
	}
	t3, _ := digitrun.ExtractApplications(s.lines)
	for row, i := range t3.Lines {
		if i >= 0 && i < len(s.from) {
			out[row] = s.from[i].Num
		}
	}
	return out
}
