package ocr

import (
	"image"
	"image/color"
	"math"
)

// gray converts any image to 8-bit grey (0 black, 255 white).
func gray(src image.Image) *image.Gray {
	if g, ok := src.(*image.Gray); ok && g.Rect.Min == (image.Point{}) {
		return g
	}
	b := src.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	switch s := src.(type) {
	case *image.YCbCr:
		for y := 0; y < b.Dy(); y++ {
			copy(g.Pix[y*g.Stride:y*g.Stride+b.Dx()], s.Y[(y)*s.YStride:(y)*s.YStride+b.Dx()])
		}
		return g
	}
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			g.Pix[y*g.Stride+x] = color.GrayModel.Convert(src.At(b.Min.X+x, b.Min.Y+y)).(color.Gray).Y
		}
	}
	return g
}

// otsu returns the threshold that best splits the grey levels in two.
func otsu(g *image.Gray) uint8 {
	var hist [256]int
	for _, p := range g.Pix {
		hist[p]++
	}
	total := len(g.Pix)
	sum := 0.0
	for i, h := range hist {
		sum += float64(i * h)
	}
	var sumB, best float64
	wB := 0
	t := uint8(128)
	for i := 0; i < 256; i++ {
		wB += hist[i]
		if wB == 0 {
			continue
		}
		wF := total - wB
		if wF == 0 {
			break
		}
		sumB += float64(i * hist[i])
		mB := sumB / float64(wB)
		mF := (sum - sumB) / float64(wF)
		v := float64(wB) * float64(wF) * (mB - mF) * (mB - mF)
		if v > best {
			best, t = v, uint8(i)
		}
	}
	return t
}

// skewAngle estimates the page's rotation in degrees (within ±maxDeg) as
// the angle whose horizontal projection of dark pixels is sharpest: text
// lines and table rules line up with rows only at the right angle.
func skewAngle(g *image.Gray, thr uint8, maxDeg float64) float64 {
	type pt struct{ x, y int32 }
	var pts []pt
	step := 1
	if g.Rect.Dx()*g.Rect.Dy() > 2_000_000 {
		step = 2
	}
	// the margins are left out: a scanner's dark border or the fill
	// around a turned page lies straight whatever the page's angle
	mx, my := g.Rect.Dx()/25, g.Rect.Dy()/25
	for y := my; y < g.Rect.Dy()-my; y += step {
		row := g.Pix[y*g.Stride:]
		for x := mx; x < g.Rect.Dx()-mx; x += step {
			if row[x] <= thr {
				pts = append(pts, pt{int32(x), int32(y)})
			}
		}
	}
	if len(pts) < 100 {
		return 0
	}
	h := g.Rect.Dy()
	bins := make([]int, h+2*int(float64(g.Rect.Dx())*math.Tan(maxDeg*math.Pi/180))+4)
	off := (len(bins) - h) / 2
	score := func(deg float64) float64 {
		for i := range bins {
			bins[i] = 0
		}
		t := math.Tan(deg * math.Pi / 180)
		for _, p := range pts {
			// bins as tall as the sampling step: finer bins would favour 0°,
			// where only every step-th bin receives samples
			k := (int(float64(p.y)-float64(p.x)*t) + off) / step
			if k >= 0 && k < len(bins) {
				bins[k]++
			}
		}
		s := 0.0
		for _, b := range bins {
			s += float64(b) * float64(b)
		}
		return s
	}
	best, bestS := 0.0, score(0)
	for d := -maxDeg; d <= maxDeg+1e-9; d += 0.1 {
		if s := score(d); s > bestS {
			best, bestS = d, s
		}
	}
	// refine around the best coarse angle
	for d := best - 0.08; d <= best+0.08+1e-9; d += 0.02 {
		if s := score(d); s > bestS {
			best, bestS = d, s
		}
	}
	return best
}

// rotate turns g by deg degrees about its centre (bilinear, white fill);
// rotating by the skew angle's opposite straightens the page.
func rotate(g *image.Gray, deg float64) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	s, c := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := float64(x)-cx, float64(y)-cy
			sx := c*dx - s*dy + cx
			sy := s*dx + c*dy + cy
			x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
			if x0 < 0 || y0 < 0 || x0+1 >= w || y0+1 >= h {
				out.Pix[y*out.Stride+x] = 255
				continue
			}
			fx, fy := sx-float64(x0), sy-float64(y0)
			p := g.Pix[y0*g.Stride+x0:]
			q := g.Pix[(y0+1)*g.Stride+x0:]
			v := (float64(p[0])*(1-fx)+float64(p[1])*fx)*(1-fy) + (float64(q[0])*(1-fx)+float64(q[1])*fx)*fy
			out.Pix[y*out.Stride+x] = uint8(v + 0.5)
		}
	}
	return out
}

// shrink scales g by f < 1, each pixel the mean of those it covers.
func shrink(g *image.Gray, f float64) *image.Gray {
	w, h := int(float64(g.Rect.Dx())*f), int(float64(g.Rect.Dy())*f)
	out := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		y0, y1 := int(float64(y)/f), min(g.Rect.Dy(), int(float64(y+1)/f))
		for x := 0; x < w; x++ {
			x0, x1 := int(float64(x)/f), min(g.Rect.Dx(), int(float64(x+1)/f))
			sum, n := 0, 0
			for yy := y0; yy < y1; yy++ {
				row := g.Pix[yy*g.Stride:]
				for xx := x0; xx < x1; xx++ {
					sum += int(row[xx])
					n++
				}
			}
			if n > 0 {
				out.Pix[y*out.Stride+x] = uint8(sum / n)
			}
		}
	}
	return out
}

// crop copies the rectangle r of g (clipped) into a new image with pad
// white pixels around it, scaled by an integer factor.
func crop(g *image.Gray, r image.Rectangle, pad, scale int) *image.Gray {
	r = r.Intersect(g.Rect)
	w, h := r.Dx()*scale+2*pad, r.Dy()*scale+2*pad
	out := image.NewGray(image.Rect(0, 0, w, h))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	if scale == 1 {
		for y := 0; y < r.Dy(); y++ {
			copy(out.Pix[(pad+y)*out.Stride+pad:], g.Pix[(r.Min.Y+y)*g.Stride+r.Min.X:(r.Min.Y+y)*g.Stride+r.Max.X])
		}
		return out
	}
	// bilinear: Tesseract misreads the blocks of a nearest-neighbour zoom
	f := float64(scale)
	for y := 0; y < r.Dy()*scale; y++ {
		sy := math.Max(0, (float64(y)+0.5)/f-0.5)
		y0 := min(int(sy), r.Dy()-1)
		y1 := min(y0+1, r.Dy()-1)
		fy := sy - float64(y0)
		dst := out.Pix[(pad+y)*out.Stride+pad:]
		for x := 0; x < r.Dx()*scale; x++ {
			sx := math.Max(0, (float64(x)+0.5)/f-0.5)
			x0 := min(int(sx), r.Dx()-1)
			x1 := min(x0+1, r.Dx()-1)
			fx := sx - float64(x0)
			p := func(xx, yy int) float64 { return float64(g.Pix[(r.Min.Y+yy)*g.Stride+r.Min.X+xx]) }
			v := (p(x0, y0)*(1-fx)+p(x1, y0)*fx)*(1-fy) + (p(x0, y1)*(1-fx)+p(x1, y1)*fx)*fy
			dst[x] = uint8(v + 0.5)
		}
	}
	return out
}
