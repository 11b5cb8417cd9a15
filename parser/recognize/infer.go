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
