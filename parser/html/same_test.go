package html

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/govreport/govreport/parser/charset"
)

// pages returns the corpus's and the field set's web pages.
func pages(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	for _, pat := range []string{"../../corpus/*/*.htm*", "../../corpus/*/*/*.htm*", "../../../shared/field/*.htm*"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = b
		}
	}
	return out
}

// treeString renders a tree for comparison: elements with their kept
// attributes, text nodes merged as html.Parse merges them.
func treeString(t *tree) string {
	var b strings.Builder
	var rec func(n int32, depth int)
	rec = func(n int32, depth int) {
		for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
			switch t.nodes[c].kind {
			case textNode:
				b.WriteString(strings.Repeat(" ", depth))
				b.WriteString("|")
				b.WriteString(t.textOf(c))
				for nx := t.nodes[c].next; nx != none && t.nodes[nx].kind == textNode; nx = t.nodes[nx].next {
					b.WriteString(t.textOf(nx))
					c = nx
				}
				b.WriteString("\n")
			case elemNode:
				b.WriteString(strings.Repeat(" ", depth))
				b.WriteString("<" + t.nameOf(c))
				for _, a := range t.attrsOf(c) {
					b.WriteString(" " + a.key + "=" + a.val)
				}
				b.WriteString(">\n")
				rec(c, depth+1)
			}
		}
	}
	rec(0, 0)
	return b.String()
}

// sameTree checks that the fast builder, when it builds a tree, builds
// html.Parse's, and reports whether it gave up.
func sameTree(t *testing.T, name, text string) (gaveUp bool) {
	t.Helper()
	fast, err := buildFast(context.Background(), []byte(text))
	if errors.Is(err, errGiveUp) {
		return true
	}
	root, perr := xhtml.Parse(strings.NewReader(text))
	if err != nil || perr != nil {
		if (err == nil) != (perr == nil) {
			t.Errorf("%s: fast error %v, html.Parse error %v", name, err, perr)
		}
		return false
	}
	if got, want := treeString(fast), treeString(fromNode(root)); got != want {
		t.Errorf("%s: tree differs from html.Parse's\n--- fast\n%s\n--- html.Parse\n%s", name, got, want)
	}
	return false
}

// sameLines checks that the reader gives the lines the tree-based reader
// gave.
func sameLines(t *testing.T, name string, src []byte) {
	t.Helper()
	got, err := Read(src)
	want, werr := oldRead(src)
	if (err == nil) != (werr == nil) {
		t.Fatalf("%s: error %v, the tree-based reader's %v", name, err, werr)
	}
	if err != nil {
		return
	}
	if !reflect.DeepEqual(got, want) {
		for i := 0; i < len(got.Lines) && i < len(want.Lines); i++ {
			if !reflect.DeepEqual(got.Lines[i], want.Lines[i]) {
				t.Fatalf("%s: line %d\n got  %+v\n want %+v", name, i+1, got.Lines[i], want.Lines[i])
			}
		}
		t.Fatalf("%s: documents differ (%d lines, want %d; title %q, want %q; links %v, want %v)", name,
			len(got.Lines), len(want.Lines), got.Title, want.Title, got.Links, want.Links)
	}
}

// The corpus's and field set's pages read to the same lines, and the
// fast builder handles them without html.Parse.
func TestPagesSameAsTreeReader(t *testing.T) {
	ps := pages(t)
	if len(ps) == 0 {
		t.Skip("no pages")
	}
	for name, src := range ps {
		sameLines(t, name, src)
		text, _ := charset.Decode(src)
		if sameTree(t, name, text) {
			t.Logf("%s: left to html.Parse", filepath.Base(name))
		}
	}
}
