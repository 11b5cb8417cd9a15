package corpusgen

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// Every audit document asserts its findings (an empty list for a near
// miss), its tables fit their template, and every pair joins two audit
// documents of one agency in consecutive years.
func TestAuditDocs(t *testing.T) {
	docs := map[string]*Doc{}
	rules := map[string]bool{}
	for _, d := range AuditDocs() {
		if !strings.HasPrefix(d.Name, "audit/") || docs[d.Name] != nil {
			t.Errorf("%s: not under audit/ or named twice", d.Name)
		}
		docs[d.Name] = d
		e, err := d.Expected()
		if err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		var m struct {
			Findings *[]struct{ Rule, Severity string } `json:"findings"`
		}
		if err := json.Unmarshal(e, &m); err != nil || m.Findings == nil {
			t.Errorf("%s: no findings list in the expected file (%v)", d.Name, err)
			continue
		}
		for _, f := range *m.Findings {
			rules[f.Rule] = true
			if f.Severity != model.SeverityWarning && f.Severity != model.SeverityError {
				t.Errorf("%s: severity %q", d.Name, f.Severity)
			}
		}
	}
	for _, p := range AuditPairs() {
		a, b := docs[p.Prev], docs[p.Cur]
		if a == nil || b == nil {
			t.Errorf("pair %s / %s: not audit documents", p.Prev, p.Cur)
			continue
		}
		if a.Report.Agency != b.Report.Agency || a.Report.Year+1 != b.Report.Year {
			t.Errorf("pair %s / %s: not one agency's consecutive years", p.Prev, p.Cur)
		}
		for _, f := range p.Findings {
			rules[f.Rule] = true
		}
	}
	for _, r := range []string{"text_table", "narrative_missing", "fee_mismatch", "year_mismatch", "template_outdated", "cross_year_identical", "carry_over"} {
		if !rules[r] {
			t.Errorf("no audit document raises %s", r)
		}
	}
}
