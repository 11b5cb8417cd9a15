package recognize

import (
	"context"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/layout"
)

// ctxEvery is how many steps (lines looked at, mostly) the recognizer
// takes between two looks at its context: often enough to stop within
// milliseconds, seldom enough to cost nothing.
const ctxEvery = 256

// stopped is the panic that unwinds a recognition whose context ended;
// RecognizeContext recovers it.
type stopped struct{ err error }

// check counts one step and, every ctxEvery steps, stops the recognition
// when the context has ended.
func (st *state) check() {
	if st.steps++; st.steps%ctxEvery == 0 {
		st.checkNow()
	}
}

// checkNow stops the recognition when the context has ended, between two
// phases or before a costly search.
func (st *state) checkNow() {
	if st.ctx == nil {
		return
	}
	if err := st.ctx.Err(); err != nil {
		panic(stopped{err})
	}
}

// RecognizeContext is Recognize stopped early, with ctx's error, when ctx
// ends: a document given up on (a time budget, Ctrl-C) stops using CPU
// and memory instead of being read on in the background.
func RecognizeContext(ctx context.Context, doc *layout.Document) (r *model.Report, err error) {
	defer func() {
		if x := recover(); x != nil {
			s, ok := x.(stopped)
			if !ok {
				panic(x)
			}
			r, err = nil, s.err
		}
	}()
	return recognize(ctx, doc)
}

// context is the recognition's context (a state made without one never
// stops).
func (st *state) context() context.Context {
	if st.ctx == nil {
		return context.Background()
	}
	return st.ctx
}
