package parser

import (
	"strings"
	"testing"
)

// wrapAt breaks s into lines of n characters, as a PDF page or a text
// dump of fixed width does.
func wrapAt(s string, n int) string {
	r := []rune(s)
	var lines []string
	for len(r) > n {
		lines = append(lines, string(r[:n]))
		r = r[n:]
	}
	return strings.Join(append(lines, string(r)), "\n")
}

// Free text comes back in the document's own characters, and the breaks a
// fixed-width page put inside its sentences are undone; paragraphs,
// headings of numbered items and the signature keep their lines.
func TestFreeTextAsPublished(t *testing.T) {
	p1 := "2021年，示例县人民政府依法做好政府信息公开工作，全年主动公开政府信息１２３０条，（含政策解读４５篇），均按时发布。"
	p2 := "（一）主动公开情况"
	p3 := "仍存在以下短板：一是栏目更新不够及时；二是解读形式单一，下一步将加强培训和督促检查，确保信息准确及时发布。"
	overview := wrapAt(p1, 20) + "\n" + p2 + "\n" + wrapAt(p3, 20)
	src := tabReport(nil)
	src = strings.Replace(src, "2021年，示例县人民政府依法做好政府信息公开工作。", overview, 1)
	src = strings.Replace(src, "五、存在的主要问题及改进情况\n\n无。\n",
		"五、存在的主要问题及改进情况\n\n"+wrapAt("部分单位对政策解读的重视程度不够，解读材料与文件同步发布的比例偏低。", 20)+
			"\n\n六、其他需要报告的事项\n\n本年度未收取信息处理费。\n示例县人民政府办公室\n2022年1月20日\n", 1)
	r := mustParse(t, "wrapped.txt", src)
	if want := p1 + "\n" + p2 + "\n" + p3; r.Text.Overview != want {
		t.Errorf("overview:\n%s\nwant\n%s", r.Text.Overview, want)
	}
	if want := "部分单位对政策解读的重视程度不够，解读材料与文件同步发布的比例偏低。"; r.Text.Problems != want {
		t.Errorf("problems %q", r.Text.Problems)
	}
	if want := "本年度未收取信息处理费。"; r.Text.OtherMatters != want { // the signature is no part of it
		t.Errorf("other matters %q", r.Text.OtherMatters)
	}
}

// A web page gives a paragraph a line: nothing is joined, and the
// characters are the page's own.
func TestFreeTextOfAPageKeepsItsParagraphs(t *testing.T) {
	page := strings.Replace(portalPage(baseRows()), "<p>2022年，示例区人民政府持续推进政务公开。</p>",
		"<p>2022年，示例区人民政府持续推进政务公开（见下表）\n  全年公开信息１２条</p><p>仍存在以下短板：</p><p>一是更新不够及时。</p>", 1)
	r := mustParse(t, "page.html", page)
	if want := "2022年，示例区人民政府持续推进政务公开（见下表） 全年公开信息１２条\n仍存在以下短板：\n一是更新不够及时。"; r.Text.Overview != want {
		t.Errorf("overview %q, want %q", r.Text.Overview, want)
	}
}
