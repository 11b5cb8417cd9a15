// Package ocr reads scanned reports (image-only PDFs, PNG and JPEG files)
// with Tesseract, called as a process with TSV output, into the
// intermediate layout form.
//
// A page is straightened (deskew within ±1.5°), its ruled tables found
// (long runs of dark pixels are the rules, the regions they close are the
// cells, cell edges the grid), and each cell read alone: labels with
// chi_sim, numbers with a digits-only configuration on two renderings of
// the cell (grey and binarised), so that every number carries its
// confidence and its alternative readings. Text outside the tables is read
// by page. Table rows come out as lines of cells in grid columns with
// Table set, as the HTML reader gives them, so the recognizer maps labels
// and headers as for any table.
//
// OCR never decides a number alone: Gate (gate.go) keeps a reading when it
// is sure (both renderings agree with high confidence) or when the
// template's arithmetic confirms it, and turns every other cell into null
// with its candidates in a warning.
package ocr

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // decoding PNG files given directly
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	_ "golang.org/x/image/tiff" // TIFF, the format of many scanners (first page)

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/pdf"
	"github.com/govreport/govreport/parser/textnorm"
)

// Options bound and configure a read.
type Options struct {
	Tesseract string        // the engine's path ("" looks on PATH)
	MaxPages  int           // pages read at most (0: DefaultMaxPages)
	Timeout   time.Duration // wall time for the whole document (0: none beyond ctx)
	DPI       float64       // resolution for pdftoppm (0: 200)
}

// DefaultMaxPages bounds a scanned document: reports are a few pages.
const DefaultMaxPages = 30

// Stats says where the time went, for the benchmark and for messages.
type Stats struct {
	Pages     int
	Source    string // "images" (the PDF's own image XObjects), "pdftoppm", "file"
	Decode    time.Duration
	Grid      time.Duration // deskew, rules, cells
	OCR       time.Duration // Tesseract processes (wall time)
	Processes int
}

// Document is an OCR'd document: the layout and, for each table cell
// read as a number, its readings.
type Document struct {
	*layout.Document
	// Numbers maps a line Num to its number cells, by index in the line.
	Numbers map[int]map[int]*Reading
	// Unread marks the cells of a line (by index) that hold ink no
	// reading made text of: empty, but not blank.
	Unread map[int]map[int]bool
	Stats  Stats
}

// Reading is what OCR made of one number cell.
type Reading struct {
	Page       int
	Box        image.Rectangle // pixels of the straightened page
	DPI        float64
	Candidates []Candidate // best first
	Sure       bool        // both renderings read the same digits confidently
}

// Candidate is one reading of a number cell with Tesseract's confidence
// (0–100).
type Candidate struct {
	Text string
	Conf float64
}

type reading = Reading

// page is one page image ready for reading.
type pageImg struct {
	num    int
	g      *image.Gray
	thr    uint8
	dpi    float64
	tables []*table
	prose  []word
}

// ReadImage reads a PNG, JPEG or TIFF file holding one page (of a
// multi-page TIFF, the first).
func ReadImage(ctx context.Context, src []byte, opt Options) (*Document, error) {
	e, err := Find(opt.Tesseract)
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	im, _, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("the image cannot be decoded: %v", err)
	}
	g := gray(im)
	st := Stats{Source: "file", Decode: time.Since(t0)}
	d, err := readPages(ctx, e, []pageImg{{num: 1, g: g, dpi: dpiOf(g)}}, st, 0)
	if d != nil {
		d.Format = "image"
	}
	return d, err
}

// ReadPDF reads an image-only PDF: its pages' own images when they are
// JPEG or Flate-encoded samples, else pages rasterised with pdftoppm when
// it is installed.
func ReadPDF(ctx context.Context, src []byte, opt Options) (*Document, error) {
	e, err := Find(opt.Tesseract)
	if err != nil {
		return nil, err
	}
	if opt.MaxPages <= 0 {
		opt.MaxPages = DefaultMaxPages
	}
	t0 := time.Now()
	imgs, err := pdf.PageImages(src, pdf.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	total := len(imgs)
	if len(imgs) > opt.MaxPages {
		imgs = imgs[:opt.MaxPages]
	}
	var pages []pageImg
	st := Stats{Source: "images"}
	for _, pi := range imgs {
		g := decodePageImage(pi)
		if g == nil {
			pages = nil
			break
		}
		pages = append(pages, pageImg{num: pi.Page, g: g, dpi: dpiOf(g)})
	}
	if len(pages) == 0 {
		dpi := opt.DPI
		if dpi == 0 {
			dpi = 200
		}
		pages, err = rasterise(ctx, src, len(imgs), dpi)
		if err != nil {
			return nil, err
		}
		st.Source = "pdftoppm"
	}
	st.Decode = time.Since(t0)
	d, err := readPages(ctx, e, pages, st, total)
	if err != nil {
		return nil, err
	}
	d.Pages = total
	return d, nil
}

// dpiOf guesses the resolution from the width of an A4 portrait page (a
// landscape scan is as wide as A4 is tall).
func dpiOf(g *image.Gray) float64 {
	w, h := float64(g.Rect.Dx()), float64(g.Rect.Dy())
	if w > h {
		return w / 11.69
	}
	return w / 8.27
}

func decodePageImage(pi *pdf.PageImage) *image.Gray {
	if pi == nil {
		return nil
	}
	if pi.Filter == "DCTDecode" {
		im, err := jpeg.Decode(bytes.NewReader(pi.Data))
		if err != nil {
			return nil
		}
		return gray(im)
	}
	w, h := pi.Width, pi.Height
	g := image.NewGray(image.Rect(0, 0, w, h))
	stride := (w*pi.Components*pi.BPC + 7) / 8
	for y := 0; y < h; y++ {
		row := pi.Data[y*stride:]
		for x := 0; x < w; x++ {
			var v uint8
			switch {
			case pi.BPC == 1 && pi.Components == 1:
				v = 0
				if row[x/8]>>(7-uint(x%8))&1 == 1 {
					v = 255
				}
			case pi.BPC == 8 && pi.Components == 1:
				v = row[x]
			case pi.BPC == 8 && pi.Components == 3:
				r, gg, b := int(row[3*x]), int(row[3*x+1]), int(row[3*x+2])
				v = uint8((299*r + 587*gg + 114*b) / 1000)
			case pi.BPC == 8 && pi.Components == 4:
				k := int(row[4*x+3]) + (int(row[4*x])+int(row[4*x+1])+int(row[4*x+2]))/3
				v = uint8(255 - min(255, k))
			default:
				return nil
			}
			if pi.Decode01 {
				v = 255 - v
			}
			g.Pix[y*g.Stride+x] = v
		}
	}
	return g
}

// rasterise renders pages with poppler's pdftoppm.
func rasterise(ctx context.Context, src []byte, n int, dpi float64) ([]pageImg, error) {
	tool, err := exec.LookPath("pdftoppm")
	if err != nil {
		return nil, fmt.Errorf("the PDF's images are in a format govreport does not decode, and pdftoppm is not installed to render the pages (Debian: apt-get install poppler-utils)")
	}
	dir, err := os.MkdirTemp("", "govreport-raster-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, src, 0o600); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, tool, "-r", fmt.Sprint(int(dpi)), "-gray", "-png", "-f", "1", "-l", fmt.Sprint(n), in, filepath.Join(dir, "p"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdftoppm: %v: %s", err, strings.TrimSpace(string(out)))
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	sort.Strings(files)
	var pages []pageImg
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		im, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		pages = append(pages, pageImg{num: i + 1, g: gray(im), dpi: dpi})
	}
	return pages, nil
}

// readPages straightens the pages, finds their tables, runs the OCR
// batches and builds the layout.
func readPages(ctx context.Context, e *Engine, pages []pageImg, st Stats, total int) (*Document, error) {
	t0 := time.Now()
	for i := range pages {
		p := &pages[i]
		p.thr = otsu(p.g)
		if a := skewAngle(p.g, p.thr, 1.5); a > 0.05 || a < -0.05 {
			p.g = rotate(p.g, a)
		}
		p.tables = findTables(p.g, p.thr, p.dpi)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	st.Grid = time.Since(t0)
	st.Pages = len(pages)

	// the cells to read, in one batch per configuration
	type ref struct {
		p *pageImg
		c *gridCell
	}
	var refs []ref
	var greyImgs, binImgs, pageImgs []*image.Gray
	for i := range pages {
		p := &pages[i]
		scale := 1
		if p.dpi < 180 {
			scale = 2
		}
		pad := int(p.dpi / 20)
		for _, t := range p.tables {
			for _, c := range t.cells {
				if c.ink.Empty() {
					continue
				}
				r := c.ink.Inset(-max(1, int(p.dpi/100)))
				g := crop(p.g, r, pad, scale)
				refs = append(refs, ref{p, c})
				greyImgs = append(greyImgs, g)
				binImgs = append(binImgs, binarise(g, p.thr))
			}
		}
		pi := proseImage(p)
		if p.dpi > 250 {
			// chi_sim reads prose worse at 300 dpi than at 200: the page
			// is averaged down (word boxes scaled back in build)
			pi = shrink(pi, 200/p.dpi)
		}
		pageImgs = append(pageImgs, pi)
	}
	t1 := time.Now()
	var wg sync.WaitGroup
	var labels, digits, digits2, prose [][]word
	var errs [4]error
	for k, f := range []func(){
		func() { labels, errs[0] = e.run(ctx, job{lang: "chi_sim", psm: 6}, greyImgs) },
		func() { digits, errs[1] = e.run(ctx, job{lang: "eng", psm: 7, whitelist: "0123456789.,"}, greyImgs) },
		func() { digits2, errs[2] = e.run(ctx, job{lang: "eng", psm: 7, whitelist: "0123456789.,"}, binImgs) },
		func() { prose, errs[3] = e.run(ctx, job{lang: "chi_sim", psm: 4}, pageImgs) },
	} {
		_ = k
		wg.Add(1)
		go func() { defer wg.Done(); f() }()
	}
	wg.Wait()
	st.OCR = time.Since(t1)
	st.Processes = 4
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for i, r := range refs {
		label := joinWords(labels[i])
		a, ca := digitsOf(digits[i])
		b, cb := digitsOf(digits2[i])
		// a label is what chi_sim reads as words unless both digit
		// readings agree (chi_sim turns a lone 12 into a character)
		// a label is words; a cell that also gives digits to a digit pass
		// is a number whose chi_sim reading is a lookalike (1 read 轩)
		if a == "" && b == "" || hanCount(label) >= 2 && a != b {
			r.c.label, r.c.text = true, label
			continue
		}
		rd := &Reading{Page: r.p.num, Box: r.c.box, DPI: r.p.dpi}
		add := func(t string, conf float64) {
			if t == "" {
				return
			}
			for k := range rd.Candidates {
				if rd.Candidates[k].Text == t {
					rd.Candidates[k].Conf = max(rd.Candidates[k].Conf, conf)
					return
				}
			}
			rd.Candidates = append(rd.Candidates, Candidate{t, conf})
		}
		l, cl := digitsOf(labels[i])
		passes := []Candidate{{a, ca}, {b, cb}, {l, cl}}
		for _, c := range passes {
			if c.Conf >= minConf {
				add(c.Text, c.Conf)
			}
		}
		sort.SliceStable(rd.Candidates, func(x, y int) bool { return rd.Candidates[x].Conf > rd.Candidates[y].Conf })
		rd.Sure = sure(passes)
		if len(rd.Candidates) == 0 {
			r.c.label, r.c.text = true, label
			continue
		}
		r.c.numberish, r.c.reading = true, rd
	}
	for i := range pages {
		pages[i].prose = prose[i]
		if pages[i].dpi > 250 {
			k := pages[i].dpi / 200
			for j := range pages[i].prose {
				b := &pages[i].prose[j].box
				*b = image.Rect(int(float64(b.Min.X)*k), int(float64(b.Min.Y)*k), int(float64(b.Max.X)*k), int(float64(b.Max.Y)*k))
			}
		}
	}
	d := build(pages)
	d.Stats = st
	d.Pages = max(total, len(pages))
	return d, nil
}

// sureConf is the confidence two readings must reach for a reading to
// stand without the arithmetic; below minConf a reading is no reading.
const (
	sureConf = 85
	minConf  = 20
)

// sure reports whether two of the passes read the same digits with
// confidence and none read other digits with some.
func sure(passes []Candidate) bool {
	for i, p := range passes {
		if p.Text == "" || p.Conf < sureConf {
			continue
		}
		agree, other := 0, false
		for j, q := range passes {
			switch {
			case j == i || q.Text == "":
			case q.Text == p.Text && q.Conf >= sureConf:
				agree++
			case q.Text != p.Text && q.Conf >= 50:
				other = true
			}
		}
		if agree > 0 && !other {
			return true
		}
	}
	return false
}

// binarise renders g in black and white at the page's threshold.
func binarise(g *image.Gray, thr uint8) *image.Gray {
	out := image.NewGray(g.Rect)
	for i, p := range g.Pix {
		if p > thr {
			out.Pix[i] = 255
		}
	}
	return out
}

// proseImage is the page with its tables painted white.
func proseImage(p *pageImg) *image.Gray {
	if len(p.tables) == 0 {
		return p.g
	}
	g := image.NewGray(p.g.Rect)
	copy(g.Pix, p.g.Pix)
	m := int(p.dpi / 30)
	for _, t := range p.tables {
		r := t.box.Inset(-m).Intersect(g.Rect)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			row := g.Pix[y*g.Stride:]
			for x := r.Min.X; x < r.Max.X; x++ {
				row[x] = 255
			}
		}
	}
	return g
}

var digitRe = lazyre.New(`^\d+(\.\d+)?$`)

// digitsOf is the number a cell's words spell (thousands separators
// dropped) with the lowest word confidence, or "" when they spell none.
func digitsOf(ws []word) (string, float64) {
	var b strings.Builder
	conf := 100.0
	for _, w := range ws {
		b.WriteString(w.text)
		conf = min(conf, w.conf)
	}
	t := strings.ReplaceAll(textnorm.Compact(b.String()), ",", "")
	if !digitRe.MatchString(t) {
		return "", 0
	}
	return t, conf
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// joinWords joins a line's words: no space between Chinese characters.
func joinWords(ws []word) string {
	var b strings.Builder
	prevLine := -1
	for i, w := range ws {
		if i > 0 {
			lineBreak := w.line != prevLine
			last, _ := lastRune(b.String())
			first := []rune(w.text)[0]
			if !lineBreak && !(isCJK(last) || isCJK(first)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w.text)
		prevLine = w.line
	}
	return b.String()
}

func lastRune(s string) (rune, bool) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, false
	}
	return r[len(r)-1], true
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}
