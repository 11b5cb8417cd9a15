// Package stack sizes a goroutine's stack ahead of deep work.
package stack

// Grow gives the calling goroutine a stack of 64 KB at once, while the
// stack is still shallow. A goroutine starts with 2 KB and doubles its
// stack when it runs out, copying it and adjusting every frame's pointers
// each time: a parse's goroutines reach 64 KB through four such copies of
// ever deeper stacks, and in a fresh process each one also decodes the
// functions' stack maps for the first time. The runtime only shrinks a
// stack during garbage collection, so the room stays for the work that
// follows.
func Grow() {
	grow()
}

// grow's frame is larger than 32 KB, so its call makes the runtime double
// a small stack until the frame fits: once, to 64 KB.
//
//go:noinline
func grow() {
	var room [40 << 10]byte
	keep(room[:])
}

//go:noinline
func keep([]byte) {}
