package parser

import (
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
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

// dispWidth is a string's width on a terminal: two columns a Chinese
// character, as text browsers and converters align tables.
func dispWidth(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func padTo(s string, w int) string {
	if n := w - dispWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s + " "
}

// plainReport renders a 2021 report as a converter's plain text: every
// table a grid of space-aligned columns and no rules. The rows listed in
// blankRows print their labels and nothing else (the cells that a page
// merged over them from the row above lost their merge in the text).
func plainReport(rows cells, blankRows ...string) string {
	var b strings.Builder
	b.WriteString("示例区市场监督管理局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n2024年，本局依法做好政府信息公开工作。\n\n二、主动公开政府信息情况\n\n")
	two := [][]string{
		{"第二十条第（一）项"}, {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
		{"规章", "0", "0", "0"}, {"规范性文件", "4", "2", "31"},
		{"第二十条第（五）项"}, {"信息内容", "本年处理决定数量"}, {"行政许可", "6"},
		{"第二十条第（六）项"}, {"信息内容", "本年处理决定数量"}, {"行政处罚", "73"}, {"行政强制", "12"},
		{"第二十条第（八）项"}, {"信息内容", "本年收费金额（单位：万元）"}, {"行政事业性收费", "0"},
	}
	for _, r := range two {
		line := "  "
		for i, c := range r {
			line += padTo(c, []int{24, 28, 28, 28}[i])
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	b.WriteString("\n三、收到和处理政府信息公开申请情况\n\n")
	b.WriteString("  " + padTo("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 100) + "申请人情况\n")
	hdr := []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}
	line := "  " + strings.Repeat(" ", 100)
	for _, h := range hdr {
		line += padTo(h, 14)
	}
	b.WriteString(strings.TrimRight(line, " ") + "\n")
	for _, r := range requestRows {
		v, ok := rows[r.key]
		if !ok {
			v = zeros()
		}
		line := "  " + padTo(r.group, 22) + padTo(r.label, 78)
		if !contains(blankRows, r.key) {
			for _, c := range v {
				line += padTo(c, 14)
			}
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	b.WriteString("\n四、政府信息公开行政复议、行政诉讼情况\n\n")
	b.WriteString("  行政复议                                          行政诉讼\n")
	b.WriteString("  结果维持  结果纠正  其他结果  尚未审结  总计      未经复议直接起诉                                  复议后起诉\n")
	b.WriteString("                                                    结果维持  结果纠正  其他结果  尚未审结  总计      结果维持  结果纠正  其他结果  尚未审结  总计\n")
	b.WriteString("  1         0         0         0         1         0         0         0         0         0         0         0         0         0         0\n")
	b.WriteString("\n五、存在的主要问题及改进情况\n\n解读形式还不够丰富。\n\n六、其他需要报告的事项\n\n本年度未收取信息处理费。\n")
	return b.String()
}

// A converter's plain text of a page whose （六）其他处理 values were merged
// over the three sub-rows (rowspan): sub-row 1 prints them, sub-rows 2
// and 3 print nothing, in a table that prints its zeros. The 2 belongs to
// the three rows together: none of them may get it, and none 0 for it.
func TestAlignedTextMergedSubRows(t *testing.T) {
	rows := baseRows()
	rows["total"] = [7]string{"19", "3", "0", "0", "1", "0", "23"}
	rows["carried_forward"] = [7]string{"3", "0", "0", "0", "0", "0", "3"}
	rows["other_no_correction"] = [7]string{"2", "0", "0", "0", "0", "0", "2"}
	r := mustParse(t, "merged-plain.txt", plainReport(rows, "other_unpaid_fee", "other_other"))
	if r.Applications == nil {
		t.Fatalf("table 三 not read: %v", r.Warnings)
	}
	for _, row := range otherRows {
		for _, c := range []string{"natural_person", "total"} {
			if v, ok := r.Applications.Get(row, c); ok {
				t.Errorf("%s.%s = %v, want null (printed once for the three sub-rows)", row, c, v)
			}
		}
		if v, ok := r.Applications.Get(row, "commercial_enterprise"); !ok || v != 0 {
			t.Errorf("%s.commercial_enterprise = %v (known %v), want the merged 0", row, v, ok)
		}
	}
	if v, ok := r.Applications.Get("granted", "natural_person"); !ok || v != 9 {
		t.Errorf("granted.natural_person = %v (known %v)", v, ok)
	}
	if !warned(r, "value_spans_rows", "applications.other_other.natural_person") {
		t.Errorf("no value_spans_rows warning: %v", r.Warnings)
	}
	// The same text with every row printed is read whole: a row of zeros
	// is no merged row.
	rows["other_no_correction"] = zeros()
	rows["total"] = [7]string{"17", "3", "0", "0", "1", "0", "21"}
	rows["carried_forward"] = [7]string{"5", "0", "0", "0", "0", "0", "5"}
	r = mustParse(t, "plain.txt", plainReport(rows))
	for _, row := range otherRows {
		if v, ok := r.Applications.Get(row, "natural_person"); !ok || v != 0 {
			t.Errorf("%s.natural_person = %v (known %v), want 0", row, v, ok)
		}
	}
	noFailedChecks(t, r)
}

// narrowBoxReport draws table 三 as a text browser does with a narrow
// window: every column 2 characters wide, so a longer number wraps onto
// the row's next line (124 is 12 over 4), and so do the header words.
func narrowBoxReport(rows cells) string {
	const w = 2
	cut := func(s string) []string { // pieces of at most w columns
		var out []string
		for s != "" {
			n, i := 0, 0
			for j, r := range s {
				rw := 1
				if r >= 0x2E80 {
					rw = 2
				}
				if n+rw > w {
					break
				}
				n, i = n+rw, j+len(string(r))
			}
			out = append(out, s[:i])
			s = s[i:]
		}
		return out
	}
	row := func(label string, vals []string) string {
		cols := [][]string{{label}}
		lines := 1
		for _, v := range vals {
			p := cut(v)
			cols = append(cols, p)
			lines = max(lines, len(p))
		}
		var b strings.Builder
		for i := 0; i < lines; i++ {
			for j, c := range cols {
				s := ""
				if i < len(c) {
					s = c[i]
				}
				width := w
				if j == 0 {
					width = 80
				}
				b.WriteString("│" + padTo(s, width)[:len(padTo(s, width))-boolInt(dispWidth(s) >= width)])
			}
			b.WriteString("│\n")
		}
		return b.String()
	}
	rule := "├" + strings.Repeat("─", 80) + strings.Repeat("┼"+strings.Repeat("─", w), 7) + "┤\n"
	var b strings.Builder
	b.WriteString("示例镇人民政府2021年政府信息公开工作年度报告\n\n一、总体情况\n\n2021年，示例镇人民政府做好公开工作。\n\n三、收到和处理政府信息公开申请情况\n\n")
	b.WriteString("┌" + strings.Repeat("─", 80) + strings.Repeat("┬"+strings.Repeat("─", w), 7) + "┐\n")
	b.WriteString(row("", []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}))
	for _, r := range requestRows {
		v, ok := rows[r.key]
		if !ok {
			v = zeros()
		}
		b.WriteString(rule + row(r.label, v[:]))
	}
	b.WriteString("└" + strings.Repeat("─", 80) + strings.Repeat("┴"+strings.Repeat("─", w), 7) + "┘\n")
	return b.String()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A box-drawn table whose numbers wrap inside their boxes: the lines of
// one box row are one row, 12 over 4 is 124.
func TestBoxRowWrappedNumbers(t *testing.T) {
	rows := cells{
		"new_requests":         {"120", "3", "0", "0", "1", "0", "124"},
		"carried_over":         {"2", "0", "0", "0", "0", "0", "2"},
		"granted":              {"109", "2", "0", "0", "1", "0", "112"},
		"unavailable_not_held": {"8", "1", "0", "0", "0", "0", "9"},
		"total":                {"117", "3", "0", "0", "1", "0", "121"},
		"carried_forward":      {"5", "0", "0", "0", "0", "0", "5"},
	}
	r := mustParse(t, "w3m-narrow.txt", narrowBoxReport(rows))
	if r.Applications == nil {
		t.Fatalf("table 三 not read: %v", r.Warnings)
	}
	for _, c := range []struct {
		row, col string
		want     float64
	}{{"new_requests", "natural_person", 120}, {"new_requests", "total", 124}, {"granted", "total", 112}, {"granted", "natural_person", 109}, {"total", "total", 121}} {
		if v, ok := r.Applications.Get(c.row, c.col); !ok || v != c.want {
			t.Errorf("%s.%s = %v (known %v), want %v", c.row, c.col, v, ok, c.want)
		}
	}
	noFailedChecks(t, r)
}

// A one-line dump with no header fields: the title runs straight into the
// body (and the body names the portal's address). The title is the text
// up to 年度报告, so the report is read, not rejected.
func TestOneLineRunInTitle(t *testing.T) {
	two := "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000规范性文件101" +
		"第二十条第（五）项信息内容本年处理决定数量行政许可57第二十条第（六）项信息内容本年处理决定数量行政处罚9行政强制0" +
		"第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0"
	src := oneLineDump("示例县教育局2023年度政府信息公开工作年度报告", two, oneLine2021, "100010000000000", "示例县教育局")
	_, body, _ := strings.Cut(src, "\n\n")
	src = "示例县教育局2023年度政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》编制，电子版见本局网站（www.example.gov.cn）。" + body
	r := mustParse(t, "bare-dump.txt", src)
	if r.Title == nil || *r.Title != "示例县教育局2023年度政府信息公开工作年度报告" {
		t.Errorf("title %v", r.Title)
	}
	if r.Agency == nil || *r.Agency != "示例县教育局" || r.Year == nil || *r.Year != 2023 {
		t.Errorf("agency %v, year %v", r.Agency, r.Year)
	}
	checkRows(t, r, oneLine2021, "total")
}

// A one-line dump of a page that prints zeros as empty cells in every
// table: table 三's rows keep only their non-zero cells ("18 18"), and the
// rows of zeros keep nothing. The column relations settle the 总计 column
// and the rows with no digits; which applicant column holds a number they
// cannot tell (the whole table could sit one column further right), so
// those cells are null. No cell may be read with another value.
func TestOneLineBlankCellsTableThree(t *testing.T) {
	two := "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 规范性文件 4 27 " +
		"第二十条第（五）项 信息内容 本年处理决定数量 行政许可 57 第二十条第（六）项 信息内容 本年处理决定数量 行政处罚 9 行政强制 " +
		"第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 "
	vals := map[string][7]float64{
		"new_requests":         {64, 3, 0, 0, 0, 0, 67},
		"carried_over":         {18, 0, 0, 0, 0, 0, 18},
		"granted":              {40, 2, 0, 0, 0, 0, 42},
		"unavailable_not_held": {25, 1, 0, 0, 0, 0, 26},
		"total":                {65, 3, 0, 0, 0, 0, 68},
		"carried_forward":      {17, 0, 0, 0, 0, 0, 17},
	}
	var rows []oneLineRow
	for _, r := range oneLine2021 {
		v := vals[r.key]
		var run []string
		for _, x := range v {
			if x != 0 {
				run = append(run, strconv.Itoa(int(x)))
			}
		}
		label := strings.Replace(r.label, "执法案件", "执法案卷", 1) // a misprint with no digits after it cannot be placed
		rows = append(rows, oneLineRow{key: r.key, label: label, run: strings.Join(run, ""), vals: v})
	}
	src := oneLineDump("示例县人民政府办公室2023年政府信息公开工作年度报告", two, rows, "", "示例县人民政府办公室")
	r := mustParse(t, "blank-cells-three.txt", src)
	if r.Applications == nil {
		t.Fatalf("table 三 not read; warnings %v", r.Warnings)
	}
	known := 0
	for _, row := range rows {
		for i, c := range model.ApplicationColumns {
			got, ok := r.Applications.Get(row.key, c.Key)
			if !ok {
				continue
			}
			known++
			if got != row.vals[i] {
				t.Errorf("%s.%s = %v, the page holds %v", row.key, c.Key, got, row.vals[i])
			}
		}
	}
	for _, k := range []string{"new_requests", "carried_over", "granted", "unavailable_not_held", "total", "carried_forward"} {
		if v, ok := r.Applications.Get(k, "total"); !ok || v != vals[k][6] {
			t.Errorf("%s.total = %v (known %v), want %v", k, v, ok, vals[k][6])
		}
	}
	if v, ok := r.Applications.Get("other_other", "natural_person"); !ok || v != 0 {
		t.Errorf("other_other.natural_person = %v (known %v): a row of empty cells the sums leave 0 for is 0", v, ok)
	}
	if _, ok := r.Applications.Get("granted", "natural_person"); ok {
		t.Errorf("granted.natural_person read, but 40 could stand in any of three columns")
	}
	// 19 rows of empty cells, and the 总计 of the other six.
	if known < 19*7+6 {
		t.Errorf("only %d cells read", known)
	}
}

// A converter's plain text that wrote [TABLE] where a table with merged
// cells was (pandoc -t plain): table 二 is read from its grid, tables 三
// and 四 are null, and the warning says their numbers are not in the text.
func TestPlainTablePlaceholder(t *testing.T) {
	src := plainReport(nil)
	i := strings.Index(src, "三、收到和处理政府信息公开申请情况")
	if i < 0 {
		t.Fatal("premise: no heading 三")
	}
	src = src[:i] + "三、收到和处理政府信息公开申请情况\n\n[TABLE]\n\n四、政府信息公开行政复议、行政诉讼情况\n\n[TABLE]\n\n五、存在的主要问题及改进情况\n\n一是公开不够及时。\n\n六、其他需要报告的事项\n\n无。\n"
	r := mustParse(t, "placeholder.txt", src)
	if v, ok := r.ActiveDisclosure.Get("normative_documents", "in_force"); !ok || v != 31 {
		t.Errorf("table 二 not read: %v %v", v, ok)
	}
	for _, f := range []string{"applications", "review_litigation"} {
		said := false
		for _, w := range r.Warnings {
			said = said || w.Code == "table_missing" && w.Field == f && strings.Contains(w.Message, "[TABLE]")
		}
		if !said {
			t.Errorf("no warning that %s was left out as [TABLE]: %v", f, r.Warnings)
		}
	}
}

// A one-line dump of a table that prints its zeros. 予以公开 prints
// 330000033, which fits its row total as 33|0|… and as 3|30|…; the
// results relation cannot choose, because (六)'s rows 2 and 3 print
// nothing: row 1's values (220000022, itself 22|0|… or 2|20|…) were
// printed once in cells merged over the three. The 总计 of 予以公开 holds
// in both readings and is read; row 1 of (六), which a merged cell may
// cover, is not read in part, and nothing is inferred for the rows it
// covers.
func TestOneLinePartialRowAndMergedSubRows(t *testing.T) {
	runs := map[string]string{
		"new_requests": "581000059", "carried_over": "1000001", "granted": "330000033", "partially_granted": "0000000",
		"withheld_third_party_rights": "1000001", "withheld_enforcement_case_file": "1000001", "unavailable_not_held": "2100003",
		"other_no_correction": "220000022", "other_unpaid_fee": "", "other_other": "", "total": "591000060",
	}
	var rows []oneLineRow
	for _, r := range oneLine2021 {
		run, ok := runs[r.key]
		if !ok {
			run = "0000000"
		}
		rows = append(rows, oneLineRow{key: r.key, label: strings.Replace(r.label, "执法案件", "执法案卷", 1), run: run})
	}
	src := oneLineDump("示例县人民政府办公室2023年政府信息公开工作年度报告", "", rows, "000000000000000", "示例县人民政府办公室")
	r := mustParse(t, "partial-row.txt", src)
	if r.Applications == nil {
		t.Fatalf("table 三 not read; warnings %v", r.Warnings)
	}
	if v, ok := r.Applications.Get("granted", "total"); !ok || v != 33 {
		t.Errorf("granted.total = %v (known %v), want 33: every split that fits the row's total has it", v, ok)
	}
	if v, ok := r.Applications.Get("granted", "natural_person"); ok {
		t.Errorf("granted.natural_person = %v: 3 and 33 both fit", v)
	}
	for _, k := range []string{"other_no_correction", "other_unpaid_fee", "other_other"} {
		for _, c := range []string{"natural_person", "total"} {
			if v, ok := r.Applications.Get(k, c); ok {
				t.Errorf("%s.%s = %v: a value merged over the three rows belongs to them together", k, c, v)
			}
		}
	}
}
