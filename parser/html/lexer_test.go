package html

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govreport/govreport/parser/charset"
)

// tokenLog renders what the builder reads of z's tokens, up to the end
// or the lexer's stop (reported by stopped).
func tokenLog(z tokens) (log []string, stopped bool) {
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			if errors.Is(z.Err(), errLexer) {
				return log, true
			}
			return append(log, "error "+fmt.Sprint(z.Err())), false
		case xhtml.TextToken:
			log = append(log, fmt.Sprintf("text %q", z.Text()))
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			s := fmt.Sprintf("start %q", z.Raw())
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				if k == nil {
					break
				}
				s += fmt.Sprintf(" %q=%q", k, v)
			}
			log = append(log, s)
		case xhtml.EndTagToken:
			log = append(log, fmt.Sprintf("end %q", z.Raw()))
		default:
			log = append(log, tt.String())
		}
	}
}

// sameTokens checks that the lexer gives the Tokenizer's tokens for src,
// as far as it reads, and reports whether it read it all.
func sameTokens(t *testing.T, name string, src []byte) bool {
	t.Helper()
	got, stopped := tokenLog(newLexer(src))
	want, _ := tokenLog(xhtml.NewTokenizer(bytes.NewReader(src)))
	if stopped {
		if len(got) > len(want) {
			t.Fatalf("%s: the lexer gave more tokens than the Tokenizer before stopping", name)
		}
		want = want[:len(got)]
	}
	for i := 0; i < len(got) || i < len(want); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Fatalf("%s (%.200q): token %d\n got  %s\n want %s", name, src, i, g, w)
		}
	}
	return !stopped
}

// The corpus's and field set's pages: the same tokens, and none left to
// the Tokenizer.
func TestLexerPagesSameTokens(t *testing.T) {
	for name, src := range pages(t) {
		text, _ := charset.DecodeBytes(src)
		if !sameTokens(t, name, text) {
			t.Errorf("%s: left to the Tokenizer", name)
		}
	}
	for name, src := range malformed {
		sameTokens(t, name, []byte(src))
	}
}

// Markup made of the pieces where tokenizers go wrong, in random order.
func TestLexerGeneratedSameTokens(t *testing.T) {
	pieces := []string{
		"<", ">", "</", "/", "/>", "=", " ", "\n", "\r", "\r\n", "\t", "'", `"`, "x", "示例", "自然人",
		"<p>", "</p>", "<td colspan=2>", `<TD ROWSPAN="3" colspan='2'>`, "<td rowspan=2 colspan=2 rowspan=5>",
		`<a href="x.doc">`, `<a href="a?x=1&amp;y=2">`, "<a href=/q?a=1&b=2>", `<a HREF='z' href=y>`, "</a>",
		"<br/>", "<br />", "<p a=/>", "<p a='/'/>", "<img src=x/>", "<div =x>", "<div a = b >", "<div a=>", "<meta name=ArticleTitle content=\"标题&nbsp;一\">",
		"<input type=hidden>", "<input TYPE='Hidden'>",
		"<!--", "-->", "--", "--!>", "<!-- c -->", "<!---->", "<!-->", "<!--->", "<!DOCTYPE html>", "<!doctype", "<!x>", "<!>",
		"<?xml version='1'?>", "</ x>", "</>", "</3>", "<3", "< p>",
		"<script>", "</script>", "</SCRIPT >", "</scriptx>", "<script>var a='<td>';</script>", "<script><!--x--></script>",
		"<style>td{}</style>", "<title>", "</title>", "<TITLE>a&amp;b</TITLE>", "<textarea>", "</textarea>", "<xmp>", "</xmp>",
		"<noscript>", "</noscript>", "<iframe>", "</iframe>", "<plaintext>",
		"&nbsp;", "&amp;", "&amp", "&lt;", "&gt;", "&quot;", "&#12288;", "&#x41;", "&#X3000;", "&#128;", "&#0;", "&#;", "&#x;",
		"&#55296;", "&#99999999;", "&#1234567;", "&copy", "&notit;", "&ensp;", "&", "&#", "&#x",
	}
	rng := rand.New(rand.NewSource(1))
	whole, runs := 0, 40000
	for k := 0; k < runs; k++ {
		var b strings.Builder
		for n := 1 + rng.Intn(25); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		name := fmt.Sprint("generated ", k)
		if sameTokens(t, name, []byte(b.String())) {
			whole++
		}
		if k%4 == 0 {
			sameTree(t, name, b.String()) // the builder reads the lexer's attributes itself
		}
	}
	t.Logf("%d of %d read whole by the lexer", whole, runs)
	if whole < runs/10 {
		t.Errorf("only %d of %d read whole by the lexer: the test no longer tests it", whole, runs)
	}
}

// FuzzLexer holds the lexer to the Tokenizer's tokens, and the builder on
// the lexer to html.Parse's tree, on any bytes.
//
//	go test ./parser/html -run XXX -fuzz FuzzLexer -fuzztime 30s
func FuzzLexer(f *testing.F) {
	for _, src := range malformed {
		f.Add([]byte(src))
	}
	f.Add([]byte(`<a HREF='x&amp;y' href=z>t</a><!-- c --><td colspan=2 rowspan="3">&#12288;&nbsp;</td><script>a<b</script>`))
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4096 {
			return
		}
		sameTokens(t, "fuzz", src)
		if utf8.Valid(src) {
			sameTree(t, "fuzz", string(src))
		}
	})
}

func TestAttrsKeptAsAttrsRead(t *testing.T) {
	for _, name := range []string{"a", "A", "td", "TD", "tH", "th", "meta", "META", "input", "Input", "b", "tr", "tx", "span", "metas", "inpux", "table", "o:p", "ab"} {
		if got, want := attrsKept([]byte(name)), attrsRead(atom.Lookup([]byte(strings.ToLower(name)))); got != want {
			t.Errorf("attrsKept(%q) = %v, want %v", name, got, want)
		}
	}
}
