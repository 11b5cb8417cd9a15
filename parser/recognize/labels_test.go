package recognize

import (
	"testing"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// Every printed label of the catalogue, and every variant TEMPLATE.md
// lists as seen in real reports, must land on its row.
func TestApplicationLabelsMatchTheirRow(t *testing.T) {
	for _, r := range model.ApplicationRows {
		label := r.Label
		if r.Group != "" {
			label = r.Group + label
		}
		prev := ""
		if r.Key == "other_other" {
			prev = "other_unpaid_fee"
		}
		if got := matchApplicationRow(textnorm.Label(label), prev); got != r.Key {
			t.Errorf("label %q matched %q, want %q", label, got, r.Key)
		}
		// Without its group prefix, as tab text and PDFs print it.
		if got := matchApplicationRow(textnorm.Label(r.Label), prev); got != r.Key {
			t.Errorf("bare label %q matched %q, want %q", r.Label, got, r.Key)
		}
	}
	variants := []struct{ label, key string }{
		{"（二）部分公开（区分处理的，只计这一情况，不计其他情况）", "partially_granted"},
		{"5.属于三类内容事务信息", "withheld_internal_affairs"},
		{"3.危及\"三安全一稳定\"", "withheld_security_stability"},
		{"3.危及'三安全一稳定'", "withheld_security_stability"},
		{"3.危及‘三安全一稳定’", "withheld_security_stability"},
		{"四、结转下一年度继续办理", "carried_forward"},
		{"七、总计", "total"},
		{"（七） 总 计", "total"},
		{"一、本年新收政府信息公开 申请数量", "new_requests"},
		{"2.其他法律行政止公开", "withheld_prohibited_by_law"},
		{"1、属于国家秘密", "withheld_state_secret"},
		{"(1)本机关不掌握相关政府信息", "unavailable_not_held"},
		{"三、本年度办理结果（三）不予公开1.属于国家秘密", "withheld_state_secret"},
		{"（六）其他处理", "other"},
		{"２．重复申请", "not_processed_repeated"},
	}
	for _, v := range variants {
		if got := matchApplicationRow(textnorm.Label(v.label), ""); got != v.key {
			t.Errorf("variant %q matched %q, want %q", v.label, got, v.key)
		}
	}
}

func TestHeadersAndGroupLabelsAreNotRows(t *testing.T) {
	for _, s := range []string{"（三）不予公开", "三、本年度办理结果", "申请人情况", "自然人", "法人或其他组织", "商业企业",
		"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "其他"} {
		if k := matchApplicationRow(textnorm.Label(s), ""); k != "" && k != "group" {
			t.Errorf("%q taken for row %q", s, k)
		}
	}
}

func TestDisclosureLabels(t *testing.T) {
	for _, g := range []model.Generation{model.Gen2021, model.Gen2019} {
		rows := model.DisclosureRows(g)
		for _, r := range rows {
			if got := disclosureRowKey(textnorm.Label(r.Label)); got != r.Key {
				t.Errorf("%s label %q matched %q, want %q", g, r.Label, got, r.Key)
			}
			for _, f := range r.Fields {
				if got := disclosureField(textnorm.Label(f.Label), g); got != f.Key {
					t.Errorf("%s header %q matched %q, want %q", g, f.Label, got, f.Key)
				}
			}
		}
	}
	if got := disclosureField(textnorm.Label("本年度止件数"), model.Gen2021); got != "repealed" {
		t.Errorf("the typo 本年度止件数 matched %q", got)
	}
	if got := disclosureRowKey(textnorm.Label("规章(设区的市和自治州应提供相关数据)")); got != "rules" {
		t.Errorf("a glossed 规章 label matched %q", got)
	}
}

func TestParseValue(t *testing.T) {
	tests := []struct {
		in   string
		kind valueKind
		num  float64
		unit string
	}{
		{"12", number, 12, ""}, {"0", number, 0, ""}, {"1,234", number, 1234, ""},
		{"251000元", number, 251000, "元"}, {"25.1万元", number, 25.1, "万元"}, {"-18", number, -18, ""},
		{"+4", number, 4, ""}, {"4166.241619", number, 4166.241619, ""},
		{"", blank, 0, ""}, {"-", blank, 0, ""}, {"—", blank, 0, ""}, {"/", blank, 0, ""}, {"无", blank, 0, ""},
		{"007", notValue, 0, ""}, {"15130000154x", notValue, 0, ""}, {"自然人", notValue, 0, ""},
	}
	for _, tc := range tests {
		k, n, u := parseValue(textnorm.Fold(tc.in))
		if k != tc.kind || n != tc.num || u != tc.unit {
			t.Errorf("parseValue(%q) = %v %v %q, want %v %v %q", tc.in, k, n, u, tc.kind, tc.num, tc.unit)
		}
	}
	// Full-width digits are folded before parsing.
	if k, n, _ := parseValue(textnorm.Fold("１２３")); k != number || n != 123 {
		t.Errorf("full-width digits read as %v %v", k, n)
	}
}

func TestMisreadLabelsMatchApproximately(t *testing.T) {
	tests := []struct{ label, key string }{
		{"1.属于国家秘蜜", "withheld_state_secret"},
		{"1.本机关不掌暹相关政府信息", "unavailable_not_held"},
		{"2.没有现成信息需要另行制做", "unavailable_needs_creation"},
		{"4.无正当理由大量反夏申请", "not_processed_excessive"},
	}
	for _, tc := range tests {
		if got := fuzzyApplicationRow(textnorm.Label(tc.label)); got != tc.key {
			t.Errorf("%q matched %q, want %q", tc.label, got, tc.key)
		}
	}
	for _, s := range []string{"本单位政务公开工作领导小组会议", "合计", "自然人商业企业"} {
		if got := fuzzyApplicationRow(textnorm.Label(s)); got != "" {
			t.Errorf("%q matched row %q", s, got)
		}
	}
}

func TestGarbledTextLayer(t *testing.T) {
	sym := layout.Line{Cells: []layout.Cell{{Text: "✍✞✟✄✌☛✠ ✂☎✂✆ ✝☛✠✡☞✎✏✑✒✝✓✔✕ ✜✗✖✯★✘✙✚✦✛✢✣✤✥✧✩✪✫✬✚✦✭✮✰✛✢ ❄❅❆❇❈❉❊❑❋●❍■❏"}}}
	words := layout.Line{Cells: []layout.Cell{{Text: "2023年，湛河区人民政府办公室严格按照国家、省、市政务信息公开工作要求，对涉及公众利益调整的政府信息及时公开。"}}}
	if !garbled([]layout.Line{sym}) {
		t.Errorf("symbols not seen as a garbled text layer")
	}
	if garbled([]layout.Line{words}) {
		t.Errorf("prose seen as garbled")
	}
}

// Table 二 labels and headers misprinted match by their place and their
// words; frame twins (行政处罚 / 行政强制) and labels out of place do not.
func TestDisclosureVariants(t *testing.T) {
	if got := nearDisclosureRow(textnorm.Label("行政处法"), model.Gen2021, "licensing"); got != "punishment" {
		t.Errorf("行政处法 after 行政许可 matched %q", got)
	}
	if got := nearDisclosureRow(textnorm.Label("行政检查"), model.Gen2021, "licensing"); got != "" {
		t.Errorf("行政检查 matched %q", got)
	}
	// The closest label, but not where the template has it.
	if got := nearDisclosureRow(textnorm.Label("行政处法"), model.Gen2021, "fees"); got != "" {
		t.Errorf("行政处法 after 行政事业性收费 matched %q", got)
	}
	if got := nearDisclosureField(textnorm.Label("先行有效件数"), model.Gen2021, []string{"issued", "repealed"}); got != "in_force" {
		t.Errorf("先行有效件数 matched %q", got)
	}
	if got := nearDisclosureField(textnorm.Label("先行有效件数"), model.Gen2021, nil); got != "" {
		t.Errorf("先行有效件数 as a first column matched %q", got)
	}
}
