//go:build linux

package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/govreport/govreport/internal/corpusgen"
	"github.com/govreport/govreport/parser"
)

// The soak test is not part of the default run: it writes 10,000 files
// and converts them for several minutes. Run it with
//
//	go test ./cmd/govreport -run TestSoak -soak -timeout 60m -v
//
// (docs/CONVERT.md, "Soak test").
var (
	soak      = flag.Bool("soak", false, "run the soak test of convert (10,000 files, kill -9 until done)")
	soakFiles = flag.Int("soak-files", 10_000, "files of the soak test")
	soakSeed  = flag.Int64("soak-seed", 0, "seed of the soak test's choices and kill times (0: from the clock)")
)

const (
	soakMaxRSS  = 512 << 20 // per process
	soakMaxKill = 12        // then the conversion is left to finish
)

// soakFile is one entry of the generated folder and what the conversion
// must make of it.
type soakFile struct {
	rel    string // below the input folder, bytes as written
	expect string // "report", "error" or "changing"
	kind   string // what it exercises, for the figures
	data   []byte // content, for files written once
	// changing files alternate between two contents
	alt      [2][]byte
	inPlace  bool // rewritten in place (torn states), else renamed over
	titles   [2]string
	unlisted bool // inside an unreadable folder: must appear nowhere
}

func TestSoak(t *testing.T) {
	if !*soak {
		t.Skip("the soak test runs with -soak (go test ./cmd/govreport -run TestSoak -soak -timeout 60m -v)")
	}
	seed := *soakSeed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	t.Logf("seed %d (-soak-seed to run the same again)", seed)
	rng := rand.New(rand.NewSource(seed))
	work, err := os.MkdirTemp("", "govreport-soak-")
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(work, "in")
	t.Cleanup(func() {
		filepath.WalkDir(work, func(p string, d os.DirEntry, err error) error {
			if d != nil && d.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
		os.RemoveAll(work)
	})

	// Templates: every generated document, read once here so that the
	// expectation of each file is what the parser makes of its bytes.
	var good, rejected [][]byte
	for _, d := range append(corpusgen.Docs(), corpusgen.DOCXDocs()...) {
		b, err := d.Render()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parser.Parse(d.Name, b); err != nil {
			rejected = append(rejected, b)
		} else {
			good = append(good, b)
		}
	}
	t.Logf("%d report templates, %d rejected ones", len(good), len(rejected))

	files := soakPlan(t, rng, good, rejected)
	writeSoakFiles(t, in, files)

	// As root every file is readable: the conversion then runs as nobody,
	// so that chmod 000 means something.
	exe := filepath.Join(work, "bin", "govreport")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	copyExe(t, self, exe)
	outDir := filepath.Join(work, "out")
	os.MkdirAll(outDir, 0o755)
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		for _, p := range []string{work, outDir} {
			os.Chmod(p, 0o755)
		}
		os.Chown(outDir, 65534, 65534)
	}
	out := filepath.Join(outDir, "out.jsonl")

	// The changing files are rewritten for as long as the conversion runs.
	stop := make(chan struct{})
	var writers sync.WaitGroup
	var rewrites atomic.Int64
	tmpDir := filepath.Join(work, "tmp")
	os.MkdirAll(tmpDir, 0o755)
	for i, f := range files {
		if f.expect != "changing" {
			continue
		}
		writers.Add(1)
		go func(i int, f *soakFile) {
			defer writers.Done()
			p := filepath.Join(in, f.rel)
			for n := 1; ; n++ {
				select {
				case <-stop:
					return
				case <-time.After(time.Duration(20+i%50) * time.Millisecond):
				}
				b := f.alt[n%2]
				if f.inPlace {
					os.WriteFile(p, b, 0o644)
				} else {
					tmp := filepath.Join(tmpDir, strconv.Itoa(i))
					os.WriteFile(tmp, b, 0o644)
					os.Rename(tmp, p)
				}
				rewrites.Add(1)
			}
		}(i, f)
	}

	// Convert, killed with SIGKILL at random points until a run finishes.
	start := time.Now()
	var peakParent, peakWorker int64
	kills, runs := 0, 0
	var lastStderr bytes.Buffer
	var longestOrphan time.Duration
	for {
		runs++
		cmd := exec.Command(exe, "convert", in, "-o", out, "-j", "2")
		cmd.Env = append(os.Environ(), "GOVREPORT_TEST_MAIN=1")
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		lastStderr.Reset()
		cmd.Stderr = &lastStderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		pid := cmd.Process.Pid
		workers := map[int]bool{}
		var killAt <-chan time.Time
		if kills < soakMaxKill {
			killAt = time.After(time.Duration(1000+rng.Intn(14000)) * time.Millisecond)
		}
		runStart := time.Now()
		var runParent int64
		tick := time.NewTicker(100 * time.Millisecond)
		deadline := time.After(40 * time.Minute)
		var werr error
		finished, killed := false, false
		for !finished {
			select {
			case werr = <-done:
				finished = true
			case <-killAt:
				syscall.Kill(pid, syscall.SIGKILL)
				killed = true
				killAt = nil
			case <-tick.C:
				if hwm := vmHWM(pid); hwm > runParent {
					runParent = hwm
				}
				for _, c := range childrenOf(pid) {
					workers[c] = true
					if hwm := vmHWM(c); hwm > peakWorker {
						peakWorker = hwm
					}
				}
			case <-deadline:
				syscall.Kill(pid, syscall.SIGKILL)
				t.Fatalf("run %d did not finish within 40 minutes: %s", runs, lastStderr.String())
			}
		}
		tick.Stop()
		// Only the polled high-water marks count: the maximum RSS that
		// wait4 reports includes this test's own memory, which the child
		// had until its exec.
		peakParent = max(peakParent, runParent)
		t.Logf("run %d: %s, killed %v, peak RSS of the parent %.1f MiB", runs, time.Since(runStart).Round(time.Millisecond), killed, float64(runParent)/(1<<20))
		if killed {
			kills++
			// The parent's workers see their input close and end.
			t0 := time.Now()
			for w := range workers {
				for alive(w) {
					if time.Since(t0) > time.Minute {
						syscall.Kill(w, syscall.SIGKILL)
						t.Errorf("worker %d of a killed conversion still running after a minute", w)
						break
					}
					time.Sleep(50 * time.Millisecond)
				}
			}
			if d := time.Since(t0); d > longestOrphan {
				longestOrphan = d
			}
			continue
		}
		if werr != nil {
			t.Fatalf("run %d: %v: %s", runs, werr, tail(lastStderr.String()))
		}
		break
	}
	wall := time.Since(start)
	close(stop)
	writers.Wait()

	checkSoakOutput(t, in, out, files)
	count := map[string]int{}
	for _, f := range files {
		count[f.kind]++
	}
	kinds := make([]string, 0, len(count))
	for k, n := range count {
		kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
	}
	sort.Strings(kinds)
	t.Logf("soak: %d files (%s); %d runs, %d killed with SIGKILL; %d rewrites of changing files; wall %s; peak RSS parent %.1f MiB, worker %.1f MiB; slowest worker exit after a kill %s",
		len(files), strings.Join(kinds, ", "), runs, kills, rewrites.Load(), wall.Round(time.Second),
		float64(peakParent)/(1<<20), float64(peakWorker)/(1<<20), longestOrphan.Round(time.Millisecond))
	t.Logf("last run said: %s", tail(lastStderr.String()))
	if peakParent > soakMaxRSS || peakWorker > soakMaxRSS {
		t.Errorf("peak RSS parent %d, worker %d bytes: over %d", peakParent, peakWorker, soakMaxRSS)
	}
}

// unique returns copy n of template b, with its own content where the
// format allows a trailing marker.
func unique(b []byte, n int) []byte {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF")):
		// After %%EOF: readers ignore what follows.
		return append(append([]byte(nil), b...), fmt.Sprintf("\n%% soak %d\n", n)...)
	case bytes.HasPrefix(b, []byte("PK")):
		return b // a ZIP's directory is at its end
	case bytes.Contains(b[:min(len(b), 4096)], []byte("<")):
		return append(append([]byte(nil), b...), fmt.Sprintf("\n<!-- soak %d -->\n", n)...)
	}
	return append(append([]byte(nil), b...), fmt.Sprintf("\n\nsoak-%d\n", n)...)
}

// soakPlan decides the 10,000 files: 95% reports under varied names, 5%
// damaged, oversized, changing, unreadable and oddly named.
func soakPlan(t *testing.T, rng *rand.Rand, good, rejected [][]byte) []*soakFile {
	p := parser.New()
	expectOf := func(b []byte) string {
		if _, err := p.Parse("x", b); err != nil {
			return "error"
		}
		return "report"
	}
	// Which templates keep their reading with a marker.
	markOK := make([]bool, len(good))
	for i, b := range good {
		markOK[i] = expectOf(unique(b, 99999)) == "report"
	}
	var files []*soakFile
	add := func(f *soakFile) { files = append(files, f) }
	exts := []string{".pdf", ".html", ".htm", ".txt", ".docx", "", ".PDF", ".dat"}
	nameOf := func(i int) string {
		dir := fmt.Sprintf("区县%02d/%d", i%40, 2019+i%7)
		switch i % 5 {
		case 0:
			return fmt.Sprintf("%s/政府信息公开工作年度报告（%d）%s", dir, i, exts[i%len(exts)])
		case 1:
			return fmt.Sprintf("%s/report %d final (1)%s", dir, i, exts[i%len(exts)])
		case 2:
			return fmt.Sprintf("%s/%d", dir, i)
		default:
			return fmt.Sprintf("%s/r-%05d%s", dir, i, exts[i%len(exts)])
		}
	}
	pickGood := func(i int) []byte {
		k := rng.Intn(len(good))
		if markOK[k] {
			return unique(good[k], i)
		}
		return good[k]
	}

	// Bad and odd files first, 5% in all.
	n := 0
	// Damaged: truncated documents and garbage.
	for i := 0; i < 160; i++ {
		var b []byte
		switch i % 4 {
		case 0, 1:
			src := good[rng.Intn(len(good))]
			b = src[:rng.Intn(len(src)/3+1)]
		case 2:
			b = make([]byte, 64+rng.Intn(8192))
			rng.Read(b)
		case 3:
			b = make([]byte, 64+rng.Intn(4096))
			rng.Read(b)
			copy(b, []string{"%PDF-1.7\n", "PK\x03\x04", "<html><body><table>", "\xef\xbb\xbf\xe4"}[i/4%4])
		}
		add(&soakFile{rel: fmt.Sprintf("damaged/%d%s", n, exts[n%len(exts)]), kind: "damaged", data: b, expect: expectOf(b)})
		n++
	}
	for i, b := range rejected {
		add(&soakFile{rel: fmt.Sprintf("damaged/not-a-report-%d.html", i), kind: "not a report", data: b, expect: "error"})
	}
	// Oversized: sparse files over the parser's 200 MiB limit.
	for i := 0; i < 40; i++ {
		add(&soakFile{rel: fmt.Sprintf("big/scan-%d.pdf", i), kind: "oversized", expect: "error"})
	}
	// Changing: rewritten between two reports while the conversion runs.
	for i := 0; i < 50; i++ {
		f := &soakFile{rel: fmt.Sprintf("changing/%d.txt", i), kind: "changing", expect: "changing", inPlace: i%2 == 1}
		a, b := rng.Intn(len(good)), rng.Intn(len(good))
		f.alt = [2][]byte{unique(good[a], 100000+i), unique(good[b], 200000+i)}
		f.data = f.alt[0]
		add(f)
	}
	// Unreadable: chmod 000 files and folders, FIFOs, dangling links.
	for i := 0; i < 40; i++ {
		add(&soakFile{rel: fmt.Sprintf("locked/%d.pdf", i), kind: "chmod 000 file", data: pickGood(i), expect: "error"})
	}
	for i := 0; i < 20; i++ {
		add(&soakFile{rel: fmt.Sprintf("locked-dir-%d", i), kind: "chmod 000 folder", expect: "error"})
		add(&soakFile{rel: fmt.Sprintf("locked-dir-%d/inside.txt", i), kind: "inside a locked folder", data: pickGood(i), unlisted: true})
	}
	for i := 0; i < 30; i++ {
		add(&soakFile{rel: fmt.Sprintf("special/fifo-%d", i), kind: "fifo", expect: "error"})
		add(&soakFile{rel: fmt.Sprintf("special/dangling-%d.pdf", i), kind: "dangling symlink", expect: "error"})
	}
	// Oddly named reports.
	odd := []string{"a\nb", "\x1b[2J\x1b[31mred", "\xff\xfe", "\xb1\xa8\xb8\xe6", "tab\there", "cr\rhere", "-o", "--fresh", " space ", "引号\"'`$(echo)", "semi;colon|pipe&", "\u202eevil", "dot.", "a\\b", "%s%n", "NUL-like\x01\x7f"}
	for i := 0; i < 100; i++ {
		name := odd[i%len(odd)] + strconv.Itoa(i)
		if i%10 == 9 {
			name = strings.Repeat("长", 80) + strconv.Itoa(i) // 240+ bytes
		}
		add(&soakFile{rel: "odd/" + name, kind: "oddly named", data: pickGood(i), expect: "report"})
	}
	// The rest: reports.
	for i := 0; len(files) < *soakFiles; i++ {
		add(&soakFile{rel: nameOf(i), kind: "report", data: pickGood(i), expect: "report"})
	}
	listed := 0
	for _, f := range files {
		if !f.unlisted {
			listed++
		}
	}
	if bad := listed - countKind(files, "report"); *soakFiles >= 10_000 && bad*100 > listed*6 {
		t.Fatalf("%d of %d files are not plain reports", bad, listed)
	}
	return files
}

func countKind(files []*soakFile, kind string) int {
	n := 0
	for _, f := range files {
		if f.kind == kind {
			n++
		}
	}
	return n
}

func writeSoakFiles(t *testing.T, in string, files []*soakFile) {
	var lockDirs []string
	for _, f := range files {
		p := filepath.Join(in, f.rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch f.kind {
		case "oversized":
			var fh *os.File
			if fh, err = os.Create(p); err == nil {
				err = fh.Truncate(250 << 20)
				fh.Close()
			}
		case "chmod 000 folder":
			err = os.MkdirAll(p, 0o755)
			lockDirs = append(lockDirs, p)
		case "fifo":
			err = syscall.Mkfifo(p, 0o644)
		case "dangling symlink":
			err = os.Symlink(filepath.Join(in, "no-such-file.pdf"), p)
		default:
			err = os.WriteFile(p, f.data, 0o644)
			if err == nil && f.kind == "chmod 000 file" {
				err = os.Chmod(p, 0)
			}
			f.data = nil // on disk now; this process need not hold 10,000 files
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range lockDirs {
		os.Chmod(d, 0)
	}
	debug.FreeOSMemory()
}

// checkSoakOutput reads the reports and the errors table and checks each
// file's fate.
func checkSoakOutput(t *testing.T, in, out string, files []*soakFile) {
	type row struct {
		sha, title, reason string
	}
	read := func(name string, errs bool) map[string][]row {
		fh, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		m := map[string][]row{}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var x struct {
				Source struct {
					Path   string `json:"path"`
					SHA256 string `json:"sha256"`
				} `json:"source"`
				Title      *string `json:"title"`
				Path       string  `json:"path"`
				SHA256     string  `json:"sha256"`
				Reason     string  `json:"reason"`
				PathBase64 string  `json:"path_base64"`
			}
			if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			p, r := x.Source.Path, row{sha: x.Source.SHA256}
			if errs {
				p, r = x.Path, row{sha: x.SHA256, reason: x.Reason}
			}
			if x.Title != nil {
				r.title = *x.Title
			}
			if x.PathBase64 != "" {
				b, err := base64.StdEncoding.DecodeString(x.PathBase64)
				if err != nil {
					t.Fatal(err)
				}
				p = string(b)
			}
			m[p] = append(m[p], r)
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		return m
	}
	reports := read(out, false)
	errs := read(strings.TrimSuffix(out, ".jsonl")+".errors.jsonl", true)
	bad := 0
	fail := func(format string, args ...any) {
		if bad++; bad <= 30 {
			t.Errorf(format, args...)
		}
	}
	seen := map[string]bool{}
	for _, f := range files {
		p := filepath.ToSlash(filepath.Join(in, f.rel))
		seen[p] = true
		nr, ne := len(reports[p]), len(errs[p])
		switch {
		case f.unlisted:
			if nr+ne != 0 {
				fail("%q inside an unreadable folder was listed", f.rel)
			}
		case f.expect == "report":
			if nr != 1 || ne != 0 {
				fail("%s %q: %d times in the reports, %d in the errors %v", f.kind, f.rel, nr, ne, errs[p])
			}
		case f.expect == "error":
			if nr != 0 || ne != 1 || strings.TrimSpace(errs[p][0].reason) == "" {
				fail("%s %q: %d times in the reports, %d in the errors %v", f.kind, f.rel, nr, ne, errs[p])
			}
		case f.expect == "changing":
			if nr+ne != 1 {
				fail("changing %q: %d times in the reports, %d in the errors", f.rel, nr, ne)
				continue
			}
			if f.inPlace || nr == 0 {
				continue // a torn state may be read, or found empty
			}
			// Renamed over: one of the two contents, whole, under its hash.
			got := reports[p][0]
			ok := false
			for _, b := range f.alt {
				sum := sha256.Sum256(b)
				if got.sha == hex.EncodeToString(sum[:]) {
					r, err := parser.Parse("x", b)
					ok = err == nil && r.Title != nil && *r.Title == got.title
				}
			}
			if !ok {
				fail("changing %q: read as %s %q, neither of its contents", f.rel, got.sha, got.title)
			}
		}
	}
	for _, m := range []map[string][]row{reports, errs} {
		for p := range m {
			if !seen[p] {
				fail("%q in the output is no file of the folder", p)
			}
		}
	}
	if bad > 30 {
		t.Errorf("… %d failures in all", bad)
	}
}

// vmHWM returns the peak resident set of process pid, in bytes (0 when it
// is gone).
func vmHWM(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// childrenOf returns the processes whose parent is pid.
func childrenOf(pid int) []int {
	ents, _ := os.ReadDir("/proc")
	var out []int
	for _, e := range ents {
		c, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid …: comm may hold spaces, so cut after ')'.
		s := string(b)
		if i := strings.LastIndexByte(s, ')'); i >= 0 {
			if f := strings.Fields(s[i+1:]); len(f) > 1 && f[1] == strconv.Itoa(pid) {
				out = append(out, c)
			}
		}
	}
	return out
}

// alive reports whether pid runs (a zombie has ended).
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || !strings.HasPrefix(strings.TrimSpace(s[i+1:]), "Z")
}

func copyExe(t *testing.T, src, dst string) {
	os.MkdirAll(filepath.Dir(dst), 0o755)
	r, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	w, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(w, r); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}
