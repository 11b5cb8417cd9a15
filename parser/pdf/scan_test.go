package pdf

import (
	"bytes"
	"math/rand"
	"regexp"
	"strconv"
	"testing"
)

// The patterns the hand-written scans replace, as reference.
var (
	refSizeRe    = regexp.MustCompile(`/Size\s+(\d+)`)
	refIndexRe   = regexp.MustCompile(`/Index\s*\[([^\]]*)\]`)
	refColumnsRe = regexp.MustCompile(`/Columns\s+(\d+)`)
	refWRe       = regexp.MustCompile(`/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]`)
)

func refSizesHuge(b []byte) bool {
	for _, m := range refSizeRe.FindAllSubmatch(b, -1) {
		if bigNum(m[1]) {
			return true
		}
	}
	return false
}

func refXrefDictHuge(dict []byte) bool {
	for _, m := range refIndexRe.FindAllSubmatch(dict, -1) {
		for _, f := range bytes.Fields(m[1]) {
			if bigNum(f) {
				return true
			}
		}
	}
	if m := refColumnsRe.FindSubmatch(dict); m != nil && bigNum(m[1]) {
		return true
	}
	for _, m := range refWRe.FindAllSubmatch(dict, -1) {
		for _, f := range m[1:] {
			if n, err := strconv.Atoi(string(f)); err != nil || n > 8 {
				return true
			}
		}
	}
	return false
}

// TestScansAsPatterns checks sizesHuge and xrefDictHuge against the
// regular expressions they replace, on dictionaries made of the pieces
// that matter (keys, brackets, spaces of every kind, small and huge
// numbers, near-miss keys).
func TestScansAsPatterns(t *testing.T) {
	pieces := []string{"/Size", "/Index", "/W", "/Width", "/Columns", "/Type /XRef", " ", "  ", "\n", "\r\n", "\t", "\f", "\v",
		"[", "]", "0", "1", "3", "8", "9", "12", "4000000", "99999999999999999999", "-1", "x", "<<", ">>", "/", "\u00a0"}
	rng := rand.New(rand.NewSource(7))
	seen := map[bool]int{}
	for n := 0; n < 200000; n++ {
		var b []byte
		for k := rng.Intn(14); k >= 0; k-- {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		if got, want := sizesHuge(b), refSizesHuge(b); got != want {
			t.Fatalf("sizesHuge(%q) = %v, the pattern says %v", b, got, want)
		}
		got, want := xrefDictHuge(b), refXrefDictHuge(b)
		if got != want {
			t.Fatalf("xrefDictHuge(%q) = %v, the pattern says %v", b, got, want)
		}
		seen[got]++
	}
	if seen[true] < 500 || seen[false] < 500 {
		t.Errorf("the generated dictionaries are too one-sided: %v", seen)
	}
}

// TestMarksAsPatterns checks the hand-written word tests against the
// patterns they replace, on words made of the pieces that matter.
func TestMarksAsPatterns(t *testing.T) {
	cases := []struct {
		name string
		re   *regexp.Regexp
		fn   func(string) bool
	}{
		{"isRowMark", regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.、．])`), isRowMark},
		{"isDigitMark", regexp.MustCompile(`^\d{1,2}\s*[.、．]`), isDigitMark},
		{"isGroupMark", regexp.MustCompile(`^[(（][三四五六][)）]`), isGroupMark},
		{"isNumberWord", regexp.MustCompile(`^[-+]?[\d,，]+(?:\.\d+)?$|^[-—–/／无]$`), isNumberWord},
		{"isDecimal", regexp.MustCompile(`^[-+]?[\d,]+(\.\d+)?$`), func(s string) bool { return isDecimal(s, false) }},
		{"isPlainNum", regexp.MustCompile(`^\d{1,4}$`), isPlainNum},
		{"isPageNumber", regexp.MustCompile(`^[-—–－―~]+\s*\d{1,4}\s*[-—–－―~]+$|^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*/\s*\d{1,4}$|^[-—–－―]?\s*\d{1,4}\s*[-—–－―]?$`), isPageNumber},
	}
	pieces := []string{"1", "2", "9", "0", "12", "123", "、", ".", "．", ",", "，", "+", "-", "—", "–", "/", "／", "无",
		"(", ")", "（", "）", "一", "三", "六", "七", "十", "二十", "(三", "（四）", "(五）", "第", "页", "共", "~", "－", "―", "1234", "12345", " ", "\t", "\u3000", "元", "a", "\xff", "１"}
	rng := rand.New(rand.NewSource(11))
	matched := map[string]int{}
	// page numbers as printed, and mutations of them
	pages := []string{"- 4 -", "—12—", "~3~", "第4页", "第 4 页 共 9 页", "第4页，共9页", "第4页/共9页", "4/9", "4 / 12", "-4-", "4", "－ 5", "12-"}
	for n := 0; n < 300000; n++ {
		var b []byte
		if n%3 == 0 {
			b = []byte(pages[rng.Intn(len(pages))])
			for k := rng.Intn(3); k > 0 && len(b) > 0; k-- {
				i := rng.Intn(len(b) + 1)
				b = append(b[:i:i], append([]byte(pieces[rng.Intn(len(pieces))]), b[i:]...)...)
			}
		}
		for k := rng.Intn(6); k >= 0 && n%3 != 0; k-- {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		s := string(b)
		for _, c := range cases {
			want := c.re.MatchString(s)
			if got := c.fn(s); got != want {
				t.Fatalf("%s(%q) = %v, the pattern says %v", c.name, s, got, want)
			}
			if want {
				matched[c.name]++
			}
		}
	}
	for _, c := range cases {
		if matched[c.name] < 100 {
			t.Errorf("%s: only %d generated words match", c.name, matched[c.name])
		}
	}
}

// TestSlashScanAsSearches checks the one-pass scan against a search for
// each name, and hugeSize through it against the same checks searching
// the file again, on files made of names, near misses, object headers and
// streams.
func TestSlashScanAsSearches(t *testing.T) {
	pieces := []string{"/Size", "/Size 9", "/Size 99999999", "/XRef", "/Type /XRef /W [1 2 9]", "/Index [0 4000000]", "/Extends", "/ObjStm",
		"/Prev", "/Previous", "/Siz", "/XRe", "//", "/", " ", "\n", "1 0 obj", "obj", "stream", "endstream", "<<", ">>", "x", "12"}
	rng := rand.New(rand.NewSource(5))
	seen := map[bool]int{}
	for n := 0; n < 100000; n++ {
		var b []byte
		for k := rng.Intn(16); k >= 0; k-- {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		sc := scanSlashes(b)
		for _, c := range []struct {
			name string
			got  bool
		}{{"/Extends", sc.extends}, {"/ObjStm", sc.objStm}, {"/Prev", sc.prev}} {
			if want := bytes.Contains(b, []byte(c.name)); c.got != want {
				t.Fatalf("%q: %s found %v, want %v", b, c.name, c.got, want)
			}
		}
		again := sc
		again.sizeOver, again.xrefOver = true, true
		got, want := hugeSizeIn(b, &sc), hugeSizeIn(b, &again)
		if got != want {
			t.Fatalf("hugeSize(%q) = %v, searching again %v", b, got, want)
		}
		seen[got]++
	}
	if seen[true] < 500 || seen[false] < 500 {
		t.Errorf("the generated files are too one-sided: %v", seen)
	}
}
