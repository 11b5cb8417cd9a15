package pdf

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCharClass checks the class table against the former tests.
func TestCharClass(t *testing.T) {
	for i := 0; i < 256; i++ {
		c := byte(i)
		space := c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
		delim := strings.IndexByte("()<>[]{}/%", c) >= 0
		if isSpace(c) != space || isDelim(c) != delim {
			t.Errorf("byte %#x: space %v delim %v, want %v %v", c, isSpace(c), isDelim(c), space, delim)
		}
	}
}

// TestKeywordSameText checks that every operator keyword returns is its own
// text, listed or not.
func TestKeywordSameText(t *testing.T) {
	ops := strings.Fields(`BT ET Tf Tj TJ Td TD Tm T* Tc Tw Tz TL Ts Tr cm re gs Do rg RG cs CS sc SC scn SCN
		BDC BMC EMC def dup end begin endbfchar endbfrange W* f* B* b* dict pop findresource defineresource
		currentdict begincmap endcmap begincodespacerange endcodespacerange beginbfchar beginbfrange
		begincidrange endcidrange begincidchar endcidchar usecmap q Q w W f n m l c h ' " BI ID EI
		Tjx TJJ bt beginbf x1 true false null`)
	for _, op := range ops {
		if got := keyword([]byte(op)); got != op {
			t.Errorf("keyword(%q) = %q", op, got)
		}
	}
}

// TestBlank checks blank against strings.TrimSpace on every rune, alone
// and followed by a space, and on invalid sequences.
func TestBlank(t *testing.T) {
	check := func(s string) {
		if got, want := blank(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("blank(%q) = %v, want %v", s, got, want)
		}
	}
	check("")
	for r := rune(0); r <= utf8.MaxRune; r++ {
		s := string(r)
		check(s)
		check(s + " ")
		check(" " + s)
	}
	for i := 0; i < 256; i++ {
		check(string([]byte{byte(i)}))
		check(string([]byte{byte(i), ' '}))
		check(string([]byte{byte(i), 0x80, 0x80}))
	}
}

// TestCMapUnusableLater checks that a later unusable mapping (U+FFFD, NUL)
// of a code takes back its earlier one, and an earlier unusable one is
// replaced by a later usable one.
func TestCMapUnusableLater(t *testing.T) {
	m := parseCMap([]byte(`begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0001> <4E00> <0002> <FFFD> <0003> <0000> endbfchar
3 beginbfchar <0001> <FFFD> <0002> <4E8C> <0004> <4E09> endbfchar endcmap`))
	f := &font{encoding: "Identity-H", toUni: m, dw: 1000}
	var got []string
	for _, g := range f.decode("\x00\x01\x00\x02\x00\x03\x00\x04", nil) {
		got = append(got, g.text)
	}
	if want := []string{"", "二", "", "三"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("texts %q, want %q", got, want)
	}
}

// TestSlanted checks slanted against skew on the axes, near them and on
// the diagonals, with signed zeros.
func TestSlanted(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 12, -12, 0.05, -0.05, 1e-9, 0.0874, 0.0875, 1e300, -1e300}
	for _, x := range vals {
		for _, y := range vals {
			if got, want := slanted(x, y), skew(x, y) > 5; got != want {
				t.Errorf("slanted(%v, %v) = %v, skew says %v", x, y, got, want)
			}
		}
	}
}
