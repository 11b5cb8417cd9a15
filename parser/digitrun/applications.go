package digitrun

import (
	"context"
	"fmt"
	"strconv"

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
	return DecodeApplicationsContext(context.Background(), runs, g)
}

// DecodeApplicationsContext is DecodeApplications whose searches stop, as
// if their budgets ran out, when ctx ends; the caller then looks at
// ctx.Err() and discards the result.
func DecodeApplicationsContext(ctx context.Context, runs map[string]string, g model.Generation) (map[string][7]Cell, []Warning) {
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
		warns = append(warns, splitAppRow(ctx, r, &budget)...)
	}

	warns = append(warns, narrowByColumns(ctx, rows, g)...)

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
func splitAppRow(ctx context.Context, r *appRow, budget *int) []Warning {
	segs, err := countSegments(r.run)
	if err != nil {
		return []Warning{{CodeNoSplit, rowPath(r.key), err.Error()}}
	}
	if len(segs) == 0 {
		// Seven blank cells and a row whose numbers went elsewhere (a
		// shredded conversion) look the same: nothing is read.
		return []Warning{{CodeBlankRow, rowPath(r.key), fmt.Sprintf("row %s has a label but no digits after it: cells left unread", r.key)}}
	}
	cands, complete := rowTotalSplitsContext(ctx, segs, budget)
	if !complete {
		return []Warning{{CodeBudget, rowPath(r.key), fmt.Sprintf("run %q: more than %d splits fit its row total, or the search budget ran out: row left unread", r.run, MaxRowCandidates)}}
	}
	var warns []Warning
	if len(cands) == 0 {
		cands, complete = allSplitsContext(ctx, segs, 7, MaxCountDigits, MaxRowCandidates, budget)
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
func rowTotalSplits(segs []segment, total *int) (out [][]ival, complete bool) {
	return rowTotalSplitsContext(context.Background(), segs, total)
}

func rowTotalSplitsContext(ctx context.Context, segs []segment, total *int) (out [][]ival, complete bool) {
	budget := min(RowBudget, *total)
	defer func(start int) { *total -= start - budget }(budget)
	last := segs[len(segs)-1]
	try := func(total ival, prefix []segment) bool {
		maxLen := len(strconv.FormatInt(total.v, 10))
		e := newEnumerator(prefix, 6, maxLen, budget)
		e.ctx = ctx
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
func allSplits(segs []segment, n, maxLen, limit int, total *int) (out [][]ival, complete bool) {
	return allSplitsContext(context.Background(), segs, n, maxLen, limit, total)
}

func allSplitsContext(ctx context.Context, segs []segment, n, maxLen, limit int, total *int) (out [][]ival, complete bool) {
	start := min(RowBudget, *total)
	e := newEnumerator(segs, n, maxLen, start)
	e.ctx = ctx
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

// constraint is one linear relation Σ coef·row[col] = 0 over table 三.
type constraint struct {
	name  string
	col   int
	terms map[string]int // row key → coefficient
}

func applicationConstraints(g model.Generation) []constraint {
	var cs []constraint
	results := model.ResultRows(g)
	for c := range model.ApplicationColumns {
		cs = append(cs, constraint{name: "balance", col: c, terms: map[string]int{
			"new_requests": 1, "carried_over": 1, "total": -1, "carried_forward": -1}})
		t := map[string]int{"total": 1}
		for _, k := range results {
			t[k] = -1
		}
		cs = append(cs, constraint{name: "results", col: c, terms: t})
	}
	return cs
}

// narrowByColumns keeps, for each ambiguous row, the splits that belong to
// at least one joint assignment satisfying every usable column relation.
func narrowByColumns(ctx context.Context, rows []*appRow, g model.Generation) []Warning {
	byKey := map[string]*appRow{}
	var vars []*appRow
	for _, r := range rows {
		byKey[r.key] = r
		if r.status == rowAmbiguous {
			vars = append(vars, r)
		}
	}
	if len(vars) == 0 {
		return nil
	}
	varIdx := map[string]int{}
	for i, v := range vars {
		varIdx[v.key] = i
	}

	// Usable relations: every row known (fixed or ambiguous) and at least
	// one ambiguous row involved.
	type lin struct {
		col   int
		konst int64
		coef  []int // per variable
	}
	var lins []lin
	for _, c := range applicationConstraints(g) {
		l := lin{col: c.col, coef: make([]int, len(vars))}
		usable, involves := true, false
		for k, coef := range c.terms {
			r := byKey[k]
			if r == nil || r.status == rowUnknown {
				usable = false
				break
			}
			if r.status == rowFixed {
				l.konst += int64(coef) * r.cands[0][c.col].v
				continue
			}
			involves = true
			l.coef[varIdx[k]] = coef
		}
		if usable && involves {
			lins = append(lins, l)
		}
	}
	if len(lins) == 0 {
		return nil
	}

	// Bounds of each variable's contribution to each relation, and their
	// suffix sums over the assignment order.
	nv, nl := len(vars), len(lins)
	sufLo := make([][]int64, nl)
	sufHi := make([][]int64, nl)
	for li, l := range lins {
		sufLo[li] = make([]int64, nv+1)
		sufHi[li] = make([]int64, nv+1)
		for i := nv - 1; i >= 0; i-- {
			lo, hi := int64(0), int64(0)
			if co := int64(l.coef[i]); co != 0 {
				mn, mx := colRange(vars[i].cands, lins[li].col)
				if co > 0 {
					lo, hi = co*mn, co*mx
				} else {
					lo, hi = co*mx, co*mn
				}
			}
			sufLo[li][i] = sufLo[li][i+1] + lo
			sufHi[li][i] = sufHi[li][i+1] + hi
		}
	}

	// The relations each variable takes part in: assigning a variable
	// changes only those, the others keep the verdict of the parent node.
	involved := make([][]int, nv)
	for li, l := range lins {
		for i, co := range l.coef {
			if co != 0 {
				involved[i] = append(involved[i], li)
			}
		}
	}

	survive := make([][]bool, nv)
	unmarked := 0
	for i, v := range vars {
		survive[i] = make([]bool, len(v.cands))
		unmarked += len(v.cands)
	}
	choice := make([]int, nv)
	cur := make([]int64, nl)
	for li := range lins {
		cur[li] = lins[li].konst
	}
	budget := JointBudget
	steps := 0 // candidates tried: a node tries up to MaxRowCandidates
	exhausted, found := false, false
	var rec func(i int) bool // false: stop
	rec = func(i int) bool {
		if budget <= 0 {
			exhausted = true
			return false
		}
		budget--
		if i == nv {
			found = true
			for j, c := range choice {
				if !survive[j][c] {
					survive[j][c] = true
					unmarked--
				}
			}
			return unmarked > 0
		}
		for ci, cand := range vars[i].cands {
			if steps++; steps%ctxEvery == 0 && ctx.Err() != nil {
				exhausted = true
				return false
			}
			ok := true
			for _, li := range involved[i] {
				l := &lins[li]
				cur[li] += int64(l.coef[i]) * cand[l.col].v
				if cur[li]+sufLo[li][i+1] > 0 || cur[li]+sufHi[li][i+1] < 0 {
					ok = false
				}
			}
			more := true
			if ok {
				choice[i] = ci
				more = rec(i + 1)
			}
			for _, li := range involved[i] {
				l := &lins[li]
				cur[li] -= int64(l.coef[i]) * cand[l.col].v
			}
			if !more {
				return false
			}
		}
		return true
	}
	rec(0)

	var warns []Warning
	switch {
	case exhausted:
		warns = append(warns, Warning{CodeBudget, "applications",
			"the joint search over the column relations was abandoned past its budget: ambiguous rows are not narrowed"})
		return warns
	case !found:
		for _, v := range vars {
			warns = append(warns, Warning{CodeColumns, rowPath(v.key),
				fmt.Sprintf("run %q: none of its %d splits fits the column relations of the table (the document's own arithmetic fails): left ambiguous", v.run, len(v.cands))})
		}
		return warns
	}
	for i, v := range vars {
		var keep [][]ival
		for ci, c := range v.cands {
			if survive[i][ci] {
				keep = append(keep, c)
			}
		}
		v.cands = keep
		if len(keep) == 1 {
			v.status = rowFixed
		}
	}
	return warns
}

func colRange(cands [][]ival, col int) (mn, mx int64) {
	mn, mx = cands[0][col].v, cands[0][col].v
	for _, c := range cands[1:] {
		if c[col].v < mn {
			mn = c[col].v
		}
		if c[col].v > mx {
			mx = c[col].v
		}
	}
	return mn, mx
}

func pow10(n int) int64 {
	v := int64(1)
	for ; n > 0; n-- {
		v *= 10
	}
	return v
}
