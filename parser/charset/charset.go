// Package charset turns the bytes of a web page or text file into UTF-8:
// UTF-8 and UTF-16 with or without a declaration, GBK, GB2312, GB18030 and
// Big5 declared or sniffed, since Chinese portals often declare one
// encoding and serve another.
package charset

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/govreport/govreport/internal/lazyre"
)

var metaCharset = lazyre.New(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)

// Lookup returns the encoding a charset label names, as
// golang.org/x/text/encoding/htmlindex.Get reads it (the WHATWG labels,
// case and surrounding space ignored), with the encoding's canonical name.
func Lookup(label string) (enc encoding.Encoding, name string, ok bool) {
	l := strings.ToLower(strings.TrimSpace(label))
	i := sort.Search(len(labels), func(i int) bool { return labels[i].name >= l })
	if i == len(labels) || labels[i].name != l {
		return nil, "", false
	}
	e := labels[i].enc
	return e.encoding(), canonical[e], true
}

// Decode returns an HTML page as UTF-8. The declared charset is trusted only
// when the bytes agree with it: Chinese portals often declare one encoding
// and serve another, or declare none.
func Decode(src []byte) (string, []string) {
	b, notes := DecodeBytes(src)
	return string(b), notes
}

// DecodeBytes is Decode without the copy into a string: a page that is
// already UTF-8 comes back as src itself (the caller must not change src
// while it uses the result), another is decoded into a new buffer.
func DecodeBytes(src []byte) ([]byte, []string) {
	b, _, notes := DecodeBytesTo(nil, src)
	return b, notes
}

// DecodeBytesTo is DecodeBytes decoding a page that is not UTF-8 into
// buf's memory when it is large enough. own reports a result in memory
// other than src's (buf's or new), which the caller may give as buf to a
// later call once it is done with the result.
func DecodeBytesTo(buf, src []byte) (text []byte, own bool, notes []string) {
	text, notes = decodeBytes(buf, src)
	own = len(text) > 0 && (len(src) == 0 || &text[:cap(text)][cap(text)-1] != &src[:cap(src)][cap(src)-1]) // src's slices end where src does
	return text, own, notes
}

func decodeBytes(buf, src []byte) ([]byte, []string) {
	var notes []string
	switch {
	case bytes.HasPrefix(src, []byte("\xef\xbb\xbf")), bytes.HasPrefix(src, []byte("\xff\xfe")), bytes.HasPrefix(src, []byte("\xfe\xff")):
		return decodeText(src)
	}
	head := src
	if len(head) > 4096 {
		head = head[:4096]
	}
	declared := ""
	if m := metaCharset.FindSubmatch(head); m != nil {
		declared = strings.ToLower(string(m[1]))
	}
	validUTF8 := utf8.Valid(src)
	bad, nearUTF8 := 0, false
	if !validUTF8 {
		bad, nearUTF8 = nearlyUTF8(src) // valid UTF-8 has no bad bytes
	}
	if declared != "" {
		enc, name, ok := Lookup(declared)
		if ok {
			if name == "utf-8" {
				if validUTF8 {
					return src, nil
				}
				if nearUTF8 {
					return repairUTF8(src, bad)
				}
				notes = append(notes, "the page declares charset "+declared+" but is not valid UTF-8; decoded by sniffing")
			} else if s, err := decodeWithTo(buf, enc, src); err == nil && !((validUTF8 || nearUTF8) && hasHan(src)) {
				return s, nil
			} else if validUTF8 {
				notes = append(notes, "the page declares charset "+declared+" but is UTF-8")
				return src, notes
			} else if nearUTF8 {
				s, more := repairUTF8(src, bad)
				return s, append(append(notes, "the page declares charset "+declared+" but is UTF-8"), more...)
			}
		}
	}
	if validUTF8 {
		return src, notes
	}
	if nearUTF8 {
		s, more := repairUTF8(src, bad)
		return s, append(notes, more...)
	}
	return sniffChinese(buf, src), notes
}

// nearlyUTF8 reports bytes that are UTF-8 but for a few invalid bytes (a
// truncated download, a stray byte in a comment), and counts those bytes.
// GBK or GB18030 text yields several invalid bytes for every sequence
// that happens to be valid UTF-8, so twenty valid characters per invalid
// byte cannot be mistaken for it.
func nearlyUTF8(src []byte) (bad int, ok bool) {
	multi := 0
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i += asciiPrefix(src[i:])
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
			// Stop once the rest, were it all two-byte characters, could
			// not make up for the bad bytes (a GBK page, mostly): the
			// count only matters when the answer is yes.
			if multi+(len(src)-i)/2 < 20*bad {
				return bad, false
			}
		} else {
			multi++
		}
		i += n
	}
	return bad, bad > 0 && multi >= 20*bad
}

// repairUTF8 decodes nearly-UTF-8 bytes, each run of invalid bytes (a
// character cut short) replaced by one U+FFFD, with a note counting them.
func repairUTF8(src []byte, bad int) ([]byte, []string) {
	unit := "bytes"
	if bad == 1 {
		unit = "byte"
	}
	return bytes.ToValidUTF8(src, []byte("\ufffd")), []string{fmt.Sprintf("the document is UTF-8 but for %d invalid %s (a damaged or truncated file), read as U+FFFD", bad, unit)}
}

// decodeWith decodes src into a buffer sized for the common case, a
// multi-byte encoding whose characters grow by half at most in UTF-8, so
// that the transform does not grow it step by step.
func decodeWith(enc encoding.Encoding, src []byte) ([]byte, error) {
	return decodeWithTo(nil, enc, src)
}

// decodeWithTo is decodeWith into buf's memory when it is large enough.
func decodeWithTo(buf []byte, enc encoding.Encoding, src []byte) ([]byte, error) {
	switch enc {
	case simplifiedchinese.GBK, simplifiedchinese.GB18030, traditionalchinese.Big5:
		return decodeASCIIRuns(buf, enc.NewDecoder(), src), nil
	}
	out, _, err := transform.Append(enc.NewDecoder(), make([]byte, 0, len(src)+len(src)/2+16), src)
	return out, err
}

// decodeASCIIRuns decodes src with t, a decoder without state in which
// every byte below 0x80 met where a character starts is that ASCII
// character (GBK, GB18030, Big5): the runs of ASCII (the markup, most of
// a page) are copied as they are, and only the rest goes through t, a
// window at a time. t stops before a character cut by the window's end
// and the next window starts there, so the result is the one t gives for
// all of src at once; t returns no error but ErrShortSrc (that window's
// end) and ErrShortDst (the destination grows then).
func decodeASCIIRuns(buf []byte, t transform.Transformer, src []byte) []byte {
	// Sized for 2-byte characters, which take 3 bytes in UTF-8.
	dst := buf[:0]
	if n := len(src) + nonASCII(src)/2 + 16; cap(dst) < n {
		dst = make([]byte, 0, n)
	}
	for i := 0; i < len(src); {
		j := i + asciiPrefix(src[i:])
		dst = append(dst, src[i:j]...)
		if j == len(src) {
			break
		}
		// The non-ASCII run, and a few bytes more for a character's
		// trailing bytes (which may be ASCII).
		e := j + 1
		for e < len(src) && src[e] >= 0x80 {
			e++
		}
		e = min(e+4, len(src))
		nDst, nSrc, err := t.Transform(dst[len(dst):cap(dst)], src[j:e], e == len(src))
		dst = dst[:len(dst)+nDst]
		i = j + nSrc
		if err == transform.ErrShortDst {
			// Invalid bytes (3 bytes each in UTF-8) beyond the estimate.
			dst = append(dst[:cap(dst)], make([]byte, 3*(e-i)+16)...)[:len(dst)]
		}
	}
	return dst
}

// nonASCII counts the bytes of b from 0x80 up.
func nonASCII(b []byte) int {
	n, i := 0, 0
	for ; i+8 <= len(b); i += 8 {
		n += bits.OnesCount64(binary.LittleEndian.Uint64(b[i:]) & 0x8080808080808080)
	}
	for ; i < len(b); i++ {
		n += int(b[i] >> 7)
	}
	return n
}

// asciiPrefix returns how many bytes at the start of b are below 0x80.
func asciiPrefix(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b) && b[i] < 0x80; i++ {
	}
	return i
}

// sniffChinese decodes bytes that are not UTF-8 as GB18030 or Big5,
// whichever yields more of the characters a disclosure report is made of.
func sniffChinese(buf, src []byte) []byte {
	gb, _ := decodeWithTo(buf, simplifiedchinese.GB18030, src)
	big5, err := decodeWith(traditionalchinese.Big5, src)
	if err != nil || score(gb, simplifiedCommon) >= score(big5, traditionalCommon) {
		return gb
	}
	return big5
}

const (
	simplifiedCommon  = "政府信息公开年度报告申请处理情况本年数量行政区县人民的"
	traditionalCommon = "政府資訊公開年度報告申請處理情況本年數量行政區縣人民的"
)

func score(s []byte, common string) int {
	var set [64]rune // common's characters, sorted for a binary search
	k := 0
	for _, r := range common {
		set[k] = r
		k++
	}
	slices.Sort(set[:k])
	n := 0
	for i := 0; i < len(s); {
		i += asciiPrefix(s[i:]) // the markup's ASCII is none of them
		if i == len(s) {
			break
		}
		r, size := utf8.DecodeRune(s[i:])
		i += size
		if _, ok := slices.BinarySearch(set[:k], r); ok {
			n++
		}
	}
	return n
}

func hasHan(s []byte) bool {
	for _, r := range string(s) { // no copy: range over a conversion
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// DecodeText returns a text file as UTF-8: BOMs are honoured, valid UTF-8
// is kept, UTF-8 with a few invalid bytes is kept with them replaced (and a
// note counting them), anything else is sniffed as GB18030 or Big5.
func DecodeText(src []byte) (string, []string) {
	b, notes := decodeText(src)
	return string(b), notes
}

func decodeText(src []byte) ([]byte, []string) {
	switch {
	case bytes.HasPrefix(src, []byte("\xef\xbb\xbf")):
		// The BOM says UTF-8: invalid bytes are damage, never another
		// encoding.
		if utf8.Valid(src[3:]) {
			return src[3:], nil
		}
		bad, _ := nearlyUTF8(src[3:])
		return repairUTF8(src[3:], bad)
	case bytes.HasPrefix(src, []byte("\xff\xfe")):
		if s, err := decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), src); err == nil {
			return s, nil
		}
	case bytes.HasPrefix(src, []byte("\xfe\xff")):
		if s, err := decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), src); err == nil {
			return s, nil
		}
	}
	if utf8.Valid(src) {
		return src, nil
	}
	if bad, ok := nearlyUTF8(src); ok {
		return repairUTF8(src, bad)
	}
	return sniffChinese(nil, src), nil
}
