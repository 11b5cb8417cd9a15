package corpusgen

import (
	"fmt"
	"regexp"
	"strings"
)

// DumpOptions tune the text dump a site crawler writes for one article:
// a header of fields, then the whole article body on one line, the cells
// of its tables run together without separators.
type DumpOptions struct {
	// Stamp is the publication time of the header, e.g. "2025-01-27 09:15".
	Stamp string
	// Publisher fills 发布机构 with the issuing body; some sites leave the
	// field empty.
	Publisher bool
	// ID is the article number in the link and the local folder.
	ID int
	// Column is the path of the site's report column, e.g.
	// "zwgk/zfxxgk/bmxxgk/scjgj/zfxxgknb".
	Column string
	// BodyTitle are the lines printed at the top of the article body (the
	// title as the page repeats it); nil for none.
	BodyTitle []string
	// Pad pads some value cells with a space or an ideographic space, as
	// &nbsp; and U+3000 inside the page's cells come out in the dump, and
	// keeps the break of split header cells as a space (本年新 制作数量).
	Pad bool
}

// dumpLayout lays r out for a dump: the blocks and, for every cell of
// their tables, the text the dump prints for it. Rendering and the
// undeterminable analysis both use it, so that they see the same runs.
func dumpLayout(r *Report, st Style, o DumpOptions) ([]block, map[*Cell]string) {
	bls := blocks(r, st)
	text := map[*Cell]string{}
	k := 0
	for _, bl := range bls {
		if bl.table == nil {
			continue
		}
		for _, row := range bl.table.Rows {
			for _, c := range row {
				sep := ""
				if o.Pad && c.Kind == kindHeader {
					sep = " "
				}
				t := strings.Join(c.Lines, sep)
				if o.Pad && c.Kind == kindValue {
					t = padValue(t, k)
					k++
				}
				if o.Pad && c.Kind == kindLabel && (strings.HasPrefix(t, "一、") || strings.HasPrefix(t, "二、")) {
					t += " " // &nbsp; left after a label
				}
				text[c] = t
			}
		}
	}
	return bls, text
}

// padValue adds the padding of the k-th value cell: an editor's &nbsp;
// before or after some numbers, an ideographic space before a few.
func padValue(t string, k int) string {
	switch {
	case k%11 == 8:
		return "\u3000" + t
	case k%7 == 2:
		return " " + t
	case k%7 == 5:
		return t + " "
	}
	return t
}

// RenderDump renders r as a crawler's text dump of its portal page.
func RenderDump(r *Report, st Style, o DumpOptions) []byte {
	bls, text := dumpLayout(r, st, o)
	var body strings.Builder
	for _, l := range o.BodyTitle {
		body.WriteString(l)
	}
	for _, bl := range bls {
		if bl.table == nil {
			body.WriteString(bl.text)
			continue
		}
		for _, row := range bl.table.Rows {
			for _, c := range row {
				body.WriteString(text[c])
			}
		}
	}
	publisher := ""
	if o.Publisher {
		publisher = r.Agency
	}
	day := strings.ReplaceAll(r.Published, "-", "")
	var b strings.Builder
	fmt.Fprintf(&b, "标题: %s\n", r.Title)
	fmt.Fprintf(&b, "发布时间: %s\n", o.Stamp)
	b.WriteString("文号: \n")
	fmt.Fprintf(&b, "发布机构: %s\n", publisher)
	b.WriteString("栏目: 政府信息公开年报\n")
	fmt.Fprintf(&b, "原文链接: https://%s/%s/%s/t%s_%d.htm\n", r.Domain, o.Column, day[:6], day, o.ID)
	fmt.Fprintf(&b, "本地目录: %s/%s/%d_%s\n", o.Column, day[:6], o.ID, r.Title)
	b.WriteString("页面链接与图片详见 links.tsv(同目录)\n")
	b.WriteString("==================== 正文 ====================\n")
	b.WriteString(body.String())
	return []byte(b.String())
}

// dumpRun is one row of a dump's table as the reader meets it: the value
// cells printed one after another.
type dumpRun struct {
	cells []*Cell
	texts []string
}

// dumpRuns returns the value runs of each table of r's dump: table 二 row
// by row, table 三 row by row, table 四 as one run.
func dumpRuns(r *Report, st Style, o DumpOptions) (t2, t3 []dumpRun, t4 dumpRun) {
	bls, text := dumpLayout(r, st, o)
	var tabs []*Table
	for _, bl := range bls {
		if bl.table != nil {
			tabs = append(tabs, bl.table)
		}
	}
	rowRuns := func(t *Table) []dumpRun {
		var out []dumpRun
		for _, row := range t.Rows {
			var run dumpRun
			for _, c := range row {
				if c.Kind == kindValue {
					run.cells = append(run.cells, c)
					run.texts = append(run.texts, text[c])
				}
			}
			if len(run.cells) > 0 {
				out = append(out, run)
			}
		}
		return out
	}
	t2, t3 = rowRuns(tabs[0]), rowRuns(tabs[1])
	for _, run := range rowRuns(tabs[2]) {
		t4.cells = append(t4.cells, run.cells...)
		t4.texts = append(t4.texts, run.texts...)
	}
	return t2, t3, t4
}

// tokenRE is one printed number: a sign only on 本年增/减, decimals only
// on money, 元 only on 采购总金额. A number does not start with 0 unless
// it is 0 or a decimal below 1.
var tokenRE = map[string]*regexp.Regexp{
	"":                regexp.MustCompile(`^(0|[1-9][0-9]*)$`),
	"change":          regexp.MustCompile(`^[+-]?(0|[1-9][0-9]*)$`),
	"amount_yuan":     regexp.MustCompile(`^(0|[1-9][0-9]*)(\.[0-9]+)?元?$`),
	"amount_10k_yuan": regexp.MustCompile(`^(0|[1-9][0-9]*)(\.[0-9]+)?$`),
}

func validToken(field, s string) bool {
	re, ok := tokenRE[field]
	if !ok {
		re = tokenRE[""]
	}
	return re.MatchString(s)
}

// splits returns every way to cut the run of cells into one token per
// cell, the padding being certain boundaries: the readings a text without
// separators admits before any arithmetic.
func splits(run dumpRun) [][]string {
	var chunks []string
	for _, f := range strings.FieldsFunc(strings.Join(run.texts, ""), func(r rune) bool { return r == ' ' || r == '\u3000' }) {
		chunks = append(chunks, f)
	}
	var out [][]string
	var cur []string
	var walk func(ci int, rest string)
	walk = func(ci int, rest string) {
		if len(cur) > len(run.cells) {
			return
		}
		if rest == "" {
			if ci == len(chunks) {
				if len(cur) == len(run.cells) {
					out = append(out, append([]string(nil), cur...))
				}
				return
			}
			walk(ci+1, chunks[ci])
			return
		}
		if len(cur) == len(run.cells) {
			return
		}
		field := run.cells[len(cur)].Field
		for i := 1; i <= len(rest); i++ {
			if tok := rest[:i]; validToken(field, tok) {
				cur = append(cur, tok)
				walk(ci, rest[i:])
				cur = cur[:len(cur)-1]
			}
		}
	}
	walk(0, "")
	return out
}

// sumsTo reports whether the first n-1 tokens of each group of n add up
// to the group's last: the row total of table 三, the 总计 of each group of
// table 四.
func sumsTo(toks []string, n int) bool {
	for g := 0; g+n <= len(toks); g += n {
		sum := 0
		for _, t := range toks[g : g+n-1] {
			sum += atoi(t)
		}
		if sum != atoi(toks[g+n-1]) {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// varying returns the paths of the cells whose token differs between
// the readings.
func varying(cells []*Cell, readings [][]string) []string {
	var out []string
	for i, c := range cells {
		for _, s := range readings[1:] {
			if s[i] != readings[0][i] {
				out = append(out, c.Path)
				break
			}
		}
	}
	return out
}

// rowKey is the table 三 row of a run ("granted").
func rowKey(run dumpRun) string { return strings.Split(run.cells[0].Path, ".")[1] }

// tableReadings returns the readings of table 三 that satisfy all its
// arithmetic: the row totals, and per column the balance and the sum of
// the result rows.
func tableReadings(slug string, runs []dumpRun) ([][][]string, error) {
	cands := make([][][]string, len(runs))
	combos := 1
	for i, run := range runs {
		for _, s := range splits(run) {
			if sumsTo(s, 7) {
				cands[i] = append(cands[i], s)
			}
		}
		if len(cands[i]) == 0 {
			return nil, fmt.Errorf("%s: table 三 run %q has no reading", slug, strings.Join(run.texts, ""))
		}
		if combos *= len(cands[i]); combos > 1<<20 {
			return nil, fmt.Errorf("%s: table 三 has too many readings to try", slug)
		}
	}
	var out [][][]string
	pick := make([][]string, len(runs))
	var walk func(i int)
	walk = func(i int) {
		if i < len(runs) {
			for _, c := range cands[i] {
				pick[i] = c
				walk(i + 1)
			}
			return
		}
		for col := 0; col < 7; col++ {
			v := map[string]int{}
			results := 0
			for r, run := range runs {
				k := rowKey(run)
				n := atoi(pick[r][col])
				v[k] = n
				switch k {
				case "new_requests", "carried_over", "total", "carried_forward":
				default:
					results += n
				}
			}
			if v["new_requests"]+v["carried_over"] != v["total"]+v["carried_forward"] || results != v["total"] {
				return
			}
		}
		out = append(out, append([][]string(nil), pick...))
	}
	walk(0)
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no reading of table 三 satisfies its arithmetic", slug)
	}
	return out, nil
}

// DumpUndeterminable returns the cells of r's dump whose reading the
// document cannot decide: a cell whose value differs between the readings
// of its run that satisfy the arithmetic the template has for it. Table 二
// has none, so any run of it with several splits is undeterminable; table
// 三 has its row totals, balance and results; table 四 its three totals.
func DumpUndeterminable(r *Report, st Style, o DumpOptions) ([]string, error) {
	t2, t3, t4 := dumpRuns(r, st, o)
	var out []string
	for _, run := range t2 {
		all := splits(run)
		if len(all) == 0 {
			return nil, fmt.Errorf("%s: table 二 run %q has no reading", r.Slug, strings.Join(run.texts, ""))
		}
		out = append(out, varying(run.cells, all)...)
	}
	tabs, err := tableReadings(r.Slug, t3)
	if err != nil {
		return nil, err
	}
	for i, run := range t3 {
		var rs [][]string
		for _, t := range tabs {
			rs = append(rs, t[i])
		}
		out = append(out, varying(run.cells, rs)...)
	}
	var four [][]string
	for _, s := range splits(t4) {
		if sumsTo(s, 5) {
			four = append(four, s)
		}
	}
	if len(four) == 0 {
		return nil, fmt.Errorf("%s: table 四 run %q has no reading", r.Slug, strings.Join(t4.texts, ""))
	}
	out = append(out, varying(t4.cells, four)...)
	return out, nil
}
