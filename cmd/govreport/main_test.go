package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestParsePrintsOneReport(t *testing.T) {
	code, out, errs := runCmd("", "parse", "../../corpus/text/tabs-2021-qinglan-county-2023.txt")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output is not one JSON object: %v", err)
	}
	if r["schema"] != "govreport/1" || r["year"] != float64(2023) || r["template"] != "2021" {
		t.Errorf("schema %v year %v template %v", r["schema"], r["year"], r["template"])
	}
}

func TestParseFailedChecksStillExitZero(t *testing.T) {
	code, out, _ := runCmd("", "parse", "../../corpus/text/tabs-2021-nanpu-district-2022-bad-sums.txt")
	if code != 0 {
		t.Fatalf("exit %d for a report whose sums fail", code)
	}
	if !strings.Contains(out, `"ok": false`) {
		t.Errorf("failed checks not in the output")
	}
}

func TestParseStandardInput(t *testing.T) {
	src, err := os.ReadFile("../../corpus/html/portal-2021-qinglan-county-2023.html")
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCmd(string(src), "parse", "-")
	if code != 0 || !strings.Contains(out, `"path": "-"`) || !strings.Contains(out, `"format": "html"`) {
		t.Errorf("exit %d, output %.200s", code, out)
	}
}

// A batch goes on past a bad file; the bad one gets one line on stderr
// naming it and the reason, and the exit status says something failed.
func TestParseBadFilesSayWhy(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.pdf")
	os.WriteFile(empty, nil, 0o644)
	good := "../../corpus/text/tabs-2021-qinglan-county-2023.txt"
	old := "../../corpus/reject/pre2019-tabs-qinglan-county-2017.txt"
	code, out, errs := runCmd("", "parse", empty, good, old)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], empty+": the file is empty") || !strings.Contains(lines[1], old+": pre-2019 format") {
		t.Errorf("stderr %q", errs)
	}
	if n := strings.Count(strings.TrimSpace(out), "\n") + 1; n != 1 || !strings.Contains(out, "青岚县") {
		t.Errorf("want the one good report on one line, got %d lines", n)
	}
}

func TestUsage(t *testing.T) {
	if code, _, errs := runCmd(""); code != 2 || !strings.Contains(errs, "Usage") {
		t.Errorf("no arguments: exit %d", code)
	}
	if code, out, _ := runCmd("", "--help"); code != 0 || !strings.Contains(out, "govreport parse") {
		t.Errorf("--help: exit %d", code)
	}
	if code, _, errs := runCmd("", "parse", "-h"); code != 0 || !strings.Contains(errs, "-timeout") {
		t.Errorf("parse -h: exit %d, %q", code, errs)
	}
	if code, _, _ := runCmd("", "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
}
