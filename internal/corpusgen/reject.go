package corpusgen

import (
	"fmt"
	"strings"
)

// oldStatRow is one line of the statistics table that reports under the
// 2008 条例 appended: indicator, unit, value.
type oldStatRow struct{ name, unit, value string }

// oldStats is the 政府信息公开情况统计表 of a pre-2019 report.
var oldStats = []oldStatRow{
	{"一、主动公开情况", "", ""},
	{"（一）主动公开政府信息数", "条", "1846"},
	{"其中：主动公开规范性文件数", "条", "23"},
	{"制发规范性文件总数", "件", "23"},
	{"（二）通过不同渠道和方式公开政府信息的情况", "", ""},
	{"1.政府公报公开政府信息数", "条", "0"},
	{"2.政府网站公开政府信息数", "条", "1846"},
	{"3.政务微博公开政府信息数", "条", "312"},
	{"4.政务微信公开政府信息数", "条", "428"},
	{"二、回应解读情况", "", ""},
	{"（一）回应公众关注热点或重大舆情数", "次", "6"},
	{"（二）通过不同方式回应解读的情况", "", ""},
	{"1.参加或举办新闻发布会总次数", "次", "4"},
	{"2.政府网站在线访谈次数", "次", "2"},
	{"3.政策解读稿件发布数", "篇", "19"},
	{"三、依申请公开情况", "", ""},
	{"（一）收到申请数", "件", "17"},
	{"1.当面申请数", "件", "3"},
	{"2.传真申请数", "件", "0"},
	{"3.网络申请数", "件", "9"},
	{"4.信函申请数", "件", "5"},
	{"（二）申请办结数", "件", "17"},
	{"1.按时办结数", "件", "17"},
	{"2.延期办结数", "件", "0"},
	{"（三）申请答复数", "件", "17"},
	{"1.属于已主动公开范围数", "件", "4"},
	{"2.同意公开答复数", "件", "6"},
	{"3.同意部分公开答复数", "件", "1"},
	{"4.不同意公开答复数", "件", "1"},
	{"其中：涉及国家秘密", "件", "0"},
	{"涉及商业秘密", "件", "0"},
	{"涉及个人隐私", "件", "1"},
	{"5.不属于本行政机关公开数", "件", "3"},
	{"6.申请信息不存在数", "件", "2"},
	{"7.告知作出更改补充数", "件", "0"},
	{"8.告知通过其他途径办理数", "件", "0"},
	{"四、行政复议数量", "件", "1"},
	{"（一）维持具体行政行为数", "件", "1"},
	{"（二）被依法纠错数", "件", "0"},
	{"五、行政诉讼数量", "件", "0"},
	{"六、举报投诉数量", "件", "0"},
	{"七、依申请公开信息收取的费用", "万元", "0"},
	{"八、机构建设和保障经费情况", "", ""},
	{"（一）政府信息公开工作专门机构数", "个", "1"},
	{"（二）从事政府信息公开工作人员数", "人", "3"},
	{"1.专职人员数", "人", "1"},
	{"2.兼职人员数", "人", "2"},
	{"九、政府信息公开会议和培训情况", "", ""},
	{"（一）召开政府信息公开工作会议或专题会议数", "次", "2"},
	{"（二）举办各类培训班数", "次", "1"},
	{"（三）接受培训人员数", "人次", "86"},
}

// oldReport returns the sections of a report written under the 2008 条例:
// headings and paragraphs, before the statistics table.
func oldReport(agency string, year int) (title string, paras []string) {
	title = fmt.Sprintf("%s%d年政府信息公开工作年度报告", agency, year)
	paras = []string{
		fmt.Sprintf("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，特向社会公布%d年度本县政府信息公开工作年度报告。本报告由概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，政府信息公开工作存在的主要问题及改进措施，以及政府信息公开情况统计表组成。本报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。", year, year, year),
		"#一、概述",
		fmt.Sprintf("%d年，县政府高度重视政府信息公开工作，调整充实了政府信息公开工作领导小组，明确县政府办公室为政府信息公开工作主管部门，各乡镇、各部门确定一名分管领导和一名信息员，形成了上下联动的工作格局。", year),
		"#二、主动公开政府信息情况",
		fmt.Sprintf("%d年，全县主动公开政府信息1846条，其中规范性文件23条。公开的信息主要包括机构职能、政策法规、规划计划、财政预决算、行政事业性收费、政府采购、重大项目、人事信息等内容。公开渠道以县政府门户网站为主，同时通过政务微博、政务微信、公开栏、电子显示屏等方式公开。", year),
		"#三、依申请公开政府信息情况",
		fmt.Sprintf("%d年共收到政府信息公开申请17件，其中当面申请3件、网络申请9件、信函申请5件，全部按时办结。答复中，属于已主动公开范围4件，同意公开6件，同意部分公开1件，不同意公开1件，不属于本行政机关公开3件，申请信息不存在2件。", year),
		"#四、政府信息公开的收费及减免情况",
		fmt.Sprintf("%d年，县政府在办理政府信息公开申请过程中未收取任何费用。", year),
		"#五、因政府信息公开申请行政复议、提起行政诉讼的情况",
		fmt.Sprintf("%d年，全县因政府信息公开申请引起行政复议1件，复议结果维持原具体行政行为；未发生因政府信息公开申请提起行政诉讼的情况；未收到有关政府信息公开的举报投诉。", year),
		"#六、政府信息公开工作存在的主要问题及改进措施",
		"我县政府信息公开工作虽然取得了一定成效，但仍存在公开内容不够全面、更新不够及时、部分单位对依申请公开工作重视不够等问题。下一步，我们将进一步加强组织领导，完善工作制度，加大监督检查力度，推动政府信息公开工作深入开展。",
		"#附件：政府信息公开情况统计表",
	}
	return title, paras
}

// RenderOldTabs renders a pre-2019 report as text copied from a web page.
func RenderOldTabs(agency string, year int) []byte {
	title, paras := oldReport(agency, year)
	var b strings.Builder
	b.WriteString(title + "\n\n")
	for _, p := range paras {
		b.WriteString(strings.TrimPrefix(p, "#") + "\n\n")
	}
	b.WriteString("统计指标\t单位\t统计数\n")
	for _, r := range oldStats {
		b.WriteString(r.name + "\t" + r.unit + "\t" + r.value + "\n")
	}
	b.WriteString("\n" + agency + "办公室\n" + fmt.Sprintf("%d年3月20日", year+1) + "\n")
	return []byte(b.String())
}

// RenderOldPortal renders a pre-2019 report as a portal article page.
func RenderOldPortal(s site, agency string, year int) []byte {
	title, paras := oldReport(agency, year)
	var b strings.Builder
	for _, p := range paras {
		if strings.HasPrefix(p, "#") {
			fmt.Fprintf(&b, "<p style=\"text-indent:2em;\"><strong>%s</strong></p>\n", esc(p[1:]))
			continue
		}
		fmt.Fprintf(&b, "<p style=\"text-indent:2em;\">%s</p>\n", esc(p))
	}
	b.WriteString("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" align=\"center\" style=\"border-collapse:collapse;width:100%;\">\n<tbody>\n<tr><td><p style=\"text-align:center;\">统计指标</p></td><td><p style=\"text-align:center;\">单位</p></td><td><p style=\"text-align:center;\">统计数</p></td></tr>\n")
	for _, r := range oldStats {
		if r.unit == "" {
			fmt.Fprintf(&b, "<tr><td colspan=\"3\"><p>%s</p></td></tr>\n", esc(r.name))
			continue
		}
		fmt.Fprintf(&b, "<tr><td><p>%s</p></td><td><p style=\"text-align:center;\">%s</p></td><td><p style=\"text-align:center;\">%s</p></td></tr>\n", esc(r.name), esc(r.unit), r.value)
	}
	b.WriteString("</tbody>\n</table>\n")
	return []byte(portalPage(s, title, fmt.Sprintf("%d-03-28", year+1), ownerOf(agency), b.String(), nil, ""))
}

// RenderNews renders a news article from a portal that talks about the
// annual report without being one.
func RenderNews(s site, agency string, year int) []byte {
	title := fmt.Sprintf("%s召开%d年度政务公开工作推进会", strings.TrimSuffix(agency, "人民政府"), year)
	paras := []string{
		fmt.Sprintf("%d年3月14日，%s召开%d年度政务公开工作推进会，总结上一年度政务公开工作，部署本年度重点任务。县政府办公室、各乡镇和县直有关部门分管负责同志参加会议。", year, agency, year),
		fmt.Sprintf("会议通报了%d年全县政务公开工作情况：全年主动公开政府信息1260条，收到政府信息公开申请12件，均在法定期限内答复；各单位按时编制发布了政府信息公开工作年度报告。", year-1),
		"会议指出，当前政务公开工作还存在政策解读形式单一、部分栏目更新不及时等问题。会议要求，各单位要对照《中华人民共和国政府信息公开条例》和上级工作要点，做好主动公开、依申请公开和政府信息管理工作，规范编制政府信息公开工作年度报告，确保数据准确、内容完整。",
		"会议还就政务新媒体管理、基层政务公开标准化规范化建设等工作作了具体安排。",
	}
	var b strings.Builder
	for _, p := range paras {
		fmt.Fprintf(&b, "<p style=\"text-indent:2em;\">%s</p>\n", esc(p))
	}
	b.WriteString("<p style=\"text-align:center;\"><img src=\"/zwgk/gzdt/W020240315.jpg\" alt=\"会议现场\"></p>\n")
	s.column = "工作动态"
	return []byte(portalPage(s, title, fmt.Sprintf("%d-03-15", year), ownerOf(agency), b.String(), nil, ""))
}

// RenderGuide renders a 政府信息公开指南 copied as text: numbered
// sections about 主动公开 and 依申请公开, but no report and no tables.
func RenderGuide(agency string, year int) []byte {
	lines := []string{
		agency + "政府信息公开指南",
		"",
		fmt.Sprintf("为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。本指南于%d年更新。", year),
		"",
		"一、主动公开",
		"",
		"（一）公开范围。本机关主动公开的政府信息范围详见政府信息公开目录，主要包括机构职能、规章和行政规范性文件、规划计划、财政预决算、行政许可、行政处罚和行政强制等信息。",
		"",
		"（二）公开方式。主要通过政府门户网站政府信息公开专栏公开，并通过政府公报、新闻发布会、政务新媒体等方式予以公开。",
		"",
		"（三）公开时限。属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开。",
		"",
		"二、依申请公开",
		"",
		"（一）受理机构。名称：" + ownerOf(agency) + "政务公开科；办公时间：工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）。",
		"",
		"（二）申请方式。申请人可以通过网上申请、信函申请、当面申请等方式提出政府信息公开申请。",
		"",
		"（三）办理时限。能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经负责人同意并告知申请人，延长期限最长不超过20个工作日。",
		"",
		"（四）收费。行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》收取信息处理费。",
		"",
		"三、监督和救济",
		"",
		"公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。",
		"",
	}
	return []byte(strings.Join(lines, "\n"))
}

// RenderAttachmentPage renders a portal page that publishes a report only
// as a Word attachment: the article is the title, one line and the link.
// Nothing on the page can be read as the report.
func RenderAttachmentPage(s site, agency string, year int) []byte {
	title := fmt.Sprintf("%s%d年度政府信息公开工作年度报告", agency, year)
	published := fmt.Sprintf("%d-01-26", year+1)
	var b strings.Builder
	fmt.Fprintf(&b, "<p style=\"text-align:center;\"><strong>%s</strong></p>\n", esc(title))
	fmt.Fprintf(&b, "<p style=\"text-indent:2em;\">现将%s%d年度政府信息公开工作年度报告予以公布，全文见附件。</p>\n", esc(agency), year)
	fmt.Fprintf(&b, "<p style=\"text-indent:2em;\">附件：<a href=\"/zwgk/zfxxgk/ndbg/%d01/P0%s395512738061.doc\">%s.doc</a></p>\n", year+1, strings.ReplaceAll(published, "-", ""), esc(title))
	return []byte(portalPage(s, title, published, agency, b.String(), nil, ""))
}
