// Package audit reads a report against itself, against its template and
// against the same agency's other years, and says what does not hold:
// sums that fail, sentences of the free text that restate a table cell
// with another number, tables copied from last year, requests carried
// over that last year did not carry forward, empty sections, fees, years
// and template generations that disagree. Every finding points at the
// cells and sentences it rests on. docs/AUDIT.md defines each rule.
//
// The rules never change a number and never guess one: a value that was
// not read is not compared.
package audit

import (
	"sort"
	"strings"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/region"
)

// Rule names, as they appear in findings.
const (
	RuleArithmetic         = "arithmetic"
	RuleTextTable          = "text_table"
	RuleCrossYearIdentical = "cross_year_identical"
	RuleCarryOver          = "carry_over"
	RuleNarrativeMissing   = "narrative_missing"
	RuleFeeMismatch        = "fee_mismatch"
	RuleYearMismatch       = "year_mismatch"
	RuleTemplateOutdated   = "template_outdated"
)

// SingleRules are the rules that read one report alone, in the order
// their findings are listed; CrossRules need two reports of one agency.
var (
	SingleRules = []string{RuleArithmetic, RuleTextTable, RuleNarrativeMissing, RuleFeeMismatch, RuleYearMismatch, RuleTemplateOutdated}
	CrossRules  = []string{RuleCrossYearIdentical, RuleCarryOver}
)

// single returns the function of a single-report rule (a switch: a map
// literal would be built by package initialisation in every process).
func single(name string) func(*reading) []model.Finding {
	switch name {
	case RuleArithmetic:
		return func(x *reading) []model.Finding { return arithmetic(x.r) }
	case RuleTextTable:
		return textTable
	case RuleNarrativeMissing:
		return func(x *reading) []model.Finding { return narrativeMissing(x.r) }
	case RuleFeeMismatch:
		return feeMismatch
	case RuleYearMismatch:
		return yearMismatch
	case RuleTemplateOutdated:
		return func(x *reading) []model.Finding { return templateOutdated(x.r) }
	}
	return nil
}

// A reading is a report with its free text cut into sentences, once for
// every rule that reads them (three rules cut and squeezed each section).
type reading struct {
	r     *model.Report
	sents [len(sections)][]sentence
	done  [len(sections)]bool
}

// A sentence of the free text, as printed and squeezed for matching.
type sentence struct{ text, sq string }

func newReading(r *model.Report) *reading { return &reading{r: r} }

// sentences returns the sentences of section i of sections.
func (x *reading) sentences(i int) []sentence {
	if !x.done[i] {
		x.done[i] = true
		eachSentence(sectionText(x.r, sections[i].field), func(t string) {
			x.sents[i] = append(x.sents[i], sentence{t, squeeze(t)})
		})
	}
	return x.sents[i]
}

// Option configures an audit.
type Option func(*config)

type config struct {
	rules map[string]bool // nil: every rule
}

// WithRules restricts the audit to the named rules (unknown names are
// ignored; IsRule tells them apart).
func WithRules(names ...string) Option {
	return func(c *config) {
		c.rules = map[string]bool{}
		for _, n := range names {
			c.rules[n] = true
		}
	}
}

// IsRule reports whether name is a rule of this package.
func IsRule(name string) bool {
	for _, r := range append(append([]string{}, SingleRules...), CrossRules...) {
		if r == name {
			return true
		}
	}
	return false
}

func newConfig(opts []Option) *config {
	c := &config{}
	for _, o := range opts {
		o(c)
	}
	return c
}

func (c *config) on(rule string) bool { return c.rules == nil || c.rules[rule] }

// Report runs the single-report rules on r. The result is never nil, so
// a report without findings says "findings": [].
func Report(r *model.Report, opts ...Option) []model.Finding {
	c := newConfig(opts)
	out := []model.Finding{}
	x := newReading(r)
	for _, name := range SingleRules {
		if c.on(name) {
			out = append(out, single(name)(x)...)
		}
	}
	return out
}

// Input is one report of an audit and the input it was read from.
type Input struct {
	Name   string
	Report *model.Report
}

// Finding is a finding of `govreport audit`: the rule's finding with the
// reports it concerns.
type Finding struct {
	Rule     string           `json:"rule"`
	Severity string           `json:"severity"`
	Reports  []string         `json:"reports"`
	Agency   *string          `json:"agency"`
	Year     *int             `json:"year"`
	Message  string           `json:"message"`
	Evidence []model.Evidence `json:"evidence"`
}

// Run audits every report alone and each agency's consecutive years
// together. Findings come report by report in input order, each report's
// cross-year findings after its own.
func Run(ins []Input, opts ...Option) []Finding {
	c := newConfig(opts)
	var out []Finding
	prev := previousYears(ins)
	for i, in := range ins {
		r := in.Report
		for _, f := range Report(r, opts...) {
			out = append(out, wrap(f, []string{in.Name}, r, in.Name))
		}
		p, ok := prev[i]
		if !ok {
			continue
		}
		pin := ins[p]
		names := []string{pin.Name, in.Name}
		if c.on(RuleCrossYearIdentical) {
			for _, f := range crossYearIdentical(r, pin.Report, in.Name, pin.Name) {
				out = append(out, wrap(f, names, r, ""))
			}
		}
		if c.on(RuleCarryOver) {
			if f := carryOverFinding(r, pin.Report, in.Name, pin.Name); f != nil {
				out = append(out, wrap(*f, names, r, ""))
			}
		}
	}
	return out
}

func wrap(f model.Finding, reports []string, r *model.Report, path string) Finding {
	ev := make([]model.Evidence, len(f.Evidence))
	for i, e := range f.Evidence {
		if e.Path == "" {
			e.Path = path
		}
		ev[i] = e
	}
	return Finding{Rule: f.Rule, Severity: f.Severity, Reports: reports, Agency: r.Agency, Year: r.Year, Message: f.Message, Evidence: ev}
}

// previousYears maps the index of each report to the index of the same
// agency's report of the year before, when one is among the inputs.
func previousYears(ins []Input) map[int]int {
	type key struct {
		agency string
		year   int
	}
	at := map[key]int{}
	for i, in := range ins {
		r := in.Report
		if r.Region == nil {
			r.Region = region.OfReport(r, nil)
		}
		k := AgencyKey(r)
		if k == "" || r.Year == nil {
			continue
		}
		if _, dup := at[key{k, *r.Year}]; !dup {
			at[key{k, *r.Year}] = i
		}
	}
	out := map[int]int{}
	for i, in := range ins {
		r := in.Report
		k := AgencyKey(r)
		if k == "" || r.Year == nil {
			continue
		}
		if p, ok := at[key{k, *r.Year - 1}]; ok {
			out[i] = p
		}
	}
	return out
}

// AgencyKey identifies one agency across years: its name without spaces
// and its division code when resolved.
func AgencyKey(r *model.Report) string {
	n := strings.Join(strings.Fields(AgencyName(r)), "")
	if n == "" {
		return ""
	}
	if r.Region != nil && r.Region.Code != nil {
		n = *r.Region.Code + "|" + n
	}
	return n
}

// AgencyName is the agency as published, or the title when the agency
// was not read.
func AgencyName(r *model.Report) string {
	if r.Agency != nil {
		return *r.Agency
	}
	if r.Title != nil {
		return *r.Title
	}
	return ""
}

// Rules lists every rule name, sorted.
func Rules() []string {
	out := append(append([]string{}, SingleRules...), CrossRules...)
	sort.Strings(out)
	return out
}
