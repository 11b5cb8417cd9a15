//go:build !unix

package batch

import "time"

func cpuTimes() (self, children time.Duration) { return 0, 0 }

type rusage struct {
	self, children       time.Duration
	selfSys, childrenSys time.Duration
	selfFlt, childrenFlt int64
}

func usage() rusage { return rusage{} }
