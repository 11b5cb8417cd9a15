package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

func runParse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	timeout := fs.Duration("timeout", parser.DefaultTimeout, "give up on a document after this long")
	compact := fs.Bool("compact", false, "print each report on one line (JSON Lines) instead of indented")
	var scan parser.OCRSettings
	scan.Flags(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: govreport parse [flags] FILE...

Reads each FILE (PDF, HTML, Word .docx or text, told apart by content; scanned PDFs and
PNG/JPEG pages by OCR when Tesseract is installed) and prints its
report as a JSON object of schema "govreport/1" (see docs/SCHEMA.md): the
three tables, the free-text sections, the arithmetic checks, warnings and
where every number was read. Several files print one object per line.
"-" reads standard input.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	files := fs.Args()
	if len(files) == 0 {
		fs.Usage()
		return 2
	}
	p := parser.New(append(scan.Options(), parser.WithTimeout(*timeout))...)
	status := 0
	oneLine := *compact || len(files) > 1
	for _, f := range files {
		var r *model.Report
		var err error
		if f == "-" {
			var src []byte
			src, err = p.ReadFrom("-", stdin)
			if err == nil {
				r, err = p.Parse("-", src)
			}
		} else {
			r, err = p.ParseFile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "govreport: %v\n", err)
			status = 1
			continue
		}
		var out []byte
		if oneLine {
			out, err = json.Marshal(r)
		} else {
			out, err = json.MarshalIndent(r, "", "  ")
		}
		if err != nil {
			fmt.Fprintf(stderr, "govreport: %s: %v\n", docerr.Name(f), err)
			status = 1
			continue
		}
		stdout.Write(append(out, '\n'))
	}
	return status
}
