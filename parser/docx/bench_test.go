package docx

import "testing"

func BenchmarkReadCorpus(b *testing.B) {
	seeds := corpusSeeds(b)
	for b.Loop() {
		for _, s := range seeds {
			if _, err := Read(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}
