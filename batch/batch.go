// Package batch converts many documents into one output (see package
// output): it walks folders, reads each file in an isolated worker process
// with a time and memory budget, records each result in a journal beside
// the output so that an interrupted conversion resumes where it stopped,
// and writes the output at the end from the journal.
package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/govreport/govreport/output"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

// Options configure a conversion.
type Options struct {
	Inputs []string // files and folders
	Output string   // the output file
	Format string   // an output format name; "" tells it from Output's extension
	// More are further outputs written from the same reading of each file
	// (-o a.csv -o b.parquet); the state file is Output's.
	More []Target
	// Shape and Names choose the outputs' form (output.Options).
	Shape, Names string

	Jobs      int           // files read at once (0: the number of CPUs)
	Timeout   time.Duration // per document (0: parser.DefaultTimeout)
	MaxMemory int64         // per worker process, bytes (0: no limit)
	InProcess bool          // read in this process, without workers (debugging, tests)

	Manifest    *Manifest // overrides of agency, region, year; may be nil
	RetryErrors bool      // convert again the files the state file records as errors
	Fresh       bool      // discard the state file and convert everything

	Progress io.Writer // where progress goes; nil for none
	Terminal bool      // Progress is a terminal: redraw one line

	// WorkerArgv starts a worker process; nil runs this executable with
	// the argument "worker". The worker flags are appended.
	WorkerArgv []string
	WorkerEnv  []string // added to the workers' environment

	// OCR of scanned documents, in the workers; a document read by OCR
	// runs under OCR.Timeout instead of Timeout.
	OCR parser.OCRSettings
}

// Summary tells what a conversion did.
type Summary struct {
	Files     int              // files found
	Reports   int              // written as reports
	Failures  []output.Failure // written to the errors table
	ByKind    map[string]int   // failures by kind
	Converted int              // read in this run
	Resumed   int              // taken from the state file of an earlier run
	Elapsed   time.Duration    // time spent
	Outputs   []string         // files written
	Notes     []string         // what the outputs say of themselves (output.Notes)
	State     string           // the state file
}

// Target is one more output of a conversion.
type Target struct{ Path, Format string }

// ErrInterrupted is returned when the context ends before every file is
// read: nothing is written but the state file, and running the same
// conversion again continues it.
var ErrInterrupted = errors.New("interrupted")

// Run converts.
func Run(ctx context.Context, o Options) (*Summary, error) {
	start := time.Now()
	format, err := output.FormatOf(o.Output, o.Format)
	if err != nil {
		return nil, err
	}
	targets := []Target{{o.Output, format}}
	for _, t := range o.More {
		f, err := output.FormatOf(t.Path, t.Format)
		if err != nil {
			return nil, err
		}
		targets = append(targets, Target{t.Path, f})
	}
	if o.Jobs <= 0 {
		o.Jobs = runtime.NumCPU()
	}
	if o.Timeout <= 0 {
		o.Timeout = parser.DefaultTimeout
	}
	statePath, spoolPath := StatePath(o.Output), ResultsPath(o.Output)
	skip := []string{statePath, spoolPath}
	for _, t := range targets {
		if err := checkOutputs(o.Inputs, t.Path, t.Format); err != nil {
			return nil, err
		}
		skip = append(append(skip, t.Path), output.SideFiles(t.Path)...)
	}
	inputs, err := Collect(o.Inputs, skip)
	if err != nil {
		return nil, err
	}
	if o.Fresh {
		for _, p := range []string{statePath, spoolPath} {
			if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
				return nil, err
			}
		}
	}
	j, err := openJournal(statePath, spoolPath, o.RetryErrors)
	if err != nil {
		return nil, err
	}
	defer j.close()
	if j.restarted != "" && o.Progress != nil {
		fmt.Fprintf(o.Progress, "govreport: starting afresh: the state file %s is not taken up (%s); every file is read again\n", docerr.Name(statePath), j.restarted)
	}
	for _, t := range targets {
		output.RemoveTemporary(t.Path) // left by a run killed while writing
	}

	sum := &Summary{Files: len(inputs), ByKind: map[string]int{}, State: statePath}
	shas := make([]string, len(inputs))
	readErrs := make([]error, len(inputs))
	prog := newProgress(o.Progress, o.Terminal, len(inputs))

	argv := o.WorkerArgv
	if argv == nil && !o.InProcess {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("cannot find this program to start workers: %v (use --in-process)", err)
		}
		argv = []string{exe, "worker"}
	}
	argv = append(append([]string(nil), argv...), "--timeout", o.Timeout.String(), "--max-memory", fmt.Sprint(o.MaxMemory))
	argv = append(argv, o.OCR.Args()...)
	grace := max(2*time.Second, o.Timeout/4)
	whole := false
	for _, t := range targets {
		whole = whole || output.NeedsJSON(t.Format)
	}
	p := parser.New(append(o.OCR.Options(), parser.WithTimeout(o.Timeout))...)
	// a worker reading a scan runs under the OCR budget
	var scanKill time.Duration
	if o.OCR.Mode != parser.OCRNever {
		scanKill = max(o.Timeout, o.OCR.Timeout) + max(grace, o.OCR.Timeout/4)
	}

	var (
		mu       sync.Mutex
		claimed  = map[string]bool{}
		fatal    error
		counted  = map[bool]int{} // converted in this run / resumed
		wg       sync.WaitGroup
		jobs     = make(chan int)
		ctxRun   context.Context
		cancel   context.CancelFunc
		workerFn func(s *slot, i int, src []byte, handed func()) (*entry, error)
		inFlight = newByteBudget(maxInFlight)
	)
	ctxRun, cancel = context.WithCancel(ctx)
	defer cancel()
	if o.InProcess {
		workerFn = func(_ *slot, i int, src []byte, handed func()) (*entry, error) {
			defer handed()
			e := convert(ctxRun, p, inputs[i].Path, src, whole)
			if ctxRun.Err() != nil {
				return nil, errInterrupted
			}
			return e, nil
		}
	} else {
		workerFn = func(s *slot, i int, src []byte, handed func()) (*entry, error) {
			return s.run(ctxRun, inputs[i].Path, src, whole, true, handed)
		}
	}
	for w := 0; w < o.Jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := &slot{argv: argv, env: o.WorkerEnv, deadline: o.Timeout + grace, timeout: o.Timeout,
				scanDeadline: scanKill, scanMode: o.OCR.Mode}
			defer s.close()
			for i := range jobs {
				var src []byte
				err := errors.New(inputs[i].Refused)
				// The bytes held are set aside before reading and given
				// back once the worker has them (or they are not needed).
				var held int64
				handed := func() {
					inFlight.release(held)
					held = 0
				}
				if inputs[i].Refused == "" {
					held = reservation(inputs[i].Path, maxInFlight)
					if !inFlight.acquire(ctxRun, held) {
						return
					}
					src, err = p.ReadFile(inputs[i].Path)
				}
				if err != nil {
					handed()
					readErrs[i] = err
					prog.add(false, true)
					continue
				}
				h := sha256.Sum256(src)
				sha := hex.EncodeToString(h[:])
				shas[i] = sha
				mu.Lock()
				dup := claimed[sha]
				claimed[sha] = true
				mu.Unlock()
				if dup || j.has(sha, whole) {
					handed()
					e, _ := j.get(sha)
					mu.Lock()
					counted[false]++
					mu.Unlock()
					prog.add(true, e != nil && e.Error != nil)
					continue
				}
				e, err := workerFn(s, i, src, handed)
				handed() // if not yet
				if err != nil {
					if err != errInterrupted {
						mu.Lock()
						if fatal == nil {
							fatal = err
						}
						mu.Unlock()
						cancel()
					}
					return
				}
				e.SHA256, e.Path = sha, inputs[i].Path
				if err := j.add(e); err != nil {
					mu.Lock()
					if fatal == nil {
						fatal = fmt.Errorf("cannot write the state file: %v", err)
					}
					mu.Unlock()
					cancel()
					return
				}
				mu.Lock()
				counted[true]++
				mu.Unlock()
				prog.add(false, e.Error != nil)
			}
		}()
	}
feed:
	for i := range inputs {
		select {
		case jobs <- i:
		case <-ctxRun.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	prog.finish()
	sum.Converted, sum.Resumed = counted[true], counted[false]
	if fatal != nil {
		return sum, fatal
	}
	if ctx.Err() != nil {
		sum.Elapsed = time.Since(start)
		return sum, ErrInterrupted
	}

	if writeHook != nil {
		writeHook()
	}
	var w output.Multi
	for _, t := range targets {
		tw, err := output.Create(t.Path, t.Format, output.Options{Shape: o.Shape, Names: o.Names})
		if err != nil {
			w.Abort()
			return sum, err
		}
		w = append(w, tw)
	}
	// The records are read back from the spool and decoded ahead of the
	// writers, in parallel, so that the serial part (the writers) is only
	// the writing.
	prepared, stopPrep := prepare(len(inputs), func(i int) written {
		in := inputs[i]
		path := filepath.ToSlash(in.Path)
		if readErrs[i] != nil {
			f := &output.Failure{Path: path, Kind: "unreadable", Reason: reasonOf(readErrs[i])}
			if k := docerr.KindOf(readErrs[i]); k != docerr.Unknown {
				f.Kind = k.String() // too large, measured before reading
			}
			return written{f: f}
		}
		e, err := j.get(shas[i])
		if err == nil && e == nil {
			err = fmt.Errorf("no result for %s in the state file", path)
		}
		if err != nil {
			return written{err: err}
		}
		if e.Error != nil {
			return written{f: &output.Failure{Path: path, SHA256: shas[i], Kind: e.Error.Kind, Reason: e.Error.Reason}}
		}
		rec, err := record(e, path, o.Manifest.Lookup(in.Path, in.Root))
		if err != nil {
			return written{err: fmt.Errorf("state file entry of %s: %v (run again with --fresh)", path, err)}
		}
		return written{rec: rec}
	})
	defer stopPrep()
	for range inputs {
		x := <-prepared
		if x.err != nil {
			w.Abort()
			return sum, x.err
		}
		if x.f != nil {
			sum.Failures = append(sum.Failures, *x.f)
			sum.ByKind[x.f.Kind]++
			err = w.WriteFailure(x.f)
		} else {
			sum.Reports++
			err = w.WriteReport(x.rec)
		}
		if err != nil {
			w.Abort()
			return sum, err
		}
	}
	if err := w.Commit(); err != nil {
		return sum, err
	}
	sum.Outputs, sum.Notes = w.Paths(), output.Notes(w)
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// written is what the writers get for one input: a report's record, a
// failure, or the error that stops the writing.
type written struct {
	rec *output.Record
	f   *output.Failure
	err error
}

// prepareAhead bounds the records decoded ahead of the writers.
const prepareAhead = 64

// prepare calls fn for 0…n-1 on GOMAXPROCS goroutines, a bounded window
// ahead of the reader, and delivers the results in order. stop ends it
// early (the reader gives up); the goroutines then finish their current
// call and exit.
func prepare(n int, fn func(i int) written) (results <-chan written, stop func()) {
	type job struct {
		i   int
		out chan written
	}
	jobs := make(chan job)
	order := make(chan chan written, prepareAhead)
	out := make(chan written)
	done := make(chan struct{})
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for jb := range jobs {
				jb.out <- fn(jb.i) // buffered: never blocks
			}
		}()
	}
	go func() { // hands out the jobs, keeping their order
		defer close(order)
		defer close(jobs)
		for i := range n {
			jb := job{i, make(chan written, 1)}
			select {
			case order <- jb.out:
			case <-done:
				return
			}
			select {
			case jobs <- jb:
			case <-done:
				return
			}
		}
	}()
	go func() { // delivers the results in order
		for c := range order {
			var x written
			select {
			case x = <-c:
			case <-done:
				return
			}
			select {
			case out <- x:
			case <-done:
				return
			}
		}
	}()
	var once sync.Once
	return out, func() { once.Do(func() { close(done) }) }
}

// writeHook, when set (by a benchmark), is called when every file is read
// and the writing of the outputs starts.
var writeHook func()

// record makes the output record of a file found at path from its journal
// entry.
func record(e *entry, path string, m *ManifestEntry) (*output.Record, error) {
	rec := &output.Record{Path: path, SHA256: e.SHA256, Summary: &output.Summary{}, JSON: e.Report, JSONPath: e.Path}
	if err := decodeSummary(e.Summary, rec.Summary); err != nil {
		return nil, err
	}
	if m != nil {
		rec.Manifest = &output.Manifest{Agency: m.Agency, Region: m.Region, Year: m.Year}
	}
	return rec, nil
}

// KindsText is the failures by kind, most frequent first: "3 damaged, 1 empty".
func (s *Summary) KindsText() string {
	type kc struct {
		k string
		n int
	}
	var ks []kc
	for k, n := range s.ByKind {
		ks = append(ks, kc{k, n})
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i].n > ks[j].n || ks[i].n == ks[j].n && ks[i].k < ks[j].k })
	out := ""
	for i, x := range ks {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%d %s", x.n, x.k)
	}
	return out
}
