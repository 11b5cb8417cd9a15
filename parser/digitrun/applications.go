package digitrun

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/govreport/govreport/model"
)

// rowStatus says how far a table 三 row got.
type rowStatus int

const (
	rowUnknown   rowStatus = iota // no usable run, or too many splits: cells nil
	rowFixed                      // exactly one split
	rowAmbiguous                  // several splits, to be narrowed by the columns
)

type appRow struct {
	key    string
	run    string
	status rowStatus
	cands  [][]ival // 7 cells each
	// empty: a row with no digits in a document that leaves cells blank,
	// read as seven blanks only when a column relation it takes part in
	// holds (confirmed).
	empty, confirmed bool
}

// DecodeApplications decodes the runs of table 三. runs maps row keys
// (model.ApplicationRows) to the digit run printed after each row's label;
// only the rows of generation g are read. The result has an entry for
// every row of g; a row without a run has seven nil cells.
//
// Each row is first split on its own: every split into seven cells (six
// applicant columns, then 总计) without leading zeros whose six applicant
// cells sum to the 总计 cell. A row with exactly one such split is
// settled. Rows left with several are narrowed jointly by the column
// relations balance (一+二 = （七）+四) and results ((七) = sum of the
// result rows of g): a split survives if some choice of splits for the
// other ambiguous rows satisfies every relation whose rows are all known.
// A cell gets a value when all surviving splits agree on it.
//
// A row whose run admits no split satisfying its own total is a fault of
// the document: it is decoded with the column relations alone over all its
// splits (digits as printed, nothing repaired), with a
// CodeRowTotal warning; model.RunChecks will report the failing row total.
func DecodeApplications(runs map[string]string, g model.Generation) (map[string][7]Cell, []Warning) {
	return DecodeApplicationsContext(context.Background(), runs, g, nil)
}

// DecodeApplicationsContext is DecodeApplications whose searches stop, as
// if their budgets ran out, when ctx ends (the caller then looks at
// ctx.Err() and discards the result), for a document that may print zeros
// as empty cells (the rows in blanks). In a dump such a cell vanishes, so any cell
// of a row in blanks may be a 0 that left no digits ("18 18" is 18 in one
// of the six applicant columns and its 总计), and such a row with no
// digits at all is seven blanks. The column relations choose among the
// readings; cells the readings that survive disagree on stay nil. A row
// with no digits is read only when a column relation it takes part in
// holds.
func DecodeApplicationsContext(ctx context.Context, runs map[string]string, g model.Generation, blanks map[string]bool) (map[string][7]Cell, []Warning) {
	var warns []Warning
	defs := model.ApplicationRowsFor(g)
	rows := make([]*appRow, len(defs))
	budget := TableBudget // shared by the rows' own searches
	for i, d := range defs {
		r := &appRow{key: d.Key}
		rows[i] = r
		run, ok := runs[d.Key]
		if !ok {
			warns = append(warns, Warning{CodeMissing, rowPath(d.Key), fmt.Sprintf("no digits found for row %s", d.Label)})
			continue
		}
		r.run = run
		if blanks[d.Key] && strings.TrimSpace(run) == "" {
			r.cands = [][]ival{make([]ival, 7)}
			r.status, r.empty = rowAmbiguous, true
			continue
		}
		warns = append(warns, splitAppRow(ctx, r, &budget, blanks[d.Key])...)
	}

	warns = append(warns, narrowByColumns(ctx, rows, g)...)
	for _, r := range rows {
		if r.empty && !r.confirmed {
			r.status = rowUnknown
			warns = append(warns, Warning{CodeBlankRow, rowPath(r.key), fmt.Sprintf("row %s has a label but no digits after it, and no column relation confirms it is blank: cells left unread", r.key)})
		}
	}

	out := make(map[string][7]Cell, len(rows))
	for _, r := range rows {
		var cells [7]Cell
		switch r.status {
		case rowFixed:
			copy(cells[:], cellsFromSplits(r.cands, 7))
		case rowAmbiguous:
			cs := cellsFromSplits(r.cands, 7)
			copy(cells[:], cs)
			for j, c := range cs {
				if c.Value != nil {
					continue
				}
				col := model.ApplicationColumns[j]
				warns = append(warns, Warning{CodeAmbiguous, rowPath(r.key) + "." + col.Key,
					fmt.Sprintf("run %q: %s of row %s is one of %s (splits still possible: %s)",
						r.run, col.Label, r.key, formatValues(c.Candidates), formatSplits(r.cands))})
			}
		}
		out[r.key] = cells
	}
	return out, warns
}

func rowPath(key string) string { return "applications." + key }

// splitAppRow fills r.cands and r.status from r.run, spending at most
// RowBudget nodes per pass and no more than what is left of *budget.
func splitAppRow(ctx context.Context, r *appRow, budget *int, blanks bool) []Warning {
	segs, err := countSegments(r.run)
	if err != nil {
		return []Warning{{CodeNoSplit, rowPath(r.key), err.Error()}}
	}
	if len(segs) == 0 {
		// Seven blank cells and a row whose numbers went elsewhere (a
		// shredded conversion) look the same: nothing is read.
		return []Warning{{CodeBlankRow, rowPath(r.key), fmt.Sprintf("row %s has a label but no digits after it: cells left unread", r.key)}}
	}
	cands, complete := rowTotalSplits(ctx, segs, budget, blanks)
	if !complete {
		return []Warning{{CodeBudget, rowPath(r.key), fmt.Sprintf("run %q: more than %d splits fit its row total, or the search budget ran out: row left unread", r.run, MaxRowCandidates)}}
	}
	var warns []Warning
	if len(cands) == 0 {
		cands, complete = allSplits(ctx, segs, 7, MaxCountDigits, MaxRowCandidates, budget, blanks)
		if complete && len(cands) == 0 {
			return []Warning{{CodeNoSplit, rowPath(r.key), fmt.Sprintf("run %q cannot be split into 7 cells of at most %d digits without leading zeros", r.run, MaxCountDigits)}}
		}
		warns = append(warns, Warning{CodeRowTotal, rowPath(r.key),
			fmt.Sprintf("run %q has no split whose six applicant cells sum to its 总计: decoded from the column relations, as printed", r.run)})
		if !complete {
			return append(warns, Warning{CodeBudget, rowPath(r.key), fmt.Sprintf("run %q: more than %d splits into 7 cells, or the search budget ran out: row left unread", r.run, MaxRowCandidates)})
		}
	}
	r.cands = cands
	r.status = rowFixed
	if len(cands) > 1 {
		r.status = rowAmbiguous
	}
	return warns
}

// rowTotalSplits returns the splits of a table 三 row into 7 cells whose
// first six sum to the seventh. complete is false when the candidate cap
// or the search budget (RowBudget, at most *total) was exceeded; the
// nodes visited are taken off *total.
// With vanish, an applicant cell may be a blank that left no digits; the
// 总计 is the last cell printed.
func rowTotalSplits(ctx context.Context, segs []segment, total *int, vanish bool) (out [][]ival, complete bool) {
	budget := min(RowBudget, *total)
	defer func(start int) { *total -= start - budget }(budget)
	last := segs[len(segs)-1]
	try := func(total ival, prefix []segment) bool {
		maxLen := len(strconv.FormatInt(total.v, 10))
		e := newEnumerator(prefix, 6, maxLen, budget)
		e.ctx, e.vanish = ctx, vanish
		sums := make([]int64, 6)
		e.prune = func(k int, cells []ival, remChars int) bool {
			s := cells[k].v
			if k > 0 {
				s += sums[k-1]
			}
			sums[k] = s
			if s > total.v {
				return false
			}
			r := 5 - k // cells still to place
			if r == 0 {
				return s == total.v
			}
			// One of the remaining cells has at least ⌈remChars/r⌉
			// digits, so the sum grows by at least 10^(that-1).
			if w := (remChars + r - 1) / r; w > 1 && s+pow10(w-1) > total.v {
				return false
			}
			return true
		}
		e.emit = func(cells []ival) bool {
			if sums[5] != total.v {
				return true
			}
			if len(out) == MaxRowCandidates {
				return false
			}
			split := make([]ival, 7)
			copy(split, cells)
			split[6] = total
			out = append(out, split)
			return true
		}
		e.run()
		budget = e.budget
		return !e.stopped
	}
	if last.blank {
		return out, try(ival{0, last.text}, segs[:len(segs)-1])
	}
	t := last.text
	for l := 1; l <= len(t) && digitCount(t[len(t)-l:]) <= MaxCountDigits; l++ {
		suf := t[len(t)-l:]
		if l < len(t) && t[len(t)-l-1] == ',' {
			continue // the cell before cannot end with a separator
		}
		v, ok := parseCount(suf)
		if !ok {
			continue
		}
		prefix := append([]segment(nil), segs[:len(segs)-1]...)
		if l < len(t) {
			prefix = append(prefix, segment{text: t[:len(t)-l]})
		}
		if !try(ival{v, suf}, prefix) {
			return out, false
		}
	}
	return out, true
}

// allSplits returns every split of segs into n cells, or complete=false
// past limit splits or the search budget (RowBudget, at most *total, from
// which the nodes visited are taken off).
func allSplits(ctx context.Context, segs []segment, n, maxLen, limit int, total *int, vanish bool) (out [][]ival, complete bool) {
	start := min(RowBudget, *total)
	e := newEnumerator(segs, n, maxLen, start)
	e.ctx, e.vanish = ctx, vanish
	defer func() { *total -= start - e.budget }()
	e.emit = func(cells []ival) bool {
		if len(out) == limit {
			return false
		}
		out = append(out, append([]ival(nil), cells...))
		return true
	}
	e.run()
	return out, !e.stopped
}

// vec is a table 三 row as numbers, one per column.
type vec [7]int64

func vecOf(c []ival) (v vec) {
	for i := range v {
		v[i] = c[i].v
	}
	return v
}

// plus returns a + sign·b.
func (a vec) plus(b vec, sign int64) vec {
	for i := range a {
		a[i] += sign * b[i]
	}
	return a
}

func (a vec) within(b vec) bool {
	for i := range a {
		if a[i] > b[i] {
			return false
		}
	}
	return true
}

// narrowByColumns keeps, for each ambiguous row, the splits that belong to
// at least one joint assignment satisfying every usable column relation:
// balance (一+二 = （七）+四) and results ((七) = the sum of the result
// rows), in every column at once. A relation is usable when all its rows
// are known, and used when one of them is ambiguous. The search is exact
// and polynomial in practice: for each candidate of (七), balance pairs
// the candidates of 一 and 二 and looks up 四; results is a dynamic
// programme over the ambiguous result rows whose states are the column
// sums so far (cells are never negative, so a sum above every candidate
// of (七) is dropped). Rows taking part in a used relation are marked
// confirmed when a joint assignment exists.
func narrowByColumns(ctx context.Context, rows []*appRow, g model.Generation) []Warning {
	byKey := map[string]*appRow{}
	vecs := map[*appRow][]vec{}
	for _, r := range rows {
		byKey[r.key] = r
		for _, c := range r.cands {
			vecs[r] = append(vecs[r], vecOf(c))
		}
	}
	// usable: every row known; involves: one of them ambiguous.
	check := func(keys []string) (usable, involves bool) {
		usable = true
		for _, k := range keys {
			r := byKey[k]
			if r == nil || r.status == rowUnknown {
				return false, false
			}
			involves = involves || r.status == rowAmbiguous
		}
		return usable, involves
	}
	balKeys := []string{"new_requests", "carried_over", "total", "carried_forward"}
	results := model.ResultRows(g)
	resKeys := append([]string{"total"}, results...)
	bu, bi := check(balKeys)
	ru, ri := check(resKeys)
	useBal, useRes := bu && bi, ru && ri
	if !useBal && !useRes {
		return nil
	}

	tot := byKey["total"]
	nt := len(tot.cands)
	budget := JointBudget
	spent := 0
	spend := func(n int) bool {
		budget -= n
		// A search stopped by its context is abandoned as if past its
		// budget; the context is looked at every ctxEvery units of work.
		if spent += n; spent >= ctxEvery {
			spent = 0
			if ctx.Err() != nil {
				budget = -1
			}
		}
		return budget >= 0
	}
	abandoned := []Warning{{CodeBudget, "applications",
		"the joint search over the column relations was abandoned past its budget: ambiguous rows are not narrowed"}}

	// balance: for each (七), the (一, 二, 四) that fit it; visit calls
	// back with each fitting combination.
	nr, cr, fr := byKey["new_requests"], byKey["carried_over"], byKey["carried_forward"]
	var fIdx map[vec][]int
	balance := func(ti int, visit func(ni, ci, fi int)) {
		for ni, nv := range vecs[nr] {
			d := nv.plus(vecs[tot][ti], -1)
			for ci, cv := range vecs[cr] {
				for _, fi := range fIdx[d.plus(cv, 1)] {
					visit(ni, ci, fi)
				}
			}
		}
	}
	feas := make([]bool, nt)
	for i := range feas {
		feas[i] = true
	}
	if useBal {
		fIdx = map[vec][]int{}
		for i, v := range vecs[fr] {
			fIdx[v] = append(fIdx[v], i)
		}
		for ti := range feas {
			if !spend(len(nr.cands) * len(cr.cands)) {
				return abandoned
			}
			ok := false
			balance(ti, func(int, int, int) { ok = true })
			feas[ti] = ok
		}
	}

	// results: for each (七) still possible, layers[i] holds the column
	// sums the first i ambiguous result rows can reach (fixed rows aside)
	// without passing the (七) they must add up to.
	var (
		amb   []*appRow
		fixed vec
		reach = map[vec][]map[vec]bool{} // target → layers, when it is reached
	)
	if useRes {
		for _, k := range results {
			if r := byKey[k]; r.status == rowFixed {
				fixed = fixed.plus(vecs[r][0], 1)
			} else {
				amb = append(amb, r)
			}
		}
		tried := map[vec]bool{}
		for ti, tv := range vecs[tot] {
			target := tv.plus(fixed, -1)
			if !feas[ti] || tried[target] {
				continue
			}
			tried[target] = true
			layers := make([]map[vec]bool, len(amb)+1)
			layers[0] = map[vec]bool{{}: true}
			for i, r := range amb {
				if !spend(len(layers[i]) * len(r.cands)) {
					return abandoned
				}
				next := map[vec]bool{}
				for s := range layers[i] {
					for _, v := range vecs[r] {
						if n := s.plus(v, 1); n.within(target) {
							next[n] = true
						}
					}
				}
				layers[i+1] = next
			}
			if layers[len(amb)][target] {
				reach[target] = layers
			}
		}
		for ti, tv := range vecs[tot] {
			feas[ti] = feas[ti] && reach[tv.plus(fixed, -1)] != nil
		}
	}

	var used []*appRow
	for _, r := range rows {
		if r.status == rowAmbiguous && (useBal && slices.Contains(balKeys, r.key) || useRes && slices.Contains(resKeys, r.key)) {
			used = append(used, r)
		}
	}
	if !slices.Contains(feas, true) {
		var warns []Warning
		for _, r := range used {
			if !r.empty {
				warns = append(warns, Warning{CodeColumns, rowPath(r.key),
					fmt.Sprintf("run %q: none of its %d splits fits the column relations of the table (the document's own arithmetic fails): left ambiguous", r.run, len(r.cands))})
			}
		}
		return warns
	}

	survive := map[*appRow][]bool{}
	for _, r := range used {
		survive[r] = make([]bool, len(r.cands))
	}
	mark := func(r *appRow, i int) {
		if s := survive[r]; s != nil {
			s[i] = true
		}
	}
	for ti, ok := range feas {
		if !ok {
			continue
		}
		mark(tot, ti)
		if useBal {
			balance(ti, func(ni, ci, fi int) {
				mark(nr, ni)
				mark(cr, ci)
				mark(fr, fi)
			})
		}
	}
	// Back from each (七) reached: a candidate survives when it leads from
	// a reachable sum to one from which that (七) is reached.
	for target, layers := range reach {
		need := map[vec]bool{target: true}
		for i := len(amb) - 1; i >= 0; i-- {
			prev := map[vec]bool{}
			for s := range layers[i] {
				for ci, v := range vecs[amb[i]] {
					if need[s.plus(v, 1)] {
						prev[s] = true
						mark(amb[i], ci)
					}
				}
			}
			need = prev
		}
	}
	for _, r := range used {
		var keep [][]ival
		for ci, c := range r.cands {
			if survive[r][ci] {
				keep = append(keep, c)
			}
		}
		r.cands, r.confirmed = keep, true
		if len(keep) == 1 {
			r.status = rowFixed
		}
	}
	return nil
}

func pow10(n int) int64 {
	v := int64(1)
	for ; n > 0; n-- {
		v *= 10
	}
	return v
}
