package recognize

import (
	"math"

	"github.com/govreport/govreport/parser/layout"
)

// A PDF puts a number on its own baseline when its cell is aligned
// differently from the rest of the row (a bare number in a Word cell,
// vertically centred), so it comes out as a line of its own between two
// rows. Placing rows by position would then read that column as blank.
// offLineValues looks at the lines just above and below a row for such
// a stray number under a column the row left blank: when the row on the
// other side of the stray line has its own number in that column, the
// stray one is this row's; when both rows lack it, nobody can tell and
// the cell becomes unknown (null) instead of 0.
func (st *state) offLineValues(l *layout.Line, h *header, values []*value) {
	i := st.indexOf(l)
	if i < 0 {
		return
	}
	for ci, v := range values {
		if v == nil || !v.absent {
			continue
		}
		ext := h.x[h.keys[ci]]
		for _, dir := range []int{-1, 1} {
			j := i + dir
			if j < 0 || j >= len(st.lines) || st.lines[j].Page != l.Page {
				continue
			}
			nj := st.info(j)
			if nj.label != "" || len(nj.vals) == 0 || !allHaveX(nj.vals) {
				continue
			}
			stray := overlapping(nj.vals, ext)
			if stray == nil {
				continue
			}
			// The row on the far side of the stray line.
			k := j + dir
			if k >= 0 && k < len(st.lines) && st.info(k).label != "" && overlapping(st.info(k).vals, ext) != nil {
				sv := *stray.val
				values[ci] = &sv
			} else {
				values[ci] = &value{kind: blank, line: l, unknown: true}
			}
			break
		}
	}
}

// overlapping returns the value piece whose extent overlaps ext, or nil.
func overlapping(ps []piece, ext [2]float64) *piece {
	for i := range ps {
		p := &ps[i]
		if p.hasX && math.Min(p.x1, ext[1])-math.Max(p.x0, ext[0]) > 0 {
			return p
		}
	}
	return nil
}

// indexOf returns the index of l in st.lines, or -1.
func (st *state) indexOf(l *layout.Line) int {
	if st.byNum == nil {
		st.byNum = make(map[int]int, len(st.lines))
		for i := range st.lines {
			st.byNum[st.lines[i].Num] = i
		}
	}
	if i, ok := st.byNum[l.Num]; ok {
		return i
	}
	return -1
}
