package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/govreport/govreport/output"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

// The worker protocol: the parent writes one request frame (frame.go) to
// the worker's standard input, followed by the document's bytes (Len of
// them: the very bytes the parent hashed, so that a file changed meanwhile
// can never be stored under another content's hash), and reads the
// responses from its standard output, in order. A response is a frame
// followed by SummaryLen bytes of the summary and ReportLen bytes of the
// report's JSON, or, when the request asks for it (Pack), by PackedLen bytes
// of the name, the summary and the report compressed together as the
// results spool keeps them: the parent neither decodes nor checks them
// again, and compressing is done in the workers, in parallel, on the way to
// a smaller copy through the pipe. A worker handles one file at a time.
type request struct {
	ID    int64
	Path  string // the file's name, whatever its bytes
	Whole bool   // send the whole report, not only its summary
	// Inline says the document's Len bytes follow the frame; without it
	// the worker reads the file at the path.
	Inline bool
	Len    int
	Pack   bool
}

func newRequest(id int64, path string, whole, pack bool, src []byte) request {
	return request{ID: id, Path: path, Whole: whole, Inline: true, Len: len(src), Pack: pack}
}

type response struct {
	ID         int64
	SummaryLen int
	ReportLen  int
	PackedLen  int // then the lengths are those once inflated
	PathLen    int
	Error      *errInfo

	summary, report, packed []byte // the bytes that follow the frame
	// Exit says the worker stops after this response (it gave up on a
	// document whose reading may still be running, or it used too much
	// memory); the parent starts a new one.
	Exit bool
}

// Test hooks, read by the worker only, for the tests of isolation and of
// resuming: they make a worker slow, hang or use memory deterministically.
const (
	envTestDelay = "GOVREPORT_WORKER_TEST_DELAY" // a duration slept before each file
	envTestHang  = "GOVREPORT_WORKER_TEST_HANG"  // files whose path contains this never finish
	envTestHog   = "GOVREPORT_WORKER_TEST_HOG"   // files whose path contains this allocate without bound
)

// convert reads one document into a journal entry: the report's summary
// and, with whole, the report. The caller has hashed the bytes (once, in
// the parent) and sets the entry's hash.
func convert(ctx context.Context, p *parser.Parser, name string, src []byte, whole bool) *entry {
	e := &entry{Path: name}
	r, err := p.ParseContext(ctx, name, src)
	if err != nil {
		e.Error = failureOf(err)
		return e
	}
	if e.Summary, err = encodeSummary(nil, output.Summarize(r)); err == nil && whole {
		e.Report, err = json.Marshal(r)
	}
	if err != nil {
		e.Summary, e.Report = nil, nil
		e.Error = &errInfo{Kind: docerr.Unknown.String(), Reason: "cannot write the report as JSON: " + err.Error()}
	}
	return e
}

// reasonOf is the reason of an error without the file's name.
func reasonOf(err error) string {
	var de *docerr.Error
	if errors.As(err, &de) {
		return de.Reason
	}
	return err.Error()
}

func failureOf(err error) *errInfo {
	var de *docerr.Error
	if errors.As(err, &de) {
		return &errInfo{Kind: de.Kind.String(), Reason: de.Reason}
	}
	return &errInfo{Kind: docerr.Unknown.String(), Reason: err.Error()}
}

// WorkerMain is the hidden command "govreport worker": it serves requests
// on stdin until stdin ends. Flags: --timeout (per document) and
// --max-memory (bytes; the worker answers with an error and exits when its
// memory grows past it).
func WorkerMain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	timeout := fs.Duration("timeout", parser.DefaultTimeout, "time budget per document")
	maxMem := fs.Int64("max-memory", 0, "memory budget in bytes (0: none)")
	var scan parser.OCRSettings
	scan.Flags(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	// Ctrl-C on a terminal reaches the whole process group: the parent
	// stops the workers itself, and a worker killed by it would have its
	// file recorded as crashed.
	signal.Ignore(os.Interrupt)
	// A library that prints must not break the protocol on stdout.
	if stdout == io.Writer(os.Stdout) {
		os.Stdout = os.Stderr
	}
	s := &server{p: parser.New(append(scan.Options(), parser.WithTimeout(*timeout))...), out: bufio.NewWriterSize(stdout, 1<<16)} // a response in one write
	// The memory limit below still bounds the heap the larger target allows.
	SetBatchGC()
	if *maxMem > 0 {
		debug.SetMemoryLimit(*maxMem / 2)
		go s.watchMemory(uint64(*maxMem))
	}
	if err := s.serve(stdin); err != nil {
		fmt.Fprintf(stderr, "govreport worker: %v\n", err)
		return 1
	}
	return 0
}

type server struct {
	p    *parser.Parser
	mu   sync.Mutex // guards out and current
	out  *bufio.Writer
	cur  int64 // the request being served, 0 when idle
	exit bool
}

func (s *server) serve(stdin io.Reader) error {
	delay, _ := time.ParseDuration(os.Getenv(envTestDelay))
	hang, hog := os.Getenv(envTestHang), os.Getenv(envTestHog)
	br := bufio.NewReaderSize(stdin, 1<<16)
	var buf, frame []byte
	for {
		var req request
		if err := readRequest(br, &req); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("bad request: %v", err)
		}
		var inline []byte
		if req.Inline {
			// The document's buffer is reused from one request to the
			// next (fewer page faults and collections): nothing holds it
			// once its result is sent, and a worker whose reading may
			// still run (over its time budget) exits.
			if cap(buf) < req.Len || cap(buf) > maxKeptBuffer {
				buf = make([]byte, req.Len)
			}
			inline = buf[:req.Len]
			if _, err := io.ReadFull(br, inline); err != nil {
				return fmt.Errorf("request %d: the document ends early: %v", req.ID, err)
			}
		}
		s.mu.Lock()
		s.cur = req.ID
		s.mu.Unlock()
		if delay > 0 {
			time.Sleep(delay)
		}
		path := req.Path
		if hang != "" && strings.Contains(path, hang) {
			select {}
		}
		if hog != "" && strings.Contains(path, hog) {
			var keep [][]byte
			for {
				b := make([]byte, 1<<20)
				for i := range b {
					b[i] = byte(i)
				}
				keep = append(keep, b)
			}
		}
		resp := response{ID: req.ID}
		src, err := inline, error(nil)
		if !req.Inline {
			src, err = s.p.ReadFile(path)
		}
		if err != nil {
			resp.Error = &errInfo{Kind: "unreadable", Reason: reasonOf(err)}
			if k := docerr.KindOf(err); k != docerr.Unknown {
				resp.Error.Kind = k.String()
			}
		} else {
			e := convert(context.Background(), s.p, path, src, req.Whole)
			if req.Pack {
				if err := e.pack(); err != nil {
					e.Error = &errInfo{Kind: docerr.Unknown.String(), Reason: "cannot compress the result: " + err.Error()}
				}
			}
			resp.Error = e.Error
			if e.Error == nil {
				resp.summary, resp.report, resp.packed = e.Summary, e.Report, e.Packed
				resp.SummaryLen, resp.ReportLen = len(e.Summary), len(e.Report)
				if e.Packed != nil {
					resp.PackedLen, resp.PathLen, resp.SummaryLen, resp.ReportLen = len(e.Packed), e.plen, e.slen, e.rlen
				}
			}
			// The parser gives up on a document over its time budget but
			// cannot stop the reading itself: start afresh.
			resp.Exit = e.Error != nil && e.Error.Kind == docerr.TooLarge.String() && strings.Contains(e.Error.Reason, "took longer")
			if e.Error != nil {
				buf = nil // a reading given up on may still use it
			}
		}
		s.mu.Lock()
		if s.exit {
			s.mu.Unlock()
			select {} // the memory watchdog is answering and exiting
		}
		s.cur = 0
		frame = appendResponse(frame[:0], &resp)
		s.out.Write(frame)
		if resp.packed != nil {
			s.out.Write(resp.packed)
		} else {
			s.out.Write(resp.summary)
			s.out.Write(resp.report)
		}
		err = s.out.Flush()
		s.mu.Unlock()
		if err != nil {
			return err
		}
		if resp.Exit {
			return nil
		}
	}
}

// watchMemory answers the current request with an error and exits when
// the process's memory passes max.
func (s *server) watchMemory(max uint64) {
	used := memReader()
	for range time.Tick(10 * time.Millisecond) {
		if used() <= max {
			continue
		}
		s.mu.Lock()
		if s.cur == 0 {
			s.mu.Unlock()
			continue
		}
		s.exit = true
		s.out.Write(appendResponse(nil, &response{ID: s.cur, Exit: true, Error: &errInfo{
			Kind: docerr.TooLarge.String(), Reason: "used more than " + formatBytes(int64(max)) + " of memory while reading"}}))
		s.out.Flush()
		os.Exit(3)
	}
}

// memReader returns a function that measures the process's memory. Where
// /proc/self/statm exists it is the resident size, one read of an open
// file. Elsewhere it is the runtime's mapped memory less what it returned
// to the system (runtime.ReadMemStats, which stops the world: under load
// it waited milliseconds a call). runtime/metrics reads that figure without
// a stop, but linking it costs every command of the binary its package
// init (~0.2 ms of `help`).
func memReader() func() uint64 {
	f, err := os.Open("/proc/self/statm")
	if err == nil {
		if _, ok := statmResident(f); ok {
			page := uint64(os.Getpagesize())
			return func() uint64 {
				n, _ := statmResident(f)
				return n * page
			}
		}
		f.Close()
	}
	return func() uint64 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.Sys - m.HeapReleased
	}
}

// statmResident reads the second field of /proc/self/statm (resident
// pages).
func statmResident(f *os.File) (uint64, bool) {
	var b [128]byte
	n, err := f.ReadAt(b[:], 0)
	if n == 0 && err != nil {
		return 0, false
	}
	fields := strings.Fields(string(b[:n]))
	if len(fields) < 2 {
		return 0, false
	}
	v, err := strconv.ParseUint(fields[1], 10, 64)
	return v, err == nil
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ParseBytes reads a size such as "2GiB", "512MiB", "512M" or "1000000".
func ParseBytes(s string) (int64, error) {
	t := strings.TrimSpace(strings.ToLower(s))
	mult := int64(1)
	for _, u := range []struct {
		suf string
		m   int64
	}{{"gib", 1 << 30}, {"mib", 1 << 20}, {"kib", 1 << 10}, {"gb", 1e9}, {"mb", 1e6}, {"kb", 1e3}, {"g", 1 << 30}, {"m", 1 << 20}, {"k", 1 << 10}, {"b", 1}} {
		if strings.HasSuffix(t, u.suf) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suf)), u.m
			break
		}
	}
	var n int64
	if _, err := fmt.Sscanf(t, "%d", &n); err != nil || n < 0 || fmt.Sprint(n) != t {
		return 0, fmt.Errorf("bad size %q (say 2GiB, 512MiB, or a number of bytes)", s)
	}
	return n * mult, nil
}

// procWorker is one worker process as seen by the parent.
type procWorker struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    chan response // closed when the worker's output ends
	stderr *tail
	done   chan struct{} // closed when the process has been waited for
	quit   chan struct{} // closed by stop: no one reads out any more
	err    error         // its exit status, after done
}

func startWorker(argv, env []string) (*procWorker, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), env...)
	setDeathSignal(cmd)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	w := &procWorker{cmd: cmd, in: in, out: make(chan response, 1), stderr: &tail{max: 2048},
		done: make(chan struct{}), quit: make(chan struct{})}
	cmd.Stderr = w.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot start a worker process: %v", err)
	}
	go func() {
		defer close(w.out)
		br := bufio.NewReaderSize(stdout, 1<<16)
		for {
			var r response
			if readResponse(br, &r) != nil {
				return // the end of its output, or damage: seen as a crash
			}
			select {
			case w.out <- r:
			case <-w.quit:
				return
			}
		}
	}()
	return w, nil
}

// stop kills the process and waits for it.
func (w *procWorker) stop() {
	close(w.quit)
	w.in.Close()
	w.cmd.Process.Kill()
	w.wait()
}

func (w *procWorker) wait() {
	select {
	case <-w.done:
		return
	default:
	}
	w.err = w.cmd.Wait()
	close(w.done)
}

// tail keeps the last bytes written to it (a worker's standard error).
type tail struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = append([]byte(nil), t.b[len(t.b)-t.max:]...)
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := string(bytes.TrimSpace(t.b))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] // the first line says what went wrong (a panic, a fatal error)
	}
	return s
}

var errInterrupted = errors.New("interrupted")

// slot runs jobs one at a time in a worker process, replacing a worker
// that dies, hangs or grows too large.
type slot struct {
	argv, env []string
	deadline  time.Duration // after this, a job's worker is killed
	timeout   time.Duration // the time budget named in the reason
	// scanDeadline replaces deadline for a document that OCR may read
	scanDeadline time.Duration
	scanMode     parser.OCRMode
	w            *procWorker
	nextID       int64
	buf          []byte // a request and its document, reused
}

// maxKeptBuffer bounds the document buffer a worker keeps between requests.
const maxKeptBuffer = 4 << 20

// maxJoinedWrite bounds the documents copied behind their request to be
// sent in one write.
const maxJoinedWrite = 1 << 20

// handed is called once the worker has taken src (or it never will): the
// parent no longer needs the bytes.
// With pack, a result comes compressed (entry.Packed).
func (s *slot) run(ctx context.Context, path string, src []byte, whole, pack bool, handed func()) (*entry, error) {
	defer handed()
	for attempt := 0; ; attempt++ {
		if s.w == nil {
			w, err := startWorker(s.argv, s.env)
			if err != nil {
				return nil, err
			}
			s.w = w
		}
		s.nextID++
		nr := newRequest(s.nextID, path, whole, pack, src)
		s.buf = appendRequest(s.buf[:0], &nr)
		reqLen := len(s.buf)
		// The request and a document of usual size go in one write: one
		// system call and one wake-up of the worker instead of two.
		rest := src
		if len(src) <= maxJoinedWrite {
			s.buf, rest = append(s.buf, src...), nil
		}
		n, err := s.w.in.Write(s.buf)
		if cap(s.buf) > maxJoinedWrite+4096 {
			s.buf = nil // not kept past the bound
		}
		if err != nil && n < reqLen {
			s.w.stop()
			s.w = nil
			if attempt < 1 {
				continue // the worker had exited: start another
			}
			return nil, fmt.Errorf("cannot talk to a worker process: %v", err)
		}
		// A worker that dies while taking the document is seen below, as
		// a crash on this file.
		if err == nil && rest != nil {
			s.w.in.Write(rest)
		}
		deadline := s.deadline
		if s.scanDeadline > 0 && parser.MayNeedOCR(src, s.scanMode) {
			deadline = s.scanDeadline
		}
		src = nil // the worker has the bytes: the parent need not hold them while it waits
		handed()
		timer := time.NewTimer(deadline)
		var (
			resp response
			ok   bool
		)
		select {
		case resp, ok = <-s.w.out:
			timer.Stop()
		case <-timer.C:
			s.w.stop()
			s.w = nil
			return &entry{Error: &errInfo{Kind: docerr.TooLarge.String(), Reason: "took longer than " + s.timeout.String() + " (its reader was stopped)"}}, nil
		case <-ctx.Done():
			timer.Stop()
			s.w.stop()
			s.w = nil
			return nil, errInterrupted
		}
		if !ok && ctx.Err() != nil {
			s.w.stop()
			s.w = nil
			return nil, errInterrupted
		}
		if !ok || resp.ID != s.nextID {
			w := s.w
			s.w = nil
			w.stop()
			reason := "the reader crashed on this file"
			if w.err != nil {
				reason += " (" + w.err.Error()
				if t := w.stderr.String(); t != "" {
					reason += ": " + t
				}
				reason += ")"
			}
			return &entry{Error: &errInfo{Kind: docerr.Damaged.String(), Reason: reason}}, nil
		}
		if resp.Exit {
			s.w.in.Close()
			s.w.wait()
			s.w = nil
		}
		if resp.Error == nil && resp.summary == nil && (resp.packed == nil || resp.SummaryLen == 0) {
			resp.Error = &errInfo{Kind: docerr.Unknown.String(), Reason: "the worker sent no result"}
		}
		if resp.Error != nil {
			return &entry{Error: resp.Error}, nil
		}
		if resp.packed != nil {
			return &entry{Packed: resp.packed, plen: resp.PathLen, slen: resp.SummaryLen, rlen: resp.ReportLen}, nil
		}
		return &entry{Summary: resp.summary, Report: resp.report}, nil
	}
}

func (s *slot) close() {
	if s.w != nil {
		s.w.in.Close() // the worker exits at the end of its input
		s.w.wait()
		s.w = nil
	}
}
