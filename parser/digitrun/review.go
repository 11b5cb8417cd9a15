package digitrun

import (
	"context"
	"fmt"

	"github.com/govreport/govreport/model"
)

// ReviewPath returns the field path of cell i (0–14) of table 四:
// review_litigation.<group>.<outcome>, groups and outcomes in printed
// order (model.ReviewGroups, model.ReviewOutcomes).
func ReviewPath(i int) string {
	return "review_litigation." + model.ReviewGroups[i/5].Key + "." + model.ReviewOutcomes[i%5].Key
}

// DecodeReview decodes table 四's single run of fifteen numbers: three
// groups (行政复议, 未经复议直接起诉, 复议后起诉) of 结果维持, 结果纠正,
// 其他结果, 尚未审结, 总计. Splits are kept when each group's 总计 equals
// the sum of its four parts; a cell gets a value when all kept splits
// agree on it. When no split satisfies the totals (the document's own
// error), every split into fifteen cells is considered instead, with a
// CodeGroupTotal warning, so that only the cells the digits alone decide
// are read.
func DecodeReview(run string) ([15]Cell, []Warning) {
	return DecodeReviewContext(context.Background(), run, false)
}

// DecodeReviewContext is DecodeReview whose searches stop, as if their
// budgets ran out, when ctx ends, for a document that may print zeros as
// empty cells (blanks true): any of the fifteen cells may be a 0 that left
// no digits in the dump ("5 278 19" is 5|·|·|2|7 8|·|·|1|9 ·|·|·|·|· among
// others), and the group totals choose among those readings; cells they
// disagree on stay nil.
func DecodeReviewContext(ctx context.Context, run string, blanks bool) ([15]Cell, []Warning) {
	var out [15]Cell
	segs, err := countSegments(run)
	if err != nil {
		return out, []Warning{{CodeNoSplit, "review_litigation", err.Error()}}
	}
	if len(segs) == 0 {
		return out, []Warning{{CodeMissing, "review_litigation", "no digits found for table 四"}}
	}
	var warns []Warning
	splits, complete := groupSplits(ctx, segs, blanks)
	if complete && len(splits) == 0 {
		warns = append(warns, Warning{CodeGroupTotal, "review_litigation",
			fmt.Sprintf("run %q has no split into 15 cells whose group totals hold: only cells fixed by the digits alone are read", run)})
		budget := SearchBudget
		splits, complete = allSplits(ctx, segs, 15, MaxCountDigits, MaxSplits, &budget, blanks)
	}
	if !complete {
		return out, append(warns, Warning{CodeBudget, "review_litigation",
			fmt.Sprintf("run %q: more than %d possible splits, or the search budget ran out: table left unread", run, MaxSplits)})
	}
	if len(splits) == 0 {
		return out, append(warns, Warning{CodeNoSplit, "review_litigation",
			fmt.Sprintf("run %q cannot be split into 15 cells", run)})
	}
	cells := cellsFromSplits(splits, 15)
	copy(out[:], cells)
	for i, c := range cells {
		if c.Value == nil {
			warns = append(warns, Warning{CodeAmbiguous, ReviewPath(i),
				fmt.Sprintf("run %q: %s %s is one of %s (splits still possible: %s)", run,
					model.ReviewGroups[i/5].Label, model.ReviewOutcomes[i%5].Label,
					formatValues(c.Candidates), formatSplits(splits))})
		}
	}
	return out, warns
}

// groupSplits enumerates the splits into 15 cells in which every group's
// fifth cell is the sum of its first four.
func groupSplits(ctx context.Context, segs []segment, vanish bool) (out [][]ival, complete bool) {
	e := newEnumerator(segs, 15, MaxCountDigits, SearchBudget)
	e.ctx, e.vanish = ctx, vanish
	var sums [15]int64
	e.prune = func(k int, cells []ival, _ int) bool {
		pos := k % 5
		switch {
		case pos == 0:
			sums[k] = cells[k].v
		case pos < 4:
			sums[k] = sums[k-1] + cells[k].v
		default:
			return cells[k].v == sums[k-1]
		}
		return true
	}
	e.emit = func(cells []ival) bool {
		if len(out) == MaxSplits {
			return false
		}
		out = append(out, append([]ival(nil), cells...))
		return true
	}
	e.run()
	return out, !e.stopped
}
