package html

import (
	"bytes"
	"io"
	"testing"

	xhtml "golang.org/x/net/html"
)

// The adapter against the floor: the same pages, decoded the same way,
// once only through the tokenizer (Next, nothing else) and once through
// ReadContext to the lines. The ratio of the two ns/op is the adapter's
// cost over the tokenizer's.
//
//	go test ./parser/html -run XXX -bench 'Floor|Adapter' -benchtime 3s -cpu 1

func benchPages(b *testing.B) [][]byte {
	var out [][]byte
	for _, src := range pages(b) {
		out = append(out, src)
	}
	if len(out) == 0 {
		b.Skip("no pages")
	}
	return out
}

func BenchmarkTokenizerFloor(b *testing.B) {
	ps := benchPages(b)
	size := 0
	for _, p := range ps {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range ps {
			z := xhtml.NewTokenizer(bytes.NewReader(p))
			for z.Next() != xhtml.ErrorToken {
			}
		}
	}
	b.ReportMetric(float64(b.N*len(ps))/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkLexerFloor is the scan the adapter now makes: the lexer's
// tokens (falling back to the Tokenizer where it stops), nothing else.
func BenchmarkLexerFloor(b *testing.B) {
	ps := benchPages(b)
	size := 0
	for _, p := range ps {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range ps {
			z := newLexer(p)
			for z.Next() != xhtml.ErrorToken {
			}
			if z.Err() != io.EOF {
				z := xhtml.NewTokenizer(bytes.NewReader(p))
				for z.Next() != xhtml.ErrorToken {
				}
			}
		}
	}
	b.ReportMetric(float64(b.N*len(ps))/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkAdapter(b *testing.B) {
	ps := benchPages(b)
	size := 0
	for _, p := range ps {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range ps {
			if _, err := Read(p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(ps))/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkAdapterTreeReader is the tree-based reader this package had,
// on the same pages.
func BenchmarkAdapterTreeReader(b *testing.B) {
	ps := benchPages(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range ps {
			if _, err := oldRead(p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(ps))/b.Elapsed().Seconds(), "docs/s")
}
