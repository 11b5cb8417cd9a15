package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/govreport/govreport/parser"
)

// runLines prints the intermediate form of a document: what the table
// recognizer sees. It is the first thing to look at when a report is read
// wrong.
func runLines(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("lines", "Usage: govreport lines FILE\n\nPrints the document as the recognizer sees it: one line per extracted line,\n\"page:line [table]\" then its cells separated by \" | \" (@col for grid cells,\n^ for spanned copies, [x0-x1] for positioned cells).\n", stdout)
	scan := ocrFlags(fs)
	if code := parseFlags(fs, args, stderr); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		return usageError(stderr, "lines", "give exactly one FILE")
	}
	p := parser.New(scan.Options()...)
	src, err := p.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "govreport: %v\n", err)
		return 1
	}
	doc, err := p.Layout(fs.Arg(0), src)
	if err != nil {
		fmt.Fprintf(stderr, "govreport: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "format %s, %d pages, title %q\n", doc.Format, doc.Pages, doc.Title)
	for _, w := range doc.Warnings {
		fmt.Fprintf(stdout, "warning %s: %s\n", w.Code, w.Message)
	}
	for _, l := range doc.Lines {
		var cells []string
		for _, c := range l.Cells {
			s := c.Text
			if c.Col >= 0 {
				s += fmt.Sprintf("@%d", c.Col)
			}
			if c.Copy {
				s += "^"
			}
			if c.HasX {
				s += fmt.Sprintf("[%.0f-%.0f]", c.X0, c.X1)
			}
			cells = append(cells, s)
		}
		tbl := ""
		if l.Table != 0 {
			tbl = fmt.Sprintf(" t%d", l.Table)
		}
		fmt.Fprintf(stdout, "%d:%d%s  %s\n", l.Page, l.Num, tbl, strings.Join(cells, " | "))
	}
	return 0
}
