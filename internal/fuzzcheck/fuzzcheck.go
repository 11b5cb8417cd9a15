// Package fuzzcheck holds what the fuzz targets of the adapters, the
// recognizer and digitrun check on every input: seeds from the corpus and
// the field set, a deadline, and the properties of a report (every value
// null or with provenance whose digits make it, errors of our own kind).
// Only tests import it.
package fuzzcheck

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/docerr"
	"github.com/govreport/govreport/parser/textnorm"
)

// Deadline bounds one input: far above what any seed takes, so that only
// a loop or a blow-up reaches it.
const Deadline = 20 * time.Second

// Root returns the repository root, found from the working directory of
// the test (a package folder).
func Root(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Fatal("no go.mod above the test's folder")
		}
		dir = up
	}
}

// Seeds returns the contents of the corpus's files (corpus/**) and of the
// field set (../shared/field from the repository root, skipped when
// missing) whose names end in one of exts (".html").
func Seeds(tb testing.TB, exts ...string) [][]byte {
	root := Root(tb)
	var out [][]byte
	for _, dir := range []string{filepath.Join(root, "corpus"), filepath.Join(root, "..", "shared", "field")} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			for _, e := range exts {
				if strings.HasSuffix(p, e) {
					if b, err := os.ReadFile(p); err == nil {
						out = append(out, b)
					}
					break
				}
			}
			return nil
		})
	}
	return out
}

// Within runs f and fails the test when f returns an error, panics or
// takes longer than Deadline (a hang: the fuzzing engine keeps the input).
// f runs on a goroutine of its own, so it reports failures by returning
// them, never with t.Fatal.
func Within(t *testing.T, f func() error) {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if x := recover(); x != nil {
				done <- fmt.Errorf("panic: %v\n%s", x, debug.Stack())
			}
		}()
		done <- f()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(Deadline):
		t.Fatalf("no result within %s", Deadline)
	}
}

// Error checks an error a caller of the parser sees: one of ours, with a
// kind and a one-line reason.
func Error(err error) error {
	var e *docerr.Error
	if !errors.As(err, &e) {
		return fmt.Errorf("error of type %T, not *docerr.Error: %v", err, err)
	}
	if e.Kind == docerr.Unknown {
		return fmt.Errorf("error without a kind: %v", err)
	}
	if e.Reason == "" || strings.ContainsAny(e.Reason, "\r\n") {
		return fmt.Errorf("reason empty or on several lines: %q", e.Reason)
	}
	return nil
}

// Report checks that every value of r is null or carries provenance, and
// that a value not inferred from the arithmetic is made of the digits of
// its provenance text (a dash or a blank for 0).
func Report(r *model.Report) error {
	for _, tb := range r.Tables() {
		if tb.Table == nil {
			continue
		}
		for _, row := range tb.Table.Rows {
			for _, c := range row.Cells {
				if c.Value == nil {
					continue
				}
				path := tb.Name + "." + row.Key + "." + c.Key
				p, ok := r.Provenance[path]
				if !ok {
					return fmt.Errorf("%s = %v without provenance", path, *c.Value)
				}
				if p.Inferred {
					continue
				}
				if !DigitsMake(p.Text, *c.Value) {
					return fmt.Errorf("%s = %v read from %q, whose digits do not make it", path, *c.Value, p.Text)
				}
			}
		}
	}
	return nil
}

// DigitsMake reports whether v can have been read from text: its
// significant digits appear in the text's digits (leading and trailing
// zeros aside, which a unit such as 万元 or a decimal point moves), or v is
// 0 and the text a dash, a blank, or a 0.
func DigitsMake(text string, v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	var d strings.Builder
	for _, r := range textnorm.Fold(text) {
		if r >= '0' && r <= '9' {
			d.WriteRune(r)
		}
	}
	digits := d.String()
	if v == 0 {
		return digits == "" || strings.Contains(digits, "0")
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	s = strings.Trim(strings.Replace(s, ".", "", 1), "0")
	return s != "" && strings.Contains(digits, s)
}
