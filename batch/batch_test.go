package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/govreport/govreport/output"
)

// TestMain lets the test binary serve as a worker process.
func TestMain(m *testing.M) {
	if os.Getenv("GOVREPORT_BATCH_TEST_WORKER") == "1" {
		// GOVREPORT_WORKER_CPUPROFILE=DIR: each worker writes its CPU
		// profile there (for BenchmarkConvert).
		if dir := os.Getenv("GOVREPORT_WORKER_CPUPROFILE"); dir != "" {
			f, err := os.Create(filepath.Join(dir, fmt.Sprintf("worker-%d.pprof", os.Getpid())))
			if err == nil && pprof.StartCPUProfile(f) == nil {
				code := WorkerMain(os.Args[2:], os.Stdin, os.Stdout, os.Stderr)
				pprof.StopCPUProfile()
				f.Close()
				os.Exit(code)
			}
		}
		// GOVREPORT_WORKER_MEMPROFILE=DIR: each worker writes the heap it
		// keeps between documents there when its input ends (every
		// allocation sampled).
		if dir := os.Getenv("GOVREPORT_WORKER_MEMPROFILE"); dir != "" {
			runtime.MemProfileRate = 1
			code := WorkerMain(os.Args[2:], os.Stdin, os.Stdout, os.Stderr)
			if f, err := os.Create(filepath.Join(dir, fmt.Sprintf("worker-%d.heap", os.Getpid()))); err == nil {
				runtime.GC()
				pprof.WriteHeapProfile(f)
				f.Close()
			}
			os.Exit(code)
		}
		os.Exit(WorkerMain(os.Args[2:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func put(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func corpusFile(t *testing.T, name string) []byte {
	b, err := os.ReadFile(filepath.Join("../corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func workerOptions(t *testing.T, env ...string) Options {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return Options{WorkerArgv: []string{exe, "worker"}, WorkerEnv: append(env, "GOVREPORT_BATCH_TEST_WORKER=1")}
}

func readFailures(t *testing.T, path string) map[string]output.Failure {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]output.Failure{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var f output.Failure
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f.Path)] = f
	}
	return out
}

// A worker that never answers is killed at its deadline and replaced; one
// that allocates without bound is stopped by its memory budget. The other
// files of the batch are read as usual.
func TestWorkersOverBudgetAreReplaced(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	report := corpusFile(t, "text/tabs-2021-qinglan-county-2023.txt")
	put(t, filepath.Join(in, "a-ok.txt"), report)
	put(t, filepath.Join(in, "b-hang.txt"), append(report, '\n'))
	put(t, filepath.Join(in, "c-ok.txt"), append(report, "\n\n"...))
	put(t, filepath.Join(in, "d-hog.txt"), append(report, "\n\n\n"...))
	put(t, filepath.Join(in, "e-ok.txt"), corpusFile(t, "html/portal-2021-hailan-zone-2025.html"))
	o := workerOptions(t, envTestHang+"=hang", envTestHog+"=hog")
	o.Inputs, o.Output, o.Jobs = []string{in}, filepath.Join(dir, "out.jsonl"), 1
	o.Timeout, o.MaxMemory = time.Second, 64<<20
	sum, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Reports != 3 || len(sum.Failures) != 2 {
		t.Fatalf("%d reports, %d failures, want 3 and 2: %+v", sum.Reports, len(sum.Failures), sum.Failures)
	}
	f := readFailures(t, filepath.Join(dir, "out.errors.jsonl"))
	if h := f["b-hang.txt"]; h.Kind != "too large" || !strings.Contains(h.Reason, "took longer than 1s") {
		t.Errorf("hanging file: %+v", h)
	}
	if h := f["d-hog.txt"]; h.Kind != "too large" || !strings.Contains(h.Reason, "used more than 64 MiB of memory") {
		t.Errorf("file using too much memory: %+v", h)
	}
	// Errors are remembered: a rerun reads nothing again, unless asked.
	sum, err = Run(context.Background(), o)
	if err != nil || sum.Converted != 0 || sum.Resumed != 5 {
		t.Errorf("rerun: %v, %d read, %d resumed", err, sum.Converted, sum.Resumed)
	}
	o.RetryErrors = true
	o.WorkerEnv = []string{"GOVREPORT_BATCH_TEST_WORKER=1"}
	sum, err = Run(context.Background(), o)
	if err != nil || sum.Converted != 2 || sum.Reports != 5 {
		t.Errorf("retrying the errors without the hooks: %v, %d read, %d reports", err, sum.Converted, sum.Reports)
	}
}

// A worker that crashes (here a stand-in that dies as a Go panic would)
// takes only its file with it, with the first line of its last words.
func TestWorkerCrashIsTheFilesError(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	put(t, filepath.Join(in, "a.txt"), corpusFile(t, "text/tabs-2021-qinglan-county-2023.txt"))
	o := Options{Inputs: []string{in}, Output: filepath.Join(dir, "out.csv"), Jobs: 1,
		WorkerArgv: []string{"/bin/sh", "-c", "read line; echo 'panic: boom' >&2; exit 2", "sh"}}
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh")
	}
	sum, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failures) != 1 || sum.Failures[0].Kind != "damaged" || !strings.Contains(sum.Failures[0].Reason, "panic: boom") {
		t.Fatalf("%+v", sum.Failures)
	}
}

func TestJournalCutsATornRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.jsonl")
	spool := path + ".results"
	sha := func(c byte) string { return strings.Repeat(string(c), 64) }
	j, err := openJournal(path, spool, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := j.add(&entry{SHA256: sha('a'), Path: "a", Summary: json.RawMessage(`{"format":"text"}`), Report: json.RawMessage(`{"schema":"govreport/1"}`)}); err != nil {
		t.Fatal(err)
	}
	j.add(&entry{SHA256: sha('b'), Path: "b", Error: &errInfo{Kind: "empty", Reason: "the file is empty"}})
	j.close()
	whole, _ := os.ReadFile(spool)
	// A kill in the middle of a write leaves part of a record.
	j, _ = openJournal(path, spool, false)
	j.add(&entry{SHA256: sha('c'), Path: "c", Summary: json.RawMessage(`{"format":"html"}`)})
	j.close()
	b, _ := os.ReadFile(spool)
	for cut := len(whole) + 1; cut < len(b); cut += 3 {
		put(t, spool, b[:cut])
		j, err = openJournal(path, spool, false)
		if err != nil {
			t.Fatal(err)
		}
		if !j.has(sha('a'), true) || !j.has(sha('b'), true) || j.has(sha('c'), false) {
			t.Fatalf("cut at %d: aa %v bb %v cc %v", cut, j.has(sha('a'), true), j.has(sha('b'), true), j.has(sha('c'), false))
		}
		j.close()
		if st, _ := os.Stat(spool); st.Size() != int64(len(whole)) {
			t.Fatalf("cut at %d: the spool is %d bytes after reopening, want %d", cut, st.Size(), len(whole))
		}
	}
	if b, _ := os.ReadFile(path); string(b) != stateHeader()+"\n" {
		t.Errorf("the state file is more than its header:\n%s", b)
	}
	j, _ = openJournal(path, spool, false)
	e, _ := j.get(sha('a'))
	if e == nil || string(e.Report) != `{"schema":"govreport/1"}` || string(e.Summary) != `{"format":"text"}` || e.Path != "a" {
		t.Errorf("entry %+v", e)
	}
	if e, _ := j.get(sha('b')); e == nil || e.Error == nil || e.Error.Reason != "the file is empty" {
		t.Errorf("error entry %+v", e)
	}
	odd := `d","summary":{},"report":{}}` + "\n.txt"
	j.add(&entry{SHA256: sha('d'), Path: odd, Summary: json.RawMessage(`{"title":"x\",\"report\":"}`)})
	if e, _ := j.get(sha('d')); e == nil || e.Path != odd || string(e.Summary) != `{"title":"x\",\"report\":"}` || e.Report != nil {
		t.Errorf("entry of a strange name: %+v", e)
	}
	j.add(&entry{SHA256: sha('c'), Path: "c", Summary: json.RawMessage(`{}`)})
	if !j.has(sha('c'), false) || j.has(sha('c'), true) {
		t.Error("an entry with only a summary should count for the flat formats only")
	}
	// A file read again after an error (--retry-errors) replaces it.
	j.add(&entry{SHA256: sha('b'), Path: "b", Summary: json.RawMessage(`{"format":"text"}`)})
	if j.errs[sha('b')] != nil || !j.has(sha('b'), false) {
		t.Error("the result did not replace the error")
	}
	if err := j.add(&entry{SHA256: "aa", Path: "x", Summary: json.RawMessage(`{}`)}); err == nil {
		t.Error("a hash that is not a SHA-256 was taken")
	}
	j.close()
	// Another conversion of the same output is refused while one runs.
	j, _ = openJournal(path, spool, false)
	if _, err := openJournal(path, spool, false); err != errLocked && lockSupported {
		t.Errorf("second open: %v", err)
	}
	j.close()
	j, _ = openJournal(path, spool, true)
	if j.has(sha('b'), false) != true || len(j.errs) != 0 {
		t.Error("after reopening: the result read after the error is lost")
	}
	j.close()

	// A machine crash may keep a record whose bytes never reached the
	// disk: it fails its checksum and is cut off with what follows.
	b, _ = os.ReadFile(spool)
	put(t, spool, append(append([]byte(nil), whole[:len(whole)-1]...), whole[len(whole)-1]^1))
	j, _ = openJournal(path, spool, false)
	if !j.has(sha('a'), false) || j.has(sha('b'), false) || j.has(sha('c'), false) {
		t.Error("a record that fails its checksum was taken up")
	}
	j.close()

	// A state file of an earlier format (whole reports in it, or a line
	// per file): set aside, with its spool.
	put(t, spool, b)
	put(t, path, []byte(`{"govreport_convert_state":2,"schema":"govreport/1","columns":"x"}`+"\n"+`{"sha256":"aa","path":"a","summary":{}}`+"\n"))
	j, err = openJournal(path, spool, false)
	if err != nil || j.restarted == "" || j.has(sha('a'), false) {
		t.Fatalf("an old state file: %v, restarted %q", err, j.restarted)
	}
	j.close()
	if b, _ := os.ReadFile(path); string(b) != stateHeader()+"\n" {
		t.Errorf("the old state file was not started afresh:\n%s", b)
	}
	if st, _ := os.Stat(spool); st.Size() != 0 {
		t.Errorf("the spool of an old state file was kept (%d bytes)", st.Size())
	}

	put(t, path, []byte("something else\n"))
	if _, err := openJournal(path, spool, false); err == nil {
		t.Error("a file that is not a state file was taken for one")
	}
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b/x.txt", "a.pdf", ".hidden.txt", ".git/config", "c/.cache/y.txt", "out.csv", "out.csv.govreport-state.jsonl"} {
		put(t, filepath.Join(dir, p), []byte("x"))
	}
	put(t, filepath.Join(t.TempDir(), "single.html"), nil)
	got, err := Collect([]string{dir, filepath.Join(dir, "a.pdf")}, []string{filepath.Join(dir, "out.csv"), filepath.Join(dir, "out.csv.govreport-state.jsonl")})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, in := range got {
		rel, _ := filepath.Rel(dir, in.Path)
		names = append(names, filepath.ToSlash(rel))
		if in.Root != dir {
			t.Errorf("%s: root %q", in.Path, in.Root)
		}
	}
	if strings.Join(names, " ") != "a.pdf b/x.txt" {
		t.Errorf("collected %v", names)
	}
	if _, err := Collect([]string{filepath.Join(dir, "missing")}, nil); err == nil {
		t.Error("a missing input is not an error")
	}
}

func TestManifestLookup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.csv")
	put(t, path, []byte("\ufeffFile,Agency,Year,notes\nsub/a.pdf,甲局,2022,x\nb.html,,2021\ndup/c.txt,丙,,\nother/c.txt,丁,,\n"))
	m, err := LoadManifest(path)
	if err != nil {
		t.Fatal(err)
	}
	if e := m.Lookup("reports/sub/a.pdf", "reports"); e == nil || *e.Agency != "甲局" || *e.Year != 2022 || e.Region != nil {
		t.Errorf("relative to the folder: %+v", e)
	}
	if e := m.Lookup("x/y/b.html", "x"); e == nil || e.Agency != nil || *e.Year != 2021 {
		t.Errorf("by base name: %+v", e)
	}
	if e := m.Lookup("z/c.txt", "z"); e != nil {
		t.Errorf("an ambiguous base name matched %+v", e)
	}
	put(t, path, []byte("agency,year\nx,2020\n"))
	if _, err := LoadManifest(path); err == nil || !strings.Contains(err.Error(), `"file"`) {
		t.Errorf("manifest without a file column: %v", err)
	}
	put(t, path, []byte("file,year\na,twenty\n"))
	if _, err := LoadManifest(path); err == nil {
		t.Error("a year that is not a number was accepted")
	}
}

func TestProgressLines(t *testing.T) {
	s := progressState{Done: 250, Cached: 50, Failed: 3, Total: 1000, Elapsed: 2 * time.Second}
	if got := s.Plain(); got != "250/1000 files (25%), 100 files/s, ETA 00:08, 3 failed" {
		t.Errorf("plain: %q", got)
	}
	if got := s.Bar(8); got != "[##......] 250/1000  25%  100 files/s  ETA 00:08  3 failed" {
		t.Errorf("bar: %q", got)
	}
	s = progressState{Done: 10, Total: 100000, Elapsed: 10 * time.Second}
	if got := s.eta(); got != "27:46:30" {
		t.Errorf("long ETA: %q", got)
	}
	var b bytes.Buffer
	p := newProgress(&b, false, 3)
	p.add(false, false)
	p.finish()
	if b.Len() != 0 && !strings.HasPrefix(b.String(), "govreport: ") {
		t.Errorf("plain progress: %q", b.String())
	}
	b.Reset()
	p = newProgress(&b, true, 2)
	p.add(false, true)
	p.add(true, false)
	p.finish()
	if out := b.String(); !strings.HasPrefix(out, "\r[") || !strings.Contains(out, "] 2/2 100%") || !strings.HasSuffix(out, "1 failed\x1b[K\n") {
		t.Errorf("terminal progress: %q", b.String())
	}
}

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]int64{"2GiB": 2 << 30, "512MiB": 512 << 20, "512M": 512 << 20, "1000": 1000, "0": 0, "3 gb": 3e9} {
		if got, err := ParseBytes(in); err != nil || got != want {
			t.Errorf("%q: %d %v, want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "lots", "1.5G", "-1"} {
		if _, err := ParseBytes(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}
