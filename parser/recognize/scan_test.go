package recognize

import (
	"fmt"
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/digitrun"
)

// randomCell builds a short string from the characters a number cell is made
// of, and a few that break it.
func randomCell(r *rand.Rand) string {
	alphabet := []string{"0", "1", "5", "9", ",", ",", ".", "+", "-", " ", "\t", "元", "万", "万元", "件", "个", "项", "条", "x", "\u3000", "１"}
	n := r.Intn(12)
	s := ""
	for i := 0; i < n; i++ {
		s += alphabet[r.Intn(len(alphabet))]
	}
	return s
}

// TestScanNumberMatchesRegexp holds the hand-written scanner to numberRe's
// answers, groups and all.
func TestScanNumberMatchesRegexp(t *testing.T) {
	cases := []string{"", "0", "12", "1,234", "12,345,678.5", "1234,567", "1,23", "1,2345", ",123", "1.", ".5", "1.5元",
		"3 件", "3\t万元", "+7", "-7.25 元", "7万", "7 元 ", "1,000万元", "00", "1,000,", "5件x"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 20000; i++ {
		cases = append(cases, randomCell(r))
	}
	for _, s := range cases {
		m := numberRe.FindStringSubmatch(s)
		sign, digits, frac, unit, ok := scanNumber(s)
		if ok != (m != nil) {
			t.Fatalf("%q: scanner %v, regexp %q", s, ok, m)
		}
		if ok && (sign != m[1] || digits != m[2] || frac != m[3] || unit != m[4]) {
			t.Fatalf("%q: scanner %q %q %q %q, regexp %q", s, sign, digits, frac, unit, m[1:])
		}
	}
}

// TestFirstPatternMatchesContains holds the indexed phrase search to the
// plain one: each pattern in order, each phrase with strings.Contains.
func TestFirstPatternMatchesContains(t *testing.T) {
	var pieces []string
	for _, p := range applicationPatterns {
		for _, ph := range p.phrases {
			pieces = append(pieces, ph, ph[:len(ph)-3]) // whole and cut short
		}
	}
	pieces = append(pieces, "（", "1.", " ", "其他", "\xe4\xb8", "\xff", "一", "三")
	plain := func(core string) int {
		for i, p := range applicationPatterns {
			for _, ph := range p.phrases {
				if strings.Contains(core, ph) {
					return i
				}
			}
		}
		return -1
	}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 30000; i++ {
		s := ""
		for n := r.Intn(6); n > 0; n-- {
			s += pieces[r.Intn(len(pieces))]
		}
		if got, want := firstPattern(s), plain(s); got != want {
			t.Fatalf("%q: %d, want %d", s, got, want)
		}
	}
}

// TestLastFieldMatchesFields holds lastField to strings.Fields.
func TestLastFieldMatchesFields(t *testing.T) {
	alphabet := []string{"1", "无", "a", " ", "\t", "\u3000", "\u00a0", "\u0085", "\xe3\x80", "\x80", "\xff", "申", "-", "\xf0"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 50000; i++ {
		s := ""
		for n := r.Intn(8); n > 0; n-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		want := ""
		if f := strings.Fields(s); len(f) > 0 {
			want = f[len(f)-1]
		}
		if got := lastField(s); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
	}
}

// TestItemsAfterSentencesMatchesPattern holds the anchored search to the
// pattern's own FindAllStringIndex.
func TestItemsAfterSentencesMatchesPattern(t *testing.T) {
	alphabet := []string{"。", "！", "？", "!", "?", " ", "（", "(", "一", "二", "十", "）", ")", "1", "2", "0", ".", "、", "．", "申", "a", "\xff", "\xe3\x80"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 50000; i++ {
		s := ""
		for n := r.Intn(10); n > 0; n-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		got, want := itemsAfterSentences(s), itemAfterSentence.FindAllStringIndex(s, -1)
		if len(got) != len(want) {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
		for k := range got {
			if got[k][0] != want[k][0] || got[k][1] != want[k][1] {
				t.Fatalf("%q: %v, want %v", s, got, want)
			}
		}
	}
}

// TestFindNumberedMatchesPatterns holds the search at numerals to each
// heading pattern's own FindStringIndex.
func TestFindNumberedMatchesPatterns(t *testing.T) {
	alphabet := []string{"一", "二", "四", "六", "七", "十", "、", ".", "．", " ", "主动公开", "政府信息情况", "收到", "和", "处理", "行政复议",
		"行政诉讼", "复议", "问题", "及", "改进", "其他需要报告的", "事项", "总体情况", "概述", "。", "，", "(", "1", "\xff", "\xe4\xb8"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 30000; i++ {
		s := ""
		for n := r.Intn(10); n > 0; n-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		for k := 0; k < numSections; k++ {
			if re := midLineHeadings[k]; re != nil {
				if got, want := findNumbered(k, midLineHeadingAt, s, "一二三四五六", "、."), re.FindStringIndex(s); fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("mid-line %d, %q: %v, want %v", k, s, got, want)
				}
			}
			if got, want := findNumbered(k, textHeadingAt, s, "一二三四五六七", "、.．"), textHeadings[k].FindStringIndex(s); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("text heading %d, %q: %v, want %v", k, s, got, want)
			}
		}
	}
}

// TestItemAtMatchesPattern holds itemAt to the anchored pattern.
func TestItemAtMatchesPattern(t *testing.T) {
	alphabet := []string{"。", "！", "?", " ", "（", "(", "一", "二", "十", "）", ")", "1", "2", "0", "9", ".", "、", "．", "申", "\n", "\xff", "\xe3\x80"}
	r := rand.New(rand.NewSource(16))
	for i := 0; i < 100000; i++ {
		s := []string{"。", "?", "!"}[r.Intn(3)]
		for n := r.Intn(7); n > 0; n-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		want := -1
		if loc := itemAfterSentenceAt.FindStringIndex(s); loc != nil {
			want = loc[1]
		}
		if got := itemAt(s); got != want {
			t.Fatalf("%q: %d, want %d", s, got, want)
		}
	}
}

// TestCountFieldsMatchesFields holds countFields to strings.Fields.
func TestCountFieldsMatchesFields(t *testing.T) {
	alphabet := []string{"1", "a", " ", "\t", "\u3000", "\u00a0", "\u0085", "\xe3\x80", "\xff", "申"}
	r := rand.New(rand.NewSource(17))
	for i := 0; i < 30000; i++ {
		s := ""
		for n := r.Intn(8); n > 0; n-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Fatalf("%q: %d, want %d", s, got, want)
		}
	}
}

// randomFrom joins up to n random pieces of alphabet.
func randomFrom(r *rand.Rand, alphabet []string, n int) string {
	var b strings.Builder
	for k := r.Intn(n + 1); k > 0; k-- {
		b.WriteString(alphabet[r.Intn(len(alphabet))])
	}
	return b.String()
}

// holdsTo holds scanner to pattern, the regexp it stands for, on n
// strings of up to k pieces of alphabet.
func holdsTo[T comparable](t *testing.T, alphabet []string, k, n int, scanner, pattern func(string) T) {
	t.Helper()
	r := rand.New(rand.NewSource(15))
	for i := 0; i < n; i++ {
		s := randomFrom(r, alphabet, k)
		if got, want := scanner(s), pattern(s); got != want {
			t.Fatalf("%q: scanner %#v, pattern %#v", s, got, want)
		}
	}
}

// TestPageMarkerMatchesRegexp holds pageMarker to pageMarkerRe.
func TestPageMarkerMatchesRegexp(t *testing.T) {
	alphabet := []string{"-", "—", "–", "－", "―", "─", " ", "\t", "\u3000", "1", "23", "4567", "0", "第", "页", ",", "，", "/", "共", "x", "\xe2", "\xff"}
	cases := []string{"", "— 4 —", "-4-", "第4页", "第 12 页，共 30 页", "第4页/共9页", "4/9", "4 / 9", "1234/5", "第1234页", "—4", "第4页共9页x"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 60000; i++ {
		cases = append(cases, randomFrom(r, alphabet, 10))
	}
	for _, s := range cases {
		if got, want := pageMarker(s), pageMarkerRe.MatchString(s); got != want {
			t.Fatalf("%q: scanner %v, regexp %v", s, got, want)
		}
	}
}

// TestListedSepMatchesRegexp holds atListedSep to listedSep.
func TestListedSepMatchesRegexp(t *testing.T) {
	alphabet := []string{"、", "，", ",", "；", ";", "。", " ", "\t", "\n", "\u3000", "一", "三", "七", "八", ".", "．", "x", "\xe3", "\xff"}
	holdsTo(t, alphabet, 6, 60000, atListedSep, listedSep.MatchString)
}

// TestHeaderGenerationScan holds headerGeneration's one pass to the two
// lists of words it replaced, on labels made of those words and others.
func TestHeaderGenerationScan(t *testing.T) {
	old := func(t string) model.Generation {
		switch {
		case hasAny(t, []string{"新制作", "新公开", "公开总数", "上一年", "增/减", "增减", "采购项目", "采购总金额"}):
			return model.Gen2019
		case hasAny(t, []string{"制发", "废止", "度止", "现行有效", "收费金额", "处理决定"}):
			return model.Gen2021
		}
		return ""
	}
	parts := []string{"新制作", "新公开", "公开总数", "上一年", "增/减", "增减", "采购项目", "采购总金额", "制发", "废止", "度止",
		"现行有效", "收费金额", "处理决定", "新", "公开", "增", "/", "减", "采购", "制", "处理", "信息内容", "规章", "a", " ", "１"}
	rng := rand.New(rand.NewSource(715))
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rng.Intn(6); k >= 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		if got, want := headerGeneration(s), old(s); got != want {
			t.Fatalf("headerGeneration(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestParseValueWhole holds parseValue's whole-number path and its blank
// marks to strconv.ParseFloat and the map, on generated cells.
func TestParseValueWhole(t *testing.T) {
	for _, m := range blankMarks {
		if len(m) > maxBlankMark {
			t.Fatalf("blank mark %q longer than maxBlankMark", m)
		}
		if k, _, _ := parseValue(" " + m + " "); k != blank {
			t.Fatalf("parseValue(%q) is not blank", m)
		}
	}
	rng := rand.New(rand.NewSource(39))
	for n := 0; n < 50000; n++ {
		digits := strconv.FormatUint(rng.Uint64()>>uint(rng.Intn(64)), 10)
		if len(digits) > 1 && digits[0] == '0' {
			continue
		}
		want, _ := strconv.ParseFloat(digits, 64)
		s := digits
		if rng.Intn(3) == 0 {
			s, want = "-"+s, -want
		}
		k, v, _ := parseValue(s)
		if k != number || v != want {
			t.Fatalf("parseValue(%q) = %v %v, want %v", s, k, v, want)
		}
	}
}

// TestReviewIndex holds reviewIndex to digitrun.ReviewPath, of which it
// is the inverse.
func TestReviewIndex(t *testing.T) {
	for i := 0; i < 15; i++ {
		for _, g := range model.ReviewGroups {
			for _, o := range model.ReviewOutcomes {
				want := digitrun.ReviewPath(i) == "review_litigation."+g.Key+"."+o.Key
				if got := reviewIndex(g.Key, o.Key) == i; got != want {
					t.Fatalf("reviewIndex(%s, %s) == %d is %v, ReviewPath says %v", g.Key, o.Key, i, got, want)
				}
			}
		}
	}
	if reviewIndex("nope", "total") != -1 {
		t.Fatal("an unknown row has an index")
	}
}

// TestNumberingLen holds numberingLen to the pattern it replaced.
func TestNumberingLen(t *testing.T) {
	re := regexp.MustCompile(`^(?:\d{1,2}\s*[.、,．]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}\s*[、.,]|\([一二三四五六七八九十]{1,2}\))`)
	parts := []string{"1", "7", "12", "0", "(", ")", "一", "三", "十", "、", ".", ",", "．", " ", "\t", "\n", "\u3000", "其他", "a", "\xe4", "（", "）"}
	rng := rand.New(rand.NewSource(11))
	matched := 0
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.Intn(7); k >= 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		want := len(re.FindString(s))
		if got := numberingLen(s); got != want {
			t.Fatalf("numberingLen(%q) = %d, the pattern matches %d bytes", s, got, want)
		}
		if want > 0 {
			matched++
		}
	}
	if matched < 5000 {
		t.Errorf("only %d generated labels are numbered", matched)
	}
}
