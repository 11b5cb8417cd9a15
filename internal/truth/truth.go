// Package truth compares a report with the values a document is known to
// hold (the expected.json files of the corpus and of the field samples),
// cell by cell, with the checks that fail on those values.
package truth

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/govreport/govreport/model"
)

// Truth is the known content of one document.
type Truth struct {
	Agency           string                         `json:"agency"`
	Year             int                            `json:"year"`
	Template         string                         `json:"template"`
	Reject           bool                           `json:"reject"`
	Reason           string                         `json:"reason"`
	ActiveDisclosure map[string]map[string]*float64 `json:"active_disclosure"`
	Applications     map[string]map[string]*float64 `json:"applications"`
	ReviewLitigation map[string]map[string]*float64 `json:"review_litigation"`
	// Undeterminable lists cells ("applications.granted.total") that this
	// rendering alone cannot decide, e.g. a run of digits that splits in
	// several ways: null is right there, and so is the true value.
	Undeterminable []string `json:"undeterminable"`
	// Findings are the audit findings of the single-report rules the
	// document must raise, rule and severity, in any order. Nil (the key
	// absent) asserts nothing; an empty list asserts that none is raised.
	Findings *[]Finding `json:"findings"`
}

// Finding is one expected audit finding.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
}

// Load reads an expected.json file.
func Load(path string) (*Truth, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var t Truth
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &t, nil
}

// Rejected reports whether the document is known not to be a readable
// report of the national template.
func (t *Truth) Rejected() bool { return t.Reject || t.Template == "pre-2019" }

// Diff is how a report differs from the truth.
type Diff struct {
	Wrong   []string // cells with another number, or a number where the truth is null
	Missing []string // cells left null that the truth knows
	Meta    []string // template, year, agency
	Checks  []string // failed checks missed or raised falsely
}

// Exact reports whether the report matches the truth entirely.
func (d Diff) Exact() bool {
	return len(d.Wrong)+len(d.Missing)+len(d.Meta)+len(d.Checks) == 0
}

func (d Diff) String() string {
	var all []string
	all = append(all, d.Meta...)
	all = append(all, d.Wrong...)
	for _, m := range d.Missing {
		all = append(all, m+": null")
	}
	all = append(all, d.Checks...)
	return strings.Join(all, "\n")
}

// Compare lists every difference between r and t.
func Compare(t *Truth, r *model.Report) Diff {
	var d Diff
	loose := map[string]bool{}
	for _, p := range t.Undeterminable {
		loose[p] = true
	}
	tables := []struct {
		name string
		want map[string]map[string]*float64
		got  *model.Table
	}{{"active_disclosure", t.ActiveDisclosure, r.ActiveDisclosure}, {"applications", t.Applications, r.Applications}, {"review_litigation", t.ReviewLitigation, r.ReviewLitigation}}
	for _, tb := range tables {
		for row, cols := range tb.want {
			for col, want := range cols {
				path := tb.name + "." + row + "." + col
				got, ok := tb.got.Get(row, col)
				switch {
				case want == nil && ok:
					d.Wrong = append(d.Wrong, fmt.Sprintf("%s: %v invented (the document cannot tell)", path, got))
				case want != nil && !ok && loose[path]:
					// null is a right answer for a cell the document cannot decide.
				case want != nil && !ok:
					d.Missing = append(d.Missing, path)
				case want != nil && math.Abs(got-*want) > 1e-6:
					d.Wrong = append(d.Wrong, fmt.Sprintf("%s: %v, want %v", path, got, *want))
				}
			}
		}
	}
	if t.Template != "" && string(r.Template) != t.Template {
		d.Meta = append(d.Meta, fmt.Sprintf("template %q, want %q", r.Template, t.Template))
	}
	if t.Year != 0 && (r.Year == nil || *r.Year != t.Year) {
		d.Meta = append(d.Meta, fmt.Sprintf("year %v, want %d", deref(r.Year), t.Year))
	}
	if t.Agency != "" {
		a := ""
		if r.Agency != nil {
			a = *r.Agency
		}
		// Exact, whitespace aside: a name with a header word, a path or the
		// rest of a title (…关于报送) is wrong, however much of it is right.
		if strings.Join(strings.Fields(a), "") != strings.Join(strings.Fields(t.Agency), "") {
			d.Meta = append(d.Meta, fmt.Sprintf("agency %q, want %q", a, t.Agency))
		}
	}
	want := t.failedChecks(r)
	got := failed(r.Checks)
	for k := range want {
		if !got[k] {
			d.Checks = append(d.Checks, "missed check "+k)
		}
	}
	for k := range got {
		if !want[k] {
			d.Checks = append(d.Checks, "false alarm "+k)
		}
	}
	sort.Strings(d.Wrong)
	sort.Strings(d.Missing)
	sort.Strings(d.Checks)
	return d
}

// failedChecks evaluates the checks on the true values, laid out like r.
func (t *Truth) failedChecks(r *model.Report) map[string]bool {
	fill := func(src map[string]map[string]*float64) *model.Table {
		if src == nil {
			return nil
		}
		var rows []model.Row
		for _, def := range model.ApplicationRows {
			if cols, ok := src[def.Key]; ok {
				rows = append(rows, row(def.Key, cols, model.ApplicationColumns))
			}
		}
		for _, g := range model.ReviewGroups {
			if cols, ok := src[g.Key]; ok {
				rows = append(rows, row(g.Key, cols, model.ReviewOutcomes))
			}
		}
		return &model.Table{Rows: rows}
	}
	tr := &model.Report{Template: model.Generation(t.Template), Applications: fill(t.Applications), ReviewLitigation: fill(t.ReviewLitigation)}
	return failed(model.RunChecks(tr))
}

func row(key string, cols map[string]*float64, defs []model.ColDef) model.Row {
	r := model.Row{Key: key}
	for _, c := range defs {
		r.Cells = append(r.Cells, model.Cell{Key: c.Key, Value: cols[c.Key]})
	}
	return r
}

func failed(cs []model.Check) map[string]bool {
	out := map[string]bool{}
	for _, c := range cs {
		if !c.OK {
			out[c.Rule+"/"+c.Scope] = true
		}
	}
	return out
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// FindingsDiff compares the findings raised on a document with the
// expected ones as multisets of rule and severity: a finding raised twice
// must be expected twice. It lists what is missed and what is raised
// beyond the truth; nothing when the truth holds no findings list.
func (t *Truth) FindingsDiff(got []model.Finding) []string {
	if t.Findings == nil {
		return nil
	}
	count := map[Finding]int{}
	for _, f := range *t.Findings {
		count[f]++
	}
	for _, f := range got {
		count[Finding{f.Rule, f.Severity}]--
	}
	var out []string
	for f, n := range count {
		switch {
		case n > 0:
			out = append(out, fmt.Sprintf("missed %s/%s (×%d)", f.Rule, f.Severity, n))
		case n < 0:
			out = append(out, fmt.Sprintf("unexpected %s/%s (×%d)", f.Rule, f.Severity, -n))
		}
	}
	sort.Strings(out)
	return out
}
