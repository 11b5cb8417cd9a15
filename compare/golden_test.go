package compare

import (
	"bytes"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// corpusSet reads the documents of corpus/compare into a comparison.
func corpusSet(t *testing.T, order string) *Set {
	t.Helper()
	docs, err := filepath.Glob("../corpus/compare/*.txt")
	if err != nil || len(docs) < 10 {
		t.Fatalf("corpus/compare: %d documents, %v", len(docs), err)
	}
	var rs []*model.Report
	var names []string
	for _, d := range docs {
		r, err := parser.ParseFile(d)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
		names = append(names, strings.TrimPrefix(filepath.ToSlash(d), "../"))
	}
	s, err := Build(rs, names, order)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func entry(t *testing.T, s *Set, label string) *Entry {
	t.Helper()
	for _, e := range s.Entries {
		if e.Label() == label {
			return e
		}
	}
	t.Fatalf("no report %q", label)
	return nil
}

func TestRegions(t *testing.T) {
	s := corpusSet(t, ByRegion)
	for label, want := range map[string]string{
		"洪泽区人民政府 2023":    "320813 江苏省 淮安市 洪泽区",
		"沭阳县人民政府 2025":    "321322 江苏省 宿迁市 沭阳县",
		"湛河区人民政府办公室 2023": "410411 河南省 平顶山市 湛河区",
		"平潭综合实验区 2019":    "350128 福建省 福州市 平潭县",
		"平潭综合实验区 2023":    "350128 福建省 福州市 平潭县",
	} {
		e := entry(t, s, label)
		if got := e.Code() + " " + e.Place(); got != want {
			t.Errorf("%s: %s, want %s (%s)", label, got, want, e.Report.Region.Basis)
		}
	}
	if k := entry(t, s, "湛河区人民政府办公室 2023").Report.Region.AgencyKind; k != "general_office" {
		t.Errorf("湛河区人民政府办公室 is a %s", k)
	}
	for _, y := range []string{"2022", "2023"} {
		g := entry(t, s, "鼓楼区人民政府 "+y).Report.Region
		if g.Code != nil || len(g.Candidates) != 4 || g.Confidence != 0 {
			t.Errorf("鼓楼区 %s: code %v, %d candidates, confidence %v; want ambiguous among 4", y, g.Code, len(g.Candidates), g.Confidence)
		}
	}
	// Columns in division order, the ambiguous agency last.
	var order []string
	for _, e := range s.Entries {
		order = append(order, e.Label())
	}
	want := "洪泽区人民政府 2023|沭阳县人民政府 2025|平潭综合实验区 2019|平潭综合实验区 2020|平潭综合实验区 2021|平潭综合实验区 2022|平潭综合实验区 2023|湛河区人民政府办公室 2023|鼓楼区人民政府 2022|鼓楼区人民政府 2023"
	if got := strings.Join(order, "|"); got != want {
		t.Errorf("order\n%s\nwant\n%s", got, want)
	}
	s = corpusSet(t, ByYear)
	if first, last := s.Entries[0].Label(), s.Entries[len(s.Entries)-1].Label(); first != "平潭综合实验区 2019" || last != "沭阳县人民政府 2025" {
		t.Errorf("by year: %s … %s", first, last)
	}
}

func near(t *testing.T, e *Entry, key string, want float64) {
	t.Helper()
	got, ok := e.Figures.Get(key)
	if !ok || math.Abs(got-want) > 1e-12 {
		t.Errorf("%s %s = %v (defined %v), want %v", e.Label(), key, got, ok, want)
	}
}

func null(t *testing.T, e *Entry, key string) {
	t.Helper()
	if v, ok := e.Figures.Get(key); ok {
		t.Errorf("%s %s = %v, want null", e.Label(), key, v)
	}
}

// TestDerivedFigures compares figures with values worked out by hand from
// the documents' tables.
func TestDerivedFigures(t *testing.T) {
	s := corpusSet(t, ByRegion)
	sy := entry(t, s, "沭阳县人民政府 2025")
	near(t, sy, "received", 749)            // 713 new + 36 carried over
	near(t, sy, "granted_share", 294.0/718) // （一）予以公开 294 of （七）总计 718
	near(t, sy, "partially_granted_share", 101.0/718)
	near(t, sy, "withheld_share", 32.0/718) // 2+2+13+2+4+9
	near(t, sy, "withheld_internal_affairs_share", 13.0/718)
	near(t, sy, "unavailable_share", 113.0/718)  // 111+2
	near(t, sy, "not_processed_share", 19.0/718) // 12+7
	near(t, sy, "other_share", 159.0/718)        // 9+7+143
	near(t, sy, "legal_person_share", 8.0/713)   // 3 enterprises + 5 law firms
	near(t, sy, "review_correction_rate", 10.0/46)
	near(t, sy, "litigation_correction_rate", 0) // 0 corrected of 3 + 9 concluded

	zh := entry(t, s, "湛河区人民政府办公室 2023")
	near(t, zh, "granted_share", 0.25)     // 3 of 12
	near(t, zh, "unavailable_share", 0.75) // 5+4 of 12
	null(t, zh, "review_correction_rate")  // no review: 0/0

	hz := entry(t, s, "洪泽区人民政府 2023")
	near(t, hz, "unavailable_share", 13.0/21)
	near(t, hz, "withheld_share", 3.0/21)
	null(t, hz, "review_correction_rate") // the document prints 总计 0: nothing concluded

	gl := entry(t, s, "鼓楼区人民政府 2023")
	near(t, gl, "received", 55)
	near(t, gl, "review_correction_rate", 2.0/7)
	near(t, gl, "litigation_correction_rate", 0.5) // 1 corrected of 3−1 pending
	near(t, gl, "legal_person_share", 7.0/52)

	p19 := entry(t, s, "平潭综合实验区 2019")
	null(t, p19, "review_correction_rate")
	null(t, p19, "litigation_correction_rate")
	if p19.Prev != nil || p19.Changes != nil {
		t.Error("平潭 2019 has no previous year among the inputs")
	}
	p22 := entry(t, s, "平潭综合实验区 2022")
	if p22.Prev == nil || p22.Prev.Label() != "平潭综合实验区 2021" {
		t.Fatalf("平潭 2022: previous %v", p22.Prev)
	}
	for _, c := range p22.Changes {
		switch c.Key {
		case "new_requests": // 74 against 70
			if *c.Delta != 4 || math.Abs(*c.Relative-4.0/70) > 1e-12 {
				t.Errorf("new_requests change %v %v", *c.Delta, *c.Relative)
			}
		case "granted_share": // 21/75 against 30/69
			if math.Abs(*c.Delta-(21.0/75-30.0/69)) > 1e-12 {
				t.Errorf("granted_share change %v", *c.Delta)
			}
		}
	}
}

func TestCarryOver(t *testing.T) {
	s := corpusSet(t, ByRegion)
	if len(s.Warnings) != 1 {
		t.Fatalf("%d carry-over warnings, want 1: %+v", len(s.Warnings), s.Warnings)
	}
	w := s.Warnings[0]
	if w.Rule != "carry_over" || w.Agency != "鼓楼区人民政府" || w.Year != 2023 || w.Expected != 5 || w.Actual != 3 {
		t.Errorf("warning %+v", w)
	}
	if !strings.HasSuffix(w.Prev, "tabs-gulou-district-2022.txt") || !strings.HasSuffix(w.Cur, "tabs-gulou-district-2023.txt") {
		t.Errorf("inputs %s, %s", w.Prev, w.Cur)
	}
	for _, y := range []string{"2020", "2021", "2022", "2023"} {
		c := entry(t, s, "平潭综合实验区 "+y).Carry
		if c == nil || !c.OK || !c.Known {
			t.Errorf("平潭 %s carry-over %+v, want checked and consistent", y, c)
		}
	}
	if c := entry(t, s, "平潭综合实验区 2022").Carry; c.CarriedOver != 1 || c.PrevCarriedForward != 1 {
		t.Errorf("平潭 2022: %+v", c)
	}
	// Failed checks of the documents themselves are marked.
	for label, n := range map[string]int{"洪泽区人民政府 2023": 2, "平潭综合实验区 2020": 2, "沭阳县人民政府 2025": 0} {
		if got := len(entry(t, s, label).Failed); got != n {
			t.Errorf("%s: %d failed checks, want %d", label, got, n)
		}
	}
}

// TestGoldenOutputs compares the terminal, Markdown and CSV tables with
// reviewed snapshots; -update rewrites them.
func TestGoldenOutputs(t *testing.T) {
	s := corpusSet(t, ByRegion)
	for name, write := range map[string]func(w *bytes.Buffer) error{
		"corpus.txt":  func(w *bytes.Buffer) error { return s.WriteText(w) },
		"corpus.md":   func(w *bytes.Buffer) error { return s.WriteMarkdown(w) },
		"corpus.csv":  func(w *bytes.Buffer) error { return s.WriteCSV(w) },
		"corpus.html": func(w *bytes.Buffer) error { return s.WriteHTML(w) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", name+".golden")
		if *update {
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./compare -update)", err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s differs from %s; run go test ./compare -update and review the diff", name, path)
		}
	}
}

// TestTextAlignment checks that every line of the terminal table puts its
// columns at the same display width (CJK characters count 2).
func TestTextAlignment(t *testing.T) {
	var b bytes.Buffer
	if err := corpusSet(t, ByRegion).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.SplitN(b.String(), "\n\n", 2)[0], "\n")
	w := DisplayWidth(lines[0])
	for i, l := range lines {
		if i == 1 {
			continue // the rule under the header
		}
		if DisplayWidth(l) != w {
			t.Errorf("line %d is %d wide, header %d: %q", i+1, DisplayWidth(l), w, l)
		}
	}
	if !strings.Contains(lines[0], "洪泽区人民政府 2023 ✗") {
		t.Errorf("report with failed checks not marked: %s", lines[0])
	}
	if !strings.Contains(b.String(), "⚠ 鼓楼区人民政府 2023 [carry_over] 鼓楼区人民政府2023年度“上年结转”为3件，而2022年度报告“结转下年度继续办理”为5件。") {
		t.Error("carry-over finding not printed")
	}
}
