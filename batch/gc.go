package batch

import (
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
