//go:build linux || darwin

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/govreport/govreport/batch"
)

// Ctrl-C on a terminal sends SIGINT to the whole process group, workers
// included: the conversion stops with status 130, keeps what it read, and
// records no file as crashed; the rerun finishes.
func TestConvertCtrlC(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in")
	files := globTest(t, "../../corpus/text/*.txt")
	for _, f := range files {
		copyTestFile(t, f, filepath.Join(dir, filepath.Base(f)))
	}
	out := filepath.Join(t.TempDir(), "out.csv")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "convert", dir, "-o", out, "-j", "2")
	cmd.Env = append(os.Environ(), "GOVREPORT_TEST_MAIN=1", "GOVREPORT_WORKER_TEST_DELAY=500ms")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := func() int {
		shas, _ := batch.Recorded(out)
		return len(shas)
	}
	for deadline := time.Now().Add(2 * time.Minute); lines() < 3; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			t.Fatalf("the conversion did not get going: %s", stderr.String())
		}
	}
	syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("exit %v, want status 130: %s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "run the same command again to continue") {
		t.Errorf("no word on how to continue: %s", stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an interrupted conversion wrote its output")
	}
	b, _ := os.ReadFile(out + ".govreport-results") // errors are kept as words there
	if bytes.Contains(b, []byte("crashed")) {
		t.Errorf("a worker stopped by Ctrl-C was taken for a crash:\n%s", b)
	}
	done := lines()
	msg := convertTo(t, dir, out)
	if !strings.Contains(msg, "from an earlier run") || done < 2 || done >= len(files) {
		t.Errorf("%d files were done before Ctrl-C; the rerun said: %s", done, msg)
	}
}

// A FIFO inside a folder (or a device named as an input) is not read,
// which could block a worker or never end: it is a row of the errors table
// saying what it is.
func TestConvertRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	copyTestFile(t, "../../corpus/text/tabs-2021-qinglan-county-2023.txt", filepath.Join(dir, "good.txt"))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	out := filepath.Join(t.TempDir(), "out.csv")
	convertTo(t, dir, out, "--timeout", "5s")
	b := mustRead(t, filepath.Join(filepath.Dir(out), "out.errors.csv"))
	if !strings.Contains(string(b), `pipe.txt,,unreadable,"a named pipe (FIFO)`) {
		t.Errorf("errors table:\n%s", b)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		out := filepath.Join(t.TempDir(), "zero.csv")
		convertTo(t, "/dev/zero", out)
		if b := mustRead(t, filepath.Join(filepath.Dir(out), "zero.errors.csv")); !strings.Contains(string(b), "a device") {
			t.Errorf("errors table:\n%s", b)
		}
	}
}
