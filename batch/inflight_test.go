package batch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The bytes set aside wait for bytes given back, and a wait ends with its
// context.
func TestByteBudget(t *testing.T) {
	b := newByteBudget(10)
	if !b.acquire(context.Background(), 6) {
		t.Fatal("6 of 10 bytes refused")
	}
	got := make(chan bool)
	go func() { got <- b.acquire(context.Background(), 6) }()
	select {
	case <-got:
		t.Fatal("12 of 10 bytes given")
	case <-time.After(50 * time.Millisecond):
	}
	b.release(6)
	if !<-got {
		t.Fatal("6 bytes given back, and a wait for 6 still refused")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if b.acquire(ctx, 6) {
		t.Fatal("bytes given over the budget to a wait whose context ended")
	}
}

// The parent gives a document's bytes back as soon as its worker has them,
// not when the worker answers: here the worker never answers, and the
// bytes are back while it still works.
func TestBytesHandedBackBeforeTheAnswer(t *testing.T) {
	o := workerOptions(t, envTestHang+"=hang")
	s := &slot{argv: append(o.WorkerArgv, "--timeout", "1h"), env: o.WorkerEnv, deadline: time.Hour, timeout: time.Hour}
	defer s.close()
	ctx, cancel := context.WithCancel(context.Background())
	handed, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		s.run(ctx, "hang.txt", corpusFile(t, "text/tabs-2021-qinglan-county-2023.txt"), false, true, func() {
			select {
			case <-handed:
			default:
				close(handed)
			}
		})
	}()
	select {
	case <-handed:
	case <-done:
		t.Fatal("the worker answered a file it never finishes")
	}
	select {
	case <-done:
		t.Fatal("the bytes were given back only when the reading ended")
	default:
	}
	cancel()
	<-done
}

// With a budget smaller than any file, files are still read one after
// the other, whatever the number of jobs, each exactly once.
func TestSmallByteBudget(t *testing.T) {
	defer func(n int64) { maxInFlight = n }(maxInFlight)
	maxInFlight = 1 << 10
	dir := t.TempDir()
	names := []string{"text/tabs-2021-qinglan-county-2023.txt", "html/portal-2021-hailan-zone-2025.html"}
	for i, n := range names {
		put(t, filepath.Join(dir, "in", string(rune('a'+i))+filepath.Ext(n)), corpusFile(t, n))
	}
	o := workerOptions(t)
	o.Inputs, o.Output, o.Jobs = []string{filepath.Join(dir, "in")}, filepath.Join(dir, "out.jsonl"), 3
	sum, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(o.Output)
	if sum.Reports != len(names) || strings.Count(string(b), "\n") != len(names) {
		t.Errorf("%d reports, output:\n%.300s", sum.Reports, b)
	}
}
