package batch

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress shows how far a batch is: on a terminal one line redrawn in
// place, otherwise a plain line every few seconds.
type progress struct {
	w        io.Writer
	tty      bool
	total    int
	start    time.Time
	mu       sync.Mutex
	done     int // files finished, cached ones included
	cached   int // files found in the state file
	failed   int
	stop     chan struct{}
	stopped  chan struct{}
	lastLine string
}

func newProgress(w io.Writer, tty bool, total int) *progress {
	p := &progress{w: w, tty: tty, total: total, start: time.Now(), stop: make(chan struct{}), stopped: make(chan struct{})}
	if w == nil {
		close(p.stopped)
		return p
	}
	every := 5 * time.Second
	if tty {
		every = 200 * time.Millisecond
	}
	go func() {
		defer close(p.stopped)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.draw(false)
			case <-p.stop:
				p.draw(true)
				return
			}
		}
	}()
	return p
}

func (p *progress) add(cached, failed bool) {
	p.mu.Lock()
	p.done++
	if cached {
		p.cached++
	}
	if failed {
		p.failed++
	}
	p.mu.Unlock()
}

func (p *progress) finish() {
	select {
	case <-p.stopped:
	default:
		close(p.stop)
		<-p.stopped
	}
}

func (p *progress) draw(final bool) {
	p.mu.Lock()
	st := progressState{Done: p.done, Cached: p.cached, Failed: p.failed, Total: p.total, Elapsed: time.Since(p.start)}
	p.mu.Unlock()
	if p.tty {
		line := st.Bar(40)
		if final {
			fmt.Fprintf(p.w, "\r%s\x1b[K\n", line)
		} else if line != p.lastLine {
			fmt.Fprintf(p.w, "\r%s\x1b[K", line)
		}
		p.lastLine = line
		return
	}
	if !final && st.Done < st.Total {
		fmt.Fprintf(p.w, "govreport: %s\n", st.Plain())
	}
}

// progressState is a snapshot of the counters, formatted without a clock
// of its own so that tests can check the text.
type progressState struct {
	Done, Cached, Failed, Total int
	Elapsed                     time.Duration
}

// rate is the files read per second in this run (files found in the state
// file do not count).
func (s progressState) rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Done-s.Cached) / s.Elapsed.Seconds()
}

func (s progressState) eta() string {
	r := s.rate()
	if r <= 0 || s.Done >= s.Total {
		return "--:--"
	}
	d := time.Duration(float64(s.Total-s.Done) / r * float64(time.Second)).Round(time.Second)
	h, m, sec := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, sec)
	}
	return fmt.Sprintf("%02d:%02d", m, sec)
}

func (s progressState) percent() int {
	if s.Total == 0 {
		return 100
	}
	return s.Done * 100 / s.Total
}

// Bar is the terminal line: [#####.....] 1234/5000  24%  812 files/s  ETA 00:05  3 failed
func (s progressState) Bar(width int) string {
	filled := width
	if s.Total > 0 {
		filled = s.Done * width / s.Total
	}
	return fmt.Sprintf("[%s%s] %d/%d %3d%%  %.0f files/s  ETA %s  %d failed",
		strings.Repeat("#", filled), strings.Repeat(".", width-filled),
		s.Done, s.Total, s.percent(), s.rate(), s.eta(), s.Failed)
}

// Plain is the line written when standard error is not a terminal.
func (s progressState) Plain() string {
	return fmt.Sprintf("%d/%d files (%d%%), %.0f files/s, ETA %s, %d failed",
		s.Done, s.Total, s.percent(), s.rate(), s.eta(), s.Failed)
}
