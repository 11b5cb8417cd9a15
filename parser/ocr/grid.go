package ocr

import (
	"image"
	"sort"
)

// gridCell is one cell of a ruled table: its pixel box (inside the rules)
// and the grid rows and columns it spans.
type gridCell struct {
	box              image.Rectangle
	row0, row1       int // rows [row0, row1)
	col0, col1       int
	ink              image.Rectangle // bounding box of the dark pixels inside, empty when blank
	text             string          // what OCR read (labels)
	reading          *reading        // what OCR read (numbers)
	label, numberish bool
}

// table is one ruled table found on a page.
type table struct {
	box        image.Rectangle
	rows, cols int
	cells      []*gridCell
}

// findTables finds the ruled tables of a straightened page: rules are long
// runs of dark pixels (horizontal and vertical); the regions they enclose
// are the cells; cells that touch form one table, whose grid lines are the
// cells' edges.
func findTables(g *image.Gray, thr uint8, dpi float64) []*table {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	dark := make([]bool, w*h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dark[y*w+x] = g.Pix[y*g.Stride+x] <= thr
		}
	}
	// a horizontal rule is longer than a few characters; a vertical one
	// longer than a character is tall (a short header row has short ones)
	minRun := int(0.3 * dpi)
	gap := max(1, int(dpi/100)) // a rule broken by noise or blur is still a rule
	line := make([]bool, w*h)
	mark := func(n int, at func(i int) int) {
		start, last := -1, -1
		flush := func() {
			if start >= 0 && last-start+1 >= minRun {
				for i := start; i <= last; i++ {
					line[at(i)] = true
				}
			}
		}
		for i := 0; i < n; i++ {
			if dark[at(i)] {
				if start < 0 || i-last > gap+1 {
					flush()
					start = i
				}
				last = i
			}
		}
		flush()
	}
	for y := 0; y < h; y++ {
		mark(w, func(i int) int { return y*w + i })
	}
	minRun = int(0.2 * dpi)
	for x := 0; x < w; x++ {
		mark(h, func(i int) int { return i*w + x })
	}
	// thicken the rules by a pixel so that a rule slightly off straight
	// still closes its cells
	thick := make([]bool, w*h)
	for y := 1; y < h-1; y++ {
		for x := 1; x < w-1; x++ {
			i := y*w + x
			thick[i] = line[i] || line[i-1] || line[i+1] || line[i-w] || line[i+w]
		}
	}
	// label the regions between rules
	labels := make([]int32, w*h)
	type comp struct {
		box  image.Rectangle
		area int
		edge bool
	}
	var comps []comp
	stack := make([]int32, 0, 1024)
	for i := range labels {
		if thick[i] || labels[i] != 0 {
			continue
		}
		id := int32(len(comps) + 1)
		c := comp{box: image.Rectangle{Min: image.Pt(w, h)}}
		labels[i] = id
		stack = append(stack[:0], int32(i))
		for len(stack) > 0 {
			p := int(stack[len(stack)-1])
			stack = stack[:len(stack)-1]
			x, y := p%w, p/w
			c.area++
			if x < c.box.Min.X {
				c.box.Min.X = x
			}
			if y < c.box.Min.Y {
				c.box.Min.Y = y
			}
			if x >= c.box.Max.X {
				c.box.Max.X = x + 1
			}
			if y >= c.box.Max.Y {
				c.box.Max.Y = y + 1
			}
			if x == 0 || y == 0 || x == w-1 || y == h-1 {
				c.edge = true
			}
			for _, q := range [4]int{p - 1, p + 1, p - w, p + w} {
				if q < 0 || q >= len(labels) || (q == p-1 && x == 0) || (q == p+1 && x == w-1) {
					continue
				}
				if !thick[q] && labels[q] == 0 {
					labels[q] = id
					stack = append(stack, int32(q))
				}
			}
		}
		comps = append(comps, c)
	}
	minW, minH := int(0.12*dpi), int(0.08*dpi)
	var cells []*gridCell
	for _, c := range comps {
		bw, bh := c.box.Dx(), c.box.Dy()
		if c.edge || bw < minW || bh < minH || float64(c.area) < 0.8*float64(bw*bh) {
			continue
		}
		if bw > w*9/10 && bh > h*9/10 {
			continue // a page frame
		}
		cells = append(cells, &gridCell{box: c.box})
	}
	// cells sharing a rule belong to one table
	parent := make([]int, len(cells))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	reach := int(0.04*dpi) + 2
	for i, a := range cells {
		ai := a.box.Inset(-reach)
		for j := i + 1; j < len(cells); j++ {
			if ai.Overlaps(cells[j].box) {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int][]*gridCell{}
	for i, c := range cells {
		groups[find(i)] = append(groups[find(i)], c)
	}
	var out []*table
	for _, cs := range groups {
		if len(cs) < 4 {
			continue
		}
		t := &table{cells: cs, box: cs[0].box}
		for _, c := range cs {
			t.box = t.box.Union(c.box)
		}
		tol := int(0.05*dpi) + 1
		var xs, ys []int
		for _, c := range cs {
			xs = append(xs, c.box.Min.X, c.box.Max.X)
			ys = append(ys, c.box.Min.Y, c.box.Max.Y)
		}
		bx, by := cluster(xs, tol), cluster(ys, tol)
		t.cols, t.rows = len(bx)-1, len(by)-1
		if t.cols < 1 || t.rows < 1 {
			continue
		}
		for _, c := range cs {
			c.col0, c.col1 = nearest(bx, c.box.Min.X), nearest(bx, c.box.Max.X)
			c.row0, c.row1 = nearest(by, c.box.Min.Y), nearest(by, c.box.Max.Y)
			if c.col1 <= c.col0 {
				c.col1 = c.col0 + 1
			}
			if c.row1 <= c.row0 {
				c.row1 = c.row0 + 1
			}
			c.ink = inkBox(dark, w, c.box, dpi)
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].box.Min.Y < out[j].box.Min.Y })
	return out
}

// inkBox is the box of the strokes inside r: connected dark pixels
// (8-neighbours) away from the rules, without the specks too small to be
// part of a character; empty for a blank cell.
func inkBox(dark []bool, w int, r image.Rectangle, dpi float64) image.Rectangle {
	m := max(2, int(dpi/60))
	in := r.Inset(m)
	if in.Empty() {
		return image.Rectangle{}
	}
	minPix := int(dpi*dpi/4000) + 4 // a full stop at 200 dpi is ~12 pixels
	seen := make([]bool, in.Dx()*in.Dy())
	at := func(x, y int) int { return (y-in.Min.Y)*in.Dx() + x - in.Min.X }
	var box image.Rectangle
	var stack []image.Point
	for y := in.Min.Y; y < in.Max.Y; y++ {
		for x := in.Min.X; x < in.Max.X; x++ {
			if !dark[y*w+x] || seen[at(x, y)] {
				continue
			}
			seen[at(x, y)] = true
			stack = append(stack[:0], image.Pt(x, y))
			n := 0
			cb := image.Rectangle{Min: image.Pt(x, y), Max: image.Pt(x+1, y+1)}
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				n++
				cb = cb.Union(image.Rectangle{Min: p, Max: p.Add(image.Pt(1, 1))})
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						q := p.Add(image.Pt(dx, dy))
						if q.In(in) && dark[q.Y*w+q.X] && !seen[at(q.X, q.Y)] {
							seen[at(q.X, q.Y)] = true
							stack = append(stack, q)
						}
					}
				}
			}
			// a faint rule's fragment along the cell's edge is no stroke
			thin := max(2, int(dpi/40))
			edge := cb.Min.X == in.Min.X || cb.Min.Y == in.Min.Y || cb.Max.X == in.Max.X || cb.Max.Y == in.Max.Y
			if n >= minPix && !(edge && (cb.Dx() <= thin || cb.Dy() <= thin)) {
				box = box.Union(cb)
			}
		}
	}
	return box
}

// cluster merges sorted positions closer than tol into their mean.
func cluster(vs []int, tol int) []int {
	sort.Ints(vs)
	var out []int
	for i := 0; i < len(vs); {
		j, s := i, 0
		for j < len(vs) && vs[j]-vs[i] <= tol {
			s += vs[j]
			j++
		}
		out = append(out, s/(j-i))
		i = j
	}
	return out
}

func nearest(bs []int, v int) int {
	best := 0
	for i, b := range bs {
		if abs(b-v) < abs(bs[best]-v) {
			best = i
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
