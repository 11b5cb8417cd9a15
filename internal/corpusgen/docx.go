package corpusgen

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"time"
)

// DOCX marks a generated Word document: zipped UTF-8 XML.
const DOCX Encoding = "docx"

// DOCXOptions tune a generated Word document.
type DOCXOptions struct {
	// SplitRuns writes text in several runs the way Word does after
	// edits: numbers cut inside (1 | 2 reads 12), labels cut mid-word.
	SplitRuns bool
	// Tracked writes the document with tracked changes: some numbers as
	// an old value in w:del followed by the new one in w:ins, a deleted
	// duplicate 总计 row (w:trPr/w:del) and a deleted sentence.
	Tracked bool
	// TextBox puts this table (Table.Name: "三" or "四") inside a text
	// box, written as Word does: DrawingML in mc:Choice and the same box
	// as VML in mc:Fallback.
	TextBox string
	// Fields adds a NUMPAGES field (instruction text plus result) and a
	// footnote to the prose.
	Fields bool
	// SplitTable writes table 三 as two Word tables with a page break
	// between them, cut where Style.SplitResults prints
	// 三、本年度办理结果 a second time (a table the author split by hand).
	SplitTable bool
	// BreakLines writes the lines of a broken cell with w:br in one
	// paragraph instead of one paragraph per line.
	BreakLines bool
}

// docxTime is the fixed timestamp of every archive entry and revision, so
// that the output is the same on every run.
var docxTime = time.Date(2024, 1, 22, 9, 0, 0, 0, time.UTC)

const docxNS = `xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:o="urn:schemas-microsoft-com:office:office" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`mc:Ignorable="w14 wps"`

// xesc escapes text for XML character data.
func xesc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// docxWriter builds word/document.xml.
type docxWriter struct {
	b     strings.Builder
	o     DOCXOptions
	seq   int // value cells written, to vary how they are written
	revID int
}

const (
	rprBody  = `<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>`
	rprHead  = `<w:rPr><w:rFonts w:ascii="黑体" w:eastAsia="黑体" w:hAnsi="黑体"/><w:sz w:val="32"/></w:rPr>`
	rprTitle = `<w:rPr><w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体"/><w:b/><w:sz w:val="44"/></w:rPr>`
	rprCell  = `<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="21"/></w:rPr>`
)

// run writes one run of text.
func (w *docxWriter) run(rpr, text string) {
	if text == "" {
		return
	}
	fmt.Fprintf(&w.b, `<w:r w:rsidRPr="00%06X">%s<w:t xml:space="preserve">%s</w:t></w:r>`, w.seq%0xffffff, rpr, xesc(text))
}

// runs writes text, cut into several runs with SplitRuns: a number after
// its first character (1 | 2), other text in the middle of a word.
func (w *docxWriter) runs(rpr, text string) {
	r := []rune(text)
	if !w.o.SplitRuns || len(r) < 2 {
		w.run(rpr, text)
		return
	}
	cut := len(r) / 2
	if isDigit(r[0]) || r[0] == '-' || r[0] == '+' {
		cut = 1
	}
	w.run(rpr, string(r[:cut]))
	w.run(strings.Replace(rpr, "<w:rPr>", `<w:rPr><w:lang w:val="en-US"/>`, 1), string(r[cut:]))
}

func (w *docxWriter) rev(kind string) string {
	w.revID++
	return fmt.Sprintf(`<w:%s w:id="%d" w:author="政务公开科" w:date="%s">`, kind, w.revID, docxTime.Format(time.RFC3339))
}

// deleted writes text as a tracked deletion.
func (w *docxWriter) deleted(rpr, text string) {
	w.b.WriteString(w.rev("del"))
	fmt.Fprintf(&w.b, `<w:r>%s<w:delText xml:space="preserve">%s</w:delText></w:r></w:del>`, rpr, xesc(text))
}

// inserted writes text as a tracked insertion.
func (w *docxWriter) inserted(rpr, text string) {
	w.b.WriteString(w.rev("ins"))
	w.runs(rpr, text)
	w.b.WriteString(`</w:ins>`)
}

func (w *docxWriter) para(ppr, rpr, text string) {
	w.b.WriteString(`<w:p><w:pPr>` + ppr + `</w:pPr>`)
	w.runs(rpr, text)
	w.b.WriteString(`</w:p>`)
}

func (w *docxWriter) body(text string) {
	w.para(`<w:ind w:firstLineChars="200" w:firstLine="640"/>`, rprBody, text)
}

// oldValue is a value a tracked change replaced: never the value itself.
func oldValue(s string) string {
	if s == "" || s == "0" {
		return "1"
	}
	return "9" + s
}

// cellContent writes the paragraphs of a table cell.
func (w *docxWriter) cellContent(c *Cell) {
	jc := "center"
	if c.Kind == kindLabel {
		jc = "left"
	}
	ppr := `<w:pPr><w:spacing w:line="300" w:lineRule="exact"/><w:jc w:val="` + jc + `"/></w:pPr>`
	if c.Kind == kindValue {
		w.b.WriteString(`<w:p>` + ppr)
		text := c.Text()
		if w.o.Tracked && w.seq%6 == 2 {
			w.deleted(rprCell, oldValue(text))
			w.inserted(rprCell, text)
		} else {
			w.runs(rprCell, text)
		}
		w.seq++
		w.b.WriteString(`</w:p>`)
		return
	}
	if len(c.Lines) == 0 {
		w.b.WriteString(`<w:p>` + ppr + `</w:p>`)
		return
	}
	if w.o.BreakLines {
		w.b.WriteString(`<w:p>` + ppr)
		for i, l := range c.Lines {
			if i > 0 {
				w.b.WriteString(`<w:r><w:br/></w:r>`)
			}
			w.runs(rprCell, l)
		}
		w.b.WriteString(`</w:p>`)
		return
	}
	for _, l := range c.Lines {
		w.b.WriteString(`<w:p>` + ppr)
		w.runs(rprCell, l)
		w.b.WriteString(`</w:p>`)
	}
}

// table writes t with its spans as w:gridSpan and w:vMerge: a cell that
// spans rows is written in each of them, as restart then continue.
func (w *docxWriter) table(t *Table) {
	grid := t.Grid()
	colW := 8300 / t.Cols
	open := func() {
		w.b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(&w.b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="auto"/>`, side)
		}
		w.b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>`)
		for c := 0; c < t.Cols; c++ {
			fmt.Fprintf(&w.b, `<w:gridCol w:w="%d"/>`, colW)
		}
		w.b.WriteString(`</w:tblGrid>`)
	}
	open()
	results := false // the label 三、本年度办理结果 was written
	for r, row := range grid {
		if row[0].origin && row[0].cell.Text() == "三、本年度办理结果" {
			if results && w.o.SplitTable && t.Name == "三" {
				w.b.WriteString(`</w:tbl><w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
				open()
			}
			results = true
		}
		w.b.WriteString(`<w:tr><w:trPr><w:trHeight w:val="400"/><w:jc w:val="center"/></w:trPr>`)
		for c := 0; c < len(row); {
			s := row[c]
			cell := s.cell
			first := r == 0 || grid[r-1][c].cell != cell
			fmt.Fprintf(&w.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, colW*cell.ColSpan)
			if cell.ColSpan > 1 {
				fmt.Fprintf(&w.b, `<w:gridSpan w:val="%d"/>`, cell.ColSpan)
			}
			switch {
			case cell.RowSpan > 1 && first:
				w.b.WriteString(`<w:vMerge w:val="restart"/>`)
			case !first:
				w.b.WriteString(`<w:vMerge/>`)
			}
			w.b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
			if first {
				w.cellContent(cell)
			} else {
				w.b.WriteString(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>`)
			}
			w.b.WriteString(`</w:tc>`)
			c += cell.ColSpan
		}
		w.b.WriteString(`</w:tr>`)
		if w.o.Tracked && t.Name == "三" && r == len(grid)-2 {
			w.deletedRow(row)
		}
	}
	w.b.WriteString(`</w:tbl>`)
}

// deletedRow writes a tracked-deleted copy of a row of table 三 with other
// numbers: a duplicate 总计 row the author removed.
func (w *docxWriter) deletedRow(row []slot) {
	w.b.WriteString(`<w:tr><w:trPr><w:trHeight w:val="400"/>` + strings.TrimSuffix(w.rev("del"), ">") + `/></w:trPr>`)
	for c := 0; c < len(row); {
		cell := row[c].cell
		fmt.Fprintf(&w.b, `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>`)
		if cell.ColSpan > 1 {
			fmt.Fprintf(&w.b, `<w:gridSpan w:val="%d"/>`, cell.ColSpan)
		}
		w.b.WriteString(`</w:tcPr><w:p>`)
		text := cell.Text()
		if cell.Kind == kindValue {
			text = oldValue(text)
		}
		if text != "" {
			w.deleted(rprCell, text)
		}
		w.b.WriteString(`</w:p></w:tc>`)
		c += cell.ColSpan
	}
	w.b.WriteString(`</w:tr>`)
}

// textBox writes t inside a floating text box anchored in a paragraph.
func (w *docxWriter) textBox(t *Table) {
	w.revID++
	id := w.revID
	w.b.WriteString(`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>`)
	fmt.Fprintf(&w.b, `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="%d" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>`, id)
	w.b.WriteString(`<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5274310" cy="7000000"/><wp:wrapTopAndBottom/>`)
	fmt.Fprintf(&w.b, `<wp:docPr id="%d" name="文本框 %d"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5274310" cy="7000000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>`, id, id)
	mark := w.b.Len()
	w.table(t)
	w.b.WriteString(`<w:p/>`)
	content := w.b.String()[mark:]
	w.b.WriteString(`</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>`)
	w.b.WriteString(`<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/><v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;width:415.3pt;height:551.2pt"><v:textbox><w:txbxContent>`)
	// The fallback is the same box again: a reader must take one branch.
	w.b.WriteString(content)
	w.b.WriteString(`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`)
}

// docxDocument renders word/document.xml.
func docxDocument(r *Report, st Style, o DOCXOptions) string {
	w := &docxWriter{o: o}
	w.b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	w.b.WriteString(`<w:document ` + docxNS + `><w:body>`)
	w.para(`<w:jc w:val="center"/><w:spacing w:line="560" w:lineRule="exact"/>`, rprTitle, r.Title)
	w.b.WriteString(`<w:p/>`)
	// The field and the deleted sentence go into the first paragraph of
	// 一、总体情况, whose text the output keeps.
	fieldDone, footnoteDone, delDone, inOverview := false, false, false, false
	for _, bl := range blocks(r, st) {
		switch {
		case bl.table != nil:
			if o.TextBox == bl.table.Name {
				w.textBox(bl.table)
			} else {
				w.table(bl.table)
			}
		case bl.heading:
			inOverview = bl.text == r.Heading(0)
			w.b.WriteString(`<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/></w:pPr>`)
			w.runs(rprHead, bl.text)
			if o.Fields && !footnoteDone && bl.text == r.Heading(2) {
				footnoteDone = true
				w.b.WriteString(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`)
			}
			w.b.WriteString(`</w:p>`)
		default:
			w.b.WriteString(`<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>`)
			w.runs(rprBody, bl.text)
			if o.Tracked && !delDone && inOverview {
				delDone = true
				w.deleted(rprBody, "（此句删除：本年度共收到申请99件。）")
			}
			if o.Fields && !fieldDone && inOverview {
				fieldDone = true
				w.run(rprBody, "（全文共")
				w.b.WriteString(`<w:r>` + rprBody + `<w:fldChar w:fldCharType="begin"/></w:r><w:r>` + rprBody + `<w:instrText xml:space="preserve"> NUMPAGES  \* Arabic  \* MERGEFORMAT 1234 </w:instrText></w:r><w:r>` + rprBody + `<w:fldChar w:fldCharType="separate"/></w:r>`)
				w.run(rprBody, "6")
				w.b.WriteString(`<w:r>` + rprBody + `<w:fldChar w:fldCharType="end"/></w:r>`)
				w.run(rprBody, "页）")
			}
			w.b.WriteString(`</w:p>`)
		}
	}
	w.b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr></w:body></w:document>`)
	return w.b.String()
}

// docxPart is one part of the package.
type docxPart struct{ name, data string }

// RenderDOCX renders r as a Word document (.docx), written with fixed
// timestamps so that it is the same on every run.
func RenderDOCX(r *Report, st Style, o DOCXOptions) ([]byte, error) {
	contentTypes := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
	docRels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`
	styles := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>`
	settings := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`
	if o.Tracked {
		settings += `<w:trackRevisions/>`
	}
	settings += `<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`
	footnotes := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 注：表中数据统计期间为` + fmt.Sprint(r.Year) + `年1月1日至12月31日，共计365天。</w:t></w:r></w:p></w:footnote></w:footnotes>`
	core := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>` + xesc(r.Title) + `</dc:title><dc:creator>` + xesc(ownerOf(r.Agency)) + `</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">` + docxTime.Format(time.RFC3339) + `</dcterms:created></cp:coreProperties>`
	parts := []docxPart{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rels},
		{"word/document.xml", docxDocument(r, st, o)},
		{"word/_rels/document.xml.rels", docRels},
		{"word/styles.xml", styles},
		{"word/settings.xml", settings},
		{"word/footnotes.xml", footnotes},
		{"docProps/core.xml", core},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: docxTime})
		if err != nil {
			return nil, err
		}
		if _, err := f.Write([]byte(p.data)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DOCXDocs returns the generated Word documents of corpus/docx/, named
// gen-*.docx (the lo-*.docx files beside them are made by LibreOffice with
// scripts/docx/make-lo.sh and are not the generator's).
func DOCXDocs() []*Doc {
	sets := map[string]*Report{}
	for _, r := range Sets() {
		sets[r.Slug] = r
	}
	var docs []*Doc
	add := func(name, slug string, st Style, o DOCXOptions, what string) {
		r := sets[slug]
		docs = append(docs, &Doc{Name: name, Exercise: what, Encoding: DOCX, Report: r, Style: st,
			render: func() ([]byte, error) { return RenderDOCX(r, st, o) }})
	}
	add("docx/gen-2021-qinglan-county-2023.docx", "qinglan-county-2023", Style{}, DOCXOptions{SplitRuns: true},
		"Word document: merged cells as w:gridSpan and w:vMerge restart/continue, every run cut in two (numbers inside: 1 | 2 reads 12; labels mid-word), header lines as separate paragraphs in a cell.")
	add("docx/gen-tracked-2021-jianghuai-city-2024.docx", "jianghuai-city-2024", Style{Thousands: true, SplitHeaders: true, WrapLabels: true}, DOCXOptions{Tracked: true, SplitRuns: true, BreakLines: true},
		"Word document with tracked changes: every sixth number an old value in w:del followed by the new one in w:ins, a deleted duplicate 总计 row (w:trPr/w:del) with other numbers, a deleted sentence; thousands separators, cell lines broken by w:br.")
	add("docx/gen-textbox-2019-dongyu-county-2020.docx", "dongyu-county-2020", Style{Plus: true, SplitHeaders: true}, DOCXOptions{TextBox: "三", SplitRuns: true},
		"Word document, 2019 format, table 三 inside a floating text box written twice (DrawingML in mc:Choice, VML in mc:Fallback: one must be read), signed changes.")
	add("docx/gen-hybrid-hebin-district-2023.docx", "hebin-district-2023", Style{Typos: true, Zeros: []string{""}}, DOCXOptions{Fields: true, TextBox: "四"},
		"Word document, HYBRID 2021 table 二 / 2019 table 三, zeros as empty cells, label typos, a NUMPAGES field (instruction text with digits, result 6) and a footnote reference, table 四 in a text box; table 四 totals wrong in the document.")
	add("docx/gen-2021-nanpu-district-2022-bad-sums.docx", "nanpu-district-2022", Style{Enum: "、", SplitResults: true}, DOCXOptions{Tracked: true, Fields: true},
		"Word document, 2021 format, arithmetic wrong on purpose (row total of （一）予以公开, 行政复议 总计), 三、本年度办理结果 merged in two parts, tracked changes and a field.")
	add("docx/gen-split-2021-hailan-zone-2025.docx", "hailan-zone-2025", Style{SplitResults: true, SplitHeaders: true, WrapLabels: true}, DOCXOptions{SplitTable: true, BreakLines: true},
		"Word document, table 三 split by hand into two Word tables with a page break between them (三、本年度办理结果 merged again in the second), split headers and wrapped labels broken by w:br, 6-decimal fee.")
	return docs
}
