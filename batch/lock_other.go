//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package batch

import "os"

// lockFile does nothing where flock is not available: do not run two
// conversions to the same output at once there.
func lockFile(f *os.File) (func(), error) { return func() {}, nil }

const lockSupported = false
