package recognize

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// valueKind tells a printed number from a blank cell and from text.
type valueKind uint8

const (
	notValue valueKind = iota
	number
	blank // empty, -, —, /, 无: reads as 0, raw text kept
)

// value is one cell read as a number.
type value struct {
	kind valueKind
	// absent marks a blank that byPosition made for a column the line
	// printed nothing in (a positioned layout leaves no empty cell).
	absent bool
	// unknown marks a cell that cannot be told: the value is null.
	unknown bool
	unit    unitKind // 元 or 万元 when the cell printed one
	num     float64
	cell    valueCell
	line    *layout.Line
}

// unitKind is the money unit a cell printed (a byte, not the string: a
// value is part of every piece of every line).
type unitKind uint8

const (
	noUnit unitKind = iota
	unitYuan
	unit10kYuan
)

// unitOf is the unitKind of parseValue's unit.
func unitOf(u string) unitKind {
	switch u {
	case "元":
		return unitYuan
	case "万元":
		return unit10kYuan
	}
	return noUnit
}

// valueCell is what a value keeps of its cell: its text, for provenance
// and blanks, and its place in a merged grid. (The whole layout.Cell made
// every piece of every line 184 bytes.)
type valueCell struct {
	Text, Raw   string
	Col, Origin int32
	RowCopy     bool
}

// cellOf returns what a value keeps of c.
func cellOf(c *layout.Cell) valueCell {
	return valueCell{Text: c.Text, Raw: c.Raw, Col: int32(c.Col), Origin: int32(c.Origin), RowCopy: c.RowCopy}
}

// numberRe is the form of a number cell. scanNumber reads it by hand (every
// cell of every table goes through it, and the regexp's backtracking was a
// tenth of a text parse); the test holds the two to the same answers.
var numberRe = lazyre.New(`^([+\-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万元|元|件|个|项|条)?$`)

// numberUnits are numberRe's units, in its order.
var numberUnits = [...]string{"万元", "元", "件", "个", "项", "条"}

// scanNumber matches s against numberRe and returns its groups: the sign,
// the digits (with their thousands separators), the decimals (with the
// point) and the unit.
func scanNumber(s string) (sign, digits, frac, unit string, ok bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		sign, i = s[:1], 1
	}
	start := i
	i = skipDigits(s, i)
	if i == start {
		return
	}
	if i < len(s) && s[i] == ',' {
		// Thousands separators: 1–3 digits, then groups of exactly three.
		if i-start > 3 {
			return
		}
		for i < len(s) && s[i] == ',' {
			if skipDigits(s, i+1) != i+4 {
				return
			}
			i += 4
		}
	}
	digits = s[start:i]
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		j := skipDigits(s, i+1)
		frac, i = s[i:j], j
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	if i == len(s) {
		return sign, digits, frac, "", true
	}
	for _, u := range numberUnits {
		if s[i:] == u {
			return sign, digits, frac, u, true
		}
	}
	return "", "", "", "", false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// skipDigits returns the end of the run of ASCII digits at s[i:].
func skipDigits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// blankMarks are the ways a report writes "nothing" in a cell (an array,
// static data: a map literal would be built at start-up).
var blankMarks = [...]string{"", "-", "—", "——", "--", "/", "无", "－", "―", "─", "–"}

// isBlankMark reports whether s is one of blankMarks.
func isBlankMark(s string) bool {
	for _, m := range blankMarks {
		if s == m {
			return true
		}
	}
	return false
}

// maxBlankMark is the byte length of the longest of blankMarks.
const maxBlankMark = 6

// parseValue reads a cell's text as a number or a blank.
func parseValue(s string) (valueKind, float64, string) {
	s = strings.TrimSpace(s)
	// No blank mark starts with a digit; the list is asked only of the
	// rest (a label cell mostly), and only when short enough to be one.
	if s == "" || !isDigit(s[0]) && len(s) <= maxBlankMark && isBlankMark(s) {
		return blank, 0, ""
	}
	if c := s[0]; !(c >= '0' && c <= '9') && c != '+' && c != '-' {
		return notValue, 0, ""
	}
	sign, digits, frac, unit, ok := scanNumber(s)
	if !ok {
		return notValue, 0, ""
	}
	if strings.IndexByte(digits, ',') >= 0 {
		digits = strings.ReplaceAll(digits, ",", "")
	}
	// A multi-digit number with a leading zero is not how anyone prints a
	// count: it is digits of several cells run together.
	if len(digits) > 1 && digits[0] == '0' {
		return notValue, 0, ""
	}
	var v float64
	if frac == "" && len(digits) <= 15 {
		// A whole number below 2^53: exactly what ParseFloat gives, and
		// most cells are one.
		n := int64(0)
		for i := 0; i < len(digits); i++ {
			n = n*10 + int64(digits[i]-'0')
		}
		v = float64(n)
	} else {
		var err error
		if v, err = strconv.ParseFloat(digits+frac, 64); err != nil {
			return notValue, 0, ""
		}
	}
	if sign == "-" {
		v = -v
	}
	if unit != "元" && unit != "万元" {
		unit = ""
	}
	return number, v, unit
}

// piece is a cell of a line after splitting trailing numbers off labels.
type piece struct {
	label  string  // non-empty for a label piece
	val    *value  // for value pieces; noValue for a label piece
	x0, x1 float64 // horizontal extent, when hasX
	col    int32   // (int32 and a byte unit: a piece was 136 bytes, now 112)
	isVal  bool
	hasX   bool
	copy   bool
	// rowCopy: the copy of a cell merged over rows, in its first column
	// (see layout.Cell.RowCopy); the merged value stands there again.
	rowCopy bool
}

// pieces splits a line into label and value pieces. A cell holding several
// space-separated numbers (single-spaced text) gives one piece per number,
// and a label followed by its numbers in the same cell is split too.
func pieces(l *layout.Line) []piece { return piecesIn(l, nil, nil) }

// noValue is the value of every label piece: the zero value, never
// written (a piece holds a pointer so that the many label pieces do not
// each carry a value's 72 bytes).
var noValue value

// piecesIn is pieces with the result's first len(l.Cells) places taken
// from buf when it has room (one piece a cell, most often; a line that
// splits a cell grows out of it by append), and the values from the block
// vbuf when it is not nil.
func piecesIn(l *layout.Line, buf []piece, vbuf *[]value) []piece {
	var out []piece
	if len(l.Cells) <= cap(buf) {
		out = buf[:0:len(l.Cells)]
	} else {
		out = make([]piece, 0, len(l.Cells))
	}
	for ci := range l.Cells {
		c := &l.Cells[ci]
		p := piece{val: &noValue, col: int32(c.Col), copy: c.Copy, rowCopy: c.RowCopy, hasX: c.HasX, x0: c.X0, x1: c.X1}
		if k, v, u := parseValue(c.Text); k != notValue {
			p.isVal = true
			p.val = newValue(vbuf)
			*p.val = value{kind: k, num: v, unit: unitOf(u), cell: cellOf(c), line: l}
			out = append(out, p)
			continue
		}
		// Most cells end in a word: they are one label, and need not be
		// cut into words (strings.Fields of every line's text was most
		// of the cost of reading it).
		if !mayEndInValue(c.Text) {
			p.label = c.Text
			out = append(out, p)
			continue
		}
		if last := lastField(c.Text); last == "" || last == "无" {
			p.label = c.Text
			out = append(out, p)
			continue
		} else if k, _, _ := parseValue(last); k == notValue {
			p.label = c.Text
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
			vc := cellOf(c)
			vc.Text, vc.Raw = t, t
			vc.RowCopy, vc.Origin = false, 0
			vp.isVal = true
			vp.val = newValue(vbuf)
			*vp.val = value{kind: k, num: v, unit: unitOf(u), cell: vc, line: l}
			vp.copy, vp.rowCopy = false, false
			out = append(out, vp)
		}
	}
	return out
}

// newValue returns a value of its own, from the block vbuf when there is
// one.
func newValue(vbuf *[]value) *value {
	if vbuf == nil {
		return new(value)
	}
	if len(*vbuf) == 0 {
		*vbuf = make([]value, 64)
	}
	v := &(*vbuf)[0]
	*vbuf = (*vbuf)[1:]
	return v
}

// mayEndInValue reports whether the last of strings.Fields(s) may read as
// a value (parseValue): a number ends in a digit or a unit, a blank mark in
// a dash or a slash (无 alone is taken for a label). Most labels end in
// none of them, and finding their last word walked back over all of it.
func mayEndInValue(s string) bool {
	end := len(s)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			switch r {
			case '元', '件', '个', '项', '条', '-', '—', '/', '－', '―', '─', '–':
				return true
			}
			return r >= '0' && r <= '9'
		}
		end -= n
	}
	return false
}

// lastField returns the last of strings.Fields(s), or "".
func lastField(s string) string {
	end := len(s)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= n
	}
	return s[start:end]
}

// lineInfo is a line cut into pieces, computed once per line.
type lineInfo struct {
	ps    []piece
	label string
	raw   string // the label piece's text when the label is one piece
	vals  []piece
	done  bool // computed
	// rowKey caches applicationRowOf's answers for the label, by
	// whether the row before is one of the （六） other rows: 0 when not
	// yet asked, else 1 + the answer's index in state.rowKeys (two bytes,
	// not two strings, in every line's info).
	rowKey [2]uint8
}

// foldedLabel is textnorm.LabelFolded(p.label) for a piece of the line,
// without folding again the line's one label piece.
func (li *lineInfo) foldedLabel(p *piece) string {
	if li.raw != "" && p.label == li.raw {
		return li.label
	}
	return textnorm.LabelFolded(p.label)
}

// info returns line i's pieces, label and value pieces.
func (st *state) info(i int) *lineInfo {
	st.check()
	if st.infos == nil {
		// One array for every line's info: never grown, so the pointers
		// handed out stay valid.
		st.infos = make([]lineInfo, len(st.lines))
	}
	if !st.infos[i].done {
		l := &st.lines[i]
		if len(st.pieceBuf) < len(l.Cells) {
			// Lines' pieces come from shared blocks, not one allocation
			// a line; each line's part is capped, so an append of its own
			// never reaches the next line's.
			st.pieceBuf = make([]piece, max(len(l.Cells), 64))
		}
		ps := piecesIn(l, st.pieceBuf, &st.valueBuf)
		st.pieceBuf = st.pieceBuf[len(l.Cells):]
		label, raw, vals := splitLabelValues(ps)
		st.infos[i] = lineInfo{ps: ps, label: label, raw: raw, vals: vals, done: true}
	}
	return &st.infos[i]
}

// splitLabelValues returns the label text of a line (its label pieces
// joined, repeated copies of spanning cells dropped) and its value pieces
// after the last label piece, and the one label piece's text when the
// label is that alone (then the label is its fold).
func splitLabelValues(ps []piece) (string, string, []piece) {
	last := -1
	for i := range ps {
		if p := &ps[i]; !p.isVal && strings.TrimSpace(p.label) != "" {
			last = i
		}
	}
	// Most lines have one label piece: it is the label, not a copy of it.
	var b strings.Builder
	prev, parts := "", 0
	for i := range ps[:last+1] {
		p := &ps[i]
		if p.isVal || p.label == "" || p.label == prev {
			continue
		}
		if parts == 1 {
			b.WriteString(prev)
		}
		if parts >= 1 {
			b.WriteString(p.label)
		}
		prev = p.label
		parts++
	}
	label, raw := prev, prev
	if parts > 1 {
		label, raw = b.String(), ""
	}
	return textnorm.LabelFolded(label), raw, ps[last+1:]
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

// rowLines is what was gathered for one table row: its value pieces, the
// pieces and line they came from (for grid and position mapping) and the
// last line it used.
type rowLines struct {
	vals []piece
	ps   []piece
	line *layout.Line
	end  int
	// spread is true when the values came from several lines (one cell
	// per line): their order is then the only key to their columns.
	spread bool
	// after is true when the values stand on lines of their own after
	// the label; exact when they are exactly the row's count, the next
	// line holding no more numbers without a label.
	after, exact bool
}

// joinLabel completes a label broken over lines: when line i's label
// matches no row, the label-only lines after it that match nothing by
// themselves are appended one by one until the whole matches. It returns
// the key and the last line used, or "" and i.
//
// maxLen, when not 0, is the longest label (in bytes) match can accept:
// a longer join is not built (the lines after a paragraph of prose are
// mostly prose too, and each join was a copy of both).
func (st *state) joinLabel(i, to int, match func(line int, label string) string, maxLen int) (string, int) {
	joined := st.info(i).label
	for k := i + 1; k <= i+2 && k < to; k++ {
		nk := st.info(k)
		if nk.label == "" || match(k, nk.label) != "" {
			break
		}
		if len(nk.vals) > 0 && len(st.info(i).vals) > 0 {
			break
		}
		if maxLen > 0 && len(joined)+len(nk.label) > maxLen {
			break // no longer join matches either
		}
		joined += nk.label
		if key := match(-1, joined); key != "" && key != "group" {
			return key, k
		}
	}
	return "", i
}

// gather collects the values of the row whose label ends on line i: the
// line's own values, or those of the lines after it (one cell per line, a
// label above its numbers, a wrapped label's continuation carrying the
// numbers). isRow tells a label that opens another row.
func (st *state) gather(start, i, to, want int, isRow func(line int, label string) bool, template string) rowLines {
	for k := start; k <= i; k++ {
		if li := st.info(k); len(li.vals) > 0 {
			return rowLines{vals: li.vals, ps: li.ps, line: &st.lines[k], end: i}
		}
	}
	out := rowLines{ps: st.info(start).ps, line: &st.lines[start], end: i}
	skipped := 0
	for j := i + 1; j < to && len(out.vals) < want; j++ {
		nj := st.info(j)
		if nj.label != "" {
			if isRow(j, nj.label) || len(out.vals) > 0 {
				break
			}
			// Only the rest of this row's own printed label continues it;
			// any other text ends the row.
			if !continues(nj.label, template) {
				break
			}
			if len(nj.vals) > 0 {
				// The numbers sit on the label's continuation line.
				return rowLines{vals: nj.vals, ps: nj.ps, line: &st.lines[j], end: j}
			}
			if skipped++; skipped > 2 {
				break
			}
			out.end = j
			continue
		}
		if len(nj.vals) == want && len(out.vals) > 0 {
			// A full row of numbers after a stray one (a cell another row
			// lost): the full row is this row's.
			out.vals = nil
		}
		if len(out.vals) == 0 {
			out.ps, out.line = nj.ps, &st.lines[j]
		} else {
			out.spread = true
		}
		out.vals = append(out.vals, nj.vals...)
		out.end = j
	}
	if len(out.vals) == 0 {
		out.end = i
	}
	out.after = len(out.vals) > 0
	out.exact = len(out.vals) == want
	if k := out.end + 1; out.exact && k < to {
		if nk := st.info(k); nk.label == "" && len(nk.vals) > 0 {
			out.exact = false
		}
	}
	return out
}

// continues reports whether text reads as the rest of a row's template
// label (a wrapped label, possibly with a typo): at least four characters,
// nearly all of them found in the template label.
func continues(text, template string) bool {
	n, in := 0, 0
	for _, r := range text {
		if strings.ContainsRune("()（）,，、.。:：;；", r) {
			continue
		}
		n++
		if strings.ContainsRune(template, r) {
			in++
		}
	}
	return n >= 4 && float64(in) >= 0.8*float64(n)
}
