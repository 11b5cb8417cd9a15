package corpusgen

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// esc escapes text for HTML the way CMS editors do: &, < and > only.
func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// PortalOptions tune the government portal page.
type PortalOptions struct {
	// Breaks is how the lines of a broken cell are joined: "br" (商业<br/>企业)
	// or "p" (one <p> per line).
	Breaks string
	// OneLine writes the whole article body on one physical line.
	OneLine bool
	// EmptyTD writes a blank cell as <td></td> instead of <p>&nbsp;</p>.
	EmptyTD bool
	// Related lists other reports' titles in the side bar.
	Related []string
	// Attachment is the file name in the attachments list; "" for none.
	Attachment string
	// BodyTitle are centred lines at the top of the article body (a cover
	// letter's title, broken in two as editors do); nil for none.
	BodyTitle []string
}

// site is the chrome of a portal, derived from the report.
type site struct {
	name, domain, owner, column string
}

func siteOf(r *Report) site {
	return site{name: r.Site, domain: r.Domain, owner: ownerOf(r.Agency), column: "政府信息公开年报"}
}

// ownerOf names the office that runs the portal.
func ownerOf(agency string) string {
	if strings.HasSuffix(agency, "办公室") || strings.HasSuffix(agency, "办公厅") {
		return agency
	}
	if strings.HasSuffix(agency, "人民政府") {
		return agency + "办公室"
	}
	return agency + "办公室"
}

// portalTableHTML renders a table as a CMS editor stores it.
func portalTableHTML(t *Table, o PortalOptions, nl string) string {
	var b strings.Builder
	b.WriteString(`<table border="1" cellspacing="0" cellpadding="0" align="center" style="border-collapse:collapse;width:100%;">` + nl + `<tbody>` + nl)
	for i, row := range t.Rows {
		if i == 0 {
			b.WriteString(`<tr class="firstRow">`)
		} else {
			b.WriteString(`<tr>`)
		}
		for _, c := range row {
			b.WriteString(`<td`)
			if c.ColSpan > 1 {
				fmt.Fprintf(&b, ` colspan="%d"`, c.ColSpan)
			}
			if c.RowSpan > 1 {
				fmt.Fprintf(&b, ` rowspan="%d"`, c.RowSpan)
			}
			align := "center"
			if c.Kind == kindLabel {
				align = "left"
			}
			fmt.Fprintf(&b, ` valign="middle" style="border:1px solid windowtext;padding:0 5px;">`)
			switch {
			case c.Text() == "" && o.EmptyTD:
			case c.Text() == "":
				b.WriteString(`<p style="text-align:center;">&nbsp;</p>`)
			case len(c.Lines) > 1 && o.Breaks == "p":
				for _, l := range c.Lines {
					fmt.Fprintf(&b, `<p style="text-align:%s;">%s</p>`, align, esc(l))
				}
			default:
				parts := make([]string, len(c.Lines))
				for k, l := range c.Lines {
					parts[k] = esc(l)
				}
				fmt.Fprintf(&b, `<p style="text-align:%s;">%s</p>`, align, strings.Join(parts, "<br/>"))
			}
			b.WriteString(`</td>`)
		}
		b.WriteString(`</tr>` + nl)
	}
	b.WriteString(`</tbody>` + nl + `</table>` + nl)
	return b.String()
}

// articleHTML renders the body of a report as a CMS article.
func articleHTML(r *Report, st Style, o PortalOptions) string {
	nl := "\n"
	if o.OneLine {
		nl = ""
	}
	var b strings.Builder
	for _, l := range o.BodyTitle {
		fmt.Fprintf(&b, `<p style="text-align:center;"><strong>%s</strong></p>%s`, esc(l), nl)
	}
	for _, bl := range blocks(r, st) {
		switch {
		case bl.table != nil:
			b.WriteString(portalTableHTML(bl.table, o, nl))
		case bl.heading:
			fmt.Fprintf(&b, `<p style="text-indent:2em;"><strong>%s</strong></p>%s`, esc(bl.text), nl)
		case strings.HasSuffix(bl.text, "：") && utf8.RuneCountInString(bl.text) < 16:
			// A letter's addressee line stands flush left.
			fmt.Fprintf(&b, `<p>%s</p>%s`, esc(bl.text), nl)
		default:
			fmt.Fprintf(&b, `<p style="text-indent:2em;">%s</p>%s`, esc(bl.text), nl)
		}
	}
	return b.String()
}

// portalPage wraps an article in the chrome of a government portal:
// navigation, breadcrumbs, side bar, article information, attachments,
// footer.
func portalPage(s site, title, published, source, body string, related []string, attachment string) string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n")
	w("<meta charset=\"utf-8\">\n<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n")
	w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">\n")
	w("<meta name=\"SiteName\" content=\"%s\">\n<meta name=\"SiteDomain\" content=\"%s\">\n", s.name, s.domain)
	w("<meta name=\"ColumnName\" content=\"%s\">\n<meta name=\"ArticleTitle\" content=\"%s\">\n", s.column, html.EscapeString(title))
	w("<meta name=\"PubDate\" content=\"%s 09:30\">\n<meta name=\"ContentSource\" content=\"%s\">\n", published, source)
	w("<title>%s_%s_%s</title>\n", esc(title), s.column, s.name)
	w("<link rel=\"stylesheet\" href=\"/static/css/common.css\">\n<link rel=\"stylesheet\" href=\"/static/css/article.css\">\n")
	w("<script src=\"/static/js/jquery.min.js\"></script>\n</head>\n<body>\n")
	w("<div class=\"topbar\"><div class=\"wrap\"><span>欢迎访问%s！</span><a href=\"javascript:;\" class=\"wza\">无障碍</a> | <a href=\"javascript:;\">长者模式</a> | <a href=\"/mobile/\">移动版</a> | <a href=\"/login\">登录</a></div></div>\n", s.name)
	w("<div class=\"header\"><div class=\"wrap\"><a class=\"logo\" href=\"/\"><img src=\"/static/images/logo.png\" alt=\"%s\"></a>\n", s.name)
	w("<form class=\"search\" action=\"/search\"><input type=\"text\" name=\"q\" placeholder=\"请输入关键词\"><button type=\"submit\">搜索</button></form></div></div>\n")
	w("<div class=\"nav\"><ul class=\"wrap\">\n<li><a href=\"/\">首页</a></li>\n<li><a href=\"/zjgk/\">走进%s</a></li>\n<li class=\"on\"><a href=\"/zwgk/\">政务公开</a></li>\n<li><a href=\"/zwfw/\">政务服务</a></li>\n<li><a href=\"/hdjl/\">互动交流</a></li>\n<li><a href=\"/ztzl/\">专题专栏</a></li>\n</ul></div>\n", placeOf(s.owner))
	w("<div class=\"crumbs wrap\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; <a href=\"/zwgk/zfxxgk/\">政府信息公开</a> &gt; <a href=\"/zwgk/zfxxgk/ndbg/\">%s</a></div>\n", s.column)
	w("<div class=\"main wrap\">\n<div class=\"sidebar\">\n<h3>政府信息公开</h3>\n<ul>\n<li><a href=\"/zwgk/zfxxgk/zn/\">政府信息公开指南</a></li>\n<li><a href=\"/zwgk/zfxxgk/zd/\">政府信息公开制度</a></li>\n<li><a href=\"/zwgk/zfxxgk/fdzdgknr/\">法定主动公开内容</a></li>\n<li class=\"on\"><a href=\"/zwgk/zfxxgk/ndbg/\">%s</a></li>\n<li><a href=\"/zwgk/ysqgk/\">依申请公开</a></li>\n</ul>\n", s.column)
	if len(related) > 0 {
		w("<h3>往年年报</h3>\n<ul class=\"related\">\n")
		for i, t := range related {
			w("<li><a href=\"/zwgk/zfxxgk/ndbg/%d.html\">%s</a></li>\n", 100+i, esc(t))
		}
		w("</ul>\n")
	}
	w("</div>\n<div class=\"article\">\n<h1 class=\"article-title\">%s</h1>\n", esc(title))
	w("<div class=\"article-info\"><span>发布时间：%s</span><span>来源：%s</span><span>浏览次数：<script>document.write(Math.floor(Math.random()*1000));</script></span><span class=\"fontsize\">字号：<a href=\"javascript:;\">大</a> <a href=\"javascript:;\">中</a> <a href=\"javascript:;\">小</a></span></div>\n", published, source)
	w("<div class=\"article-content\"><div class=\"TRS_Editor\">\n%s</div></div>\n", body)
	if attachment != "" {
		w("<div class=\"attachments\"><p>附件：</p><ul><li><a href=\"/zwgk/zfxxgk/ndbg/P0%s.pdf\">%s</a></li></ul></div>\n", strings.ReplaceAll(published, "-", ""), esc(attachment))
	}
	w("<div class=\"article-tools\"><a href=\"javascript:window.print();\">【打印本页】</a> <a href=\"javascript:window.close();\">【关闭窗口】</a></div>\n</div>\n</div>\n")
	w("<div class=\"footer\"><div class=\"wrap\">\n<p>主办单位：%s　承办单位：%s大数据中心</p>\n", s.owner, placeOf(s.owner))
	w("<p>网站标识码：%s　<a href=\"https://beian.miit.gov.cn/\">备案号：示ICP备00000000号-1</a>　公网安备 00000000000000号</p>\n", siteCode(s.domain))
	w("<p>建议使用1366×768分辨率 IE10以上版本浏览器</p>\n</div></div>\n</body>\n</html>\n")
	return b.String()
}

// placeOf is the place name of an office: 青岚县 for 青岚县人民政府办公室.
func placeOf(owner string) string {
	for _, suf := range []string{"办公室", "办公厅", "人民政府", "管理委员会", "管委会"} {
		owner = strings.TrimSuffix(owner, suf)
	}
	return owner
}

// siteCode makes a stable ten-digit site code from the domain.
func siteCode(domain string) string {
	h := uint32(2166136261)
	for i := 0; i < len(domain); i++ {
		h ^= uint32(domain[i])
		h *= 16777619
	}
	return fmt.Sprintf("%010d", uint64(h)*7%10000000000)
}

// RenderPortal renders r as an article page of a government portal in
// UTF-8.
func RenderPortal(r *Report, st Style, o PortalOptions) []byte {
	return []byte(portalPage(siteOf(r), r.Title, r.Published, r.Agency, articleHTML(r, st, o), o.Related, o.Attachment))
}

// WordOptions tune the Word-exported page.
type WordOptions struct {
	// MetaCharset declares the charset as <meta charset=gb2312> instead of
	// the http-equiv form Word writes.
	MetaCharset bool
}

// wordNumber wraps a number the ways Word does: in nested spans, with
// spacerun padding, split over two runs, with trailing &nbsp;.
func wordNumber(text string, i int) string {
	const f = `<span lang=EN-US style='font-size:10.5pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>`
	if text == "" {
		return `<span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span>`
	}
	t := esc(text)
	switch i % 5 {
	case 1:
		return f + `<span style='mso-spacerun:yes'>&nbsp;</span>` + t + `<o:p></o:p></span>`
	case 2:
		if r := []rune(text); len(r) > 1 {
			return f + esc(string(r[:1])) + `</span>` + f + esc(string(r[1:])) + `<o:p></o:p></span>`
		}
		return f + t + `<o:p></o:p></span>`
	case 3:
		return f + t + `&nbsp;&nbsp;&nbsp;&nbsp;<o:p></o:p></span>`
	case 4:
		return `<span lang=EN-US style='font-size:10.5pt'><span style='font-family:仿宋_GB2312'>` + t + `</span><o:p></o:p></span>`
	}
	return f + t + `<o:p></o:p></span>`
}

func wordTable(t *Table, seq *int) string {
	var b strings.Builder
	b.WriteString("<div align=center>\n<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width=600\n style='width:450.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n")
	for i, row := range t.Rows {
		fmt.Fprintf(&b, " <tr style='mso-yfti-irow:%d", i)
		if i == 0 {
			b.WriteString(";mso-yfti-firstrow:yes")
		}
		if i == len(t.Rows)-1 {
			b.WriteString(";mso-yfti-lastrow:yes")
		}
		b.WriteString(";height:20.0pt'>\n")
		for _, c := range row {
			b.WriteString("  <td")
			if c.ColSpan > 1 {
				fmt.Fprintf(&b, " colspan=%d", c.ColSpan)
			}
			if c.RowSpan > 1 {
				fmt.Fprintf(&b, " rowspan=%d", c.RowSpan)
			}
			wd := 40 * c.ColSpan
			fmt.Fprintf(&b, " width=%d valign=middle style='width:%d.0pt;border:solid windowtext 1.0pt;\n  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt;height:20.0pt'>\n", wd, wd*3/4)
			switch c.Kind {
			case kindValue:
				fmt.Fprintf(&b, "  <p class=MsoNormal align=center style='text-align:center'>%s</p>\n", wordNumber(c.Text(), *seq))
				*seq++
			default:
				parts := make([]string, len(c.Lines))
				for k, l := range c.Lines {
					parts[k] = esc(l)
				}
				align := "center"
				if c.Kind == kindLabel {
					align = "left"
				}
				fmt.Fprintf(&b, "  <p class=MsoNormal align=%s style='text-align:%s;line-height:15.0pt'><span\n  style='font-size:10.5pt;font-family:仿宋_GB2312'>%s<span lang=EN-US><o:p></o:p></span></span></p>\n", align, align, strings.Join(parts, "<br>\n  "))
			}
			b.WriteString("  </td>\n")
		}
		b.WriteString(" </tr>\n")
	}
	b.WriteString("</table>\n</div>\n\n")
	return b.String()
}

// wordHTML renders r as Microsoft Word's "Save as Web Page" writes it.
func wordHTML(r *Report, st Style, o WordOptions) string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\nxmlns:w=\"urn:schemas-microsoft-com:office:word\"\nxmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\"\nxmlns=\"http://www.w3.org/TR/REC-html40\">\n\n<head>\n")
	if o.MetaCharset {
		w("<meta charset=gb2312>\n")
	} else {
		w("<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">\n")
	}
	w("<meta name=ProgId content=Word.Document>\n<meta name=Generator content=\"Microsoft Word 15\">\n<meta name=Originator content=\"Microsoft Word 15\">\n")
	w("<title>%s</title>\n", esc(r.Title))
	w("<!--[if gte mso 9]><xml>\n <o:DocumentProperties>\n  <o:Author>%s</o:Author>\n  <o:Pages>%d</o:Pages>\n  <o:Company>%s</o:Company>\n  <o:Version>16.00</o:Version>\n </o:DocumentProperties>\n</xml><![endif]-->\n", "Administrator", 6, esc(ownerOf(r.Agency)))
	w("<style>\n<!--\n /* Font Definitions */\n @font-face\n\t{font-family:仿宋_GB2312;\n\tpanose-1:2 1 6 9 3 1 1 1 1 1;}\n @font-face\n\t{font-family:黑体;\n\tpanose-1:2 1 6 0 3 1 1 1 1 1;}\n")
	w(" /* Style Definitions */\n p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{mso-style-unhide:no;\n\tmargin:0cm;\n\ttext-align:justify;\n\ttext-justify:inter-ideograph;\n\tfont-size:10.5pt;\n\tfont-family:\"Times New Roman\",serif;}\n")
	w("@page WordSection1\n\t{size:595.3pt 841.9pt;\n\tmargin:72.0pt 90.0pt 72.0pt 90.0pt;}\ndiv.WordSection1\n\t{page:WordSection1;}\n-->\n</style>\n</head>\n\n")
	w("<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>\n\n<div class=WordSection1 style='layout-grid:15.6pt'>\n\n")
	w("<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt'><b><span\nstyle='font-size:22.0pt;font-family:方正小标宋简体'>%s<span lang=EN-US><o:p></o:p></span></span></b></p>\n\n", esc(r.Title))
	w("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n\n")
	seq := 0
	for _, bl := range blocks(r, st) {
		switch {
		case bl.table != nil:
			b.WriteString(wordTable(bl.table, &seq))
		case bl.heading:
			w("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span\nstyle='font-size:16.0pt;font-family:黑体'>%s<span lang=EN-US><o:p></o:p></span></span></p>\n\n", esc(bl.text))
		default:
			w("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span\nstyle='font-size:16.0pt;font-family:仿宋_GB2312'>%s<span lang=EN-US><o:p></o:p></span></span></p>\n\n", esc(bl.text))
		}
	}
	w("</div>\n\n</body>\n\n</html>\n")
	return b.String()
}

// encode converts s to a Chinese legacy encoding, failing on any character
// the encoding lacks.
func encode(s string, e encoding.Encoding) ([]byte, error) {
	var buf bytes.Buffer
	wr := e.NewEncoder().Writer(&buf)
	if _, err := wr.Write([]byte(s)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RenderWord renders r as a Word-exported web page saved in GBK.
func RenderWord(r *Report, st Style, o WordOptions) ([]byte, error) {
	return encode(wordHTML(r, st, o), simplifiedchinese.GBK)
}

// legacyHTML renders r as an old table-layout CMS page without any charset
// declaration: <font> tags, bare text in cells.
func legacyHTML(r *Report, st Style) string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	s := siteOf(r)
	w("<html>\n<head>\n<title>%s--%s</title>\n<link href=\"/css/style.css\" rel=\"stylesheet\" type=\"text/css\">\n</head>\n", esc(r.Title), s.name)
	w("<body topmargin=0 leftmargin=0>\n<table width=980 border=0 align=center cellpadding=0 cellspacing=0>\n<tr><td><img src=\"/images/banner.jpg\" width=980 height=150></td></tr>\n")
	w("<tr><td class=nav height=36>&nbsp;&nbsp;<a href=\"/\">网站首页</a> | <a href=\"/zwgk/\">政务公开</a> | <a href=\"/bsfw/\">办事服务</a> | <a href=\"/gzcy/\">公众参与</a></td></tr>\n")
	w("<tr><td height=30>您现在的位置：<a href=\"/\">首页</a> &gt;&gt; <a href=\"/zwgk/\">政务公开</a> &gt;&gt; 年度报告</td></tr>\n")
	w("<tr><td>\n<table width=\"100%%\" border=0 cellpadding=0 cellspacing=0>\n<tr><td align=center height=50><font size=4 color=\"#cc0000\"><b>%s</b></font></td></tr>\n", esc(r.Title))
	w("<tr><td align=center><font color=\"#666666\">发布日期：%s　　信息来源：%s　　【<a href=\"javascript:window.print()\">打印</a>】</font></td></tr>\n", r.Published, esc(ownerOf(r.Agency)))
	w("<tr><td id=zoom style=\"line-height:200%%;font-size:14px\">\n")
	for _, bl := range blocks(r, st) {
		switch {
		case bl.table != nil:
			w("<table width=\"96%%\" border=1 align=center cellpadding=2 cellspacing=0 bordercolor=\"#000000\" style=\"border-collapse:collapse\">\n")
			for _, row := range bl.table.Rows {
				w("<tr>")
				for _, c := range row {
					w("<td")
					if c.ColSpan > 1 {
						w(" colspan=%s", strconv.Itoa(c.ColSpan))
					}
					if c.RowSpan > 1 {
						w(" rowspan=%s", strconv.Itoa(c.RowSpan))
					}
					if c.Kind == kindValue {
						w(" align=center")
					}
					parts := make([]string, len(c.Lines))
					for k, l := range c.Lines {
						parts[k] = esc(l)
					}
					txt := strings.Join(parts, "<br>")
					if txt == "" {
						txt = "&nbsp;"
					}
					w("><font size=2>%s</font></td>", txt)
				}
				w("</tr>\n")
			}
			w("</table>\n")
		case bl.heading:
			w("<p><b>%s</b></p>\n", esc(bl.text))
		default:
			w("<p>&nbsp;&nbsp;&nbsp;&nbsp;%s</p>\n", esc(bl.text))
		}
	}
	w("</td></tr>\n</table>\n</td></tr>\n")
	w("<tr><td align=center height=80 bgcolor=\"#eeeeee\">版权所有：%s　　技术支持：信息中心<br>地址：%s　　邮编：000000</td></tr>\n</table>\n</body>\n</html>\n", esc(s.owner), esc(strings.TrimSuffix(s.owner, "办公室"))+"行政中心")
	return b.String()
}

// RenderLegacy renders r as an old portal page in GB18030 that declares no
// charset at all.
func RenderLegacy(r *Report, st Style) ([]byte, error) {
	return encode(legacyHTML(r, st), simplifiedchinese.GB18030)
}
