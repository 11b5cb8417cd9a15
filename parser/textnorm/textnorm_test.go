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
	parts := []string{"本", "年", "a", "1", " ", "  ", "\t", "\n", "\u3000", "\u00a0", "\u200b", "\ufeff", "\u00ad", "１", "（", "\xe4", "\ufffd", "ﬁ", "\u2ea0", "\u2f08", "\uf900", "\U0002f800",
		"、", "“", "—", "·", "，", "\v", "\f", "\r", "\u0301", "e"}
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
		"．", "。", "，", "：", "；", "(", "一", "申请", "a", " ", "\xe2\x80", "\xe3\x80", "\xef\xbc", "\xe3", "\x80", "\xff", "１",
		"、", "—", "…", "（", "）", "〈"}
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 20000; i++ {
		s := ""
		for n := r.Intn(10); n > 0; n-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		if got, want := hasLabelDropChar(s), strings.ContainsAny(s, labelDropChars); got != want {
			t.Fatalf("%q: has %v, want %v", s, got, want)
		}
		if got, want := dropLabelChars(s), labelDrop.Replace(s); got != want {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	}
}

// TestNFKCShortcutRanges checks every character the shortcut handles
// against the norm package: NFKC leaves the stable ones as they are, maps
// the others to the one ASCII character the shortcut writes, and none of
// them, nor ASCII, combines with what precedes it (a boundary before: a
// starter that composes with nothing before it), so that a string made of
// them only is normalised character by character.
func TestNFKCShortcutRanges(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		if !norm.NFKC.PropertiesString(string(r)).BoundaryBefore() {
			t.Errorf("U+%04X may combine with what precedes it", r)
		}
	}
	for r := rune(0x80); r <= 0xffff; r++ {
		stable, mapped := nfkcStable(r), nfkcMapped(r)
		if !stable && !mapped {
			continue
		}
		s := string(r)
		if !norm.NFKC.PropertiesString(s).BoundaryBefore() {
			t.Errorf("U+%04X may combine with what precedes it", r)
		}
		want := norm.NFKC.String(s)
		if got := nfkc(s); got != want {
			t.Errorf("U+%04X: shortcut %q, NFKC %q", r, got, want)
		}
		if stable && want != s {
			t.Errorf("U+%04X is not stable: NFKC %q", r, want)
		}
	}
}

// TestNFKCShortcutMatchesNorm compares the shortcut with norm on generated
// strings mixing handled characters with ones that need the full
// algorithm (combining marks, compatibility characters, bad bytes).
func TestNFKCShortcutMatchesNorm(t *testing.T) {
	alphabet := []string{"a", "e", " ", "1", "一", "申", "，", "（", "）", "：", "１", "\u3000", "、", "。", "《", "“", "”",
		"\u0301", "\u3099", "か", "①", "℃", "…", "\u00a0", "\xff", "\xe4\xb8", "ｶ", "\u2f00", "—", "·"}
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 50000; i++ {
		s := ""
		for n := r.Intn(8); n > 0; n-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		if got, want := nfkc(s), norm.NFKC.String(s); got != want {
			t.Fatalf("%q: shortcut %q, NFKC %q", s, got, want)
		}
	}
}

func TestASCIIChars(t *testing.T) {
	for c := 0; c < 128; c++ {
		if s := asciiChar(byte(c)); len(s) != 1 || s[0] != byte(c) {
			t.Fatalf("asciiChar(%d) = %q", c, s)
		}
	}
}

// labelDrop is the reference dropLabelChars is tested against.
var labelDrop = strings.NewReplacer(
	"“", "", "”", "", "\"", "", "'", "", "‘", "", "’", "", "「", "", "」", "", "『", "", "』", "",
	"【", "(", "】", ")", "〔", "(", "〕", ")", "[", "(", "]", ")",
	"．", ".", "。", ".", "，", ",", "：", ":", "；", ";",
)

// TestLabelFoldedMatchesReference holds LabelFolded to what it stands
// for (spaces removed, then the label characters replaced) on generated
// labels, bad bytes that a space splits included, and a long one.
func TestLabelFoldedMatchesReference(t *testing.T) {
	alphabet := []string{"“", "”", "\"", "'", "【", "】", "[", "]", "．", "，", "：", "一", "申请", "a", " ", "  ",
		"\xe3", "\x80", "\x8c", "\xe2\x80", "\xef\xbc", "\xff", "１", "（", "）"}
	r := rand.New(rand.NewSource(9))
	for i := 0; i < 20000; i++ {
		s := ""
		for n := r.Intn(12); n > 0; n-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		if i%500 == 0 {
			s = strings.Repeat(s+" ", 40)
		}
		if got, want := LabelFolded(s), labelDrop.Replace(strings.ReplaceAll(s, " ", "")); got != want {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	}
	if got := LabelFolded("\xe3 \x80\x8c申请 "); got != "申请" { // 「 once the space goes
		t.Fatalf("got %q", got)
	}
}

// TestLabelFoldedOneString: a label with spaces and quotes costs one
// string, not one per pass.
func TestLabelFoldedOneString(t *testing.T) {
	label := "“本年 新收” 申请【数量】"
	if n := testing.AllocsPerRun(100, func() { _ = LabelFolded(label) }); n != 1 {
		t.Fatalf("%v allocations, want 1", n)
	}
}

// TestFoldShortTakesNoBreakSpace: U+00A0 (NFKC maps it to ' ') stays on
// the one-pass path rather than sending the text to the full NFKC.
func TestFoldShortTakesNoBreakSpace(t *testing.T) {
	got, ok := foldShort("本年\u00a0\u00a0新收（１）", 0)
	if !ok || got != "本年 新收(1)" {
		t.Fatalf("foldShort = %q, %v", got, ok)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = foldShort("本年\u3000新收（１）", 6) }); n != 1 {
		t.Fatalf("%v allocations, want 1", n)
	}
}

// TestProseAsIsIsBothChecks holds the one-pass test to the two it
// replaces on generated text (bad bytes, spaces of every kind, radicals).
func TestProseAsIsIsBothChecks(t *testing.T) {
	parts := []string{"本", "年", "a", "1", " ", "  ", "\t", "\u3000", "\u00a0", "\u0085", "\u2003", "\u200b", "\ufeff", "\u00ad",
		"１", "（", "\xe4", "\xe4\xb8", "\xed\xa0\x80", "\ufffd", "\u2ea0", "\u2f08", "\uf900", "\U0002f800", "、", "“", "—", "\v", "\r", "é"}
	rng := rand.New(rand.NewSource(3))
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(8) {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		if got, want := proseAsIs(s), alreadyFolded(s) && !hasRadicals(s); got != want {
			t.Fatalf("proseAsIs(%q) = %v, want %v", s, got, want)
		}
	}
}
