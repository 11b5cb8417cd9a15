package model

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// consistentApplications returns a 2021 table 三 whose arithmetic holds:
// 10 new natural-person requests, 2 carried over, 7 granted, 3 not held,
// 2 carried forward.
func consistentApplications() *Table {
	cols := make([]string, len(ApplicationColumns))
	for i, c := range ApplicationColumns {
		cols[i] = c.Key
	}
	var rows []string
	for _, r := range ApplicationRowsFor(Gen2021) {
		rows = append(rows, r.Key)
	}
	t := NewTable(rows, func(string) []string { return cols })
	for _, r := range rows {
		for _, c := range cols {
			t.Set(r, c, 0)
		}
	}
	set := func(r string, v float64) {
		t.Set(r, "natural_person", v)
		t.Set(r, "total", v)
	}
	set("new_requests", 10)
	set("carried_over", 2)
	set("granted", 7)
	set("unavailable_not_held", 3)
	set("total", 10)
	set("carried_forward", 2)
	return t
}

func failed(cs []Check) map[string]Check {
	out := map[string]Check{}
	for _, c := range cs {
		if !c.OK {
			out[c.Rule+"/"+c.Scope] = c
		}
	}
	return out
}

func TestChecksPassOnConsistentTables(t *testing.T) {
	r := &Report{Template: Gen2021, Applications: consistentApplications()}
	cs := RunChecks(r)
	// 7 balance + 7 results + 25 row totals.
	if len(cs) != 39 {
		t.Fatalf("evaluated %d relations, want 39", len(cs))
	}
	if f := failed(cs); len(f) != 0 {
		t.Fatalf("false alarms: %v", f)
	}
}

func TestEachRuleFires(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(a *Table)
		wants []string
	}{
		{"granted count changed in one column", func(a *Table) { a.Set("granted", "natural_person", 8) },
			[]string{"results/natural_person", "row_total/granted"}},
		{"carried forward wrong", func(a *Table) {
			a.Set("carried_forward", "natural_person", 3)
			a.Set("carried_forward", "total", 3)
		}, []string{"balance/natural_person", "balance/total"}},
		{"total column alone wrong", func(a *Table) { a.Set("new_requests", "total", 11) },
			[]string{"balance/total", "row_total/new_requests"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := consistentApplications()
			tc.edit(a)
			f := failed(RunChecks(&Report{Template: Gen2021, Applications: a}))
			if len(f) != len(tc.wants) {
				t.Errorf("failed checks %v, want exactly %v", keys(f), tc.wants)
			}
			for _, w := range tc.wants {
				if _, ok := f[w]; !ok {
					t.Errorf("check %s did not fire; fired: %v", w, keys(f))
				}
			}
		})
	}
}

func TestReviewTotals(t *testing.T) {
	outcomes := []string{"upheld", "corrected", "other", "pending", "total"}
	rl := NewTable([]string{"review", "litigation_direct", "litigation_after_review"}, func(string) []string { return outcomes })
	vals := map[string][]float64{
		"review":                  {5, 0, 0, 2, 7},
		"litigation_direct":       {8, 0, 0, 1, 10}, // printed 10, parts sum to 9
		"litigation_after_review": {0, 0, 0, 0, 0},
	}
	for g, vs := range vals {
		for i, v := range vs {
			rl.Set(g, outcomes[i], v)
		}
	}
	cs := RunChecks(&Report{ReviewLitigation: rl})
	if len(cs) != 3 {
		t.Fatalf("got %d checks, want 3", len(cs))
	}
	f := failed(cs)
	c, ok := f["litigation_direct_total/"]
	if len(f) != 1 || !ok {
		t.Fatalf("failed %v, want only litigation_direct_total", keys(f))
	}
	if c.Expected != 9 || c.Actual != 10 || !strings.Contains(c.Message, "8+0+0+1") {
		t.Errorf("check %+v does not show both sides", c)
	}
}

func TestUnknownValueSkipsItsRelations(t *testing.T) {
	a := consistentApplications()
	a.Cell("granted", "natural_person").Value = nil
	cs := RunChecks(&Report{Template: Gen2021, Applications: a})
	for _, c := range cs {
		if (c.Rule == "results" && c.Scope == "natural_person") || (c.Rule == "row_total" && c.Scope == "granted") {
			t.Errorf("relation %s/%s evaluated with an unknown value", c.Rule, c.Scope)
		}
	}
	if len(cs) != 37 {
		t.Errorf("evaluated %d relations, want 37", len(cs))
	}
}

func TestTableJSONKeepsTemplateOrder(t *testing.T) {
	a := consistentApplications()
	a.Cell("granted", "research_institution").Value = nil
	b, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.HasPrefix(s, `{"new_requests":{"natural_person":10,`) {
		t.Errorf("rows or columns out of template order: %.80s", s)
	}
	if !strings.Contains(s, `"research_institution":null`) {
		t.Errorf("unknown value not written as null")
	}
	var back Table
	if err := back.UnmarshalJSON(b); err != nil {
		t.Fatal(err)
	}
	if v, ok := back.Get("carried_forward", "total"); !ok || v != 2 {
		t.Errorf("round trip lost carried_forward.total: %v %v", v, ok)
	}
	if _, ok := back.Get("granted", "research_institution"); ok {
		t.Errorf("round trip turned null into a number")
	}
}

func keys(m map[string]Check) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestTableSetTakesValuesFromOneBlock: filling a table's cells allocates
// one block for their values, not a float per cell, and a value once
// handed to a cell is never rewritten by a later Set.
func TestTableSetTakesValuesFromOneBlock(t *testing.T) {
	cols := []string{"a", "b", "c", "d", "e", "f", "g"}
	rows := []string{"r1", "r2", "r3", "r4"}
	allocs := testing.AllocsPerRun(20, func() {
		tb := NewTable(rows, func(string) []string { return cols })
		for _, r := range rows {
			for i, c := range cols {
				tb.Set(r, c, float64(i))
			}
		}
	})
	// The table, its rows, its cells, its values: four blocks.
	if allocs > 4 {
		t.Fatalf("%v allocations to fill a table of %d cells", allocs, len(rows)*len(cols))
	}
	tb := NewTable(rows, func(string) []string { return cols })
	tb.Set("r1", "a", 1)
	first := tb.Cell("r1", "a").Value
	tb.Set("r1", "a", 2)
	tb.Set("r2", "b", 3)
	if *first != 1 || *tb.Cell("r1", "a").Value != 2 || *tb.Cell("r2", "b").Value != 3 {
		t.Fatalf("values share slots: %v %v %v", *first, *tb.Cell("r1", "a").Value, *tb.Cell("r2", "b").Value)
	}
	// An append to a row stays in that row.
	r1 := tb.Row("r1")
	r1.Cells = append(r1.Cells, Cell{Key: "extra"})
	if tb.Row("r2").Cells[0].Key != "a" {
		t.Fatal("an append to a row wrote over the next row's cells")
	}
}

// TestCheckMessagesCutFromOneBuffer: every message, the first sixty-four
// cut from the shared buffer and those after written on their own, reads
// as its own check's.
func TestCheckMessagesCutFromOneBuffer(t *testing.T) {
	var rows []string
	for i := 0; i < 80; i++ {
		rows = append(rows, fmt.Sprintf("row%d", i))
	}
	cols := make([]string, len(ApplicationColumns))
	for i, c := range ApplicationColumns {
		cols[i] = c.Key
	}
	tb := NewTable(rows, func(string) []string { return cols })
	for ri, r := range rows {
		for ci, c := range ApplicantColumns {
			tb.Set(r, c.Key, float64(ri+ci))
		}
		tb.Set(r, "total", float64(6*ri+15))
	}
	cs := RunChecks(&Report{Template: Gen2021, Applications: tb})
	if len(cs) != len(rows) {
		t.Fatalf("%d checks for %d rows", len(cs), len(rows))
	}
	for ri, c := range cs {
		var parts []string
		for ci := range ApplicantColumns {
			parts = append(parts, strconv.Itoa(ri+ci))
		}
		want := fmt.Sprintf("six applicant columns (%s = %d) = 总计 (%d) in row row%d", strings.Join(parts, "+"), 6*ri+15, 6*ri+15, ri)
		if c.Message != want || !c.OK || c.Scope != rows[ri] {
			t.Fatalf("check %d: %q (ok %v, scope %s), want %q", ri, c.Message, c.OK, c.Scope, want)
		}
	}
}

// A copy of a table shares its block of values: setting a cell of the
// copy never rewrites a value the original handed out.
func TestTableCopySetsOwnSlots(t *testing.T) {
	tab := NewTable([]string{"a"}, func(string) []string { return []string{"x", "y"} })
	tab.Set("a", "x", 1)
	cp := *tab
	cp.Rows = []Row{{Key: "a", Cells: []Cell{{Key: "x"}, {Key: "y"}}}}
	cp.Set("a", "y", 2)
	tab.Set("a", "y", 3)
	if v := *tab.Cell("a", "x").Value; v != 1 {
		t.Errorf("original's x = %v after the copy was set, want 1", v)
	}
	if v := *cp.Cell("a", "y").Value; v != 2 {
		t.Errorf("copy's y = %v after the original was set, want 2", v)
	}
}
