package parser

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/govreport/govreport/parser/docerr"
)

// labelRows writes n rows that look like table rows (a numbered label, a
// few numbers): every one is weighed against the template's labels, which
// makes such a document slow to read whole (tens of seconds for n =
// 100,000) — a stand-in for the huge dumps a crawler can leave.
func labelRows(n int, row func(b *strings.Builder, i int)) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		row(&b, i)
	}
	return b.String()
}

// slowDocuments are documents whose reading takes far longer than the
// time budget of the test, one per adapter and shape.
func slowDocuments() map[string][]byte {
	title := "示例县政务服务中心2023年政府信息公开工作年度报告"
	text := title + "\n" + labelRows(100_000, func(b *strings.Builder, i int) {
		fmt.Fprintf(b, "（%d）其他处理事项\t%d\t3\t0\n", i, i)
	})
	page := "<html><head><title>" + title + "</title></head><body>" + labelRows(100_000, func(b *strings.Builder, i int) {
		fmt.Fprintf(b, "<p>（%d）其他处理事项 %d 3 0</p>", i, i)
	}) + "</body></html>"
	// Elements nested as deep as the HTML parser allows, many times over.
	nested := "<html><body>" + labelRows(4_000, func(b *strings.Builder, i int) {
		b.WriteString(strings.Repeat("<div>", 300) + "<span>（1）其他处理事项 1 3 0</span>" + strings.Repeat("</div>", 300))
	}) + "</body></html>"
	return map[string][]byte{"text": []byte(text), "html": []byte(page), "nested html": []byte(nested)}
}

// usage is the number of goroutines and the live heap after a collection.
func usage() (int, uint64) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return runtime.NumGoroutine(), m.HeapAlloc
}

// A document given up on stops being read: once the time budget has run
// out, its reading ends, so that the goroutines and the memory it used
// come back (a batch of slow files under --timeout used to go on reading
// every one of them in the background).
func TestTimedOutDocumentStopsReading(t *testing.T) {
	for name, src := range slowDocuments() {
		t.Run(name, func(t *testing.T) {
			g0, h0 := usage()
			_, err := New(WithTimeout(50*time.Millisecond)).Parse(name, src)
			if docerr.KindOf(err) != docerr.TooLarge || !strings.Contains(err.Error(), "took longer") {
				t.Fatalf("not given up on: %v", err)
			}
			// The reading stops at its next look at the context, within
			// milliseconds; the wait (up to 10 s, left as soon as the
			// counts are back) is only an upper bound for a loaded machine
			// running other packages' tests, far below a whole reading.
			g, h := usage()
			for i := 0; i < 500 && (g > g0 || h > h0+16<<20); i++ {
				time.Sleep(20 * time.Millisecond)
				g, h = usage()
			}
			if g > g0 {
				t.Errorf("%d goroutines still running after the reading was given up on (%d before)", g, g0)
			}
			if h > h0+16<<20 {
				t.Errorf("heap %d MiB after the reading was given up on, %d MiB before", h>>20, h0>>20)
			}
		})
	}
}

// A reading interrupted by its caller (Ctrl-C) says so and stops as well.
func TestInterruptedParse(t *testing.T) {
	src := slowDocuments()["text"]
	ctx, cancel := context.WithCancel(context.Background())
	g0, _ := usage()
	time.AfterFunc(20*time.Millisecond, cancel)
	_, err := New(WithTimeout(time.Hour)).ParseContext(ctx, "slow.txt", src)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("error %v, not an interruption", err)
	}
	g, _ := usage()
	for i := 0; i < 500 && g > g0; i++ {
		time.Sleep(20 * time.Millisecond)
		g, _ = usage()
	}
	if g > g0 {
		t.Errorf("%d goroutines still running after the reading was interrupted (%d before)", g, g0)
	}
}
