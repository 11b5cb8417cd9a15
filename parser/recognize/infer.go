package recognize

import (
	"fmt"

	"github.com/govreport/govreport/model"
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
	var keep []model.Warning
	for _, w := range st.report.Warnings {
		if w.Code == "empty_cell_unknown" && st.inferCell(a, w.Field) {
			continue
		}
		keep = append(keep, w)
	}
	st.report.Warnings = keep
}

func (st *state) inferCell(a *model.Table, path string) bool {
	var row, col string
	if n, _ := fmt.Sscanf(replaceDots(path), "applications %s %s", &row, &col); n != 2 {
		return false
	}
	if c := a.Cell(row, col); c == nil || c.Value != nil {
		return false
	}
	byRow, ok := rowRelation(a, row, col)
	if !ok {
		return false
	}
	byCol, ok := balanceRelation(a, row, col)
	if !ok || byCol != byRow || byRow < 0 {
		return false
	}
	a.Set(row, col, byRow)
	p := st.report.Provenance[path]
	p.Inferred = true
	st.report.Provenance[path] = p
	st.report.Warn("inferred_from_arithmetic", path, fmt.Sprintf("the cell is empty in a converted table; %v follows both from its row total and from its column's balance", byRow))
	return true
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
