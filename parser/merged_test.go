package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// mergedPage renders a 2021 report whose （六）其他处理 numbers are
// printed once, on sub-row 1, in cells with rowspan=3; the <tr>s of
// sub-rows 2 and 3 hold only their labels. Table 二 has no 规章 row and
// labels 规范性文件 without 行政; its single values span three columns.
func mergedPage(rows cells, other [7]string) string {
	var b strings.Builder
	b.WriteString(`<html><head><meta charset="utf-8"><title>示例市场监督管理局2024年政府信息公开工作年度报告</title></head><body>
<div class="article"><h1>示例市场监督管理局2024年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>2024年，本局依法做好政府信息公开工作。</p>
<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规范性文件</td><td>4</td><td>2</td><td>31</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">0</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">73</td></tr>
<tr><td>行政强制</td><td colspan="3">12</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">0</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
`)
	groupSpan := map[string]int{"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}
	inGroup := 0
	for _, r := range requestRows {
		v, ok := rows[r.key]
		if !ok {
			v = zeros()
		}
		b.WriteString("<tr>")
		switch {
		case r.key == "new_requests" || r.key == "carried_over" || r.key == "carried_forward":
			b.WriteString(`<td colspan="3">` + r.label + `</td>`)
		case r.key == "granted":
			b.WriteString(`<td rowspan="22">三、本年度办理结果</td><td colspan="2">` + r.label + `</td>`)
		case r.group != "":
			b.WriteString(fmt.Sprintf(`<td rowspan="%d">%s</td><td>%s</td>`, groupSpan[r.group], r.group, r.label))
			inGroup = groupSpan[r.group] - 1
		case inGroup > 0:
			b.WriteString(`<td>` + r.label + `</td>`)
			inGroup--
		default:
			b.WriteString(`<td colspan="2">` + r.label + `</td>`)
		}
		switch r.key {
		case "other_no_correction":
			for _, c := range other {
				b.WriteString(`<td rowspan="3">` + c + `</td>`)
			}
		case "other_unpaid_fee", "other_other":
			// Only the label: the numbers above span this row.
		default:
			for _, c := range v {
				b.WriteString("<td>" + c + "</td>")
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString(`</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>
<p>五、存在的主要问题及改进情况</p><p>解读形式还不够丰富。</p>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></div></body></html>`)
	return b.String()
}

var otherRows = []string{"other_no_correction", "other_unpaid_fee", "other_other"}

func warned(r *model.Report, code, field string) bool {
	for _, w := range r.Warnings {
		if w.Code == code && (field == "" || w.Field == field) {
			return true
		}
	}
	return false
}

func noFailedChecks(t *testing.T, r *model.Report) {
	t.Helper()
	for _, c := range model.FailedChecks(r.Checks) {
		t.Errorf("check failed: %s", c.Message)
	}
}

// One printed 0 per column merged over the three （六） sub-rows is 0 in
// each of them, its provenance the merged cell.
func TestMergedZeroOverSubRows(t *testing.T) {
	r := mustParse(t, "merged.html", mergedPage(baseRows(), zeros()))
	for _, row := range otherRows {
		for _, c := range model.ApplicationColumns {
			if v, ok := r.Applications.Get(row, c.Key); !ok || v != 0 {
				t.Errorf("%s.%s = %v (known %v), want 0", row, c.Key, v, ok)
			}
		}
	}
	first := r.Provenance["applications.other_no_correction.natural_person"]
	for _, row := range otherRows[1:] {
		if p := r.Provenance["applications."+row+".natural_person"]; p.Line != first.Line || p.Text != "0" {
			t.Errorf("%s provenance %+v, want the merged cell's on line %d", row, p, first.Line)
		}
	}
	if warned(r, "value_spans_rows", "") || warned(r, "row_missing", "applications.other_unpaid_fee") {
		t.Errorf("warnings %v", r.Warnings)
	}
	noFailedChecks(t, r)
}

// A non-zero number merged over the sub-rows belongs to them together: no
// sub-row gets it, none gets 0 for it, and a warning says so.
func TestMergedNonZeroOverSubRowsIsNull(t *testing.T) {
	rows := baseRows()
	rows["total"] = [7]string{"19", "3", "0", "0", "1", "0", "23"}
	rows["carried_forward"] = [7]string{"3", "0", "0", "0", "0", "0", "3"}
	other := zeros()
	other[0], other[6] = "2", "2"
	r := mustParse(t, "merged.html", mergedPage(rows, other))
	for _, row := range otherRows {
		for _, c := range []string{"natural_person", "total"} {
			if v, ok := r.Applications.Get(row, c); ok {
				t.Errorf("%s.%s = %v, want null", row, c, v)
			}
			if !warned(r, "value_spans_rows", "applications."+row+"."+c) {
				t.Errorf("no value_spans_rows warning for %s.%s", row, c)
			}
		}
		if v, ok := r.Applications.Get(row, "commercial_enterprise"); !ok || v != 0 {
			t.Errorf("%s.commercial_enterprise = %v (known %v), want the merged 0", row, v, ok)
		}
	}
	if v, _ := r.Applications.Get("total", "natural_person"); v != 19 {
		t.Errorf("total.natural_person = %v", v)
	}
	noFailedChecks(t, r)
}

// Table 二 without a 规章 row: the row is absent (null, said so), never 0;
// 规范性文件 is 行政规范性文件; values spanning three columns are read once
// with no complaint about a run that cannot be split.
func TestDisclosureWithoutRulesRowAndColspanValues(t *testing.T) {
	r := mustParse(t, "merged.html", mergedPage(baseRows(), zeros()))
	d := r.ActiveDisclosure
	for _, f := range []string{"issued", "repealed", "in_force"} {
		if v, ok := d.Get("rules", f); ok {
			t.Errorf("rules.%s = %v, want null", f, v)
		}
	}
	if !warned(r, "row_missing", "active_disclosure.rules") {
		t.Errorf("no row_missing warning for rules: %v", r.Warnings)
	}
	for _, c := range []struct {
		row, f string
		want   float64
	}{{"normative_documents", "issued", 4}, {"normative_documents", "in_force", 31}, {"licensing", "decisions", 0},
		{"punishment", "decisions", 73}, {"coercion", "decisions", 12}, {"fees", "amount_10k_yuan", 0}} {
		if v, ok := d.Get(c.row, c.f); !ok || v != c.want {
			t.Errorf("%s.%s = %v (known %v), want %v", c.row, c.f, v, ok, c.want)
		}
	}
	for _, w := range r.Warnings {
		if strings.HasPrefix(w.Code, "digitrun_") || w.Code == "cells_ran_together" {
			t.Errorf("unexpected warning %+v", w)
		}
	}
}

// dumpReport is the same kind of report as a text dump whose table cells
// ran together; sixRow is what follows each （六） label (sub-rows 2 and 3
// print nothing in the merged layout) and total / carried the （七） and
// 四 rows. Without sub-row 3's label when noOther is set.
func dumpReport(six [3]string, total, carried string, noOther bool) string {
	var b strings.Builder
	b.WriteString("示例市场监督管理局2024年政府信息公开工作年度报告\n")
	b.WriteString("一、总体情况2024年，本局依法做好政府信息公开工作。")
	b.WriteString("二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规范性文件4231")
	b.WriteString("第二十条第（五）项信息内容本年处理决定数量行政许可0第二十条第（六）项信息内容本年处理决定数量行政处罚73行政强制12")
	b.WriteString("第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0")
	b.WriteString("三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
	vals := map[string]string{
		"new_requests": "203001024", "carried_over": "2000002", "granted": "92001012", "unavailable_not_held": "8100009",
		"other_no_correction": six[0], "other_unpaid_fee": six[1], "other_other": six[2], "total": total, "carried_forward": carried,
	}
	group := ""
	for _, r := range requestRows {
		if r.key == "other_other" && noOther {
			continue
		}
		if r.group != "" && r.group != group {
			b.WriteString(r.group)
			group = r.group
		}
		v, ok := vals[r.key]
		if !ok {
			v = "0000000"
		}
		b.WriteString(r.label + v)
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计100010000000000")
	b.WriteString("五、存在的主要问题及改进情况解读形式还不够丰富。六、其他需要报告的事项本年度未收取信息处理费。\n")
	return b.String()
}

// In a dump, sub-rows that print no digits are 0 where the totals leave
// 0 for them, and only there.
func TestDumpDigitlessSubRows(t *testing.T) {
	r := mustParse(t, "merged.txt", dumpReport([3]string{"0000000", "", ""}, "173001021", "5000005", false))
	for _, row := range otherRows {
		for _, c := range model.ApplicationColumns {
			if v, ok := r.Applications.Get(row, c.Key); !ok || v != 0 {
				t.Errorf("%s.%s = %v (known %v), want 0", row, c.Key, v, ok)
			}
		}
	}
	if p := r.Provenance["applications.other_other.total"]; !p.Inferred {
		t.Errorf("other_other.total provenance %+v, want inferred", p)
	}
	if !warned(r, "inferred_from_arithmetic", "applications.other_unpaid_fee") {
		t.Errorf("no inferred_from_arithmetic warning: %v", r.Warnings)
	}
	if v, ok := r.ActiveDisclosure.Get("rules", "issued"); ok || !warned(r, "row_missing", "active_disclosure.rules") {
		t.Errorf("rules.issued = %v (known %v), want null with row_missing (no 规章 row)", v, ok)
	}
	noFailedChecks(t, r)

	// The totals leave 2 in 自然人 and 总计 for the two digitless rows:
	// that cannot be split, so those cells stay null; the others are 0.
	r = mustParse(t, "merged.txt", dumpReport([3]string{"0000000", "", ""}, "193001023", "3000003", false))
	for _, row := range otherRows[1:] {
		for _, c := range model.ApplicationColumns {
			v, ok := r.Applications.Get(row, c.Key)
			if c.Key == "natural_person" || c.Key == "total" {
				if ok {
					t.Errorf("%s.%s = %v, want null", row, c.Key, v)
				}
			} else if !ok || v != 0 {
				t.Errorf("%s.%s = %v (known %v), want 0", row, c.Key, v, ok)
			}
		}
		if !warned(r, "digitrun_blank_row", "applications."+row) {
			t.Errorf("no warning for the cells of %s left null", row)
		}
	}

	// A sub-row whose label is not printed at all is absent: its cells
	// stay null even where the totals would make them 0.
	r = mustParse(t, "merged.txt", dumpReport([3]string{"0000000", "", ""}, "173001021", "5000005", true))
	for _, c := range model.ApplicationColumns {
		if v, ok := r.Applications.Get("other_other", c.Key); ok {
			t.Errorf("absent other_other.%s = %v, want null", c.Key, v)
		}
	}
	if !warned(r, "row_missing", "applications.other_other") && !warned(r, "digitrun_missing_row", "applications.other_other") {
		t.Errorf("no row_missing warning for the absent row: %v", r.Warnings)
	}
	if v, ok := r.Applications.Get("other_unpaid_fee", "total"); !ok || v != 0 {
		t.Errorf("other_unpaid_fee.total = %v (known %v), want 0", v, ok)
	}
}
