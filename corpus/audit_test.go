package corpus

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/govreport/govreport/audit"
	"github.com/govreport/govreport/internal/corpusgen"
	"github.com/govreport/govreport/internal/truth"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
)

// TestCorpusFindings audits every document whose expected file lists its
// findings and compares rule and severity, in any order, exactly: a
// document made to nearly raise a rule (corpus/audit, the precision cases)
// must raise nothing of it.
func TestCorpusFindings(t *testing.T) {
	n := 0
	for _, doc := range documents(t) {
		tr, err := truth.Load(expectedPath(doc))
		if err != nil {
			t.Fatal(err)
		}
		if tr.Findings == nil {
			continue
		}
		n++
		t.Run(doc, func(t *testing.T) {
			r, err := parser.ParseFile(doc)
			if err != nil {
				t.Fatal(err)
			}
			fs := audit.Report(r)
			if d := tr.FindingsDiff(fs); len(d) > 0 {
				t.Errorf("findings differ from the expected list:\n%s\nraised:\n%s", strings.Join(d, "\n"), describe(fs))
			}
		})
	}
	if n < 20 {
		t.Errorf("only %d documents list their findings", n)
	}
}

// TestCorpusCrossYear audits each pair of one agency's consecutive years
// together: the cross-year rules raise exactly the pair's findings.
func TestCorpusCrossYear(t *testing.T) {
	for _, p := range corpusgen.AuditPairs() {
		t.Run(p.Cur, func(t *testing.T) {
			var ins []audit.Input
			for _, doc := range []string{p.Prev, p.Cur} {
				r, err := parser.ParseFile(doc)
				if err != nil {
					t.Fatal(err)
				}
				ins = append(ins, audit.Input{Name: doc, Report: r})
			}
			var got, want []string
			var all []string
			for _, f := range audit.Run(ins, audit.WithRules(audit.CrossRules...)) {
				got = append(got, f.Rule+"/"+f.Severity)
				all = append(all, f.Message)
				if len(f.Reports) != 2 || f.Reports[0] != p.Prev || f.Reports[1] != p.Cur {
					t.Errorf("%s names the reports %v", f.Rule, f.Reports)
				}
			}
			for _, f := range p.Findings {
				want = append(want, f.Rule+"/"+f.Severity)
			}
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("cross-year findings %v, want %v\n%s", got, want, strings.Join(all, "\n"))
			}
		})
	}
}

func describe(fs []model.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s/%s: %s\n", f.Rule, f.Severity, f.Message)
	}
	return b.String()
}
