//go:build linux || darwin

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Ctrl-C while parse reads a slow document stops it as convert stops:
// the reports already printed stay, the document being read is named,
// and the status is 130.
func TestParseCtrlC(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	copyTestFile(t, globTest(t, "../../corpus/text/*.txt")[0], good)
	// Rows shaped like table rows, each weighed against the template's
	// labels: tens of seconds to read whole.
	var b strings.Builder
	b.WriteString("示例县政务服务中心2023年政府信息公开工作年度报告\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&b, "（%d）其他处理事项\t%d\t3\t0\n", i, i)
	}
	slow := filepath.Join(dir, "slow.txt")
	if err := os.WriteFile(slow, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "parse", "--timeout", "10m", good, slow, good)
	cmd.Env = append(os.Environ(), "GOVREPORT_TEST_MAIN=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Killed for good if it outlives the test's patience: a hang fails
	// the test instead of blocking it.
	killer := time.AfterFunc(2*time.Minute, func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })
	defer killer.Stop()
	br := bufio.NewReader(out)
	first, err := br.ReadString('\n')
	if err != nil {
		t.Fatalf("no first report: %v: %s", err, stderr.String())
	}
	syscall.Kill(-cmd.Process.Pid, syscall.SIGINT) // now reading slow.txt
	rest, _ := br.ReadString(0)
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("exit %v, want status 130: %s", err, stderr.String())
	}
	if !strings.Contains(first, `"schema"`) || rest != "" {
		t.Errorf("printed %q then %q; want the first report only", first[:min(len(first), 40)], rest)
	}
	if msg := stderr.String(); !strings.Contains(msg, "interrupted at "+slow+", after 1 of 3 files") {
		t.Errorf("stderr: %s", msg)
	}
}
