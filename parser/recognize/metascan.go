package recognize

import (
	"strings"
	"unicode/utf8"
)

// The title and header patterns of meta.go, read by hand: they ran on
// every line that names a report and on every candidate title, and the
// regexps' backtracking (with ReplaceAllString's copies) was most of
// reading the metadata. The patterns stay beside them in meta.go; the
// tests in metascan_test.go hold each scanner to its pattern on generated
// inputs.

// isSpaceASCII is the regexp class \s: [\t\n\f\r ].
func isSpaceASCII(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// skipSpaceASCII returns the end of the run of \s at s[i:].
func skipSpaceASCII(s string, i int) int {
	for i < len(s) && isSpaceASCII(s[i]) {
		i++
	}
	return i
}

// titleYearAt matches titleYearRe anchored at s[i:]: it returns the end of
// the match, or -1.
func titleYearAt(s string, i int) int {
	if i+4 > len(s) || !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
		return -1
	}
	j := skipSpaceASCII(s, i+4)
	if !strings.HasPrefix(s[j:], "年") {
		return -1
	}
	j = skipSpaceASCII(s, j+len("年"))
	if strings.HasPrefix(s[j:], "度") {
		j += len("度")
	}
	return j
}

// findTitleYear is titleYearRe.FindStringSubmatchIndex from s[from:]: the
// leftmost match's start and end, or -1, -1; the year is s[start:start+4].
func findTitleYear(s string, from int) (int, int) {
	for i := from; i+4 <= len(s); i++ {
		if s[i] != '1' && s[i] != '2' {
			continue
		}
		if end := titleYearAt(s, i); end >= 0 {
			return i, end
		}
	}
	return -1, -1
}

// titleYear is titleYearRe.FindStringSubmatch(s)[1], and whether it matched.
func titleYear(s string) (string, bool) {
	i, _ := findTitleYear(s, 0)
	if i < 0 {
		return "", false
	}
	return s[i : i+4], true
}

// dropTitleYears is titleYearRe.ReplaceAllString(s, "").
func dropTitleYears(s string) string {
	i, end := findTitleYear(s, 0)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i >= 0 {
		b.WriteString(s[last:i])
		last = end
		i, end = findTitleYear(s, end)
	}
	b.WriteString(s[last:])
	return b.String()
}

// dropTitleSuffix is titleSuffix.ReplaceAllString(s, ""): the pattern ends
// in .*$, so its leftmost match runs to the end of s and is cut off, when
// no line break follows it.
func dropTitleSuffix(s string) string {
	from := strings.LastIndexByte(s, '\n') + 1
	for i := from; i < len(s); i++ {
		if s[i] != "政"[0] && s[i] != "信"[0] {
			continue
		}
		if reportSuffixAt(s[i:]) || strings.HasPrefix(s[i:], "政府信息公开年报") {
			return s[:i]
		}
	}
	return s
}

// reportSuffixAt reports whether s opens with
// (?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:年度)?报告.
func reportSuffixAt(s string) bool {
	s = strings.TrimPrefix(s, "政府")
	rest, ok := strings.CutPrefix(s, "信息公开")
	if !ok {
		return false
	}
	return optionalWords(rest, []string{"工作", "年度", "工作", "年度"})
}

// optionalWords reports whether s opens with some of words, in order and
// each at most once, followed by 报告.
func optionalWords(s string, words []string) bool {
	if strings.HasPrefix(s, "报告") {
		return true
	}
	for k, w := range words {
		if rest, ok := strings.CutPrefix(s, w); ok && optionalWords(rest, words[k+1:]) {
			return true
		}
	}
	return false
}

// coverVerbWords are coverVerbs' words: the first list opens a title, the
// second (without 公开) ends one.
var coverVerbWords = []string{"报送", "印发", "公布", "发布", "上报", "转发", "公开"}

// verbAt returns the byte length of the cover verb s opens with, or 0.
func verbAt(s string, words []string) int {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

// dropCoverVerbs is coverVerbs.ReplaceAllString(s, ""): the verbs that
// open s, and those that end what is left.
func dropCoverVerbs(s string) string {
	start := 0
	for n := verbAt(s[start:], coverVerbWords); n > 0; n = verbAt(s[start:], coverVerbWords) {
		start += n
	}
	// Each verb is two three-byte characters, so the run that ends s is
	// found from its end.
	end := len(s)
	for end-6 >= start && verbAt(s[end-6:end], coverVerbWords[:6]) == 6 {
		end -= 6
	}
	if start == 0 && end == len(s) {
		return s
	}
	return s[start:end]
}

// headerKeys are headerKeyRe's keys.
var headerKeys = []string{"标题", "题名", "文章标题", "发布时间", "发布日期", "成文日期", "发文日期", "生成日期", "文号", "发文字号", "索引号", "主题分类", "主题词", "分类", "体裁分类", "发布机构", "发文机关", "发布单位", "来源", "信息来源", "栏目", "所属栏目", "原文链接", "原文地址", "链接", "网址", "本地目录", "本地路径", "作者", "访问次数", "浏览次数", "关键词"}

// headerKeyMatch is headerKeyRe.FindStringSubmatch(t): the key and the
// match's end (after the colon), or "", -1. No key opens another, so the
// first that fits is the pattern's.
func headerKeyMatch(t string) (string, int) {
	for _, k := range headerKeys {
		if !strings.HasPrefix(t, k) {
			continue
		}
		j := skipSpaceASCII(t, len(k))
		if strings.HasPrefix(t[j:], ":") {
			return k, j + 1
		}
		if strings.HasPrefix(t[j:], "：") {
			return k, j + len("：")
		}
	}
	return "", -1
}

// breadcrumbStarts are breadcrumbRe's openings.
var breadcrumbStarts = []string{"当前位置", "您的位置", "您当前的位置", "您现在的位置", "您所在的位置", "所在位置"}

// breadcrumb is breadcrumbRe.MatchString: a "you are here" opening, or
// two > on one line.
func breadcrumb(t string) bool {
	for _, p := range breadcrumbStarts {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	gt := false
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '>':
			if gt {
				return true
			}
			gt = true
		case '\n':
			gt = false
		}
	}
	return false
}

// pathExts are pathRe's file name endings, lower case.
var pathExts = []string{"html", "htm", "shtml", "shtm", "jsp", "asp", "aspx", "php", "doc", "docx", "pdf", "wps", "ofd", "xls", "xlsx", "txt"}

// foldASCII returns the ASCII letter, digit or _.- that r matches under
// (?i) (ſ is s, the Kelvin sign k), lower case, or 0.
func foldASCII(r rune) byte {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '.', r == '-':
		return byte(r)
	case r >= 'A' && r <= 'Z':
		return byte(r) + 'a' - 'A'
	case r == 'ſ':
		return 's'
	case r == 'K':
		return 'k'
	}
	return 0
}

// looksLikePath is pathRe.MatchString: a URL, a path of two slashes or
// a name ending in a file extension.
func looksLikePath(t string) bool {
	// https?:// and www. anywhere, case folded.
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		if c := foldASCII(r); c == 'h' && foldedPrefix(t[i:], "http://", "https://") || c == 'w' && foldedPrefix(t[i:], "www.") {
			return true
		}
		i += n
	}
	// [a-z0-9_.-]+/[a-z0-9_.-]*/: a slash after a name character, then
	// name characters up to a second slash.
	prevName := false
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		if r == '/' && prevName {
			j := i + 1
			for j < len(t) {
				r2, n2 := utf8.DecodeRuneInString(t[j:])
				if foldASCII(r2) == 0 {
					break
				}
				j += n2
			}
			if j < len(t) && t[j] == '/' {
				return true
			}
		}
		prevName = foldASCII(r) != 0
		i += n
	}
	return endsInExt(t, pathExts) // \.(ext)$
}

// endsInExt reports whether s ends in a dot and one of exts (lower case
// ASCII), its letters case folded as (?i) folds them. An ending holds no
// dot, so the match's dot is the last.
func endsInExt(s string, exts []string) bool {
	dot := strings.LastIndexByte(s, '.')
	if dot < 0 {
		return false
	}
	var buf [8]byte // longer than any ending
	k := 0
	for _, r := range s[dot+1:] {
		c := foldASCII(r)
		if c == 0 || k == len(buf) {
			return false
		}
		buf[k] = c
		k++
	}
	for _, e := range exts {
		if string(buf[:k]) == e {
			return true
		}
	}
	return false
}

// foldedPrefix reports whether s opens with one of words (lower-case
// ASCII) under (?i): a letter matches its folds, any other byte itself.
func foldedPrefix(s string, words ...string) bool {
	for _, w := range words {
		i, ok := 0, true
		for k := 0; k < len(w) && ok; k++ {
			if i >= len(s) {
				ok = false
				break
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if w[k] >= 'a' && w[k] <= 'z' {
				ok = foldASCII(r) == w[k]
			} else {
				ok = r == rune(w[k])
			}
			i += n
		}
		if ok {
			return true
		}
	}
	return false
}
