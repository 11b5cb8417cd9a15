package derive

import (
	"math"
	"testing"

	"github.com/govreport/govreport/model"
)

// report builds a 2021-format report; apps maps row keys to the seven
// columns of table 三, review holds table 四 by group.
func report(apps map[string][7]float64, review map[string][5]float64) *model.Report {
	r := &model.Report{}
	r.Applications = model.NewTable(keys(model.ApplicationRowsFor(model.Gen2021)), func(string) []string { return colKeys(model.ApplicationColumns) })
	for row, vs := range apps {
		for i, c := range model.ApplicationColumns {
			r.Applications.Set(row, c.Key, vs[i])
		}
	}
	r.ReviewLitigation = model.NewTable(colKeys(model.ReviewGroups), func(string) []string { return colKeys(model.ReviewOutcomes) })
	for g, vs := range review {
		for i, o := range model.ReviewOutcomes {
			r.ReviewLitigation.Set(g, o.Key, vs[i])
		}
	}
	return r
}

func keys(rs []model.RowDef) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Key
	}
	return out
}

func colKeys(cs []model.ColDef) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Key
	}
	return out
}

func full(apps map[string][7]float64) map[string][7]float64 {
	for _, k := range keys(model.ApplicationRowsFor(model.Gen2021)) {
		if _, ok := apps[k]; !ok {
			apps[k] = [7]float64{}
		}
	}
	return apps
}

func check(t *testing.T, fs Figures, key string, want float64) {
	t.Helper()
	got, ok := fs.Get(key)
	if !ok {
		t.Errorf("%s undefined, want %v", key, want)
		return
	}
	if math.Abs(got-want) > 1e-12 {
		t.Errorf("%s = %v, want %v", key, got, want)
	}
}

func undefined(t *testing.T, fs Figures, key string) {
	t.Helper()
	if f := fs.Find(key); f == nil {
		t.Errorf("no figure %s", key)
	} else if f.Value != nil {
		t.Errorf("%s = %v, want null", key, *f.Value)
	}
}

func TestCompute(t *testing.T) {
	// 40 new (34 persons, 4 enterprises, 2 law firms) + 2 carried over;
	// 37 answered: 15 granted, 6 partly, 5 withheld (2 third party, 3
	// process), 8 unavailable, 2 not processed, 1 other; 5 carried forward.
	r := report(full(map[string][7]float64{
		"new_requests":                 {34, 4, 0, 0, 2, 0, 40},
		"carried_over":                 {2, 0, 0, 0, 0, 0, 2},
		"granted":                      {12, 2, 0, 0, 1, 0, 15},
		"partially_granted":            {5, 1, 0, 0, 0, 0, 6},
		"withheld_third_party_rights":  {2, 0, 0, 0, 0, 0, 2},
		"withheld_process_information": {3, 0, 0, 0, 0, 0, 3},
		"unavailable_not_held":         {7, 1, 0, 0, 0, 0, 8},
		"not_processed_repeated":       {2, 0, 0, 0, 0, 0, 2},
		"other_other":                  {1, 0, 0, 0, 0, 0, 1},
		"total":                        {32, 4, 0, 0, 1, 0, 37},
		"carried_forward":              {4, 0, 0, 0, 1, 0, 5},
	}), map[string][5]float64{
		"review":                  {3, 1, 0, 1, 5},
		"litigation_direct":       {2, 0, 1, 0, 3},
		"litigation_after_review": {1, 1, 0, 0, 2},
	})
	fs := Compute(r)
	check(t, fs, "new_requests", 40)
	check(t, fs, "received", 42)
	check(t, fs, "concluded", 37)
	check(t, fs, "carried_forward", 5)
	check(t, fs, "granted_share", 15.0/37)
	check(t, fs, "partially_granted_share", 6.0/37)
	check(t, fs, "withheld", 5)
	check(t, fs, "withheld_share", 5.0/37)
	check(t, fs, "withheld_third_party_rights_share", 2.0/37)
	check(t, fs, "withheld_process_information_share", 3.0/37)
	check(t, fs, "withheld_state_secret_share", 0)
	check(t, fs, "unavailable_share", 8.0/37)
	check(t, fs, "not_processed_share", 2.0/37)
	check(t, fs, "other_share", 1.0/37)
	check(t, fs, "legal_person_share", 6.0/40)
	check(t, fs, "review_total", 5)
	check(t, fs, "review_correction_rate", 1.0/4) // 5 − 1 pending = 4 concluded
	check(t, fs, "litigation_total", 5)
	check(t, fs, "litigation_correction_rate", 1.0/5)
}

func TestZeroDenominatorsAreNull(t *testing.T) {
	r := report(full(map[string][7]float64{}), map[string][5]float64{
		"review":                  {0, 0, 0, 2, 2}, // all pending: nothing concluded
		"litigation_direct":       {0, 0, 0, 0, 0},
		"litigation_after_review": {0, 0, 0, 0, 0},
	})
	fs := Compute(r)
	check(t, fs, "received", 0)
	for _, k := range []string{"granted_share", "withheld_share", "withheld_state_secret_share", "legal_person_share", "review_correction_rate", "litigation_correction_rate"} {
		undefined(t, fs, k)
	}
	check(t, fs, "review_total", 2)
}

func TestUnknownInputsAreNull(t *testing.T) {
	r := report(full(map[string][7]float64{"new_requests": {1, 0, 0, 0, 0, 0, 1}, "total": {1, 0, 0, 0, 0, 0, 1}, "granted": {1, 0, 0, 0, 0, 0, 1}}), nil)
	r.Applications.Cell("withheld_internal_affairs", "total").Value = nil
	r.Applications.Cell("carried_over", "total").Value = nil
	fs := Compute(r)
	undefined(t, fs, "received")
	undefined(t, fs, "withheld")
	undefined(t, fs, "withheld_share")
	check(t, fs, "granted_share", 1)
	undefined(t, fs, "review_total") // no table 四 values
	// A report without tables derives nothing, without panicking.
	for _, f := range Compute(&model.Report{}) {
		if f.Value != nil {
			t.Errorf("%s = %v from an empty report", f.Key, *f.Value)
		}
	}
}

func TestOther2019(t *testing.T) {
	r := &model.Report{}
	r.Applications = model.NewTable(keys(model.ApplicationRowsFor(model.Gen2019)), func(string) []string { return colKeys(model.ApplicationColumns) })
	for _, row := range r.Applications.Rows {
		for _, c := range row.Cells {
			r.Applications.Set(row.Key, c.Key, 0)
		}
	}
	r.Applications.Set("other", "total", 4)
	r.Applications.Set("total", "total", 21)
	check(t, Compute(r), "other_share", 4.0/21)
}

func TestYearOnYear(t *testing.T) {
	prev := Figures{{Key: "new_requests", Unit: Count, Value: ptr(70)}, {Key: "granted_share", Unit: Share, Value: ptr(0.4)}, {Key: "carried_over", Unit: Count, Value: ptr(0)}}
	cur := Figures{{Key: "new_requests", Unit: Count, Value: ptr(74)}, {Key: "granted_share", Unit: Share, Value: ptr(0.25)}, {Key: "carried_over", Unit: Count, Value: ptr(1)}, {Key: "review_total", Unit: Count, Value: ptr(2)}}
	ch := YearOnYear(cur, prev)
	if len(ch) != 4 {
		t.Fatalf("%d changes", len(ch))
	}
	if *ch[0].Delta != 4 || math.Abs(*ch[0].Relative-4.0/70) > 1e-12 {
		t.Errorf("new_requests change %v %v", *ch[0].Delta, *ch[0].Relative)
	}
	if math.Abs(*ch[1].Delta+0.15) > 1e-12 || ch[1].Relative != nil {
		t.Errorf("granted_share change %+v", ch[1])
	}
	if *ch[2].Delta != 1 || ch[2].Relative != nil {
		t.Errorf("from 0: relative must be null: %+v", ch[2])
	}
	if ch[3].Delta != nil {
		t.Errorf("no previous value: %+v", ch[3])
	}
}

func ptr(v float64) *float64 { return &v }

// A 总计 column the document left blank on the result rows (read as 0)
// must not give a share of 0.0%: the share is computed from the six
// applicant columns and says so; without them it is null with the reason.
func TestShareOfBlankTotal(t *testing.T) {
	apps := map[string][7]float64{
		"new_requests":         {10, 2, 0, 0, 0, 0, 12},
		"carried_over":         {0, 0, 0, 0, 0, 0, 0},
		"granted":              {6, 1, 0, 0, 0, 0, 0}, // 总计 blank
		"unavailable_not_held": {4, 1, 0, 0, 0, 0, 0}, // 总计 blank
		"total":                {10, 2, 0, 0, 0, 0, 12},
		"carried_forward":      {0, 0, 0, 0, 0, 0, 0},
	}
	r := report(apps, nil)
	r.Provenance = model.Provenances{
		"applications.granted.total":              {Text: "", Line: 9},
		"applications.unavailable_not_held.total": {Text: "", Line: 18},
		"applications.total.total":                {Text: "12", Line: 30},
	}
	r.Checks = model.RunChecks(r)
	fs := Compute(r)
	g := fs.Find("granted_share")
	if g.Value == nil || math.Abs(*g.Value-7.0/12) > 1e-9 || g.Note == "" {
		t.Fatalf("granted_share = %v (note %q), want 7/12 from the applicant columns, with a note", g.Value, g.Note)
	}
	if v, _ := fs.Get("granted"); v != 7 {
		t.Errorf("granted = %v, want 7", v)
	}
	// A total printed and agreeing is taken as printed, without a note.
	if c := fs.Find("concluded"); c.Value == nil || *c.Value != 12 || c.Note != "" {
		t.Errorf("concluded = %v (note %q)", c.Value, c.Note)
	}
	// A total that fails its row check is computed from the parts too.
	r.Applications.Set("granted", "total", 9)
	r.Provenance["applications.granted.total"] = model.Provenance{Text: "9", Line: 9}
	r.Checks = model.RunChecks(r)
	if v, _ := Compute(r).Get("granted"); v != 7 {
		t.Errorf("granted with a failing 总计 = %v, want 7 from the parts", v)
	}
	// Parts not all read: null with the reason, never 0.
	r.Applications.Cell("granted", "commercial_enterprise").Value = nil
	r.Applications.Set("granted", "total", 0)
	r.Provenance["applications.granted.total"] = model.Provenance{Text: "", Line: 9}
	r.Checks = model.RunChecks(r)
	g = Compute(r).Find("granted_share")
	if g.Value != nil || g.Note == "" {
		t.Fatalf("granted_share = %v (note %q), want null with a reason", *g.Value, g.Note)
	}
}
