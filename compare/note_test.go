package compare

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
)

// A share computed from the parts because the document left the 总计
// blank is marked in every format, with derive's note, so a reader knows
// it is not the printed arithmetic.
func TestFigureNotes(t *testing.T) {
	ds, _ := filepath.Glob("../corpus/compare/*shuyang*2025.txt")
	if len(ds) != 1 {
		t.Fatalf("corpus/compare: %v", ds)
	}
	r, err := parser.ParseFile(ds[0])
	if err != nil {
		t.Fatal(err)
	}
	// The 总计 of （一）予以公开 left blank, as if the document did.
	r.Applications.Set("granted", "total", 0)
	p := r.Provenance["applications.granted.total"]
	p.Text = ""
	r.Provenance["applications.granted.total"] = p
	s, err := Build(append([]*model.Report{}, r), []string{"shuyang.txt"}, ByRegion)
	if err != nil {
		t.Fatal(err)
	}
	const note = "（一）予以公开：总计栏空白，按六类申请人之和计算"
	var txt, md, csvb, xb, page bytes.Buffer
	if err := s.WriteText(&txt); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), `title="`+note+`"`) || !strings.Contains(page.String(), `<sup class="note">*</sup>`) ||
		!strings.Contains(page.String(), `id="figure-notes"`) {
		t.Errorf("HTML page without the mark, its title and the notes list")
	}
	s.WriteMarkdown(&md)
	s.WriteCSV(&csvb)
	s.WriteXLSX(&xb)
	if !strings.Contains(txt.String(), "%*") || !strings.Contains(txt.String(), "* 沭阳县人民政府 2025 · 予以公开占比: "+note) {
		t.Errorf("text output without the mark and the note:\n%s", txt.String())
	}
	if !strings.Contains(md.String(), `%\*`) || !strings.Contains(md.String(), note) {
		t.Errorf("markdown output without the mark and the note:\n%s", md.String())
	}
	if !strings.Contains(csvb.String(), "notes,注（未按所印数字计算）,予以公开占比: "+note) {
		t.Errorf("csv output without the notes row:\n%s", csvb.String())
	}
	f, err := excelize.OpenReader(&xb)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cs, _ := f.GetComments("对比")
	if len(cs) == 0 || !strings.Contains(cs[0].Text, note) {
		t.Errorf("xlsx comments %+v", cs)
	}
}
