package digitrun

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/model"
)

// fieldKind is what a table 二 cell may hold.
type fieldKind int

const (
	kindCount  fieldKind = iota // non-negative integer
	kindSigned                  // 本年增/减: an integer with an optional sign
	kindAmount                  // money: a non-negative decimal
)

func kindOf(f model.ColDef) fieldKind {
	switch {
	case f.Key == "change":
		return kindSigned
	case strings.HasPrefix(f.Key, "amount"):
		return kindAmount
	}
	return kindCount
}

// maxDisclosureWidth bounds a table 二 cell's printed width (amounts in 元
// with decimals can be long).
const maxDisclosureWidth = 20

type fval struct {
	v   float64
	raw string
}

// DecodeDisclosure decodes the run printed after one table 二 row label.
// row gives the fields in printed order (model.DisclosureRows(g)[i]); the
// result has one cell per field.
//
// Table 二 has no arithmetic, so a cell is read only when the printed text
// decides it: every split of the run into len(row.Fields) cells that fits
// the fields' forms (counts: no leading zeros; 本年增/减: an optional sign;
// amounts: an optional decimal part) agrees on it. A single-field row is
// the whole run; "000" for three fields is 0,0,0; a run with as many digits
// as fields is one digit per field; in "35-15" the sign fixes 35|-15.
// Other cells are nil with their candidates and a CodeAmbiguous warning.
//
// A unit written in the run (元, 万元) applies to the money field: an
// amount_yuan printed in 万元 is converted to 元, an amount_10k_yuan
// printed in 元 to 万元 (CodeUnit warning). Spaces are forced cell
// boundaries; a lone —, - or / is a blank cell (0), but a - directly
// before a digit is that number's sign.
func DecodeDisclosure(run string, row model.DisclosureRow) ([]Cell, []Warning) {
	return DecodeDisclosureContext(context.Background(), run, row, false)
}

// DecodeDisclosureContext is DecodeDisclosure whose search stops, as if
// its budget ran out, when ctx ends, for a document that may leave cells
// blank. A document that prints a zero as an empty cell (as a row with no
// value at all shows) loses such a cell without a trace in a dump: when
// blanks is true a cell may also be a vanished blank (0) anywhere in the
// run. "2 31" for three fields is then 2|3|1 or 2|(blank)|31 or …, and
// the cells that differ between those readings stay null.
func DecodeDisclosureContext(ctx context.Context, run string, row model.DisclosureRow, blanks bool) ([]Cell, []Warning) {
	n := len(row.Fields)
	out := make([]Cell, n)
	base := "active_disclosure." + row.Key
	path := func(i int) string { return base + "." + row.Fields[i].Key }

	text, unit := stripUnit(run)
	var printed map[string]string // a number without its separators → as printed
	if n == 1 {
		text, printed = stripThousands(text)
	}
	segs := strings.Fields(text)
	if len(segs) == 0 {
		return out, []Warning{{CodeMissing, base, fmt.Sprintf("no value found for %s", row.Label)}}
	}
	for _, s := range segs {
		for _, r := range s {
			if !(r >= '0' && r <= '9' || r == '.' || r == '+' || isBlankMarker(r) || r == '无') {
				return out, []Warning{{CodeNoSplit, base, fmt.Sprintf("unexpected %q in run %q of %s", r, run, row.Label)}}
			}
		}
	}
	kinds := make([]fieldKind, n)
	for i, f := range row.Fields {
		kinds[i] = kindOf(f)
	}

	var splits [][]fval
	cells := make([]fval, n)
	budget := SearchBudget
	stopped := false
	var rec func(si, off, k int)
	rec = func(si, off, k int) {
		if stopped {
			return
		}
		if budget--; budget <= 0 || budget%ctxEvery == 0 && ctx.Err() != nil {
			stopped = true
			return
		}
		if blanks && k < n {
			// A vanished blank cell here: field k is 0 and nothing of the
			// run is used. Only a run shorter than its fields can have one.
			cells[k] = fval{0, ""}
			rec(si, off, k+1)
		}
		if si == len(segs) {
			if k == n {
				if len(splits) == MaxSplits {
					stopped = true
					return
				}
				splits = append(splits, append([]fval(nil), cells...))
			}
			return
		}
		if k == n {
			return
		}
		rest := segs[si][off:]
		for l := 1; l <= len(rest) && l <= maxDisclosureWidth; l++ {
			if signOfNumber(rest, l) {
				continue
			}
			v, ok := parseField(rest[:l], kinds[k])
			if !ok {
				continue
			}
			cells[k] = fval{v, rest[:l]}
			if l == len(rest) {
				rec(si+1, 0, k+1)
			} else {
				rec(si, off+l, k+1)
			}
		}
	}
	rec(0, 0, 0)
	if stopped {
		return out, []Warning{{CodeBudget, base, fmt.Sprintf("run %q of %s: more than %d splits, or the search budget ran out: row left unread", run, row.Label, MaxSplits)}}
	}
	if len(splits) == 0 {
		return out, []Warning{{CodeNoSplit, base, fmt.Sprintf("run %q of %s cannot be split into %d cells", run, row.Label, n)}}
	}

	var warns []Warning
	// Money units.
	for i, k := range kinds {
		if k != kindAmount || unit == "" {
			continue
		}
		shift := 0
		switch {
		case row.Fields[i].Key == "amount_yuan" && unit == "万元":
			shift = 4
		case row.Fields[i].Key == "amount_10k_yuan" && unit == "元":
			shift = -4
		}
		if shift == 0 {
			continue
		}
		for _, s := range splits {
			s[i].v = shiftDecimal(s[i].raw, shift)
		}
		warns = append(warns, Warning{CodeUnit, path(i), fmt.Sprintf("%s printed in %s, converted", row.Fields[i].Label, unit)})
	}

	for i := 0; i < n; i++ {
		seen := map[float64]bool{}
		var vals []float64
		for _, s := range splits {
			if !seen[s[i].v] {
				seen[s[i].v] = true
				vals = append(vals, s[i].v)
			}
		}
		if len(vals) == 1 {
			raw := ""
			for _, s := range splits {
				if raw = s[i].raw; raw != "" {
					break // a vanished blank has no text of its own
				}
			}
			if p, ok := printed[raw]; ok {
				raw = p
			}
			out[i] = Cell{Value: fptr(vals[0]), Raw: raw}
			continue
		}
		sort.Float64s(vals)
		out[i].Candidates = vals
		warns = append(warns, Warning{CodeAmbiguous, path(i),
			fmt.Sprintf("run %q of %s: %s is one of %s (table 二 has no arithmetic to choose; splits: %s)",
				run, row.Label, row.Fields[i].Label, formatValues(vals), formatFSplits(splits))})
	}
	return out, warns
}

// signOfNumber reports whether rest[:l] is a minus sign written directly
// before a digit: it is that number's sign (or a misprint), never a
// cell printed as - (0), which only a dash standing apart can be.
func signOfNumber(rest string, l int) bool {
	r, size := utf8.DecodeRuneInString(rest)
	return l == size && (r == '-' || r == '−') && size < len(rest) && isDigit(rune(rest[size]))
}

// stripUnit removes a money unit (元 or 万元) from a run, keeping a space
// in its place, and returns which unit it was.
func stripUnit(run string) (string, string) {
	unit := ""
	if strings.Contains(run, "万元") {
		unit = "万元"
		run = strings.ReplaceAll(run, "万元", " ")
	}
	if strings.Contains(run, "元") {
		unit = "元"
		run = strings.ReplaceAll(run, "元", " ")
	}
	return run, unit
}

// parseField reads s as a value of kind k, or reports false.
func parseField(s string, k fieldKind) (float64, bool) {
	if r, size := utf8.DecodeRuneInString(s); size == len(s) && (isBlankMarker(r) || r == '无') {
		return 0, true
	}
	body := s
	if k == kindSigned && (s[0] == '+' || s[0] == '-') {
		body = s[1:]
		if body == "0" {
			return 0, false
		}
	}
	intPart, frac, hasDot := strings.Cut(body, ".")
	if hasDot && (k != kindAmount || frac == "") {
		return 0, false
	}
	if intPart == "" || intPart[0] == '0' && len(intPart) > 1 {
		return 0, false
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// shiftDecimal returns the number printed as raw multiplied by 10^shift,
// computed on the digits so that no binary rounding creeps in.
func shiftDecimal(raw string, shift int) float64 {
	intPart, frac, _ := strings.Cut(raw, ".")
	digits := intPart + frac
	point := len(intPart) + shift
	for point > len(digits) {
		digits += "0"
	}
	for point < 1 {
		digits = "0" + digits
		point++
	}
	v, _ := strconv.ParseFloat(digits[:point]+"."+digits[point:]+"0", 64)
	return v
}

func formatFSplits(splits [][]fval) string {
	var parts []string
	for i, s := range splits {
		if i == MaxListed {
			parts = append(parts, fmt.Sprintf("… (%d in all)", len(splits)))
			break
		}
		raws := make([]string, len(s))
		for j, c := range s {
			raws[j] = c.raw
		}
		parts = append(parts, strings.Join(raws, "|"))
	}
	return strings.Join(parts, ", ")
}

// stripThousands takes the thousands separators out of the numbers of a
// one-value run (1,204.5 → 1204.5), returning what each was as printed.
// Only well-formed groups are separators: "1,20.5" keeps its comma, so
// the run is refused rather than read as 120.5, a number nobody printed.
func stripThousands(text string) (string, map[string]string) {
	if !strings.Contains(text, ",") {
		return text, nil
	}
	printed := map[string]string{}
	segs := strings.Fields(text)
	for i, seg := range segs {
		if !strings.Contains(seg, ",") {
			continue
		}
		whole, frac, _ := strings.Cut(seg, ".")
		if strings.Contains(frac, ",") {
			continue
		}
		if _, ok := parseCount(whole); !ok {
			continue
		}
		segs[i] = strings.ReplaceAll(seg, ",", "")
		printed[segs[i]] = seg
	}
	return strings.Join(segs, " "), printed
}
