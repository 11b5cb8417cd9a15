//go:build unix

package parser

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user and system time so far (GC workers
// included).
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Skip("no getrusage")
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchParseCPU is benchParse reporting CPU time rather than wall time
// per document: on a shared machine the wall clock counts other
// processes' turns, and the goal is documents per CPU-second.
func benchParseCPU(b *testing.B, files map[string][]byte) {
	p := New()
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime(b)
	for i := 0; i < b.N; i++ {
		for name, src := range files {
			p.Parse(name, src)
		}
	}
	cpu := cpuTime(b) - start
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(b.N*len(files))/cpu.Seconds(), "docs/cpu-s")
}

// BenchmarkParseTextCPU is BenchmarkParseText in CPU time.
func BenchmarkParseTextCPU(b *testing.B) { benchParseCPU(b, benchFiles(b, "*.txt", "*.md")) }

// BenchmarkParseHTMLCPU is BenchmarkParseHTML in CPU time.
func BenchmarkParseHTMLCPU(b *testing.B) { benchParseCPU(b, benchFiles(b, "*.html", "*.htm")) }
