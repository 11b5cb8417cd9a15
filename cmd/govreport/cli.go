package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"

	"github.com/govreport/govreport/parser"
)

// newFlags makes the flag set of a command: GNU-style long and short flags
// (--jobs 4, -j 4, -j4), interspersed with the arguments, -h/--help
// printing usage to standard output.
func newFlags(name, usage string, stdout io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SortFlags = false
	flagSets.Store(name, fs) // for the completion scripts
	fs.SetOutput(io.Discard) // errors are printed by parseFlags
	fs.Usage = func() {
		fmt.Fprint(stdout, usage)
		fmt.Fprint(stdout, "\nFlags:\n"+fs.FlagUsages())
	}
	return fs
}

// ocrFlags adds the OCR settings' flags (--ocr, --tesseract, --ocr-pages,
// --ocr-timeout), which the parser declares on a flag.FlagSet for the
// worker processes too.
func ocrFlags(fs *pflag.FlagSet) *parser.OCRSettings {
	var s parser.OCRSettings
	g := flag.NewFlagSet(fs.Name(), flag.ContinueOnError)
	s.Flags(g)
	fs.AddGoFlagSet(g)
	return &s
}

// usageOf is a command's whole help text, for govreport help CMD.
func usageOf(fs *pflag.FlagSet, usage string) string {
	return usage + "\nFlags:\n" + fs.FlagUsages()
}

// parseFlags parses args; it returns -1 to go on, else the exit status:
// 0 after -h, 2 after a usage error (told on standard error).
func parseFlags(fs *pflag.FlagSet, args []string, stderr io.Writer) int {
	err := fs.Parse(longDashes(fs, args))
	if errors.Is(err, pflag.ErrHelp) {
		fs.Usage()
		return 0
	}
	if err != nil {
		return usageError(stderr, fs.Name(), err.Error())
	}
	return -1
}

// usageError says what is wrong with the command line and exits 2.
func usageError(stderr io.Writer, cmd, msg string) int {
	fmt.Fprintf(stderr, "govreport %s: %s\nRun 'govreport help %s' for usage.\n", cmd, msg, cmd)
	return 2
}

// longDashes keeps the spellings of Go's flag package working: a long
// flag with one dash (-timeout 5s, -format=csv) is read as --timeout.
func longDashes(fs *pflag.FlagSet, args []string) []string {
	out := make([]string, 0, len(args))
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		if len(a) > 2 && a[0] == '-' && a[1] != '-' {
			name, _, _ := strings.Cut(a[1:], "=")
			if len(name) > 1 && fs.Lookup(name) != nil {
				a = "-" + a
			}
		}
		out = append(out, a)
	}
	return out
}

// version is the module version and the VCS revision the binary was built
// from, as Go records them.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "govreport (unknown version)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	s := "govreport " + v
	var rev, when, dirty string
	for _, kv := range bi.Settings {
		switch kv.Key {
		case "vcs.revision":
			rev = kv.Value
		case "vcs.time":
			when = kv.Value
		case "vcs.modified":
			if kv.Value == "true" {
				dirty = " (modified)"
			}
		}
	}
	if rev != "" {
		s += " revision " + rev + dirty
		if when != "" {
			s += " " + when
		}
	}
	return s + " " + bi.GoVersion
}
