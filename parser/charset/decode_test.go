package charset

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// decodeInputs are the corpus's pages (and the field samples' when they
// are beside the repository), prefixes of them with random bytes
// changed, and short random runs of high bytes and ASCII digits (the
// trailing bytes of GB18030's 4-byte form).
func decodeInputs(t testing.TB) [][]byte {
	files, _ := filepath.Glob("../../corpus/*/*.htm*")
	more, _ := filepath.Glob("../../../shared/field/*.htm*")
	files = append(files, more...)
	rng := rand.New(rand.NewSource(1))
	var inputs [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, b)
		for k := 0; k < 10; k++ {
			c := append([]byte(nil), b[:min(len(b), 3000+rng.Intn(5000))]...)
			for m := 0; m < 30; m++ {
				c[rng.Intn(len(c))] = byte(rng.Intn(256))
			}
			inputs = append(inputs, c)
		}
	}
	for k := 0; k < 3000; k++ {
		c := make([]byte, rng.Intn(40))
		for m := range c {
			c[m] = byte(rng.Intn(256))
			if rng.Intn(3) == 0 {
				c[m] = byte(0x30 + rng.Intn(16))
			}
		}
		inputs = append(inputs, c)
	}
	return inputs
}

// The ASCII runs copied as they are, the rest decoded a window at a
// time: the same bytes as x/text's decoder over the whole input.
func TestDecodeASCIIRunsAsXText(t *testing.T) {
	for _, in := range decodeInputs(t) {
		for _, enc := range []encoding.Encoding{simplifiedchinese.GBK, simplifiedchinese.GB18030, traditionalchinese.Big5} {
			want, _, err := transform.Bytes(enc.NewDecoder(), in)
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := decodeWith(enc, in); !bytes.Equal(want, got) {
				t.Fatalf("%v: the decoding of %q… differs from x/text's", enc, in[:min(len(in), 60)])
			}
		}
	}
}

func TestScoreCountsCommonCharacters(t *testing.T) {
	old := func(s []byte, common string) int {
		n := 0
		for _, r := range string(s) {
			if r >= utf8.RuneSelf && strings.ContainsRune(common, r) {
				n++
			}
		}
		return n
	}
	for _, in := range decodeInputs(t)[:200] {
		for _, enc := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5} {
			d, _ := decodeWith(enc, in)
			for _, c := range []string{simplifiedCommon, traditionalCommon} {
				if got, want := score(d, c), old(d, c); got != want {
					t.Fatalf("score %d, want %d", got, want)
				}
			}
		}
	}
}

func BenchmarkDecodeGBKPage(b *testing.B) {
	benchDecode(b, "../../corpus/html/word-gbk-2021-jianghuai-city-2024.html")
}

func BenchmarkDecodeSniffedPage(b *testing.B) {
	benchDecode(b, "../../corpus/html/legacy-gb18030-2019-dongyu-county-2020-fullwidth.html")
}

func benchDecode(b *testing.B, file string) {
	src, err := os.ReadFile(file)
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		DecodeBytes(src)
	}
}
