package parser

import (
	"strings"
	"testing"
)

// The sentences oneLineDump writes for sections 一, 五 and 六.
const (
	dumpOverview = "一、总体情况本机关持续做好主动公开和依申请公开工作，全年答复申请12件。"
	dumpClosing  = "五、存在的主要问题及改进情况一是公开的及时性有待提高。六、其他需要报告的事项本年度未收取信息处理费。"
)

// A 2021 report whose whole body is one line: the free text of 一, 五 and
// 六 is cut out of it at the headings, not at the section names the
// preamble lists; numbered items after a full stop start a line, an
// enumeration inside a sentence does not; the signature glued to the last
// words (暂无示例区教育局　2024年1月20日) is no part of 六.
func TestOneLineDumpFreeText2021(t *testing.T) {
	src := oneLineDump("示例区教育局2023年政府信息公开工作年度报告", "", oneLine2021, "100010000000000", "示例区教育局")
	src = strings.Replace(src, "本报告中所列数据",
		"本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况和其他需要报告的事项。本报告中所列数据", 1)
	src = strings.Replace(src, dumpOverview,
		"一、总体情况 2023年，示例区教育局坚持以公开为常态。（一）主动公开情况。全年发布信息320条，主要包括：（一）招生入学；（二）教育收费。"+
			"（二）依申请公开情况。全年收到申请13件。1.按期答复13件。2.未发生逾期答复。", 1)
	src = strings.Replace(src, dumpClosing,
		"五、存在的主要问题及改进情况一是栏目更新不够及时，二是解读形式单一（图解仅３篇）。下一步将加强培训。六、其他需要报告的事项暂无", 1)
	r := mustParse(t, "dump.txt", src)
	checkRows(t, r, oneLine2021, "total")
	if want := "2023年，示例区教育局坚持以公开为常态。\n（一）主动公开情况。全年发布信息320条，主要包括：（一）招生入学；（二）教育收费。\n" +
		"（二）依申请公开情况。全年收到申请13件。\n1.按期答复13件。\n2.未发生逾期答复。"; r.Text.Overview != want {
		t.Errorf("overview:\n%q\nwant\n%q", r.Text.Overview, want)
	}
	if want := "一是栏目更新不够及时，二是解读形式单一（图解仅３篇）。下一步将加强培训。"; r.Text.Problems != want {
		t.Errorf("problems %q, want %q", r.Text.Problems, want)
	}
	if want := "暂无"; r.Text.OtherMatters != want {
		t.Errorf("other matters %q, want %q", r.Text.OtherMatters, want)
	}
}

// A 2019 report as a cover letter on one line, the older headings (一、概述,
// 五、政府信息公开工作存在的主要问题及改进情况), a preamble that names
// the sections with their numerals as a list, and the issuer and date
// glued after the last full stop.
func TestOneLineDumpFreeText2019(t *testing.T) {
	two := "第二十条第（一）项信息内容本年新 制作数量本年新 公开数量对外公开总数量规章0 0 0规范性文件1 1 4" +
		"第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可3 0 12其他对外管理服务事项0 0 0"
	src := oneLineDump("示例片区管理局关于报送2020年度政府信息公开工作年度报告的函", two, oneLine2019,
		"0 0 00 0 0 00 0 00 0 0 00", "示例片区管理局")
	src = strings.Replace(src, "本报告中所列数据",
		"报告分为一、概述，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况，"+
			"五、政府信息公开工作存在的主要问题及改进情况，六、其他需要报告的事项。本报告中所列数据", 1)
	src = strings.Replace(src, dumpOverview, "一、概述（一）主动公开。全年公开信息86条。（二）依申请公开。全年收到申请3件，均按期答复。", 1)
	src = strings.Replace(src, dumpClosing,
		"五、政府信息公开工作存在的主要问题及改进情况（一）存在的问题：公开数量偏少。（二）改进措施：加强人员培训。"+
			"六、其他需要报告的事项本年度无其他需要报告的事项。", 1)
	src = strings.Replace(src, "示例片区管理局\u30002024年1月20日", "示例片区管理局2021年1月26日", 1)
	r := mustParse(t, "letter.txt", src)
	checkRows(t, r, oneLine2019)
	if want := "（一）主动公开。全年公开信息86条。\n（二）依申请公开。全年收到申请3件，均按期答复。"; r.Text.Overview != want {
		t.Errorf("overview %q, want %q", r.Text.Overview, want)
	}
	if want := "（一）存在的问题：公开数量偏少。\n（二）改进措施：加强人员培训。"; r.Text.Problems != want {
		t.Errorf("problems %q, want %q", r.Text.Problems, want)
	}
	if want := "本年度无其他需要报告的事项。"; r.Text.OtherMatters != want {
		t.Errorf("other matters %q, want %q", r.Text.OtherMatters, want)
	}
}

// On a page the signature stands on lines of its own after section 六,
// and is stripped; a last sentence that ends with a date is kept whole.
func TestSignatureIsNoPartOfTheLastSection(t *testing.T) {
	for _, tc := range []struct{ six, want, signature string }{
		{"<p>本年度未收取信息处理费。</p><p>示例区人民政府办公室</p><p>2023年1月18日</p>", "本年度未收取信息处理费。", "示例区人民政府办公室 2023年1月18日"},
		{"<p>本年度未收取信息处理费。</p><p style=\"text-align:right\">示例区人民政府办公室　2023年1月18日</p>", "本年度未收取信息处理费。", "示例区人民政府办公室 2023年1月18日"},
		{"<p>本年度未收取信息处理费。</p><p>二〇二三年一月十八日</p>", "本年度未收取信息处理费。", "二〇二三年一月十八日"},
		{"<p>本年度信息处理费的统计期限截至2022年12月31日</p>", "本年度信息处理费的统计期限截至2022年12月31日", ""},
	} {
		page := strings.Replace(portalPage(baseRows()), "<p>本年度未收取信息处理费。</p>", tc.six, 1)
		r := mustParse(t, "page.html", page)
		if r.Text.OtherMatters != tc.want {
			t.Errorf("%s: other matters %q, want %q", tc.six, r.Text.OtherMatters, tc.want)
		}
		if r.Text.Signature != tc.signature {
			t.Errorf("%s: signature %q, want %q", tc.six, r.Text.Signature, tc.signature)
		}
	}
}
