package recognize

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/parser/layout"
)

// Free text (sections 一, 五, 六) is handed back in the document's own
// characters, one paragraph a line. A PDF or a text dump breaks its
// paragraphs into lines of the page's width; those breaks are undone, and
// only those: a line that reaches the wrap width and does not end a
// sentence continues on the next, unless the next opens a heading or a
// numbered item. Web pages and Word files give paragraphs, kept as they are.

// proseLine is one line of a free-text section.
type proseLine struct {
	text string
	edge float64 // right edge: page position, or display columns
}

// freeText returns section k as free text.
func (st *state) freeText(k int) string {
	ls := st.proseLines(k)
	if len(ls) == 0 {
		return ""
	}
	wrap := st.wrapWidth()
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			p := ls[i-1]
			switch {
			case wrap > 0 && p.edge >= 0.85*wrap && carriesOn(p.text, l.text):
				if endsASCIILetter(p.text) && startsASCIILetter(l.text) {
					b.WriteByte(' ')
				}
			default:
				b.WriteByte('\n')
			}
		}
		b.WriteString(l.text)
	}
	return b.String()
}

// proseLines returns the non-table lines of section k with their text and
// right edge.
func (st *state) proseLines(k int) []proseLine {
	from, to := st.region(k)
	var out []proseLine
	for i := from; i < to; i++ {
		l := st.lines[i]
		if l.Table != 0 {
			continue
		}
		t := l.Prose()
		if t == "" {
			continue
		}
		out = append(out, proseLine{text: t, edge: rightEdge(l, t)})
	}
	return out
}

// rightEdge is where a line ends: the last cell's position when the
// format has positions, else the text's width in display columns.
func rightEdge(l layout.Line, t string) float64 {
	if n := len(l.Cells); n > 0 && l.Cells[n-1].HasX {
		return l.Cells[n-1].X1
	}
	w := 0.0
	for _, r := range t {
		if r >= 0x1100 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// wrapWidth returns the width at which the document wraps its paragraphs,
// or 0 when it does not: many lines of the free text end at the same
// right edge (at least three, and a third of them). Pages and copies that
// give a paragraph a line end their lines anywhere. Sections 一 and 五
// decide when they can: section 六 runs on into a page's footer, whose
// short lines say nothing of the wrap.
func (st *state) wrapWidth() float64 {
	if st.wrap != 0 {
		return max(st.wrap, 0)
	}
	st.wrap = -1
	if f := st.doc.Format; f != "pdf" && f != "text" {
		return 0
	}
	var edges []float64
	for _, k := range []int{secOverview, secProblems, secOther} {
		if k == secOther && len(edges) >= 6 {
			break
		}
		for _, l := range st.proseLines(k) {
			edges = append(edges, l.edge)
		}
	}
	w := 0.0
	for _, e := range edges {
		w = max(w, e)
	}
	full := 0
	for _, e := range edges {
		if e >= 0.9*w {
			full++
		}
	}
	if w > 0 && full >= 3 && full*3 >= len(edges) {
		st.wrap = w
	}
	return max(st.wrap, 0)
}

// itemStart matches a line that opens a heading, a numbered item or a
// date line: 一、 （一） (1) 1、 1. ① 第一， 2024年1月20日 2024-01-20.
var itemStart = regexp.MustCompile(`^(?:#|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d０-９]{1,3}[）)]|[\d０-９]{1,2}(?:[、)）]|[.．](?:$|[^\d０-９]))|[①-⑳]|第[一二三四五六七八九十]+[、，,]|[\d０-９]{4}\s*(?:年|[-/.．])\s*[\d０-９]{1,2}\s*(?:月|[-/.．])\s*[\d０-９]{1,2}\s*日?$)`)

// carriesOn reports whether the line after prev carries on prev's
// sentence: prev does not end one (。！？；： after any closing quote or
// bracket) and next opens no heading or item.
func carriesOn(prev, next string) bool {
	p := strings.TrimRight(prev, "”’」』）)】》〕\"' ")
	r, _ := utf8.DecodeLastRuneInString(p)
	if p == "" || strings.ContainsRune("。！？；：.!?;:…", r) {
		return false
	}
	return !itemStart.MatchString(next)
}

func endsASCIILetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z')
}

func startsASCIILetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z')
}
