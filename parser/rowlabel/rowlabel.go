// Package rowlabel matches a table 三 row label that no phrase of the
// template recognises (a typo, a variant wording: 属于行政执法案件 for
// 属于行政执法案卷) by the two things a misprint leaves intact: the row's
// printed number and its place in the template, and most of its
// characters. Both must agree; a label that is merely similar, or merely
// numbered right, matches nothing. The cell-by-cell reader and the
// digit-run reader use the same rules.
package rowlabel

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazy"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/textnorm"
)

// MinPlaced is the similarity a label numbered and placed as a template
// row must reach to be taken for it. One misprinted character in a label
// of five or more characters stays above it; two labels that share only
// their frame (属于行政…事项) stay below.
const MinPlaced = 0.6

// Numbering splits the printed number off a label in comparison form
// (textnorm.Label) and returns it normalised: "7." for 7. 7、 (7);
// "(一)" for （一）; "一、" for 一、 or 一. — and the rest of the label.
// A label without a number returns "" and the label.
//
// The numbers read are those of the pattern
// ^(?:(\d{1,2})\s*[.、,．]|\((\d{1,2})\)|([一二三四五六七八九十]{1,2})\s*[、.,．]|\(([一二三四五六七八九十]{1,2})\)),
// in plain code: the pattern was compiled in every parse.
func Numbering(label string) (num, rest string) {
	s := label
	paren := strings.HasPrefix(s, "(")
	if paren {
		s = s[1:]
	}
	n, chinese := leadingNumber(s)
	if n == 0 {
		return "", label
	}
	digits, s := s[:n], s[n:]
	if paren {
		if !strings.HasPrefix(s, ")") {
			return "", label
		}
		rest = strings.TrimSpace(s[1:])
		if chinese {
			return "(" + digits + ")", rest
		}
		return digits + ".", rest
	}
	s = strings.TrimLeft(s, " \t\n\f\r") // \s
	for _, sep := range []string{".", "、", ",", "．"} {
		if strings.HasPrefix(s, sep) {
			rest = strings.TrimSpace(s[len(sep):])
			if chinese {
				return digits + "、", rest
			}
			return digits + ".", rest
		}
	}
	return "", label
}

// leadingNumber is the length in bytes of the one or two ASCII digits, or
// one or two Chinese numerals 一…十, that s opens with, when no third
// follows; 0 otherwise.
func leadingNumber(s string) (n int, chinese bool) {
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n > 2 {
			return 0, false
		}
		return n, false
	}
	count := 0
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if r == utf8.RuneError || !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		n += w
		count++
	}
	if count > 2 {
		return 0, true
	}
	return n, true
}

// groupPrefixes are the group labels a grid or a dump may print in front
// of a row's own label.
var groupPrefixes = []string{"三、本年度办理结果", "本年度办理结果", "(三)不予公开", "(四)无法提供", "(五)不予处理", "(六)其他处理"}

// Split takes the group labels and the row's own number off a label in
// comparison form. group is the last group label found in front ("" when
// none), num the normalised number of the row, core the words.
func Split(label string) (group, num, core string) {
	for {
		cut := false
		for _, g := range groupPrefixes {
			if strings.HasPrefix(label, g) {
				label = strings.TrimSpace(label[len(g):])
				if strings.HasPrefix(g, "(") {
					group = g
				}
				cut = true
			}
		}
		if !cut {
			break
		}
	}
	num, core = Numbering(label)
	return group, num, core
}

// Unmatched reports whether a numbered label in comparison form that
// matched no row is worth a warning: not a group label nor a piece of
// one (a converter's shred such as (四)无), and with words of its own.
func Unmatched(label string) bool {
	for _, g := range groupPrefixes {
		if strings.HasPrefix(g, label) || strings.HasPrefix(label, g) {
			return false
		}
	}
	_, _, core := Split(label)
	return utf8.RuneCountInString(core) >= 2
}

// Similarity is the Sørensen–Dice coefficient of the character pairs of a
// and b: 1 for equal labels, 0 for labels sharing no adjacent pair.
func Similarity(a, b string) float64 {
	var ba, bb [64]uint64
	return diceOf(bigramsInto(ba[:0], a), bigramsInto(bb[:0], b))
}

// bigramSet is Bigrams as a sorted slice of distinct pairs (a pair packed
// in a uint64): building and comparing it costs no map.
type bigramSet []uint64

func bigramsOf(s string) bigramSet { return bigramsInto(make(bigramSet, 0, len(s)/2), s) }

// bigramsInto is bigramsOf appending to out: the sets compared and
// dropped (a label against its candidates) use a buffer on the stack.
func bigramsInto(out bigramSet, s string) bigramSet {
	prev, first := rune(0), true
	for _, r := range s { // the runes of []rune(s), bad bytes included
		if !first {
			out = append(out, uint64(uint32(prev))<<32|uint64(uint32(r)))
		}
		prev, first = r, false
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// diceOf is Dice of two sets built by bigramsOf.
func diceOf(a, b bigramSet) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// Bigrams returns the set of adjacent character pairs of s.
func Bigrams(s string) map[[2]rune]bool {
	rs := []rune(s)
	out := make(map[[2]rune]bool, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		out[[2]rune{rs[i], rs[i+1]}] = true
	}
	return out
}

// Dice is the Sørensen–Dice coefficient of two bigram sets.
func Dice(a, b map[[2]rune]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// tplRow is a template row in comparison form.
type tplRow struct {
	key, group, num, core string
	bigrams               bigramSet // of core
}

// tplRows is built on first use, not at start-up.
var tplRowsV lazy.Value[[]tplRow]

func tplRows() []tplRow { return tplRowsV.Get(buildTplRows) }

func buildTplRows() []tplRow {
	var out []tplRow
	for _, r := range model.ApplicationRows {
		_, num, core := Split(textnorm.Label(r.Label))
		out = append(out, tplRow{key: r.Key, group: textnorm.Label(r.Group), num: num, core: core, bigrams: bigramsOf(core)})
	}
	return out
}

// Core returns the template wording of row key without its number, in
// comparison form ("属于行政执法案卷"), or "".
func Core(key string) string {
	for _, r := range tplRows() {
		if r.key == key {
			return r.core
		}
	}
	return ""
}

// Number returns the normalised printed number of row key ("7.", "(一)").
func Number(key string) string {
	for _, r := range tplRows() {
		if r.key == key {
			return r.num
		}
	}
	return ""
}

// Application returns the table 三 row that label (comparison form) is a
// variant of, and how similar the two are. The label's number must be the
// row's, and the row must be where the label stands: the first row of
// that number after the row read before it (after; "" when none was),
// inside the group printed in front of it if one is. The words must then
// reach MinPlaced. Without a row read before it, a number shared by
// several groups (1. under （三）, （四）, （五）, （六）) is settled by
// similarity only when one candidate is clearly the closest. It returns
// "" when nothing agrees.
func Application(label, after string) (string, float64) {
	group, num, core := Split(label)
	if num == "" || utf8.RuneCountInString(core) < 2 {
		return "", 0
	}
	from := -1
	if after != "" {
		for i, r := range tplRows() {
			if r.key == after {
				from = i
			}
		}
	}
	var cands []tplRow
	for i, r := range tplRows() {
		if r.num != num || (group != "" && r.group != group) {
			continue
		}
		if from >= 0 && i <= from {
			continue
		}
		cands = append(cands, r)
		if from >= 0 {
			break // the first of that number after the previous row
		}
	}
	best, second, key := 0.0, 0.0, ""
	var buf [64]uint64
	bg := bigramsInto(buf[:0], core)
	for _, r := range cands {
		d := diceOf(bg, r.bigrams) // Similarity(core, r.core)
		switch {
		case d > best:
			best, second, key = d, best, r.key
		case d > second:
			second = d
		}
	}
	if best < MinPlaced || (len(cands) > 1 && best-second < 0.2) {
		return "", best
	}
	return key, best
}

// Near returns, among the candidate labels (key → wording in comparison
// form), the one closest to label when it reaches min and beats every
// other by margin; "" otherwise. It matches unnumbered labels (table 二's
// rows and headers) once the caller has narrowed the candidates to those
// the label's place allows.
func Near(label string, cands map[string]string, min, margin float64) string {
	best, second, key := 0.0, 0.0, ""
	var bufL, bufC [64]uint64
	la := bigramsInto(bufL[:0], label) // once, not once per candidate
	for k, c := range cands {
		d := diceOf(la, bigramsInto(bufC[:0], c))
		switch {
		case d > best:
			best, second, key = d, best, k
		case d > second:
			second = d
		}
	}
	if best >= min && best-second >= margin {
		return key
	}
	return ""
}
