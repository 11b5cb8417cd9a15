package corpus

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
)

// fieldDir holds real published reports beside the repository; the field
// part of the test skips when it is absent.
const fieldDir = "../../shared/field"

// A warning must never contradict the output it comes with. Each code
// claims something of the values its field names; this test reads every
// corpus and field document and holds every warning to its claim.

// claim is what a warning code says of the field it names.
type claim int

const (
	claimNone       claim = iota // a fact about the container or the reading, not about values
	claimAllNull                 // every value under the field is null (row not found, left null)
	claimSomeNull                // at least one value under the field is null (a fallback reading failed)
	claimKnown                   // the value, or some value under the field, was read
	claimPresent                 // the table the field names was read (its rows may be null)
	claimInferred                // a cell under the field was read and its provenance says inferred
	claimNoTables                // no table holds a value
	claimFromTable2              // table 三 holds nothing, table 二 holds values
	claimAllZero                 // every value of the table is 0
	claimBlankTotal              // a row of table 三 reads 总计 0 beside requests
	claimMetaNull                // the metadata field is null
	claimMetaSet                 // the metadata field is set
)

var claims = map[string]claim{
	// why a value is null
	"unreadable_row":     claimAllNull,
	"row_missing":        claimAllNull,
	"table_missing":      claimAllNull,
	"order_unreliable":   claimAllNull,
	"empty_cell_unknown": claimAllNull,
	"value_off_line":     claimAllNull,
	"negative_count":     claimAllNull,
	"digitrun_ambiguous": claimAllNull,
	"value_spans_rows":   claimAllNull,
	"tables_missing":     claimNoTables,
	// a fallback reading (runs of digits) that failed: something it was
	// needed for is still null
	"digitrun_no_split":             claimSomeNull,
	"digitrun_budget_exceeded":      claimSomeNull,
	"digitrun_missing_row":          claimSomeNull,
	"digitrun_blank_row":            claimSomeNull,
	"digitrun_columns_inconsistent": claimSomeNull,
	// how a value was read
	"unit_assumed":                       claimKnown,
	"digitrun_unit_converted":            claimKnown,
	"row_by_order":                       claimKnown,
	"cells_ran_together":                 claimKnown,
	"inferred_from_arithmetic":           claimInferred,
	"digitrun_row_total_unsatisfiable":   claimNone,
	"digitrun_group_total_unsatisfiable": claimNone,
	"label_approximate":                  claimPresent,
	"duplicate_row":                      claimPresent,
	"extra_row":                          claimPresent,
	"blank_total_column":                 claimPresent,
	"readings_disagree":                  claimPresent,
	"template_undetermined":              claimNone,
	"label_unmatched":                    claimNone,
	"template_from_table_2":              claimFromTable2,
	"blank_table":                        claimAllZero,
	// metadata
	"title_missing":         claimMetaNull,
	"year_missing":          claimMetaNull,
	"agency_missing":        claimMetaNull,
	"agency_expanded":       claimMetaSet,
	"agency_from_text":      claimMetaSet,
	"agency_corrected":      claimMetaSet,
	"agency_from_signature": claimMetaSet,
	// the container
	"encoding": claimNone, "truncated": claimNone, "font_missing": claimNone, "page_tree_rebuilt": claimNone,
	"repaired": claimNone, "stream_damaged": claimNone, "stream_filter_wrong": claimNone,
	"too_many_pages": claimNone, "xobject_depth": claimNone,
}

// valuesUnder returns the values under a field path (a table, a row or a
// cell) and whether the table it names exists.
func valuesUnder(r *model.Report, field string) ([]*float64, bool) {
	parts := strings.SplitN(field, ".", 3)
	var t *model.Table
	switch parts[0] {
	case "active_disclosure":
		t = r.ActiveDisclosure
	case "applications":
		t = r.Applications
	case "review_litigation":
		t = r.ReviewLitigation
	}
	if t == nil {
		return nil, false
	}
	var out []*float64
	for _, row := range t.Rows {
		if len(parts) > 1 && row.Key != parts[1] {
			continue
		}
		for _, c := range row.Cells {
			if len(parts) > 2 && c.Key != parts[2] {
				continue
			}
			out = append(out, c.Value)
		}
	}
	return out, true
}

// inferredUnder reports whether a value at or under field (a row or a
// cell) has provenance marked inferred.
func inferredUnder(r *model.Report, field string) bool {
	for p, pr := range r.Provenance {
		if pr.Inferred && (p == field || strings.HasPrefix(p, field+".")) {
			return true
		}
	}
	return false
}

func countKnown(vs []*float64) int {
	n := 0
	for _, v := range vs {
		if v != nil {
			n++
		}
	}
	return n
}

// contradiction returns why w contradicts r, or "".
func contradiction(r *model.Report, w model.Warning) string {
	c, ok := claims[w.Code]
	if !ok {
		return "a code whose claim is not defined in this test"
	}
	vs, present := valuesUnder(r, w.Field)
	known := countKnown(vs)
	switch c {
	case claimAllNull:
		if known > 0 {
			return fmt.Sprintf("says null, but %d of %d values under %s are read", known, len(vs), w.Field)
		}
	case claimSomeNull:
		if present && len(vs) > 0 && known == len(vs) {
			return "a failed fallback reading of values that are all read"
		}
	case claimKnown:
		if known == 0 {
			return "says a value was read, but nothing under " + w.Field + " is"
		}
	case claimPresent:
		if !present {
			return "the table it speaks of is null"
		}
	case claimInferred:
		if known == 0 || !inferredUnder(r, w.Field) {
			return "says inferred, but the values are null or no provenance under " + w.Field + " is inferred"
		}
	case claimNoTables:
		for _, f := range []string{"active_disclosure", "applications", "review_litigation"} {
			if vs, _ := valuesUnder(r, f); countKnown(vs) > 0 {
				return "says no table was found, but " + f + " holds values"
			}
		}
	case claimFromTable2:
		apps, _ := valuesUnder(r, "applications")
		disc, _ := valuesUnder(r, "active_disclosure")
		if countKnown(apps) > 0 || countKnown(disc) == 0 {
			return "says table 三 was not read and table 二 was"
		}
	case claimAllZero:
		for _, v := range vs {
			if v == nil || *v != 0 {
				return "says every cell of a blank table reads 0"
			}
		}
	case claimBlankTotal:
		for _, row := range r.Applications.Rows {
			sum, total, ok := 0.0, -1.0, false
			for _, c := range row.Cells {
				switch {
				case c.Value == nil:
				case c.Key == "total":
					total, ok = *c.Value, true
				default:
					sum += *c.Value
				}
			}
			if ok && total == 0 && sum != 0 {
				return ""
			}
		}
		return "no row reads 总计 0 beside requests"
	case claimMetaNull, claimMetaSet:
		set := map[string]bool{"title": r.Title != nil, "year": r.Year != nil, "agency": r.Agency != nil}[w.Field]
		if set != (c == claimMetaSet) {
			return "contradicts " + w.Field
		}
	}
	return ""
}

func checkWarnings(t *testing.T, doc string) {
	r, err := parser.ParseFile(doc)
	if err != nil {
		return // a rejected document carries no warnings
	}
	for _, w := range r.Warnings {
		if why := contradiction(r, w); why != "" {
			t.Errorf("%s %s: %s (%s)", w.Code, w.Field, why, w.Message)
		}
	}
}

func TestWarningsAreTrue(t *testing.T) {
	for _, doc := range documents(t) {
		t.Run(doc, func(t *testing.T) { checkWarnings(t, doc) })
	}
	docs, _ := filepath.Glob(filepath.Join(fieldDir, "*"))
	if len(docs) == 0 {
		t.Log("no field samples beside the repository; corpus only")
		return
	}
	for _, doc := range docs {
		if strings.HasSuffix(doc, ".json") || strings.HasSuffix(doc, "README.md") {
			continue
		}
		t.Run("field/"+filepath.Base(doc), func(t *testing.T) { checkWarnings(t, doc) })
	}
}
