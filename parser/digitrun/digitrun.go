// Package digitrun recovers table cells from text whose cell separators
// were lost: crawler dumps and copies of web pages in which a table row
// such as 151 | 3 | 0 | 0 | 0 | 0 | 154 comes out as the single run
// "15130000154".
//
// It has two layers.
//
// Extraction (ExtractApplications, ExtractReview, ExtractDisclosure) takes
// the plain text lines of one table's section (the text between the
// section headings 二/三/四/五) and returns, for each template row, the
// digit run that follows its label. Labels are matched after
// textnorm normalisation on short distinctive keywords, in template order,
// so numbering, brackets, quotes, spaces and line breaks inside labels do
// not matter. Spaces, tabs, line breaks and Markdown pipes between digits
// are kept: they are forced cell boundaries (Markdown rule lines |---|
// are skipped). Besides run-together dumps this reads tab-separated text
// and Markdown conversions whose rows keep their labels (one small table
// per group under generic headers such as 数据1); it does not reassemble
// tables whose labels floated away from their numbers.
//
// Decoding (DecodeApplications, DecodeReview, DecodeDisclosure) splits a
// run into cells using only what the template guarantees: numbers have no
// leading zeros unless they are 0, and the table arithmetic of
// spec/TEMPLATE.md (row totals and column relations in table 三, group
// totals in table 四). A cell is given a value only when every split that
// the constraints allow agrees on it; otherwise its Value is nil and its
// Candidates list the values it could take, with a warning. The decoder
// never repairs a document: when a row's digits admit no split that
// satisfies the row's own total, the row is decoded from the column
// relations instead, with the digits as printed, and the failing check is
// left for model.RunChecks to report.
//
// A document that prints zeros as empty cells loses them in a dump
// without a trace; DecodeApplicationsBlanks, DecodeReviewBlanks and
// DecodeDisclosureBlanks then also consider readings in which any cell is
// such a vanished 0, and read only what all the readings the arithmetic
// allows agree on (the applicant column that holds a number often stays
// open: the whole table could sit one column further right).
//
// All searches are bounded (cell width, candidates per row, search
// budget); past a bound the decoder gives up on the cells concerned and
// says so in a warning rather than spending unbounded time.
//
// A recognizer that holds the lines of each section calls it like this
// (line indexes returned are 0-based within the slice passed in):
//
//	t3, ok := digitrun.ExtractApplications(linesOf三) // heading 三 up to heading 四 (keep the row 四、结转下年度继续办理!)
//	if ok {
//		cells, warns := digitrun.DecodeApplications(t3.Runs, t3.Gen)
//		// cells[rowKey][j] is column model.ApplicationColumns[j];
//		// provenance: cells[rowKey][j].Raw, line t3.Lines[rowKey]
//	}
//	if run, line, ok := digitrun.ExtractReview(linesOf四); ok {
//		cells, warns := digitrun.DecodeReview(run) // cell i is digitrun.ReviewPath(i)
//	}
//	t2 := digitrun.ExtractDisclosure(linesOf二)
//	for _, row := range model.DisclosureRows(t2.Gen) {
//		if run, ok := t2.Runs[row.Key]; ok {
//			cells, warns := digitrun.DecodeDisclosure(run, row) // cells[i] is row.Fields[i]
//		}
//	}
//
// Warning.Model converts a warning to the JSON contract's form. Every nil
// cell is covered by a warning naming its field, or its row
// ("applications.granted") or table ("review_litigation") when the whole
// row or table could not be read.
//
// Not handled: a subtotal column (法人或其他组织 小计, eight cells a row);
// 总计 cells left blank on sub-rows of a run-together table (the run has
// six cells: the row is then unreadable, or, when its digits happen to
// split into seven cells only one way, read with a failing row total that
// the checks report); thousands separators in table 二 runs of more than
// one field. Thousands separators in table 三/四 runs are read (a group
// after a comma has exactly three digits).
package digitrun

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/govreport/govreport/model"
)

// Cell is one decoded table cell.
type Cell struct {
	// Value is the cell's number, nil when the run does not determine it.
	Value *float64
	// Raw is the cell's text as printed ("0", "154", "—") when the value is
	// determined, "" otherwise.
	Raw string
	// Candidates lists, in increasing order, the values the cell can take
	// when Value is nil and the alternatives are known. It is empty when
	// the cell is determined, and also when the decoder gave up before
	// it could enumerate the alternatives.
	Candidates []float64
}

// Warning is something the reader of the output should know about a
// decoded value. Field is a JSON field path such as
// "applications.granted.natural_person" or "applications.granted" (a whole
// row).
type Warning struct {
	Code    string
	Field   string
	Message string
}

// Model returns the warning in the form of the JSON contract.
func (w Warning) Model() model.Warning {
	return model.Warning{Code: w.Code, Message: w.Message, Field: w.Field}
}

// Warning codes.
const (
	// CodeAmbiguous: a cell has several possible values; Candidates lists them.
	CodeAmbiguous = "digitrun_ambiguous"
	// CodeRowTotal: no split of a table 三 row satisfies the row's own
	// total; the row was decoded from the column relations.
	CodeRowTotal = "digitrun_row_total_unsatisfiable"
	// CodeGroupTotal: no split of the table 四 run satisfies the three
	// group totals; cells are read only where every split agrees.
	CodeGroupTotal = "digitrun_group_total_unsatisfiable"
	// CodeColumns: the column relations of table 三 admit no joint
	// solution with the rows' candidates; ambiguous rows stay ambiguous.
	CodeColumns = "digitrun_columns_inconsistent"
	// CodeBudget: a search was abandoned past its budget or candidate cap.
	CodeBudget = "digitrun_budget_exceeded"
	// CodeNoSplit: a run cannot be split into the required number of cells
	// (too few or too many digits, a cell wider than allowed, stray text).
	CodeNoSplit = "digitrun_no_split"
	// CodeMissing: a template row has no run.
	CodeMissing = "digitrun_missing_row"
	// CodeBlankRow: a row's label is followed by no digits at all; its
	// cells are left nil (seven blank cells cannot be told from numbers
	// that went elsewhere).
	CodeBlankRow = "digitrun_blank_row"
	// CodeUnit: a money amount was converted from the unit printed in the
	// cell to the unit of the field.
	CodeUnit = "digitrun_unit_converted"
)

// Bounds of the searches. They are generous for real tables (a cell of
// table 三 or 四 with more than nine digits would be a billion requests)
// and keep the worst case small.
const (
	// MaxCountDigits is the widest count cell considered in tables 三 and 四.
	MaxCountDigits = 9
	// MaxRowCandidates caps the splits kept per table 三 row; a row with
	// more is left undetermined.
	MaxRowCandidates = 256
	// MaxSplits caps the splits kept for a table 四 or table 二 run.
	MaxSplits = 512
	// RowBudget caps the nodes visited splitting one table 三 row (once
	// with its row total, once more without it when that fails).
	RowBudget = 250_000
	// TableBudget caps the nodes visited splitting all rows of one table
	// 三; rows reached after it is spent are left unread.
	TableBudget = 2_500_000
	// JointBudget caps the work of the joint search over table 三's
	// column relations (combinations of candidates tried, sums reached
	// times candidates).
	JointBudget = 1_000_000
	// SearchBudget caps the nodes visited by any other enumeration: the
	// table 四 run, a table 二 run.
	SearchBudget = 2_000_000
	// MaxListed is how many alternatives a warning message spells out.
	MaxListed = 12
)

// segment is a piece of a run between forced boundaries: a string of
// digits that splits into one or more cells, or a blank marker (—, -, /)
// that is exactly one cell of value 0.
type segment struct {
	text   string
	blank  bool
	commas bool // text holds thousands separators
}

// size is the number of digits of the segment (1 for a blank marker):
// thousands separators take no room of their own.
func (s segment) size() int {
	if s.blank {
		return 1
	}
	return digitCount(s.text)
}

func digitCount(s string) int { return len(s) - strings.Count(s, ",") }

// parseCount reads one count cell: digits without a leading zero (or a
// lone 0), optionally grouped by thousands separators (1,204).
func parseCount(cell string) (int64, bool) {
	if cell == "" {
		return 0, false
	}
	if strings.Contains(cell, ",") {
		groups := strings.Split(cell, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 || groups[0][0] == '0' {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		cell = strings.ReplaceAll(cell, ",", "")
	} else if cell[0] == '0' && len(cell) > 1 {
		return 0, false
	}
	v, err := strconv.ParseInt(cell, 10, 64)
	return v, err == nil
}

func isBlankMarker(r rune) bool {
	switch r {
	case '—', '-', '/', '–', '―', '－', '─':
		return true
	}
	return false
}

// countSegments turns a table 三/四 run into segments. Spaces separate
// segments; a blank marker is a segment of its own. Any other character
// makes the run unusable.
func countSegments(run string) ([]segment, error) {
	var segs []segment
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			segs = append(segs, segment{text: cur.String()})
			cur.Reset()
		}
	}
	for _, r := range run {
		switch {
		case r >= '0' && r <= '9':
			cur.WriteRune(r)
		case r >= '０' && r <= '９':
			cur.WriteRune('0' + (r - '０'))
		case r == ',' || r == '，':
			cur.WriteByte(',')
		case r == ' ' || r == '\t' || r == '\n' || r == '\u00a0' || r == '\u3000':
			flush()
		case isBlankMarker(r) || r == '无': // the extraction keeps 无 only as a cell
			flush()
			segs = append(segs, segment{text: string(r), blank: true})
		default:
			return nil, fmt.Errorf("unexpected %q in run %q", r, run)
		}
	}
	flush()
	for i, sg := range segs {
		t := sg.text
		if sg.blank || !strings.Contains(t, ",") {
			continue
		}
		if t[0] == ',' || t[len(t)-1] == ',' || strings.Contains(t, ",,") {
			return nil, fmt.Errorf("stray comma in run %q", run)
		}
		segs[i].commas = true
	}
	return segs, nil
}

// ival is one integer cell of a split.
type ival struct {
	v   int64
	raw string
}

// enumerator enumerates the ways to split segments into exactly n integer
// cells, each at most maxLen digits wide and without leading zeros.
type enumerator struct {
	segs   []segment
	suffix []int // suffix[i]: characters in segs[i:]
	n      int
	maxLen int
	budget int
	// prune is called after cell k has been placed (cells[:k+1] valid)
	// with the number of characters still to split; returning false
	// abandons the branch. May be nil.
	prune func(k int, cells []ival, remChars int) bool
	// emit receives each complete split; returning false stops the search.
	emit func(cells []ival) bool
	// vanish lets any cell be a blank cell that left no text (0): the
	// document prints zeros as empty cells, and a dump drops them.
	vanish  bool
	cells   []ival
	stopped bool
	// Exhausted reports that the budget ran out before the search ended.
	exhausted bool
	// ctx, when set, stops the search as if the budget ran out when it ends.
	ctx context.Context
}

// ctxEvery is how many search nodes are visited between two looks at the
// context.
const ctxEvery = 1024

func newEnumerator(segs []segment, n, maxLen, budget int) *enumerator {
	e := &enumerator{segs: segs, n: n, maxLen: maxLen, budget: budget, cells: make([]ival, n)}
	e.suffix = make([]int, len(segs)+1)
	for i := len(segs) - 1; i >= 0; i-- {
		e.suffix[i] = e.suffix[i+1] + segs[i].size()
	}
	return e
}

func (e *enumerator) run() {
	if e.n == 0 {
		if len(e.segs) == 0 {
			e.emit(nil)
		}
		return
	}
	e.rec(0, 0, 0)
}

// rec places cell k starting at offset off of segment si.
func (e *enumerator) rec(si, off, k int) {
	if e.stopped {
		return
	}
	if e.budget <= 0 {
		e.exhausted, e.stopped = true, true
		return
	}
	e.budget--
	if e.ctx != nil && e.budget%ctxEvery == 0 && e.ctx.Err() != nil {
		e.exhausted, e.stopped = true, true
		return
	}
	if si == len(e.segs) {
		switch {
		case k == e.n:
			if !e.emit(e.cells) {
				e.stopped = true
			}
		case e.vanish:
			e.placeVanished(si, off, k, 0)
		}
		return
	}
	if k == e.n {
		return
	}
	// Feasibility: the remaining cells must cover the remaining
	// characters, each segment needs at least one cell.
	r := e.n - k
	s := e.segs[si]
	rest := s.text[off:]
	remChars := e.suffix[si+1] + len(rest)
	switch {
	case s.blank:
		remChars = e.suffix[si+1] + 1
	case s.commas:
		remChars = e.suffix[si+1] + digitCount(rest)
	}
	remSegs := len(e.segs) - si
	if r < remSegs || r > remChars && !e.vanish || remChars > r*e.maxLen {
		return
	}
	if e.vanish && r > remSegs {
		e.placeVanished(si, off, k, remChars)
	}
	if s.blank {
		e.cells[k] = ival{0, s.text}
		if e.prune == nil || e.prune(k, e.cells, remChars-1) {
			e.rec(si+1, 0, k+1)
		}
		return
	}
	var v int64
	for l := 1; l <= len(rest) && !e.stopped; l++ {
		d := l
		if s.commas {
			d = digitCount(rest[:l])
		}
		if d > e.maxLen || rest[0] == '0' && l > 1 {
			break
		}
		if s.commas {
			if l < len(rest) && rest[l] == ',' {
				continue // the next cell cannot start with a separator
			}
			var ok bool
			if v, ok = parseCount(rest[:l]); !ok {
				continue
			}
		} else {
			v = v*10 + int64(rest[l-1]-'0')
		}
		e.cells[k] = ival{v, rest[:l]}
		if e.prune != nil && !e.prune(k, e.cells, remChars-d) {
			continue
		}
		if l == len(rest) {
			e.rec(si+1, 0, k+1)
		} else {
			e.rec(si, off+l, k+1)
		}
	}
}

// placeVanished makes cell k a blank that left no text and goes on with
// the same characters.
func (e *enumerator) placeVanished(si, off, k, remChars int) {
	e.cells[k] = ival{0, ""}
	if e.prune == nil || e.prune(k, e.cells, remChars) {
		e.rec(si, off, k+1)
	}
}

// agree returns, for each position, whether all splits agree on it and the
// sorted distinct values.
func agree(splits [][]ival, n int) (same []bool, values [][]int64) {
	same = make([]bool, n)
	values = make([][]int64, n)
	single := make([]int64, n) // the one value of each agreed position
	for i := 0; i < n; i++ {
		// Most positions hold one value in every split: no set for them.
		one := len(splits) > 0
		for k := 1; one && k < len(splits); k++ {
			s := splits[k]
			if s[i].v != splits[0][i].v {
				one = false
				break
			}
		}
		if one {
			single[i] = splits[0][i].v
			values[i] = single[i : i+1 : i+1]
			same[i] = true
			continue
		}
		seen := map[int64]bool{}
		for _, s := range splits {
			if !seen[s[i].v] {
				seen[s[i].v] = true
				values[i] = append(values[i], s[i].v)
			}
		}
		sort.Slice(values[i], func(a, b int) bool { return values[i][a] < values[i][b] })
		same[i] = len(values[i]) == 1
	}
	return same, values
}

// cellsFromSplits builds cells from the splits that remain possible.
func cellsFromSplits(splits [][]ival, n int) []Cell {
	out := make([]Cell, n)
	if len(splits) == 0 {
		return out
	}
	same, values := agree(splits, n)
	for i := 0; i < n; i++ {
		if same[i] {
			out[i] = Cell{Value: fptr(float64(values[i][0])), Raw: rawFor(splits, i)}
			continue
		}
		for _, v := range values[i] {
			out[i].Candidates = append(out[i].Candidates, float64(v))
		}
	}
	return out
}

// rawFor returns the printed text of position i; when splits agree on the
// value they agree on the text except for a blank marker versus "0", in
// which case the first is kept.
func rawFor(splits [][]ival, i int) string {
	for _, s := range splits {
		if s[i].raw != "" {
			return s[i].raw
		}
	}
	return "" // a blank cell that left no text in any reading
}

func fptr(v float64) *float64 { return &v }

// formatSplits spells out up to MaxListed splits as "a|b|c, d|e|f, …".
func formatSplits(splits [][]ival) string {
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

func formatValues(vs []float64) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strings.Join(s, ", ")
}
