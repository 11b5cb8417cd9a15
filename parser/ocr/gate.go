package ocr

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/govreport/govreport/model"
)

// A number read by OCR stands only when it is sure (both renderings agree
// with high confidence) or when the template's arithmetic confirms it: a
// relation (a row total, a column of results, the balance, a table 四
// total) whose other cells are settled holds with it. Every other cell is
// null, its candidates in a warning. The arithmetic chooses among the
// engine's readings; it never supplies a number no reading gave.

// gvar is one table value of the report read from the scan.
type gvar struct {
	path  string
	cell  *model.Cell
	rd    *Reading // nil for a value not read from a number cell
	cands []Candidate
	fixed bool // known without OCR doubt: a blank cell (0) or a sure reading
	done  bool // settled: fixed, or confirmed by a relation
	// against names a relation that fails with this sure reading and
	// no holding relation confirms it
	against string
	value   float64
	conf    float64
}

// relation says Σ coef·value = 0.
type relation struct {
	name  string
	terms []term
}

type term struct {
	path string
	coef float64
}

// maxCombos bounds the readings tried together for one relation.
const maxCombos = 4096

// Gate applies the arithmetic gate to a report recognised from d, marks
// the provenance of every value read from the scan, and evaluates the
// checks again.
func (d *Document) Gate(r *model.Report) {
	vars := map[string]*gvar{}
	used := map[[2]int]bool{} // (line, cell index) already given to a field
	blanks := map[int]int{}   // blank cells of a line already given
	for _, tb := range r.Tables() {
		if tb.Table == nil {
			continue
		}
		for ri := range tb.Table.Rows {
			row := &tb.Table.Rows[ri]
			for ci := range row.Cells {
				c := &row.Cells[ci]
				if c.Value == nil {
					continue
				}
				path := tb.Name + "." + row.Key + "." + c.Key
				p, ok := r.Provenance[path]
				if !ok {
					continue
				}
				v := &gvar{path: path, cell: c, value: *c.Value}
				switch rd, k := d.find(p, used); {
				case rd != nil:
					used[[2]int{p.Line, k}] = true
					v.rd, v.cands = rd, rd.Candidates
					if rd.Sure && sameNumber(rd.Candidates[0].Text, *c.Value) {
						v.fixed, v.conf = true, rd.Candidates[0].Conf
					}
				case strings.TrimSpace(p.Text) == "" && !p.Inferred && *c.Value == 0:
					// a cell without ink is 0, if its line has one left;
					// else the 0 stands for ink no reading made sense of
					cells := d.emptyCells(p.Line)
					if k := blanks[p.Line]; k < len(cells) {
						blanks[p.Line]++
						v.fixed = !d.Unread[p.Line][cells[k]]
					}
				case p.Inferred:
					// the recognizer's inference from the arithmetic: it
					// must hold with the settled readings
					v.cands = []Candidate{{Text: strconv.FormatFloat(*c.Value, 'f', -1, 64)}}
				default:
					// a number no cell reading gave (prose, a stray
					// character taken for a number): never kept
				}
				v.done = v.fixed
				vars[path] = v
			}
		}
	}
	rels := relations(r)
	for changed := true; changed; {
		changed = false
		for _, rel := range rels {
			if settle(rel, vars) {
				changed = true
			}
		}
	}
	// Two readings that agree can still agree on a wrong digit (a 4 of
	// some fonts read 1 twice): a sure reading in a relation that no
	// reading of its unsure cells satisfies, and that no holding relation
	// confirms, is not kept either. A relation whose cells are all sure
	// and that fails is the document's own (or a misread twice alike): its
	// values stay, the failed check reports it, a warning says so.
	held := map[string]bool{}
	for _, rel := range rels {
		if status(rel, vars) == holds {
			for _, t := range rel.terms {
				held[t.path] = true
			}
		}
	}
	for _, rel := range rels {
		switch status(rel, vars) {
		case failsSettled:
			r.Warn("ocr_relation_failed", "", "every cell of the relation "+rel.name+" was read alike twice with confidence and it does not hold: printed so, or a digit misread alike in both readings; the values are kept and the failed check reports it")
			continue
		case fails:
		default:
			continue
		}
		for _, t := range rel.terms {
			if v := vars[t.path]; v.done && v.rd != nil && !held[t.path] && v.against == "" {
				v.against = rel.name
			}
		}
	}
	for _, v := range vars {
		if v.against != "" {
			v.done = false
		}
	}
	paths := make([]string, 0, len(vars))
	for p := range vars {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, path := range paths {
		v := vars[path]
		p := r.Provenance[path]
		p.Method = "ocr"
		if v.against != "" {
			r.Warn("ocr_unconfirmed", path, fmt.Sprintf("OCR read %s (%.0f%%) in two readings, but the relation %s does not hold with the readings of its cells and no relation confirms this one: left null",
				v.cands[0].Text, v.cands[0].Conf, v.against))
			v.cell.Value = nil
			delete(r.Provenance, path)
			continue
		}
		if !v.done {
			if len(v.cands) == 0 {
				r.Warn("ocr_unconfirmed", path, "OCR gave no reading of this cell's digits: left null")
				v.cell.Value = nil
				delete(r.Provenance, path)
				continue
			}
			var cs []string
			for _, c := range v.cands {
				if c.Conf > 0 {
					cs = append(cs, fmt.Sprintf("%s (%.0f%%)", c.Text, c.Conf))
				} else {
					cs = append(cs, c.Text)
				}
			}
			r.Warn("ocr_unconfirmed", path, "OCR read "+strings.Join(cs, " or ")+" and no relation of the table confirms a reading: left null")
			v.cell.Value = nil
			delete(r.Provenance, path)
			continue
		}
		if v.value != *v.cell.Value {
			val := v.value
			v.cell.Value = &val
		}
		if v.rd != nil {
			p.Text = strconv.FormatFloat(v.value, 'f', -1, 64)
			p.Confidence = math.Round(v.conf*10) / 10
			k := 72 / v.rd.DPI
			b := v.rd.Box
			p.Box = &model.Box{Page: v.rd.Page, X: round1(float64(b.Min.X) * k), Y: round1(float64(b.Min.Y) * k),
				W: round1(float64(b.Dx()) * k), H: round1(float64(b.Dy()) * k)}
		}
		r.Provenance[path] = p
	}
	for path, p := range r.Provenance {
		if p.Method == "" {
			p.Method = "ocr"
			r.Provenance[path] = p
		}
	}
	r.Checks = model.RunChecks(r)
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// find returns the reading of the number cell a provenance points at: on
// its line, the first cell not yet given whose text is the value's.
func (d *Document) find(p model.Provenance, used map[[2]int]bool) (*Reading, int) {
	nums := d.Numbers[p.Line]
	ks := make([]int, 0, len(nums))
	for k := range nums {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	for _, k := range ks {
		if !used[[2]int{p.Line, k}] && nums[k].Candidates[0].Text == strings.TrimSpace(p.Text) {
			return nums[k], k
		}
	}
	return nil, -1
}

// emptyCells are the indexes of a table line's empty cells right of its
// last label, in order: the cells a recognizer reads as blank, which the
// fields of the row take left to right (the template's column order).
func (d *Document) emptyCells(num int) []int {
	if num < 1 || num > len(d.Lines) || d.Lines[num-1].Table == 0 {
		return nil
	}
	l := d.Lines[num-1]
	from := 0
	for i, c := range l.Cells {
		if c.Raw != "" && d.Numbers[num][i] == nil && !c.Copy {
			from = i + 1
		}
	}
	var out []int
	for i := from; i < len(l.Cells); i++ {
		if c := l.Cells[i]; !c.Copy && c.Raw == "" {
			out = append(out, i)
		}
	}
	return out
}

func sameNumber(s string, v float64) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && f == v
}

// settle tries one relation: when every cell in it is known and the
// readings of its unsettled cells can be chosen in exactly one way that
// makes it hold, those readings are confirmed.
func settle(rel relation, vars map[string]*gvar) bool {
	var open []*gvar
	var coefs []float64
	sum := 0.0
	for _, t := range rel.terms {
		v := vars[t.path]
		if v == nil {
			return false // a null cell: the relation cannot be evaluated
		}
		if v.done {
			sum += t.coef * v.value
			continue
		}
		open = append(open, v)
		coefs = append(coefs, t.coef)
	}
	if len(open) == 0 {
		return false
	}
	n := 1
	for _, v := range open {
		n *= len(v.cands)
		if n > maxCombos || len(v.cands) == 0 {
			return false
		}
	}
	var found []int
	solutions := 0
	idx := make([]int, len(open))
	for k := 0; k < n; k++ {
		rest := k
		s := sum
		for i, v := range open {
			idx[i] = rest % len(v.cands)
			rest /= len(v.cands)
			f, err := strconv.ParseFloat(v.cands[idx[i]].Text, 64)
			if err != nil {
				s = math.NaN()
				break
			}
			s += coefs[i] * f
		}
		if math.Abs(s) < 1e-6 {
			solutions++
			found = append(found[:0], idx...)
			if solutions > 1 {
				return false
			}
		}
	}
	if solutions != 1 {
		return false
	}
	for i, v := range open {
		c := v.cands[found[i]]
		v.value, _ = strconv.ParseFloat(c.Text, 64)
		v.conf = c.Conf
		v.done = true
	}
	return true
}

type relStatus int

const (
	unknown relStatus = iota
	holds
	fails        // no reading of its unsure cells makes it hold
	failsSettled // its cells all settled, it does not hold
)

// status says whether a relation holds with its settled cells, fails
// with them (or fails whatever readings its open cells take), or cannot
// be told (a null cell, or open cells that some readings satisfy).
func status(rel relation, vars map[string]*gvar) relStatus {
	sum := 0.0
	var open []*gvar
	var coefs []float64
	for _, t := range rel.terms {
		v := vars[t.path]
		if v == nil {
			return unknown
		}
		if v.done {
			sum += t.coef * v.value
		} else {
			open = append(open, v)
			coefs = append(coefs, t.coef)
		}
	}
	if len(open) == 0 {
		if math.Abs(sum) < 1e-6 {
			return holds
		}
		return failsSettled
	}
	n := 1
	for _, v := range open {
		n *= len(v.cands)
		if n > maxCombos {
			return unknown
		}
	}
	if n == 0 {
		return unknown // a cell with no reading at all: anything could hold
	}
	for k := 0; k < n; k++ {
		rest, s := k, sum
		for i, v := range open {
			f, _ := strconv.ParseFloat(v.cands[rest%len(v.cands)].Text, 64)
			rest /= len(v.cands)
			s += coefs[i] * f
		}
		if math.Abs(s) < 1e-6 {
			return unknown
		}
	}
	return fails
}

// relations lists the template's arithmetic over the report's tables (the
// relations of model.RunChecks, as sums equal to zero).
func relations(r *model.Report) []relation {
	var out []relation
	if a := r.Applications; a != nil {
		for _, c := range model.ApplicationColumns {
			p := func(row string) string { return "applications." + row + "." + c.Key }
			out = append(out, relation{"balance " + c.Key, []term{{p("new_requests"), 1}, {p("carried_over"), 1}, {p("total"), -1}, {p("carried_forward"), -1}}})
			rel := relation{name: "results " + c.Key, terms: []term{{p("total"), -1}}}
			for _, rk := range model.ResultRows(r.Template) {
				rel.terms = append(rel.terms, term{p(rk), 1})
			}
			out = append(out, rel)
		}
		for _, row := range a.Rows {
			rel := relation{name: "row " + row.Key, terms: []term{{"applications." + row.Key + ".total", -1}}}
			for _, c := range model.ApplicantColumns {
				rel.terms = append(rel.terms, term{"applications." + row.Key + "." + c.Key, 1})
			}
			out = append(out, rel)
		}
	}
	if r.ReviewLitigation != nil {
		for _, g := range model.ReviewGroups {
			rel := relation{name: "review " + g.Key, terms: []term{{"review_litigation." + g.Key + ".total", -1}}}
			for _, o := range model.ReviewOutcomes[:4] {
				rel.terms = append(rel.terms, term{"review_litigation." + g.Key + "." + o.Key, 1})
			}
			out = append(out, rel)
		}
	}
	return out
}
