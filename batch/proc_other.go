//go:build !linux

package batch

import "os/exec"

// setDeathSignal does nothing here: a worker exits when its input closes.
func setDeathSignal(cmd *exec.Cmd) {}
