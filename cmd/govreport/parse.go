package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/govreport/govreport/batch"
	"github.com/govreport/govreport/internal/stack"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

func runParse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("parse", parseUsage, stdout)
	timeout := fs.Duration("timeout", parser.DefaultTimeout, "give up on a document after this long")
	compact := fs.BoolP("compact", "c", false, "print each report on one line (JSON Lines) instead of indented")
	scan := ocrFlags(fs)
	if code := parseFlags(fs, args, stderr); code >= 0 {
		return code
	}
	files := fs.Args()
	if len(files) == 0 {
		return usageError(stderr, "parse", "no FILE given")
	}
	// One document or many, the live heap is a few MB: at Go's default
	// target the collector ran twice during the parse of one PDF (~8% of
	// the process's CPU); at the batch target it does not run at all.
	batch.SetBatchGC()
	// The encoding of a report and the reading of its file grow this
	// goroutine's stack to 64 KB: at once here, not by four doublings.
	stack.Grow()
	p := parser.New(append(scan.Options(), parser.WithTimeout(*timeout))...)
	// Ctrl-C and SIGTERM stop the document being read (its reading
	// stops, not only the wait for it); the reports printed stay, and the
	// status is 130, as convert's.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	status := 0
	oneLine := *compact || len(files) > 1
	interrupted := func(f string, done int) int {
		fmt.Fprintf(stderr, "govreport: interrupted at %s, after %d of %d files\n", docerr.Name(f), done, len(files))
		return 130
	}
	out := newReportWriter(stdout, oneLine)
	for i, f := range files {
		if ctx.Err() != nil {
			return interrupted(f, i)
		}
		var r *model.Report
		var err error
		var unmap func()
		switch {
		case f == "-":
			var src []byte
			src, err = p.ReadFrom("-", stdin)
			if err == nil {
				r, err = p.ParseContext(ctx, "-", src)
			}
		case len(files) == 1:
			r, unmap, err = parseMapped(ctx, p, f)
		default:
			r, err = p.ParseFileContext(ctx, f)
		}
		if err != nil && ctx.Err() != nil {
			return interrupted(f, i)
		}
		if err != nil {
			fmt.Fprintf(stderr, "govreport: %v\n", err)
			status = 1
			continue
		}
		if err := out.write(r); err != nil {
			fmt.Fprintf(stderr, "govreport: %s: %v\n", docerr.Name(f), err)
			status = 1
		}
		if unmap != nil {
			unmap()
		}
	}
	return status
}

// maxMapped is the largest file a one-file parse maps instead of reading
// (mapFile); larger ones are read, and refused over the parser's limit.
const maxMapped = 64 << 20

// parseMapped parses the one file of a `parse` from a read-only mapping of
// it when it can (mapFile), else as ParseFileContext does; the report is
// the same. unmap, when not nil, is called once the report is printed: it
// is nil after an error, since a reading given up on may still be running.
func parseMapped(ctx context.Context, p *parser.Parser, path string) (r *model.Report, unmap func(), err error) {
	src, unmap, ok := mapFile(path)
	if !ok {
		r, err = p.ParseFileContext(ctx, path)
		return r, nil, err
	}
	return parseMappedSrc(ctx, p, path, src, unmap)
}

// parseMappedSrc parses src, the mapping of the file at path, which unmap
// unmaps (see parseMapped).
func parseMappedSrc(ctx context.Context, p *parser.Parser, path string, src []byte, unmap func()) (r *model.Report, _ func(), err error) {
	// The parser's own goroutines turn a fault into an error; this one
	// (the content's hash is taken here) does too.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if x := recover(); x != nil {
			e := docerr.Fault(x)
			if e == nil {
				panic(x)
			}
			e.File = path
			r, unmap, err = nil, nil, e
		}
	}()
	r, err = p.ParseContext(ctx, path, src)
	if err != nil {
		return nil, nil, err
	}
	return r, unmap, nil
}

const parseUsage = `Usage: govreport parse [flags] FILE...

Reads each FILE (PDF, HTML, Word .docx or text, told apart by content) and prints its
report as a JSON object of schema "govreport/1" (see docs/SCHEMA.md): the
three tables, the free-text sections, the arithmetic checks, warnings and
where every number was read. Several files print one object per line.
"-" reads standard input.
`
