package charset

import (
	"sort"
	"testing"

	"golang.org/x/text/encoding/htmlindex"
)

// Every label reads as htmlindex reads it: the same encoding, the same
// canonical name.
func TestLabelsAsHTMLIndex(t *testing.T) {
	if !sort.SliceIsSorted(labels[:], func(i, j int) bool { return labels[i].name < labels[j].name }) {
		t.Fatal("labels are not sorted")
	}
	for _, l := range labels {
		for _, form := range []string{l.name, " " + l.name + "\t", upper(l.name)} {
			want, err := htmlindex.Get(form)
			if err != nil {
				t.Fatalf("%q: htmlindex: %v", form, err)
			}
			wantName, _ := htmlindex.Name(want)
			got, name, ok := Lookup(form)
			if !ok || got != want || name != wantName {
				t.Errorf("%q: %v %q %v, want %v %q", form, got, name, ok, want, wantName)
			}
		}
	}
	for _, bad := range []string{"", "utf8x", "gb-2312", "zzz", "unicode-1-1-utf-9"} {
		_, errIdx := htmlindex.Get(bad)
		if _, _, ok := Lookup(bad); ok || errIdx == nil {
			t.Errorf("%q: read as a label (htmlindex: %v)", bad, errIdx)
		}
	}
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}
