package pdf

import (
	"math"
	"math/rand"
	"testing"
)

// TestWidthsAsMap checks the widths of a /W array (ranges, or the map
// for odd arrays) against the array expanded entry by entry into a map by
// the former code (expandW), on generated arrays: plain and overlapping
// ranges, arrays, negative and huge CIDs, stray elements, horizontal and
// vertical.
func TestWidthsAsMap(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	cid := func() float64 {
		switch rng.Intn(8) {
		case 0:
			return float64(rng.Intn(5)) - 2
		case 1:
			return math.MaxUint32 - float64(rng.Intn(3))
		case 2:
			return float64(rng.Intn(70000))
		}
		return float64(rng.Intn(300))
	}
	ranges := 0
	for n := 0; n < 3000; n++ {
		var items []wItem
		for k := rng.Intn(12); k > 0; k-- {
			first := cid()
			items = append(items, wItem{num: first, isNum: true})
			switch rng.Intn(5) {
			case 0, 1:
				a := make([]float64, rng.Intn(10))
				for j := range a {
					a[j] = float64(rng.Intn(1000))
				}
				items = append(items, wItem{arr: a})
			case 2:
				items = append(items, wItem{}) // neither a number nor an array
			default:
				last := first + float64(rng.Intn(40))
				if rng.Intn(10) == 0 {
					last = cid()
				}
				items = append(items, wItem{num: last, isNum: true}, wItem{num: float64(rng.Intn(1000)), isNum: true})
				if rng.Intn(2) == 0 {
					items = append(items, wItem{num: 500, isNum: true}, wItem{num: 880, isNum: true})
				}
			}
		}
		for _, vertical := range []bool{false, true} {
			want := expandW(items, vertical)
			got := widthsOf(items, vertical)
			if got.m == nil {
				ranges++
			}
			probe := []uint32{0, 1, 2, 299, 300, math.MaxUint32, math.MaxUint32 - 1}
			for c := range want {
				probe = append(probe, c, c+1, c-1)
			}
			for _, c := range probe {
				w, ok := got.get(c)
				ww, wok := want[c]
				if w != ww || ok != wok {
					t.Fatalf("%+v vertical=%v: cid %d gives %v %v, the map %v %v", items, vertical, c, w, ok, ww, wok)
				}
			}
		}
	}
	if ranges < 3000 {
		t.Errorf("only %d of 6000 arrays became ranges", ranges)
	}
}

// TestWidthsRangeStaysOne checks that a range of 65,535 CIDs is one entry.
func TestWidthsRangeStaysOne(t *testing.T) {
	items := []wItem{{num: 1, isNum: true}, {num: 65535, isNum: true}, {num: 500, isNum: true}, {num: 70000, isNum: true}, {arr: []float64{250, 260}}}
	w := widthsOf(items, false)
	if w.m != nil || len(w.rs) != 2 {
		t.Fatalf("%d ranges (map %v), want 2", len(w.rs), w.m != nil)
	}
	for c, want := range map[uint32]float64{1: 500, 40000: 500, 65535: 500, 70000: 250, 70001: 260} {
		if got, ok := w.get(c); !ok || got != want {
			t.Errorf("cid %d: %v, want %v", c, got, want)
		}
	}
	for _, c := range []uint32{0, 65536, 69999, 70002} {
		if _, ok := w.get(c); ok {
			t.Errorf("cid %d has a width", c)
		}
	}
}

// expandW is the former reading of a /W array: expanded into a map, entry
// by entry, at most maxWidths.
func expandW(items []wItem, vertical bool) map[uint32]float64 {
	out := map[uint32]float64{}
	n := len(items)
	at := func(i int) wItem {
		if i < n {
			return items[i]
		}
		return wItem{}
	}
	count := 0
	for i := 0; i < n && count < maxWidths; {
		if !items[i].isNum {
			i++
			continue
		}
		first := items[i].num
		next := at(i + 1)
		if next.arr != nil {
			m := len(next.arr)
			step := 1
			if vertical {
				step = 3
			}
			for j := 0; j+step-1 < m && count < maxWidths; j += step {
				out[uint32(first)+uint32(j/step)] = next.arr[j]
				count++
			}
			i += 2
			continue
		}
		if !next.isNum {
			i += 2
			continue
		}
		last := next.num
		wv := 0.0
		if e := at(i + 2); e.isNum {
			wv = e.num
		}
		if last-first > 65535 || last < first {
			i += 3
			if vertical {
				i += 2
			}
			continue
		}
		for c := uint32(first); c <= uint32(last) && count < maxWidths; c++ {
			out[c] = wv
			count++
		}
		i += 3
		if vertical {
			i += 2
		}
	}
	return out
}
