package html

import (
	"math/rand"
	"strings"
	"testing"
)

// Malformed markup the tree builder repairs: the reader must give the
// lines the tree-based reader gave, and the fast builder, where it does
// not leave the page to html.Parse, html.Parse's tree.
var malformed = map[string]string{
	"implied end tags":   `<table><tr><td>本年新收<td>１２<tr><td>上年结转<td>3</table>`,
	"no tbody, no </tr>": `<TABLE border=1><TR><TD colspan=2>申请人情况<TR><TD>自然人<TD>5</TABLE>`,
	"stray end tags":     `<div>一、总体情况</span></td></tr></div></p><p>text</b></i>more</p>`,
	"unclosed table":     `<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>自然人</td><td rowspan=2>7`,
	"table inside p":     `<p>before<table><tr><td>信息内容</td><td>1</td></tr></table>after</p>`,
	"table inside td":    `<table><tr><td><table><tr><td>行政复议</td><td>2</td></tr></table></td><td>x</td></tr></table>`,
	"uppercase tags":     `<HTML><HEAD><TITLE>年报_栏目_网站</TITLE></HEAD><BODY><P>一、总体情况</P><BR>行<BR/>文</BODY></HTML>`,
	"unquoted attrs":     `<table><tr><td rowspan=3 colspan=2>合计</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>`,
	"entities":           `<p>&nbsp;四、行政复议&#12288;情况 &amp; 说明</p><table><tr><td>&nbsp;自然人&nbsp;</td><td>&#65297;&#65298;</td></tr></table>`,
	"cdata and comments": `<table><tr><td><![CDATA[x]]>自然人<!-- note --></td><td>1<!--
--></td></tr></table>`,
	"br and blocks in cell": `<table><tr><td>商业<br>企业</td><td><p>科研</p><p>机构</p></td><td><div>1</div></td></tr></table>`,
	"script and style":      `<head><style>td{}</style><script>var a="<td>";</script></head><body><p>一、总体情况<script>x()</script></p></body>`,
	"text after body":       `<body><p>a</p></body></html><p>六、其他需要报告的事项</p>`,
	"formatting across p":   `<p><b>bold<p>next</b> after`,
	"formatting in cell":    `<table><tr><td><b>自然人<td>3</b></table><p>x</p>`,
	"a left open":           `<p><a href="/a.doc">附件1<a href="/b.xls">附件2</a></p>`,
	"links in table":        `<table><tr><td><a href="x.pdf">附件</a></td><td>行政复议</td></tr></table>`,
	"list items":            `<ul><li>一、总体情况<li>二、主动公开<ul><li>inner</ul></ul><dl><dt>a<dd>b<dt>c</dl>`,
	"headings":              `<h1>一、总体情况<h2>二、主动公开政府信息情况</h1></h2><h3>x`,
	"form and button":       `<form><button>搜索<div>x</button></form><form><p>a</form></p><table><form><tr><td>自然人</td></tr></form></table>`,
	"select":                `<select><option>a<option>b</select><p>一、总体情况</p>`,
	"colgroup":              `<table><colgroup><col width=1><col></colgroup><col><tr><td>信息内容</td></tr><col span=2><tr><td>2</td></tr></table>`,
	"foster-parented text":  `<table>orphan<tr><td>自然人</td>lost<td>1</td></tr></table>`,
	"pre and textarea":      "<pre>\n一、总体情况\n</pre><textarea>\nx</textarea>",
	"word markup":           `<p class=MsoNormal><span lang=EN-US>三、收到<o:p></o:p></span></p><o:p>&nbsp;</o:p>`,
	"svg":                   `<svg><title>t</title><td>x</td></svg><p>一、总体情况</p>`,
	"frameset":              `<frameset><frame src=a></frameset>`,
	"head content late":     `<html><head></head><title>late</title><meta name="ArticleTitle" content="标题"><body><p>x</p>`,
	"caption":               `<table><caption>表一 自然人</caption><tr><td>1</td></tr></table>`,
	"nested quirks":         `<!DOCTYPE html><p><table><tr><td>自然人</td></tr></table>`,
	"empty":                 ``,
	"nul":                   "<p>a\x00b</p>",
}

func TestMalformedSameAsTreeReader(t *testing.T) {
	for name, page := range malformed {
		sameLines(t, name, []byte(page))
		sameTree(t, name, page)
	}
}

// The implied end tags of tables, cells and paragraphs are followed
// without html.Parse.
func TestFastBuilderCoversPortalMarkup(t *testing.T) {
	for _, name := range []string{"implied end tags", "no tbody, no </tr>", "stray end tags", "unclosed table",
		"table inside td", "uppercase tags", "entities", "cdata and comments", "br and blocks in cell",
		"script and style", "text after body", "formatting in cell", "links in table", "list items", "headings",
		"colgroup", "word markup", "head content late", "form and button"} {
		if sameTree(t, name, malformed[name]) {
			t.Errorf("%s: left to html.Parse", name)
		}
	}
}

// Random tag soup from the pieces portals are made of: whatever the fast
// builder builds is html.Parse's tree, and the lines are the tree-based
// reader's.
func TestTagSoupSameAsTreeReader(t *testing.T) {
	pieces := []string{"<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=2>", "<td rowspan=2>",
		"<tbody>", "</tbody>", "<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<b>", "</b>", "<a href=x>", "</a>",
		"<br>", "</br>", "<li>", "<ul>", "</ul>", "<h2>", "</h2>", "<font>", "</font>", "<o:p>", "</o:p>", "<col>",
		"<colgroup>", "<script>s</script>", "<style>t</style>", "<!-- c -->", "<form>", "</form>", "<button>", "</button>",
		"<html>", "<body>", "</body>", "<head>", "</head>", "<title>T</title>", "<meta name=ArticleTitle content=M>",
		"<input type=hidden>", "<hr>", "<pre>", "<dd>", "<dt>", "<center>", "<strong>", "</strong>", "<select>",
		"自然人", "一、总体情况", "  ", "\n", "12", "&nbsp;", "&#12288;", "信息内容", "三、收到和处理"}
	rng := rand.New(rand.NewSource(15))
	fast := 0
	for i := 0; i < 10000; i++ {
		var b strings.Builder
		for n := rng.Intn(30); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		page := b.String()
		sameLines(t, page, []byte(page))
		if !sameTree(t, page, page) {
			fast++
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("%d of 10000 built without html.Parse", fast)
}
