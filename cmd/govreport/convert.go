package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"golang.org/x/term"

	"github.com/govreport/govreport/batch"
	"github.com/govreport/govreport/output"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

func runConvert(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("convert", convertUsage, stdout)
	outs := fs.StringArrayP("output", "o", nil, "the output file; its extension chooses the format (repeat for several outputs from one reading; \"-\": standard output, csv or jsonl)")
	format := fs.StringP("format", "f", "", "jsonl, csv, xlsx, sqlite or parquet (default: from the extension of -o; must agree with it)")
	shape := fs.String("shape", "wide", "wide (one row per report) or long (one row per value)")
	names := fs.String("names", "long", "column names: long (field paths) or short (at most 32 characters, for Stata and SAS)")
	jobs := fs.IntP("jobs", "j", 0, "files read at once (default: the number of CPUs)")
	timeout := fs.Duration("timeout", parser.DefaultTimeout, "time budget per file; a file over it is recorded as an error")
	maxMem := fs.String("max-memory", "2GiB", "memory budget per worker process; a file over it is recorded as an error (0: none)")
	manifest := fs.StringP("manifest", "m", "", "CSV file with columns file and any of agency, region, year, overriding what was read")
	inProcess := fs.Bool("in-process", false, "read files in this process instead of worker processes (debugging)")
	retry := fs.Bool("retry-errors", false, "read again the files an earlier run recorded as errors")
	fresh := fs.Bool("fresh", false, "forget earlier runs (the state file) and read every file again")
	quiet := fs.BoolP("quiet", "q", false, "no progress and no summary")
	scan := ocrFlags(fs)
	if code := parseFlags(fs, args, stderr); code >= 0 {
		return code
	}
	inputs := fs.Args()
	switch {
	case len(*outs) == 0:
		return usageError(stderr, "convert", "no output: give -o OUT")
	case len(inputs) == 0:
		return usageError(stderr, "convert", "no input: give folders or files to convert")
	case *shape != "wide" && *shape != "long":
		return usageError(stderr, "convert", fmt.Sprintf("unknown --shape %q (wide, long)", *shape))
	case *names != "long" && *names != "short":
		return usageError(stderr, "convert", fmt.Sprintf("unknown --names %q (long, short)", *names))
	case *jobs < 0:
		return usageError(stderr, "convert", "--jobs must be at least 1")
	}
	var targets []batch.Target
	toStdout := ""
	for _, o := range *outs {
		if o == "-" {
			f, err := output.FormatOf("", *format)
			if *format == "" || err != nil || (f != "csv" && f != "jsonl") {
				return usageError(stderr, "convert", "-o - writes CSV or JSON Lines to standard output: give --format csv or --format jsonl")
			}
			if len(*outs) > 1 {
				return usageError(stderr, "convert", "-o - cannot be combined with other outputs")
			}
			toStdout = f
			continue
		}
		f, err := output.FormatOf(o, *format)
		if err != nil {
			return usageError(stderr, "convert", err.Error())
		}
		if byExt, err := output.FormatOf(o, ""); err == nil && byExt != f {
			return usageError(stderr, "convert", fmt.Sprintf("--format %s and the output %s disagree (its extension says %s)", *format, o, byExt))
		}
		targets = append(targets, batch.Target{Path: o, Format: f})
	}
	if toStdout != "" {
		// Written into a temporary folder, then copied: the output is never
		// half-written on standard output, and there is nothing to resume.
		dir, err := os.MkdirTemp("", "govreport-convert-")
		if err != nil {
			fmt.Fprintf(stderr, "govreport: %v\n", err)
			return 1
		}
		defer os.RemoveAll(dir)
		targets = []batch.Target{{Path: filepath.Join(dir, "out."+toStdout), Format: toStdout}}
	}
	mem, err := batch.ParseBytes(*maxMem)
	if err != nil {
		return usageError(stderr, "convert", "--max-memory: "+err.Error())
	}
	o := batch.Options{
		Inputs: inputs, Output: targets[0].Path, Format: targets[0].Format, More: targets[1:], Shape: *shape, Names: *names,
		Jobs: *jobs, Timeout: *timeout, MaxMemory: mem, InProcess: *inProcess, RetryErrors: *retry, Fresh: *fresh, OCR: *scan,
	}
	if *manifest != "" {
		if o.Manifest, err = batch.LoadManifest(*manifest); err != nil {
			return usageError(stderr, "convert", err.Error())
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
	batch.SetConvertGC()
	sum, err := batch.Run(ctx, o)
	if errors.Is(err, batch.ErrInterrupted) {
		fmt.Fprintf(stderr, "govreport: interrupted after %d of %d files; run the same command again to continue (state in %s)\n",
			sum.Converted+sum.Resumed, sum.Files, sum.State)
		return 130
	}
	if errors.Is(err, batch.ErrUsage) {
		return usageError(stderr, "convert", strings.TrimPrefix(err.Error(), batch.ErrUsage.Error()+": "))
	}
	if err != nil {
		fmt.Fprintf(stderr, "govreport: %v\n", err)
		return 1
	}
	if toStdout != "" {
		f, err := os.Open(targets[0].Path)
		if err == nil {
			_, err = io.Copy(stdout, f)
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(stderr, "govreport: %v\n", err)
			return 1
		}
		sum.Outputs = nil
	}
	// The outputs' notes (an XLSX sheet gone on on others) show even with
	// --quiet: the output is not the usual one.
	warn := func() {
		for _, n := range sum.Notes {
			fmt.Fprintf(stderr, "govreport: warning: %s\n", n)
		}
	}
	if *quiet {
		warn()
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
	warn()
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

const convertUsage = `Usage: govreport convert DIR_OR_FILE... -o OUT [flags]

Reads every file under the folders (and the files) given, in parallel, and
writes one table of reports: OUT.jsonl, .csv, .xlsx, .sqlite or .parquet,
with the data dictionary OUT.dictionary.csv beside it. Files that are not
readable reports go to an errors table. Rerunning the same command after an
interruption reads only the files not yet done (the state file
OUT.govreport-state.jsonl remembers them by content, their results in
OUT.govreport-results). See docs/CONVERT.md
for the columns and examples.
`
