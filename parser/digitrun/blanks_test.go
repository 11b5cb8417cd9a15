package digitrun

import (
	"context"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// In a document that prints zeros as empty cells, a dump loses those cells
// without a trace: a run shorter than its fields may be missing one
// anywhere, so only what every such reading agrees on is read.
func TestDisclosureVanishedBlanks(t *testing.T) {
	cases := []struct {
		g    model.Generation
		row  string
		run  string
		want []any
	}{
		{model.Gen2021, "normative_documents", "2 31", []any{nil, nil, nil}}, // 2|3|1 or 2|(blank)|31 …
		{model.Gen2021, "normative_documents", "00", []any{0.0, 0.0, 0.0}},   // every reading is zeros
		{model.Gen2021, "normative_documents", "3 0 25", []any{3.0, 0.0, 25.0}},
		{model.Gen2021, "licensing", "57", []any{57.0}},
		{model.Gen2019, "procurement", "12 251000元", []any{12.0, 251000.0}},
	}
	for _, c := range cases {
		got, _ := DecodeDisclosureContext(context.Background(), c.run, disclosureRow(c.g, c.row), true)
		if g := cellValues(got); !reflect.DeepEqual(g, c.want) {
			t.Errorf("%s %q: got %v, want %v", c.row, c.run, g, c.want)
		}
	}
	// Without that evidence the run is read as printed, blanks aside.
	got, _ := DecodeDisclosure("2 31", disclosureRow(model.Gen2021, "normative_documents"))
	if g := cellValues(got); !reflect.DeepEqual(g, []any{2.0, 3.0, 1.0}) {
		t.Errorf("without blanks: %v", g)
	}
}

// blankRuns prints a table 三 as a page that leaves its zeros empty does
// once dumped: the zero cells vanish, the others run together.
func blankRuns(t table) map[string]string {
	out := map[string]string{}
	for k, cells := range t {
		var b strings.Builder
		for _, c := range cells {
			if c != 0 {
				b.WriteString(strconv.Itoa(c))
			}
		}
		out[k] = b.String()
	}
	return out
}

// A 2021 table whose zeros are empty cells, dumped: 一 and （七） print all
// seven cells, 予以公开 prints 20 1 3 24 and 不掌握 10 1 1 1 2 15, every
// other row nothing. Column by column the results relation puts 20 and 10
// under 自然人 and 3 and 2 under 其他; the four 1s in the four middle
// columns fit whichever of them 予以公开's 1 takes, so those cells stay
// null. The rows with no digits are 0: the sums leave nothing for them.
func TestApplicationsVanishedBlanks(t *testing.T) {
	tb := zeros(model.Gen2021)
	tb["new_requests"] = [7]int{30, 1, 1, 1, 1, 5, 39}
	tb["granted"] = [7]int{20, 0, 1, 0, 0, 3, 24}
	tb["unavailable_not_held"] = [7]int{10, 1, 0, 1, 1, 2, 15}
	tb["total"] = [7]int{30, 1, 1, 1, 1, 5, 39}
	runs := blankRuns(tb)
	if runs["granted"] != "201324" || runs["carried_over"] != "" {
		t.Fatalf("premise: runs %q %q", runs["granted"], runs["carried_over"])
	}
	got, warns := DecodeApplicationsContext(context.Background(), runs, model.Gen2021, everyRow(model.Gen2021))
	want := map[string][]any{
		"granted":              {20, nil, nil, nil, nil, 3, 24},
		"unavailable_not_held": {10, nil, nil, nil, nil, 2, 15},
		"new_requests":         ints(30, 1, 1, 1, 1, 5, 39),
		"carried_over":         ints(0, 0, 0, 0, 0, 0, 0),
		"other_other":          ints(0, 0, 0, 0, 0, 0, 0),
		"carried_forward":      ints(0, 0, 0, 0, 0, 0, 0),
	}
	for k, w := range want {
		if g := values(got[k]); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: got %v, want %v", k, g, w)
		}
	}
	if c := got["granted"][2].Candidates; !reflect.DeepEqual(c, []float64{0, 1}) {
		t.Errorf("granted.research_institution candidates %v, want [0 1]", c)
	}
	if !hasWarning(warns, CodeAmbiguous, "applications.granted.commercial_enterprise") {
		t.Errorf("no ambiguity warning for granted.commercial_enterprise: %v", codes(warns))
	}
	// Without the evidence that the document leaves cells empty the same
	// runs are not split at all.
	got, _ = DecodeApplications(runs, model.Gen2021)
	if g := values(got["granted"]); !reflect.DeepEqual(g, []any{nil, nil, nil, nil, nil, nil, nil}) {
		t.Errorf("without blanks, granted: %v", g)
	}
}

// A row whose total holds with its digits in any applicant column ("18
// 18") reads its 总计 only, unless the columns decide; a row with no
// digits is not read as zeros when no relation can confirm it (here the
// (七)总计 row is missing, and with it every relation).
func TestApplicationsVanishedBlanksUnconfirmed(t *testing.T) {
	runs := map[string]string{"carried_over": "18 18", "granted": "", "new_requests": "5 5"}
	got, warns := DecodeApplicationsContext(context.Background(), runs, model.Gen2019, everyRow(model.Gen2019))
	if g := values(got["carried_over"]); !reflect.DeepEqual(g, []any{nil, nil, nil, nil, nil, nil, 18}) {
		t.Errorf("carried_over: %v", g)
	}
	if c := got["carried_over"][0].Candidates; !reflect.DeepEqual(c, []float64{0, 18}) {
		t.Errorf("carried_over.natural_person candidates %v", c)
	}
	if g := values(got["granted"]); !reflect.DeepEqual(g, []any{nil, nil, nil, nil, nil, nil, nil}) {
		t.Errorf("granted: %v", g)
	}
	if !hasWarning(warns, CodeBlankRow, "applications.granted") {
		t.Errorf("no blank-row warning: %v", codes(warns))
	}
}

// Table 四 of such a page: "5 278 19" holds 5 and 2 (total 7) in one group
// and 8 and 1 (total 9) in another, but which groups, and which outcomes
// within them, the group totals cannot tell: nothing is read.
func TestReviewVanishedBlanks(t *testing.T) {
	got, warns := DecodeReviewContext(context.Background(), "5 278 19", true)
	for i, c := range got {
		if c.Value != nil {
			t.Errorf("%s read as %v", ReviewPath(i), *c.Value)
		}
	}
	if !hasWarning(warns, CodeAmbiguous, "review_litigation.review.total") {
		t.Errorf("no ambiguity warning: %v", codes(warns))
	}
	// All three groups printed: each total is the last digits of its
	// group, and the groups are settled.
	got, _ = DecodeReviewContext(context.Background(), "3 14 2 2 11 2", true)
	for i, want := range map[int]float64{4: 4, 9: 2, 14: 2} {
		if c := got[i]; c.Value == nil || *c.Value != want {
			t.Errorf("%s: %+v, want %v", ReviewPath(i), c, want)
		}
	}
}

func everyRow(g model.Generation) map[string]bool {
	m := map[string]bool{}
	for _, r := range model.ApplicationRowsFor(g) {
		m[r.Key] = true
	}
	return m
}
