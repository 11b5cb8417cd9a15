package truth

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// A cell listed as undeterminable may be null or the true value, never
// another number; a cell not listed must be read.
func TestUndeterminable(t *testing.T) {
	var tr Truth
	raw := `{"template":"2021","active_disclosure":{"normative_documents":{"issued":22,"repealed":22,"in_force":33},"licensing":{"decisions":5}},"undeterminable":["active_disclosure.normative_documents.issued","active_disclosure.normative_documents.repealed","active_disclosure.normative_documents.in_force"]}`
	if err := json.Unmarshal([]byte(raw), &tr); err != nil {
		t.Fatal(err)
	}
	report := func(set map[string]float64) *model.Report {
		tb := model.NewTable([]string{"normative_documents", "licensing"}, func(r string) []string {
			if r == "licensing" {
				return []string{"decisions"}
			}
			return []string{"issued", "repealed", "in_force"}
		})
		for k, v := range set {
			r, c, _ := strings.Cut(k, ".")
			tb.Set(r, c, v)
		}
		return &model.Report{Template: model.Gen2021, ActiveDisclosure: tb}
	}
	if d := Compare(&tr, report(map[string]float64{"licensing.decisions": 5})); !d.Exact() {
		t.Errorf("null undeterminable cells: %s", d)
	}
	if d := Compare(&tr, report(map[string]float64{"licensing.decisions": 5, "normative_documents.issued": 22, "normative_documents.repealed": 22, "normative_documents.in_force": 33})); !d.Exact() {
		t.Errorf("true undeterminable cells: %s", d)
	}
	d := Compare(&tr, report(map[string]float64{"licensing.decisions": 5, "normative_documents.issued": 2, "normative_documents.repealed": 2, "normative_documents.in_force": 2233}))
	if len(d.Wrong) != 3 {
		t.Errorf("another split of the run should be wrong: %s", d)
	}
	if d := Compare(&tr, report(nil)); len(d.Missing) != 1 || d.Missing[0] != "active_disclosure.licensing.decisions" {
		t.Errorf("a decidable cell left null must be missing: %v", d.Missing)
	}
}

// The findings list is compared as a multiset of rule and severity; an
// empty list asserts that nothing is raised, an absent one nothing at all.
func TestFindingsDiff(t *testing.T) {
	var tr Truth
	if err := json.Unmarshal([]byte(`{"findings":[{"rule":"text_table","severity":"warning"},{"rule":"text_table","severity":"warning"}]}`), &tr); err != nil {
		t.Fatal(err)
	}
	tt := model.Finding{Rule: "text_table", Severity: "warning"}
	if d := tr.FindingsDiff([]model.Finding{tt, tt}); len(d) != 0 {
		t.Errorf("same findings: %v", d)
	}
	if d := tr.FindingsDiff([]model.Finding{tt}); len(d) != 1 || !strings.HasPrefix(d[0], "missed text_table") {
		t.Errorf("one finding short: %v", d)
	}
	if d := tr.FindingsDiff([]model.Finding{tt, tt, {Rule: "year_mismatch", Severity: "warning"}}); len(d) != 1 || !strings.HasPrefix(d[0], "unexpected year_mismatch") {
		t.Errorf("one finding too many: %v", d)
	}
	var none Truth
	if err := json.Unmarshal([]byte(`{"findings":[]}`), &none); err != nil {
		t.Fatal(err)
	}
	if d := none.FindingsDiff([]model.Finding{tt}); len(d) != 1 {
		t.Errorf("an empty list must assert no finding: %v", d)
	}
	var absent Truth
	if d := absent.FindingsDiff([]model.Finding{tt}); d != nil {
		t.Errorf("an absent list asserts nothing: %v", d)
	}
}
