package region

import (
	"math/rand"
	"regexp"
	"testing"
)

// TestIsTownAsPattern checks isTown against the pattern it replaces.
func TestIsTownAsPattern(t *testing.T) {
	re := regexp.MustCompile(`^\p{Han}{1,8}(?:镇|乡|街道)$`)
	pieces := []string{"高", "良", "涧", "黄集", "镇", "乡", "街", "道", "街道", "a", "1", " ", "（", "\xe9", "〇", "𠀀"}
	rng := rand.New(rand.NewSource(3))
	matched := 0
	for n := 0; n < 200000; n++ {
		var b []byte
		for k := rng.Intn(11); k >= 0; k-- {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		s := string(b)
		want := re.MatchString(s)
		if got := isTown(s); got != want {
			t.Fatalf("isTown(%q) = %v, the pattern says %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 1000 {
		t.Errorf("only %d generated names are towns", matched)
	}
}
