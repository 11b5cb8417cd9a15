package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/govreport/govreport/batch"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/serve"
)

const serveUsage = `Usage: govreport serve [--addr 127.0.0.1:8080] [--open] [FOLDER...]

Starts a local web workbench: drop reports on the page (or give folders to
read at start), look at every number beside where it was read, compare
reports and download the comparison as CSV or as one HTML page. The JSON
API is described in docs/SERVE.md. Each document is read in a worker
process with the limits of convert. Ctrl-C stops it.
`

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", serveUsage, stdout)
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on (only this computer by default; 0.0.0.0:8080 opens it to the network)")
	open := fs.Bool("open", false, "open the workbench in the web browser")
	timeout := fs.Duration("timeout", parser.DefaultTimeout, "time budget per document")
	maxMem := fs.String("max-memory", "2GiB", "memory budget per worker process")
	maxFile := fs.String("max-file", "50MiB", "largest document taken in an upload")
	maxFiles := fs.Int("max-files", 50, "documents taken in one upload")
	jobs := fs.IntP("jobs", "j", 0, "documents read at once (default: the number of CPUs)")
	scan := ocrFlags(fs)
	if code := parseFlags(fs, args, stderr); code >= 0 {
		return code
	}
	folders := fs.Args()
	mem, err := batch.ParseBytes(*maxMem)
	if err != nil {
		return usageError(stderr, "serve", fmt.Sprintf("--max-memory: %v", err))
	}
	fileBytes, err := batch.ParseBytes(*maxFile)
	if err != nil || fileBytes <= 0 {
		return usageError(stderr, "serve", fmt.Sprintf("--max-file: bad size %q", *maxFile))
	}
	for _, f := range folders {
		if _, err := os.Stat(f); err != nil {
			fmt.Fprintf(stderr, "govreport: %v\n", err)
			return 1
		}
	}
	s, err := serve.New(serve.Options{Addr: *addr, Folders: folders, Timeout: *timeout, MaxMemory: mem,
		MaxFileBytes: fileBytes, MaxFiles: *maxFiles, Workers: *jobs, OCR: *scan})
	if err != nil {
		fmt.Fprintf(stderr, "govreport: %v\n", err)
		return 1
	}
	defer s.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if h, _, err := net.SplitHostPort(*addr); err == nil {
		if ip := net.ParseIP(h); h != "localhost" && (ip == nil || !ip.IsLoopback()) {
			fmt.Fprintf(stderr, "govreport: listening on %s: other computers can reach the workbench and upload to it\n", *addr)
		}
	}
	err = s.ListenAndServe(ctx, func(a string) {
		url := "http://" + a + "/"
		fmt.Fprintf(stdout, "govreport: the workbench is at %s (Ctrl-C stops it)\n", url)
		if *open {
			if err := openBrowser(url); err != nil {
				fmt.Fprintf(stderr, "govreport: cannot open a browser (%v); open %s yourself\n", err, url)
			}
		}
	})
	if err != nil {
		fmt.Fprintf(stderr, "govreport: %v\n", err)
		return 1
	}
	return 0
}

// openBrowser asks the system to open url.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
