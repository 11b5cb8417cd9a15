package recognize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
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
// right edge: from the end of its heading to the start of the next
// heading found, which in a one-line dump stand inside one line.
func (st *state) proseLines(k int) []proseLine {
	// wrapWidth reads every free-text section's lines, freeText each one
	// again: they are the same lines (the marks and running lines are
	// settled by textMarks), read once.
	if st.proseDone[k] {
		return st.proseOf[k]
	}
	out := st.readProseLines(k)
	st.proseOf[k], st.proseDone[k] = out, true
	return out
}

func (st *state) readProseLines(k int) []proseLine {
	m := st.textMarks()
	if !m[k].ok {
		return nil
	}
	endLine, endOff := len(st.lines), 0
	if n := st.nextMark(k); n != nil {
		endLine, endOff = n.line, n.start
	}
	var out []proseLine
	for i := m[k].line; i <= endLine && i < len(st.lines); i++ {
		l := &st.lines[i]
		if l.Table != 0 {
			continue
		}
		t := st.lineText(i)
		from, to := 0, len(t)
		if i == m[k].line {
			from = m[k].end
		}
		if i == endLine {
			to = endOff
		}
		if from >= to {
			continue
		}
		piece := strings.TrimSpace(t[from:to])
		if i == m[k].line {
			piece = strings.TrimLeft(piece, " #*：:") // what the heading leaves: 事项：无
		}
		if piece == "" {
			continue
		}
		if st.running[i] {
			piece = breakItems(piece)
		}
		out = append(out, proseLine{text: piece, edge: rightEdge(l, t)})
	}
	return out
}

// itemAfterSentence finds a numbered item that opens after a full stop:
// （二）… or 2.… in a dump that lost the line breaks. Published pages
// start such an item on a line of its own; inside a sentence (包括：
// （一）…；（二）…) it stays where it is, and so does a number (。1.5万).
var itemAfterSentence = lazyre.New(itemAfterSentenceExpr)

// (A constant, so that both patterns are static data.)
const itemAfterSentenceExpr = `[。！？!?] *(?:[（(][一二三四五六七八九十]{1,3}[）)]|[1-9][0-9]?[.、．][^0-9])`

// itemAfterSentenceAt is itemAfterSentence anchored at a full stop.
var itemAfterSentenceAt = lazyre.New(`^(?:` + itemAfterSentenceExpr + `)`)

// itemsAfterSentences is itemAfterSentence.FindAllStringIndex(s, -1),
// trying the pattern only where a match can start (at a full stop): the
// unanchored search ran the backtracker from every position of a dump's
// whole text.
func itemsAfterSentences(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], "。！？!?")
		if j < 0 {
			break
		}
		i += j
		if n := itemAt(s[i:]); n > 0 {
			out = append(out, []int{i, i + n})
			i += n
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return out
}

// itemAt is the length of itemAfterSentenceAt's match at the start of s,
// or -1: the pattern by hand (every full stop of a dump is tried).
func itemAt(s string) int {
	stop, n := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("。！？!?", stop) || stop == utf8.RuneError {
		return -1
	}
	i := n
	for i < len(s) && s[i] == ' ' {
		i++
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == '（' || r == '(':
		i += n
		k := 0
		for k < 3 {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !strings.ContainsRune("一二三四五六七八九十", r) || r == utf8.RuneError {
				break
			}
			i += n
			k++
		}
		if k == 0 {
			return -1
		}
		if r, n = utf8.DecodeRuneInString(s[i:]); r != '）' && r != ')' {
			return -1
		}
		return i + n
	case r >= '1' && r <= '9':
		i++
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if r, n = utf8.DecodeRuneInString(s[i:]); r != '.' && r != '、' && r != '．' {
			return -1
		}
		i += n
		if i >= len(s) || s[i] >= '0' && s[i] <= '9' {
			return -1
		}
		_, n = utf8.DecodeRuneInString(s[i:])
		return i + n
	}
	return -1
}

// breakItems puts the numbered items of running text on lines of their
// own: the only paragraph breaks a one-line dump lets us restore.
func breakItems(s string) string {
	var b strings.Builder
	last := 0
	for _, loc := range itemsAfterSentences(s) {
		_, n := utf8.DecodeRuneInString(s[loc[0]:])
		cut := loc[0] + n
		b.WriteString(s[last:cut])
		b.WriteByte('\n')
		last = cut + len(s[cut:]) - len(strings.TrimLeft(s[cut:], " "))
	}
	b.WriteString(s[last:])
	return b.String()
}

// rightEdge is where a line ends: the last cell's position when the
// format has positions, else the text's width in display columns.
func rightEdge(l *layout.Line, t string) float64 {
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
var itemStart = lazyre.New(`^(?:#|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d０-９]{1,3}[）)]|[\d０-９]{1,2}(?:[、)）]|[.．](?:$|[^\d０-９]))|[①-⑳]|第[一二三四五六七八九十]+[、，,]|[\d０-９]{4}\s*(?:年|[-/.．])\s*[\d０-９]{1,2}\s*(?:月|[-/.．])\s*[\d０-９]{1,2}\s*日?$)`)

// carriesOn reports whether the line after prev carries on prev's
// sentence: prev does not end one (。！？；： after any closing quote or
// bracket) and next opens no heading or item.
func carriesOn(prev, next string) bool {
	p := strings.TrimRight(prev, "”’」』）)】》〕\"' ")
	r, _ := utf8.DecodeLastRuneInString(p)
	if p == "" || strings.ContainsRune("。！？；：.!?;:…", r) {
		return false
	}
	return !startsItem(next)
}

func endsASCIILetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z')
}

func startsASCIILetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z')
}

// issueDateRe is a date of issue at the end of a text: 2024年1月26日,
// ２０２４年１月２６日, 二〇二四年一月二十六日.
var issueDateRe = lazyre.New(`(?:(?:19|20|１９|２０)[\d０-９]{2}|[〇零○一二三四五六七八九]{4}) *年 *[\d０-９一二三四五六七八九十]{1,3} *月 *[\d０-９一二三四五六七八九十]{1,3} *日$`)

// issueDateIndex is issueDateRe.FindStringIndex(s). The pattern is
// anchored at the end and made of digits, numerals, 年月日 and spaces
// only, so it is run on the run of those that ends s, not on the whole
// section's text (it was most of taking the signature off).
func issueDateIndex(s string) []int {
	if !strings.HasSuffix(s, "日") {
		return nil
	}
	k := len(s)
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !issueDateRune(r) {
			break
		}
		k -= n
	}
	i := issueDateFrom(s[k:])
	if i < 0 {
		return nil
	}
	return []int{k + i, len(s)}
}

// issueDateRune reports the characters issueDateRe is made of.
func issueDateRune(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= '０' && r <= '９', r == ' ':
		return true
	}
	return strings.ContainsRune("〇零○一二三四五六七八九十年月日", r)
}

// hanRunEndOf is hanRunEnd.FindString(t): the characters of
// [\p{Han}()（）] that end t, read from its end.
func hanRunEndOf(t string) string {
	k := len(t)
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:k])
		if !(r == '(' || r == ')' || r == '（' || r == '）' || unicode.Is(unicode.Han, r)) || r == utf8.RuneError {
			break
		}
		k -= n
	}
	return t[k:]
}

// stripSignature takes the block that signs the report off the end of
// the last section's text and returns both: the issuing body's name and the date, on lines
// of their own or glued to the last sentence (…暂无XX局 2021年1月26日).
// A sentence that merely ends with a date (统计期限截至2024年12月31日)
// stays whole: the date is taken only when a name, a full stop or a line
// break stands before it.
func (st *state) stripSignature(s string) (text, signature string) {
	s = strings.TrimRight(s, " \n")
	text = st.signatureStart(s)
	return text, strings.Join(strings.Fields(s[len(text):]), " ")
}

// signatureStart returns s without its signature block.
func (st *state) signatureStart(s string) string {
	loc := issueDateIndex(s)
	if loc == nil {
		// A name alone on the last line signs only if the document names
		// its body so elsewhere too.
		i := strings.LastIndexByte(s, '\n')
		if i < 0 {
			return s
		}
		if last := s[i+1:]; agencyLike(last) && st.namedElsewhere(last) {
			return strings.TrimRight(s[:i], " \n")
		}
		return s
	}
	before := strings.TrimRight(s[:loc[0]], " ")
	if n := st.signatureName(before); n > 0 {
		return strings.TrimRight(before[:len(before)-n], " \n")
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	if before != "" && r != '\n' && !strings.ContainsRune(sentenceEnd+"！？!?", r) {
		return s
	}
	// The date alone; the name may stand on the line above it.
	before = strings.TrimRight(before, " \n")
	if i := strings.LastIndexByte(before, '\n'); i >= 0 && agencyLike(before[i+1:]) {
		return strings.TrimRight(before[:i], " \n")
	}
	return before
}

// signatureName returns the length in bytes of the body's name that ends
// t, just before the date of issue, or 0: the report's agency; a name
// standing apart (after a line break, a space or a full stop); else the
// longest ending that the document writes elsewhere (the name glued to
// the last words: 暂无XX局); else a name that is all of the text.
func (st *state) signatureName(t string) int {
	run := hanRunEndOf(t)
	if run == "" {
		return 0
	}
	if a := st.report.Agency; a != nil && *a != "" && strings.HasSuffix(run, *a) {
		return len(*a)
	}
	pre := strings.TrimSuffix(t, run)
	p, _ := utf8.DecodeLastRuneInString(pre)
	if pre != "" && strings.ContainsRune("\n 。；;！!？?：:", p) && agencyLike(run) {
		return len(run)
	}
	r := []rune(run)
	for k := 0; k+4 <= len(r); k++ {
		if c := string(r[k:]); agencyLike(c) && st.namedElsewhere(c) {
			return len(c)
		}
	}
	if pre == "" && agencyLike(run) {
		return len(run)
	}
	return 0
}

// agencyLike reports whether t reads as a body's name: four to forty
// characters, no punctuation, the ending of a body (局, 人民政府, 办公室…).
func agencyLike(t string) bool {
	n := utf8.RuneCountInString(t)
	return n >= 4 && n <= 40 && plausibleAgency(t) && endsAgency(t)
}

// namedElsewhere reports whether the document writes name more than once
// (the signature itself, and the title, a header or the text).
func (st *state) namedElsewhere(name string) bool {
	return strings.Count(st.allText(), textnorm.Squeeze(textnorm.Fold(name))) >= 2
}
