package audit

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/internal/runefilter"
)

// A startRe finds a pattern's matches by trying it, anchored, only where
// a match can start: at a character that can open it (or at the start of
// the text when the pattern opens with ^). The claim patterns open with
// alternations, which leave the regexp engine no literal to skip by, so
// it tried every position of every sentence (a tenth of a text parse).
// The results are FindAllStringSubmatchIndex's (the test holds them to
// it); a pattern the analysis cannot bound falls back to the regexp.
type startRe struct {
	orig *lazyre.Regexp
	uses atomic.Int32 // searches made with orig before the analysis
	once sync.Once
	// Set by once:
	fallback bool           // try orig itself
	atStart  bool           // a match may open with ^ (position 0 only)
	first    []rune         // pairs lo, hi: the characters a match can open with
	lead     [256]bool      // the first bytes of those characters
	at0, atN *regexp.Regexp // \A(?:pattern), and without ^ for positions after 0
	// prefixes, when known, are strings one of which every match opens
	// with (at positions after 0): a closer filter than first.
	prefixes []string
	// low has the low 12 bits of the prefixes' first characters when
	// three bytes long (the lead byte leaves most of CJK); lowAll lets
	// every non-ASCII character through.
	low    runefilter.Set
	lowAll bool
}

func newStartRe(expr string) *startRe { return &startRe{orig: lazyre.New(expr)} }

// warmUses is how many searches a pattern makes with the plain regexp
// before it is analysed. The analysis and its two compiles cost more than
// the few hundred sentences of one report gain from them (+1.4 ms for a
// one-file parse); a batch passes this within its first reports.
const warmUses = 1000

// analysed reports whether the searches go by the analysis: after
// warmUses searches, and when the pattern could be analysed.
func (x *startRe) analysed() bool {
	if x.uses.Load() < warmUses {
		x.uses.Add(1)
		return false
	}
	x.init()
	return !x.fallback
}

func (x *startRe) String() string { return x.orig.String() }

// SubexpIndex is the pattern's: wrapping it in \A(?:…) keeps its groups,
// so the indices hold for the analysed searches too.
func (x *startRe) SubexpIndex(name string) int { return x.orig.SubexpIndex(name) }

func (x *startRe) init() {
	x.once.Do(func() {
		re, err := syntax.Parse(x.orig.String(), syntax.Perl)
		if err != nil {
			panic(err)
		}
		var fs firstSet
		if !fs.of(re) || fs.nullable || len(fs.ranges) == 0 && !fs.atStart {
			x.fallback = true
			return
		}
		x.atStart, x.first = fs.atStart, fs.ranges
		for i := 0; i < len(x.first); i += 2 {
			lo, hi := x.first[i], x.first[i+1]
			if hi-lo > 256 || lo <= utf8.RuneError && utf8.RuneError <= hi {
				x.fallback = true // too wide to list, or an invalid byte may open a match
				return
			}
			var b [utf8.UTFMax]byte
			for r := lo; r <= hi; r++ {
				utf8.EncodeRune(b[:], r)
				x.lead[b[0]] = true
			}
		}
		if ps, _ := literalPrefixes(re); len(ps) > 0 && !slices.Contains(ps, "") {
			// Two characters tell most positions apart; a long list
			// would cost more to test than the regexp it spares.
			x.prefixes = shortest(cut(ps, 2))
			if len(x.prefixes) > 8 {
				x.prefixes = shortest(cut(ps, 1))
			}
			x.lead = [256]bool{}
			for _, p := range x.prefixes {
				x.lead[p[0]] = true
				if len(p) >= 3 && p[0] >= 0xE0 && p[0] < 0xF0 {
					r, _ := utf8.DecodeRuneInString(p)
					x.low.Add(r)
				} else if p[0] >= 0x80 {
					x.lowAll = true
				}
			}
		}
		// Compiled once only when the pattern has no ^ (the usual case:
		// a pattern is compiled on first use, in a one-file process too).
		// From the pattern's own text: syntax's String folds the case of
		// every character of a negated class (ten times the compile).
		x.at0 = regexp.MustCompile(`\A(?:` + x.orig.String() + `)`)
		x.atN = x.at0
		if noBegin(re) {
			x.atN = regexp.MustCompile(`\A(?:` + re.String() + `)`)
		}
	})
}

// noBegin makes ^ match nowhere: a match tried at a position after the
// text's start may not open with it.
// It reports whether re had a ^.
func noBegin(re *syntax.Regexp) bool {
	had := re.Op == syntax.OpBeginText
	if had {
		re.Op = syntax.OpNoMatch
	}
	for _, s := range re.Sub {
		had = noBegin(s) || had
	}
	return had
}

// firstSet gathers the characters a pattern's matches can open with.
type firstSet struct {
	ranges   []rune
	nullable bool // the pattern can match the empty string
	atStart  bool
}

// of adds re's first characters; false when re holds what the analysis
// does not model (case folding, line anchors, word boundaries, any char).
func (f *firstSet) of(re *syntax.Regexp) bool {
	f.nullable = false
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return false
		}
		f.ranges = append(f.ranges, re.Rune[0], re.Rune[0])
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return true // matches nothing
		}
		f.ranges = append(f.ranges, re.Rune...)
	case syntax.OpEmptyMatch:
		f.nullable = true
	case syntax.OpBeginText:
		f.atStart = true // the rest of the match opens at position 0 only
	case syntax.OpCapture:
		return f.of(re.Sub[0])
	case syntax.OpQuest, syntax.OpStar:
		if !f.of(re.Sub[0]) {
			return false
		}
		f.nullable = true
	case syntax.OpPlus:
		return f.of(re.Sub[0])
	case syntax.OpRepeat:
		if !f.of(re.Sub[0]) {
			return false
		}
		f.nullable = f.nullable || re.Min == 0
	case syntax.OpConcat:
		f.nullable = true
		for _, s := range re.Sub {
			if !f.of(s) {
				return false
			}
			if !f.nullable {
				break
			}
		}
	case syntax.OpAlternate:
		any := false
		for _, s := range re.Sub {
			if !f.of(s) {
				return false
			}
			any = any || f.nullable
		}
		f.nullable = any
	default:
		return false
	}
	return true
}

// FindAllStringSubmatchIndex is the regexp's, with n < 0.
func (x *startRe) FindAllStringSubmatchIndex(s string) [][]int {
	if !x.analysed() {
		return x.orig.FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	for pos := 0; pos < len(s) || pos == 0 && x.atStart; {
		m := x.findFrom(s, pos)
		if m == nil {
			break
		}
		out = append(out, m)
		pos = m[1] // matches are never empty
	}
	return out
}

// findFrom is the leftmost match that starts at pos or after.
func (x *startRe) findFrom(s string, pos int) []int {
	if pos == 0 && x.atStart {
		if m := x.at0.FindStringSubmatchIndex(s); m != nil {
			return m
		}
	}
	for i := pos; i < len(s); i++ {
		// A character a match opens with starts at a byte that no other
		// character contains, so the regexp's steps reach it.
		if !x.lead[s[i]] {
			continue
		}
		if x.prefixes != nil {
			if s[i] >= 0xE0 && s[i] < 0xF0 && !x.lowAll && i+2 < len(s) {
				if !x.low.MayAt(s, i) {
					continue
				}
			}
			if !hasAnyPrefix(s[i:], x.prefixes) {
				continue
			}
		} else if r, _ := utf8.DecodeRuneInString(s[i:]); !x.opens(r) {
			continue
		}
		re := x.atN
		if i == 0 {
			re = x.at0
		}
		if m := re.FindStringSubmatchIndex(s[i:]); m != nil {
			for k := range m {
				if m[k] >= 0 {
					m[k] += i
				}
			}
			return m
		}
	}
	return nil
}

// cut shortens each of ps to its first n characters.
func cut(ps []string, n int) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		end, k := 0, 0
		for end < len(p) && k < n {
			_, size := utf8.DecodeRuneInString(p[end:])
			end += size
			k++
		}
		out[i] = p[:end]
	}
	return out
}

// shortest drops each prefix that another one opens: a match that opens
// with the longer one opens with the shorter, which is all the filter
// tests.
func shortest(ps []string) []string {
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(a, b string) int { return len(a) - len(b) })
	var out []string
	for _, p := range ps {
		if !hasAnyPrefix(p, out) {
			out = append(out, p)
		}
	}
	return out
}

func hasAnyPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// maxPrefixes bounds the prefixes of a pattern (optional words multiply
// them).
const maxPrefixes = 64

// literalPrefixes returns strings one of which every match of re opens
// with, at a position after the text's start (a branch that opens with ^
// adds none: position 0 is always tried), and whether they are whole
// matches of re (so that what follows may extend them).
func literalPrefixes(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return []string{""}, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == maxPrefixes {
					return []string{""}, false
				}
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpBeginText:
		return nil, true // matches nowhere after position 0
	case syntax.OpCapture:
		return literalPrefixes(re.Sub[0])
	case syntax.OpQuest:
		ps, whole := literalPrefixes(re.Sub[0])
		return append(slices.Clip(ps), ""), whole
	case syntax.OpAlternate:
		var out []string
		whole := true
		for _, sub := range re.Sub {
			ps, w := literalPrefixes(sub)
			out = append(out, ps...)
			whole = whole && w
		}
		if len(out) > maxPrefixes {
			return []string{""}, false
		}
		return out, whole
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			ps, whole := literalPrefixes(sub)
			if len(out)*len(ps) > maxPrefixes {
				return out, false
			}
			var next []string
			for _, a := range out {
				for _, b := range ps {
					next = append(next, a+b)
				}
			}
			out = next
			if !whole {
				return out, false
			}
		}
		return out, true
	}
	return []string{""}, false // anything else: no known prefix
}

func (x *startRe) opens(r rune) bool {
	for i := 0; i < len(x.first); i += 2 {
		if x.first[i] <= r && r <= x.first[i+1] {
			return true
		}
	}
	return false
}

// deleteAll is ReplaceAllString(s, "").
func (x *startRe) deleteAll(s string) string {
	ms := x.FindAllStringSubmatchIndex(s)
	if len(ms) == 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	at := 0
	for _, m := range ms {
		b = append(b, s[at:m[0]]...)
		at = m[1]
	}
	return string(append(b, s[at:]...))
}
