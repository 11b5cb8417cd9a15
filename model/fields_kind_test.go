package model

import "testing"

// TestKindOfAsCatalogue checks KindOf, which no longer builds the
// catalogue, against the catalogue's kind of every field.
func TestKindOfAsCatalogue(t *testing.T) {
	amounts, signed := 0, 0
	for _, f := range Fields() {
		if k := KindOf(f.Path); k != f.Kind {
			t.Errorf("KindOf(%s) = %v, the catalogue says %v", f.Path, k, f.Kind)
		}
		switch f.Kind {
		case Amount:
			amounts++
		case SignedCount:
			signed++
		}
	}
	if amounts == 0 || signed == 0 {
		t.Errorf("%d amounts and %d signed counts in the catalogue", amounts, signed)
	}
	for _, p := range []string{"", "active_disclosure.nope.change", "applications.new.natural_person", "x.y.amount_yuan"} {
		if k := KindOf(p); k != Count {
			t.Errorf("KindOf(%q) = %v, want Count", p, k)
		}
	}
}
