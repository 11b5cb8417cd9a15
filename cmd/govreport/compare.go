package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/govreport/govreport/compare"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

func runCompare(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("compare", compareUsage, stdout)
	format := fs.StringP("format", "f", "", "table format: text (aligned for a terminal), markdown, csv or xlsx (default: from the extension of -o, else text)")
	out := fs.StringP("output", "o", "", "write the table to this file instead of standard output (\"-\": standard output)")
	page := fs.String("html", "", "also write a self-contained HTML page with the table and charts to this file")
	order := fs.String("sort", compare.ByRegion, "column order: region (division code, agency, year) or year")
	timeout := fs.Duration("timeout", parser.DefaultTimeout, "give up on a document after this long")
	if code := parseFlags(fs, args, stderr); code >= 0 {
		return code
	}
	if *out == "-" {
		*out = ""
	}
	byExt := map[string]string{".txt": "text", ".md": "markdown", ".csv": "csv", ".xlsx": "xlsx"}
	ext := byExt[strings.ToLower(filepath.Ext(*out))]
	switch *format {
	case "":
		*format = "text"
		if ext != "" {
			*format = ext
		}
	case "text", "markdown", "md", "csv", "xlsx":
		f := *format
		if f == "md" {
			f = "markdown"
		}
		if ext != "" && ext != f {
			return usageError(stderr, "compare", fmt.Sprintf("--format %s and the output %s disagree", *format, *out))
		}
	default:
		return usageError(stderr, "compare", fmt.Sprintf("unknown format %q (text, markdown, csv, xlsx)", *format))
	}
	if *order != compare.ByRegion && *order != "year" {
		return usageError(stderr, "compare", fmt.Sprintf("unknown --sort %q (region, year)", *order))
	}
	if fs.NArg() == 0 {
		return usageError(stderr, "compare", "no INPUT given")
	}
	if err := checkCompareOutputs(fs.Args(), *out, *page); err != nil {
		return usageError(stderr, "compare", err.Error())
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
		return usageError(stderr, "compare", err.Error())
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

const compareUsage = `Usage: govreport compare [flags] INPUT...

Puts reports side by side, one column per report: region, derived figures
(requests received, shares granted / withheld / …, legal-person applicants,
review and litigation correction rates, change against the previous year),
reports with failed checks marked, and the carry-over check between
consecutive years of one agency. An INPUT is a document (PDF, HTML, .docx, text)
or the JSON / JSON Lines output of govreport parse. Formulas: docs/DERIVED.md.
Text cells of the CSV and XLSX tables that begin with = + - @ are
neutralised with a leading apostrophe (docs/CONVERT.md).
`
