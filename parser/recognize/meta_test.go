package recognize

import (
	"testing"

	"github.com/govreport/govreport/parser/layout"
)

// TestBreadcrumbIsNotTheTitle: a portal page saved as Word or text keeps
// its navigation as ordinary lines; the breadcrumb ends in the column
// name 政府信息公开年报 but is not the report's title.
func TestBreadcrumbIsNotTheTitle(t *testing.T) {
	var doc layout.Document
	for i, s := range []string{"首页", "政务公开", "互动交流", "专题专栏", "当前位置:首页 > 政务公开 > 政府信息公开 > 政府信息公开年报",
		"政府信息公开年报", "江淮市人民政府2024年政府信息公开工作年度报告", "一、总体情况"} {
		doc.Lines = append(doc.Lines, layout.Line{Num: i + 1, Cells: []layout.Cell{{Text: s, Raw: s, Col: -1}}})
	}
	st := &state{doc: &doc, lines: doc.Lines}
	if got := st.findTitle(len(doc.Lines)); got != "江淮市人民政府2024年政府信息公开工作年度报告" {
		t.Errorf("title %q", got)
	}
	for _, s := range []string{"您的位置：首页>信息公开>年报", "首页 > 政务公开 > 政府信息公开年报"} {
		if !isBreadcrumb(s) {
			t.Errorf("%q not taken for a breadcrumb", s)
		}
	}
	if isBreadcrumb("青岚县人民政府2023年政府信息公开工作年度报告") {
		t.Error("a title taken for a breadcrumb")
	}
}

func docOf(lines ...string) *layout.Document {
	var doc layout.Document
	for i, s := range lines {
		doc.Lines = append(doc.Lines, layout.Line{Num: i + 1, Cells: []layout.Cell{{Text: s, Raw: s, Col: -1}}})
	}
	return &doc
}

func TestAgencyFromTitle(t *testing.T) {
	tests := []struct{ title, agency string }{
		{"青岚县人民政府2023年政府信息公开工作年度报告", "青岚县人民政府"},
		{"2023年青岚县人民政府政府信息公开工作年度报告", "青岚县人民政府"},
		{"关于青岚县2023年度政府信息公开工作年度报告", "青岚县"},
		{"青岚县水利局关于2023年度政府信息公开工作年度报告", "青岚县水利局"},
		{"青岚县水利局关于报送2023年度政府信息公开工作年度报告的函", "青岚县水利局"},
		{"青岚县水利局2023年度政府信息公开工作年度报告的函", "青岚县水利局"},
		{"青岚县水利局报送2023年度政府信息公开工作年度报告的函", "青岚县水利局"},
		{"青岚县水利局关于印发青岚县水利局2023年度政府信息公开工作年度报告", "青岚县水利局"},
		{"青岚县水利局年度政府信息公开工作年度报告", "青岚县水利局"},
		{"2023年度政府信息公开工作年度报告", ""},
		{"本地目录:zwgk/nb/202401/4711_青岚县2023年度政府信息公开工作年度报告", ""},
		{"zwgk/nb/202401/4711_青岚县2023年度政府信息公开工作年度报告", ""},
	}
	for _, tc := range tests {
		if got := agencyFromTitle(tc.title); got != tc.agency {
			t.Errorf("%s: agency %q, want %q", tc.title, got, tc.agency)
		}
	}
}

func TestPlausibleAgency(t *testing.T) {
	for a, want := range map[string]bool{
		"青岚县人民政府": true, "青岚县发展和改革局（物价局）": true, "本地目录:zwgk": false, "zwgk/nb/4711_青岚县": false,
		"4711_青岚县": false, "https://www.example.gov.cn": false, "青岚县年报.doc": false, "县": false,
	} {
		if got := plausibleAgency(a); got != want {
			t.Errorf("%s: %v, want %v", a, got, want)
		}
	}
}

// A crawler's header block names the title in 标题 and ends it in 本地目录
// and 原文链接 too; only 标题 is a title.
func TestDumpHeaderTitle(t *testing.T) {
	doc := docOf("标题: 青岚县2023年度政府信息公开工作年度报告", "发布时间: 2024-01-20 10:00", "文号:", "发布机构:",
		"栏目: 政府信息公开年报", "原文链接: https://www.example.gov.cn/nb/202401/t20240120_4711.htm",
		"本地目录: zwgk/nb/202401/4711_青岚县2023年度政府信息公开工作年度报告", "==================== 正文 ====================",
		"一、总体情况")
	st := &state{doc: doc, lines: doc.Lines}
	if got := st.findTitle(len(doc.Lines)); got != "青岚县2023年度政府信息公开工作年度报告" {
		t.Errorf("title %q", got)
	}
}

func TestAgencyEvidenceAfterTheTitle(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
		from  func(*state) string
	}{
		{"发布机构 field", []string{"发布机构: 青岚县水利局", "来源: 本网"}, "青岚县水利局", (*state).agencyFromHeader},
		{"empty 发布机构, 来源 names a body", []string{"发布机构:", "来源: 青岚县水利局"}, "青岚县水利局", (*state).agencyFromHeader},
		{"empty fields", []string{"发布机构:", "发布时间:", "来源: 本网"}, "", (*state).agencyFromHeader},
		{"signature over two lines", []string{"六、其他需要报告的事项", "无。", "青岚县水利局", "2024年1月26日"}, "青岚县水利局", (*state).agencyFromSignature},
		{"signature on one line", []string{"无。", "青岚县水利局 2024年1月26日"}, "青岚县水利局", (*state).agencyFromSignature},
		{"signature in Chinese numerals", []string{"无。", "青岚县水利局", "二〇二四年一月二十六日"}, "青岚县水利局", (*state).agencyFromSignature},
		{"signature glued, name written elsewhere", []string{"请与青岚县水利局联系。", "六、其他需要报告的事项暂无青岚县水利局2024年1月26日"}, "青岚县水利局", (*state).agencyFromSignature},
		{"signature glued, name nowhere else", []string{"六、其他需要报告的事项暂无青岚县水利局2024年1月26日"}, "", (*state).agencyFromSignature},
		{"a date ending a sentence is no signature", []string{"本报告于2024年1月26日"}, "", (*state).agencyFromSignature},
	}
	for _, tc := range tests {
		doc := docOf(tc.lines...)
		st := &state{doc: doc, lines: doc.Lines}
		if got := tc.from(st); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// The attachment named is the linked file, by its text or its target,
// preferring one that speaks of a report.
func TestAttachmentName(t *testing.T) {
	doc := docOf("青岚县2023年度政府信息公开工作年度报告", "附件：")
	doc.Links = []layout.Link{{Text: "首页", Href: "/"}, {Text: "办事指南.pdf", Href: "/a/guide.pdf"},
		{Text: "青岚县2023年度政府信息公开工作年度报告", Href: "/nb/P020240120.docx?v=2"}}
	st := &state{doc: doc, lines: doc.Lines}
	if got := st.attachment(); got != "青岚县2023年度政府信息公开工作年度报告 (P020240120.docx)" {
		t.Errorf("attachment %q", got)
	}
	doc = docOf("附件：1.青岚县2023年度年报.ofd", "附件：统计表.xls")
	st = &state{doc: doc, lines: doc.Lines}
	if got := st.attachment(); got != "1.青岚县2023年度年报.ofd" {
		t.Errorf("attachment %q", got)
	}
	doc = docOf("青岚县2023年度政府信息公开工作年度报告", "请访问 https://www.example.gov.cn/ 查阅")
	st = &state{doc: doc, lines: doc.Lines}
	if got := st.attachment(); got != "" {
		t.Errorf("attachment %q in a page without one", got)
	}
}
