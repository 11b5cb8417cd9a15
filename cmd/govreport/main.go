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
  govreport parse [flags] FILE...   print the report of each FILE as JSON ("-" reads standard input)
  govreport lines FILE              print the document as the table recognizer sees it (debugging)
  govreport compare [flags] INPUT...  put reports side by side (table, CSV, XLSX, HTML with charts)
  govreport convert DIR... -o OUT   convert many files into one .jsonl/.csv/.xlsx/.sqlite/.parquet table
  govreport serve [FOLDER...]       a local web workbench: drop reports, check numbers at their source, compare
  govreport help                    show this text

Run "govreport parse -h" for the flags of parse.

Exit status: 0 when every file was read as a report (even with failed
arithmetic checks: they are listed in "checks"), 1 when a file is not a
readable report (one line on standard error names the file and the reason),
2 for a usage error.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "parse":
		return runParse(args[1:], stdin, stdout, stderr)
	case "lines":
		return runLines(args[1:], stdout, stderr)
	case "compare":
		return runCompare(args[1:], stdout, stderr)
	case "convert":
		return runConvert(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "worker": // hidden: a worker process of convert
		return batch.WorkerMain(args[1:], stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "govreport: unknown command %q\n\n%s", args[0], usage)
	return 2
}
