package parser

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/docerr"
)

// requestRows are the 2021 table 三 rows as a portal prints them: group
// labels spanning rows, sub-labels in the second column.
var requestRows = []struct{ group, label, key string }{
	{"", "一、本年新收政府信息公开申请数量", "new_requests"},
	{"", "二、上年结转政府信息公开申请数量", "carried_over"},
	{"三、本年度办理结果", "（一）予以公开", "granted"},
	{"", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially_granted"},
	{"（三）不予公开", "1.属于国家秘密", "withheld_state_secret"},
	{"", "2.其他法律行政法规禁止公开", "withheld_prohibited_by_law"},
	{"", "3.危及“三安全一稳定”", "withheld_security_stability"},
	{"", "4.保护第三方合法权益", "withheld_third_party_rights"},
	{"", "5.属于三类内部事务信息", "withheld_internal_affairs"},
	{"", "6.属于四类过程性信息", "withheld_process_information"},
	{"", "7.属于行政执法案卷", "withheld_enforcement_case_file"},
	{"", "8.属于行政查询事项", "withheld_administrative_query"},
	{"（四）无法提供", "1.本机关不掌握相关政府信息", "unavailable_not_held"},
	{"", "2.没有现成信息需要另行制作", "unavailable_needs_creation"},
	{"", "3.补正后申请内容仍不明确", "unavailable_still_unclear"},
	{"（五）不予处理", "1.信访举报投诉类申请", "not_processed_complaint"},
	{"", "2.重复申请", "not_processed_repeated"},
	{"", "3.要求提供公开出版物", "not_processed_publication"},
	{"", "4.无正当理由大量反复申请", "not_processed_excessive"},
	{"", "5.要求行政机关确认或重新出具已获取信息", "not_processed_confirmation"},
	{"（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction"},
	{"", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_unpaid_fee"},
	{"", "3.其他", "other_other"},
	{"", "（七）总计", "total"},
	{"", "四、结转下年度继续办理", "carried_forward"},
}

// cells gives each row's seven printed cells; rows not listed print 0s.
type cells map[string][7]string

func zeros() [7]string { return [7]string{"0", "0", "0", "0", "0", "0", "0"} }

// portalPage renders a small but complete 2021 report as a portal would.
func portalPage(rows cells) string {
	var b strings.Builder
	b.WriteString(`<html><head><meta charset="utf-8"><title>示例区人民政府2022年政府信息公开工作年度报告_年报_示例区</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a>政府信息公开年报</a></div>
<div class="article"><h1>示例区人民政府2022年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>2022年，示例区人民政府持续推进政务公开。</p>
<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>3</td><td>1</td><td>42</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">1,204</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">88</td></tr>
<tr><td>行政强制</td><td colspan="3">5</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">12.5</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益<br>组织</td><td>法律服务<br>机构</td><td>其他</td></tr>
`)
	groupSpan := map[string]int{"三、本年度办理结果": 22, "（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}
	inGroup := 0
	for i, r := range requestRows {
		v, ok := rows[r.key]
		if !ok {
			v = zeros()
		}
		b.WriteString("<tr>")
		switch {
		case r.key == "new_requests" || r.key == "carried_over" || r.key == "carried_forward":
			b.WriteString(`<td colspan="3">` + r.label + `</td>`)
		case r.key == "granted":
			b.WriteString(`<td rowspan="22">三、本年度办理结果</td><td colspan="2">` + r.label + `</td>`)
		case r.group != "":
			b.WriteString(fmt.Sprintf(`<td rowspan="%d">%s</td><td>%s</td>`, groupSpan[r.group], r.group, r.label))
			inGroup = groupSpan[r.group] - 1
		case inGroup > 0:
			b.WriteString(`<td>` + r.label + `</td>`)
			inGroup--
		default:
			b.WriteString(`<td colspan="2">` + r.label + `</td>`)
		}
		_ = i
		for _, c := range v {
			b.WriteString("<td>" + c + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString(`</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>3</td><td>1</td><td></td><td>1</td><td>5</td><td>2</td><td>0</td><td>0</td><td>0</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>
<p>五、存在的主要问题及改进情况</p><p>信息更新还不够及时。</p>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></div>
<div class="footer">主办单位：示例区人民政府办公室</div></body></html>`)
	return b.String()
}

func baseRows() cells {
	return cells{
		"new_requests":         {"20", "3", "0", "0", "1", "0", "24"},
		"carried_over":         {"2", "0", "0", "0", "0", "0", "2"},
		"granted":              {"9", "2", "0", "0", "1", "0", "12"},
		"unavailable_not_held": {"8", "1", "0", "0", "0", "0", "9"},
		"total":                {"17", "3", "0", "0", "1", "0", "21"},
		"carried_forward":      {"5", "0", "0", "0", "0", "0", "5"},
	}
}

func mustParse(t *testing.T, name, src string) *model.Report {
	t.Helper()
	r, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

func get(t *testing.T, tab *model.Table, row, col string) float64 {
	t.Helper()
	v, ok := tab.Get(row, col)
	if !ok {
		t.Fatalf("%s.%s is null", row, col)
	}
	return v
}

func failedChecks(r *model.Report) map[string]bool {
	out := map[string]bool{}
	for _, c := range r.Checks {
		if !c.OK {
			out[c.Rule+"/"+c.Scope] = true
		}
	}
	return out
}

func TestPortalPageReadsEveryTable(t *testing.T) {
	r := mustParse(t, "portal.html", portalPage(baseRows()))
	if r.Template != model.Gen2021 || r.Templates.ActiveDisclosure != model.Gen2021 {
		t.Errorf("template %q / %q, want 2021", r.Template, r.Templates.ActiveDisclosure)
	}
	if r.Agency == nil || *r.Agency != "示例区人民政府" || r.Year == nil || *r.Year != 2022 {
		t.Errorf("agency %v year %v", r.Agency, r.Year)
	}
	a := r.Applications
	for _, want := range []struct {
		row, col string
		v        float64
	}{
		{"new_requests", "natural_person", 20}, {"new_requests", "commercial_enterprise", 3}, {"new_requests", "legal_service_org", 1},
		{"new_requests", "total", 24}, {"granted", "total", 12}, {"unavailable_not_held", "natural_person", 8},
		{"other_other", "total", 0}, {"carried_forward", "natural_person", 5},
	} {
		if got := get(t, a, want.row, want.col); got != want.v {
			t.Errorf("%s.%s = %v, want %v", want.row, want.col, got, want.v)
		}
	}
	d := r.ActiveDisclosure
	if get(t, d, "licensing", "decisions") != 1204 || get(t, d, "normative_documents", "in_force") != 42 || get(t, d, "fees", "amount_10k_yuan") != 12.5 {
		t.Errorf("table 二 misread: %v %v %v", get(t, d, "licensing", "decisions"), get(t, d, "normative_documents", "in_force"), get(t, d, "fees", "amount_10k_yuan"))
	}
	rl := r.ReviewLitigation
	if get(t, rl, "review", "upheld") != 3 || get(t, rl, "review", "other") != 0 || get(t, rl, "review", "total") != 5 || get(t, rl, "litigation_direct", "total") != 2 {
		t.Errorf("table 四 misread")
	}
	if f := failedChecks(r); len(f) != 0 {
		t.Errorf("false alarms on a consistent report: %v", f)
	}
	if !strings.Contains(r.Text.Problems, "信息更新") || strings.Contains(r.Text.OtherMatters, "主办单位") {
		t.Errorf("free text: problems %q, other %q", r.Text.Problems, r.Text.OtherMatters)
	}
	p := r.Provenance["applications.granted.natural_person"]
	if p.Text != "9" || p.Line == 0 {
		t.Errorf("provenance %+v", p)
	}
}

// A blank cell in the middle of a row must read as 0 in its own column and
// leave every other number where it was printed.
func TestBlankCellDoesNotShiftTheRow(t *testing.T) {
	rows := baseRows()
	rows["granted"] = [7]string{"9", "", "0", "0", "1", "—", "10"}
	rows["new_requests"] = [7]string{"20", "", "0", "0", "1", "0", "21"}
	rows["total"] = [7]string{"17", "", "0", "0", "1", "0", "18"}
	rows["unavailable_not_held"] = [7]string{"8", "", "0", "0", "0", "0", "8"}
	r := mustParse(t, "blank.html", portalPage(rows))
	a := r.Applications
	if get(t, a, "granted", "commercial_enterprise") != 0 || get(t, a, "granted", "legal_service_org") != 1 ||
		get(t, a, "granted", "other_org") != 0 || get(t, a, "granted", "total") != 10 {
		t.Errorf("blank cells shifted the row: %v", rowValues(a, "granted"))
	}
	if p := r.Provenance["applications.granted.commercial_enterprise"]; p.Text != "" {
		t.Errorf("blank cell provenance text %q, want empty", p.Text)
	}
	if p := r.Provenance["applications.granted.other_org"]; p.Text != "—" {
		t.Errorf("dash cell provenance text %q, want —", p.Text)
	}
	if f := failedChecks(r); len(f) != 0 {
		t.Errorf("false alarms: %v", f)
	}
}

// In text where a row lost a cell, nothing tells which one: the row is
// null with a warning, never shifted, and its neighbours are unharmed.
func TestTabTextRowWithMissingCellIsNull(t *testing.T) {
	doc := tabReport(map[string]string{
		"granted": "9\t2\t0\t1\t0\t12", // six cells for seven columns
	})
	r := mustParse(t, "tabs.txt", doc)
	a := r.Applications
	for _, c := range model.ApplicationColumns {
		if _, ok := a.Get("granted", c.Key); ok {
			t.Errorf("granted.%s was read from a row with a missing cell", c.Key)
		}
	}
	if get(t, a, "unavailable_not_held", "natural_person") != 8 || get(t, a, "new_requests", "total") != 24 {
		t.Errorf("neighbouring rows misread")
	}
	if !hasWarning(r, "unreadable_row", "applications.granted") {
		t.Errorf("no warning for the unreadable row: %+v", r.Warnings)
	}
}

func TestChecksReportTheDocumentsOwnErrors(t *testing.T) {
	rows := baseRows()
	rows["granted"] = [7]string{"9", "2", "0", "0", "1", "0", "13"} // printed 13, parts sum to 12
	r := mustParse(t, "wrong.html", portalPage(rows))
	if got := get(t, r.Applications, "granted", "total"); got != 13 {
		t.Fatalf("the printed total was changed to %v", got)
	}
	f := failedChecks(r)
	for _, want := range []string{"row_total/granted", "results/total"} {
		if !f[want] {
			t.Errorf("check %s did not fire; failed: %v", want, f)
		}
	}
	if len(f) != 2 {
		t.Errorf("failed checks %v, want exactly 2", f)
	}
}

// tabReport is a text copy of a report, cells separated by tabs, with the
// empty slots merged cells leave; over overrides a row's cells.
func tabReport(over map[string]string) string {
	base := baseRows()
	var b strings.Builder
	b.WriteString("示例县人民政府2021年政府信息公开工作年度报告\n\n一、总体情况\n\n2021年，示例县人民政府依法做好政府信息公开工作。\n\n")
	b.WriteString("三、收到和处理政府信息公开申请情况\n\n")
	b.WriteString("(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t\t总计\t\n")
	b.WriteString("\t\t自然人\t法人或其他组织\t\t\t\t\t\n\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t\n")
	for _, r := range requestRows {
		vals := over[r.key]
		if vals == "" {
			v, ok := base[r.key]
			if !ok {
				v = zeros()
			}
			vals = strings.Join(v[:], "\t")
		}
		prefix := "\t"
		if r.group != "" {
			prefix = r.group + "\t"
		}
		b.WriteString(prefix + r.label + "\t" + vals + "\n")
	}
	b.WriteString("\n四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\t\t\t\t\t行政诉讼\n")
	b.WriteString("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n")
	b.WriteString("3\t1\t0\t1\t5\t2\t0\t0\t0\t2\t0\t0\t0\t0\t0\n\n五、存在的主要问题及改进情况\n\n无。\n")
	return b.String()
}

func TestTabTextReadsLikeThePortal(t *testing.T) {
	r := mustParse(t, "tabs.txt", tabReport(nil))
	html := mustParse(t, "portal.html", portalPage(baseRows()))
	for _, row := range html.Applications.Rows {
		for _, c := range row.Cells {
			want, _ := html.Applications.Get(row.Key, c.Key)
			if got, ok := r.Applications.Get(row.Key, c.Key); !ok || got != want {
				t.Errorf("%s.%s: text %v (known %v), portal %v", row.Key, c.Key, got, ok, want)
			}
		}
	}
	if get(t, r.ReviewLitigation, "review", "total") != 5 {
		t.Errorf("table 四 misread")
	}
}

func TestGBKPages(t *testing.T) {
	page := portalPage(baseRows())
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(page, `charset="utf-8"`, `charset="gb2312"`, 1))
	if err != nil {
		t.Fatal(err)
	}
	undeclared, _ := simplifiedchinese.GB18030.NewEncoder().String(strings.Replace(page, `<meta charset="utf-8">`, "", 1))
	wrong, _ := simplifiedchinese.GBK.NewEncoder().String(page) // declares utf-8, is GBK
	for name, src := range map[string]string{"declared.html": gbk, "undeclared.html": undeclared, "wrong.html": wrong} {
		r := mustParse(t, name, src)
		if r.Agency == nil || *r.Agency != "示例区人民政府" || get(t, r.Applications, "granted", "total") != 12 {
			t.Errorf("%s: agency %v, granted.total misread", name, r.Agency)
		}
	}
}

func TestUnreadableDocumentsSayWhy(t *testing.T) {
	old := "平潭示例区2017年度政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n三、依申请公开政府信息情况\n2017年共受理依申请公开信息总数5件，同意公开答复数5件。\n"
	tests := []struct {
		name string
		src  string
		kind docerr.Kind
		says string
	}{
		{"empty.txt", "", docerr.Empty, "empty"},
		{"blank.txt", "  \n\n ", docerr.Empty, "empty"},
		{"old.txt", old, docerr.Pre2019, "pre-2019"},
		{"news.html", "<html><body><h1>示例区召开安全生产工作会议</h1><p>会议要求，各部门要压实责任。</p></body></html>", docerr.NotReport, "not a 政府信息公开工作年度报告"},
		{"scan.pdf.png", "\x89PNG\r\n\x1a\n....", docerr.Scanned, "OCR"},
		{"legacy.doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", docerr.Unsupported, "soffice"},
	}
	for _, tc := range tests {
		_, err := Parse(tc.name, []byte(tc.src))
		if err == nil {
			t.Errorf("%s: read as a report", tc.name)
			continue
		}
		if k := docerr.KindOf(err); k != tc.kind {
			t.Errorf("%s: kind %v, want %v (%v)", tc.name, k, tc.kind, err)
		}
		if !strings.HasPrefix(err.Error(), tc.name+": ") || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%s: message %q does not name the file and say %q", tc.name, err, tc.says)
		}
	}
}

func TestDetectByContent(t *testing.T) {
	tests := map[string]Format{
		"%PDF-1.7\n...":         FormatPDF,
		"<!DOCTYPE html><html>": FormatHTML,
		"\ufeff<p>一、总体情况</p><table><tr><td>": FormatHTML,
		"一、总体情况\n二、主动公开":                     FormatText,
		"| a | b |\n|---|---|":               FormatText,
		"PK\x03\x04....word/document.xml":    FormatDOCX,
		"PK\x03\x04....other.xml":            FormatZIP,
	}
	for src, want := range tests {
		if got := Detect([]byte(src)); got != want {
			t.Errorf("Detect(%.20q) = %s, want %s", src, got, want)
		}
	}
}

func hasWarning(r *model.Report, code, field string) bool {
	for _, w := range r.Warnings {
		if w.Code == code && w.Field == field {
			return true
		}
	}
	return false
}

func rowValues(t *model.Table, row string) []any {
	var out []any
	for _, c := range t.Row(row).Cells {
		if c.Value == nil {
			out = append(out, nil)
		} else {
			out = append(out, *c.Value)
		}
	}
	return out
}

// alignedReport prints table 三 with columns padded by spaces, as a
// converter or a typist does; a blank cell is just spaces there.
func alignedReport(rows cells) string { return alignedReportWidth(rows, 2) }

// alignedReportWidth counts a Chinese character as wide columns: 2 in
// typed text, 1 in pdftotext -layout output.
func alignedReportWidth(rows cells, wide int) string {
	pad := func(s string, w int) string {
		n := 0
		for _, r := range s {
			if r > 0x2e80 {
				n += wide
			} else {
				n++
			}
		}
		if n >= w {
			return s + "  "
		}
		left := (w - n) / 2
		return strings.Repeat(" ", left) + s + strings.Repeat(" ", w-n-left)
	}
	var b strings.Builder
	b.WriteString("示例镇人民政府2021年政府信息公开工作年度报告\n\n一、总体情况\n\n2021年，示例镇人民政府做好公开工作。\n\n三、收到和处理政府信息公开申请情况\n\n")
	b.WriteString(strings.Repeat(" ", 80))
	for _, h := range []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"} {
		b.WriteString(pad(h, 14))
	}
	b.WriteString("\n")
	for _, r := range requestRows {
		v, ok := rows[r.key]
		if !ok {
			v = zeros()
		}
		b.WriteString(pad(r.label, 80))
		for _, c := range v {
			b.WriteString(pad(c, 14))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestAlignedTextPlacesBlanksByPosition(t *testing.T) {
	rows := baseRows()
	rows["granted"] = [7]string{"9", "", "0", "0", "1", "", "10"}
	r := mustParse(t, "aligned.txt", alignedReport(rows))
	a := r.Applications
	want := []float64{9, 0, 0, 0, 1, 0, 10}
	for i, c := range model.ApplicationColumns {
		if got, ok := a.Get("granted", c.Key); !ok || got != want[i] {
			t.Errorf("granted.%s = %v (known %v), want %v", c.Key, got, ok, want[i])
		}
	}
	if get(t, a, "new_requests", "commercial_enterprise") != 3 {
		t.Errorf("new_requests misread: %v", rowValues(a, "new_requests"))
	}
}

// A text dump that lost every cell separator is split by the template's
// arithmetic: every cell it reads equals the separated reading, and a
// cell it cannot settle is null, never a guess.
func TestRunTogetherDumpNeverGuesses(t *testing.T) {
	sep := mustParse(t, "tabs.txt", tabReport(nil))
	glued := mustParse(t, "dump.txt", strings.ReplaceAll(tabReport(nil), "\t", ""))
	read := 0
	for _, row := range sep.Applications.Rows {
		for _, c := range row.Cells {
			want, _ := sep.Applications.Get(row.Key, c.Key)
			got, ok := glued.Applications.Get(row.Key, c.Key)
			if ok && got != want {
				t.Errorf("%s.%s = %v from the dump, %v printed", row.Key, c.Key, got, want)
			}
			if ok {
				read++
			}
		}
	}
	if read < 150 {
		t.Errorf("only %d of 175 cells read from the dump", read)
	}
	if !hasWarning(glued, "cells_ran_together", "applications") {
		t.Errorf("no warning that cells were split from runs")
	}
}

// markdownReport is table 三 as a PDF-to-Markdown converter leaves it:
// the rows in floating keep their numbers in place but their labels float
// away to lines of their own further down, and the 总计 cell of 四 is lost.
func markdownReport(floating map[string]bool) string {
	base := baseRows()
	var b strings.Builder
	b.WriteString("# 示例县人民政府2021年政府信息公开工作年度报告\n\n一、总体情况\n\n2021年，示例县人民政府依法做好政府信息公开工作。\n\n三、收到和处理政府信息公开申请情况\n\n")
	b.WriteString("| 申请人 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n")
	var labels []string // the floating labels, printed together before （七）总计
	for _, r := range requestRows {
		v, ok := base[r.key]
		if !ok {
			v = zeros()
		}
		if r.key == "carried_forward" {
			v[6] = ""
		}
		if r.key == "total" {
			b.WriteString("\n" + strings.Join(labels, "\n") + "\n\n")
		}
		if floating[r.key] {
			labels = append(labels, r.label)
			b.WriteString("| " + strings.Join(v[:], " | ") + " |\n|---|---|---|---|---|---|---|\n")
			continue
		}
		b.WriteString("| " + r.label + " | " + strings.Join(v[:], " | ") + " |\n")
	}
	return b.String()
}

func TestMarkdownRowsByTemplateOrder(t *testing.T) {
	floating := map[string]bool{"unavailable_not_held": true, "unavailable_needs_creation": true, "withheld_state_secret": true}
	r := mustParse(t, "shredded.md", markdownReport(floating))
	a := r.Applications
	if got := get(t, a, "unavailable_not_held", "natural_person"); got != 8 {
		t.Errorf("unavailable_not_held.natural_person = %v, want 8", got)
	}
	for k := range floating {
		if !hasWarning(r, "row_by_order", "applications."+k) {
			t.Errorf("no row_by_order warning for %s", k)
		}
	}
	if got := get(t, a, "carried_forward", "total"); got != 5 {
		t.Errorf("lost 总计 of 四 = %v, want 5 from its row total and the balance", got)
	}
	if p := r.Provenance["applications.carried_forward.total"]; !p.Inferred || p.Text != "" {
		t.Errorf("provenance %+v does not say the value was inferred", p)
	}
	if f := failedChecks(r); len(f) != 0 {
		t.Errorf("false alarms: %v", f)
	}
}

// When the unlabelled rows and the missing template rows do not pair up
// one to one, nothing is assigned by order.
func TestMarkdownOrphansNotPairedWhenCountsDiffer(t *testing.T) {
	doc := markdownReport(map[string]bool{"unavailable_not_held": true})
	// A stray extra row of numbers between the same two anchors.
	doc = strings.Replace(doc, "| 2.没有现成信息需要另行制作 |", "| 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n| 2.没有现成信息需要另行制作 |", 1)
	r := mustParse(t, "shredded.md", doc)
	if _, ok := r.Applications.Get("unavailable_not_held", "natural_person"); ok {
		t.Errorf("a row was assigned by order although two unlabelled rows compete for one template row")
	}
}

// Our own output and other data files are not reports, even though a
// report's title and numbers are inside them.
func TestJSONIsNotAReport(t *testing.T) {
	out, err := json.Marshal(mustParse(t, "portal.html", portalPage(baseRows())))
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string][]byte{"r.golden.json": out, "list.json": []byte(`[1, 2]`)} {
		_, err := Parse(name, src)
		if docerr.KindOf(err) != docerr.NotReport || !strings.Contains(fmt.Sprint(err), "JSON") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// cellsPerLine is a text copy with one cell per line, blank cells dropped.
func cellsPerLine(over map[string]string) string {
	return strings.ReplaceAll(tabReport(over), "\t", "\n")
}

// One cell per line, every row label followed by exactly its seven
// numbers: the order is the document's, so a row whose printed total is
// wrong keeps its numbers and the failed check reports the document's
// own error.
func TestOneNumberPerLineKeepsTheDocumentsErrors(t *testing.T) {
	r := mustParse(t, "cells.txt", cellsPerLine(nil))
	if get(t, r.Applications, "granted", "commercial_enterprise") != 2 || get(t, r.ReviewLitigation, "review", "total") != 5 {
		t.Fatalf("in order, one number per line reads: %v", rowValues(r.Applications, "granted"))
	}
	r = mustParse(t, "cells.txt", cellsPerLine(map[string]string{"granted": "9\t2\t0\t0\t1\t0\t13"}))
	want := []float64{9, 2, 0, 0, 1, 0, 13}
	for i, c := range model.ApplicationColumns {
		if got, ok := r.Applications.Get("granted", c.Key); !ok || got != want[i] {
			t.Errorf("granted.%s = %v (known %v), want %v as printed", c.Key, got, ok, want[i])
		}
	}
	if f := failedChecks(r); !f["row_total/granted"] {
		t.Errorf("the document's wrong total is not reported; failed: %v", f)
	}
	if hasWarning(r, "order_unreliable", "applications.granted") {
		t.Errorf("order_unreliable on a row whose numbers are in the document's order")
	}
	// table 四 alike: its 总计 of 行政复议 printed 6 where the parts sum to 5
	r = mustParse(t, "cells.txt", strings.Replace(cellsPerLine(nil), "\n3\n1\n0\n1\n5\n", "\n3\n1\n0\n1\n6\n", 1))
	if got, ok := r.ReviewLitigation.Get("review", "total"); !ok || got != 6 {
		t.Errorf("table 四's printed 总计 = %v (known %v), want 6", got, ok)
	}
	if f := failedChecks(r); !f["review_total/"] {
		t.Errorf("table 四's wrong total is not reported; failed: %v", f)
	}
}

// When the counts do not match (a label followed by more numbers than its
// row has, as a converter that reorders cells leaves), the order of a row
// that does not add up cannot be told from a reordering: it is null.
func TestOneNumberPerLineOutOfOrderIsNull(t *testing.T) {
	src := cellsPerLine(map[string]string{"granted": "9\t0\t0\t1\t0\t12\t2"})
	// a stray number after the first row: eight numbers under its label
	src = strings.Replace(src, "\n24\n", "\n24\n3\n", 1)
	if !strings.Contains(src, "\n24\n3\n") {
		t.Fatal("no stray number written")
	}
	r := mustParse(t, "cells.txt", src)
	for _, c := range model.ApplicationColumns {
		if v, ok := r.Applications.Get("granted", c.Key); ok {
			t.Errorf("granted.%s = %v from numbers out of order", c.Key, v)
		}
	}
	if !hasWarning(r, "order_unreliable", "applications.granted") {
		t.Errorf("no order_unreliable warning")
	}
	if get(t, r.Applications, "unavailable_not_held", "natural_person") != 8 {
		t.Errorf("the rows that add up are still read")
	}
}

// pdftotext -layout counts every character one column; blank cells must
// still fall under their headers.
func TestAlignedTextOneColumnACharacter(t *testing.T) {
	rows := baseRows()
	rows["granted"] = [7]string{"9", "", "0", "0", "1", "", "10"}
	r := mustParse(t, "pdftotext.txt", alignedReportWidth(rows, 1))
	want := []float64{9, 0, 0, 0, 1, 0, 10}
	for i, c := range model.ApplicationColumns {
		if got, ok := r.Applications.Get("granted", c.Key); !ok || got != want[i] {
			t.Errorf("granted.%s = %v (known %v), want %v", c.Key, got, ok, want[i])
		}
	}
}

// boxReport draws table 三 with box-drawing rules, as text browsers (w3m)
// dump HTML tables; blanks are empty boxes.
func boxReport(rows cells) string {
	pad := func(s string, w int) string {
		n := 0
		for _, r := range s {
			if r > 0x2e80 {
				n += 2
			} else {
				n++
			}
		}
		if n >= w {
			return s
		}
		return s + strings.Repeat(" ", w-n)
	}
	rule := "├" + strings.Repeat("─", 80) + strings.Repeat("┼"+strings.Repeat("─", 14), 7) + "┤\n"
	var b strings.Builder
	b.WriteString("示例镇人民政府2021年政府信息公开工作年度报告\n\n一、总体情况\n\n2021年，示例镇人民政府做好公开工作。\n\n三、收到和处理政府信息公开申请情况\n\n")
	b.WriteString("┌" + strings.Repeat("─", 80) + strings.Repeat("┬"+strings.Repeat("─", 14), 7) + "┐\n│" + pad("", 80))
	for _, h := range []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"} {
		b.WriteString("│" + pad(h, 14))
	}
	b.WriteString("│\n")
	for _, r := range requestRows {
		v, ok := rows[r.key]
		if !ok {
			v = zeros()
		}
		b.WriteString(rule + "│" + pad(r.label, 80))
		for _, c := range v {
			b.WriteString("│" + pad(c, 14))
		}
		b.WriteString("│\n")
	}
	b.WriteString("└" + strings.Repeat("─", 80) + strings.Repeat("┴"+strings.Repeat("─", 14), 7) + "┘\n")
	return b.String()
}

func TestBoxDrawnTable(t *testing.T) {
	rows := baseRows()
	rows["granted"] = [7]string{"9", "", "0", "0", "1", "", "10"}
	r := mustParse(t, "w3m.txt", boxReport(rows))
	want := []float64{9, 0, 0, 0, 1, 0, 10}
	for i, c := range model.ApplicationColumns {
		if got, ok := r.Applications.Get("granted", c.Key); !ok || got != want[i] {
			t.Errorf("granted.%s = %v (known %v), want %v", c.Key, got, ok, want[i])
		}
	}
	if get(t, r.Applications, "new_requests", "total") != 24 {
		t.Errorf("new_requests misread: %v", rowValues(r.Applications, "new_requests"))
	}
}

// A page copied with its side bar lists other years' reports before the
// article: the title is the one whose year the report speaks of.
func TestTitleAmongOtherYearsReports(t *testing.T) {
	doc := "相关报告\n示例县人民政府2022年政府信息公开工作年度报告\n示例县人民政府2020年政府信息公开工作年度报告\n" + tabReport(nil)
	doc = strings.Replace(doc, "示例县人民政府2021年政府信息公开工作年度报告\n", "示例县人民政府2021年政府信息公开工作年度报告\n本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。\n", 1)
	r := mustParse(t, "sidebar.txt", doc)
	if r.Year == nil || *r.Year != 2021 {
		t.Errorf("year %v, want 2021", r.Year)
	}
}

// A text browser's dump of a table with blank cells puts each number on a
// line of its own and drops the blanks: no cell may then be read wrong.
func TestOnePerLineWithBlanksDroppedNeverWrong(t *testing.T) {
	// The 总计 column blank on the result rows, as some reports print it.
	over := map[string]string{}
	for _, r := range requestRows[2:23] {
		v, ok := baseRows()[r.key]
		if !ok {
			v = zeros()
		}
		v[6] = ""
		over[r.key] = strings.Join(v[:], "\t")
	}
	sep := mustParse(t, "tabs.txt", tabReport(over))
	doc := tabReport(over)
	var b strings.Builder
	for _, line := range strings.Split(doc, "\n") {
		for _, c := range strings.Split(line, "\t") {
			if c != "0" && strings.TrimSpace(c) != "" {
				b.WriteString(c + "\n")
			}
		}
	}
	r := mustParse(t, "lynx.txt", b.String())
	for _, tb := range []struct{ got, want *model.Table }{{r.Applications, sep.Applications}, {r.ReviewLitigation, sep.ReviewLitigation}} {
		if tb.got == nil {
			continue
		}
		for _, row := range tb.want.Rows {
			for _, c := range row.Cells {
				want, _ := tb.want.Get(row.Key, c.Key)
				if got, ok := tb.got.Get(row.Key, c.Key); ok && got != want {
					t.Errorf("%s.%s = %v, printed %v", row.Key, c.Key, got, want)
				}
			}
		}
	}
}

func TestRandomBytesAreNotText(t *testing.T) {
	src := make([]byte, 4096)
	for i := range src {
		src[i] = byte(i*7919 + i*i*31)
	}
	_, err := Parse("noise.bin", src)
	if docerr.KindOf(err) != docerr.Unsupported || !strings.Contains(fmt.Sprint(err), "binary") {
		t.Errorf("noise read as %v", err)
	}
}
