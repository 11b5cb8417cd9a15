package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpusUpToDate fails when corpus/compare differs from what the
// generator writes: run `go generate ./compare`.
func TestCorpusUpToDate(t *testing.T) {
	files, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..", "..", "corpus", "compare")
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(root, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is stale or missing (run go generate ./compare): %v", name, err)
		}
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if files[e.Name()] == nil && !strings.HasSuffix(e.Name(), ".golden.json") {
			t.Errorf("%s is not written by the generator", e.Name())
		}
	}
}
