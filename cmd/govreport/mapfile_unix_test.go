//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/parser"
)

// A file truncated after it was mapped is a document that cannot be read,
// not a crash of the process (reading its lost pages faults).
func TestParseMappedFileTruncated(t *testing.T) {
	p := parser.New()
	for _, src := range []string{globTest(t, "../../corpus/pdf/*.pdf")[0], globTest(t, "../../corpus/text/*.txt")[0]} {
		f := filepath.Join(t.TempDir(), filepath.Base(src))
		copyTestFile(t, src, f)
		b, unmap, ok := mapFile(f)
		if !ok {
			t.Fatalf("%s not mapped", f)
		}
		// Half the file kept: the PDF's start is read (its kind is told
		// from it) before the reader looks for its end.
		if err := os.Truncate(f, int64(len(b)/2)); err != nil {
			t.Fatal(err)
		}
		r, unmapLater, err := parseMappedSrc(context.Background(), p, f, b, unmap)
		if err == nil || r != nil || unmapLater != nil {
			t.Fatalf("%s truncated: report %v, error %v", filepath.Base(f), r != nil, err)
		}
		if !strings.Contains(err.Error(), f+": cannot read the file: it was truncated while it was read") {
			t.Errorf("error %v", err)
		}
	}
}

// Folders, empty files, devices and missing files are not mapped: the
// parser's reading names their errors.
func TestMapFileOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.pdf")
	writeTestFile(t, empty, nil)
	for _, f := range []string{dir, empty, "/dev/null", filepath.Join(dir, "missing.pdf")} {
		if _, _, ok := mapFile(f); ok {
			t.Errorf("%s mapped", f)
		}
	}
}
