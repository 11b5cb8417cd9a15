package parser

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/truth"
)

// fieldDir holds real published reports with their true values, beside
// the repository (../shared/field). The test skips when it is absent.
const fieldDir = "../../shared/field"

func TestFieldSamples(t *testing.T) {
	docs, _ := filepath.Glob(filepath.Join(fieldDir, "*"))
	if len(docs) == 0 {
		t.Skip("no field samples beside the repository")
	}
	for _, doc := range docs {
		if strings.HasSuffix(doc, ".json") || strings.HasSuffix(doc, "README.md") {
			continue
		}
		tr, err := truth.Load(strings.TrimSuffix(doc, filepath.Ext(doc)) + ".expected.json")
		if err != nil {
			continue
		}
		name := filepath.Base(doc)
		t.Run(name, func(t *testing.T) {
			r, err := ParseFile(doc)
			if tr.Rejected() {
				if err == nil {
					t.Fatalf("read as a report; want a rejection")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			d := truth.Compare(tr, r)
			for _, w := range d.Wrong {
				t.Errorf("wrong number: %s", w)
			}
			// Every sample is read exactly: cells, template, year, the
			// agency as published and the failed checks.
			if !d.Exact() {
				t.Errorf("differs from the truth:\n%s", d)
			}
		})
	}
}
