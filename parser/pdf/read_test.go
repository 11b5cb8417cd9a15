package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/govreport/govreport/parser/docerr"
	"github.com/govreport/govreport/parser/layout"
)

func readFile(t testing.TB, path string) *layout.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	doc, err := Read(src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

// checkShape asserts the invariants every document must keep.
func checkShape(t *testing.T, name string, doc *layout.Document) {
	t.Helper()
	if doc.Format != "pdf" || doc.Pages == 0 {
		t.Errorf("%s: format %q pages %d", name, doc.Format, doc.Pages)
	}
	prevPage := 1
	for i, l := range doc.Lines {
		if l.Num != i+1 {
			t.Fatalf("%s: line %d has Num %d", name, i+1, l.Num)
		}
		if l.Page < prevPage || l.Page > doc.Pages {
			t.Fatalf("%s: line %d on page %d after page %d", name, l.Num, l.Page, prevPage)
		}
		prevPage = l.Page
		if len(l.Cells) == 0 {
			t.Fatalf("%s: line %d without cells", name, l.Num)
		}
		for _, c := range l.Cells {
			if !c.HasX || c.X1 < c.X0 {
				t.Fatalf("%s: line %d cell %q without a proper extent", name, l.Num, c.Text)
			}
			if l.Table == 0 && c.Col != -1 {
				t.Fatalf("%s: plain line %d has a cell in column %d", name, l.Num, c.Col)
			}
		}
		if pageNumber.MatchString(l.Joined()) {
			t.Errorf("%s: page number left in: line %d %q", name, l.Num, l.Joined())
		}
	}
}

var pageNumber = regexp.MustCompile(`^[-—–]\s*\d+\s*[-—–]$`)

// grid returns table 三's rows: label → values by column (1–7).
func grid(doc *layout.Document) (header []string, rows map[string][8]string, order []string) {
	rows = map[string][8]string{}
	for _, l := range doc.Lines {
		if l.Table != requestsTable {
			continue
		}
		if len(l.Cells) == 7 && l.Cells[0].Col == 1 && l.Cells[0].Text == "自然人" {
			header = l.Texts()
			continue
		}
		var r [8]string
		label := ""
		for _, c := range l.Cells {
			if c.Col == 0 {
				label = c.Text
				continue
			}
			if c.Col >= 1 && c.Col <= 7 {
				r[c.Col] = c.Text
			}
		}
		rows[label] = r
		order = append(order, label)
	}
	return
}

func TestFieldGrids(t *testing.T) {
	field := filepath.Join("..", "..", "..", "shared", "field")
	t.Run("huaian", func(t *testing.T) {
		doc := readFile(t, filepath.Join(field, "01-huaian-city-2024.pdf"))
		checkShape(t, "01", doc)
		header, rows, order := grid(doc)
		if strings.Join(header, "|") != "自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计" {
			t.Errorf("header %q", header)
		}
		if len(order) != 25+5 { // 25 rows, the outer group and 4 groups
			t.Errorf("%d grid lines: %q", len(order), order)
		}
		want := map[string]string{
			"(一)予以公开": "1288|21|0|0|50|3|1362",
			"(二)部分公开(区分处理的,只计这一情形,不计其他情形)":      "447|7|0|0|0|0|454",
			"2.没有现成信息需要另行制作":                    "11|0|0|0|0|0|11", // across the page break
			"1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": "67|3|0|0|1|0|71",
			"四、结转下年度继续办理":                       "103|0|0|0|0|0|103",
		}
		for label, v := range want {
			r, ok := rows[label]
			if !ok {
				t.Errorf("no row %q", label)
				continue
			}
			if got := strings.Join(r[1:], "|"); got != v {
				t.Errorf("%s: %s, want %s", label, got, v)
			}
		}
		for _, g := range []string{"三、本年度办理结果", "(三)不予公开", "(四)无法提供", "(五)不予处理", "(六)其他处理"} {
			if r, ok := rows[g]; !ok || strings.Join(r[1:], "") != "" {
				t.Errorf("group label %q missing or with values", g)
			}
		}
	})
	t.Run("hongze", func(t *testing.T) {
		doc := readFile(t, filepath.Join(field, "02-hongze-district-2023.pdf"))
		checkShape(t, "02", doc)
		if doc.Title != "洪泽区人民政府2023年政府信息公开工作年度报告" {
			t.Errorf("title %q", doc.Title)
		}
		_, rows, _ := grid(doc)
		if r := rows["(六)其他处理"]; strings.Join(r[1:], "|") != "0|0|0|0|0|0|0" {
			t.Errorf("2019-style (六) row: %q", r)
		}
		if r := rows["5.要求行政机关确认或重新出具已获取信息"]; strings.Join(r[1:], "|") != "0|0|0|0|0|0|0" {
			t.Errorf("wrapped label row: %q", r)
		}
		// table 二 and 四 stay plain lines with positions
		found := false
		for _, l := range doc.Lines {
			if l.Joined() == "行政事业性收费7730.28" && l.Table == 0 && len(l.Cells) == 2 {
				found = true
			}
		}
		if !found {
			t.Error("table 二 fee line not found as two cells")
		}
	})
}

// reviewHeader finds table 四's merged outcome header line.
func reviewHeader(doc *layout.Document) []string {
	for _, l := range doc.Lines {
		if len(l.Cells) == 15 && l.Cells[0].Text == "结果维持" {
			return l.Texts()
		}
	}
	return nil
}

func TestReviewHeaders(t *testing.T) {
	want := strings.Repeat("结果维持|结果纠正|其他结果|尚未审结|总计|", 3)
	files := []string{filepath.Join("..", "..", "..", "shared", "field", "01-huaian-city-2024.pdf"), filepath.Join("..", "..", "..", "shared", "field", "02-hongze-district-2023.pdf")}
	more, _ := filepath.Glob(filepath.Join("..", "..", "corpus", "pdf", "*.pdf"))
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		doc, err := Read(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(reviewHeader(doc), "|") + "|"; got != want {
			t.Errorf("%s: table 四 header %q", filepath.Base(f), got)
		}
	}
}

// TestCorpus reads every PDF of the corpus: the requests table must come
// out as a grid whatever the producer.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "corpus", "pdf", "*.pdf"))
	if len(files) == 0 {
		t.Skip("no corpus PDFs")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			doc := readFile(t, f)
			checkShape(t, name, doc)
			header, _, order := grid(doc)
			if len(header) != 7 {
				t.Errorf("no header line for table 三")
			}
			if len(order) < 23 {
				t.Errorf("table 三 has %d lines", len(order))
			}
		})
	}
}

func TestEncrypted(t *testing.T) {
	for _, c := range []struct {
		file string
		kind docerr.Kind // Unknown: readable
	}{
		{"encrypted-empty-user-rc4.pdf", docerr.Unknown},
		{"encrypted-empty-user-aes128.pdf", docerr.Unknown},
		{"encrypted-password-rc4.pdf", docerr.Encrypted},
		{"encrypted-empty-user-aes256.pdf", docerr.Unknown},        // AES-256 (R6): decrypted by us
		{"encrypted-empty-user-aes256-objstm.pdf", docerr.Unknown}, // and its object streams
		{"encrypted-password-aes256.pdf", docerr.Encrypted},
	} {
		src, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Read(src)
		if k := docerr.KindOf(err); k != c.kind {
			t.Errorf("%s: %v, want kind %v", c.file, err, c.kind)
			continue
		}
		if c.kind == docerr.Unknown {
			if !strings.Contains(doc.Lines[0].Joined(), "江淮市人民政府") {
				t.Errorf("%s: first line %q", c.file, doc.Lines[0].Joined())
			}
			if doc.Title != "江淮市人民政府2024年政府信息公开工作年度报告" {
				t.Errorf("%s: title %q", c.file, doc.Title)
			}
			_, rows, _ := grid(doc)
			if r := rows["(一)予以公开"]; strings.Join(r[1:], "|") != "1288|21|0|0|50|3|1362" {
				t.Errorf("%s: table 三 not read: %q", c.file, r)
			}
			if len(doc.Warnings) > 0 {
				t.Errorf("%s: warnings %v", c.file, doc.Warnings)
			}
		}
	}
}

func TestScanned(t *testing.T) {
	// a page that only draws an image
	src := buildPDF("q 100 0 0 100 0 0 cm /Im1 Do Q", "<< /XObject << /Im1 IMG >> >>", true)
	_, err := Read(src)
	if docerr.KindOf(err) != docerr.Scanned || !strings.Contains(err.Error(), "OCR") {
		t.Fatalf("got %v", err)
	}
}

// TestConcurrent reads documents in parallel: nothing is shared between
// reads (run with -race).
func TestConcurrent(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "corpus", "pdf", "gowriter-*.pdf"))
	if len(files) == 0 {
		t.Skip("no corpus PDFs")
	}
	var srcs [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, b)
	}
	want := make([]string, len(srcs))
	for i, b := range srcs {
		want[i] = strings.Join(lineTexts(mustRead(t, b)), "\n")
	}
	errs := make(chan error, 4*len(srcs))
	for k := 0; k < 4; k++ {
		for i, b := range srcs {
			go func(i int, b []byte) {
				doc, err := Read(b)
				if err == nil && strings.Join(lineTexts(doc), "\n") != want[i] {
					err = fmt.Errorf("file %d read differently in parallel", i)
				}
				errs <- err
			}(i, b)
		}
	}
	for k := 0; k < 4*len(srcs); k++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
