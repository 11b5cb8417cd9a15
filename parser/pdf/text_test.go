package pdf

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/govreport/govreport/parser/pdf/internal/pdfgen"
)

func TestLexer(t *testing.T) {
	l := &lexer{b: []byte(`/F1 12 Tf (a\(b\)c\101\
d) <48 65 6C6C6F> [(x) -250 (y)] << /K 1 >> -.5 +3 1.2.3 % comment
BT`)}
	var got []string
	for {
		tk := l.next()
		if tk.kind == tEOF {
			break
		}
		switch tk.kind {
		case tNum:
			got = append(got, fmt.Sprintf("n%g", tk.num))
		case tName:
			got = append(got, "/"+tk.s)
		case tString:
			got = append(got, fmt.Sprintf("s%q", tk.s))
		case tKeyword:
			got = append(got, "k"+tk.s)
		default:
			got = append(got, fmt.Sprintf("t%d", tk.kind))
		}
	}
	want := `/F1 n12 kTf s"a(b)cAd" s"Hello" t5 s"x" n-250 s"y" t6 t7 /K n1 t8 n-0.5 n3 n1.2 kBT`
	if g := strings.Join(got, " "); g != want {
		t.Errorf("tokens\n got %s\nwant %s", g, want)
	}
}

func TestLexerUnterminated(t *testing.T) {
	for _, src := range []string{"(abc", "<4142", "<< /A (", "BI /W 1 ID \x00\x01", "[(a) 1"} {
		l := &lexer{b: []byte(src)}
		for i := 0; ; i++ {
			if i > len(src)+2 {
				t.Fatalf("%q: no end of input after %d tokens", src, i)
			}
			if l.next().kind == tEOF {
				break
			}
		}
	}
}

func TestCMapRanges(t *testing.T) {
	m := parseCMap([]byte(rangeCMap))
	for code, want := range map[uint32]string{0x10: "0", 0x19: "9", 0x20: "总", 0x21: "计"} {
		if got := m.uni[codeKey(2, code)]; got != want {
			t.Errorf("code %04X: %q, want %q", code, got, want)
		}
	}
	if n := m.codeLen("\x00\x10"); n != 2 {
		t.Errorf("code length %d", n)
	}
}

func TestPredefinedCMaps(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("申请数量"))
	ucs := []byte{0x51, 0x6C, 0x5F, 0x00} // 公开 in UCS-2
	content := fmt.Sprintf("BT /F1 10 Tf 72 700 Td %s Tj ( 12) Tj ET BT /F2 10 Tf 72 680 Td %s Tj ET",
		pdfgen.HexString(gbk), pdfgen.HexString(ucs))
	doc := mustRead(t, buildPDF(content, "<< /Font << /F1 GBK /F2 UCS2 >> >>", true))
	got := lineTexts(doc)
	if len(got) != 2 || got[0] != "申请数量|12" || got[1] != "公开" {
		t.Fatalf("lines %q", got)
	}
	// real widths: CJK glyphs 1 em, the ASCII space and digits half an em
	c := doc.Lines[0].Cells
	if c[0].X0 != 72 || c[0].X1 != 112 || c[1].X0 != 117 || c[1].X1 != 127 {
		t.Errorf("extents %v", c)
	}
}

func TestFormXObjectAndMatrices(t *testing.T) {
	// the page draws a form twice (scaled and moved) and the form draws
	// itself recursively, which must be cut
	d := &pdfgen.Doc{}
	cat, pages := d.Reserve(), d.Reserve()
	font := d.Add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 122 /Widths [` + strings.Repeat("500 ", 91) + `] >>`)
	form := d.Reserve()
	d.SetStream(form, fmt.Sprintf(`/Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [1 0 0 1 10 0] /Resources << /Font << /F1 %d 0 R >> /XObject << /Fm %d 0 R >> >>`, font, form),
		[]byte("BT /F1 10 Tf 50 100 Td (Form) Tj ET /Fm Do"), false)
	content := d.AddStream("", []byte("q 2 0 0 2 0 0 cm /Fm Do Q q 1 0 0 1 0 300 cm /Fm Do Q BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\x01 EI BT /F1 10 Tf 1 0 0 1 72 50 Tm (After) Tj ET"), false)
	page := d.Add(fmt.Sprintf(`<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm %d 0 R >> /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>`, pages, form, font, content))
	d.Set(pages, fmt.Sprintf(`<< /Type /Pages /Kids [%d 0 R] /Count 1 >>`, page))
	d.Set(cat, fmt.Sprintf(`<< /Type /Catalog /Pages %d 0 R >>`, pages))
	doc := mustRead(t, d.Bytes(cat, 0))
	var got []string
	for _, l := range doc.Lines {
		c := l.Cells[0]
		got = append(got, fmt.Sprintf("%s@%g-%g", c.Text, c.X0, c.X1))
	}
	// (50+10)*2 = 120 wide 2×(4×5); second form at x 60; the text after the inline image
	want := "Form@60-80 Form@120-160 After@72-97"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

func TestVerticalFont(t *testing.T) {
	// Identity-V: each glyph advances downwards, one character per line
	content := "BT /F1 10 Tf 80 700 Td <000100020003> Tj ET"
	doc := mustRead(t, buildPDF(content, "<< /Font << /F1 IDV >> >>", false))
	got := strings.Join(lineTexts(doc), "/")
	if got != "三/、/本" {
		t.Errorf("vertical text %q", got)
	}
}

func TestKerningAndSpacing(t *testing.T) {
	// TJ kerning splits words at wide gaps only; Tc spreads glyphs
	content := "BT /F1 10 Tf 72 700 Td [(0010)-40(0011) -900 (0012)] TJ ET BT /F1 10 Tf 3 Tc 72 680 Td (0020) Tj ET"
	content = strings.NewReplacer("(0010)", "<0010>", "(0011)", "<0011>", "(0012)", "<0012>", "(0020)", "<00200021>").Replace(content)
	doc := mustRead(t, buildPDF(content, "<< /Font << /F1 TOUNI >> >>", false))
	got := lineTexts(doc)
	if len(got) != 2 || got[0] != "01|2" || got[1] != "总计" {
		t.Errorf("lines %q", got)
	}
}

func TestPageNumbersAndHeaders(t *testing.T) {
	d := &pdfgen.Doc{}
	cat, pages := d.Reserve(), d.Reserve()
	font := d.Add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>`)
	var kids []string
	for i := 1; i <= 3; i++ {
		c := d.AddStream("", []byte(fmt.Sprintf("BT /F1 9 Tf 250 800 Td (Running header) Tj ET BT /F1 10 Tf 72 600 Td (Body %d) Tj ET BT /F1 10 Tf 290 40 Td (- %d -) Tj ET", i, i)), false)
		kids = append(kids, fmt.Sprintf("%d 0 R", d.Add(fmt.Sprintf(`<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>`, pages, font, c))))
	}
	d.Set(pages, fmt.Sprintf(`<< /Type /Pages /Kids [%s] /Count 3 >>`, strings.Join(kids, " ")))
	d.Set(cat, fmt.Sprintf(`<< /Type /Catalog /Pages %d 0 R >>`, pages))
	doc := mustRead(t, d.Bytes(cat, 0))
	got := strings.Join(lineTexts(doc), "/")
	if got != "Body|1/Body|2/Body|3" {
		t.Errorf("lines %q", got)
	}
	for i, l := range doc.Lines {
		if l.Page != i+1 {
			t.Errorf("line %d on page %d", i+1, l.Page)
		}
	}
}

func TestFilters(t *testing.T) {
	// the example of PDF 32000-1 §7.4.4.2
	if got := string(lzwDecode([]byte{0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01}, 1<<20)); got != "-----A---B" {
		t.Errorf("LZW: %q", got)
	}
	if got := string(runLength([]byte{2, 'a', 'b', 'c', 254, 'x', 128}, 100)); got != "abcxxx" {
		t.Errorf("RunLength: %q", got)
	}
	out, err := decodeRaw([]byte("42 54 20 45\n54>"), []string{"ASCIIHexDecode"}, 100)
	if err != nil || string(out) != "BT ET" {
		t.Errorf("ASCIIHex: %q %v", out, err)
	}
	// a page whose content uses a filter the object layer lacks
	content := "<" + fmt.Sprintf("%X", []byte("BT /F1 12 Tf 72 700 Td (Hex) Tj ET")) + ">"
	d := &pdfgen.Doc{}
	cat, pages := d.Reserve(), d.Reserve()
	font := d.Add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>`)
	c := d.AddStream("/Filter /ASCIIHexDecode", []byte(content), false)
	page := d.Add(fmt.Sprintf(`<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>`, pages, font, c))
	d.Set(pages, fmt.Sprintf(`<< /Type /Pages /Kids [%d 0 R] /Count 1 >>`, page))
	d.Set(cat, fmt.Sprintf(`<< /Type /Catalog /Pages %d 0 R >>`, pages))
	if got := lineTexts(mustRead(t, d.Bytes(cat, 0))); len(got) != 1 || got[0] != "Hex" {
		t.Errorf("ASCIIHex page: %q", got)
	}
}

func TestRotatedPage(t *testing.T) {
	// a landscape table drawn with text running upwards (a /Rotate 90 page)
	content := "BT /F1 10 Tf 0 1 -1 0 100 72 Tm (Row one) Tj ET BT /F1 10 Tf 0 1 -1 0 100 300 Tm (42) Tj ET " +
		"BT /F1 10 Tf 0 1 -1 0 120 72 Tm (Row two) Tj ET BT /F1 10 Tf 0 1 -1 0 120 300 Tm (7) Tj ET"
	doc := mustRead(t, buildPDF(content, "<< /Font << /F1 HELV >> >>", false))
	got := strings.Join(lineTexts(doc), "/")
	if got != "Row|one|42/Row|two|7" {
		t.Errorf("rotated lines %q", got)
	}
}

func TestPrevCycle(t *testing.T) {
	// a trailer whose /Prev points at its own xref section
	src := buildPDF("BT /F1 12 Tf 72 700 Td (Loop) Tj ET", "<< /Font << /F1 HELV >> >>", false)
	i := strings.LastIndex(string(src), "startxref\n")
	var off int
	fmt.Sscanf(string(src[i+len("startxref\n"):]), "%d", &off)
	looped := strings.Replace(string(src), "trailer\n<<", fmt.Sprintf("trailer\n<< /Prev %d", off), 1)
	if !prevCycle([]byte(looped)) {
		t.Fatal("cycle not seen")
	}
	doc, err := Read([]byte(looped), WithTimeout(10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if got := lineTexts(doc); len(got) != 1 || got[0] != "Loop" {
		t.Errorf("lines %q", got)
	}
}

func TestWatermarkAndOffPage(t *testing.T) {
	content := "BT /F1 10 Tf 72 700 Td (Body) Tj ET " +
		"BT /F1 60 Tf 0.707 0.707 -0.707 0.707 150 300 Tm (DRAFT) Tj ET " + // diagonal watermark
		"BT /F1 10 Tf 72 -500 Td (Hidden) Tj ET" // off the page
	doc := mustRead(t, buildPDF(content, "<< /Font << /F1 HELV >> >>", false))
	if got := strings.Join(lineTexts(doc), "/"); got != "Body" {
		t.Errorf("lines %q", got)
	}
}
