package text

import (
	"testing"

	"github.com/govreport/govreport/parser/layout"
)

// BenchmarkRead splits the corpus's text files (and the field samples')
// into lines of cells.
func BenchmarkRead(b *testing.B) { benchRead(b, Read) }

// BenchmarkReadOld is BenchmarkRead with the reader as it was.
func BenchmarkReadOld(b *testing.B) { benchRead(b, oldRead) }

func benchRead(b *testing.B, read func(string) *layout.Document) {
	files := textFiles(b)
	if len(files) == 0 {
		b.Skip("no files")
	}
	size := 0
	for _, f := range files {
		size += len(f.text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			read(f.text)
		}
	}
}
