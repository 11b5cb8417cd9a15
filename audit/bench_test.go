package audit_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/govreport/govreport/audit"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
)

// benchReports parses the corpus's text and HTML files (and the field
// samples') once, for the audit alone to be timed.
func benchReports(b *testing.B, patterns ...string) []*model.Report {
	p := parser.New()
	var out []*model.Report
	for _, dir := range []string{"../corpus/*", "../corpus/*/*", fieldDir} {
		for _, pat := range patterns {
			files, _ := filepath.Glob(filepath.Join(dir, pat))
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					b.Fatal(err)
				}
				if r, err := p.Parse(f, src); err == nil {
					out = append(out, r)
				}
			}
		}
	}
	if len(out) == 0 {
		b.Skip("no files")
	}
	return out
}

// BenchmarkReport runs the single-report rules, as every parse does, on
// the reports of text and HTML files.
func BenchmarkReport(b *testing.B) { benchReport(b, "*.txt", "*.md", "*.html", "*.htm") }

// BenchmarkReportText is BenchmarkReport on the text files alone.
func BenchmarkReportText(b *testing.B) { benchReport(b, "*.txt", "*.md") }

func benchReport(b *testing.B, patterns ...string) {
	rs := benchReports(b, patterns...)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range rs {
			audit.Report(r)
		}
	}
}
