package parser

import (
	"encoding/json"
	"strings"
	"testing"
)

// A printed count that is not a non-negative whole number that can be held
// exactly is null with a warning, its raw text kept: never rounded
// (9223372036854775807 is not 9223372036854776000), never read as 80 or
// -80.
func TestCountsThatAreNotCountsAreNull(t *testing.T) {
	src := tabReport(map[string]string{
		"granted":              "9223372036854775807\t2\t0\t0\t1\t0\t12",
		"unavailable_not_held": "80.5\t1\t0\t0\t0\t0\t9",
		"carried_forward":      "-80\t0\t0\t0\t0\t0\t5",
	})
	r := mustParse(t, "counts.txt", src)
	for _, c := range []struct{ row, code, raw string }{
		{"granted", "not_a_count", "9223372036854775807"},
		{"unavailable_not_held", "not_a_count", "80.5"},
		{"carried_forward", "negative_count", "-80"},
	} {
		path := "applications." + c.row + ".natural_person"
		if v, ok := r.Applications.Get(c.row, "natural_person"); ok {
			t.Errorf("%s read as %v", path, v)
		}
		if !hasWarning(r, c.code, path) {
			t.Errorf("no %s warning on %s: %v", c.code, path, r.Warnings)
		}
		if got := r.Provenance[path].Text; got != c.raw {
			t.Errorf("%s raw text %q, want %q", path, got, c.raw)
		}
	}
	if v := get(t, r.Applications, "granted", "commercial_enterprise"); v != 2 {
		t.Errorf("the rest of the row: %v", v)
	}
	b, _ := json.Marshal(r)
	if strings.Contains(string(b), "9223372036854776000") || strings.Contains(string(b), "e+18") {
		t.Error("the JSON holds a rounded count")
	}
}
