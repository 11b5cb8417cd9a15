package parser

import (
	"math/rand"
	"strings"
	"testing"
)

// TestLooksHTMLMatchesRegexp holds looksHTML to htmlRe on strings drawn
// from the pattern's pieces, their case and non-ASCII folds, and bytes
// that break them.
func TestLooksHTMLMatchesRegexp(t *testing.T) {
	alphabet := []string{"<", "<", "!", "!DOCTYPE", "doctype", "DocType", " ", "\t", "\n", "\v", "html", "HTML", "head", "body", "meta", "table",
		"div", "p", "P", "span", "ſpan", "SPAN", "br", "td", "h", "H", "1", "6", "7", "0", ">", "/", "a", "报告", "\xff", "\xc5", "K"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 100000; i++ {
		var b strings.Builder
		for n := r.Intn(9); n > 0; n-- {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		s := []byte(b.String())
		if got, want := looksHTML(s), htmlRe.Match(s); got != want {
			t.Fatalf("%q: %v, regexp %v", s, got, want)
		}
	}
}
