package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func completionScript(t *testing.T, shell string) string {
	t.Helper()
	var so, se bytes.Buffer
	if code := run([]string{"completion", shell}, nil, &so, &se); code != 0 {
		t.Fatalf("completion %s exited %d: %s", shell, code, se.String())
	}
	return so.String()
}

// TestCompletionBash checks the bash script's syntax, then loads it and
// asks it for completions as bash would: every command, every flag of
// every command, and the values of --format.
func TestCompletionBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	script := filepath.Join(t.TempDir(), "govreport.bash")
	writeTestFile(t, script, []byte(completionScript(t, "bash")))
	if out, err := exec.Command(bash, "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v %s", err, out)
	}
	complete := func(words ...string) []string {
		t.Helper()
		// The words as typed, the last being completed.
		var q []string
		for _, w := range words {
			q = append(q, "'"+w+"'")
		}
		prog := "source " + script + "\nCOMP_WORDS=(govreport " + strings.Join(q, " ") + ")\nCOMP_CWORD=" +
			strconv.Itoa(len(words)) + "\n_govreport\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
		out, err := exec.Command(bash, "-c", prog).CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		got := strings.Fields(string(out))
		sort.Strings(got)
		return got
	}
	var names []string
	for name := range commands() {
		names = append(names, name)
	}
	names = append(names, "help", "version")
	sort.Strings(names)
	if got := complete(""); strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("commands: %v, want %v", got, names)
	}
	if got := complete("conv"); strings.Join(got, " ") != "convert" {
		t.Errorf("conv: %v", got)
	}
	for _, c := range completionModel() {
		if len(c.flags) == 0 {
			continue
		}
		got := strings.Join(complete(c.name, "-"), " ")
		for _, f := range c.flags {
			for _, s := range f.spellings() {
				if !strings.Contains(" "+got+" ", " "+s+" ") {
					t.Errorf("%s: flag %s not offered: %s", c.name, s, got)
				}
			}
		}
	}
	if got := strings.Join(complete("convert", "-f", ""), " "); got != "csv jsonl parquet sqlite xlsx" {
		t.Errorf("convert -f: %v", got)
	}
	if got := strings.Join(complete("convert", "x", "--shape", "l"), " "); got != "long" {
		t.Errorf("convert --shape l: %v", got)
	}
	if got := strings.Join(complete("completion", "f"), " "); got != "fish" {
		t.Errorf("completion f: %v", got)
	}
	if got := complete("convert", "-o", ""); len(got) != 0 {
		t.Errorf("convert -o should leave the file names to bash: %v", got)
	}
}

// Every value the scripts offer for a flag is one its help names, and so
// one the command takes.
func TestCompletionValuesAreTheFlags(t *testing.T) {
	for _, c := range completionModel() {
		for _, f := range c.flags {
			for _, v := range f.values {
				if !strings.Contains(f.usage, v) {
					t.Errorf("%s --%s: %q is not in its help %q", c.name, f.long, v, f.usage)
				}
			}
		}
	}
	n := 0
	for _, c := range completionModel() {
		for _, f := range c.flags {
			if f.values != nil {
				n++
			}
		}
	}
	if n != len(flagValues()) {
		t.Errorf("%d flags with values found, %d listed: a flag was renamed", n, len(flagValues()))
	}
}

// The other shells' scripts: checked for syntax where the shell is
// installed, and for listing every command everywhere.
func TestCompletionOtherShells(t *testing.T) {
	check := map[string][]string{"zsh": {"zsh", "-n"}, "fish": {"fish", "--no-execute"}}
	for _, shell := range []string{"zsh", "fish", "powershell"} {
		s := completionScript(t, shell)
		for _, c := range completionModel() {
			if !strings.Contains(s, c.name) {
				t.Errorf("%s: no command %s", shell, c.name)
			}
			for _, f := range c.flags {
				if !strings.Contains(s, f.long) {
					t.Errorf("%s: no flag --%s of %s", shell, f.long, c.name)
				}
			}
		}
		argv := check[shell]
		if argv == nil {
			continue
		}
		if _, err := exec.LookPath(argv[0]); err != nil {
			t.Logf("%s not installed: syntax not checked", shell)
			continue
		}
		p := filepath.Join(t.TempDir(), "script")
		os.WriteFile(p, []byte(s), 0o644)
		if out, err := exec.Command(argv[0], append(argv[1:], p)...).CombinedOutput(); err != nil {
			t.Errorf("%s: %v %s", shell, err, out)
		}
	}
	var so, se bytes.Buffer
	if code := run([]string{"completion", "tcsh"}, nil, &so, &se); code != 2 || !strings.Contains(se.String(), "unknown shell") {
		t.Errorf("an unknown shell: exit %d %s", code, se.String())
	}
	if code := run([]string{"completion"}, nil, &so, &se); code != 2 {
		t.Errorf("no shell: exit %d", code)
	}
	so.Reset()
	if code := run([]string{"help", "completion"}, nil, &so, &se); code != 0 || !strings.Contains(so.String(), "source <(govreport completion bash)") {
		t.Errorf("help completion: exit %d %s", code, so.String())
	}
}
