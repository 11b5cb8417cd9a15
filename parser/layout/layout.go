// Package layout defines the intermediate form that every format adapter
// produces and the table recognizer consumes: a document as lines, each line
// a sequence of cells that remember where they came from.
//
// Adapters know about bytes, encodings and page geometry; the recognizer knows
// about the national template. This package is the narrow waist between them.
package layout

import (
	"strings"

	"github.com/govreport/govreport/parser/textnorm"
)

// Document is one source file reduced to lines of cells.
type Document struct {
	Format string // "pdf", "html", "text", "docx"
	Pages  int    // number of pages for paged formats, 0 otherwise
	Title  string // a title the container declares (HTML <title>, PDF /Title), if any
	Lines  []Line
	// Links are the hyperlinks the source holds (HTML), so that a page
	// which only links its report as an attached file can name it.
	Links []Link
	// Warnings raised while reading the container (a truncated PDF, an
	// encoding guessed rather than declared). Codes follow the JSON contract.
	Warnings []Warning
}

// Line is one visual line of text or one row of a table.
type Line struct {
	Page int // 1-based page, 0 for formats without pages
	Num  int // 1-based line number in the document's extracted lines
	// Table is non-zero for rows that came from a real table grid (HTML, DOCX):
	// rows with the same Table value belong to the same source table, and
	// their cells' Col values index the same expanded grid.
	Table int
	// UnsureBlanks marks lines whose empty cells may be values the
	// producer lost (Markdown written by PDF converters, OCR output): an
	// empty cell there is unknown, not 0.
	UnsureBlanks bool
	Cells        []Cell
}

// Cell is one piece of text on a line: a table cell, a run of text between
// wide gaps, or the whole line.
//
// The three flags sit together at the end so that a Cell is 72 bytes,
// not 80: the cells are most of an adapter's allocation.
type Cell struct {
	Text string // normalised text (NFKC-folded widths, collapsed spaces)
	Raw  string // the text as it appears in the source, for provenance
	// Col is the cell's column in an expanded table grid (HTML/DOCX, tab
	// separated text), or -1 when the source has no grid.
	Col int
	// Origin is, for a RowCopy, the Num of the line where the cell is
	// printed.
	Origin int
	// X0 and X1 are the horizontal extent of the cell on the page for
	// positioned formats (PDF points, or character columns in aligned
	// text). HasX reports whether they are meaningful.
	X0, X1 float64
	// Copy marks the repeated copies of a cell that spans several grid
	// columns or rows (colspan/rowspan expanded). The first occurrence has
	// Copy false. Readers that want distinct cells skip copies.
	Copy bool
	// RowCopy marks, among the copies, those that repeat a cell spanning
	// several rows (rowspan, vertical merge) in the cell's first column
	// of a later row: where a merged value stands again (see Origin).
	RowCopy bool
	HasX    bool
}

// Link is one hyperlink: its text, its target and the line it sits on
// (the Num of the line its text ends up in, or of the next line).
type Link struct {
	Text string
	Href string
	Line int
}

// Warning is something the reader of the output should know.
type Warning struct {
	Code    string
	Message string
	Field   string
}

// Texts returns the normalised texts of a line's cells.
func (l Line) Texts() []string {
	out := make([]string, len(l.Cells))
	for i, c := range l.Cells {
		out[i] = c.Text
	}
	return out
}

// Joined returns the line's distinct cell texts joined without separator,
// the way a reader would read the line aloud.
func (l Line) Joined() string {
	n, distinct, only := 0, 0, ""
	for _, c := range l.Cells {
		if !c.Copy {
			n += len(c.Text)
			distinct++
			only = c.Text
		}
	}
	if distinct <= 1 { // most lines: the one cell's text, not a copy
		return only
	}
	var b strings.Builder
	b.Grow(n)
	for _, c := range l.Cells {
		if !c.Copy {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

// Prose returns the line as free text in the document's own characters
// (textnorm.Prose of each distinct cell's Raw), for the text sections a
// report hands back; Joined is the folded form used for matching.
func (l Line) Prose() string { return l.ProseWith("") }

// ProseWith is Prose with sep between the cells' texts: in running text
// the cells are pieces cut at runs of spaces, which stood between words.
func (l Line) ProseWith(sep string) string {
	var b strings.Builder
	for _, c := range l.Cells {
		if c.Copy {
			continue
		}
		raw := c.Raw
		if raw == "" {
			raw = c.Text
		}
		if p := textnorm.Prose(raw); p != "" {
			if b.Len() > 0 {
				b.WriteString(sep)
			}
			b.WriteString(p)
		}
	}
	return b.String()
}
