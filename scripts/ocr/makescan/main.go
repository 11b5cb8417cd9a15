// Command makescan makes the scanned corpus (corpus/scan) from our own
// corpus PDFs: each page rasterised with pdftoppm at a resolution, turned
// by a small angle, blurred, speckled, JPEG-compressed and wrapped in an
// image-only PDF (one DCTDecode image per page), with the source's
// expected values copied beside it.
//
//	go run ./scripts/ocr/makescan -out corpus/scan corpus/pdf/NAME.pdf ...
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"log"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	out := flag.String("out", "corpus/scan", "output folder")
	dpis := flag.String("dpi", "150,200,300", "resolutions")
	quality := flag.Int("quality", 75, "JPEG quality")
	flag.Parse()
	for _, src := range flag.Args() {
		base := strings.TrimSuffix(filepath.Base(src), ".pdf")
		for i, d := range strings.Split(*dpis, ",") {
			var dpi int
			fmt.Sscan(d, &dpi)
			// a fixed seed per document and resolution: the corpus is reproducible
			rng := rand.New(rand.NewSource(int64(len(base)*1000 + dpi)))
			angle := (rng.Float64()*2 - 1) * 1.0
			pages := raster(src, dpi)
			var jpgs [][]byte
			var sizes []image.Point
			for _, g := range pages {
				g = degrade(g, angle, dpi, rng)
				var b bytes.Buffer
				if err := jpeg.Encode(&b, g, &jpeg.Options{Quality: *quality}); err != nil {
					log.Fatal(err)
				}
				jpgs = append(jpgs, b.Bytes())
				sizes = append(sizes, g.Rect.Size())
			}
			name := fmt.Sprintf("%s-%ddpi", base, dpi)
			must(os.WriteFile(filepath.Join(*out, name+".pdf"), wrap(jpgs, sizes), 0o644))
			exp, err := os.ReadFile(strings.TrimSuffix(src, ".pdf") + ".expected.json")
			must(err)
			must(os.WriteFile(filepath.Join(*out, name+".expected.json"), exp, 0o644))
			fmt.Printf("%s: %d pages, %.2f°\n", name, len(pages), angle)
			_ = i
		}
	}
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func raster(src string, dpi int) []*image.Gray {
	dir, err := os.MkdirTemp("", "makescan-")
	must(err)
	defer os.RemoveAll(dir)
	cmd := exec.Command("pdftoppm", "-r", fmt.Sprint(dpi), "-gray", "-png", src, filepath.Join(dir, "p"))
	if out, err := cmd.CombinedOutput(); err != nil {
		log.Fatalf("pdftoppm: %v %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	sort.Strings(files)
	var out []*image.Gray
	for _, f := range files {
		b, err := os.ReadFile(f)
		must(err)
		im, err := png.Decode(bytes.NewReader(b))
		must(err)
		g := image.NewGray(im.Bounds())
		draw.Draw(g, g.Rect, im, im.Bounds().Min, draw.Src)
		out = append(out, g)
	}
	return out
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
			v := sum/n - 12 + rng.Intn(9) // grey paper, sensor noise
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
