package audit

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// randomText strings together pieces that the hand-written matchers look
// at, and others.
func randomText(r *rand.Rand, n int) string {
	alphabet := []string{"近", "约", "超过", "逾", "多于", "不足", "近乎", "乎", "公开", "提供", "处理", "申请", "及", "和", "与", "、",
		"或", "以及", "或者", "者", "。", "！", "？", "!", "?", "；", ";", "\n", " ", "2023", "年", "19", "20", "1", "9", "0", "\t", "a", "共", "\xff"}
	var b strings.Builder
	for i := r.Intn(n); i > 0; i-- {
		b.WriteString(alphabet[r.Intn(len(alphabet))])
	}
	return b.String()
}

// TestScannersMatchPatterns holds the hand-written matchers to the
// patterns they stand for.
func TestScannersMatchPatterns(t *testing.T) {
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 30000; i++ {
		s := randomText(r, 8)
		if got, want := endsApprox(s), approxRe.MatchString(s); got != want {
			t.Fatalf("endsApprox(%q) = %v, pattern %v", s, got, want)
		}
		if got, want := endsJoined(s), joinedRe.MatchString(s); got != want {
			t.Fatalf("endsJoined(%q) = %v, pattern %v", s, got, want)
		}
		if got, want := fmt.Sprint(yearsIn(s)), fmt.Sprint(yearRe.FindAllStringSubmatch(s, -1)); got != want {
			t.Fatalf("yearsIn(%q): %s, pattern %s", s, got, want)
		}
		var want []string
		for _, p := range sentenceEnd.Split(s, -1) {
			if p = strings.TrimSpace(p); p != "" {
				want = append(want, p)
			}
		}
		if got := sentences(s); strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Fatalf("sentences(%q) = %q, pattern %q", s, got, want)
		}
	}
}

// TestClaimIndexMatchesContains holds the one-pass search for claim words
// to strings.Contains, claim by claim.
func TestClaimIndexMatchesContains(t *testing.T) {
	var pieces []string
	for _, ws := range claimWords() {
		for _, w := range ws {
			pieces = append(pieces, w, w[:len(w)-3])
		}
	}
	pieces = append(pieces, "申请", "，", "1", " ", "\xff", "\xe4\xb8")
	idx := claimWordIndex()
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 30000; i++ {
		s := ""
		for n := r.Intn(6); n > 0; n-- {
			s += pieces[r.Intn(len(pieces))]
		}
		found := idx.found(s)
		for ci, c := range claims {
			if got, want := found&idx.masks[ci] != 0, containsAny(s, claimWords()[c.key]); got != want {
				t.Fatalf("%q, claim %s: %v, want %v", s, c.key, got, want)
			}
		}
	}
}

// TestHasTopHeadingMatchesPattern holds hasTopHeading to topHeading.
func TestHasTopHeadingMatchesPattern(t *testing.T) {
	alphabet := []string{"二", "三", "十", "一", "、", "#", " ", "\t", "\n", "\r", "a", "申", "\xff", "\xe4\xb8"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 50000; i++ {
		s := randomText(r, 1)
		for n := r.Intn(8); n > 0; n-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		if got, want := hasTopHeading(s), topHeading.MatchString(s); got != want {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
	}
}

// TestCountsSomething: a claim pattern flagged numeric matches only where
// countsSomething holds, on sentences built from the claims' words,
// numbers and units.
func TestCountsSomething(t *testing.T) {
	parts := []string{"新收", "收到", "申请", "共", "为", "件", "条", "个", "起", "宗", "万元", "元", "项", "次",
		"1", "25", "3,000", "4.5", "，", "。", "行政复议", "行政诉讼", "案件", "予以公开", "行政事业性收费", "金额",
		"制发", "规范性文件", "结转", "下一年度", "办理", "决定", "行政许可", "未", " ", "a"}
	numeric := claimNumeric()
	rng := rand.New(rand.NewSource(21))
	matched := 0
	for n := 0; n < 60000; n++ {
		var b strings.Builder
		for k := rng.Intn(9); k >= 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		counted := countsSomething(s)
		for ci, c := range claims {
			for ri, re := range c.res {
				if !numeric[ci][ri] || !re.orig.MatchString(s) {
					continue
				}
				matched++
				if !counted {
					t.Fatalf("%q matches %s but countsSomething says no number and unit stand in it", s, re)
				}
			}
		}
	}
	if matched < 150 {
		t.Errorf("only %d matches generated", matched)
	}
}

// claimPieces are the words of the claim patterns (each run of non-ASCII
// characters in them), numbers, units, delimiters and bad bytes.
func claimPieces() []string {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, c := range claims {
		for _, re := range c.res {
			run := []rune{}
			for _, r := range re.String() + "x" {
				if r < 0x80 {
					add(string(run))
					if len(run) > 1 {
						add(string(run[:1]))
						add(string(run[len(run)-1:]))
					}
					run = run[:0]
					continue
				}
				run = append(run, r)
			}
		}
	}
	for _, p := range []string{"1", "23", "2024", "1,234", "12,34", "5.6", ",", ".", ";", ":", "(", ")", " ", "\xff", "\xe4\xb8", "其他", "近", "a", "复议"} {
		add(p)
	}
	return out
}

// TestStartReMatchesPattern holds the claim patterns tried at their
// opening characters to the regexps tried everywhere.
func TestStartReMatchesPattern(t *testing.T) {
	pieces := claimPieces()
	var res []*startRe
	for _, c := range claims {
		for _, re := range c.res {
			if re.init(); re.fallback {
				t.Errorf("%s falls back to the regexp", re)
			}
			res = append(res, re)
		}
	}
	// Patterns that open with ^, optionally or on one branch only.
	for _, p := range []string{`(?:^|a)(?P<x>b)|b`, `(?:^|[，,])办结(?P<n>\d+)件`, `^b+|a`, `(?:^)?ab`, `收(?:到|受)?`} {
		re := newStartRe(p)
		if re.init(); re.fallback {
			t.Errorf("%s falls back to the regexp", re)
		}
		res = append(res, re)
	}
	for _, re := range res {
		for _, name := range []string{"n", "u", "y", "x"} {
			if got, want := re.atN.SubexpIndex(name), re.orig.SubexpIndex(name); got != want {
				t.Errorf("%s: group %s is %d, want %d", re, name, got, want)
			}
		}
	}
	res = append(res, notAboutRe)
	for _, re := range res {
		re.uses.Store(warmUses) // every search analysed, from the first
	}
	pieces = append(pieces, "a", "b", "ab", "不涉及", "不属于", "并非", "非", "政府", "工作", "无关", "以外", "之外", "与")
	r := rand.New(rand.NewSource(15))
	matched := 0
	for n := 0; n < 40000; n++ {
		var b strings.Builder
		for k := r.Intn(14); k >= 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		for _, re := range res {
			got, want := re.FindAllStringSubmatchIndex(s), re.orig.FindAllStringSubmatchIndex(s, -1)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%s on %q: %v, want %v", re, s, got, want)
			}
			matched += len(want)
			if re == notAboutRe {
				if got, want := re.deleteAll(s), re.orig.ReplaceAllString(s, ""); got != want {
					t.Fatalf("%s deleted from %q: %q, want %q", re, s, got, want)
				}
			}
		}
	}
	if matched < 3000 {
		t.Errorf("only %d matches generated", matched)
	}
	t.Logf("%d matches", matched)
}

// A pattern searches with the plain regexp until it has been used
// warmUses times (a one-file parse does not pay for the analysis), then
// by the analysis, with the same matches.
func TestStartReAnalysedAfterWarmUses(t *testing.T) {
	re := newStartRe(`收(?:到|受)?(?P<n>\d+)件`)
	s := "今年收到12件，收受3件。"
	want := fmt.Sprint(re.orig.FindAllStringSubmatchIndex(s, -1))
	for i := 0; i < warmUses; i++ {
		if got := fmt.Sprint(re.FindAllStringSubmatchIndex(s)); got != want {
			t.Fatalf("search %d: %s, want %s", i, got, want)
		}
	}
	if re.at0 != nil {
		t.Fatalf("analysed after %d searches, before warmUses", warmUses)
	}
	if got := fmt.Sprint(re.FindAllStringSubmatchIndex(s)); got != want || re.at0 == nil || re.fallback {
		t.Fatalf("after warmUses: %s (analysed %v), want %s by the analysis", got, re.at0 != nil, want)
	}
}
