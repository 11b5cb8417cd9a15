package ocr

import (
	"image"
	"math"
	"testing"
)

// page draws a white page with a ruled table: rows of the given heights
// and columns of the given widths (pixels), the first column's cells of
// rows 1–2 merged, and a digit-like block in cell (1, 2).
func page(w, h int, x0, y0 int, cols, rows []int) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 245
	}
	fill := func(r image.Rectangle) {
		r = r.Intersect(g.Rect)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				g.Pix[y*g.Stride+x] = 20
			}
		}
	}
	xs, ys := []int{x0}, []int{y0}
	for _, c := range cols {
		xs = append(xs, xs[len(xs)-1]+c)
	}
	for _, r := range rows {
		ys = append(ys, ys[len(ys)-1]+r)
	}
	for i, y := range ys {
		from := xs[0]
		if i == 2 {
			from = xs[1] // the first column's cells of rows 1 and 2 are one
		}
		fill(image.Rect(from, y, xs[len(xs)-1]+2, y+2))
	}
	for _, x := range xs {
		fill(image.Rect(x, ys[0], x+2, ys[len(ys)-1]+2))
	}
	fill(image.Rect(xs[2]+20, ys[1]+15, xs[2]+30, ys[1]+45))
	return g
}

func TestFindTables(t *testing.T) {
	g := page(1600, 2200, 200, 300, []int{400, 120, 120, 120}, []int{90, 90, 90, 90})
	ts := findTables(g, otsu(g), 200)
	if len(ts) != 1 {
		t.Fatalf("%d tables, want 1", len(ts))
	}
	tb := ts[0]
	if tb.rows != 4 || tb.cols != 4 || len(tb.cells) != 15 {
		t.Fatalf("grid %d×%d with %d cells, want 4×4 with 15 (one merged over two rows)", tb.rows, tb.cols, len(tb.cells))
	}
	merged := cellAt(tb, 1, 0)
	if merged == nil || merged.row0 != 1 || merged.row1 != 3 || cellAt(tb, 2, 0) != merged {
		t.Errorf("the first column's cell of rows 1–2 is %+v, want one cell over both", merged)
	}
	for _, c := range tb.cells {
		inked := c.row0 == 1 && c.col0 == 2
		if inked == c.ink.Empty() {
			t.Errorf("cell (%d,%d): ink %v", c.row0, c.col0, c.ink)
		}
	}
}

func TestDeskewThenGrid(t *testing.T) {
	g := page(1600, 2200, 200, 300, []int{400, 120, 120, 120}, []int{90, 90, 90, 90})
	turned := rotate(g, -0.8)
	thr := otsu(turned)
	a := skewAngle(turned, thr, 1.5)
	// rotate(g, a) straightens: the skew of a page turned by -0.8° is 0.8°
	if math.Abs(a-0.8) > 0.15 {
		t.Fatalf("skew %.2f°, want 0.8°", a)
	}
	ts := findTables(rotate(turned, a), thr, 200)
	if len(ts) != 1 || ts[0].rows != 4 || ts[0].cols != 4 {
		t.Fatalf("after deskew: %d tables", len(ts))
	}
}
