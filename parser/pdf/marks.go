package pdf

import (
	"strings"
	"unicode/utf8"
)

// Hand-written forms of the short patterns the table and line code test
// words with (each documented by its pattern; \d and \s are ASCII as in
// the regexp package): compiling them was part of every process's first
// PDF, and they run on every word.

const cjkNumerals = "一二三四五六七八九十"

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// numeralRun is the length in bytes of the Chinese numerals s opens with.
func numeralRun(s string) int {
	n := 0
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if !strings.ContainsRune(cjkNumerals, r) {
			break
		}
		n += w
	}
	return n
}

// isDigitMark is ^\d{1,2}\s*[.、．] (1. 2、 12．).
func isDigitMark(s string) bool {
	n := 0
	for n < len(s) && n < 3 && isDigit(s[n]) {
		n++
	}
	if n == 0 || n > 2 {
		return false
	}
	for n < len(s) && isReSpace(s[n]) {
		n++
	}
	r, _ := utf8.DecodeRuneInString(s[n:])
	return r == '.' || r == '、' || r == '．'
}

// isGroupMark is ^[(（][三四五六][)）] ((三) （四）).
func isGroupMark(s string) bool {
	r, w := utf8.DecodeRuneInString(s)
	if r != '(' && r != '（' {
		return false
	}
	s = s[w:]
	r, w = utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !strings.ContainsRune("三四五六", r) {
		return false
	}
	r, _ = utf8.DecodeRuneInString(s[w:])
	return r == ')' || r == '）'
}

// isRowMark is ^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.、．]).
func isRowMark(s string) bool {
	if n := numeralRun(s); n > 0 {
		return strings.HasPrefix(s[n:], "、")
	}
	if r, w := utf8.DecodeRuneInString(s); r == '(' || r == '（' {
		n := numeralRun(s[w:])
		if n == 0 {
			return false
		}
		r, _ = utf8.DecodeRuneInString(s[w+n:])
		return r == ')' || r == '）'
	}
	return isDigitMark(s)
}

// isNumberWord is ^[-+]?[\d,，]+(?:\.\d+)?$|^[-—–/／无]$: a number of the
// table or the marks of an empty cell.
func isNumberWord(s string) bool {
	switch s {
	case "-", "—", "–", "/", "／", "无":
		return true
	}
	return isDecimal(s, true)
}

// isDecimal is ^[-+]?[\d,]+(\.\d+)?$, with fullComma also ， among the
// digits.
func isDecimal(s string, fullComma bool) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	j := i
	for j < len(s) {
		switch {
		case isDigit(s[j]) || s[j] == ',':
			j++
		case fullComma && strings.HasPrefix(s[j:], "，"):
			j += len("，")
		default:
			goto run
		}
	}
run:
	if j == i {
		return false
	}
	if j == len(s) {
		return true
	}
	if s[j] != '.' {
		return false
	}
	k := j + 1
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	return k > j+1 && k == len(s)
}

// isPlainNum is ^\d{1,4}$.
func isPlainNum(s string) bool {
	if len(s) == 0 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// cursor reads a word from the left for the hand-written patterns.
type cursor struct{ s string }

func (c *cursor) end() bool { return c.s == "" }

// set consumes the runes of set at the front, at most max (max < 0: no
// limit), and reports whether there were at least min.
func (c *cursor) set(set string, min, max int) bool {
	n := 0
	for c.s != "" && (max < 0 || n < max) {
		r, w := utf8.DecodeRuneInString(c.s)
		if r == utf8.RuneError || !strings.ContainsRune(set, r) {
			break
		}
		c.s = c.s[w:]
		n++
	}
	return n >= min
}

func (c *cursor) spaces() {
	for c.s != "" && isReSpace(c.s[0]) {
		c.s = c.s[1:]
	}
}

// digits consumes \d{1,4} that no further digit follows (what a pattern
// \d{1,4} followed by anything but a digit accepts).
func (c *cursor) digits() bool {
	n := 0
	for n < len(c.s) && isDigit(c.s[n]) {
		n++
	}
	c.s = c.s[n:]
	return n >= 1 && n <= 4
}

func (c *cursor) lit(p string) bool {
	if !strings.HasPrefix(c.s, p) {
		return false
	}
	c.s = c.s[len(p):]
	return true
}

const pageDashes = "-—–－―"

// isPageNumber is the pattern of a printed page number:
//
//	^[-—–－―~]+\s*\d{1,4}\s*[-—–－―~]+$                  (- 4 -, ~4~)
//	^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$  (第4页, 第4页 共9页)
//	^\d{1,4}\s*/\s*\d{1,4}$                                (4/9)
//	^[-—–－―]?\s*\d{1,4}\s*[-—–－―]?$                     (4, -4-)
func isPageNumber(t string) bool {
	c := cursor{t}
	if c.set(pageDashes+"~", 1, -1) {
		c.spaces()
		if c.digits() {
			c.spaces()
			if c.set(pageDashes+"~", 1, -1) && c.end() {
				return true
			}
		}
	}
	c = cursor{t}
	if c.lit("第") {
		c.spaces()
		if !c.digits() {
			return false
		}
		c.spaces()
		if !c.lit("页") {
			return false
		}
		if c.end() {
			return true
		}
		c.spaces()
		c.set(",，/", 0, 1)
		c.spaces()
		if !c.lit("共") {
			return false
		}
		c.spaces()
		if !c.digits() {
			return false
		}
		c.spaces()
		return c.lit("页") && c.end()
	}
	c = cursor{t}
	if !c.digits() {
		c = cursor{t}
		c.set(pageDashes, 0, 1)
		c.spaces()
		if !c.digits() {
			return false
		}
		c.spaces()
		c.set(pageDashes, 0, 1)
		return c.end()
	}
	// \d{1,4} first: 4/9 or 4 or 4-
	rest := c
	c.spaces()
	if c.lit("/") {
		c.spaces()
		if c.digits() && c.end() {
			return true
		}
	}
	c = rest
	c.spaces()
	c.set(pageDashes, 0, 1)
	return c.end()
}
