// Package textnorm folds the many ways a report writes the same text
// (full-width forms, Kangxi radicals, non-breaking and ideographic spaces,
// curly or straight quotes) into one, so that labels and numbers can be
// compared.
package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/govreport/govreport/internal/lazy"
)

// Fold applies NFKC (full-width digits and brackets to ASCII, Kangxi
// radicals to ideographs), turns every kind of space into one ASCII space,
// drops zero-width characters and trims.
func Fold(s string) string {
	k := foldedPrefix(s)
	if k == len(s) { // most cells: one pass, no copy
		return s
	}
	if out, ok := foldShort(s, k); ok { // most others: the rest once more
		return out
	}
	if isPlainASCII(s) {
		if alreadyFolded(s) {
			return s
		}
		return strings.Join(strings.Fields(s), " ")
	}
	s = nfkc(s)
	if alreadyFolded(s) { // most lines: no copy
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// nfkc is norm.NFKC.String with a shortcut for the characters these
// reports are written in: ASCII, CJK ideographs, CJK and general
// punctuation that NFKC leaves alone, and full-width forms, which it maps
// to ASCII one for one. None of them combines with a neighbour, so the
// text is normalised character by character; any other character sends
// the whole string to the full algorithm. (NFKC was a tenth of a text
// parse.) The test checks every character of these ranges against norm.
func nfkc(s string) string {
	mapped := false
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := DecodeAt(s, i)
		switch {
		case nfkcStable(r):
		case nfkcMapped(r):
			mapped = true
		default:
			return norm.NFKC.String(s)
		}
		i += n
	}
	if !mapped {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			b = append(b, s[i])
			i++
			continue
		}
		r, n := DecodeAt(s, i)
		switch {
		case r == '\u3000':
			b = append(b, ' ')
		case r >= 0xff01 && r <= 0xff5e:
			b = append(b, byte(r-0xfee0))
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// nfkcStable reports characters that NFKC leaves as they are and that
// never combine with their neighbours.
func nfkcStable(r rune) bool {
	switch {
	case r >= 0x4e00 && r <= 0x9fff: // CJK unified ideographs
		return true
	case r >= 0x3001 && r <= 0x3002, r >= 0x3008 && r <= 0x3011, r >= 0x3014 && r <= 0x3015: // 、。《》「」【】〔〕…
		return true
	case r == 0x2014, r == 0x2018, r == 0x2019, r == 0x201c, r == 0x201d, r == 0x00b7, r == 0x00d7, r == 0x2022,
		r == 0x25cb, r == 0x25a1, r == 0x25cf, r == 0x2192: // — ‘ ’ “ ” · × • ○ □ ● →
		return true
	}
	return false
}

// nfkcMapped reports characters that NFKC maps to one ASCII character:
// the ideographic space and the full-width forms of ASCII.
func nfkcMapped(r rune) bool {
	return r == 0x3000 || r >= 0xff01 && r <= 0xff5e
}

// foldedPrefix is the length of the longest head of s that Fold leaves as
// it is and that ends with a character other than a space (so that what
// follows is folded as if Fold had read the head), or len(s) when Fold
// returns s as it is.
func foldedPrefix(s string) int {
	prevSpace := true // a leading space is dropped
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := DecodeAt(s, i)
			if !nfkcStable(r) {
				return headBefore(s, i)
			}
			prevSpace = false
			i += n
			continue
		}
		switch c {
		case ' ':
			if prevSpace {
				return headBefore(s, i)
			}
			prevSpace = true
		case '\t', '\n', '\v', '\f', '\r':
			return headBefore(s, i)
		default:
			prevSpace = false
		}
		i++
	}
	if !prevSpace || s == "" { // a trailing space is dropped
		return len(s)
	}
	return headBefore(s, len(s))
}

// headBefore is i, less the single space s may have there before it.
func headBefore(s string, i int) int {
	if i > 0 && s[i-1] == ' ' {
		return i - 1
	}
	return i
}

// foldShort is Fold in one pass for text of the characters nfkc maps by
// itself (ASCII, nfkcStable, nfkcMapped, and U+00A0, which NFKC maps to
// ' ', a starter like the others): NFKC character by character, then
// Fold's spaces. It reports false, having done nothing useful, on any
// other character. The result is never longer than s: one allocation.
// s[:k] is foldedPrefix's head, copied as it is.
func foldShort(s string, k int) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:k])
	space := false
	for i := k; i < len(s); {
		c := s[i]
		var ch string // what NFKC makes of the character
		isSpace := false
		switch {
		case c < utf8.RuneSelf:
			ch = s[i : i+1]
			isSpace = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
			i++
		default:
			r, n := DecodeAt(s, i)
			switch {
			case nfkcStable(r):
				ch = s[i : i+n]
			case r == '\u3000' || r == '\u00a0':
				isSpace = true
			case r >= 0xff01 && r <= 0xff5e:
				ch = asciiChar(byte(r - 0xfee0))
			default:
				return "", false
			}
			i += n
		}
		if isSpace {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteString(ch)
	}
	return b.String(), true
}

// asciiChar returns the one-byte string of c without allocating.
func asciiChar(c byte) string { return asciiChars[c : c+1] }

const asciiChars = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f"

// alreadyFolded reports whether Fold's loop would return s unchanged: no
// character it drops, no space but single ' ' between other characters.
func alreadyFolded(s string) bool {
	prevSpace := true // a leading space is dropped
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			return false
		case r == utf8.RuneError: // the loop would write U+FFFD for a bad byte
			return false
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000':
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == "" // a trailing space is dropped
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Compact folds s and removes every space: the form in which labels
// broken over lines or padded with spaces are compared.
func Compact(s string) string {
	s = Fold(s)
	if !strings.Contains(s, " ") {
		return s
	}
	return strings.ReplaceAll(s, " ", "")
}

// Label returns the comparison key of a label: folded, without spaces and
// quotes, with brackets unified.
func Label(s string) string {
	return LabelFolded(Compact(s))
}

// LabelFolded is Label for text that is already folded (the Text of a
// layout cell): it skips the NFKC pass, which dominates the cost.
func LabelFolded(s string) string {
	if strings.IndexByte(s, ' ') < 0 {
		if !hasLabelDropChar(s) {
			return s
		}
		return dropLabelChars(s)
	}
	// The spaces go into a scratch buffer (on the stack for most labels),
	// so that a label with both spaces and quotes or brackets costs one
	// string, not two. The characters are dropped after the spaces, as
	// before: on bad bytes a space could split a key.
	var buf [256]byte
	b := buf[:0]
	if len(s) > len(buf) {
		b = make([]byte, 0, len(s))
	}
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			b = append(b, s[i])
		}
	}
	if !hasLabelDropChar(unsafe.String(unsafe.SliceData(b), len(b))) {
		return string(b)
	}
	// dropLabelChars reads the buffer and copies what it keeps.
	return dropLabelChars(unsafe.String(unsafe.SliceData(b), len(b)))
}

// hasLabelDropChar is strings.ContainsAny(s, labelDropChars) in one pass
// over the bytes: every character of the set is ASCII or three bytes
// opening with E2, E3 or EF, and a lead byte is always a character's
// start, so only those places are looked at.
func hasLabelDropChar(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\'', '[', ']':
			return true
		case 0xE2, 0xE3, 0xEF:
			if i+3 <= len(s) {
				if _, ok := labelDropSeq(s[i : i+3]); ok {
					return true
				}
			}
		}
	}
	return false
}

// labelDropSeq returns what labelDrop writes for the three-byte character
// t, and whether t is one of its keys.
func labelDropSeq(t string) (string, bool) {
	switch t {
	case "“", "”", "‘", "’", "「", "」", "『", "』":
		return "", true
	case "【", "〔":
		return "(", true
	case "】", "〕":
		return ")", true
	case "．", "。":
		return ".", true
	case "，":
		return ",", true
	case "：":
		return ":", true
	case "；":
		return ";", true
	}
	return "", false
}

// dropLabelChars is labelDrop.Replace written out: the text between two
// keys is copied whole (a rune at a time it was most of the cost of
// folding a long line), into one buffer.
func dropLabelChars(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i := 0; i < len(s); {
		rep, n := "", 0
		switch s[i] {
		case '"', '\'':
			n = 1
		case '[':
			rep, n = "(", 1
		case ']':
			rep, n = ")", 1
		case 0xE2, 0xE3, 0xEF:
			if i+3 <= len(s) {
				if r, ok := labelDropSeq(s[i : i+3]); ok {
					rep, n = r, 3
				}
			}
		}
		if n == 0 {
			i++
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		i += n
		last = i
	}
	b.WriteString(s[last:])
	return b.String()
}

const labelDropChars = "“”\"'‘’「」『』【】〔〕[]．。，：；"

// Squeeze removes the spaces of already folded text.
func Squeeze(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	return strings.ReplaceAll(s, " ", "")
}

// hasRadicals reports whether s holds a character Prose folds: CJK
// Radicals Supplement, Kangxi radicals, compatibility ideographs.
func hasRadicals(s string) bool {
	for _, r := range s {
		if r >= 0x2e80 && r <= 0x2fdf || r >= 0xf900 && r <= 0xfaff || r >= 0x2f800 && r <= 0x2fa1f {
			return true
		}
	}
	return false
}

// proseAsIs is alreadyFolded(s) && !hasRadicals(s) in one pass, with
// the common three-byte characters decoded inline (the two range loops
// were most of Prose's cost).
func proseAsIs(s string) bool {
	prevSpace := true // a leading space is dropped
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, n := DecodeAt(s, i)
		switch {
		case r >= 0x4e00 && r <= 0x9fff: // CJK ideographs, the bulk
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad', r == utf8.RuneError,
			unicode.IsSpace(r),
			r >= 0x2e80 && r <= 0x2fdf || r >= 0xf900 && r <= 0xfaff || r >= 0x2f800 && r <= 0x2fa1f:
			return false
		}
		prevSpace = false
		i += n
	}
	return !prevSpace || s == "" // a trailing space is dropped
}

// Radicals folds the CJK Radicals Supplement characters that some
// producers' ToUnicode maps give for ordinary simplified ideographs
// (wkhtmltopdf: 人⺠ for 人民, ⻔ for 门); NFKC folds only the Kangxi
// radicals.
// (Built on first use: a package-level strings.NewReplacer runs at
// initialisation in every process.)
var Radicals = &lazy.Replacer{Pairs: []string{
	"\u2EA0", "民", "\u2EC4", "西", "\u2EC5", "见", "\u2EC6", "角", "\u2EC8", "讠", "\u2EC9", "贝",
	"\u2ECB", "车", "\u2ED0", "钅", "\u2ED3", "长", "\u2ED4", "门", "\u2ED9", "韦", "\u2EDA", "页",
	"\u2EDB", "风", "\u2EDC", "飞", "\u2EE0", "饣", "\u2EE2", "马", "\u2EE5", "鱼", "\u2EE6", "鸟",
	"\u2EE7", "卤", "\u2EE8", "麦", "\u2EE9", "黄", "\u2EEA", "黾", "\u2EEC", "齐", "\u2EEE", "齿",
	"\u2EF0", "龙", "\u2EF3", "龟", "\u2EB0", "纟",
}}

// Prose is the form of free text handed back to the reader: the
// document's own characters (full-width ，：；（） and digits as printed),
// with only what is not the author's writing undone: runs of spaces of
// any kind become one space, zero-width characters go, and radicals that
// a font's character map gave for ordinary ideographs (and compatibility
// ideographs) become those ideographs. Width folding is for matching.
func Prose(s string) string {
	if isPlainASCII(s) {
		if alreadyFolded(s) {
			return s
		}
		return strings.Join(strings.Fields(s), " ")
	}
	if proseAsIs(s) { // most lines: no copy
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch {
		case r >= 0x2e80 && r <= 0x2fdf, r >= 0xf900 && r <= 0xfaff, r >= 0x2f800 && r <= 0x2fa1f:
			// CJK Radicals Supplement, Kangxi radicals, compatibility ideographs
			b.WriteString(norm.NFKC.String(Radicals.Replace(string(r))))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// DecodeAt is utf8.DecodeRuneInString(s[i:]) with the three-byte
// characters these reports are written in decoded inline (the call
// for every Chinese character was a tenth of reading a text file).
func DecodeAt(s string, i int) (rune, int) {
	if i+2 < len(s) {
		// E1–EC, EE, EF lead any two continuation bytes (E0 and ED
		// restrict the second byte: those go the long way).
		c0, c1, c2 := s[i], s[i+1]^0x80, s[i+2]^0x80
		if c0-0xE1 < 0xF0-0xE1 && c0 != 0xED && c1|c2 < 0x40 {
			return rune(c0&0x0F)<<12 | rune(c1)<<6 | rune(c2), 3
		}
	}
	return decodeSlow(s[i:])
}

func decodeSlow(s string) (rune, int) { return utf8.DecodeRuneInString(s) }
