package compare

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/govreport/govreport/derive"
	"github.com/govreport/govreport/internal/xlsx"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/output"
)

// failedMark follows the column label of a report with failed checks.
const failedMark = " ✗"

// headers are the column labels, marked for reports with failed checks.
func (s *Set) headers() []string {
	out := make([]string, len(s.Entries))
	for i, e := range s.Entries {
		out[i] = e.Label()
		if len(e.Failed) > 0 {
			out[i] += failedMark
		}
	}
	return out
}

// DisplayWidth is the width of s on a terminal: East Asian wide and
// full-width characters count 2.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func pad(s string, w int, right bool) string {
	n := w - DisplayWidth(s)
	if n <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// WriteText writes the table aligned for a terminal, with the findings
// and the notes on figures below it.
func (s *Set) WriteText(w io.Writer) error {
	g := s.Grid()
	rows := [][]string{append([]string{"指标"}, s.headers()...)}
	for _, r := range g.Rows {
		line := []string{r.Label}
		for _, c := range r.Cells {
			line = append(line, marked(c))
		}
		rows = append(rows, line)
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], DisplayWidth(c))
		}
	}
	var b strings.Builder
	for ri, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			last := i == len(r)-1
			if i == 0 {
				if last {
					b.WriteString(c)
				} else {
					b.WriteString(pad(c, widths[0], false))
				}
				continue
			}
			b.WriteString(pad(c, widths[i], true))
		}
		b.WriteString("\n")
		if ri == 0 {
			total := 2 * (len(widths) - 1)
			for _, x := range widths {
				total += x
			}
			b.WriteString(strings.Repeat("─", total) + "\n")
		}
	}
	if note := s.FindingsNote(); note != "" {
		b.WriteString("\n审计发现:\n" + note)
	}
	if note := s.FigureNotes(g); note != "" {
		b.WriteString("\n" + note)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// marked is a cell's text with noteMark when its figure was not computed
// as printed.
func marked(c Cell) string {
	if c.Note != "" {
		return c.Text + noteMark
	}
	return c.Text
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// WriteMarkdown writes the table as a GitHub-flavoured Markdown table,
// with the findings and the notes on figures as lists below it.
func (s *Set) WriteMarkdown(w io.Writer) error {
	g := s.Grid()
	var b strings.Builder
	b.WriteString("| 指标 |")
	for _, h := range s.headers() {
		b.WriteString(" " + mdEscape(h) + " |")
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(s.Entries)) + "\n")
	for _, r := range g.Rows {
		b.WriteString("| " + mdEscape(r.Label) + " |")
		for _, c := range r.Cells {
			t := mdEscape(c.Text)
			if c.Note != "" {
				t += `\` + noteMark
			}
			if c.Bad {
				t = "**" + t + "**"
			}
			b.WriteString(" " + t + " |")
		}
		b.WriteString("\n")
	}
	if note := s.FindingsNote(); note != "" {
		b.WriteString("\n**审计发现**\n\n")
		for _, l := range strings.Split(strings.TrimSpace(note), "\n") {
			b.WriteString("- " + mdEscape(l) + "\n")
		}
	}
	if note := s.FigureNotes(g); note != "" {
		b.WriteString("\n")
		for _, l := range strings.Split(strings.TrimSpace(note), "\n") {
			b.WriteString("- " + mdEscape(strings.Replace(l, noteMark, `\`+noteMark, 1)) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// raw is a cell for machine-readable outputs: numbers unformatted (shares
// as fractions), undefined empty.
func raw(c Cell) string {
	if c.Value != nil {
		return strconv.FormatFloat(*c.Value, 'f', -1, 64)
	}
	if c.Text == "—" {
		return ""
	}
	return output.Neutralise(c.Text)
}

// WriteCSV writes the table as CSV (UTF-8 with a byte-order mark, which
// spreadsheet programs need to read Chinese): a key column, the label
// column, then one column per report. Shares are fractions (0.25),
// undefined figures empty. The last rows list each report's findings
// (failed checks among them, as rule arithmetic) and the figures not
// computed as printed.
func (s *Set) WriteCSV(w io.Writer) error {
	g := s.Grid()
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	hs := s.headers()
	for i := range hs {
		hs[i] = output.Neutralise(hs[i]) // an agency or a file name is text from outside
	}
	cw.Write(append([]string{"key", "指标"}, hs...))
	for _, r := range g.Rows {
		line := []string{r.Key, output.Neutralise(r.Label)}
		for _, c := range r.Cells {
			line = append(line, raw(c))
		}
		cw.Write(line)
	}
	line := []string{"findings", "审计发现"}
	for _, e := range s.Entries {
		var ms []string
		for _, f := range s.Findings {
			if f.Reports[len(f.Reports)-1] == e.Name {
				ms = append(ms, "["+f.Rule+"] "+f.Message)
			}
		}
		line = append(line, output.Neutralise(strings.Join(ms, "; ")))
	}
	cw.Write(line)
	line = []string{"notes", "注（未按所印数字计算）"}
	for i := range s.Entries {
		var ms []string
		for _, r := range g.Rows {
			if n := r.Cells[i].Note; n != "" {
				ms = append(ms, r.Label+": "+n)
			}
		}
		line = append(line, output.Neutralise(strings.Join(ms, "; ")))
	}
	cw.Write(line)
	cw.Flush()
	return cw.Error()
}

// WriteXLSX writes the table as an Excel workbook: sheet 对比 with numbers
// as numbers (shares with a percent format), columns of reports with
// failed checks and mismatched cells in red, figures not computed as
// printed with a comment; sheet 发现 with the audit's findings (failed
// checks and carry-over among them), one row per piece of evidence.
func (s *Set) WriteXLSX(w io.Writer) error {
	g := s.Grid()
	f := xlsx.New()
	defer f.Close()
	sheet, err := f.AddSheet("对比")
	if err != nil {
		return err
	}
	bold, _ := f.AddStyle(xlsx.Style{Bold: true})
	red, _ := f.AddStyle(xlsx.Style{Bold: true, Color: "C00000"})
	pct, _ := f.AddStyle(xlsx.Style{NumFmt: 10}) // 0.00%
	intf, _ := f.AddStyle(xlsx.Style{NumFmt: 1}) // 0
	head := []any{xlsx.Cell{Value: "指标", Style: bold}}
	for i, h := range s.headers() {
		st := bold
		if len(s.Entries[i].Failed) > 0 {
			st = red
		}
		head = append(head, xlsx.Cell{Value: h, Style: st})
	}
	if err := sheet.AddRow(head...); err != nil {
		return err
	}
	for ri, r := range g.Rows {
		row := []any{r.Label}
		for ci, c := range r.Cells {
			var x xlsx.Cell
			switch {
			case c.Value != nil && r.Key != "year" && !strings.HasSuffix(r.Key, "_change"):
				x.Value = *c.Value
				if c.Unit == derive.Share {
					x.Style = pct
				} else if *c.Value == float64(int64(*c.Value)) {
					x.Style = intf
				}
			case c.Text == "—":
			default:
				x.Value = c.Text
			}
			if c.Bad {
				x.Style = red
			}
			if c.Note != "" {
				if err := sheet.Comment(ci+2, ri+2, "govreport", c.Note); err != nil {
					return err
				}
			}
			row = append(row, x)
		}
		if err := sheet.AddRow(row...); err != nil {
			return err
		}
	}
	sheet.SetColWidth(1, 1, 36)
	if len(s.Entries) > 0 {
		sheet.SetColWidth(2, len(s.Entries)+1, 22)
	}
	sheet.Freeze(1, 1)
	// Sheet 发现: every audit finding, one row per piece of evidence.
	found, err := f.AddSheet("发现")
	if err != nil {
		return err
	}
	if err := found.AddRow("报告", "规则", "级别", "说明", "字段", "值", "原文", "页", "行"); err != nil {
		return err
	}
	for _, fd := range s.Findings {
		ev := fd.Evidence
		if len(ev) == 0 {
			ev = []model.Evidence{{}} // the finding still gets its row
		}
		for _, e := range ev {
			vals := []any{findingLabel(fd), fd.Rule, fd.Severity, fd.Message, e.Field, nil, e.Text, nil, nil}
			if e.Value != nil {
				vals[5] = *e.Value
			}
			if e.Page > 0 {
				vals[7] = e.Page
			}
			if e.Line > 0 {
				vals[8] = e.Line
			}
			for i, v := range vals {
				if v == "" {
					vals[i] = nil // as before: an empty text is an empty cell
				}
			}
			if err := found.AddRow(vals...); err != nil {
				return err
			}
		}
	}
	found.SetColWidth(1, 1, 28)
	found.SetColWidth(4, 4, 80)
	return f.Write(w)
}
