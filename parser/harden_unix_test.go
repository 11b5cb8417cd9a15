//go:build unix

package parser

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/govreport/govreport/parser/docerr"
)

// A device that never ends is read only up to the size limit.
func TestReadFileDeviceIsBounded(t *testing.T) {
	_, err := New(WithMaxBytes(1<<20), WithTimeout(10*time.Second)).ParseFile("/dev/zero")
	if docerr.KindOf(err) != docerr.TooLarge || !strings.Contains(err.Error(), "more than 1048576 bytes") {
		t.Errorf("/dev/zero: %v", err)
	}
}

// A regular file over the limit is refused by its size, before reading:
// a sparse file of 1 TiB is refused at once.
func TestReadFileMeasuresFirst(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.pdf")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 40); err != nil {
		t.Skip("no sparse files here:", err)
	}
	f.Close()
	_, err = New().ParseFile(p)
	if docerr.KindOf(err) != docerr.TooLarge || !strings.Contains(err.Error(), "1099511627776 bytes is over the limit") {
		t.Errorf("sparse 1 TiB file: %v", err)
	}
}

// A FIFO is read within the time budget: with a writer it is a document;
// without one the reader gives up instead of waiting forever.
func TestReadFileFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	_, err := New(WithTimeout(200 * time.Millisecond)).ParseFile(fifo)
	if docerr.KindOf(err) != docerr.TooLarge || !strings.Contains(err.Error(), "pipe") {
		t.Errorf("FIFO without a writer: %v", err)
	}
	// A second FIFO: the reader given up on above may still wait in open
	// on the first one and would take the writer's data.
	fifo = filepath.Join(dir, "pipe2")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			w.WriteString(alignedReport(baseRows()))
			w.Close()
		}
	}()
	r, err := New(WithTimeout(20 * time.Second)).ParseFile(fifo)
	if err != nil {
		t.Fatalf("FIFO with a writer: %v", err)
	}
	if get(t, r.Applications, "granted", "total") != 12 {
		t.Errorf("granted.total misread")
	}
}
