package lazy

import "testing"

func TestBuiltOnce(t *testing.T) {
	var v Value[int]
	n := 0
	build := func() int { n++; return 42 }
	if v.Get(build) != 42 || v.Get(build) != 42 || n != 1 {
		t.Fatalf("built %d times", n)
	}
}

func TestReplacer(t *testing.T) {
	r := &Replacer{Pairs: []string{"a", "1", "bc", "2"}}
	if r.r != nil {
		t.Fatal("built before use")
	}
	if got := r.Replace("abcd"); got != "12d" {
		t.Fatalf("got %q", got)
	}
}
