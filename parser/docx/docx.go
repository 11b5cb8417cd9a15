// Package docx reads reports published as Word documents (.docx, Office
// Open XML) into the intermediate form: body paragraphs become lines,
// tables become grid rows with merged cells expanded (w:gridSpan,
// w:vMerge), the way parser/html expands colspan and rowspan.
//
// Only the main part, word/document.xml, is read, with a streaming XML
// decoder. Tracked changes are resolved to the final text (insertions
// kept, deletions, moved-away text and deleted table rows dropped), field
// instructions are ignored (their results kept), as are footnotes, hidden
// text (w:vanish) and the placeholder text of empty content controls.
// Text boxes (w:txbxContent) are read where they are anchored, taking one
// branch of every mc:AlternateContent. A table whose cells hold tables is
// a layout table: its cells are read as blocks. A document whose content
// is an embedded HTML or RTF part (w:altChunk) is refused with the command
// that converts it.
//
// The archive is untrusted: the bytes inflated, the compression ratio, the
// number of entries, the XML element depth and the size of expanded tables
// are all bounded, entries are matched by exact name only, and a context
// bounds the time.
package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/govreport/govreport/parser/charset"
	"github.com/govreport/govreport/parser/docerr"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// Default limits. A real report's document.xml is a few hundred
// kilobytes, compressed 5 to 30 times.
const (
	DefaultMaxXMLBytes = 64 << 20  // bytes of document.xml inflated
	DefaultMaxRatio    = 200       // inflated / compressed, beyond ratioFloor
	ratioFloor         = 1 << 20   // small parts may compress better than the ratio
	DefaultMaxDepth    = 256       // XML element nesting
	maxEntries         = 20000     // entries of the archive's central directory
	maxSpan            = 64        // Word tables have at most 63 columns
	maxGridCells       = 200_000   // cells of one expanded table
	maxDocCells        = 2_000_000 // cells of the whole document
	ctxEvery           = 1024      // tokens between two looks at the context
)

// MainPart is the only part of the package that is read.
const MainPart = "word/document.xml"

type config struct {
	ctx      context.Context
	maxBytes int64
	maxRatio int64
	maxDepth int
}

// Option configures Read.
type Option func(*config)

// WithContext bounds the time spent reading: Read returns a TooLarge
// error once ctx is done.
func WithContext(ctx context.Context) Option { return func(c *config) { c.ctx = ctx } }

// WithMaxXMLBytes caps the inflated size of document.xml.
func WithMaxXMLBytes(n int64) Option { return func(c *config) { c.maxBytes = n } }

// WithMaxRatio caps the ratio of inflated to compressed bytes of
// document.xml (checked once more than a megabyte has been inflated).
func WithMaxRatio(n int64) Option { return func(c *config) { c.maxRatio = n } }

// WithMaxDepth caps the nesting depth of XML elements.
func WithMaxDepth(n int) Option { return func(c *config) { c.maxDepth = n } }

// Read parses a .docx file into lines of cells.
func Read(src []byte, opts ...Option) (*layout.Document, error) {
	cfg := config{ctx: context.Background(), maxBytes: DefaultMaxXMLBytes, maxRatio: DefaultMaxRatio, maxDepth: DefaultMaxDepth}
	for _, o := range opts {
		o(&cfg)
	}
	f, err := mainPart(src)
	if err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		if errors.Is(err, zip.ErrAlgorithm) {
			return nil, docerr.Wrap(docerr.Damaged, "a Word document whose main part uses a compression method govreport does not know", err)
		}
		return nil, docerr.Wrap(docerr.Damaged, "a damaged Word document: "+err.Error(), err)
	}
	defer rc.Close()
	compressed := int64(f.CompressedSize64)
	if compressed > int64(len(src)) || compressed < 0 {
		compressed = int64(len(src))
	}
	lr := &limitReader{r: rc, max: cfg.maxBytes, ratio: cfg.maxRatio, compressed: compressed}
	r := &reader{cfg: cfg, doc: &layout.Document{Format: "docx"}}
	r.dec = xml.NewDecoder(lr)
	r.dec.CharsetReader = charsetReader
	err = r.run()
	if err == nil && r.altChunks > 0 && !hasTable(r.doc) {
		return nil, docerr.New(docerr.Unsupported, "a Word document whose content is an embedded HTML or RTF part (w:altChunk) that only Word converts on opening; convert it first with: soffice --headless --convert-to docx FILE")
	}
	if err != nil {
		var de *docerr.Error
		switch {
		case lr.err != nil:
			return nil, lr.err
		case errors.As(err, &de):
			return nil, de
		case errors.Is(err, zip.ErrChecksum):
			return nil, docerr.Wrap(docerr.Damaged, "a damaged Word document: the checksum of word/document.xml does not match", err)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, docerr.Wrap(docerr.Damaged, "a damaged or truncated Word document: word/document.xml ends early", err)
		}
		return nil, docerr.Wrap(docerr.Damaged, "a damaged Word document: word/document.xml is not well-formed XML: "+err.Error(), err)
	}
	return r.doc, nil
}

// charsetReader decodes a main part whose XML declaration names another
// encoding than UTF-8 (UTF-16 is allowed by the standard; Chinese tools
// sometimes write GB2312 or GBK).
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	e, _, ok := charset.Lookup(label)
	if !ok {
		return nil, fmt.Errorf("unknown encoding %q", label)
	}
	return e.NewDecoder().Reader(input), nil
}

func hasTable(doc *layout.Document) bool {
	for _, l := range doc.Lines {
		if l.Table > 0 {
			return true
		}
	}
	return false
}

// mainPart opens the archive and returns its word/document.xml entry.
// Entries are matched by their exact name: other parts, and names that
// try to leave the archive (../, absolute, backslashes), are never read.
func mainPart(src []byte) (*zip.File, error) {
	if n := bytes.Count(src, []byte("PK\x01\x02")); n > maxEntries {
		return nil, docerr.New(docerr.TooLarge, fmt.Sprintf("a ZIP archive with about %d entries, over the limit of %d", n, maxEntries))
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, docerr.Wrap(docerr.Damaged, "a damaged ZIP archive (a Word document cut short?): "+err.Error(), err)
	}
	var found *zip.File
	for _, f := range zr.File {
		if f.Name != MainPart {
			continue
		}
		if found != nil {
			return nil, docerr.New(docerr.Damaged, "a damaged Word document: the archive holds word/document.xml twice")
		}
		found = f
	}
	if found == nil {
		return nil, docerr.New(docerr.Unsupported, "a ZIP archive that is not a Word document (no word/document.xml); unpack it and parse its files, or save the report as .docx or PDF")
	}
	if found.Flags&0x1 != 0 {
		return nil, docerr.New(docerr.Encrypted, "a Word document whose ZIP entries are encrypted; open it with its password and save it again")
	}
	return found, nil
}

// limitReader stops reading once more than max bytes came out of the
// decompressor, or more than ratio times the compressed size (past a
// floor): the header's sizes are never trusted.
type limitReader struct {
	r          io.Reader
	n          int64
	max, ratio int64
	compressed int64
	err        error
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	if int64(len(p)) > l.max-l.n+1 {
		p = p[:l.max-l.n+1]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	switch {
	case l.n > l.max:
		l.err = docerr.New(docerr.TooLarge, fmt.Sprintf("word/document.xml inflates to more than %d bytes (a ZIP bomb?)", l.max))
	case l.ratio > 0 && l.n > ratioFloor && l.n > l.ratio*max(l.compressed, 1):
		l.err = docerr.New(docerr.TooLarge, fmt.Sprintf("word/document.xml inflates more than %d times its compressed size of %d bytes (a ZIP bomb?)", l.ratio, l.compressed))
	}
	if l.err != nil {
		return 0, l.err
	}
	return n, err
}

// Namespaces of WordprocessingML (transitional and strict) and of markup
// compatibility.
const (
	nsW      = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsStrict }

// wname returns the local name of a WordprocessingML element, "mc:"+local
// for markup compatibility, and "" for other vocabularies (drawing, VML),
// which are walked through for the text boxes they hold.
func wname(n xml.Name) string {
	switch {
	case isW(n):
		return n.Local
	case n.Space == nsMC:
		return "mc:" + n.Local
	}
	return ""
}

// attr returns the value of the WordprocessingML attribute local of se.
func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && (isW(a.Name) || a.Name.Space == "") {
			return a.Value, true
		}
	}
	return "", false
}

// reader walks the token stream of document.xml.
type reader struct {
	cfg       config
	dec       *xml.Decoder
	doc       *layout.Document
	depth     int
	tokens    int
	tables    int
	cells     int   // cells emitted so far
	altChunks int   // w:altChunk elements seen
	err       error // set when a budget is exceeded while emitting
}

// next returns the next token, keeping the element depth within bounds
// and looking at the context now and then.
func (r *reader) next() (xml.Token, error) {
	if r.err != nil {
		return nil, r.err
	}
	if r.tokens++; r.tokens%ctxEvery == 0 {
		if err := r.cfg.ctx.Err(); err != nil {
			return nil, docerr.Wrap(docerr.TooLarge, "reading the Word document took too long", err)
		}
	}
	tok, err := r.dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok.(type) {
	case xml.StartElement:
		if r.depth++; r.depth > r.cfg.maxDepth {
			return nil, docerr.New(docerr.Damaged, fmt.Sprintf("word/document.xml nests elements more than %d deep", r.cfg.maxDepth))
		}
	case xml.EndElement:
		r.depth--
	}
	return tok, nil
}

// skip consumes the rest of the element whose start was just read.
func (r *reader) skip() error {
	for d := 1; d > 0; {
		tok, err := r.next()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			d++
		case xml.EndElement:
			d--
		}
	}
	return nil
}

// run reads the whole part: the body's block content goes to the
// document.
func (r *reader) run() error {
	s := &docSink{r: r}
	for {
		tok, err := r.next()
		if err == io.EOF {
			if r.depth != 0 {
				return io.ErrUnexpectedEOF
			}
			return r.err
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := r.element(se, s, nil); err != nil {
				return err
			}
		}
	}
}

// sink receives block content: paragraphs and tables.
type sink interface {
	para(raw string)
	table(t *table)
}

// para is the text of the paragraph being read.
type para struct{ b strings.Builder }

func (p *para) take() string {
	s := p.b.String()
	p.b.Reset()
	return s
}

// children reads the content of the element whose start was just read.
func (r *reader) children(s sink, p *para) error {
	for {
		tok, err := r.next()
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := r.element(t, s, p); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// element reads one element and its content. p is the paragraph being
// read, nil at block level.
func (r *reader) element(se xml.StartElement, s sink, p *para) error {
	switch wname(se.Name) {
	case "p":
		np := &para{}
		if p != nil {
			// A paragraph inside a paragraph (through an unknown
			// wrapper): keep the order of the text.
			s.para(p.take())
		}
		if err := r.children(s, np); err != nil {
			return err
		}
		s.para(np.take())
		return nil
	case "tbl":
		if p != nil {
			s.para(p.take())
		}
		t, err := r.table()
		if err != nil {
			return err
		}
		s.table(t)
		return nil
	case "t":
		return r.text(p)
	case "tab", "ptab":
		if p != nil {
			p.b.WriteByte(' ')
		}
		return r.skip()
	case "br", "cr":
		if p != nil {
			s.para(p.take())
		}
		return r.skip()
	case "noBreakHyphen":
		if p != nil {
			p.b.WriteByte('-')
		}
		return r.skip()
	case "txbxContent":
		// A text box: its paragraphs and tables are block content of
		// their own, read where the box is anchored.
		if p != nil {
			s.para(p.take())
		}
		return r.children(s, nil)
	case "mc:AlternateContent":
		return r.alternate(s, p)
	case "sdt":
		return r.sdt(s, p)
	case "r":
		return r.textRun(s, p)
	case "altChunk":
		// Content imported from another part (HTML, RTF, MHT) that Word
		// converts only when it opens the file.
		r.altChunks++
		return r.skip()
	case "del", "moveFrom", // tracked deletions
		"instrText", "delInstrText", "delText", // field codes, deleted text
		"pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr",
		"rt", // ruby (phonetic guide) text
		"fldData", "customXmlPr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
		"footnoteReference", "endnoteReference", "commentReference", "annotationRef":
		return r.skip()
	}
	return r.children(s, p)
}

// textRun reads a w:r. Text formatted hidden (w:vanish) is not shown by Word
// and is not read.
func (r *reader) textRun(s sink, p *para) error {
	hidden := false
	for {
		tok, err := r.next()
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case wname(t.Name) == "rPr":
				err = r.walk(func(se xml.StartElement) (bool, error) {
					if wname(se.Name) == "vanish" && on(se) {
						hidden = true
					}
					return true, r.skip()
				})
			case hidden:
				err = r.skip()
			default:
				err = r.element(t, s, p)
			}
			if err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// on reads a toggle property: absent w:val, or any value but false.
func on(se xml.StartElement) bool {
	v, ok := attr(se, "val")
	return !ok || (v != "0" && v != "false" && v != "off")
}

// sdt reads a content control. While it is empty Word shows placeholder
// text (单击或点击此处输入文字。) marked w:showingPlcHdr: that is not
// content.
func (r *reader) sdt(s sink, p *para) error {
	placeholder := false
	for {
		tok, err := r.next()
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch wname(t.Name) {
			case "sdtPr":
				err = r.walk(func(se xml.StartElement) (bool, error) {
					if wname(se.Name) == "showingPlcHdr" {
						placeholder = true
					}
					return true, r.skip()
				})
			case "sdtContent":
				if placeholder {
					err = r.skip()
				} else {
					err = r.children(s, p)
				}
			default:
				err = r.skip()
			}
			if err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// text reads the character data of a w:t.
func (r *reader) text(p *para) error {
	for {
		tok, err := r.next()
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if p != nil {
				p.b.Write(t)
			}
		case xml.StartElement:
			if err := r.skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// alternate reads mc:AlternateContent: the first mc:Choice, or the
// mc:Fallback when there is no choice; never both, since they hold the
// same text twice (a text box as DrawingML and as VML).
func (r *reader) alternate(s sink, p *para) error {
	taken := false
	for {
		tok, err := r.next()
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := wname(t.Name)
			if !taken && (name == "mc:Choice" || name == "mc:Fallback") {
				taken = true
				if err := r.children(s, p); err != nil {
					return err
				}
				continue
			}
			if err := r.skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// table is one w:tbl as read: rows of cells with their merge marks.
type table struct {
	rows []*row
}

type row struct {
	before, after int // w:gridBefore, w:gridAfter: grid columns skipped
	deleted       bool
	cells         []*cell
}

type cell struct {
	span   int // w:gridSpan
	vmerge int // 0 none, vRestart, vContinue
	hmerge int // legacy horizontal merge: 0 none, vRestart, vContinue
	text   strings.Builder
	blocks []block // the cell's content in order, for layout tables
	nested bool    // holds a table
}

const (
	vRestart = iota + 1
	vContinue
)

// block is one piece of a cell's content.
type block struct {
	raw string
	tbl *table
}

// cellSink collects a cell's content: paragraphs are joined without a
// separator (a wrapped label 商业 / 企业 is one label), like the HTML
// adapter does with <p> and <br> inside a cell.
type cellSink struct{ c *cell }

func (s cellSink) para(raw string) {
	if raw == "" {
		return
	}
	s.c.text.WriteString(raw)
	s.c.blocks = append(s.c.blocks, block{raw: raw})
}

func (s cellSink) table(t *table) {
	s.c.nested = true
	s.c.blocks = append(s.c.blocks, block{tbl: t})
}

// table reads a w:tbl whose start was just read.
func (r *reader) table() (*table, error) {
	t := &table{}
	err := r.walk(func(se xml.StartElement) (bool, error) {
		switch wname(se.Name) {
		case "tr":
			rw, err := r.row()
			if err != nil {
				return true, err
			}
			if !rw.deleted {
				t.rows = append(t.rows, rw)
			}
			return true, nil
		case "tblPr", "tblGrid", "tblPrEx", "del", "moveFrom":
			return true, r.skip()
		}
		return false, nil // sdt, customXml, ins: look inside for rows
	})
	return t, err
}

// walk calls f on every element of the current element's subtree that
// f's ancestors passed over (f reports whether it consumed the element).
func (r *reader) walk(f func(xml.StartElement) (bool, error)) error {
	for {
		tok, err := r.next()
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			done, err := f(t)
			if err != nil {
				return err
			}
			if !done {
				if err := r.walk(f); err != nil {
					return err
				}
			}
		case xml.EndElement:
			return nil
		}
	}
}

// row reads a w:tr.
func (r *reader) row() (*row, error) {
	rw := &row{}
	err := r.walk(func(se xml.StartElement) (bool, error) {
		switch wname(se.Name) {
		case "trPr":
			return true, r.walk(func(se xml.StartElement) (bool, error) {
				switch wname(se.Name) {
				case "gridBefore":
					rw.before = spanOf(se, 0)
				case "gridAfter":
					rw.after = spanOf(se, 0)
				case "del":
					rw.deleted = true // a row deleted with tracked changes
				}
				return true, r.skip()
			})
		case "tc":
			c, err := r.cell()
			if err != nil {
				return true, err
			}
			rw.cells = append(rw.cells, c)
			return true, nil
		case "tblPrEx", "del", "moveFrom":
			return true, r.skip()
		}
		return false, nil
	})
	return rw, err
}

// cell reads a w:tc.
func (r *reader) cell() (*cell, error) {
	c := &cell{span: 1}
	s := cellSink{c}
	for {
		tok, err := r.next()
		if err != nil {
			if err == io.EOF {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if wname(t.Name) == "tcPr" {
				err = r.walk(func(se xml.StartElement) (bool, error) {
					switch wname(se.Name) {
					case "gridSpan":
						c.span = spanOf(se, 1)
					case "vMerge":
						c.vmerge = mergeOf(se)
					case "hMerge":
						c.hmerge = mergeOf(se)
					}
					return true, r.skip()
				})
			} else {
				err = r.element(t, s, nil)
			}
			if err != nil {
				return nil, err
			}
		case xml.EndElement:
			return c, nil
		}
	}
}

// spanOf reads a w:val count, clamped to the grid's bounds.
func spanOf(se xml.StartElement, def int) int {
	v, ok := attr(se, "val")
	if !ok {
		return def
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < def {
		return def
	}
	return min(n, maxSpan)
}

// mergeOf reads w:vMerge / w:hMerge: "restart" starts a merged region;
// "continue" or no value continues it.
func mergeOf(se xml.StartElement) int {
	if v, _ := attr(se, "val"); v == "restart" {
		return vRestart
	}
	return vContinue
}

// docSink writes block content to the document.
type docSink struct{ r *reader }

func (s *docSink) para(raw string) {
	t := textnorm.Fold(raw)
	if t == "" {
		return
	}
	s.r.add(layout.Line{Cells: []layout.Cell{{Text: t, Raw: strings.TrimSpace(raw), Col: -1}}})
}

func (s *docSink) table(t *table) { s.r.emitTable(t, s) }

func (r *reader) add(l layout.Line) {
	if r.cells += len(l.Cells); r.cells > maxDocCells {
		if r.err == nil {
			r.err = docerr.New(docerr.TooLarge, fmt.Sprintf("the Word document expands to more than %d cells", maxDocCells))
		}
		return
	}
	l.Num = len(r.doc.Lines) + 1
	r.doc.Lines = append(r.doc.Lines, l)
}

// gridCell is one position of the expanded grid.
type gridCell struct {
	text, raw string
	copy, set bool
	// rowCopy marks a vertically merged copy in the cell's first column;
	// origin is the line number where the merged cell is printed.
	rowCopy bool
	origin  int
}

// emitTable writes a table as grid rows. A table whose cells hold other
// tables is a layout table: its cells are read as blocks instead, so the
// tables inside become grids of their own.
func (r *reader) emitTable(t *table, s sink) {
	for _, rw := range t.rows {
		for _, c := range rw.cells {
			if c.nested {
				r.emitLayout(t, s)
				return
			}
		}
	}
	r.tables++
	id := r.tables
	var prev []gridCell // the row above, for vertical merges
	prevNum := 0        // the line number the row above was given
	total := 0
	for _, rw := range t.rows {
		var line []gridCell
		col := rw.before
		for _, c := range rw.cells {
			raw := c.text.String()
			gc := gridCell{text: textnorm.Fold(raw), raw: strings.TrimSpace(raw), set: true}
			switch {
			case c.vmerge == vContinue && col < len(prev) && prev[col].set:
				// Continues the cell above: a spanned copy, like a
				// rowspan. Its own text (Word leaves it empty) is not
				// read.
				gc = prev[col]
				if !gc.rowCopy {
					gc.origin = prevNum
				}
				gc.copy, gc.rowCopy = true, true
			case c.hmerge == vContinue && col > 0 && col-1 < len(line) && line[col-1].set:
				gc = line[col-1]
				gc.copy, gc.rowCopy = true, false
			}
			for dc := 0; dc < c.span; dc++ {
				if total++; total > maxGridCells {
					r.doc.Warnings = append(r.doc.Warnings, layout.Warning{Code: "truncated", Message: "a Word table larger than " + strconv.Itoa(maxGridCells) + " cells was cut"})
					return
				}
				for len(line) <= col+dc {
					line = append(line, gridCell{})
				}
				g := gc
				if dc > 0 {
					g.copy, g.rowCopy = true, false
				}
				line[col+dc] = g
			}
			col += c.span
		}
		l := layout.Line{Table: id}
		for c, gc := range line {
			if gc.set {
				cell := layout.Cell{Text: gc.text, Raw: gc.raw, Col: c, Copy: gc.copy, RowCopy: gc.rowCopy}
				if gc.rowCopy {
					cell.Origin = gc.origin
				}
				l.Cells = append(l.Cells, cell)
			}
		}
		if len(l.Cells) > 0 {
			r.add(l)
			prevNum = len(r.doc.Lines)
		}
		prev = line
	}
}

// emitLayout reads a layout table's cells as blocks, in reading order.
func (r *reader) emitLayout(t *table, s sink) {
	for _, rw := range t.rows {
		for _, c := range rw.cells {
			if c.vmerge == vContinue {
				continue
			}
			for _, b := range c.blocks {
				if b.tbl != nil {
					s.table(b.tbl)
				} else {
					s.para(b.raw)
				}
			}
		}
	}
}
