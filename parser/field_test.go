package parser

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// fieldDir holds real published reports with their true values, beside
// the repository (../shared/field). The test skips when it is absent.
const fieldDir = "../../shared/field"

// truth is the part of a field sample's expected.json the test compares.
type truth struct {
	Agency           string                                `json:"agency"`
	Year             int                                   `json:"year"`
	Template         string                                `json:"template"`
	Reject           bool                                  `json:"reject"`
	ActiveDisclosure map[string]map[string]*float64        `json:"active_disclosure"`
	Applications     map[string]map[string]*float64        `json:"applications"`
	ReviewLitigation map[string]map[string]*float64        `json:"review_litigation"`
	Extra            map[string]map[string]map[string]bool `json:"-"`
}

// exactField lists the samples every cell of which must be read right
// today; the others (cells run together, damaged conversions) must at
// least never carry a number that differs from the truth.
var exactField = map[string]bool{
	"seed-zhanhe-2023.txt":                  true,
	"04-shanghai-govoffice-2019.html":       true,
	"16-pingtan-2025-TRS_Editor-slice.html": true,
	"21-pingtan-2019-word.html":             true,
	"02-hongze-district-2023.pdf":           true,
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
		base := strings.TrimSuffix(doc, filepath.Ext(doc))
		raw, err := os.ReadFile(base + ".expected.json")
		if err != nil {
			continue
		}
		var tr truth
		if err := json.Unmarshal(raw, &tr); err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		name := filepath.Base(doc)
		t.Run(name, func(t *testing.T) {
			r, err := ParseFile(doc)
			if tr.Reject || tr.Template == "pre-2019" {
				if err == nil {
					t.Fatalf("read as a report; want a rejection")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			wrong, missing := compareTruth(tr, r)
			sort.Strings(wrong)
			for _, w := range wrong {
				t.Errorf("wrong number: %s", w)
			}
			if exactField[name] {
				for _, m := range missing {
					t.Errorf("not read: %s", m)
				}
				if string(r.Template) != tr.Template || r.Year == nil || *r.Year != tr.Year {
					t.Errorf("template %q year %v, want %q %d", r.Template, r.Year, tr.Template, tr.Year)
				}
				if r.Agency == nil || !(strings.Contains(*r.Agency, tr.Agency) || strings.Contains(tr.Agency, *r.Agency)) {
					t.Errorf("agency %v, want %q", r.Agency, tr.Agency)
				}
				if got, want := failedSet(r), truthFailures(tr, r); got != want {
					t.Errorf("failed checks %s, want %s", got, want)
				}
			}
		})
	}
}

// compareTruth lists the cells whose value differs from the truth (a
// number where the truth is null counts as wrong) and those left null.
func compareTruth(tr truth, r *model.Report) (wrong, missing []string) {
	tables := []struct {
		name string
		want map[string]map[string]*float64
		got  *model.Table
	}{{"active_disclosure", tr.ActiveDisclosure, r.ActiveDisclosure}, {"applications", tr.Applications, r.Applications}, {"review_litigation", tr.ReviewLitigation, r.ReviewLitigation}}
	for _, tb := range tables {
		for row, cols := range tb.want {
			for col, want := range cols {
				path := tb.name + "." + row + "." + col
				got, ok := tb.got.Get(row, col)
				switch {
				case want == nil && ok:
					wrong = append(wrong, path+": invented")
				case want != nil && !ok:
					missing = append(missing, path)
				case want != nil && math.Abs(got-*want) > 1e-6:
					wrong = append(wrong, path)
				}
			}
		}
	}
	return wrong, missing
}

// failedSet is the sorted rule/scope list of a report's failed checks.
func failedSet(r *model.Report) string {
	var out []string
	for _, c := range r.Checks {
		if !c.OK {
			out = append(out, c.Rule+"/"+c.Scope)
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// truthFailures evaluates the checks on the true values.
func truthFailures(tr truth, r *model.Report) string {
	fill := func(src map[string]map[string]*float64, like *model.Table) *model.Table {
		if like == nil {
			return nil
		}
		t := &model.Table{}
		for _, row := range like.Rows {
			nr := model.Row{Key: row.Key}
			for _, c := range row.Cells {
				nr.Cells = append(nr.Cells, model.Cell{Key: c.Key, Value: src[row.Key][c.Key]})
			}
			t.Rows = append(t.Rows, nr)
		}
		return t
	}
	tr2 := &model.Report{Template: model.Generation(tr.Template), Applications: fill(tr.Applications, r.Applications), ReviewLitigation: fill(tr.ReviewLitigation, r.ReviewLitigation)}
	tr2.Checks = model.RunChecks(tr2)
	return failedSet(tr2)
}
