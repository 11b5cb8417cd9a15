package stack

import "testing"

//go:noinline
func deep(n int) int {
	var pad [256]byte
	pad[n%len(pad)] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return deep(n-1) + int(pad[n%len(pad)])
}

// A goroutine that needs ~50 KB of stack, as a parse's goroutines do:
// grown by doubling, or at once by Grow (go test -bench . ./internal/stack).
func BenchmarkDeepGoroutine(b *testing.B) {
	for _, grow := range []bool{false, true} {
		name := "doubling"
		if grow {
			name = "grown"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				done := make(chan int)
				go func() {
					if grow {
						Grow()
					}
					done <- deep(180)
				}()
				<-done
			}
		})
	}
}

// Grow leaves the goroutine able to go on as deep as it likes.
func TestGrowThenDeeper(t *testing.T) {
	done := make(chan int)
	go func() {
		Grow()
		done <- deep(2000)
	}()
	if got := <-done; got != deep(2000) {
		t.Errorf("deep(2000) = %d after Grow, %d without", got, deep(2000))
	}
}
