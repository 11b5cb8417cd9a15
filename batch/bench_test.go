package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchFolder copies the corpus's HTML and text reports into a folder until
// it holds n files, each made distinct by trailing blank lines so that no
// copy is taken for a duplicate.
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
		src = append(src, "\n\n"+strings.Repeat(" ", i)+"\n"...)
		p := filepath.Join(dir, fmt.Sprint(i%20), fmt.Sprintf("copy%d-%s", i, filepath.Base(docs[i%len(docs)])))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkConvert converts a folder of 2,000 HTML and text reports to CSV
// (go test ./batch -run '^$' -bench Convert -benchtime 1x). files/s counts
// every file of the folder; the whole conversion is timed, walk to rename.
func BenchmarkConvert(b *testing.B) {
	dir := benchFolder(b, 2000)
	for _, c := range []struct {
		name      string
		jobs      int
		inProcess bool
	}{{"in-process-j1", 1, true}, {"workers-j1", 1, false}, {"workers-j2", 2, false}} {
		b.Run(c.name, func(b *testing.B) {
			o := workerOptionsB(b)
			o.Inputs, o.Output, o.Jobs, o.InProcess, o.Fresh = []string{dir}, filepath.Join(b.TempDir(), "out.csv"), c.jobs, c.inProcess, true
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				sum, err := Run(context.Background(), o)
				if err != nil {
					b.Fatal(err)
				}
				if sum.Reports != 2000 {
					b.Fatalf("%d reports", sum.Reports)
				}
			}
			b.ReportMetric(float64(2000*b.N)/b.Elapsed().Seconds(), "files/s")
		})
	}
}

func workerOptionsB(b *testing.B) Options {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	return Options{WorkerArgv: []string{exe, "worker"}, WorkerEnv: []string{"GOVREPORT_BATCH_TEST_WORKER=1"}}
}
