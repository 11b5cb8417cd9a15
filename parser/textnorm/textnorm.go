// Package textnorm folds the many ways a report writes the same text
// (full-width forms, Kangxi radicals, non-breaking and ideographic spaces,
// curly or straight quotes) into one, so that labels and numbers can be
// compared.
package textnorm

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold applies NFKC (full-width digits and brackets to ASCII, Kangxi
// radicals to ideographs), turns every kind of space into one ASCII space,
// drops zero-width characters and trims.
func Fold(s string) string {
	if isPlainASCII(s) {
		return strings.Join(strings.Fields(s), " ")
	}
	s = norm.NFKC.String(s)
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

// labelDrop are characters that carry no meaning in a row label.
var labelDrop = strings.NewReplacer(
	"“", "", "”", "", "\"", "", "'", "", "‘", "", "’", "", "「", "", "」", "", "『", "", "』", "",
	"【", "(", "】", ")", "〔", "(", "〕", ")", "[", "(", "]", ")",
	"．", ".", "。", ".", "，", ",", "：", ":", "；", ";",
)

// Label returns the comparison key of a label: folded, without spaces and
// quotes, with brackets unified.
func Label(s string) string {
	return labelDrop.Replace(Compact(s))
}

// LabelFolded is Label for text that is already folded (the Text of a
// layout cell): it skips the NFKC pass, which dominates the cost.
func LabelFolded(s string) string {
	if strings.Contains(s, " ") {
		s = strings.ReplaceAll(s, " ", "")
	}
	if !strings.ContainsAny(s, labelDropChars) {
		return s
	}
	return labelDrop.Replace(s)
}

const labelDropChars = "“”\"'‘’「」『』【】〔〕[]．。，：；"

// Squeeze removes the spaces of already folded text.
func Squeeze(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	return strings.ReplaceAll(s, " ", "")
}
