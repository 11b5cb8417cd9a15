package batch

import (
	"context"
	"os"
	"sync"
)

// maxInFlight bounds the bytes of documents the parent holds at once. The
// parent hands each worker the very bytes it hashed (so that a file
// changed meanwhile is never parsed as another content and stored under
// the first one's hash), so it must hold a file whole while it hashes and
// sends it; this bound keeps --jobs files of the size limit from adding
// up. It is above the parser's size limit, so that any file it accepts
// fits, and a file waits only for the bytes of others to be handed over.
var maxInFlight int64 = 256 << 20

// byteBudget is a counting semaphore of bytes.
type byteBudget struct {
	mu   sync.Mutex
	free int64
	wake chan struct{} // closed and replaced when bytes are released
}

func newByteBudget(n int64) *byteBudget {
	return &byteBudget{free: n, wake: make(chan struct{})}
}

// acquire waits for n bytes, or for ctx to end (false).
func (b *byteBudget) acquire(ctx context.Context, n int64) bool {
	for {
		b.mu.Lock()
		if b.free >= n {
			b.free -= n
			b.mu.Unlock()
			return true
		}
		wake := b.wake
		b.mu.Unlock()
		select {
		case <-wake:
		case <-ctx.Done():
			return false
		}
	}
}

func (b *byteBudget) release(n int64) {
	b.mu.Lock()
	b.free += n
	close(b.wake)
	b.wake = make(chan struct{})
	b.mu.Unlock()
}

// reservation is the bytes to set aside before reading path: its size
// when it is a regular file, else (a pipe, a device: size unknown) the
// whole budget, and never more than the budget.
func reservation(path string, budget int64) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0 // the reading fails at once, with its own error
	}
	if !st.Mode().IsRegular() || st.Size() > budget {
		return budget
	}
	return st.Size()
}
