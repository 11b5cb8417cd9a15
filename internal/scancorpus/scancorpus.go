// Package scancorpus makes scanned test documents from our own corpus
// PDFs: each page rasterised with pdftoppm at a resolution, turned by a
// small angle, blurred, greyed, speckled, JPEG-compressed and wrapped in
// an image-only PDF (one DCTDecode image per page). Used by
// scripts/ocr/makescan and by the OCR tests, which make their scans at
// test time so that the repository carries no heavy images.
package scancorpus

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
)

// Scan is one made scan.
type Scan struct {
	PDF   []byte
	Pages int
	Angle float64 // degrees the pages were turned by
}

// Make scans the PDF at path at dpi with JPEG quality q. The angle and
// the specks come from a seed made of seed and dpi: the same call makes
// the same bytes.
func Make(path string, dpi, q int, seed int64) (*Scan, error) {
	rng := rand.New(rand.NewSource(seed*1000 + int64(dpi)))
	angle := (rng.Float64()*2 - 1) * 1.0
	pages, err := raster(path, dpi)
	if err != nil {
		return nil, err
	}
	var jpgs [][]byte
	var sizes []image.Point
	for _, g := range pages {
		g = degrade(g, angle, dpi, rng)
		var b bytes.Buffer
		if err := jpeg.Encode(&b, g, &jpeg.Options{Quality: q}); err != nil {
			return nil, err
		}
		jpgs = append(jpgs, b.Bytes())
		sizes = append(sizes, g.Rect.Size())
	}
	return &Scan{PDF: wrap(jpgs, sizes), Pages: len(pages), Angle: angle}, nil
}

func raster(src string, dpi int) ([]*image.Gray, error) {
	dir, err := os.MkdirTemp("", "makescan-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	cmd := exec.Command("pdftoppm", "-r", fmt.Sprint(dpi), "-gray", "-png", src, filepath.Join(dir, "p"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdftoppm: %v %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	sort.Strings(files)
	var out []*image.Gray
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		im, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		g := image.NewGray(im.Bounds())
		draw.Draw(g, g.Rect, im, im.Bounds().Min, draw.Src)
		out = append(out, g)
	}
	return out, nil
}

// degrade turns the page by angle degrees, blurs it (3×3 box), darkens
// the paper a little and sprinkles specks, as a flatbed scan does.
func degrade(g *image.Gray, angle float64, dpi int, rng *rand.Rand) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	r := image.NewGray(g.Rect)
	s, c := math.Sincos(angle * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := float64(x)-cx, float64(y)-cy
			sx, sy := int(c*dx+s*dy+cx+0.5), int(-s*dx+c*dy+cy+0.5)
			v := uint8(255)
			if sx >= 0 && sy >= 0 && sx < w && sy < h {
				v = g.Pix[sy*g.Stride+sx]
			}
			r.Pix[y*r.Stride+x] = v
		}
	}
	b := image.NewGray(g.Rect)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sum, n := 0, 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					xx, yy := x+dx, y+dy
					if xx >= 0 && yy >= 0 && xx < w && yy < h {
						sum += int(r.Pix[yy*r.Stride+xx])
						n++
					}
				}
			}
			v := sum/n - 10 // grey paper (sensor noise would make the corpus heavy; the specks and JPEG are the noise)
			b.Pix[y*b.Stride+x] = uint8(max(0, min(255, v)))
		}
	}
	specks := w * h / 4000
	for i := 0; i < specks; i++ {
		x, y := rng.Intn(w-2), rng.Intn(h-2)
		size := 1 + rng.Intn(max(1, dpi/150))
		for dy := 0; dy < size; dy++ {
			for dx := 0; dx < size; dx++ {
				b.Pix[(y+dy)*b.Stride+x+dx] = uint8(rng.Intn(80))
			}
		}
	}
	return b
}

// wrap makes a PDF of A4 pages, each one DCTDecode image.
func wrap(jpgs [][]byte, sizes []image.Point) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(body string, stream []byte) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\n", len(offs), body)
		if stream != nil {
			b.WriteString("stream\n")
			b.Write(stream)
			b.WriteString("\nendstream\n")
		}
		b.WriteString("endobj\n")
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	n := len(jpgs)
	kids := ""
	for i := 0; i < n; i++ {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n), nil)
	for i, j := range jpgs {
		p := 3 + 3*i
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>", p+2, p+1), nil)
		content := []byte("q 595 0 0 842 0 0 cm /Im0 Do Q")
		obj(fmt.Sprintf("<< /Length %d >>", len(content)), content)
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>",
			sizes[i].X, sizes[i].Y, len(j)), j)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, x)
	return b.Bytes()
}
