package digitrun

import (
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// worstRow is the most expensive table 三 run found by a search over
// random and periodic digit strings of 10–63 digits (about 71,000 search
// nodes, well under RowBudget): 37 digits, no split fits its row total, so
// both passes run (the second stops at the candidate cap).
const worstRow = "1462219228334913371528773211999182158"

// jointWorst is a 2021 table whose 21 result rows each print
// "1111566286": eight splits fit its row total (1 or 11 in the first three
// columns, 5 or 15, 6 or 66, 62 or 2). The (七)总计 row asks for column
// sums (100, 100, 100, 200, 500, 806) that lie inside every interval bound
// but that no choice reaches (each column sum moves in steps of 10 or 60
// from a base that misses it): bounds cannot prune, the column sums can.
func jointWorst() map[string]string {
	runs := map[string]string{}
	for _, k := range model.ResultRows(model.Gen2021) {
		runs[k] = "1111566286"
	}
	runs["new_requests"] = "100 100 100 200 500 806 1806"
	runs["carried_over"] = "0000000"
	runs["total"] = "100 100 100 200 500 806 1806"
	runs["carried_forward"] = "0000000"
	return runs
}

func TestJointSearchProvesNoChoiceFits(t *testing.T) {
	got, warns := DecodeApplications(jointWorst(), model.Gen2021)
	if n := codes(warns)[CodeColumns]; n != 21 || hasWarning(warns, CodeBudget, "applications") {
		t.Fatalf("want 21 inconsistency warnings and no budget warning: %v", codes(warns))
	}
	if c := got["granted"][0]; c.Value != nil || len(c.Candidates) != 2 {
		t.Errorf("granted.natural_person: %+v", c)
	}
	if c := got["granted"][6]; c.Value == nil || *c.Value != 86 {
		t.Errorf("granted.total should still be read: %+v", c)
	}
}

// jointHuge is jointWorst with a (七)总计 so large that no column sum is
// ever out of reach: the sums the result rows can reach multiply row after
// row, and the joint search gives up past its budget.
func jointHuge() map[string]string {
	runs := jointWorst()
	big := "90000000 90000000 90000000 90000000 90000000 90000000 540000000"
	runs["new_requests"], runs["total"] = big, big
	return runs
}

func TestJointSearchGivesUpPastItsBudget(t *testing.T) {
	got, warns := DecodeApplications(jointHuge(), model.Gen2021)
	if !hasWarning(warns, CodeBudget, "applications") {
		t.Fatalf("no budget warning: %v", codes(warns))
	}
	if c := got["granted"][0]; c.Value != nil || len(c.Candidates) != 2 {
		t.Errorf("granted.natural_person: %+v", c)
	}
	if c := got["granted"][6]; c.Value == nil || *c.Value != 86 {
		t.Errorf("granted.total should still be read: %+v", c)
	}
}

func TestWorstRowIsBounded(t *testing.T) {
	runs := map[string]string{}
	for _, r := range model.ApplicationRowsFor(model.Gen2021) {
		runs[r.Key] = worstRow
	}
	got, warns := DecodeApplications(runs, model.Gen2021)
	for k, cells := range got {
		for j, c := range cells {
			if c.Value != nil {
				t.Errorf("%s[%d] read as %v from %q", k, j, *c.Value, worstRow)
			}
		}
	}
	if n := codes(warns)[CodeRowTotal]; n != 25 {
		t.Errorf("%d row-total warnings, want 25", n)
	}
	if n := codes(warns)[CodeBudget]; n != 25 {
		t.Errorf("%d budget warnings, want 25", n)
	}
}

func BenchmarkDecodeApplicationsTypical(b *testing.B) {
	tb := zeros(model.Gen2021)
	tb["new_requests"] = [7]int{64, 0, 0, 2, 0, 4, 70}
	tb["granted"] = [7]int{27, 0, 0, 2, 0, 1, 30}
	tb["unavailable_not_held"] = [7]int{22, 0, 0, 0, 0, 3, 25}
	tb["partially_granted"] = [7]int{5, 0, 0, 0, 0, 0, 5}
	tb["withheld_enforcement_case_file"] = [7]int{9, 0, 0, 0, 0, 0, 9}
	tb["total"] = [7]int{63, 0, 0, 2, 0, 4, 69}
	tb["carried_forward"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	runs := runsOf(tb)
	for b.Loop() {
		DecodeApplications(runs, model.Gen2021)
	}
}

func BenchmarkDecodeApplicationsWorstRows(b *testing.B) {
	runs := map[string]string{}
	for _, r := range model.ApplicationRowsFor(model.Gen2021) {
		runs[r.Key] = worstRow
	}
	for b.Loop() {
		DecodeApplications(runs, model.Gen2021)
	}
}

func BenchmarkDecodeApplicationsWorstJoint(b *testing.B) {
	runs := jointHuge()
	for b.Loop() {
		DecodeApplications(runs, model.Gen2021)
	}
}

func BenchmarkDecodeReviewTypical(b *testing.B) {
	for b.Loop() {
		DecodeReview("10203120001200000")
	}
}

func BenchmarkDecodeReviewWorst(b *testing.B) {
	run := strings.Repeat("1", 60)
	for b.Loop() {
		DecodeReview(run)
	}
}

func BenchmarkDecodeDisclosureWorst(b *testing.B) {
	row := model.DisclosureRows(model.Gen2019)[2] // licensing: count, signed, count
	run := "3" + strings.Repeat("96", 20) + "-" + strings.Repeat("18", 10)
	for b.Loop() {
		DecodeDisclosure(run, row)
	}
}

func BenchmarkExtractApplications(b *testing.B) {
	var sb strings.Builder
	for _, l := range labels2021 {
		sb.WriteString(l.label)
		sb.WriteString(runs2021[l.key])
	}
	lines := []string{sb.String()}
	for b.Loop() {
		ExtractApplications(lines)
	}
}
