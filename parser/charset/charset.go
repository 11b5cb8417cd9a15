// Package charset turns the bytes of a web page or text file into UTF-8:
// UTF-8 and UTF-16 with or without a declaration, GBK, GB2312, GB18030 and
// Big5 declared or sniffed, since Chinese portals often declare one
// encoding and serve another.
package charset

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)

// Decode returns an HTML page as UTF-8. The declared charset is trusted only
// when the bytes agree with it: Chinese portals often declare one encoding
// and serve another, or declare none.
func Decode(src []byte) (string, []string) {
	var notes []string
	switch {
	case bytes.HasPrefix(src, []byte("\xef\xbb\xbf")):
		return strings.ToValidUTF8(string(src[3:]), "\ufffd"), nil
	case bytes.HasPrefix(src, []byte("\xff\xfe")), bytes.HasPrefix(src, []byte("\xfe\xff")):
		return DecodeText(src), nil
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
	if declared != "" {
		enc, err := htmlindex.Get(declared)
		if err == nil {
			name, _ := htmlindex.Name(enc)
			if name == "utf-8" {
				if validUTF8 {
					return string(src), nil
				}
				notes = append(notes, "the page declares charset "+declared+" but is not valid UTF-8; decoded by sniffing")
			} else if s, err := decodeWith(enc, src); err == nil && !(validUTF8 && hasHan(string(src))) {
				return s, nil
			} else if validUTF8 {
				notes = append(notes, "the page declares charset "+declared+" but is UTF-8")
				return string(src), notes
			}
		}
	}
	if validUTF8 {
		return string(src), notes
	}
	return sniffChinese(src), notes
}

func decodeWith(enc encoding.Encoding, src []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(src)
	return string(out), err
}

// sniffChinese decodes bytes that are not UTF-8 as GB18030 or Big5,
// whichever yields more of the characters a disclosure report is made of.
func sniffChinese(src []byte) string {
	gb, _ := decodeWith(simplifiedchinese.GB18030, src)
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

func score(s, common string) int {
	n := 0
	for _, r := range s {
		if strings.ContainsRune(common, r) {
			n++
		}
	}
	return n
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// DecodeText returns a text file as UTF-8: BOMs are honoured, valid UTF-8
// is kept, anything else is sniffed as GB18030 or Big5.
func DecodeText(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte("\xef\xbb\xbf")):
		// The BOM says UTF-8; a truncated or damaged character stays one
		// replacement character rather than invalid bytes downstream.
		return strings.ToValidUTF8(string(src[3:]), "\ufffd")
	case bytes.HasPrefix(src, []byte("\xff\xfe")):
		if s, err := decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), src); err == nil {
			return s
		}
	case bytes.HasPrefix(src, []byte("\xfe\xff")):
		if s, err := decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), src); err == nil {
			return s
		}
	}
	if utf8.Valid(src) {
		return string(src)
	}
	return sniffChinese(src)
}
