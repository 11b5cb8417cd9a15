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
	if code, out, errs := runCmd("", "parse", "-h"); code != 0 || !strings.Contains(out, "--timeout") || errs != "" {
		t.Errorf("parse -h: exit %d, %q", code, errs)
	}
	if code, _, _ := runCmd("", "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
}

// The command line follows the conventions of the Go tools people know:
// -h on standard output, help CMD, --version, long and short flags, exit 2
// for every usage error.
func TestCommandLineConventions(t *testing.T) {
	for _, args := range [][]string{{"help", "convert"}, {"convert", "-h"}, {"convert", "--help"}} {
		code, out, errs := runCmd("", args...)
		if code != 0 || errs != "" || !strings.Contains(out, "--jobs") || !strings.Contains(out, "-j,") {
			t.Errorf("%v: exit %d, stdout %.80q, stderr %q", args, code, out, errs)
		}
	}
	for _, args := range [][]string{{"--version"}, {"version"}} {
		if code, out, _ := runCmd("", args...); code != 0 || !strings.HasPrefix(out, "govreport ") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	dir := t.TempDir()
	in := "../../corpus/text/tabs-2021-qinglan-county-2023.txt"
	for _, args := range [][]string{
		{"convert", in, "-o", filepath.Join(dir, "x.csv"), "--format", "parquet"}, // format and extension disagree
		{"convert", in, "-o", filepath.Join(dir, "x.csv"), "--jobs", "many"},
		{"convert", in, "-o", filepath.Join(dir, "x.csv"), "--shape", "tall"},
		{"convert", in, "-o", filepath.Join(dir, "x.dta")},
		{"convert", in},
		{"convert", in, "-o", "-"},
		{"convert", in, "-o", "-", "--format", "xlsx"},
		{"compare", "--format", "pdf", in},
		{"compare", "-o", filepath.Join(dir, "x.csv"), "--format", "markdown", in},
		{"dictionary", "--format", "yaml"},
		{"parse", "--no-such-flag", in},
		{"parse"},
		{"lines"},
		{"help", "frobnicate"},
	} {
		if code, _, errs := runCmd("", args...); code != 2 || !strings.Contains(errs, "govreport") {
			t.Errorf("%v: exit %d, want 2 (%q)", args, code, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.csv")); err == nil {
		t.Error("a usage error wrote an output")
	}
	// -j4, -j 4, --jobs 4 and --jobs=4 are one flag; -o - writes to standard output.
	for _, j := range [][]string{{"-j4"}, {"-j", "4"}, {"--jobs", "4"}, {"--jobs=4"}} {
		args := append([]string{"convert", in, "-o", "-", "--format", "csv", "-q", "--in-process"}, j...)
		code, out, errs := runCmd("", args...)
		if code != 0 || !strings.HasPrefix(out, "\ufeffpath,sha256,") || !strings.Contains(out, "青岚县") {
			t.Errorf("%v: exit %d, stdout %.60q, stderr %q", j, code, out, errs)
		}
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("-o - wrote a file named -")
	}
	// Go's one-dash long flags still work.
	if code, out, _ := runCmd("", "parse", "-compact", "-timeout", "20s", in); code != 0 || strings.Count(out, "\n") != 1 {
		t.Errorf("parse -compact -timeout: exit %d", code)
	}
}
