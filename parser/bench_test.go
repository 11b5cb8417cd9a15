package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// benchFiles returns the corpus's files of a kind, and the field samples'
// when they are beside the repository.
func benchFiles(b *testing.B, patterns ...string) map[string][]byte {
	out := map[string][]byte{}
	for _, p := range patterns {
		for _, dir := range []string{"../corpus/*", "../corpus/*/*", fieldDir} {
			files, _ := filepath.Glob(filepath.Join(dir, p))
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					b.Fatal(err)
				}
				out[f] = src
			}
		}
	}
	if len(out) == 0 {
		b.Skip("no files")
	}
	return out
}

func benchParse(b *testing.B, files map[string][]byte) {
	p := New()
	size := 0
	for _, src := range files {
		size += len(src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for name, src := range files {
			p.Parse(name, src)
		}
	}
	b.ReportMetric(float64(b.N*len(files))/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkParseHTML parses every HTML page of the corpus (and the field
// samples), detection to checked report.
func BenchmarkParseHTML(b *testing.B) { benchParse(b, benchFiles(b, "*.html", "*.htm")) }

// BenchmarkParseText parses every text file of the corpus (and the field
// samples).
func BenchmarkParseText(b *testing.B) { benchParse(b, benchFiles(b, "*.txt", "*.md")) }
