package compare

import "testing"

// compare --format csv neutralises text a spreadsheet would run as a
// formula, never a number (a change of -3 stays -3).
func TestRawNeutralisesTextOnly(t *testing.T) {
	v := -3.0
	if got := raw(Cell{Text: "=1+1"}); got != "'=1+1" {
		t.Errorf("text %q", got)
	}
	if got := raw(Cell{Text: "-3", Value: &v}); got != "-3" {
		t.Errorf("number %q", got)
	}
}
