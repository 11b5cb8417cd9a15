package pdf

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/govreport/govreport/internal/lazy"
)

// font is everything the interpreter needs to turn a shown string into
// glyphs: how to split it into codes, the text of each code, its width.
type font struct {
	simple   bool
	vertical bool
	encoding string // predefined CMap name for Type0 fonts
	toUni    *cmap  // ToUnicode
	encCMap  *cmap  // embedded encoding CMap (Type0)
	dec      *encoding.Decoder

	// simple fonts
	*simpleTables // set when simple
	missingW      float64
	scale         float64 // glyph units to text space ×1000 (1 except Type 3)

	// what the encoding's name says, read once (see kinds)
	kind encKinds

	// CID fonts
	dw  float64
	w   widths
	dw2 float64 // vertical displacement w1y (negative: downwards)
	w2  widths
}

// simpleTables are a simple font's code tables: 6.4 KB, which the CID
// fonts of most reports do without.
type simpleTables struct {
	codeText  [256]string // from /Encoding and /Differences
	widths    [256]float64
	hasWidths [256]bool
}

// glyph is one decoded code of a shown string.
type glyph struct {
	text  string
	width float64 // in thousandths of text space (horizontal advance, or vertical for vertical fonts)
	space bool    // a single-byte code 32 (word spacing applies)
}

// encKinds are the tests of a font's encoding name that decoding makes for
// every glyph, made once.
type encKinds struct {
	set                         bool
	gbEUC, big5                 bool // isGBEUC, isBig5
	gbk2k                       bool // GBK2K…
	utf16, utf8, ucs2, identity bool // …UTF16…, …UTF8…, …UCS2…, Identity…
}

func (f *font) kinds() *encKinds {
	if k := &f.kind; !k.set {
		e := f.encoding
		*k = encKinds{set: true, gbEUC: isGBEUC(e), big5: isBig5(e), gbk2k: strings.HasPrefix(e, "GBK2K"),
			utf16: strings.Contains(e, "UTF16"), utf8: strings.Contains(e, "UTF8"), ucs2: strings.Contains(e, "UCS2"),
			identity: strings.HasPrefix(e, "Identity")}
	}
	return &f.kind
}

// decode splits a shown string into glyphs, appending to out.
func (f *font) decode(s string, out []glyph) []glyph {
	f.kinds()
	for len(s) > 0 {
		n := f.codeLen(s)
		if n <= 0 || n > len(s) {
			n = len(s)
		}
		code := beInt(s[:n])
		g := glyph{space: n == 1 && s[0] == ' '}
		g.text = f.text(s[:n], n, code)
		g.width = f.width(n, code)
		out = append(out, g)
		s = s[n:]
	}
	return out
}

func (f *font) codeLen(s string) int {
	if f.simple {
		return 1
	}
	if f.encCMap != nil {
		if n := f.encCMap.codeLen(s); n > 0 {
			return n
		}
	}
	k := &f.kind
	switch {
	case k.gbEUC:
		c := s[0]
		if c < 0x81 || c == 0xFF {
			return 1
		}
		if k.gbk2k && len(s) >= 4 && s[1] >= 0x30 && s[1] <= 0x39 {
			return 4
		}
		return 2
	case k.big5:
		if s[0] < 0x81 || s[0] == 0xFF {
			return 1
		}
		return 2
	case k.utf16:
		if len(s) >= 4 && s[0] >= 0xD8 && s[0] <= 0xDB {
			return 4
		}
		return 2
	case k.utf8:
		_, n := utf8.DecodeRuneInString(s)
		return n
	}
	if n := f.toUni.codeLen(s); n > 0 && f.encoding == "" {
		return n
	}
	return 2
}

func isGBEUC(enc string) bool {
	for _, p := range []string{"GBK-EUC", "GB-EUC", "GBpc-EUC", "GBK2K", "GBKp-EUC", "GBT-EUC"} {
		if strings.HasPrefix(enc, p) {
			return true
		}
	}
	return false
}

// isBig5 reports the predefined CMaps of Adobe-CNS1 that take Big5 bytes.
func isBig5(enc string) bool {
	for _, p := range []string{"B5pc-", "ETen-B5-", "HKscs-B5-", "ETenms-B5-", "B5-"} {
		if strings.HasPrefix(enc, p) {
			return true
		}
	}
	return false
}

func (f *font) text(raw string, n int, code uint32) string {
	if f.toUni != nil {
		if t, ok := f.toUni.uni[codeKey(n, code)]; ok { // usable: see setUni
			return t
		}
	}
	if f.simple {
		return f.codeText[raw[0]]
	}
	k := &f.kind
	switch {
	case k.gbEUC:
		if n == 1 {
			if raw[0] >= 0x20 && raw[0] < 0x7F {
				return raw
			}
			return ""
		}
		if f.dec == nil { // decoders keep state: one per font, fonts are per document
			f.dec = simplifiedchinese.GB18030.NewDecoder()
		}
		t, err := f.dec.String(raw)
		if err != nil || !usableText(t) {
			return ""
		}
		return t
	case k.big5:
		if n == 1 {
			if raw[0] >= 0x20 && raw[0] < 0x7F {
				return raw
			}
			return ""
		}
		if f.dec == nil {
			f.dec = traditionalchinese.Big5.NewDecoder()
		}
		t, err := f.dec.String(raw)
		if err != nil || !usableText(t) {
			return ""
		}
		return t
	case k.ucs2, k.utf16:
		u := make([]uint16, 0, 2)
		for i := 0; i+1 < n; i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		return string(utf16.Decode(u))
	case k.utf8:
		return raw
	}
	return ""
}

// usableText rejects the mappings some producers write for glyphs they do
// not know: empty, NUL, U+FFFD.
func usableText(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if r == 0 || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// cidOf returns the CID of a code for width lookup.
func (f *font) cidOf(n int, code uint32) uint32 {
	if f.encCMap != nil {
		if c, ok := f.encCMap.lookupCID(n, code); ok {
			return c
		}
	}
	if f.kind.identity || f.encoding == "" {
		return code
	}
	// Predefined CMaps onto Adobe-GB1: the printable ASCII codes are CIDs
	// 1–95 (proportional Latin); we have no table for the rest, which are
	// full-width and take the default width.
	if code >= 0x20 && code <= 0x7E {
		return code - 0x1F
	}
	return 0xFFFFFFFF
}

func (f *font) width(n int, code uint32) float64 {
	if f.simple {
		c := byte(code)
		if f.hasWidths[c] {
			return f.widths[c] * f.scale
		}
		return f.missingW * f.scale
	}
	cid := f.cidOf(n, code)
	if f.vertical {
		// the vertical displacement w1y, negative: downwards
		if w, ok := f.w2.get(cid); ok {
			return w
		}
		return f.dw2
	}
	if w, ok := f.w.get(cid); ok {
		return w
	}
	if cid >= 1 && cid <= 95 && !f.kind.identity && f.encCMap == nil {
		return 500
	}
	return f.dw
}

// loadFont parses a font dictionary.
func (d *doc) loadFont(v lpdf.Value) *font {
	f := &font{scale: 1, dw: 1000, dw2: -1000, missingW: 0}
	sub := nameOf(key(v, "Subtype"))
	if tu := key(v, "ToUnicode"); tu.Kind() == lpdf.Stream {
		if data := d.transient(tu, &d.cmapBuf); len(data) > 0 {
			f.toUni = parseCMap(data)
		}
	}
	if sub == "Type0" {
		enc := key(v, "Encoding")
		switch enc.Kind() {
		case lpdf.Name:
			f.encoding = enc.Name()
		case lpdf.Stream:
			if data := d.transient(enc, &d.cmapBuf); len(data) > 0 {
				f.encCMap = parseCMap(data)
				f.encoding = f.encCMap.use
				if nameOf(key(enc, "CMapName")) != "" && strings.HasSuffix(nameOf(key(enc, "CMapName")), "-V") {
					f.vertical = true
				}
				if numOr(key(enc, "WMode"), 0) == 1 {
					f.vertical = true
				}
			}
		}
		if strings.HasSuffix(f.encoding, "-V") {
			f.vertical = true
		}
		desc := index(key(v, "DescendantFonts"), 0)
		f.dw = numOr(key(desc, "DW"), 1000)
		f.w = parseW(key(desc, "W"), false)
		if dw2 := key(desc, "DW2"); length(dw2) >= 2 {
			f.dw2 = numOr(index(dw2, 1), -1000)
		}
		if f.vertical {
			f.w2 = parseW(key(desc, "W2"), true)
		}
		return f
	}
	f.simple = true
	f.simpleTables = new(simpleTables)
	if sub == "Type3" {
		if fm := key(v, "FontMatrix"); length(fm) >= 1 {
			f.scale = numOr(index(fm, 0), 0.001) * 1000
		}
	}
	first := int(numOr(key(v, "FirstChar"), 0))
	ws := key(v, "Widths")
	for i, n := 0, length(ws); i < n && i < 256; i++ {
		c := first + i
		if c < 0 || c > 255 {
			continue
		}
		if w, ok := num(index(ws, i)); ok {
			f.widths[c] = w
			f.hasWidths[c] = true
		}
	}
	f.missingW = numOr(key(key(v, "FontDescriptor"), "MissingWidth"), 0)
	if f.missingW == 0 {
		f.missingW = 500
	}
	// base encoding
	var base *charmap.Charmap = charmap.Windows1252
	enc := key(v, "Encoding")
	baseName := nameOf(enc)
	if enc.Kind() == lpdf.Dict {
		baseName = nameOf(key(enc, "BaseEncoding"))
	}
	if baseName == "MacRomanEncoding" {
		base = charmap.Macintosh
	}
	for c := 0; c < 256; c++ {
		if c >= 0x20 && c < 0x7F {
			f.codeText[c] = string(rune(c))
		} else if c >= 0x80 {
			r := base.DecodeByte(byte(c))
			if r != utf8.RuneError && r >= 0xA0 {
				f.codeText[c] = string(r)
			}
		}
	}
	if enc.Kind() == lpdf.Dict {
		diffs := key(enc, "Differences")
		code := 0
		for i, n := 0, length(diffs); i < n && i < 4096; i++ {
			e := index(diffs, i)
			switch e.Kind() {
			case lpdf.Integer:
				code = int(e.Int64())
			case lpdf.Name:
				if code >= 0 && code < 256 {
					f.codeText[code] = glyphText(e.Name())
				}
				code++
			}
		}
	}
	return f
}

// wItem is one element of a /W or /W2 array: a number, or an array of
// numbers (an element that is not a number reads as 0 there, as the
// widths did), or anything else.
type wItem struct {
	num   float64
	isNum bool
	arr   []float64 // non-nil for an array
}

// wItems reads a /W or /W2 array.
func wItems(w lpdf.Value) []wItem {
	n := length(w)
	items := make([]wItem, n)
	for i := range items {
		e := index(w, i)
		if e.Kind() == lpdf.Array {
			m := length(e)
			a := make([]float64, m)
			for j := range a {
				a[j] = numOr(index(e, j), 0)
			}
			items[i].arr = a
			continue
		}
		items[i].num, items[i].isNum = num(e)
	}
	return items
}

// widths are a CID font's /W (or /W2) as ranges of CIDs sorted by their
// first CID and searched by binary search: "1 65535 500" stays one range
// (expanded into a map it was 65,535 insertions per font, a fifth of the
// reading of a PDF).
type widths struct {
	rs []wRange
	m  map[uint32]float64 // instead of rs when ranges overlap or wrap (odd files): expanded, later entries win
}

// wRange gives the CIDs first..last the width w, or ws[cid-first] when ws
// is set.
type wRange struct {
	first, last uint32
	w           float64
	ws          []float64
}

// get returns the width of a CID.
func (t *widths) get(cid uint32) (float64, bool) {
	if t.m != nil {
		w, ok := t.m[cid]
		return w, ok
	}
	rs := t.rs
	i := sort.Search(len(rs), func(i int) bool { return rs[i].last >= cid })
	if i == len(rs) || rs[i].first > cid {
		return 0, false
	}
	if r := rs[i]; r.ws != nil {
		return r.ws[cid-r.first], true
	}
	return rs[i].w, true
}

// maxWidths bounds the CIDs a /W array may give widths to.
const maxWidths = 1 << 17

// parseW parses a /W (or /W2 when vertical) array of a CID font.
func parseW(w lpdf.Value, vertical bool) widths {
	return widthsOf(wItems(w), vertical)
}

// widthsOf makes the widths of a /W array's items: ranges, or, when they
// overlap, wrap past the largest CID or reach maxWidths (odd files), the
// CIDs expanded into a map entry by entry, later entries winning.
func widthsOf(items []wItem, vertical bool) widths {
	runs, plain := wRuns(items, vertical)
	count := 0
	for _, r := range runs {
		count += int(r.last-r.first) + 1
	}
	if plain && count < maxWidths {
		rs := slices.Clone(runs)
		slices.SortStableFunc(rs, func(a, b wRange) int { return cmp.Compare(a.first, b.first) })
		overlap := false
		for i := 1; i < len(rs); i++ {
			if rs[i].first <= rs[i-1].last {
				overlap = true
				break
			}
		}
		if !overlap {
			return widths{rs: rs}
		}
	}
	out := map[uint32]float64{}
	count = 0
	for _, r := range runs {
		if r.ws != nil {
			for k := 0; k < len(r.ws) && count < maxWidths; k++ {
				out[r.first+uint32(k)] = r.ws[k] // wraps past the largest CID
				count++
			}
			continue
		}
		for c := r.first; c <= r.last && count < maxWidths; c++ {
			out[c] = r.w // wraps to 0 after the largest CID
			count++
		}
	}
	return widths{m: out}
}

// wRuns reads the entries of a /W array in order: "first [w w …]" (for /W2,
// "first [w1y vx vy …]") and "first last w" (/W2: "first last w1y vx vy"),
// each as the CIDs it covers and their widths (vertical: w1y), skipping
// what is malformed. plain is false when an entry wraps past the largest
// CID (last is then meaningless): only the map reads those.
func wRuns(items []wItem, vertical bool) (runs []wRange, plain bool) {
	step, skip := 1, 3
	if vertical {
		step, skip = 3, 5
	}
	plain = true
	for i := 0; i < len(items); {
		if !items[i].isNum {
			i++
			continue
		}
		first := items[i].num
		var next wItem
		if i+1 < len(items) {
			next = items[i+1]
		}
		if next.arr != nil {
			if m := len(next.arr) / step; m > 0 {
				start := uint32(first)
				if uint64(start)+uint64(m)-1 > math.MaxUint32 {
					plain = false
				}
				ws := next.arr
				if vertical {
					ws = make([]float64, m)
					for j := range ws {
						ws[j] = next.arr[j*step]
					}
				}
				runs = append(runs, wRange{first: start, last: start + uint32(m) - 1, ws: ws[:m:m]})
			}
			i += 2
			continue
		}
		if !next.isNum {
			i += 2
			continue
		}
		last := next.num
		var wv float64
		if i+2 < len(items) && items[i+2].isNum {
			wv = items[i+2].num
		}
		i += skip
		if last-first > 65535 || last < first {
			continue
		}
		a, b := uint32(first), uint32(last)
		if a > b {
			continue
		}
		if b == math.MaxUint32 {
			plain = false
		}
		runs = append(runs, wRange{first: a, last: b, w: wv})
	}
	return runs, plain
}

// glyphText returns the text of a glyph name: uniXXXX, uXXXX[XX], and the
// names of the printable ASCII characters. Meaningless names (g12, cid34)
// give "".
func glyphText(name string) string {
	if t, ok := aglNames()[name]; ok {
		return t
	}
	if len(name) == 1 && name[0] > 0x20 && name[0] < 0x7F {
		return name
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var u []uint16
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			u = append(u, uint16(v))
		}
		return string(utf16.Decode(u))
	}
	if strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7 {
		v, err := strconv.ParseUint(name[1:], 16, 32)
		if err == nil && utf8.ValidRune(rune(v)) {
			return string(rune(v))
		}
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return glyphText(name[:i])
	}
	return ""
}

// aglNames is built on first use: a map literal is built at init.
var aglNamesV lazy.Value[map[string]string]

func aglNames() map[string]string { return aglNamesV.Get(buildAglNames) }

func buildAglNames() map[string]string {
	return map[string]string{
		"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$", "percent": "%",
		"ampersand": "&", "quotesingle": "'", "quoteright": "’", "quoteleft": "‘", "parenleft": "(", "parenright": ")",
		"asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-", "minus": "−", "period": ".", "slash": "/",
		"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
		"eight": "8", "nine": "9", "colon": ":", "semicolon": ";", "less": "<", "equal": "=", "greater": ">",
		"question": "?", "at": "@", "bracketleft": "[", "backslash": "\\", "bracketright": "]",
		"asciicircum": "^", "underscore": "_", "grave": "`", "braceleft": "{", "bar": "|", "braceright": "}",
		"asciitilde": "~", "endash": "–", "emdash": "—", "bullet": "•", "quotedblleft": "“", "quotedblright": "”",
		"periodcentered": "·", "ellipsis": "…", "nbspace": "\u00a0", "degree": "°", "multiply": "×",
	}
}
