package recognize

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazy"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/rowlabel"
	"github.com/govreport/govreport/parser/textnorm"
)

// discResult is what was found of table 二.
type discResult struct {
	gen model.Generation
}

// disclosureRowKey maps a table 二 row label to its key.
func disclosureRowKey(core string) string {
	core = core[numberingLen(core):]
	switch {
	case strings.HasPrefix(core, "规章"):
		return "rules"
	case strings.HasPrefix(core, "行政规范性文件"), strings.HasPrefix(core, "规范性文件"):
		return "normative_documents"
	case strings.HasPrefix(core, "行政许可"):
		return "licensing"
	case strings.Contains(core, "对外管理服务"):
		return "other_services"
	case strings.HasPrefix(core, "行政处罚"):
		return "punishment"
	case strings.HasPrefix(core, "行政强制"):
		return "coercion"
	case strings.HasPrefix(core, "行政事业性收费"):
		return "fees"
	case strings.Contains(core, "集中采购"):
		return "procurement"
	}
	return ""
}

// headerGeneration tells which generation a table 二 header line belongs
// to, or "".
func headerGeneration(t string) model.Generation {
	// One pass over t instead of fourteen searches: every word opens with
	// a three-byte character, so only those places are tried; a 2019 word
	// anywhere decides, as the first case of a switch over the two lists did.
	gen := model.Generation("")
	for i := 0; i+3 <= len(t); i++ {
		if t[i] < 0xE0 || !headerWordEnd[t[i+2]] {
			continue
		}
		switch t[i : i+3] {
		case "新", "公", "上", "增", "采", "制", "废", "度", "现", "收", "处":
		default:
			continue
		}
		for _, w := range headerWords {
			if strings.HasPrefix(t[i:], w.word) {
				if w.gen == model.Gen2019 {
					return model.Gen2019
				}
				gen = w.gen
			}
		}
	}
	return gen
}

// headerWordEnd marks the last bytes of the characters that open
// headerWords (新公上增采制废度现收处): most characters of a line end in
// another, and are passed over without comparing them whole.
var headerWordEnd = [256]bool{0xB0: true, 0xAC: true, 0x8A: true, 0x9E: true, 0x87: true, 0xB6: true, 0x9F: true, 0xA6: true, 0x84: true}

// headerWords are the header words of table 二 that tell its generation.
var headerWords = []struct {
	word string
	gen  model.Generation
}{
	{"新制作", model.Gen2019}, {"新公开", model.Gen2019}, {"公开总数", model.Gen2019}, {"上一年", model.Gen2019},
	{"增/减", model.Gen2019}, {"增减", model.Gen2019}, {"采购项目", model.Gen2019}, {"采购总金额", model.Gen2019},
	{"制发", model.Gen2021}, {"废止", model.Gen2021}, {"度止", model.Gen2021}, {"现行有效", model.Gen2021},
	{"收费金额", model.Gen2021}, {"处理决定", model.Gen2021},
}

// disclosureField maps a header cell of table 二 to its field key.
func disclosureField(t string, g model.Generation) string {
	switch {
	case g == model.Gen2021 && strings.Contains(t, "制发"):
		return "issued"
	case g == model.Gen2021 && (strings.Contains(t, "废止") || strings.Contains(t, "度止")):
		return "repealed"
	case g == model.Gen2021 && strings.Contains(t, "现行有效"):
		return "in_force"
	case strings.Contains(t, "收费金额"):
		return "amount_10k_yuan"
	case strings.Contains(t, "新制作"):
		return "new_made"
	case strings.Contains(t, "新公开"):
		return "new_published"
	case strings.Contains(t, "公开总数"):
		return "total_published"
	case strings.Contains(t, "上一年"):
		return "previous_items"
	case strings.Contains(t, "增") && strings.Contains(t, "减"):
		return "change"
	case strings.Contains(t, "处理决定"):
		return "decisions"
	case strings.Contains(t, "采购项目"):
		return "projects"
	case strings.Contains(t, "采购") && strings.Contains(t, "金额"):
		return "amount_yuan"
	}
	return ""
}

// readDisclosure finds table 二 and fills report.ActiveDisclosure.
func (st *state) readDisclosure() *discResult {
	from, to := st.region(secActive)
	if res := st.scanDisclosure(from, to); res != nil || from == to {
		if res != nil {
			return res
		}
	}
	// The heading found may be a narrative one (三、主动公开工作情况) far
	// from the table: look for the table by its 第二十条 captions instead.
	return st.scanDisclosure(0, 0)
}

func (st *state) scanDisclosure(from, to int) *discResult {
	if from == to {
		from, to = 0, len(st.lines)
		if i := st.firstLineWith("第二十条"); i >= 0 {
			from = i
		}
		if st.report.Applications != nil && st.sections[secRequests] > from {
			to = st.sections[secRequests]
		}
	}
	type rowFound struct {
		key    string
		fields []string // header fields in force for the row
		hdrGen model.Generation
		unit   string // unit printed in the header, for amounts
		vals   []piece
		num    int
		line   *layout.Line
		blank  bool
		hdrX   map[string][2]float64
	}
	var rows []rowFound
	var fields []string
	var hdrGen model.Generation
	hdrUnit := ""
	hdrPositioned := false
	hdrX := map[string][2]float64{} // header extents, for positioned layouts
	headerOpen := false             // the last lines were a header's column names
	gens := map[model.Generation]int{}
	for i := from; i < to; i++ {
		l := &st.lines[i]
		li := st.info(i)
		ps, label, vals := li.ps, li.label, li.vals // read only; a row keeps gather's vals
		if strings.HasPrefix(label, "信息内容") && len(vals) == 0 && headerGeneration(label) == "" {
			// A header whose column names follow on their own lines.
			fields, headerOpen = nil, true
			continue
		}
		g := headerGeneration(label)
		if headerOpen && hdrGen != "" && g != "" && disclosureField(label, hdrGen) != "" {
			// 处理决定数量 alone reads as 2021; under 上一年项目数量 it is 2019.
			g = hdrGen
		}
		if g != "" && !hasNumbers(vals) {
			var fs []string
			if headerOpen && g == hdrGen {
				fs = fields // one column name per line: keep collecting
			} else {
				hdrUnit = ""
				hdrX = map[string][2]float64{}
			}
			for pi := range ps {
				p := &ps[pi]
				if p.isVal || p.copy {
					continue
				}
				t := li.foldedLabel(p)
				f := disclosureField(t, g)
				if f == "" {
					f = nearDisclosureField(t, g, fs)
				}
				if f != "" {
					fs = append(fs, f)
					if p.hasX {
						hdrX[f] = [2]float64{p.x0, p.x1}
					}
					if strings.Contains(t, "万元") {
						hdrUnit = "万元"
					}
				}
			}
			if len(fs) > 0 {
				if !headerOpen || hdrGen != g {
					gens[g]++
				}
				fields, hdrGen = fs, g
				hdrPositioned = positioned(l)
				headerOpen = true
			}
			continue
		}
		headerOpen = false
		key := disclosureRowKey(label)
		start := i
		if key == "" && label != "" && utf8.RuneCountInString(label) <= 20 {
			key, i = st.joinLabel(i, to, func(_ int, s string) string { return disclosureRowKey(s) }, 0)
		}
		if key == "" && hasNumbers(vals) && utf8.RuneCountInString(label) <= 20 {
			// A misprinted label: the row its place expects, if the
			// words agree.
			if key = nearDisclosureRow(label, hdrGen, lastKey(len(rows), func(i int) string { return rows[i].key })); key != "" {
				st.report.Warn("label_approximate", "active_disclosure."+key, fmt.Sprintf("line %d: label %q matched row %s by its place and most of its words", l.Num, label, key))
			}
		}
		if key == "" || utf8.RuneCountInString(label) > 40 {
			continue
		}
		want := len(fields)
		if want == 0 {
			want = 3
		}
		rl := st.gather(start, i, to, want, func(_ int, s string) bool { return disclosureRowKey(s) != "" || headerGeneration(s) != "" }, "")
		vals, i, l = rl.vals, rl.end, rl.line
		blankRow := false
		if len(vals) == 0 {
			// Nothing after the label: a row of blanks in a positioned
			// layout under a header; elsewhere nothing can be told.
			if !positioned(l) || !hdrPositioned || len(fields) == 0 || digitsBesideLabel(st.info(i).ps) {
				continue
			}
			blankRow = true
		}
		rows = append(rows, rowFound{key: key, fields: fields, hdrGen: hdrGen, unit: hdrUnit, vals: vals, num: l.Num, line: l, blank: blankRow, hdrX: hdrX})
	}
	if len(rows) == 0 {
		return nil
	}
	gen := model.Gen2021
	has := map[string]bool{}
	for _, r := range rows {
		has[r.key] = true
	}
	switch {
	case gens[model.Gen2019] > gens[model.Gen2021]:
		gen = model.Gen2019
	case gens[model.Gen2021] > 0:
	case has["other_services"] || has["procurement"]:
		gen = model.Gen2019
	default:
		if st.report.Applications != nil && st.report.Templates.Applications != "" {
			gen = st.report.Templates.Applications
		}
		st.report.Warn("template_undetermined", "active_disclosure", "table 二 has no header naming its columns; generation "+string(gen)+" assumed")
	}
	st.report.Templates.ActiveDisclosure = gen
	defs := model.DisclosureRows(gen)
	var keys []string
	fieldsOf := map[string][]string{}
	for _, d := range defs {
		keys = append(keys, d.Key)
		for _, f := range d.Fields {
			fieldsOf[d.Key] = append(fieldsOf[d.Key], f.Key)
		}
	}
	t := model.NewTable(keys, func(r string) []string { return fieldsOf[r] })
	st.report.ActiveDisclosure = t
	seen := map[string]bool{}
	keyOf := map[int]string{} // line number → row read there, for merged cells
	for _, r := range rows {
		if fieldsOf[r.key] != nil {
			keyOf[r.num] = r.key
		}
	}
	for _, r := range rows {
		want := fieldsOf[r.key]
		if want == nil || seen[r.key] {
			continue
		}
		fs := r.fields
		if r.hdrGen != gen || !sameSet(fs, want) {
			fs = want
		}
		values := bySequence(r.vals, len(fs))
		if h := (&header{keys: fs, x: r.hdrX}); allHaveX(r.vals) && h.completeX() {
			// Blank cells leave no trace in PDF and aligned text: place
			// the numbers under the header they overlap.
			if v := h.byPosition(r.line, r.vals); v != nil {
				values = v
				st.offLineValues(r.line, h, values)
			}
		}
		if r.blank {
			values = blankValues(r.line, len(fs))
			for _, v := range values {
				v.absent = true
			}
			st.offLineValues(r.line, &header{keys: fs, x: r.hdrX}, values)
		}
		seen[r.key] = true
		if values == nil {
			st.report.Warn("unreadable_row", "active_disclosure."+r.key,
				fmt.Sprintf("line %d: %d cells where %d are expected; the row's values are left null", r.num, len(r.vals), len(fs)))
			continue
		}
		for i, f := range fs {
			v := *values[i]
			path := "active_disclosure." + r.key + "." + f
			if v.unknown {
				st.report.Warn("value_off_line", path, fmt.Sprintf("line %d: a number printed between this row and the next sits under this column; which row it belongs to cannot be told, so the cell is null", r.num))
				continue
			}
			if lost(&v) {
				st.report.Warn("empty_cell_unknown", path, "the cell is empty in a converted table, which may have lost its value; left null")
				continue
			}
			if !st.spanRead(path, &v, keyOf) {
				continue
			}
			n, ok := st.amount(path, f, v, r.unit)
			if !ok {
				continue
			}
			t.Set(r.key, f, n)
			st.provenance(path, v)
		}
	}
	for _, k := range keys {
		if !seen[k] {
			st.report.Warn("row_missing", "active_disclosure."+k, "row "+k+" of table 二 was not found; its values are null")
		}
	}
	return &discResult{gen: gen}
}

// amount converts money to the unit of the field and refuses negative
// counts; only 本年增/减 is signed.
func (st *state) amount(path, field string, v value, hdrUnit string) (float64, bool) {
	n := v.num
	switch field {
	case "amount_yuan":
		switch {
		case v.unit == unit10kYuan || (v.unit == noUnit && hdrUnit == "万元"):
			n *= 10000
		case v.unit == noUnit && v.kind == number && n != 0:
			st.report.Warn("unit_assumed", path, "采购总金额 printed without a unit; read as 元")
		}
	case "amount_10k_yuan":
		if v.unit == unitYuan {
			n /= 10000
		}
	case "change":
	default:
		if n < 0 {
			st.report.Warn("negative_count", path, fmt.Sprintf("a count printed as %s; left null", v.cell.Raw))
			return 0, false
		}
	}
	return n, true
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}

func lastKey(n int, key func(int) string) string {
	if n == 0 {
		return ""
	}
	return key(n - 1)
}

// nearDisclosureRow returns the table 二 row that a label no phrase
// recognises stands for: one of the two rows the template has next after
// the row read before it (after), whose label is clearly the closest of
// the generation's. Labels that share only their frame (行政处罚,
// 行政强制) stay apart.
func nearDisclosureRow(label string, g model.Generation, after string) string {
	_, core := rowlabel.Numbering(label)
	gens := []model.Generation{g}
	if g == "" {
		gens = []model.Generation{model.Gen2021, model.Gen2019}
	}
	for _, gen := range gens {
		defs := model.DisclosureRows(gen)
		k := rowlabel.Near(core, disclosureNames().rows[gen], rowlabel.MinPlaced, 0.2)
		if k == "" {
			continue
		}
		from := 0
		for i, d := range defs {
			if d.Key == after {
				from = i + 1
			}
		}
		for i := from; i < len(defs) && i < from+2; i++ {
			if defs[i].Key == k {
				return k
			}
		}
	}
	return ""
}

// nearDisclosureField returns the header field that a misprinted column
// name (先行有效件数) stands for: the closest of the generation's names,
// clearly, and in its place — the first column of a row's header, or the
// one after the column read before it (fs).
// disclosureNames are table 二's row and field labels in comparison form,
// by generation, built once: they were folded again for every label
// compared. (Near only reads them.)
var disclosureNamesV lazy.Value[*labelNames]

func disclosureNames() *labelNames { return disclosureNamesV.Get(buildDisclosureNames) }

func buildDisclosureNames() *labelNames {
	n := &labelNames{rows: map[model.Generation]map[string]string{}, fields: map[model.Generation]map[string]string{}}
	for _, g := range []model.Generation{model.Gen2021, model.Gen2019} {
		defs := model.DisclosureRows(g)
		rows, fields := map[string]string{}, map[string]string{}
		for _, d := range defs {
			rows[d.Key] = textnorm.Label(d.Label)
			for _, f := range d.Fields {
				fields[f.Key] = textnorm.Label(f.Label)
			}
		}
		n.rows[g], n.fields[g] = rows, fields
	}
	return n
}

// labelNames are labels by generation and key (disclosureNames).
type labelNames struct {
	rows, fields map[model.Generation]map[string]string
}

func nearDisclosureField(t string, g model.Generation, fs []string) string {
	if g == "" || utf8.RuneCountInString(t) < 4 {
		return ""
	}
	k := rowlabel.Near(t, disclosureNames().fields[g], rowlabel.MinPlaced, 0.2)
	if k == "" {
		return ""
	}
	for _, d := range model.DisclosureRows(g) {
		for i, f := range d.Fields {
			if f.Key != k {
				continue
			}
			if len(fs) == 0 && i == 0 || len(fs) > 0 && i > 0 && d.Fields[i-1].Key == fs[len(fs)-1] {
				return k
			}
		}
	}
	return ""
}
