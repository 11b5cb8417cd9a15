package digitrun

import (
	"strings"
	"testing"
)

// TestStreamSizedOnce: the stream's slices are sized from the lines'
// characters, not grown entry by entry.
func TestStreamSizedOnce(t *testing.T) {
	lines := strings.Split(strings.Repeat("本年新收政府信息公开申请数量 自然人 12 法人或者其他组织 3\n", 40), "\n")
	var s *stream
	n := testing.AllocsPerRun(20, func() { s = newStream(lines) })
	if n > 6 {
		t.Fatalf("%v allocations", n)
	}
	if len(s.key) != 40*len([]rune("本年新收政府信息公开申请数量自然人12法人或者其他组织3")) || len(s.brk) != len(s.key) || len(s.line) != len(s.key) {
		t.Fatalf("%d keys", len(s.key))
	}
}
