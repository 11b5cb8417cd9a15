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

// benchEach runs read on every page, b.N times, reporting bytes,
// allocations and pages a second.
func benchEach(b *testing.B, read func(p []byte)) {
	var ps [][]byte
	size := 0
	for _, src := range pages(b) {
		ps = append(ps, src)
		size += len(src)
	}
	if len(ps) == 0 {
		b.Skip("no pages")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range ps {
			read(p)
		}
	}
	b.ReportMetric(float64(b.N*len(ps))/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkTokenizerFloor(b *testing.B) {
	benchEach(b, func(p []byte) {
		z := xhtml.NewTokenizer(bytes.NewReader(p))
		for z.Next() != xhtml.ErrorToken {
		}
	})
}

// BenchmarkLexerFloor is the scan the adapter now makes: the lexer's
// tokens (falling back to the Tokenizer where it stops), nothing else.
func BenchmarkLexerFloor(b *testing.B) {
	benchEach(b, func(p []byte) {
		z := newLexer(p)
		for z.Next() != xhtml.ErrorToken {
		}
		if z.Err() != io.EOF {
			z := xhtml.NewTokenizer(bytes.NewReader(p))
			for z.Next() != xhtml.ErrorToken {
			}
		}
	})
}

func BenchmarkAdapter(b *testing.B) {
	benchEach(b, func(p []byte) {
		if _, err := Read(p); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkAdapterTreeReader is the tree-based reader this package had,
// on the same pages.
func BenchmarkAdapterTreeReader(b *testing.B) {
	benchEach(b, func(p []byte) {
		if _, err := oldRead(p); err != nil {
			b.Fatal(err)
		}
	})
}
