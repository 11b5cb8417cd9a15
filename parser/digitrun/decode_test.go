package digitrun

import (
	"context"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// table is a table 三 written as numbers, row key → 7 cells.
type table map[string][7]int

// zeros returns a table of generation g with every row 0.
func zeros(g model.Generation) table {
	t := table{}
	for _, r := range model.ApplicationRowsFor(g) {
		t[r.Key] = [7]int{}
	}
	return t
}

// runsOf prints every row as a run with no separators, except the rows in
// spaced, printed with a space between cells.
func runsOf(t table, spaced ...string) map[string]string {
	out := map[string]string{}
	for k, cells := range t {
		sep := ""
		for _, s := range spaced {
			if s == k {
				sep = " "
			}
		}
		parts := make([]string, 7)
		for i, c := range cells {
			parts[i] = strconv.Itoa(c)
		}
		out[k] = strings.Join(parts, sep)
	}
	return out
}

func values(cells [7]Cell) []any {
	out := make([]any, 7)
	for i, c := range cells {
		if c.Value == nil {
			out[i] = nil
		} else {
			out[i] = int(*c.Value)
		}
	}
	return out
}

func ints(xs ...int) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func hasWarning(ws []Warning, code, field string) bool {
	for _, w := range ws {
		if w.Code == code && w.Field == field {
			return true
		}
	}
	return false
}

func codes(ws []Warning) map[string]int {
	m := map[string]int{}
	for _, w := range ws {
		m[w.Code]++
	}
	return m
}

// A 2021 table in which every row has a single split that fits its row
// total: everything is read, nothing is warned about.
func TestApplicationsUniqueSplits(t *testing.T) {
	tb := zeros(model.Gen2021)
	tb["new_requests"] = [7]int{151, 3, 0, 0, 0, 0, 154}
	tb["carried_over"] = [7]int{4, 0, 0, 0, 0, 0, 4}
	tb["granted"] = [7]int{98, 2, 0, 0, 0, 0, 100}
	tb["partially_granted"] = [7]int{12, 0, 0, 0, 0, 0, 12}
	tb["withheld_process_information"] = [7]int{3, 0, 0, 0, 0, 0, 3}
	tb["unavailable_not_held"] = [7]int{37, 1, 0, 0, 0, 0, 38}
	tb["other_other"] = [7]int{0, 0, 0, 0, 0, 0, 0}
	tb["total"] = [7]int{150, 3, 0, 0, 0, 0, 153}
	tb["carried_forward"] = [7]int{5, 0, 0, 0, 0, 0, 5}
	got, warns := DecodeApplications(runsOf(tb, "total"), model.Gen2021)
	if len(warns) != 0 {
		t.Errorf("unexpected warnings: %+v", warns)
	}
	if len(got) != 25 {
		t.Fatalf("%d rows, want 25 (2021 format)", len(got))
	}
	for k, want := range tb {
		w := make([]int, 7)
		for i := range want {
			w[i] = want[i]
		}
		if g := values(got[k]); !reflect.DeepEqual(g, ints(w...)) {
			t.Errorf("%s: got %v, want %v", k, g, w)
		}
	}
	if c := got["new_requests"][0]; c.Raw != "151" || c.Candidates != nil {
		t.Errorf("new_requests.natural_person: raw %q candidates %v", c.Raw, c.Candidates)
	}
}

// Forced boundaries (spaces) and blank markers.
func TestApplicationsSpacesAndBlanks(t *testing.T) {
	tb := zeros(model.Gen2019)
	tb["new_requests"] = [7]int{23, 0, 0, 0, 0, 0, 23}
	tb["granted"] = [7]int{23, 0, 0, 0, 0, 0, 23}
	tb["total"] = [7]int{23, 0, 0, 0, 0, 0, 23}
	runs := runsOf(tb)
	runs["new_requests"] = "230 000023"
	runs["total"] = "23 0 00 0 023"
	runs["carried_forward"] = " 0 0 00 00 0 "
	runs["other"] = "—————— 0"
	got, warns := DecodeApplications(runs, model.Gen2019)
	if len(warns) != 0 {
		t.Errorf("unexpected warnings: %+v", warns)
	}
	for _, k := range []string{"new_requests", "total"} {
		if g := values(got[k]); !reflect.DeepEqual(g, ints(23, 0, 0, 0, 0, 0, 23)) {
			t.Errorf("%s: got %v", k, g)
		}
	}
	if g := values(got["other"]); !reflect.DeepEqual(g, ints(0, 0, 0, 0, 0, 0, 0)) {
		t.Errorf("other: got %v", g)
	}
	if raw := got["other"][0].Raw; raw != "—" {
		t.Errorf("blank marker raw %q, want —", raw)
	}
}

// Rows that their own total leaves ambiguous are settled by the column
// relations (balance and results).
func TestApplicationsColumnsSettleRows(t *testing.T) {
	tb := zeros(model.Gen2021)
	tb["new_requests"] = [7]int{64, 0, 0, 2, 0, 4, 70}
	tb["granted"] = [7]int{27, 0, 0, 2, 0, 1, 30}              // 270020130: also 2|7|0|0|20|1|30
	tb["unavailable_not_held"] = [7]int{22, 0, 0, 0, 0, 3, 25} // 220000325: also 2|20|0|0|0|3|25
	tb["partially_granted"] = [7]int{5, 0, 0, 0, 0, 0, 5}
	tb["withheld_enforcement_case_file"] = [7]int{9, 0, 0, 0, 0, 0, 9}
	tb["total"] = [7]int{63, 0, 0, 2, 0, 4, 69}
	tb["carried_forward"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	segs, _ := countSegments("270020130")
	if c, _ := rowTotalSplits(context.Background(), segs, new(TableBudget), false); len(c) != 2 {
		t.Fatalf("premise: 270020130 has %d row-valid splits, want 2", len(c))
	}
	got, warns := DecodeApplications(runsOf(tb), model.Gen2021)
	if len(warns) != 0 {
		t.Errorf("unexpected warnings: %+v", warns)
	}
	if g := values(got["granted"]); !reflect.DeepEqual(g, ints(27, 0, 0, 2, 0, 1, 30)) {
		t.Errorf("granted: got %v", g)
	}
	if g := values(got["unavailable_not_held"]); !reflect.DeepEqual(g, ints(22, 0, 0, 0, 0, 3, 25)) {
		t.Errorf("unavailable_not_held: got %v", g)
	}
}

// Two result rows with the same run: the column sums hold whichever of the
// two takes which split, so neither can be read. The cells the splits
// agree on are read; the others are nil with their candidates.
func TestApplicationsAmbiguousEvenWithColumns(t *testing.T) {
	tb := zeros(model.Gen2019)
	tb["new_requests"] = [7]int{24, 20, 0, 0, 0, 0, 44}
	tb["granted"] = [7]int{22, 0, 0, 0, 0, 0, 22}
	tb["withheld_third_party_rights"] = [7]int{2, 20, 0, 0, 0, 0, 22}
	tb["total"] = [7]int{24, 20, 0, 0, 0, 0, 44}
	runs := runsOf(tb, "new_requests", "total")
	if runs["granted"] != runs["withheld_third_party_rights"] {
		t.Fatalf("premise: runs differ")
	}
	got, warns := DecodeApplications(runs, model.Gen2019)
	for _, k := range []string{"granted", "withheld_third_party_rights"} {
		if g := values(got[k]); !reflect.DeepEqual(g, []any{nil, nil, 0, 0, 0, 0, 22}) {
			t.Errorf("%s: got %v", k, g)
		}
		if c := got[k][0].Candidates; !reflect.DeepEqual(c, []float64{2, 22}) {
			t.Errorf("%s natural_person candidates %v, want [2 22]", k, c)
		}
		if c := got[k][1].Candidates; !reflect.DeepEqual(c, []float64{0, 20}) {
			t.Errorf("%s commercial_enterprise candidates %v, want [0 20]", k, c)
		}
		for _, col := range []string{"natural_person", "commercial_enterprise"} {
			if !hasWarning(warns, CodeAmbiguous, "applications."+k+"."+col) {
				t.Errorf("no ambiguity warning for %s.%s", k, col)
			}
		}
	}
	if n := codes(warns)[CodeAmbiguous]; n != 4 {
		t.Errorf("%d ambiguity warnings, want 4: %+v", n, warns)
	}
}

// Without the rows the column relations need, an ambiguous row stays
// ambiguous: nothing is guessed.
func TestApplicationsAmbiguousWithoutColumns(t *testing.T) {
	runs := map[string]string{"granted": "220000022"}
	got, warns := DecodeApplications(runs, model.Gen2021)
	if g := values(got["granted"]); !reflect.DeepEqual(g, []any{nil, nil, 0, 0, 0, 0, 22}) {
		t.Errorf("granted: got %v", g)
	}
	if !hasWarning(warns, CodeMissing, "applications.total") {
		t.Errorf("missing rows not warned about")
	}
	if g := values(got["total"]); !reflect.DeepEqual(g, []any{nil, nil, nil, nil, nil, nil, nil}) {
		t.Errorf("missing row total: got %v", g)
	}
}

// A row whose digits admit no split fitting its own total (the document's
// error) is read as printed when the digits force the split, and is not
// repaired.
func TestApplicationsRowViolatesItsTotal(t *testing.T) {
	tb := zeros(model.Gen2019)
	tb["new_requests"] = [7]int{20, 0, 0, 0, 0, 1, 21}
	tb["granted"] = [7]int{6, 0, 0, 0, 0, 1, 8} // 6+1 ≠ 8, as printed
	tb["partially_granted"] = [7]int{14, 0, 0, 0, 0, 0, 14}
	tb["total"] = [7]int{20, 0, 0, 0, 0, 1, 21}
	got, warns := DecodeApplications(runsOf(tb), model.Gen2019)
	if g := values(got["granted"]); !reflect.DeepEqual(g, ints(6, 0, 0, 0, 0, 1, 8)) {
		t.Errorf("granted: got %v, want the printed 6,0,0,0,0,1,8", g)
	}
	if !hasWarning(warns, CodeRowTotal, "applications.granted") {
		t.Errorf("no row-total warning: %+v", warns)
	}
	// The other rows are unaffected.
	if g := values(got["partially_granted"]); !reflect.DeepEqual(g, ints(14, 0, 0, 0, 0, 0, 14)) {
		t.Errorf("partially_granted: got %v", g)
	}
	// The failure is left for the checks to report.
	rep := &model.Report{Template: model.Gen2019, Applications: toTable(got, model.Gen2019)}
	failed := model.FailedChecks(model.RunChecks(rep))
	var rules []string
	for _, c := range failed {
		rules = append(rules, c.Rule+":"+c.Scope)
	}
	if !reflect.DeepEqual(rules, []string{"results:total", "row_total:granted"}) {
		t.Errorf("failed checks %v", rules)
	}
}

// A row that fails its total and whose digits admit several splits is
// decoded from the column relations alone when they settle it.
func TestApplicationsRowTotalFailsColumnsDecide(t *testing.T) {
	tb := zeros(model.Gen2019)
	// The agency summed the 总计 column down: every 总计 is 13 where the
	// applicant cells make 12.
	tb["new_requests"] = [7]int{10, 2, 0, 0, 0, 0, 13}
	tb["granted"] = [7]int{10, 2, 0, 0, 0, 0, 13}
	tb["total"] = [7]int{10, 2, 0, 0, 0, 0, 13}
	runs := runsOf(tb, "new_requests")
	all, _ := allSplits(context.Background(), mustSegs(t, runs["granted"]), 7, MaxCountDigits, MaxRowCandidates, new(RowBudget), false)
	if len(all) < 2 {
		t.Fatalf("premise: %q has %d splits", runs["granted"], len(all))
	}
	got, warns := DecodeApplications(runs, model.Gen2019)
	for _, k := range []string{"new_requests", "granted", "total"} {
		if g := values(got[k]); !reflect.DeepEqual(g, ints(10, 2, 0, 0, 0, 0, 13)) {
			t.Errorf("%s: got %v", k, g)
		}
		if !hasWarning(warns, CodeRowTotal, "applications."+k) {
			t.Errorf("%s: no row-total warning", k)
		}
	}
	if n := codes(warns)[CodeAmbiguous]; n != 0 {
		t.Errorf("ambiguity warnings: %+v", warns)
	}
}

// When the row fails its total and the column relations cannot all hold
// either, only the cells every split agrees on are read.
func TestApplicationsRowTotalFailsColumnsInconsistent(t *testing.T) {
	tb := zeros(model.Gen2019)
	tb["new_requests"] = [7]int{12, 0, 0, 0, 0, 0, 12}
	tb["granted"] = [7]int{10, 2, 0, 0, 0, 0, 13} // one error, nothing compensates
	tb["total"] = [7]int{12, 0, 0, 0, 0, 0, 12}
	got, warns := DecodeApplications(runsOf(tb, "new_requests", "total"), model.Gen2019)
	g := values(got["granted"])
	if g[0] != nil || g[1] != nil || g[6] != nil {
		t.Errorf("granted: got %v, want the undecidable cells nil", g)
	}
	if !hasWarning(warns, CodeRowTotal, "applications.granted") || !hasWarning(warns, CodeColumns, "applications.granted") {
		t.Errorf("warnings %+v", warns)
	}
	if len(got["granted"][0].Candidates) < 2 {
		t.Errorf("candidates %v", got["granted"][0].Candidates)
	}
}

// Thousands separators constrain the split: a group after a comma has
// exactly three digits.
func TestApplicationsThousandsSeparators(t *testing.T) {
	got, warns := DecodeApplications(map[string]string{"new_requests": "1,204600001,210", "granted": "1,2,3"}, model.Gen2021)
	if g := values(got["new_requests"]); !reflect.DeepEqual(g, ints(1204, 6, 0, 0, 0, 0, 1210)) {
		t.Errorf("new_requests %v", g)
	}
	if hasWarning(warns, CodeAmbiguous, "applications.new_requests.natural_person") {
		t.Errorf("warnings %+v", warns)
	}
	if got["granted"][0].Value != nil || !hasWarning(warns, CodeNoSplit, "applications.granted") {
		t.Errorf("granted %v", values(got["granted"]))
	}
}

func TestApplicationsUnreadableRun(t *testing.T) {
	got, warns := DecodeApplications(map[string]string{"granted": "12x3", "partially_granted": "123", "carried_over": ""}, model.Gen2021)
	if !hasWarning(warns, CodeNoSplit, "applications.granted") || !hasWarning(warns, CodeNoSplit, "applications.partially_granted") {
		t.Errorf("warnings %+v", warns)
	}
	if got["granted"][0].Value != nil || got["partially_granted"][6].Value != nil {
		t.Errorf("unreadable rows have values")
	}
	if !hasWarning(warns, CodeBlankRow, "applications.carried_over") || got["carried_over"][6].Value != nil {
		t.Errorf("a row without digits must stay unread: %+v", warns)
	}
}

func mustSegs(t *testing.T, run string) []segment {
	t.Helper()
	s, err := countSegments(run)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func toTable(cells map[string][7]Cell, g model.Generation) *model.Table {
	var keys []string
	for _, r := range model.ApplicationRowsFor(g) {
		keys = append(keys, r.Key)
	}
	tb := model.NewTable(keys, func(string) []string {
		var cs []string
		for _, c := range model.ApplicationColumns {
			cs = append(cs, c.Key)
		}
		return cs
	})
	for i := range tb.Rows {
		row := cells[tb.Rows[i].Key]
		for j := range tb.Rows[i].Cells {
			tb.Rows[i].Cells[j].Value = row[j].Value
		}
	}
	return tb
}

func reviewValues(cs [15]Cell) []any {
	out := make([]any, 15)
	for i, c := range cs {
		if c.Value != nil {
			out[i] = int(*c.Value)
		}
	}
	return out
}

func TestReview(t *testing.T) {
	cases := []struct {
		run       string
		want      []any
		warnCodes map[string]int
	}{
		// 17 digits, one split fits the three group totals.
		{"10203120001200000", ints(1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0), map[string]int{}},
		{"000000000000000", ints(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), map[string]int{}},
		{"0 1 1 0 2 1 0 0 0 1 0 0 0 0 0", ints(0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0), map[string]int{}},
		{"3 — — — 3 0 0 0 0 0 — 1 — — 1", ints(3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1), map[string]int{}},
		// 1|0|0|10|11 and 10|0|1|0|11 both fit group 1.
		{"10010110000000000", []any{nil, 0, nil, nil, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, map[string]int{CodeAmbiguous: 3}},
		// 15 digits, group 1 prints 总计 2 for 1+0+0+0: read as printed.
		{"100020000000000", ints(1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), map[string]int{CodeGroupTotal: 1}},
		// Too few digits.
		{"0000", make([]any, 15), map[string]int{CodeGroupTotal: 1, CodeNoSplit: 1}},
	}
	for _, c := range cases {
		got, warns := DecodeReview(c.run)
		if g := reviewValues(got); !reflect.DeepEqual(g, c.want) {
			t.Errorf("%q: got %v, want %v", c.run, g, c.want)
		}
		if cw := codes(warns); !reflect.DeepEqual(cw, c.warnCodes) {
			t.Errorf("%q: warnings %v, want %v: %+v", c.run, cw, c.warnCodes, warns)
		}
	}
	got, warns := DecodeReview("10010110000000000")
	if !reflect.DeepEqual(got[0].Candidates, []float64{1, 10}) || !reflect.DeepEqual(got[3].Candidates, []float64{0, 10}) {
		t.Errorf("candidates %v %v", got[0].Candidates, got[3].Candidates)
	}
	if !hasWarning(warns, CodeAmbiguous, "review_litigation.review.upheld") {
		t.Errorf("warning field paths: %+v", warns)
	}
}

func disclosureRow(g model.Generation, key string) model.DisclosureRow {
	for _, r := range model.DisclosureRows(g) {
		if r.Key == key {
			return r
		}
	}
	panic(key)
}

func cellValues(cs []Cell) []any {
	out := make([]any, len(cs))
	for i, c := range cs {
		if c.Value != nil {
			out[i] = *c.Value
		}
	}
	return out
}

func TestDisclosure(t *testing.T) {
	cases := []struct {
		g     model.Generation
		row   string
		run   string
		want  []any
		cands [][]float64 // per field, nil when determined
	}{
		{model.Gen2021, "rules", "000", []any{0.0, 0.0, 0.0}, nil},
		{model.Gen2019, "rules", "007", []any{0.0, 0.0, 7.0}, nil},
		{model.Gen2021, "rules", "412", []any{4.0, 1.0, 2.0}, nil},
		{model.Gen2021, "rules", "3 0 12", []any{3.0, 0.0, 12.0}, nil},
		{model.Gen2021, "licensing", "2293", []any{2293.0}, nil},
		{model.Gen2021, "licensing", "1,234", []any{1234.0}, nil},
		{model.Gen2021, "fees", "24252.311082", []any{24252.311082}, nil},
		{model.Gen2019, "fees", "35-15", []any{35.0, -15.0}, nil},
		{model.Gen2019, "fees", "350", []any{nil, nil}, [][]float64{{3, 35}, {0, 50}}},
		// A - before a digit is its sign: never a blank cell (0) there.
		{model.Gen2019, "punishment", "2648-18538", []any{2648.0, nil, nil},
			[][]float64{nil, {-1853, -185, -18, -1}, {8, 38, 538, 8538}}},
		{model.Gen2019, "coercion", "126 -325", []any{126.0, nil, nil},
			[][]float64{nil, {-32, -3}, {5, 25}}},
		{model.Gen2019, "coercion", "126 - 325", []any{126.0, 0.0, 325.0}, nil},
		{model.Gen2019, "coercion", "126- 325", []any{126.0, 0.0, 325.0}, nil},
		{model.Gen2019, "fees", "35-", []any{35.0, 0.0}, nil},
		{model.Gen2019, "licensing", "3—181", []any{3.0, 0.0, 181.0}, nil},
		{model.Gen2021, "normative_documents", "693665", []any{nil, nil, nil},
			[][]float64{{6, 69, 693, 6936}, {3, 6, 9, 36, 66, 93, 366, 936, 9366}, {5, 65, 665, 3665}}},
		{model.Gen2019, "procurement", "12 251000元", []any{12.0, 251000.0}, nil},
		{model.Gen2019, "procurement", "3 25.1万元", []any{3.0, 251000.0}, nil},
		{model.Gen2019, "procurement", "1357.5元", []any{nil, nil}, [][]float64{{1, 13, 135}, {7.5, 57.5, 357.5}}},
	}
	for _, c := range cases {
		row := disclosureRow(c.g, c.row)
		got, warns := DecodeDisclosure(c.run, row)
		if g := cellValues(got); !reflect.DeepEqual(g, c.want) {
			t.Errorf("%s %q: got %v, want %v (%+v)", c.row, c.run, g, c.want, warns)
			continue
		}
		for i := range got {
			var want []float64
			if c.cands != nil {
				want = c.cands[i]
			}
			if !reflect.DeepEqual(got[i].Candidates, want) {
				t.Errorf("%s %q field %d: candidates %v, want %v", c.row, c.run, i, got[i].Candidates, want)
			}
			if (got[i].Value == nil) != hasWarning(warns, CodeAmbiguous, "active_disclosure."+c.row+"."+row.Fields[i].Key) {
				t.Errorf("%s %q field %d: ambiguity warning does not match the value", c.row, c.run, i)
			}
		}
	}
	// A count field takes no decimals or signs; a run that fits no split
	// is reported.
	for _, run := range []string{"12.5", "-3", "12 34", ""} {
		got, warns := DecodeDisclosure(run, disclosureRow(model.Gen2021, "licensing"))
		if got[0].Value != nil || len(warns) != 1 {
			t.Errorf("%q: got %v, warnings %+v", run, cellValues(got), warns)
		}
	}
	// A fee printed in 元 for a field in 万元 is converted.
	got, warns := DecodeDisclosure("91163600元", disclosureRow(model.Gen2021, "fees"))
	if cellValues(got)[0] != 9116.36 || !hasWarning(warns, CodeUnit, "active_disclosure.fees.amount_10k_yuan") {
		t.Errorf("unit conversion: %v %+v", cellValues(got), warns)
	}
}

func TestShiftDecimal(t *testing.T) {
	for _, c := range []struct {
		raw   string
		shift int
		want  float64
	}{{"25.1", 4, 251000}, {"75394432.52", 4, 753944325200}, {"91163600", -4, 9116.36}, {"5", -4, 0.0005}, {"0.311082", 4, 3110.82}} {
		if got := shiftDecimal(c.raw, c.shift); got != c.want {
			t.Errorf("shiftDecimal(%q, %d) = %v, want %v", c.raw, c.shift, got, c.want)
		}
	}
}
