package recognize_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/fuzzcheck"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/recognize"
	"github.com/govreport/govreport/parser/textnorm"
)

// The recognizer is fuzzed on the intermediate form itself, written as
// text so that mutations change structure as well as words:
//
//	FORMAT\nTITLE\nLINE\nLINE...
//
// each LINE being FLAGS\x1fCELL\tCELL..., FLAGS a set of letters: N opens
// a new table, T continues the table, C gives cells grid columns outside a
// table, U marks unsure blanks, P starts a new page. A CELL is its raw
// text, optionally after @X0,X1@ (its position), < (a copy of the cell to
// its left) or ^LINE^ (a copy of the merged cell printed on line LINE).
// Texts are folded from the raw text as the adapters do.

const (
	flagSep = "\x1f"
	cellSep = "\t"
)

func decodeLayout(src string) *layout.Document {
	parts := strings.Split(src, "\n")
	doc := &layout.Document{Format: parts[0]}
	if len(parts) > 1 {
		doc.Title = parts[1]
	}
	table, page := 0, 0
	inTable := false
	for i := 2; i < len(parts); i++ {
		flags, rest, ok := strings.Cut(parts[i], flagSep)
		if !ok {
			flags, rest = "", parts[i]
		}
		l := layout.Line{Num: len(doc.Lines) + 1, Page: page}
		if strings.Contains(flags, "P") {
			page++
		}
		if page > 0 {
			l.Page = page
		}
		switch {
		case strings.Contains(flags, "N") || (strings.Contains(flags, "T") && !inTable):
			table++
			l.Table, inTable = table, true
		case strings.Contains(flags, "T"):
			l.Table = table
		default:
			inTable = false
		}
		l.UnsureBlanks = strings.Contains(flags, "U")
		grid := l.Table != 0 || strings.Contains(flags, "C")
		for j, raw := range strings.Split(rest, cellSep) {
			c := layout.Cell{Col: -1}
			if grid {
				c.Col = j
			}
			if strings.HasPrefix(raw, "@") {
				if pos, r, ok := strings.Cut(raw[1:], "@"); ok {
					x0, x1, _ := strings.Cut(pos, ",")
					a, e1 := strconv.ParseFloat(x0, 64)
					b, e2 := strconv.ParseFloat(x1, 64)
					if e1 == nil && e2 == nil {
						c.X0, c.X1, c.HasX, raw = a, b, true, r
					}
				}
			}
			switch {
			case strings.HasPrefix(raw, "<"):
				c.Copy, raw = true, raw[1:]
			case strings.HasPrefix(raw, "^"):
				if o, r, ok := strings.Cut(raw[1:], "^"); ok {
					if n, err := strconv.Atoi(o); err == nil {
						c.Copy, c.RowCopy, c.Origin, raw = true, true, n, r
					}
				}
			}
			c.Raw, c.Text = raw, textnorm.Fold(raw)
			l.Cells = append(l.Cells, c)
		}
		doc.Lines = append(doc.Lines, l)
	}
	doc.Pages = page
	return doc
}

// encodeLayout writes doc in the form decodeLayout reads, for seeds.
func encodeLayout(doc *layout.Document) []byte {
	var b bytes.Buffer
	clean := strings.NewReplacer("\n", " ", "\t", " ", flagSep, " ")
	b.WriteString(doc.Format + "\n" + clean.Replace(doc.Title))
	table, page := 0, 1
	for _, l := range doc.Lines {
		b.WriteString("\n")
		if l.Page > page {
			b.WriteString("P")
			page = l.Page
		}
		if l.Table != 0 {
			if l.Table != table {
				b.WriteString("N")
			} else {
				b.WriteString("T")
			}
		} else if len(l.Cells) > 0 && l.Cells[0].Col >= 0 {
			b.WriteString("C")
		}
		table = l.Table
		if l.UnsureBlanks {
			b.WriteString("U")
		}
		b.WriteString(flagSep)
		for j, c := range l.Cells {
			if j > 0 {
				b.WriteString(cellSep)
			}
			if c.HasX {
				b.WriteString("@" + strconv.FormatFloat(c.X0, 'f', -1, 64) + "," + strconv.FormatFloat(c.X1, 'f', -1, 64) + "@")
			}
			switch {
			case c.RowCopy:
				b.WriteString("^" + strconv.Itoa(c.Origin) + "^")
			case c.Copy:
				b.WriteString("<")
			}
			raw := c.Raw
			if raw == "" {
				raw = c.Text
			}
			b.WriteString(clean.Replace(raw))
		}
	}
	return b.Bytes()
}

// FuzzRecognize feeds documents in the intermediate form to the
// recognizer. Seeds are every document of the corpus and of the field set
// as its adapter reads it.
//
//	go test ./parser/recognize -run XXX -fuzz FuzzRecognize -fuzztime 1m
func FuzzRecognize(f *testing.F) {
	p := parser.New()
	for _, src := range fuzzcheck.Seeds(f, ".html", ".txt", ".md", ".pdf", ".docx") {
		if doc, err := p.Layout("seed", src); err == nil {
			f.Add(encodeLayout(doc))
		}
	}
	f.Add([]byte("text\n\nC\x1f本年新收政府信息公开申请数量\t12\nN\x1f\t^3^12\t<12"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := decodeLayout(string(src))
		fuzzcheck.Within(t, func() error {
			r, err := recognize.Recognize(doc)
			if err != nil {
				return fuzzcheck.Error(err)
			}
			return fuzzcheck.Report(r)
		})
	})
}

// The encoding keeps what the recognizer reads: a corpus document read
// back from it gives the same values.
func TestLayoutEncodingRoundTrip(t *testing.T) {
	p := parser.New()
	n := 0
	for _, src := range fuzzcheck.Seeds(t, ".html", ".txt", ".pdf", ".docx") {
		doc, err := p.Layout("seed", src)
		if err != nil {
			continue
		}
		want, err1 := recognize.Recognize(doc)
		got, err2 := recognize.Recognize(decodeLayout(string(encodeLayout(doc))))
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("document %d: error %v before, %v after", n, err1, err2)
		}
		if err1 == nil && len(want.Provenance) != len(got.Provenance) {
			t.Errorf("document %d (%s): %d values before, %d after", n, doc.Format, len(want.Provenance), len(got.Provenance))
		}
		n++
	}
	if n == 0 {
		t.Fatal("no seeds")
	}
}
