package benchparse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/parser"
)

func benchFiles(b *testing.B) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "corpus", "pdf", "*.pdf"))
	field, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "..", "shared", "field", "*.pdf"))
	files = append(files, field...)
	if len(files) == 0 {
		b.Skip("no PDFs")
	}
	return files
}

// BenchmarkParse measures the whole parse: PDF bytes to checked JSON.
func BenchmarkParse(b *testing.B) {
	for _, f := range benchFiles(b) {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(filepath.Base(f), ".pdf"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				r, err := parser.Parse(f, src)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := json.Marshal(r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
