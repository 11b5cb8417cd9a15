// Command procbench times whole processes: start-up, loading and exit
// included, which a go test benchmark does not see. The commands run
// alternately, one round after another, so that a neighbour's load falls on
// all of them alike; it prints the median wall time and the median user+sys
// CPU time of each, and their ratio to the first command.
//
//	go run ./scripts/bench/procbench [flags] start
//	    an empty Go program (built into a temporary folder) against `govreport help`
//	go run ./scripts/bench/procbench [flags] parse FILE...
//	    per file: `pdftotext -layout FILE /dev/null` against `govreport parse FILE`
//	go run ./scripts/bench/procbench [flags] cmd 'CMD A' 'CMD B'...
//	    any commands (split on spaces; no shell)
//
// -bin names the govreport binary (default: built from ./cmd/govreport into
// the temporary folder, with CGO_ENABLED=0 as README installs it); -base adds a second binary (say, a build of the
// base commit) run beside it in every preset, for before/after figures.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 21, "rounds (each command runs once a round)")
	bin := flag.String("bin", "", "govreport binary (default: build ./cmd/govreport)")
	base := flag.String("base", "", "a second govreport binary to run beside -bin (before/after)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: procbench [-n N] [-bin BIN] [-base BIN] start | parse FILE... | cmd 'CMD'...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() < 1 {
		flag.Usage()
		os.Exit(2)
	}
	tmp, err := os.MkdirTemp("", "procbench")
	check(err)
	defer os.RemoveAll(tmp)

	gr := func() []string {
		if *bin == "" {
			*bin = filepath.Join(tmp, "govreport")
			build(*bin, "./cmd/govreport")
		}
		bins := []string{*bin}
		if *base != "" {
			bins = append(bins, *base)
		}
		return bins
	}
	var groups [][][]string // each group is timed together and printed as one table
	switch args := flag.Args()[1:]; flag.Arg(0) {
	case "start":
		empty := filepath.Join(tmp, "empty")
		src := filepath.Join(tmp, "empty.go")
		check(os.WriteFile(src, []byte("package main\n\nimport \"os\"\n\nfunc main() { os.Stdout.WriteString(\"\") }\n"), 0o644))
		build(empty, src)
		g := [][]string{{empty}}
		for _, b := range gr() {
			g = append(g, []string{b, "help"})
		}
		groups = append(groups, g)
	case "parse":
		if len(args) == 0 {
			fatal("parse needs at least one file")
		}
		bins := gr()
		for _, f := range args {
			g := [][]string{{"pdftotext", "-layout", f, "/dev/null"}}
			if !strings.HasSuffix(strings.ToLower(f), ".pdf") {
				g = nil
			}
			for _, b := range bins {
				g = append(g, []string{b, "parse", f})
			}
			groups = append(groups, g)
		}
	case "cmd":
		var g [][]string
		for _, c := range args {
			g = append(g, strings.Fields(c))
		}
		groups = append(groups, g)
	default:
		flag.Usage()
		os.Exit(2)
	}
	for i, g := range groups {
		if i > 0 {
			fmt.Println()
		}
		report(g, run(g, *n))
	}
}

type times struct{ wall, cpu []float64 }

// run runs the commands of g n times each, alternating, after one round
// that is not counted (it loads the binaries into the page cache).
func run(g [][]string, n int) []times {
	t := make([]times, len(g))
	for r := -1; r < n; r++ {
		for j, argv := range g {
			cmd := exec.Command(argv[0], argv[1:]...) // stdout and stderr to /dev/null
			start := time.Now()
			if err := cmd.Run(); err != nil {
				fatal(strings.Join(argv, " ") + ": " + err.Error())
			}
			if r < 0 {
				continue
			}
			ps := cmd.ProcessState
			t[j].wall = append(t[j].wall, ms(time.Since(start)))
			t[j].cpu = append(t[j].cpu, ms(ps.UserTime()+ps.SystemTime()))
		}
	}
	return t
}

func report(g [][]string, t []times) {
	fmt.Printf("%d rounds; medians   %9s %9s %7s %7s\n", len(t[0].wall), "wall ms", "CPU ms", "wall×", "CPU×")
	w0, c0 := median(t[0].wall), median(t[0].cpu)
	for j, argv := range g {
		w, c := median(t[j].wall), median(t[j].cpu)
		fmt.Printf("  %-50s %9.1f %9.1f %7.2f %7.2f\n", short(argv), w, c, w/w0, c/c0)
	}
}

// short names a command by its program's base name and its arguments'.
func short(argv []string) string {
	s := make([]string, len(argv))
	for i, a := range argv {
		s[i] = filepath.Base(a)
	}
	return strings.Join(s, " ")
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// build compiles pkg (a package path or a .go file) into out as README
// installs govreport: CGO_ENABLED=0 unless the environment sets it (the
// default, dynamically linked build starts ~3–7 ms slower).
func build(out, pkg string) {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if _, set := os.LookupEnv("CGO_ENABLED"); !set {
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	}
	if err := cmd.Run(); err != nil {
		fatal("go build " + pkg + ": " + err.Error())
	}
}

func check(err error) {
	if err != nil {
		fatal(err.Error())
	}
}

func fatal(msg string) {
	fmt.Fprintln(os.Stderr, "procbench:", msg)
	os.Exit(1)
}
