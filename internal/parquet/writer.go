// Package parquet writes flat Parquet files: a schema of required or
// optional INT64, DOUBLE and UTF-8 string columns, rows buffered in
// column form and written out as row groups of bounded size, version 1
// data pages with PLAIN values and RLE definition levels, optionally
// gzip-compressed, and the footer in the Thrift compact protocol.
//
// It exists so the command does not link a general Parquet library (and
// its dependencies' start-up cost) for the one output that needs it;
// tests read its files back with parquet-go.
package parquet

import (
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"

	"github.com/govreport/govreport/internal/lazy"
)

// Type is a column's type.
type Type int

const (
	Int64  Type = iota + 1 // INT64, logical type INTEGER(64, signed)
	Double                 // DOUBLE
	String                 // BYTE_ARRAY, logical type STRING (UTF8)
)

// Column is one column of the schema.
type Column struct {
	Name     string
	Type     Type
	Optional bool // nullable; a required column rejects nil
}

// Codec is the compression of the pages.
type Codec int

const (
	Uncompressed Codec = 0
	Gzip         Codec = 2 // the Parquet codec id of GZIP
)

// Options shape the file; the zero value is usable.
type Options struct {
	// Name is the schema's root name (readers rarely show it).
	Name  string
	Codec Codec
	// PageSize is the encoded size at which a column's page is closed
	// (default 1 MiB).
	PageSize int
	// RowGroupSize bounds a row group's uncompressed size (its pages,
	// finished and open): reaching it writes the group out. It bounds
	// the memory held too, and keeps groups small enough for readers
	// that load or parallelise by row group (default 64 MiB).
	RowGroupSize int
}

const (
	defaultPageSize     = 1 << 20
	defaultRowGroupSize = 64 << 20
	createdBy           = "govreport"
	magic               = "PAR1"
)

// Parquet enum values used below (parquet.thrift).
const (
	physInt64     = 2
	physDouble    = 5
	physByteArray = 6

	repRequired = 0
	repOptional = 1

	convUTF8  = 0
	convInt64 = 18

	encPlain = 0
	encRLE   = 3

	pageData = 0
)

// Writer writes one file. Write rows, then Close; nothing of the footer
// exists before Close, so an unclosed file is not a Parquet file.
type Writer struct {
	out      io.Writer
	pos      int64
	err      error
	opt      Options
	cols     []column
	rows     int64 // rows of the open row group
	total    int64 // rows of the file
	buffered int   // uncompressed bytes of the row group: open pages and finished ones
	col      int   // the column the next typed value goes to
	groups   []rowGroup
	hdr      compact
}

type column struct {
	Column
	// The open page: definition levels as RLE runs (the run being
	// counted is run×runLen) and the PLAIN values.
	levels []byte
	run    byte
	runLen int
	values []byte
	rows   int
	size   int // len(values) + len(levels), as counted in Writer.buffered
	page   stats
	// The open row group's column chunk: its closed pages, compressed
	// (or being compressed) off the writer's goroutine and written out,
	// in order, when the group is.
	pages      []*page
	chunkStats stats
	chunkRows  int64
	raw, zip   int64 // sizes of the chunk, headers included
}

// page is a closed page. With gzip, body is filled by a compressing
// goroutine (done is closed then) and starts headroom bytes in, so the
// header can be put in front of it and both written at once; levels and
// values are handed back to the pool. Uncompressed, levels and values
// are the body. The file's bytes depend only on the rows, never on which
// page is compressed first.
type page struct {
	rows           int
	optional       bool
	stats          stats
	rawSize        int
	levels, values []byte
	body           []byte
	done           chan struct{}
}

// headroom is room left before a compressed body for its page header
// (a header is at most ~70 bytes: five varints and two 8-byte bounds).
const headroom = 96

// stats are a page's or chunk's statistics: the null count, and the
// bounds of a numeric column unless it held a NaN (which has no order).
type stats struct {
	nulls      int64
	has, nan   bool
	imin, imax int64
	fmin, fmax float64
}

type chunkMeta struct {
	offset, raw, zip, values int64
	pages                    int
	stats                    stats
}

type rowGroup struct {
	rows, offset, raw, zip int64
	chunks                 []chunkMeta
}

// NewWriter starts a file with the columns given, in order.
func NewWriter(out io.Writer, cols []Column, o Options) (*Writer, error) {
	if o.PageSize <= 0 {
		o.PageSize = defaultPageSize
	}
	if o.RowGroupSize <= 0 {
		o.RowGroupSize = defaultRowGroupSize
	}
	if o.Codec != Uncompressed && o.Codec != Gzip {
		return nil, fmt.Errorf("parquet: unknown codec %d", o.Codec)
	}
	w := &Writer{out: out, opt: o, cols: make([]column, len(cols))}
	seen := map[string]bool{}
	for i, c := range cols {
		if c.Type < Int64 || c.Type > String {
			return nil, fmt.Errorf("parquet: column %q has no type", c.Name)
		}
		if c.Name == "" || seen[c.Name] {
			return nil, fmt.Errorf("parquet: column name %q empty or repeated", c.Name)
		}
		seen[c.Name] = true
		w.cols[i].Column = c
	}
	w.write([]byte(magic))
	return w, w.err
}

func (w *Writer) write(b []byte) {
	if w.err != nil {
		return
	}
	n, err := w.out.Write(b)
	w.pos += int64(n)
	w.err = err
}

// Write adds a row: one value per column, in order; nil (optional columns
// only), int64, float64 or string as the column's type says. A row that
// does not fit the schema is refused and the file stays as it was.
func (w *Writer) Write(row []any) error {
	if w.err != nil {
		return w.err
	}
	if len(row) != len(w.cols) {
		return fmt.Errorf("parquet: a row of %d values for %d columns", len(row), len(w.cols))
	}
	for i, v := range row {
		c := &w.cols[i]
		ok := false
		switch v.(type) {
		case nil:
			ok = c.Optional
		case int64:
			ok = c.Type == Int64
		case float64:
			ok = c.Type == Double
		case string:
			ok = c.Type == String
		}
		if !ok {
			return fmt.Errorf("parquet: column %q cannot hold %T", c.Name, v)
		}
	}
	for _, v := range row {
		switch v := v.(type) {
		case nil:
			w.Null()
		case int64:
			w.Int64(v)
		case float64:
			w.Double(v)
		case string:
			w.String(v)
		}
	}
	return w.EndRow()
}

// Int64, Double, String and Null give the next column's value of the row
// being built, without boxing it in an interface; EndRow ends the row.
// A value the column cannot hold stops the writer (the row would be
// torn): EndRow and every later call return the error.
func (w *Writer) Int64(v int64) {
	if c := w.next(Int64, false); c != nil {
		c.values = appendU64(c.values, uint64(v))
		c.page.addInt(v)
		w.added(c, 1)
	}
}

func (w *Writer) Double(v float64) {
	if c := w.next(Double, false); c != nil {
		c.values = appendU64(c.values, math.Float64bits(v))
		c.page.addFloat(v)
		w.added(c, 1)
	}
}

func (w *Writer) String(v string) {
	if c := w.next(String, false); c != nil {
		n := len(c.values)
		if cap(c.values)-n < 4+len(v) {
			c.values = grow(c.values, 4+len(v))
		}
		c.values = c.values[:n+4+len(v)]
		binary.LittleEndian.PutUint32(c.values[n:], uint32(len(v)))
		copy(c.values[n+4:], v)
		w.added(c, 1)
	}
}

func (w *Writer) Null() {
	if c := w.next(0, true); c != nil {
		c.page.nulls++
		w.added(c, 0)
	}
}

// next is the column the next value goes to, nil (and the writer
// stopped) when it cannot take a value of type t, or a null.
func (w *Writer) next(t Type, null bool) *column {
	if w.err != nil {
		return nil
	}
	if w.col >= len(w.cols) {
		w.err = fmt.Errorf("parquet: a row of more than %d values", len(w.cols))
		return nil
	}
	c := &w.cols[w.col]
	if null && !c.Optional || !null && c.Type != t {
		what := "null"
		if !null {
			what = [...]string{Int64: "an INT64", Double: "a DOUBLE", String: "a string"}[t]
		}
		w.err = fmt.Errorf("parquet: column %q cannot hold %s", c.Name, what)
		return nil
	}
	w.col++
	return c
}

// added records the definition level of the value just appended to c and
// closes c's page when it is full.
func (w *Writer) added(c *column, level byte) {
	c.level(level)
	c.rows++
	size := len(c.values) + len(c.levels)
	w.buffered += size - c.size
	c.size = size
	if size >= w.opt.PageSize {
		w.closePage(c)
	}
}

// midRow stops the writer when a row is half given.
func (w *Writer) midRow() {
	if w.col != 0 && w.err == nil {
		w.err = fmt.Errorf("parquet: a row left at %d of %d values", w.col, len(w.cols))
	}
}

// EndRow ends the row begun by the typed calls.
func (w *Writer) EndRow() error {
	if w.err != nil {
		return w.err
	}
	if w.col != len(w.cols) {
		w.err = fmt.Errorf("parquet: a row of %d values for %d columns", w.col, len(w.cols))
		return w.err
	}
	w.col = 0
	w.rows++
	w.total++
	if w.buffered >= w.opt.RowGroupSize {
		w.flushRowGroup()
	}
	return w.err
}

// level records a definition level (optional columns only: a required
// column has none). Levels are kept as RLE runs of bit width 1.
func (c *column) level(l byte) {
	if !c.Optional {
		return
	}
	if c.runLen > 0 && l != c.run {
		c.endRun()
	}
	c.run = l
	c.runLen++
}

func (c *column) endRun() {
	if c.runLen == 0 {
		return
	}
	c.levels = binary.AppendUvarint(c.levels, uint64(c.runLen)<<1) // LSB 0: an RLE run
	c.levels = append(c.levels, c.run)                             // the value, in ceil(1/8) = 1 byte
	c.runLen = 0
}

func (s *stats) addInt(v int64) {
	if !s.has {
		s.imin, s.imax, s.has = v, v, true
		return
	}
	s.imin, s.imax = min(s.imin, v), max(s.imax, v)
}

func (s *stats) addFloat(v float64) {
	if math.IsNaN(v) {
		s.nan = true
		return
	}
	if !s.has {
		s.fmin, s.fmax, s.has = v, v, true
		return
	}
	s.fmin, s.fmax = math.Min(s.fmin, v), math.Max(s.fmax, v)
}

func (s *stats) merge(o stats) {
	s.nulls += o.nulls
	s.nan = s.nan || o.nan
	if !o.has {
		return
	}
	if !s.has {
		s.has, s.imin, s.imax, s.fmin, s.fmax = true, o.imin, o.imax, o.fmin, o.fmax
		return
	}
	s.imin, s.imax = min(s.imin, o.imin), max(s.imax, o.imax)
	s.fmin, s.fmax = math.Min(s.fmin, o.fmin), math.Max(s.fmax, o.fmax)
}

// closePage closes the open page of c: it joins the chunk's pages, and
// with gzip is compressed by a goroutine of the pool while rows keep
// coming. The column starts its next page in fresh buffers.
func (w *Writer) closePage(c *column) {
	if c.rows == 0 {
		return
	}
	c.endRun()
	p := &page{rows: c.rows, optional: c.Optional, stats: c.page, rawSize: len(c.values), levels: c.levels, values: c.values}
	if c.Optional {
		p.rawSize += 4 + len(c.levels)
	}
	// The row group's size counts a header as long as the uncompressed
	// body's would be, so groups close at the same rows however well
	// the pages compress.
	hdr := w.pageHeader(c, p, p.rawSize)
	w.buffered += len(hdr) + p.rawSize - c.size
	var prev *page // the column's previous page, whose buffers this one reuses
	if n := len(c.pages); n > 0 {
		prev = c.pages[n-1]
	}
	c.pages = append(c.pages, p)
	c.chunkStats.merge(c.page)
	c.chunkRows += int64(c.rows)
	if w.opt.Codec == Gzip {
		p.done = make(chan struct{})
		sem := compressSlots()
		sem <- struct{}{}
		go func() {
			p.compress()
			<-sem
			close(p.done)
		}()
	}
	// The next page takes the buffers of the previous one, compressed
	// by now (it was closed a whole page ago), so a column keeps two
	// pages' buffers however many pages it writes. Uncompressed pages
	// keep theirs until they are written.
	c.levels, c.values = nil, nil
	if prev != nil && prev.done != nil {
		<-prev.done
		c.levels, c.values = prev.levels[:0], prev.values[:0]
		prev.levels, prev.values = nil, nil
	} else if len(p.values) >= w.opt.PageSize-len(p.levels) {
		// A column that filled a page will fill the next one too.
		c.values = getBuf(w.opt.PageSize + w.opt.PageSize/16)
	}
	c.rows, c.size, c.page = 0, 0, stats{}
}

// compress fills p.body with the gzip stream of the page's levels (with
// their 4-byte length) and values, after headroom.
func (p *page) compress() {
	zw := gzipWriters.Get().(*gzipWriter)
	zw.b = getBuf(headroom + p.rawSize/4)[:headroom]
	zw.z.Reset(zw)
	if p.optional {
		var lenb [4]byte
		binary.LittleEndian.PutUint32(lenb[:], uint32(len(p.levels)))
		zw.z.Write(lenb[:])
		zw.z.Write(p.levels)
	}
	zw.z.Write(p.values)
	zw.z.Close()
	p.body, zw.b = zw.b, nil
	gzipWriters.Put(zw)
}

// writePage writes p (header and body) to the file, once compressed, and
// returns its header's size and its body's.
func (w *Writer) writePage(c *column, p *page) (hdr, zip int) {
	if p.done == nil {
		h := w.pageHeader(c, p, p.rawSize)
		hdr = len(h)
		w.write(h)
		if p.optional {
			var lenb [4]byte
			binary.LittleEndian.PutUint32(lenb[:], uint32(len(p.levels)))
			w.write(lenb[:])
			w.write(p.levels)
		}
		w.write(p.values)
		putBuf(p.levels)
		putBuf(p.values)
		return hdr, p.rawSize
	}
	<-p.done
	zip = len(p.body) - headroom
	h := w.pageHeader(c, p, zip)
	hdr = len(h)
	if hdr <= headroom {
		at := headroom - hdr
		copy(p.body[at:], h)
		w.write(p.body[at:])
	} else {
		w.write(h)
		w.write(p.body[headroom:])
	}
	putBuf(p.body)
	p.body = nil
	if cap(c.values) == 0 { // the chunk's last page: its buffers start the next group's
		c.levels, c.values = p.levels[:0], p.values[:0]
	} else {
		putBuf(p.levels)
		putBuf(p.values)
	}
	p.levels, p.values = nil, nil
	return hdr, zip
}

// pageHeader is the PageHeader of c's page p with a body of zipSize
// bytes, in w.hdr's buffer.
func (w *Writer) pageHeader(c *column, p *page, zipSize int) []byte {
	h := &w.hdr
	h.b, h.last, h.stack = h.b[:0], 0, h.stack[:0]
	h.i32(1, pageData)
	h.i32(2, int32(p.rawSize))
	h.i32(3, int32(zipSize))
	h.structField(5) // DataPageHeader
	h.i32(1, int32(p.rows))
	h.i32(2, encPlain)
	h.i32(3, encRLE)
	h.i32(4, encRLE)
	writeStats(h, 5, c.Type, p.stats)
	h.end()
	h.b = append(h.b, 0)
	return h.b
}

// writeStats writes a Statistics struct: the null count, and min_value
// and max_value (PLAIN bytes) for numbers. Zero bounds are written as -0
// and +0, as the format asks, since readers may compare either.
func writeStats(c *compact, id int16, t Type, s stats) {
	c.structField(id)
	c.i64(3, s.nulls)
	if s.has && !s.nan {
		var lo, hi uint64
		switch t {
		case Int64:
			lo, hi = uint64(s.imin), uint64(s.imax)
		case Double:
			fmin, fmax := s.fmin, s.fmax
			if fmin == 0 {
				fmin = math.Copysign(0, -1)
			}
			if fmax == 0 {
				fmax = 0
			}
			lo, hi = math.Float64bits(fmin), math.Float64bits(fmax)
		}
		if t != String {
			c.binary(5, le64(hi))
			c.binary(6, le64(lo))
		}
	}
	c.end()
}

// Flush writes the open row group out (Write does so when the group
// reaches Options.RowGroupSize).
func (w *Writer) Flush() error {
	w.midRow()
	w.flushRowGroup()
	return w.err
}

func (w *Writer) flushRowGroup() {
	if w.rows == 0 || w.err != nil {
		return
	}
	// Close every column's last page first, so they are compressed
	// together, then write the chunks in column order.
	for i := range w.cols {
		w.closePage(&w.cols[i])
	}
	g := rowGroup{rows: w.rows, offset: w.pos, chunks: make([]chunkMeta, len(w.cols))}
	for i := range w.cols {
		c := &w.cols[i]
		offset := w.pos
		for j, p := range c.pages {
			hdr, zip := w.writePage(c, p)
			c.raw += int64(hdr + p.rawSize)
			c.zip += int64(hdr + zip)
			c.pages[j] = nil
		}
		g.chunks[i] = chunkMeta{offset: offset, raw: c.raw, zip: c.zip, values: c.chunkRows, pages: len(c.pages), stats: c.chunkStats}
		g.raw += c.raw
		g.zip += c.zip
		c.pages, c.chunkStats, c.chunkRows, c.raw, c.zip = c.pages[:0], stats{}, 0, 0, 0
	}
	w.groups = append(w.groups, g)
	w.rows, w.buffered = 0, 0
}

// compressSlots bounds the pages being compressed at once, over all
// writers: one a processor.
var compressSlotsV lazy.Value[chan struct{}]

func compressSlots() chan struct{} {
	return compressSlotsV.Get(func() chan struct{} {
		return make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	})
}

// gzipWriter is a gzip writer (level 6, reused by Reset: a new one costs
// ~800 KB of state) and the buffer it appends to.
type gzipWriter struct {
	z *gzip.Writer
	b []byte
}

func (g *gzipWriter) Write(p []byte) (int, error) {
	g.b = append(g.b, p...)
	return len(p), nil
}

var gzipWriters = sync.Pool{New: func() any {
	g := &gzipWriter{}
	g.z, _ = gzip.NewWriterLevel(g, gzip.DefaultCompression)
	return g
}}

// bufs holds page buffers for reuse, by any writer.
var bufs sync.Pool

// getBuf is an empty buffer, of capacity n at least when n > 0.
func getBuf(n int) []byte {
	if b, ok := bufs.Get().(*[]byte); ok {
		if cap(*b) >= n {
			return (*b)[:0]
		}
		bufs.Put(b)
	}
	if n == 0 {
		return nil
	}
	return make([]byte, 0, n)
}

func putBuf(b []byte) {
	if cap(b) == 0 {
		return
	}
	b = b[:0]
	bufs.Put(&b)
}

// grow makes room for n more bytes, doubling the capacity: append's
// growth is 1.25× past 256 bytes, which copies a 1 MiB page ~5 times over
// as it fills. An empty buffer is first sought in the pool.
func grow(b []byte, n int) []byte {
	if cap(b) == 0 {
		b = getBuf(0)
	}
	if cap(b)-len(b) >= n {
		return b
	}
	c := max(2*cap(b), len(b)+n, 4096)
	return append(b[:cap(b)], make([]byte, c-cap(b))...)[:len(b)]
}

func appendU64(b []byte, v uint64) []byte {
	n := len(b)
	if cap(b)-n < 8 {
		b = grow(b, 8)
	}
	b = b[:n+8]
	binary.LittleEndian.PutUint64(b[n:], v)
	return b
}

// Close writes the last row group and the footer. It does not close the
// underlying writer.
func (w *Writer) Close() error {
	w.midRow()
	if w.err != nil {
		return w.err
	}
	w.flushRowGroup()
	if w.err != nil {
		return w.err
	}
	m := w.footer()
	var tail [4]byte
	binary.LittleEndian.PutUint32(tail[:], uint32(len(m)))
	w.write(m)
	w.write(tail[:])
	w.write([]byte(magic))
	if w.err == nil {
		w.err = errClosed
		return nil
	}
	return w.err
}

var errClosed = errors.New("parquet: writer closed")

// footer is the FileMetaData.
func (w *Writer) footer() []byte {
	c := &compact{}
	c.begin()
	c.i32(1, 2) // version
	c.list(2, tStruct, len(w.cols)+1)
	c.begin() // the root
	c.string(4, w.opt.Name)
	c.i32(5, int32(len(w.cols)))
	c.end()
	for _, col := range w.cols {
		c.begin()
		c.i32(1, physical(col.Type))
		rep := int32(repRequired)
		if col.Optional {
			rep = repOptional
		}
		c.i32(3, rep)
		c.string(4, col.Name)
		switch col.Type {
		case Int64:
			c.i32(6, convInt64)
			c.structField(10) // LogicalType
			c.structField(10) // INTEGER
			c.byte8(1, 64)    // bitWidth
			c.bool(2, true)   // isSigned
			c.end()
			c.end()
		case String:
			c.i32(6, convUTF8)
			c.structField(10) // LogicalType
			c.structField(1)  // STRING
			c.end()
			c.end()
		}
		c.end()
	}
	c.i64(3, w.total)
	c.list(4, tStruct, len(w.groups))
	for gi, g := range w.groups {
		c.begin()
		c.list(1, tStruct, len(g.chunks))
		for i, ch := range g.chunks {
			col := w.cols[i]
			c.begin() // ColumnChunk
			c.i64(2, ch.offset)
			c.structField(3) // ColumnMetaData
			c.i32(1, physical(col.Type))
			if col.Optional {
				c.list(2, tI32, 2)
				c.elemI32(encPlain)
				c.elemI32(encRLE)
			} else {
				c.list(2, tI32, 1)
				c.elemI32(encPlain)
			}
			c.list(3, tBinary, 1)
			c.elemString(col.Name)
			c.i32(4, int32(w.opt.Codec))
			c.i64(5, ch.values)
			c.i64(6, ch.raw)
			c.i64(7, ch.zip)
			c.i64(9, ch.offset)
			writeStats(c, 12, col.Type, ch.stats)
			c.list(13, tStruct, 1) // PageEncodingStats
			c.begin()
			c.i32(1, pageData)
			c.i32(2, encPlain)
			c.i32(3, int32(ch.pages))
			c.end()
			c.end()
			c.end()
		}
		c.i64(2, g.raw)
		c.i64(3, g.rows)
		c.i64(5, g.offset)
		c.i64(6, g.zip)
		c.field(7, 4) // i16
		c.zigzag(int64(gi))
		c.end()
	}
	c.string(6, createdBy)
	c.list(7, tStruct, len(w.cols)) // ColumnOrder: TYPE_ORDER for each
	for range w.cols {
		c.begin()
		c.structField(1)
		c.end()
		c.end()
	}
	c.end()
	return c.b
}

func physical(t Type) int32 {
	switch t {
	case Int64:
		return physInt64
	case Double:
		return physDouble
	}
	return physByteArray
}
