package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govreport/govreport/parser/docerr"
	"github.com/govreport/govreport/parser/layout"
)

// hostileDir holds crafted and damaged PDFs (see its README); the test is
// skipped where it is absent.
var hostileDir = filepath.Join("..", "..", "..", "shared", "pdf-hostile")

// TestHostile reads every hostile file under a deadline: each must give a
// document or a *docerr.Error, never a panic or a hang.
func TestHostile(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*.pdf"))
	if len(files) == 0 {
		t.Skip("no hostile PDFs at", hostileDir)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(src, WithTimeout(20*time.Second))
			if err != nil {
				var de *docerr.Error
				if !errors.As(err, &de) {
					t.Fatalf("error is %T, not *docerr.Error: %v", err, err)
				}
				if de.Kind == docerr.Unknown || de.Reason == "" {
					t.Fatalf("error without kind or reason: %+v", de)
				}
				if de.Kind == docerr.TooLarge && strings.Contains(de.Reason, "time budget") {
					t.Fatalf("%s ran out of time: %v", name, err)
				}
			} else if doc == nil {
				t.Fatal("nil document and nil error")
			}
			checkHostile(t, name, doc, err)
		})
	}
}

// checkHostile asserts what each kind of hostile file must give.
func checkHostile(t *testing.T, name string, doc *layout.Document, err error) {
	t.Helper()
	mustRead := func() {
		if err != nil {
			t.Fatalf("should be read, got %v", err)
		}
	}
	mustFail := func(k docerr.Kind) {
		if docerr.KindOf(err) != k {
			t.Fatalf("want a %v error, got doc=%v err=%v", k, doc != nil, err)
		}
	}
	text := func() string {
		if doc == nil {
			return ""
		}
		var b strings.Builder
		for _, l := range doc.Lines {
			b.WriteString(l.Joined())
		}
		return b.String()
	}
	report := func() {
		mustRead()
		if s := text(); !strings.Contains(s, "政府信息公开") {
			t.Fatalf("text of the report is missing: %.200q", s)
		}
		if !strings.Contains(name, "__pdf20") {
			return
		}
		// intact copies: table 三 is a grid whose group labels carry no numbers
		header, rows, order := grid(doc)
		if len(header) != 7 || len(order) < 23 {
			t.Fatalf("table 三: header %q, %d lines", header, len(order))
		}
		for label, r := range rows {
			if isGroupMark(label) && !strings.HasPrefix(label, "(六)") && strings.Join(r[1:], "") != "" {
				t.Errorf("group label %q has values %q", label, r)
			}
		}
	}
	hasWarning := func(code string) {
		for _, w := range doc.Warnings {
			if w.Code == code {
				return
			}
		}
		t.Fatalf("no %q warning in %v", code, doc.Warnings)
	}
	switch {
	case name == "empty.pdf":
		mustFail(docerr.Empty)
	case name == "html_error_page.pdf", name == "pdf_header_only.pdf":
		mustFail(docerr.Damaged)
	case strings.HasPrefix(name, "flate_bomb"):
		mustFail(docerr.TooLarge)
	case strings.HasPrefix(name, "cycle_"), name == "huge_count.pdf", name == "unterminated_hex.pdf",
		name == "inline_image.pdf", name == "length_past_eof.pdf", name == "lzw_filter.pdf":
		mustRead()
		if !strings.Contains(text(), "Hello") {
			t.Fatalf("text lost: %q", text())
		}
	case name == "same_fontname_two_pages.pdf":
		mustRead()
		if s := text(); !strings.Contains(s, "测试") || !strings.Contains(s, "Hello") {
			t.Fatalf("each page must use its own font: %q", s)
		}
	case strings.Contains(name, "__junkprefix"), strings.Contains(name, "__pdf20"), strings.HasPrefix(name, "qdf_"):
		report()
	case strings.Contains(name, "__noEOF"):
		report()
		hasWarning("repaired")
	case strings.HasSuffix(name, "__trunc99.pdf"), strings.HasSuffix(name, "__truncKeepTail99.pdf"),
		strings.HasSuffix(name, "90.pdf") && (strings.HasPrefix(name, "chromium") || strings.HasPrefix(name, "gs-") || strings.HasPrefix(name, "qpdf")):
		report()
		if !hasAnyWarning(doc, "truncated", "repaired") {
			t.Fatalf("no warning for a truncated file: %v", doc.Warnings)
		}
	case strings.Contains(name, "__trunc"):
		// read with a warning, or refused as damaged
		if err != nil {
			mustFail(docerr.Damaged)
		} else if len(doc.Warnings) == 0 {
			t.Fatalf("a truncated file read without a warning")
		}
	}
}

func hasAnyWarning(doc *layout.Document, codes ...string) bool {
	for _, w := range doc.Warnings {
		for _, c := range codes {
			if w.Code == c {
				return true
			}
		}
	}
	return false
}

// TestErrorsAreDocErrors: what is not a PDF gets a clear kind.
func TestErrorsAreDocErrors(t *testing.T) {
	cases := []struct {
		name string
		src  []byte
		kind docerr.Kind
	}{
		{"empty", nil, docerr.Empty},
		{"html", []byte("<!DOCTYPE html><html><head><title>404</title></head></html>"), docerr.Damaged},
		{"header only", []byte("%PDF-1.7\n"), docerr.Damaged},
		{"garbage", []byte("%PDF-1.4\n" + strings.Repeat("garbage ", 200)), docerr.Damaged},
	}
	for _, c := range cases {
		_, err := Read(c.src)
		if docerr.KindOf(err) != c.kind {
			t.Errorf("%s: got %v, want kind %v", c.name, err, c.kind)
		}
	}
}
