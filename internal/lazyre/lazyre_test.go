package lazyre

import "testing"

func TestCompiledOnFirstUse(t *testing.T) {
	r := New(`(\d+)年`)
	if r.re != nil {
		t.Fatal("compiled before use")
	}
	if m := r.FindStringSubmatch("2023年度"); len(m) != 2 || m[1] != "2023" {
		t.Fatalf("got %q", m)
	}
	if r.re == nil || r.Re() != r.re {
		t.Fatal("not compiled once")
	}
}

func TestBadPatternPanicsOnUse(t *testing.T) {
	r := New(`(`)
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	r.MatchString("x")
}
