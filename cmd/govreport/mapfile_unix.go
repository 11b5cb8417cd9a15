//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"os"
	"syscall"
)

// mapFile maps the regular file at path read-only, for a one-file parse:
// its pages are the page cache's, where reading it copied every byte into
// fresh memory (~100 page faults for a 400 KB PDF, 1–2 ms on a VM). ok is
// false when the file is not one to map (not regular, empty, very large,
// or an error: the caller then reads it as usual, which names the error).
// unmap must only be called when nothing uses the bytes any more. A file
// truncated while mapped faults when its lost pages are read: the
// goroutines that read a document panic on such faults
// (debug.SetPanicOnFault) and report the document as unreadable.
func mapFile(path string) (src []byte, unmap func(), ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, false
	}
	defer f.Close() // the mapping stays valid after the file is closed
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() <= 0 || st.Size() > maxMapped {
		return nil, nil, false
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, false
	}
	return b, func() { syscall.Munmap(b) }, true
}
