// Package corpus holds the reports we wrote in every layout we support,
// each beside its expected values; this test reads them all.
package corpus

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/truth"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

var update = flag.Bool("update", false, "rewrite the .golden.json snapshots from the parser's current output")

// documents returns every corpus document that has expected values.
func documents(t *testing.T) []string {
	var docs []string
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".go") {
			return err
		}
		if _, err := os.Stat(expectedPath(p)); err == nil {
			docs = append(docs, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 40 {
		t.Fatalf("only %d corpus documents with expected values", len(docs))
	}
	return docs
}

func expectedPath(doc string) string {
	return strings.TrimSuffix(doc, filepath.Ext(doc)) + ".expected.json"
}
func goldenPath(doc string) string {
	return strings.TrimSuffix(doc, filepath.Ext(doc)) + ".golden.json"
}

// TestCorpusValues compares every cell, the template, year and agency and
// the failed checks with the values each document was written from.
func TestCorpusValues(t *testing.T) {
	for _, doc := range documents(t) {
		t.Run(doc, func(t *testing.T) {
			tr, err := truth.Load(expectedPath(doc))
			if err != nil {
				t.Fatal(err)
			}
			r, err := parser.ParseFile(doc)
			if tr.Rejected() {
				if err == nil {
					t.Fatalf("read as a report; want a rejection (%s)", tr.Reason)
				}
				if !strings.HasPrefix(err.Error(), doc+": ") {
					t.Errorf("error %q does not name the file", err)
				}
				want := map[string]docerr.Kind{"pre-2019": docerr.Pre2019, "not-report": docerr.NotReport, "empty": docerr.Empty, "attachment": docerr.Attachment}[tr.Reason]
				if k := docerr.KindOf(err); want != docerr.Unknown && k != want {
					t.Errorf("rejected as %v, want %v: %v", k, want, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d := truth.Compare(tr, r); !d.Exact() {
				t.Errorf("differs from the values it was written from:\n%s", d)
			}
		})
	}
}

// TestCorpusGolden compares the whole output (provenance, warnings, free
// text) with the reviewed snapshot beside each document; -update rewrites
// the snapshots.
func TestCorpusGolden(t *testing.T) {
	for _, doc := range documents(t) {
		t.Run(doc, func(t *testing.T) {
			got := render(doc)
			if *update {
				if err := os.WriteFile(goldenPath(doc), got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath(doc))
			if err != nil {
				t.Fatalf("no snapshot (run go test ./corpus -update and review the diff): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s; run go test ./corpus -update and review the diff\n%s", goldenPath(doc), firstDiff(got, want))
			}
		})
	}
}

// render is the parse output for doc as the command line prints it, or
// the error for a rejected document.
func render(doc string) []byte {
	r, err := parser.ParseFile(filepath.ToSlash(doc))
	var out []byte
	if err != nil {
		out, _ = json.MarshalIndent(map[string]string{"error": err.Error(), "kind": docerr.KindOf(err).String()}, "", "  ")
	} else {
		out, _ = json.MarshalIndent(r, "", "  ")
	}
	return append(out, '\n')
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "line " + strconv.Itoa(i+1) + ":\n  got:  " + g[i] + "\n  want: " + w[i]
		}
	}
	return "lengths differ"
}
