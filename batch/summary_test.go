package batch

import (
	"encoding/json"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/output"
	"github.com/govreport/govreport/parser"
)

// viaJSON is what the spool gave back before: s through JSON.
func viaJSON(t *testing.T, s *output.Summary) *output.Summary {
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var back output.Summary
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	return &back
}

func checkSummary(t *testing.T, name string, s *output.Summary) {
	t.Helper()
	b, err := encodeSummary(nil, s)
	if err != nil {
		t.Fatal(err)
	}
	var got output.Summary
	if err := decodeSummary(b, &got); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if want := viaJSON(t, s); !reflect.DeepEqual(&got, want) {
		t.Errorf("%s: decoded summary differs from the JSON round trip\n got %+v\nwant %+v", name, got, *want)
	}
	// damage: every cut and a flipped byte give an error or a summary, never a panic
	for i := 0; i < len(b); i += 1 + len(b)/300 {
		var x output.Summary
		if decodeSummary(b[:i], &x) == nil && i > 0 {
			t.Errorf("%s: summary cut at %d of %d bytes decoded", name, i, len(b))
		}
	}
	for i := 0; i < len(b); i += 7 {
		c := append([]byte(nil), b...)
		c[i] ^= 0xa5
		var x output.Summary
		decodeSummary(c, &x)
	}
}

// The spool's form of a summary decodes to what JSON gave, for the
// corpus's reports and for values JSON writes in other forms.
func TestSummaryForm(t *testing.T) {
	p := parser.New()
	var files []string
	for _, pat := range []string{"../corpus/text/*.txt", "../corpus/html/*.html"} {
		fs, _ := filepath.Glob(pat)
		files = append(files, fs...)
	}
	if len(files) > 40 {
		files = files[:40]
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := p.ParseContext(t.Context(), f, src)
		if err != nil {
			continue
		}
		checkSummary(t, f, output.Summarize(r))
	}
	rng := rand.New(rand.NewSource(1))
	odd := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -2.25, 1 << 53, -(1 << 53), 1<<53 + 2, 1e300, -1e-300, 123456789, 0.1 + 0.2}
	for k := 0; k < 200; k++ {
		n := rng.Intn(40)
		s := &output.Summary{Format: "text", Template: "2021", Warnings: rng.Intn(3), Findings: []model.Finding{}}
		if k%5 != 0 {
			s.Cells = make([]*float64, n)
		}
		if k%3 != 0 {
			s.Prov = make([]*output.CellInfo, n)
		}
		for i := 0; i < n; i++ {
			if s.Cells != nil && rng.Intn(3) > 0 {
				v := odd[rng.Intn(len(odd))]
				if rng.Intn(2) == 0 {
					v = float64(rng.Int63n(1<<40) - 1<<39)
				}
				s.Cells[i] = &v
			}
			if s.Prov != nil && rng.Intn(3) > 0 {
				s.Prov[i] = &output.CellInfo{Text: string(rune('一' + rng.Intn(50))), Page: rng.Intn(3), Line: rng.Intn(500) - 1,
					Inferred: rng.Intn(2) == 0, Null: []string{"", "cell_unreadable"}[rng.Intn(2)]}
			}
		}
		checkSummary(t, "generated", s)
	}
	// the JSON form (earlier spools, hand-written journals) still reads
	var s output.Summary
	if err := decodeSummary([]byte(`{"format":"html","cells":[1,null]}`), &s); err != nil || s.Format != "html" || len(s.Cells) != 2 || *s.Cells[0] != 1 {
		t.Errorf("JSON summary: %+v %v", s, err)
	}
}

// BenchmarkSummaryDecode: what the writers' side pays per summary.
func BenchmarkSummaryDecode(b *testing.B) {
	src, err := os.ReadFile("../corpus/text/aligned-2019-dongyu-county-2020.txt")
	if err != nil {
		b.Skip(err)
	}
	r, err := parser.New().ParseContext(b.Context(), "a.txt", src)
	if err != nil {
		b.Fatal(err)
	}
	s := output.Summarize(r)
	bin, _ := encodeSummary(nil, s)
	js, _ := json.Marshal(s)
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var x output.Summary
			json.Unmarshal(js, &x)
		}
	})
	b.Run("spool", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var x output.Summary
			decodeSummary(bin, &x)
		}
	})
}
