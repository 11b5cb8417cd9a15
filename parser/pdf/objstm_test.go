package pdf

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestObjStmUnterminated: an object stream ending inside a hex string makes
// the library's lexer loop forever; it must be repaired before.
func TestObjStmUnterminated(t *testing.T) {
	var b []byte
	b = append(b, "%PDF-1.7\n"...)
	offs := map[int]int{}
	add := func(id int, body string) {
		offs[id] = len(b)
		b = append(b, fmt.Sprintf("%d 0 obj\n%s\nendobj\n", id, body)...)
	}
	add(1, "<< /Type /Catalog /Pages 2 0 R >>")
	add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	add(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
	add(4, "<< /Length 36 >>\nstream\nBT /F1 12 Tf 72 700 Td (Hello) Tj ET\nendstream")
	objstm := "5 0 <4142"
	add(6, fmt.Sprintf("<< /Type /ObjStm /N 1 /First 4 /Length %d >>\nstream\n%s\nendstream", len(objstm), objstm))
	entries := make([]xentry, 7)
	for id, off := range offs {
		entries[id] = xentry{typ: 1, f2: uint32(off)}
	}
	entries[5] = xentry{typ: 2, f2: 6, f3: 0}
	_, data, err := xrefReader(b, entries, "1 0 R", "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(data, WithTimeout(20*time.Second))
	if err != nil && strings.Contains(err.Error(), "time budget") {
		t.Fatalf("the object layer looped: %v", err)
	}
	if !unterminated([]byte("1 0 (a(b)")) || unterminated([]byte("1 0 (a) <41> % (")) {
		t.Error("unterminated")
	}
}

// TestObjStmInObjStm: an object whose object stream is itself in an object
// stream sends the library into endless recursion (a fatal stack overflow).
func TestObjStmInObjStm(t *testing.T) {
	var b []byte
	b = append(b, "%PDF-1.7\n"...)
	offs := map[int]int{}
	add := func(id int, body string) {
		offs[id] = len(b)
		b = append(b, fmt.Sprintf("%d 0 obj\n%s\nendobj\n", id, body)...)
	}
	add(1, "<< /Type /Catalog /Pages 2 0 R >>")
	add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	add(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
	add(4, "<< /Length 36 >>\nstream\nBT /F1 12 Tf 72 700 Td (Hello) Tj ET\nendstream")
	add(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	entries := make([]xentry, 7)
	for id, off := range offs {
		entries[id] = xentry{typ: 1, f2: uint32(off)}
	}
	// the xref says the font is in object stream 6, which is in itself
	entries[5] = xentry{typ: 2, f2: 6}
	entries[6] = xentry{typ: 2, f2: 6}
	_, data, err := xrefReader(b, entries, "1 0 R", "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(data, WithTimeout(20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if got := lineTexts(doc); len(got) != 1 || got[0] != "Hello" {
		t.Errorf("lines %q", got)
	}
}

// TestHugeXref: tables the library would allocate to the size they
// declare (an out-of-memory crash, not a panic) are not handed to it.
func TestHugeXref(t *testing.T) {
	src := string(buildPDF("BT /F1 12 Tf 72 700 Td (Big) Tj ET", "<< /Font << /F1 HELV >> >>", false))
	for _, c := range []struct{ old, new string }{
		{"xref\n0 ", "xref\n2000000000 "},
		{"/Size ", "/Size 2000000000 /Sizf "},
	} {
		bad := strings.Replace(src, c.old, c.new, 1)
		if !hugeSize([]byte(bad)) {
			t.Errorf("%q not seen as huge", c.new)
		}
		doc, err := Read([]byte(bad))
		if err != nil {
			t.Errorf("%q: %v", c.new, err)
			continue
		}
		if got := lineTexts(doc); len(got) != 1 || got[0] != "Big" {
			t.Errorf("%q: lines %q", c.new, got)
		}
	}
}
