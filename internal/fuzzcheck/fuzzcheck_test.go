package fuzzcheck

import "testing"

func TestDigitsMake(t *testing.T) {
	for _, c := range []struct {
		text string
		v    float64
		want bool
	}{
		{"154", 154, true},
		{"１２", 12, true},         // full-width digits
		{"25.1万元", 251000, true}, // converted to 元
		{"251000元", 25.1, true},  // converted to 万元
		{"-18", -18, true},
		{"—", 0, true},
		{"", 0, true},
		{"15130000154", 3, true}, // a cell of a run
		{"—", 12, false},
		{"12", 7, false},
		{"", 5, false},
		{"8", 0, false},
	} {
		if got := DigitsMake(c.text, c.v); got != c.want {
			t.Errorf("DigitsMake(%q, %v) = %v", c.text, c.v, got)
		}
	}
}
