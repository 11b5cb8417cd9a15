package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/govreport/govreport/parser/docerr"
	"github.com/govreport/govreport/parser/layout"
)

// entry is one file of a test archive.
type entry struct {
	name string
	data []byte
}

// archive zips entries in order.
func archive(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" mc:Ignorable="wps"><w:body>`
const tail = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`

// docxOf returns a minimal .docx whose body is body.
func docxOf(t testing.TB, body string) []byte {
	return archive(t,
		entry{"[Content_Types].xml", []byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)},
		entry{MainPart, []byte(head + body + tail)})
}

func read(t *testing.T, body string) *layout.Document {
	t.Helper()
	doc, err := Read(docxOf(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "docx" {
		t.Errorf("format %q", doc.Format)
	}
	for i, l := range doc.Lines {
		if l.Num != i+1 {
			t.Errorf("line %d numbered %d", i+1, l.Num)
		}
	}
	return doc
}

// texts returns each line's cell texts joined by |, copies in brackets.
func texts(doc *layout.Document) []string {
	var out []string
	for _, l := range doc.Lines {
		var cs []string
		for _, c := range l.Cells {
			s := c.Text
			if c.Copy {
				s = "[" + s + "]"
			}
			if c.Col >= 0 {
				s = fmt.Sprintf("%d:%s", c.Col, s)
			}
			cs = append(cs, s)
		}
		out = append(out, strings.Join(cs, "|"))
	}
	return out
}

func expectLines(t *testing.T, doc *layout.Document, want ...string) {
	t.Helper()
	got := texts(doc)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func p(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr><w:jc w:val=\"center\"/><w:rPr><w:b/></w:rPr></w:pPr>")
	for _, r := range runs {
		b.WriteString(`<w:r><w:rPr><w:rFonts w:ascii="仿宋"/></w:rPr><w:t xml:space="preserve">` + r + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

func TestParagraphsAndRuns(t *testing.T) {
	doc := read(t, p("青岚县人民政府", "20", "23年政府信息公开工作年度报告")+
		`<w:p><w:r><w:t>一、总体</w:t></w:r><w:r><w:tab/><w:t>情况</w:t></w:r></w:p>`+
		`<w:p/><w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>`+
		`<w:p><w:r><w:t>全角１２</w:t><w:noBreakHyphen/><w:t>3</w:t></w:r></w:p>`)
	expectLines(t, doc, "青岚县人民政府2023年政府信息公开工作年度报告", "一、总体 情况", "第一行", "第二行", "全角12-3")
	if doc.Lines[4].Cells[0].Raw != "全角１２-3" || doc.Lines[0].Table != 0 || doc.Lines[0].Cells[0].Col != -1 {
		t.Errorf("raw text or grid marks wrong: %+v", doc.Lines[4])
	}
}

// tc is a table cell with properties props and paragraphs paras.
func tc(props string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<w:tc><w:tcPr><w:tcW w:w=\"800\" w:type=\"dxa\"/>" + props + "</w:tcPr>")
	if len(paras) == 0 {
		b.WriteString("<w:p/>")
	}
	for _, x := range paras {
		b.WriteString(p(x))
	}
	b.WriteString("</w:tc>")
	return b.String()
}

func tr(cells ...string) string {
	return `<w:tr><w:trPr><w:trHeight w:val="400"/></w:trPr>` + strings.Join(cells, "") + `</w:tr>`
}

func tbl(rows ...string) string {
	return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="800"/></w:tblGrid>` + strings.Join(rows, "") + `</w:tbl>`
}

const (
	span2   = `<w:gridSpan w:val="2"/>`
	restart = `<w:vMerge w:val="restart"/>`
	cont    = `<w:vMerge/>`
)

func TestMergedCellsExpandIntoAGrid(t *testing.T) {
	doc := read(t, p("三、收到和处理政府信息公开申请情况")+tbl(
		tr(tc(span2+restart, "（本列数据的勾稽关系"), tc(`<w:gridSpan w:val="3"/>`, "申请人情况")),
		tr(tc(span2+cont), tc(restart, "自然", "人"), tc(span2, "法人或其他组织")),
		tr(tc(span2+`<w:vMerge w:val="continue"/>`), tc(cont), tc("", "商业", "企业"), tc("", "科研机构")),
		tr(tc(restart, "三、本年度办理结果"), tc("", "（一）予以公开"), tc("", "1"), tc("", "2"), tc("", "")),
		tr(tc(cont), tc("", "（二）部分公开"), tc("", "0"), tc("", "—"), tc("", "3")),
	)+p("四、政府信息公开行政复议、行政诉讼情况"))
	expectLines(t, doc,
		"三、收到和处理政府信息公开申请情况",
		"0:(本列数据的勾稽关系|1:[(本列数据的勾稽关系]|2:申请人情况|3:[申请人情况]|4:[申请人情况]",
		"0:[(本列数据的勾稽关系]|1:[(本列数据的勾稽关系]|2:自然人|3:法人或其他组织|4:[法人或其他组织]",
		"0:[(本列数据的勾稽关系]|1:[(本列数据的勾稽关系]|2:[自然人]|3:商业企业|4:科研机构",
		"0:三、本年度办理结果|1:(一)予以公开|2:1|3:2|4:",
		"0:[三、本年度办理结果]|1:(二)部分公开|2:0|3:—|4:3",
		"四、政府信息公开行政复议、行政诉讼情况")
	for _, l := range doc.Lines[1:6] {
		if l.Table != 1 {
			t.Errorf("line %d: table %d, want 1", l.Num, l.Table)
		}
	}
	if doc.Lines[4].Cells[1].Raw != "（一）予以公开" {
		t.Errorf("raw %q", doc.Lines[4].Cells[1].Raw)
	}
	// A vertical merge's copy in the cell's first column says where the
	// merged cell is printed, through several continued rows; the
	// copies of its other columns are column copies.
	for _, c := range []struct {
		line, cell int
		rowCopy    bool
		origin     int
	}{{3, 0, true, 2}, {3, 1, false, 0}, {4, 0, true, 2}, {4, 2, true, 3}, {6, 0, true, 5}, {2, 1, false, 0}} {
		got := doc.Lines[c.line-1].Cells[c.cell]
		if got.RowCopy != c.rowCopy || got.Origin != c.origin {
			t.Errorf("line %d cell %d: RowCopy %v Origin %d, want %v %d", c.line, c.cell, got.RowCopy, got.Origin, c.rowCopy, c.origin)
		}
	}
}

func TestGridBeforeAndLegacyHorizontalMerge(t *testing.T) {
	doc := read(t, tbl(
		tr(tc("", "a"), tc("", "b"), tc("", "c")),
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>`+tc("", "x")+tc("", "y")+`</w:tr>`,
		tr(tc(`<w:hMerge w:val="restart"/>`, "h"), tc(`<w:hMerge/>`), tc("", "z")),
		tr(tc(`<w:gridSpan w:val="100000"/>`, "wide")),
	))
	got := texts(doc)
	want := []string{"0:a|1:b|2:c", "1:x|2:y", "0:h|1:[h]|2:z"}
	if strings.Join(got[:3], "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got[:3], want)
	}
	if n := len(doc.Lines[3].Cells); n != maxSpan {
		t.Errorf("a huge gridSpan expanded to %d cells, want it clamped to %d", n, maxSpan)
	}
}

func TestTrackedChangesResolveToTheFinalText(t *testing.T) {
	doc := read(t, `<w:p><w:r><w:t>本年新收申请</w:t></w:r>`+
		`<w:del w:id="1" w:author="a"><w:r><w:delText>12</w:delText></w:r></w:del>`+
		`<w:ins w:id="2" w:author="a"><w:r><w:t>15</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r></w:p>`+
		`<w:p><w:moveFrom w:id="3"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:r><w:t>保留</w:t></w:r><w:moveTo w:id="4"><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>`+
		tbl(tr(tc("", "予以公开"), `<w:tc><w:p><w:del w:id="5"><w:r><w:delText>7</w:delText></w:r></w:del><w:ins w:id="6"><w:r><w:t>8</w:t></w:r></w:ins></w:p></w:tc>`),
			`<w:tr><w:trPr><w:del w:id="7" w:author="a"/></w:trPr>`+tc("", "删除的行")+tc("", "9")+`</w:tr>`,
			tr(tc("", "总计"), tc("", "8"))))
	expectLines(t, doc, "本年新收申请15件", "保留新位置", "0:予以公开|1:8", "0:总计|1:8")
}

func TestFieldsAndFootnotesIgnored(t *testing.T) {
	doc := read(t, `<w:p><w:r><w:t>见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc123 \h </w:instrText></w:r>`+
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r>`+
		`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`+
		`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>6</w:t></w:r></w:fldSimple></w:p>`)
	expectLines(t, doc, "见第3页6")
}

// textBox is a text box anchored in a run, written the way Word does: a
// DrawingML shape in mc:Choice and the same box as VML in mc:Fallback.
func textBox(content string) string {
	return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>` + content +
		`</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + content + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
}

func TestTableInATextBoxIsReadOnce(t *testing.T) {
	doc := read(t, p("前文")+`<w:p><w:r><w:t>锚点</w:t></w:r>`+textBox(p("表格标题")+tbl(tr(tc("", "行政复议"), tc("", "5"))))+`<w:r><w:t>之后</w:t></w:r></w:p>`+p("后文"))
	expectLines(t, doc, "前文", "锚点", "表格标题", "0:行政复议|1:5", "之后", "后文")
	// Only the fallback: read it.
	doc = read(t, `<w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>`+p("仅VML")+`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`)
	expectLines(t, doc, "仅VML")
}

func TestLayoutTableCellsAreReadAsBlocks(t *testing.T) {
	inner := tbl(tr(tc("", "自然人"), tc("", "总计")), tr(tc("", "3"), tc("", "3")))
	doc := read(t, tbl(tr(`<w:tc>`+p("标题")+inner+`<w:p/></w:tc>`), tr(tc("", "落款"))))
	expectLines(t, doc, "标题", "0:自然人|1:总计", "0:3|1:3", "落款")
	if doc.Lines[1].Table != 1 || doc.Lines[2].Table != 1 {
		t.Errorf("inner table rows numbered %d, %d", doc.Lines[1].Table, doc.Lines[2].Table)
	}
}

func TestContentControlsAndStrictNamespace(t *testing.T) {
	doc := read(t, `<w:sdt><w:sdtPr><w:alias w:val="x"/><w:placeholder><w:docPart w:val="y"/></w:placeholder></w:sdtPr><w:sdtContent>`+p("控件内")+`</w:sdtContent></w:sdt>`+
		`<w:p><w:hyperlink r:id="rId1" xmlns:r="r"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:r><w:ruby><w:rt><w:r><w:t>zhu</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>`)
	expectLines(t, doc, "控件内", "链接注")
	strict := archive(t, entry{MainPart, []byte(`<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>严格</w:t></w:r></w:p></w:body></w:document>`)})
	d, err := Read(strict)
	if err != nil {
		t.Fatal(err)
	}
	expectLines(t, d, "严格")
}

func kindOf(t *testing.T, src []byte, opts ...Option) (docerr.Kind, string) {
	t.Helper()
	_, err := Read(src, opts...)
	if err == nil {
		t.Fatal("read without error")
	}
	return docerr.KindOf(err), err.Error()
}

func TestZipThatIsNotWord(t *testing.T) {
	src := archive(t, entry{"mimetype", []byte("application/vnd.oasis.opendocument.text")}, entry{"content.xml", []byte("<x/>")})
	if k, msg := kindOf(t, src); k != docerr.Unsupported || !strings.Contains(msg, "not a Word document") {
		t.Errorf("kind %v: %s", k, msg)
	}
}

func TestOnlyTheMainPartIsRead(t *testing.T) {
	evil := []byte(head + p("不应读取") + tail)
	src := archive(t,
		entry{"../word/document.xml", evil},
		entry{"/word/document.xml", evil},
		entry{`word\document.xml`, evil},
		entry{"word/../word/document.xml", evil},
		entry{"WORD/DOCUMENT.XML", evil},
		entry{MainPart, []byte(head + p("正文") + tail)},
		entry{"word/footnotes.xml", evil},
	)
	doc, err := Read(src)
	if err != nil {
		t.Fatal(err)
	}
	expectLines(t, doc, "正文")
	// Without the exact name, nothing is read.
	src = archive(t, entry{"../word/document.xml", evil}, entry{"./word/document.xml", evil})
	if k, _ := kindOf(t, src); k != docerr.Unsupported {
		t.Errorf("kind %v, want unsupported", k)
	}
	src = archive(t, entry{MainPart, evil}, entry{MainPart, evil})
	if k, msg := kindOf(t, src); k != docerr.Damaged || !strings.Contains(msg, "twice") {
		t.Errorf("duplicate main part: kind %v: %s", k, msg)
	}
}

// bomb returns a .docx whose document.xml is a paragraph of n spaces,
// deflated at the best ratio.
func bomb(t testing.TB, n int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	w, err := zw.Create(MainPart)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, head+"<w:p><w:r><w:t>")
	chunk := bytes.Repeat([]byte(" "), 1<<16)
	for written := int64(0); written < n; written += int64(len(chunk)) {
		w.Write(chunk)
	}
	io.WriteString(w, "</w:t></w:r></w:p>"+tail)
	zw.Close()
	return buf.Bytes()
}

func TestZipBombRatio(t *testing.T) {
	src := bomb(t, 40<<20) // 40 MiB of spaces in some forty kilobytes
	if len(src) > 1<<20 {
		t.Fatalf("bomb is %d bytes", len(src))
	}
	k, msg := kindOf(t, src)
	if k != docerr.TooLarge || !strings.Contains(msg, "times its compressed size") {
		t.Errorf("kind %v: %s", k, msg)
	}
}

func TestZipBombAbsoluteCap(t *testing.T) {
	src := bomb(t, 3<<20)
	k, msg := kindOf(t, src, WithMaxRatio(0), WithMaxXMLBytes(2<<20))
	if k != docerr.TooLarge || !strings.Contains(msg, "more than 2097152 bytes") {
		t.Errorf("kind %v: %s", k, msg)
	}
	// Under both caps the same shape reads.
	if _, err := Read(bomb(t, 1<<20), WithMaxRatio(0)); err != nil {
		t.Errorf("1 MiB document refused: %v", err)
	}
}

func TestDeepNesting(t *testing.T) {
	body := strings.Repeat("<w:sdt><w:sdtContent>", 5000) + p("深") + strings.Repeat("</w:sdtContent></w:sdt>", 5000)
	k, msg := kindOf(t, docxOf(t, body))
	if k != docerr.Damaged || !strings.Contains(msg, "deep") {
		t.Errorf("kind %v: %s", k, msg)
	}
	// Moderate nesting is fine.
	body = strings.Repeat("<w:sdt><w:sdtContent>", 50) + p("浅") + strings.Repeat("</w:sdtContent></w:sdt>", 50)
	expectLines(t, read(t, body), "浅")
}

func TestDamagedArchives(t *testing.T) {
	good := docxOf(t, p("正文"))
	for name, src := range map[string][]byte{
		"truncated":  good[:len(good)/2],
		"not a zip":  []byte("PK\x03\x04 garbage"),
		"bad xml":    archive(t, entry{MainPart, []byte(head + "<w:p><w:r><w:t>x</w:p>")}),
		"cut xml":    archive(t, entry{MainPart, []byte(head + "<w:p><w:r><w:t>x")}),
		"no element": archive(t, entry{MainPart, []byte("")}),
	} {
		_, err := Read(src)
		if name == "no element" {
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		if k := docerr.KindOf(err); k != docerr.Damaged {
			t.Errorf("%s: kind %v (%v), want damaged", name, k, err)
		}
	}
}

func TestContextBoundsTheTime(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 5000; i++ {
		b.WriteString(p(fmt.Sprint(i)))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	k, msg := kindOf(t, docxOf(t, b.String()), WithContext(ctx))
	if k != docerr.TooLarge || !strings.Contains(msg, "too long") {
		t.Errorf("kind %v: %s", k, msg)
	}
}

func TestManyCellsAreBounded(t *testing.T) {
	row := tr(strings.Repeat(tc(`<w:gridSpan w:val="63"/>`), 40))
	table := tbl(strings.Repeat(row, 100)) // 252000 grid cells
	k, msg := kindOf(t, docxOf(t, strings.Repeat(table, 15)), WithMaxRatio(0))
	if k != docerr.TooLarge || !strings.Contains(msg, "cells") {
		t.Errorf("kind %v: %s", k, msg)
	}
}

func TestAltChunkSaysHowToConvert(t *testing.T) {
	k, msg := kindOf(t, docxOf(t, `<w:altChunk r:id="htmlChunk" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>`))
	if k != docerr.Unsupported || !strings.Contains(msg, "soffice --headless --convert-to docx") {
		t.Errorf("kind %v: %s", k, msg)
	}
}

func TestDeclaredEncoding(t *testing.T) {
	gbk := []byte("<?xml version=\"1.0\" encoding=\"GB2312\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>\xb1\xa8\xb8\xe6</w:t></w:r></w:p></w:body></w:document>")
	doc, err := Read(archive(t, entry{MainPart, gbk}))
	if err != nil {
		t.Fatal(err)
	}
	expectLines(t, doc, "报告")
}

// TestEntityExpansionIsNotPerformed: a DTD's entities (billion laughs) are
// not expanded; the part is refused as damaged at once.
func TestEntityExpansionIsNotPerformed(t *testing.T) {
	var dtd strings.Builder
	dtd.WriteString(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">`)
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&dtd, `<!ENTITY lol%d "%s">`, i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	dtd.WriteString(`]>`)
	src := archive(t, entry{MainPart, []byte(dtd.String() + strings.TrimPrefix(head, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`) + p("&lol9;") + tail)})
	if k, msg := kindOf(t, src); k != docerr.Damaged {
		t.Errorf("kind %v: %s", k, msg)
	}
}

func TestContentControlPlaceholderIsNotText(t *testing.T) {
	doc := read(t, tbl(tr(tc("", "自然人"),
		`<w:tc><w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc>`,
		`<w:tc><w:p><w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>7</w:t></w:r></w:sdtContent></w:sdt></w:p></w:tc>`)))
	expectLines(t, doc, "0:自然人|1:|2:7")
}

func TestHiddenTextIsNotRead(t *testing.T) {
	doc := read(t, `<w:p><w:r><w:t>予以公开</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏99</w:t></w:r>`+
		`<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>12件</w:t></w:r></w:p>`)
	expectLines(t, doc, "予以公开12件")
}
