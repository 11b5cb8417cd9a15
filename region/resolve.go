package region

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/model"
)

// Clues are the parts of a document that may name its division.
type Clues struct {
	Agency string // the issuing body (淮安市洪泽区人民政府)
	Title  string // the title, used for the agency when Agency is empty
	Text   string // everything else the document says
	// textOf, when set, gives Text on first need: most agencies settle
	// the division without it, and building a document's whole text
	// was a good part of the resolution.
	textOf func() string
}

// text returns c.Text, building it on first need.
func (c *Clues) text() string {
	if c.textOf != nil {
		c.Text, c.textOf = c.textOf(), nil
	}
	return c.Text
}

// Confidence levels, documented in docs/SCHEMA.md.
const (
	ConfChain   = 1.0  // the agency names the division and a province or city above it, consistently
	ConfUnique  = 0.95 // the agency names a division whose name is unique
	ConfText    = 0.8  // a shared name settled by a province or city named in the title or text
	ConfShort   = 0.6  // the agency names the division without its suffix (平潭综合实验区 → 平潭县)
	ConfTownish = 0.5  // a township's county, from the only county the text names
)

// zoneWords may follow a short division name in an agency's name:
// 平潭综合实验区 is 平潭县's administration.
var zoneWords = []string{"综合实验区", "经济技术开发区", "高新技术产业开发区", "经济开发区", "开发区", "高新区", "新区", "管委会", "管理委员会", "人民政府"}

// segment is one division name read at the start of the agency.
type segment struct {
	name  string
	cands []*Div
	short bool
}

// chain reads the division names that open s (江苏省淮安市洪泽区…) and
// returns them with the rest of s.
func chain(t *table, s string) ([]segment, string) {
	var segs []segment
	for s != "" {
		name, cands := longestPrefix(t.byName, t.maxLen, s)
		if cands == nil {
			break
		}
		segs = append(segs, segment{name: name, cands: cands})
		s = s[len(name):]
	}
	if name, cands := longestPrefix(t.byShort, t.maxLen, s); cands != nil {
		rest := s[len(name):]
		for _, z := range zoneWords {
			if strings.HasPrefix(rest, z) {
				segs = append(segs, segment{name: name, cands: cands, short: true})
				s = rest
				break
			}
		}
	}
	return segs, s
}

// longestPrefix returns the longest name of m (at least two characters)
// that s starts with.
func longestPrefix(m *names, maxLen int, s string) (string, []*Div) {
	ends := []int{}
	n := 0
	for i := range s {
		if n >= 2 {
			ends = append(ends, i)
		}
		n++
		if n > maxLen {
			break
		}
	}
	if n >= 2 && n <= maxLen {
		ends = append(ends, len(s))
	}
	for i := len(ends) - 1; i >= 0; i-- {
		if ds := m.get(s[:ends[i]]); ds != nil {
			return s[:ends[i]], ds
		}
	}
	return "", nil
}

// narrow keeps the candidates of the last segment that lie inside a
// candidate of every earlier segment.
func narrow(segs []segment) []*Div {
	cur := segs[0].cands
	for _, sg := range segs[1:] {
		var next []*Div
		for _, c := range sg.cands {
			for _, p := range cur {
				if c.within(p) && c != p {
					next = append(next, c)
					break
				}
			}
		}
		cur = next
	}
	return cur
}

// mentions counts how often the text names each province (full or short
// name) and each city (full name), in one pass over the text: a report is
// tens of kilobytes and there are hundreds of names.
func mentions(t *table, text string) map[*Div]int {
	m := map[*Div]int{}
	idx := t.mentionIndex()
	for i := 0; i < len(text); {
		r1, n1 := utf8.DecodeRuneInString(text[i:])
		if r1 >= 0x4e00 && i+n1 < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[i+n1:])
			for _, e := range idx[[2]rune{r1, r2}] {
				if strings.HasPrefix(text[i:], e.name) {
					m[e.div]++
				}
			}
		}
		i += n1
	}
	return m
}

// mentionEntry is one name that mentions counts.
type mentionEntry struct {
	name string
	div  *Div
}

var (
	mentionOnce sync.Once
	mentionIdx  map[[2]rune][]mentionEntry
	mentionOf   map[*Div][]string // the names counted for each division
)

// countedNames returns the names mentions counts for d: those it can
// find (two characters or more, from U+4E00 on).
func (t *table) countedNames(d *Div) []string {
	t.mentionIndex()
	return mentionOf[d]
}

// mentionIndex maps the first two characters of every counted name to the
// names that start with them.
func (t *table) mentionIndex() map[[2]rune][]mentionEntry {
	mentionOnce.Do(func() {
		mentionIdx = map[[2]rune][]mentionEntry{}
		mentionOf = map[*Div][]string{}
		add := func(name string, d *Div) {
			rs := []rune(name)
			if len(rs) < 2 {
				return
			}
			k := [2]rune{rs[0], rs[1]}
			mentionIdx[k] = append(mentionIdx[k], mentionEntry{name, d})
			if rs[0] >= 0x4e00 {
				mentionOf[d] = append(mentionOf[d], name)
			}
		}
		for i := range t.provs {
			p := &t.provs[i]
			if s := shortName(p); s != "" {
				add(s, p) // counts the full names too
			} else {
				add(p.Name, p)
			}
		}
		for i := range t.cities {
			c := &t.cities[i]
			add(c.Name, c)
		}
	})
	return mentionIdx
}

// named reports whether the text names a province or city that d lies
// in: support(d, mentions(t, text)) > 0, without counting every name.
func named(t *table, d *Div, text string) bool {
	var want []*Div
	want = append(want, d.Prov)
	if c := d.City(); c != nil && c != d {
		want = append(want, c)
	}
	for _, w := range want {
		for _, name := range t.countedNames(w) {
			if strings.Contains(text, name) {
				return true
			}
		}
	}
	return false
}

// support is how many times the text names a province or city that d
// lies in.
func support(d *Div, m map[*Div]int) int {
	n := m[d.Prov]
	if c := d.City(); c != nil && c != d {
		n += m[c]
	}
	return n
}

var yearRe = lazyre.New(`(19|20)\d\d|政府信息公开`)

// subject is the agency, or the part of the title before the year.
func subject(c Clues) string {
	s := strings.TrimSpace(c.Agency)
	if s == "" {
		s = c.Title
		if loc := yearRe.FindStringIndex(s); loc != nil {
			s = s[:loc[0]]
		}
	}
	return strings.Join(strings.Fields(s), "")
}

// Resolve identifies the division and the kind of agency.
func Resolve(c Clues) *model.Region {
	t := load()
	reg := &model.Region{Candidates: []model.Division{}, AgencyKind: "unknown"}
	subj := subject(c)
	segs, rest := chain(t, subj)
	kind, dept := classify(rest, len(segs) > 0)
	reg.AgencyKind = kind
	if dept != "" {
		reg.Department = &dept
	}
	var cands []*Div
	var basis []string
	conf := 0.0
	// text is everything the document says, built on first need.
	var all string
	text := func() string {
		if all == "" {
			all = c.Title + "\n" + c.Agency + "\n" + c.text()
		}
		return all
	}
	if len(segs) > 0 {
		cands = narrow(segs)
		var names []string
		for _, s := range segs {
			names = append(names, s.name)
		}
		basis = append(basis, "agency names "+strings.Join(names, " "))
		last := segs[len(segs)-1]
		switch {
		case last.short:
			conf = ConfShort
			basis = append(basis, fmt.Sprintf("%s read as the short form of a division name", last.name))
		case len(segs) > 1:
			conf = ConfChain
		default:
			conf = ConfUnique
		}
		if len(cands) == 0 {
			basis = append(basis, "the names do not nest")
		}
	} else if kind == "township" {
		// A township names no county; the text may name one.
		seen := map[string]bool{}
		for _, name := range countiesNamed(t, c.Title+"\n"+c.text()) {
			if !seen[name] {
				seen[name] = true
				cands = append(cands, t.byName.get(name)...)
			}
		}
		if len(seen) > 1 {
			cands = nil // several counties named: no way to tell
			basis = append(basis, "a township; the text names several counties")
		} else if len(seen) == 1 {
			conf = ConfTownish
			basis = append(basis, "a township; the text names one county")
		}
	}
	if len(segs) == 0 && len(cands) == 0 && len(basis) == 0 {
		basis = append(basis, "no division name in the agency or title")
	}
	if len(cands) > 1 {
		m := mentions(t, text())
		var best []*Div
		for _, d := range cands {
			if support(d, m) > 0 {
				best = append(best, d)
			}
		}
		if len(best) == 1 {
			cands = best
			if conf > ConfText {
				conf = ConfText
			}
			basis = append(basis, "the document names "+above(best[0], m))
		} else {
			if len(best) > 1 {
				cands = best // narrowed, still ambiguous
			}
			basis = append(basis, fmt.Sprintf("%d divisions share the name and the document does not tell them apart", len(cands)))
		}
	}
	if len(cands) == 1 {
		d := cands[0]
		code := d.Code
		reg.Code = &code
		reg.Province = &d.Prov.Name
		if ct := d.City(); ct != nil {
			reg.City = &ct.Name
		}
		if d.Level == County {
			reg.County = &d.Name
		}
		if conf == ConfUnique && d.Level != Province {
			// The name is unique; the document naming the province or
			// city too makes it certain.
			if named(t, d, text()) {
				conf = ConfChain
			}
		}
		reg.Confidence = conf
	} else {
		for _, d := range cands {
			reg.Candidates = append(reg.Candidates, d.Division())
		}
	}
	reg.Basis = strings.Join(basis, "; ")
	return reg
}

// above names the province or city of d that the document mentions.
func above(d *Div, m map[*Div]int) string {
	var names []string
	if m[d.Prov] > 0 {
		names = append(names, d.Prov.Name)
	}
	if c := d.City(); c != nil && c != d && m[c] > 0 {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

var (
	genericRe = lazyre.New(`^\p{Han}{1,8}?(?:省|市|区|县|旗)`)
	// zoneRe is what isZone tells; the test holds the two together.
	zoneRe = lazyre.New(`(?:综合实验区|开发区|高新区|新区|试验区)$`)
)

// isZone is zoneRe by hand: the name ends in a zone's word.
func isZone(s string) bool {
	for _, z := range [...]string{"综合实验区", "开发区", "高新区", "新区", "试验区"} {
		if strings.HasSuffix(s, z) {
			return true
		}
	}
	return false
}

// isTown is ^\p{Han}{1,8}(?:镇|乡|街道)$ (高良涧街道, 黄集镇): a township's
// name. Plain code, as the pattern was compiled in every parse.
func isTown(s string) bool {
	p, ok := strings.CutSuffix(s, "街道")
	if !ok {
		if p, ok = strings.CutSuffix(s, "镇"); !ok {
			if p, ok = strings.CutSuffix(s, "乡"); !ok {
				return false
			}
		}
	}
	n := 0
	for _, r := range p {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 8
}

// governments are the names of a division's government, longest first.
var governments = []string{"街道办事处", "党工委管委会", "管理委员会", "人民政府", "行政公署", "办事处", "管委会", "政府"}

// classify tells the kind of agency from its name after the division
// names (rest), and the department or township it names.
func classify(rest string, hasDiv bool) (kind, dept string) {
	office := false
	for _, s := range []string{"办公室", "办公厅", "政府办"} {
		if r, ok := strings.CutSuffix(rest, s); ok {
			rest, office = r, true
			if s == "政府办" {
				rest += "政府"
			}
			break
		}
	}
	gov := func() (string, string) {
		if office {
			return "general_office", ""
		}
		return "government", ""
	}
	for _, g := range governments {
		if place, ok := strings.CutSuffix(rest, g); ok {
			if isTown(place) {
				return "township", place
			}
			if g == "街道办事处" {
				return "township", place + "街道"
			}
			return gov()
		}
	}
	if rest == "" && hasDiv || isZone(rest) {
		return gov()
	}
	if isTown(rest) {
		return "township", rest
	}
	if !hasDiv {
		if e := genericEnd(rest); e >= 0 && e < len(rest) {
			rest = rest[e:]
		}
	}
	if rest == "" {
		return "unknown", ""
	}
	return "department", rest
}

// genericEnd is genericRe.FindStringIndex(s)[1], or -1: one to eight Han
// characters, the fewest, then 省, 市, 区, 县 or 旗. (By hand: the \p{Han}
// program is large, and a one-file process compiled it for one name.)
func genericEnd(s string) int {
	i := 0
	for n := 1; n <= 8; n++ {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r < 0x2E80 || !unicode.Is(unicode.Han, r) {
			return -1
		}
		i += w
		if r, w := utf8.DecodeRuneInString(s[i:]); strings.ContainsRune("省市区县旗", r) {
			return i + w
		}
	}
	return -1
}

// Candidates returns the divisions of a name sorted by code, as the
// contract lists them.
func Candidates(name string) []model.Division {
	ds := append([]*Div(nil), Lookup(name)...)
	sort.Slice(ds, func(i, j int) bool { return ds[i].Code < ds[j].Code })
	out := make([]model.Division, len(ds))
	for i, d := range ds {
		out[i] = d.Division()
	}
	return out
}

var (
	countyOnce sync.Once
	countyIdx  map[[2]rune][]string
)

// countiesNamed returns the county names of three characters or more that
// the text contains, in the order of the table, found in one pass.
func countiesNamed(t *table, text string) []string {
	countyOnce.Do(func() {
		countyIdx = map[[2]rune][]string{}
		seen := map[string]bool{}
		for i := range t.counts {
			d := &t.counts[i]
			rs := []rune(d.Name)
			if len(rs) < 3 || seen[d.Name] {
				continue
			}
			seen[d.Name] = true
			k := [2]rune{rs[0], rs[1]}
			countyIdx[k] = append(countyIdx[k], d.Name)
		}
	})
	found := map[string]bool{}
	for i := 0; i < len(text); {
		r1, n1 := utf8.DecodeRuneInString(text[i:])
		if r1 >= 0x4e00 && i+n1 < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[i+n1:])
			for _, name := range countyIdx[[2]rune{r1, r2}] {
				if strings.HasPrefix(text[i:], name) {
					found[name] = true
				}
			}
		}
		i += n1
	}
	var out []string
	for i := range t.counts {
		d := &t.counts[i]
		if found[d.Name] {
			out = append(out, d.Name)
			delete(found, d.Name)
		}
	}
	return out
}
