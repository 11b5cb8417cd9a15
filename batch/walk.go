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
	addFile := func(p, root string) {
		p = filepath.Clean(p)
		if a, err := filepath.Abs(p); err == nil && skipAbs[a] {
			return
		}
		if !seen[p] {
			seen[p] = true
			out = append(out, Input{Path: p, Root: root})
		}
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, nameError(arg, err)
		}
		if !st.IsDir() {
			addFile(arg, "")
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != arg && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				addFile(p, arg)
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

// nameError says what went wrong with a path, the path printed escaped
// (see docerr.Name) and only once.
func nameError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		path, err = pe.Path, pe.Err
	}
	return fmt.Errorf("%s: %v", docerr.Name(path), err)
}
