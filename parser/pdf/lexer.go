package pdf

// A bounded tokenizer for content streams and CMap programs. It never loops
// without consuming input, never allocates more than the input's size per
// token, and turns every malformed construct into a token or a skip rather
// than an error: a content stream is read as far as it makes sense.

// tokKind is the kind of a content-stream token.
type tokKind uint8

const (
	tEOF        tokKind = iota
	tNum                // a number: num holds the value
	tName               // /Name: s holds the name without the slash
	tString             // (literal) or <hex>: s holds the decoded bytes
	tKeyword            // an operator or true/false/null
	tArrOpen            // [
	tArrClose           // ]
	tDictOpen           // <<
	tDictClose          // >>
	tBraceOpen          // { (PostScript procedures in CMaps)
	tBraceClose         // }
)

type token struct {
	kind tokKind
	num  float64
	s    string
	hex  bool // tString came from <hex>
}

// lexer reads tokens from a byte slice.
type lexer struct {
	b     []byte
	pos   int
	names map[string]string // when set, the names read so far (raw → text)
}

// Character classes, looked up by byte: white space, delimiters, and
// regular characters (0).
const (
	cSpace = 1
	cDelim = 2
)

// charClass is static data (an array literal with constant indexes).
var charClass = [256]uint8{
	' ': cSpace, '\n': cSpace, '\r': cSpace, '\t': cSpace, '\f': cSpace, 0: cSpace,
	'(': cDelim, ')': cDelim, '<': cDelim, '>': cDelim, '[': cDelim, ']': cDelim,
	'{': cDelim, '}': cDelim, '/': cDelim, '%': cDelim,
}

func isSpace(c byte) bool { return charClass[c] == cSpace }

func isDelim(c byte) bool { return charClass[c] == cDelim }

// regularEnd returns where the run of regular characters from i ends.
func (l *lexer) regularEnd(i int) int {
	for i < len(l.b) && charClass[l.b[i]] == 0 {
		i++
	}
	return i
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next token; tEOF at the end of input.
func (l *lexer) next() token {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return token{kind: tEOF}
	}
	c := l.b[l.pos]
	switch c {
	case '[':
		l.pos++
		return token{kind: tArrOpen}
	case ']':
		l.pos++
		return token{kind: tArrClose}
	case '{':
		l.pos++
		return token{kind: tBraceOpen}
	case '}':
		l.pos++
		return token{kind: tBraceClose}
	case '(':
		l.pos++
		return token{kind: tString, s: l.literal()}
	case ')':
		// a stray close paren: skip it as a keyword of its own
		l.pos++
		return token{kind: tKeyword, s: ")"}
	case '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return token{kind: tDictOpen}
		}
		l.pos++
		return token{kind: tString, s: l.hexString(), hex: true}
	case '>':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '>' {
			l.pos += 2
			return token{kind: tDictClose}
		}
		l.pos++
		return token{kind: tKeyword, s: ">"}
	case '/':
		l.pos++
		start := l.pos
		l.pos = l.regularEnd(start)
		return token{kind: tName, s: l.name(l.b[start:l.pos])}
	}
	start := l.pos
	l.pos = l.regularEnd(start)
	if l.pos == start { // cannot happen, but never stall
		l.pos++
		return token{kind: tKeyword, s: string(c)}
	}
	w := l.b[start:l.pos]
	if v, ok := parseNumber(w); ok {
		return token{kind: tNum, num: v}
	}
	return token{kind: tKeyword, s: keyword(w)}
}

// keyword returns an operator's name, without a copy for the operators of
// text and graphics (a string per operator was a third of a page's
// allocations).
func keyword(w []byte) string {
	switch string(w) { // compiled without converting w
	case "BT":
		return "BT"
	case "ET":
		return "ET"
	case "Tf":
		return "Tf"
	case "Tj":
		return "Tj"
	case "TJ":
		return "TJ"
	case "Td":
		return "Td"
	case "TD":
		return "TD"
	case "Tm":
		return "Tm"
	case "T*":
		return "T*"
	case "Tc":
		return "Tc"
	case "Tw":
		return "Tw"
	case "Tz":
		return "Tz"
	case "TL":
		return "TL"
	case "Ts":
		return "Ts"
	case "Tr":
		return "Tr"
	case "cm":
		return "cm"
	case "re":
		return "re"
	case "gs":
		return "gs"
	case "Do":
		return "Do"
	case "rg":
		return "rg"
	case "RG":
		return "RG"
	case "cs":
		return "cs"
	case "CS":
		return "CS"
	case "sc":
		return "sc"
	case "SC":
		return "SC"
	case "scn":
		return "scn"
	case "SCN":
		return "SCN"
	case "BDC":
		return "BDC"
	case "BMC":
		return "BMC"
	case "EMC":
		return "EMC"
	case "def":
		return "def"
	case "dup":
		return "dup"
	case "end":
		return "end"
	case "begin":
		return "begin"
	case "endbfchar":
		return "endbfchar"
	case "endbfrange":
		return "endbfrange"
	case "W*":
		return "W*"
	case "f*":
		return "f*"
	case "B*":
		return "B*"
	case "b*":
		return "b*"
	case "dict":
		return "dict"
	case "pop":
		return "pop"
	case "findresource":
		return "findresource"
	case "defineresource":
		return "defineresource"
	case "currentdict":
		return "currentdict"
	case "begincmap":
		return "begincmap"
	case "endcmap":
		return "endcmap"
	case "begincodespacerange":
		return "begincodespacerange"
	case "endcodespacerange":
		return "endcodespacerange"
	case "beginbfchar":
		return "beginbfchar"
	case "beginbfrange":
		return "beginbfrange"
	case "begincidrange":
		return "begincidrange"
	case "endcidrange":
		return "endcidrange"
	case "begincidchar":
		return "begincidchar"
	case "endcidchar":
		return "endcidchar"
	case "usecmap":
		return "usecmap"
	}
	return string(w) // one byte: no allocation either
}

// name returns a name's text; a lexer with a names table returns the same
// string for each occurrence of a name.
func (l *lexer) name(b []byte) string {
	if l.names == nil {
		return unescapeName(b)
	}
	if s, ok := l.names[string(b)]; ok {
		return s
	}
	s := unescapeName(b)
	if len(l.names) < 1024 {
		l.names[string(b)] = s
	}
	return s
}

func unescapeName(b []byte) string {
	hasHash := false
	for _, c := range b {
		if c == '#' {
			hasHash = true
			break
		}
	}
	if !hasHash {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			h, ok1 := hexVal(b[i+1])
			lo, ok2 := hexVal(b[i+2])
			if ok1 && ok2 {
				out = append(out, h<<4|lo)
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// parseNumber parses PDF numbers: 12, -3, +.5, 4., and tolerates the
// malformed forms some producers write (--2, 1.2.3 reads as 1.2).
func parseNumber(w []byte) (float64, bool) {
	i := 0
	neg := false
	for i < len(w) && (w[i] == '-' || w[i] == '+') {
		if w[i] == '-' {
			neg = !neg
		}
		i++
	}
	if i == len(w) {
		return 0, false
	}
	var v float64
	digits := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		v = v*10 + float64(w[i]-'0')
		i++
		digits++
	}
	if i < len(w) && w[i] == '.' {
		i++
		scale := 0.1
		for i < len(w) && w[i] >= '0' && w[i] <= '9' {
			v += float64(w[i]-'0') * scale
			scale /= 10
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(w) {
		// trailing garbage: only accept a second decimal point run
		if w[i] != '.' {
			return 0, false
		}
	}
	if neg {
		v = -v
	}
	return v, true
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// literal reads a (string) after its opening paren, up to the balancing
// close paren or the end of input.
func (l *lexer) literal() string {
	out := make([]byte, 0, 16)
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
			out = append(out, c)
		case '\\':
			if l.pos >= len(l.b) {
				return string(out)
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := int(e - '0')
				for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
					v = v*8 + int(l.b[l.pos]-'0')
					l.pos++
				}
				out = append(out, byte(v))
			default:
				out = append(out, e)
			}
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// hexString reads a <hex> string after its '<', up to '>' or the end of
// input; an odd final digit is padded with 0 as the standard says.
func (l *lexer) hexString() string {
	out := make([]byte, 0, 8)
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := hexVal(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
			half = false
		} else {
			hi = v
			half = true
		}
	}
	if half {
		out = append(out, hi<<4)
	}
	return string(out)
}

// skipInlineImage skips the data of an inline image after the ID operator:
// binary bytes up to a white-space-delimited EI.
func (l *lexer) skipInlineImage() {
	if l.pos < len(l.b) && isSpace(l.b[l.pos]) {
		l.pos++
	}
	for l.pos+1 < len(l.b) {
		if l.b[l.pos] == 'E' && l.b[l.pos+1] == 'I' &&
			(l.pos == 0 || isSpace(l.b[l.pos-1])) &&
			(l.pos+2 >= len(l.b) || isSpace(l.b[l.pos+2]) || isDelim(l.b[l.pos+2])) {
			l.pos += 2
			return
		}
		l.pos++
	}
	l.pos = len(l.b)
}
