package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/pdf/internal/pdfgen"
)

// buildPDF makes a one-page PDF with the given content stream and
// resource dictionary. Placeholders in res are replaced by references to
// objects made on demand:
//
//	IMG        a 1×1 image XObject
//	HELV       Helvetica, WinAnsiEncoding
//	GBK        SimSun via GBK-EUC-H, no ToUnicode
//	UCS2       SimSun via UniGB-UCS2-H, no ToUnicode
//	IDV        an Identity-V CID font with a ToUnicode map (see idvCMap)
//	TOUNI      a Type0 Identity-H font whose ToUnicode uses bfrange
func buildPDF(content, res string, compress bool) []byte {
	d := &pdfgen.Doc{}
	cat := d.Reserve()
	pages := d.Reserve()
	ref := func(id int) string { return fmt.Sprintf("%d 0 R", id) }
	cidFont := func(enc, extra string) string {
		desc := d.Add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /W [1 95 500] >>`)
		return ref(d.Add(fmt.Sprintf(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /%s /DescendantFonts [%d 0 R] %s >>`, enc, desc, extra)))
	}
	repl := map[string]func() string{
		"IMG": func() string {
			return ref(d.AddStream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", []byte{0x80}, false))
		},
		"HELV": func() string {
			return ref(d.Add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>`))
		},
		"GBK":  func() string { return cidFont("GBK-EUC-H", "") },
		"UCS2": func() string { return cidFont("UniGB-UCS2-H", "") },
		"IDV": func() string {
			tu := d.AddStream("", []byte(idvCMap), false)
			return cidFont("Identity-V", fmt.Sprintf("/ToUnicode %d 0 R", tu))
		},
		"TOUNI": func() string {
			tu := d.AddStream("", []byte(rangeCMap), true)
			return cidFont("Identity-H", fmt.Sprintf("/ToUnicode %d 0 R", tu))
		},
	}
	for k, f := range repl {
		if strings.Contains(res, k) {
			res = strings.ReplaceAll(res, k, f())
		}
	}
	contents := d.AddStream("", []byte(content), compress)
	page := d.Add(fmt.Sprintf(`<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>`, pages, res, contents))
	d.Set(pages, fmt.Sprintf(`<< /Type /Pages /Kids [%d 0 R] /Count 1 >>`, page))
	d.Set(cat, fmt.Sprintf(`<< /Type /Catalog /Pages %d 0 R >>`, pages))
	return d.Bytes(cat, 0)
}

// idvCMap maps CIDs 1–3 to 三、本.
const idvCMap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0001> <4E09> <0002> <3001> <0003> <672C> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end`

// rangeCMap maps 0x0010–0x0019 to the digits by an incrementing range and
// 0x0020–0x0021 to 总计 by an array.
const rangeCMap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfrange <0010> <0019> <0030> <0020> <0021> [<603B> <8BA1>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`

func mustRead(t *testing.T, src []byte) *layout.Document {
	t.Helper()
	doc, err := Read(src)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func lineTexts(doc *layout.Document) []string {
	var out []string
	for _, l := range doc.Lines {
		out = append(out, strings.Join(l.Texts(), "|"))
	}
	return out
}
