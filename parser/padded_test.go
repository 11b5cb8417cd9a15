package parser

import (
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// Crawlers keep the &nbsp; and ideographic spaces that pad a web table's
// cells: on a one-line body they fall before, after or between the
// numbers of a row, or not at all, never inside a number. The text reader
// cuts the line into "cells" at every double or ideographic space; those
// cuts are padding, not the table's cells.

// paddings are the blanks a crawler leaves at a cell boundary.
var paddings = []string{"", " ", "\u3000", "", "  ", " \u3000", "", "\u3000\u3000", " "}

// padded prints values as a run with padding at cell boundaries, the
// choice of padding spread over the run by seed so that every row is
// padded differently (and some boundaries not at all).
func padded(seed int, vals ...float64) string {
	var b strings.Builder
	for i, v := range vals {
		b.WriteString(paddings[(seed*5+i*3)%len(paddings)])
		b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
	}
	b.WriteString(paddings[(seed*7+1)%len(paddings)])
	return b.String()
}

// padRows fills the runs of rows from their values.
func padRows(rows []oneLineRow) []oneLineRow {
	out := append([]oneLineRow(nil), rows...)
	for i := range out {
		out[i].run = padded(i, out[i].vals[:]...)
	}
	return out
}

// withValues returns a copy of rows with some rows' values replaced.
func withValues(rows []oneLineRow, vals map[string][7]float64) []oneLineRow {
	out := append([]oneLineRow(nil), rows...)
	for i := range out {
		if v, ok := vals[out[i].key]; ok {
			out[i].vals = v
		}
	}
	return out
}

// paddedValues2021 is a table 三 whose numbers have several digits, so
// that the padding lost between them matters; its sums hold.
var paddedValues2021 = map[string][7]float64{
	"new_requests":                   {12, 1, 0, 0, 0, 1, 14},
	"carried_over":                   {1, 0, 0, 0, 0, 0, 1},
	"granted":                        {8, 1, 0, 0, 0, 0, 9},
	"partially_granted":              {1, 0, 0, 0, 0, 0, 1},
	"withheld_third_party_rights":    {1, 0, 0, 0, 0, 0, 1},
	"withheld_enforcement_case_file": {0, 0, 0, 0, 0, 0, 0},
	"unavailable_not_held":           {1, 0, 0, 0, 0, 1, 2},
	"not_processed_repeated":         {1, 0, 0, 0, 0, 0, 1},
	"total":                          {12, 1, 0, 0, 0, 1, 14},
	"carried_forward":                {1, 0, 0, 0, 0, 0, 1},
}

// A 2021 one-line body whose runs hold ideographic and double spaces
// where the page padded its cells: every row, table 四 and the rows of
// table 二 that only one split fits are read exactly; 3114 (3|1|14,
// 3|11|4 or 31|1|4) stays null.
func TestOneLinePaddedRuns2021(t *testing.T) {
	rows := padRows(withValues(oneLine2021, paddedValues2021))
	two := "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章0\u30000 0行政规范性文件3114 " +
		"第二十条第（五）项信息内容本年处理决定数量行政许可\u300086第二十条第（六）项信息内容本年处理决定数量行政处罚 2 行政强制\u30000" +
		"第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费 0"
	// review 1 0 0 1 2, direct 0 1 0 0 1, after review 0 0 0 0 0.
	review := "10\u30000 12 01 00 1 000\u3000 00"
	src := oneLineDump("示例区教育局2023年政府信息公开工作年度报告", two, rows, review, "示例区教育局")
	if !strings.Contains(src, "\u3000") || !strings.Contains(src, "  ") {
		t.Fatal("the dump has no padding to test")
	}
	r := mustParse(t, "padded.txt", src)
	checkRows(t, r, rows)
	checkReview(t, r, [15]float64{1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0})
	ad := r.ActiveDisclosure
	for row, want := range map[string][]float64{"rules": {0, 0, 0}, "licensing": {86}, "punishment": {2}, "coercion": {0}, "fees": {0}} {
		checkDisclosureRow(t, ad, row, want)
	}
	for _, f := range []string{"issued", "repealed", "in_force"} {
		if v, ok := ad.Get("normative_documents", f); ok {
			t.Errorf("normative_documents.%s = %v read from 3114, which splits three ways", f, v)
		}
		if !hasWarning(r, "digitrun_ambiguous", "active_disclosure.normative_documents."+f) {
			t.Errorf("normative_documents.%s null without a warning", f)
		}
	}
	for _, c := range r.Checks {
		if !c.OK {
			t.Errorf("check failed: %s", c.Message)
		}
	}
}

// paddedValues2019 is a 2019 table 三 with multi-digit cells.
var paddedValues2019 = map[string][7]float64{
	"new_requests":              {23, 0, 0, 0, 0, 0, 23},
	"carried_over":              {0, 0, 0, 0, 0, 0, 0},
	"granted":                   {7, 0, 0, 0, 0, 0, 7},
	"partially_granted":         {1, 0, 0, 0, 0, 0, 1},
	"unavailable_not_held":      {7, 0, 0, 0, 0, 0, 7},
	"not_processed_repeated":    {3, 0, 0, 0, 0, 0, 3},
	"unavailable_still_unclear": {5, 0, 0, 0, 0, 0, 5},
	"total":                     {23, 0, 0, 0, 0, 0, 23},
	"carried_forward":           {0, 0, 0, 0, 0, 0, 0},
}

// A 2019 one-line body padded the same way, with a signed 本年增/减: a -
// written before digits is the number's sign, so 126 -325 is 126|-3|25
// or 126|-32|5 (both null), never 126|-|325; a dash standing apart is a
// blank cell (0).
func TestOneLinePaddedRuns2019(t *testing.T) {
	rows := padRows(withValues(oneLine2019, paddedValues2019))
	two := "第二十条第（一）项信息内容本年新 制作数量本年新 公开数量对外公开总数量规章00 0规范性文件8\u30009 89" +
		"第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可396-18\u3000181其他对外管理服务事项 10 - 153" +
		"第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚2648 0\u3000430行政强制126 -325" +
		"第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费35\u3000-2" +
		"第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购135 75394432.52元"
	// review 0 0 0 0 0, direct 1 0 0 0 1, after review 0 0 0 0 0.
	review := "0\u30000000 10 0\u3000 01 0000 \u30000"
	src := oneLineDump("示例县人民政府2020年政府信息公开工作年度报告", two, rows, review, "示例县人民政府办公室")
	r := mustParse(t, "padded2019.txt", src)
	if r.Template != model.Gen2019 {
		t.Errorf("template %q", r.Template)
	}
	checkRows(t, r, rows)
	checkReview(t, r, [15]float64{0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0})
	ad := r.ActiveDisclosure
	for row, want := range map[string][]float64{
		"rules": {0, 0, 0}, "licensing": {396, -18, 181}, "other_services": {10, 0, 153},
		"punishment": {2648, 0, 430}, "fees": {35, -2}, "procurement": {135, 75394432.52},
	} {
		checkDisclosureRow(t, ad, row, want)
	}
	if v, ok := ad.Get("coercion", "previous_items"); !ok || v != 126 {
		t.Errorf("coercion.previous_items = %v (known %v), want 126", v, ok)
	}
	for _, f := range []string{"change", "decisions"} {
		if v, ok := ad.Get("coercion", f); ok {
			t.Errorf("coercion.%s = %v read from -325, which is -3|25 or -32|5", f, v)
		}
	}
	for _, w := range r.Warnings {
		if w.Field == "active_disclosure.coercion.change" && strings.Contains(w.Message, "|-|") {
			t.Errorf("a sign before digits offered as a blank cell: %s", w.Message)
		}
	}
	// 8 9 89 is 8|9|89 only: the spaces are cuts, 89 is one cell or two.
	if v, ok := ad.Get("normative_documents", "new_made"); !ok || v != 8 {
		t.Errorf("normative_documents.new_made = %v (known %v), want 8", v, ok)
	}
	for _, c := range r.Checks {
		if !c.OK {
			t.Errorf("check failed: %s", c.Message)
		}
	}
}

// A tab-separated grid whose cells hold ideographic-space padding is
// still a grid: a row that lost a cell stays null, the splitter does not
// cut a printed number to make up the count.
func TestPaddedGridRowWithMissingCellIsNull(t *testing.T) {
	doc := tabReport(map[string]string{
		"granted": "\u30009\u3000\t2\t0\t1\t0\t\u300012", // six cells for seven columns
	})
	r := mustParse(t, "tabs.txt", doc)
	for _, c := range model.ApplicationColumns {
		if v, ok := r.Applications.Get("granted", c.Key); ok {
			t.Errorf("granted.%s = %v read from a row with a missing cell", c.Key, v)
		}
	}
	if get(t, r.Applications, "unavailable_not_held", "natural_person") != 8 {
		t.Errorf("neighbouring row misread")
	}
}

// An aligned grid padded with ideographic spaces, one row a line: a row
// with six numbers for seven columns is not split to make a seventh.
func TestAlignedIdeographicGridRowWithMissingCellIsNull(t *testing.T) {
	doc := tabReport(map[string]string{
		"granted": "9\t2\t0\t1\t0\t12",
	})
	doc = strings.ReplaceAll(doc, "\t", "\u3000\u3000")
	r := mustParse(t, "aligned.txt", doc)
	if r.Applications == nil {
		t.Fatalf("table 三 not read: %v", r.Warnings)
	}
	for _, c := range model.ApplicationColumns {
		if v, ok := r.Applications.Get("granted", c.Key); ok {
			t.Errorf("granted.%s = %v read from a row with a missing cell", c.Key, v)
		}
	}
	if !hasWarning(r, "unreadable_row", "applications.granted") {
		t.Errorf("no warning for the unreadable row: %v", r.Warnings)
	}
	if get(t, r.Applications, "new_requests", "total") != 24 {
		t.Errorf("neighbouring row misread")
	}
}

func checkReview(t *testing.T, r *model.Report, want [15]float64) {
	t.Helper()
	rl := r.ReviewLitigation
	if rl == nil {
		t.Fatalf("table 四 not read: %v", r.Warnings)
	}
	i := 0
	for _, row := range rl.Rows {
		for _, c := range row.Cells {
			if c.Value == nil || *c.Value != want[i] {
				t.Errorf("review_litigation.%s.%s = %v, want %v", row.Key, c.Key, rowValues(rl, row.Key), want[i])
			}
			i++
		}
	}
}

func checkDisclosureRow(t *testing.T, ad *model.Table, row string, want []float64) {
	t.Helper()
	if ad == nil {
		t.Fatalf("table 二 not read")
	}
	cs := ad.Row(row).Cells
	if len(cs) != len(want) {
		t.Errorf("%s has %d cells, want %d", row, len(cs), len(want))
		return
	}
	for i, c := range cs {
		if c.Value == nil || *c.Value != want[i] {
			t.Errorf("%s = %v, want %v", row, rowValues(ad, row), want)
			return
		}
	}
}
