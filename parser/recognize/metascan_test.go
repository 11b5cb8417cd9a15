package recognize

import (
	"math/rand"
	"testing"
)

// The scanners of metascan.go against their patterns in meta.go, on
// strings drawn from the pieces each pattern is made of and a few that
// break it (invalid bytes, the characters (?i) folds onto ASCII letters).

func TestTitleYearMatchesRegexp(t *testing.T) {
	alphabet := []string{"19", "20", "2", "0", "1", "9", "5", "24", "年", "度", " ", "\t", "\n", "\u3000", "报告", "XX局", "\xe5\xb9", "\xff", "１"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 50000; i++ {
		s := randomFrom(r, alphabet, 10)
		m := titleYearRe.FindStringSubmatch(s)
		y, ok := titleYear(s)
		if ok != (m != nil) || ok && y != m[1] {
			t.Fatalf("%q: %q %v, regexp %q", s, y, ok, m)
		}
		if got, want := dropTitleYears(s), titleYearRe.ReplaceAllString(s, ""); got != want {
			t.Fatalf("%q: %q, regexp %q", s, got, want)
		}
	}
}

func TestTitleSuffixMatchesRegexp(t *testing.T) {
	alphabet := []string{"政府", "政", "府", "信息公开", "信息", "公开", "工作", "年度", "报告", "报", "年报", "政府信息公开年报", "\n", " ", "XX局", "\xe6", "\xff"}
	holdsTo(t, alphabet, 9, 50000, dropTitleSuffix, func(s string) string { return titleSuffix.ReplaceAllString(s, "") })
}

func TestCoverVerbsMatchesRegexp(t *testing.T) {
	alphabet := []string{"报送", "印发", "公布", "发布", "上报", "转发", "公开", "报", "送", "发", "XX局", "关于", " ", "\xe5", "\xff"}
	holdsTo(t, alphabet, 7, 50000, dropCoverVerbs, func(s string) string { return coverVerbs.ReplaceAllString(s, "") })
}

func TestHeaderKeyMatchesRegexp(t *testing.T) {
	alphabet := append([]string{":", "：", " ", "\t", "\n", "\u3000", "标", "发布", "XX", "\xef\xbc", "\xff"}, headerKeys...)
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 50000; i++ {
		s := randomFrom(r, alphabet, 5)
		m := headerKeyRe.FindStringSubmatch(s)
		k, end := headerKeyMatch(s)
		if (end >= 0) != (m != nil) || m != nil && (k != m[1] || end != len(m[0])) {
			t.Fatalf("%q: %q %d, regexp %q", s, k, end, m)
		}
	}
}

func TestBreadcrumbMatchesRegexp(t *testing.T) {
	alphabet := append([]string{">", ">", "\n", " ", "首页", "您", "位置", "当前", "\xe5", "\xff"}, breadcrumbStarts...)
	holdsTo(t, alphabet, 6, 50000, breadcrumb, breadcrumbRe.MatchString)
}

func TestLooksLikePathMatchesRegexp(t *testing.T) {
	alphabet := []string{"http", "HTTPS", "s", "ſ", "K", "k", ":", "//", "/", "www", "WwW", ".", "a", "Z", "0", "_", "-", "html", "HTM", "sh", "tml", "jsp", "aspx", "php", "docx", "pdf", "wps", "ofd", "xls", "x", "txt", "报告", " ", "\n", "\xe5", "\xff", "\u00e9"}
	holdsTo(t, alphabet, 8, 100000, looksLikePath, pathRe.MatchString)
}

func TestIssueDateIndexMatchesRegexp(t *testing.T) {
	alphabet := []string{"2024", "19", "20", "１９", "２０", "２", "0", "1", "12", "〇", "二", "零", "○", "十", "年", "月", "日", " ", "\n", "。", "局", "a", "\xe6", "\xff"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 100000; i++ {
		s := randomFrom(r, alphabet, 12)
		if i%2 == 0 { // a date, mostly well formed, after some text
			year := []string{"2024", "１９９９", "２０２４", "1９99", "二〇二四", "〇〇〇〇", "202", "20x4"}
			num := []string{"1", "12", "十", "十二", "二十六", "１２", "123", "0", "三十一日"}
			sp := []string{"", " ", "  "}
			s += year[r.Intn(len(year))] + sp[r.Intn(3)] + "年" + sp[r.Intn(3)] + num[r.Intn(len(num))] + sp[r.Intn(3)] + "月" + sp[r.Intn(3)] + num[r.Intn(len(num))] + sp[r.Intn(3)] + "日"
		}
		got, want := issueDateIndex(s), issueDateRe.FindStringIndex(s)
		if (got == nil) != (want == nil) || got != nil && (got[0] != want[0] || got[1] != want[1]) {
			t.Fatalf("%q: %v, regexp %v", s, got, want)
		}
	}
}

func TestHanRunEndMatchesRegexp(t *testing.T) {
	alphabet := []string{"局", "〇", "（", "）", "(", ")", "。", "\n", " ", "a", "1", "\xe5", "\xe5\xb1", "\xff", "\ufffd", "㐀", "𠀀", "ー", "々"}
	holdsTo(t, alphabet, 8, 100000, hanRunEndOf, hanRunEnd.FindString)
}
