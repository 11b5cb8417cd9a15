package ocr

import (
	"sort"
	"strings"

	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// element is a prose line or a table row of one page, placed by its top.
type element struct {
	y     int
	words []word
	t     *table
	row   int
}

// build turns the read pages into lines: prose lines and table rows in
// the order of their tops; a table that opens a page with the columns of
// the table that closed the previous one continues it (same Table).
func build(pages []pageImg) *Document {
	d := &Document{Document: &layout.Document{Format: "pdf"}, Numbers: map[int]map[int]*Reading{}, Unread: map[int]map[int]bool{}}
	tableID := 0
	var last *table
	for pi := range pages {
		p := &pages[pi]
		var els []element
		// prose lines: Tesseract's (block, paragraph, line)
		type lk struct{ b, p, l int }
		byLine := map[lk][]word{}
		var order []lk
		for _, w := range p.prose {
			k := lk{w.block, w.par, w.line}
			if _, ok := byLine[k]; !ok {
				order = append(order, k)
			}
			byLine[k] = append(byLine[k], w)
		}
		for _, k := range order {
			ws := byLine[k]
			y := ws[0].box.Min.Y
			for _, w := range ws {
				y = min(y, w.box.Min.Y)
			}
			els = append(els, element{y: y, words: ws})
		}
		for _, t := range p.tables {
			for r := 0; r < t.rows; r++ {
				els = append(els, element{y: rowTop(t, r), t: t, row: r})
			}
		}
		sort.SliceStable(els, func(i, j int) bool { return els[i].y < els[j].y })
		firstTable := true
		ids := map[*table]int{}
		rowNum := map[*table]map[int]int{} // row → line Num, for merged cells
		for _, e := range els {
			if e.t == nil {
				if cells := proseCells(e.words, p.dpi); len(cells) > 0 {
					d.add(layout.Line{Page: p.num, Cells: cells})
				}
				continue
			}
			id, ok := ids[e.t]
			if !ok {
				if firstTable && last != nil && last.cols == e.t.cols {
					id = tableID
				} else {
					tableID++
					id = tableID
				}
				ids[e.t] = id
				firstTable = false
				last = e.t
				rowNum[e.t] = map[int]int{}
			}
			num := len(d.Lines) + 1
			rowNum[e.t][e.row] = num
			line := layout.Line{Page: p.num, Table: id}
			nums := map[int]*Reading{}
			for c := 0; c < e.t.cols; c++ {
				gc := cellAt(e.t, e.row, c)
				if gc == nil {
					continue
				}
				cell := layout.Cell{Col: c, X0: float64(gc.box.Min.X) * 72 / p.dpi, X1: float64(gc.box.Max.X) * 72 / p.dpi, HasX: true}
				if gc.row0 != e.row || gc.col0 != c {
					cell.Copy = true
					if gc.row0 != e.row && gc.col0 == c {
						cell.RowCopy, cell.Origin = true, rowNum[e.t][gc.row0]
					}
				}
				switch {
				case gc.numberish:
					cell.Raw = gc.reading.Candidates[0].Text
					if !cell.Copy {
						nums[len(line.Cells)] = gc.reading
					}
				case gc.label:
					cell.Raw = gc.text
				}
				cell.Text = textnorm.Fold(cell.Raw)
				if !cell.Copy && cell.Raw == "" && !gc.ink.Empty() {
					if d.Unread[num] == nil {
						d.Unread[num] = map[int]bool{}
					}
					d.Unread[num][len(line.Cells)] = true
				}
				line.Cells = append(line.Cells, cell)
			}
			if len(nums) > 0 {
				d.Numbers[num] = nums
			}
			d.add(line)
		}
	}
	return d
}

func (d *Document) add(l layout.Line) {
	l.Num = len(d.Lines) + 1
	d.Lines = append(d.Lines, l)
}

// rowTop is the top of grid row r: the top of a cell that starts there.
func rowTop(t *table, r int) int {
	y := -1
	for _, c := range t.cells {
		if c.row0 == r && (y < 0 || c.box.Min.Y < y) {
			y = c.box.Min.Y
		}
	}
	if y < 0 {
		y = t.box.Min.Y
	}
	return y
}

// cellAt is the cell covering grid row r and column c.
func cellAt(t *table, r, c int) *gridCell {
	for _, gc := range t.cells {
		if gc.row0 <= r && r < gc.row1 && gc.col0 <= c && c < gc.col1 {
			return gc
		}
	}
	return nil
}

// proseCells splits a prose line at wide gaps (more than two character
// heights), as the PDF reader splits words.
func proseCells(ws []word, dpi float64) []layout.Cell {
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].box.Min.X < ws[j].box.Min.X })
	var out []layout.Cell
	var cur []word
	flush := func() {
		if len(cur) == 0 {
			return
		}
		// a speck before a line reads as a full stop or a comma: no
		// line of a report opens with one
		raw := strings.TrimLeft(strings.TrimSpace(joinWords(cur)), "。，,、.·' ")
		if raw != "" {
			out = append(out, layout.Cell{Text: textnorm.Fold(raw), Raw: raw, Col: -1,
				X0: float64(cur[0].box.Min.X) * 72 / dpi, X1: float64(cur[len(cur)-1].box.Max.X) * 72 / dpi, HasX: true})
		}
		cur = nil
	}
	for _, w := range ws {
		if len(cur) > 0 {
			prev := cur[len(cur)-1]
			if w.box.Min.X-prev.box.Max.X > 2*max(prev.box.Dy(), w.box.Dy()) {
				flush()
			}
		}
		cur = append(cur, w)
	}
	flush()
	return out
}
