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

// Padding of any length before a report (blank lines, spaces, NULs) is
// skipped: the report after it is read, not called empty.
func TestLongLeadingPaddingIsSkipped(t *testing.T) {
	report := alignedReport(baseRows())
	page := portalPage(baseRows())
	for name, pad := range map[string]string{
		"newlines": strings.Repeat("\n", 5000),
		"spaces":   strings.Repeat(" ", 10000) + "\r\n",
		"nul":      strings.Repeat("\x00", 8192),
		"mixed":    strings.Repeat(" \t\r\n\x00", 2000),
	} {
		for kind, body := range map[string]string{"txt": report, "html": page} {
			r, err := Parse(name+"."+kind, []byte(pad+body))
			if err != nil {
				t.Errorf("%s before %s: %v", name, kind, err)
				continue
			}
			if get(t, r.Applications, "granted", "total") != 12 {
				t.Errorf("%s before %s: granted.total misread", name, kind)
			}
		}
	}
	if f := Detect([]byte(strings.Repeat("\x00 \n", 3000))); f != FormatEmpty {
		t.Errorf("padding alone: %s, want empty", f)
	}
}
