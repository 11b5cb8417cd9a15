package output

import (
	"os"
	"path/filepath"
)

// pending is a file written under a hidden temporary name beside its
// destination and renamed into place by commit.
type pending struct {
	final string
	f     *os.File
}

func createPending(final string) (*pending, error) {
	f, err := os.CreateTemp(filepath.Dir(final), "."+filepath.Base(final)+".tmp-*")
	if err != nil {
		return nil, err
	}
	f.Chmod(0o644) // CreateTemp makes 0600; outputs are ordinary files
	return &pending{final: final, f: f}, nil
}

// commit syncs the temporary file, renames it over the destination and
// syncs the folder, so after a crash the destination is either the old
// file or the whole new one.
func (p *pending) commit() error {
	if err := p.f.Sync(); err != nil {
		p.abort()
		return err
	}
	if err := p.f.Close(); err != nil {
		os.Remove(p.f.Name())
		return err
	}
	if err := os.Rename(p.f.Name(), p.final); err != nil {
		os.Remove(p.f.Name())
		return err
	}
	syncDir(filepath.Dir(p.final))
	return nil
}

func (p *pending) abort() {
	p.f.Close()
	os.Remove(p.f.Name())
}

// syncDir makes a rename in dir durable where the system supports it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() // not supported on every system; the rename itself is atomic
		d.Close()
	}
}

// RemoveTemporary removes the temporary files that a conversion to path
// killed while writing its output left behind. Call it only while no other
// conversion writes to path (the batch holds the lock of its state file).
func RemoveTemporary(path string) {
	for _, p := range append([]string{path}, SideFiles(path)...) {
		left, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp-*"))
		for _, f := range left {
			os.Remove(f)
		}
	}
}
