package model

import (
	"fmt"
	"strconv"
	"strings"
)

// RunChecks evaluates every arithmetic relation of TEMPLATE.md whose
// values are all known and returns one Check per relation, passed or
// failed. The numbers themselves are never changed. Relations with an
// unknown value are skipped: a skipped check is not a passed one, and the
// unreadable value already carries its own warning.
func RunChecks(r *Report) []Check {
	var out []Check
	if a := r.Applications; a != nil {
		out = applicationChecks(a, r.Template, len(ReviewGroups))
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

func applicationChecks(a *Table, g Generation, spare int) []Check {
	results := ResultRows(g)
	// Each row looked up once, not once per cell (Get scans the rows).
	nrRow, coRow, totRow, cfRow := a.Row("new_requests"), a.Row("carried_over"), a.Row("total"), a.Row("carried_forward")
	var resBuf [32]*Row
	resRows := resBuf[:0]
	for _, rk := range results {
		resRows = append(resRows, a.Row(rk))
	}
	// The checks sized at once (room for the caller's), and every message
	// written into one buffer that the messages are cut from: a buffer and
	// a string for each message, and the slice grown check by check, were
	// most of what the checks allocated.
	n := 2*len(ApplicationColumns) + len(a.Rows)
	out := make([]Check, 0, n+spare)
	var ends [64]int
	var msg msgBuf
	msg.Grow(n * 112)
	done := func(c Check) {
		if len(out) < len(ends) {
			ends[len(out)] = msg.Len()
			msg.from = msg.Len()
		} else {
			c.Message = msg.cut() // past the array: a message of its own
		}
		out = append(out, c)
	}
	for _, c := range ApplicationColumns {
		nr, ok1 := nrRow.Get(c.Key)
		co, ok2 := coRow.Get(c.Key)
		tot, ok3 := totRow.Get(c.Key)
		cf, ok4 := cfRow.Get(c.Key)
		if ok1 && ok2 && ok3 && ok4 {
			msg.WriteString("一+二 (")
			msg.nums([]float64{nr, co}, "+")
			msg.WriteString(") ")
			msg.WriteString(eqSign(nr+co, tot+cf))
			msg.WriteString(" （七）总计+四 (")
			msg.nums([]float64{tot, cf}, "+")
			msg.WriteString(") in column ")
			msg.WriteString(c.Label)
			done(Check{Rule: "balance", Scope: c.Key, OK: same(nr+co, tot+cf), Expected: nr + co, Actual: tot + cf})
		}
		known := ok3
		sum := 0.0
		for _, row := range resRows {
			v, ok := row.Get(c.Key)
			known = known && ok
			sum += v
		}
		if known {
			msg.WriteString("sum of the result rows (")
			msg.num(sum)
			msg.WriteString(") ")
			msg.WriteString(eqSign(sum, tot))
			msg.WriteString(" （七）总计 (")
			msg.num(tot)
			msg.WriteString(") in column ")
			msg.WriteString(c.Label)
			done(Check{Rule: "results", Scope: c.Key, OK: same(sum, tot), Expected: sum, Actual: tot})
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
			v, ok := first.Get(c.Key)
			known = known && ok
			parts = append(parts, v)
		}
		tot, ok := first.Get("total")
		if !known || !ok {
			continue
		}
		sum := add(parts)
		msg.WriteString("six applicant columns (")
		msg.nums(parts, "+")
		msg.WriteString(" = ")
		msg.num(sum)
		msg.WriteString(") ")
		msg.WriteString(eqSign(sum, tot))
		msg.WriteString(" 总计 (")
		msg.num(tot)
		msg.WriteString(") in row ")
		msg.WriteString(row.Key)
		done(Check{Rule: "row_total", Scope: row.Key, OK: same(sum, tot), Expected: sum, Actual: tot})
	}
	all, start := msg.String(), 0
	for i := range out {
		if i >= len(ends) {
			break
		}
		out[i].Message, start = all[start:ends[i]], ends[i]
	}
	return out
}

// msgBuf writes the checks' messages.
type msgBuf struct {
	strings.Builder
	from int // where the message being written starts (cut)
}

// num writes v as the messages print numbers.
func (b *msgBuf) num(v float64) {
	var nb [32]byte
	b.Write(strconv.AppendFloat(nb[:0], v, 'f', -1, 64))
}

// nums writes xs joined by sep.
func (b *msgBuf) nums(xs []float64, sep string) {
	for i, x := range xs {
		if i > 0 {
			b.WriteString(sep)
		}
		b.num(x)
	}
}

// cut returns the text written since the last cut as a string of its own.
func (b *msgBuf) cut() string {
	s := b.String()[b.from:]
	b.from = b.Len()
	return strings.Clone(s)
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
