package parser

import (
	"testing"
)

// A one-line dump of a page that prints zeros as empty cells: the 规章 row
// has no value at all, and the empty 本年废止件数 cell of 规范性文件
// vanished between "4" and "27". 4|2|7 is one reading, 4|(blank)|27
// another: no cell the two disagree on may be read.
func TestOneLineBlankCellsVanish(t *testing.T) {
	two := "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 规范性文件 4 27 " +
		"第二十条第（五）项 信息内容 本年处理决定数量 行政许可 57 第二十条第（六）项 信息内容 本年处理决定数量 行政处罚 9 行政强制 " +
		"第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 "
	src := oneLineDump("示例县人民政府办公室2023年政府信息公开工作年度报告", two, oneLine2021, "100010000000000", "示例县人民政府办公室")
	r := mustParse(t, "blank-cells-dump.txt", src)
	ad := r.ActiveDisclosure
	if ad == nil {
		t.Fatalf("table 二 not read; warnings %v", r.Warnings)
	}
	for f, want := range map[string]float64{"issued": 4, "repealed": 0, "in_force": 27} {
		if v, ok := ad.Get("normative_documents", f); ok && v != want {
			t.Errorf("normative_documents.%s = %v, printed %v: a vanished blank cell was split out of a number", f, v, want)
		}
	}
	if v, ok := ad.Get("licensing", "decisions"); !ok || v != 57 {
		t.Errorf("licensing.decisions = %v (known %v), want 57", v, ok)
	}
}
