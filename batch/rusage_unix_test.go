//go:build unix

package batch

import (
	"syscall"
	"time"
)

// cpuTimes is the user+system time of this process and of its children
// that have been waited for.
func cpuTimes() (self, children time.Duration) {
	u := usage()
	return u.self, u.children
}

// rusage is what getrusage says of this process and of its children that
// have been waited for.
type rusage struct {
	self, children       time.Duration // user+system
	selfSys, childrenSys time.Duration // system alone
	selfFlt, childrenFlt int64         // minor page faults
}

func usage() rusage {
	var s, c syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &s)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &c)
	tv := func(t syscall.Timeval) time.Duration { return time.Duration(t.Nano()) }
	return rusage{tv(s.Utime) + tv(s.Stime), tv(c.Utime) + tv(c.Stime), tv(s.Stime), tv(c.Stime), s.Minflt, c.Minflt}
}
