package recognize

import (
	"fmt"
	"strings"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/layout"
)

// A number cell merged over several rows (rowspan, a Word vertical
// merge) is printed once for all of them. Counts are never negative, so a
// 0 (or a blank) is 0 in each row it covers; any other number belongs to
// the rows together and cannot be split, so each of them is null.

// spanKey names a merged cell: its table, grid column and the line where
// it is printed.
type spanKey struct{ table, col, origin int }

// mergedLines returns the numbers of the lines a value's cell covers,
// the printed one first, or nil when the cell covers one line.
func (st *state) mergedLines(v *value) []int {
	if v.line == nil || v.line.Table == 0 || v.cell.Col < 0 {
		return nil
	}
	if st.spans == nil {
		st.spans = map[spanKey][]int{}
		for _, l := range st.lines {
			if l.Table == 0 {
				continue
			}
			for _, c := range l.Cells {
				if c.RowCopy && c.Origin > 0 {
					k := spanKey{l.Table, c.Col, c.Origin}
					st.spans[k] = append(st.spans[k], l.Num)
				}
			}
		}
	}
	origin := v.line.Num
	if v.cell.RowCopy {
		origin = int(v.cell.Origin)
	}
	below := st.spans[spanKey{v.line.Table, int(v.cell.Col), origin}]
	if len(below) == 0 {
		return nil
	}
	return append([]int{origin}, below...)
}

// spanRead decides a value whose cell may be merged over rows that were
// read as different template rows (keyOf maps a line number to the row
// read there). It returns false when the value must stay null, having
// said why; a 0 read from a copy is given the line of the merged cell
// for its provenance.
func (st *state) spanRead(path string, v *value, keyOf map[int]string) bool {
	lines := st.mergedLines(v)
	if lines == nil {
		return true
	}
	seen := map[string]bool{}
	var keys []string
	for _, n := range lines {
		if k := keyOf[n]; k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(keys) < 2 {
		return true // the rows it covers are one template row (a wrapped label)
	}
	if v.num == 0 && (v.kind == blank || v.kind == number) {
		if v.cell.RowCopy {
			if i := st.indexOf(&layout.Line{Num: lines[0]}); i >= 0 {
				v.line = &st.lines[i]
			}
		}
		return true
	}
	if st.spanNull == nil {
		st.spanNull = map[string]bool{}
	}
	st.spanNull[path] = true
	st.report.Warn("value_spans_rows", path, fmt.Sprintf("line %d: %s is printed once in a cell merged over the rows %s; it belongs to them together and cannot be split, so each is null", lines[0], v.cell.Raw, strings.Join(keys, ", ")))
	return false
}

// printedTexts returns the texts of a line's cells as the source prints
// them: a cell spanning columns or rows once, not once per grid position
// (a value spanning three columns is one value, not a run "0 0 0").
func printedTexts(l layout.Line) []string {
	out := make([]string, 0, len(l.Cells))
	for _, c := range l.Cells {
		if !c.Copy {
			out = append(out, c.Text)
		}
	}
	return out
}

// spanNullUnder reports whether a cell at or under path (a table, row or
// cell path) was left null because it is merged over rows: the digit-run
// reading has nothing to say about such a row that the grid did not.
func (st *state) spanNullUnder(path string) bool {
	for p := range st.spanNull {
		if p == path || strings.HasPrefix(p, path+".") {
			return true
		}
	}
	return false
}

// warnAbsentRows says of each row of t that neither reading found (its
// label is not in the document) that it is absent, unless a warning
// already speaks of it: an absent row is null, never 0.
func (st *state) warnAbsentRows(table string, t *model.Table, found map[string]string) {
	if t == nil {
		return
	}
	for _, row := range t.Rows {
		if _, ok := found[row.Key]; ok {
			continue
		}
		path := table + "." + row.Key
		known, said := false, false
		for _, c := range row.Cells {
			known = known || c.Value != nil
		}
		for _, w := range st.report.Warnings {
			said = said || w.Field == path || strings.HasPrefix(w.Field, path+".")
		}
		if !known && !said {
			st.report.Warn("row_missing", path, "row "+row.Key+" was not found in the document; its values are null")
		}
	}
}

// spanNullPath leaves path null because its cell is merged over rows.
func (st *state) spanNullPath(path, msg string) {
	if st.spanNull == nil {
		st.spanNull = map[string]bool{}
	}
	st.spanNull[path] = true
	st.report.Warn("value_spans_rows", path, msg)
}

// subRowBlock is a run of sub-rows of one group of table 三 (the rows
// under （三）, （四）, （五） or （六）) of which some print nothing at all
// beside a neighbour that prints values.
type subRowBlock struct {
	keys    []string
	nonzero []bool // per column: a value other than 0 is printed in it
}

// subRowGroup names the group of table 三 a row belongs to, "" for rows
// outside the groups.
func subRowGroup(key string) string {
	for _, g := range []string{"withheld_", "unavailable_", "not_processed_", "other_"} {
		if strings.HasPrefix(key, g) {
			return g
		}
	}
	return ""
}

// mergedSubRows finds sub-rows whose values were printed once for several
// of them in cells merged over the rows (rowspan) in a rendering that kept
// no trace of the merge (a text dump, a browser's text, a converter's
// grid): one sub-row prints the values, its neighbours in the group print
// nothing at all. In a table that writes its zeros, a wholly blank row is
// no row of zeros but such a covered row. A 0 is then 0 in each of them;
// any other number belongs to them together and is null in each.
func mergedSubRows(rows []*rowRead, t *model.Table) map[*rowRead]*subRowBlock {
	allBlank := func(r *rowRead) bool {
		for _, v := range r.values {
			if v.kind != blank || strings.TrimSpace(v.cell.Text) != "" {
				return false
			}
		}
		return true
	}
	var rs []*rowRead
	printsZero := false
	for _, r := range rows {
		if t.Row(r.key) == nil || r.values == nil {
			continue
		}
		rs = append(rs, r)
		if !allBlank(r) {
			for _, v := range r.values {
				printsZero = printsZero || v.kind == number && v.num == 0
			}
		}
	}
	if !printsZero {
		return nil
	}
	out := map[*rowRead]*subRowBlock{}
	inBlock := func(i int) bool {
		g := subRowGroup(rs[i].key)
		if g == "" {
			return false
		}
		if allBlank(rs[i]) {
			return true
		}
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(rs) && subRowGroup(rs[j].key) == g && allBlank(rs[j]) {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(rs); {
		if !inBlock(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && inBlock(j) && subRowGroup(rs[j].key) == subRowGroup(rs[i].key) {
			j++
		}
		b := &subRowBlock{nonzero: make([]bool, len(rs[i].values))}
		printed := false
		for _, r := range rs[i:j] {
			b.keys = append(b.keys, r.key)
			if allBlank(r) {
				continue
			}
			printed = true
			for ci, v := range r.values {
				if ci < len(b.nonzero) && (v.kind != blank && v.kind != number || v.num != 0) {
					b.nonzero[ci] = true
				}
			}
		}
		if printed && j-i > 1 {
			for _, r := range rs[i:j] {
				out[r] = b
			}
		}
		i = j
	}
	return out
}
