package parser

import (
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// oneLineRow is a table 三 row of a one-line dump: its label as printed
// (typos and all), the run of digits after it as printed (spaces where
// the crawler left them), and the values it holds.
type oneLineRow struct {
	key, label, run string
	vals            [7]float64
}

var zero7 = [7]float64{}

// oneLine2021 is table 三 of a 2021-format report as a crawler that joins
// every element's text leaves it, with misprinted labels the template
// still means (行政执法案件, 不再受理).
var oneLine2021 = []oneLineRow{
	{"new_requests", "一、本年新收政府信息公开申请数量", " 102000012", [7]float64{10, 2, 0, 0, 0, 0, 12}},
	{"carried_over", "二、上年结转政府信息公开申请数量", " 1000001", [7]float64{1, 0, 0, 0, 0, 0, 1}},
	{"granted", "三、本年度办理结果（一）予以公开", " 5100006", [7]float64{5, 1, 0, 0, 0, 0, 6}},
	{"partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", " 2000002", [7]float64{2, 0, 0, 0, 0, 0, 2}},
	{"withheld_state_secret", "（三）不予公开1.属于国家秘密", "0000000", zero7},
	{"withheld_prohibited_by_law", "2.其他法律和行政法规禁止公开", "0000000", zero7},
	{"withheld_security_stability", "3.危及“三安全一稳定”", "0000000", zero7},
	{"withheld_third_party_rights", "4.保护第三方合法权益", "1000001", [7]float64{1, 0, 0, 0, 0, 0, 1}},
	{"withheld_internal_affairs", "5.属于三类内容事务信息", "0000000", zero7},
	{"withheld_process_information", "6.属于四类过程性信息", "0000000", zero7},
	{"withheld_enforcement_case_file", "7.属于行政执法案件", "1000001", [7]float64{1, 0, 0, 0, 0, 0, 1}},
	{"withheld_administrative_query", "8.属于行政查询事项", "0000000", zero7},
	{"unavailable_not_held", "（四）无法提供1.本机关不掌握相关政府信息", "2100003", [7]float64{2, 1, 0, 0, 0, 0, 3}},
	{"unavailable_needs_creation", "2.没有现成信息需要另行制作", "0000000", zero7},
	{"unavailable_still_unclear", "3.补正后申请内容仍不明确", "0000000", zero7},
	{"not_processed_complaint", "（五）不予处理1.信访举报投诉类申请", "0000000", zero7},
	{"not_processed_repeated", "2.重复申请", "0000000", zero7},
	{"not_processed_publication", "3.要求提供公开出版物", "0000000", zero7},
	{"not_processed_excessive", "4.无正当理由大量反复申请", "0000000", zero7},
	{"not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", "0000000", zero7},
	{"other_no_correction", "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请", "0000000", zero7},
	{"other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再受理其政府信息公开申请", "0000000", zero7},
	{"other_other", "3.其他", "0000000", zero7},
	{"total", "（七）总计", "1120000013", [7]float64{11, 2, 0, 0, 0, 0, 13}},
	{"carried_forward", "四、结转下年度继续办理", "0000000", zero7},
}

// oneLineDump writes a report whose whole body, tables included, is one
// line, as the crawler of a portal dumps it: a few header lines, then the
// body, closed by the issuer and a date after an ideographic space (which
// the text reader takes for a cell boundary).
func oneLineDump(title, tableTwo string, rows []oneLineRow, review, issuer string) string {
	var b strings.Builder
	b.WriteString("网页标题：" + title + "\n抓取时间：2024-02-01\n\n")
	b.WriteString("为贯彻政府信息公开条例，现发布" + title + "。本报告中所列数据的统计期限自1月1日起至12月31日止。")
	b.WriteString("一、总体情况本机关持续做好主动公开和依申请公开工作，全年答复申请12件。")
	b.WriteString("二、主动公开政府信息情况" + tableTwo)
	b.WriteString("三、收到和处理政府信息公开申请情况（本列数据的钩稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
	for _, r := range rows {
		b.WriteString(r.label + r.run)
	}
	b.WriteString("四、政府信息公开行政法复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计")
	b.WriteString(review)
	b.WriteString("五、存在的主要问题及改进情况一是公开的及时性有待提高。六、其他需要报告的事项本年度未收取信息处理费。")
	b.WriteString(issuer + "\u30002024年1月20日\n")
	return b.String()
}

// checkRows asserts every row's values; a row listed in ambiguous may
// also be null (its run splits more than one way), never wrong.
func checkRows(t *testing.T, r *model.Report, rows []oneLineRow, ambiguous ...string) {
	t.Helper()
	if r.Applications == nil {
		t.Fatalf("table 三 not read; warnings %v", r.Warnings)
	}
	for _, row := range rows {
		for i, c := range model.ApplicationColumns {
			got, ok := r.Applications.Get(row.key, c.Key)
			if !ok && contains(ambiguous, row.key) {
				continue
			}
			if !ok || got != row.vals[i] {
				t.Errorf("%s.%s = %v (known %v), want %v", row.key, c.Key, got, ok, row.vals[i])
			}
		}
	}
}

// A 2021 report whose body is one line, with typos in its labels and a
// date after the issuer: every table is read from its runs, the
// misprinted rows by their number and place, and table 二's run that
// splits several ways stays null.
func TestOneLineBody2021(t *testing.T) {
	two := "第二十条第（一）项信息内容本年制发件数本年废止件数先行有效件数规章000规范性文件3025" +
		"第二十条第（五）项信息内容本年处理决定数量行政许可57第二十条第（六）项信息内容本年处理决定数量行政处罚9行政强制0" +
		"第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0"
	src := oneLineDump("示例区教育局2023年政府信息公开工作年度报告", two, oneLine2021, "100010000000000", "示例区教育局")
	r := mustParse(t, "dump.txt", src)
	// 1120000013 is 11|2|0|0|0|0|13 or 1|12|0|0|0|0|13.
	checkRows(t, r, oneLine2021, "total")
	if r.Template != model.Gen2021 {
		t.Errorf("template %q", r.Template)
	}
	for _, w := range r.Warnings {
		if w.Code == "tables_missing" || (w.Code == "unreadable_row" && w.Field == "review_litigation") {
			t.Errorf("warning %s says a table read from its runs is missing", w.Code)
		}
	}
	if !hasWarning(r, "label_approximate", "applications.withheld_enforcement_case_file") {
		t.Errorf("the misprinted 行政执法案件 was not said to be matched approximately: %v", r.Warnings)
	}
	rl := r.ReviewLitigation
	if rl == nil {
		t.Fatalf("table 四 not read")
	}
	if v, ok := rl.Get("review", "upheld"); !ok || v != 1 {
		t.Errorf("review.upheld = %v (known %v)", v, ok)
	}
	if v, ok := rl.Get("review", "total"); !ok || v != 1 {
		t.Errorf("review.total = %v (known %v)", v, ok)
	}
	ad := r.ActiveDisclosure
	for row, want := range map[string]float64{"licensing": 57, "punishment": 9, "coercion": 0} {
		if v, ok := ad.Get(row, "decisions"); !ok || v != want {
			t.Errorf("%s.decisions = %v (known %v), want %v", row, v, ok, want)
		}
	}
	// 3025 is 3|0|25, 30|2|5 or 3|02|5…: no arithmetic chooses, so a
	// cell read must be the printed one and the others stay null.
	for f, want := range map[string]float64{"issued": 3, "repealed": 0, "in_force": 25} {
		if v, ok := ad.Get("normative_documents", f); ok && v != want {
			t.Errorf("normative_documents.%s guessed %v", f, v)
		}
	}
	if v, ok := ad.Get("normative_documents", "in_force"); ok {
		t.Errorf("normative_documents.in_force read as %v from an ambiguous run", v)
	}
	for _, c := range r.Checks {
		if !c.OK {
			t.Errorf("check failed: %s", c.Message)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// oneLine2019 is table 三 of a 2019-format report whose dump pads the
// runs with spaces in odd places (2 00 00 0 2) and ideographic spaces.
var oneLine2019 = []oneLineRow{
	{"new_requests", "一、本年新收政府信息公开申请数量", " 3 00 00 0 3", [7]float64{3, 0, 0, 0, 0, 0, 3}},
	{"carried_over", "二、上年结转政府信息公开申请数量", " 0 00 0 0 00 ", zero7},
	{"granted", "三、本年度办理结果（一）予以公开", "20 00 0 0 2", [7]float64{2, 0, 0, 0, 0, 0, 2}},
	{"partially_granted", "（二）部分公开（区分处理的，只计这一情况，不计其他情况）", "0 00 0 0 00", zero7},
	{"withheld_state_secret", "（三）不予公开1.属于国家秘密", "0 0 00 0 0 0", zero7},
	{"withheld_prohibited_by_law", "2.其他法律行政止公开", "0 0 00 0 0 0", zero7},
	{"withheld_security_stability", "3.危及‘三安全一稳定’", "0 0 00 0 0 0", zero7},
	{"withheld_third_party_rights", "4.保护第三方合法权益", "0\u30000 00 0 0 0", zero7},
	{"withheld_internal_affairs", "5.属于三类内部事务信息", "0 0 00 0 0 0", zero7},
	{"withheld_process_information", "6.属于四类过程性信息", "0 0 00 0 0 0", zero7},
	{"withheld_enforcement_case_file", "7.属于行政执法案件", "0 0 00 0 0 0", zero7},
	{"withheld_administrative_query", "8.属于行政查询事项", "0 0 00 0 0 0", zero7},
	{"unavailable_not_held", "（四）无法提供1.本机关不掌握相关政府信息", "10 00 0 0 1", [7]float64{1, 0, 0, 0, 0, 0, 1}},
	{"unavailable_needs_creation", "2.没有现成信息需要另行制作", "0 0 00 0 0 0", zero7},
	{"unavailable_still_unclear", "3.补正后申请内容仍不明确", "0 0 00 0 0 0", zero7},
	{"not_processed_complaint", "（五）不予处理1.信访举报投诉类申请", "0 0 00 0 0 0", zero7},
	{"not_processed_repeated", "2.重复申请", "0 0 00 0 0 0", zero7},
	{"not_processed_publication", "3.要求提供公开出版物", "0 0 00 0 0 0", zero7},
	{"not_processed_excessive", "4.无正当理由大量反复申请", "0 0 00 0 0 0", zero7},
	{"not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", "0 0 00 0 0 0", zero7},
	{"other", "（六）其他处理", "0 0 00 0 0 0", zero7},
	{"total", "（七）总计", "30 00 0 0 3", [7]float64{3, 0, 0, 0, 0, 0, 3}},
	{"carried_forward", "四、结转下年度继续办理", "0 0 00 0 0 0", zero7},
}

// A 2019 report published as a cover letter (the letter's own text comes
// first, no title line of the report), its runs padded with spaces.
func TestOneLineCoverLetter2019(t *testing.T) {
	two := "第二十条第（一）项信息内容本年新 制作数量本年新 公开数量对外公开总数量规章0 0 0规范性文件1 1 4" +
		"第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可3 0 12其他对外管理服务事项0 0 0" +
		"第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处法0 0 0行政强制0 0 0" +
		"第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费0 0 第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购0 0"
	src := oneLineDump("示例片区管理局关于报送2020年度政府信息公开工作年度报告的函", two, oneLine2019,
		"0 0 00 0 0 00 0 00 0 0 00", "示例片区管理局")
	src = strings.Replace(src, "为贯彻政府信息公开条例", "示例片区管理局关于报送2020年度政府信息公开工作年度报告的函区办公室：根据要求，现将我局2020年度报告报送如下。为贯彻政府信息公开条例", 1)
	r := mustParse(t, "letter.txt", src)
	checkRows(t, r, oneLine2019)
	if r.Template != model.Gen2019 {
		t.Errorf("template %q", r.Template)
	}
	ad := r.ActiveDisclosure
	if ad == nil {
		t.Fatalf("table 二 not read")
	}
	for row, want := range map[string][3]float64{"normative_documents": {1, 1, 4}, "licensing": {3, 0, 12}, "punishment": {0, 0, 0}, "coercion": {0, 0, 0}} {
		for i, c := range ad.Row(row).Cells {
			if c.Value == nil || *c.Value != want[i] {
				t.Errorf("%s = %v, want %v", row, rowValues(ad, row), want)
				break
			}
		}
	}
	if !hasWarning(r, "label_approximate", "active_disclosure.punishment") {
		t.Errorf("行政处法 not said to be matched approximately")
	}
	if v, ok := r.ReviewLitigation.Get("litigation_after_review", "total"); !ok || v != 0 {
		t.Errorf("table 四 not read from its padded run: %v %v", v, ok)
	}
}

// A numbered label that is no row of the template where it stands keeps
// its digits to itself: the row before it does not take them, the row it
// looks like stays null, and the warning names it.
func TestOneLineUnmatchedLabelStaysUnread(t *testing.T) {
	rows := append([]oneLineRow(nil), oneLine2021...)
	for i := range rows {
		if rows[i].key == "withheld_administrative_query" {
			// Shares only its frame with 属于行政查询事项.
			rows[i].label = "8.属于行政许可事项"
			rows[i].run = "3000003"
		}
	}
	src := oneLineDump("示例区教育局2023年政府信息公开工作年度报告", "", rows, "100010000000000", "示例区教育局")
	r := mustParse(t, "dump.txt", src)
	if v, ok := r.Applications.Get("withheld_administrative_query", "total"); ok {
		t.Errorf("8.属于行政许可事项 read as 行政查询事项: total %v", v)
	}
	if v, ok := r.Applications.Get("withheld_enforcement_case_file", "total"); ok && v != 1 {
		t.Errorf("the row before the unmatched label took its digits: total %v", v)
	}
	found := false
	for _, w := range r.Warnings {
		if w.Code == "label_unmatched" && strings.Contains(w.Message, "行政许可事项") {
			found = true
		}
	}
	if !found {
		t.Errorf("no label_unmatched warning naming the label: %v", r.Warnings)
	}
}

// In a tab-separated grid too, a misprinted row label is read by its
// number and place, and a label that matches nothing is named.
func TestGridLabelVariants(t *testing.T) {
	src := tabReport(nil)
	src = strings.Replace(src, "7.属于行政执法案卷", "7.属于行政执法案件", 1)
	src = strings.Replace(src, "8.属于行政查询事项", "8.属于行政许可事项", 1)
	sep := mustParse(t, "tabs.txt", tabReport(nil))
	r := mustParse(t, "typos.txt", src)
	for _, c := range model.ApplicationColumns {
		want, _ := sep.Applications.Get("withheld_enforcement_case_file", c.Key)
		if got, ok := r.Applications.Get("withheld_enforcement_case_file", c.Key); !ok || got != want {
			t.Errorf("withheld_enforcement_case_file.%s = %v (known %v), want %v", c.Key, got, ok, want)
		}
		if got, ok := r.Applications.Get("withheld_administrative_query", c.Key); ok {
			t.Errorf("8.属于行政许可事项 read as withheld_administrative_query.%s = %v", c.Key, got)
		}
	}
	if !hasWarning(r, "label_approximate", "applications.withheld_enforcement_case_file") {
		t.Errorf("no label_approximate warning")
	}
	found := false
	for _, w := range r.Warnings {
		found = found || w.Code == "label_unmatched" && strings.Contains(w.Message, "8.属于行政许可事项")
	}
	if !found {
		t.Errorf("no label_unmatched warning naming 8.属于行政许可事项: %v", r.Warnings)
	}
}
