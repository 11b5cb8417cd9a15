package text

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sameAsOld fails unless Read and the old reader give the same lines.
func sameAsOld(t *testing.T, name, s string) {
	t.Helper()
	got, want := Read(s), oldRead(s)
	if !reflect.DeepEqual(got, want) {
		for i := range min(len(got.Lines), len(want.Lines)) {
			if !reflect.DeepEqual(got.Lines[i], want.Lines[i]) {
				t.Fatalf("%s: line %d: %+v, want %+v", name, i, got.Lines[i], want.Lines[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", name, len(got.Lines), len(want.Lines))
	}
}

// TestFilesSameAsOldReader reads the corpus's and field set's text files
// with both readers.
func TestFilesSameAsOldReader(t *testing.T) {
	files := textFiles(t)
	if len(files) == 0 {
		t.Skip("no files")
	}
	for _, f := range files {
		sameAsOld(t, f.name, f.text)
	}
}

type textFile struct{ name, text string }

// textFiles returns the corpus's and the field set's text files.
func textFiles(tb testing.TB) []textFile {
	var out []textFile
	for _, dir := range []string{"../../corpus/*", "../../corpus/*/*", "../../../shared/field"} {
		for _, pat := range []string{"*.txt", "*.md"} {
			files, _ := filepath.Glob(filepath.Join(dir, pat))
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					tb.Fatal(err)
				}
				out = append(out, textFile{f, string(src)})
			}
		}
	}
	return out
}

// TestGeneratedSameAsOldReader reads generated lines of every kind: aligned
// with ASCII, ideographic and non-breaking spaces, tab-separated,
// Markdown, box-drawn, with CR, CRLF and bad bytes.
func TestGeneratedSameAsOldReader(t *testing.T) {
	pieces := []string{" ", "  ", "   ", "\u3000", "\u00a0", "\t", "\n", "\r", "\r\n", "|", "---", ":", "─", "│", "├", "┼", "┤", "═",
		"本年新收", "申请", "（一）", "，", "12", "1,204", "3.5", "-", "０", "１２", "a", "ab", "\xff", "\xe4\xb8", "\xe2\x94", "\xed\xa0\x80",
		"\u200b", "—", "一、", "\u1100", "\uac00", "\U00020000", "\ufe30", "\uffe0", "\u2e80", "\u00e9"}
	r := rand.New(rand.NewSource(15))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(30); k >= 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		sameAsOld(t, "generated", b.String())
	}
	// Documents of aligned rows, for the one-column-a-character check.
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for l := r.Intn(8); l >= 0; l-- {
			for k := r.Intn(6); k >= 0; k-- {
				b.WriteString([]string{"本年", "新收", "a", "12", "3", "0"}[r.Intn(6)])
				b.WriteString([]string{"  ", "   ", "\u3000\u3000", " "}[r.Intn(4)])
			}
			b.WriteString("\n")
		}
		sameAsOld(t, "aligned", b.String())
	}
}
