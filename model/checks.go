package model

import (
	"fmt"
	"strconv"
)

// RunChecks evaluates every arithmetic relation of TEMPLATE.md whose
// values are all known and returns one Check per relation, passed or
// failed. The numbers themselves are never changed. Relations with an
// unknown value are skipped: a skipped check is not a passed one, and the
// unreadable value already carries its own warning.
func RunChecks(r *Report) []Check {
	var out []Check
	if a := r.Applications; a != nil {
		out = append(out, applicationChecks(a, r.Template)...)
	}
	if rl := r.ReviewLitigation; rl != nil {
		for _, g := range ReviewGroups {
			var parts []float64
			ok := true
			for _, o := range ReviewOutcomes[:4] {
				v, known := rl.Get(g.Key, o.Key)
				ok = ok && known
				parts = append(parts, v)
			}
			tot, known := rl.Get(g.Key, "total")
			if !ok || !known {
				continue
			}
			sum := add(parts)
			out = append(out, Check{
				Rule: g.Key + "_total", OK: same(sum, tot), Expected: sum, Actual: tot,
				Message: fmt.Sprintf("%s: 结果维持+结果纠正+其他结果+尚未审结 (%s) = %s, 总计 printed %s",
					g.Label, joinNums(parts, "+"), num(sum), num(tot)),
			})
		}
	}
	return out
}

func applicationChecks(a *Table, g Generation) []Check {
	var out []Check
	results := ResultRows(g)
	// Each row looked up once, not once per cell (Get scans the rows).
	nrRow, coRow, totRow, cfRow := a.Row("new_requests"), a.Row("carried_over"), a.Row("total"), a.Row("carried_forward")
	var resBuf [32]*Row
	resRows := resBuf[:0]
	for _, rk := range results {
		resRows = append(resRows, a.Row(rk))
	}
	for _, c := range ApplicationColumns {
		nr, ok1 := nrRow.get(c.Key)
		co, ok2 := coRow.get(c.Key)
		tot, ok3 := totRow.get(c.Key)
		cf, ok4 := cfRow.get(c.Key)
		if ok1 && ok2 && ok3 && ok4 {
			msg := make([]byte, 0, 96) // appended, as the row totals' below
			msg = append(msg, "一+二 ("...)
			msg = appendNums(msg, []float64{nr, co}, "+")
			msg = append(msg, ") "...)
			msg = append(msg, eqSign(nr+co, tot+cf)...)
			msg = append(msg, " （七）总计+四 ("...)
			msg = appendNums(msg, []float64{tot, cf}, "+")
			msg = append(msg, ") in column "...)
			msg = append(msg, c.Label...)
			out = append(out, Check{
				Rule: "balance", Scope: c.Key, OK: same(nr+co, tot+cf), Expected: nr + co, Actual: tot + cf,
				Message: string(msg),
			})
		}
		parts := make([]float64, 0, len(results))
		known := ok3
		for _, row := range resRows {
			v, ok := row.get(c.Key)
			known = known && ok
			parts = append(parts, v)
		}
		if known {
			sum := add(parts)
			msg := make([]byte, 0, 96)
			msg = append(msg, "sum of the result rows ("...)
			msg = strconv.AppendFloat(msg, sum, 'f', -1, 64)
			msg = append(msg, ") "...)
			msg = append(msg, eqSign(sum, tot)...)
			msg = append(msg, " （七）总计 ("...)
			msg = strconv.AppendFloat(msg, tot, 'f', -1, 64)
			msg = append(msg, ") in column "...)
			msg = append(msg, c.Label...)
			out = append(out, Check{
				Rule: "results", Scope: c.Key, OK: same(sum, tot), Expected: sum, Actual: tot,
				Message: string(msg),
			})
		}
	}
	parts := make([]float64, 0, len(ApplicantColumns)) // reused row by row
	for _, row := range a.Rows {
		parts = parts[:0]
		known := true
		// The first row of this key, as Get would read (a table has each
		// key once; the lookup keeps the answer Get gave).
		first := a.Row(row.Key)
		for _, c := range ApplicantColumns {
			v, ok := first.get(c.Key)
			known = known && ok
			parts = append(parts, v)
		}
		tot, ok := first.get("total")
		if !known || !ok {
			continue
		}
		sum := add(parts)
		// Built by appending: a report has some thirty of these, and
		// Sprintf with its number strings was most of the checks' cost.
		msg := make([]byte, 0, 128)
		msg = append(msg, "six applicant columns ("...)
		msg = appendNums(msg, parts, "+")
		msg = append(msg, " = "...)
		msg = strconv.AppendFloat(msg, sum, 'f', -1, 64)
		msg = append(msg, ") "...)
		msg = append(msg, eqSign(sum, tot)...)
		msg = append(msg, " 总计 ("...)
		msg = strconv.AppendFloat(msg, tot, 'f', -1, 64)
		msg = append(msg, ") in row "...)
		msg = append(msg, row.Key...)
		out = append(out, Check{
			Rule: "row_total", Scope: row.Key, OK: same(sum, tot), Expected: sum, Actual: tot,
			Message: string(msg),
		})
	}
	return out
}

func add(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

func same(a, b float64) bool {
	d := a - b
	return d < 1e-6 && d > -1e-6
}

func eqSign(a, b float64) string {
	if same(a, b) {
		return "="
	}
	return "≠"
}

func num(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func joinNums(xs []float64, sep string) string {
	var buf [128]byte // one allocation for the result, not one per number
	return string(appendNums(buf[:0], xs, sep))
}

func appendNums(b []byte, xs []float64, sep string) []byte {
	for i, x := range xs {
		if i > 0 {
			b = append(b, sep...)
		}
		b = strconv.AppendFloat(b, x, 'f', -1, 64)
	}
	return b
}

// FailedChecks returns the checks that did not hold.
func FailedChecks(cs []Check) []Check {
	var out []Check
	for _, c := range cs {
		if !c.OK {
			out = append(out, c)
		}
	}
	return out
}
