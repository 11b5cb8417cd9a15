package corpusgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"

	"github.com/govreport/govreport/model"
)

func generate(t *testing.T) []File {
	t.Helper()
	files, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestDeterministic(t *testing.T) {
	a, b := generate(t), generate(t)
	if len(a) != len(b) {
		t.Fatalf("two runs give %d and %d files", len(a), len(b))
	}
	seen := map[string]bool{}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("run 1 and run 2 differ at %s / %s", a[i].Path, b[i].Path)
		}
		if seen[a[i].Path] {
			t.Errorf("%s written twice", a[i].Path)
		}
		seen[a[i].Path] = true
	}
}

// TestCorpusUpToDate fails when corpus/ differs from what the generator
// writes: run `go generate ./internal/corpusgen`.
func TestCorpusUpToDate(t *testing.T) {
	root := filepath.Join("..", "..", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skip("no corpus folder")
	}
	want := map[string]bool{}
	for _, f := range generate(t) {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		want[p] = true
		got, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v (run go generate ./internal/corpusgen)", p, err)
			continue
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s is stale (run go generate ./internal/corpusgen)", p)
		}
	}
	for _, d := range Dirs {
		filepath.WalkDir(filepath.Join(root, d), func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && !want[p] && !isSnapshot(p) {
				t.Errorf("%s is not written by the generator", p)
			}
			return nil
		})
	}
}

func TestCorpusSize(t *testing.T) {
	docs := Docs()
	if len(docs) < 30 || len(docs) > 60 {
		t.Errorf("%d documents, want 30–60", len(docs))
	}
	kinds := map[string]int{}
	for _, d := range docs {
		kinds[strings.SplitN(filepath.Base(d.Name), "-", 2)[0]]++
		if d.Report != nil {
			kinds["gen"+string(d.Report.Table2)+"/"+string(d.Report.Table3)]++
		} else {
			kinds["reject:"+d.Reject]++
		}
	}
	for _, k := range []string{"portal", "word", "legacy", "tabs", "aligned", "cells", "gen2021/2021", "gen2019/2019", "gen2021/2019", "reject:pre-2019", "reject:not-report", "reject:empty", "reject:attachment", "dump", "letter"} {
		if kinds[k] == 0 {
			t.Errorf("no document of kind %s", k)
		}
	}
}

// decode returns the document as UTF-8 text.
func decode(t *testing.T, d *Doc, b []byte) string {
	t.Helper()
	var e encoding.Encoding
	switch d.Encoding {
	case UTF8:
		if !utf8.Valid(b) {
			t.Fatalf("%s: not valid UTF-8", d.Name)
		}
		return string(b)
	case GBK:
		e = simplifiedchinese.GBK
	case GB18030:
		e = simplifiedchinese.GB18030
	default:
		t.Fatalf("%s: unknown encoding %q", d.Name, d.Encoding)
	}
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatalf("%s: %v", d.Name, err)
	}
	return string(out)
}

var (
	scriptRE = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)>|<!--.*?-->`)
	blockRE  = regexp.MustCompile(`(?i)</?(td|th|tr|p|br|div|li|h\d|table|tbody|ul)\b[^>]*>`)
	tagRE    = regexp.MustCompile(`<[^>]*>`)
	groupRE  = regexp.MustCompile(`(\d),(\d{3})`)
	numRE    = regexp.MustCompile(`[+-]?\d+(?:\.\d+)?`)
	enumRE   = regexp.MustCompile(`\d+[.、]([^\d])`)
)

// plain reduces a document to the text a reader sees: tags dropped
// (block tags as spaces, inline tags as nothing), entities resolved,
// full-width forms folded, thousands separators removed.
func plain(s string, isHTML bool) string {
	if isHTML {
		s = scriptRE.ReplaceAllString(s, " ")
		s = blockRE.ReplaceAllString(s, " ")
		s = tagRE.ReplaceAllString(s, "")
		s = html.UnescapeString(s)
		s = strings.ReplaceAll(s, "\u00a0", " ")
	}
	s = norm.NFKC.String(s)
	for groupRE.MatchString(s) {
		s = groupRE.ReplaceAllString(s, "$1$2")
	}
	return s
}

// tokens returns the numbers of s, without the item numbers of labels
// (1.属于国家秘密, 2、重复申请).
func tokens(s string) []string {
	var out []string
	s = enumRE.ReplaceAllString(s, "$1")
	for _, m := range numRE.FindAllString(s, -1) {
		out = append(out, strings.TrimPrefix(m, "+"))
	}
	return out
}

// subsequence reports the first value of want that is not found, in
// order, in have; "" when all are.
func subsequence(have, want []string) string {
	i := 0
	for _, w := range want {
		for i < len(have) && have[i] != w {
			i++
		}
		if i == len(have) {
			return w
		}
		i++
	}
	return ""
}

// printed returns the canonical numbers of each table in reading order,
// and the number of zero cells.
func printed(d *Doc) (t2, t3, t4 []string, zeros int) {
	v := d.Values()
	add := func(list *[]string, s string) {
		if isZero(s) {
			zeros++
			return
		}
		*list = append(*list, s)
	}
	unit := v.ProcurementUnit
	if d.Style.Unit != "" {
		unit = d.Style.Unit
	}
	for _, row := range model.DisclosureRows(v.Table2) {
		if _, ok := v.Disclosure[row.Key]; !ok {
			continue // a row the document does not print
		}
		for i, f := range row.Fields {
			s := v.Disclosure[row.Key][i]
			if f.Key == "amount_yuan" && unit == "万元" && !isZero(s) {
				s = shift(s, 4)
			}
			add(&t2, s)
		}
	}
	for _, row := range model.ApplicationRowsFor(v.Table3) {
		vals := v.Apps[row.Key]
		if d.Style.MergedOther && row.Group == "（六）其他处理" {
			// The merged cells print the sum once, on the first sub-row.
			if row.Key != "other_no_correction" {
				continue
			}
			vals = mergedOther(v.Apps)
		}
		for _, n := range vals {
			add(&t3, strconv.Itoa(n))
		}
	}
	for g := range v.Review {
		for _, n := range v.Review[g] {
			add(&t4, strconv.Itoa(n))
		}
	}
	return
}

// missing returns a description of the first number of d that text lacks.
// Each table is looked for between its own anchors, so that a number of
// the prose cannot stand in for a dropped cell.
func missing(d *Doc, text string) string {
	t2, t3, t4, zeros := printed(d)
	end := strings.Index(text, d.Report.Heading(4))
	if end < 0 {
		return "heading 五"
	}
	segs := []struct {
		from, to string
		want     []string
	}{{"第二十条", "稽关系", t2}, {"稽关系", "行政复议", t3}, {"复议后起诉", "", t4}}
	for _, seg := range segs {
		i := strings.Index(text, seg.from)
		if i < 0 {
			return "anchor " + seg.from
		}
		j := end
		if seg.to != "" {
			j = i + strings.Index(text[i:], seg.to)
		}
		if j < i {
			return "anchor " + seg.to
		}
		if w := subsequence(tokens(text[i:j]), seg.want); w != "" {
			return fmt.Sprintf("value %s after %s", w, seg.from)
		}
	}
	printsZero := !d.Style.BlankSubTotals
	for _, z := range d.Style.Zeros {
		if z != "0" {
			printsZero = false
		}
	}
	if printsZero {
		i := strings.Index(text, "第二十条")
		n := 0
		for _, tok := range tokens(text[i:end]) {
			if tok == "0" {
				n++
			}
		}
		if n < zeros {
			return fmt.Sprintf("only %d zeros printed for %d zero cells", n, zeros)
		}
	}
	return ""
}

// TestNumbersPresent fails when a renderer drops a value: every number of
// a document's tables must appear in it, in reading order.
func TestNumbersPresent(t *testing.T) {
	for _, d := range Docs() {
		if d.Report == nil {
			continue
		}
		b, err := d.Render()
		if err != nil {
			t.Fatal(err)
		}
		text := plain(decode(t, d, b), strings.HasSuffix(d.Name, ".html"))
		if d.Dump != nil {
			// Runs of digits: checked cell by cell in TestDumpRuns.
		} else if m := missing(d, text); m != "" {
			t.Errorf("%s: missing %s", d.Name, m)
		}
		if !strings.Contains(strings.Join(strings.Fields(text), ""), strings.Join(strings.Fields(d.Report.Title), "")) {
			t.Errorf("%s: title missing", d.Name)
		}
	}
}

// TestMissingDetects makes sure the check above can fail.
func TestMissingDetects(t *testing.T) {
	for _, d := range Docs() {
		if d.Name != "text/tabs-2021-qinglan-county-2023.txt" {
			continue
		}
		b, _ := d.Render()
		text := string(b)
		if m := missing(d, text); m != "" {
			t.Fatalf("intact document reported missing %s", m)
		}
		i := strings.Index(text, "勾稽")
		cut := text[:i] + strings.Replace(text[i:], "\t5\t", "\t\t", 1)
		if missing(d, cut) == "" {
			t.Error("a dropped value was not detected")
		}
		return
	}
	t.Fatal("document not found")
}

func TestEncodings(t *testing.T) {
	for _, d := range Docs() {
		b, err := d.Render()
		if err != nil {
			t.Fatal(err)
		}
		switch d.Encoding {
		case GBK, GB18030:
			if utf8.Valid(b) {
				t.Errorf("%s: bytes are valid UTF-8, want %s", d.Name, d.Encoding)
			}
			e := encoding.Encoding(simplifiedchinese.GBK)
			if d.Encoding == GB18030 {
				e = simplifiedchinese.GB18030
			}
			s := decode(t, d, b)
			back, err := e.NewEncoder().Bytes([]byte(s))
			if err != nil || !bytes.Equal(back, b) {
				t.Errorf("%s: does not round-trip through %s (%v)", d.Name, d.Encoding, err)
			}
			if !strings.Contains(s, d.Report.Title) {
				t.Errorf("%s: decoded text lacks the title", d.Name)
			}
			if strings.Contains(string(b), d.Report.Title) {
				t.Errorf("%s: the title is readable as UTF-8", d.Name)
			}
			lower := strings.ToLower(s)
			if d.Encoding == GBK && !strings.Contains(lower, "charset=gb2312") {
				t.Errorf("%s: no gb2312 declaration", d.Name)
			}
			if d.Encoding == GB18030 && strings.Contains(lower, "charset") {
				t.Errorf("%s: declares a charset", d.Name)
			}
		default:
			if !utf8.Valid(b) {
				t.Errorf("%s: not valid UTF-8", d.Name)
			}
		}
	}
}

// tableWidths expands the spans of every table of an HTML page and returns
// the width of each table, or an error when its rows differ in width.
func tableWidths(page string) ([]int, error) {
	doc, err := nethtml.Parse(strings.NewReader(page))
	if err != nil {
		return nil, err
	}
	var widths []int
	var firstErr error
	var walk func(n *nethtml.Node)
	walk = func(n *nethtml.Node) {
		if n.Type == nethtml.ElementNode && n.Data == "table" {
			w, err := gridWidth(n)
			if err != nil && firstErr == nil {
				firstErr = err
			}
			widths = append(widths, w)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return widths, firstErr
}

func gridWidth(table *nethtml.Node) (int, error) {
	var rows [][]*nethtml.Node
	var collect func(n *nethtml.Node)
	collect = func(n *nethtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != nethtml.ElementNode {
				continue
			}
			switch c.Data {
			case "tr":
				var cells []*nethtml.Node
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == nethtml.ElementNode && (td.Data == "td" || td.Data == "th") {
						cells = append(cells, td)
					}
				}
				rows = append(rows, cells)
			case "tbody", "thead":
				collect(c)
			}
		}
	}
	collect(table)
	span := func(n *nethtml.Node, name string) int {
		for _, a := range n.Attr {
			if a.Key == name {
				v, err := strconv.Atoi(a.Val)
				if err == nil && v > 0 {
					return v
				}
			}
		}
		return 1
	}
	busy := map[[2]int]bool{}
	width := -1
	for r, cells := range rows {
		c := 0
		for _, td := range cells {
			for busy[[2]int{r, c}] {
				c++
			}
			rs, cs := span(td, "rowspan"), span(td, "colspan")
			for dr := 0; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					busy[[2]int{r + dr, c + dc}] = true
				}
			}
			c += cs
		}
		for busy[[2]int{r, c}] {
			c++
		}
		if width >= 0 && c != width {
			return width, fmt.Errorf("row %d is %d wide, row 0 is %d", r, c, width)
		}
		width = c
	}
	return width, nil
}

// TestHTMLGrids checks that the spans of every HTML table make a
// rectangular grid of the template's width: 4 (table 二), 10 (table 三),
// 15 (table 四).
func TestHTMLGrids(t *testing.T) {
	for _, d := range Docs() {
		if d.Report == nil || !strings.HasSuffix(d.Name, ".html") {
			continue
		}
		b, _ := d.Render()
		widths, err := tableWidths(decode(t, d, b))
		if err != nil {
			t.Errorf("%s: %v", d.Name, err)
			continue
		}
		var data []int
		for _, w := range widths {
			if w == 5 {
				w = 4 // the five-column 2019 table 二
			}
			if w == 4 || w == 10 || w == 15 {
				data = append(data, w)
			}
		}
		if fmt.Sprint(data) != "[4 10 15]" {
			t.Errorf("%s: table widths %v", d.Name, widths)
		}
	}
}

// failing returns the checks of TEMPLATE.md that fail on v, as
// "rule:scope" strings.
func failing(v *Report) []string {
	var out []string
	results := model.ResultRows(v.Table3)
	for c, col := range model.ApplicationColumns {
		a := v.Apps
		if a["new_requests"][c]+a["carried_over"][c] != a["total"][c]+a["carried_forward"][c] {
			out = append(out, "balance:"+col.Key)
		}
		sum := 0
		for _, r := range results {
			sum += a[r][c]
		}
		if sum != a["total"][c] {
			out = append(out, "results:"+col.Key)
		}
	}
	for _, row := range model.ApplicationRowsFor(v.Table3) {
		vals := v.Apps[row.Key]
		if vals[0]+vals[1]+vals[2]+vals[3]+vals[4]+vals[5] != vals[6] {
			out = append(out, "row_total:"+row.Key)
		}
	}
	for g, grp := range model.ReviewGroups {
		x := v.Review[g]
		if x[0]+x[1]+x[2]+x[3] != x[4] {
			name := grp.Key + "_total"
			if grp.Key == "review" {
				name = "review_total"
			}
			out = append(out, name+":")
		}
	}
	sort.Strings(out)
	return out
}

// TestArithmetic pins down which checks fail on each document's values:
// none, except where the document is wrong on purpose.
func TestArithmetic(t *testing.T) {
	want := map[string]string{
		"hebin-district-2023": "[litigation_after_review_total: review_total:]",
		"nanpu-district-2022": "[results:total review_total: row_total:granted]",
	}
	for _, d := range Docs() {
		if d.Report == nil {
			continue
		}
		got := fmt.Sprint(failing(d.Values()))
		w := want[d.Report.Slug]
		if w == "" {
			w = "[]"
		}
		if d.Style.BlankSubTotals {
			if !strings.Contains(got, "results:total") || !strings.Contains(got, "row_total:granted") {
				t.Errorf("%s: blank 总计 column should fail results:total and row_total, got %s", d.Name, got)
			}
			continue
		}
		if got != w {
			t.Errorf("%s: failing checks %s, want %s", d.Name, got, w)
		}
	}
}

// TestExpectedFiles checks the shape of every expected file.
func TestExpectedFiles(t *testing.T) {
	for _, d := range Docs() {
		b, err := d.Expected()
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", d.ExpectedName(), err)
		}
		if d.Report == nil {
			if m["reject"] != true || m["reason"] != d.Reject {
				t.Errorf("%s: %v", d.ExpectedName(), m)
			}
			continue
		}
		apps := m["applications"].(map[string]any)
		n := map[string]int{"2019": 23, "2021": 25}[m["template"].(string)]
		if len(apps) != n {
			t.Errorf("%s: %d rows for template %v", d.ExpectedName(), len(apps), m["template"])
		}
		for k, row := range apps {
			if len(row.(map[string]any)) != 7 {
				t.Errorf("%s: row %s has %d columns", d.ExpectedName(), k, len(row.(map[string]any)))
			}
		}
		if len(m["active_disclosure"].(map[string]any)) != len(model.DisclosureRows(d.Report.Table2)) {
			t.Errorf("%s: table 二 rows", d.ExpectedName())
		}
		if m["agency"] != d.Report.Agency || m["year"] != float64(d.Report.Year) {
			t.Errorf("%s: agency/year %v %v", d.ExpectedName(), m["agency"], m["year"])
		}
	}
}

func TestShift(t *testing.T) {
	for _, c := range [][2]string{{"251000", "25.1"}, {"75394432.52", "7539.443252"}, {"5", "0.0005"}, {"10000", "1"}} {
		if got := shift(c[0], 4); got != c[1] {
			t.Errorf("shift(%s) = %s, want %s", c[0], got, c[1])
		}
	}
	if got := group("3985758"); got != "3,985,758" {
		t.Errorf("group = %s", got)
	}
	if got := group("96171.6"); got != "96,171.6" {
		t.Errorf("group = %s", got)
	}
}

// isSnapshot reports the parser's output snapshots that the golden test
// in corpus/ keeps beside the documents; the generator does not own them.
func isSnapshot(p string) bool { return strings.HasSuffix(p, ".golden.json") }
