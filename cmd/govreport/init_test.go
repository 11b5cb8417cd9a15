package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Our packages do no work at package initialisation: every init task
// touches its own code and data pages in every process, `govreport help`
// included (GODEBUG=inittrace=1 lists the packages that have one). Tables
// are switches, static literals or built on first use (internal/lazy).
func TestNoPackageInitTasks(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "help")
	cmd.Env = append(os.Environ(), "GOVREPORT_TEST_MAIN=1", "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("help: %v\n%s", err, stderr.Bytes())
	}
	seen := 0
	for _, line := range strings.Split(stderr.String(), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || f[0] != "init" {
			continue
		}
		seen++
		pkg := f[1]
		switch {
		case !strings.HasPrefix(pkg, "github.com/govreport/govreport/"):
		case pkg == "github.com/govreport/govreport/internal/corpusgen": // imported by the tests only
		case pkg == "github.com/govreport/govreport/cmd/govreport": // here with its _test.go files' variables
		default:
			t.Errorf("package %s has an init task: %s", pkg, line)
		}
	}
	if seen == 0 {
		t.Fatalf("no init trace in the output:\n%s", stderr.Bytes())
	}
}
