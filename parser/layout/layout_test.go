package layout

import (
	"testing"
	"unsafe"
)

func TestJoined(t *testing.T) {
	l := Line{Cells: []Cell{{Text: "（一）"}, {Text: "（一）", Copy: true}, {Text: "予以公开"}, {Text: "12"}}}
	if got := l.Joined(); got != "（一）予以公开12" {
		t.Fatalf("Joined = %q", got)
	}
	if got := (Line{}).Joined(); got != "" {
		t.Fatalf("empty line: %q", got)
	}
	one := Line{Cells: []Cell{{Text: "本年新收政府信息公开申请数量"}, {Text: "本年新收政府信息公开申请数量", Copy: true}}}
	if got := one.Joined(); got != "本年新收政府信息公开申请数量" {
		t.Fatalf("one distinct cell: %q", got)
	}
	// A line of one distinct cell is that cell's text, not a copy of it.
	if n := testing.AllocsPerRun(100, func() { _ = one.Joined() }); n != 0 {
		t.Fatalf("%v allocations for a line of one distinct cell", n)
	}
}

// The cells are most of what an adapter allocates: keep the flags packed
// together (a bool between two words costs a word of padding).
func TestCellSize(t *testing.T) {
	if n := unsafe.Sizeof(Cell{}); n > 72 {
		t.Errorf("layout.Cell is %d bytes, want at most 72", n)
	}
}
