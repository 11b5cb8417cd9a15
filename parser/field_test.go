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

// exactField lists the samples every cell of which must be read right
// today; the others (cells run together, damaged conversions) must at
// least never carry a number that differs from the truth.
var exactField = map[string]bool{
	"seed-zhanhe-2023.txt":                  true,
	"04-shanghai-govoffice-2019.html":       true,
	"16-pingtan-2025-TRS_Editor-slice.html": true,
	"21-pingtan-2019-word.html":             true,
	"02-hongze-district-2023.pdf":           true,
	"05-pingtan-2019.txt":                   true,
	"06-pingtan-2020.txt":                   true,
	"07-pingtan-2021.txt":                   true,
	"08-pingtan-2022.txt":                   true,
	"09-pingtan-2023.txt":                   true,
	"12-shanghai-stcsm-2024-pdf2md.md":      true,
	"14-shuyang-county-2025-ocrmd.txt":      true,
}

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
			if exactField[name] && !d.Exact() {
				t.Errorf("differs from the truth:\n%s", d)
			}
		})
	}
}
