package parser

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/govreport/govreport/parser/docerr"
)

// zipOf archives name/content pairs in order.
func zipOf(t *testing.T, pairs ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(pairs); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: pairs[i], Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(pairs[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ole is the start of an OLE compound file with the given stream names in
// its directory (UTF-16LE, as the format stores them).
func ole(names ...string) []byte {
	b := []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	b = append(b, make([]byte, 504)...)
	for _, n := range names {
		b = append(b, utf16(n)...)
		b = append(b, 0, 0)
	}
	return b
}

const wordBody = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
	`<w:p><w:r><w:t>示例区召开安全生产工作会议</w:t></w:r></w:p><w:p><w:r><w:t>会议要求，各部门要压实责任。</w:t></w:r></w:p></w:body></w:document>`

// TestDOCXIsToldByContent: a .docx renamed .doc (or .pdf) is read as a
// Word document; this one is a news item, so it is "not a report" — which
// proves it was read rather than refused by its name.
func TestDOCXIsToldByContent(t *testing.T) {
	src := zipOf(t, "[Content_Types].xml", "<Types/>", "word/document.xml", wordBody)
	for _, name := range []string{"news.docx", "news.doc", "news.pdf", "news.wps"} {
		if f := Detect(src); f != FormatDOCX {
			t.Fatalf("Detect = %s", f)
		}
		_, err := Parse(name, src)
		if k := docerr.KindOf(err); k != docerr.NotReport {
			t.Errorf("%s: kind %v (%v), want not a report", name, k, err)
		}
	}
	doc, err := New().Layout("news.doc", src)
	if err != nil || doc.Format != "docx" || len(doc.Lines) != 2 || doc.Lines[1].Cells[0].Text != "会议要求,各部门要压实责任。" {
		t.Errorf("layout %+v, %v", doc, err)
	}
}

// TestHTMLErrorPageSavedAsPDF: a download that failed leaves an HTML
// error page under the report's .pdf name; it is read as HTML and found
// not to be a report, never taken for a damaged PDF.
func TestHTMLErrorPageSavedAsPDF(t *testing.T) {
	for _, page := range []string{
		"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>",
		"\r\n\r\n<html>\r\n<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>出错了</title></head><body><p>您访问的页面不存在或已被删除。</p></body></html>",
	} {
		if f := Detect([]byte(page)); f != FormatHTML {
			t.Errorf("Detect = %s, want html", f)
		}
		_, err := Parse("2023年报.pdf", []byte(page))
		if k := docerr.KindOf(err); k != docerr.NotReport {
			t.Errorf("kind %v (%v), want not a report", k, err)
		}
	}
}

// TestFormatsWeDoNotReadSayHowToConvert: every refused format is named,
// with the command or step that turns it into one we read.
func TestFormatsWeDoNotReadSayHowToConvert(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		kind docerr.Kind
		says []string
	}{
		{"report.doc", ole("Root Entry", "WordDocument", "1Table"), docerr.Unsupported, []string{"legacy Word .doc", "soffice --headless --convert-to docx"}},
		{"report.wps", ole("Root Entry", "WpsContent"), docerr.Unsupported, []string{"WPS", "soffice --headless --convert-to docx"}},
		{"report.docx", ole("Root Entry", "EncryptionInfo", "EncryptedPackage"), docerr.Encrypted, []string{"password-protected Word document"}},
		{"report.xls", ole("Root Entry", "Workbook"), docerr.Unsupported, []string{"Excel .xls", "soffice"}},
		{"report.ofd", zipOf(t, "OFD.xml", "<ofd:OFD/>", "Doc_0/Document.xml", "<x/>"), docerr.Unsupported, []string{"OFD document", "PDF"}},
		{"report.odt", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>"), docerr.Unsupported, []string{"OpenDocument text", "soffice --headless --convert-to docx"}},
		{"report.xlsx", zipOf(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<x/>"), docerr.Unsupported, []string{"Excel workbook"}},
		{"reports.zip", zipOf(t, "a/2023年报.pdf", "%PDF-1.4", "a/2022年报.pdf", "%PDF-1.4"), docerr.Unsupported, []string{"ZIP archive that is not a Word document", "a/2023年报.pdf", "unpack"}},
		{"scan.png", []byte("\x89PNG\r\n\x1a\n...."), docerr.Scanned, []string{"PNG", "OCR", "tesseract"}},
		{"scan.jpg", []byte("\xff\xd8\xff\xe0....JFIF"), docerr.Scanned, []string{"JPEG", "OCR"}},
		{"report.rtf", []byte(`{\rtf1\ansi\ansicpg936 {\fonttbl}}`), docerr.Unsupported, []string{"RTF", "soffice --headless --convert-to docx"}},
		{"report.xml", []byte(`<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Word.Document"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"></w:wordDocument>`), docerr.Unsupported, []string{"single XML file", "soffice --headless --convert-to docx"}},
	}
	for _, tc := range tests {
		_, err := Parse(tc.name, tc.src)
		if err == nil {
			t.Errorf("%s: read as a report", tc.name)
			continue
		}
		if k := docerr.KindOf(err); k != tc.kind {
			t.Errorf("%s: kind %v, want %v (%v)", tc.name, k, tc.kind, err)
		}
		if !strings.HasPrefix(err.Error(), tc.name+": ") {
			t.Errorf("%s: %q does not name the file", tc.name, err)
		}
		for _, s := range tc.says {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("%s: %q does not say %q", tc.name, err, s)
			}
		}
	}
}
