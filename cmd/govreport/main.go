// Command govreport turns Chinese government information-disclosure annual
// reports (政府信息公开工作年度报告) into checked, structured JSON.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/govreport/govreport/batch"
)

const usage = `govreport reads 政府信息公开工作年度报告 (PDF, HTML, Word .docx, text) into checked JSON.

Usage:
  govreport parse [flags] FILE...     print the report of each FILE as JSON ("-" reads standard input)
  govreport lines FILE                print the document as the table recognizer sees it (debugging)
  govreport compare [flags] INPUT...  put reports side by side (table, CSV, XLSX, HTML with charts)
  govreport audit [flags] INPUT...    findings: text against table, copied tables, carry-over, years, …
  govreport convert DIR... -o OUT     convert many files into one .jsonl/.csv/.xlsx/.sqlite/.parquet table
  govreport serve [flags] [FOLDER...] a local web workbench: drop reports, check numbers at their source, compare
  govreport dictionary [flags]        print the data dictionary of the convert outputs
  govreport version                   print the version (also --version)
  govreport completion SHELL          print a completion script for bash, zsh, fish or powershell
  govreport help [COMMAND]            show this text, or a command's flags

Exit status: 0 when every file was read as a report (even with failed
arithmetic checks: they are listed in "checks"), 1 when a file is not a
readable report (one line on standard error names the file and the reason),
2 for a usage error.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// commands maps a command to its runner; help for one is its -h. A
// function, not a variable: a map literal is built at init, in every
// process.
func commands() map[string]func(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return map[string]func(args []string, stdin io.Reader, stdout, stderr io.Writer) int{
		"parse":      runParse,
		"lines":      func(a []string, _ io.Reader, o, e io.Writer) int { return runLines(a, o, e) },
		"compare":    func(a []string, _ io.Reader, o, e io.Writer) int { return runCompare(a, o, e) },
		"convert":    func(a []string, _ io.Reader, o, e io.Writer) int { return runConvert(a, o, e) },
		"dictionary": func(a []string, _ io.Reader, o, e io.Writer) int { return runDictionary(a, o, e) },
		"audit":      func(a []string, _ io.Reader, o, e io.Writer) int { return runAudit(a, o, e) },
		"serve":      func(a []string, _ io.Reader, o, e io.Writer) int { return runServe(a, o, e) },
		"completion": func(a []string, _ io.Reader, o, e io.Writer) int { return runCompletion(a, o, e) },
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	if c, ok := commands()[args[0]]; ok {
		return c(args[1:], stdin, stdout, stderr)
	}
	switch args[0] {
	case "worker": // hidden: a worker process of convert
		return batch.WorkerMain(args[1:], stdin, stdout, stderr)
	case "version", "--version", "-version", "-V":
		fmt.Fprintln(stdout, version())
		return 0
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c, ok := commands()[args[1]]; ok {
				return c([]string{"--help"}, stdin, stdout, stderr)
			}
			if args[1] == "version" || args[1] == "help" {
				fmt.Fprint(stdout, usage)
				return 0
			}
			fmt.Fprintf(stderr, "govreport help: unknown command %q\n\n%s", args[1], usage)
			return 2
		}
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "govreport: unknown command %q\n\n%s", args[0], usage)
	return 2
}
