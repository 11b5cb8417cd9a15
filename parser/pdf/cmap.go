package pdf

import (
	"bytes"
	"unicode/utf16"
)

// cmap is a parsed CMap program: a ToUnicode map (code to text) or an
// embedded encoding CMap (code to CID), with the code space ranges that say
// how many bytes each code takes.
type cmap struct {
	space []codeRange
	uni   map[uint64]string // (len<<32 | code) → text, usable (see setUni)
	cid   map[uint64]uint32 // (len<<32 | code) → CID
	cidR  []cidRange
	use   string // a predefined CMap named by usecmap
}

type codeRange struct {
	n      int // bytes
	lo, hi []byte
}

type cidRange struct {
	n      int
	lo, hi uint32
	cid    uint32
}

// cmapBudget bounds the entries one CMap may define.
const cmapBudget = 1 << 18

func codeKey(n int, code uint32) uint64 { return uint64(n)<<32 | uint64(code) }

func beInt(b string) uint32 {
	var v uint32
	for i := 0; i < len(b) && i < 4; i++ {
		v = v<<8 | uint32(b[i])
	}
	return v
}

// utf16Text decodes a UTF-16BE string from a bfchar/bfrange destination.
func utf16Text(b string) string {
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	if len(b) == 2 { // one unit: a lone surrogate is U+FFFD either way
		return string(rune(uint16(b[0])<<8 | uint16(b[1])))
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// parseCMap parses a CMap program. It never fails: what it cannot read it
// leaves out.
func parseCMap(data []byte) *cmap {
	// Sized from the hex strings (two a bfchar entry): growing a map of
	// thousands of entries rehashed it several times.
	m := &cmap{uni: make(map[uint64]string, min(bytes.Count(data, []byte("<"))/2, 1<<16)), cid: map[uint64]uint32{}}
	l := &lexer{b: data}
	var ops []token // operands since the last keyword
	entries := 0
	for steps := 0; steps < 4*len(data)+16; steps++ {
		t := l.next()
		switch t.kind {
		case tEOF:
			return m
		case tKeyword:
			switch t.s {
			case "begincodespacerange":
				m.readSpace(l)
			case "beginbfchar":
				entries += m.readBfChar(l, cmapBudget-entries)
			case "beginbfrange":
				entries += m.readBfRange(l, cmapBudget-entries)
			case "begincidchar":
				entries += m.readCIDChar(l, cmapBudget-entries)
			case "begincidrange":
				entries += m.readCIDRange(l, cmapBudget-entries)
			case "usecmap":
				if len(ops) > 0 && ops[len(ops)-1].kind == tName {
					m.use = ops[len(ops)-1].s
				}
			}
			ops = ops[:0]
		case tName, tNum, tString:
			if len(ops) > 8 {
				ops = ops[1:]
			}
			ops = append(ops, t)
		}
	}
	return m
}

// setUni maps a code to its text. uni holds usable texts only: a font
// reads an unusable one as no mapping, so it removes an earlier mapping of
// the code as a later definition replaced it.
func (m *cmap) setUni(k uint64, text string) {
	if usableText(text) {
		m.uni[k] = text
	} else {
		delete(m.uni, k)
	}
}

func (m *cmap) readSpace(l *lexer) {
	for {
		a := l.next()
		if a.kind != tString {
			return
		}
		b := l.next()
		if b.kind != tString || len(a.s) != len(b.s) || len(a.s) == 0 || len(a.s) > 4 {
			return
		}
		if len(m.space) < 64 {
			m.space = append(m.space, codeRange{n: len(a.s), lo: []byte(a.s), hi: []byte(b.s)})
		}
	}
}

func (m *cmap) readBfChar(l *lexer, budget int) int {
	n := 0
	for {
		a := l.next()
		if a.kind != tString {
			return n
		}
		b := l.next()
		if len(a.s) == 0 || len(a.s) > 4 {
			continue
		}
		if n >= budget {
			continue
		}
		switch b.kind {
		case tString:
			m.setUni(codeKey(len(a.s), beInt(a.s)), utf16Text(b.s))
			n++
		case tName:
			if s := glyphText(b.s); s != "" {
				m.setUni(codeKey(len(a.s), beInt(a.s)), s)
				n++
			}
		default:
			return n
		}
	}
}

func (m *cmap) readBfRange(l *lexer, budget int) int {
	n := 0
	for {
		a := l.next()
		if a.kind != tString {
			return n
		}
		b := l.next()
		if b.kind != tString {
			return n
		}
		c := l.next()
		var arr []string
		if c.kind == tArrOpen {
			for {
				e := l.next()
				if e.kind != tString {
					break // ] or garbage ends the array
				}
				if len(arr) < 65536 {
					arr = append(arr, e.s)
				}
			}
		} else if c.kind != tString {
			return n
		}
		if len(a.s) == 0 || len(a.s) > 4 || len(a.s) != len(b.s) {
			continue
		}
		lo, hi := beInt(a.s), beInt(b.s)
		if hi < lo || hi-lo > 65535 {
			continue
		}
		for code := lo; code <= hi && n < budget; code++ {
			off := code - lo
			var text string
			if arr != nil {
				if int(off) >= len(arr) {
					break
				}
				text = utf16Text(arr[off])
			} else {
				dst := []byte(c.s)
				if len(dst) == 0 {
					break
				}
				// add off to the last byte(s) of the destination
				v := uint32(dst[len(dst)-1]) + off
				carry := v >> 8
				dst[len(dst)-1] = byte(v)
				for i := len(dst) - 2; i >= 0 && carry > 0; i-- {
					v = uint32(dst[i]) + carry
					dst[i] = byte(v)
					carry = v >> 8
				}
				text = utf16Text(string(dst))
			}
			m.setUni(codeKey(len(a.s), code), text)
			n++
			if code == 0xFFFFFFFF {
				break
			}
		}
	}
}

func (m *cmap) readCIDChar(l *lexer, budget int) int {
	n := 0
	for {
		a := l.next()
		if a.kind != tString {
			return n
		}
		b := l.next()
		if b.kind != tNum {
			return n
		}
		if len(a.s) == 0 || len(a.s) > 4 || n >= budget {
			continue
		}
		m.cid[codeKey(len(a.s), beInt(a.s))] = uint32(b.num)
		n++
	}
}

func (m *cmap) readCIDRange(l *lexer, budget int) int {
	n := 0
	for {
		a := l.next()
		if a.kind != tString {
			return n
		}
		b := l.next()
		if b.kind != tString {
			return n
		}
		c := l.next()
		if c.kind != tNum {
			return n
		}
		if len(a.s) == 0 || len(a.s) > 4 || len(a.s) != len(b.s) || n >= budget {
			continue
		}
		if len(m.cidR) < 65536 {
			m.cidR = append(m.cidR, cidRange{n: len(a.s), lo: beInt(a.s), hi: beInt(b.s), cid: uint32(c.num)})
			n++
		}
	}
}

// codeLen returns the length of the code at the start of s according to
// the code space ranges, or 0 when the CMap defines none.
func (m *cmap) codeLen(s string) int {
	if m == nil || len(m.space) == 0 {
		return 0
	}
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, r := range m.space {
			if r.n != n {
				continue
			}
			ok := true
			for i := 0; i < n; i++ {
				if s[i] < r.lo[i] || s[i] > r.hi[i] {
					ok = false
					break
				}
			}
			if ok {
				return n
			}
		}
	}
	// no range matches: take the shortest length defined
	min := 4
	for _, r := range m.space {
		if r.n < min {
			min = r.n
		}
	}
	return min
}

func (m *cmap) lookupCID(n int, code uint32) (uint32, bool) {
	if c, ok := m.cid[codeKey(n, code)]; ok {
		return c, true
	}
	for _, r := range m.cidR {
		if r.n == n && code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}
