package html

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// gridOf reads a page and returns its table lines as "text@col" cells,
// copies marked ^ (column) or v<origin line> (rowspan).
func gridOf(t *testing.T, page string) []string {
	t.Helper()
	doc, err := Read([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range doc.Lines {
		if l.Table == 0 {
			continue
		}
		out = append(out, render(l))
	}
	return out
}

func render(l layout.Line) string {
	var parts []string
	for _, c := range l.Cells {
		s := fmt.Sprintf("%s@%d", c.Text, c.Col)
		switch {
		case c.RowCopy:
			s += fmt.Sprintf("v%d", c.Origin)
		case c.Copy:
			s += "^"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " | ")
}

func checkGrid(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d:\n got  %s\n want %s", i, got[i], want[i])
		}
	}
}

// Rows after a rowspan that print fewer cells than the grid is wide: each
// later <tr> fills the columns the spanned cells leave free in its own
// row, beside the copies, and no row is added for the span.
func TestRowspanCellsBesideShortRows(t *testing.T) {
	page := `<html><body><table>
<tr><td>A</td><td>head</td><td>x</td><td>y</td></tr>
<tr><td rowspan="3">G</td><td>g1</td><td rowspan="3">0</td><td rowspan="3">5</td></tr>
<tr><td>g2</td></tr>
<tr><td>g3</td></tr>
<tr><td>T</td><td>t</td><td>1</td><td>2</td></tr>
</table></body></html>`
	checkGrid(t, gridOf(t, page), []string{
		"A@0 | head@1 | x@2 | y@3",
		"G@0 | g1@1 | 0@2 | 5@3",
		"G@0v2 | g2@1 | 0@2v2 | 5@3v2",
		"G@0v2 | g3@1 | 0@2v2 | 5@3v2",
		"T@0 | t@1 | 1@2 | 2@3",
	})
}

// A header cell spanning rows and columns leaves the next <tr>s their
// own rows, and the copies in its later rows are column copies except in
// its first column.
func TestRowspanColspanHeader(t *testing.T) {
	page := `<html><body><p>x</p><table>
<tr><td rowspan="2" colspan="2">corner</td><td colspan="2">group</td></tr>
<tr><td>a</td><td>b</td></tr>
<tr><td>r</td><td>s</td><td>1</td><td>2</td></tr>
</table></body></html>`
	checkGrid(t, gridOf(t, page), []string{
		"corner@0 | corner@1^ | group@2 | group@3^",
		"corner@0v2 | corner@1^ | a@2 | b@3",
		"r@0 | s@1 | 1@2 | 2@3",
	})
}

// A rowspan never moves the next <tr> down, and one reaching past the
// last <tr> ends with the table, as browsers draw it.
func TestRowspanDoesNotShiftLaterRows(t *testing.T) {
	page := `<html><body><table>
<tr><td rowspan="2">L</td><td>1</td></tr>
<tr><td>2</td></tr>
<tr><td>M</td><td rowspan="4">3</td></tr>
</table></body></html>`
	checkGrid(t, gridOf(t, page), []string{
		"L@0 | 1@1",
		"L@0v1 | 2@1",
		"M@0 | 3@1",
	})
}

func TestTrimLeftBlankAsTrimLeft(t *testing.T) {
	for _, s := range []string{"", " ", "\u3000\u00a0 一、", "\t\r\n二", "\xc2", "\xe3\x80", "\u00a0\xff一", "　 \u3000x", "abc", "\u2003一"} {
		if got, want := trimLeftBlank(s), strings.TrimLeft(s, " \t\r\n\u00a0\u3000"); got != want {
			t.Errorf("trimLeftBlank(%q) = %q, want %q", s, got, want)
		}
	}
}

// fold's shortcut must give textnorm.Fold's result: on every cell and
// line of the pages, and on strings built around no-break spaces.
func TestFoldAsTextnorm(t *testing.T) {
	var inputs []string
	for _, src := range pages(t) {
		doc, err := Read(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range doc.Lines {
			for _, c := range l.Cells {
				inputs = append(inputs, c.Raw, " "+c.Raw+"\u00a0", "\u00a0"+c.Raw+"\u00a0\u00a0x")
			}
		}
	}
	parts := []string{"\u00a0", " ", "\u3000", "a", "１", "\u0301", "e", "\u200b", "中", "\t", "Ａ", "\u00a0\u0301", "ﬁ", "\n"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for k := 0; k < 1+i%9; k++ {
			b.WriteString(parts[(i*7+k*k*3+k)%len(parts)])
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		if got, want := fold(s), textnorm.Fold(s); got != want {
			t.Fatalf("fold(%q) = %q, textnorm.Fold gives %q", s, got, want)
		}
	}
}

func TestIsHeading6AsHeadingRe(t *testing.T) {
	var inputs []string
	for _, a := range []string{"", " ", "\t\n", "\u3000", "x"} {
		for _, b := range []string{"一", "二", "六", "七", "a", "一二"} {
			for _, c := range []string{"、", ".", "．", "", " ", "，", "般"} {
				for _, d := range []string{"总体情况", " 概述", "主动公开政府信息情况", "行政复议", "存在的主要问题", "其他需要报告的事项", "收到", ""} {
					inputs = append(inputs, a+b+c+d)
				}
			}
		}
	}
	for _, src := range pages(t) {
		doc, err := Read(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range doc.Lines {
			for _, c := range l.Cells {
				inputs = append(inputs, c.Text)
			}
		}
	}
	for _, s := range inputs {
		if got, want := isHeading6(s), headingRe.MatchString(s); got != want {
			t.Fatalf("isHeading6(%q) = %v, headingRe says %v", s, got, want)
		}
	}
}
