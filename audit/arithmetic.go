package audit

import (
	"fmt"
	"strconv"

	"github.com/govreport/govreport/model"
)

// arithmetic restates each failed check of the report (model.RunChecks)
// as a finding whose evidence is every cell of the relation.
func arithmetic(r *model.Report) []model.Finding {
	var out []model.Finding
	for _, c := range model.FailedChecks(r.Checks) {
		f := model.Finding{Rule: RuleArithmetic, Severity: model.SeverityError}
		a, rl := r.Applications, r.ReviewLitigation
		cell := func(t *model.Table, table, row, col string) {
			f.Evidence = append(f.Evidence, r.CellEvidence(t, table, row, col))
		}
		switch c.Rule {
		case "balance":
			for _, row := range []string{"new_requests", "carried_over", "total", "carried_forward"} {
				cell(a, "applications", row, c.Scope)
			}
			f.Message = fmt.Sprintf("表三“%s”列：本年新收加上年结转（%s）不等于总计加结转下年度（%s）。",
				columnLabel(c.Scope), num(c.Expected), num(c.Actual))
		case "results":
			for _, row := range model.ResultRows(r.Template) {
				if v, ok := a.Get(row, c.Scope); ok && v != 0 {
					cell(a, "applications", row, c.Scope)
				}
			}
			cell(a, "applications", "total", c.Scope)
			f.Message = fmt.Sprintf("表三“%s”列：各项办理结果之和（%s）不等于（七）总计（%s）。",
				columnLabel(c.Scope), num(c.Expected), num(c.Actual))
		case "row_total":
			for _, col := range model.ApplicationColumns {
				cell(a, "applications", c.Scope, col.Key)
			}
			f.Message = fmt.Sprintf("表三“%s”行：六类申请人之和（%s）不等于总计（%s）。",
				rowLabel(c.Scope), num(c.Expected), num(c.Actual))
		default: // review_total, litigation_direct_total, litigation_after_review_total
			g := c.Rule[:len(c.Rule)-len("_total")]
			for _, o := range model.ReviewOutcomes {
				cell(rl, "review_litigation", g, o.Key)
			}
			f.Message = fmt.Sprintf("表四“%s”：结果维持、结果纠正、其他结果、尚未审结之和（%s）不等于总计（%s）。",
				groupLabel(g), num(c.Expected), num(c.Actual))
		}
		out = append(out, f)
	}
	return out
}

func columnLabel(key string) string {
	for _, c := range model.ApplicationColumns {
		if c.Key == key {
			return c.Label
		}
	}
	return key
}

func rowLabel(key string) string {
	for _, r := range model.ApplicationRows {
		if r.Key == key {
			if r.Group != "" {
				return r.Group + r.Label
			}
			return r.Label
		}
	}
	return key
}

func groupLabel(key string) string {
	for _, g := range model.ReviewGroups {
		if g.Key == key {
			return g.Label
		}
	}
	return key
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func ptr(v float64) *float64 { return &v }
