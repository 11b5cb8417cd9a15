package recognize

import (
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazyre"
)

// A crawler's dump may hold the whole body on one line, the section
// headings in the middle of it (…的通知》要求。一、总体情况2019年，…). The
// free text of a section then runs from the end of its heading to the
// start of the next heading found, whether on the same line or a later
// one. Headings found line by line (findSections) stand as they are; the
// others are looked for inside the lines between them, in template order.

// textHeadings match a section's heading inside a line of prose (the
// document's own characters). They carry their numeral: the preamble's
// 本报告包括总体情况、主动公开政府信息情况… names the sections without one.
var textHeadings = [numSections]*lazyre.Regexp{
	secOverview: lazyre.New(`一[、.．]\s*(?:总体情况|概述|基本情况|概况|总体工作情况|工作概述)`),
	secActive:   lazyre.New(`[一二三四五六][、.．]\s*主动公开`),
	secRequests: lazyre.New(`[一二三四五六][、.．]\s*收到(?:和|与|及)?处理`),
	secReview:   lazyre.New(`[一二三四五六][、.．][^。，；]{0,24}?行政复议(?:[、和及与]?(?:提起)?行政诉讼)?(?:的)?(?:情况)?`),
	secProblems: lazyre.New(`[一二三四五六七][、.．]\s*(?:政府信息公开(?:工作)?)?(?:存在的?)?(?:主要)?问题(?:及|和|与|以及)其?(?:改进|整改)(?:情况|措施|举措|计划|方向)?`),
	secOther:    lazyre.New(`[一二三四五六七][、.．]\s*(?:其他需要报告的(?:事项|情况)|其他需报告的事项|需要报告的其他事项|其他事项)`),
}

// textHeadingWords are words each of textHeadings needs (one of them).
var textHeadingWords = [numSections][]string{
	secOverview: {"总体情况", "概述", "基本情况", "概况", "总体工作情况", "工作概述"},
	secActive:   {"主动公开"},
	secRequests: {"收到"},
	secReview:   {"行政复议"},
	secProblems: {"问题"},
	secOther:    {"其他"},
}

// textMark is where a section's heading stands: on line, the bytes
// [start, end) of the line's text (lineText).
type textMark struct {
	ok              bool
	line            int
	start, end      int
	midLine, ownRow bool
}

// textMarks returns the heading of each section, found line by line or
// inside a line, once per document.
func (st *state) textMarks() *[numSections]textMark {
	if st.marks != nil {
		return st.marks
	}
	st.marks = &[numSections]textMark{}
	st.running = map[int]bool{}
	m := st.marks
	line, off := 0, 0 // where the search for the next heading starts
	for k := 0; k < numSections; k++ {
		if h := st.sections[k]; h >= 0 {
			m[k] = st.ownLineMark(k, h)
			line, off = h+1, 0
			continue
		}
		limit := len(st.lines) // the next heading found line by line
		for j := k + 1; j < numSections; j++ {
			if st.sections[j] >= 0 {
				limit = st.sections[j]
				break
			}
		}
		for i := line; i < limit; i++ {
			if st.lines[i].Table != 0 {
				continue
			}
			from := 0
			if i == line {
				from = off
			}
			t := st.prose(i, true)
			if !hasAny(t[min(from, len(t)):], textHeadingWords[k]) {
				continue // the pattern cannot match: a plain search says so sooner
			}
			if s, e, ok := findHeading(k, t, from); ok {
				m[k] = textMark{ok: true, line: i, start: s, end: e, midLine: true}
				line, off = i, e
				break
			}
		}
	}
	// A heading found inside a line that no later heading follows would
	// take the rest of the document, tables and all, for its text: only
	// the last section may run to the end.
	for k := 0; k < numSections; k++ {
		if m[k].midLine && k != secOther && st.nextMark(k) == nil {
			m[k] = textMark{}
		}
	}
	for k := range m {
		if m[k].midLine {
			st.running[m[k].line] = true
		}
	}
	return m
}

// ownLineMark is the mark of a heading that findSections found on line h.
// The whole line is the heading, unless the heading's words are followed
// by text on the same line (六、其他需要报告的事项 无), which is the
// section's.
func (st *state) ownLineMark(k, h int) textMark {
	t := st.prose(h, false)
	mk := textMark{ok: true, line: h, end: len(t), ownRow: true}
	lead := len(t) - len(strings.TrimLeft(t, " #*"))
	if e := textHeadingAt(k, t[lead:]); e >= 0 {
		if rest := strings.Trim(t[lead+e:], " #*：:"); rest != "" {
			mk.end = lead + e
		}
	}
	return mk
}

// nextMark returns the first heading found after section k's.
func (st *state) nextMark(k int) *textMark {
	for j := k + 1; j < numSections; j++ {
		if st.marks[j].ok {
			return &st.marks[j]
		}
	}
	return nil
}

// findHeading finds re in t from byte from on, where it opens a section:
// not an item's number ((一) 十一、 第一、) and not a name in a list
// (一、总体情况、二、主动公开… or 一、总体情况，二、…), which a heading's
// text never follows with a list separator or another heading.
func findHeading(k int, t string, from int) (int, int, bool) {
	for from <= len(t) {
		// textHeadings[k].FindStringIndex, tried only at numerals.
		loc := findNumbered(k, textHeadingAt, t[from:], "一二三四五六七", "、.．")
		if loc == nil {
			return 0, 0, false
		}
		s, e := from+loc[0], from+loc[1]
		from = e
		prev, _ := utf8.DecodeLastRuneInString(t[:s])
		if strings.ContainsRune("（(第十", prev) {
			continue
		}
		rest := strings.TrimLeft(t[e:], " ")
		next, _ := utf8.DecodeRuneInString(rest)
		if strings.ContainsRune("、，,；;", next) || opensHeading(rest) || listedName(t, e) {
			continue
		}
		return s, e, true
	}
	return 0, 0, false
}

// listedSep is a list separator followed by a section's numeral.
var listedSep = lazyre.New(`^[、，,；;]\s*[一二三四五六七][、.．]`)

// atListedSep is listedSep by hand (it was tried at every character
// after a heading-like name); the test holds the two together.
func atListedSep(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("、，,；;", r) {
		return false
	}
	s = trimSpaceASCII(s[n:])
	r, n = utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("一二三四五六七", r) {
		return false
	}
	r, _ = utf8.DecodeRuneInString(s[n:])
	return strings.ContainsRune("、.．", r)
}

// trimSpaceASCII drops the leading spaces of a regexp's \s: tab, newline,
// form feed, carriage return and space.
func trimSpaceASCII(s string) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return s[i:]
}

// listedName reports whether the heading-like words ending at byte e of t
// are one name in a list of the sections (报告分为一、概述，二、主动公开
// 政府信息情况，三、…): before the sentence ends or a number starts, a
// separator is followed by the next numeral. A heading is followed by its
// text or its table.
func listedName(t string, e int) bool {
	n := 0
	for i, r := range t[e:] {
		if n > 40 || r == '。' || r >= '0' && r <= '9' {
			return false
		}
		if atListedSep(t[e+i:]) {
			return true
		}
		n++
	}
	return false
}

// opensHeading reports whether t starts with a section's heading.
func opensHeading(t string) bool {
	for k := 0; k < numSections; k++ {
		if textHeadingAt(k, t) >= 0 {
			return true
		}
	}
	return false
}

// lineText is line i's text as the free text reads it.
func (st *state) lineText(i int) string {
	// In running text the cells are pieces cut at runs of spaces, which
	// stood between words.
	return st.prose(i, st.running[i])
}

// prose returns line i's Prose, or its ProseWith(" ") when spaced, built
// once: every section's search for its heading and its text read the
// same lines again (a one-line dump's one line six times or more).
func (st *state) prose(i int, spaced bool) string {
	if st.proseCache == nil {
		st.proseCache = make([]proseForms, len(st.lines))
	}
	k := 0
	if spaced {
		k = 1
	}
	c := &st.proseCache[i]
	if !c.done[k] {
		if spaced {
			c.text[k] = st.lines[i].ProseWith(" ")
		} else {
			c.text[k] = st.lines[i].Prose()
		}
		c.done[k] = true
	}
	return c.text[k]
}

// proseForms are a line's two prose forms, once built (state.prose).
type proseForms struct {
	text [2]string
	done [2]bool
}
