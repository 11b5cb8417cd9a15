// Package compare puts several reports side by side: one column per
// report, sorted by region or by year, with the derived figures of package
// derive, the failed arithmetic checks of each report, changes against the
// same agency's previous year and the cross-report carry-over check. It
// renders the table for the terminal, as Markdown, CSV and XLSX, and as a
// self-contained HTML page with SVG charts.
package compare

//go:generate go run ./internal/gencorpus -out ../corpus/compare

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/govreport/govreport/audit"
	"github.com/govreport/govreport/derive"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/region"
)

// Entry is one report of a comparison.
type Entry struct {
	Name    string // the input it was read from
	Report  *model.Report
	Figures derive.Figures
	Failed  []model.Check // the report's own failed checks
	// Prev is the same agency's report of the previous year, when given.
	Prev    *Entry
	Changes []derive.Change // against Prev; nil without one
	// Carry is the carry-over check against Prev; nil without one.
	Carry *CarryCheck
	// Merged are other documents of the same agency and year, shown in
	// this entry's column; Differs says their figures are not all equal.
	Merged  []*Entry
	Differs bool
}

// CarryCheck compares requests carried over into this year with those the
// previous year's report carried forward.
type CarryCheck struct {
	OK                 bool
	Known              bool    // both values were read
	CarriedOver        float64 // this year's 二、上年结转 (total)
	PrevCarriedForward float64 // last year's 四、结转下年度继续办理 (total)
}

// Warning is a cross-report finding (never an error: the reports may
// count differently, but a reader should look).
type Warning struct {
	Rule     string  `json:"rule"` // "carry_over"
	Agency   string  `json:"agency"`
	Year     int     `json:"year"`
	Expected float64 `json:"expected"` // last year's carried_forward
	Actual   float64 `json:"actual"`   // this year's carried_over
	Message  string  `json:"message"`
	Prev     string  `json:"prev"` // input of the previous year
	Cur      string  `json:"cur"`  // input of this year
}

// Set is a comparison ready to render.
type Set struct {
	Entries  []*Entry
	Warnings []Warning
	// Findings are the audit's findings on the entries (package audit,
	// docs/AUDIT.md), in column order; failed checks and carry-over are
	// among them as rules arithmetic and carry_over.
	Findings []audit.Finding
}

// Sort orders of the columns.
const (
	ByRegion = "region" // by division code (unresolved last), agency, year
	ByYear   = "year"   // by year, then division code and agency
)

// Build derives the figures of each report, links each agency's
// consecutive years and runs the carry-over check. name[i] is the input
// of reports[i].
func Build(reports []*model.Report, names []string, order string) (*Set, error) {
	if order == "" {
		order = ByRegion
	}
	if order != ByRegion && order != ByYear {
		return nil, fmt.Errorf("unknown sort order %q (region or year)", order)
	}
	s := &Set{}
	for i, r := range reports {
		if r.Region == nil {
			r.Region = region.OfReport(r, nil)
		}
		e := &Entry{Name: names[i], Report: r, Figures: derive.Compute(r), Failed: model.FailedChecks(r.Checks)}
		s.Entries = append(s.Entries, e)
	}
	s.Entries = mergeSame(s.Entries)
	sort.SliceStable(s.Entries, func(i, j int) bool {
		a, b := s.Entries[i], s.Entries[j]
		ka, kb := regionKey(a), regionKey(b)
		ya, yb := year(a), year(b)
		if order == ByYear && ya != yb {
			return ya < yb
		}
		if ka != kb {
			return ka < kb
		}
		if aa, ab := AgencyKey(a.Report), AgencyKey(b.Report); aa != ab {
			return aa < ab
		}
		return ya < yb
	})
	byAgency := map[string]map[int]*Entry{}
	for _, e := range s.Entries {
		k := AgencyKey(e.Report)
		if k == "" || e.Report.Year == nil {
			continue
		}
		if byAgency[k] == nil {
			byAgency[k] = map[int]*Entry{}
		}
		byAgency[k][*e.Report.Year] = e
	}
	for _, e := range s.Entries {
		k := AgencyKey(e.Report)
		if k == "" || e.Report.Year == nil {
			continue
		}
		p := byAgency[k][*e.Report.Year-1]
		if p == nil {
			continue
		}
		e.Prev = p
		e.Changes = derive.YearOnYear(e.Figures, p.Figures)
		c := audit.CarryOver(e.Report, p.Report) // the audit's carry_over rule
		co, cf := c.CarriedOver, c.PrevCarriedForward
		e.Carry = &CarryCheck{OK: c.OK, Known: c.Known, CarriedOver: co, PrevCarriedForward: cf}
		if !c.OK {
			s.Warnings = append(s.Warnings, Warning{
				Rule: "carry_over", Agency: agencyName(e.Report), Year: *e.Report.Year,
				Expected: cf, Actual: co, Prev: p.Name, Cur: e.Name,
				Message: fmt.Sprintf("%s %d年 上年结转 %s ≠ %d年 结转下年度继续办理 %s", agencyName(e.Report), *e.Report.Year, num(co), *e.Report.Year-1, num(cf)),
			})
		}
	}
	ins := make([]audit.Input, len(s.Entries))
	for i, e := range s.Entries {
		ins[i] = audit.Input{Name: e.Name, Report: e.Report}
	}
	s.Findings = audit.Run(ins)
	return s, nil
}

// otherFindings are the findings beyond the failed checks and the
// carry-over, which the comparison shows on their own.
func (s *Set) otherFindings() []audit.Finding {
	var out []audit.Finding
	for _, f := range s.Findings {
		if f.Rule != audit.RuleArithmetic && f.Rule != audit.RuleCarryOver {
			out = append(out, f)
		}
	}
	return out
}

func findingLabel(f audit.Finding) string {
	a := ""
	if f.Agency != nil {
		a = *f.Agency
	}
	if f.Year != nil {
		a = fmt.Sprintf("%s %d", a, *f.Year)
	}
	if a == "" && len(f.Reports) > 0 {
		a = filepath.Base(f.Reports[len(f.Reports)-1])
	}
	return a
}

// mergeSame keeps one column per agency and year: the first document
// given; the others of the same agency and year are listed in its Merged
// (a report published twice, or as PDF and as web page), and Differs is
// set when their figures disagree.
func mergeSame(es []*Entry) []*Entry {
	first := map[string]*Entry{}
	var out []*Entry
	for _, e := range es {
		k := AgencyKey(e.Report)
		if k == "" || e.Report.Year == nil {
			out = append(out, e)
			continue
		}
		k = fmt.Sprintf("%s|%d", k, *e.Report.Year)
		f := first[k]
		if f == nil {
			first[k] = e
			out = append(out, e)
			continue
		}
		f.Merged = append(f.Merged, e)
		if !sameFigures(f.Figures, e.Figures) {
			f.Differs = true
		}
	}
	return out
}

func sameFigures(a, b derive.Figures) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i].Value, b[i].Value
		if a[i].Key != b[i].Key || (x == nil) != (y == nil) || (x != nil && *x != *y) {
			return false
		}
	}
	return true
}

func year(e *Entry) int {
	if e.Report.Year == nil {
		return 0
	}
	return *e.Report.Year
}

// regionKey sorts resolved divisions by code and unresolved ones last.
func regionKey(e *Entry) string {
	if g := e.Report.Region; g != nil && g.Code != nil {
		return *g.Code
	}
	return "~"
}

// AgencyKey identifies one agency across years: its name without spaces
// and its division code when resolved.
func AgencyKey(r *model.Report) string { return audit.AgencyKey(r) }

func agencyName(r *model.Report) string { return audit.AgencyName(r) }

// Label is the short name of an entry's column: the agency and year, or
// the input's file name.
func (e *Entry) Label() string {
	a := agencyName(e.Report)
	if a == "" {
		a = filepath.Base(e.Name)
	}
	if e.Report.Year != nil {
		return fmt.Sprintf("%s %d", a, *e.Report.Year)
	}
	return a
}

// Place is the division in words: 江苏省 淮安市 洪泽区, or the
// candidates' count when ambiguous.
func (e *Entry) Place() string {
	g := e.Report.Region
	if g == nil {
		return "—"
	}
	if g.Code == nil {
		if len(g.Candidates) > 0 {
			return fmt.Sprintf("不确定（%d个候选）", len(g.Candidates))
		}
		return "—"
	}
	var parts []string
	for _, p := range []*string{g.Province, g.City, g.County} {
		if p != nil && (len(parts) == 0 || parts[len(parts)-1] != *p) {
			parts = append(parts, *p)
		}
	}
	return strings.Join(parts, " ")
}

// Code is the division code or the candidates' codes.
func (e *Entry) Code() string {
	g := e.Report.Region
	if g == nil {
		return "—"
	}
	if g.Code != nil {
		return *g.Code
	}
	var cs []string
	for _, c := range g.Candidates {
		cs = append(cs, c.Code)
	}
	if len(cs) == 0 {
		return "—"
	}
	return strings.Join(cs, "/")
}

// num writes a count without a trailing .0.
func num(v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d", int64(v))
	}
	return fmt.Sprintf("%g", v)
}
