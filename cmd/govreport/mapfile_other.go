//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

// mapFile maps nothing here: the file is read as usual (mapfile_unix.go).
func mapFile(path string) (src []byte, unmap func(), ok bool) { return nil, nil, false }
