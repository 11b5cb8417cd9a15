package pdf

import (
	"math"
	"slices"
	"strings"

	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// word is a run of glyphs on a line without a wide gap.
type word struct {
	raw    string
	text   string // folded
	x0, x1 float64
	y      float64
	size   float64
	col    int
}

// tline is a visual line: words sharing a baseline.
type tline struct {
	page  int
	y     float64
	size  float64
	words []word
	table int
	// label is set on grid rows whose label was assembled from fragments
	label  *word
	header bool
}

func (l *tline) joined() string {
	var b strings.Builder
	for _, w := range l.words {
		b.WriteString(w.text)
	}
	return b.String()
}

// build turns pages of lines (see pageLines) into the layout document.
func build(pages []page, grid bool) *layout.Document {
	doc := &layout.Document{Format: "pdf", Pages: len(pages)}
	var all []*tline
	per := make([][]*tline, len(pages))
	for i := range pages {
		per[i] = pages[i].lines
	}
	dropFurniture(per, pages)
	for _, ls := range per {
		all = append(all, ls...)
	}
	if grid {
		all = buildTables(all)
		all = mergeReviewHeader(all)
	}
	// every line's cells in one array, each line's capped to its own
	n, nl := 0, 0
	for _, l := range all {
		k := len(l.words)
		if l.label != nil {
			k++
		}
		if k > 0 {
			n += k
			nl++
		}
	}
	slab := make([]layout.Cell, 0, n)
	if nl > 0 { // no lines stay nil
		doc.Lines = make([]layout.Line, 0, nl)
	}
	num := 0
	for _, l := range all {
		start := len(slab)
		if l.label != nil {
			slab = append(slab, cell(*l.label, 0))
		}
		for _, w := range l.words {
			col := -1
			if l.table > 0 {
				col = w.col
			}
			slab = append(slab, cell(w, col))
		}
		if len(slab) == start {
			continue
		}
		num++
		cells := slab[start:len(slab):len(slab)]
		doc.Lines = append(doc.Lines, layout.Line{Page: l.page, Num: num, Table: l.table, Cells: cells})
	}
	return doc
}

func cell(w word, col int) layout.Cell {
	return layout.Cell{Text: w.text, Raw: w.raw, Col: col, X0: round2(w.x0), X1: round2(w.x1), HasX: true}
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// pageLines groups a page's glyphs into lines and words.
func pageLines(p *page, mk *lineMaker) []*tline {
	uprightPage(p)
	// filtered in place: nothing reads the page's glyphs after this
	gs := p.glyphs[:0]
	for _, g := range p.glyphs {
		// diagonal watermarks and text across the page's direction are
		// not part of the report's lines; nor is text outside the page
		if g.slanted || g.dir != 0 && !g.vertical || outside(g, p.box) {
			continue
		}
		if g.size <= 0 || g.size > 500 {
			g.size = math.Max(1, math.Min(g.size, 500))
		}
		gs = append(gs, g)
	}
	// highest first; ties by x
	slices.SortStableFunc(gs, func(a, b pglyph) int {
		switch {
		case a.y != b.y:
			if a.y > b.y {
				return -1
			}
			return 1
		case a.x < b.x:
			return -1
		case a.x > b.x:
			return 1
		}
		return 0
	})
	var lines []*tline
	// a line is a run of gs (sorted by y): gs[start:i]
	start := 0
	var curY, curSize float64
	flush := func(end int) {
		if end > start {
			if l := mk.makeLine(p.num, gs[start:end]); l != nil {
				lines = append(lines, l)
			}
		}
		start = end
	}
	for i, g := range gs {
		if i > start {
			tol := math.Max(curSize, g.size) / 3
			if math.Abs(g.y-curY) <= tol {
				if g.size > curSize {
					curSize = g.size
				}
				continue
			}
			flush(i)
		}
		curY, curSize = g.y, g.size
	}
	flush(len(gs))
	return lines
}

// lineMaker holds the memory makeLine reuses from line to line.
type lineMaker struct {
	raw   []byte // the current word's text
	words []word // the current line's words
	slab  []word // where lines' words are kept, each capped to its own
}

// keep returns a copy of ws in the slab.
func (mk *lineMaker) keep(ws []word) []word {
	if len(ws) > cap(mk.slab)-len(mk.slab) {
		mk.slab = make([]word, 0, max(256, len(ws)))
	}
	n := len(mk.slab)
	mk.slab = append(mk.slab, ws...)
	return mk.slab[n:len(mk.slab):len(mk.slab)]
}

// blank is strings.TrimSpace(s) == "", without decoding the common
// glyphs: printable ASCII, and a lead byte of U+4000 or above (every
// Unicode space is below, and an invalid sequence is not a space either).
func blank(s string) bool {
	if s != "" {
		if c := s[0]; c > ' ' && c < 0x7F || c >= 0xE4 {
			return false
		}
	}
	return strings.TrimSpace(s) == ""
}

// hasSuppRadical reports a character of the CJK Radicals Supplement
// (U+2E80–U+2EFF, UTF-8 E2 BA xx or E2 BB xx): only those does
// textnorm.Radicals replace.
func hasSuppRadical(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xE2 && (s[i+1] == 0xBA || s[i+1] == 0xBB) {
			return true
		}
	}
	return false
}

func (mk *lineMaker) makeLine(pageNum int, gs []pglyph) *tline {
	slices.SortStableFunc(gs, func(a, b pglyph) int {
		switch {
		case a.x < b.x:
			return -1
		case a.x > b.x:
			return 1
		}
		return 0
	})
	l := &tline{page: pageNum}
	words := mk.words[:0]
	var w word
	var size float64
	open := false
	closeWord := func() {
		if open {
			w.raw = string(mk.raw)
			if hasSuppRadical(w.raw) {
				w.text = textnorm.Fold(textnorm.Radicals.Replace(w.raw))
			} else {
				w.text = textnorm.Fold(w.raw)
			}
			if w.text != "" {
				w.size = size
				w.col = -1
				words = append(words, w)
			}
		}
		open = false
		mk.raw = mk.raw[:0]
		size = 0
	}
	var prev *pglyph
	var ysum, ssum float64
	for i := range gs {
		g := &gs[i]
		ysum += g.y
		ssum += g.size
		if blank(g.text) {
			closeWord()
			prev = g
			continue
		}
		if prev != nil && open {
			// a glyph drawn twice (fake bold) at almost the same place
			if g.text == prev.text && math.Abs(g.x-prev.x) < g.size*0.15 {
				continue
			}
			gap := g.x - w.x1
			if gap > 0.12*math.Max(g.size, size) || gap < -g.size {
				closeWord()
			}
		}
		if !open {
			w = word{x0: g.x, x1: g.x + g.w, y: g.y}
			open = true
		}
		mk.raw = append(mk.raw, g.text...)
		if e := g.x + g.w; e > w.x1 {
			w.x1 = e
		}
		if g.size > size {
			size = g.size
		}
		prev = g
	}
	closeWord()
	mk.words = words
	if len(words) == 0 {
		return nil
	}
	l.words = mk.keep(words)
	// a unit printed after its number (75394432.52 元) belongs to the cell
	for i := 1; i < len(l.words); i++ {
		w, p := l.words[i], &l.words[i-1]
		if (w.text == "元" || w.text == "万元") && isDecimal(p.text, false) && w.x0-p.x1 < math.Max(w.size, p.size) {
			p.text += w.text
			p.raw += w.raw
			p.x1 = w.x1
			l.words = append(l.words[:i], l.words[i+1:]...)
			i--
		}
	}
	l.y = ysum / float64(len(gs))
	l.size = ssum / float64(len(gs))
	return l
}

// dropFurniture removes page numbers and running headers and footers.
func dropFurniture(per [][]*tline, pages []page) {
	isPageNum := func(l *tline, p *page) bool {
		t := l.joined()
		if !isPageNumber(t) {
			return false
		}
		if isPlainNum(t) || len(l.words) > 1 && !strings.ContainsAny(t, "-—–－―~第/") {
			// a bare number: only in the page margins
			h := p.box[3] - p.box[1]
			if h <= 0 {
				h = 842
			}
			rel := (l.y - p.box[1]) / h
			return rel < 0.1 || rel > 0.92
		}
		return true
	}
	for i, ls := range per {
		if len(ls) == 0 {
			continue
		}
		// the last and first lines of a page are the candidates
		if last := ls[len(ls)-1]; isPageNum(last, &pages[i]) {
			ls = ls[:len(ls)-1]
		}
		if len(ls) > 0 && isPageNum(ls[0], &pages[i]) {
			ls = ls[1:]
		}
		per[i] = ls
	}
	if len(per) < 3 {
		return
	}
	// running headers/footers: the same first (last) line on most pages
	count := func(first bool) map[string]int {
		m := map[string]int{}
		for _, ls := range per {
			if len(ls) == 0 {
				continue
			}
			l := ls[len(ls)-1]
			if first {
				l = ls[0]
			}
			m[l.joined()]++
		}
		return m
	}
	heads, feet := count(true), count(false)
	for i, ls := range per {
		if len(ls) > 0 && heads[ls[0].joined()] >= max(2, len(per)/2+1) {
			ls = ls[1:]
		}
		if len(ls) > 0 && feet[ls[len(ls)-1].joined()] >= max(2, len(per)/2+1) {
			ls = ls[:len(ls)-1]
		}
		per[i] = ls
	}
}

// uprightPage turns the coordinates of a page whose text mostly runs in
// another direction (a landscape table on a rotated page, or content drawn
// rotated) so that its text runs left to right.
func uprightPage(p *page) {
	var n [4]int
	for _, g := range p.glyphs {
		if !g.vertical {
			n[g.dir]++
		}
	}
	dir := 0
	for d := 1; d < 4; d++ {
		if n[d] > n[dir] {
			dir = d
		}
	}
	if dir == 0 {
		return
	}
	for i := range p.glyphs {
		g := &p.glyphs[i]
		switch dir {
		case 1:
			g.x, g.y = g.y, -g.x
		case 2:
			g.x, g.y = -g.x, -g.y
		case 3:
			g.x, g.y = -g.y, g.x
		}
		g.dir = (g.dir - int8(dir) + 4) % 4
	}
	// the page box in the new coordinates, for the margins
	x0, y0, x1, y1 := p.box[0], p.box[1], p.box[2], p.box[3]
	switch dir {
	case 1:
		p.box = [4]float64{y0, -x1, y1, -x0}
	case 2:
		p.box = [4]float64{-x1, -y1, -x0, -y0}
	case 3:
		p.box = [4]float64{-y1, x0, -y0, x1}
	}
}

func outside(g pglyph, box [4]float64) bool {
	const m = 20 // points of tolerance around the page
	x0, x1 := math.Min(box[0], box[2]), math.Max(box[0], box[2])
	y0, y1 := math.Min(box[1], box[3]), math.Max(box[1], box[3])
	if x1-x0 < 1 || y1-y0 < 1 {
		return false
	}
	return g.x < x0-m || g.x > x1+m || g.y < y0-m || g.y > y1+m
}
