package compare

import (
	"fmt"
	"strings"

	"github.com/govreport/govreport/derive"
)

// Cell is one value of the side-by-side table: its text as printed and,
// for numbers, the value (nil for text and for undefined figures).
type Cell struct {
	Text  string
	Value *float64
	Unit  derive.Unit // for numbers
	Bad   bool        // a failed check or a carry-over mismatch
	// Note says the figure was not computed as printed (derive's
	// Figure.Note: a share from the parts because the 总计 was blank or
	// failed); the outputs mark the cell and list the note.
	Note string
}

// Row is one line of the table: a label and a cell per report.
type Row struct {
	Key   string
	Label string
	Cells []Cell
}

// Grid is the side-by-side table: one column per report.
type Grid struct {
	Columns []string // the entries' labels
	Rows    []Row
}

// Indicators are the derived figures shown, in order.
var Indicators = []string{
	"new_requests", "carried_over", "received", "concluded", "carried_forward",
	"granted_share", "partially_granted_share", "withheld_share",
	"withheld_state_secret_share", "withheld_prohibited_by_law_share", "withheld_security_stability_share",
	"withheld_third_party_rights_share", "withheld_internal_affairs_share", "withheld_process_information_share",
	"withheld_enforcement_case_file_share", "withheld_administrative_query_share",
	"unavailable_share", "not_processed_share", "other_share",
	"legal_person_share",
	"review_total", "review_correction_rate", "litigation_total", "litigation_correction_rate",
}

// ChangeIndicators get a year-on-year row when a previous year is given.
var ChangeIndicators = []string{"new_requests", "received", "granted_share", "withheld_share"}

// Format prints a figure: counts as integers, shares as percentages with
// one decimal, undefined as —.
func Format(v *float64, u derive.Unit) string {
	if v == nil {
		return "—"
	}
	if u == derive.Share {
		return fmt.Sprintf("%.1f%%", *v*100)
	}
	return num(*v)
}

// formatChange prints a change: +4 (+5.7%) for counts, +3.2个百分点 for
// shares.
func formatChange(c *derive.Change, u derive.Unit) string {
	if c == nil || c.Delta == nil {
		return "—"
	}
	if u == derive.Share {
		return fmt.Sprintf("%+.1f个百分点", *c.Delta*100)
	}
	s := fmt.Sprintf("%+g", *c.Delta)
	if c.Relative != nil {
		s += fmt.Sprintf(" (%+.1f%%)", *c.Relative*100)
	}
	return s
}

// Grid lays the set out as a table.
func (s *Set) Grid() *Grid {
	g := &Grid{}
	for _, e := range s.Entries {
		g.Columns = append(g.Columns, e.Label())
	}
	text := func(key, label string, f func(e *Entry) Cell) {
		r := Row{Key: key, Label: label}
		for _, e := range s.Entries {
			r.Cells = append(r.Cells, f(e))
		}
		g.Rows = append(g.Rows, r)
	}
	text("agency", "机关", func(e *Entry) Cell { return Cell{Text: agencyName(e.Report)} })
	text("year", "年度", func(e *Entry) Cell {
		if e.Report.Year == nil {
			return Cell{Text: "—"}
		}
		v := float64(*e.Report.Year)
		return Cell{Text: fmt.Sprint(*e.Report.Year), Value: &v, Unit: derive.Count}
	})
	text("region", "地区", func(e *Entry) Cell { return Cell{Text: e.Place()} })
	text("region_code", "区划代码", func(e *Entry) Cell { return Cell{Text: e.Code()} })
	text("template", "模板", func(e *Entry) Cell { return Cell{Text: string(e.Report.Template)} })
	text("checks", "数字核对", func(e *Entry) Cell {
		if len(e.Failed) == 0 {
			return Cell{Text: "通过"}
		}
		return Cell{Text: fmt.Sprintf("✗ %d项不符", len(e.Failed)), Bad: true}
	})
	for _, key := range Indicators {
		f := s.firstFigure(key)
		if f == nil {
			continue
		}
		text(key, f.Label, func(e *Entry) Cell {
			x := e.Figures.Find(key)
			return Cell{Text: Format(x.Value, x.Unit), Value: x.Value, Unit: x.Unit, Note: x.Note}
		})
	}
	if s.anyPrev() {
		for _, key := range ChangeIndicators {
			f := s.firstFigure(key)
			text(key+"_change", f.Label+"同比", func(e *Entry) Cell {
				for i := range e.Changes {
					if e.Changes[i].Key == key {
						c := &e.Changes[i]
						return Cell{Text: formatChange(c, f.Unit), Value: c.Delta, Unit: f.Unit}
					}
				}
				return Cell{Text: "—"}
			})
		}
		text("carry_over", "结转衔接（上年结转＝上年报告结转下年）", func(e *Entry) Cell {
			switch {
			case e.Carry == nil:
				return Cell{Text: "—"}
			case !e.Carry.Known:
				return Cell{Text: "无法核对"}
			case e.Carry.OK:
				return Cell{Text: "一致"}
			}
			return Cell{Text: fmt.Sprintf("⚠ %s≠%s", num(e.Carry.CarriedOver), num(e.Carry.PrevCarriedForward)), Bad: true}
		})
	}
	return g
}

func (s *Set) firstFigure(key string) *derive.Figure {
	for _, e := range s.Entries {
		if f := e.Figures.Find(key); f != nil {
			return f
		}
	}
	return nil
}

func (s *Set) anyPrev() bool {
	for _, e := range s.Entries {
		if e.Prev != nil {
			return true
		}
	}
	return false
}

// noteMark follows a figure that was not computed as printed (Cell.Note).
const noteMark = "*"

// severityMark opens a finding's line: ✗ error, ⚠ warning, ℹ info.
func severityMark(sev string) string {
	switch sev {
	case "error":
		return "✗"
	case "warning":
		return "⚠"
	}
	return "ℹ"
}

// FindingsNote is the findings section below the table: every audit
// finding (docs/AUDIT.md; failed checks are the arithmetic ones, the
// carry-over mismatches carry_over), one line each.
func (s *Set) FindingsNote() string {
	var b strings.Builder
	for _, f := range s.Findings {
		fmt.Fprintf(&b, "%s %s [%s] %s\n", severityMark(f.Severity), findingLabel(f), f.Rule, f.Message)
	}
	return b.String()
}

// FigureNotes lists the figures not computed as printed, one line each,
// for the footnote of the cells marked with noteMark.
func (s *Set) FigureNotes(g *Grid) string {
	var b strings.Builder
	for _, r := range g.Rows {
		for i, c := range r.Cells {
			if c.Note != "" {
				fmt.Fprintf(&b, "%s %s · %s: %s\n", noteMark, g.Columns[i], r.Label, c.Note)
			}
		}
	}
	return b.String()
}
