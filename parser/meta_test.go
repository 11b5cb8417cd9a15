package parser

import (
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/docerr"
)

// reportBody is tabReport without its title line: what follows the header
// of a crawler's dump or a cover letter's first paragraph.
func reportBody() string {
	doc := tabReport(nil)
	return doc[strings.Index(doc, "\n")+1:]
}

// dumpHeader is the metadata block a crawler writes above the article.
func dumpHeader(title, issuer string) string {
	return "标题: " + title + "\n发布时间: 2022-01-20 10:00\n文号: \n发布机构: " + issuer +
		"\n栏目: 政府信息公开年报\n原文链接: https://www.example.gov.cn/zwgk/nb/202201/t20220120_4711.htm\n" +
		"本地目录: zwgk/nb/202201/4711_" + title + "\n页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n"
}

func agencyOf(r *model.Report) string { return strOf(r.Agency) }

// The agency is the body the document names as issuer, never a dump's
// header word or path, nor the verbs of a cover letter.
func TestAgencyAsPublished(t *testing.T) {
	noSubject := strings.Replace(reportBody(), "2021年，示例县人民政府依法做好政府信息公开工作。", "本年度依法做好政府信息公开工作。", 1)
	tests := []struct {
		name, doc, agency, title, warning string
	}{
		{"dump with an empty 发布机构 and a 本地目录 path",
			dumpHeader("示例县2021年度政府信息公开工作年度报告", "") + reportBody(),
			"示例县", "示例县2021年度政府信息公开工作年度报告", ""},
		{"dump whose title lacks the agency, 发布机构 names it",
			dumpHeader("2021年度政府信息公开工作年度报告", "示例县人民政府办公室") + reportBody(),
			"示例县人民政府办公室", "2021年度政府信息公开工作年度报告", ""},
		{"cover letter, title over two centred lines, signed",
			"示例县交通运输局关于报送2021年度\n政府信息公开工作年度报告的函\n县政府办公室：\n现将我局2021年度政府信息公开工作年度报告报送如下。\n" +
				reportBody() + "\n示例县交通运输局\n2022年1月20日\n",
			"示例县交通运输局", "示例县交通运输局关于报送2021年度政府信息公开工作年度报告的函", ""},
		{"cover letter title in a dump header",
			dumpHeader("示例县交通运输局关于2021年度政府信息公开工作年度报告", "") + reportBody(),
			"示例县交通运输局", "", ""},
		{"title ending in 的函 without 关于",
			"示例县水利局2021年度政府信息公开工作年度报告的函\n" + reportBody(),
			"示例县水利局", "", ""},
		{"signature only, on one line",
			"2021年政府信息公开工作年度报告\n" + reportBody() + "示例县人民政府办公室　2022年1月26日\n",
			"示例县人民政府办公室", "", "agency_from_signature"},
		{"signature glued to the last sentence of a dump",
			"2021年政府信息公开工作年度报告\n如有疑问，请与示例县自然资源局联系。\n" + noSubject +
				"六、其他需要报告的事项暂无示例县自然资源局 2022年1月26日\n",
			"示例县自然资源局", "", "agency_from_signature"},
		{"no issuer anywhere",
			dumpHeader("2021年度政府信息公开工作年度报告", "") + noSubject,
			"<null>", "2021年度政府信息公开工作年度报告", "agency_missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := mustParse(t, "doc.txt", tc.doc)
			if got := agencyOf(r); got != tc.agency {
				t.Errorf("agency %s, want %s", got, tc.agency)
			}
			if tc.title != "" && (r.Title == nil || *r.Title != tc.title) {
				t.Errorf("title %v, want %s", strOf(r.Title), tc.title)
			}
			if tc.warning != "" && !hasWarning(r, tc.warning, "agency") {
				t.Errorf("no %s warning: %+v", tc.warning, r.Warnings)
			}
			if r.Year == nil || *r.Year != 2021 {
				t.Errorf("year %v", r.Year)
			}
			if get(t, r.Applications, "granted", "total") != 12 {
				t.Errorf("tables not read as usual")
			}
		})
	}
}

// A CMS page that only links its report as a file is refused with the
// file named, so that the user downloads and parses it.
func TestAttachmentOnlyPages(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>示例县2023年度政府信息公开工作年度报告_年报_示例县</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; <a href="/xxgk/nb/">年报</a></div>
<div class="article"><h1>示例县2023年度政府信息公开工作年度报告</h1>
<p class="info">发布时间：2024-01-20 来源：示例县人民政府办公室</p>
<p>附件：<a href="/xxgk/nb/202401/P020240120381234567890.doc">示例县2023年度政府信息公开工作年度报告.doc</a></p>
</div><div class="footer"><a href="/about/">关于我们</a></div></body></html>`
	download := strings.Replace(page, `示例县2023年度政府信息公开工作年度报告.doc</a>`, `点击下载</a>`, 1)
	download = strings.Replace(download, ".doc", ".pdf", 1)
	pasted := "示例县2023年度政府信息公开工作年度报告\n发布时间：2024-01-20　浏览次数：35\n附件：示例县2023年度政府信息公开工作年度报告.wps\n"
	tests := []struct{ name, src, names string }{
		{"page.html", page, "示例县2023年度政府信息公开工作年度报告.doc"},
		{"download.html", download, "点击下载 (P020240120381234567890.pdf)"},
		{"pasted.txt", pasted, "示例县2023年度政府信息公开工作年度报告.wps"},
	}
	for _, tc := range tests {
		_, err := Parse(tc.name, []byte(tc.src))
		if k := docerr.KindOf(err); k != docerr.Attachment {
			t.Errorf("%s: kind %v, want %v (%v)", tc.name, k, docerr.Attachment, err)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, tc.name+": report in an attachment") || !strings.Contains(msg, tc.names) || strings.Contains(msg, "\n") {
			t.Errorf("%s: message %q does not name the file and the attachment %s on one line", tc.name, msg, tc.names)
		}
	}
	// A page about something else that offers a file is not a report.
	news := `<html><body><h1>示例县召开安全生产工作会议</h1><p>附件：<a href="/a/P020.pdf">会议材料.pdf</a></p></body></html>`
	if _, err := Parse("news.html", []byte(news)); docerr.KindOf(err) != docerr.NotReport {
		t.Errorf("news page: %v", err)
	}
}

// A full report that also offers its PDF for download is read as usual.
func TestFullReportWithAttachmentLinkIsRead(t *testing.T) {
	page := strings.Replace(portalPage(baseRows()), `<div class="footer">`,
		`<p>附件：<a href="/xxgk/P020230120.pdf">示例区人民政府2022年政府信息公开工作年度报告.pdf</a></p><div class="footer">`, 1)
	r := mustParse(t, "full.html", page)
	if get(t, r.Applications, "granted", "total") != 12 || agencyOf(r) != "示例区人民政府" {
		t.Errorf("full report with a download link misread: agency %s", agencyOf(r))
	}
}

func strOf(s *string) string {
	if s == nil {
		return "<null>"
	}
	return *s
}

// A page whose tables are there but unreadable is not attachment-only,
// even when it offers a download: it stays a report with its tables null.
func TestTemplateWordsAreNoAttachmentPage(t *testing.T) {
	src := "示例县2023年度政府信息公开工作年度报告\n申请人情况 自然人 商业企业 科研机构\n附件：示例县2023年度政府信息公开工作年度报告.pdf\n"
	r, err := Parse("garbled.txt", []byte(src))
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	if !hasWarning(r, "tables_missing", "") {
		t.Errorf("no tables_missing warning: %+v", r.Warnings)
	}
}
