package audit

import (
	"fmt"

	"github.com/govreport/govreport/model"
)

// Carry is the carry-over relation between one agency's consecutive
// years: requests carried over into this year (二、上年结转, total) and
// those last year's report carried forward (四、结转下年度继续办理).
type Carry struct {
	Known              bool // both values were read
	OK                 bool // equal, or not known
	CarriedOver        float64
	PrevCarriedForward float64
}

// CarryOver evaluates the carry-over relation of cur against prev, the
// same agency's report of the year before.
func CarryOver(cur, prev *model.Report) Carry {
	co, ok1 := cur.Applications.Get("carried_over", "total")
	cf, ok2 := prev.Applications.Get("carried_forward", "total")
	c := Carry{Known: ok1 && ok2, OK: true, CarriedOver: co, PrevCarriedForward: cf}
	if c.Known && co != cf {
		c.OK = false
	}
	return c
}

func carryOverFinding(cur, prev *model.Report, curName, prevName string) *model.Finding {
	c := CarryOver(cur, prev)
	if c.OK {
		return nil
	}
	a := cur.CellEvidence(cur.Applications, "applications", "carried_over", "total")
	a.Path = curName
	b := prev.CellEvidence(prev.Applications, "applications", "carried_forward", "total")
	b.Path = prevName
	return &model.Finding{
		Rule: RuleCarryOver, Severity: model.SeverityWarning,
		Message: fmt.Sprintf("%s%d年度“上年结转”为%s件，而%d年度报告“结转下年度继续办理”为%s件。",
			AgencyName(cur), *cur.Year, num(c.CarriedOver), *prev.Year, num(c.PrevCarriedForward)),
		Evidence: []model.Evidence{a, b},
	}
}

// flowFields are table 二's cells that count what happened in the year
// (not what stands): identical flows across years are what a copied
// table shows; identical stocks (现行有效件数) are ordinary.
func flowFields(key string) bool {
	switch key {
	case "issued", "repealed", "decisions", "amount_10k_yuan",
		"new_made", "new_published", "change", "projects", "amount_yuan":
		return true
	}
	return false
}

// crossYearIdentical: this year's table 三 (or 二) is identical to last
// year's, cell for cell, and says something (table 三: at least 8
// non-zero cells; table 二: a non-zero count of the year).
func crossYearIdentical(cur, prev *model.Report, curName, prevName string) []model.Finding {
	var out []model.Finding
	for _, t := range []struct {
		table, label string
		a, b         *model.Table
	}{
		{"applications", "表三（收到和处理政府信息公开申请情况）", cur.Applications, prev.Applications},
		{"active_disclosure", "表二（主动公开政府信息情况）", cur.ActiveDisclosure, prev.ActiveDisclosure},
	} {
		if !identical(t.a, t.b) {
			continue
		}
		nonZero, flow := 0, false
		var ev []model.Evidence
		for _, row := range t.a.Rows {
			for _, c := range row.Cells {
				if *c.Value == 0 {
					continue
				}
				nonZero++
				flow = flow || flowFields(c.Key)
				if t.table == "applications" && c.Key != "total" {
					continue
				}
				e := cur.CellEvidence(t.a, t.table, row.Key, c.Key)
				e.Path = curName
				p := prev.CellEvidence(t.b, t.table, row.Key, c.Key)
				p.Path = prevName
				ev = append(ev, e, p)
			}
		}
		if t.table == "applications" && nonZero < 8 || t.table == "active_disclosure" && !flow {
			continue
		}
		out = append(out, model.Finding{
			Rule: RuleCrossYearIdentical, Severity: model.SeverityWarning,
			Message: fmt.Sprintf("%s%d年度报告的%s与%d年度报告逐格相同（%d个非零数字），可能照抄上年数据。",
				AgencyName(cur), *cur.Year, t.label, *prev.Year, nonZero),
			Evidence: ev,
		})
	}
	return out
}

// identical: same rows and columns, every value read and equal.
func identical(a, b *model.Table) bool {
	if a == nil || b == nil || len(a.Rows) != len(b.Rows) || len(a.Rows) == 0 {
		return false
	}
	for i, ra := range a.Rows {
		rb := b.Rows[i]
		if ra.Key != rb.Key || len(ra.Cells) != len(rb.Cells) {
			return false
		}
		for j, ca := range ra.Cells {
			cb := rb.Cells[j]
			if ca.Key != cb.Key || ca.Value == nil || cb.Value == nil || *ca.Value != *cb.Value {
				return false
			}
		}
	}
	return true
}
