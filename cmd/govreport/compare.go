package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/govreport/govreport/compare"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

func runCompare(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "table format: text (aligned for a terminal), markdown, csv or xlsx")
	out := fs.String("o", "", "write the table to this file instead of standard output (needed for xlsx on a terminal)")
	page := fs.String("html", "", "also write a self-contained HTML page with the table and charts to this file")
	order := fs.String("sort", compare.ByRegion, "column order: region (division code, agency, year) or year")
	timeout := fs.Duration("timeout", parser.DefaultTimeout, "give up on a document after this long")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: govreport compare [flags] INPUT...

Puts reports side by side, one column per report: region, derived figures
(requests received, shares granted / withheld / …, legal-person applicants,
review and litigation correction rates, change against the previous year),
reports with failed checks marked, and the carry-over check between
consecutive years of one agency. An INPUT is a document (PDF, HTML, .docx, text)
or the JSON / JSON Lines output of govreport parse. Formulas: docs/DERIVED.md.

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
	switch *format {
	case "text", "markdown", "md", "csv", "xlsx":
	default:
		fmt.Fprintf(stderr, "govreport compare: unknown format %q (text, markdown, csv, xlsx)\n", *format)
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	if err := checkCompareOutputs(fs.Args(), *out, *page); err != nil {
		fmt.Fprintf(stderr, "govreport compare: %v\n", err)
		return 2
	}
	p := parser.New(parser.WithTimeout(*timeout))
	status := 0
	var reports []*model.Report
	var names []string
	for _, f := range fs.Args() {
		ins, errs := compare.Load(p, f)
		for _, err := range errs {
			fmt.Fprintf(stderr, "govreport: %v\n", err)
			status = 1
		}
		for _, in := range ins {
			reports = append(reports, in.Report)
			names = append(names, in.Name)
		}
	}
	if len(reports) == 0 {
		fmt.Fprintln(stderr, "govreport compare: no report to compare")
		return 1
	}
	set, err := compare.Build(reports, names, *order)
	if err != nil {
		fmt.Fprintf(stderr, "govreport compare: %v\n", err)
		return 2
	}
	if *page != "" {
		if err := writeFile(*page, set.WriteHTML); err != nil {
			fmt.Fprintf(stderr, "govreport compare: %v\n", err)
			return 1
		}
	}
	write := map[string]func(io.Writer) error{
		"text": set.WriteText, "markdown": set.WriteMarkdown, "md": set.WriteMarkdown,
		"csv": set.WriteCSV, "xlsx": set.WriteXLSX,
	}[*format]
	if *out != "" {
		err = writeFile(*out, write)
	} else if *format == "xlsx" && isTerminal(stdout) {
		err = fmt.Errorf("an XLSX workbook is binary: give -o FILE.xlsx or redirect standard output")
	} else {
		bw := bufio.NewWriter(stdout)
		err = write(bw)
		if err == nil {
			err = bw.Flush()
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "govreport compare: %v\n", err)
		return 1
	}
	return status
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// checkCompareOutputs refuses an output (-o, --html) that is one of the
// inputs, which writing it would destroy, or both outputs in one file.
func checkCompareOutputs(inputs []string, outs ...string) error {
	var seen []os.FileInfo
	for _, o := range outs {
		if o == "" {
			continue
		}
		ost, err := os.Stat(o)
		if err != nil {
			continue // not there yet
		}
		for _, in := range inputs {
			if ist, err := os.Stat(in); err == nil && os.SameFile(ost, ist) {
				return fmt.Errorf("the output %s is one of the inputs; it would be overwritten (give another name)", docerr.Name(o))
			}
		}
		for _, s := range seen {
			if os.SameFile(ost, s) {
				return fmt.Errorf("-o and --html name the same file %s", docerr.Name(o))
			}
		}
		seen = append(seen, ost)
	}
	if outs[0] != "" && len(outs) > 1 && outs[0] == outs[1] {
		return fmt.Errorf("-o and --html name the same file %s", docerr.Name(outs[0]))
	}
	return nil
}
