package html

// The tree-based reader this package had before it read the token stream
// (html.Parse and goquery), kept to check that the lines are unchanged.

import (
	"context"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/parser/charset"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// Limits that keep a hostile page from exhausting memory.
const (
	oldMaxSpan      = 200     // a colspan or rowspan larger than this is clamped
	oldMaxGridCells = 200_000 // cells of one expanded table
)

// oldRead parses an HTML page (any encoding) into lines of cells.
func oldRead(src []byte) (*layout.Document, error) {
	return oldReadContext(context.Background(), src)
}

// oldReadContext is oldRead stopped early, with ctx's error, when ctx ends.
func oldReadContext(ctx context.Context, src []byte) (*layout.Document, error) {
	text, notes := charset.Decode(src)
	c := &oldCanceller{ctx: ctx}
	root, err := xhtml.Parse(oldCtxReader{ctx, strings.NewReader(text)})
	if err != nil {
		return nil, err
	}
	gq := goquery.NewDocumentFromNode(root)
	doc := &layout.Document{Format: "html", Title: oldPageTitle(gq)}
	for _, n := range notes {
		doc.Warnings = append(doc.Warnings, layout.Warning{Code: "encoding", Message: n})
	}
	w := &oldWalker{doc: doc, oldCanceller: c}
	if r := oldArticleRoot(gq, c); r != nil {
		w.block(r)
	}
	w.flush()
	if c.err != nil {
		return nil, c.err
	}
	return doc, nil
}

// oldCtxEvery is how many nodes are visited between two looks at the context.
const oldCtxEvery = 256

// oldCanceller tells when ctx has ended, looking at it every oldCtxEvery calls.
type oldCanceller struct {
	ctx context.Context
	n   int
	err error
}

func (c *oldCanceller) stop() bool {
	if c.err == nil {
		if c.n++; c.n%oldCtxEvery == 0 {
			c.err = c.ctx.Err()
		}
	}
	return c.err != nil
}

// oldCtxReader feeds the HTML parser until ctx ends, then fails its reads,
// which ends the parse.
type oldCtxReader struct {
	ctx context.Context
	r   *strings.Reader
}

func (c oldCtxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// oldPageTitle returns the title the page declares for its article.
func oldPageTitle(d *goquery.Document) string {
	if t, ok := d.Find(`meta[name="ArticleTitle"]`).Attr("content"); ok && strings.TrimSpace(t) != "" {
		return textnorm.Fold(t)
	}
	t := textnorm.Fold(d.Find("title").First().Text())
	// Portals append the column and site names: 标题_栏目_网站.
	for _, sep := range []string{"_", "|", " - ", "－"} {
		if i := strings.Index(t, sep); i > 0 {
			t = t[:i]
		}
	}
	return strings.TrimSpace(t)
}

var oldHeadingRe = lazyre.New(`^\s*[一二三四五六][、.．]\s*(总体情况|概述|主动公开|收到和处理|.*复议|.*问题|其他需要报告)`)

// oldArticleRoot finds the smallest element holding every report table and
// section heading, which leaves the portal's navigation, breadcrumbs and
// footer outside. A page without such markers is read whole.
// It returns nil when c says to stop.
func oldArticleRoot(d *goquery.Document, c *oldCanceller) *xhtml.Node {
	var markers []*xhtml.Node
	d.Find("table").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if t := s.Text(); strings.Contains(t, "自然人") || strings.Contains(t, "信息内容") || strings.Contains(t, "行政复议") {
			markers = append(markers, s.Nodes[0])
		}
		return !c.stop()
	})
	d.Find("p,div,h1,h2,h3,h4,h5,h6,strong,b,span,td").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if c.stop() {
			return false
		}
		if !oldStartsWithNumeral(s.Nodes[0]) {
			return true // most elements: no need to build and fold their text
		}
		if t := oldOwnText(s.Nodes[0]); len(t) < 120 && oldHeadingRe.MatchString(textnorm.Fold(t)) {
			markers = append(markers, s.Nodes[0])
		}
		return true
	})
	if c.err != nil {
		return nil
	}
	body := d.Find("body").Nodes
	if len(markers) == 0 {
		if len(body) > 0 {
			return body[0]
		}
		return d.Nodes[0]
	}
	root := markers[0]
	for _, m := range markers[1:] {
		root = oldCommonAncestor(root, m)
	}
	// Keep the title if it sits just outside: climb while the parent adds
	// little besides a heading (a title block beside the article body).
	if root.Type == xhtml.ElementNode && root.DataAtom == atom.Table {
		root = root.Parent
	}
	return root
}

// oldStartsWithNumeral reports whether the first text inside n opens with one
// of the numerals of the six section headings.
func oldStartsWithNumeral(n *xhtml.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == xhtml.TextNode:
			t := strings.TrimLeft(c.Data, " \t\r\n\u00a0\u3000")
			if t == "" {
				continue
			}
			return strings.HasPrefix(t, "一") || strings.HasPrefix(t, "二") || strings.HasPrefix(t, "三") ||
				strings.HasPrefix(t, "四") || strings.HasPrefix(t, "五") || strings.HasPrefix(t, "六")
		case c.Type == xhtml.ElementNode && oldIsInline(c.DataAtom):
			if oldStartsWithNumeral(c) {
				return true
			}
			if strings.TrimSpace(oldCellText(c)) != "" {
				return false
			}
		}
	}
	return false
}

func oldOwnText(n *xhtml.Node) string {
	var b strings.Builder
	var rec func(*xhtml.Node)
	rec = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == xhtml.TextNode:
				b.WriteString(c.Data)
			case c.Type == xhtml.ElementNode && oldIsInline(c.DataAtom):
				rec(c)
			}
			if b.Len() > 400 {
				return
			}
		}
	}
	rec(n)
	return b.String()
}

func oldCommonAncestor(a, b *xhtml.Node) *xhtml.Node {
	seen := map[*xhtml.Node]bool{}
	for n := a; n != nil; n = n.Parent {
		seen[n] = true
	}
	for n := b; n != nil; n = n.Parent {
		if seen[n] {
			return n
		}
	}
	return a
}

func oldIsInline(a atom.Atom) bool {
	switch a {
	case atom.Span, atom.A, atom.B, atom.Strong, atom.I, atom.Em, atom.U, atom.Font, atom.Sub, atom.Sup,
		atom.Small, atom.Big, atom.Label, atom.Abbr, atom.Code, atom.S, atom.Strike, atom.Ins, atom.Del, atom.Mark, atom.Tt:
		return true
	}
	return false
}

func oldSkipped(n *xhtml.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Iframe, atom.Object,
		atom.Select, atom.Button, atom.Input, atom.Textarea, atom.Svg, atom.Nav:
		return true
	}
	return n.Type == xhtml.ElementNode && n.Data == "o:p" && n.FirstChild == nil
}

// oldWalker turns a DOM subtree into lines: block elements and <br> end a
// line, tables become grid rows.
type oldWalker struct {
	*oldCanceller
	doc    *layout.Document
	buf    strings.Builder
	tables int
}

func (w *oldWalker) flush() {
	raw := w.buf.String()
	w.buf.Reset()
	t := textnorm.Fold(raw)
	if t == "" {
		return
	}
	w.add(layout.Line{Cells: []layout.Cell{{Text: t, Raw: strings.TrimSpace(raw), Col: -1}}})
}

func (w *oldWalker) add(l layout.Line) {
	l.Num = len(w.doc.Lines) + 1
	w.doc.Lines = append(w.doc.Lines, l)
}

func (w *oldWalker) block(n *xhtml.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if w.stop() {
			return
		}
		switch c.Type {
		case xhtml.TextNode:
			w.buf.WriteString(c.Data)
		case xhtml.ElementNode:
			switch {
			case oldSkipped(c):
			case c.DataAtom == atom.Br:
				w.flush()
			case c.DataAtom == atom.Table:
				w.flush()
				w.table(c)
			case oldIsInline(c.DataAtom) || c.DataAtom == 0:
				if c.DataAtom == atom.A {
					w.link(c)
				}
				w.block(c)
			default:
				w.flush()
				w.block(c)
				w.flush()
			}
		}
	}
}

// link records an <a href> with the line its text will end up on.
func (w *oldWalker) link(a *xhtml.Node) {
	href := ""
	for _, at := range a.Attr {
		if strings.EqualFold(at.Key, "href") {
			href = strings.TrimSpace(at.Val)
		}
	}
	text := textnorm.Fold(oldCellText(a))
	if href == "" && text == "" {
		return
	}
	w.doc.Links = append(w.doc.Links, layout.Link{Text: text, Href: href, Line: len(w.doc.Lines) + 1})
}

// tableLinks records the links inside a grid table's cells, which are
// read as text rather than walked as blocks.
func (w *oldWalker) tableLinks(n *xhtml.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode || oldSkipped(c) {
			continue
		}
		if c.DataAtom == atom.A {
			w.link(c)
		}
		w.tableLinks(c)
	}
}

// oldGridCell is one source cell placed in the expanded grid.
type oldGridCell struct {
	text, raw string
	copy      bool
	set       bool
	// rowCopy marks the copy, on a later row, of a rowspan cell's first
	// column; origin is the grid row where the cell is printed.
	rowCopy bool
	origin  int
}

// table expands rowspan and colspan into a grid and emits one line per
// row, each cell with its grid column.
func (w *oldWalker) table(t *xhtml.Node) {
	rows := oldTableRows(t)
	if oldIsLayoutTable(rows) {
		// A table used for page layout holds the article in its cells:
		// read the cells as blocks, so the report's own tables inside
		// them become grids of their own.
		for _, tr := range rows {
			for td := tr.FirstChild; td != nil; td = td.NextSibling {
				if td.Type == xhtml.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
					w.block(td)
					w.flush()
				}
			}
		}
		return
	}
	w.tableLinks(t)
	w.tables++
	id := w.tables
	var grid [][]oldGridCell
	total := 0
	for r, tr := range rows {
		if w.stop() {
			return
		}
		// A row's index is its <tr>'s, not the grid's length: a rowspan
		// has already added the rows below it, and the cells of a later
		// <tr> go beside the spanned copies in that row.
		for len(grid) <= r {
			grid = append(grid, nil)
		}
		col := 0
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != xhtml.ElementNode || (td.DataAtom != atom.Td && td.DataAtom != atom.Th) {
				continue
			}
			for col < len(grid[r]) && grid[r][col].set {
				col++
			}
			cs, rs := oldSpan(td, "colspan"), oldSpan(td, "rowspan")
			raw := oldCellText(td)
			text := textnorm.Fold(raw)
			for dr := 0; dr < rs; dr++ {
				for len(grid) <= r+dr {
					grid = append(grid, nil)
				}
				for dc := 0; dc < cs; dc++ {
					if total++; total > oldMaxGridCells {
						return
					}
					row := grid[r+dr]
					for len(row) <= col+dc {
						row = append(row, oldGridCell{})
					}
					row[col+dc] = oldGridCell{text: text, raw: strings.TrimSpace(raw), copy: dr > 0 || dc > 0, set: true,
						rowCopy: dr > 0 && dc == 0, origin: r}
					grid[r+dr] = row
				}
			}
			col += cs
		}
	}
	if len(grid) > len(rows) {
		grid = grid[:len(rows)] // a rowspan ends with the table's rows
	}
	num := make([]int, len(grid)) // line number each grid row was given
	for r, row := range grid {
		line := layout.Line{Table: id}
		for c, gc := range row {
			if !gc.set {
				continue
			}
			cell := layout.Cell{Text: gc.text, Raw: gc.raw, Col: c, Copy: gc.copy, RowCopy: gc.rowCopy}
			if gc.rowCopy {
				cell.Origin = num[gc.origin]
			}
			line.Cells = append(line.Cells, cell)
		}
		if len(line.Cells) > 0 {
			w.add(line)
			num[r] = len(w.doc.Lines)
		}
	}
}

// oldIsLayoutTable reports a table whose cells hold other tables.
func oldIsLayoutTable(rows []*xhtml.Node) bool {
	var has func(*xhtml.Node) bool
	has = func(n *xhtml.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode && (c.DataAtom == atom.Table || has(c)) {
				return true
			}
		}
		return false
	}
	for _, tr := range rows {
		if has(tr) {
			return true
		}
	}
	return false
}

// oldTableRows returns the rows of t, not those of tables nested in its cells.
func oldTableRows(t *xhtml.Node) []*xhtml.Node {
	var out []*xhtml.Node
	var rec func(*xhtml.Node)
	rec = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != xhtml.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				out = append(out, c)
			case atom.Table, atom.Td, atom.Th:
			default:
				rec(c)
			}
		}
	}
	rec(t)
	return out
}

func oldSpan(n *xhtml.Node, name string) int {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, name) {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			if v > oldMaxSpan {
				return oldMaxSpan
			}
			return v
		}
	}
	return 1
}

// oldLineBreaks are source formatting inside a cell, not text.
var oldLineBreaks = strings.NewReplacer("\n", "", "\r", "", "\t", "")

// oldCellText joins a cell's text. Paragraphs and <br> inside a cell are the
// wrapping of one label (商业<br>企业), so they are joined without a space.
func oldCellText(n *xhtml.Node) string {
	var b strings.Builder
	var rec func(*xhtml.Node)
	rec = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == xhtml.TextNode:
				b.WriteString(oldLineBreaks.Replace(c.Data))
			case c.Type == xhtml.ElementNode && !oldSkipped(c):
				rec(c)
			}
		}
	}
	rec(n)
	return b.String()
}
