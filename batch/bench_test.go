package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
	"time"
)

// benchFolder copies the corpus's HTML and text reports into a folder until
// it holds n files, each made distinct (distinctTail) so that no copy is
// taken for a duplicate.
func benchFolder(b *testing.B, n int) string {
	var docs []string
	for _, pat := range []string{"../corpus/html/*.html", "../corpus/text/*.txt"} {
		fs, _ := filepath.Glob(pat)
		for _, f := range fs {
			if _, err := os.Stat(strings.TrimSuffix(f, filepath.Ext(f)) + ".expected.json"); err == nil {
				docs = append(docs, f)
			}
		}
	}
	if len(docs) == 0 {
		b.Skip("no corpus")
	}
	dir := filepath.Join(b.TempDir(), "in")
	for i := 0; i < n; i++ {
		src, err := os.ReadFile(docs[i%len(docs)])
		if err != nil {
			b.Fatal(err)
		}
		src = append(src, distinctTail(docs[i%len(docs)], i)...)
		p := filepath.Join(dir, fmt.Sprint(i%20), fmt.Sprintf("copy%d-%s", i, filepath.Base(docs[i%len(docs)])))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// distinctTail is what makes copy i of a file another content, read the
// same: an HTML comment, or for text i's bits as blank lines with and
// without a space (short, so that the copies do not grow with i).
func distinctTail(name string, i int) string {
	if strings.HasSuffix(name, ".html") {
		return fmt.Sprintf("\n<!-- copy %d -->\n", i)
	}
	t := "\n\n"
	for ; i > 0; i >>= 1 {
		t += strings.Repeat(" ", i&1) + "\n"
	}
	return t + "\n"
}

// benchFiles is the size of BenchmarkConvert's folder; GOVREPORT_BENCH_FILES
// changes it.
func benchFiles() int {
	var n int
	if _, err := fmt.Sscan(os.Getenv("GOVREPORT_BENCH_FILES"), &n); err == nil && n > 0 {
		return n
	}
	return 2000
}

// BenchmarkConvert converts a folder of HTML and text reports (2,000 unless
// GOVREPORT_BENCH_FILES says otherwise) into each format:
//
//	go test ./batch -run '^$' -bench Convert -benchtime 1x -count 3
//
// files/s counts every file of the folder over the whole conversion, walk
// to rename; on a shared machine the CPU figures are the ones to read:
// cpu-ms/file is user+system time of this process and of its worker
// processes (getrusage, children included once waited for), parent-ms/file
// that of this process alone (its serial work bounds the speed-up of -j),
// write-ms/file the part of it spent writing the outputs once every file is
// read (the same work in every mode), write-wall-ms/file the wall time of
// that part (serial: it adds to the time of any -j),
// and overhead the CPU per file against the in-process conversion of the
// same folder to the same format, run just before (≤ 1.1 is the aim of
// issue 15: -j N then reaches N × the in-process rate when N cores are
// free). state-% is the state file against the output, spool-% the results
// spool against it. This process runs at the GC settings of govreport
// convert (SetConvertGC).
func BenchmarkConvert(b *testing.B) {
	n := benchFiles()
	dir := benchFolder(b, n)
	for _, format := range []string{"csv", "jsonl", "xlsx", "sqlite", "parquet"} {
		if testing.Short() && format != "csv" {
			continue
		}
		var inProcessCPU time.Duration // per file
		for _, c := range []struct {
			name      string
			jobs      int
			inProcess bool
		}{{"in-process-j1", 1, true}, {"workers-j1", 1, false}, {"workers-j2", 2, false}} {
			b.Run(format+"/"+c.name, func(b *testing.B) {
				o := workerOptionsB(b)
				out := filepath.Join(b.TempDir(), "out."+format)
				o.Inputs, o.Output, o.Jobs, o.InProcess, o.Fresh = []string{dir}, out, c.jobs, c.inProcess, true
				// as govreport convert sets it (SetConvertGC)
				defer debug.SetMemoryLimit(debug.SetMemoryLimit(parentMemoryLimit()))
				var self, children, readSelf time.Duration
				var sw time.Duration
				var writeStart time.Time
				var writeWall time.Duration
				writeHook = func() { sw, _ = cpuTimes(); writeStart = time.Now() }
				defer func() { writeHook = nil }()
				b.ResetTimer()
				var sys time.Duration
				var flt int64
				for i := 0; i < b.N; i++ {
					u0 := usage()
					s0, c0 := u0.self, u0.children
					sum, err := Run(context.Background(), o)
					u1 := usage()
					s1, c1 := u1.self, u1.children
					sys += u1.selfSys + u1.childrenSys - u0.selfSys - u0.childrenSys
					flt += u1.selfFlt + u1.childrenFlt - u0.selfFlt - u0.childrenFlt
					writeWall += time.Since(writeStart)
					self, children = self+s1-s0, children+c1-c0
					readSelf += sw - s0
					if err != nil {
						b.Fatal(err)
					}
					if sum.Reports != n {
						b.Fatalf("%d reports", sum.Reports)
					}
				}
				files := float64(n * b.N)
				cpu := (self + children) / time.Duration(n*b.N)
				b.ReportMetric(files/b.Elapsed().Seconds(), "files/s")
				b.ReportMetric(float64(cpu.Microseconds())/1000, "cpu-ms/file")
				b.ReportMetric(float64(self.Microseconds())/1000/files, "parent-ms/file")
				b.ReportMetric(float64(sys.Microseconds())/1000/files, "sys-ms/file")
				b.ReportMetric(float64(flt)/files, "minflt/file")
				b.ReportMetric(float64((self-readSelf).Microseconds())/1000/files, "write-ms/file")
				b.ReportMetric(float64(writeWall.Microseconds())/1000/files, "write-wall-ms/file")
				if c.inProcess {
					inProcessCPU = cpu
				} else if inProcessCPU > 0 {
					b.ReportMetric(float64(cpu)/float64(inProcessCPU), "overhead")
				}
				size := func(p string) float64 {
					st, err := os.Stat(p)
					if err != nil {
						b.Fatal(err)
					}
					return float64(st.Size())
				}
				b.ReportMetric(100*size(StatePath(out))/size(out), "state-%")
				b.ReportMetric(100*size(ResultsPath(out))/size(out), "spool-%")
			})
		}
	}
}

func workerOptionsB(b *testing.B) Options {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	return Options{WorkerArgv: []string{exe, "worker"}, WorkerEnv: []string{"GOVREPORT_BATCH_TEST_WORKER=1"}}
}

// BenchmarkConvertOverhead measures the CPU overhead of the worker design
// (CPU per file with workers ÷ in one process, BenchmarkConvert's
// "overhead") in a form steady enough to decide on: for each format it
// runs rounds (GOVREPORT_BENCH_ROUNDS, 5 unless set) of an in-process
// conversion, one with one worker and one with two, alternating, after an
// unmeasured warm-up conversion (so that the first in-process run does not
// pay this process's heap growth and first parse), and reports the median
// of the rounds' ratios with their spread (max - min):
//
//	GOVREPORT_BENCH_FILES=1000 go test ./batch -run '^$' -bench ConvertOverhead -benchtime 1x
func BenchmarkConvertOverhead(b *testing.B) {
	n := benchFiles()
	rounds := 5
	if _, err := fmt.Sscan(os.Getenv("GOVREPORT_BENCH_ROUNDS"), &rounds); err != nil || rounds < 1 {
		rounds = 5
	}
	dir := benchFolder(b, n)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(parentMemoryLimit()))
	run := func(b *testing.B, format string, jobs int, inProcess bool) (cpu, parent time.Duration) {
		o := workerOptionsB(b)
		o.Inputs, o.Output, o.Jobs, o.InProcess, o.Fresh = []string{dir}, filepath.Join(b.TempDir(), "out."+format), jobs, inProcess, true
		u0 := usage()
		sum, err := Run(context.Background(), o)
		u1 := usage()
		if err != nil {
			b.Fatal(err)
		}
		if sum.Reports != n {
			b.Fatalf("%d reports", sum.Reports)
		}
		return (u1.self + u1.children - u0.self - u0.children) / time.Duration(n), (u1.self - u0.self) / time.Duration(n)
	}
	warm := false
	for _, format := range []string{"csv", "jsonl", "xlsx", "sqlite", "parquet"} {
		b.Run(format, func(b *testing.B) {
			if !warm {
				run(b, "csv", 1, true)
				warm = true
			}
			b.ResetTimer()
			var r1, r2, in, p1, p2 []float64
			for i := 0; i < b.N*rounds; i++ {
				c0, _ := run(b, format, 1, true)
				c1, pp1 := run(b, format, 1, false)
				c2, pp2 := run(b, format, 2, false)
				r1, r2 = append(r1, float64(c1)/float64(c0)), append(r2, float64(c2)/float64(c0))
				b.Logf("round %d: in-process %.3f ms/file, overhead -j1 %.3f, -j2 %.3f", i+1,
					float64(c0.Microseconds())/1000, r1[len(r1)-1], r2[len(r2)-1])
				in = append(in, float64(c0.Microseconds())/1000)
				p1, p2 = append(p1, float64(pp1.Microseconds())/1000), append(p2, float64(pp2.Microseconds())/1000)
			}
			med, spread := medianSpread(r1)
			b.ReportMetric(med, "overhead-j1")
			b.ReportMetric(spread, "spread-j1")
			med, spread = medianSpread(r2)
			b.ReportMetric(med, "overhead-j2")
			b.ReportMetric(spread, "spread-j2")
			med, _ = medianSpread(in)
			b.ReportMetric(med, "inproc-ms/file")
			med, _ = medianSpread(p1)
			b.ReportMetric(med, "parent-j1-ms/file")
			med, _ = medianSpread(p2)
			b.ReportMetric(med, "parent-j2-ms/file")
		})
	}
}

// medianSpread is the median of xs and max - min.
func medianSpread(xs []float64) (median, spread float64) {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	median = s[len(s)/2]
	if len(s)%2 == 0 {
		median = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return median, s[len(s)-1] - s[0]
}
