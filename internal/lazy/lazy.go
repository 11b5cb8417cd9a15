// Package lazy holds values built on first use without package
// initialisation: a package-level sync.OnceValue(f) is a call, so the
// package gets an init task that runs (and touches its code and data pages)
// in every process, `govreport help` included. A zero Value is static data.
package lazy

import (
	"strings"
	"sync"
)

// Value is a value built once, by the first Get, and shared afterwards.
// Declare it as a zero variable and pass the same builder on every call:
//
//	var tableV lazy.Value[map[string]int]
//	func table() map[string]int { return tableV.Get(buildTable) }
type Value[T any] struct {
	once sync.Once
	v    T
}

// Get returns the value, building it with build on the first call.
func (l *Value[T]) Get(build func() T) T {
	l.once.Do(func() { l.v = build() })
	return l.v
}

// Replacer is a strings.Replacer built on first use. Declare it as
// &lazy.Replacer{Pairs: []string{old, new, ...}}, which is static data; a
// package-level strings.NewReplacer(...) is a call run at initialisation.
type Replacer struct {
	Pairs []string // old, new pairs, as strings.NewReplacer takes them
	once  sync.Once
	r     *strings.Replacer
}

// Replace is strings.Replacer's Replace.
func (l *Replacer) Replace(s string) string {
	l.once.Do(func() { l.r = strings.NewReplacer(l.Pairs...) })
	return l.r.Replace(s)
}
