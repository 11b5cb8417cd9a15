// Package html reads reports published as web pages: portal articles,
// Word content pasted into a CMS, bare article fragments. Tables are
// expanded into a real grid (rowspan and colspan) before anything else, so
// that every cell sits under its header.
package html

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"sync"

	"errors"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/parser/charset"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// Limits that keep a hostile page from exhausting memory.
const (
	maxSpan      = 200     // a colspan or rowspan larger than this is clamped
	maxGridCells = 200_000 // cells of one expanded table
)

// Read parses an HTML page (any encoding) into lines of cells.
func Read(src []byte) (*layout.Document, error) {
	return ReadContext(context.Background(), src)
}

// ReadContext is Read stopped early, with ctx's error, when ctx ends.
func ReadContext(ctx context.Context, src []byte) (*layout.Document, error) {
	s := getScratch()
	text, own, notes := charset.DecodeBytesTo(s.decoded, src)
	// The first page a scratch serves builds its text in a buffer of its
	// own that the lines keep (a one-page process allocates nothing more);
	// later pages build it in the scratch's buffer and copy it out.
	used := s.used
	t, err := parseTree(ctx, text, tree{nodes: s.nodes, attrs: s.attrs, buf: s.text, pooled: used})
	s.nodes, s.attrs, s.used = nil, nil, true
	if t != nil && t.pooled {
		s.text, t.buf = t.buf[:0], nil
	}
	if own {
		s.decoded = text[:0] // the tree has copied what it keeps
	}
	if err != nil {
		putScratch(s)
		return nil, err
	}
	c := &canceller{ctx: ctx}
	root, meta := articleRoot(t, c)
	doc := &layout.Document{Format: "html", Title: pageTitle(t, meta)}
	for _, n := range notes {
		doc.Warnings = append(doc.Warnings, layout.Warning{Code: "encoding", Message: n})
	}
	w := &walker{doc: doc, canceller: c, t: t, buf: joined{t: t}, cell: joined{t: t},
		grid: s.grid, num: s.num, texts: s.texts}
	if used {
		// Likewise the lines, gathered in the scratch's slice and copied
		// out at their number rather than grown by doubling.
		w.lines = s.lines[:0]
	}
	if root != none {
		w.block(root)
	}
	w.flush()
	if used {
		if len(w.lines) > 0 { // none stays nil, as before
			doc.Lines = make([]layout.Line, len(w.lines))
			copy(doc.Lines, w.lines)
		}
		s.lines = w.lines
	} else {
		doc.Lines = w.lines
	}
	// The lines keep the tree's text, not its nodes, its attributes nor
	// the walker's buffers: those go to the next page.
	s.nodes, s.attrs, s.grid, s.num, s.texts = t.nodes, t.attrs, w.grid, w.num, w.texts
	t.nodes, t.attrs = nil, nil
	putScratch(s)
	if c.err != nil {
		return nil, c.err
	}
	return doc, nil
}

// scratch is the memory one page's reading needs only while it lasts,
// kept for the next page (a batch, a benchmark): a page decoded from GBK
// or Big5, the tree's nodes and the walker's grid, which are most of what
// a page allocates besides its lines, and which the collector would
// otherwise clear and collect page after page.
type scratch struct {
	decoded []byte // a page not in UTF-8, decoded
	nodes   []node
	attrs   []attr        // the tree's, cleared of their values
	lines   []layout.Line // the walker's, cleared of their cells
	grid    [][]gridCell
	num     []int
	texts   []cellTexts
	text    []byte // the tree's text while it is built
	used    bool   // a page has been read with this scratch
}

var scratchPool sync.Pool

func getScratch() *scratch {
	if s, ok := scratchPool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// putScratch keeps s for the next page, without the strings of this
// one's cells.
func putScratch(s *scratch) {
	clear(s.texts[:cap(s.texts)])
	clear(s.attrs[:cap(s.attrs)])
	clear(s.lines[:cap(s.lines)])
	s.nodes, s.attrs, s.texts, s.lines = s.nodes[:0], s.attrs[:0], s.texts[:0], s.lines[:0]
	scratchPool.Put(s)
}

// parseTree builds the page's tree from the token stream, or with
// html.Parse when the markup needs its full tree construction.
func parseTree(ctx context.Context, text []byte, mem tree) (*tree, error) {
	t, err := buildFastTo(ctx, text, mem)
	if !errors.Is(err, errGiveUp) {
		return t, err
	}
	root, err := xhtml.Parse(ctxReader{ctx, bytes.NewReader(text)})
	if err != nil {
		return nil, err
	}
	return fromNode(root), nil
}

// ctxEvery is how many nodes (or tokens) are visited between two looks at
// the context.
const ctxEvery = 256

// canceller tells when ctx has ended, looking at it every ctxEvery calls.
type canceller struct {
	ctx context.Context
	n   int
	err error
}

func (c *canceller) stop() bool {
	if c.err == nil {
		if c.n++; c.n%ctxEvery == 0 {
			c.err = c.ctx.Err()
		}
	}
	return c.err != nil
}

// ctxReader feeds the HTML parser until ctx ends, then fails its reads,
// which ends the parse.
type ctxReader struct {
	ctx context.Context
	r   *bytes.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// elements calls f on every element in document order until f returns
// false.
func (t *tree) elements(f func(int32) bool) {
	// A walk by the links, without recursion: down to the first child,
	// on to the next sibling, up when there is none.
	n := t.nodes[0].first
	for n != none {
		if t.nodes[n].kind == elemNode {
			if !f(n) {
				return
			}
			if c := t.nodes[n].first; c != none {
				n = c
				continue
			}
		}
		for t.nodes[n].next == none {
			if n = t.nodes[n].parent; n <= 0 {
				return // back at the document
			}
		}
		n = t.nodes[n].next
	}
}

// find returns the first element with atom a, or none.
func (t *tree) find(a atom.Atom) int32 {
	found := int32(none)
	t.elements(func(n int32) bool {
		if t.nodes[n].atom == a {
			found = n
			return false
		}
		return true
	})
	return found
}

// joined gathers pieces of the tree's text. Pieces that follow one
// another in tree.text (the text of consecutive nodes, mostly) are kept as
// one range of it, so that the result needs no copy; others are copied
// into a buffer that the next use reuses.
type joined struct {
	t      *tree
	lo, hi int32
	copied bool
	buf    []byte
}

func (j *joined) reset() { j.lo, j.hi, j.copied, j.buf = 0, 0, false, j.buf[:0] }

func (j *joined) len() int {
	if j.copied {
		return len(j.buf)
	}
	return int(j.hi - j.lo)
}

// add appends tree.text[start:end].
func (j *joined) add(start, end int32) {
	switch {
	case start == end:
	case !j.copied && j.lo == j.hi:
		j.lo, j.hi = start, end
	case !j.copied && start == j.hi:
		j.hi = end
	default:
		if !j.copied {
			j.buf = append(j.buf[:0], j.t.text[j.lo:j.hi]...)
			j.copied = true
		}
		j.buf = append(j.buf, j.t.text[start:end]...)
	}
}

// addNode appends a text node's text.
func (j *joined) addNode(n int32) { j.add(j.t.nodes[n].start, j.t.nodes[n].end) }

// String returns the text gathered.
func (j *joined) String() string {
	if j.copied {
		return string(j.buf)
	}
	return j.t.text[j.lo:j.hi]
}

// contains reports whether the text gathered contains s, without making it
// a string.
func (j *joined) contains(s string) bool {
	if j.copied {
		return bytes.Contains(j.buf, []byte(s))
	}
	return strings.Contains(j.t.text[j.lo:j.hi], s)
}

// allText gathers every text below n, as goquery's Text does.
func (t *tree) allText(j *joined, n int32) {
	for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
		switch t.nodes[c].kind {
		case textNode:
			j.addNode(c)
		case elemNode:
			t.allText(j, c)
		}
	}
}

// pageTitle returns the title the page declares for its article; meta is
// the first <meta name="ArticleTitle">, or none.
func pageTitle(t *tree, meta int32) string {
	if meta != none {
		for _, a := range t.attrsOf(meta) {
			if a.key == "content" {
				if strings.TrimSpace(a.val) != "" {
					return fold(a.val)
				}
				break
			}
		}
	}
	tt := ""
	if n := t.find(atom.Title); n != none {
		j := joined{t: t}
		t.allText(&j, n)
		tt = fold(j.String())
	}
	// Portals append the column and site names: 标题_栏目_网站.
	for _, sep := range []string{"_", "|", " - ", "－"} {
		if i := strings.Index(tt, sep); i > 0 {
			tt = tt[:i]
		}
	}
	return strings.TrimSpace(tt)
}

var headingRe = lazyre.New(`^\s*[一二三四五六][、.．]\s*(总体情况|概述|主动公开|收到和处理|.*复议|.*问题|其他需要报告)`)

// isHeading6 is headingRe.MatchString, the regexp run only on text whose
// numeral is followed by the separator it requires (a cell "一般" is not).
func isHeading6(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++ // \s
	}
	if i+len("一") > len(s) {
		return false
	}
	switch rest := s[i+len("一"):]; {
	case strings.HasPrefix(rest, "、"), strings.HasPrefix(rest, "."), strings.HasPrefix(rest, "．"):
		return headingRe.MatchString(s)
	}
	return false
}

// articleRoot finds the smallest element holding every report table and
// section heading, which leaves the portal's navigation, breadcrumbs and
// footer outside. A page without such markers is read whole.
// It returns none when c says to stop. The same walk finds meta, the
// first <meta name="ArticleTitle"> (for pageTitle), or none.
func articleRoot(t *tree, c *canceller) (root, meta int32) {
	var markers, headings []int32
	meta = none
	j := joined{t: t}
	// Tables first, then headings, each in document order, as the markers'
	// order only decides which common ancestor is found first.
	t.elements(func(n int32) bool {
		if c.stop() {
			return false
		}
		switch t.nodes[n].atom {
		case atom.Meta:
			if meta == none {
				for _, a := range t.attrsOf(n) {
					if a.key == "name" && a.val == "ArticleTitle" {
						meta = n
						break
					}
				}
			}
			return true
		case atom.Table:
			j.reset()
			t.allText(&j, n)
			if j.contains("自然人") || j.contains("信息内容") || j.contains("行政复议") {
				markers = append(markers, n)
			}
			return true
		case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Strong, atom.B, atom.Span, atom.Td:
		default:
			return true
		}
		if !t.startsWithNumeral(n) {
			return true // most elements: no need to build and fold their text
		}
		if s := t.ownText(n); len(s) < 120 && isHeading6(fold(s)) {
			headings = append(headings, n)
		}
		return true
	})
	if c.err != nil {
		return none, meta
	}
	markers = append(markers, headings...)
	if len(markers) == 0 {
		if body := t.find(atom.Body); body != none {
			return body, meta
		}
		return 0, meta
	}
	root = markers[0]
	for _, m := range markers[1:] {
		root = t.commonAncestor(root, m)
	}
	// Keep the title if it sits just outside: climb while the parent adds
	// little besides a heading (a title block beside the article body).
	if t.nodes[root].kind == elemNode && t.nodes[root].atom == atom.Table {
		root = t.nodes[root].parent
	}
	return root, meta
}

// startsWithNumeral reports whether the first text inside n opens with one
// of the numerals of the six section headings.
func (t *tree) startsWithNumeral(n int32) bool {
	for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
		switch {
		case t.nodes[c].kind == textNode:
			s := trimLeftBlank(t.textOf(c))
			if s == "" {
				continue
			}
			return strings.HasPrefix(s, "一") || strings.HasPrefix(s, "二") || strings.HasPrefix(s, "三") ||
				strings.HasPrefix(s, "四") || strings.HasPrefix(s, "五") || strings.HasPrefix(s, "六")
		case t.nodes[c].kind == elemNode && isInline(t.nodes[c].atom):
			if t.startsWithNumeral(c) {
				return true
			}
			if t.hasCellText(c) {
				return false
			}
		}
	}
	return false
}

// fold is textnorm.Fold with the no-break spaces (&nbsp;, in one cell of
// eight of a Word table) made spaces first. NFKC, which Fold applies,
// makes U+00A0 a space on its own, so the result is the same; but Fold
// sends text with U+00A0 through the full normalisation, several times
// slower than its paths for the rest.
func fold(s string) string {
	if strings.Contains(s, "\u00a0") {
		s = strings.ReplaceAll(s, "\u00a0", " ")
	}
	return textnorm.Fold(s)
}

// trimLeftBlank is strings.TrimLeft(s, " \t\r\n\u00a0\u3000") without
// its search of the cut set for every character.
func trimLeftBlank(s string) string {
	for len(s) > 0 {
		switch {
		case s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n':
			s = s[1:]
		case strings.HasPrefix(s, "\u00a0"):
			s = s[len("\u00a0"):]
		case strings.HasPrefix(s, "\u3000"):
			s = s[len("\u3000"):]
		default:
			return s
		}
	}
	return s
}

// ownText is the text of n's text children and inline elements, cut
// after 400 bytes.
func (t *tree) ownText(n int32) string {
	j := joined{t: t}
	var rec func(int32)
	rec = func(n int32) {
		for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
			switch {
			case t.nodes[c].kind == textNode:
				j.addNode(c)
			case t.nodes[c].kind == elemNode && isInline(t.nodes[c].atom):
				rec(c)
			}
			if j.len() > 400 {
				return
			}
		}
	}
	rec(n)
	return j.String()
}

func (t *tree) commonAncestor(a, b int32) int32 {
	da, db := t.depth(a), t.depth(b)
	for ; da > db; da-- {
		a = t.nodes[a].parent
	}
	for ; db > da; db-- {
		b = t.nodes[b].parent
	}
	for a != b {
		a, b = t.nodes[a].parent, t.nodes[b].parent
	}
	return a
}

func (t *tree) depth(n int32) int {
	d := 0
	for ; t.nodes[n].parent != none; n = t.nodes[n].parent {
		d++
	}
	return d
}

func isInline(a atom.Atom) bool {
	switch a {
	case atom.Span, atom.A, atom.B, atom.Strong, atom.I, atom.Em, atom.U, atom.Font, atom.Sub, atom.Sup,
		atom.Small, atom.Big, atom.Label, atom.Abbr, atom.Code, atom.S, atom.Strike, atom.Ins, atom.Del, atom.Mark, atom.Tt:
		return true
	}
	return false
}

func (t *tree) skipped(n int32) bool {
	switch t.nodes[n].atom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Iframe, atom.Object,
		atom.Select, atom.Button, atom.Input, atom.Textarea, atom.Svg, atom.Nav:
		return true
	}
	return t.nodes[n].kind == elemNode && t.nodes[n].name > 0 && t.nameOf(n) == "o:p" && t.nodes[n].first == none
}

// walker turns a subtree into lines: block elements and <br> end a line,
// tables become grid rows.
type walker struct {
	*canceller
	t      *tree
	doc    *layout.Document
	buf    joined // the text of the line being gathered
	cell   joined // cellText's
	tables int
	// grid and num are the last table's, reused by the next.
	grid  [][]gridCell
	num   []int
	texts []cellTexts
	lines []layout.Line // the document's, until the walk is over
}

func (w *walker) flush() {
	if w.buf.len() == 0 {
		return
	}
	raw := w.buf.String()
	w.buf.reset()
	t := fold(raw)
	if t == "" {
		return
	}
	w.add(layout.Line{Cells: []layout.Cell{{Text: t, Raw: strings.TrimSpace(raw), Col: -1}}})
}

func (w *walker) add(l layout.Line) {
	l.Num = len(w.lines) + 1
	w.lines = append(w.lines, l)
}

func (w *walker) block(n int32) {
	t := w.t
	for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
		if w.stop() {
			return
		}
		switch t.nodes[c].kind {
		case textNode:
			w.buf.addNode(c)
		case elemNode:
			a := t.nodes[c].atom
			switch {
			case t.skipped(c):
			case a == atom.Br:
				w.flush()
			case a == atom.Table:
				w.flush()
				w.table(c)
			case isInline(a) || a == 0:
				if a == atom.A {
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
func (w *walker) link(a int32) {
	href := ""
	for _, at := range w.t.attrsOf(a) {
		if at.key == "href" {
			href = strings.TrimSpace(at.val)
		}
	}
	text := fold(w.t.cellText(&w.cell, a))
	if href == "" && text == "" {
		return
	}
	w.doc.Links = append(w.doc.Links, layout.Link{Text: text, Href: href, Line: len(w.lines) + 1})
}

// tableLinks records the links inside a grid table's cells, which are
// read as text rather than walked as blocks.
func (w *walker) tableLinks(n int32) {
	t := w.t
	for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
		if t.nodes[c].kind != elemNode || t.skipped(c) {
			continue
		}
		if t.nodes[c].atom == atom.A {
			w.link(c)
		}
		w.tableLinks(c)
	}
}

// gridCell is one source cell placed in the expanded grid: small, as a
// spanned cell is placed many times.
type gridCell struct {
	src  int32 // index in walker.texts
	copy bool
	set  bool
	// rowCopy marks the copy, on a later row, of a rowspan cell's first
	// column; origin is the grid row where the cell is printed.
	rowCopy bool
	origin  int32
}

// cellTexts is a source cell's text, folded and as written.
type cellTexts struct{ text, raw string }

func isCell(t *tree, n int32) bool {
	return t.nodes[n].kind == elemNode && (t.nodes[n].atom == atom.Td || t.nodes[n].atom == atom.Th)
}

// table expands rowspan and colspan into a grid and emits one line per
// row, each cell with its grid column.
func (w *walker) table(tb int32) {
	t := w.t
	rows := t.tableRows(tb)
	if t.isLayoutTable(rows) {
		// A table used for page layout holds the article in its cells:
		// read the cells as blocks, so the report's own tables inside
		// them become grids of their own.
		for _, tr := range rows {
			for td := t.nodes[tr].first; td != none; td = t.nodes[td].next {
				if isCell(t, td) {
					w.block(td)
					w.flush()
				}
			}
		}
		return
	}
	w.tableLinks(tb)
	w.tables++
	id := w.tables
	grid := w.grid[:0]
	texts := w.texts[:0]
	defer func() { w.grid, w.texts = grid, texts }()
	// newRow adds an empty row, reusing a row of an earlier table.
	newRow := func() {
		if len(grid) < cap(grid) {
			grid = grid[:len(grid)+1]
			grid[len(grid)-1] = grid[len(grid)-1][:0]
			return
		}
		grid = append(grid, nil)
	}
	total := 0
	for r, tr := range rows {
		if w.stop() {
			return
		}
		// A row's index is its <tr>'s, not the grid's length: a rowspan
		// has already added the rows below it, and the cells of a later
		// <tr> go beside the spanned copies in that row.
		for len(grid) <= r {
			newRow()
		}
		col := 0
		for td := t.nodes[tr].first; td != none; td = t.nodes[td].next {
			if !isCell(t, td) {
				continue
			}
			for col < len(grid[r]) && grid[r][col].set {
				col++
			}
			cs, rs := t.span(td, "colspan"), t.span(td, "rowspan")
			raw := t.cellText(&w.cell, td)
			texts = append(texts, cellTexts{fold(raw), strings.TrimSpace(raw)})
			src := int32(len(texts) - 1)
			for dr := 0; dr < rs; dr++ {
				for len(grid) <= r+dr {
					newRow()
				}
				for dc := 0; dc < cs; dc++ {
					if total++; total > maxGridCells {
						return
					}
					row := grid[r+dr]
					if cap(row) == 0 {
						row = make([]gridCell, 0, 16)
					}
					for len(row) <= col+dc {
						row = append(row, gridCell{})
					}
					row[col+dc] = gridCell{src: src, copy: dr > 0 || dc > 0, set: true,
						rowCopy: dr > 0 && dc == 0, origin: int32(r)}
					grid[r+dr] = row
				}
			}
			col += cs
		}
	}
	if len(grid) > len(rows) {
		grid = grid[:len(rows)] // a rowspan ends with the table's rows
	}
	// The line number each grid row was given.
	num := w.num[:0]
	for range grid {
		num = append(num, 0)
	}
	w.num = num
	// The cells of every row in one array.
	n := 0
	for _, row := range grid {
		for _, gc := range row {
			if gc.set {
				n++
			}
		}
	}
	cells := make([]layout.Cell, 0, n)
	for r, row := range grid {
		line := layout.Line{Table: id}
		from := len(cells)
		for c, gc := range row {
			if !gc.set {
				continue
			}
			cell := layout.Cell{Text: texts[gc.src].text, Raw: texts[gc.src].raw, Col: c, Copy: gc.copy, RowCopy: gc.rowCopy}
			if gc.rowCopy {
				cell.Origin = num[gc.origin]
			}
			cells = append(cells, cell)
		}
		if len(cells) > from {
			line.Cells = cells[from:len(cells):len(cells)]
			w.add(line)
			num[r] = len(w.lines)
		}
	}
}

// isLayoutTable reports a table whose cells hold other tables.
func (t *tree) isLayoutTable(rows []int32) bool {
	var has func(int32) bool
	has = func(n int32) bool {
		for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
			if t.nodes[c].kind == elemNode && (t.nodes[c].atom == atom.Table || has(c)) {
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

// tableRows returns the rows of tb, not those of tables nested in its cells.
func (t *tree) tableRows(tb int32) []int32 {
	var out []int32
	var rec func(int32)
	rec = func(n int32) {
		for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
			if t.nodes[c].kind != elemNode {
				continue
			}
			switch t.nodes[c].atom {
			case atom.Tr:
				out = append(out, c)
			case atom.Table, atom.Td, atom.Th:
			default:
				rec(c)
			}
		}
	}
	rec(tb)
	return out
}

func (t *tree) span(n int32, name string) int {
	for _, a := range t.attrsOf(n) {
		if a.key == name {
			v, err := strconv.Atoi(strings.TrimSpace(a.val))
			if err != nil || v < 1 {
				return 1
			}
			if v > maxSpan {
				return maxSpan
			}
			return v
		}
	}
	return 1
}

// cellText joins a cell's text, gathered in j. Paragraphs and <br> inside
// a cell are the wrapping of one label (商业<br>企业), so they are joined
// without a space. Source line breaks and tabs are formatting, not text,
// and are dropped.
func (t *tree) cellText(j *joined, n int32) string {
	j.reset()
	t.gatherCell(j, n)
	return j.String()
}

func (t *tree) gatherCell(j *joined, n int32) {
	for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
		switch {
		case t.nodes[c].kind == textNode:
			// The runs between the dropped characters.
			start, end := t.nodes[c].start, t.nodes[c].end
			from := start
			for i := start; i < end; i++ {
				switch t.text[i] {
				case '\n', '\r', '\t':
					j.add(from, i)
					from = i + 1
				}
			}
			j.add(from, end)
		case t.nodes[c].kind == elemNode && !t.skipped(c):
			t.gatherCell(j, c)
		}
	}
}

// hasCellText reports whether n's cellText has more than white space.
func (t *tree) hasCellText(n int32) bool {
	for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
		switch {
		case t.nodes[c].kind == textNode:
			if strings.TrimSpace(t.textOf(c)) != "" {
				return true
			}
		case t.nodes[c].kind == elemNode && !t.skipped(c):
			if t.hasCellText(c) {
				return true
			}
		}
	}
	return false
}
