package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/govreport/govreport/parser/docerr"
	"github.com/govreport/govreport/parser/layout"
)

// corpusSeeds returns the corpus's Word documents.
func corpusSeeds(t testing.TB) [][]byte {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "corpus", "docx", "*.docx"))
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// mainXML returns the document.xml of a .docx.
func mainXML(t testing.TB, src []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == MainPart {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return b
		}
	}
	t.Fatal("no main part")
	return nil
}

// checkDoc verifies what every reader of the intermediate form relies on.
func checkDoc(t *testing.T, doc *layout.Document) {
	if doc.Format != "docx" {
		t.Fatalf("format %q", doc.Format)
	}
	seen := map[int]map[string]bool{} // table → texts of original cells
	for i, l := range doc.Lines {
		if l.Num != i+1 {
			t.Fatalf("line %d numbered %d", i+1, l.Num)
		}
		if len(l.Cells) == 0 {
			t.Fatalf("line %d has no cells", l.Num)
		}
		if l.Table == 0 {
			if len(l.Cells) != 1 || l.Cells[0].Col != -1 || l.Cells[0].Text == "" {
				t.Fatalf("text line %d: %+v", l.Num, l.Cells)
			}
			continue
		}
		if seen[l.Table] == nil {
			seen[l.Table] = map[string]bool{}
		}
		last := -1
		for _, c := range l.Cells {
			if c.Col <= last || c.Col < 0 {
				t.Fatalf("line %d: column %d after %d", l.Num, c.Col, last)
			}
			last = c.Col
			if c.Copy && !seen[l.Table][c.Text] {
				t.Fatalf("line %d: copy %q of no cell", l.Num, c.Text)
			}
			if !c.Copy {
				seen[l.Table][c.Text] = true
			}
		}
	}
}

// FuzzRead feeds whole archives: nothing may panic, and what is read
// keeps the invariants of the intermediate form.
func FuzzRead(f *testing.F) {
	for _, b := range corpusSeeds(f) {
		f.Add(b)
	}
	f.Add(docxOf(f, p("正文")+tbl(tr(tc(span2+restart, "a"), tc("", "b")), tr(tc(span2+cont), tc("", "c")))))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Read(src, WithMaxXMLBytes(8<<20))
		if err != nil {
			if docerr.KindOf(err) == docerr.Unknown {
				t.Fatalf("error without a kind: %v", err)
			}
			return
		}
		checkDoc(t, doc)
	})
}

// FuzzDocumentXML feeds the main part's XML inside a valid archive, which
// reaches the XML walker far more often than mutated ZIP bytes do. The
// corpus seeds are a few hundred kilobytes each; run it with a short
// minimisation time, or the engine spends minutes shrinking each new
// input:
//
//	go test ./parser/docx -run XXX -fuzz FuzzDocumentXML -fuzzminimizetime 2s
func FuzzDocumentXML(f *testing.F) {
	for _, b := range corpusSeeds(f) {
		f.Add(mainXML(f, b))
	}
	f.Add([]byte(head + textBox(tbl(tr(tc(`<w:hMerge w:val="restart"/>`, "x"), tc(`<w:hMerge/>`)))) + tail))
	f.Fuzz(func(t *testing.T, x []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create(MainPart)
		w.Write(x)
		zw.Close()
		doc, err := Read(buf.Bytes(), WithMaxXMLBytes(8<<20))
		if err != nil {
			if docerr.KindOf(err) == docerr.Unknown {
				t.Fatalf("error without a kind: %v", err)
			}
			return
		}
		checkDoc(t, doc)
	})
}
