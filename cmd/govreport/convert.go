package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"golang.org/x/term"

	"github.com/govreport/govreport/batch"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

func runConvert(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "the output file; its extension chooses the format")
	format := fs.String("format", "", "jsonl, csv, xlsx, sqlite or parquet (default: from the extension of -o)")
	jobs := fs.Int("j", 0, "files read at once (default: the number of CPUs)")
	timeout := fs.Duration("timeout", parser.DefaultTimeout, "time budget per file; a file over it is recorded as an error")
	maxMem := fs.String("max-memory", "2GiB", "memory budget per worker process; a file over it is recorded as an error (0: none)")
	manifest := fs.String("manifest", "", "CSV file with columns file and any of agency, region, year, overriding what was read")
	inProcess := fs.Bool("in-process", false, "read files in this process instead of worker processes (debugging)")
	retry := fs.Bool("retry-errors", false, "read again the files an earlier run recorded as errors")
	fresh := fs.Bool("fresh", false, "forget earlier runs (the state file) and read every file again")
	quiet := fs.Bool("q", false, "no progress and no summary")
	var scan parser.OCRSettings
	scan.Flags(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: govreport convert DIR_OR_FILE... -o OUT [flags]

Reads every file under the folders (and the files) given, in parallel, and
writes one table of reports: OUT.jsonl, .csv, .xlsx, .sqlite or .parquet.
Files that are not readable reports go to an errors table. Rerunning the
same command after an interruption reads only the files not yet done (the
state file OUT.govreport-state.jsonl remembers them by content). See
docs/CONVERT.md for the columns and examples.

Flags:
`)
		fs.PrintDefaults()
	}
	// Flags may follow the inputs: govreport convert reports/ -o out.csv
	var inputs []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if err == flag.ErrHelp {
				return 0
			}
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		inputs = append(inputs, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if *out == "" || len(inputs) == 0 {
		fs.Usage()
		return 2
	}
	mem, err := batch.ParseBytes(*maxMem)
	if err != nil {
		fmt.Fprintf(stderr, "govreport: --max-memory: %v\n", err)
		return 2
	}
	o := batch.Options{
		Inputs: inputs, Output: *out, Format: *format, Jobs: *jobs, Timeout: *timeout,
		MaxMemory: mem, InProcess: *inProcess, RetryErrors: *retry, Fresh: *fresh, OCR: scan,
	}
	if *manifest != "" {
		if o.Manifest, err = batch.LoadManifest(*manifest); err != nil {
			fmt.Fprintf(stderr, "govreport: %v\n", err)
			return 2
		}
	}
	if !*quiet {
		o.Progress = stderr
		if f, ok := stderr.(*os.File); ok {
			o.Terminal = term.IsTerminal(int(f.Fd()))
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sum, err := batch.Run(ctx, o)
	if errors.Is(err, batch.ErrInterrupted) {
		fmt.Fprintf(stderr, "govreport: interrupted after %d of %d files; run the same command again to continue (state in %s)\n",
			sum.Converted+sum.Resumed, sum.Files, sum.State)
		return 130
	}
	if errors.Is(err, batch.ErrUsage) {
		fmt.Fprintf(stderr, "govreport convert: %v\n", strings.TrimPrefix(err.Error(), batch.ErrUsage.Error()+": "))
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "govreport: %v\n", err)
		return 1
	}
	if *quiet {
		return 0
	}
	rate := 0.0
	if s := sum.Elapsed.Seconds(); s > 0 {
		rate = float64(sum.Converted) / s
	}
	fmt.Fprintf(stderr, "govreport: %d files: %d reports, %d errors", sum.Files, sum.Reports, len(sum.Failures))
	if len(sum.Failures) > 0 {
		fmt.Fprintf(stderr, " (%s)", sum.KindsText())
	}
	fmt.Fprintf(stderr, "; %d read in %.1fs (%.0f files/s), %d from an earlier run\n", sum.Converted, sum.Elapsed.Seconds(), rate, sum.Resumed)
	for i, f := range sum.Failures {
		if i == 10 {
			fmt.Fprintf(stderr, "  … and %d more in the errors table\n", len(sum.Failures)-10)
			break
		}
		fmt.Fprintf(stderr, "  %s: %s\n", docerr.Name(f.Path), failureText(f.Kind, f.Reason))
	}
	for _, p := range sum.Outputs {
		fmt.Fprintf(stderr, "wrote %s\n", p)
	}
	return 0
}

// failureText is a failure's kind and reason in one phrase: most reasons
// already open with their kind's name (pre-2019 format: …), which is not
// said twice.
func failureText(kind, reason string) string {
	if kind == "" || strings.HasPrefix(reason, kind) {
		return reason
	}
	return kind + ": " + reason
}
