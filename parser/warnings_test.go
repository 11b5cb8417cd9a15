package parser

import (
	"strings"
	"testing"
)

// A dump that lost its cell separators is read from its runs of digits
// after the line-by-line reading found no table: the warnings then speak
// of what is still missing (table 二), not of tables 三 and 四, which were
// read.
func TestWarningsOfARunTogetherDumpAreTrue(t *testing.T) {
	r := mustParse(t, "dump.txt", strings.ReplaceAll(tabReport(nil), "\t", ""))
	if _, ok := r.ReviewLitigation.Get("review", "total"); !ok {
		t.Fatal("table 四 not read from the dump")
	}
	if _, ok := r.Applications.Get("granted", "total"); !ok {
		t.Fatal("table 三 not read from the dump")
	}
	for _, w := range r.Warnings {
		switch {
		case w.Code == "tables_missing":
			t.Errorf("tables_missing on a report whose tables 三 and 四 were read")
		case (w.Code == "unreadable_row" || w.Code == "table_missing") && strings.HasPrefix(w.Field, "review_litigation"),
			(w.Code == "unreadable_row" || w.Code == "table_missing") && strings.HasPrefix(w.Field, "applications"):
			t.Errorf("%s %s on a table that was read: %s", w.Code, w.Field, w.Message)
		}
	}
	if !hasWarning(r, "table_missing", "active_disclosure") {
		t.Errorf("nothing says why table 二 is null: %v", r.Warnings)
	}
}

// A cell a converter lost and the arithmetic gives back says so; the
// failed split of its row's digits, which no longer explains anything,
// is not reported, nor is a 总计 read as 0 that was not.
func TestInferredCellIsWarnedOf(t *testing.T) {
	r := mustParse(t, "shredded.md", markdownReport(map[string]bool{"unavailable_not_held": true}))
	if !hasWarning(r, "inferred_from_arithmetic", "applications.carried_forward.total") {
		t.Errorf("no inferred_from_arithmetic warning: %v", r.Warnings)
	}
	for _, w := range r.Warnings {
		if strings.HasPrefix(w.Code, "digitrun_") && w.Field == "applications.carried_forward" {
			t.Errorf("%s on a row whose values are all read", w.Code)
		}
		if w.Code == "blank_total_column" {
			t.Errorf("blank_total_column, but no 总计 was read as 0: %s", w.Message)
		}
	}
}
