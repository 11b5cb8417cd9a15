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
