package parser

import (
	"strings"
	"testing"
)

// A UTF-8 text with a BOM whose last character was cut off (a truncated
// download) is still read; neither reading nor Layout panics.
func TestBOMTextWithTruncatedCharacter(t *testing.T) {
	full := "\ufeff" + alignedReport(baseRows())
	src := []byte(full + "六、其他需要报告的事项 ")
	src = append(src, "本"[:2]...) // the last character cut after two of its three bytes
	r, err := Parse("cut.txt", src)
	if err != nil {
		t.Fatalf("cut.txt: %v", err)
	}
	if get(t, r.Applications, "granted", "total") != 12 {
		t.Errorf("granted.total misread")
	}
	for _, s := range []string{"\xef\xbb\xbf\xe4\xb8", "\xef\xbb\xbf一、总体情况\n\xe4"} {
		if _, err := New().Layout("short.txt", []byte(s)); err != nil {
			t.Errorf("Layout(%q): %v", s, err)
		}
		if _, err := Parse("short.txt", []byte(s)); err != nil && strings.Contains(err.Error(), "internal error") {
			t.Errorf("Parse(%q): %v", s, err)
		}
	}
}
