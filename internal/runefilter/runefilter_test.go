package runefilter

import "testing"

// Every character added may be in the set, read as a rune or from its
// bytes; most others are not.
func TestSet(t *testing.T) {
	var f Set
	added := []rune{'申', '请', '收', '到', '结', 'a'}
	for _, r := range added {
		f.Add(r)
	}
	for _, r := range added {
		if !f.May(r) {
			t.Errorf("%q added but not in the set", r)
		}
	}
	in := 0
	for r := rune(0x4E00); r < 0x9FA6; r++ {
		s := string(r)
		if f.May(r) != f.MayAt(s, 0) {
			t.Fatalf("%q: May %v, MayAt %v", r, f.May(r), f.MayAt(s, 0))
		}
		if f.May(r) {
			in++
		}
	}
	// Each of the five CJK bits stands for one character in 4,096.
	if n := (0x9FA6 - 0x4E00) / 4096 * 5; in > n+10 {
		t.Errorf("%d CJK characters pass the filter, want about %d", in, n)
	}
	if f.May('乙') {
		t.Errorf("乙 passes the filter")
	}
}
