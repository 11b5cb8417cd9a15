package recognize

import (
	"math/rand"
	"testing"
)

// The scanners of metascan2.go against their patterns in meta.go and
// attach.go, on strings drawn from the pieces each pattern is made of and
// a few that break it.

func TestPeriodYearMatchesRegexp(t *testing.T) {
	alphabet := []string{"统计期限", "统计", "期限", "为", "自", "：", "\n", " ", "\t", "2024", "19", "20", "2", "0", "年", "1", "月", "日", "至", "12", "31", "x", "\xe7", "\xff"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 100000; i++ {
		s := randomFrom(r, alphabet, 14)
		m := periodYearRe.FindStringSubmatch(s)
		y, ok := periodYear(s)
		if ok != (m != nil) || ok && y != m[1] {
			t.Fatalf("%q: %q %v, regexp %q", s, y, ok, m)
		}
	}
}

func TestAgencySubjectMatchesRegexp(t *testing.T) {
	alphabet := append([]string{"，", "。", ",", "；", ";", "、", "2024", "1999", "20", "年", "度", "我", "本", "平潭", "综合", "X", " ", "\xe5", "\xff", "ー", "〇"}, agencySuffixList[:]...)
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 100000; i++ {
		s := randomFrom(r, alphabet, 12)
		if i%3 == 0 { // a year at the start, where ^ opens the match
			s = []string{"2024年", "2024年度", "1999年，", "2020年度我", "２０２４年"}[r.Intn(5)] + s
		}
		want := []int{-1, -1}
		if m := agencySubjectRe.FindStringSubmatchIndex(s); m != nil {
			want = m[2:4]
		}
		if a, b := agencySubject(s); a != want[0] || b != want[1] {
			t.Fatalf("%q: %d %d, regexp %v", s, a, b, want)
		}
		if got, want := agencyMore(s), agencyMoreRe.FindString(s); got != want {
			t.Fatalf("%q: %q, regexp %q", s, got, want)
		}
	}
}

// TestAgencySubjectLazyLimit holds the name's bounds, 2 to 25 characters.
func TestAgencySubjectLazyLimit(t *testing.T) {
	for n := 0; n < 28; n++ {
		s := "2024年，"
		for i := 0; i < n; i++ {
			s += "平"
		}
		s += "区人民政府"
		want := []int{-1, -1}
		if m := agencySubjectRe.FindStringSubmatchIndex(s); m != nil {
			want = m[2:4]
		}
		if a, b := agencySubject(s); a != want[0] || b != want[1] {
			t.Fatalf("%q: %d %d, regexp %v", s, a, b, want)
		}
	}
}

func TestBylineAgenciesMatchesRegexp(t *testing.T) {
	alphabet := []string{"发布机构", "发文机关", "发布单位", "信息来源", "来源", "来", "信息", ":", "：", " ", "\t", "\n", "平潭", "局", "（", "）", "(", ")", "、", "a", "1", "\xe5", "\xff"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 100000; i++ {
		s := randomFrom(r, alphabet, 12)
		if i%2 == 0 {
			name := "平潭综合实验区管理委员会办公室综合实验区管理委员会办公室综合实验区管理委员会办公室"
			s += name[:3*r.Intn(len(name)/3+1)]
		}
		var got []string
		bylineAgencies(s, func(a string) bool { got = append(got, a); return false })
		want := agencyByline.FindAllStringSubmatch(s, -1)
		if len(got) != len(want) {
			t.Fatalf("%q: %q, regexp %q", s, got, want)
		}
		for k := range got {
			if got[k] != want[k][1] {
				t.Fatalf("%q: %q, regexp %q", s, got, want)
			}
		}
	}
}

func TestEndsAttachExtMatchesRegexp(t *testing.T) {
	alphabet := []string{".", "doc", "DOCX", "x", "pdf", "PDF", "wps", "wpſ", "ofd", "xls", "XLSX", "et", "ET", "e", "t", "K", "报告", " ", "/", "\xff"}
	holdsTo(t, alphabet, 6, 80000, endsAttachExt, attachExtRe.MatchString)
}

// TestPeriodYearLazyLimit holds the bound of six characters between
// 统计期限 and the date.
func TestPeriodYearLazyLimit(t *testing.T) {
	for n := 0; n < 9; n++ {
		for _, fill := range []string{"为", "x", "\n", "\xff"} {
			s := "统计期限"
			for i := 0; i < n; i++ {
				s += fill
			}
			s += "2024年1月1日至12月31日"
			m := periodYearRe.FindStringSubmatch(s)
			y, ok := periodYear(s)
			if ok != (m != nil) || ok && y != m[1] {
				t.Fatalf("%q: %q %v, regexp %q", s, y, ok, m)
			}
		}
	}
}
