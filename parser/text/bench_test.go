package text

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/govreport/govreport/parser/layout"
)

// BenchmarkRead splits the corpus's text files (and the field samples')
// into lines of cells.
func BenchmarkRead(b *testing.B) { benchRead(b, Read) }

// BenchmarkReadOld is BenchmarkRead with the reader as it was.
func BenchmarkReadOld(b *testing.B) { benchRead(b, oldRead) }

func benchRead(b *testing.B, read func(string) *layout.Document) {
	var docs []string
	size := 0
	for _, dir := range []string{"../../corpus/*", "../../corpus/*/*", "../../../shared/field"} {
		for _, pat := range []string{"*.txt", "*.md"} {
			files, _ := filepath.Glob(filepath.Join(dir, pat))
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					b.Fatal(err)
				}
				docs = append(docs, string(src))
				size += len(src)
			}
		}
	}
	if len(docs) == 0 {
		b.Skip("no files")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			read(d)
		}
	}
}
