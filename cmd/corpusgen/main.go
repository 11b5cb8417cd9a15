// Command corpusgen writes the generated corpus: every document of
// internal/corpusgen with its expected values beside it, and a README.
//
// Usage:
//
//	corpusgen [-out DIR] [-check]
//
// It owns DIR/html, DIR/text, DIR/reject and DIR/README.md; files there that
// the generator no longer writes are removed. It also writes the Word
// documents DIR/docx/gen-*.docx, but removes nothing in DIR/docx, which
// holds LibreOffice conversions too (scripts/docx/make-lo.sh); DIR/pdf is
// left alone. With -check nothing is written and the exit status
// is 1 when DIR differs from what would be written.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/govreport/govreport/internal/corpusgen"
)

func main() {
	out := flag.String("out", "corpus", "corpus folder to write")
	check := flag.Bool("check", false, "only report whether the folder is up to date")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: corpusgen [-out DIR] [-check]\n\nWrites the generated corpus (documents and their .expected.json) into DIR.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	changed, err := run(*out, *check)
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(2)
	}
	for _, c := range changed {
		fmt.Println(c)
	}
	if *check && len(changed) > 0 {
		os.Exit(1)
	}
}

// run writes (or, with check, compares) the corpus and returns what
// changed, one line per file.
func run(out string, check bool) ([]string, error) {
	files, err := corpusgen.Generate()
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	var changed []string
	for _, f := range files {
		p := filepath.Join(out, filepath.FromSlash(f.Path))
		want[p] = true
		old, err := os.ReadFile(p)
		if err == nil && bytes.Equal(old, f.Data) {
			continue
		}
		changed = append(changed, "write "+p)
		if check {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return nil, err
		}
	}
	var stale []string
	for _, d := range corpusgen.Dirs {
		root := filepath.Join(out, d)
		err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				return err
			}
			if !e.IsDir() && !want[p] && !strings.HasSuffix(p, ".golden.json") {
				stale = append(stale, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(stale)
	for _, p := range stale {
		changed = append(changed, "remove "+p)
		if !check {
			if err := os.Remove(p); err != nil {
				return nil, err
			}
		}
	}
	return changed, nil
}
