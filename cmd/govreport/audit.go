package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/govreport/govreport/audit"
	"github.com/govreport/govreport/compare"
	"github.com/govreport/govreport/parser"
)

const auditUsage = `Usage: govreport audit [flags] INPUT...

Reads each report against itself (sums, text against table, empty sections,
fees, years, template) and each agency's consecutive years against each other
(copied tables, carry-over), and prints one finding per line with its
evidence: the cells and sentences it rests on. An INPUT is a document or the
JSON / JSON Lines output of govreport parse. Rules: docs/AUDIT.md.

Exit status: 0 whatever is found (findings are data), 1 when an input cannot
be read, 2 for a usage error.
`

func runAudit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("audit", auditUsage, stdout)
	format := fs.StringP("format", "f", "jsonl", "output: jsonl (one finding per line), text or csv")
	rules := fs.String("rules", "", "comma-separated rules to run (default all: "+strings.Join(audit.Rules(), ", ")+")")
	timeout := fs.Duration("timeout", parser.DefaultTimeout, "give up on a document after this long")
	if code := parseFlags(fs, args, stderr); code >= 0 {
		return code
	}
	switch *format {
	case "jsonl", "text", "csv":
	default:
		return usageError(stderr, "audit", fmt.Sprintf("unknown format %q (jsonl, text, csv)", *format))
	}
	var opts []audit.Option
	if *rules != "" {
		names := strings.Split(*rules, ",")
		for i, n := range names {
			names[i] = strings.TrimSpace(n)
			if !audit.IsRule(names[i]) {
				return usageError(stderr, "audit", fmt.Sprintf("unknown rule %q (%s)", names[i], strings.Join(audit.Rules(), ", ")))
			}
		}
		opts = append(opts, audit.WithRules(names...))
	}
	if fs.NArg() == 0 {
		return usageError(stderr, "audit", "no INPUT given")
	}
	p := parser.New(parser.WithTimeout(*timeout))
	status := 0
	var ins []audit.Input
	for _, f := range fs.Args() {
		loaded, errs := compare.Load(p, f)
		for _, err := range errs {
			fmt.Fprintf(stderr, "govreport: %v\n", err)
			status = 1
		}
		for _, in := range loaded {
			ins = append(ins, audit.Input{Name: in.Name, Report: in.Report})
		}
	}
	findings := audit.Run(ins, opts...)
	bw := bufio.NewWriter(stdout)
	var err error
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		for _, f := range findings {
			if err = enc.Encode(f); err != nil {
				break
			}
		}
	case "text":
		err = writeFindingsText(bw, findings)
	case "csv":
		err = writeFindingsCSV(bw, findings)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "govreport audit: %v\n", err)
		return 1
	}
	return status
}

func writeFindingsText(w io.Writer, fs []audit.Finding) error {
	for _, f := range fs {
		fmt.Fprintf(w, "%s [%s] %s\n", strings.Join(f.Reports, " ← "), f.Rule, f.Message)
		for _, e := range f.Evidence {
			fmt.Fprintf(w, "    %s\n", evidenceText(e.Path, e.Field, e.Value, e.Text, e.Page, e.Line))
		}
	}
	return nil
}

func evidenceText(path, field string, v *float64, text string, page, line int) string {
	var b strings.Builder
	b.WriteString(field)
	if v != nil {
		b.WriteString(" = " + strconv.FormatFloat(*v, 'f', -1, 64))
	}
	if text != "" {
		fmt.Fprintf(&b, " “%s”", text)
	}
	var at []string
	if path != "" {
		at = append(at, path)
	}
	if page > 0 {
		at = append(at, fmt.Sprintf("p.%d", page))
	}
	if line > 0 {
		at = append(at, fmt.Sprintf("line %d", line))
	}
	if len(at) > 0 {
		b.WriteString(" (" + strings.Join(at, ", ") + ")")
	}
	return b.String()
}

// writeFindingsCSV writes one row per piece of evidence, the finding's
// columns repeated, so a spreadsheet can filter by rule, report or field.
func writeFindingsCSV(w io.Writer, fs []audit.Finding) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"finding", "rule", "severity", "reports", "agency", "year", "message", "path", "field", "value", "text", "page", "line"})
	for i, f := range fs {
		agency, year := "", ""
		if f.Agency != nil {
			agency = *f.Agency
		}
		if f.Year != nil {
			year = strconv.Itoa(*f.Year)
		}
		head := []string{strconv.Itoa(i + 1), f.Rule, f.Severity, strings.Join(f.Reports, ";"), agency, year, f.Message}
		if len(f.Evidence) == 0 {
			cw.Write(append(head, "", "", "", "", "", ""))
		}
		for _, e := range f.Evidence {
			v, page, line := "", "", ""
			if e.Value != nil {
				v = strconv.FormatFloat(*e.Value, 'f', -1, 64)
			}
			if e.Page > 0 {
				page = strconv.Itoa(e.Page)
			}
			if e.Line > 0 {
				line = strconv.Itoa(e.Line)
			}
			cw.Write(append(append([]string{}, head...), e.Path, e.Field, v, e.Text, page, line))
		}
	}
	cw.Flush()
	return cw.Error()
}
