package pdf_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/parser/pdf"
)

// benchFiles are the corpus PDFs and, where present, the field PDFs.
func benchFiles(b *testing.B) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "corpus", "pdf", "*.pdf"))
	field, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "field", "*.pdf"))
	files = append(files, field...)
	if len(files) == 0 {
		b.Skip("no PDFs")
	}
	return files
}

// BenchmarkRead measures the adapter alone: PDF bytes to layout lines.
// Compare with scripts/pdf/bench.sh, which times pdftotext -layout.
func BenchmarkRead(b *testing.B) {
	for _, f := range benchFiles(b) {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(filepath.Base(f), ".pdf"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				if _, err := pdf.Read(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
