// Package xlsx writes SpreadsheetML (.xlsx) workbooks: sheets of typed
// cells streamed row by row, a few cell styles, column widths, frozen
// panes, autofilters and cell comments. It writes only; it is small so
// that a program which links it starts fast (excelize's package
// initialisation alone took longer than our whole start-up).
//
// Strings are written inline (t="inlineStr"), so no shared-string table
// is held in memory; each sheet's rows go to a buffer that moves to a
// temporary file once it grows past a megabyte, and the archive is
// assembled by Write.
package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the format (Excel's specification).
const (
	MaxRows      = 1 << 20 // rows per sheet
	MaxCols      = 1 << 14 // columns per sheet
	MaxCellChars = 32767   // UTF-16 units in a cell's text
	maxNameChars = 31      // characters in a sheet name
)

// ErrFull is what AddRow returns (wrapped) when a sheet holds as many
// rows as a sheet may: see Continue.
var ErrFull = errors.New("sheet is full")

// spillAt is the size past which a sheet's rows move from memory to a
// temporary file.
var spillAt = 1 << 20

// Style is a cell format: bold, a font colour (RRGGBB) and a built-in
// number format (numFmtId, e.g. 1 for "0", 10 for "0.00%"). The zero
// Style is the default format.
type Style struct {
	Bold   bool
	Color  string
	NumFmt int
}

// Cell is a value with a style (an id from Workbook.AddStyle). Rows may
// mix Cells and bare values.
type Cell struct {
	Value any
	Style int
}

// Workbook is a workbook being written. Add sheets and styles, write
// rows, then Write it once and Close it.
type Workbook struct {
	sheets   []*Sheet
	styles   []Style
	names    map[string]bool // lower-cased sheet names
	rowLimit int             // rows a sheet may hold: MaxRows but in tests
}

// New returns an empty workbook.
func New() *Workbook {
	return &Workbook{styles: []Style{{}}, names: map[string]bool{}, rowLimit: MaxRows}
}

// SetRowLimit lowers the number of rows a sheet may hold (MaxRows, the
// format's limit, unless set), so that a test reaches it with a few rows.
func (w *Workbook) SetRowLimit(n int) error {
	if n < 1 || n > MaxRows {
		return fmt.Errorf("xlsx: row limit %d (1..%d)", n, MaxRows)
	}
	w.rowLimit = n
	return nil
}

// RowLimit is the number of rows a sheet may hold.
func (w *Workbook) RowLimit() int { return w.rowLimit }

// AddStyle returns the id of style s, to put in Cell.Style.
func (w *Workbook) AddStyle(s Style) (int, error) {
	if s.Color != "" && !isHex(s.Color, 6) {
		return 0, fmt.Errorf("xlsx: colour %q is not RRGGBB", s.Color)
	}
	if s.NumFmt < 0 || s.NumFmt > 163 {
		return 0, fmt.Errorf("xlsx: number format %d is not a built-in one", s.NumFmt)
	}
	s.Color = strings.ToUpper(s.Color)
	for i, t := range w.styles {
		if t == s {
			return i, nil
		}
	}
	w.styles = append(w.styles, s)
	return len(w.styles) - 1, nil
}

// Sheet is one worksheet. Rows are written in order; widths, panes, the
// autofilter and comments may be set at any time before Write.
type Sheet struct {
	wb       *Workbook
	name     string
	widths   []float64 // by column, 0 = default
	xs, ys   int       // frozen columns and rows
	rows     int       // rows written
	cols     int       // widest row
	filter   [4]int    // col1, row1, col2, row2; zero when none
	comments []comment
	refs     map[[2]int]bool // cells with a comment
	data     spill
	line     []byte // the row being built
	// The frozen rows as written, which Continue repeats.
	headXML            []byte
	headRows, headCols int
}

type comment struct {
	col, row     int
	author, text string
}

// CheckSheetName reports whether Excel accepts name as a sheet name.
func CheckSheetName(name string) error {
	switch {
	case name == "":
		return errors.New("xlsx: empty sheet name")
	case utf8.RuneCountInString(name) > maxNameChars:
		return fmt.Errorf("xlsx: sheet name %q is longer than %d characters", name, maxNameChars)
	case strings.ContainsAny(name, `:\/?*[]`):
		return fmt.Errorf("xlsx: sheet name %q contains one of : \\ / ? * [ ]", name)
	case name[0] == '\'' || name[len(name)-1] == '\'':
		return fmt.Errorf("xlsx: sheet name %q begins or ends with an apostrophe", name)
	case strings.EqualFold(name, "History"):
		return errors.New("xlsx: History is a reserved sheet name")
	case !utf8.ValidString(name) || strings.IndexFunc(name, func(r rune) bool { return !xmlChar(r) }) >= 0:
		return fmt.Errorf("xlsx: sheet name %q has characters XML cannot hold", name)
	}
	return nil
}

// AddSheet appends a sheet.
func (w *Workbook) AddSheet(name string) (*Sheet, error) {
	if err := CheckSheetName(name); err != nil {
		return nil, err
	}
	if w.names[strings.ToLower(name)] {
		return nil, fmt.Errorf("xlsx: two sheets named %q", name)
	}
	w.names[strings.ToLower(name)] = true
	s := &Sheet{wb: w, name: name}
	w.sheets = append(w.sheets, s)
	return s, nil
}

// Continue adds a sheet named name right after s, for the rows that no
// longer fit in s (AddRow returned ErrFull): it has s's column widths and
// frozen panes, and s's frozen rows (its header; Freeze must come before
// they are written) are repeated at its top. The autofilter and the
// comments are not copied: they depend on the rows.
func (s *Sheet) Continue(name string) (*Sheet, error) {
	if s.headRows != s.ys {
		return nil, fmt.Errorf("xlsx: sheet %q: its frozen rows were not all written after Freeze", s.name)
	}
	if s.ys >= s.wb.rowLimit {
		return nil, fmt.Errorf("xlsx: sheet %q: its %d header rows leave no room for others", s.name, s.ys)
	}
	t, err := s.wb.AddSheet(name)
	if err != nil {
		return nil, err
	}
	// Move t from the end to just after s.
	sheets := s.wb.sheets
	i := 0
	for sheets[i] != s {
		i++
	}
	copy(sheets[i+2:], sheets[i+1:len(sheets)-1])
	sheets[i+1] = t
	t.widths = append([]float64(nil), s.widths...)
	t.xs, t.ys = s.xs, s.ys
	// The header rows' XML holds their numbers, which stay the same.
	t.headXML = append([]byte(nil), s.headXML...)
	t.headRows, t.headCols = s.headRows, s.headCols
	t.rows, t.cols = s.headRows, s.headCols
	if err := t.data.write(t.headXML); err != nil {
		return nil, err
	}
	return t, nil
}

// Name is the sheet's name.
func (s *Sheet) Name() string { return s.name }

// Rows is the number of rows written so far.
func (s *Sheet) Rows() int { return s.rows }

// SetColWidth sets the width (in characters) of columns first..last
// (1-based).
func (s *Sheet) SetColWidth(first, last int, width float64) error {
	if first < 1 || last < first || last > MaxCols {
		return fmt.Errorf("xlsx: columns %d..%d", first, last)
	}
	if width <= 0 || width > 255 || math.IsNaN(width) {
		return fmt.Errorf("xlsx: column width %v", width)
	}
	for len(s.widths) < last {
		s.widths = append(s.widths, 0)
	}
	for c := first; c <= last; c++ {
		s.widths[c-1] = width
	}
	return nil
}

// Freeze keeps the first cols columns and rows rows in view.
func (s *Sheet) Freeze(cols, rows int) error {
	if cols < 0 || rows < 0 || cols >= MaxCols || rows >= MaxRows {
		return fmt.Errorf("xlsx: freeze %d columns, %d rows", cols, rows)
	}
	s.xs, s.ys = cols, rows
	return nil
}

// AutoFilter puts filter buttons on row row1 over columns col1..col2 and
// filters rows row1+1..row2.
func (s *Sheet) AutoFilter(col1, row1, col2, row2 int) error {
	if col1 < 1 || row1 < 1 || col2 < col1 || row2 < row1 || col2 > MaxCols || row2 > MaxRows {
		return fmt.Errorf("xlsx: autofilter %d,%d:%d,%d", col1, row1, col2, row2)
	}
	s.filter = [4]int{col1, row1, col2, row2}
	return nil
}

// Comment attaches a note by author to the cell at col, row (1-based).
func (s *Sheet) Comment(col, row int, author, text string) error {
	if col < 1 || row < 1 || col > MaxCols || row > MaxRows {
		return fmt.Errorf("xlsx: comment on column %d, row %d", col, row)
	}
	if s.refs == nil {
		s.refs = map[[2]int]bool{}
	}
	if s.refs[[2]int{col, row}] {
		return fmt.Errorf("xlsx: two comments on %s", CellName(col, row))
	}
	s.refs[[2]int{col, row}] = true
	s.comments = append(s.comments, comment{col, row, author, text})
	return nil
}

// AddRow writes the next row. Values may be nil (an empty cell), string,
// bool, any integer type, float32 or float64, or a Cell; other values are
// written as text (fmt.Sprint). Integers are written exactly, floats in
// their shortest form that reads back as the same float64; NaN and
// infinities, which a spreadsheet cannot hold as numbers, as text.
func (s *Sheet) AddRow(vals ...any) error {
	if s.rows >= s.wb.rowLimit {
		return fmt.Errorf("xlsx: sheet %q: %w (%d rows)", s.name, ErrFull, s.wb.rowLimit)
	}
	if len(vals) > MaxCols {
		return fmt.Errorf("xlsx: row of %d cells", len(vals))
	}
	s.rows++
	s.cols = max(s.cols, len(vals))
	b := append(s.line[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(s.rows), 10)
	b = append(b, `">`...)
	for i, v := range vals {
		style := 0
		if c, ok := v.(Cell); ok {
			v, style = c.Value, c.Style
		}
		if v == nil && style == 0 {
			continue
		}
		b = append(b, `<c r="`...)
		b = appendCol(b, i+1)
		b = strconv.AppendInt(b, int64(s.rows), 10)
		b = append(b, '"')
		if style != 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(style), 10)
			b = append(b, '"')
		}
		b = appendValue(b, v)
	}
	b = append(b, `</row>`...)
	s.line = b
	if s.rows <= s.ys {
		s.headXML = append(s.headXML, b...)
		s.headRows, s.headCols = s.rows, max(s.headCols, len(vals))
	}
	return s.data.write(b)
}

// appendValue appends the rest of a <c> element after its attributes.
func appendValue(b []byte, v any) []byte {
	var n int64
	switch v := v.(type) {
	case nil:
		return append(b, `/>`...)
	case string:
		return appendInline(b, v)
	case bool:
		if v {
			return append(b, ` t="b"><v>1</v></c>`...)
		}
		return append(b, ` t="b"><v>0</v></c>`...)
	case float64:
		return appendFloat(b, v)
	case float32:
		return appendFloat(b, float64(v))
	case int:
		n = int64(v)
	case int8:
		n = int64(v)
	case int16:
		n = int64(v)
	case int32:
		n = int64(v)
	case int64:
		n = v
	case uint8:
		n = int64(v)
	case uint16:
		n = int64(v)
	case uint32:
		n = int64(v)
	case uint:
		b = append(b, `><v>`...)
		b = strconv.AppendUint(b, uint64(v), 10)
		return append(b, `</v></c>`...)
	case uint64:
		b = append(b, `><v>`...)
		b = strconv.AppendUint(b, v, 10)
		return append(b, `</v></c>`...)
	default:
		return appendInline(b, fmt.Sprint(v))
	}
	b = append(b, `><v>`...)
	b = strconv.AppendInt(b, n, 10)
	return append(b, `</v></c>`...)
}

func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return appendInline(b, strconv.FormatFloat(f, 'g', -1, 64))
	}
	b = append(b, `><v>`...)
	b = AppendNumber(b, f)
	return append(b, `</v></c>`...)
}

// AppendNumber appends f in the shortest form that parses back to f:
// plain decimals for ordinary magnitudes, an exponent for the others.
func AppendNumber(b []byte, f float64) []byte {
	if a := math.Abs(f); a == 0 || a >= 1e-6 && a < 1e21 {
		return strconv.AppendFloat(b, f, 'f', -1, 64)
	}
	return strconv.AppendFloat(b, f, 'E', -1, 64)
}

func appendInline(b []byte, s string) []byte {
	b = append(b, ` t="inlineStr"><is><t`...)
	if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = AppendText(b, s)
	return append(b, `</t></is></c>`...)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// AppendText appends s as XML character data for a spreadsheet string
// (ST_Xstring): cut to MaxCellChars UTF-16 units; & < > escaped, and "
// so the result also fits an attribute; a carriage return as a
// reference so XML readers keep it; characters XML 1.0 cannot carry
// (controls other than tab and newline, U+FFFE/U+FFFF) and invalid UTF-8
// replaced by U+FFFD, as encoding/xml does; and a literal _xHHHH_, which
// spreadsheet readers decode as an escaped character, kept literal by
// escaping its underscore as _x005F_.
func AppendText(b []byte, s string) []byte {
	units := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if units++; units > MaxCellChars {
				break
			}
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c == '"':
				b = append(b, "&quot;"...)
			case c == '\r':
				b = append(b, "&#xD;"...)
			case c == '\t' || c == '\n':
				b = append(b, c)
			case c < 0x20:
				b = append(b, "\uFFFD"...)
			case c == '_' && escapedChar(s[i:]):
				b = append(b, "_x005F"...)
				b = append(b, c)
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		u := 1
		if r > 0xFFFF {
			u = 2
		}
		if units += u; units > MaxCellChars {
			break
		}
		if r == utf8.RuneError && n == 1 || !xmlChar(r) {
			b = append(b, "\uFFFD"...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

// escapedChar reports whether s begins with _xHHHH_.
func escapedChar(s string) bool {
	return len(s) >= 7 && s[1] == 'x' && s[6] == '_' && isHex(s[2:6], 4)
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// xmlChar reports whether XML 1.0 can carry r.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func appendCol(b []byte, col int) []byte {
	var tmp [4]byte
	i := len(tmp)
	for col > 0 {
		col--
		i--
		tmp[i] = byte('A' + col%26)
		col /= 26
	}
	return append(b, tmp[i:]...)
}

// ColumnName is the letters of column col (1-based): 1 is A, 27 is AA.
func ColumnName(col int) string { return string(appendCol(nil, col)) }

// CellName is the A1 reference of column col, row row (1-based).
func CellName(col, row int) string {
	return string(strconv.AppendInt(appendCol(nil, col), int64(row), 10))
}

// spill holds a sheet's rows deflated. Rows gather in raw; every chunk
// goes to a goroutine of the sheet's that deflates it (BestSpeed) into
// memory, then into a temporary file once the deflated rows pass spillAt
// bytes. Deflating off the caller's goroutine keeps the writer of a
// convert (which calls AddRow between reports) from waiting on it, and
// Write only copies the deflated rows. The chunks are cut at row ends
// past a fixed size and flate's output does not depend on how its input
// is cut, so equal rows give equal bytes.
type spill struct {
	raw  []byte
	ch   chan []byte // chunks to deflate; nil until the first
	free chan []byte // chunks deflated, for reuse
	done chan error

	// Owned by the goroutine until done is received.
	fw   *flate.Writer
	crc  uint32 // of the rows
	n    int64  // bytes of rows
	mem  bytes.Buffer
	f    *os.File
	bw   *bufio.Writer
	size int64 // deflated bytes
	err  error
}

// chunkAt is the size of the rows handed to the goroutine at a time.
var chunkAt = 256 << 10

func (p *spill) write(b []byte) error {
	p.raw = append(p.raw, b...)
	if len(p.raw) < chunkAt {
		return nil
	}
	if p.ch == nil {
		p.ch, p.free, p.done = make(chan []byte, 1), make(chan []byte, 3), make(chan error, 1)
		go p.deflate()
	}
	p.ch <- p.raw
	select {
	case c := <-p.free:
		p.raw = c[:0]
	default:
		p.raw = make([]byte, 0, chunkAt+chunkAt/4)
	}
	return nil
}

func (p *spill) deflate() {
	p.fw, _ = flate.NewWriter(p, deflateLevel) // the level is valid
	for c := range p.ch {
		p.crc = crc32.Update(p.crc, crc32.IEEETable, c)
		p.n += int64(len(c))
		p.fw.Write(c) // errors are kept in p.err by p.Write
		select {
		case p.free <- c:
		default:
		}
	}
	p.done <- nil
}

// Write takes deflated bytes (from p.fw).
func (p *spill) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	p.size += int64(len(b))
	if p.bw != nil {
		_, p.err = p.bw.Write(b)
		return len(b), p.err
	}
	p.mem.Write(b)
	if p.mem.Len() < spillAt {
		return len(b), nil
	}
	f, err := os.CreateTemp("", "xlsx-sheet-*")
	if err != nil {
		p.err = err
		return 0, err
	}
	p.f, p.bw = f, bufio.NewWriterSize(f, 256<<10)
	_, p.err = p.bw.Write(p.mem.Bytes())
	p.mem = bytes.Buffer{}
	return len(b), p.err
}

// finish deflates the rows left and ends the deflated rows with a sync
// flush (no final block), so that the sheet's tail can follow them.
func (p *spill) finish() error {
	if p.ch == nil {
		p.ch, p.free, p.done = make(chan []byte, 1), make(chan []byte, 3), make(chan error, 1)
		go p.deflate()
	}
	if len(p.raw) > 0 {
		p.ch <- p.raw
	}
	p.raw = nil
	close(p.ch)
	<-p.done
	p.ch = nil
	if p.err == nil {
		p.fw.Flush()
	}
	return p.err
}

func (p *spill) copyTo(w io.Writer) error {
	if p.bw == nil {
		_, err := w.Write(p.mem.Bytes())
		return err
	}
	if err := p.bw.Flush(); err != nil {
		return err
	}
	if _, err := p.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, p.f)
	return err
}

func (p *spill) close() {
	if p.ch != nil {
		close(p.ch)
		<-p.done
		p.ch = nil
	}
	if p.f != nil {
		p.f.Close()
		os.Remove(p.f.Name())
		p.f, p.bw = nil, nil
	}
	p.mem, p.raw = bytes.Buffer{}, nil
}

// crc32Combine is the CRC-32 (IEEE) of A followed by B, given A's, B's
// and B's length: a part's rows are checksummed before the head that
// precedes them is known. The register's step is affine in the state and
// the data together, so crc(A‖B) = crc continued from A over len(B) zero
// bytes, xor crc(B), xor the crc of len(B) zero bytes alone. Running over
// zeros costs a pass at crc32's speed (GB/s), once per sheet.
func crc32Combine(crc1, crc2 uint32, len2 int64) uint32 {
	var zeros [32 << 10]byte
	shifted, alone := crc1, uint32(0)
	for n := len2; n > 0; {
		k := min(n, int64(len(zeros)))
		shifted = crc32.Update(shifted, crc32.IEEETable, zeros[:k])
		alone = crc32.Update(alone, crc32.IEEETable, zeros[:k])
		n -= k
	}
	return shifted ^ crc2 ^ alone
}

// Close releases the sheets' temporary files. It may be called more than
// once, and after Write.
func (w *Workbook) Close() error {
	for _, s := range w.sheets {
		s.data.close()
	}
	return nil
}

// deflated returns b deflated by *fw (made on first use), ending in a
// final block if final and else in a sync flush.
func deflated(fw **flate.Writer, b []byte, final bool) []byte {
	var out bytes.Buffer
	if *fw == nil {
		*fw, _ = flate.NewWriter(&out, deflateLevel) // the level is valid
	} else {
		(*fw).Reset(&out)
	}
	(*fw).Write(b) // a bytes.Buffer does not fail
	if final {
		(*fw).Close()
	} else {
		(*fw).Flush()
	}
	return out.Bytes()
}

// deflateLevel is the level of the archive's compression.
var deflateLevel = flate.BestSpeed

// stamp is every part's modification time, so that equal workbooks are
// equal files. (A function: a variable would be set by package
// initialisation in every process.)
func stamp() time.Time { return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) }

// Write writes the workbook as an .xlsx archive to out.
func (w *Workbook) Write(out io.Writer) error {
	if len(w.sheets) == 0 {
		return errors.New("xlsx: a workbook needs a sheet")
	}
	z := zip.NewWriter(out)
	// The default level spent ~40% of a convert workbook's CPU in deflate;
	// BestSpeed costs little size on this repetitive XML. One compressor
	// serves every part (zip closes each part before the next starts).
	var fw *flate.Writer
	z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(w, deflateLevel)
			return fw, err
		}
		fw.Reset(w)
		return fw, nil
	})
	part := func(name string, body ...[]byte) (io.Writer, error) {
		pw, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp()})
		if err != nil {
			return nil, err
		}
		for _, b := range body {
			if _, err := pw.Write(b); err != nil {
				return nil, err
			}
		}
		return pw, nil
	}
	if _, err := part("[Content_Types].xml", w.contentTypes()); err != nil {
		return err
	}
	if _, err := part("_rels/.rels", []byte(xmlHead+`<Relationships xmlns="`+nsPkgRels+`">`+
		`<Relationship Id="rId1" Type="`+nsDocRels+`/officeDocument" Target="xl/workbook.xml"/>`+
		`</Relationships>`)); err != nil {
		return err
	}
	if _, err := part("xl/workbook.xml", w.workbookXML()); err != nil {
		return err
	}
	if _, err := part("xl/_rels/workbook.xml.rels", w.workbookRels()); err != nil {
		return err
	}
	if _, err := part("xl/styles.xml", w.stylesXML()); err != nil {
		return err
	}
	nc := 0              // sheets with comments so far
	var hw *flate.Writer // deflates sheets' heads and tails (fw may still be on a part)
	for i, s := range w.sheets {
		n := strconv.Itoa(i + 1)
		if err := s.data.finish(); err != nil {
			return err
		}
		// The part is the deflated head (sync-flushed), the rows deflated
		// already (sync-flushed) and the deflated tail (final block).
		head, tail := s.head(i == 0), s.tail()
		hz, tz := deflated(&hw, head, false), deflated(&hw, tail, true)
		crc := crc32Combine(crc32.ChecksumIEEE(head), s.data.crc, s.data.n)
		crc = crc32Combine(crc, crc32.ChecksumIEEE(tail), int64(len(tail)))
		pw, err := z.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet" + n + ".xml", Method: zip.Deflate, Modified: stamp(),
			CRC32: crc, CompressedSize64: uint64(len(hz)) + uint64(s.data.size) + uint64(len(tz)),
			UncompressedSize64: uint64(len(head)) + uint64(s.data.n) + uint64(len(tail))})
		if err != nil {
			return err
		}
		if _, err := pw.Write(hz); err != nil {
			return err
		}
		if err := s.data.copyTo(pw); err != nil {
			return err
		}
		if _, err := pw.Write(tz); err != nil {
			return err
		}
		if len(s.comments) == 0 {
			continue
		}
		nc++
		k := strconv.Itoa(nc)
		if _, err := part("xl/worksheets/_rels/sheet"+n+".xml.rels", []byte(xmlHead+`<Relationships xmlns="`+nsPkgRels+`">`+
			`<Relationship Id="rId1" Type="`+nsDocRels+`/comments" Target="../comments`+k+`.xml"/>`+
			`<Relationship Id="rId2" Type="`+nsDocRels+`/vmlDrawing" Target="../drawings/vmlDrawing`+k+`.vml"/>`+
			`</Relationships>`)); err != nil {
			return err
		}
		if _, err := part("xl/comments"+k+".xml", s.commentsXML()); err != nil {
			return err
		}
		if _, err := part("xl/drawings/vmlDrawing"+k+".vml", s.vml(nc)); err != nil {
			return err
		}
	}
	return z.Close()
}

const (
	xmlHead   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsDocRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	ctPrefix  = "application/vnd.openxmlformats-officedocument.spreadsheetml."
)

func attr(s string) string { return string(AppendText(nil, s)) }

func (w *Workbook) contentTypes() []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	nc := 0
	for _, s := range w.sheets {
		if len(s.comments) > 0 {
			nc++
		}
	}
	if nc > 0 {
		b.WriteString(`<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`)
	}
	b.WriteString(`<Override PartName="/xl/workbook.xml" ContentType="` + ctPrefix + `sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + ctPrefix + `styles+xml"/>`)
	for i := range w.sheets {
		b.WriteString(`<Override PartName="/xl/worksheets/sheet` + strconv.Itoa(i+1) + `.xml" ContentType="` + ctPrefix + `worksheet+xml"/>`)
	}
	for k := 1; k <= nc; k++ {
		b.WriteString(`<Override PartName="/xl/comments` + strconv.Itoa(k) + `.xml" ContentType="` + ctPrefix + `comments+xml"/>`)
	}
	b.WriteString(`</Types>`)
	return []byte(b.String())
}

func (w *Workbook) workbookXML() []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsDocRels + `">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range w.sheets {
		n := strconv.Itoa(i + 1)
		b.WriteString(`<sheet name="` + attr(s.name) + `" sheetId="` + n + `" r:id="rId` + n + `"/>`)
	}
	b.WriteString(`</sheets>`)
	// Excel keeps an autofilter's range in this hidden name too.
	var names strings.Builder
	for i, s := range w.sheets {
		if f := s.filter; f[0] > 0 {
			names.WriteString(`<definedName name="_xlnm._FilterDatabase" localSheetId="` + strconv.Itoa(i) + `" hidden="1">` +
				attr(`'`+strings.ReplaceAll(s.name, `'`, `''`)+`'!`+absRef(f[0], f[1])+`:`+absRef(f[2], f[3])) + `</definedName>`)
		}
	}
	if names.Len() > 0 {
		b.WriteString(`<definedNames>` + names.String() + `</definedNames>`)
	}
	b.WriteString(`</workbook>`)
	return []byte(b.String())
}

func absRef(col, row int) string { return "$" + ColumnName(col) + "$" + strconv.Itoa(row) }

func (w *Workbook) workbookRels() []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="` + nsPkgRels + `">`)
	for i := range w.sheets {
		n := strconv.Itoa(i + 1)
		b.WriteString(`<Relationship Id="rId` + n + `" Type="` + nsDocRels + `/worksheet" Target="worksheets/sheet` + n + `.xml"/>`)
	}
	b.WriteString(`<Relationship Id="rId` + strconv.Itoa(len(w.sheets)+1) + `" Type="` + nsDocRels + `/styles" Target="styles.xml"/>`)
	b.WriteString(`</Relationships>`)
	return []byte(b.String())
}

func (w *Workbook) stylesXML() []byte {
	type font struct {
		bold  bool
		color string
	}
	fonts := []font{{}}
	fontID := func(f font) int {
		for i, g := range fonts {
			if g == f {
				return i
			}
		}
		fonts = append(fonts, f)
		return len(fonts) - 1
	}
	var xfs strings.Builder
	for _, s := range w.styles {
		fid := fontID(font{s.Bold, s.Color})
		xfs.WriteString(`<xf numFmtId="` + strconv.Itoa(s.NumFmt) + `" fontId="` + strconv.Itoa(fid) + `" fillId="0" borderId="0" xfId="0"`)
		if fid != 0 {
			xfs.WriteString(` applyFont="1"`)
		}
		if s.NumFmt != 0 {
			xfs.WriteString(` applyNumberFormat="1"`)
		}
		xfs.WriteString(`/>`)
	}
	var b strings.Builder
	b.WriteString(xmlHead + `<styleSheet xmlns="` + nsMain + `"><fonts count="` + strconv.Itoa(len(fonts)) + `">`)
	for _, f := range fonts {
		b.WriteString(`<font>`)
		if f.bold {
			b.WriteString(`<b/>`)
		}
		b.WriteString(`<sz val="11"/>`)
		if f.color != "" {
			b.WriteString(`<color rgb="FF` + f.color + `"/>`)
		}
		b.WriteString(`<name val="Calibri"/><family val="2"/></font>`)
	}
	b.WriteString(`</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="` + strconv.Itoa(len(w.styles)) + `">` + xfs.String() + `</cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`)
	return []byte(b.String())
}

// head is the worksheet's XML before its rows.
func (s *Sheet) head(selected bool) []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsDocRels + `">`)
	if s.rows > 0 && s.cols > 0 {
		b.WriteString(`<dimension ref="A1:` + CellName(s.cols, s.rows) + `"/>`)
	}
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if selected {
		b.WriteString(` tabSelected="1"`)
	}
	b.WriteString(`>`)
	if s.xs > 0 || s.ys > 0 {
		pane := "bottomRight"
		switch {
		case s.xs == 0:
			pane = "bottomLeft"
		case s.ys == 0:
			pane = "topRight"
		}
		top := CellName(s.xs+1, s.ys+1)
		b.WriteString(`<pane`)
		if s.xs > 0 {
			b.WriteString(` xSplit="` + strconv.Itoa(s.xs) + `"`)
		}
		if s.ys > 0 {
			b.WriteString(` ySplit="` + strconv.Itoa(s.ys) + `"`)
		}
		b.WriteString(` topLeftCell="` + top + `" activePane="` + pane + `" state="frozen"/>` +
			`<selection pane="` + pane + `" activeCell="` + top + `" sqref="` + top + `"/>`)
	}
	b.WriteString(`</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	var cols strings.Builder
	for c := 0; c < len(s.widths); {
		e := c
		for e+1 < len(s.widths) && s.widths[e+1] == s.widths[c] {
			e++
		}
		if s.widths[c] > 0 {
			cols.WriteString(`<col min="` + strconv.Itoa(c+1) + `" max="` + strconv.Itoa(e+1) + `" width="` +
				strconv.FormatFloat(s.widths[c], 'f', -1, 64) + `" customWidth="1"/>`)
		}
		c = e + 1
	}
	if cols.Len() > 0 {
		b.WriteString(`<cols>` + cols.String() + `</cols>`)
	}
	b.WriteString(`<sheetData>`)
	return []byte(b.String())
}

// tail is the worksheet's XML after its rows.
func (s *Sheet) tail() []byte {
	b := `</sheetData>`
	if f := s.filter; f[0] > 0 {
		b += `<autoFilter ref="` + CellName(f[0], f[1]) + `:` + CellName(f[2], f[3]) + `"/>`
	}
	b += `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`
	if len(s.comments) > 0 {
		b += `<legacyDrawing r:id="rId2"/>`
	}
	return []byte(b + `</worksheet>`)
}

func (s *Sheet) commentsXML() []byte {
	var authors []string
	id := map[string]int{}
	for _, c := range s.comments {
		if _, ok := id[c.author]; !ok {
			id[c.author] = len(authors)
			authors = append(authors, c.author)
		}
	}
	b := []byte(xmlHead + `<comments xmlns="` + nsMain + `"><authors>`)
	for _, a := range authors {
		b = append(b, `<author>`...)
		b = AppendText(b, a)
		b = append(b, `</author>`...)
	}
	b = append(b, `</authors><commentList>`...)
	for _, c := range s.comments {
		b = append(b, `<comment ref="`+CellName(c.col, c.row)+`" authorId="`+strconv.Itoa(id[c.author])+`"><text><t xml:space="preserve">`...)
		b = AppendText(b, c.text)
		b = append(b, `</t></text></comment>`...)
	}
	return append(b, `</commentList></comments>`...)
}

// vml is the legacy drawing that holds the comments' boxes: Excel shows
// no comment without it. Shape ids are numbered in blocks of 1024, one
// block per drawing (idmap).
func (s *Sheet) vml(block int) []byte {
	var b strings.Builder
	b.WriteString(`<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
		`<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="` + strconv.Itoa(block) + `"/></o:shapelayout>` +
		`<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
		`<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`)
	for i, c := range s.comments {
		r, col := c.row-1, c.col-1 // zero-based in VML
		top := max(r-1, 0)
		b.WriteString(`<v:shape id="_x0000_s` + strconv.Itoa(block*1024+i+1) + `" type="#_x0000_t202" ` +
			`style="position:absolute;margin-left:60pt;margin-top:2pt;width:160pt;height:60pt;z-index:` + strconv.Itoa(i+1) + `;visibility:hidden" ` +
			`fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>` +
			`<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
			`<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
			fmt.Sprintf(`<x:Anchor>%d, 15, %d, 2, %d, 15, %d, 16</x:Anchor>`, col+1, top, col+4, top+4) +
			`<x:AutoFill>False</x:AutoFill><x:Row>` + strconv.Itoa(r) + `</x:Row><x:Column>` + strconv.Itoa(col) + `</x:Column></x:ClientData></v:shape>`)
	}
	b.WriteString(`</xml>`)
	return []byte(b.String())
}
