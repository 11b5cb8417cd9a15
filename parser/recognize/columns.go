package recognize

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// header is where a table's columns are: their grid column (HTML, DOCX,
// tab-separated text, PDF grids) and their horizontal centre (PDF, aligned
// text), read from the header lines' labels.
type header struct {
	keys  []string
	col   map[string]int
	x     map[string][2]float64 // horizontal extent of the header text
	table int                   // Line.Table of the header lines, 0 for plain lines
}

func newHeader(keys []string) *header {
	return &header{keys: keys, col: map[string]int{}, x: map[string][2]float64{}}
}

// add records the header cells of one line; match maps a header text to
// a column key or "". The first mention of a key wins, except that a
// deeper header line refines the horizontal centre (法人或其他组织 spans
// five columns, 商业企业 one).
//
// li is the line's info: a cell that is the line's one label piece is
// matched by the label already folded (most lines before a table are
// prose, one cell each).
func (h *header) add(l *layout.Line, li *lineInfo, match func(string) string) bool {
	found := false
	for ci := range l.Cells {
		c := &l.Cells[ci]
		if c.Copy {
			continue
		}
		t := li.label
		if li.raw == "" || c.Text != li.raw {
			t = textnorm.LabelFolded(c.Text)
		}
		k := match(t)
		if k == "" {
			continue
		}
		found = true
		if _, ok := h.col[k]; !ok && c.Col >= 0 {
			h.col[k] = c.Col
		}
		if c.HasX {
			h.x[k] = [2]float64{c.X0, c.X1}
		}
		if l.Table != 0 {
			h.table = l.Table
		}
	}
	return found
}

func (h *header) complete(m map[string]int) bool {
	for _, k := range h.keys {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	return true
}

func (h *header) completeX() bool {
	for _, k := range h.keys {
		if _, ok := h.x[k]; !ok {
			return false
		}
	}
	return true
}

// assign maps a row's value pieces onto the header's columns. It returns
// nil when the row cannot be placed with confidence; a column the row has
// no cell for comes back as a blank value.
func (h *header) assign(l *layout.Line, ps []piece, vals []piece, gridWidth func(table int) int) []*value {
	n := len(h.keys)
	if h.complete(h.col) && allHaveCol(vals) {
		if out := h.byGrid(l, ps, vals, gridWidth); out != nil {
			return out
		}
	}
	if h.completeX() && allHaveX(vals) {
		if out := h.byPosition(l, vals); out != nil {
			return out
		}
	}
	return bySequence(vals, n)
}

// byGrid places values by grid column. In a real table grid (HTML, DOCX,
// PDF grids) an absent cell is a blank one. In tab-separated text copied
// from a page the empty slots of merged cells shift some rows, so a row is
// only placed by grid when its label ends before the first value column.
func (h *header) byGrid(l *layout.Line, ps, vals []piece, gridWidth func(int) int) []*value {
	if l.Table != 0 && l.Table != h.table && gridWidth(l.Table) != gridWidth(h.table) {
		return nil
	}
	first := math.MaxInt
	// Each key's grid column, in a slice searched from the end (the last
	// key of a column wins, as a map filled in order gave): a map built
	// for every row was most of what placing a row allocated.
	var colsBuf [8]int
	cols := colsBuf[:0]
	for _, k := range h.keys {
		c := h.col[k]
		cols = append(cols, c)
		if c < first {
			first = c
		}
	}
	for _, p := range ps {
		if !p.isVal && p.label != "" && !p.copy && int(p.col) >= first {
			return nil
		}
	}
	out := make([]*value, len(h.keys))
	vs := make([]value, len(h.keys)) // the values, in one allocation
	for _, p := range vals {
		i := len(cols) - 1
		for i >= 0 && cols[i] != int(p.col) {
			i--
		}
		if i < 0 {
			if p.val.kind == number {
				return nil
			}
			continue
		}
		if p.copy && !p.rowCopy {
			// A value cell spanning two columns fills only its first. A
			// cell merged over rows stands in each: the caller decides
			// what it means there (spanRead).
			continue
		}
		vs[i] = *p.val
		out[i] = &vs[i]
	}
	if l.Table == 0 {
		for _, v := range out {
			if v == nil {
				return nil
			}
		}
	}
	for i := range out {
		if out[i] == nil {
			vs[i] = value{kind: blank, line: l, cell: valueCell{Col: int32(h.col[h.keys[i]])}}
			out[i] = &vs[i]
		}
	}
	return out
}

// byPosition places each value in the column whose header it overlaps
// most (numbers are centred, left- or right-aligned under their header),
// or, overlapping none, the nearest one. Two values in one column mean the
// layout is not what we think: the row is not placed.
func (h *header) byPosition(l *layout.Line, vals []piece) []*value {
	out := make([]*value, len(h.keys))
	vs := make([]value, len(h.keys)) // the values, in one allocation
	for _, p := range vals {
		best, bestScore := -1, math.Inf(-1)
		for i, k := range h.keys {
			e := h.x[k]
			// Overlap when positive, minus the gap when negative.
			score := math.Min(e[1], p.x1) - math.Max(e[0], p.x0)
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 || out[best] != nil {
			return nil
		}
		vs[best] = *p.val
		out[best] = &vs[best]
	}
	for i := range out {
		if out[i] == nil {
			vs[i] = value{kind: blank, line: l, absent: true}
			out[i] = &vs[i]
		}
	}
	return out
}

// bySequence maps values in order when their count leaves no doubt: blank
// slots at either end are dropped first (they are the empty cells of
// merged labels or a trailing separator).
func bySequence(vals []piece, n int) []*value {
	for len(vals) > n && vals[len(vals)-1].val.kind == blank && vals[len(vals)-1].val.cell.Text == "" {
		vals = vals[:len(vals)-1]
	}
	for len(vals) > n && vals[0].val.kind == blank && vals[0].val.cell.Text == "" {
		vals = vals[1:]
	}
	distinct := 0
	for i := range vals {
		if !vals[i].copy {
			distinct++
		}
	}
	useDistinct := distinct == n
	if !useDistinct && len(vals) != n {
		return nil
	}
	// The values are copied into one array: one allocation, not one each.
	out, vs := make([]*value, 0, n), make([]value, 0, n)
	for i := range vals {
		if useDistinct && vals[i].copy {
			continue
		}
		vs = append(vs, *vals[i].val)
		out = append(out, &vs[len(vs)-1])
	}
	return out
}

func allHaveCol(ps []piece) bool {
	for _, p := range ps {
		if p.col < 0 {
			return false
		}
	}
	return true
}

func allHaveX(ps []piece) bool {
	for _, p := range ps {
		if !p.hasX {
			return false
		}
	}
	return len(ps) > 0
}

// applicationColumn maps a header text of table 三 to its column key.
func applicationColumn(t string) string {
	switch {
	case strings.Contains(t, "自然人"):
		return "natural_person"
	case strings.Contains(t, "商业企业"):
		return "commercial_enterprise"
	case strings.Contains(t, "科研机构"):
		return "research_institution"
	case strings.Contains(t, "公益组织"):
		return "social_welfare_org"
	case strings.Contains(t, "法律服务"):
		return "legal_service_org"
	case t == "其他" || t == "其它":
		return "other_org"
	case t == "总计" || t == "合计" || (strings.HasSuffix(t, "总计") && !strings.Contains(t, "勾稽") && utf8.RuneCountInString(t) <= 6):
		return "total"
	}
	return ""
}
