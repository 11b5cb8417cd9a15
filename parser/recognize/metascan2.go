package recognize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rest of meta.go's patterns that an ordinary parse may meet
// (periodYearRe, agencySubjectRe, agencyMoreRe, agencyByline, attachExtRe),
// read by hand: those with \p{Han} compile to the largest programs of the
// package, a cost a one-file process paid for one line of a header. The
// tests in metascan2_test.go hold each to its pattern on generated inputs.

// periodYear is periodYearRe.FindStringSubmatch(s)[1], and whether it
// matched: 统计期限, at most six characters, then a year's 1月1日.
func periodYear(s string) (string, bool) {
	for from := 0; ; {
		k := strings.Index(s[from:], "统计期限")
		if k < 0 {
			return "", false
		}
		i := from + k + len("统计期限")
		for n := 0; ; n++ { // .{0,6}?: the date tried before each character
			if y, ok := periodDateAt(s, i); ok {
				return y, true
			}
			if n == 6 || i >= len(s) || s[i] == '\n' {
				break
			}
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
		}
		from += k + len("统计")
	}
}

// periodDateAt matches ((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日 at s[i:].
func periodDateAt(s string, i int) (string, bool) {
	if i+4 > len(s) || !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
		return "", false
	}
	j := i + 4
	for _, w := range []string{"年", "1", "月", "1", "日"} {
		if j = wordAt(s, skipSpaceASCII(s, j), w); j < 0 {
			return "", false
		}
	}
	return s[i : i+4], true
}

// agencySuffixList is agencySuffixes, in its order.
var agencySuffixList = [...]string{"人民政府办公室", "人民政府办公厅", "人民政府", "管理委员会", "管委会", "委员会", "办公室", "办公厅", "实验区", "开发区", "新区", "街道办事处", "局", "厅", "区", "县", "市", "镇", "乡", "街道"}

// agencyMore is agencyMoreRe.FindString(s).
func agencyMore(s string) string {
	if e := firstWordAt(s, 0, agencySuffixList[:]...); e >= 0 {
		return s[:e]
	}
	return ""
}

// isHan reports the class \p{Han}.
func isHan(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

// agencySubject is agencySubjectRe.FindStringSubmatchIndex(s)[2:4]: the
// body named as the subject after a year (2024年，XX区…), or -1, -1.
func agencySubject(s string) (int, int) {
	for p := 0; p < len(s); {
		r, n := utf8.DecodeRuneInString(s[p:])
		if p == 0 { // (?:^|…): ^ first
			if a, b := agencySubjectAfter(s, 0); a >= 0 {
				return a, b
			}
		}
		if strings.ContainsRune("，。,；;", r) {
			if a, b := agencySubjectAfter(s, p+n); a >= 0 {
				return a, b
			}
		}
		p += n
	}
	return -1, -1
}

// agencySubjectAfter matches agencySubjectRe's part after its opening at
// s[i:]: (?:19|20)\d{2}年(?:度)?[，,]?(?:我|本)?([\p{Han}]{2,25}?(?:suffix)).
// 度, 我 and 本 are Han characters too, so each optional one is tried
// taken first, then left to the name, as the regexp backtracks.
func agencySubjectAfter(s string, i int) (int, int) {
	if i+4 > len(s) || !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
		return -1, -1
	}
	i = wordAt(s, i+4, "年")
	if i < 0 {
		return -1, -1
	}
	for _, du := range [2]bool{true, false} {
		j := i
		if du {
			if j = wordAt(s, j, "度"); j < 0 {
				continue
			}
		}
		j = optWordAt(s, j, "，", ",")
		for _, we := range [2]bool{true, false} {
			k := j
			if we {
				if k = firstWordAt(s, k, "我", "本"); k < 0 {
					continue
				}
			}
			if e := hanNameAt(s, k); e >= 0 {
				return k, e
			}
		}
	}
	return -1, -1
}

// hanNameAt matches [\p{Han}]{2,25}?(?:suffix) at s[i:]: the end, or -1.
func hanNameAt(s string, i int) int {
	for n := 0; n <= 25; n++ {
		if n >= 2 {
			if e := firstWordAt(s, i, agencySuffixList[:]...); e >= 0 {
				return e
			}
		}
		if n == 25 || i >= len(s) {
			break
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) {
			break
		}
		i += w
	}
	return -1
}

// bylineKeys are agencyByline's keys, in its order.
var bylineKeys = [...]string{"发布机构", "发文机关", "发布单位", "信息来源", "来源"}

// bylineAgencies is the group of each of agencyByline.FindAllStringSubmatch(s, -1)
// in turn, for as long as yield returns false: it returns the one yield
// took, or "".
func bylineAgencies(s string, yield func(string) bool) string {
	for p := 0; p < len(s); {
		if e, g := bylineAt(s, p); e >= 0 {
			if yield(s[g:e]) {
				return s[g:e]
			}
			p = e
			continue
		}
		_, n := utf8.DecodeRuneInString(s[p:])
		p += n
	}
	return ""
}

// bylineAt matches agencyByline at s[p:]: the end and the group's start,
// or -1.
func bylineAt(s string, p int) (int, int) {
	i := firstWordAt(s, p, bylineKeys[:]...)
	if i < 0 {
		return -1, -1
	}
	i, ok := runeIn(s, skipSpaceASCII(s, i), ":：")
	if !ok {
		return -1, -1
	}
	g := skipSpaceASCII(s, i)
	e, c := runOf(s, g, func(r rune) bool { return isHan(r) || strings.ContainsRune("（）()、", r) }, 40)
	if c < 3 {
		return -1, -1
	}
	return e, g
}

// attachExts are attachExtRe's endings, lower case.
var attachExts = [...]string{"doc", "docx", "pdf", "wps", "ofd", "xls", "xlsx", "et"}

// endsAttachExt is attachExtRe.MatchString(s): a document's extension
// ends s, case folded. An extension holds no dot, so the match's dot is
// the last.
func endsAttachExt(s string) bool { return endsInExt(s, attachExts[:]) }
