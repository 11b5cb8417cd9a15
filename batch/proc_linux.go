package batch

import (
	"os/exec"
	"syscall"
)

// setDeathSignal kills a worker when the parent dies, even one stuck in a
// document that never ends (it would otherwise only see its input close).
func setDeathSignal(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
