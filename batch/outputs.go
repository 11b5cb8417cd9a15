package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/govreport/govreport/output"
	"github.com/govreport/govreport/parser/docerr"
)

// ErrUsage marks an error in the command line rather than in the files:
// the command exits with the usage status.
var ErrUsage = errors.New("usage error")

// outputPaths are the files a conversion writes for format.
func outputPaths(out, format string) []string {
	return append([]string{out, StatePath(out), ResultsPath(out)}, output.SideFiles(out)...)
}

// checkOutputs refuses a conversion that would write over one of its
// inputs: an output named as an input, or an existing file inside an input
// folder that the walk would read as a document. An output inside an
// input folder that an earlier run of the same conversion wrote (its state
// file or results spool is there) is ours and skipped by the walk, so that rerunning
// "convert reports/ -o reports/all.csv" resumes.
func checkOutputs(inputs []string, out, format string) error {
	_, stateErr := os.Stat(StatePath(out))
	_, spoolErr := os.Stat(ResultsPath(out))
	earlierRun := stateErr == nil || spoolErr == nil
	for _, p := range outputPaths(out, format) {
		pst, err := os.Stat(p)
		if err != nil {
			continue // not there yet: nothing to overwrite
		}
		for _, in := range inputs {
			ist, err := os.Stat(in)
			if err != nil {
				continue // reported by the walk
			}
			if os.SameFile(pst, ist) {
				return fmt.Errorf("%w: the output %s is one of the inputs; it would be overwritten (give -o another name)", ErrUsage, docerr.Name(p))
			}
			if ist.IsDir() && !earlierRun && walkedUnder(in, p) {
				return fmt.Errorf("%w: the output %s already exists inside the input folder %s and would be read as a document, then overwritten (give -o another name, or move the file)", ErrUsage, docerr.Name(p), docerr.Name(in))
			}
		}
	}
	return nil
}

// walkedUnder reports whether the walk of folder dir reaches the file p:
// p is below dir and no folder or file on the way is hidden.
func walkedUnder(dir, p string) bool {
	ad, err1 := filepath.Abs(dir)
	ap, err2 := filepath.Abs(p)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(ad, ap)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if strings.HasPrefix(part, ".") {
			return false
		}
	}
	return true
}
