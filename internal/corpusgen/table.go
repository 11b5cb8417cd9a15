package corpusgen

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/model"
)

// Style collects the cell and label variants of real reports. The zero
// value prints the template as it is: every zero as 0, labels exact.
type Style struct {
	// Zeros are the spellings of a zero cell, used in turn: "" (blank),
	// "-", "—", "/", "无" or "0". Nil prints 0.
	Zeros []string
	// FullWidth prints digits as full-width forms (０１２).
	FullWidth bool
	// Thousands groups the digits of numbers of 10000 and more (447,228).
	Thousands bool
	// Plus prints a positive 本年增/减 with its sign (+4).
	Plus bool
	// BlankSubTotals leaves the 总计 column of table 三 empty on the result
	// rows, filling it only on 一, 二, （七） and 四. The expected values of
	// those cells become 0: a blank cell reads as 0.
	BlankSubTotals bool
	// Typos uses the label variants of TEMPLATE.md: 只计这一情况,
	// 属于三类内容事务信息, ASCII quotes around 三安全一稳定,
	// 结转下一年度继续办理, 七、总计.
	Typos bool
	// Enum is the separator after an item number ("1." or "1、"); "" is ".".
	Enum string
	// HalfParens prints (一) instead of （一）.
	HalfParens bool
	// Spaces puts stray spaces inside some labels (只计这一情 形, 总 计).
	Spaces bool
	// SplitHeaders breaks narrow header cells into lines (商业 / 企业).
	SplitHeaders bool
	// WrapLabels breaks long row labels into two lines.
	WrapLabels bool
	// SplitResults prints 三、本年度办理结果 twice, as a Word table split
	// across pages and joined again.
	SplitResults bool
	// CaptionSpace prints 第二十条 第（一）项 with a space.
	CaptionSpace bool
	// Unit overrides the report's procurement unit ("元" or "万元").
	Unit string
	// Wide2019 lays a 2019 table 二 out five columns wide, with the spans of
	// the （五）/（六） header and data rows not lining up (本年增/减 spans two
	// columns in the header, 上一年项目数量 in the data rows).
	Wide2019 bool
	// SplitLabelCells breaks merged label cells of table 三 into separate
	// cells, as a table whose merges were lost: 一、本年新收… followed by
	// empty cells, （二）部分公开 and （区分处理的…） in two cells.
	SplitLabelCells bool
	// MergedOther prints the three （六）其他处理 sub-rows of a 2021 table 三
	// with shared value cells: one cell per column, rowspan 3, holding the
	// sum. A merged 0 is 0 in each sub-row (counts are not negative); a
	// merged non-zero value cannot be split, so those sub-rows are null.
	MergedOther bool
	// Misspell uses label misspellings seen on department pages:
	// 行政执法案件, 不再受理, 其他法律和行政法规禁止公开, 先行有效件数,
	// 规范性文件 without 行政, 钩稽, and 行政法复议 in heading 四.
	Misspell bool
}

type cellKind int

const (
	kindCaption cellKind = iota // 第二十条第（X）项
	kindHeader                  // column headers, the corner note
	kindLabel                   // row labels and group labels
	kindValue                   // a number
)

// Cell is one cell of a table as the document prints it.
type Cell struct {
	Lines   []string // the text; several lines when a label is broken
	RowSpan int
	ColSpan int
	Kind    cellKind
	// Number is the canonical value of a value cell (for tests).
	Number string
	// Field and Path name a value cell: the column key ("change") and the
	// cell of the expected file ("active_disclosure.licensing.change").
	Field, Path string
}

// Text is the cell's text with its lines joined.
func (c *Cell) Text() string { return strings.Join(c.Lines, "") }

// Table is one printed table: rows of cells, spans as in HTML.
type Table struct {
	Name string // "二", "三", "四"
	Cols int
	Rows [][]*Cell
}

// slot is one position of the expanded grid.
type slot struct {
	cell   *Cell
	origin bool // the cell's top-left position
}

// Grid expands the spans into a rectangular grid.
func (t *Table) Grid() [][]slot {
	grid := make([][]slot, len(t.Rows))
	for i := range grid {
		grid[i] = make([]slot, t.Cols)
	}
	for r, row := range t.Rows {
		c := 0
		for _, cell := range row {
			for c < t.Cols && grid[r][c].cell != nil {
				c++
			}
			if c >= t.Cols {
				panic(fmt.Sprintf("table %s row %d: too many cells", t.Name, r))
			}
			for dr := 0; dr < cell.RowSpan; dr++ {
				for dc := 0; dc < cell.ColSpan; dc++ {
					if r+dr >= len(grid) || c+dc >= t.Cols || grid[r+dr][c+dc].cell != nil {
						panic(fmt.Sprintf("table %s row %d col %d: span overlaps", t.Name, r, c))
					}
					grid[r+dr][c+dc] = slot{cell: cell, origin: dr == 0 && dc == 0}
				}
			}
			c += cell.ColSpan
		}
	}
	for r := range grid {
		for c := range grid[r] {
			if grid[r][c].cell == nil {
				panic(fmt.Sprintf("table %s row %d col %d: hole", t.Name, r, c))
			}
		}
	}
	return grid
}

// builder makes the cells of one document, keeping the state of the style
// (the turn of the zero spellings).
type builder struct {
	st    Style
	zeroN int
}

func (b *builder) cell(kind cellKind, rs, cs int, lines ...string) *Cell {
	return &Cell{Lines: lines, RowSpan: rs, ColSpan: cs, Kind: kind}
}

// zero returns the next spelling of a zero.
func (b *builder) zero() string {
	if len(b.st.Zeros) == 0 {
		return "0"
	}
	z := b.st.Zeros[b.zeroN%len(b.st.Zeros)]
	b.zeroN++
	return z
}

// digits applies full-width forms.
func (b *builder) digits(s string) string {
	if !b.st.FullWidth {
		return s
	}
	var sb strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			sb.WriteRune(r - '0' + '０')
		} else {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// group inserts thousands separators into the integer part of s.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
	}
	frac := ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s, frac = s[:i], s[i:]
	}
	if len(s) <= 4 {
		return sign + s + frac
	}
	var out []string
	for len(s) > 3 {
		out = append([]string{s[len(s)-3:]}, out...)
		s = s[:len(s)-3]
	}
	out = append([]string{s}, out...)
	return sign + strings.Join(out, ",") + frac
}

// shift divides the decimal text s by 10^n without floating point.
func shift(s string, n int) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	ip, fp, _ := strings.Cut(s, ".")
	for len(ip) <= n {
		ip = "0" + ip
	}
	fp = ip[len(ip)-n:] + fp
	ip = ip[:len(ip)-n]
	fp = strings.TrimRight(fp, "0")
	out := ip
	if fp != "" {
		out += "." + fp
	}
	if neg {
		out = "-" + out
	}
	return out
}

func isZero(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && f == 0
}

// value makes a value cell. field is the field key of table 二 ("change",
// "amount_yuan") or "" for a count; unit is the procurement unit.
func (b *builder) value(v, field, unit string, cs int) *Cell {
	var text string
	switch {
	case isZero(v):
		text = b.digits(b.zero())
	default:
		t := v
		if field == "amount_yuan" && unit == "万元" {
			t = shift(v, 4)
		}
		if b.st.Thousands {
			t = group(t)
		}
		if field == "change" && b.st.Plus && !strings.HasPrefix(t, "-") {
			t = "+" + t
		}
		if field == "amount_yuan" {
			t += unit
		}
		text = b.digits(t)
	}
	c := b.cell(kindValue, 1, cs, text)
	c.Number, c.Field = v, field
	return c
}

// blank makes a value cell printed empty whose value is 0.
func (b *builder) blank() *Cell {
	c := b.cell(kindValue, 1, 1, "")
	c.Number = "0"
	return c
}

var typoReplacer = strings.NewReplacer(
	"只计这一情形", "只计这一情况",
	"属于三类内部事务信息", "属于三类内容事务信息",
	"“三安全一稳定”", "\"三安全一稳定\"",
	"结转下年度继续办理", "结转下一年度继续办理",
	"（七）总计", "七、总计",
)

var misspellReplacer = strings.NewReplacer(
	"行政执法案卷", "行政执法案件",
	"行政机关不再处理", "行政机关不再受理",
	"其他法律行政法规禁止公开", "其他法律和行政法规禁止公开",
	"现行有效件数", "先行有效件数",
	"行政规范性文件", "规范性文件",
	"勾稽", "钩稽",
)

// misspellHeading is heading 四 as misspelt with Style.Misspell.
var misspellHeading = strings.NewReplacer("行政复议、", "行政法复议、")

var halfParens = strings.NewReplacer("（", "(", "）", ")")

// spaced are labels that get a stray space with Style.Spaces.
var spaced = map[string]string{
	"（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "（二）部分公开（区分处理的，只计这一情 形，不计其他情形）",
	"4.无正当理由大量反复申请":                "4.无正当理由大量反复 申请",
	"5.要求行政机关确认或重新出具已获取信息":         "5.要求行政机关确认或重 新出具已获取信息",
	"总计": "总 计",
}

// label applies the label variants of the style to a template label.
func (b *builder) label(s string) string {
	if b.st.Spaces {
		if v, ok := spaced[s]; ok {
			s = v
		}
	}
	if b.st.Typos {
		s = typoReplacer.Replace(s)
	}
	if b.st.Misspell {
		s = misspellReplacer.Replace(s)
	}
	if b.st.Enum != "" && b.st.Enum != "." && len(s) > 1 && s[0] >= '1' && s[0] <= '9' && s[1] == '.' {
		s = s[:1] + b.st.Enum + s[2:]
	}
	if b.st.HalfParens {
		s = halfParens.Replace(s)
	}
	return s
}

// wrap breaks a long label into two lines at a natural place.
func (b *builder) wrap(s string) []string {
	if !b.st.WrapLabels || utf8.RuneCountInString(s) <= 16 {
		return []string{s}
	}
	for _, sep := range []string{"行政机关不再", "（区分", "(区分", "重新出具"} {
		if i := strings.Index(s, sep); i > 0 {
			return []string{s[:i], s[i:]}
		}
	}
	r := []rune(s)
	return []string{string(r[:len(r)/2]), string(r[len(r)/2:])}
}

// splitHeaders are the narrow header cells broken into lines.
var splitHeaders = map[string][]string{
	"商业企业":      {"商业", "企业"},
	"科研机构":      {"科研", "机构"},
	"社会公益组织":    {"社会", "公益", "组织"},
	"法律服务机构":    {"法律", "服务", "机构"},
	"结果维持":      {"结果", "维持"},
	"结果纠正":      {"结果", "纠正"},
	"其他结果":      {"其他", "结果"},
	"尚未审结":      {"尚未", "审结"},
	"本年新制作数量":   {"本年新", "制作数量"},
	"本年新公开数量":   {"本年新", "公开数量"},
	"三、本年度办理结果": {"三、本年度", "办理结果"},
	"未经复议直接起诉":  {"未经复议", "直接起诉"},
}

func (b *builder) header(s string) []string {
	if b.st.Misspell {
		s = misspellReplacer.Replace(s)
	}
	if b.st.SplitHeaders {
		if v, ok := splitHeaders[s]; ok {
			return v
		}
	}
	if b.st.Spaces {
		if v, ok := spaced[s]; ok && s == "总计" {
			return []string{v}
		}
	}
	return []string{s}
}

var cn = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// blockOf is the 第二十条 item of each row of table 二.
var blockOf = map[string]int{
	"rules": 1, "normative_documents": 1,
	"licensing": 5, "other_services": 5,
	"punishment": 6, "coercion": 6,
	"fees": 8, "procurement": 9,
}

func (b *builder) caption(item int) string {
	s := "第二十条第（" + cn[item] + "）项"
	if b.st.CaptionSpace {
		s = "第二十条 第（" + cn[item] + "）项"
	}
	return s
}

// spans2 returns the column spans of the header and of the data rows of a
// table 二 block with n value columns in a table cols wide (the label
// column excluded). In the five-column 2019 layout the spans of the
// header and of the data rows of （五）/（六） differ, as in real reports.
func spans2(n, cols int, item int) (hdr, data []int) {
	if cols == 4 {
		s := make([]int, n)
		for k := range s {
			s[k] = 1
		}
		s[n-1] = 4 - n
		return s, s
	}
	switch {
	case n == 2:
		return []int{2, 2}, []int{2, 2}
	case item == 5 || item == 6:
		return []int{1, 2, 1}, []int{2, 1, 1}
	default:
		return []int{1, 2, 1}, []int{1, 2, 1}
	}
}

// table2 builds table 二, four columns wide (five with Style.Wide2019 on
// a 2019 table).
func (b *builder) table2(r *Report) *Table {
	cols := 4
	if b.st.Wide2019 && r.Table2 == model.Gen2019 {
		cols = 5
	}
	t := &Table{Name: "二", Cols: cols}
	unit := r.ProcurementUnit
	if b.st.Unit != "" {
		unit = b.st.Unit
	}
	rows := model.DisclosureRows(r.Table2)
	// A row the set lacks (规章 on a department's page) is not printed.
	var present []model.DisclosureRow
	for _, d := range model.DisclosureRows(r.Table2) {
		if _, ok := r.Disclosure[d.Key]; ok {
			present = append(present, d)
		}
	}
	rows = present
	for i := 0; i < len(rows); {
		item := blockOf[rows[i].Key]
		j := i
		for j < len(rows) && blockOf[rows[j].Key] == item {
			j++
		}
		t.Rows = append(t.Rows, []*Cell{b.cell(kindCaption, 1, cols, b.caption(item))})
		fields := rows[i].Fields
		hs, ds := spans2(len(fields), cols, item)
		hdr := []*Cell{b.cell(kindHeader, 1, 1, "信息内容")}
		for k, f := range fields {
			hdr = append(hdr, b.cell(kindHeader, 1, hs[k], b.header(f.Label)...))
		}
		t.Rows = append(t.Rows, hdr)
		for _, d := range rows[i:j] {
			row := []*Cell{b.cell(kindLabel, 1, 1, b.label(d.Label))}
			for k, f := range d.Fields {
				c := b.value(r.Disclosure[d.Key][k], f.Key, unit, ds[k])
				c.Path = "active_disclosure." + d.Key + "." + f.Key
				row = append(row, c)
			}
			t.Rows = append(t.Rows, row)
		}
		i = j
	}
	return t
}

const corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

// isResult reports whether a table 三 row is one of the result rows
// (those whose sum is （七）总计).
func isResult(key string) bool {
	switch key {
	case "new_requests", "carried_over", "total", "carried_forward":
		return false
	}
	return true
}

// table3 builds table 三, ten columns wide: three label columns and seven
// numbers.
func (b *builder) table3(r *Report) *Table {
	t := &Table{Name: "三", Cols: 10}
	cornerLines := []string{corner}
	if b.st.WrapLabels {
		cornerLines = []string{"（本列数据的勾稽关系为：", "第一项加第二项之和，", "等于第三项加第四项之和）"}
	}
	if b.st.Misspell {
		for i, l := range cornerLines {
			cornerLines[i] = misspellReplacer.Replace(l)
		}
	}
	t.Rows = append(t.Rows,
		[]*Cell{b.cell(kindHeader, 3, 3, cornerLines...), b.cell(kindHeader, 1, 7, "申请人情况")},
		[]*Cell{b.cell(kindHeader, 2, 1, "自然人"), b.cell(kindHeader, 1, 5, "法人或其他组织"), b.cell(kindHeader, 2, 1, b.header("总计")...)},
	)
	var sub []*Cell
	for _, c := range model.ApplicantColumns[1:] {
		sub = append(sub, b.cell(kindHeader, 1, 1, b.header(c.Label)...))
	}
	t.Rows = append(t.Rows, sub)

	rows := model.ApplicationRowsFor(r.Table3)
	nResults := 0
	for _, row := range rows {
		if isResult(row.Key) || row.Key == "total" {
			nResults++
		}
	}
	// With SplitResults the label cell is cut before （四）.
	firstSpan := nResults
	if b.st.SplitResults {
		firstSpan = 0
		for _, row := range rows {
			if row.Group == "（四）无法提供" {
				break
			}
			if isResult(row.Key) {
				firstSpan++
			}
		}
	}
	groupSize := map[string]int{}
	for _, row := range rows {
		if row.Group != "" {
			groupSize[row.Group]++
		}
	}
	seenGroup := map[string]bool{}
	resultIdx := 0
	for _, row := range rows {
		var cells []*Cell
		vals := r.Apps[row.Key]
		switch {
		case !isResult(row.Key) && row.Key != "total":
			if b.st.SplitLabelCells {
				cells = append(cells, b.cell(kindLabel, 1, 1, b.label(row.Label)), b.cell(kindLabel, 1, 1), b.cell(kindLabel, 1, 1))
				break
			}
			cells = append(cells, b.cell(kindLabel, 1, 3, b.wrap(b.label(row.Label))...))
		default:
			if resultIdx == 0 {
				cells = append(cells, b.cell(kindLabel, firstSpan, 1, b.header("三、本年度办理结果")...))
			} else if b.st.SplitResults && resultIdx == firstSpan {
				cells = append(cells, b.cell(kindLabel, nResults-firstSpan, 1, b.header("三、本年度办理结果")...))
			}
			resultIdx++
			if row.Group != "" {
				if !seenGroup[row.Group] {
					seenGroup[row.Group] = true
					cells = append(cells, b.cell(kindLabel, groupSize[row.Group], 1, b.label(row.Group)))
				}
				cells = append(cells, b.cell(kindLabel, 1, 1, b.wrap(b.label(row.Label))...))
			} else if b.st.SplitLabelCells {
				l := b.label(row.Label)
				head, tail := l, ""
				for _, sep := range []string{"（区分", "(区分"} {
					if i := strings.Index(l, sep); i > 0 {
						head, tail = l[:i], l[i:]
					}
				}
				cells = append(cells, b.cell(kindLabel, 1, 1, head), b.cell(kindLabel, 1, 1, tail))
			} else {
				cells = append(cells, b.cell(kindLabel, 1, 2, b.wrap(b.label(row.Label))...))
			}
		}
		if b.st.MergedOther && row.Group == "（六）其他处理" {
			// One value cell per column over the three sub-rows.
			if row.Key == "other_no_correction" {
				sum := mergedOther(r.Apps)
				for i := range model.ApplicationColumns {
					c := b.value(strconv.Itoa(sum[i]), "", "", 1)
					c.RowSpan = 3
					c.Path = "applications.other_no_correction+other_unpaid_fee+other_other." + model.ApplicationColumns[i].Key
					cells = append(cells, c)
				}
			}
			t.Rows = append(t.Rows, cells)
			continue
		}
		for i := range model.ApplicationColumns {
			if i == 6 && b.st.BlankSubTotals && isResult(row.Key) {
				cells = append(cells, b.blank())
				continue
			}
			c := b.value(strconv.Itoa(vals[i]), "", "", 1)
			c.Path = "applications." + row.Key + "." + model.ApplicationColumns[i].Key
			cells = append(cells, c)
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// otherRows are the three （六）其他处理 sub-rows of a 2021 table 三.
var otherRows = []string{"other_no_correction", "other_unpaid_fee", "other_other"}

// mergedOther is what a merged （六） cell prints: the sum of the three
// sub-rows, per column.
func mergedOther(apps map[string][7]int) [7]int {
	var sum [7]int
	for _, k := range otherRows {
		for i, v := range apps[k] {
			sum[i] += v
		}
	}
	return sum
}

// table4 builds table 四: three header rows and one row of 15 numbers.
func (b *builder) table4(r *Report) *Table {
	t := &Table{Name: "四", Cols: 15}
	t.Rows = append(t.Rows, []*Cell{b.cell(kindHeader, 1, 5, "行政复议"), b.cell(kindHeader, 1, 10, "行政诉讼")})
	var h1, h2 []*Cell
	for _, o := range model.ReviewOutcomes {
		h1 = append(h1, b.cell(kindHeader, 2, 1, b.header(o.Label)...))
	}
	h1 = append(h1, b.cell(kindHeader, 1, 5, b.header("未经复议直接起诉")...), b.cell(kindHeader, 1, 5, "复议后起诉"))
	for g := 0; g < 2; g++ {
		for _, o := range model.ReviewOutcomes {
			h2 = append(h2, b.cell(kindHeader, 1, 1, b.header(o.Label)...))
		}
	}
	t.Rows = append(t.Rows, h1, h2)
	var vals []*Cell
	for g := 0; g < 3; g++ {
		for i := 0; i < 5; i++ {
			c := b.value(strconv.Itoa(r.Review[g][i]), "", "", 1)
			c.Path = "review_litigation." + model.ReviewGroups[g].Key + "." + model.ReviewOutcomes[i].Key
			vals = append(vals, c)
		}
	}
	t.Rows = append(t.Rows, vals)
	return t
}

// tables builds the three tables of r in style st.
func tables(r *Report, st Style) (t2, t3, t4 *Table) {
	b := &builder{st: st}
	return b.table2(r), b.table3(r), b.table4(r)
}

// applyStyle returns the values a document in style st really holds: a
// blank 总计 cell reads as 0.
func applyStyle(r *Report, st Style) *Report {
	if st.MergedOther && r.Table3 == model.Gen2021 {
		c := r.clone()
		sum := mergedOther(c.Apps)
		nonzero := false
		for i, col := range model.ApplicationColumns {
			if sum[i] == 0 {
				continue
			}
			nonzero = true
			for _, k := range otherRows {
				c.Null["applications."+k+"."+col.Key] = true
			}
		}
		note := "（六）其他处理: the three sub-rows share one value cell per column (rowspan 3). A merged 0 is 0 in each sub-row (counts are not negative)."
		if nonzero {
			note += " A merged non-zero value cannot be split among the sub-rows: those cells are null, and the checks that need them cannot be evaluated."
		}
		c.Notes = append(c.Notes, note)
		r = c
	}
	if !st.BlankSubTotals {
		return r
	}
	c := r.clone()
	for k, v := range c.Apps {
		if isResult(k) {
			v[6] = 0
			c.Apps[k] = v
		}
	}
	c.Notes = append(c.Notes, "总计 column printed blank on the result rows (only 一, 二, （七）总计 and 四 carry it): those cells read as 0, so row_total fails on every result row with applicants and results fails in column total.")
	return c
}
