package html

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// tokens is what the builder reads of a tokenizer: x/net/html's, or the
// lexer below.
type tokens interface {
	Next() xhtml.TokenType
	Err() error
	Raw() []byte
	Text() []byte
	TagAttr() (key, val []byte, more bool)
}

// errLexer says the lexer met markup it does not follow; the page is then
// read again with x/net/html's tokenizer.
var errLexer = errors.New("html: markup left to x/net/html's tokenizer")

// lexer gives x/net/html's Tokenizer's tokens for the markup that pages
// are made of (text, tags with their attributes, comments, doctypes, the
// raw text of script, style, title, textarea and the like), reading the
// whole page in memory: no byte-by-byte reads, and nothing allocated per
// tag or attribute. Anything else (a tag or comment cut off by the end of
// the page, a comment of unusual form, a script holding "<!--",
// <plaintext>, an entity it does not decode in place) makes it stop with
// errLexer, and the page is read by the Tokenizer instead. Each rule
// below is the Tokenizer's (token.go), in the cases kept.
type lexer struct {
	src      []byte
	pos      int // start of the next token
	raw      []byte
	tt       xhtml.TokenType
	err      error
	rawTag   string // the raw-text element just opened, if any
	textRaw  bool   // the text token is script-like: no entities
	attrs    [][4]int
	nextAttr int
	scratch  []byte
	// keptOnly records the attributes of those tags only whose
	// attributes the tree keeps (a, td, th, meta, input): the others are
	// scanned to their end and no more.
	keptOnly bool
	// name is where the last tag's name lies in src.
	name [2]int
}

func newLexer(src []byte) *lexer {
	z := &lexer{src: src}
	if bytes.IndexByte(src, 0) >= 0 {
		z.err = errLexer // the Tokenizer replaces NULs, case by case
	}
	return z
}

func (z *lexer) Err() error  { return z.err }
func (z *lexer) Raw() []byte { return z.raw }

func (z *lexer) fail() xhtml.TokenType {
	z.err, z.tt, z.raw = errLexer, xhtml.ErrorToken, nil
	return z.tt
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func (z *lexer) emit(tt xhtml.TokenType, end int) xhtml.TokenType {
	z.raw = z.src[z.pos:end]
	z.pos = end
	z.tt = tt
	return tt
}

func (z *lexer) Next() xhtml.TokenType {
	if z.err != nil {
		z.tt, z.raw = xhtml.ErrorToken, nil
		return z.tt
	}
	z.attrs, z.nextAttr = z.attrs[:0], 0
	src := z.src
	if z.rawTag != "" {
		name := z.rawTag
		z.rawTag = ""
		if name == "plaintext" {
			return z.fail()
		}
		end := z.rawEnd(name)
		if end < 0 {
			return z.fail()
		}
		if end > z.pos {
			z.textRaw = name != "textarea" && name != "title"
			return z.emit(xhtml.TextToken, end)
		}
	}
	z.textRaw = false
	// Text runs to a '<' that opens a tag, an end tag, a comment or a
	// doctype.
	i := z.pos
	for {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			if z.pos < len(src) {
				return z.emit(xhtml.TextToken, len(src))
			}
			z.err, z.tt, z.raw = io.EOF, xhtml.ErrorToken, nil
			return z.tt
		}
		i += j
		if i+1 >= len(src) {
			return z.emit(xhtml.TextToken, len(src)) // a '<' at the end is text
		}
		if c := src[i+1]; isLetter(c) || c == '/' || c == '!' || c == '?' {
			break
		}
		i++
	}
	if i > z.pos {
		return z.emit(xhtml.TextToken, i)
	}
	switch c := src[i+1]; {
	case isLetter(c):
		end, ok := z.tag(i + 1)
		if !ok {
			return z.fail()
		}
		z.emit(xhtml.StartTagToken, end)
		if name := z.rawName(); name != "" {
			z.rawTag = name
		}
		return z.tt
	case c == '/':
		if i+2 >= len(src) {
			return z.fail()
		}
		if isLetter(src[i+2]) {
			end, ok := z.tag(i + 2)
			if !ok {
				return z.fail()
			}
			z.attrs = z.attrs[:0] // end tags keep none
			return z.emit(xhtml.EndTagToken, end)
		}
		// "</>" and "</ x>": comments that end at the next '>'.
		k := bytes.IndexByte(src[i+2:], '>')
		if k < 0 {
			return z.fail()
		}
		return z.emit(xhtml.CommentToken, i+2+k+1)
	case c == '?':
		k := bytes.IndexByte(src[i+1:], '>')
		if k < 0 {
			return z.fail()
		}
		return z.emit(xhtml.CommentToken, i+1+k+1)
	default: // '!'
		rest := src[i+2:]
		if len(rest) < 2 {
			return z.fail()
		}
		if rest[0] == '-' && rest[1] == '-' {
			body := rest[2:]
			// The forms whose end the Tokenizer finds otherwise:
			// "<!-->", "<!--->", "--!>" and "--!-".
			if len(body) == 0 || body[0] == '>' || body[0] == '-' {
				return z.fail()
			}
			k := bytes.Index(body, []byte("-->"))
			if k < 0 || bytes.Contains(body[:k+3], []byte("--!")) {
				return z.fail()
			}
			return z.emit(xhtml.CommentToken, i+4+k+3)
		}
		if len(rest) >= 7 && bytes.EqualFold(rest[:7], []byte("DOCTYPE")) {
			k := bytes.IndexByte(rest[7:], '>')
			if k < 0 {
				return z.fail()
			}
			return z.emit(xhtml.DoctypeToken, i+2+7+k+1)
		}
		if len(rest) < 7 {
			return z.fail() // maybe a doctype cut short
		}
		k := bytes.IndexByte(rest, '>')
		if k < 0 {
			return z.fail()
		}
		return z.emit(xhtml.CommentToken, i+2+k+1)
	}
}

// tag reads a tag whose name starts at i, recording its attributes as
// the Tokenizer's readTag does, and returns the index past its '>'.
func (z *lexer) tag(i int) (int, bool) {
	src := z.src
	start := i
	for i < len(src) && !isSpaceByte(src[i]) && src[i] != '/' && src[i] != '>' {
		i++
	}
	z.name = [2]int{start, i}
	record := !z.keptOnly || attrsKept(src[start:i])
	skip := func() {
		for i < len(src) && isSpaceByte(src[i]) {
			i++
		}
	}
	skip()
	for {
		if i >= len(src) {
			return 0, false
		}
		if src[i] == '>' {
			return i + 1, true
		}
		// The key: '=' is part of it only as its first byte.
		ks := i
		for i < len(src) {
			c := src[i]
			if c == '=' && i == ks {
				i++
				continue
			}
			if c == '=' || isSpaceByte(c) || c == '/' || c == '>' {
				break
			}
			i++
		}
		if i >= len(src) {
			return 0, false
		}
		ke := i
		// The value.
		vs, ve := i, i
		skip()
		if i >= len(src) {
			return 0, false
		}
		switch src[i] {
		case '/':
			i++
			vs, ve = i, i
		case '=':
			i++
			skip()
			if i >= len(src) {
				return 0, false
			}
			switch q := src[i]; q {
			case '>':
				vs, ve = i, i
			case '\'', '"':
				k := bytes.IndexByte(src[i+1:], q)
				if k < 0 {
					return 0, false
				}
				vs, ve = i+1, i+1+k
				i = ve + 1
			default:
				vs = i
				for i < len(src) && !isSpaceByte(src[i]) && src[i] != '>' {
					i++
				}
				if i >= len(src) {
					return 0, false
				}
				ve = i
				if src[i] != '>' {
					i++
				}
			}
		default:
			vs, ve = i, i
		}
		if ke > ks && record {
			z.addAttr(ks, ke, vs, ve)
		}
		skip()
	}
}

// attrsKept reports the tag names of the elements whose attributes the
// tree keeps (attrsRead), in any case.
func attrsKept(name []byte) bool {
	switch len(name) {
	case 1:
		return name[0]|0x20 == 'a'
	case 2:
		return name[0]|0x20 == 't' && (name[1]|0x20 == 'd' || name[1]|0x20 == 'h')
	case 4:
		return bytes.EqualFold(name, []byte("meta"))
	case 5:
		return bytes.EqualFold(name, []byte("input"))
	}
	return false
}

// addAttr keeps an attribute unless one of the same name came before.
func (z *lexer) addAttr(ks, ke, vs, ve int) {
	for _, a := range z.attrs {
		if equalLower(z.src[a[0]:a[1]], z.src[ks:ke]) {
			return
		}
	}
	z.attrs = append(z.attrs, [4]int{ks, ke, vs, ve})
}

// equalLower compares two keys as the Tokenizer's lower-casing of ASCII
// letters would.
func equalLower(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// rawName returns the lower-cased name of a start tag that makes the next
// text raw, or "".
func (z *lexer) rawName() string {
	raw := z.raw
	j := 1
	for j < len(raw) && !isSpaceByte(raw[j]) && raw[j] != '/' && raw[j] != '>' {
		j++
	}
	name := raw[1:j]
	for _, s := range [...]string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"} {
		if len(name) == len(s) && bytes.EqualFold(name, []byte(s)) {
			return s
		}
	}
	return ""
}

// rawEnd returns where the raw text of element name ends: at its end tag,
// or at the end of the page; -1 for a script that the Tokenizer reads in
// its escaped states.
func (z *lexer) rawEnd(name string) int {
	src := z.src
	i := z.pos
	for {
		k := bytes.Index(src[i:], []byte("</"))
		if k < 0 {
			if name == "script" && bytes.Contains(src[z.pos:], []byte("<!--")) {
				return -1
			}
			return len(src)
		}
		i += k
		e := i + 2 + len(name)
		if e < len(src) && bytes.EqualFold(src[i+2:e], []byte(name)) && (isSpaceByte(src[e]) || src[e] == '/' || src[e] == '>') {
			if name == "script" && bytes.Contains(src[z.pos:i], []byte("<!--")) {
				return -1
			}
			return i
		}
		if e >= len(src) && len(src)-(i+2) < len(name)+1 && bytes.HasPrefix([]byte(name), bytes.ToLower(src[i+2:])) {
			return -1 // an end tag cut off by the end of the page
		}
		i += 2
	}
}

// Text returns the text token's text with line breaks normalised and,
// unless it is raw, entities decoded.
func (z *lexer) Text() []byte {
	if z.tt != xhtml.TextToken {
		return nil
	}
	s := z.raw
	if bytes.IndexByte(s, '\r') < 0 && (z.textRaw || bytes.IndexByte(s, '&') < 0) {
		return s
	}
	b := z.scratch[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r':
			b = append(b, '\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c == '&' && !z.textRaw:
			r, n := entity(s[i:])
			if n == 0 {
				// Decoded by the library, from here on.
				b = append(b, xhtml.UnescapeString(string(convertCR(s[i:])))...)
				z.scratch = b
				return b
			}
			b = utf8.AppendRune(b, r)
			i += n - 1
		default:
			b = append(b, c)
		}
	}
	z.scratch = b
	return b
}

// convertCR is the Tokenizer's line break normalisation, on a copy.
func convertCR(s []byte) []byte {
	if bytes.IndexByte(s, '\r') < 0 {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' {
			out = append(out, '\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, s[i])
	}
	return out
}

// entity decodes the common entities at the start of s (which starts with
// '&'), the way html.UnescapeString does, and returns the character and
// the entity's length; 0 for the others, which are left to the library.
func entity(s []byte) (rune, int) {
	for _, e := range [...]struct {
		name string
		r    rune
	}{{"&nbsp;", '\u00a0'}, {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}} {
		if bytes.HasPrefix(s, []byte(e.name)) {
			return e.r, len(e.name)
		}
	}
	if len(s) < 4 || s[1] != '#' {
		return 0, 0
	}
	i, base := 2, 10
	if s[2] == 'x' || s[2] == 'X' {
		i, base = 3, 16
	}
	v, start := 0, i
	for ; i < len(s) && i-start < 7; i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			v = v*base + int(c-'0')
		case base == 16 && 'a' <= c && c <= 'f':
			v = v*16 + int(c-'a'+10)
		case base == 16 && 'A' <= c && c <= 'F':
			v = v*16 + int(c-'A'+10)
		default:
			goto end
		}
	}
end:
	if i == start || i >= len(s) || s[i] != ';' {
		return 0, 0
	}
	// Values the library maps to other characters are left to it.
	if v == 0 || 0x80 <= v && v <= 0x9f || 0xd800 <= v && v <= 0xdfff || v > 0x10ffff {
		return 0, 0
	}
	return rune(v), i + 1
}

// TagAttr returns the start tag's attributes as the Tokenizer does: keys
// lower-cased, values with line breaks normalised and entities decoded.
func (z *lexer) TagAttr() (key, val []byte, more bool) {
	if z.nextAttr >= len(z.attrs) || z.tt != xhtml.StartTagToken {
		return nil, nil, false
	}
	z.nextAttr++
	return z.key(z.nextAttr - 1), z.value(z.nextAttr - 1), z.nextAttr < len(z.attrs)
}

// key returns the start tag's i-th attribute's key, lower-cased; valid
// until the next call.
func (z *lexer) key(i int) []byte {
	a := z.attrs[i]
	k := z.src[a[0]:a[1]]
	if hasUpper(k) {
		// ASCII only, as the Tokenizer lower-cases keys.
		b := z.scratch[:0]
		for _, c := range k {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		z.scratch, k = b, b
	}
	return k
}

// value returns the start tag's i-th attribute's value.
func (z *lexer) value(i int) []byte {
	a := z.attrs[i]
	v := z.src[a[2]:a[3]]
	if bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '\r') >= 0 {
		// Attribute values decode entities by rules of their own: let
		// the Tokenizer read this tag alone.
		t := xhtml.NewTokenizer(bytes.NewReader(z.raw))
		t.Next()
		for j := 0; ; j++ {
			_, tv, more := t.TagAttr()
			if j == i || !more {
				return tv
			}
		}
	}
	return v
}

func hasUpper(b []byte) bool {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}
