package batch

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

func BenchmarkDiag(b *testing.B) {
	n := benchFiles()
	dir := benchFolder(b, n)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(parentMemoryLimit()))
	format := os.Getenv("DIAG_FORMAT")
	if format == "" {
		format = "csv"
	}
	modes := strings.Fields(os.Getenv("DIAG_MODES"))
	run := func(jobs int, inProcess bool) rusage {
		o := workerOptionsB(b)
		o.Inputs, o.Output, o.Jobs, o.InProcess, o.Fresh = []string{dir}, filepath.Join(b.TempDir(), "out."+format), jobs, inProcess, true
		u0 := usage()
		_, err := Run(context.Background(), o)
		u1 := usage()
		if err != nil {
			b.Fatal(err)
		}
		return rusage{u1.self - u0.self, u1.children - u0.children, u1.selfSys - u0.selfSys, u1.childrenSys - u0.childrenSys, u1.selfFlt - u0.selfFlt, u1.childrenFlt - u0.childrenFlt}
	}
	run(1, true)
	for r := 0; r < 3; r++ {
		for _, m := range modes {
			u := run(int(m[1]-'0'), m[0] == 'i')
			f := time.Duration(n)
			b.Logf("%s cpu %.3f parent %.3f (sys %.3f, flt %.1f) children %.3f (sys %.3f, flt %.1f)", m,
				float64((u.self+u.children)/f)/1e6, float64(u.self/f)/1e6, float64(u.selfSys/f)/1e6, float64(u.selfFlt)/float64(n),
				float64(u.children/f)/1e6, float64(u.childrenSys/f)/1e6, float64(u.childrenFlt)/float64(n))
		}
	}
}
