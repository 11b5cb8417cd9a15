package ocr_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/govreport/govreport/internal/scancorpus"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/ocr"
)

// The scanned corpus: our own corpus PDFs (corpus/pdf) scanned at test
// time by internal/scancorpus (turned up to a degree, blurred, greyed,
// speckled, JPEG 75, wrapped in an image-only PDF) and read back with the
// values their expected JSON gives. No number may be invented on any of
// them; at 200 dpi at least 95% of the cells must be read.
var scanSources = []string{
	"lo-docx-2021-qinglan-county-2023",
	"gs-lo-2019-dongjiang-govoffice-2019",
	"chromium-2021-nanpu-district-2022-bad-sums",
}

// needEngine skips without Tesseract or pdftoppm, except under CI, which
// installs them (.ci/run).
func needEngine(t testing.TB) {
	t.Helper()
	skip := t.Skipf
	if os.Getenv("CI") != "" {
		skip = t.Fatalf
	}
	if _, err := ocr.Find(""); err != nil {
		skip("the scanned corpus is not read: %v (Debian: apt-get install %s poppler-utils)", err, ocr.Packages)
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		skip("the scanned corpus is not made: pdftoppm is not installed (Debian: apt-get install poppler-utils)")
	}
}

// tally counts a report's table cells against the expected values.
type tally struct{ cells, right, null, wrong int }

func (a *tally) add(b tally) {
	a.cells += b.cells
	a.right += b.right
	a.null += b.null
	a.wrong += b.wrong
}

func score(t *testing.T, name string, r *model.Report, want map[string]map[string]map[string]float64) tally {
	var s tally
	for _, tb := range []struct {
		key string
		t   *model.Table
	}{{"active_disclosure", r.ActiveDisclosure}, {"applications", r.Applications}, {"review_litigation", r.ReviewLitigation}} {
		for row, cols := range want[tb.key] {
			for col, v := range cols {
				s.cells++
				var got *float64
				if tb.t != nil {
					if c := tb.t.Cell(row, col); c != nil {
						got = c.Value
					}
				}
				switch {
				case got == nil:
					s.null++
				case *got == v:
					s.right++
				default:
					s.wrong++
					path := tb.key + "." + row + "." + col
					t.Errorf("%s: %s = %v, the document prints %v (provenance %+v): a number invented", name, path, *got, v, r.Provenance[path])
				}
			}
		}
	}
	return s
}

func TestScannedCorpus(t *testing.T) {
	needEngine(t)
	dpis := []int{150, 200, 300}
	if testing.Short() {
		dpis = []int{200}
	}
	p := parser.New(parser.WithOCR(parser.OCRAuto))
	totals := map[int]*tally{}
	for _, dpi := range dpis {
		totals[dpi] = &tally{}
	}
	for _, src := range scanSources {
		path := filepath.Join("..", "..", "corpus", "pdf", src+".pdf")
		var want struct {
			A map[string]map[string]float64 `json:"active_disclosure"`
			B map[string]map[string]float64 `json:"applications"`
			C map[string]map[string]float64 `json:"review_litigation"`
		}
		data, err := os.ReadFile(strings.TrimSuffix(path, ".pdf") + ".expected.json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		expected := map[string]map[string]map[string]float64{"active_disclosure": want.A, "applications": want.B, "review_litigation": want.C}
		for _, dpi := range dpis {
			name := fmt.Sprintf("%s-%ddpi", src, dpi)
			s, err := scancorpus.Make(path, dpi, 75, int64(len(src)))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			start := time.Now()
			r, err := p.Parse(name+".pdf", s.PDF)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			got := score(t, name, r, expected)
			totals[dpi].add(got)
			t.Logf("%s (%d pages, %.2f°, %d KB): %d of %d cells right, %d null, %d wrong, %.1fs",
				name, s.Pages, s.Angle, len(s.PDF)>>10, got.right, got.cells, got.null, got.wrong, time.Since(start).Seconds())
			if !strings.Contains(fmt.Sprint(r.Warnings), "read by OCR") {
				t.Errorf("%s: no warning says the report was read by OCR", name)
			}
		}
	}
	for _, dpi := range dpis {
		s := totals[dpi]
		pct := 100 * float64(s.right) / float64(max(1, s.cells))
		t.Logf("%d dpi: %d of %d cells right (%.1f%%), %d null, %d wrong", dpi, s.right, s.cells, pct, s.null, s.wrong)
		if dpi == 200 && pct < 95 {
			t.Errorf("200 dpi: %.1f%% of the cells right, the goal is 95%%", pct)
		}
	}
}

// BenchmarkScannedPage reads one 200-dpi scan and reports seconds per page
// and where the time goes (decoding the page images, deskew and grid, the
// Tesseract processes).
func BenchmarkScannedPage(b *testing.B) {
	needEngine(b)
	path := filepath.Join("..", "..", "corpus", "pdf", scanSources[0]+".pdf")
	s, err := scancorpus.Make(path, 200, 75, 1)
	if err != nil {
		b.Fatal(err)
	}
	var st ocr.Stats
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := ocr.ReadPDF(b.Context(), s.PDF, ocr.Options{})
		if err != nil {
			b.Fatal(err)
		}
		st.Pages += d.Stats.Pages
		st.Decode += d.Stats.Decode
		st.Grid += d.Stats.Grid
		st.OCR += d.Stats.OCR
	}
	pages := float64(st.Pages)
	b.ReportMetric(b.Elapsed().Seconds()/pages, "s/page")
	b.ReportMetric(st.Decode.Seconds()/pages, "decode-s/page")
	b.ReportMetric(st.Grid.Seconds()/pages, "grid-s/page")
	b.ReportMetric(st.OCR.Seconds()/pages, "ocr-s/page")
	b.ReportMetric(float64(runtime.NumCPU()), "cpus")
}
