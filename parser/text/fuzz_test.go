package text_test

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/fuzzcheck"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/charset"
	"github.com/govreport/govreport/parser/text"
)

// FuzzRead feeds text files to the charset detection and the text adapter
// and, through the parser, to the recognizer. Seeds are the corpus's and
// the field set's text and Markdown files.
//
//	go test ./parser/text -run XXX -fuzz FuzzRead -fuzztime 1m
func FuzzRead(f *testing.F) {
	for _, b := range fuzzcheck.Seeds(f, ".txt", ".md") {
		f.Add(b)
	}
	f.Add([]byte("\xef\xbb\xbf\xe6\x94"))
	f.Add([]byte("| 本年新收 | 1 | | 3 |\n|---|---|\n\t\t12\t—\t1,204\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fuzzcheck.Within(t, func() error {
			s, _ := charset.DecodeText(src)
			if !utf8.ValidString(s) {
				return fmt.Errorf("decoded text is not UTF-8: %q", s)
			}
			doc := text.Read(s)
			last := 0
			for _, l := range doc.Lines {
				if l.Num <= last {
					return fmt.Errorf("line %d after line %d", l.Num, last)
				}
				last = l.Num
				if len(l.Cells) == 0 {
					return fmt.Errorf("line %d has no cells", l.Num)
				}
			}
			r, err := parser.Parse("fuzz.txt", src, parser.WithTimeout(0))
			if err != nil {
				return fuzzcheck.Error(err)
			}
			return fuzzcheck.Report(r)
		})
	})
}
