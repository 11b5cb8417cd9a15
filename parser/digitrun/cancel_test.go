package digitrun

import (
	"context"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// costlyRun splits many ways into seven cells whose six first sum to the
// last: the rows of a table 三 printed with it make the searches, and the
// joint search over the column relations, work hard (over a hundred
// thousand units of the joint search, within its budget); the other rows
// print zeros.
const costlyRun = "1131111321331133 13331 223223321232212312311232122231"

var costlyRows = []string{"new_requests", "total", "granted"}

func costlyRuns() map[string]string {
	runs := map[string]string{}
	for _, d := range model.ApplicationRowsFor(model.Gen2021) {
		runs[d.Key] = "0000000"
	}
	for _, k := range costlyRows {
		runs[k] = costlyRun
	}
	return runs
}

func budgetWarnings(ws []Warning) (n int) {
	for _, w := range ws {
		if w.Code == CodeBudget {
			n++
		}
	}
	return n
}

// A search whose context has ended stops as if its budget ran out: the
// rows are left unread (the caller discards the result), instead of the
// search running on for a document already given up on.
func TestDecodeApplicationsStopsWhenContextEnds(t *testing.T) {
	_, ws := DecodeApplications(costlyRuns(), model.Gen2021)
	if n := budgetWarnings(ws); n != 0 {
		t.Fatalf("the searches of the costly runs ran out of budget (%d warnings): not a test of cancelling", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cells, ws := DecodeApplicationsContext(ctx, costlyRuns(), model.Gen2021, nil)
	if n := budgetWarnings(ws); n < len(costlyRows) {
		t.Errorf("%d searches abandoned after the context ended, want one for each of the %d costly rows", n, len(costlyRows))
	}
	for _, k := range costlyRows {
		for j, c := range cells[k] {
			if c.Value != nil {
				t.Errorf("%s[%d] = %v read by a search stopped by its context", k, j, *c.Value)
			}
		}
	}
}

// The joint search over the column relations, which tries every
// candidate split of every ambiguous row at each node, stops too.
func TestJointSearchStopsWhenContextEnds(t *testing.T) {
	rows := func() []*appRow {
		var rows []*appRow
		runs := costlyRuns()
		for _, d := range model.ApplicationRowsFor(model.Gen2021) {
			r := &appRow{key: d.Key, run: runs[d.Key]}
			budget := TableBudget
			if ws := splitAppRow(context.Background(), r, &budget, false); budgetWarnings(ws) != 0 {
				t.Fatalf("row %s: %v", d.Key, ws)
			}
			rows = append(rows, r)
		}
		return rows
	}
	if ws := narrowByColumns(context.Background(), rows(), model.Gen2021); budgetWarnings(ws) != 0 {
		t.Fatalf("the joint search ran out of budget: not a test of cancelling: %v", ws)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ws := narrowByColumns(ctx, rows(), model.Gen2021)
	if budgetWarnings(ws) != 1 || !strings.Contains(ws[0].Message, "abandoned") {
		t.Errorf("the joint search did not stop when its context ended: %v", ws)
	}
}

// A table 四 or table 二 run stops as well.
func TestReviewAndDisclosureStopWhenContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	run := "110130133310100231" // over a thousand nodes, within the budget
	if _, ws := DecodeReview(run); budgetWarnings(ws) != 0 {
		t.Fatalf("table 四 run %q ran out of budget: %v", run, ws)
	}
	if _, ws := DecodeReviewContext(ctx, run, false); budgetWarnings(ws) != 1 {
		t.Errorf("table 四 search not stopped by its context: %v", ws)
	}
	row := model.DisclosureRows(model.Gen2021)[0]
	drun := "2233302320330111010021103031"
	if _, ws := DecodeDisclosure(drun, row); budgetWarnings(ws) != 0 {
		t.Fatalf("table 二 run %q ran out of budget: %v", drun, ws)
	}
	if _, ws := DecodeDisclosureContext(ctx, drun, row, false); budgetWarnings(ws) != 1 {
		t.Errorf("table 二 search not stopped by its context: %v", ws)
	}
}
