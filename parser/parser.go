// Package parser turns one document (PDF, HTML, text, Word .docx) into a checked
// report of the JSON contract: it detects the format by content, reads the
// document into lines of cells with a format adapter, and hands them to the
// recognizer.
//
//	r, err := parser.ParseFile("report.html")
//
// or, with options:
//
//	p := parser.New(parser.WithTimeout(10 * time.Second))
//	r, err := p.Parse("report.pdf", data)
package parser

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/govreport/govreport/audit"
	"github.com/govreport/govreport/internal/stack"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/charset"
	"github.com/govreport/govreport/parser/docerr"
	"github.com/govreport/govreport/parser/docx"
	"github.com/govreport/govreport/parser/html"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/ocr"
	"github.com/govreport/govreport/parser/pdf"
	"github.com/govreport/govreport/parser/recognize"
	"github.com/govreport/govreport/parser/text"
	"github.com/govreport/govreport/region"
)

// Parser reads reports. Its zero value is not usable; make one with New.
type Parser struct {
	timeout  time.Duration
	maxBytes int64
	// OCR of scanned documents (scanned.go)
	ocr        OCRMode
	tesseract  string
	ocrPages   int
	ocrTimeout time.Duration
}

// Option configures a Parser.
type Option func(*Parser)

// WithTimeout bounds the time spent on one document (0: no bound).
func WithTimeout(d time.Duration) Option { return func(p *Parser) { p.timeout = d } }

// WithMaxBytes refuses documents larger than n bytes.
func WithMaxBytes(n int64) Option { return func(p *Parser) { p.maxBytes = n } }

// DefaultTimeout bounds one document when no option says otherwise.
const DefaultTimeout = 30 * time.Second

// New returns a Parser with the given options.
func New(opts ...Option) *Parser {
	p := &Parser{timeout: DefaultTimeout, maxBytes: 200 << 20, ocr: OCRAuto}
	for _, o := range opts {
		o(p)
	}
	return p
}

// Parse reads the report in one of the package's default Parser.
func Parse(name string, src []byte, opts ...Option) (*model.Report, error) {
	return New(opts...).Parse(name, src)
}

// ParseFile reads the report in the file at path.
func ParseFile(path string, opts ...Option) (*model.Report, error) {
	return New(opts...).ParseFile(path)
}

// ParseFile reads the report in the file at path.
func (p *Parser) ParseFile(path string) (*model.Report, error) {
	return p.ParseFileContext(context.Background(), path)
}

// ParseFileContext is ParseFile stopped early when ctx ends.
func (p *Parser) ParseFileContext(ctx context.Context, path string) (*model.Report, error) {
	src, err := p.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return p.ParseContext(ctx, path, src)
}

// ReadFile reads the document at path, never more than the size limit
// (WithMaxBytes): a regular file is measured before it is read, and a
// pipe or a device (/dev/zero) is read through a bounded reader within the
// time budget. Its errors are *docerr.Error naming the file once, with the
// system's reason in words (not "open PATH: …", which would repeat the
// name unescaped).
func (p *Parser) ReadFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	if st.IsDir() {
		return nil, fileError(path, syscall.EISDIR)
	}
	if st.Mode().IsRegular() {
		if err := p.checkSize(st.Size()); err != nil {
			err.File = path
			return nil, err
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, fileError(path, err)
		}
		defer f.Close()
		return p.readSized(path, f, st.Size())
	}
	return p.readSpecial(path)
}

// readSpecial reads a pipe or a device: opening a FIFO waits for a writer
// and reading it for the data, so both happen within the time budget.
func (p *Parser) readSpecial(path string) ([]byte, error) {
	type result struct {
		src []byte
		err error
	}
	done := make(chan result, 1)
	opened := make(chan *os.File, 1)
	var gaveUp atomic.Bool
	go func() {
		f, err := os.Open(path)
		if err != nil {
			done <- result{err: fileError(path, err)}
			return
		}
		if gaveUp.Load() {
			f.Close() // too late: the data is for another reader
			return
		}
		opened <- f
		defer f.Close()
		src, err := p.ReadFrom(path, f)
		done <- result{src, err}
	}()
	var timeout <-chan time.Time
	if p.timeout > 0 {
		t := time.NewTimer(p.timeout)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case r := <-done:
		return r.src, r.err
	case <-timeout:
		gaveUp.Store(true)
		select {
		case f := <-opened:
			f.SetReadDeadline(time.Now()) // a pipe: its reader gives up
		default:
			// Still waiting for a writer to open the pipe: be that
			// writer for an instant, so that the open returns and the
			// goroutine ends.
			if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				w.Close()
			}
		}
		return nil, &docerr.Error{File: path, Kind: docerr.TooLarge,
			Reason: fmt.Sprintf("not a regular file (a pipe or a device), and it gave no complete document within %s", p.timeout)}
	}
}

// ReadFrom reads a document from r (standard input, a pipe) without
// reading more than the size limit: the limit and one byte, which tells
// that there is more.
func (p *Parser) ReadFrom(name string, r io.Reader) ([]byte, error) {
	if p.maxBytes > 0 {
		r = io.LimitReader(r, p.maxBytes+1)
	}
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, fileError(name, err)
	}
	if err := p.checkSize(int64(len(src))); err != nil {
		err.File = name
		if int64(len(src)) > p.maxBytes {
			err.Reason = fmt.Sprintf("more than %d bytes, the limit (reading stopped there)", p.maxBytes)
		}
		return nil, err
	}
	return src, nil
}

// readSized reads a regular file whose size was measured into one buffer
// of that size (io.ReadAll would grow and copy its buffer a dozen times for
// a 400 KB PDF). A file that grew since, or
// one that reports no size (/proc), is read on through ReadFrom.
func (p *Parser) readSized(name string, f *os.File, size int64) ([]byte, error) {
	buf := make([]byte, size+1) // +1 sees whether the file ends where stat said
	n, err := io.ReadFull(f, buf)
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		return buf[:n], nil
	case err != nil:
		return nil, fileError(name, err)
	}
	return p.ReadFrom(name, io.MultiReader(bytes.NewReader(buf), f))
}

// checkSize refuses a document of n bytes over the limit.
func (p *Parser) checkSize(n int64) *docerr.Error {
	if p.maxBytes > 0 && n > p.maxBytes {
		return docerr.New(docerr.TooLarge, fmt.Sprintf("%d bytes is over the limit of %d", n, p.maxBytes))
	}
	return nil
}

// fileError is an error of the file system about path, as one of ours.
func fileError(path string, err error) *docerr.Error {
	var pe *fs.PathError
	reason := err.Error()
	if errors.As(err, &pe) {
		reason = pe.Err.Error()
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		reason = "no such file"
	case errors.Is(err, fs.ErrPermission):
		reason = "permission denied: the file cannot be read"
	case errors.Is(err, syscall.EISDIR):
		reason = "a folder, not a file (convert reads folders)"
	}
	return &docerr.Error{File: path, Kind: docerr.Unknown, Reason: "cannot read the file: " + reason, Err: err}
}

// Parse reads the report in src; name is used for messages and for
// source.path. Errors are *docerr.Error naming the file and the reason.
func (p *Parser) Parse(name string, src []byte) (*model.Report, error) {
	return p.ParseContext(context.Background(), name, src)
}

// ParseContext is Parse stopped early when ctx ends (Ctrl-C): the reading
// stops where it is, within the time budget as well, and the error says
// it was interrupted (errors.Is(err, context.Canceled) holds).
func (p *Parser) ParseContext(ctx context.Context, name string, src []byte) (*model.Report, error) {
	r, err := p.parse(ctx, src)
	if err != nil {
		e, ok := err.(*docerr.Error)
		if !ok {
			e = docerr.Wrap(docerr.Damaged, "the document could not be read ("+err.Error()+")", err)
		}
		e.File = name
		return nil, e
	}
	sum := sha256.Sum256(src)
	r.Source.Path = name
	r.Source.SHA256 = hex.EncodeToString(sum[:])
	r.Findings = audit.Report(r) // the single-report audit rules (docs/AUDIT.md)
	return r, nil
}

func (p *Parser) parse(parent context.Context, src []byte) (*model.Report, error) {
	if err := p.checkSize(int64(len(src))); err != nil {
		return nil, err
	}
	// The adapters and the recognizer look at ctx now and then, so that a
	// document given up on stops using CPU and memory instead of reading
	// on in the background. The budget is a timer rather than ctx's
	// deadline: a scan read by OCR moves to the OCR budget (extendDeadline).
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	extend := make(chan time.Duration, 1)
	ctx = context.WithValue(ctx, extendKey{}, extend)
	type result struct {
		r   *model.Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		// src may be a mapped file (a one-file parse): a fault on its
		// pages, if the file is truncated meanwhile, is a panic here.
		debug.SetPanicOnFault(true)
		stack.Grow()
		defer func() {
			// A bug of ours or of a library must not take a batch down:
			// the document is reported as unreadable instead.
			if x := recover(); x != nil {
				if e := docerr.Fault(x); e != nil {
					done <- result{err: e}
					return
				}
				done <- result{err: docerr.New(docerr.Damaged, fmt.Sprintf("internal error while reading the document: %v", x))}
			}
		}()
		r, err := p.read(ctx, src)
		done <- result{r, err}
	}()
	var timeout <-chan time.Time
	var timer *time.Timer
	budget := p.timeout
	if budget > 0 {
		timer = time.NewTimer(budget)
		defer timer.Stop()
		timeout = timer.C
	}
	for {
		select {
		case res := <-done:
			if res.err != nil && ctx.Err() != nil {
				return nil, p.stopped(parent, budget) // an adapter saw ctx end first
			}
			return res.r, res.err
		case d := <-extend:
			if timer != nil {
				budget = d
				timer.Reset(d)
			}
		case <-timeout:
			cancel() // the reading stops at its next look at ctx
			return nil, p.stopped(parent, budget)
		case <-parent.Done():
			return nil, p.stopped(parent, budget)
		}
	}
}

// stopped is the error of a reading that ctx ended: interrupted (parent
// ended) or over the time budget.
func (p *Parser) stopped(parent context.Context, budget time.Duration) *docerr.Error {
	if err := parent.Err(); err != nil {
		return docerr.Wrap(docerr.Unknown, "reading was interrupted", err)
	}
	return docerr.Wrap(docerr.TooLarge, fmt.Sprintf("reading took longer than %s", budget), context.DeadlineExceeded)
}

func (p *Parser) read(ctx context.Context, src []byte) (*model.Report, error) {
	doc, scan, err := p.readLayout(ctx, src)
	if err != nil {
		return nil, err
	}
	r, err := recognize.RecognizeContext(ctx, doc)
	if err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, ctx.Err() // given up on: the caller has answered already
	}
	if scan != nil {
		scan.Gate(r)
	}
	r.Source.Format = doc.Format
	r.Source.Pages = doc.Pages
	r.Region = region.OfReport(r, doc)
	if r.Region.Code == nil && len(r.Region.Candidates) == 0 && r.Agency != nil {
		if fixed, ok := region.CorrectAgency(*r.Agency); ok {
			r.Warn("agency_corrected", "agency", "the agency as printed, "+*r.Agency+", names no division; read as "+fixed+", one character apart by a common OCR confusion")
			r.Agency = &fixed
			r.Region = region.OfReport(r, doc)
		}
	}
	return r, nil
}

// Layout reads src into the intermediate form without recognising the
// report: what the recognizer sees, for debugging and for tools.
func (p *Parser) Layout(name string, src []byte) (doc *layout.Document, err error) {
	budget := p.timeout
	if p.ocr != OCRNever && budget > 0 {
		budget = max(p.timeout, p.ocrTimeout, DefaultOCRTimeout) // a scan may be read by OCR
	}
	ctx, cancel := context.WithCancel(context.Background())
	if budget > 0 {
		ctx, cancel = context.WithTimeout(context.Background(), budget)
	}
	defer cancel()
	defer func() {
		// As in Parse: a bug is reported as an unreadable document, not a
		// crash with a trace.
		if x := recover(); x != nil {
			doc, err = nil, docerr.New(docerr.Damaged, fmt.Sprintf("internal error while reading the document: %v", x))
		}
		if err != nil && ctx.Err() != nil {
			err = p.stopped(context.Background(), budget)
		}
		if e, ok := err.(*docerr.Error); ok {
			e.File = name
		}
	}()
	doc, _, err = p.readLayout(ctx, src)
	return doc, err
}

// readLayout reads src into lines; scan is set when they were read by OCR.
func (p *Parser) readLayout(ctx context.Context, src []byte) (doc *layout.Document, scan *ocr.Document, err error) {
	f := Detect(src)
	switch f {
	case FormatPDF:
		// Padding before the header (told apart by Detect however long)
		// is not part of the PDF, whose offsets count from %PDF-.
		body := bytes.TrimLeft(src, " \t\r\n\x00")
		if p.ocr != OCRAlways {
			doc, err = pdf.Read(body, pdf.WithContext(ctx), pdf.WithTimeout(p.timeout))
		}
		if p.ocr == OCRAlways || docerr.KindOf(err) == docerr.Scanned {
			if err == nil {
				err = docerr.New(docerr.Scanned, "OCR asked for")
			}
			if scan, err = p.readScanned(ctx, body, false, err); err == nil {
				return scan.Document, scan, nil
			}
		}
		if err != nil {
			return nil, nil, adapterError(f, err)
		}
		return doc, nil, nil
	case FormatImage:
		why := docerr.New(docerr.Scanned, "an image ("+imageType(src)+"), not a document with text; run OCR on it first, for example: tesseract FILE report -l chi_sim pdf (writes report.pdf with a text layer)")
		if t := imageType(src); t != "PNG" && t != "JPEG" && t != "TIFF" {
			return nil, nil, why
		}
		if scan, err = p.readScanned(ctx, src, true, why); err != nil {
			return nil, nil, err
		}
		return scan.Document, scan, nil
	}
	doc, err = p.readOther(ctx, f, src)
	return doc, nil, err
}

func (p *Parser) readOther(ctx context.Context, f Format, src []byte) (*layout.Document, error) {
	var doc *layout.Document
	var err error
	switch f {
	case FormatEmpty:
		return nil, docerr.New(docerr.Empty, "the file is empty")
	case FormatHTML:
		doc, err = html.ReadContext(ctx, src)
	case FormatText:
		s, notes := charset.DecodeText(src)
		if doc, err = text.ReadContext(ctx, s); err != nil {
			break
		}
		for _, n := range notes {
			doc.Warnings = append(doc.Warnings, layout.Warning{Code: "encoding", Message: n})
		}
	case FormatDOCX:
		doc, err = docx.Read(src, docx.WithContext(ctx))
	case FormatDOC:
		return nil, oleError(src)
	case FormatWordXML:
		return nil, docerr.New(docerr.Unsupported, "a Word document saved as a single XML file (Word 2003 XML or flat OPC), which govreport does not read; convert it with: "+convertCmd)
	case FormatOFD:
		return nil, docerr.New(docerr.Unsupported, "an OFD document (China's fixed-layout format), which govreport does not read; open it in an OFD reader (数科OFD阅读器, 福昕OFD) and export or print it to PDF, then parse the PDF")
	case FormatZIP:
		return nil, docerr.New(docerr.Unsupported, zipReason(src))
	case FormatRTF:
		return nil, docerr.New(docerr.Unsupported, "an RTF document, which govreport does not read; convert it with: "+convertCmd)
	case FormatBinary:
		return nil, docerr.New(docerr.Unsupported, "binary data of no format govreport knows (not PDF, Word, HTML or text); damaged, or a file of another kind")
	case FormatJSON:
		return nil, docerr.New(docerr.NotReport, "a JSON file (data such as govreport's own output), not a report document")
	}
	if err != nil {
		return nil, adapterError(f, err)
	}
	return doc, err
}

// adapterError turns a library's error into one of ours: a sentence that
// says what is wrong with the document, the library's words in brackets.
func adapterError(f Format, err error) error {
	if e, ok := err.(*docerr.Error); ok {
		return e
	}
	msg := err.Error()
	what := map[Format]string{FormatPDF: "PDF file", FormatHTML: "web page", FormatDOCX: "Word document"}[f]
	if what == "" {
		what = "document"
	}
	if f == FormatHTML && strings.Contains(msg, "open stack of elements") {
		return docerr.Wrap(docerr.Damaged, "a web page whose elements are nested more than 512 deep (tags left open by a broken editor or generator), too deep for the HTML parser to read ("+msg+")", err)
	}
	return docerr.Wrap(docerr.Damaged, "a damaged "+what+" that could not be read ("+msg+")", err)
}
