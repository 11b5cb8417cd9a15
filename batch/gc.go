package batch

import (
	"math"
	"os"
	"runtime/debug"
)

// BatchGCPercent is the GC target of a process that reads document after
// document (a worker, a parse of many files). Its live heap is a few MB,
// so at Go's default of 100 the collector runs after every few documents
// and takes a fifth of the CPU; 400 trades a few more MB for far fewer
// cycles (docs/PERFORMANCE.md).
const BatchGCPercent = 400

// SetBatchGC sets BatchGCPercent unless GOGC is set in the environment,
// which keeps the last word.
func SetBatchGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(BatchGCPercent)
	}
}

// parentMemoryLimit is the soft memory limit of a conversion's parent
// process, past which its collector works harder whatever the GC target.
// The parent's live heap is usually a few MB (the documents being handed
// to workers, the journal's index, the writers' buffers), but up to
// maxInFlight of documents can be held at once, and at the default target
// the heap may then reach twice that: the limit holds it near there.
func parentMemoryLimit() int64 { return 2*maxInFlight + 64<<20 }

// SetConvertGC sets the GC of a process about to run a conversion (the
// parent of the workers, or the whole conversion with InProcess): a soft
// memory limit (parentMemoryLimit) unless GOMEMLIMIT is set in the
// environment; a limit already set lower (a worker's) is kept. The parent
// keeps Go's default GC target: it holds the cross-report findings' cells of
// every report until the end (tens of MB for 10,000 reports), and at
// BatchGCPercent its heap grew to five times that (the soak test saw
// 570 MiB) to save about a tenth of its CPU.
func SetConvertGC() {
	if os.Getenv("GOMEMLIMIT") == "" {
		if cur := debug.SetMemoryLimit(-1); cur == math.MaxInt64 {
			debug.SetMemoryLimit(parentMemoryLimit())
		}
	}
}
