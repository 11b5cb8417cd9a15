package batch

import (
	"os"
	"path/filepath"
	"testing"
)

// statmResident reads the resident pages, the second field of statm.
func TestStatmResident(t *testing.T) {
	p := filepath.Join(t.TempDir(), "statm")
	if err := os.WriteFile(p, []byte("5263 1234 567 300 0 1500 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i := 0; i < 2; i++ { // the watcher rereads the same open file
		if n, ok := statmResident(f); !ok || n != 1234 {
			t.Fatalf("read %d: %d %v, want 1234", i, n, ok)
		}
	}
	os.WriteFile(p, []byte("5263\n"), 0o644)
	if _, ok := statmResident(f); ok {
		t.Error("a statm without a second field was read")
	}
}

// The process's measured memory grows with memory it touches.
func TestMemReaderSeesGrowth(t *testing.T) {
	used := memReader()
	before := used()
	b := make([]byte, 64<<20)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	if after := used(); after < before+48<<20 {
		t.Errorf("memory %d then %d after touching 64 MiB", before, after)
	}
	_ = b[len(b)-1]
}
