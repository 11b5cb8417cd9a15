package parser

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/parser/docerr"
)

// Format is a document format recognised by its content.
type Format string

const (
	FormatPDF  Format = "pdf"
	FormatHTML Format = "html"
	FormatText Format = "text"
	FormatDOCX Format = "docx"
	// Formats we recognise but do not read.
	FormatDOC    Format = "doc"   // OLE compound file: legacy Word or WPS
	FormatOFD    Format = "ofd"   // China's fixed-layout format
	FormatZIP    Format = "zip"   // an archive that is not a Word document
	FormatImage  Format = "image" // a scan or photo
	FormatRTF    Format = "rtf"
	FormatJSON   Format = "json"   // data, such as govreport's own output
	FormatBinary Format = "binary" // bytes of no format we know
	// FormatWordXML is a Word document saved as one XML file (Word 2003
	// XML or flat OPC), not a ZIP package.
	FormatWordXML Format = "wordxml"
	FormatEmpty   Format = "empty"
)

// wordXMLRe tells a Word document saved as a single XML file: Word 2003
// XML (w:wordDocument, progid Word.Document) or flat OPC (pkg:package).
var wordXMLRe = lazyre.New(`progid="Word\.Document"|<w:wordDocument[\s>]|<pkg:package[\s>]`)

var htmlRe = lazyre.New(`(?i)<(?:!doctype\s+html|html|head|body|meta|table|div|p|span|br|td|h[1-6])[\s>/]`)

// htmlTags are htmlRe's tag names but h[1-6].
var htmlTags = [...]string{"html", "head", "body", "meta", "table", "div", "p", "span", "br", "td"}

// looksHTML is htmlRe.Match(head), by hand: every text file's detection
// ran it, and a one-file process compiled it for that.
func looksHTML(head []byte) bool {
	for i := bytes.IndexByte(head, '<'); i >= 0; {
		if tagAt(head, i+1) {
			return true
		}
		j := bytes.IndexByte(head[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// tagAt reports whether htmlRe's part after the < matches at b[i:].
func tagAt(b []byte, i int) bool {
	end := func(j int) bool { // [\s>/]
		return j >= 0 && j < len(b) && strings.IndexByte("\t\n\f\r >/", b[j]) >= 0
	}
	if i < len(b) && b[i] == '!' {
		j := foldedWordAt(b, i+1, "doctype")
		if j < 0 || !(j < len(b) && isSpaceByte(b[j])) {
			return false
		}
		for j < len(b) && isSpaceByte(b[j]) {
			j++
		}
		return end(foldedWordAt(b, j, "html"))
	}
	for _, w := range htmlTags {
		if end(foldedWordAt(b, i, w)) {
			return true
		}
	}
	j := foldedWordAt(b, i, "h")
	return j >= 0 && j < len(b) && b[j] >= '1' && b[j] <= '6' && end(j+1)
}

// isSpaceByte is the regexp class \s.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// foldedWordAt returns the end of w (lower-case ASCII letters) at b[i:]
// under (?i), or -1: a letter matches its upper case, and s and k also
// their non-ASCII folds ſ and K.
func foldedWordAt(b []byte, i int, w string) int {
	for k := 0; k < len(w); k++ {
		if i >= len(b) {
			return -1
		}
		r, n := utf8.DecodeRune(b[i:])
		c := rune(w[k])
		if r != c && r != c-'a'+'A' && !(c == 's' && r == 'ſ') && !(c == 'k' && r == 'K') {
			return -1
		}
		i += n
	}
	return i
}

// Detect tells a document's format from its bytes, never from its name: a
// .txt may hold HTML, a .doc may be a renamed .docx, a .pdf may be an HTML
// error page.
func Detect(src []byte) Format {
	// Blank lines, spaces and NULs before the content (padding, a
	// download manager's preallocation) are skipped whatever their length:
	// the format is told by what follows them.
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), " \t\r\n\x00")
	head := trimmed
	if len(head) > 4096 {
		head = head[:4096]
	}
	trimmed = head
	switch {
	case len(trimmed) == 0:
		return FormatEmpty
	case bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return FormatPDF
	case bytes.HasPrefix(src, []byte("PK\x03\x04")):
		switch {
		case bytes.Contains(src, []byte("word/document.xml")):
			return FormatDOCX
		case bytes.Contains(src, []byte("OFD.xml")):
			return FormatOFD
		}
		return FormatZIP
	case bytes.HasPrefix(src, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return FormatDOC
	case bytes.HasPrefix(src, []byte("\x89PNG")), bytes.HasPrefix(src, []byte("\xff\xd8\xff")),
		bytes.HasPrefix(src, []byte("GIF8")), bytes.HasPrefix(src, []byte("II*\x00")), bytes.HasPrefix(src, []byte("MM\x00*")),
		bytes.HasPrefix(src, []byte("BM")) && len(src) > 26 && bytes.Equal(src[6:10], []byte{0, 0, 0, 0}):
		return FormatImage
	case bytes.HasPrefix(trimmed, []byte("{\\rtf")):
		return FormatRTF
	case (trimmed[0] == '{' || trimmed[0] == '[') && json.Valid(bytes.TrimSpace(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))):
		return FormatJSON
	case bytes.HasPrefix(trimmed, []byte("<?xml")) && wordXMLRe.Match(head):
		return FormatWordXML
	case trimmed[0] == '<' && looksHTML(head):
		return FormatHTML
	case looksHTML(head) && bytes.Count(head, []byte("<")) > 10 && bytes.Contains(head, []byte("</")):
		return FormatHTML
	}
	utf16 := bytes.HasPrefix(src, []byte("\xff\xfe")) || bytes.HasPrefix(src, []byte("\xfe\xff"))
	if !utf16 && isBinary(head) {
		return FormatBinary
	}
	return FormatText
}

// isBinary reports bytes that no text file holds: NULs and other control
// characters beyond a few in a thousand.
func isBinary(head []byte) bool {
	n := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			n++
		}
	}
	return n > len(head)/200+1
}

// convertCmd is how to turn a document we do not read into one we do.
const convertCmd = "soffice --headless --convert-to docx FILE"

// utf16 returns s in UTF-16LE, as OLE directory entries name streams.
func utf16(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// oleError names what an OLE compound file holds: a password-protected
// .docx (its package encrypted inside an OLE container), Excel or
// PowerPoint, or a legacy Word .doc / WPS document.
func oleError(src []byte) error {
	has := func(name string) bool { return bytes.Contains(src, utf16(name)) }
	switch {
	case has("EncryptedPackage"):
		return docerr.New(docerr.Encrypted, "a password-protected Word document (the .docx is encrypted inside an OLE container); open it with its password, remove the protection and save it again")
	case has("WordDocument"):
		return docerr.New(docerr.Unsupported, "a legacy Word .doc document (OLE compound file), which govreport does not read; convert it with: "+convertCmd)
	case has("Workbook") || has("Book"):
		return docerr.New(docerr.Unsupported, "a legacy Excel .xls workbook (OLE compound file), which govreport does not read; save the report as .docx or PDF (soffice --headless --convert-to pdf FILE)")
	case has("PowerPoint Document"):
		return docerr.New(docerr.Unsupported, "a legacy PowerPoint .ppt file (OLE compound file), which govreport does not read; convert it with: soffice --headless --convert-to pdf FILE")
	}
	return docerr.New(docerr.Unsupported, "a legacy Word .doc or WPS document (OLE compound file), which govreport does not read; convert it with: "+convertCmd)
}

// zipReason says what a ZIP archive that is not a Word document holds.
func zipReason(src []byte) string {
	const tail = "; govreport reads .docx, PDF, HTML and text"
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil && zr == nil {
		return "a ZIP archive that is not a Word document (and is damaged: " + err.Error() + ")" + tail
	}
	names := map[string]bool{}
	var list []string
	for _, f := range zr.File {
		names[f.Name] = true
		if len(list) < 6 && !strings.HasSuffix(f.Name, "/") {
			list = append(list, f.Name)
		}
	}
	switch {
	case names["mimetype"] && (names["content.xml"] || bytes.Contains(src, []byte("opendocument.text"))):
		return "an OpenDocument text (.odt), which govreport does not read; convert it with: " + convertCmd
	case names["xl/workbook.xml"]:
		return "an Excel workbook (.xlsx), which govreport does not read; save the report as .docx or PDF (soffice --headless --convert-to pdf FILE)"
	case names["ppt/presentation.xml"]:
		return "a PowerPoint presentation (.pptx), which govreport does not read; convert it with: soffice --headless --convert-to pdf FILE"
	}
	sort.Strings(list)
	what := "empty"
	if len(list) > 0 {
		what = "holding " + strings.Join(list, ", ")
		if len(zr.File) > len(list) {
			what += ", …"
		}
	}
	return "a ZIP archive that is not a Word document (" + what + "); unpack it and parse the report inside" + tail
}

// imageType names the image format of src.
func imageType(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte("\x89PNG")):
		return "PNG"
	case bytes.HasPrefix(src, []byte("\xff\xd8\xff")):
		return "JPEG"
	case bytes.HasPrefix(src, []byte("GIF8")):
		return "GIF"
	case bytes.HasPrefix(src, []byte("II*\x00")), bytes.HasPrefix(src, []byte("MM\x00*")):
		return "TIFF"
	}
	return "BMP"
}
