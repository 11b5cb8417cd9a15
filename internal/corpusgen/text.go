package corpusgen

import (
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// block is one element of a document in reading order.
type block struct {
	heading bool
	text    string
	table   *Table
}

// blocks lays out r in reading order: title, preamble, the six sections
// with their tables, the sign-off. The title is not included.
func blocks(r *Report, st Style) []block {
	t2, t3, t4 := tables(r, st)
	var out []block
	para := func(ps []string) {
		for _, p := range ps {
			out = append(out, block{text: p})
		}
	}
	para(r.Preamble)
	out = append(out, block{heading: true, text: r.Heading(0)})
	para(r.Overview)
	out = append(out, block{heading: true, text: r.Heading(1)}, block{table: t2})
	out = append(out, block{heading: true, text: r.Heading(2)}, block{table: t3})
	h4 := r.Heading(3)
	if st.Misspell {
		h4 = misspellHeading.Replace(h4)
	}
	out = append(out, block{heading: true, text: h4}, block{table: t4})
	out = append(out, block{heading: true, text: r.Heading(4)})
	para(r.Problems)
	out = append(out, block{heading: true, text: r.Heading(5)})
	para(r.Other)
	para(r.SignOff)
	return out
}

// dispWidth is the width of s in a monospaced CJK rendering: wide and
// full-width characters count 2.
func dispWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// TabOptions tune the tab-separated text layout.
type TabOptions struct {
	// CellBreaks keeps the line breaks inside cells (商业 / 企业) as the
	// browser copies them: a new line in the middle of a table row.
	CellBreaks bool
	// CRLF ends lines with \r\n.
	CRLF bool
}

// RenderTabs renders r as text copied from a web page: paragraphs
// separated by blank lines, table rows as tab-separated cells where merged
// cells leave empty slots.
func RenderTabs(r *Report, st Style, o TabOptions) []byte {
	var b strings.Builder
	b.WriteString(r.Title + "\n\n")
	for _, bl := range blocks(r, st) {
		if bl.table == nil {
			b.WriteString(bl.text + "\n\n")
			continue
		}
		for _, row := range bl.table.Grid() {
			var cells []string
			for _, s := range row {
				if !s.origin {
					cells = append(cells, "")
					continue
				}
				sep := ""
				if o.CellBreaks && s.cell.Kind != kindValue {
					sep = "\n"
				}
				cells = append(cells, strings.Join(s.cell.Lines, sep))
			}
			b.WriteString(strings.Join(cells, "\t") + "\n")
		}
		b.WriteString("\n")
	}
	out := b.String()
	if o.CRLF {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	return []byte(out)
}

// AlignedOptions tune the space-aligned text layout.
type AlignedOptions struct {
	Gap        int // spaces between columns, at least 2
	Indent     int // left margin of tables
	ParaWidth  int // paragraph lines are wrapped at this many characters; 0 keeps them whole
	PageBreaks int // a page footer every this many lines; 0 for none
}

// wrapPara breaks a paragraph into lines of at most n characters, the
// first indented by two ideographic spaces' width.
func wrapPara(p string, n int) []string {
	r := []rune(p)
	if n <= 0 || len(r) <= n {
		return []string{"    " + p}
	}
	var out []string
	first := true
	for len(r) > 0 {
		k := n
		if first {
			k = n - 2
		}
		if k >= len(r) {
			k = len(r)
		} else {
			// Keep digit runs whole and closing punctuation off the line start.
			for k > 1 && (isDigit(r[k]) && isDigit(r[k-1]) || strings.ContainsRune("。，、；：）”", r[k])) {
				k--
			}
		}
		line := string(r[:k])
		if first {
			line = "    " + line
		}
		out = append(out, line)
		r = r[k:]
		first = false
	}
	return out
}

// alignTable renders a table with space-padded columns, as a PDF text
// extractor in layout mode prints it: labels left, numbers right, a label
// spanning rows printed at the middle of its span.
func alignTable(t *Table, o AlignedOptions) []string {
	grid := t.Grid()
	gap := o.Gap
	if gap < 2 {
		gap = 2
	}
	w := make([]int, t.Cols)
	type placed struct {
		r, c int
		cell *Cell
	}
	var cells []placed
	for r, row := range grid {
		for c, s := range row {
			if s.origin {
				cell := s.cell
				if cell.Kind == kindHeader {
					// A wide header (the corner note) wraps inside its cell.
					cp := *cell
					cp.Lines = nil
					for _, l := range cell.Lines {
						cp.Lines = append(cp.Lines, chop(l, 36)...)
					}
					cell = &cp
				}
				cells = append(cells, placed{r, c, cell})
			}
		}
	}
	lineW := func(cell *Cell) int {
		m := 0
		for _, l := range cell.Lines {
			if d := dispWidth(l); d > m {
				m = d
			}
		}
		return m
	}
	for _, p := range cells {
		if p.cell.ColSpan == 1 {
			if d := lineW(p.cell); d > w[p.c] {
				w[p.c] = d
			}
		}
	}
	for span := 2; span <= t.Cols; span++ {
		for _, p := range cells {
			if p.cell.ColSpan != span {
				continue
			}
			have := gap * (span - 1)
			for k := 0; k < span; k++ {
				have += w[p.c+k]
			}
			if d := lineW(p.cell); d > have {
				w[p.c+span-1] += d - have
			}
		}
	}
	start := make([]int, t.Cols)
	pos := o.Indent
	for c := range w {
		start[c] = pos
		pos += w[c] + gap
	}
	// For every grid row, the physical lines: a map from column to text.
	type piece struct {
		text  string
		right bool
		span  int
	}
	rowLines := make([][]map[int]piece, len(grid))
	put := func(r, k, c int, p piece) {
		for len(rowLines[r]) <= k {
			rowLines[r] = append(rowLines[r], map[int]piece{})
		}
		rowLines[r][k][c] = p
	}
	for _, p := range cells {
		spanW := gap * (p.cell.ColSpan - 1)
		for k := 0; k < p.cell.ColSpan; k++ {
			spanW += w[p.c+k]
		}
		n := len(p.cell.Lines)
		first := p.r
		if p.cell.RowSpan > 1 && n < p.cell.RowSpan && p.cell.Kind == kindLabel {
			first = p.r + (p.cell.RowSpan-n)/2
		}
		for k, l := range p.cell.Lines {
			rr, kk := first+k, 0
			if rr > p.r+p.cell.RowSpan-1 {
				rr, kk = p.r+p.cell.RowSpan-1, rr-(p.r+p.cell.RowSpan-1)
			}
			put(rr, kk, p.c, piece{text: l, right: p.cell.Kind == kindValue, span: spanW})
		}
	}
	var out []string
	for r := range grid {
		if len(rowLines[r]) == 0 {
			out = append(out, "")
			continue
		}
		for _, m := range rowLines[r] {
			var b strings.Builder
			cur := 0
			for c := 0; c < t.Cols; c++ {
				p, ok := m[c]
				if !ok {
					continue
				}
				at := start[c]
				if p.right {
					at = start[c] + p.span - dispWidth(p.text)
				}
				if at < cur+1 && cur > 0 {
					at = cur + 1
				}
				b.WriteString(strings.Repeat(" ", at-cur))
				b.WriteString(p.text)
				cur = at + dispWidth(p.text)
			}
			out = append(out, strings.TrimRight(b.String(), " "))
		}
	}
	return out
}

// RenderAligned renders r as space-aligned text, the way a PDF text
// extractor in layout mode or a fixed-width print shows a report.
func RenderAligned(r *Report, st Style, o AlignedOptions) []byte {
	var lines []string
	lines = append(lines, strings.Repeat(" ", 12)+r.Title, "")
	for _, bl := range blocks(r, st) {
		switch {
		case bl.table != nil:
			lines = append(lines, alignTable(bl.table, o)...)
			lines = append(lines, "")
		case bl.heading:
			lines = append(lines, "    "+bl.text, "")
		default:
			lines = append(lines, wrapPara(bl.text, o.ParaWidth)...)
			lines = append(lines, "")
		}
	}
	if o.PageBreaks > 0 {
		var paged []string
		page := 1
		for i, l := range lines {
			paged = append(paged, l)
			if (i+1)%o.PageBreaks == 0 && i+1 < len(lines) {
				paged = append(paged, "", strings.Repeat(" ", 36)+"— "+strconv.Itoa(page)+" —", "\f")
				page++
			}
		}
		paged = append(paged, "", strings.Repeat(" ", 36)+"— "+strconv.Itoa(page)+" —")
		lines = paged
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}

// CellsOptions tune the one-cell-per-line layout.
type CellsOptions struct {
	// KeepBreaks prints each line of a broken label on its own line.
	KeepBreaks bool
}

// RenderCells renders r with every table cell on its own line, as some
// viewers copy a table: the cells of a row one after another, merged cells
// once.
func RenderCells(r *Report, st Style, o CellsOptions) []byte {
	var b strings.Builder
	b.WriteString(r.Title + "\n")
	for _, bl := range blocks(r, st) {
		if bl.table == nil {
			b.WriteString(bl.text + "\n")
			continue
		}
		for _, row := range bl.table.Rows {
			for _, c := range row {
				if o.KeepBreaks && c.Kind != kindValue {
					for _, l := range c.Lines {
						b.WriteString(l + "\n")
					}
					continue
				}
				b.WriteString(c.Text() + "\n")
			}
		}
	}
	return []byte(b.String())
}

// chop breaks s into pieces of at most w display columns.
func chop(s string, w int) []string {
	var out []string
	var cur strings.Builder
	n := 0
	for _, r := range s {
		d := dispWidth(string(r))
		if n+d > w && n > 0 {
			out = append(out, cur.String())
			cur.Reset()
			n = 0
		}
		cur.WriteRune(r)
		n += d
	}
	if cur.Len() > 0 || len(out) == 0 {
		out = append(out, cur.String())
	}
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
