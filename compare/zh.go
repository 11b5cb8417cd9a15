package compare

import (
	"fmt"
	"strings"

	"github.com/govreport/govreport/model"
)

// ruleNames are the arithmetic checks in the words of the template.
func ruleNames(k string) (string, bool) {
	switch k {
	case "balance":
		return "收支平衡：一＋二＝（七）总计＋四", true
	case "results":
		return "办理结果合计：各项结果之和＝（七）总计", true
	case "row_total":
		return "申请人合计：六类申请人之和＝总计", true
	case "review_total":
		return "行政复议合计：维持＋纠正＋其他＋尚未审结＝总计", true
	case "litigation_direct_total":
		return "未经复议直接起诉合计：维持＋纠正＋其他＋尚未审结＝总计", true
	case "litigation_after_review_total":
		return "复议后起诉合计：维持＋纠正＋其他＋尚未审结＝总计", true
	}
	return "", false
}

// RuleText names a check's rule in Chinese (the code itself when unknown).
func RuleText(rule string) string {
	if t, ok := ruleNames(rule); ok {
		return t
	}
	return rule
}

// ScopeText names a check's scope (a column or row of table 三) in
// Chinese.
func ScopeText(c model.Check) string {
	if c.Scope == "" {
		for _, g := range model.ReviewGroups {
			if c.Rule == g.Key+"_total" {
				return "表四“" + g.Label + "”"
			}
		}
		return "表四"
	}
	for _, col := range model.ApplicationColumns {
		if col.Key == c.Scope {
			return "“" + col.Label + "”列"
		}
	}
	for _, r := range model.ApplicationRows {
		if r.Key == c.Scope {
			return "“" + r.Label + "”行"
		}
	}
	return c.Scope
}

// sides names the two sides of each rule: Expected, then Actual.
func sides(k string) ([2]string, bool) {
	switch k {
	case "balance":
		return [2]string{"一＋二", "（七）总计＋四"}, true
	case "results":
		return [2]string{"各项办理结果之和", "（七）总计"}, true
	case "row_total":
		return [2]string{"六类申请人之和", "总计列"}, true
	}
	return [2]string{}, false
}

// CheckText says in Chinese what a check found, with both sides:
// “自然人”列，收支平衡：一＋二为 15，（七）总计＋四为 14，不相等（差 1）.
func CheckText(c model.Check) string {
	sd, ok := sides(c.Rule)
	if !ok {
		sd = [2]string{"维持＋纠正＋其他＋尚未审结", "总计"}
	}
	rel := "不相等"
	if c.OK {
		rel = "相等"
	}
	rule := strings.SplitN(RuleText(c.Rule), "：", 2)[0]
	s := fmt.Sprintf("%s，%s：%s为 %s，%s为 %s，%s", ScopeText(c), rule, sd[0], num(c.Expected), sd[1], num(c.Actual), rel)
	if !c.OK {
		s += "（差 " + num(c.Expected-c.Actual) + "）"
	}
	return s
}

// CheckFields are the cells of the report a check concerns, as field
// paths of provenance (applications.total.natural_person), so that a view
// can mark them.
func CheckFields(r *model.Report, c model.Check) []string {
	var out []string
	app := func(row, col string) { out = append(out, "applications."+row+"."+col) }
	g := r.Template
	if g == "" {
		g = model.Gen2021
	}
	switch c.Rule {
	case "balance":
		for _, row := range []string{"new_requests", "carried_over", "total", "carried_forward"} {
			app(row, c.Scope)
		}
	case "results":
		for _, row := range model.ResultRows(g) {
			app(row, c.Scope)
		}
		app("total", c.Scope)
	case "row_total":
		for _, col := range model.ApplicationColumns {
			app(c.Scope, col.Key)
		}
	case "review_total", "litigation_direct_total", "litigation_after_review_total":
		grp := strings.TrimSuffix(c.Rule, "_total")
		for _, o := range model.ReviewOutcomes {
			out = append(out, "review_litigation."+grp+"."+o.Key)
		}
	}
	return out
}

// formulas are the derived figures' definitions in words, for the page.
func formulas(k string) (string, bool) {
	switch k {
	case "new_requests":
		return "表三“一、本年新收政府信息公开申请数量”总计列", true
	case "carried_over":
		return "表三“二、上年结转政府信息公开申请数量”总计列", true
	case "received":
		return "本年新收申请＋上年结转申请", true
	case "concluded":
		return "表三“（七）总计”总计列", true
	case "carried_forward":
		return "表三“四、结转下年度继续办理”总计列", true
	case "legal_person_share":
		return "本年新收申请中，法人或其他组织（五列之和）÷（法人或其他组织＋自然人）", true
	case "review_total":
		return "表四行政复议“总计”", true
	case "review_correction_rate":
		return "行政复议“结果纠正”÷（总计−尚未审结）", true
	case "litigation_total":
		return "表四两类行政诉讼“总计”之和", true
	case "litigation_correction_rate":
		return "两类行政诉讼“结果纠正”之和 ÷（两类总计之和−两类尚未审结之和）", true
	}
	return "", false
}

// Formula is the definition of a derived figure in Chinese.
func Formula(key, label string) string {
	if f, ok := formulas(key); ok {
		return f
	}
	if strings.HasSuffix(key, "_share") {
		base := strings.TrimSuffix(label, "占比")
		return base + "（表三总计列）÷ 办理结果总计（（七）总计）"
	}
	return ""
}
