package recognize

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// valueKind tells a printed number from a blank cell and from text.
type valueKind int

const (
	notValue valueKind = iota
	number
	blank // empty, -, —, /, 无: reads as 0, raw text kept
)

// value is one cell read as a number.
type value struct {
	kind valueKind
	num  float64
	unit string // 元 or 万元 when the cell printed one
	cell layout.Cell
	line *layout.Line
}

var numberRe = regexp.MustCompile(`^([+\-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万元|元|件|个|项|条)?$`)

// blankMarks are the ways a report writes "nothing" in a cell.
var blankMarks = map[string]bool{"": true, "-": true, "—": true, "——": true, "--": true, "/": true, "无": true, "－": true, "―": true, "─": true, "–": true}

// parseValue reads a cell's text as a number or a blank.
func parseValue(s string) (valueKind, float64, string) {
	s = strings.TrimSpace(s)
	if blankMarks[s] {
		return blank, 0, ""
	}
	if c := s[0]; !(c >= '0' && c <= '9') && c != '+' && c != '-' {
		return notValue, 0, ""
	}
	m := numberRe.FindStringSubmatch(s)
	if m == nil {
		return notValue, 0, ""
	}
	digits := strings.ReplaceAll(m[2], ",", "")
	// A multi-digit number with a leading zero is not how anyone prints a
	// count: it is digits of several cells run together.
	if len(digits) > 1 && digits[0] == '0' {
		return notValue, 0, ""
	}
	v, err := strconv.ParseFloat(digits+m[3], 64)
	if err != nil {
		return notValue, 0, ""
	}
	if m[1] == "-" {
		v = -v
	}
	unit := m[4]
	if unit != "元" && unit != "万元" {
		unit = ""
	}
	return number, v, unit
}

// piece is a cell of a line after splitting trailing numbers off labels.
type piece struct {
	label string // non-empty for a label piece
	val   value  // for value pieces
	isVal bool
	col   int
	x     float64 // centre, when hasX
	hasX  bool
	copy  bool
}

// pieces splits a line into label and value pieces. A cell holding several
// space-separated numbers (single-spaced text) gives one piece per number,
// and a label followed by its numbers in the same cell is split too.
func pieces(l *layout.Line) []piece {
	var out []piece
	for _, c := range l.Cells {
		p := piece{col: c.Col, copy: c.Copy, hasX: c.HasX, x: (c.X0 + c.X1) / 2}
		if k, v, u := parseValue(c.Text); k != notValue {
			p.isVal = true
			p.val = value{kind: k, num: v, unit: u, cell: c, line: l}
			out = append(out, p)
			continue
		}
		toks := strings.Fields(c.Text)
		// Trailing numeric tokens split off; leading label tokens stay one label.
		n, nums := len(toks), 0
		for n > 0 {
			k, _, _ := parseValue(toks[n-1])
			if k == notValue || toks[n-1] == "无" {
				break
			}
			if k == number {
				nums++
			}
			n--
		}
		if nums == 0 {
			p.label = c.Text
			out = append(out, p)
			continue
		}
		if n > 0 {
			lp := p
			lp.label = strings.Join(toks[:n], " ")
			out = append(out, lp)
		}
		for _, t := range toks[n:] {
			k, v, u := parseValue(t)
			vp := p
			vc := c
			vc.Text, vc.Raw = t, t
			vp.isVal = true
			vp.val = value{kind: k, num: v, unit: u, cell: vc, line: l}
			vp.copy = false
			out = append(out, vp)
		}
	}
	return out
}

// lineInfo is a line cut into pieces, computed once per line.
type lineInfo struct {
	ps    []piece
	label string
	vals  []piece
}

// info returns line i's pieces, label and value pieces.
func (st *state) info(i int) *lineInfo {
	if st.infos == nil {
		st.infos = make([]*lineInfo, len(st.lines))
	}
	if st.infos[i] == nil {
		ps := pieces(&st.lines[i])
		label, vals := splitLabelValues(ps)
		st.infos[i] = &lineInfo{ps: ps, label: label, vals: vals}
	}
	return st.infos[i]
}

// splitLabelValues returns the label text of a line (its label pieces
// joined, repeated copies of spanning cells dropped) and its value pieces
// after the last label piece.
func splitLabelValues(ps []piece) (string, []piece) {
	last := -1
	for i, p := range ps {
		if !p.isVal && strings.TrimSpace(p.label) != "" {
			last = i
		}
	}
	var b strings.Builder
	prev := ""
	for _, p := range ps[:last+1] {
		if p.isVal || p.label == "" || p.label == prev {
			continue
		}
		b.WriteString(p.label)
		prev = p.label
	}
	return textnorm.LabelFolded(b.String()), ps[last+1:]
}

// hasNumbers reports whether any value piece printed a number.
func hasNumbers(vs []piece) bool {
	for _, v := range vs {
		if v.val.kind == number {
			return true
		}
	}
	return false
}

// lost reports whether v is an empty cell on a line whose empty cells may
// be values the producer lost: such a cell is unknown, not 0.
func lost(v *value) bool {
	return v.kind == blank && v.cell.Text == "" && v.line != nil && v.line.UnsureBlanks
}
