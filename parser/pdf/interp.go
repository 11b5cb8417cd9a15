package pdf

import (
	"math"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/govreport/govreport/internal/lazy"
)

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(x, y float64) matrix { return matrix{1, 0, 0, 1, x, y} }

func finite(m matrix) bool {
	for _, v := range m {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// pglyph is a glyph placed on the page, in default user space (points,
// y upwards).
// Its fields are ordered to pack it into 56 bytes: a page holds thousands
// and each is fresh memory.
type pglyph struct {
	text     string
	x, y     float64 // origin (baseline start)
	w        float64 // advance in points (>= 0)
	size     float64 // font size in points
	slanted  bool    // the text direction is more than 5° off its quarter turn (a diagonal watermark)
	vertical bool
	dir      int8 // text direction in quarter turns counter-clockwise (0: left to right)
}

type gstate struct {
	ctm   matrix
	font  *font
	size  float64
	tc    float64
	tw    float64
	th    float64
	tl    float64
	ts    float64
	fontN string
}

// interp runs content streams of one page.
type interp struct {
	d      *doc
	gs     gstate
	stack  []gstate
	tm     matrix
	tlm    matrix
	out    []pglyph
	images int
	forms  []objKey // Form XObjects being run, for cycle detection
	buf    []glyph
}

const (
	maxOperands = 1 << 16
	maxQDepth   = 1 << 10
)

// run interprets one content stream with the given resources.
func (in *interp) run(data []byte, res lpdf.Value) {
	if in.d.names == nil {
		in.d.names = map[string]string{}
	}
	l := &lexer{b: data, names: in.d.names}
	var ops []token
	var arrDepth int
	var arr []token // TJ array operands
	for {
		t := l.next()
		if t.kind == tEOF {
			return
		}
		switch t.kind {
		case tNum, tName, tString, tDictOpen, tDictClose, tBraceOpen, tBraceClose:
			if arrDepth > 0 {
				if len(arr) < maxOperands {
					arr = append(arr, t)
				}
				continue
			}
			if len(ops) < maxOperands {
				ops = append(ops, t)
			}
			continue
		case tArrOpen:
			arrDepth++
			if arrDepth == 1 {
				arr = arr[:0]
			}
			continue
		case tArrClose:
			if arrDepth > 0 {
				arrDepth--
			}
			continue
		}
		// a keyword: an operator
		in.d.tick()
		if arrDepth > 0 {
			// an operator inside an array: malformed; close the array
			arrDepth = 0
		}
		in.op(t.s, ops, arr, res, l)
		ops = ops[:0]
		arr = arr[:0]
	}
}

func nums(ops []token, n int) ([]float64, bool) {
	if len(ops) < n {
		return nil, false
	}
	out := make([]float64, n)
	for i, t := range ops[len(ops)-n:] {
		if t.kind != tNum {
			return nil, false
		}
		out[i] = t.num
	}
	return out, true
}

func lastString(ops []token) (string, bool) {
	if len(ops) == 0 || ops[len(ops)-1].kind != tString {
		return "", false
	}
	return ops[len(ops)-1].s, true
}

func (in *interp) op(name string, ops, arr []token, res lpdf.Value, l *lexer) {
	gs := &in.gs
	switch name {
	case "q":
		if len(in.stack) < maxQDepth {
			in.stack = append(in.stack, in.gs)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			in.gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if v, ok := nums(ops, 6); ok {
			m := matrix{v[0], v[1], v[2], v[3], v[4], v[5]}
			if nm := m.mul(gs.ctm); finite(nm) {
				gs.ctm = nm
			}
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "ET":
	case "Tf":
		if len(ops) >= 2 && ops[len(ops)-2].kind == tName && ops[len(ops)-1].kind == tNum {
			gs.size = ops[len(ops)-1].num
			gs.font = in.d.font(res, ops[len(ops)-2].s)
			gs.fontN = ops[len(ops)-2].s
		}
	case "Tc":
		if v, ok := nums(ops, 1); ok {
			gs.tc = v[0]
		}
	case "Tw":
		if v, ok := nums(ops, 1); ok {
			gs.tw = v[0]
		}
	case "Tz":
		if v, ok := nums(ops, 1); ok {
			gs.th = v[0] / 100
		}
	case "TL":
		if v, ok := nums(ops, 1); ok {
			gs.tl = v[0]
		}
	case "Ts":
		if v, ok := nums(ops, 1); ok {
			gs.ts = v[0]
		}
	case "Td":
		if v, ok := nums(ops, 2); ok {
			in.tlm = translate(v[0], v[1]).mul(in.tlm)
			in.tm = in.tlm
		}
	case "TD":
		if v, ok := nums(ops, 2); ok {
			gs.tl = -v[1]
			in.tlm = translate(v[0], v[1]).mul(in.tlm)
			in.tm = in.tlm
		}
	case "Tm":
		if v, ok := nums(ops, 6); ok {
			m := matrix{v[0], v[1], v[2], v[3], v[4], v[5]}
			if finite(m) {
				in.tm, in.tlm = m, m
			}
		}
	case "T*":
		in.nextLine()
	case "Tj":
		if s, ok := lastString(ops); ok {
			in.show(s)
		}
	case "'":
		in.nextLine()
		if s, ok := lastString(ops); ok {
			in.show(s)
		}
	case "\"":
		if len(ops) >= 3 && ops[len(ops)-3].kind == tNum && ops[len(ops)-2].kind == tNum {
			gs.tw = ops[len(ops)-3].num
			gs.tc = ops[len(ops)-2].num
		}
		in.nextLine()
		if s, ok := lastString(ops); ok {
			in.show(s)
		}
	case "TJ":
		for _, t := range arr {
			switch t.kind {
			case tString:
				in.show(t.s)
			case tNum:
				in.adjust(t.num)
			}
		}
	case "Do":
		if len(ops) > 0 && ops[len(ops)-1].kind == tName {
			in.do(ops[len(ops)-1].s, res)
		}
	case "BI":
		// inline image: its dictionary up to ID, then binary data up to EI
		for i := 0; i < 1<<12; i++ {
			t := l.next()
			if t.kind == tEOF || t.kind == tKeyword && t.s == "ID" {
				break
			}
		}
		l.skipInlineImage()
		in.images++
	}
}

func (in *interp) nextLine() {
	in.tlm = translate(0, -in.gs.tl).mul(in.tlm)
	in.tm = in.tlm
}

// adjust applies a TJ number (thousandths of text space, subtracted).
func (in *interp) adjust(n float64) {
	gs := &in.gs
	if gs.font != nil && gs.font.vertical {
		ty := -n / 1000 * gs.size
		in.tm = translate(0, ty).mul(in.tm)
		return
	}
	tx := -n / 1000 * gs.size * gs.th
	in.tm = translate(tx, 0).mul(in.tm)
}

func (in *interp) show(s string) {
	gs := &in.gs
	f := gs.font
	if f == nil {
		// no font, or one that cannot be loaded: the bytes cannot be
		// decoded reliably (two-byte codes read as Latin-1 are garbage)
		in.d.fontless++
		f = unknownFont
		if !in.d.rebuilt {
			// an intact file naming no font: a standard font, most likely
			f = latinFont()
		}
	}
	in.buf = f.decode(s, in.buf[:0])
	for _, g := range in.buf {
		in.d.tickGlyph()
		trm := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.ts}.mul(in.tm).mul(gs.ctm)
		var adv float64
		if f.vertical {
			ty := g.width/1000*gs.size + gs.tc
			if g.space {
				ty += gs.tw
			}
			adv = ty
			in.tm = translate(0, ty).mul(in.tm)
		} else {
			tx := (g.width/1000*gs.size + gs.tc)
			if g.space {
				tx += gs.tw
			}
			tx *= gs.th
			adv = tx
			in.tm = translate(tx, 0).mul(in.tm)
		}
		if g.text == "" || !finite(trm) {
			continue
		}
		sx := math.Hypot(trm[0], trm[1])
		sy := math.Hypot(trm[2], trm[3])
		size := sy
		if size == 0 {
			size = sx
		}
		var w float64
		if f.vertical {
			w = size // a vertical glyph occupies one em across
		} else {
			m := in.tm.mul(gs.ctm) // already advanced; the scale is the same
			w = math.Abs(adv) * math.Hypot(m[0], m[1])
		}
		in.out = append(in.out, pglyph{
			text: g.text, x: trm[4], y: trm[5], w: math.Abs(w), size: math.Abs(size),
			vertical: f.vertical, dir: int8(quarter(trm[0], trm[1])), slanted: slanted(trm[0], trm[1]),
		})
	}
}

// unknownFont stands for a font that is missing: it advances but shows
// nothing.
var unknownFont = &font{simple: true, simpleTables: &noCodes, scale: 1, missingW: 500}

// noCodes are unknownFont's empty tables (static data, not built at init).
var noCodes simpleTables

// latinFont decodes single bytes as Latin-1, for text shown in an intact
// file without a font.
var latinFontV lazy.Value[*font]

func latinFont() *font { return latinFontV.Get(buildLatinFont) }

func buildLatinFont() *font {
	f := &font{simple: true, simpleTables: new(simpleTables), scale: 1, missingW: 500}
	for c := 0x20; c < 0x7F; c++ {
		f.codeText[c] = string(rune(c))
	}
	return f
}

// do runs a Form XObject, or counts an image.
func (in *interp) do(name string, res lpdf.Value) {
	xo := key(key(res, "XObject"), name)
	if xo.Kind() != lpdf.Stream {
		return
	}
	switch nameOf(key(xo, "Subtype")) {
	case "Image":
		in.images++
		return
	case "Form":
	default:
		return
	}
	k := keyOf(xo)
	for _, f := range in.forms {
		if f == k {
			return // a form that draws itself
		}
	}
	if len(in.forms) >= in.d.budget.maxDepth {
		in.d.warn("xobject_depth", "nested Form XObjects deeper than the limit were skipped")
		return
	}
	data, ok := in.d.forms[k]
	if !ok {
		data = in.d.stream(xo)
		if in.d.forms == nil {
			in.d.forms = map[objKey][]byte{}
		}
		in.d.forms[k] = data
	}
	if len(data) == 0 {
		return
	}
	fres := key(xo, "Resources")
	if fres.IsNull() {
		fres = res
	}
	saved, savedTm, savedTlm, savedStack := in.gs, in.tm, in.tlm, len(in.stack)
	if m := key(xo, "Matrix"); length(m) == 6 {
		var mm matrix
		for i := range mm {
			mm[i] = numOr(index(m, i), identity[i])
		}
		if nm := mm.mul(in.gs.ctm); finite(nm) {
			in.gs.ctm = nm
		}
	}
	in.forms = append(in.forms, k)
	in.run(data, fres)
	in.forms = in.forms[:len(in.forms)-1]
	in.gs, in.tm, in.tlm = saved, savedTm, savedTlm
	if len(in.stack) > savedStack {
		in.stack = in.stack[:savedStack]
	}
}

// quarter returns the direction of the vector (x, y) in quarter turns.
func quarter(x, y float64) int {
	if math.Abs(x) >= math.Abs(y) {
		if x >= 0 {
			return 0
		}
		return 2
	}
	if y > 0 {
		return 1
	}
	return 3
}

// slanted reports a direction (x, y) more than 5° off its quarter turn.
func slanted(x, y float64) bool {
	if x == 0 || y == 0 {
		return false // on an axis: skew is 0
	}
	return skew(x, y) > 5
}

// skew returns how far the direction (x, y) is from the nearest quarter
// turn, in degrees (0 for upright or rotated text, 45 for a diagonal
// watermark).
func skew(x, y float64) float64 {
	a := math.Abs(math.Atan2(y, x)) * 180 / math.Pi // 0..180
	a = math.Mod(a, 90)
	return math.Min(a, 90-a)
}
