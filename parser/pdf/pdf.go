// Package pdf reads PDF reports into the intermediate layout form.
//
// The object layer (cross-reference table, objects, stream filters) comes
// from github.com/ledongthuc/pdf; everything above it is ours: the page tree
// walk (cycle, depth and count limits), a bounded content-stream tokenizer
// and interpreter, font decoding (ToUnicode, predefined Chinese CMaps,
// simple encodings, real widths), and the rebuilding of lines, words and
// the requests table from glyph positions.
//
// What the Document holds:
//
//   - Lines in reading order, pages concatenated, with Page and a 1-based Num
//     over the whole document; page numbers (-4-, — 4 —, 第4页) and running
//     headers or footers repeated on most pages are dropped.
//   - Each line's cells are its words: runs of glyphs split at gaps wider
//     than about 0.12 em, with X0/X1 in points, Col -1, Table 0. A unit after
//     a number (75394432.52 元) stays in the number's cell.
//   - Table 三 becomes a grid with Table 1: one header line whose seven cells
//     are 自然人 … 总计 with Col 1–7 (joined from their wrapped fragments);
//     one line per data row with the row's label, joined from its wrapped
//     fragments, as a cell of Col 0 and each number in the Col of the header
//     whose centre is nearest (a blank cell is absent; a number wrapped inside
//     its cell is rejoined); and, before the first row of each group, a line
//     with only the group label (三、本年度办理结果, （三）不予公开 …, （六）其他处理
//     when it is a group) in Col 0. The table's other header lines (申请人情况,
//     法人或其他组织, the corner note) stay plain lines before it.
//   - Table 四's outcome headers, printed a few characters per line, become
//     one plain line of fifteen cells (结果维持 … 总计, three times) with their
//     extents, right above the line of numbers.
//   - Warnings: repaired (a missing %%EOF, a rebuilt xref), truncated,
//     page_tree_rebuilt, stream_damaged, font_missing, stream_filter_wrong.
//
// Every call into the library is guarded by recover, and the whole read
// runs under a deadline: Read returns a *docerr.Error of kind TooLarge when
// the budget is exhausted, even if third-party code loops (the goroutine
// that loops is then abandoned; a batch that must reclaim it should run
// documents in worker processes).
package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/govreport/govreport/internal/stack"
	"github.com/govreport/govreport/parser/docerr"
	"github.com/govreport/govreport/parser/layout"
)

// Budget bounds the work spent on one document.
type Budget struct {
	MaxFileSize int64         // bytes of input
	MaxStream   int64         // decoded bytes of one stream
	MaxTotal    int64         // decoded bytes of all streams together
	MaxOps      int           // content-stream operators in total
	MaxGlyphs   int           // glyphs in total
	MaxPages    int           // pages
	MaxDepth    int           // nesting of Form XObjects
	Timeout     time.Duration // wall time, if no deadline or context deadline is given
}

// DefaultBudget is generous for real reports (a few pages, a few hundred KB)
// and small enough that a crafted file cannot hold a batch.
var DefaultBudget = Budget{
	MaxFileSize: 256 << 20,
	MaxStream:   16 << 20,
	MaxTotal:    64 << 20,
	MaxOps:      4_000_000,
	MaxGlyphs:   2_000_000,
	MaxPages:    2000,
	MaxDepth:    8,
	Timeout:     30 * time.Second,
}

type budget struct {
	maxStream int64
	maxTotal  int64
	maxOps    int
	maxGlyphs int
	maxPages  int
	maxDepth  int
}

type config struct {
	ctx      context.Context
	deadline time.Time
	b        Budget
	noGrid   bool
}

// Option configures Read.
type Option func(*config)

// WithContext bounds the read by ctx: when ctx is done, Read returns a
// TooLarge error.
func WithContext(ctx context.Context) Option { return func(c *config) { c.ctx = ctx } }

// WithDeadline bounds the read by a wall-clock deadline.
func WithDeadline(t time.Time) Option { return func(c *config) { c.deadline = t } }

// WithTimeout bounds the read by a duration from now.
func WithTimeout(d time.Duration) Option {
	return func(c *config) { c.b.Timeout = d }
}

// WithBudget replaces the default budgets.
func WithBudget(b Budget) Option { return func(c *config) { c.b = b } }

// WithoutTables turns off the reconstruction of table 三's grid: every line
// comes out plain (Table 0, Col -1).
func WithoutTables() Option { return func(c *config) { c.noGrid = true } }

// errBudget aborts interpretation when a budget is exhausted.
type errBudget struct{ what string }

func (e errBudget) Error() string { return e.what }

// Read reads a PDF file's bytes into a Document.
func Read(src []byte, opts ...Option) (*layout.Document, error) {
	cfg := config{ctx: context.Background(), b: DefaultBudget}
	for _, o := range opts {
		o(&cfg)
	}
	ctx := cfg.ctx
	var cancel context.CancelFunc
	switch _, has := ctx.Deadline(); {
	case !cfg.deadline.IsZero():
		ctx, cancel = context.WithDeadline(ctx, cfg.deadline)
	case !has && cfg.b.Timeout > 0:
		ctx, cancel = context.WithTimeout(ctx, cfg.b.Timeout)
	default:
		ctx, cancel = context.WithCancel(ctx)
	}
	defer cancel()

	type result struct {
		d   *layout.Document
		err error
	}
	ch := make(chan result, 1)
	go func() {
		debug.SetPanicOnFault(true) // src may be a mapped file: see parser.parse
		stack.Grow()
		var res result
		defer func() {
			if x := recover(); x != nil {
				res = result{err: docerr.New(docerr.Damaged, fmt.Sprintf("damaged PDF: %v", x))}
				if e := docerr.Fault(x); e != nil {
					res = result{err: e}
				}
			}
			ch <- res
		}()
		res.d, res.err = read(ctx, src, cfg)
	}()
	select {
	case r := <-ch:
		return r.d, r.err
	case <-ctx.Done():
		return nil, docerr.Wrap(docerr.TooLarge, "reading the PDF took longer than its time budget", ctx.Err())
	}
}

// openDoc opens the PDF that starts at src under cfg's budgets: the
// document state the interpreter works on and the opened file.
func openDoc(ctx context.Context, src []byte, cfg config) (*doc, *opened, error) {
	d := &doc{
		ctx: ctx,
		budget: budget{maxStream: cfg.b.MaxStream, maxTotal: cfg.b.MaxTotal, maxOps: cfg.b.MaxOps,
			maxGlyphs: cfg.b.MaxGlyphs, maxPages: cfg.b.MaxPages, maxDepth: cfg.b.MaxDepth},
		fonts: map[fontKey]*font{},
	}
	o, err := open(src, d)
	if err != nil {
		return nil, nil, err
	}
	d.rebuilt = o.rebuilt
	d.src = o.src
	d.aesKey = o.aesKey
	d.encrypted = !key(o.r.Trailer(), "Encrypt").IsNull()
	return d, o, nil
}

func read(ctx context.Context, src []byte, cfg config) (*layout.Document, error) {
	if len(src) == 0 {
		return nil, docerr.New(docerr.Empty, "empty file")
	}
	if int64(len(src)) > cfg.b.MaxFileSize {
		return nil, docerr.New(docerr.TooLarge, fmt.Sprintf("PDF of %d bytes is over the %d byte limit", len(src), cfg.b.MaxFileSize))
	}
	start := bytes.Index(src[:min(len(src), 4096)], []byte("%PDF-"))
	if start < 0 {
		what := "no %PDF header"
		if looksHTML(src) {
			what = "an HTML page saved as .pdf (probably a download error page)"
		}
		return nil, docerr.New(docerr.Damaged, "not a PDF file: "+what)
	}
	d, o, err := openDoc(ctx, src[start:], cfg)
	if err != nil {
		return nil, err
	}
	pages, err := d.extract(o)
	if err != nil {
		return nil, err
	}
	doc := build(pages, !cfg.noGrid)
	doc.Title = o.title
	doc.Warnings = append(doc.Warnings, d.warnings...)
	return doc, nil
}

func looksHTML(b []byte) bool {
	head := strings.ToLower(string(b[:min(len(b), 512)]))
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype") || strings.Contains(head, "<head")
}

type fontKey struct {
	obj  objKey
	name string
}

// doc is the state of one read.
type doc struct {
	ctx    context.Context
	budget budget
	fonts  map[fontKey]*font
	byRes  map[fontKey]*font // (resources object, name) → font
	// resolved /Font dictionaries by resources object
	fontDicts map[objKey]lpdf.Value
	fontByRef map[objKey]*font  // font objects already parsed
	forms     map[objKey][]byte // decoded Form XObjects
	ops       int
	glyphs    int
	decoded   int64
	warnings  []layout.Warning
	warned    map[string]bool
	fontless  int    // strings shown without a usable font
	rebuilt   bool   // the object layer was rebuilt by scanning
	src       []byte // the bytes the object layer reads, for raw streams
	aesKey    []byte // AES-256 file key, when streams are decrypted by us
	encrypted bool
	zr        io.ReadCloser // the zlib reader of inflate, reset for each stream
	// spare is the glyph array of the last page, whose lines are built:
	// the next page's glyphs go there.
	spare []pglyph
	lines lineMaker
	names map[string]string // names of the content streams, read once
	// Memory of streams read once (see transient): a page's content, a
	// CMap. reuse, when set, is where stream inflates.
	pageBuf, cmapBuf []byte
	reuse            *[]byte
}

func (d *doc) warn(code, msg string) {
	if d.warned == nil {
		d.warned = map[string]bool{}
	}
	if d.warned[code] {
		return
	}
	d.warned[code] = true
	d.warnings = append(d.warnings, layout.Warning{Code: code, Message: msg})
}

// tick counts one operator and checks the budgets; it panics with
// errBudget, recovered at the page level.
func (d *doc) tick() {
	d.ops++
	if d.ops > d.budget.maxOps {
		panic(errBudget{fmt.Sprintf("more than %d content operators", d.budget.maxOps)})
	}
	if d.ops&1023 == 0 && d.ctx.Err() != nil {
		panic(errBudget{"time budget exhausted"})
	}
}

func (d *doc) tickGlyph() {
	d.glyphs++
	if d.glyphs > d.budget.maxGlyphs {
		panic(errBudget{fmt.Sprintf("more than %d glyphs", d.budget.maxGlyphs)})
	}
}

// stream returns a stream's decoded data within the budgets.
func (d *doc) stream(v lpdf.Value) []byte {
	limit := d.budget.maxStream
	if left := d.budget.maxTotal - d.decoded; left < limit {
		limit = left
	}
	if limit <= 0 {
		panic(errBudget{fmt.Sprintf("more than %d bytes of decoded streams", d.budget.maxTotal)})
	}
	var data []byte
	var err error
	if c, ok := num(key(key(v, "DecodeParms"), "Columns")); ok && (c > 1<<16 || c < 0) {
		// the library would allocate a row buffer of that size
		d.warn("stream_damaged", "a stream declares a predictor row of an impossible width")
		return nil
	}
	if d.aesKey != nil {
		// AES-256: decrypt the raw bytes, then apply the filters
		names, _ := filters(v)
		raw, found := rawStream(v, d.src)
		if !found {
			err = errors.New("stream data not found")
		} else if dec, e := aesDecrypt(d.aesKey, raw); e != nil {
			err = e
		} else if len(names) == 0 {
			data = dec
		} else {
			data, err = decodeRaw(dec, names, limit)
		}
	} else if names, ok := filters(v); !ok && d.src != nil && !d.encrypted {
		// a filter the object layer lacks: decode the raw bytes ourselves
		raw, found := rawStream(v, d.src)
		if !found {
			err = errors.New("stream data not found")
		} else {
			data, err = decodeRaw(raw, names, limit)
			if !bytes.Contains(data, []byte("BT")) && bytes.Contains(raw, []byte("BT")) && bytes.Contains(raw, []byte("Tf")) &&
				int64(len(raw)) <= limit && !errors.Is(err, errStreamTooLarge) {
				// the filter is declared but the data is plain content
				d.warn("stream_filter_wrong", "a content stream declares a filter ("+strings.Join(names, ", ")+") its data does not use; read as plain")
				data, err = raw, nil
			}
		}
	} else {
		var done bool
		if data, done, err = d.inflate(v, limit); !done {
			data, err = streamData(v, limit)
		}
	}
	d.decoded += int64(len(data))
	if errors.Is(err, errStreamTooLarge) {
		panic(errBudget{fmt.Sprintf("a stream decodes to more than %d bytes (a decompression bomb?)", limit)})
	}
	if err != nil {
		d.warn("stream_damaged", "a content stream could not be fully decoded: "+err.Error())
	}
	return data
}

// transient is stream for data nothing keeps once it is read (a page's
// content once it has run, a CMap once parsed: their tokens are copies),
// inflated into the memory of the last such stream of its kind, buf.
// Forms, which are cached, and the fonts loaded while a page runs are read
// by stream or with another buf.
func (d *doc) transient(v lpdf.Value, buf *[]byte) []byte {
	d.reuse = buf
	defer func() { d.reuse = nil }()
	return d.stream(v)
}

// font returns the parsed font named in the resources, cached per document.
func (d *doc) font(res lpdf.Value, name string) *font {
	// the library parses an object again at every access: look up each
	// (resources, name) pair once
	rk := fontKey{keyOf(res), name}
	if f, ok := d.byRes[rk]; ok {
		return f
	}
	f := d.lookupFont(res, name)
	if d.byRes == nil {
		d.byRes = map[fontKey]*font{}
	}
	d.byRes[rk] = f
	return f
}

func (d *doc) lookupFont(res lpdf.Value, name string) *font {
	rk := keyOf(res)
	fd, ok := d.fontDicts[rk]
	if !ok {
		fd = key(res, "Font")
		if d.fontDicts == nil {
			d.fontDicts = map[objKey]lpdf.Value{}
		}
		d.fontDicts[rk] = fd
	}
	ref, isRef := refOf(fd, name)
	if isRef {
		if f, ok := d.fontByRef[ref]; ok {
			return f
		}
	}
	fv := key(fd, name)
	if fv.Kind() != lpdf.Dict {
		return nil
	}
	k := fontKey{keyOf(fv), name}
	if f, ok := d.fonts[k]; ok {
		return f
	}
	f := d.loadFont(fv)
	d.fonts[k] = f
	if isRef {
		if d.fontByRef == nil {
			d.fontByRef = map[objKey]*font{}
		}
		d.fontByRef[ref] = f
	}
	return f
}

// inflate decodes a stream whose only filter is FlateDecode without
// parameters (nearly every stream of a report) from the bytes the library
// would read, with one zlib reader for the document: the library makes a
// new one per stream, 40 KB of window and tables, and its output buffer
// starts at 512 bytes. done is false when the stream is of another kind
// (or encrypted, or its data lies outside src), for the library to decode
// as before; the data and errors are the library's.
func (d *doc) inflate(v lpdf.Value, limit int64) (data []byte, done bool, err error) {
	if d.src == nil || d.encrypted || d.aesKey != nil || v.Kind() != lpdf.Stream {
		return nil, false, nil
	}
	defer func() {
		if recover() != nil {
			data, done, err = nil, false, nil
		}
	}()
	f, ln := v.Key("Filter"), v.Key("Length")
	if f.Kind() != lpdf.Name || f.Name() != "FlateDecode" || !v.Key("DecodeParms").IsNull() || ln.Kind() != lpdf.Integer {
		return nil, false, nil
	}
	start, ok := streamOffset(v)
	n := ln.Int64()
	if !ok || n <= 0 || start < 0 || start > int64(len(d.src)) || n > int64(len(d.src))-start {
		return nil, false, nil
	}
	raw := bytes.NewReader(d.src[start : start+n])
	if d.zr == nil {
		if d.zr, err = zlib.NewReader(raw); err != nil {
			d.zr = nil
			return nil, true, err
		}
	} else if err = d.zr.(zlib.Resetter).Reset(raw, nil); err != nil {
		return nil, true, err
	}
	// deflate rarely compresses content streams by more than 8×
	hint := min(8*n+512, limit+1)
	var buf []byte
	switch {
	case d.reuse == nil:
		buf = make([]byte, 0, hint)
	case int64(cap(*d.reuse)) >= hint:
		buf = (*d.reuse)[:0]
	case d.reuse == &d.pageBuf:
		// Room for most pages at once: every page that outgrew the last
		// one's buffer took a new one (a fresh page of memory costs as
		// much as inflating it), and the part never written is never
		// touched.
		buf = make([]byte, 0, max(hint, pageBufMin))
	default:
		buf = make([]byte, 0, hint)
	}
	data, err = readAll(io.LimitReader(d.zr, limit+1), buf)
	if d.reuse != nil {
		*d.reuse = data[:0]
	}
	if int64(len(data)) > limit {
		return data[:limit], true, errStreamTooLarge
	}
	if err == io.ErrUnexpectedEOF {
		err = nil // a truncated deflate stream: keep what we have (as streamData)
	}
	return data, true, err
}

// pageBufMin is the least capacity of the buffer of pages' content.
const pageBufMin = 64 << 10

// readAll is io.ReadAll appending to b.
func readAll(r io.Reader, b []byte) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
	}
}
