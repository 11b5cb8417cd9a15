package html_test

import (
	"fmt"
	"testing"

	"github.com/govreport/govreport/internal/fuzzcheck"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/html"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/recognize"
)

// FuzzRead feeds web pages to the HTML adapter and the recognizer. Seeds
// are the corpus's and the field set's pages.
//
//	go test ./parser/html -run XXX -fuzz FuzzRead -fuzztime 1m
func FuzzRead(f *testing.F) {
	for _, b := range fuzzcheck.Seeds(f, ".html", ".htm") {
		f.Add(b)
	}
	f.Add([]byte(`<table><tr><td rowspan="9999" colspan="9999">1</td><td>2</td></tr><tr><td>3`))
	f.Add([]byte(`<meta charset="gbk"><p>三、收到和处理政府信息公开申请情况</p><table><tr><td>本年新收政府信息公开申请数量</td><td>１２</td></tr></table>`))
	f.Fuzz(func(t *testing.T, src []byte) {
		fuzzcheck.Within(t, func() error {
			doc, err := html.Read(src)
			if err != nil {
				// What the user sees of it: the parser's error.
				_, err := parser.Parse("fuzz.html", src, parser.WithTimeout(0))
				return fuzzcheck.Error(err)
			}
			if err := checkLines(doc); err != nil {
				return err
			}
			// Straight to the recognizer: a page is slow to read twice.
			r, err := recognize.Recognize(doc)
			if err != nil {
				return fuzzcheck.Error(err)
			}
			return fuzzcheck.Report(r)
		})
	})
}

// checkLines verifies what the recognizer relies on: lines numbered in
// order, each with cells, table cells in increasing grid columns.
func checkLines(doc *layout.Document) error {
	last := 0
	for _, l := range doc.Lines {
		if l.Num <= last {
			return fmt.Errorf("line %d after line %d", l.Num, last)
		}
		last = l.Num
		if len(l.Cells) == 0 {
			return fmt.Errorf("line %d has no cells", l.Num)
		}
		if l.Table == 0 {
			continue
		}
		col := -1
		for _, c := range l.Cells {
			if c.Col <= col {
				return fmt.Errorf("line %d: column %d after %d", l.Num, c.Col, col)
			}
			col = c.Col
		}
	}
	return nil
}
