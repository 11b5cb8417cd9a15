package textnorm

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldSlow is Fold without its shortcut for strings already folded.
func foldSlow(s string) string {
	if isPlainASCII(s) {
		return strings.Join(strings.Fields(s), " ")
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
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

// proseSlow is Prose without its shortcut.
func proseSlow(s string) string {
	if isPlainASCII(s) {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
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
			b.WriteString(norm.NFKC.String(Radicals.Replace(string(r))))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestFoldShortcutAgrees(t *testing.T) {
	cases := []string{"", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "本年新收 申请", "本年新收  申请", "本年\u3000新收",
		"（一）予以公开", "１２３", "申请\u200b数", "\xff本年", "本年\xff", "a\u00a0b", " 本年", "本年 ", "\ufffd", "a\nb"}
	parts := []string{"本", "年", "a", "1", " ", "  ", "\t", "\n", "\u3000", "\u00a0", "\u200b", "\ufeff", "\u00ad", "１", "（", "\xe4", "\ufffd", "ﬁ", "\u2ea0", "\u2f08", "\uf900", "\U0002f800"}
	rng := rand.New(rand.NewSource(1))
	for range 5000 {
		var b strings.Builder
		for range rng.Intn(8) {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
		if got, want := Prose(s), proseSlow(s); got != want {
			t.Fatalf("Prose(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestFoldOfFoldedLineDoesNotCopy(t *testing.T) {
	line := "本年新收政府信息公开申请数量 749 件"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(line); _ = Prose(line) }); n != 0 {
		t.Fatalf("%v allocations for a line already folded", n)
	}
}

// TestDropLabelCharsMatchesReplacer holds the written-out replacement to
// the replacer it stands for, on generated labels (bad bytes included).
func TestDropLabelCharsMatchesReplacer(t *testing.T) {
	alphabet := []string{"“", "”", "\"", "'", "‘", "’", "「", "」", "『", "』", "【", "】", "〔", "〕", "[", "]",
		"．", "。", "，", "：", "；", "(", "一", "申请", "a", " ", "\xe2\x80", "\xff", "１"}
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 20000; i++ {
		s := ""
		for n := r.Intn(10); n > 0; n-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		if got, want := dropLabelChars(s), labelDrop.Replace(s); got != want {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	}
}
