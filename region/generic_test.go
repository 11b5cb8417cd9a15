package region

import (
	"math/rand"
	"strings"
	"testing"
)

// TestGenericEndMatchesRegexp holds genericEnd to genericRe on strings of
// Han characters, the suffixes, and characters that break a name.
func TestGenericEndMatchesRegexp(t *testing.T) {
	alphabet := []string{"省", "市", "区", "县", "旗", "平", "潭", "江苏", "〇", "ー", "々", "a", "1", " ", "（", "\xe5", "\xff"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 100000; i++ {
		var b strings.Builder
		for n := r.Intn(12); n > 0; n-- {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		s := b.String()
		want := -1
		if loc := genericRe.FindStringIndex(s); loc != nil {
			want = loc[1]
		}
		if got := genericEnd(s); got != want {
			t.Fatalf("%q: %d, regexp %d", s, got, want)
		}
	}
}
