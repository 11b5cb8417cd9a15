package model

import (
	"math"
	"strings"

	"github.com/govreport/govreport/internal/lazy"
)

// ValueKind says what a table cell holds, and so its type in every output.
type ValueKind string

const (
	// Count is a non-negative whole number (requests, cases, documents).
	Count ValueKind = "count"
	// SignedCount is a whole number that may be negative (2019 table 二's 本年增/减).
	SignedCount ValueKind = "signed_count"
	// Amount is money, a decimal in the unit its Field names.
	Amount ValueKind = "amount"
)

// MaxCount is the largest count kept: every whole number up to it is exact
// in a float64 and in any JSON reader (2^53 − 1). A larger printed count
// cannot be held without rounding, so it is null with a warning.
const MaxCount = 1<<53 - 1

// ValidValue reports whether v is a value of kind k: counts whole, not
// beyond MaxCount, and non-negative unless signed.
func ValidValue(k ValueKind, v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	switch k {
	case Count:
		return v >= 0 && v <= MaxCount && v == math.Trunc(v)
	case SignedCount:
		return math.Abs(v) <= MaxCount && v == math.Trunc(v)
	}
	return math.Abs(v) <= MaxCount
}

// Field is one cell of the template: a value of the JSON contract's tables
// and a column of the flat outputs.
type Field struct {
	Path  string // table.row.col, as in provenance
	Table string // active_disclosure, applications, review_litigation
	Row   string
	Col   string
	Kind  ValueKind
	Unit  string // 元 or 万元 for amounts; "" for counts
	// Gens are the generations whose template has the cell.
	Gens []Generation
	// Labels are the template's printed labels, per generation that has
	// the cell.
	Labels map[Generation]FieldLabel
}

// FieldLabel is how the template prints a cell's row and column.
type FieldLabel struct {
	Group string // the row's group label (（三）不予公开), if any
	Row   string
	Col   string
}

// Fields returns every table cell of both generations in the order of the
// flat outputs: table 二 (the 2021 rows and fields, then the 2019 ones not
// already listed), table 三 (every row of both generations in template
// order, each with its seven columns), table 四 (three groups of five).
func Fields() []Field { return append([]Field(nil), catalogue().fields...) }

// FieldByPath returns the field at path and whether there is one.
func FieldByPath(path string) (Field, bool) {
	c := catalogue()
	i, ok := c.index[path]
	if !ok {
		return Field{}, false
	}
	return c.fields[i], true
}

// KindOf returns the kind of the value at path; Count for a path the
// catalogue does not list.
func KindOf(path string) ValueKind {
	if k, ok := nonCounts()[path]; ok {
		return k
	}
	return Count
}

// nonCounts are the kinds of the cells that are not counts (table 二's
// changes and amounts), all that KindOf needs: the recognizer asks for
// every value of every parse, and building the whole catalogue (a label
// map per cell) for that was ~1 ms of a process's first parse.
var nonCountsV lazy.Value[map[string]ValueKind]

func nonCounts() map[string]ValueKind { return nonCountsV.Get(buildNonCounts) }

func buildNonCounts() map[string]ValueKind {
	m := map[string]ValueKind{}
	for _, g := range []Generation{Gen2021, Gen2019} {
		for _, r := range DisclosureRows(g) {
			for _, c := range r.Fields {
				if k := disclosureKind(c.Key); k != Count {
					m["active_disclosure."+r.Key+"."+c.Key] = k
				}
			}
		}
	}
	return m
}

// disclosureKind is the kind of table 二's column key.
func disclosureKind(col string) ValueKind {
	switch col {
	case "change":
		return SignedCount
	case "amount_10k_yuan", "amount_yuan":
		return Amount
	}
	return Count
}

// catalogue is built on first use, not at start-up.
var catalogueV lazy.Value[fieldCatalogue]

func catalogue() fieldCatalogue { return catalogueV.Get(buildCatalogue) }

func buildCatalogue() fieldCatalogue {
	f, i := buildFields()
	return fieldCatalogue{f, i}
}

type fieldCatalogue struct {
	fields []Field
	index  map[string]int
}

func buildFields() ([]Field, map[string]int) {
	var out []Field
	idx := map[string]int{}
	add := func(f Field, g Generation, l FieldLabel) {
		f.Path = f.Table + "." + f.Row + "." + f.Col
		if i, ok := idx[f.Path]; ok {
			out[i].Gens = append(out[i].Gens, g)
			out[i].Labels[g] = l
			return
		}
		f.Gens = []Generation{g}
		f.Labels = map[Generation]FieldLabel{g: l}
		idx[f.Path] = len(out)
		out = append(out, f)
	}
	for _, g := range []Generation{Gen2021, Gen2019} {
		for _, r := range DisclosureRows(g) {
			for _, c := range r.Fields {
				f := Field{Table: "active_disclosure", Row: r.Key, Col: c.Key, Kind: disclosureKind(c.Key)}
				switch c.Key {
				case "amount_10k_yuan":
					f.Unit = "万元"
				case "amount_yuan":
					f.Unit = "元"
				}
				add(f, g, FieldLabel{Row: r.Label, Col: c.Label})
			}
		}
	}
	for _, r := range ApplicationRows {
		for _, c := range ApplicationColumns {
			for _, g := range []Generation{Gen2019, Gen2021} {
				if r.In(g) {
					add(Field{Table: "applications", Row: r.Key, Col: c.Key, Kind: Count}, g, FieldLabel{Group: r.Group, Row: r.Label, Col: c.Label})
				}
			}
		}
	}
	for _, grp := range ReviewGroups {
		for _, o := range ReviewOutcomes {
			for _, g := range []Generation{Gen2019, Gen2021} {
				add(Field{Table: "review_litigation", Row: grp.Key, Col: o.Key, Kind: Count}, g, FieldLabel{Row: grp.Label, Col: o.Label})
			}
		}
	}
	return out, idx
}

// TableNumeral is the template's numeral of a table (二, 三, 四).
func TableNumeral(table string) string {
	switch table {
	case "active_disclosure":
		return "二"
	case "applications":
		return "三"
	case "review_litigation":
		return "四"
	}
	return ""
}

// In reports whether generation g's template has the field.
func (f Field) In(g Generation) bool {
	for _, x := range f.Gens {
		if x == g {
			return true
		}
	}
	return false
}

// GensText is the generations as a word: "2019", "2021" or "2019 2021".
func (f Field) GensText() string {
	var s []string
	for _, g := range []Generation{Gen2019, Gen2021} {
		if f.In(g) {
			s = append(s, string(g))
		}
	}
	return strings.Join(s, " ")
}
