// Package serve is `govreport serve`: a local web workbench for
// journalists. Reports are dropped on a page (or read from the folders
// given on the command line), each read in an isolated worker process with
// the limits of `convert`; a report view shows every number beside its
// provenance and the failed checks on the cells they concern; the
// comparison page is package compare's renderer. A JSON API (docs/SERVE.md)
// does the same for scripts.
//
// Safe by default: the server listens on 127.0.0.1, uploads are bounded in
// size and count, no request names a file (uploads are read from memory,
// the served folders are read once at start) and every value on a page is
// escaped as html/template would (render.go).
package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/govreport/govreport/batch"
	"github.com/govreport/govreport/compare"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

// Options configure a workbench.
type Options struct {
	Addr    string   // listen address; "" is DefaultAddr
	Folders []string // read once at start; requests never name files

	MaxFileBytes    int64 // one uploaded document (0: 50 MiB)
	MaxFiles        int   // documents in one upload (0: 50)
	MaxRequestBytes int64 // one upload request in all (0: 256 MiB)
	MaxReports      int   // reports held (0: 10000)
	MaxUploads      int   // upload requests received at once; more wait (0: 4)
	MaxSourceBytes  int64 // uploaded documents kept for the text around a number (0: 256 MiB)

	Workers   int                // documents read at once (0: the number of CPUs)
	Timeout   time.Duration      // per document (0: parser.DefaultTimeout)
	MaxMemory int64              // per worker process (0: 2 GiB)
	OCR       parser.OCRSettings // how scans are read (zero value: auto)
	// WorkerArgv starts a worker process; nil runs this executable with
	// the argument "worker" (tests pass their own binary).
	WorkerArgv []string
	WorkerEnv  []string

	// Findings, when set, returns the audit findings of a report; the
	// report view highlights the cells each names. nil shows the findings
	// the parser's audit put in the report.
	Findings func(r *model.Report) []Finding
}

// DefaultAddr is the loopback address the workbench listens on unless
// told otherwise.
const DefaultAddr = "127.0.0.1:8080"

// Finding is a remark on a report from an audit: the cells it concerns
// (field paths as in provenance: applications.granted.total, or a row
// applications.granted) are highlighted with its message.
type Finding struct {
	Code     string   `json:"code"`
	Severity string   `json:"severity,omitempty"` // "error", "warning", "info"
	Message  string   `json:"message"`
	Fields   []string `json:"fields,omitempty"`
}

func (o *Options) defaults() {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.MaxFileBytes <= 0 {
		o.MaxFileBytes = 50 << 20
	}
	if o.MaxFiles <= 0 {
		o.MaxFiles = 50
	}
	if o.MaxRequestBytes <= 0 {
		o.MaxRequestBytes = 256 << 20
	}
	if o.MaxSourceBytes <= 0 {
		o.MaxSourceBytes = 256 << 20
	}
	if o.MaxUploads <= 0 {
		o.MaxUploads = 4
	}
	if o.MaxReports <= 0 {
		o.MaxReports = 10000
	}
	if o.Timeout <= 0 {
		o.Timeout = parser.DefaultTimeout
	}
	if o.MaxMemory == 0 {
		o.MaxMemory = 2 << 30
	}
}

// Held is one report the workbench holds.
type Held struct {
	ID     string        `json:"id"`
	File   string        `json:"file"` // the file name, never a path
	Report *model.Report `json:"report"`

	fromJSON bool // read from a JSON file, not from its document
}

// Failed is a document that was not read as a report.
type Failed struct {
	File   string `json:"file"`
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

// Server is a workbench.
type Server struct {
	o        Options
	pool     *batch.Pool
	mux      *http.ServeMux
	loopback bool          // listening on this computer only
	uploads  chan struct{} // uploads being received at once
	layouts  chan struct{} // documents' lines being read at once
	keep     sourceKeep    // documents, for the text around a number

	mu       sync.RWMutex
	reports  map[string]*Held
	order    []string // ids in the order added
	failures []Failed // the latest, bounded
	reading  int      // documents being read now
	loading  struct{ total, done int }
}

// New makes a workbench and starts reading its folders in the background.
func New(o Options) (*Server, error) {
	o.defaults()
	pool, err := batch.NewPool(batch.PoolOptions{Workers: o.Workers, Timeout: o.Timeout, MaxMemory: o.MaxMemory, OCR: o.OCR,
		WorkerArgv: o.WorkerArgv, WorkerEnv: o.WorkerEnv})
	if err != nil {
		return nil, err
	}
	s := &Server{o: o, pool: pool, reports: map[string]*Held{}, uploads: make(chan struct{}, o.MaxUploads),
		layouts: make(chan struct{}, 2),
		keep:    sourceKeep{budget: o.MaxSourceBytes, bytes: map[string][]byte{}, paths: map[string]string{}, lines: map[string][]ctxLine{}}}
	if h, _, err := net.SplitHostPort(o.Addr); err == nil {
		s.loopback = loopbackHost(h)
	}
	s.routes()
	if len(o.Folders) > 0 {
		inputs, err := batch.Collect(o.Folders, nil)
		if err != nil {
			pool.Close()
			return nil, err
		}
		s.loading.total = len(inputs)
		go s.loadFolders(inputs)
	}
	return s, nil
}

// Close stops the worker processes.
func (s *Server) Close() { s.pool.Close() }

// ServeHTTP serves the pages and the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// Pages use only what they are served with: nothing from the network.
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if s.loopback && !loopbackHost(r.Host) {
		// A name that resolves to 127.0.0.1 (DNS rebinding) is another site.
		writeError(w, http.StatusForbidden, "the workbench answers only to 127.0.0.1 or localhost, not %q", r.Host)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if o := r.Header.Get("Origin"); o != "" {
			if u, err := url.Parse(o); err != nil || u.Host != r.Host {
				// Another site's page posting through the reader's browser.
				writeError(w, http.StatusForbidden, "requests from the page of %q are refused", o)
				return
			}
		}
	}
	s.mux.ServeHTTP(w, r)
}

// loopbackHost says a Host header names this computer.
func loopbackHost(hostport string) bool {
	h := hostport
	if x, _, err := net.SplitHostPort(hostport); err == nil {
		h = x
	}
	h = strings.Trim(h, "[]")
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// ListenAndServe serves until ctx ends. ready, when not nil, receives the
// address listened on (useful with port 0).
func (s *Server) ListenAndServe(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", s.o.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	if ready != nil {
		ready(ln.Addr().String())
	}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	err = srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// loadFolders reads the documents of the served folders, a few at a time.
func (s *Server) loadFolders(inputs []batch.Input) {
	p := parser.New(parser.WithMaxBytes(s.o.MaxFileBytes))
	jobs := make(chan batch.Input)
	var wg sync.WaitGroup
	n := s.o.Workers
	if n <= 0 {
		n = runtime.NumCPU()
	}
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				s.loadFile(p, in)
				s.mu.Lock()
				s.loading.done++
				s.mu.Unlock()
			}
		}()
	}
	for _, in := range inputs {
		jobs <- in
	}
	close(jobs)
	wg.Wait()
}

func (s *Server) loadFile(p *parser.Parser, in batch.Input) {
	name := filepath.Base(in.Path)
	if in.Refused != "" {
		s.fail(Failed{File: name, Kind: "unreadable", Reason: in.Refused})
		return
	}
	src, err := p.ReadFile(in.Path)
	if err != nil {
		s.fail(Failed{File: name, Kind: docerr.KindOf(err).String(), Reason: reasonOf(err)})
		return
	}
	// JSON in a folder is taken for reports `govreport parse` wrote; JSON
	// that holds none (notes, expected values) is not a document.
	if looksJSON(src) {
		ins, _ := compare.Load(p, in.Path)
		for _, x := range ins {
			s.add(x.Report, filepath.Base(x.Name), nil)
		}
		return
	}
	if h, _, _ := s.read(context.Background(), name, src); h != nil {
		s.mu.Lock()
		s.keep.paths[h.ID] = in.Path
		s.mu.Unlock()
	}
}

func looksJSON(src []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\ufeff")), " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// read parses one document in a worker and adds its report.
func (s *Server) read(ctx context.Context, name string, src []byte) (*Held, *Failed, error) {
	s.mu.Lock()
	s.reading++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.reading--
		s.mu.Unlock()
	}()
	js, fail, err := s.pool.Parse(ctx, name, src)
	if err != nil {
		return nil, nil, err
	}
	if fail != nil {
		f := Failed{File: name, Kind: fail.Kind, Reason: fail.Reason}
		s.fail(f)
		return nil, &f, nil
	}
	var r model.Report
	if err := json.Unmarshal(js, &r); err != nil {
		f := Failed{File: name, Kind: docerr.Unknown.String(), Reason: "the reader's answer is not a report: " + err.Error()}
		s.fail(f)
		return nil, &f, nil
	}
	h, f := s.add(&r, name, src)
	return h, f, nil
}

// add keeps a report under the hash of its document (the same document
// twice is one report).
func (s *Server) add(r *model.Report, name string, src []byte) (*Held, *Failed) {
	id := r.Source.SHA256
	if src != nil {
		sum := sha256.Sum256(src)
		id = hex.EncodeToString(sum[:])
	}
	if id == "" {
		b, _ := json.Marshal(r)
		sum := sha256.Sum256(b)
		id = hex.EncodeToString(sum[:])
	}
	id = id[:16]
	r.Source.Path = name
	s.mu.Lock()
	defer s.mu.Unlock()
	if h := s.reports[id]; h != nil {
		if h.fromJSON && src != nil {
			// The document itself beats a JSON copy of its report,
			// which an older version may have written.
			h = &Held{ID: id, File: name, Report: r}
			s.reports[id] = h // a new value: readers may hold the old
		}
		return h, nil
	}
	if len(s.reports) >= s.o.MaxReports {
		f := Failed{File: name, Kind: "limit", Reason: fmt.Sprintf("the workbench holds %d reports already (its limit)", s.o.MaxReports)}
		s.failLocked(f)
		return nil, &f
	}
	h := &Held{ID: id, File: name, Report: r, fromJSON: src == nil}
	s.reports[id] = h
	s.order = append(s.order, id)
	return h, nil
}

func (s *Server) fail(f Failed) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failLocked(f)
}

func (s *Server) failLocked(f Failed) {
	s.failures = append(s.failures, f)
	if len(s.failures) > 500 {
		s.failures = s.failures[len(s.failures)-500:]
	}
}

// all returns the reports held, sorted by region code, agency and year.
func (s *Server) all() []*Held {
	s.mu.RLock()
	out := make([]*Held, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, s.reports[id])
	}
	s.mu.RUnlock()
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Report, out[j].Report
		if ka, kb := compare.AgencyKey(a), compare.AgencyKey(b); ka != kb {
			return ka < kb
		}
		return yearOf(a) < yearOf(b)
	})
	return out
}

func (s *Server) get(id string) *Held {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.reports[id]
}

func yearOf(r *model.Report) int {
	if r.Year == nil {
		return 0
	}
	return *r.Year
}

func reasonOf(err error) string {
	var de *docerr.Error
	if errors.As(err, &de) {
		return de.Reason
	}
	return err.Error()
}

// fileName is the name an upload gives, reduced to a plain file name:
// whatever path it carries (../../etc, C:\x\y) and control characters go.
func fileName(s string) string {
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if s == "" || s == "." || s == ".." {
		return "upload"
	}
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}

// status is what /api/status tells.
type status struct {
	Reports  int `json:"reports"`
	Failures int `json:"failures"`
	Reading  int `json:"reading"` // documents being read now
	Folder   struct {
		Total int `json:"total"`
		Done  int `json:"done"`
	} `json:"folders"`
}

func (s *Server) status() status {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var st status
	st.Reports, st.Failures, st.Reading = len(s.reports), len(s.failures), s.reading
	st.Folder.Total, st.Folder.Done = s.loading.total, s.loading.done
	return st
}
