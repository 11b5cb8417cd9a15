package textnorm

import (
	"testing"
	"unicode/utf8"
)

// TestDecodeAtIsDecodeRune holds DecodeAt to utf8.DecodeRuneInString on
// every lead byte with every two following bytes, and on short tails.
func TestDecodeAtIsDecodeRune(t *testing.T) {
	b := []byte("xx\x00\x00\x00")
	for c0 := 0x80; c0 < 0x100; c0++ {
		for c1 := 0; c1 < 0x100; c1++ {
			for c2 := 0; c2 < 0x100; c2++ {
				b[2], b[3], b[4] = byte(c0), byte(c1), byte(c2)
				s := string(b)
				for _, end := range []int{3, 4, 5} {
					r, n := DecodeAt(s[:end], 2)
					wr, wn := utf8.DecodeRuneInString(s[2:end])
					if r != wr || n != wn {
						t.Fatalf("%q: %U %d, want %U %d", s[2:end], r, n, wr, wn)
					}
				}
			}
		}
	}
}
