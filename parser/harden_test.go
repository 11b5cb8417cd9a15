package parser

import (
	"os"
	"strings"
	"testing"

	"github.com/govreport/govreport/parser/docerr"
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
	pdf, err := os.ReadFile("../corpus/pdf/gowriter-gbk-2021-jianghuai-city-2024.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse("padded.pdf", append([]byte(strings.Repeat("\r\n", 5000)), pdf...)); err != nil {
		t.Errorf("padding before a PDF: %v", err)
	}
	if f := Detect([]byte(strings.Repeat("\x00 \n", 3000))); f != FormatEmpty {
		t.Errorf("padding alone: %s, want empty", f)
	}
}

// One invalid byte in a UTF-8 report (a stray 0xFF in a comment, a cut
// last character) leaves it UTF-8, with a warning counting the byte;
// GBK pages are still told apart.
func TestStrayByteInUTF8Report(t *testing.T) {
	page := portalPage(baseRows())
	i := strings.Index(page, "<div class=\"article\">")
	docs := map[string]string{
		"stray.html": page[:i] + "<!-- \xff -->" + page[i:],
		"cut.txt":    alignedReport(baseRows()) + "六、其他需要报告的事项\n无" + "本"[:1],
	}
	for name, src := range docs {
		r, err := Parse(name, []byte(src))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if get(t, r.Applications, "granted", "total") != 12 {
			t.Errorf("%s: granted.total misread", name)
		}
		found := false
		for _, w := range r.Warnings {
			found = found || w.Code == "encoding" && strings.Contains(w.Message, "1 invalid byte")
		}
		if !found {
			t.Errorf("%s: no warning counting the invalid byte: %v", name, r.Warnings)
		}
	}
}

// A library's message never reaches the user alone: a page nested deeper
// than the HTML parser allows is a damaged document, said in our words.
func TestDeepHTMLIsDamagedInOurWords(t *testing.T) {
	src := "<html><body>" + strings.Repeat("<div>", 600) + "一、总体情况</body></html>"
	_, err := Parse("deep.html", []byte(src))
	if docerr.KindOf(err) != docerr.Damaged {
		t.Fatalf("kind %v (%v), want damaged", docerr.KindOf(err), err)
	}
	if msg := err.Error(); strings.HasPrefix(msg, "deep.html: html:") || !strings.Contains(msg, "nested") {
		t.Errorf("message %q is the library's, not ours", msg)
	}
	if _, err := New().Layout("deep.html", []byte(src)); err == nil || !strings.Contains(err.Error(), "nested") {
		t.Errorf("Layout: %v", err)
	}
}
