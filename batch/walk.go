package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/govreport/govreport/parser/docerr"
)

// Input is one file to convert.
type Input struct {
	Path string // as found: the argument, or the argument joined with the path below it
	Root string // the folder argument it was found under; "" when named directly
	// Refused says why the file is not read: a pipe, a device or a
	// socket, which could block a worker or never end.
	Refused string
}

// specialReason says why a file that is neither regular nor a folder is
// not read, or "" for a regular file (or a symbolic link, followed when
// named and skipped inside folders as before).
func specialReason(m fs.FileMode) string {
	const tail = "; convert reads regular files only (copy the content to a file)"
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO), not a regular file" + tail
	case m&fs.ModeSocket != 0:
		return "a socket, not a regular file" + tail
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return "a device, not a regular file" + tail
	case m&fs.ModeIrregular != 0:
		return "a special file, not a regular file" + tail
	}
	return ""
}

// Collect returns the files named by args: files as given, folders walked
// recursively. Hidden files and folders (names starting with ".") are
// skipped inside folders, and so is every path in skip (the output and its
// state file, compared as absolute paths). The result is sorted and has no
// duplicates.
func Collect(args []string, skip []string) ([]Input, error) {
	skipAbs := map[string]bool{}
	for _, s := range skip {
		if a, err := filepath.Abs(s); err == nil {
			skipAbs[a] = true
		}
	}
	seen := map[string]bool{}
	var out []Input
	addFile := func(p, root, refused string) {
		p = filepath.Clean(p)
		if a, err := filepath.Abs(p); err == nil && skipAbs[a] {
			return
		}
		if !seen[p] {
			seen[p] = true
			out = append(out, Input{Path: p, Root: root, Refused: refused})
		}
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, nameError(arg, err)
		}
		if !st.IsDir() {
			addFile(arg, "", specialReason(st.Mode()))
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if d != nil && p != arg && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if err != nil {
				// One unreadable folder is a row of the errors table,
				// not the end of the conversion.
				var pe *fs.PathError
				if errors.As(err, &pe) {
					err = pe.Err
				}
				addFile(p, arg, "a folder that cannot be read ("+err.Error()+"); its files were not converted")
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			switch t := d.Type(); {
			case t.IsRegular():
				addFile(p, arg, "")
			case t&fs.ModeSymlink != 0:
				addFile(p, arg, symlinkReason(p))
			default:
				if r := specialReason(t); r != "" {
					addFile(p, arg, r) // a row of the errors table, not a silent skip
				}
			}
			return nil
		})
		if err != nil {
			return nil, nameError(arg, err)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// symlinkReason says why a symbolic link found in a folder is not read, or
// "" for a link to a regular file, which is read like one. A link to a
// folder is not followed (links can make loops); it is reported instead.
func symlinkReason(p string) string {
	st, err := os.Stat(p)
	target, _ := os.Readlink(p)
	switch {
	case err != nil:
		return "a symbolic link to " + docerr.Name(target) + ", which cannot be read (" + reasonOfPath(err) + ")"
	case st.IsDir():
		return "a symbolic link to the folder " + docerr.Name(target) + ", not followed inside folders (links can loop); name the folder itself to convert it"
	case st.Mode().IsRegular():
		return ""
	}
	return specialReason(st.Mode())
}

func reasonOfPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// nameError says what went wrong with a path, the path printed escaped
// (see docerr.Name) and only once.
func nameError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		path, err = pe.Path, pe.Err
	}
	return fmt.Errorf("%s: %v", docerr.Name(path), err)
}
