package serve

import (
	"bytes"
	"strconv"
	"strings"
)

// The pages are written by plain Go code rather than html/template: linking
// text/template (reflect's Method and MethodByName) makes the linker keep
// every exported method of every type of the binary, which cost every
// command of govreport ~3.6 MB of binary and ~15 % of its start-up. The
// escaping below is html/template's for the contexts the pages use (text,
// quoted attribute values, URLs in href), and the output is the same byte
// for byte: TestPagesAsTemplates renders testdata/templates with
// html/template and compares.

// page is a page being written.
type page struct{ bytes.Buffer }

// raw writes markup as it is.
func (p *page) raw(s string) { p.WriteString(s) }

// text writes s escaped for HTML text, RCDATA or a quoted attribute value:
// html/template's htmlEscaper and attrEscaper (NUL, quotes, &, +, <, >).
func (p *page) text(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		p.WriteString(s[last:i])
		p.WriteString(r)
		last = i + 1
	}
	p.WriteString(s[last:])
}

// num writes an integer (nothing to escape).
func (p *page) num(n int) { p.WriteString(strconv.Itoa(n)) }

// url writes s as a part of a URL after its start, in a quoted attribute:
// html/template's urlNormalizer then attrEscaper.
func (p *page) url(s string) { p.text(normalizeURL(s)) }

// urlStart writes s as a whole URL in a quoted attribute: a URL with a
// scheme other than http, https or mailto is replaced, as html/template's
// urlFilter does.
func (p *page) urlStart(s string) {
	if proto, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(proto, "/") &&
		!strings.EqualFold(proto, "http") && !strings.EqualFold(proto, "https") && !strings.EqualFold(proto, "mailto") {
		s = "#ZgotmplZ"
	}
	p.url(s)
}

// normalizeURL percent-encodes the bytes that may not appear in a URL,
// keeping reserved characters and valid escapes (html/template's
// processURLOnto with norm set).
func normalizeURL(s string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0,
			'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte("0123456789abcdef"[c>>4])
		b.WriteByte("0123456789abcdef"[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func (p *page) head(title string) {
	p.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	p.text(title)
	p.raw(" · govreport 工作台</title><link rel=\"stylesheet\" href=\"/assets/app.css\"></head>\n<body>\n" +
		"<nav class=\"top\"><a href=\"/\">govreport 工作台</a> <a href=\"/\">上传与报告列表</a> <a href=\"/compare\">对比全部报告</a></nav>\n")
}

func (p *page) foot() { p.raw("<script src=\"/assets/app.js\"></script></body></html>\n") }

func (p *page) errorPage(d errorPage) {
	p.head(d.Title)
	p.raw("\n<main><h1>")
	p.text(d.Title)
	p.raw("</h1><p class=\"error\">")
	p.text(d.Message)
	p.raw("</p><p><a href=\"/\">回到工作台</a></p></main>\n")
	p.foot()
	p.raw("\n")
}

func (p *page) uploaded(rs []result) {
	p.head("上传结果")
	p.raw("\n<main><h1>上传结果</h1>\n<table class=\"list\"><tr><th>文件</th><th>结果</th></tr>\n")
	for _, r := range rs {
		p.raw("<tr><td>")
		p.text(r.File)
		p.raw("</td><td>")
		if r.Error != nil {
			p.raw("<span class=\"bad\">")
			p.text(kindText(r.Error.Kind))
			p.raw("</span> <span class=\"note\">")
			p.text(r.Error.Reason)
			p.raw("</span>")
		} else {
			p.raw("<a href=\"/reports/")
			p.url(r.ID)
			p.raw("\">查看报告</a>")
		}
		p.raw("</td></tr>")
	}
	p.raw("\n</table><p><a href=\"/\">回到工作台</a></p></main>\n")
	p.foot()
	p.raw("\n")
}

func (p *page) compareBar(d comparePage) {
	p.raw("<nav class=\"top screen-only\"><a href=\"/\">govreport 工作台</a> <a href=\"/\">上传与报告列表</a>\n<span class=\"downloads\">")
	p.num(d.Count)
	p.raw(" 份报告：<a id=\"download-csv\" href=\"")
	p.urlStart(d.CSV)
	p.raw("\" download>下载 CSV</a> <a id=\"download-xlsx\" href=\"")
	p.urlStart(d.XLSX)
	p.raw("\" download>下载 Excel</a> <a id=\"download-html\" href=\"")
	p.urlStart(d.HTML)
	p.raw("\" download>下载本页（单个 HTML 文件）</a></span></nav>\n" +
		"<style>nav.top{display:flex;gap:16px;padding:6px 0;border-bottom:1px solid #ddd;margin-bottom:12px}nav.top .downloads{margin-left:auto}</style>\n")
}

func (p *page) home(d homePage) {
	p.head("上传与报告列表")
	p.raw(`
<main>
<h1>政府信息公开工作年度报告工作台</h1>
<section id="upload">
<form id="upload-form" method="post" action="/upload" enctype="multipart/form-data">
<div id="drop" class="drop">
<p>把报告文件拖到这里（PDF、网页 HTML、Word .docx、文本，可一次多个），或
<label class="choose">选择文件<input id="file-input" type="file" name="file" multiple></label></p>
<p class="note">每个文件最大 `)
	p.text(d.MaxFile)
	p.raw("，一次最多 ")
	p.num(d.MaxFiles)
	p.raw(` 个。文件只在本机读取，不会发往网络。</p>
<noscript><button type="submit">上传</button></noscript>
</div>
</form>
<ul id="progress" class="progress"></ul>
</section>
<section id="reports">
<h2>报告（<span id="report-count">`)
	p.num(len(d.Reports))
	p.raw("</span> 份）</h2>\n")
	if f := d.Status.Folder; f.Total != 0 {
		p.raw("<p id=\"loading\" class=\"note\" data-total=\"")
		p.num(f.Total)
		p.raw("\" data-done=\"")
		p.num(f.Done)
		p.raw("\">文件夹中的文件：已读 ")
		p.num(f.Done)
		p.raw(" / ")
		p.num(f.Total)
		p.raw("</p>")
	}
	p.raw("\n")
	if len(d.Reports) > 0 {
		p.raw(`
<form id="compare-form" method="get" action="/compare">
<div class="tools"><input id="list-filter" type="search" placeholder="筛选：机关、地区、年度、文件名"> <button type="submit" id="compare-selected">对比所选报告</button> <a href="/compare">对比全部</a></div>
<input type="hidden" name="ids" id="compare-ids" value="">
<div class="pickers"><details id="region-tree" open><summary>按地区选择</summary>`)
		p.tree(d.Tree)
		p.raw("</details>\n<div id=\"year-pick\"><span>按年度选择：</span>")
		for _, y := range d.Years {
			p.raw("<label><input type=\"checkbox\" class=\"year\" value=\"")
			p.text(y)
			p.raw("\"> ")
			p.text(y)
			p.raw("</label> ")
		}
		p.raw(`</div></div>
<table class="list" id="report-list">
<thead><tr><th><input type="checkbox" id="select-all" title="全选"></th><th>机关</th><th>年度</th><th>地区</th><th>数字核对</th><th>未读到的数字</th><th>文件</th></tr></thead>
<tbody>
`)
		for _, r := range d.Reports {
			p.raw("<tr data-id=\"")
			p.text(r.ID)
			p.raw("\" data-regions=\"")
			p.text(r.Regions)
			p.raw("\" data-year=\"")
			p.text(r.Year)
			p.raw("\">\n<td><input type=\"checkbox\" class=\"pick\" value=\"")
			p.text(r.ID)
			p.raw("\"></td>\n<td><a class=\"open\" href=\"/reports/")
			p.url(r.ID)
			p.raw("\">")
			p.text(r.Agency)
			p.raw("</a></td><td>")
			p.text(r.Year)
			p.raw("</td><td>")
			p.text(r.Place)
			p.raw("</td>\n<td>")
			if r.Failed != 0 {
				p.raw("<span class=\"bad\">✗ ")
				p.num(r.Failed)
				p.raw(" 项不符</span>")
			} else {
				p.raw("通过")
			}
			p.raw("</td>\n<td class=\"num\">")
			p.num(r.Nulls)
			p.raw("</td><td class=\"file\">")
			p.text(r.File)
			p.raw("</td></tr>\n")
		}
		p.raw("</tbody></table>\n</form>\n")
	} else {
		p.raw("<p>还没有报告。上传文件，或用 <code>govreport serve 文件夹</code> 启动以读取整个文件夹。</p>")
	}
	p.raw("\n</section>\n")
	if len(d.Failures) > 0 {
		p.raw("\n<section id=\"failures\"><h2>未能读取的文件（")
		p.num(len(d.Failures))
		p.raw("）</h2>\n<table class=\"list\"><tr><th>文件</th><th>原因</th><th>详情</th></tr>\n")
		for _, f := range d.Failures {
			p.raw("<tr><td class=\"file\">")
			p.text(f.File)
			p.raw("</td><td>")
			p.text(kindText(f.Kind))
			p.raw("</td><td class=\"note\">")
			p.text(f.Reason)
			p.raw("</td></tr>")
		}
		p.raw("\n</table></section>\n")
	}
	p.raw("\n</main>\n")
	p.foot()
	p.raw("\n\n")
}

func (p *page) tree(ns []*regionNode) {
	p.raw("<ul class=\"tree\">")
	for _, n := range ns {
		p.raw("<li><label><input type=\"checkbox\" class=\"region\" value=\"")
		p.text(n.Code)
		p.raw("\"> ")
		p.text(n.Name)
		p.raw("（")
		p.num(n.Count)
		p.raw("）</label>")
		if len(n.Children) > 0 {
			p.tree(n.Children)
		}
		p.raw("</li>")
	}
	p.raw("</ul>")
}

func (p *page) report(v *reportView) {
	title := v.Agency
	if title == "" {
		title = v.File
	}
	p.head(title)
	p.raw("\n<main class=\"report\" data-id=\"")
	p.text(v.ID)
	p.raw("\">\n<h1>")
	if v.Title != "" {
		p.text(v.Title)
	} else {
		p.text(v.File)
	}
	p.raw("</h1>\n<dl class=\"meta\">\n<dt>机关</dt><dd id=\"agency\">")
	p.orNull(v.Agency)
	p.raw("</dd>\n<dt>年度</dt><dd id=\"year\">")
	p.orNull(v.Year)
	p.raw("</dd>\n<dt>地区</dt><dd>")
	p.text(v.Place)
	p.raw("（")
	p.text(v.Code)
	p.raw("）</dd>\n<dt>模板</dt><dd>")
	p.text(v.Template)
	p.raw(" 年版</dd>\n<dt>文件</dt><dd class=\"file\">")
	p.text(v.File)
	p.raw("（")
	p.text(v.Format)
	if v.Pages != 0 {
		p.raw("，")
		p.num(v.Pages)
		p.raw(" 页")
	}
	p.raw(`）</dd>
</dl>
<p class="note">点击任何一个数字，查看它在原文中的位置与原样文字。红色的格子属于未通过的数字核对；“—”是没有读到的数字，点击可见原因。</p>

<section id="checks">
<h2>数字核对：`)
	p.num(v.Passed)
	p.raw(" 项通过")
	if len(v.Failed) > 0 {
		p.raw("，<span class=\"bad\">")
		p.num(len(v.Failed))
		p.raw(" 项不符</span>")
	}
	p.raw("</h2>\n")
	if len(v.Failed) > 0 {
		p.raw("<ul class=\"failed\">")
		for _, c := range v.Failed {
			p.raw("<li class=\"bad\" data-fields=\"")
			p.text(strings.Join(c.Fields, " "))
			p.raw("\">")
			p.text(c.Text)
			p.raw("</li>")
		}
		p.raw("</ul>")
	}
	p.raw("\n")
	if len(v.Findings) > 0 {
		p.raw("<h3>审核发现</h3><ul class=\"findings\">")
		for _, f := range v.Findings {
			p.raw("<li class=\"finding ")
			p.text(f.Severity)
			p.raw("\" data-code=\"")
			p.text(f.Code)
			p.raw("\" data-fields=\"")
			p.text(strings.Join(f.Fields, " "))
			p.raw("\">")
			p.text(f.Message)
			p.raw("</li>")
		}
		p.raw("</ul>")
	}
	p.raw("\n</section>\n\n<section id=\"t2\"><h2>二、主动公开政府信息情况</h2>\n")
	p.nullNote(v.DisclosureMissing)
	p.raw("\n")
	for _, b := range v.Disclosure {
		p.raw("<table class=\"tpl\"><thead><tr><th>信息内容</th>")
		for _, h := range b.Heads {
			p.raw("<th>")
			p.text(h)
			p.raw("</th>")
		}
		p.raw("</tr></thead><tbody>\n")
		for _, r := range b.Rows {
			p.row(r)
		}
		p.raw("\n</tbody></table>")
	}
	p.raw("\n</section>\n\n<section id=\"t3\"><h2>三、收到和处理政府信息公开申请情况</h2>\n")
	if v.ApplicationsMissing != "" {
		p.nullNote(v.ApplicationsMissing)
	} else {
		p.raw(`
<div class="wrap"><table class="tpl" id="applications"><thead>
<tr><th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7">申请人情况</th></tr>
<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>
<tr>`)
		for i, c := range v.ApplicantCols {
			if i != 0 {
				p.raw("<th>")
				p.text(c)
				p.raw("</th>")
			}
		}
		p.raw("</tr>\n</thead><tbody>\n")
		for _, r := range v.Applications {
			p.row(r)
			p.raw("\n")
		}
		p.raw("</tbody></table></div>")
	}
	p.raw("\n</section>\n\n<section id=\"t4\"><h2>四、政府信息公开行政复议、行政诉讼情况</h2>\n")
	if v.ReviewMissing != "" {
		p.nullNote(v.ReviewMissing)
	} else {
		p.raw(`
<div class="wrap"><table class="tpl" id="review"><thead>
<tr><th colspan="5" rowspan="2">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>`)
		for range v.ReviewGroups {
			for _, o := range v.ReviewOutcomes {
				p.raw("<th>")
				p.text(o)
				p.raw("</th>")
			}
		}
		p.raw("</tr>\n</thead><tbody><tr data-row=\"review_litigation\">")
		p.cells(v.Review.Cells)
		p.raw("</tr></tbody></table></div>")
	}
	p.raw("\n</section>\n\n")
	if len(v.Warnings) > 0 {
		p.raw("<section id=\"warnings\"><h2>提示（")
		p.num(len(v.Warnings))
		p.raw("）</h2><ul>\n")
		for _, w := range v.Warnings {
			p.raw("<li data-code=\"")
			p.text(w.Code)
			p.raw("\"")
			if w.Field != "" {
				p.raw(" data-field=\"")
				p.text(w.Field)
				p.raw("\"")
			}
			p.raw(">")
			p.text(w.Message)
			if w.Field != "" {
				p.raw(" <code>")
				p.text(w.Field)
				p.raw("</code>")
			}
			p.raw("</li>")
		}
		p.raw("\n</ul></section>")
	}
	p.raw("\n\n<section id=\"text\"><h2>文字部分</h2>\n")
	p.prose("一、总体情况", v.Text.Overview)
	p.raw("\n")
	p.prose("五、存在的主要问题及改进情况", v.Text.Problems)
	p.raw("\n")
	p.prose("六、其他需要报告的事项", v.Text.OtherMatters)
	p.raw(`
</section>

<aside id="prov" class="prov" hidden>
<button type="button" class="close" title="关闭">×</button>
<h3>来源</h3>
<dl>
<dt>格子</dt><dd id="prov-label"></dd>
<dt>字段</dt><dd id="prov-path" class="file"></dd>
<dt>数值</dt><dd id="prov-value"></dd>
<dt>原文</dt><dd id="prov-raw"></dd>
<dt>位置</dt><dd id="prov-where"></dd>
</dl>
<div id="prov-notes"></div>
<h4>原文上下文</h4>
<table id="prov-context" class="context"></table>
</aside>
</main>
`)
	p.foot()
	p.raw("\n\n")
}

// orNull writes s, or a "not read" mark when it is empty.
func (p *page) orNull(s string) {
	if s == "" {
		p.raw("<span class=\"null\">未读到</span>")
		return
	}
	p.text(s)
}

// nullNote writes why a table is missing, if it is.
func (p *page) nullNote(s string) {
	if s != "" {
		p.raw("<p class=\"null\">")
		p.text(s)
		p.raw("</p>")
	}
}

func (p *page) prose(heading, s string) {
	if s != "" {
		p.raw("<h3>" + heading + "</h3><div class=\"prose\">")
		p.text(s)
		p.raw("</div>")
	}
}

// row writes a template row: its labels (with their spans where they have
// them) and its cells.
func (p *page) row(r rowView) {
	p.raw("<tr data-row=\"")
	p.text(r.Key)
	p.raw("\">")
	for _, l := range r.Labels {
		p.raw("<th class=\"rl\"")
		if l.Rowspan != 0 {
			p.raw(" rowspan=\"")
			p.num(l.Rowspan)
			p.raw("\"")
		}
		if l.Colspan != 0 {
			p.raw(" colspan=\"")
			p.num(l.Colspan)
			p.raw("\"")
		}
		p.raw(">")
		p.text(l.Text)
		p.raw("</th>")
	}
	p.cells(r.Cells)
	p.raw("</tr>")
}

func (p *page) cells(cs []cellView) {
	for _, c := range cs {
		p.raw("<td class=\"v")
		if c.Null {
			p.raw(" null")
		}
		if c.Bad {
			p.raw(" bad")
		}
		if c.Inferred {
			p.raw(" inferred")
		}
		p.raw("\"><button type=\"button\" class=\"val\" data-path=\"")
		p.text(c.Path)
		p.raw("\" data-label=\"")
		p.text(c.Label)
		p.raw("\" title=\"")
		p.text(c.Label)
		p.raw("\"")
		if c.HasProv {
			p.raw(" data-raw=\"")
			p.text(c.Raw)
			p.raw("\" data-page=\"")
			p.num(c.Page)
			p.raw("\" data-line=\"")
			p.num(c.Line)
			p.raw("\"")
		}
		if c.Inferred {
			p.raw(" data-inferred=\"1\"")
		}
		p.raw(" data-reasons=\"")
		p.text(strings.Join(c.Reasons, "\n"))
		p.raw("\" data-notes=\"")
		p.text(strings.Join(c.Notes, "\n"))
		p.raw("\">")
		p.text(c.Text)
		p.raw("</button></td>")
	}
}
