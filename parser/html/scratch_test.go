package html

import (
	"fmt"
	"sort"
	"testing"
)

// The memory kept from one page for the next (the decoded page, the
// nodes, the grid) must not be what an earlier page's lines are made of:
// every page's lines are the same after the others were read.
func TestScratchLeavesEarlierLinesAlone(t *testing.T) {
	ps := pages(t)
	var names []string
	for n := range ps {
		names = append(names, n)
	}
	sort.Strings(names)
	render := func(name string) string {
		doc, err := Read(ps[name])
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%q %+v %+v", doc.Title, doc.Lines, doc.Links)
	}
	type kept struct{ name, first string }
	var docs []kept
	for _, n := range names {
		doc, err := Read(ps[n])
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, kept{n, fmt.Sprintf("%q %+v %+v", doc.Title, doc.Lines, doc.Links)})
		// Keep the document itself and render it again at the end.
		defer func(n string, before string) {
			if after := fmt.Sprintf("%q %+v %+v", doc.Title, doc.Lines, doc.Links); after != before {
				t.Errorf("%s: its lines changed while other pages were read", n)
			}
		}(n, docs[len(docs)-1].first)
	}
	for _, d := range docs {
		if got := render(d.name); got != d.first {
			t.Errorf("%s: read again, the lines differ", d.name)
		}
	}
}
