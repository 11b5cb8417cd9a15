package parser

import (
	"bytes"
	"regexp"
)

// Format is a document format recognised by its content.
type Format string

const (
	FormatPDF  Format = "pdf"
	FormatHTML Format = "html"
	FormatText Format = "text"
	FormatDOCX Format = "docx"
	// Formats we recognise but do not read.
	FormatDOC   Format = "doc"   // OLE compound file: legacy Word or WPS
	FormatOFD   Format = "ofd"   // China's fixed-layout format
	FormatZIP   Format = "zip"   // an archive that is not a Word document
	FormatImage Format = "image" // a scan or photo
	FormatRTF   Format = "rtf"
	FormatEmpty Format = "empty"
)

var htmlRe = regexp.MustCompile(`(?i)<(?:!doctype\s+html|html|head|body|meta|table|div|p|span|br|td|h[1-6])[\s>/]`)

// Detect tells a document's format from its bytes, never from its name: a
// .txt may hold HTML, a .doc may be a renamed .docx, a .pdf may be an HTML
// error page.
func Detect(src []byte) Format {
	head := src
	if len(head) > 4096 {
		head = head[:4096]
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n\x00")
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
	case trimmed[0] == '<' && htmlRe.Match(head):
		return FormatHTML
	case htmlRe.Match(head) && bytes.Count(head, []byte("<")) > 10 && bytes.Contains(head, []byte("</")):
		return FormatHTML
	}
	return FormatText
}
