package audit_test

import (
	"strings"
	"testing"

	"github.com/govreport/govreport/audit"
	"github.com/govreport/govreport/model"
)

// report2021 makes a 2021-format report of our own: every cell 0 except
// the totals given (row → value in the 总计 and 自然人 columns).
func report2021(year int, totals map[string]float64) *model.Report {
	g := model.Gen2021
	var rows []string
	for _, r := range model.ApplicationRowsFor(g) {
		rows = append(rows, r.Key)
	}
	a := model.NewTable(rows, func(string) []string {
		var cs []string
		for _, c := range model.ApplicationColumns {
			cs = append(cs, c.Key)
		}
		return cs
	})
	for _, row := range a.Rows {
		for _, c := range row.Cells {
			a.Set(row.Key, c.Key, 0)
		}
	}
	for k, v := range totals {
		a.Set(k, "total", v)
		a.Set(k, "natural_person", v)
	}
	var groups []string
	for _, x := range model.ReviewGroups {
		groups = append(groups, x.Key)
	}
	rl := model.NewTable(groups, func(string) []string {
		var cs []string
		for _, o := range model.ReviewOutcomes {
			cs = append(cs, o.Key)
		}
		return cs
	})
	for _, gr := range groups {
		for _, o := range model.ReviewOutcomes {
			rl.Set(gr, o.Key, 0)
		}
	}
	var drows []string
	for _, d := range model.DisclosureRows(g) {
		drows = append(drows, d.Key)
	}
	ad := model.NewTable(drows, func(row string) []string {
		for _, d := range model.DisclosureRows(g) {
			if d.Key == row {
				var cs []string
				for _, f := range d.Fields {
					cs = append(cs, f.Key)
				}
				return cs
			}
		}
		return nil
	})
	for _, row := range ad.Rows {
		for _, c := range row.Cells {
			ad.Set(row.Key, c.Key, 0)
		}
	}
	agency := "示例区人民政府办公室"
	title := agency + itoa(year) + "年政府信息公开工作年度报告"
	r := &model.Report{
		Schema: model.Schema, Title: &title, Agency: &agency, Year: &year, Template: g,
		Templates:    model.Templates{ActiveDisclosure: g, Applications: g},
		Applications: a, ReviewLitigation: rl, ActiveDisclosure: ad,
		Provenance: model.Provenances{"applications.new_requests.total": {Text: "12", Line: 40}},
		Text: model.Text{
			Overview:     itoa(year) + "年，示例区人民政府办公室认真落实政府信息公开条例。",
			Problems:     "一是公开内容不够全面。下一步将加强培训。",
			OtherMatters: "本年度未收取信息处理费。",
		},
	}
	r.Checks = model.RunChecks(r)
	return r
}

func itoa(n int) string {
	b := []byte{}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// balanced: 12 new, 2 carried over, 10 granted, 2 unavailable, 2 carried forward.
func balanced(year int) *model.Report {
	return report2021(year, map[string]float64{
		"new_requests": 12, "carried_over": 2, "granted": 10, "unavailable_not_held": 2, "total": 12, "carried_forward": 2,
	})
}

func rules(fs []model.Finding, rule string) []model.Finding {
	var out []model.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestBalancedReportHasNoFindings(t *testing.T) {
	r := balanced(2023)
	if fs := audit.Report(r); len(fs) != 0 {
		t.Fatalf("a consistent report raised %+v", fs)
	}
}

func TestArithmetic(t *testing.T) {
	r := balanced(2023)
	r.Applications.Set("granted", "total", 9) // the row no longer adds up
	r.Checks = model.RunChecks(r)
	fs := rules(audit.Report(r), audit.RuleArithmetic)
	if len(fs) != 2 { // row_total of granted, results of the total column
		t.Fatalf("want 2 arithmetic findings, got %+v", fs)
	}
	for _, f := range fs {
		if f.Severity != model.SeverityError || len(f.Evidence) == 0 {
			t.Errorf("finding %+v: want an error with evidence", f)
		}
	}
	if !strings.Contains(fs[0].Message+fs[1].Message, "予以公开") {
		t.Errorf("messages do not name the row: %q / %q", fs[0].Message, fs[1].Message)
	}
}

func TestTextTable(t *testing.T) {
	cases := []struct {
		name, text string
		want       int    // text_table findings
		contains   string // in the message of the first
	}{
		{"new requests differ", "2023年，本机关共新收政府信息公开申请14件。", 1, "本年新收"},
		{"new requests agree", "2023年，本机关共新收政府信息公开申请12件。", 0, ""},
		{"received as new plus carried over", "全年共收到政府信息公开申请14件。", 0, ""},
		{"received as new", "全年共收到政府信息公开申请12件。", 0, ""},
		{"received matches nothing", "全年共收到政府信息公开申请34件。", 1, "收到＝本年新收＋上年结转"},
		{"received zero", "本年度未收到政府信息公开申请。", 1, "收到申请0"},
		{"received with spaces and full-width digits", "全年共受理政府信息公开申请 ３４ 件。", 1, "34"},
		{"granted differs", "全年共收到申请12件，其中予以公开8件，无法提供2件。", 1, "予以公开8件"},
		{"unavailable differs", "全年共收到申请12件，予以公开10件，无法提供3件。", 1, "无法提供"},
		{"carried forward differs", "共办结12件，结转下年度继续办理5件。", 1, "结转下年度"},
		{"carried forward to next year by name", "共办结12件，结转至2024年2件。", 0, ""},
		{"review differs", "因政府信息公开引发行政复议3件。", 1, "行政复议"},
		// Precision: nearly restating, not compared.
		{"withheld documents, not requests", "全年印发公文514条，其中主动公开130条，不予公开21条。", 0, ""},
		{"withheld in 件 without 申请", "本年清理文件，不予公开21件。", 0, ""},
		{"a change, not a level", "收到政府信息公开申请较上年增加34件。", 0, ""},
		{"approximate", "全年共收到政府信息公开申请近40件。", 0, ""},
		{"approximate after", "全年共收到政府信息公开申请30余件。", 0, ""},
		{"another year", "2022年共收到政府信息公开申请34件。", 0, ""},
		{"wider scope", "全区共收到政府信息公开申请340件。", 0, ""},
		{"review not about disclosure", "全年办理行政复议案件3件。", 0, ""},
		{"all documents in force", "现行有效件数424件。", 0, ""},
		{"agreed-to answers are not the concluded count", "同意公开答复数10件。", 0, ""},
		{"two outcomes counted together", "共办结申请12件，其中予以公开及部分公开42件。", 0, ""},
		{"two outcomes joined by 和", "办结申请12件，不予公开和无法提供9件。", 0, ""},
		{"requests for review, not for information", "区政府作为复议机关，全年受理行政复议申请36件。", 0, ""},
		{"complaints received, not requests", "全年接到信访投诉申请20件。", 0, ""},
		{"received with the kind named", "全年共受理依申请公开政府信息申请34件。", 1, "收到申请34件"},
		{"litigation said not to be about disclosure", "本机关作为被告的行政诉讼案件9件，均不涉及政府信息公开。", 0, ""},
		{"review said to be about other matters", "全年行政复议3件，均为政府信息公开以外的事项。", 0, ""},
		{"litigation about disclosure differs", "因政府信息公开被提起行政诉讼2件。", 1, "行政诉讼"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := balanced(2023)
			r.Text.Overview = c.text
			fs := rules(audit.Report(r), audit.RuleTextTable)
			if len(fs) != c.want {
				t.Fatalf("want %d text_table findings, got %d: %+v\nstatements: %+v", c.want, len(fs), fs, audit.Statements(r))
			}
			if c.want == 0 {
				return
			}
			f := fs[0]
			if !strings.Contains(f.Message, c.contains) {
				t.Errorf("message %q does not say %q", f.Message, c.contains)
			}
			if f.Evidence[0].Field != "text.overview" || f.Evidence[0].Text != c.text[:len(c.text)-len("。")] {
				t.Errorf("first evidence %+v does not quote the sentence", f.Evidence[0])
			}
			if len(f.Evidence) < 2 || !strings.HasPrefix(f.Evidence[1].Field, "") || f.Evidence[1].Value == nil {
				t.Errorf("no table cell in the evidence: %+v", f.Evidence)
			}
		})
	}
}

func TestTextTableNormativeDocumentsAndFees(t *testing.T) {
	r := balanced(2023)
	r.ActiveDisclosure.Set("normative_documents", "in_force", 31)
	r.ActiveDisclosure.Set("fees", "amount_10k_yuan", 0.394)
	r.Text.Overview = "现行有效行政规范性文件31件。本年行政事业性收费3940元。制发行政规范性文件2件。"
	fs := rules(audit.Report(r), audit.RuleTextTable)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "制发") {
		t.Fatalf("want only the 制发 sentence (table says 0), got %+v", fs)
	}
	r.Text.Overview = "本年行政事业性收费0.5万元。"
	if fs := rules(audit.Report(r), audit.RuleTextTable); len(fs) != 1 {
		t.Fatalf("fee 0.5万元 against 0.394: want a finding, got %+v", fs)
	}
	r.Text.Overview = "本年行政事业性收费0.39万元。"
	if fs := rules(audit.Report(r), audit.RuleTextTable); len(fs) != 0 {
		t.Fatalf("fee rounded to the text's precision agrees, got %+v", fs)
	}
}

func TestNarrativeMissing(t *testing.T) {
	r := balanced(2023)
	r.Text.Problems = "（一）存在的主要问题\n（二）改进措施"
	r.Text.OtherMatters = ""
	fs := rules(audit.Report(r), audit.RuleNarrativeMissing)
	if len(fs) != 2 || !strings.Contains(fs[0].Message, "只有标题") || !strings.Contains(fs[1].Message, "缺失或为空") {
		t.Fatalf("want heading-only 五 and empty 六, got %+v", fs)
	}
	// Nearly: 无 says there is nothing to report; the signature is not content.
	r.Text.Problems = "一是培训不足。"
	r.Text.OtherMatters = "无。\n示例区人民政府办公室\n2024年1月20日"
	if fs := rules(audit.Report(r), audit.RuleNarrativeMissing); len(fs) != 0 {
		t.Fatalf("want nothing, got %+v", fs)
	}
	// The free text was not read at all: nothing is judged.
	r.Text = model.Text{}
	if fs := rules(audit.Report(r), audit.RuleNarrativeMissing); len(fs) != 0 {
		t.Fatalf("want nothing without text, got %+v", fs)
	}
	// The document numbers its own narrative: sections were not told apart.
	r.Text = model.Text{Overview: "本机关认真落实条例。\n二、工作机制保障\n设立协调小组。"}
	if fs := rules(audit.Report(r), audit.RuleNarrativeMissing); len(fs) != 0 {
		t.Fatalf("want nothing for an own numbering, got %+v", fs)
	}
}

func TestFeeMismatch(t *testing.T) {
	r := balanced(2023)
	r.ActiveDisclosure.Set("fees", "amount_10k_yuan", 12.5)
	r.Text.OtherMatters = "本年度未收取行政事业性收费。"
	if fs := rules(audit.Report(r), audit.RuleFeeMismatch); len(fs) != 1 {
		t.Fatalf("want a fee_mismatch, got %+v", fs)
	}
	// Nearly: the 信息处理费 of requests is not table 二's 行政事业性收费.
	r.Text.OtherMatters = "本年度未收取信息处理费。"
	if fs := rules(audit.Report(r), audit.RuleFeeMismatch); len(fs) != 0 {
		t.Fatalf("信息处理费 compared with 行政事业性收费: %+v", fs)
	}
	r.ActiveDisclosure.Set("fees", "amount_10k_yuan", 0)
	r.Text.OtherMatters = "本机关依法收取行政事业性收费。"
	if fs := rules(audit.Report(r), audit.RuleFeeMismatch); len(fs) != 1 {
		t.Fatalf("charged while the table says 0: want a finding, got %+v", fs)
	}
	// Nearly: the fee catalogue and its publication name 行政事业性收费
	// without saying that anything was charged.
	r.Text.OtherMatters = "本机关严格落实行政事业性收费目录清单和公示制度，各项收费依据和标准均在门户网站公开。"
	if fs := rules(audit.Report(r), audit.RuleFeeMismatch); len(fs) != 0 {
		t.Fatalf("the fee catalogue read as fees charged: %+v", fs)
	}
	// Nearly: no unlawful fee is not no fee.
	r.ActiveDisclosure.Set("fees", "amount_10k_yuan", 12.5)
	r.Text.OtherMatters = "本机关严格执行行政事业性收费公示制度，全年无乱收费现象。"
	if fs := rules(audit.Report(r), audit.RuleFeeMismatch); len(fs) != 0 {
		t.Fatalf("无乱收费 read as no fee charged: %+v", fs)
	}
	r.Text.OtherMatters = "本机关未收取行政事业性收费，未发生违规收费问题。"
	if fs := rules(audit.Report(r), audit.RuleFeeMismatch); len(fs) != 1 {
		t.Fatalf("未收取 beside 未发生违规收费: want a finding, got %+v", fs)
	}
}

func TestYearMismatch(t *testing.T) {
	r := balanced(2023)
	r.Text.OtherMatters = "无。\n示例区人民政府办公室\n2024年1月20日"
	if fs := rules(audit.Report(r), audit.RuleYearMismatch); len(fs) != 0 {
		t.Fatalf("signed January of the next year is right: %+v", fs)
	}
	r.Text.OtherMatters = "无。\n示例区人民政府办公室\n2023年1月20日" // last year's signature kept
	fs := rules(audit.Report(r), audit.RuleYearMismatch)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "落款") {
		t.Fatalf("want a year_mismatch naming the signature, got %+v", fs)
	}
	// As the parser gives it: the signature taken off section 六.
	r = balanced(2023)
	r.Text.OtherMatters, r.Text.Signature = "无。", "示例区人民政府办公室 ２０２３年１月２０日"
	if fs := rules(audit.Report(r), audit.RuleYearMismatch); len(fs) != 1 || fs[0].Evidence[len(fs[0].Evidence)-1].Field != "text.signature" {
		t.Fatalf("want a year_mismatch on the parser's signature, got %+v", fs)
	}
	r.Text.OtherMatters, r.Text.Signature = "统计期限截至2023年12月31日", ""
	if fs := rules(audit.Report(r), audit.RuleYearMismatch); len(fs) != 0 {
		t.Fatalf("a sentence ending with a date is no signature: %+v", fs)
	}
	r = balanced(2023)
	r.Text.Overview = "2022年，示例区认真落实条例。本报告统计期限自2023年1月1日起至2023年12月31日止。"
	fs = rules(audit.Report(r), audit.RuleYearMismatch)
	if len(fs) != 1 || len(fs[0].Evidence) != 3 {
		t.Fatalf("want one finding with title, period and opening, got %+v", fs)
	}
}

func TestTemplateOutdated(t *testing.T) {
	r := balanced(2023)
	r.Templates.Applications = model.Gen2019
	fs := rules(audit.Report(r), audit.RuleTemplateOutdated)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "表三") {
		t.Fatalf("want 表三 outdated, got %+v", fs)
	}
	y := 2020
	r = balanced(2023)
	r.Year = &y
	if fs := rules(audit.Report(r), audit.RuleTemplateOutdated); len(fs) != 2 {
		t.Fatalf("a 2020 report in the 2021 format: want both tables, got %+v", fs)
	}
	y = 2021
	r = balanced(2023)
	r.Year = &y
	if fs := rules(audit.Report(r), audit.RuleTemplateOutdated); len(fs) != 0 {
		t.Fatalf("2021 in the 2021 format: %+v", fs)
	}
}

func TestCrossYear(t *testing.T) {
	a, b := balanced(2022), balanced(2023)
	fs := audit.Run([]audit.Input{{Name: "a", Report: a}, {Name: "b", Report: b}})
	var ident, carry int
	for _, f := range fs {
		switch f.Rule {
		case audit.RuleCrossYearIdentical:
			ident++
			if len(f.Reports) != 2 || f.Evidence[0].Path != "b" || f.Evidence[1].Path != "a" {
				t.Errorf("evidence does not name both inputs: %+v", f)
			}
		case audit.RuleCarryOver:
			carry++
		}
	}
	if ident != 1 || carry != 0 {
		t.Fatalf("identical tables 三: want 1 cross_year_identical and no carry_over, got %+v", fs)
	}
	// Nearly: one cell differs; and last year carried forward 3, not 2.
	a.Applications.Set("carried_forward", "total", 3)
	fs = audit.Run([]audit.Input{{Name: "a", Report: a}, {Name: "b", Report: b}})
	found := false
	for _, f := range fs {
		if f.Rule == audit.RuleCarryOver {
			found = true
			if !strings.Contains(f.Message, "结转下年度继续办理") {
				t.Errorf("message %q", f.Message)
			}
		}
		if f.Rule == audit.RuleCrossYearIdentical {
			t.Errorf("tables differ in one cell: %+v", f)
		}
	}
	if !found {
		t.Fatalf("no carry_over in %+v", fs)
	}
	// A small table that may repeat by chance (one request granted).
	x, y := report2021(2022, map[string]float64{"new_requests": 1, "granted": 1, "total": 1}), report2021(2023, map[string]float64{"new_requests": 1, "granted": 1, "total": 1})
	for _, f := range audit.Run([]audit.Input{{Name: "x", Report: x}, {Name: "y", Report: y}}) {
		if f.Rule == audit.RuleCrossYearIdentical {
			t.Errorf("a one-request table repeated is not reported as copied: %+v", f)
		}
	}
}

func TestWithRules(t *testing.T) {
	r := balanced(2023)
	r.Text.Overview = "全年共收到政府信息公开申请34件。"
	r.Templates.Applications = model.Gen2019
	fs := audit.Report(r, audit.WithRules(audit.RuleTemplateOutdated))
	if len(fs) != 1 || fs[0].Rule != audit.RuleTemplateOutdated {
		t.Fatalf("WithRules: got %+v", fs)
	}
}
