package rowlabel

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// TestNumberingAsPattern checks Numbering against the pattern it replaced
// (and the normalisation it did with the pattern's groups).
func TestNumberingAsPattern(t *testing.T) {
	re := regexp.MustCompile(`^(?:(\d{1,2})\s*[.、,．]|\((\d{1,2})\)|([一二三四五六七八九十]{1,2})\s*[、.,．]|\(([一二三四五六七八九十]{1,2})\))`)
	ref := func(label string) (string, string) {
		m := re.FindStringSubmatch(label)
		if m == nil {
			return "", label
		}
		rest := strings.TrimSpace(label[len(m[0]):])
		switch {
		case m[1] != "":
			return m[1] + ".", rest
		case m[2] != "":
			return m[2] + ".", rest
		case m[3] != "":
			return m[3] + "、", rest
		}
		return "(" + m[4] + ")", rest
	}
	pieces := []string{"1", "7", "12", "123", "(", ")", "一", "三", "十", "十一", "、", ".", ",", "．", " ", "\t", "\u3000", "其他", "a", "\xe4", "（"}
	rng := rand.New(rand.NewSource(5))
	numbered := 0
	for n := 0; n < 200000; n++ {
		var b []byte
		for k := rng.Intn(6); k >= 0; k-- {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		s := string(b)
		wn, wr := ref(s)
		gn, gr := Numbering(s)
		if gn != wn || gr != wr {
			t.Fatalf("Numbering(%q) = %q, %q; the pattern gives %q, %q", s, gn, gr, wn, wr)
		}
		if wn != "" {
			numbered++
		}
	}
	if numbered < 5000 {
		t.Errorf("only %d generated labels are numbered", numbered)
	}
}
