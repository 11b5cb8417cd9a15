// Package text reads plain-text reports: copies of web pages with
// tab-separated cells, columns aligned with spaces, one cell per line, and
// Markdown tables written by converters.
package text

import (
	"context"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// Read splits UTF-8 text into lines of cells. Line numbers are the physical
// line numbers of the input, so provenance points at the source line.
func Read(s string) *layout.Document {
	doc, _ := ReadContext(context.Background(), s)
	return doc
}

// ctxEvery is how many lines are read between two looks at the context.
const ctxEvery = 256

// ReadContext is Read stopped early, with ctx's error, when ctx ends.
func ReadContext(ctx context.Context, s string) (*layout.Document, error) {
	// Sized from the line count: growing them was a tenth of the reader's
	// allocation.
	n := strings.Count(s, "\n") + 1
	doc := &layout.Document{Format: "text", Lines: make([]layout.Line, 0, n)}
	sp := splitters.Get().(*splitter)
	defer sp.release()
	num := 0
	inBoxRow := false // the last line was a box row's text, no rule after it
	for len(s) > 0 {
		num++
		if num%ctxEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var line string
		if i := lineEnd(s); i >= 0 {
			line = s[:i]
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			s = s[i+1:]
		} else {
			line, s = s, ""
		}
		markdown := isMarkdownRow(line)
		cells, at, box := sp.splitLine(line, markdown)
		if box && cells != nil && inBoxRow && !strings.ContainsFunc(line, isHorizontalRule) {
			// A box row's text wrapped onto several lines (a label, or a
			// number cut in two: ２ / ３ in a narrow column) is one row.
			// A line with a rule in it (a merged cell's neighbours
			// closing their rows) starts a row of its own.
			prev := &doc.Lines[len(doc.Lines)-1]
			prev.Cells = joinBoxCells(prev.Cells, cells)
			continue
		}
		inBoxRow = box && cells != nil
		if cells == nil && at.n == 0 {
			continue
		}
		// Markdown tables come from converters, which drop cells: their
		// empty cells are not known to be blank.
		doc.Lines = append(doc.Lines, layout.Line{Num: num, Cells: cells, UnsureBlanks: markdown})
		sp.spans = append(sp.spans, at)
	}
	sp.place(doc)
	if charColumnsAlignBetter(doc, sp) {
		toCharColumns(doc, sp)
	}
	return doc, nil
}

// lineEnd is the index of the first CR or LF of s, or -1: two byte
// searches are cheaper than IndexAny's byte-by-byte set test.
func lineEnd(s string) int {
	n := strings.IndexByte(s, '\n')
	head := s
	if n >= 0 {
		head = s[:n]
	}
	if r := strings.IndexByte(head, '\r'); r >= 0 {
		return r
	}
	return n
}

// wideCount counts the two-column characters before a cell on its line
// and inside it.
type wideCount struct{ before, in float64 }

// Aligned text comes in two conventions: typed or monospace-rendered text
// gives a Chinese character two columns, pdftotext -layout gives every
// character one. Cells store display columns (two); when numbers line up
// better counting one column a character, the document is converted.

// charColumnsAlignBetter reports whether the numbers of table rows fall
// into fewer distinct columns when every character counts one column.
func charColumnsAlignBetter(doc *layout.Document, sp *splitter) bool {
	display, chars := map[float64]bool{}, map[float64]bool{}
	for li, l := range doc.Lines {
		nums := 0
		for _, c := range l.Cells {
			if c.HasX && isNumber(c.Text) {
				nums++
			}
		}
		if nums < 2 {
			continue
		}
		wides := sp.widesOf(li)
		for ci, c := range l.Cells {
			if c.HasX && isNumber(c.Text) && wides != nil {
				display[c.X1] = true
				chars[c.X1-wides[ci].before-wides[ci].in] = true
			}
		}
	}
	return len(chars) > 0 && len(chars) < len(display)
}

// toCharColumns rewrites every positioned cell in one-column-a-character
// positions.
func toCharColumns(doc *layout.Document, sp *splitter) {
	for i := range doc.Lines {
		wides := sp.widesOf(i)
		if wides == nil {
			continue
		}
		for j := range doc.Lines[i].Cells {
			c := &doc.Lines[i].Cells[j]
			w := wides[j]
			c.X0, c.X1 = c.X0-w.before, c.X1-w.before-w.in
		}
	}
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' && r != '.' && r != '-' && r != '+' {
			return false
		}
	}
	return true
}

// A splitter holds what splitting a document's lines reuses: the cells
// of tab-separated and aligned lines are gathered in one scratch slice,
// kept from document to document, and copied at the end into one block
// of the exact size (growing blocks as the lines came was an eighth of a
// text parse's bytes); the wide-character counts stay in the scratch.
type splitter struct {
	cells []layout.Cell // the document's tab and aligned cells so far
	wides []wideCount   // in step with cells (zero for a tab line's)
	spans []span        // per line kept, where its cells are
}

// A span is where a line's cells are in the scratch; n is 0 for a line
// whose cells are its own (Markdown, box rows).
type span struct {
	at, n   int
	aligned bool // it has wide-character counts
}

var splitters = sync.Pool{New: func() any { return new(splitter) }}

// maxKept is how many scratch cells go back to the pool at most: a huge
// document's scratch is left to the collector.
const maxKept = 1 << 14

// release empties the scratch (its strings point into the document) and
// returns it to the pool.
func (sp *splitter) release() {
	if cap(sp.cells) > maxKept {
		return
	}
	clear(sp.cells)
	sp.cells, sp.wides, sp.spans = sp.cells[:0], sp.wides[:0], sp.spans[:0]
	splitters.Put(sp)
}

// place copies the scratch cells into one block and gives each line its
// cells, capped at their length: appending to a line's cells copies them
// first and leaves the block alone.
func (sp *splitter) place(doc *layout.Document) {
	block := make([]layout.Cell, len(sp.cells))
	copy(block, sp.cells)
	for i, at := range sp.spans {
		if at.n > 0 {
			doc.Lines[i].Cells = block[at.at : at.at+at.n : at.at+at.n]
		}
	}
}

// widesOf returns the wide-character counts of line i's cells, or nil
// for a line that is not aligned text.
func (sp *splitter) widesOf(i int) []wideCount {
	at := sp.spans[i]
	if !at.aligned {
		return nil
	}
	return sp.wides[at.at : at.at+at.n]
}

// splitLine splits one line. The cells of tab-separated and aligned lines
// go to the scratch, and at tells where; other lines' cells are returned,
// nil for a line with no text. box tells a line read as a box-drawn row.
// markdown is isMarkdownRow(line).
func (sp *splitter) splitLine(line string, markdown bool) (cells []layout.Cell, at span, box bool) {
	// TrimSpace trims U+3000 too (unicode.IsSpace).
	if strings.TrimSpace(line) == "" {
		return nil, span{}, false
	}
	start := len(sp.cells)
	switch {
	case strings.IndexByte(line, '\t') >= 0:
		sp.cells = splitTabs(line, sp.cells)
		sp.wides = append(sp.wides, make([]wideCount, len(sp.cells)-start)...)
		return nil, span{at: start, n: len(sp.cells) - start}, false
	case markdown:
		return splitMarkdown(line), span{}, false
	case isBoxLine(line):
		return splitBox(line), span{}, true
	default:
		sp.cells, sp.wides = splitAligned(line, sp.cells, sp.wides)
		return nil, span{at: start, n: len(sp.cells) - start, aligned: true}, false
	}
}

// isBoxLine reports a line of a table drawn with box-drawing characters
// (│ ├ ┼ ─), as text browsers such as w3m dump HTML tables. By bytes:
// U+2500–U+257F are E2 94 or E2 95 and a continuation byte, and E2 is
// never inside another character.
func isBoxLine(line string) bool {
	for i := 0; ; {
		j := strings.IndexByte(line[i:], 0xE2)
		if j < 0 {
			return false
		}
		i += j
		if i+2 < len(line) && (line[i+1] == 0x94 || line[i+1] == 0x95) && line[i+2]&0xC0 == 0x80 {
			return true
		}
		i++
	}
}

// splitBox cuts a box-drawn row at its vertical rules and corners. The
// text between two of them is a cell placed by its display columns; a
// segment that is empty or only horizontal rule is a blank or a border,
// and gives no cell: blank cells are told by position, as in aligned text.
func splitBox(line string) []layout.Cell {
	var cells []layout.Cell
	col, startCol := 0.0, 0.0
	var seg strings.Builder
	flush := func() {
		raw := strings.TrimSpace(seg.String())
		seg.Reset()
		if raw != "" {
			cells = append(cells, layout.Cell{Text: textnorm.Fold(raw), Raw: raw, Col: -1, X0: startCol, X1: col, HasX: true})
		}
	}
	for _, r := range line {
		w := runeWidth(r)
		switch {
		case isHorizontalRule(r):
			seg.WriteByte(' ')
		case r >= 0x2500 && r <= 0x257f:
			flush()
			startCol = col + w
		default:
			seg.WriteRune(r)
		}
		col += w
	}
	flush()
	return cells
}

// joinBoxCells adds the text of a box row's next line to the cells of
// the lines before it: text between the same vertical rules continues the
// cell; text in a box empty so far is a cell of its own.
func joinBoxCells(cells, more []layout.Cell) []layout.Cell {
	for _, m := range more {
		joined := false
		for i := range cells {
			if cells[i].X0 == m.X0 {
				cells[i].Raw += m.Raw
				cells[i].Text += m.Text
				cells[i].X1 = max(cells[i].X1, m.X1)
				joined = true
				break
			}
		}
		if !joined {
			at := len(cells)
			for i := range cells {
				if cells[i].X0 > m.X0 {
					at = i
					break
				}
			}
			cells = append(cells[:at], append([]layout.Cell{m}, cells[at:]...)...)
		}
	}
	return cells
}

// isHorizontalRule reports the box-drawing characters that only draw
// horizontal lines.
func isHorizontalRule(r rune) bool {
	switch r {
	case '─', '━', '═', '┄', '┅', '┈', '┉', '╌', '╍':
		return true
	}
	return false
}

// splitTabs keeps empty cells: in a copied web table they are the slots of
// merged cells and blank values, and their position matters.
// It appends to cells.
func splitTabs(line string, cells []layout.Cell) []layout.Cell {
	for i := 0; ; i++ {
		p, rest, more := strings.Cut(line, "\t")
		cells = append(cells, layout.Cell{Text: textnorm.Fold(p), Raw: p, Col: i})
		if !more {
			return cells
		}
		line = rest
	}
}

func isMarkdownRow(line string) bool {
	t := strings.TrimSpace(line)
	return len(t) >= 2 && t[0] == '|' && t[len(t)-1] == '|'
}

// splitMarkdown reads `| a | b |` rows; separator rows (|---|:--:|) have no
// cells.
func splitMarkdown(line string) []layout.Cell {
	t := strings.TrimSpace(line)
	parts := strings.Split(t[1:len(t)-1], "|")
	sep := true
	for _, p := range parts {
		if strings.Trim(strings.TrimSpace(p), "-:") != "" {
			sep = false
		}
	}
	if sep {
		return nil
	}
	cells := make([]layout.Cell, len(parts))
	for i, p := range parts {
		cells[i] = layout.Cell{Text: textnorm.Fold(p), Raw: strings.TrimSpace(p), Col: i}
	}
	return cells
}

// splitAligned splits at runs of two or more spaces (ASCII, ideographic or
// non-breaking); each cell keeps its display columns (CJK counted as two)
// as its horizontal position, so that columns aligned with spaces can be
// matched to their headers. It appends to cells and wides.
func splitAligned(line string, cells []layout.Cell, wides []wideCount) ([]layout.Cell, []wideCount) {
	col := 0.0      // display column of the current rune
	start := -1     // byte offset of the current cell
	startCol := 0.0 // its display column
	endCol := 0.0
	gap := 0.0    // width of the blank run before the current rune
	wide := 0.0   // two-column characters so far on the line
	wideAt := 0.0 // … before the current cell
	wideIn := 0.0 // … inside it
	lastEnd := 0
	flush := func(end int) {
		if start >= 0 {
			raw := line[start:end]
			cells = append(cells, layout.Cell{Text: textnorm.Fold(raw), Raw: strings.TrimSpace(raw), Col: -1, X0: startCol, X1: endCol, HasX: true})
			wides = append(wides, wideCount{before: wideAt, in: wideIn})
			start = -1
		}
	}
	for i := 0; i < len(line); {
		r, size := rune(line[i]), 1
		if r >= utf8.RuneSelf {
			r, size = textnorm.DecodeAt(line, i)
		}
		next := i + size
		w := runeWidth(r)
		if r == ' ' || r == '\u3000' || r == '\u00a0' {
			gap += w
			col += w
			if w == 2 {
				wide++
			}
			i = next
			continue
		}
		if start >= 0 && gap >= 2 {
			flush(lastEnd)
		}
		if start < 0 {
			start, startCol, wideAt, wideIn = i, col, wide, 0
		}
		gap = 0
		col += w
		if w == 2 {
			wide++
			wideIn++
		}
		endCol = col
		lastEnd = next
		i = next
	}
	flush(lastEnd)
	return cells, wides
}

// runeWidth is the display width of r in a monospaced rendering: East Asian
// wide and full-width characters take two columns.
func runeWidth(r rune) float64 {
	switch {
	case r == '\u3000':
		return 2
	case r < 0x1100:
		return 1
	case r >= 0x1100 && r <= 0x115f, r >= 0x2e80 && r <= 0xa4cf, r >= 0xac00 && r <= 0xd7a3,
		r >= 0xf900 && r <= 0xfaff, r >= 0xfe30 && r <= 0xfe4f, r >= 0xff00 && r <= 0xff60,
		r >= 0xffe0 && r <= 0xffe6, r >= 0x20000 && r <= 0x3fffd:
		return 2
	}
	return 1
}
