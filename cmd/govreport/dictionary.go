package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/govreport/govreport/output"
)

const dictionaryUsage = `Usage: govreport dictionary [--format csv|json|md] [-o FILE]

Prints the data dictionary of the convert outputs: every column of every
table (reports, cells, errors, checks, warnings) with its long and short
name, type, unit, the template's Chinese labels in each generation and
which generations have it. Generated from the template's catalogue; convert
writes the same as OUT.dictionary.csv beside every output, and
docs/SCHEMA.md holds the Markdown form.
`

func runDictionary(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("dictionary", dictionaryUsage, stdout)
	format := fs.StringP("format", "f", "", "csv, json or md (default: from the extension of -o, else csv)")
	out := fs.StringP("output", "o", "", "write to this file instead of standard output (\"-\": standard output)")
	if code := parseFlags(fs, args, stderr); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		return usageError(stderr, "dictionary", "no arguments expected")
	}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(*out)), ".")
	if ext == "markdown" {
		ext = "md"
	}
	f := *format
	if f == "markdown" {
		f = "md"
	}
	switch {
	case f == "" && (ext == "csv" || ext == "json" || ext == "md"):
		f = ext
	case f == "":
		f = "csv"
	case f != "csv" && f != "json" && f != "md":
		return usageError(stderr, "dictionary", fmt.Sprintf("unknown format %q (csv, json, md)", *format))
	case *out != "-" && *out != "" && ext != f && (ext == "csv" || ext == "json" || ext == "md"):
		return usageError(stderr, "dictionary", fmt.Sprintf("--format %s and the output %s disagree", *format, *out))
	}
	if *out == "" || *out == "-" {
		bw := bufio.NewWriter(stdout)
		if err := output.WriteDictionary(bw, f); err != nil {
			fmt.Fprintf(stderr, "govreport dictionary: %v\n", err)
			return 1
		}
		bw.Flush()
		return 0
	}
	if err := writeFile(*out, func(w io.Writer) error { return output.WriteDictionary(w, f) }); err != nil {
		fmt.Fprintf(stderr, "govreport dictionary: %v\n", err)
		os.Remove(*out)
		return 1
	}
	return 0
}
