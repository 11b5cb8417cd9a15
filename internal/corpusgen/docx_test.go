package corpusgen

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// docxParts unzips a generated document, checking that every entry has
// the fixed timestamp that makes the output the same on every run.
func docxParts(t *testing.T, d *Doc) map[string]string {
	t.Helper()
	b, err := d.Render()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s: %v", d.Name, err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		if !f.Modified.Equal(docxTime) {
			t.Errorf("%s: %s dated %v", d.Name, f.Name, f.Modified)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(data)
	}
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		if _, ok := parts[p]; !ok {
			t.Errorf("%s: no %s", d.Name, p)
		}
	}
	return parts
}

var (
	delEmptyRE = regexp.MustCompile(`<w:del\b[^>]*/>`)
	delRE      = regexp.MustCompile(`(?s)<w:del\b[^>]*>.*?</w:del>`)
	instrRE    = regexp.MustCompile(`(?s)<w:instrText\b[^>]*>.*?</w:instrText>`)
	fallbackRE = regexp.MustCompile(`(?s)<mc:Fallback>.*?</mc:Fallback>`)
	wblockRE   = regexp.MustCompile(`</w:p>|</w:tc>|<w:br/>`)
)

// finalText is the text a reader of the document sees once the tracked
// changes are accepted: deletions, field codes and the second branch of a
// text box dropped, paragraphs and cells as spaces, runs joined.
func finalText(xml string) string {
	s := delEmptyRE.ReplaceAllString(xml, "")
	s = delRE.ReplaceAllString(s, "")
	s = instrRE.ReplaceAllString(s, "")
	s = fallbackRE.ReplaceAllString(s, "")
	s = wblockRE.ReplaceAllString(s, " ")
	s = tagRE.ReplaceAllString(s, "")
	return plain(html.UnescapeString(s), false)
}

// TestDOCXNumbersPresent: every number of a Word document's tables is in
// its final text, in reading order.
func TestDOCXNumbersPresent(t *testing.T) {
	docs := DOCXDocs()
	if len(docs) < 4 {
		t.Fatalf("%d Word documents", len(docs))
	}
	for _, d := range docs {
		text := finalText(docxParts(t, d)["word/document.xml"])
		if m := missing(d, text); m != "" {
			t.Errorf("%s: missing %s", d.Name, m)
		}
		if !strings.Contains(text, d.Report.Title) {
			t.Errorf("%s: title missing", d.Name)
		}
	}
}

// TestDOCXFeatures: each document holds the Word constructs it claims to
// exercise.
func TestDOCXFeatures(t *testing.T) {
	splitNumber := regexp.MustCompile(`<w:t xml:space="preserve">\d</w:t></w:r><w:r[^>]*><w:rPr>.*?</w:rPr><w:t xml:space="preserve">\d`)
	count := func(s, sub string) int { return strings.Count(s, sub) }
	for _, d := range DOCXDocs() {
		x := docxParts(t, d)["word/document.xml"]
		name := d.Name
		if count(x, `<w:vMerge w:val="restart"/>`) == 0 || count(x, `<w:vMerge/>`) == 0 || count(x, `<w:gridSpan w:val="7"/>`) == 0 {
			t.Errorf("%s: merged cells missing", name)
		}
		if strings.Contains(name, "qinglan") && !splitNumber.MatchString(x) {
			t.Errorf("%s: no number split across runs", name)
		}
		if strings.Contains(name, "tracked") || strings.Contains(name, "nanpu") {
			if count(x, "<w:del ") < 5 || count(x, "<w:ins ") < 5 || !regexp.MustCompile(`<w:trPr><w:trHeight [^>]*/><w:del [^>]*/></w:trPr>`).MatchString(x) {
				t.Errorf("%s: tracked changes missing", name)
			}
			if finalText(x) == plain(html.UnescapeString(wblockRE.ReplaceAllString(x, " ")), false) {
				t.Errorf("%s: deletions change nothing", name)
			}
		}
		if strings.Contains(name, "textbox") || strings.Contains(name, "hebin") {
			if count(x, "<w:txbxContent>") != 2 || count(x, "<mc:Choice") != 1 || count(x, "<mc:Fallback>") != 1 {
				t.Errorf("%s: text box in two branches missing", name)
			}
		}
		if strings.Contains(name, "hebin") && (count(x, "<w:instrText") == 0 || count(x, "<w:footnoteReference") == 0) {
			t.Errorf("%s: field or footnote missing", name)
		}
	}
}

// TestDOCXGrids: in every table each row covers the whole grid
// (w:gridSpan counted) and a vMerge continue sits under a cell of the
// same span.
func TestDOCXGrids(t *testing.T) {
	tblRE := regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`)
	rowRE := regexp.MustCompile(`(?s)<w:tr>.*?</w:tr>`)
	cellRE := regexp.MustCompile(`(?s)<w:tc>.*?</w:tc>`)
	spanRE := regexp.MustCompile(`<w:gridSpan w:val="(\d+)"/>`)
	for _, d := range DOCXDocs() {
		x := fallbackRE.ReplaceAllString(docxParts(t, d)["word/document.xml"], "")
		var widths []int
		for _, tbl := range tblRE.FindAllString(x, -1) {
			cols := strings.Count(tbl, "<w:gridCol ")
			widths = append(widths, cols)
			for i, row := range rowRE.FindAllString(tbl, -1) {
				n := 0
				for _, c := range cellRE.FindAllString(row, -1) {
					w := 1
					if m := spanRE.FindStringSubmatch(c); m != nil {
						w, _ = strconv.Atoi(m[1])
					}
					n += w
				}
				if n != cols {
					t.Errorf("%s: table of %d columns, row %d covers %d", d.Name, cols, i, n)
				}
			}
		}
		want := "4 10 15"
		if strings.Contains(d.Name, "-split-") {
			want = "4 10 10 15"
		}
		if got := stringsOf(widths); got != want {
			t.Errorf("%s: table widths %s", d.Name, got)
		}
	}
}

func stringsOf(v []int) string {
	var s []string
	for _, n := range v {
		s = append(s, strconv.Itoa(n))
	}
	return strings.Join(s, " ")
}

// TestDOCXNoStaleFiles: every gen-*.docx of corpus/docx is written by the
// generator (cmd/corpusgen does not remove files there, since docx/ also
// holds the LibreOffice documents).
func TestDOCXNoStaleFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "corpus", "docx")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skip("no corpus/docx")
	}
	want := map[string]bool{}
	for _, d := range DOCXDocs() {
		want[filepath.Base(d.Name)] = true
		want[filepath.Base(d.ExpectedName())] = true
	}
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, "gen-") && !isSnapshot(n) && !want[n] {
			t.Errorf("corpus/docx/%s is not written by the generator (remove it)", n)
		}
	}
}
