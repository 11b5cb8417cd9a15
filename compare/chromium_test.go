package compare

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

const chromiumBin = "/usr/bin/chromium"

// chromium returns the browser, skipping the test on a machine without
// it unless CI is set (CI installs it with scripts/ci/install-chromium.sh).
func chromium(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(chromiumBin); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set and %s is missing: run scripts/ci/install-chromium.sh first", chromiumBin)
		}
		t.Skipf("%s not installed (scripts/ci/install-chromium.sh installs it)", chromiumBin)
	}
	return chromiumBin
}

// runChromium runs headless Chromium on the page with a fresh profile and
// returns its standard output. The deadline only stops a hung browser.
func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, errb.String())
	}
	return out.Bytes()
}

// TestHTMLInChromium opens the page of the corpus comparison in headless
// Chromium: the charts must be laid out (bars and points with a size), the
// numbers on the page must equal the derived figures, the failed checks and
// the carry-over warning must be listed, and a screenshot is saved.
func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	s := corpusSet(t, ByRegion)
	dir := t.TempDir()
	page := filepath.Join(dir, "compare.html")
	var b bytes.Buffer
	if err := s.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + page
	dom := runChromium(t, bin, "--dump-dom", url)
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(dom))
	if err != nil {
		t.Fatal(err)
	}

	// What the page should show, from the data.
	latest := s.latest()
	wantBars, wantPoints := 0, 0
	for _, k := range BarIndicators {
		for _, e := range latest {
			if v, ok := e.Figures.Get(k); ok && v > 0 {
				wantBars++
			}
		}
	}
	series := s.series()
	for _, es := range series {
		for _, keys := range [][]string{LineCounts, LineShares} {
			for _, k := range keys {
				for _, e := range es {
					if _, ok := e.Figures.Get(k); ok {
						wantPoints++
					}
				}
			}
		}
	}
	body := doc.Find("body")
	if got, _ := body.Attr("data-bars-drawn"); got != strconv.Itoa(wantBars) || wantBars < 20 {
		t.Errorf("the browser laid out %s bars with a size, want %d", got, wantBars)
	}
	if got, _ := body.Attr("data-points-drawn"); got != strconv.Itoa(wantPoints) || wantPoints < 40 {
		t.Errorf("the browser laid out %s line points, want %d", got, wantPoints)
	}
	if n := doc.Find(`figure[data-chart="bars"] svg`).Length(); n != len(BarIndicators) {
		t.Errorf("%d bar charts, want %d", n, len(BarIndicators))
	}
	if n := doc.Find(`figure[data-chart="lines"] svg`).Length(); n != 2*len(series) || len(series) != 2 {
		t.Errorf("%d line charts for %d agencies with several years", n, len(series))
	}

	// Every bar: its value and the printed label equal the figure.
	labels := map[string]*Entry{}
	for _, e := range latest {
		labels[e.Label()] = e
	}
	doc.Find(`figure[data-chart="bars"]`).Each(func(_ int, fig *goquery.Selection) {
		key, _ := fig.Attr("data-indicator")
		fig.Find("rect.bar").Each(func(_ int, r *goquery.Selection) {
			label, _ := r.Attr("data-label")
			e := labels[label]
			if e == nil {
				t.Errorf("%s: bar for unknown report %q", key, label)
				return
			}
			f := e.Figures.Find(key)
			got, _ := r.Attr("data-value")
			if f.Value == nil || got != strconv.FormatFloat(*f.Value, 'f', -1, 64) {
				t.Errorf("%s %s: bar value %s, figure %v", key, label, got, f.Value)
			}
			if txt := r.Next().Text(); txt != Format(f.Value, f.Unit) {
				t.Errorf("%s %s: printed %q, want %q", key, label, txt, Format(f.Value, f.Unit))
			}
		})
	})
	// Hand-checked numbers as a reader sees them.
	bar := func(key, label string) string {
		return doc.Find(`figure[data-indicator="` + key + `"] rect.bar[data-label="` + label + `"]`).Next().Text()
	}
	for _, c := range []struct{ key, label, want string }{
		{"received", "沭阳县人民政府 2025", "749"},
		{"granted_share", "沭阳县人民政府 2025", "40.9%"},          // 294/718
		{"review_correction_rate", "沭阳县人民政府 2025", "21.7%"}, // 10/46
		{"granted_share", "湛河区人民政府办公室 2023", "25.0%"},
		{"review_correction_rate", "鼓楼区人民政府 2023", "28.6%"}, // 2/7
	} {
		if got := bar(c.key, c.label); got != c.want {
			t.Errorf("%s %s: page shows %q, want %q", c.key, c.label, got, c.want)
		}
	}
	na := doc.Find(`figure[data-indicator="review_correction_rate"] text.na`).Length()
	if na != 2 { // 洪泽区 and 湛河区: no concluded review
		t.Errorf("%d undefined review rates shown, want 2", na)
	}

	// The table: every numeric cell equals the figure of its column.
	for ri, r := range s.Grid().Rows {
		tr := doc.Find(`table.compare tr[data-row="` + r.Key + `"]`)
		if tr.Length() != 1 {
			t.Errorf("table row %s: %d rows", r.Key, tr.Length())
			continue
		}
		for i, c := range r.Cells {
			td := tr.Find(`td[data-col="` + strconv.Itoa(i) + `"]`)
			if td.Text() != c.Text {
				t.Errorf("row %d %s column %d: page %q, data %q", ri, r.Key, i, td.Text(), c.Text)
			}
		}
	}
	received := doc.Find(`tr[data-row="received"] td[data-col="1"]`).Text()
	if received != "749" {
		t.Errorf("received of column 1 (沭阳县) is %q", received)
	}

	// Failed checks with the numbers that disagree, and the carry-over.
	hz := doc.Find(`table.failed[data-report="洪泽区人民政府 2023"] tr`)
	if hz.Length() != 3 || hz.Eq(1).AttrOr("data-rule", "") != "review_total" || !strings.Contains(hz.Eq(1).Text(), "行政复议合计") ||
		hz.Eq(1).Find("td[data-expected]").Text() != "11" || hz.Eq(1).Find("td[data-actual]").Text() != "0" {
		t.Errorf("failed checks of 洪泽区: %q", hz.Text())
	}
	if doc.Find(`th.bad`).Length() != 2 {
		t.Errorf("%d report columns marked failed, want 2", doc.Find(`th.bad`).Length())
	}
	li := doc.Find(`#carry li`)
	if li.Length() != 1 || li.AttrOr("data-expected", "") != "5" || li.AttrOr("data-actual", "") != "3" || !strings.Contains(li.Text(), "鼓楼区人民政府 2023年") {
		t.Errorf("carry-over warning: %q", li.Text())
	}

	// A screenshot, for a person to look at.
	shot := os.Getenv("GOVREPORT_SCREENSHOT")
	if shot == "" {
		shot = filepath.Join(os.TempDir(), "govreport-compare.png")
	}
	runChromium(t, bin, "--hide-scrollbars", "--window-size=1280,2600", "--screenshot="+shot, url)
	png, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 50000 {
		t.Errorf("screenshot %s: %d bytes, not a PNG of a drawn page", shot, len(png))
	}
	t.Logf("screenshot: %s", shot)
}

// TestHTMLSelfContained: the page loads nothing from anywhere.
func TestHTMLSelfContained(t *testing.T) {
	var b bytes.Buffer
	if err := corpusSet(t, ByRegion).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<link", " src=", " href=", "@import", "url(", "https://"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if n := strings.Count(page, "http://"); n != strings.Count(page, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Errorf("%d http:// references besides the SVG namespace", n)
	}
}
