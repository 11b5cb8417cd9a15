package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/govreport/govreport/parser"
)

// Pool reads single documents in worker processes for a long-running
// program (govreport serve): the same isolation as a conversion (a
// document that hangs, crashes the reader or grows past the memory budget
// costs its worker, never the caller), without the journal and outputs.
type Pool struct {
	slots chan *slot
}

// PoolOptions configure a Pool.
type PoolOptions struct {
	Workers   int           // documents read at once (0: the number of CPUs)
	Timeout   time.Duration // per document (0: parser.DefaultTimeout)
	MaxMemory int64         // per worker process, bytes (0: no limit)
	// WorkerArgv starts a worker process; nil runs this executable with
	// the argument "worker".
	WorkerArgv []string
	WorkerEnv  []string
	// OCR is how the workers read scans (the zero value: auto, with the
	// default budgets); a document that may need OCR gets its budget.
	OCR parser.OCRSettings
}

// Failure is why a document was not read as a report.
type Failure struct {
	Kind   string // a docerr kind's name, or "unreadable"
	Reason string
}

func (f *Failure) Error() string { return f.Reason }

// NewPool prepares the workers; each process starts on first use.
func NewPool(o PoolOptions) (*Pool, error) {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Timeout <= 0 {
		o.Timeout = parser.DefaultTimeout
	}
	argv := o.WorkerArgv
	if argv == nil {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("cannot find this program to start workers: %v", err)
		}
		argv = []string{exe, "worker"}
	}
	argv = append(append([]string(nil), argv...), "--timeout", o.Timeout.String(), "--max-memory", fmt.Sprint(o.MaxMemory))
	argv = append(argv, o.OCR.Args()...)
	grace := max(2*time.Second, o.Timeout/4)
	var scanKill time.Duration // as in Run: a worker reading a scan runs under the OCR budget
	if o.OCR.Mode != parser.OCRNever {
		scanKill = max(o.Timeout, o.OCR.Timeout) + max(grace, o.OCR.Timeout/4)
	}
	p := &Pool{slots: make(chan *slot, o.Workers)}
	for range o.Workers {
		p.slots <- &slot{argv: argv, env: o.WorkerEnv, deadline: o.Timeout + grace, timeout: o.Timeout,
			scanDeadline: scanKill, scanMode: o.OCR.Mode}
	}
	return p, nil
}

// ErrCanceled is returned when ctx ends before the document is read; the
// worker reading it is stopped.
var ErrCanceled = errors.New("canceled")

// Parse reads one document (name is what the report's source.path says;
// nothing is read from the file system) and returns the report as JSON,
// or the failure. Calls wait for a free worker.
func (p *Pool) Parse(ctx context.Context, name string, src []byte) ([]byte, *Failure, error) {
	var s *slot
	select {
	case s = <-p.slots:
	case <-ctx.Done():
		return nil, nil, ErrCanceled
	}
	defer func() { p.slots <- s }()
	e, err := s.run(ctx, name, src, true, false, func() {})
	if err == errInterrupted {
		return nil, nil, ErrCanceled
	}
	if err != nil {
		return nil, nil, err
	}
	if e.Error != nil {
		return nil, &Failure{Kind: e.Error.Kind, Reason: e.Error.Reason}, nil
	}
	return e.Report, nil, nil
}

// Close stops the idle workers; it waits for those reading.
func (p *Pool) Close() {
	for range cap(p.slots) {
		s := <-p.slots
		s.close()
	}
}
