package pdf

import (
	"fmt"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/govreport/govreport/parser/docerr"
)

// pageRef is a leaf of the page tree with its inherited attributes.
type pageRef struct {
	v   lpdf.Value
	res lpdf.Value
	box [4]float64
}

// page is one page: its glyphs while it is read, then its lines.
type page struct {
	num    int
	box    [4]float64
	glyphs []pglyph
	lines  []*tline
	images int
	failed bool
}

const maxTreeDepth = 64

// pageTree walks the page tree from the catalog with a visited set and
// depth and count limits; it never follows /Parent or trusts /Count.
func (d *doc) pageTree(r *lpdf.Reader) []pageRef {
	var out []pageRef
	seen := map[objKey]bool{}
	var walk func(n lpdf.Value, res lpdf.Value, box [4]float64, depth int)
	walk = func(n lpdf.Value, res lpdf.Value, box [4]float64, depth int) {
		if depth > maxTreeDepth || len(out) >= d.budget.maxPages || n.Kind() != lpdf.Dict {
			return
		}
		k := keyOf(n)
		if seen[k] {
			return
		}
		seen[k] = true
		if rv := key(n, "Resources"); rv.Kind() == lpdf.Dict {
			res = rv
		}
		if mb := key(n, "MediaBox"); length(mb) == 4 {
			for i := range box {
				box[i] = numOr(index(mb, i), box[i])
			}
		}
		kids := key(n, "Kids")
		t := nameOf(key(n, "Type"))
		if t == "Pages" || (t != "Page" && kids.Kind() == lpdf.Array) {
			for i, m := 0, length(kids); i < m && len(out) < d.budget.maxPages; i++ {
				walk(index(kids, i), res, box, depth+1)
			}
			return
		}
		out = append(out, pageRef{v: n, res: res, box: box})
	}
	root := key(r.Trailer(), "Root")
	walk(key(root, "Pages"), lpdf.Value{}, [4]float64{0, 0, 595, 842}, 0)
	return out
}

// extract interprets every page.
func (d *doc) extract(o *opened) ([]page, error) {
	refs := d.pageTree(o.r)
	if len(refs) == 0 {
		return nil, docerr.New(docerr.Damaged, "damaged PDF: no pages can be found")
	}
	if len(refs) >= d.budget.maxPages {
		d.warn("too_many_pages", fmt.Sprintf("only the first %d pages were read", d.budget.maxPages))
	}
	pages := make([]page, 0, len(refs))
	failed, glyphs, images := 0, 0, 0
	var budgetErr error
	for i, ref := range refs {
		p, err := d.page(ref, i+1)
		if err != nil {
			budgetErr = err
			break
		}
		if p.failed {
			failed++
		}
		for _, g := range p.glyphs {
			if g.text != " " {
				glyphs++
			}
		}
		images += p.images
		// Lines now, so the next page's glyphs reuse this page's array:
		// a document's glyphs were a third of its allocation.
		p.lines = pageLines(&p, &d.lines)
		d.spare, p.glyphs = p.glyphs[:0], nil
		pages = append(pages, p)
	}
	if budgetErr != nil {
		return nil, docerr.Wrap(docerr.TooLarge, "PDF over its reading budget: "+budgetErr.Error(), budgetErr)
	}
	if glyphs == 0 {
		if failed == len(pages) {
			return nil, docerr.New(docerr.Damaged, "damaged PDF: no page content can be read")
		}
		if d.fontless > 0 {
			return nil, docerr.New(docerr.Damaged, "damaged PDF: the fonts its text needs are missing, so the text cannot be decoded")
		}
		if d.warned["stream_damaged"] {
			return nil, docerr.New(docerr.Damaged, "damaged PDF: its page content cannot be decoded")
		}
		if images > 0 {
			return nil, docerr.New(docerr.Scanned, "no text layer: the pages are images (a scanned document); run OCR on it first")
		}
		return nil, docerr.New(docerr.Empty, "the PDF has no text")
	}
	if d.fontless > 0 {
		d.warn("font_missing", fmt.Sprintf("%d text strings use a font that is missing or unreadable; their text is lost", d.fontless))
	}
	if o.rebuilt || failed > 0 {
		msg := "the file is damaged or truncated: its cross-reference table was rebuilt by scanning"
		if !o.rebuilt {
			msg = "the file is damaged or truncated"
		}
		if failed > 0 {
			msg += fmt.Sprintf("; %d of %d pages could not be read", failed, len(pages))
		}
		code := "repaired"
		if !o.complete || failed > 0 {
			code = "truncated"
		}
		d.warn(code, msg)
	}
	return pages, nil
}

// page interprets one page. A budget overrun is returned as an error;
// anything else that goes wrong marks the page failed.
func (d *doc) page(ref pageRef, num int) (p page, err error) {
	p = page{num: num, box: ref.box}
	in := &interp{d: d}
	in.gs = gstate{ctm: identity, th: 1}
	defer func() {
		if x := recover(); x != nil {
			if b, ok := x.(errBudget); ok {
				err = b
				return
			}
			p.failed = true
		}
		p.glyphs = in.out
		p.images = in.images
	}()
	if err := d.ctx.Err(); err != nil {
		return p, errBudget{"time budget exhausted"}
	}
	contents := key(ref.v, "Contents")
	var data []byte
	switch contents.Kind() {
	case lpdf.Stream:
		data = d.transient(contents, &d.pageBuf)
	case lpdf.Array:
		for i, n := 0, length(contents); i < n && i < 4096; i++ {
			s := index(contents, i)
			if s.Kind() != lpdf.Stream {
				continue
			}
			data = append(data, d.stream(s)...)
			data = append(data, '\n')
		}
	default:
		// a page without /Contents is blank; one whose /Contents cannot
		// be loaded is lost
		if !contents.IsNull() || hasKey(ref.v, "Contents") {
			p.failed = true
		}
	}
	// the glyph array of the last page, or room for a page of text
	if cap(d.spare) == 0 {
		d.spare = make([]pglyph, 0, 1024)
	}
	in.out = d.spare[:0]
	in.run(data, ref.res)
	return p, nil
}

func hasKey(v lpdf.Value, k string) bool {
	for _, x := range keys(v) {
		if x == k {
			return true
		}
	}
	return false
}
