package pdf

import (
	"bytes"
	"context"
	"fmt"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/govreport/govreport/parser/docerr"
)

// PageImage is the largest image a page draws, for OCR of image-only PDFs.
type PageImage struct {
	Page          int // 1-based
	Width, Height int
	// Filter is "DCTDecode" when Data is a JPEG file, "" when Data holds
	// decoded samples (rows of Width pixels, Components × BitsPerComponent
	// bits each, rows padded to a byte).
	Filter     string
	Components int
	BPC        int
	Decode01   bool // /Decode [1 0]: samples inverted (a bilevel mask)
	Data       []byte
}

// PageImages returns, for every page of src, the largest image XObject
// drawn from the page's own resources (nil entries for pages whose image
// is absent or uses a filter we do not decode: JPX, CCITT, JBIG2). Pages
// are counted as Read counts them.
func PageImages(src []byte, opts ...Option) (out []*PageImage, err error) {
	cfg := config{ctx: context.Background(), b: DefaultBudget}
	for _, o := range opts {
		o(&cfg)
	}
	defer func() {
		if x := recover(); x != nil {
			out, err = nil, docerr.New(docerr.Damaged, fmt.Sprintf("damaged PDF: %v", x))
		}
	}()
	start := bytes.Index(src[:min(len(src), 4096)], []byte("%PDF-"))
	if start < 0 {
		return nil, docerr.New(docerr.Damaged, "not a PDF file")
	}
	d, o, err := openDoc(cfg.ctx, src[start:], cfg)
	if err != nil {
		return nil, err
	}
	for i, ref := range d.pageTree(o.r) {
		out = append(out, d.pageImage(ref, i+1))
	}
	return out, nil
}

func (d *doc) pageImage(ref pageRef, page int) (img *PageImage) {
	defer func() {
		if recover() != nil {
			img = nil
		}
	}()
	xo := key(ref.res, "XObject")
	var best lpdf.Value
	area := 0.0
	for _, k := range keys(xo) {
		v := key(xo, k)
		if v.Kind() != lpdf.Stream || nameOf(key(v, "Subtype")) != "Image" {
			continue
		}
		w, _ := num(key(v, "Width"))
		h, _ := num(key(v, "Height"))
		if w*h > area {
			best, area = v, w*h
		}
	}
	if area == 0 || area > 1<<28 {
		return nil
	}
	w, _ := num(key(best, "Width"))
	h, _ := num(key(best, "Height"))
	img = &PageImage{Page: page, Width: int(w), Height: int(h), BPC: int(numOr(key(best, "BitsPerComponent"), 8))}
	names, _ := filters(best)
	if n := len(names); n > 0 && (names[n-1] == "DCTDecode" || names[n-1] == "DCT") {
		raw, ok := rawStream(best, d.src)
		if !ok || d.aesKey != nil || d.encrypted {
			return nil
		}
		if n > 1 {
			dec, err := decodeRaw(raw, names[:n-1], d.budget.maxStream)
			if err != nil {
				return nil
			}
			raw = dec
		}
		img.Filter = "DCTDecode"
		img.Data = raw
		return img
	}
	for _, n := range names {
		switch n {
		case "FlateDecode", "Fl", "LZWDecode", "LZW", "ASCII85Decode", "A85", "ASCIIHexDecode", "AHx", "RunLengthDecode", "RL":
		default:
			return nil // JPX, CCITT, JBIG2: left to a rasteriser
		}
	}
	if p := key(key(best, "DecodeParms"), "Predictor"); !p.IsNull() && numOr(p, 1) > 1 {
		return nil // PNG predictors: left to a rasteriser
	}
	img.Data = d.stream(best)
	switch cs := key(best, "ColorSpace"); {
	case key(best, "ImageMask").Kind() == lpdf.Bool && key(best, "ImageMask").Bool():
		img.Components, img.BPC = 1, 1
	case nameOf(cs) == "DeviceRGB" || nameOf(cs) == "CalRGB":
		img.Components = 3
	case nameOf(cs) == "DeviceCMYK":
		img.Components = 4
	case nameOf(cs) == "DeviceGray" || nameOf(cs) == "CalGray":
		img.Components = 1
	default:
		return nil // indexed, ICC: left to a rasteriser
	}
	if dec := key(best, "Decode"); length(dec) >= 2 && numOr(index(dec, 0), 0) == 1 {
		img.Decode01 = true
	}
	if len(img.Data) < (img.Width*img.Components*img.BPC+7)/8*img.Height {
		return nil
	}
	return img
}
