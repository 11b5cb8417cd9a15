package digitrun

import (
	"reflect"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/textnorm"
)

// labels2021 are the printed labels of a 2021 table 三 the way one of our
// sample layouts writes them: group labels before their rows, variants of
// TEMPLATE.md, full-width and ASCII punctuation mixed.
var labels2021 = []struct{ key, label string }{
	{"new_requests", "一、本年新收政府信息公开申请数量"},
	{"carried_over", "二、上年结转政府信息公开申请数量"},
	{"granted", "三、本年度办理结果（一）予以公开"},
	{"partially_granted", "（二）部分公开(区分处理的，只计这一情况，不计其他情形)"},
	{"withheld_state_secret", "（三）不予公开1.属于国家秘密"},
	{"withheld_prohibited_by_law", "2.其他法律行政法规禁止公开"},
	{"withheld_security_stability", `3.危及"三安全一稳定"`},
	{"withheld_third_party_rights", "4.保护第三方合法权益"},
	{"withheld_internal_affairs", "5.属于三类内容事务信息"},
	{"withheld_process_information", "6．属于四类过程性信息"},
	{"withheld_enforcement_case_file", "7.属于行政执法案卷"},
	{"withheld_administrative_query", "8.属于行政查询事项"},
	{"unavailable_not_held", "（四）无法提供1.本机关不掌握相关政府信息"},
	{"unavailable_needs_creation", "2.没有现成信息需要另行制作"},
	{"unavailable_still_unclear", "3.补正后申请内容仍不明确"},
	{"not_processed_complaint", "（五）不予处理1.信访举报投诉类申请"},
	{"not_processed_repeated", "2.重复申请"},
	{"not_processed_publication", "3.要求提供公开出版物"},
	{"not_processed_excessive", "4.无正当理由大量反复申请"},
	{"not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息"},
	{"other_no_correction", "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
	{"other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
	{"other_other", "3.其他"},
	{"total", "七、总计"},
	{"carried_forward", "四、结转下一年度继续办理"},
}

// runs2021 are the runs written after each label (our own numbers).
var runs2021 = map[string]string{
	"new_requests":                   "6101 00062",
	"carried_over":                   "1000001",
	"granted":                        "200100021",
	"partially_granted":              "6000006",
	"withheld_state_secret":          "0000000",
	"withheld_prohibited_by_law":     "0000000",
	"withheld_security_stability":    "0000000",
	"withheld_third_party_rights":    "1000001",
	"withheld_internal_affairs":      "320000032", // the next label's 6. glues on: …3200000326.属于…
	"withheld_process_information":   "0000000",
	"withheld_enforcement_case_file": "0000000",
	"withheld_administrative_query":  "0000000",
	"unavailable_not_held":           "—————— —",
	"unavailable_needs_creation":     "0000000",
	"unavailable_still_unclear":      "0000000",
	"not_processed_complaint":        "0000000",
	"not_processed_repeated":         "1000001",
	"not_processed_publication":      "0000000",
	"not_processed_excessive":        "0000000",
	"not_processed_confirmation":     "0000000",
	"other_no_correction":            "0000000",
	"other_unpaid_fee":               "0000000",
	"other_other":                    "0000000",
	"total":                          "600 1 0 0 0 61",
	"carried_forward":                "2000002",
}

func TestExtractApplicationsOneLine(t *testing.T) {
	var b strings.Builder
	// Narrative before the table mentions the first row's words.
	b.WriteString("三、收到和处理政府信息公开申请情况 本年新收政府信息公开申请62件，均已按时答复。")
	b.WriteString("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
	for _, l := range labels2021 {
		b.WriteString(l.label)
		b.WriteString(runs2021[l.key])
	}
	b.WriteString(" 四、政府信息公开行政复议、行政诉讼情况")
	got, ok := ExtractApplications([]string{b.String()})
	if !ok || got.Gen != model.Gen2021 {
		t.Fatalf("ok %v gen %s", ok, got.Gen)
	}
	if !reflect.DeepEqual(got.Runs, runs2021) {
		for k, v := range runs2021 {
			if got.Runs[k] != v {
				t.Errorf("%s: got %q, want %q", k, got.Runs[k], v)
			}
		}
	}
	// And the runs decode.
	cells, warns := DecodeApplications(got.Runs, got.Gen)
	for _, w := range warns {
		t.Errorf("warning %+v", w)
	}
	for k, want := range map[string][]any{
		"new_requests":              ints(61, 0, 1, 0, 0, 0, 62),
		"granted":                   ints(20, 0, 1, 0, 0, 0, 21),
		"withheld_internal_affairs": ints(32, 0, 0, 0, 0, 0, 32),
		"unavailable_not_held":      ints(0, 0, 0, 0, 0, 0, 0),
		"total":                     ints(60, 0, 1, 0, 0, 0, 61),
	} {
		if g := values(cells[k]); !reflect.DeepEqual(g, want) {
			t.Errorf("%s: got %v, want %v", k, g, want)
		}
	}
}

// Each row on its own line, labels broken across lines, a 2019 table.
func TestExtractApplicationsLines(t *testing.T) {
	lines := []string{
		"三、收到和处理政府信息公开申请情况",
		"申请人情况 自然人 法人或其他组织 总计",
		"商业", "企业", "科研", "机构", "社会公益组织 法律服务机构 其他",
		"一、本年新收政府信息公开申请数量 12 0 0 0 0 0 12",
		"二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
		"三、本年度办理结果",
		"（一）予以公开 8 0 0 0 0 0 8",
		"（二）部分公开（区分处理的，只计这一情形，",
		"不计其他情形） 1 0 0 0 0 0 1",
		"（三）不予公开",
		"1.属于国家秘密 0 0 0 0 0 0 0",
		"2.其他法律行政法规禁止公开 0 0 0 0 0 0 0",
		"3.危及“三安全一稳定” 0 0 0 0 0 0 0",
		"4.保护第三方合法权益 0 0 0 0 0 0 0",
		"5.属于三类内部事务信息 0 0 0 0 0 0 0",
		"6.属于四类过程性信息 0 0 0 0 0 0 0",
		"7.属于行政执法案卷 0 0 0 0 0 0 0",
		"8.属于行政查询事项 0 0 0 0 0 0 0",
		"（四）无法提供",
		"1.本机关不掌握相关",
		"政府信息",
		"2",
		"0 0 0 0 0 2",
		"2.没有现成信息需要另行制作 0 0 0 0 0 0 0",
		"3.补正后申请内容仍不明确 0 0 0 0 0 0 0",
		"（五）不予处理",
		"1.信访举报投诉类申请 0 0 0 0 0 0 0",
		"2.重复申请 1 0 0 0 0 0 1",
		"3.要求提供公开出版物 0 0 0 0 0 0 0",
		"4.无正当理由大量反复申请 0 0 0 0 0 0 0",
		"5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0",
		"（六）其他处理 0 0 0 0 0 0 0",
		"（七）总计 12 0 0 0 0 0 12",
		"四、结转下年度继续办理 0 0 0 0 0 0 0",
	}
	got, ok := ExtractApplications(lines)
	if !ok || got.Gen != model.Gen2019 {
		t.Fatalf("ok %v gen %s", ok, got.Gen)
	}
	if len(got.Runs) != 23 {
		t.Errorf("%d runs, want 23", len(got.Runs))
	}
	if r := got.Runs["unavailable_not_held"]; r != "2 0 0 0 0 0 2" {
		t.Errorf("unavailable_not_held run %q", r)
	}
	if l := got.Lines["unavailable_not_held"]; l != 25 {
		t.Errorf("unavailable_not_held line %d, want 25", l)
	}
	if l := got.Lines["partially_granted"]; l != 12 {
		t.Errorf("partially_granted line %d, want 12", l)
	}
	cells, warns := DecodeApplications(got.Runs, got.Gen)
	if len(warns) != 0 {
		t.Errorf("warnings %+v", warns)
	}
	if g := values(cells["granted"]); !reflect.DeepEqual(g, ints(8, 0, 0, 0, 0, 0, 8)) {
		t.Errorf("granted %v", g)
	}
}

// A row with no digits at all (every cell blank) and a missing row.
func TestExtractApplicationsBlankAndMissing(t *testing.T) {
	text := "一、本年新收政府信息公开申请数量1000001二、上年结转政府信息公开申请数量0000000（一）予以公开1000001（二）部分公开0000000（七）总计1000001四、结转下年度继续办理"
	got, ok := ExtractApplications([]string{text})
	if ok {
		t.Errorf("ok with 6 of 23 rows")
	}
	want := map[string]string{"new_requests": "1000001", "carried_over": "0000000", "granted": "1000001",
		"partially_granted": "0000000", "total": "1000001", "carried_forward": ""}
	if !reflect.DeepEqual(got.Runs, want) {
		t.Errorf("runs %v", got.Runs)
	}
}

func TestExtractReview(t *testing.T) {
	cases := []struct {
		lines []string
		run   string
		line  int
	}{
		{[]string{"四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计2010300000110010"}, "2010300000110010", 0},
		// Header cells one character per line, numbers spaced, a sentence
		// after the table that mentions a 总计.
		{[]string{"行政复议", "行政诉讼", "结", "结", "其", "尚", "总", "果", "果", "他", "未", "计",
			"维", "纠", "结", "审", "持", "正", "果", "结",
			"0 1 0 0 1 2 0 0 1 3 — — — — —", "上述案件总计4件。"}, "0 1 0 0 1 2 0 0 1 3 — — — — —", 20},
		// Every cell blank.
		{[]string{"行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计", "— — — — — — — — — — — — — — —"}, "— — — — — — — — — — — — — — —", 1},
		// No 总计 header at all.
		{[]string{"行政复议 行政诉讼", "000000000000000"}, "000000000000000", 1},
	}
	for _, c := range cases {
		run, line, ok := ExtractReview(c.lines)
		if !ok || run != c.run || line != c.line {
			t.Errorf("got %q line %d ok %v, want %q line %d", run, line, ok, c.run, c.line)
		}
	}
	if _, _, ok := ExtractReview([]string{"四、政府信息公开行政复议、行政诉讼情况", "本年度无行政复议和行政诉讼。"}); ok {
		t.Errorf("ok without digits")
	}
}

func TestExtractDisclosure2019(t *testing.T) {
	lines := []string{
		"二、主动公开政府信息情况",
		"本年度共制作规章0件。",
		"第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章(设区的市人民政府填写)000规范性文件453",
		"第二十条第（五）项信息内容上一年项目数量(指2018年事项数)本年增/减处理决定数量行政许可120-5300其他对外管理服务事项4 0 12",
		"第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚8+27行政强制— — —",
		"第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费2-1",
		"第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购7 1234.5万元",
	}
	got := ExtractDisclosure(lines)
	if got.Gen != model.Gen2019 {
		t.Fatalf("gen %s", got.Gen)
	}
	want := map[string]string{
		"rules": "000", "normative_documents": "453", "licensing": "120-5300", "other_services": "4 0 12",
		"punishment": "8+27", "coercion": "— — —", "fees": "2-1", "procurement": "7 1234.5万元",
	}
	if !reflect.DeepEqual(got.Runs, want) {
		t.Errorf("runs %v", got.Runs)
	}
	if got.Lines["procurement"] != 6 || got.Lines["rules"] != 2 {
		t.Errorf("lines %v", got.Lines)
	}
	decoded := map[string][]any{}
	for _, row := range model.DisclosureRows(got.Gen) {
		cs, _ := DecodeDisclosure(got.Runs[row.Key], row)
		decoded[row.Key] = cellValues(cs)
	}
	wantVals := map[string][]any{
		"rules": {0.0, 0.0, 0.0}, "normative_documents": {4.0, 5.0, 3.0}, "licensing": {120.0, nil, nil},
		"other_services": {4.0, 0.0, 12.0}, "punishment": {8.0, 2.0, 7.0}, "coercion": {0.0, 0.0, 0.0},
		"fees": {2.0, -1.0}, "procurement": {7.0, 12345000.0},
	}
	if !reflect.DeepEqual(decoded, wantVals) {
		t.Errorf("decoded %v", decoded)
	}
}

func TestExtractDisclosure2021(t *testing.T) {
	lines := []string{"第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 000 行政规范性文件 2 1 37",
		"第二十条第（五）项 信息内容 本年处理决定数量 行政许可 1530",
		"第二十条第（六）项 信息内容 本年处理决定数量 行政处罚 86 行政强制 0",
		"第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 12.5"}
	got := ExtractDisclosure(lines)
	want := map[string]string{"rules": "000", "normative_documents": "2 1 37", "licensing": "1530",
		"punishment": "86", "coercion": "0", "fees": "12.5"}
	if got.Gen != model.Gen2021 || !reflect.DeepEqual(got.Runs, want) {
		t.Errorf("gen %s runs %v", got.Gen, got.Runs)
	}
	if g := ExtractDisclosure([]string{"本年度主动公开信息1200条。"}); g.Gen != "" || len(g.Runs) != 0 {
		t.Errorf("no table: %+v", g)
	}
}

// A conversion to Markdown: one small table per row group under generic
// column headers, the group label as a heading above its table.
func TestExtractApplicationsMarkdown(t *testing.T) {
	header := []string{"| 项目 | 列1 | 列2 | 列3 | 列4 | 列5 | 列6 | 总计 |", "|---|---|---|---|---|---|---|---|"}
	lines := []string{"## 三、收到和处理政府信息公开申请情况", "", "### 一、本年新收政府信息公开申请数量"}
	lines = append(lines, header...)
	lines = append(lines, "| 本年新收政府信息公开申请数量 | 18 | 1 | 0 | 0 | 0 | 0 | 19 |", "", "### 二、上年结转政府信息公开申请数量")
	lines = append(lines, header...)
	lines = append(lines, "| 上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "", "### 三、本年度办理结果")
	lines = append(lines, header...)
	var rest []string
	for _, l := range labels2021[2:] {
		rest = append(rest, "| "+l.label+" | 0 | 0 | 0 | 0 | 0 | 0 | 0 |")
	}
	lines = append(lines, rest...)
	got, ok := ExtractApplications(lines)
	if !ok || got.Gen != model.Gen2021 || len(got.Runs) != 25 {
		t.Fatalf("ok %v gen %s %d runs", ok, got.Gen, len(got.Runs))
	}
	if r := got.Runs["new_requests"]; r != "18 1 0 0 0 0 19" {
		t.Errorf("new_requests run %q", r)
	}
	for _, k := range []string{"carried_over", "granted", "withheld_process_information", "other_other", "carried_forward"} {
		if r := got.Runs[k]; r != "0 0 0 0 0 0 0" {
			t.Errorf("%s run %q", k, r)
		}
	}
}

func TestExtractReviewThreeTables(t *testing.T) {
	lines := []string{"## 四、政府信息公开行政复议、行政诉讼情况"}
	for _, g := range []struct{ title, row string }{
		{"### 行政复议", "| 4 | 1 | 0 | 2 | 7 |"},
		{"### 行政诉讼（未经复议直接起诉）", "| 2 | 0 | 0 | 1 | 3 |"},
		{"### 行政诉讼（复议后起诉）", "| 0 | 0 | 0 | 0 | 0 |"},
	} {
		lines = append(lines, g.title, "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", "|----|----|----|----|----|", g.row, "")
	}
	run, line, ok := ExtractReview(lines)
	if !ok || run != "4 1 0 2 7 2 0 0 1 3 0 0 0 0 0" || line != 4 {
		t.Errorf("got %q line %d ok %v", run, line, ok)
	}
}

// Blocks of table 二 out of template order.
func TestExtractDisclosureOutOfOrder(t *testing.T) {
	lines := []string{"第二十条第（五）项", "信息内容 本年处理决定数量", "行政许可 97",
		"第二十条第（六）项", "行政处罚 0", "行政强制 0",
		"第二十条第（八）项", "信息内容 本年收费金额（单位：万元）", "行政事业性收费 0",
		"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "|---|---|---|---|",
		"| 规章 | 0 | 0 | 0 |", "| 行政规范性文件 | 13 | 0 | 55 |"}
	got := ExtractDisclosure(lines)
	want := map[string]string{"rules": "0 0 0", "normative_documents": "13 0 55", "licensing": "97",
		"punishment": "0", "coercion": "0", "fees": "0"}
	if got.Gen != model.Gen2021 || !reflect.DeepEqual(got.Runs, want) {
		t.Errorf("gen %s runs %v", got.Gen, got.Runs)
	}
	if got.Lines["licensing"] != 2 || got.Lines["normative_documents"] != 12 {
		t.Errorf("lines %v", got.Lines)
	}
}

// Page markers between rows are skipped; a number with a thousands
// separator stays whole.
func TestExtractApplicationsPageMarkerAndComma(t *testing.T) {
	lines := []string{
		"一、本年新收政府信息公开申请数量 1,204 6 0 0 0 0 1,210",
		"二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
		"— 3 —",
		"（一）予以公开 5 0 0 0 0 0 5",
		"第4页 共9页",
		"（二）部分公开 1 0 0 0 0 0 1",
	}
	got, _ := ExtractApplications(lines)
	want := map[string]string{"new_requests": "1,204 6 0 0 0 0 1,210", "carried_over": "0 0 0 0 0 0 0",
		"granted": "5 0 0 0 0 0 5", "partially_granted": "1 0 0 0 0 0 1"}
	if !reflect.DeepEqual(got.Runs, want) {
		t.Errorf("runs %q", got.Runs)
	}
	cells, warns := DecodeApplications(got.Runs, model.Gen2019)
	if g := values(cells["new_requests"]); !reflect.DeepEqual(g, ints(1204, 6, 0, 0, 0, 0, 1210)) {
		t.Errorf("new_requests %v (%+v)", g, warns)
	}
	if raw := cells["new_requests"][6].Raw; raw != "1,210" {
		t.Errorf("raw %q", raw)
	}
	if g := values(cells["carried_over"]); !reflect.DeepEqual(g, ints(0, 0, 0, 0, 0, 0, 0)) {
		t.Errorf("carried_over %v", g)
	}
}

// 无 written as a cell among dashes (a page that prints nothing as 无, /,
// — or -) belongs to the run; the 无 of the labels 无法提供 and
// 无正当理由, next to words and a numbering's dot, does not. Table 二 the
// same.
func TestExtractNothingWrittenAsWu(t *testing.T) {
	cells := []string{"/无—-/无—", "-/无—-/无", "—-/无—-/", "无—-/无—-"}
	var sb strings.Builder
	for i, l := range labels2021 {
		sb.WriteString(l.label + cells[i%len(cells)])
	}
	t3, ok := ExtractApplications([]string{sb.String()})
	if !ok {
		t.Fatal("table not found")
	}
	for i, l := range labels2021 {
		if got, want := t3.Runs[l.key], cells[i%len(cells)]; got != want {
			t.Errorf("%s: run %q, want %q", l.key, got, want)
		}
		if t3.Stray[l.key] {
			t.Errorf("%s: marked stray", l.key)
		}
	}
	got, _ := DecodeApplications(t3.Runs, t3.Gen)
	if g := values(got["unavailable_not_held"]); !reflect.DeepEqual(g, ints(0, 0, 0, 0, 0, 0, 0)) {
		t.Errorf("unavailable_not_held: %v", g)
	}
	t2 := ExtractDisclosure([]string{"信息内容 本年制发件数 本年废止件数 现行有效件数 规章—-/行政规范性文件无—-行政许可/行政处罚无行政强制—行政事业性收费-"})
	if r := t2.Runs["normative_documents"]; r != "无—-" {
		t.Errorf("normative_documents: run %q", r)
	}
	if r := t2.Runs["punishment"]; r != "" {
		t.Errorf("punishment: run %q: a 无 between two labels is no cell", r)
	}
	cs, _ := DecodeDisclosure(t2.Runs["normative_documents"], disclosureRow(model.Gen2021, "normative_documents"))
	if g := cellValues(cs); !reflect.DeepEqual(g, []any{0.0, 0.0, 0.0}) {
		t.Errorf("normative_documents: %v", g)
	}
}

// A row whose text holds digits apart from its run (a stray character cut
// the run in two) is marked: the run may be part of the row only.
func TestExtractApplicationsStray(t *testing.T) {
	var sb strings.Builder
	for _, l := range labels2021 {
		run := "0000000"
		if l.key == "granted" {
			run = "2※3"
		}
		sb.WriteString(l.label + run)
	}
	t3, _ := ExtractApplications([]string{sb.String()})
	if !t3.Stray["granted"] || len(t3.Stray) != 1 {
		t.Errorf("stray rows %v, want granted alone", t3.Stray)
	}
}

// TestLabelStable: every character labelStable lets through unmapped is
// one textnorm.Label leaves as it is.
func TestLabelStable(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if labelStable(r) {
			if got := textnorm.Label(string(r)); got != string(r) {
				t.Fatalf("Label(%q) = %q, but labelStable says it stays", r, got)
			}
		}
	}
}
