package recognize

import (
	"strings"
	"unicode/utf8"
)

// The section-heading and item patterns (textHeadings, midLineHeadings,
// headingStart, itemStart, issueDateRe, agencyEndRe, attachHintRe), read by
// hand. They ran on every parse, so every one-file process compiled them
// (tens of KB of fresh memory each) and the text parse tried them line by
// line. The patterns stay beside them as their specification; the tests in
// headscan_test.go hold each scanner to its pattern on generated inputs.

// wordAt returns the end of w if s[i:] opens with it, or -1.
func wordAt(s string, i int, w string) int {
	if i >= 0 && strings.HasPrefix(s[i:], w) {
		return i + len(w)
	}
	return -1
}

// firstWordAt returns the end of the first of words that s[i:] opens
// with (a regexp alternation's first branch that matches), or -1.
func firstWordAt(s string, i int, words ...string) int {
	for _, w := range words {
		if e := wordAt(s, i, w); e >= 0 {
			return e
		}
	}
	return -1
}

// optWordAt is firstWordAt for an optional group: i when none matches.
func optWordAt(s string, i int, words ...string) int {
	if e := firstWordAt(s, i, words...); e >= 0 {
		return e
	}
	return i
}

// runeIn reports whether s[i:] opens with one of the runes of set, and
// returns the end of it.
func runeIn(s string, i int, set string) (int, bool) {
	if i >= len(s) {
		return i, false
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError || !strings.ContainsRune(set, r) {
		return i, false
	}
	return i + n, true
}

// numeralSepAt matches [nums][seps] at the start of s: it returns the end,
// or -1.
func numeralSepAt(s, nums, seps string) int {
	i, ok := runeIn(s, 0, nums)
	if !ok {
		return -1
	}
	if i, ok = runeIn(s, i, seps); !ok {
		return -1
	}
	return i
}

// lazyUpTo matches [^stop]{0,max}? followed by tail at s[i:]: tail is
// tried before each character is taken, as the lazy repeat does. It
// returns tail's end, or -1.
func lazyUpTo(s string, i int, stop string, max int, tail func(int) int) int {
	for n := 0; ; n++ {
		if e := tail(i); e >= 0 {
			return e
		}
		if n == max || i >= len(s) {
			return -1
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(stop, r) {
			return -1
		}
		i += w
	}
}

const headingNums6, headingNums7 = "一二三四五六", "一二三四五六七"

// textHeadingAt is textHeadingsAt[k].FindStringIndex(s)[1], or -1: section
// k's heading at the start of s.
func textHeadingAt(k int, s string) int {
	nums := headingNums6
	switch k {
	case secOverview:
		nums = "一"
	case secProblems, secOther:
		nums = headingNums7
	}
	i := numeralSepAt(s, nums, "、.．")
	if i < 0 {
		return -1
	}
	if k == secReview {
		// [^。，；]{0,24}?行政复议(?:[、和及与]?(?:提起)?行政诉讼)?(?:的)?(?:情况)?
		return lazyUpTo(s, i, "。，；", 24, func(i int) int {
			if i = wordAt(s, i, "行政复议"); i < 0 {
				return -1
			}
			j := optWordAt(s, i, "、", "和", "及", "与")
			if j = wordAt(s, optWordAt(s, j, "提起"), "行政诉讼"); j >= 0 {
				i = j
			}
			return optWordAt(s, optWordAt(s, i, "的"), "情况")
		})
	}
	// Each optional part below opens with a character that nothing after
	// it may open with, so taking it whenever it is there is the regexp's
	// own choice.
	i = skipSpaceASCII(s, i)
	switch k {
	case secOverview:
		return firstWordAt(s, i, "总体情况", "概述", "基本情况", "概况", "总体工作情况", "工作概述")
	case secActive:
		return wordAt(s, i, "主动公开")
	case secRequests:
		if i = wordAt(s, i, "收到"); i < 0 {
			return -1
		}
		return wordAt(s, optWordAt(s, i, "和", "与", "及"), "处理")
	case secProblems:
		if j := wordAt(s, i, "政府信息公开"); j >= 0 {
			i = optWordAt(s, j, "工作")
		}
		if j := wordAt(s, i, "存在"); j >= 0 {
			i = optWordAt(s, j, "的")
		}
		i = wordAt(s, optWordAt(s, i, "主要"), "问题")
		if i = firstWordAt(s, i, "及", "和", "与", "以及"); i < 0 {
			return -1
		}
		if i = firstWordAt(s, optWordAt(s, i, "其"), "改进", "整改"); i < 0 {
			return -1
		}
		return optWordAt(s, i, "情况", "措施", "举措", "计划", "方向")
	case secOther:
		return firstWordAt(s, i, "其他需要报告的事项", "其他需要报告的情况", "其他需报告的事项", "需要报告的其他事项", "其他事项")
	}
	return -1
}

// midLineHeadingAt is midLineHeadingsAt[k].FindStringIndex(s)[1], or -1.
func midLineHeadingAt(k int, s string) int {
	i := numeralSepAt(s, headingNums6, "、.")
	if i < 0 {
		return -1
	}
	switch k {
	case secActive:
		return wordAt(s, skipSpaceASCII(s, i), "主动公开政府信息情况")
	case secRequests:
		return wordAt(s, skipSpaceASCII(s, i), "收到和处理")
	case secReview:
		return lazyUpTo(s, i, "。，", 24, func(i int) int { return wordAt(s, i, "复议") })
	case secProblems:
		return lazyUpTo(s, i, "。，", 24, func(i int) int { return firstWordAt(s, i, "问题", "改进", "其他需要报告") })
	}
	return -1
}

// hasMidLineHeading reports the sections midLineHeadings has a pattern for.
func hasMidLineHeading(k int) bool {
	return k == secActive || k == secRequests || k == secReview || k == secProblems
}

// atHeadingStart is headingStart.MatchString(s).
func atHeadingStart(s string) bool {
	return numeralSepAt(s, headingNums7, "、.,") >= 0
}

// isCJKNumeral reports the class [一二三四五六七八九十].
func isCJKNumeral(r rune) bool {
	return r != utf8.RuneError && strings.ContainsRune("一二三四五六七八九十", r)
}

// isAnyDigit reports the class [\d０-９].
func isAnyDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

// runOf returns the end of the run of runes in class at s[i:] and its
// length in runes, counted up to max.
func runOf(s string, i int, class func(rune) bool, max int) (int, int) {
	n := 0
	for i < len(s) && n < max {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !class(r) {
			break
		}
		i += w
		n++
	}
	return i, n
}

// startsItem is itemStart.MatchString(s): s opens a heading, a numbered
// item or a date line. The repeats of the pattern are each followed by a
// character outside their class, so the longest run is the only one that
// can match.
func startsItem(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '#' {
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r >= '①' && r <= '⑳':
		return true
	case isCJKNumeral(r): // [一二三四五六七八九十]+[、.．]
		i, _ := runOf(s, 0, isCJKNumeral, len(s))
		_, ok := runeIn(s, i, "、.．")
		return ok
	case r == '（' || r == '(': // [（(][一二三四五六七八九十\d０-９]{1,3}[）)]
		i, c := runOf(s, n, func(r rune) bool { return isCJKNumeral(r) || isAnyDigit(r) }, 4)
		_, ok := runeIn(s, i, "）)")
		return c >= 1 && c <= 3 && ok
	case r == '第': // 第[一二三四五六七八九十]+[、，,]
		i, c := runOf(s, n, isCJKNumeral, len(s))
		_, ok := runeIn(s, i, "、，,")
		return c >= 1 && ok
	case isAnyDigit(r):
		return numberedItem(s) || dateLine(s)
	}
	return false
}

// numberedItem matches [\d０-９]{1,2}(?:[、)）]|[.．](?:$|[^\d０-９])) at
// the start of s (which opens with a digit).
func numberedItem(s string) bool {
	i, c := runOf(s, 0, isAnyDigit, 3)
	if c > 2 {
		return false // after one or two digits stands a digit
	}
	if _, ok := runeIn(s, i, "、)）"); ok {
		return true
	}
	j, ok := runeIn(s, i, ".．")
	if !ok {
		return false
	}
	if j == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return !isAnyDigit(r)
}

// dateLine matches [\d０-９]{4}\s*(?:年|[-/.．])\s*[\d０-９]{1,2}\s*
// (?:月|[-/.．])\s*[\d０-９]{1,2}\s*日?$ at the start of s.
func dateLine(s string) bool {
	i, c := runOf(s, 0, isAnyDigit, 4)
	if c != 4 {
		return false
	}
	for _, sep := range []string{"年", "月"} {
		i = skipSpaceASCII(s, i)
		if j := wordAt(s, i, sep); j >= 0 {
			i = j
		} else if j, ok := runeIn(s, i, "-/.．"); ok {
			i = j
		} else {
			return false
		}
		i = skipSpaceASCII(s, i)
		if i, c = runOf(s, i, isAnyDigit, 3); c < 1 || c > 2 {
			return false
		}
	}
	return optWordAt(s, skipSpaceASCII(s, i), "日") == len(s)
}

// issueDateFrom is issueDateRe.FindStringIndex(s)[0] for s made of the
// pattern's characters only (issueDateRune), or -1: the leftmost start
// from which the rest of s is a date.
func issueDateFrom(s string) int {
	for i := 0; i < len(s); {
		if issueDateWhole(s[i:]) {
			return i
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return -1
}

// issueDateWhole reports whether the whole of s matches issueDateRe.
func issueDateWhole(s string) bool {
	i := firstWordAt(s, 0, "19", "20", "１９", "２０")
	if i >= 0 {
		var c int
		if i, c = runOf(s, i, isAnyDigit, 2); c != 2 {
			return false
		}
	} else {
		var c int
		if i, c = runOf(s, 0, func(r rune) bool {
			return r != utf8.RuneError && strings.ContainsRune("〇零○一二三四五六七八九", r)
		}, 4); c != 4 {
			return false
		}
	}
	dayDigit := func(r rune) bool { return isAnyDigit(r) || isCJKNumeral(r) }
	for _, w := range []string{"年", "月", "日"} {
		i = skipSpaces(s, i)
		if i = wordAt(s, i, w); i < 0 {
			return false
		}
		if w == "日" {
			break
		}
		i = skipSpaces(s, i)
		var c int
		if i, c = runOf(s, i, dayDigit, 4); c < 1 || c > 3 {
			return false
		}
	}
	return i == len(s)
}

// skipSpaces returns the end of the run of ' ' at s[i:] (the pattern's ` *`).
func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// agencyEnds are agencyEndRe's endings.
var agencyEnds = [...]string{"局", "厅", "委", "委员会", "办", "办公室", "政府", "管委会", "中心", "院", "署", "处", "部", "会", "站", "所", "区", "县", "市", "州", "盟", "旗", "镇", "乡", "街道", "办事处"}

// endsAgency is agencyEndRe.MatchString(s).
func endsAgency(s string) bool {
	for _, e := range agencyEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// namesAttachment is attachHintRe.MatchString(s): a dot and a document's
// extension, case folded.
func namesAttachment(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0; {
		if foldedPrefix(s[i+1:], "doc", "pdf", "wps", "ofd", "xls", "et") {
			return true
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// indexNumeral is strings.IndexAny(t, nums) for nums of the numerals 一 to
// 七, whose encodings open with the byte E4 or E5. A lead byte is never part
// of another character, so the bytes are looked at one by one instead of
// decoding every character and looking it up (IndexAny's way, which was
// most of the search for the headings in a long line).
func indexNumeral(t, nums string) int {
	for i := 0; i+3 <= len(t); i++ {
		// Their second bytes are B8, BA, 9B or 85.
		if c := t[i]; (c == 0xE4 || c == 0xE5) && (t[i+1] == 0xB8 || t[i+1] == 0xBA || t[i+1] == 0x9B || t[i+1] == 0x85) &&
			strings.Contains(nums, t[i:i+3]) {
			return i
		}
	}
	return -1
}
