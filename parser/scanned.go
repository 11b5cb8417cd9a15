package parser

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/govreport/govreport/parser/docerr"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/ocr"
)

// OCRMode says when scanned pages are read with OCR.
type OCRMode string

const (
	// OCRAuto reads image-only PDFs and PNG, JPEG and TIFF files with OCR when the
	// engine is installed; otherwise they are refused as scanned.
	OCRAuto OCRMode = "auto"
	// OCRAlways reads every PDF's page images with OCR, ignoring a text
	// layer (to check a doubtful one).
	OCRAlways OCRMode = "always"
	// OCRNever refuses scanned documents as before.
	OCRNever OCRMode = "never"
)

// ParseOCRMode reads the value of --ocr.
func ParseOCRMode(s string) (OCRMode, error) {
	switch m := OCRMode(s); m {
	case OCRAuto, OCRAlways, OCRNever:
		return m, nil
	}
	return "", fmt.Errorf("--ocr must be auto, always or never, not %q", s)
}

// WithOCR sets when OCR is used (default OCRAuto).
func WithOCR(m OCRMode) Option { return func(p *Parser) { p.ocr = m } }

// WithTesseract names the Tesseract program ("" looks on PATH).
func WithTesseract(path string) Option { return func(p *Parser) { p.tesseract = path } }

// WithOCRBudget bounds the OCR of one document: pages read at most and
// wall time (it replaces the document's time budget once OCR starts).
func WithOCRBudget(pages int, d time.Duration) Option {
	return func(p *Parser) { p.ocrPages, p.ocrTimeout = pages, d }
}

// DefaultOCRTimeout bounds the OCR of one document: a few pages take
// tens of seconds on one core.
const DefaultOCRTimeout = 5 * time.Minute

type extendKey struct{}

// extendDeadline tells parse that the document now runs under the OCR
// budget instead of the reading budget.
func extendDeadline(ctx context.Context, d time.Duration) {
	if ch, ok := ctx.Value(extendKey{}).(chan time.Duration); ok {
		select {
		case ch <- d:
		default:
		}
	}
}

// readScanned reads src (an image-only PDF, or an image when image is
// true) with OCR; why is the Scanned error of today, returned as it was
// when OCR is off or the engine missing.
func (p *Parser) readScanned(ctx context.Context, src []byte, image bool, why error) (*ocr.Document, error) {
	if p.ocr == OCRNever {
		return nil, why
	}
	if _, err := ocr.Find(p.tesseract); err != nil {
		if e, ok := why.(*docerr.Error); ok {
			e2 := *e
			e2.Reason += "; govreport reads scans itself when Tesseract is installed (Debian: apt-get install " + ocr.Packages + ")"
			if p.tesseract != "" {
				e2.Reason += "; --tesseract: " + strings.TrimPrefix(err.Error(), ocr.ErrNoEngine.Error()+": ")
			}
			return nil, &e2
		}
		return nil, why
	}
	budget := p.ocrTimeout
	if budget <= 0 {
		budget = DefaultOCRTimeout
	}
	extendDeadline(ctx, budget)
	octx, cancel := context.WithTimeout(context.WithoutCancel(ctx), budget)
	defer cancel()
	// the parse's own cancellation still stops the engine
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	opt := ocr.Options{Tesseract: p.tesseract, MaxPages: p.ocrPages}
	var d *ocr.Document
	var err error
	if image {
		d, err = ocr.ReadImage(octx, src, opt)
	} else {
		d, err = ocr.ReadPDF(octx, src, opt)
	}
	if err != nil {
		if octx.Err() != nil {
			return nil, docerr.Wrap(docerr.TooLarge, fmt.Sprintf("OCR took longer than its budget of %s", budget), err)
		}
		var de *docerr.Error
		if errors.As(err, &de) {
			return nil, de
		}
		if e, ok := why.(*docerr.Error); ok {
			e2 := *e
			e2.Reason += "; OCR could not read it (" + err.Error() + ")"
			e2.Err = err
			return nil, &e2
		}
		return nil, docerr.Wrap(docerr.Scanned, "a scanned document that OCR could not read ("+err.Error()+")", err)
	}
	if d.Stats.Pages < d.Pages {
		d.Warnings = append(d.Warnings, docLimitWarning(d.Stats.Pages, d.Pages))
	}
	d.Warnings = append(d.Warnings, ocrNote(d))
	return d, nil
}

func docLimitWarning(read, total int) layout.Warning {
	return layout.Warning{Code: "too_many_pages", Message: fmt.Sprintf("OCR read the first %d of %d pages (the page budget)", read, total)}
}

// ocrNote says that the document was read by OCR, and from what.
func ocrNote(d *ocr.Document) layout.Warning {
	from := map[string]string{"images": "the PDF's own page images", "pdftoppm": "pages rendered with pdftoppm", "file": "the image file"}[d.Stats.Source]
	return layout.Warning{Code: "ocr", Message: fmt.Sprintf("a scan without text, read by OCR (Tesseract) from %s: %d pages; numbers stand only when read with confidence or confirmed by the table's arithmetic", from, d.Stats.Pages)}
}

// OCRSettings are the OCR options of the command line, shared by parse,
// convert, lines and the workers of convert.
type OCRSettings struct {
	Mode      OCRMode
	Tesseract string
	MaxPages  int
	Timeout   time.Duration
}

// Flags registers --ocr, --tesseract, --ocr-pages and --ocr-timeout.
func (s *OCRSettings) Flags(fs *flag.FlagSet) {
	s.Mode = OCRAuto
	fs.Func("ocr", "auto, always or never: read scanned pages with OCR (auto: image-only PDFs and PNG/JPEG/TIFF files, when Tesseract is installed)", func(v string) error {
		m, err := ParseOCRMode(v)
		s.Mode = m
		return err
	})
	fs.StringVar(&s.Tesseract, "tesseract", "", "the Tesseract program (default: tesseract on PATH)")
	fs.IntVar(&s.MaxPages, "ocr-pages", ocr.DefaultMaxPages, "pages of a scan read by OCR at most")
	fs.DurationVar(&s.Timeout, "ocr-timeout", DefaultOCRTimeout, "time budget for the OCR of one document")
}

// Options are the parser options the settings stand for.
func (s OCRSettings) Options() []Option {
	m := s.Mode
	if m == "" {
		m = OCRAuto
	}
	return []Option{WithOCR(m), WithTesseract(s.Tesseract), WithOCRBudget(s.MaxPages, s.Timeout)}
}

// Args are the settings as flags, for a worker process.
func (s OCRSettings) Args() []string {
	m := s.Mode
	if m == "" {
		m = OCRAuto
	}
	out := []string{"--ocr", string(m), "--ocr-pages", strconv.Itoa(s.MaxPages), "--ocr-timeout", s.Timeout.String()}
	if s.Tesseract != "" {
		out = append(out, "--tesseract", s.Tesseract)
	}
	return out
}

// MayNeedOCR tells, from the bytes alone and cheaply, whether a document
// may be read by OCR in mode m: a PNG or JPEG file, or a PDF that draws
// images and names no font (object streams can hide both: this is a
// bound for a watchdog, not a decision).
func MayNeedOCR(src []byte, m OCRMode) bool {
	switch Detect(src) {
	case FormatImage:
		return m != OCRNever
	case FormatPDF:
		return m == OCRAlways || m == OCRAuto && bytes.Contains(src, []byte("/Image")) && !bytes.Contains(src, []byte("/Font"))
	}
	return false
}
