// Package derive computes the figures journalists ask of a report from its
// tables: requests received, the shares of each outcome, the share of
// applicants that are legal persons, the correction rates of
// administrative review and litigation, and changes against the previous
// year. docs/DERIVED.md gives every formula.
//
// A figure whose inputs are not all known is nil, and so is a ratio whose
// denominator is 0: undefined is never written as 0.
package derive

import (
	"strings"

	"github.com/govreport/govreport/model"
)

// Unit says how a figure reads.
type Unit string

const (
	Count Unit = "count" // a number of requests or cases
	Share Unit = "share" // a ratio in [0, 1]
)

// Figure is one derived value.
type Figure struct {
	Key     string   `json:"key"`
	Label   string   `json:"label"` // Chinese label for tables and charts
	Unit    Unit     `json:"unit"`
	Value   *float64 `json:"value"`
	Formula string   `json:"formula"`
	// Note says when a value was not taken as printed (a 总计 left blank
	// or failing its row check, computed from the six applicant columns)
	// or why it is null.
	Note string `json:"note,omitempty"`
}

// Figures are the derived values of one report, in a fixed order.
type Figures []Figure

// Get returns the value of the figure with the key and whether it is
// defined.
func (fs Figures) Get(key string) (float64, bool) {
	for _, f := range fs {
		if f.Key == key {
			if f.Value == nil {
				return 0, false
			}
			return *f.Value, true
		}
	}
	return 0, false
}

// Find returns the figure with the key, or nil.
func (fs Figures) Find(key string) *Figure {
	for i := range fs {
		if fs[i].Key == key {
			return &fs[i]
		}
	}
	return nil
}

// Reasons are the eight withholding rows of table 三 with short labels.
var Reasons = []struct{ Key, Label string }{
	{"withheld_state_secret", "国家秘密"},
	{"withheld_prohibited_by_law", "法律法规禁止"},
	{"withheld_security_stability", "三安全一稳定"},
	{"withheld_third_party_rights", "第三方合法权益"},
	{"withheld_internal_affairs", "内部事务信息"},
	{"withheld_process_information", "过程性信息"},
	{"withheld_enforcement_case_file", "行政执法案卷"},
	{"withheld_administrative_query", "行政查询事项"},
}

var (
	unavailableRows  = []string{"unavailable_not_held", "unavailable_needs_creation", "unavailable_still_unclear"}
	notProcessedRows = []string{"not_processed_complaint", "not_processed_repeated", "not_processed_publication", "not_processed_excessive", "not_processed_confirmation"}
	otherRows2019    = []string{"other"}
	otherRows2021    = []string{"other_no_correction", "other_unpaid_fee", "other_other"}
	orgColumns       = []string{"commercial_enterprise", "research_institution", "social_welfare_org", "legal_service_org", "other_org"}
)

// val is a value that may be unknown, with what a reader should know
// about it.
type val struct {
	v    float64
	ok   bool
	note string
}

func get(t *model.Table, r, c string) val {
	v, ok := t.Get(r, c)
	return val{v: v, ok: ok}
}

func joinNotes(vs ...val) string {
	var out []string
	for _, v := range vs {
		for _, n := range strings.Split(v.note, "；") {
			if n == "" {
				continue
			}
			dup := false
			for _, o := range out {
				dup = dup || o == n
			}
			if !dup {
				out = append(out, n)
			}
		}
	}
	return strings.Join(out, "；")
}

func sum(vs ...val) val {
	s := val{ok: true, note: joinNotes(vs...)}
	for _, v := range vs {
		if !v.ok {
			return val{note: s.note}
		}
		s.v += v.v
	}
	return s
}

func sub(a, b val) val {
	if !a.ok || !b.ok {
		return val{note: joinNotes(a, b)}
	}
	return val{a.v - b.v, true, joinNotes(a, b)}
}

func ratio(a, b val) val {
	if !a.ok || !b.ok || b.v == 0 {
		return val{note: joinNotes(a, b)}
	}
	return val{a.v / b.v, true, joinNotes(a, b)}
}

func (v val) ptr() *float64 {
	if !v.ok {
		return nil
	}
	x := v.v
	return &x
}

// rowTotal is the 总计 of a row of table 三 as a figure may use it: as
// printed, unless the document left it blank or it fails its row check;
// then the sum of the six applicant columns when they are all read
// (saying so), otherwise unknown with the reason. A blank 总计 read as 0
// must not make a share 0.0%.
func rowTotal(r *model.Report, a *model.Table, row string) val {
	printed := get(a, row, "total")
	p, hasProv := r.Provenance["applications."+row+".total"]
	blank := hasProv && !p.Inferred && strings.TrimSpace(p.Text) == ""
	failed := false
	for _, c := range r.Checks {
		failed = failed || (c.Rule == "row_total" && c.Scope == row && !c.OK)
	}
	if !blank && !failed {
		return printed
	}
	parts := make([]val, len(model.ApplicantColumns))
	for i, c := range model.ApplicantColumns {
		parts[i] = get(a, row, c.Key)
	}
	s := sum(parts...)
	label := row
	for _, d := range model.ApplicationRows {
		if d.Key == row {
			label = d.Label
		}
	}
	why := "总计栏空白"
	if !blank {
		why = "总计与六类申请人之和不符"
	}
	if !s.ok {
		return val{note: label + "：" + why + "，且六类申请人未全部读出，无法计算"}
	}
	if printed.ok && printed.v == s.v {
		return printed
	}
	s.note = label + "：" + why + "，按六类申请人之和计算"
	return s
}

// Compute derives the figures of one report.
func Compute(r *model.Report) Figures {
	a := r.Applications
	if a == nil {
		a = &model.Table{}
	}
	rl := r.ReviewLitigation
	if rl == nil {
		rl = &model.Table{}
	}
	var fs Figures
	add := func(key, label string, u Unit, v val, formula string) {
		fs = append(fs, Figure{Key: key, Label: label, Unit: u, Value: v.ptr(), Formula: formula, Note: v.note})
	}
	tot := func(row string) val { return rowTotal(r, a, row) }
	totals := func(keys []string) val {
		vs := make([]val, len(keys))
		for i, k := range keys {
			vs[i] = tot(k)
		}
		return sum(vs...)
	}
	newReq, carried, concluded := tot("new_requests"), tot("carried_over"), tot("total")
	add("new_requests", "本年新收申请", Count, newReq, "applications.new_requests.total")
	add("carried_over", "上年结转申请", Count, carried, "applications.carried_over.total")
	add("received", "收到申请合计", Count, sum(newReq, carried), "new_requests + carried_over")
	add("concluded", "办理结果总计", Count, concluded, "applications.total.total (（七）总计)")
	add("carried_forward", "结转下年办理", Count, tot("carried_forward"), "applications.carried_forward.total")

	other := otherRows2021
	if a.Row("other") != nil {
		other = otherRows2019
	}
	withheldKeys := make([]string, len(Reasons))
	for i, x := range Reasons {
		withheldKeys[i] = x.Key
	}
	groups := []struct {
		key, label string
		v          val
		formula    string
	}{
		{"granted", "予以公开", tot("granted"), "applications.granted.total"},
		{"partially_granted", "部分公开", tot("partially_granted"), "applications.partially_granted.total"},
		{"withheld", "不予公开", totals(withheldKeys), "sum of the eight withheld_* rows, total column"},
		{"unavailable", "无法提供", totals(unavailableRows), "sum of the three unavailable_* rows, total column"},
		{"not_processed", "不予处理", totals(notProcessedRows), "sum of the five not_processed_* rows, total column"},
		{"other", "其他处理", totals(other), "other (2019) or other_no_correction + other_unpaid_fee + other_other (2021), total column"},
	}
	for _, g := range groups {
		add(g.key, g.label, Count, g.v, g.formula)
	}
	for _, g := range groups {
		add(g.key+"_share", g.label+"占比", Share, ratio(g.v, concluded), g.key+" / concluded")
	}
	for _, x := range Reasons {
		add(x.Key+"_share", "不予公开："+x.Label+"占比", Share, ratio(tot(x.Key), concluded), "applications."+x.Key+".total / concluded")
	}
	orgs := rows2(a, "new_requests", orgColumns)
	persons := get(a, "new_requests", "natural_person")
	add("legal_person_share", "法人或其他组织申请占比", Share, ratio(orgs, sum(orgs, persons)),
		"(commercial_enterprise + research_institution + social_welfare_org + legal_service_org + other_org) / (those + natural_person), row new_requests")

	rv := func(g, o string) val { return get(rl, g, o) }
	concl := func(g string) val { return sub(rv(g, "total"), rv(g, "pending")) }
	add("review_total", "行政复议总数", Count, rv("review", "total"), "review_litigation.review.total")
	add("review_correction_rate", "行政复议纠错率", Share, ratio(rv("review", "corrected"), concl("review")),
		"review.corrected / (review.total − review.pending)")
	litTotal := sum(rv("litigation_direct", "total"), rv("litigation_after_review", "total"))
	add("litigation_total", "行政诉讼总数", Count, litTotal, "litigation_direct.total + litigation_after_review.total")
	add("litigation_correction_rate", "行政诉讼纠错率", Share,
		ratio(sum(rv("litigation_direct", "corrected"), rv("litigation_after_review", "corrected")),
			sum(concl("litigation_direct"), concl("litigation_after_review"))),
		"(litigation_direct.corrected + litigation_after_review.corrected) / (both totals − both pending)")
	return fs
}

func rows2(t *model.Table, row string, cols []string) val {
	vs := make([]val, len(cols))
	for i, c := range cols {
		vs[i] = get(t, row, c)
	}
	return sum(vs...)
}

// Change is a figure against the previous year.
type Change struct {
	Key string `json:"key"`
	// Delta is this year's value minus last year's (percentage points ×
	// 0.01 for shares: 0.05 is five points).
	Delta *float64 `json:"delta"`
	// Relative is Delta over last year's value, for counts only; nil when
	// last year's value is 0.
	Relative *float64 `json:"relative"`
}

// YearOnYear compares the figures of one agency's report with those of
// its previous year. Every figure of cur gets a Change.
func YearOnYear(cur, prev Figures) []Change {
	out := make([]Change, 0, len(cur))
	for _, f := range cur {
		c := Change{Key: f.Key}
		p := prev.Find(f.Key)
		if p != nil && p.Value != nil && f.Value != nil {
			d := val{v: *f.Value - *p.Value, ok: true}
			c.Delta = d.ptr()
			if f.Unit == Count {
				c.Relative = ratio(d, val{v: *p.Value, ok: true}).ptr()
			}
		}
		out = append(out, c)
	}
	return out
}
