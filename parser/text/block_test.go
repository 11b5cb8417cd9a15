package text

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// TestCellsInOneBlock: the cells of a document's tab-separated and
// aligned lines are copied into one block of the exact size, each line's
// capped so that appending to one leaves its neighbour alone; Markdown
// and box rows keep their own.
func TestCellsInOneBlock(t *testing.T) {
	var b strings.Builder
	for i := range 60 {
		if i%2 == 0 {
			fmt.Fprintf(&b, "（%d）收到申请\t%d\t\t%d\n", i, i, i+1)
		} else {
			fmt.Fprintf(&b, "本年新收申请  %d    %d\n\n", i, i*2)
		}
	}
	b.WriteString("| 项目 | 数量 |\n")
	doc := Read(b.String())
	var next *byte
	total := 0
	for i, l := range doc.Lines[:60] {
		if cap(l.Cells) != len(l.Cells) {
			t.Fatalf("line %d: cap %d, len %d", i, cap(l.Cells), len(l.Cells))
		}
		if p := (*byte)(unsafe.Pointer(&l.Cells[0])); next != nil && p != next {
			t.Fatalf("line %d's cells do not follow line %d's", i, i-1)
		}
		next = (*byte)(unsafe.Add(unsafe.Pointer(&l.Cells[0]), uintptr(len(l.Cells))*unsafe.Sizeof(l.Cells[0])))
		total += len(l.Cells)
	}
	if total != 30*4+30*3 {
		t.Fatalf("%d cells", total)
	}
	if got := doc.Lines[60].Cells; len(got) != 2 || got[1].Text != "数量" {
		t.Fatalf("markdown line: %+v", got)
	}
	first := doc.Lines[0].Cells
	_ = append(first, first[0])
	if doc.Lines[1].Cells[0].Text != "本年新收申请" {
		t.Fatalf("appending to a line changed the next: %+v", doc.Lines[1].Cells[0])
	}
}
